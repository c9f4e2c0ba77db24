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
    expect(sortRows(rows, 'name', 'descending').map((r) => r.shown.name)).toEqual(['track', 'sid', 'pref']);
    expect(sortRows(rows, 'value', 'ascending').map((r) => r.shown.name)).toEqual(['sid', 'pref', 'track']);
    // Domains sort without their dot, whatever kind of cookie; paths and names by their text; equal ones by identity.
    const kinds = mergeRows([cookie({ name: 'x', domain: 'a.test', path: '/z' }), cookie({ name: 'x', domain: '.b.test', hostOnly: false, path: '/a' })], []);
    expect(sortRows(kinds, 'domain', 'ascending').map((r) => r.shown.domain)).toEqual(['a.test', '.b.test']);
    expect(sortRows(kinds, 'path', 'ascending').map((r) => r.shown.path)).toEqual(['/a', '/z']);
    expect(sortRows(kinds, 'name', 'ascending').map((r) => r.shown.domain)).toEqual(['.b.test', 'a.test']);
    expect(sortRows(kinds, 'name', 'descending').map((r) => r.shown.domain)).toEqual(['.b.test', 'a.test']);
    const dotted = mergeRows([cookie({ name: 'x', domain: 'b.test', path: '/a' }), cookie({ name: 'x', domain: '.a.test', hostOnly: false, path: '/z' }), cookie({ name: 'y', domain: 'c.test', path: '/m' })], []);
    expect(sortRows(dotted, 'domain', 'ascending').map((r) => r.shown.domain)).toEqual(['.a.test', 'b.test', 'c.test']);
    expect(sortRows(dotted, 'path', 'ascending').map((r) => r.shown.path)).toEqual(['/a', '/m', '/z']);
    const valueless = mergeRows([cookie({ name: 'n', value: null }), cookie({ name: 'm', value: 'B' })], []);
    expect(sortRows(valueless, 'value', 'ascending').map((r) => r.shown.name)).toEqual(['n', 'm']);
    const mixed = mergeRows([cookie({ name: 'j' }), cookie({ name: 'both' })], [cookie({ name: 'both' }), cookie({ name: 'b' })]);
    expect(sortRows(mixed, 'where', 'ascending').map((r) => r.where)).toEqual(['both', 'jar', 'browser']);
    expect(sortRows(mixed, 'where', 'descending').map((r) => r.where)).toEqual(['browser', 'jar', 'both']);
  });
});

describe('the jar and the browser matched (mergeRows)', () => {
  const where = (rows: ReturnType<typeof mergeRows>) => rows.map((row) => [row.shown.name, row.shown.path, row.shown.partitionKey, row.where]);

  it('the same cookie in two partitions is two rows, and the jar’s copy stays beside the unpartitioned one', () => {
    const rows = mergeRows(
      [cookie({ name: 'sid', domain: '.example.com', hostOnly: false })],
      [
        cookie({ name: 'sid', domain: '.example.com', hostOnly: false, partitionKey: 'https://a.test' }),
        cookie({ name: 'sid', domain: '.example.com', hostOnly: false }),
        cookie({ name: 'sid', domain: '.example.com', hostOnly: false, partitionKey: 'https://b.test' }),
      ],
    );
    expect(where(rows)).toEqual([
      ['sid', '/', null, 'both'],
      ['sid', '/', 'https://a.test', 'browser'],
      ['sid', '/', 'https://b.test', 'browser'],
    ]);
    expect(new Set(rows.map((row) => row.key)).size).toBe(3);
  });

  it('matches by path too: one name on two paths is two cookies', () => {
    const rows = mergeRows([cookie({ name: 'sid', path: '/' })], [cookie({ name: 'sid', path: '/app' })]);
    expect(where(rows)).toEqual([['sid', '/', null, 'jar'], ['sid', '/app', null, 'browser']]);
  });

  it('a domain cookie matches with or without its dot, in any case; a host-only one never matches a domain one', () => {
    const rows = mergeRows(
      [cookie({ name: 'a', domain: 'Example.com', hostOnly: false }), cookie({ name: 'b', domain: 'example.com', hostOnly: true })],
      [cookie({ name: 'a', domain: '.example.com', hostOnly: false }), cookie({ name: 'b', domain: '.example.com', hostOnly: false })],
    );
    expect(rows.map((row) => [row.shown.name, row.where])).toEqual([['a', 'both'], ['b', 'jar'], ['b', 'browser']]);
  });
});
