import { describe, expect, it } from 'vitest';
import { cookie } from './mock';
import { filterRows, mergeRows, sortRows } from './rows';

describe('the Site view’s rows', () => {
  const jar = [
    cookie({ name: 'sid', value: 'a1', domain: 'www.example.com', path: '/' }),
    cookie({ name: 'pref', value: 'b2', domain: '.example.com', hostOnly: false, path: '/admin' }),
    cookie({ name: 'track', value: 'c3', domain: 'tracker.test', path: '/' }),
  ];
  const rows = mergeRows(jar, []);
  const names = (list: readonly { shown: { name: string } }[]) => list.map((row) => row.shown.name).sort();

  it('the filter finds a cookie by any part of its name, value, domain or path, in any letter case', () => {
    expect(names(filterRows(rows, 'SID'))).toEqual(['sid']);
    expect(names(filterRows(rows, 'c3'))).toEqual(['track']);
    expect(names(filterRows(rows, 'Tracker.TEST'))).toEqual(['track']);
    expect(names(filterRows(rows, '.example.com'))).toEqual(['pref', 'sid']);
    expect(names(filterRows(rows, '/ADMIN'))).toEqual(['pref']);
    expect(names(filterRows(rows, '  '))).toEqual(['pref', 'sid', 'track']);
    expect(filterRows(rows, 'nothing like it')).toEqual([]);
  });

  it('sorts by a column either way, ties by identity; session cookies after dated ones', () => {
    const dated = mergeRows([
      cookie({ name: 'b', expires: 2_000 }), cookie({ name: 'a' }), cookie({ name: 'c', expires: 1_000 }),
    ], []);
    expect(sortRows(dated, 'expires', 'ascending').map((r) => r.shown.name)).toEqual(['c', 'b', 'a']);
    expect(sortRows(dated, 'expires', 'descending').map((r) => r.shown.name)).toEqual(['a', 'b', 'c']);
    expect(sortRows(rows, 'domain', 'ascending').map((r) => r.shown.name)).toEqual(['pref', 'track', 'sid']);
    expect(sortRows(rows, 'path', 'descending').map((r) => r.shown.name)).toEqual(['pref', 'track', 'sid']);
  });
});
