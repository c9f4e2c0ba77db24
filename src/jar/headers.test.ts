import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { joinHeaderWords, parseNsHeaders, splitHeaderWords, stripQuotes, type HeaderPair } from './headers';
import vectors from './text-vectors/headers.json';

// Expected values: recorded from python3.11's http.cookiejar by text-vectors/generate_dates_headers.py.
type Outcome<T> = { value: T } | { error: string };
const { now } = vectors;
const splitCases = vectors.splitHeaderWords as { values: string[]; result: Outcome<HeaderPair[][]> }[];
const nsCases = vectors.parseNsHeaders as { values: string[]; result: Outcome<[string, string | number | null][][]> }[];
const joinCases = vectors.joinHeaderWords as { lists: [string, string | null][][]; result: Outcome<string> }[];
const stripCases = vectors.stripQuotes as { text: string; result: string }[];

function outcome<T>(run: () => T): Outcome<T> {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof Error && error.name === 'CookieValueError') return { error: 'ValueError' };
    throw error;
  }
}
const label = (value: unknown) => JSON.stringify(value).slice(0, 80);

describe('header helpers agree with Python', () => {
  it('has the vectors recorded from python3 (an empty or cut file fails)', () => {
    expect([splitCases.length, nsCases.length, joinCases.length, stripCases.length]).toEqual([542, 566, 524, 8]);
  });
  it.each(splitCases.map((c) => [label(c.values), c] as const))('splitHeaderWords(%s)', (_, c) => {
    expect(outcome(() => splitHeaderWords(c.values))).toEqual(c.result);
  });
  it.each(nsCases.map((c) => [label(c.values), c] as const))('parseNsHeaders(%s)', (_, c) => {
    expect(outcome(() => parseNsHeaders(c.values, { now }))).toEqual(c.result);
  });
  it.each(joinCases.map((c) => [label(c.lists), c] as const))('joinHeaderWords(%s)', (_, c) => {
    expect(outcome(() => joinHeaderWords(c.lists))).toEqual(c.result);
  });
  it.each(stripCases.map((c) => [label(c.text), c] as const))('stripQuotes(%s)', (_, c) => {
    expect(stripQuotes(c.text)).toBe(c.result);
  });
  it('keeps the docstring examples', () => {
    expect(splitHeaderWords(['foo="bar"; port="80,81"; discard, bar=baz'])).toEqual([
      [['foo', 'bar'], ['port', '80,81'], ['discard', null]], [['bar', 'baz']],
    ]);
    expect(splitHeaderWords([String.raw`Basic realm="\"foo\bar\""`])).toEqual([[['Basic', null], ['realm', '"foobar"']]]);
    // Found by the property below; python3's split_header_words gives these (a backslash escapes \r too).
    expect(splitHeaderWords(['a="\\\r"bar"'])).toEqual([[['a', '\r'], ['bar"', null]]]);
    expect(splitHeaderWords(['a="\\ port="80,81"'])).toEqual([[['a', ' port='], ['80', null]], [['81"', null]]]);
    expect(joinHeaderWords([[['text/plain', null]], [['charset', 'iso-8859-1']]])).toBe('text/plain, charset="iso-8859-1"');
  });
});

// ---------------------------------------------------------------------------------------------
// An independent reference: Python's split_header_words transcribed literally (regexes applied to
// the re-sliced rest of the text). Quadratic, so only for short inputs.

const SP = '[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const TOKEN_RE = new RegExp(`^${SP}*([^=;,\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+)`);
// Python's `.` is any character but \n; JavaScript's also leaves out \r, \u2028 and \u2029.
const QUOTED_RE = new RegExp(`^${SP}*=${SP}*"([^"\\\\]*(?:\\\\[^\\n][^"\\\\]*)*)"`);
const VALUE_RE = new RegExp(`^${SP}*=${SP}*([^;,\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]*)`);
const LSTRIP_RE = new RegExp(`^${SP}+`);
const JUNK_RE = new RegExp(`^(?:[=;]|${SP})*`);

function refSplitHeaderWords(values: readonly string[]): HeaderPair[][] {
  const result: HeaderPair[][] = [];
  for (let text of values) {
    let pairs: HeaderPair[] = [];
    while (text) {
      let m = TOKEN_RE.exec(text);
      if (m) {
        text = text.slice(m[0].length);
        const name = m[1] ?? '';
        let value: string | null;
        m = QUOTED_RE.exec(text);
        if (m) {
          text = text.slice(m[0].length);
          value = (m[1] ?? '').replace(/\\([^\n])/g, '$1');
        } else {
          m = VALUE_RE.exec(text);
          if (m) {
            text = text.slice(m[0].length);
            value = m[1] ?? '';
          } else {
            value = null;
          }
        }
        pairs.push([name, value]);
      } else if (text.replace(LSTRIP_RE, '').startsWith(',')) {
        text = text.replace(LSTRIP_RE, '').slice(1);
        if (pairs.length) result.push(pairs);
        pairs = [];
      } else {
        const skipped = text.replace(JUNK_RE, '');
        expect(skipped.length).toBeLessThan(text.length);
        text = skipped;
      }
    }
    if (pairs.length) result.push(pairs);
  }
  return result;
}

const headerish = fc.array(fc.constantFrom(
  'a', 'foo', '"', '\\', '=', ';', ',', ' ', '\t', '\n', '\r', '\u00a0', '\u2028', 'é', '😀', '"bar"', '\\"', '\\\n',
  'x=y', 'path=/', 'port="80,81"', 'discard', '\x00',
), { maxLength: 20 }).map((parts) => parts.join(''));

// Any string of code points, lone surrogates included. Built at load, not in a test: fast-check
// builds its table of every code point on the first binary-string arbitrary of a process (2.5 s
// on a loaded machine), which counted against the timeout of the one test that asked first.
const binaryText = fc.string({ unit: 'binary', maxLength: 100 });

describe('splitHeaderWords matches a literal transcription of Python', () => {
  it('on header-like strings', () => {
    fc.assert(fc.property(fc.array(headerish, { minLength: 1, maxLength: 3 }), (values) => {
      expect(splitHeaderWords(values)).toEqual(refSplitHeaderWords(values));
    }), { numRuns: 3000 });
  });
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.array(binaryText, { minLength: 1, maxLength: 3 }), (values) => {
      expect(splitHeaderWords(values)).toEqual(refSplitHeaderWords(values));
    }), { numRuns: 1000 });
  });
  it('joinHeaderWords output splits back into the same words', () => {
    const token = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(s));
    const value = fc.string({ maxLength: 12 }).filter((s) => !s.includes('\n'));
    fc.assert(fc.property(fc.array(fc.array(fc.tuple(token, fc.option(value)), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), (lists) => {
      const pairs = lists.map((list) => list.map(([k, v]): HeaderPair => [k, v]));
      expect(splitHeaderWords([joinHeaderWords(pairs)])).toEqual(pairs);
    }));
  });
});

// ---------------------------------------------------------------------------------------------
// Linear time, by counted steps.

const STEPS_PER_CHAR = 20;

const ADVERSARIAL: [string, (n: number) => string][] = [
  ['quotes', (n) => '"'.repeat(n)],
  ['unterminated quoted values', (n) => 'a="x '.repeat(n / 5)],
  ['escaped quotes', (n) => `a="${'\\"'.repeat(n / 2)}`],
  ['backslashes', (n) => `a="${'\\'.repeat(n)}`],
  ['backslash newline', (n) => 'a="\\\n'.repeat(n / 5)],
  ['equals', (n) => '='.repeat(n)],
  ['name equals', (n) => 'a='.repeat(n / 2)],
  ['semicolons', (n) => ';'.repeat(n)],
  ['commas', (n) => ','.repeat(n)],
  ['spaces', (n) => ' '.repeat(n)],
  ['spaced equals', (n) => `a${' '.repeat(n)}b`],
  ['unicode spaces', (n) => '\u3000='.repeat(n / 2)],
  ['tokens', (n) => 'a '.repeat(n / 2)],
];

function steps(run: (counter: { steps: number }) => unknown): number {
  const counter = { steps: 0 };
  try {
    run(counter);
  } catch {
    // a ValueError (as Python) still counts its steps
  }
  return counter.steps;
}

describe('header parsing is linear in the input', () => {
  it.each(ADVERSARIAL)('%s (100 KB)', (_, make) => {
    for (const n of [1_000, 100_000]) {
      const text = make(n);
      expect(steps((counter) => splitHeaderWords([text], { counter }))).toBeLessThanOrEqual(STEPS_PER_CHAR * (text.length + 1));
      expect(steps((counter) => parseNsHeaders([text], { counter, now }))).toBeLessThanOrEqual(STEPS_PER_CHAR * (text.length + 1));
    }
  });

  it('on random repetitions of header pieces up to 100 KB', () => {
    const piece = fc.constantFrom('"', '\\', '=', ';', ',', ' ', '\n', 'a', 'a="', '\\"', 'expires=09 Feb 1994 ', '\u00a0');
    const adversarial = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 100_000 }))
      .map(([unit, length]) => {
        const body = unit.join('');
        return body.repeat(Math.ceil(length / body.length)).slice(0, length);
      });
    fc.assert(fc.property(adversarial, (text) => {
      expect(steps((counter) => splitHeaderWords([text], { counter }))).toBeLessThanOrEqual(STEPS_PER_CHAR * (text.length + 1));
      expect(steps((counter) => parseNsHeaders([text], { counter, now }))).toBeLessThanOrEqual(STEPS_PER_CHAR * (text.length + 1));
    }), { numRuns: 40 });
  });
});
