import { describe, expect, it } from 'vitest';
import { cut, cutMessage, escapedText, pieces } from './display';

// Each string a website could choose, and how it is shown: invisible characters as escapes.
const CASES: [what: string, input: string, shown: string][] = [
  ['plain text', 'session_id', 'session_id'],
  ['a right-to-left override (the "fdp.exe" spoof)', 'name\u202Efdp.exe', 'name\\u202Efdp.exe'],
  ['a left-to-right override and its pop', 'a\u202Db\u202Cc', 'a\\u202Db\\u202Cc'],
  ['bidi isolates', '\u2066x\u2069', '\\u2066x\\u2069'],
  ['a zero-width space and joiner', 'ad\u200Bmin\u200D', 'ad\\u200Bmin\\u200D'],
  ['a byte-order mark', '\uFEFFid', '\\uFEFFid'],
  ['a tab, a newline, DEL and a C1 control', 'a\tb\nc\u007Fd\u0085', 'a\\u0009b\\u000Ac\\u007Fd\\u0085'],
  ['line and paragraph separators', 'x\u2028y\u2029', 'x\\u2028y\\u2029'],
  ['a lone surrogate', 'bad\uD800', 'bad\\uD800'],
  ['an emoji (a surrogate pair) stays', 'id\u{1F36A}', 'id\u{1F36A}'],
  ['right-to-left letters stay (isolated by <bdi>, not escaped)', 'שלום', 'שלום'],
  ['a backslash stays as it is', 'a\\u202E', 'a\\u202E'],
];

describe('escapedText and pieces', () => {
  it('has every case', () => { expect(CASES).toHaveLength(12); });
  it.each(CASES)('%s', (_what, input, shown) => {
    expect(escapedText(input)).toBe(shown);
    expect(pieces(input).map((p) => ('text' in p ? p.text : p.escape)).join('')).toBe(shown);
  });
  it('marks each invisible character as its own piece, up to a bound', () => {
    expect(pieces('a\u202Eb')).toEqual([{ text: 'a' }, { escape: '\\u202E', code: 0x202e }, { text: 'b' }]);
    const flood = pieces('\u202E'.repeat(10_000), 256);
    expect(flood).toHaveLength(257);
    expect(flood[256]).toEqual({ text: '\\u202E'.repeat(10_000 - 256) });
  });
});

describe('cut and cutMessage', () => {
  it('keeps short strings whole and says how much a long one lost', () => {
    expect(cut('abc', 3)).toEqual({ shown: 'abc', omitted: 0 });
    expect(cut('x'.repeat(1_000_000), 1000)).toEqual({ shown: 'x'.repeat(1000), omitted: 999_000 });
  });
  it('never splits a surrogate pair', () => {
    expect(cut('ab\u{1F36A}cd', 3)).toEqual({ shown: 'ab', omitted: 4 });
  });
  it('cuts a LoadError quoting a 1 MB line to a few hundred characters, escaped', () => {
    const message = `invalid Netscape format cookies file 'x': line 2 '\u202E${'v'.repeat(1_000_000)}'`;
    const shown = cutMessage(message);
    expect(shown.length).toBeLessThan(500);
    expect(shown).toContain('\\u202E');
    expect(shown).toMatch(/… \(999,\d{3} more characters\)$/);
  });
});

describe('pieces and cut at their edges', () => {
  it.each([
    ['a control character alone', '\u0007', '\\u0007'],
    ['a line separator alone', '\u2028', '\\u2028'],
    ['a paragraph separator alone', '\u2029', '\\u2029'],
    ['a lone surrogate alone', '\uD800', '\\uD800'],
  ])('%s is an escape', (_, input, escape) => {
    expect(pieces(input)).toEqual([{ escape, code: input.codePointAt(0) }]);
  });

  it('an empty string has no pieces; an escape at the end leaves no empty piece after it', () => {
    expect(pieces('')).toEqual([]);
    expect(pieces('a\u202E')).toEqual([{ text: 'a' }, { escape: '\\u202E', code: 0x202e }]);
  });

  it('cuts before a high surrogate at the limit, and only before one', () => {
    expect(cut('ab\uD800', 3)).toEqual({ shown: 'ab\uD800', omitted: 0 });
    expect(cut('a\uD800\uDC00b', 2)).toEqual({ shown: 'a', omitted: 3 });
    expect(cut('a\uDBFF\uDFFFb', 2)).toEqual({ shown: 'a', omitted: 3 });
    expect(cut('a\uE000b', 2)).toEqual({ shown: 'a\uE000', omitted: 1 });
    expect(cut('a\uD7FFb', 2)).toEqual({ shown: 'a\uD7FF', omitted: 1 });
  });

  it('a short message is shown whole, with no note', () => {
    expect(cutMessage('Cookie file saved.')).toBe('Cookie file saved.');
  });
});
