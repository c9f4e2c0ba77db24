// A log kept in pages: items are appended to the newest page until it holds about PAGE_BYTES, then
// a new page starts; the oldest items leave from the oldest page. Each page is one storage record,
// so an append rewrites one page (a few dozen KB), never the whole log, and dropping the oldest
// rewrites (or removes) the oldest page. The pages that changed since the last write are tracked.
//
// A page is stored as its items' JSON text (`{ v: 2, items: "[...]" }`), not as the items
// themselves: a storage area copies an object value property by property (measured in Chromium:
// 50-90 ms for 350 KB of log pages, in the worker, and as much again in the browser), a string
// in one piece (1-15 ms for the same pages, JSON.stringify included). So an item's stored size is
// that of its JSON inside a JSON string: `storedItemBytes`.
import { utf8Length } from './limits';

/** A page's target size: small enough to rewrite on every flush, large enough to keep the keys few. */
export const PAGE_BYTES = 64 * 1024;

/** Each item with the JSON text it was measured by: a flush joins the texts, never serialises an item again. */
interface Page<T> { readonly no: number; readonly items: T[]; readonly texts: string[]; readonly sizes: number[]; bytes: number }

export class PagedLog<T> {
  private pages: Page<T>[] = [];
  private nextNo = 1;
  private count = 0;
  private total = 0;
  /** Page numbers whose stored record is behind; a number with no page any more means "remove it". */
  readonly dirty = new Set<number>();

  constructor(private readonly pageBytes: number = PAGE_BYTES) {}

  get size(): number { return this.count; }
  get bytes(): number { return this.total; }

  /** Adds an item, whose JSON is `json` (`JSON.stringify(item)`), after the newest; returns its stored size. */
  append(item: T, json: string): number {
    const bytes = storedItemBytes(json);
    let page = this.pages[this.pages.length - 1];
    if (page === undefined || (page.bytes + bytes > this.pageBytes && page.items.length > 0)) {
      page = { no: this.nextNo++, items: [], texts: [], sizes: [], bytes: 0 };
      this.pages.push(page);
    }
    page.items.push(item);
    page.texts.push(json);
    page.sizes.push(bytes);
    page.bytes += bytes;
    this.count++;
    this.total += bytes;
    this.dirty.add(page.no);
    return bytes;
  }

  oldest(): T | undefined {
    return this.pages[0]?.items[0];
  }

  /** Removes the oldest item. */
  dropOldest(): T | undefined {
    const page = this.pages[0];
    if (page === undefined) return undefined;
    const item = page.items.shift();
    page.texts.shift();
    const size = page.sizes.shift() ?? 0;
    page.bytes -= size;
    this.count--;
    this.total -= size;
    this.dirty.add(page.no);
    if (page.items.length === 0) this.pages.shift();
    return item;
  }

  /** Replaces the oldest item (a trimmed copy of it, whose JSON is `json`). */
  replaceOldest(item: T, json: string): void {
    // A page is never empty: append fills the page it makes, dropOldest removes the page it empties.
    const page = this.pages[0];
    if (page === undefined) return;
    const bytes = storedItemBytes(json);
    const old = page.sizes[0] ?? 0;
    page.items[0] = item;
    page.texts[0] = json;
    page.sizes[0] = bytes;
    page.bytes += bytes - old;
    this.total += bytes - old;
    this.dirty.add(page.no);
  }

  /**
   * The item (found from the newest page back) changed in place (a browser verdict settled): its
   * JSON is now `json`, its page is to be written again. Returns the change in bytes (0 when it is gone).
   */
  refresh(item: T, json: string): number {
    for (let p = this.pages.length - 1; p >= 0; p--) {
      const page = this.pages[p] as Page<T>;
      const index = page.items.lastIndexOf(item);
      if (index < 0) continue;
      const bytes = storedItemBytes(json);
      const change = bytes - (page.sizes[index] ?? 0);
      page.texts[index] = json;
      page.sizes[index] = bytes;
      page.bytes += change;
      this.total += change;
      this.dirty.add(page.no);
      return change;
    }
    return 0;
  }

  /** Newest first. */
  *newestFirst(): Generator<T> {
    for (let p = this.pages.length - 1; p >= 0; p--) {
      const items = this.pages[p]?.items ?? [];
      for (let i = items.length - 1; i >= 0; i--) yield items[i] as T;
    }
  }

  *oldestFirst(): Generator<T> {
    for (const page of this.pages) yield* page.items;
  }

  /** Empties the log; every page it had is to be removed from storage. */
  clear(): void {
    for (const page of this.pages) this.dirty.add(page.no);
    this.pages = [];
    this.count = 0;
    this.total = 0;
  }

  /** A stored page, read back at load (pages come in any order: they are sorted by number); returns its stored size. */
  restorePage(no: number, items: readonly T[]): number {
    this.nextNo = Math.max(this.nextNo, no + 1);
    // No version writes an empty page; one read back would hide the items after it from oldest(): its record is removed instead.
    if (items.length === 0) { this.dirty.add(no); return 0; }
    const texts = items.map((item) => JSON.stringify(item));
    const sizes = texts.map(storedItemBytes);
    const page: Page<T> = { no, items: [...items], texts, sizes, bytes: sizes.reduce((a, b) => a + b, 0) };
    let at = this.pages.findIndex((p) => p.no > no);
    if (at < 0) at = this.pages.length;
    this.pages.splice(at, 0, page);
    this.count += items.length;
    this.total += page.bytes;
    return page.bytes;
  }

  /** The items of page `no`, or undefined when the page is gone (its record is to be removed). */
  pageItems(no: number): readonly T[] | undefined {
    return this.pages.find((p) => p.no === no)?.items;
  }

  /**
   * Page `no` as stored (`{ v: 2, items }`, items its items' JSON text) with the stored size of the
   * record under `key`, or undefined when the page is gone (its record is to be removed).
   */
  pageRecord(no: number, key: string): { value: { v: 2; items: string }; bytes: number } | undefined {
    const page = this.pages.find((p) => p.no === no);
    if (page === undefined) return undefined;
    return { value: { v: 2, items: `[${page.texts.join(',')}]` }, bytes: pageRecordBytes(key, page.bytes, page.items.length) };
  }

  /** Every page number there is (for marking them all as to be written). */
  pageNumbers(): number[] {
    return this.pages.map((p) => p.no);
  }
}

/**
 * The bytes an item whose JSON is `json` takes in its page's stored record, as the storage area
 * counts them: the page is a JSON string, in which each `"` and `\\` of the item's JSON gains a
 * backslash; and one comma. One pass over the text.
 */
export function storedItemBytes(json: string): number {
  let bytes = json.length + 1;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x80) {
      if (code === 0x22 || code === 0x5c) bytes++;
      continue;
    }
    if (code < 0x800) { bytes += 1; continue; }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < json.length) {
      const next = json.charCodeAt(i + 1);
      // A pair: 4 bytes for 2 UTF-16 units.
      if (next >= 0xdc00 && next <= 0xdfff) { bytes += 2; i++; continue; }
    }
    bytes += 2;
  }
  return bytes;
}

/**
 * The stored size of a page's record (`{"v":2,"items":"[…]"}` under `key`) whose `count` items
 * take `itemBytes` (each one's storedItemBytes, its comma included): the key, the wrapper, the
 * string's quotes and brackets, and one comma fewer than items.
 */
export function pageRecordBytes(key: string, itemBytes: number, count: number): number {
  return utf8Length(key) + '{"v":2,"items":""}'.length + 2 + itemBytes - (count > 0 ? 1 : 0);
}
