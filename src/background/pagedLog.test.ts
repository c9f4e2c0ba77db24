import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLogPage } from './records';
import { itemBytes } from './store';
import { PagedLog } from './pagedLog';

describe('a page stored as its items’ JSON text', () => {
  it('knows its record’s stored size as the storage area counts it (quotes, backslashes, any Unicode), items dropped and replaced', () => {
    fc.assert(fc.property(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 20 }), fc.nat(5), fc.jsonValue(), (items, dropped, replacement) => {
      const log = new PagedLog<unknown>(Number.MAX_SAFE_INTEGER);
      for (const item of items) log.append(item, JSON.stringify(item));
      for (let i = 0; i < Math.min(dropped, items.length - 1); i++) log.dropOldest();
      log.replaceOldest(replacement, JSON.stringify(replacement));
      const page = log.pageRecord(1, 'log/0/example.com/1');
      expect(page).toBeDefined();
      expect(page?.bytes).toBe(itemBytes('log/0/example.com/1', page?.value));
      expect(JSON.parse(page?.value.items ?? '')).toEqual(JSON.parse(JSON.stringify([replacement, ...items.slice(Math.min(dropped, items.length - 1) + 1)])));
    }));
  });

  it('reads back what it wrote, and says what is wrong with a page that is not a list', () => {
    const log = new PagedLog<unknown>();
    log.append({ not: 'a response' }, JSON.stringify({ not: 'a response' }));
    expect(readLogPage(log.pageRecord(1, 'k')?.value)).toBe('response 1 has a bad id, time or tab');
    expect(readLogPage({ v: 2, items: '{}' })).toBe('has no items');
    expect(readLogPage({ v: 2, items: [] })).toBe('has no items text');
    expect(readLogPage({ v: 2, items: '[' })).toMatch(/^unreadable/);
    expect(readLogPage({ v: 3, items: '[]' })).toBe('has version 3, not 1 or 2');
    expect(readLogPage({ v: 2, items: '[]' })).toEqual([]);
  });
});
