import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLogPage } from './records';
import { itemBytes } from './store';
import { PagedLog, pageRecordBytes, storedItemBytes } from './pagedLog';

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

  it('knows the stored size of text in any script, each UTF-8 length boundary and surrogate pair included', () => {
    const recordBytes = (item: unknown) => {
      const log = new PagedLog<unknown>();
      log.append(item, JSON.stringify(item));
      return log.pageRecord(1, 'k')?.bytes;
    };
    const boundaries = ['\u007f', '\u0080', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffff', '\u{10000}', '\u{103ff}', '\u{10fc00}', '\u{10ffff}', '\u{1f36a}'];
    for (const text of [...boundaries, boundaries.join(''), 'é中🍪"\\\n']) {
      for (const item of [text, { [text]: [text, `${text}x`] }]) expect(recordBytes(item), JSON.stringify(text)).toBe(itemBytes('k', { v: 2, items: JSON.stringify([item]) }));
    }
    // Any code point, lone surrogates included (fast-check's own 'binary' unit takes seconds to build).
    const text = fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 8 }).map((points) => String.fromCodePoint(...points));
    fc.assert(fc.property(fc.oneof(fc.array(text, { maxLength: 5 }), fc.dictionary(text, text, { maxKeys: 5 })), (item) => {
      expect(recordBytes(item)).toBe(itemBytes('k', { v: 2, items: JSON.stringify([item]) }));
    }), { numRuns: 300 });
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

describe('pages', () => {
  /** A log of pages of 3 items of `{"n":N}` (N one digit: 8 stored bytes each, its comma included). */
  const small = () => new PagedLog<{ n: number }>(3 * storedItemBytes('{"n":1}'));
  const append = (log: PagedLog<{ n: number }>, ...ns: number[]) => { for (const n of ns) log.append({ n }, JSON.stringify({ n })); };
  const pages = (log: PagedLog<{ n: number }>) => log.pageNumbers().map((no) => log.pageItems(no)?.map((item) => item.n));

  it('an item goes to the newest page while it fits, then a new page starts: an append rewrites one page only', () => {
    const log = small();
    append(log, 1, 2, 3);
    expect(pages(log)).toEqual([[1, 2, 3]]);
    log.dirty.clear();
    append(log, 4);
    expect(pages(log)).toEqual([[1, 2, 3], [4]]);
    expect([...log.dirty]).toEqual([2]);
    expect(log.size).toBe(4);
    expect(log.bytes).toBe(4 * storedItemBytes('{"n":1}'));
  });

  it('an item larger than a page has a page of its own, never an empty page before it', () => {
    const log = new PagedLog<string>(10);
    log.append('a'.repeat(50), JSON.stringify('a'.repeat(50)));
    log.append('b', '"b"');
    expect(log.pageNumbers()).toEqual([1, 2]);
    expect(log.pageItems(1)).toEqual(['a'.repeat(50)]);
  });

  it('the oldest leave from the oldest page; an emptied page is gone (its record to be removed)', () => {
    const log = small();
    append(log, 1, 2, 3, 4);
    log.dirty.clear();
    expect(log.oldest()).toEqual({ n: 1 });
    expect(log.dropOldest()).toEqual({ n: 1 });
    expect([...log.dirty]).toEqual([1]);
    expect(log.pageRecord(1, 'k')?.value).toEqual({ v: 2, items: '[{"n":2},{"n":3}]' });
    log.dropOldest();
    log.dropOldest();
    expect(pages(log)).toEqual([[4]]);
    expect(log.pageItems(1)).toBeUndefined();
    expect(log.pageRecord(1, 'k')).toBeUndefined();
    expect([...log.dirty]).toEqual([1]);
    expect([...log.oldestFirst()]).toEqual([{ n: 4 }]);
    expect(log.size).toBe(1);
    expect(log.bytes).toBe(storedItemBytes('{"n":4}'));
    log.dropOldest();
    expect([log.oldest(), log.dropOldest()]).toEqual([undefined, undefined]);
    expect(log.size).toBe(0);
  });

  it('reads newest first and oldest first across pages', () => {
    const log = small();
    append(log, 1, 2, 3, 4, 5, 6, 7);
    expect([...log.newestFirst()].map((i) => i.n)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect([...log.oldestFirst()].map((i) => i.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('the oldest item replaced by a smaller copy: its page and the total shrink by the difference', () => {
    const log = new PagedLog<string>();
    log.append('x'.repeat(100), JSON.stringify('x'.repeat(100)));
    log.append('y', '"y"');
    log.dirty.clear();
    log.replaceOldest('x', '"x"');
    expect([...log.oldestFirst()]).toEqual(['x', 'y']);
    expect(log.bytes).toBe(storedItemBytes('"x"') + storedItemBytes('"y"'));
    expect(log.pageRecord(1, 'k')).toEqual({ value: { v: 2, items: '["x","y"]' }, bytes: itemBytes('k', { v: 2, items: '["x","y"]' }) });
    expect([...log.dirty]).toEqual([1]);
    new PagedLog<string>().replaceOldest('x', '"x"'); // nothing to replace: no page made
  });

  it('an item changed in place is measured again in whichever page holds it: that page is rewritten, the total follows', () => {
    const log = new PagedLog<{ n: number; note?: string }>(3 * storedItemBytes('{"n":1}'));
    const items = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ n }));
    for (const item of items) log.append(item, JSON.stringify(item));
    log.dirty.clear();
    const second = items[1] as { n: number; note?: string };
    second.note = 'settled';
    const json = JSON.stringify(second);
    expect(log.refresh(second, json)).toBe(storedItemBytes(json) - storedItemBytes('{"n":2}'));
    expect([...log.dirty]).toEqual([1]);
    expect(log.pageRecord(1, 'k')?.value.items).toBe('[{"n":1},{"n":2,"note":"settled"},{"n":3}]');
    expect(log.bytes).toBe(6 * storedItemBytes('{"n":1}') + storedItemBytes(json));
    expect(log.pageRecord(1, 'k')?.bytes).toBe(itemBytes('k', log.pageRecord(1, 'k')?.value));
    // Shrinking back, and an item the log does not hold (it left): nothing to measure.
    delete second.note;
    expect(log.refresh(second, JSON.stringify(second))).toBe(storedItemBytes('{"n":2}') - storedItemBytes(json));
    expect(log.bytes).toBe(7 * storedItemBytes('{"n":1}'));
    log.dirty.clear();
    expect(log.refresh({ n: 9 }, '{"n":9}')).toBe(0);
    expect(log.dirty.size).toBe(0);
  });

  it('clear marks every page for removal and forgets the items', () => {
    const log = small();
    append(log, 1, 2, 3, 4);
    log.dirty.clear();
    log.clear();
    expect([...log.dirty]).toEqual([1, 2]);
    expect([log.size, log.bytes, log.pageNumbers().length]).toEqual([0, 0, 0]);
  });

  it('pages read back in any order are put in order, and new pages are numbered after the last', () => {
    const log = small();
    expect(log.restorePage(3, [{ n: 5 }])).toBe(storedItemBytes('{"n":5}'));
    log.restorePage(1, [{ n: 1 }, { n: 2 }]);
    log.restorePage(2, [{ n: 3 }, { n: 4 }]);
    expect([...log.oldestFirst()].map((i) => i.n)).toEqual([1, 2, 3, 4, 5]);
    expect([log.size, log.bytes]).toEqual([5, 5 * storedItemBytes('{"n":1}')]);
    expect(log.dirty.size).toBe(0);
    append(log, 6, 7, 8);
    expect(log.pageNumbers()).toEqual([1, 2, 3, 4]);
    expect(log.pageItems(3)?.map((i) => i.n)).toEqual([5, 6, 7]);
  });

  it('pages read back in their own order stay in it', () => {
    const log = small();
    log.restorePage(1, [{ n: 1 }, { n: 2 }]);
    log.restorePage(2, [{ n: 3 }]);
    log.restorePage(4, [{ n: 4 }]);
    expect([...log.oldestFirst()].map((i) => i.n)).toEqual([1, 2, 3, 4]);
    expect([...log.newestFirst()].map((i) => i.n)).toEqual([4, 3, 2, 1]);
  });

  it('a page read back with no items is not kept: its record is to be removed, and the oldest item is still found', () => {
    const log = small();
    log.restorePage(1, []);
    log.restorePage(2, [{ n: 1 }, { n: 2 }]);
    expect(log.oldest()).toEqual({ n: 1 });
    expect(log.pageNumbers()).toEqual([2]);
    expect([...log.dirty]).toEqual([1]);
    expect(log.dropOldest()).toEqual({ n: 1 });
    log.replaceOldest({ n: 3 }, '{"n":3}');
    expect([...log.oldestFirst()]).toEqual([{ n: 3 }]);
    expect([log.size, log.bytes]).toEqual([1, storedItemBytes('{"n":3}')]);
    append(log, 4);
    expect(log.pageNumbers()).toEqual([2]);
  });

  it('an empty page’s record is counted as stored', () => {
    expect(pageRecordBytes('k', 0, 0)).toBe(itemBytes('k', { v: 2, items: '[]' }));
  });
});
