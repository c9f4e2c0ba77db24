import { describe, expect, it } from 'vitest';
import { countOf, formatDate, relativeTime } from './format';

describe('relativeTime and formatDate', () => {
  const now = Date.UTC(2024, 0, 1) ;
  it.each([
    [now / 1000 + 3 * 86400 + 5, 'in 3 days'],
    [now / 1000 - 2 * 3600, '2 hours ago'],
    [now / 1000 + 30, 'in less than a minute'],
    [now / 1000 + 400 * 86400, 'in 1 year'],
  ])('%d is %s', (seconds, text) => { expect(relativeTime(seconds, now)).toBe(text); });
  it('formats a date in UTC to the second', () => { expect(formatDate(now / 1000)).toBe('2024-01-01 00:00:00 UTC'); });
});

describe('countOf', () => {
  it.each([
    [0, 'cookie', undefined, '0 cookies'],
    [1, 'cookie', undefined, '1 cookie'],
    [2, 'cookie', undefined, '2 cookies'],
    [10_000, 'cookie', undefined, '10,000 cookies'],
    [1, 'Set-Cookie line', undefined, '1 Set-Cookie line'],
    [1, 'entry', 'entries', '1 entry'],
    [3, 'entry', 'entries', '3 entries'],
  ])('%d %s is "%s"', (count, singular, plural, text) => { expect(countOf(count, singular, plural)).toBe(text); });
});
