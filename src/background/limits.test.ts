import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cookie } from '../jar';
import { MIRROR_RULES, oversize, utf8Length } from './limits';

const STRINGS: [what: string, text: string][] = [
  ['empty', ''],
  ['ASCII', 'session_id=abc'],
  ['two-byte', 'é'],
  ['three-byte', '€'],
  ['a surrogate pair (four bytes)', '\u{1F36A}'],
  ['a lone high surrogate (three, as U+FFFD)', 'a\uD800b'],
  ['a lone low surrogate', '\uDC00'],
  ['the last one-byte and the first two-byte characters (U+007F, U+0080)', '\u007F\u0080'],
  ['the last two-byte and the first three-byte characters (U+07FF, U+0800)', '\u07FF\u0800'],
  ['the first and the last four-byte characters (U+10000, U+10FFFF: the surrogates’ bounds)', '\u{10000}\u{10FFFF}'],
  ['a lone high surrogate before a two-byte character', '\uD800é'],
  ['a lone high surrogate before U+E000 (just past the low surrogates)', '\uDBFF\uE000'],
  ['a three-byte character before a lone low surrogate', '€\uDC00'],
  ['two lone low surrogates', '\uDC00\uDFFF'],
  ['long and mixed', `${'x'.repeat(5000)}é€\u{1F36A}`],
  ['longer than the scratch buffer holds (counted by the loop)', `${'é'.repeat(40_000)}\u{1F36A}a\uD800`],
];

// Past 32,768 characters the count is the module's own loop rather than the encoder: each case
// again behind 40,000 ASCII characters, so both ways are held to TextEncoder.
const PAST_SCRATCH = 'x'.repeat(40_000);

describe('utf8Length counts what TextEncoder writes', () => {
  it('has every case', () => { expect(STRINGS).toHaveLength(16); });
  it.each(STRINGS)('%s', (_what, text) => { expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length); });
  it.each(STRINGS)('%s, in a long string', (_what, text) => {
    const long = `${PAST_SCRATCH}${text}`;
    expect(utf8Length(long)).toBe(new TextEncoder().encode(long).length);
  });
});

const cookie = (name: string, value: string | null) => new Cookie({
  version: 0, name, value, port: null, portSpecified: false, domain: 'a.test', domainSpecified: false, domainInitialDot: false,
  path: '/', pathSpecified: false, secure: false, expires: null, discard: true, comment: null, commentUrl: null,
});

describe('the name+value limit (Chromium: 4,096 stored, 4,097 refused)', () => {
  it.each([
    ['4,096 ASCII bytes', cookie('n', 'v'.repeat(4095)), null],
    ['4,097 ASCII bytes', cookie('n', 'v'.repeat(4096)), 'mirror.name-value-too-long'],
    ['1,366 three-byte characters (4,098 bytes in 1,367 characters)', cookie('n', '€'.repeat(1366)), 'mirror.name-value-too-long'],
    ['no value, a 4,097-byte name', cookie('n'.repeat(4097), null), 'mirror.name-value-too-long'],
    ['no value, a 4,096-byte name', cookie('n'.repeat(4096), null), null],
  ])('%s', (_what, c, rule) => { expect(oversize(c, 4096)?.rule ?? null).toBe(rule); });
});

describe('the refusal’s reason, as the Why view shows it', () => {
  it('says the bytes and the limit, and names the cookie', () => {
    expect(oversize(cookie('big', 'v'.repeat(5000)), 4096)?.reason).toBe('The cookie big has 5,003 bytes of name and value; browsers store at most 4,096.');
  });

  it('names a cookie by its first 80 characters when its name is longer, and whole up to 80', () => {
    const name = (length: number) => 'ab'.repeat(50).slice(0, length);
    expect(oversize(cookie(name(81), 'v'.repeat(4100)), 4096)?.reason).toBe(`The cookie ${name(80)}… has 4,181 bytes of name and value; browsers store at most 4,096.`);
    expect(oversize(cookie(name(80), 'v'.repeat(4100)), 4096)?.reason).toBe(`The cookie ${name(80)} has 4,180 bytes of name and value; browsers store at most 4,096.`);
  });

  it('shows a nameless cookie as ""', () => {
    expect(oversize(cookie('', 'v'.repeat(4097)), 4096)?.reason).toBe('The cookie "" has 4,097 bytes of name and value; browsers store at most 4,096.');
  });
});

describe('the mirror’s rules', () => {
  it('are each listed in docs/background.md', () => {
    const docs = readFileSync(new URL('../../docs/background.md', import.meta.url), 'utf8');
    expect(Object.keys(MIRROR_RULES)).toHaveLength(4);
    for (const rule of Object.keys(MIRROR_RULES)) expect(docs).toContain(`| \`${rule}\` |`);
  });
});
