// Batched persistence of many small records (one per site, one per log page) to the storage areas.
// The areas are constructor arguments, so tests pass fakes. A change marks its record dirty and arms
// one timer: at most `delayMs` later one flush writes every record that changed, in one set() per
// area, whatever the number of changes in between (never one write per cookie).
//
// Sizes are measured as the browser measures them (the key plus the value's JSON, in UTF-8). A
// record that does not fit, or whose set() is refused, fails alone: the batch is retried record by
// record, the others are written, and the failure (which record, how large, why) is kept in
// `failures` until that record is written again. Nothing is ever truncated.
import type { ErrorInfo } from '../shared/protocol';
import { utf8Length } from './limits';

export type AreaName = 'local' | 'session';

/** What the background needs of a storage area (browser.storage.local/session, or a fake). */
export interface StorageArea {
  /** null: every item. */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/**
 * One record to write: its value, or undefined to remove the key. `what` names it for people.
 * `bytes`: its stored size (itemBytes), when its source knows it without serialising it (a log page).
 */
export interface RecordWrite { area: AreaName; key: string; value: unknown; what: string; bytes?: number }

/** Something whose records can change: asked at each flush for what changed since the last one. */
export interface RecordSource {
  /** The records that changed (the source forgets them: they are now the writer's). */
  takeChanged(): RecordWrite[];
  /** How many records are waiting (the backlog the status shows). */
  pending(): number;
}

export interface WriteFailure { area: AreaName; key: string; what: string; bytes: number | null; error: ErrorInfo; time: number }

export interface AreaStatus { bytes: number; quotaBytes: number | null; writes: number; lastWrite: number | null; records: number }

export interface WriterOptions {
  delayMs: number;
  now: () => number;
  /** Each area's QUOTA_BYTES (shared by all its keys), or null when unknown. */
  quota: Record<AreaName, number | null>;
  /** Counts the time of the flushes' synchronous parts (the status shows it). */
  meter?: { flushSpan(): () => void; flushed(): void };
}

/** The stored size of one item, as the browser counts it: key plus JSON, in UTF-8 bytes. Throws when the value cannot be serialised. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value));
}

export class StorageWriter {
  /** The failed writes, by area and key (failureId), each until its record is written again. */
  readonly failures = new Map<string, WriteFailure>();
  private readonly sources: RecordSource[] = [];
  private readonly sizes: Record<AreaName, Map<string, number>> = { local: new Map(), session: new Map() };
  private readonly areaStatus: Record<AreaName, AreaStatus>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private blocked = true;
  private inFlight = 0;
  /** Called after a flush when the failures changed (the background stores them, see service.ts). */
  onFailuresChanged: () => void = () => undefined;

  constructor(private readonly areas: Record<AreaName, StorageArea>, private readonly options: WriterOptions) {
    this.areaStatus = {
      local: { bytes: 0, quotaBytes: options.quota.local, writes: 0, lastWrite: null, records: 0 },
      session: { bytes: 0, quotaBytes: options.quota.session, writes: 0, lastWrite: null, records: 0 },
    };
  }

  addSource(source: RecordSource): void {
    this.sources.push(source);
  }

  /** A source has something new: a flush follows within `delayMs` (one timer, however many changes). */
  schedule(): void {
    if (this.blocked || this.timer !== undefined) return;
    this.timer = setTimeout(() => { this.timer = undefined; void this.flush(); }, this.options.delayMs);
  }

  /** Writes wait until the stored state has loaded (and, after a failed load, until the user chooses). */
  block(): void {
    this.blocked = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  get isBlocked(): boolean { return this.blocked; }

  unblock(): void {
    this.blocked = false;
    if (this.pending() > 0) this.schedule();
  }

  pending(): number {
    return this.sources.reduce((n, source) => n + source.pending(), 0);
  }

  /** Whether a flush is writing right now. */
  get writing(): boolean { return this.inFlight > 0; }

  status(area: AreaName): AreaStatus {
    const status = this.areaStatus[area];
    return { ...status, records: this.sizes[area].size };
  }

  storedBytes(area: AreaName, key: string): number | undefined {
    return this.sizes[area].get(key);
  }

  /** Keys of an area as last written or read (the load tells the writer what is there). */
  storedKeys(area: AreaName): string[] {
    return [...this.sizes[area].keys()];
  }

  /** What the load found stored (sizes, so that the quota check counts the other keys). */
  noteStored(area: AreaName, key: string, value: unknown): void {
    let bytes: number;
    try { bytes = itemBytes(key, value); } catch { bytes = 0; }
    this.setSize(area, key, bytes);
  }

  /** Failures kept by a previous worker (read from the stored status), reported until written again. */
  restoreFailures(failures: readonly WriteFailure[]): void {
    for (const failure of failures) {
      const id = failureId(failure.area, failure.key);
      if (!this.failures.has(id)) this.failures.set(id, failure);
    }
  }

  /** Writes every record that changed now; resolves when done (failures are in `failures`, never thrown). */
  flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.blocked) return this.chain;
    const end = this.options.meter?.flushSpan();
    const records = this.sources.flatMap((source) => source.takeChanged());
    end?.();
    if (records.length === 0) return this.chain;
    this.options.meter?.flushed();
    this.inFlight++;
    this.chain = this.chain.then(() => this.write(records)).finally(() => { this.inFlight--; });
    return this.chain;
  }

  /** Removes keys now (start afresh, dropped unreadable records), outside the batching. */
  async removeNow(area: AreaName, keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.chain;
    try {
      await this.areas[area].remove(keys);
      for (const key of keys) { this.setSize(area, key, undefined); this.failures.delete(failureId(area, key)); }
    } catch (error) {
      for (const key of keys) this.fail({ area, key, what: key }, null, error);
    }
  }

  private async write(records: RecordWrite[]): Promise<void> {
    const failuresBefore = this.failureSignature();
    for (const area of ['session', 'local'] as const) {
      const mine = records.filter((r) => r.area === area);
      if (mine.length === 0) continue;
      const end = this.options.meter?.flushSpan();
      // The last write of a key in this batch wins.
      const byKey = new Map(mine.map((r) => [r.key, r]));
      const sets: { record: RecordWrite; bytes: number }[] = [];
      const removals: RecordWrite[] = [];
      for (const record of byKey.values()) {
        // A removal is sent only for a key that is stored; decided here, after the writes before
        // this one have landed (a page written by the previous flush and dropped since is removed).
        if (record.value === undefined) { if (this.sizes[area].has(record.key)) removals.push(record); continue; }
        try {
          sets.push({ record, bytes: record.bytes ?? itemBytes(record.key, record.value) });
        } catch (error) {
          this.fail(record, null, error, 'SerialiseFailed');
        }
      }
      end?.();
      // Removals first: the room they free is what the new records (a log's newest page) are written into.
      if (removals.length > 0) {
        try {
          await this.areas[area].remove(removals.map((r) => r.key));
          for (const r of removals) { this.setSize(area, r.key, undefined); this.failures.delete(failureId(area, r.key)); }
        } catch (error) {
          for (const r of removals) this.fail(r, null, error);
        }
      }
      await this.setAll(area, sets);
    }
    if (this.failureSignature() !== failuresBefore) this.onFailuresChanged();
  }

  /** One set() for the batch; when it is refused, record by record (smallest first), each measured against the quota first. */
  private async setAll(area: AreaName, sets: { record: RecordWrite; bytes: number }[]): Promise<void> {
    if (sets.length === 0) return;
    const quota = this.options.quota[area];
    try {
      // The synchronous part of set() is where the browser copies the values (structured clone).
      const end = this.options.meter?.flushSpan();
      const written = this.areas[area].set(Object.fromEntries(sets.map(({ record }) => [record.key, record.value])));
      end?.();
      await written;
      for (const { record, bytes } of sets) this.written(record, bytes);
      this.areaStatus[area].writes++;
      return;
    } catch {
      // One of them (or the total) is refused: find which, writing each alone.
    }
    for (const item of [...sets].sort((a, b) => a.bytes - b.bytes)) {
      const { record, bytes } = item;
      const without = this.areaStatus[area].bytes - (this.sizes[area].get(record.key) ?? 0);
      if (quota !== null && without + bytes > quota) {
        this.fail(record, bytes, new Error(`it needs ${formatBytes(bytes)} and the storage area has ${formatBytes(Math.max(quota - without, 0))} left of its ${formatBytes(quota)}`), 'QuotaExceeded');
        continue;
      }
      try {
        await this.areas[area].set({ [record.key]: record.value });
        this.written(record, bytes);
        this.areaStatus[area].writes++;
      } catch (error) {
        this.fail(record, bytes, error);
      }
    }
  }

  private written(record: RecordWrite, bytes: number): void {
    this.setSize(record.area, record.key, bytes);
    this.failures.delete(failureId(record.area, record.key));
    this.areaStatus[record.area].lastWrite = this.options.now();
  }

  private setSize(area: AreaName, key: string, bytes: number | undefined): void {
    const sizes = this.sizes[area];
    this.areaStatus[area].bytes += (bytes ?? 0) - (sizes.get(key) ?? 0);
    if (bytes === undefined) sizes.delete(key); else sizes.set(key, bytes);
  }

  private fail(record: Pick<RecordWrite, 'area' | 'key' | 'what'>, bytes: number | null, error: unknown, name?: string): void {
    const message = error instanceof Error ? error.message : String(error);
    this.failures.set(failureId(record.area, record.key), {
      area: record.area, key: record.key, what: record.what, bytes,
      error: { name: name ?? (error instanceof Error && error.name !== 'Error' ? error.name : 'StorageWriteFailed'), message: message.slice(0, 300) },
      time: this.options.now(),
    });
  }

  private failureSignature(): string {
    return [...this.failures.keys()].sort().join('\n');
  }
}

/**
 * A failure's place in `failures`: its area and its key. A site's cookies are two records of one
 * key (its session cookies in storage.session, its persistent ones in storage.local), and the one
 * written must not clear the failure of the other.
 */
function failureId(area: AreaName, key: string): string {
  return `${area}\n${key}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
