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

interface Page<T> { readonly no: number; readonly items: T[]; readonly sizes: number[]; bytes: number }

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

  /** Adds an item of `bytes` (its stored size) after the newest. */
  append(item: T, bytes: number): void {
    let page = this.pages[this.pages.length - 1];
    if (page === undefined || (page.bytes + bytes > this.pageBytes && page.items.length > 0)) {
      page = { no: this.nextNo++, items: [], sizes: [], bytes: 0 };
      this.pages.push(page);
    }
    page.items.push(item);
    page.sizes.push(bytes);
    page.bytes += bytes;
    this.count++;
    this.total += bytes;
    this.dirty.add(page.no);
  }

  oldest(): T | undefined {
    return this.pages[0]?.items[0];
  }

  /** Removes the oldest item. */
  dropOldest(): T | undefined {
    const page = this.pages[0];
    if (page === undefined) return undefined;
    const item = page.items.shift();
    const size = page.sizes.shift() ?? 0;
    page.bytes -= size;
    this.count--;
    this.total -= size;
    this.dirty.add(page.no);
    if (page.items.length === 0) this.pages.shift();
    return item;
  }

  /** Replaces the oldest item (a trimmed copy of it) with its new size. */
  replaceOldest(item: T, bytes: number): void {
    const page = this.pages[0];
    if (page === undefined || page.items.length === 0) return;
    const old = page.sizes[0] ?? 0;
    page.items[0] = item;
    page.sizes[0] = bytes;
    page.bytes += bytes - old;
    this.total += bytes - old;
    this.dirty.add(page.no);
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

  /** A stored page, read back at load (pages come in any order: they are sorted by number). */
  restorePage(no: number, items: readonly T[], sizes: readonly number[]): void {
    const page: Page<T> = { no, items: [...items], sizes: [...sizes], bytes: sizes.reduce((a, b) => a + b, 0) };
    let at = this.pages.findIndex((p) => p.no > no);
    if (at < 0) at = this.pages.length;
    this.pages.splice(at, 0, page);
    this.count += items.length;
    this.total += page.bytes;
    this.nextNo = Math.max(this.nextNo, no + 1);
  }

  /** The items of page `no` as stored, or undefined when the page is gone (its record is to be removed). */
  pageItems(no: number): readonly T[] | undefined {
    return this.pages.find((p) => p.no === no)?.items;
  }

  /** Page `no` as stored: its items' JSON text, or undefined when the page is gone (its record is to be removed). */
  pageText(no: number): string | undefined {
    const items = this.pageItems(no);
    return items === undefined ? undefined : JSON.stringify(items);
  }

  /** Every page number there is (for marking them all as to be written). */
  pageNumbers(): number[] {
    return this.pages.map((p) => p.no);
  }
}

/**
 * The bytes an item whose JSON is `json` takes in its page's stored record, as the storage area
 * counts them: the page is a JSON string, in which each `"` and `\\` of the item's JSON gains a
 * backslash; and one comma.
 */
export function storedItemBytes(json: string): number {
  let escapes = 0;
  for (let i = json.indexOf('"'); i >= 0; i = json.indexOf('"', i + 1)) escapes++;
  for (let i = json.indexOf('\\'); i >= 0; i = json.indexOf('\\', i + 1)) escapes++;
  return utf8Length(json) + escapes + 1;
}
