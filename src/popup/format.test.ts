import { describe, expect, it } from 'vitest';
import { formatDate, relativeTime } from './format';

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
