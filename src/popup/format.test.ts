import { describe, expect, it } from 'vitest';
import { checkDomainEntry, formatDate, relativeTime } from './format';
import { cookie } from './mock';
import { filterRows, mergeRows, sortRows } from './rows';

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

describe('checkDomainEntry', () => {
  it.each(['example.com', '.example.com', 'EXAMPLE.co.uk', '10.0.0.1', 'a_b.test'])('accepts %s', (entry) => {
    expect(checkDomainEntry(entry)).toEqual({ ok: true, domain: entry.toLowerCase() });
  });
  it.each([
    ['', /Enter a domain/],
    ['https://example.com/x', /is a URL, not a domain: enter “example.com”/],
    ['exa mple.com', /contains a space/],
    ['example.com/path', /has a path/],
    ['example.com:8080', /has a port/],
    ['*.example.com', /no wildcards/],
    ['example..com', /empty label/],
    ['-bad.com', /not a valid label/],
    ['.', /lone dot/],
  ])('refuses %j with a clear message', (entry, message) => {
    const result = checkDomainEntry(entry);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('rows', () => {
  const jar = [cookie({ name: 'a', domain: '.example.com', hostOnly: false }), cookie({ name: 'b', value: 'Needle' })];
  const browser = [cookie({ name: 'a', domain: '.example.com', hostOnly: false }), cookie({ name: 'js', expires: 100 })];
  it('merges the stores by domain, path and name', () => {
    const rows = mergeRows(jar, browser);
    expect(rows.map((r) => [r.shown.name, r.where])).toEqual([['a', 'both'], ['b', 'jar'], ['js', 'browser']]);
  });
  it('matches a browser domain cookie written without its leading dot', () => {
    const rows = mergeRows([cookie({ name: 'a', domain: '.example.com' })], [cookie({ name: 'a', domain: 'example.com' })]);
    expect(rows.map((r) => r.where)).toEqual(['both']);
  });
  it('filters case-insensitively on name, value, domain and path', () => {
    expect(filterRows(mergeRows(jar, browser), 'needle').map((r) => r.shown.name)).toEqual(['b']);
    expect(filterRows(mergeRows(jar, browser), '  ').length).toBe(3);
  });
  it('sorts session cookies after dated ones, both ways', () => {
    const rows = mergeRows(jar, browser);
    expect(sortRows(rows, 'expires', 'ascending')[0]?.shown.name).toBe('js');
    expect(sortRows(rows, 'name', 'descending').map((r) => r.shown.name)).toEqual(['js', 'b', 'a']);
    expect(sortRows(rows, 'where', 'ascending').map((r) => r.where)).toEqual(['both', 'jar', 'browser']);
  });
});
