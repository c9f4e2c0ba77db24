import type { ObservedSetCookie } from '../shared/protocol';

/** What the service worker needs of a storage area (browser.storage.session, or a fake in tests). */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The webRequest details the observer reads (a subset of Chrome's and Firefox's). */
export interface HeadersReceivedDetails {
  url: string;
  tabId: number;
  timeStamp: number;
  responseHeaders?: { name: string; value?: string }[];
}

const KEY = 'observedSetCookies';
export const OBSERVED_LIMIT = 10_000;

/**
 * The Set-Cookie lines the service worker has seen, kept in session storage. Events that arrive
 * while the stored list is still loading (a worker just woken up) are queued and applied in order;
 * writes are batched, at most `flushDelayMs` behind the last change.
 */
export class ObservedStore {
  private lines: ObservedSetCookie[] = [];
  private readonly ready: Promise<void>;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly storage: StorageArea, private readonly flushDelayMs = 500) {
    this.ready = storage.get(KEY).then((items) => {
      const stored = items[KEY];
      // Anything recorded while loading goes after what was stored.
      this.lines = [...(Array.isArray(stored) ? (stored as ObservedSetCookie[]) : []), ...this.lines];
    });
  }

  /** Records the Set-Cookie lines of one response; synchronous, so no event is lost while loading. */
  record(details: HeadersReceivedDetails): void {
    for (const header of details.responseHeaders ?? []) {
      const name = header.name.toLowerCase();
      if ((name !== 'set-cookie' && name !== 'set-cookie2') || header.value === undefined) continue;
      // Firefox joins several Set-Cookie lines of one response with "\n"; Chrome gives one entry each.
      for (const line of header.value.split('\n')) {
        if (line === '') continue;
        this.lines.push({ time: details.timeStamp, url: details.url, tabId: details.tabId, header: name === 'set-cookie' ? 'Set-Cookie' : 'Set-Cookie2', line });
      }
    }
    if (this.lines.length > OBSERVED_LIMIT) this.lines.splice(0, this.lines.length - OBSERVED_LIMIT);
    this.scheduleFlush();
  }

  async all(): Promise<ObservedSetCookie[]> {
    await this.ready;
    return [...this.lines];
  }

  async clear(): Promise<void> {
    await this.ready;
    this.lines = [];
    this.scheduleFlush();
  }

  /** Writes now; resolves when the stored list matches memory. */
  async flush(): Promise<void> {
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    await this.ready;
    const snapshot = [...this.lines];
    this.writing = this.writing.then(() => this.storage.set({ [KEY]: snapshot }));
    await this.writing;
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = setTimeout(() => { void this.flush(); }, this.flushDelayMs);
  }
}
