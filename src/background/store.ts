// Batched persistence of one value under one key of a storage area (storage.local for the jar,
// storage.session for the logs). The area is a constructor argument, so tests pass a fake.
// A change marks the value dirty; one write follows at most `delayMs` later, whatever the number of
// changes in between (never one write per cookie). A snapshot too large for the area's quota, or a
// set() that rejects, is not truncated: the stored copy stays the last one that fitted, and the error
// is kept in `status` until a later write succeeds.
import type { ErrorInfo, StoreStatus } from '../shared/protocol';

/** What the background needs of a storage area (browser.storage.local/session, or a fake). */
export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface WriterOptions {
  delayMs: number;
  /** The area's QUOTA_BYTES (shared by every key of the area), or null when unknown. */
  quotaBytes: number | null;
  /** Bytes of the area kept for other keys (the settings, the other logs). */
  reserveBytes?: number;
  now: () => number;
}

const encoder = new TextEncoder();

export class BatchedWriter {
  readonly status: StoreStatus = { bytes: 0, quotaBytes: null, lastWrite: null, writes: 0, error: null, pending: false };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private blocked = true;

  /** `serialise` returns the JSON text to store (stored as a string: one serialisation, and its size is known). */
  constructor(private readonly area: StorageArea, readonly key: string, private readonly serialise: () => string, private readonly options: WriterOptions) {
    this.status.quotaBytes = options.quotaBytes;
  }

  /** Writes are held until the stored value has been loaded (a write before would overwrite it). */
  unblock(): void {
    this.blocked = false;
    if (this.status.pending) this.schedule();
  }

  markDirty(): void {
    this.status.pending = true;
    if (!this.blocked) this.schedule();
  }

  /** Reads the stored JSON text, or undefined. */
  async load(): Promise<unknown> {
    const items = await this.area.get(this.key);
    const raw = items[this.key];
    if (typeof raw !== 'string') return undefined;
    try { return JSON.parse(raw) as unknown; } catch { return undefined; }
  }

  /** Writes now if anything changed; resolves when the write is done (or refused). */
  flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.status.pending || this.blocked) return this.writing;
    this.status.pending = false;
    const text = this.serialise();
    const bytes = encoder.encode(text).length + this.key.length;
    this.status.bytes = bytes;
    const quota = this.options.quotaBytes;
    const room = quota === null ? Infinity : quota - (this.options.reserveBytes ?? 0);
    if (bytes > room) {
      this.status.error = {
        name: 'QuotaExceeded',
        message: `${this.key} needs ${bytes} bytes but the storage area allows ${room}: the stored copy is the last one that fitted; newer changes are kept in memory only.`,
      };
      this.status.pending = true; // still behind: retried on the next change
      return this.writing;
    }
    this.writing = this.writing.then(() => this.area.set({ [this.key]: text })).then(
      () => { this.status.writes++; this.status.lastWrite = this.options.now(); this.status.error = null; },
      (error: unknown) => {
        this.status.pending = true;
        this.status.error = { name: 'StorageWriteFailed', message: `Writing ${this.key} failed: ${describe(error)}` } satisfies ErrorInfo;
      },
    );
    return this.writing;
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => { void this.flush(); }, this.options.delayMs);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
