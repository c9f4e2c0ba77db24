// Port of CPython 3.11 Lib/test/test_http_cookiejar.py, class HeaderTests.
import { describe, expect, it } from 'vitest';
import { joinHeaderWords, parseNsHeaders, splitHeaderWords } from '../../src/jar/index';

type Pair = [string, string | null];

describe('HeaderTests', () => {
  // quotes should be stripped
  it.each([
    'foo=bar; expires=01 Jan 2040 22:23:32 GMT',
    'foo=bar; expires="01 Jan 2040 22:23:32 GMT"',
  ].map((header) => ({ header })))('test_parse_ns_headers: $header', ({ header }) => {
    expect(parseNsHeaders([header])).toEqual([[['foo', 'bar'], ['expires', 2209069412], ['version', '0']]]);
  });

  // quotes should be stripped
  it.each([
    'foo=bar; version="1"',
    'foo=bar; Version="1"',
  ].map((header) => ({ header })))('test_parse_ns_headers_version: $header', ({ header }) => {
    expect(parseNsHeaders([header])).toEqual([[['foo', 'bar'], ['version', '1']]]);
  });

  // names such as 'expires' are not special in first name=value pair of Set-Cookie: header
  it('test_parse_ns_headers_special_names', () => {
    expect(parseNsHeaders(['expires=01 Jan 2040 22:23:32 GMT'])).toEqual([
      [['expires', '01 Jan 2040 22:23:32 GMT'], ['version', '0']],
    ]);
  });

  it('test_join_header_words', () => {
    expect(joinHeaderWords([[['foo', null], ['bar', 'baz']]])).toBe('foo; bar=baz');
    expect(joinHeaderWords([[]])).toBe('');
  });

  it.each<{ header: string; expected: Pair[][] }>([
    { header: 'foo', expected: [[['foo', null]]] },
    { header: 'foo=bar', expected: [[['foo', 'bar']]] },
    { header: '   foo   ', expected: [[['foo', null]]] },
    { header: '   foo=   ', expected: [[['foo', '']]] },
    { header: '   foo=', expected: [[['foo', '']]] },
    { header: '   foo=   ; ', expected: [[['foo', '']]] },
    { header: '   foo=   ; bar= baz ', expected: [[['foo', ''], ['bar', 'baz']]] },
    { header: 'foo=bar bar=baz', expected: [[['foo', 'bar'], ['bar', 'baz']]] },
    // doesn't really matter if this next fails, but it works ATM
    { header: 'foo= bar=baz', expected: [[['foo', 'bar=baz']]] },
    { header: 'foo=bar;bar=baz', expected: [[['foo', 'bar'], ['bar', 'baz']]] },
    { header: 'foo bar baz', expected: [[['foo', null], ['bar', null], ['baz', null]]] },
    { header: 'a, b, c', expected: [[['a', null]], [['b', null]], [['c', null]]] },
    {
      header: String.raw`foo; bar=baz, spam=, foo="\,\;\"", bar= `,
      expected: [[['foo', null], ['bar', 'baz']], [['spam', '']], [['foo', ',;"']], [['bar', '']]],
    },
  ])('test_split_header_words: $header', ({ header, expected }) => {
    expect(splitHeaderWords([header])).toEqual(expected);
  });

  it.each([
    { header: 'foo', expected: 'foo' },
    { header: 'foo=bar', expected: 'foo=bar' },
    { header: '   foo   ', expected: 'foo' },
    { header: 'foo=', expected: 'foo=""' },
    { header: 'foo=bar bar=baz', expected: 'foo=bar; bar=baz' },
    { header: 'foo=bar;bar=baz', expected: 'foo=bar; bar=baz' },
    { header: 'foo bar baz', expected: 'foo; bar; baz' },
    { header: String.raw`foo="\"" bar="\\"`, expected: String.raw`foo="\""; bar="\\"` },
    { header: 'foo,,,bar', expected: 'foo, bar' },
    { header: 'foo=bar,bar=baz', expected: 'foo=bar, bar=baz' },
    { header: 'text/html; charset=iso-8859-1', expected: 'text/html; charset="iso-8859-1"' },
    { header: 'foo="bar"; port="80,81"; discard, bar=baz', expected: 'foo=bar; port="80,81"; discard, bar=baz' },
    { header: String.raw`Basic realm="\"foo\\\\bar\""`, expected: String.raw`Basic; realm="\"foo\\\\bar\""` },
  ])('test_roundtrip: $header', ({ header, expected }) => {
    expect(joinHeaderWords(splitHeaderWords([header]))).toBe(expected);
  });
});
