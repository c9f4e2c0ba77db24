// Properties of the model on any input, with either browser's rules: it never throws on a
// Set-Cookie line, and its parsers do work linear in the input (counted steps, not wall time) on
// adversarial 100 KB lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BROWSERS, BrowserCookieStore, parseCookieDate, parseNsprDate, parseSetCookie } from './index';

const SYNTAXES = [['Chromium', BROWSERS.chromium], ['Firefox', BROWSERS.firefox]] as const;
const DATE_PARSERS = [['Chromium', parseCookieDate], ['Firefox (NSPR)', parseNsprDate]] as const;

const NOW = Date.UTC(2026, 11, 1);
/** Generous: the worst inputs measured take about 3 steps a character. */
const STEPS_PER_CHAR = 8;

const ADVERSARIAL: [string, (n: number) => string][] = [
  ['semicolons', (n) => ';'.repeat(n)],
  ['equals', (n) => '='.repeat(n)],
  ['spaces and tabs', (n) => ' \t'.repeat(n / 2)],
  ['empty attributes', (n) => `a=b${'; '.repeat(n / 2)}`],
  ['attribute pairs', (n) => `a=b${'; x=y'.repeat(n / 5)}`],
  ['whitespace before a separator', (n) => `a${' '.repeat(n)}=b`],
  ['whitespace after a value', (n) => `a=b${' '.repeat(n)};c`],
  ['long name', (n) => `${'n'.repeat(n)}=v`],
  ['long value', (n) => `a=${'v'.repeat(n)}`],
  ['control characters', (n) => `a=b${'\x01'.repeat(n)}`],
  ['many Domain attributes', (n) => `a=b${'; Domain=example.com'.repeat(n / 20)}`],
  ['many Expires attributes', (n) => `a=b${'; Expires=Wed, 21 Oct 2099 07:28:00 GMT'.repeat(n / 40)}`],
  ['nameless', (n) => 'v '.repeat(n / 2)],
];

const DATES: [string, (n: number) => string][] = [
  ['delimiters', (n) => '-'.repeat(n)],
  ['digits', (n) => '1'.repeat(n)],
  ['times', (n) => '12:00:00 '.repeat(n / 9)],
  ['months', (n) => 'Jan '.repeat(n / 4)],
  ['number tokens', (n) => '1 '.repeat(n / 2)],
  ['numeric dates', (n) => '1/2/3 '.repeat(n / 6)],
  ['zone offsets', (n) => '+0100 -'.repeat(n / 7)],
  ['dashes after words', (n) => 'ab-'.repeat(n / 3)],
];

function stepsOf(run: (counter: { steps: number }) => unknown): number {
  const counter = { steps: 0 };
  run(counter);
  return counter.steps;
}

describe('the parsers are linear in their input', () => {
  it('has its adversarial inputs', () => {
    expect(ADVERSARIAL).toHaveLength(13);
    expect(DATES).toHaveLength(8);
  });

  describe.each(SYNTAXES)('%s', (_browser, syntax) => {
    it.each(ADVERSARIAL)('Set-Cookie: %s (100 KB)', (_, make) => {
      for (const n of [1_000, 100_000]) {
        const line = make(n);
        expect(stepsOf((counter) => parseSetCookie(line, counter, syntax))).toBeLessThanOrEqual(STEPS_PER_CHAR * (line.length + 1));
      }
    });
  });

  describe.each(DATE_PARSERS)('%s', (_browser, parse) => {
    it.each(DATES)('Expires: %s (100 KB)', (_, make) => {
      for (const n of [1_000, 100_000]) {
        const text = make(n);
        expect(stepsOf((counter) => parse(text, counter))).toBeLessThanOrEqual(STEPS_PER_CHAR * (text.length + 1));
      }
    });
  });

  it('on random repetitions of Set-Cookie pieces up to 100 KB', () => {
    const piece = fc.constantFrom(';', '=', ' ', '\t', 'a', 'Domain=', 'Path=/', '\x01', '"', 'é', 'Expires=1 Jan 2030 ', ':');
    const adversarial = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 100_000 }))
      .map(([unit, length]) => unit.join('').repeat(Math.ceil(length / unit.join('').length)).slice(0, length));
    fc.assert(fc.property(adversarial, (line) => {
      for (const [, syntax] of SYNTAXES) expect(stepsOf((counter) => parseSetCookie(line, counter, syntax))).toBeLessThanOrEqual(STEPS_PER_CHAR * (line.length + 1));
      for (const [, parse] of DATE_PARSERS) expect(stepsOf((counter) => parse(line, counter))).toBeLessThanOrEqual(STEPS_PER_CHAR * (line.length + 1));
    }), { numRuns: 40 });
  });
});

describe.each(['chromium', 'firefox'] as const)('the model (%s) never throws on a Set-Cookie line', (browser) => {
  const contexts = [
    { url: 'https://www.example.com/a/b' },
    { url: 'http://10.1.2.3:8080/', topLevelUrl: 'https://www.example.org/' },
    { url: 'https://user.github.io/x', topLevelUrl: 'https://www.example.net/', kind: 'frame' as const, frameUrls: ['https://a.example.com/'] },
    { url: 'http://localhost/' },
  ];

  it('for any line, in any context, and then sends', () => {
    const line = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(fc.constantFrom('a', '=', ';', ' ', 'Domain=', 'example.com', 'Path=', '/', 'Secure', 'SameSite=', 'None', 'Partitioned', 'Max-Age=', '0', '__Host-', '\t', '\x7f'), { maxLength: 40 }).map((parts) => parts.join('')));
    fc.assert(fc.property(line, fc.constantFrom(...contexts), (text, context) => {
      const store = new BrowserCookieStore({ browser, now: () => NOW });
      const verdict = store.setFromHeader(text, context);
      expect(['stored', 'deleted', 'refused']).toContain(verdict.outcome);
      expect(verdict.sentence.length).toBeGreaterThan(0);
      expect(verdict.outcome === 'refused').toBe(verdict.reasons.length > 0);
      store.cookiesFor(context);
    }), { numRuns: 500 });
  }, 30_000); // 500 random lines take about 3 s on a loaded machine: a time budget, not an assertion.

  it.each(ADVERSARIAL)('for the adversarial line "%s" (100 KB)', (_, make) => {
    const store = new BrowserCookieStore({ browser, now: () => NOW });
    const verdict = store.setFromHeader(make(100_000), { url: 'https://www.example.com/' });
    expect(verdict.sentence.length).toBeLessThan(2_000);
  });
});
