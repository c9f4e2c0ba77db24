import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLogPage } from './records';
import { itemBytes } from './store';
import { PagedLog, storedItemBytes } from './pagedLog';

describe('a page stored as its items’ JSON text', () => {
  it('counts each item as the storage area counts it inside the page’s string (quotes, backslashes, any Unicode)', () => {
    fc.assert(fc.property(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 20 }), (items) => {
      const log = new PagedLog<unknown>(Number.MAX_SAFE_INTEGER);
      for (const item of items) log.append(item, storedItemBytes(JSON.stringify(item)));
      const text = log.pageText(1) ?? '';
      // The record { v: 2, items: text }: the key, the wrapper, the string's quotes and brackets, and the items.
      const wrapper = itemBytes('k', { v: 2, items: '' }) - 2;
      expect(itemBytes('k', { v: 2, items: text })).toBe(wrapper + 2 + 2 + log.bytes - 1);
    }));
  });

  it('reads back what it wrote, and says what is wrong with a page that is not a list', () => {
    const log = new PagedLog<unknown>();
    log.append({ not: 'a response' }, 1);
    expect(readLogPage({ v: 2, items: log.pageText(1) })).toBe('response 1 has a bad id, time or tab');
    expect(readLogPage({ v: 2, items: '{}' })).toBe('has no items');
    expect(readLogPage({ v: 2, items: [] })).toBe('has no items text');
    expect(readLogPage({ v: 2, items: '[' })).toMatch(/^unreadable/);
    expect(readLogPage({ v: 3, items: '[]' })).toBe('has version 3, not 1 or 2');
    expect(readLogPage({ v: 2, items: '[]' })).toEqual([]);
  });
});
