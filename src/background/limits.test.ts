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
  ['long and mixed', `${'x'.repeat(5000)}é€\u{1F36A}`],
  ['longer than the scratch buffer holds (counted by the loop)', `${'é'.repeat(40_000)}\u{1F36A}a\uD800`],
];

describe('utf8Length counts what TextEncoder writes', () => {
  it('has every case', () => { expect(STRINGS).toHaveLength(9); });
  it.each(STRINGS)('%s', (_what, text) => { expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length); });
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
  ])('%s', (_what, c, rule) => { expect(oversize(c, 4096)?.rule ?? null).toBe(rule); });
});

describe('the mirror’s rules', () => {
  it('are each listed in docs/background.md', () => {
    const docs = readFileSync(new URL('../../docs/background.md', import.meta.url), 'utf8');
    expect(Object.keys(MIRROR_RULES)).toHaveLength(4);
    for (const rule of Object.keys(MIRROR_RULES)) expect(docs).toContain(`| \`${rule}\` |`);
  });
});
