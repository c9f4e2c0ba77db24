// The sent-header log: what a hostile site's huge Cookie header or URL costs (4 KB each, with its
// full length said), and the bounds (newest entries kept, in count and in stored bytes).
import { describe, expect, it } from 'vitest';
import type { SentHeaderEntry } from '../shared/protocol';
import { storedItemBytes } from './pagedLog';
import { HEADER_LIMIT, SENT_LIMIT, SentLog, keptEntry } from './sentLog';

const entry = (n: number, extra: Partial<SentHeaderEntry> = {}): SentHeaderEntry => ({
  time: n, tabId: 1, url: `https://a.test/${n}`, resourceType: 'image', browser: `n=${n}`, jar: `n=${n}`, jarCookie2: null, same: true, ...extra,
});
const long = (length: number) => 'x'.repeat(length);

describe('an entry as kept', () => {
  it('keeps each header and the URL whole up to 4,096 characters, with no length said', () => {
    const atLimit = entry(1, { url: `https://a.test/${long(HEADER_LIMIT - 15)}`, browser: long(HEADER_LIMIT), jar: long(HEADER_LIMIT), jarCookie2: long(HEADER_LIMIT) });
    expect(atLimit.url).toHaveLength(HEADER_LIMIT);
    expect(keptEntry(atLimit)).toEqual(atLimit);
  });

  it('cuts each one past 4,096 characters to its first 4,096, saying its full length (Cookie2 is only cut)', () => {
    const url = `https://a.test/${long(20_000)}`;
    const kept = keptEntry(entry(1, { url, browser: `a${long(HEADER_LIMIT)}`, jar: `b${long(9000)}`, jarCookie2: `c${long(HEADER_LIMIT)}` }));
    expect(kept).toEqual({
      ...entry(1), url: url.slice(0, HEADER_LIMIT), urlLength: url.length, browser: `a${long(HEADER_LIMIT - 1)}`, browserLength: HEADER_LIMIT + 1,
      jar: `b${long(HEADER_LIMIT - 1)}`, jarLength: 9001, jarCookie2: `c${long(HEADER_LIMIT - 1)}`,
    });
  });

  it('cuts one header without touching the others, and leaves a missing header missing', () => {
    expect(keptEntry(entry(1, { browser: null, jar: long(5000) }))).toEqual({ ...entry(1), browser: null, jar: long(HEADER_LIMIT), jarLength: 5000 });
    expect(keptEntry(entry(1, { browser: long(5000), jar: null }))).toEqual({ ...entry(1), browser: long(HEADER_LIMIT), browserLength: 5000, jar: null });
    expect(keptEntry(entry(1, { browser: null, jar: null, jarCookie2: null }))).toEqual({ ...entry(1), browser: null, jar: null });
  });
});

describe('the log', () => {
  it('keeps the newest entries up to its count, newest first', () => {
    const log = new SentLog({ entries: 3, bytes: Infinity });
    for (let n = 1; n <= 7; n++) log.append(entry(n));
    expect([...log.newestFirst()].map((e) => e.time)).toEqual([7, 6, 5]);
    expect(log.size).toBe(3);
  });

  it('keeps the newest entries up to its stored bytes', () => {
    const one = storedItemBytes(JSON.stringify(entry(10)));
    const log = new SentLog({ entries: 1000, bytes: 3.5 * one });
    for (let n = 10; n < 30; n++) log.append(entry(n));
    expect([...log.newestFirst()].map((e) => e.time)).toEqual([29, 28, 27]);
    expect(log.pages.bytes).toBeLessThanOrEqual(3.5 * one);
  });

  it('keeps an entry that brings it exactly to its byte bound', () => {
    const one = storedItemBytes(JSON.stringify(entry(10)));
    const log = new SentLog({ entries: 1000, bytes: 3 * one });
    for (let n = 10; n < 13; n++) log.append(entry(n));
    expect(log.size).toBe(3);
  });

  it('by default keeps the newest 2,000 entries', () => {
    const log = new SentLog();
    for (let n = 0; n < 2001; n++) log.append(entry(n % 10));
    expect(log.size).toBe(SENT_LIMIT);
  });

  it('keeps one entry larger than its whole byte bound (the newest is never dropped for its size)', () => {
    const log = new SentLog({ entries: 10, bytes: 100 });
    log.append(entry(1));
    log.append(entry(2, { browser: long(3000) }));
    expect([...log.newestFirst()].map((e) => e.time)).toEqual([2]);
  });

  it('holds the entries as kept, and nothing after clear', () => {
    const log = new SentLog();
    log.append(entry(1, { browser: long(10_000) }));
    expect([...log.newestFirst()][0]?.browserLength).toBe(10_000);
    log.clear();
    expect([...log.newestFirst()]).toEqual([]);
    expect(log.size).toBe(0);
  });

  it('applies a lowered bound to what it already holds when asked (a restored log)', () => {
    const log = new SentLog({ entries: 2, bytes: Infinity });
    log.pages.restorePage(1, [entry(1), entry(2), entry(3), entry(4)]);
    expect(log.size).toBe(4);
    log.enforce();
    expect([...log.newestFirst()].map((e) => e.time)).toEqual([4, 3]);
  });
});
