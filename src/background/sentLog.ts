// The sent-header log of one cookie store: per request, the Cookie header the browser sent and the
// one the jar would send. The newest SENT_LIMIT entries and at most SENT_BYTES as stored, oldest out
// first, in pages (pagedLog.ts); each header is kept to its first HEADER_LIMIT characters with its
// full length (a hostile site's 10 MB Cookie header costs 4 KB here).
import type { SentHeaderEntry } from '../shared/protocol';
import { PagedLog } from './pagedLog';

export const SENT_LIMIT = 2_000;
export const SENT_BYTES = 1024 * 1024;
export const HEADER_LIMIT = 4 * 1024;

export interface SentLimits { entries: number; bytes: number }

/** The entry as kept: each header and the URL cut to HEADER_LIMIT characters, with its full length when cut. */
export function keptEntry(entry: SentHeaderEntry): SentHeaderEntry {
  const kept: SentHeaderEntry = { ...entry };
  if (entry.browser !== null && entry.browser.length > HEADER_LIMIT) { kept.browser = entry.browser.slice(0, HEADER_LIMIT); kept.browserLength = entry.browser.length; }
  if (entry.jar !== null && entry.jar.length > HEADER_LIMIT) { kept.jar = entry.jar.slice(0, HEADER_LIMIT); kept.jarLength = entry.jar.length; }
  if (entry.jarCookie2 !== null && entry.jarCookie2.length > HEADER_LIMIT) kept.jarCookie2 = entry.jarCookie2.slice(0, HEADER_LIMIT);
  if (entry.url.length > HEADER_LIMIT) { kept.url = entry.url.slice(0, HEADER_LIMIT); kept.urlLength = entry.url.length; }
  return kept;
}

export class SentLog {
  readonly pages = new PagedLog<SentHeaderEntry>();

  constructor(private readonly limits: SentLimits = { entries: SENT_LIMIT, bytes: SENT_BYTES }) {}

  get size(): number { return this.pages.size; }

  append(entry: SentHeaderEntry): void {
    const kept = keptEntry(entry);
    this.pages.append(kept, JSON.stringify(kept));
    this.enforce();
  }

  enforce(): void {
    while (this.pages.size > this.limits.entries || (this.pages.bytes > this.limits.bytes && this.pages.size > 1)) this.pages.dropOldest();
  }

  newestFirst(): Generator<SentHeaderEntry> {
    return this.pages.newestFirst();
  }

  clear(): void {
    this.pages.clear();
  }
}
