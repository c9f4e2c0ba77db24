import { describe, expect, it } from 'vitest';
import { cookieKey, countOf, formatDate, formatExpiry, relativeTime } from './format';
import { cookie } from './mock';

describe('relativeTime and formatDate', () => {
  const now = Date.UTC(2024, 0, 1);
  const cases: [number, string][] = [
    [now / 1000 + 3 * 86400 + 5, 'in 3 days'],
    [now / 1000 - 2 * 3600, '2 hours ago'],
    [now / 1000 + 30, 'in less than a minute'],
    [now / 1000, 'in less than a minute'],
    [now / 1000 - 1, 'less than a minute ago'],
    [now / 1000 + 60, 'in 1 minute'],
    [now / 1000 + 59, 'in less than a minute'],
    [now / 1000 - 3600, '1 hour ago'],
    [now / 1000 + 86400, 'in 1 day'],
    [now / 1000 - 30 * 86400, '1 month ago'],
    [now / 1000 + 60 * 86400, 'in 2 months'],
    [now / 1000 + 365 * 86400, 'in 1 year'],
    [now / 1000 + 400 * 86400, 'in 1 year'],
    [now / 1000 - 3 * 365 * 86400, '3 years ago'],
  ];
  it.each(cases)('%d is %s', (seconds, text) => { expect(relativeTime(seconds, now)).toBe(text); });

  it('formats a date in UTC to the second, and a date no calendar has as the number', () => {
    expect(formatDate(now / 1000)).toBe('2024-01-01 00:00:00 UTC');
    expect(formatDate(now / 1000 + 0.75)).toBe('2024-01-01 00:00:00 UTC');
    expect(formatDate(1e300)).toBe('1e+300');
  });

  it('a session cookie expires with the session; another in so long', () => {
    expect(formatExpiry(cookie({ name: 'a', expires: null }), now)).toBe('session');
    expect(formatExpiry(cookie({ name: 'a', expires: now / 1000 + 7200 }), now)).toBe('in 2 hours');
  });

  it('a cookie’s jar identity is its domain, path and name as the jar keeps them', () => {
    expect(cookieKey({ domain: '.example.com', path: '/', name: 'sid' })).toBe('.example.com\t/\tsid');
    expect(cookieKey({ domain: 'example.com', path: '/', name: 'sid' })).not.toBe(cookieKey({ domain: '.example.com', path: '/', name: 'sid' }));
  });
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
