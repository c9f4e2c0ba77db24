import { describe, expect, it } from 'vitest';
import { plural } from './words';

describe('plural', () => {
  it.each([
    [0, 'cookie', undefined, '0 cookies'],
    [1, 'cookie', undefined, '1 cookie'],
    [2, 'cookie', undefined, '2 cookies'],
    [10_000, 'cookie', undefined, '10,000 cookies'],
    [1, 'cookie has', 'cookies have', '1 cookie has'],
    [3, 'cookie has', 'cookies have', '3 cookies have'],
  ] as const)('%d %s', (n, one, many, expected) => {
    expect(plural(n, one, many)).toBe(expected);
  });
});
