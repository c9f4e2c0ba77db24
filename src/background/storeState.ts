// The state of one cookie store ('0' Chrome's regular profile, '1' its incognito one,
// 'firefox-default', 'firefox-private', 'firefox-container-N'): its mirrored jar, its decision and
// sent-header logs, its per-tab record and its id counters. A public store's records are written by
// StoreRecords; a private store has no StoreRecords at all: nothing of it can reach storage.
import type { CookiePolicy } from '../jar';
import { RequestAdapter } from './adapter';
import type { BrowserVerdicts } from './browserVerdicts';
import type { StoreKey } from './classify';
import { DecisionLog, type LogLimits } from './decisionLog';
import type { MirrorLimits } from './limits';
import { JarMirror, type SiteRecord } from './mirror';
import { keys, type SiteRecordValue } from './records';
import { SentLog, type SentLimits } from './sentLog';
import type { AreaName, RecordSource, RecordWrite } from './store';

/** Ids are reserved in blocks: the stored counter is always ahead of every id handed out (see reserveIds). */
export const ID_BLOCK = 100_000;
/** Characters of a tab's URL kept in the per-tab record (its host is what third-party detection needs). */
export const TAB_URL_LIMIT = 2048;

export interface StoreLimits { mirror: MirrorLimits; log: LogLimits; sent: SentLimits }

export class StoreState {
  mirror: JarMirror;
  readonly log: DecisionLog;
  readonly sent: SentLog;
  readonly adapter = new RequestAdapter();
  nextResponseId = 1;
  nextDecisionId = 1;
  /** The counters as stored: always ahead of the ids handed out (0 until the first id: its take reserves a block). */
  reserved = { response: 0, decision: 0 };
  tabsDirty = false;
  metaDirty = false;
  /** The count of disagreements as last marked for the meta record. */
  writtenDisagreements = 0;

  /** The browser's verdicts: the model's copy of this cookie store and the correlation with cookies.onChanged. */
  readonly verdicts: BrowserVerdicts;

  constructor(readonly key: StoreKey, policy: CookiePolicy, clock: () => number, limits: StoreLimits, verdicts: BrowserVerdicts) {
    this.verdicts = verdicts;
    this.mirror = new JarMirror(policy, clock, limits.mirror);
    this.log = new DecisionLog(limits.log);
    this.sent = new SentLog(limits.sent);
    this.adapter.onTabsChanged = () => { this.tabsDirty = true; };
  }

  takeResponseId(): number {
    const id = this.nextResponseId++;
    if (this.nextResponseId > this.reserved.response - ID_BLOCK / 2) this.reserveIds();
    return id;
  }

  takeDecisionId(): number {
    const id = this.nextDecisionId++;
    if (this.nextDecisionId > this.reserved.decision - ID_BLOCK / 2) this.reserveIds();
    return id;
  }

  /**
   * Moves the stored counters a block ahead. A worker stopped before its last log page was written
   * restarts from the stored counter, which is past every id it handed out: ids never repeat.
   */
  reserveIds(): void {
    this.reserved = { response: this.nextResponseId + ID_BLOCK, decision: this.nextDecisionId + ID_BLOCK };
    this.metaDirty = true;
  }
}

/** One site's record split by area: persistent cookies to storage.local when the user keeps the jar across restarts. */
export function splitRecord(record: SiteRecord, persist: boolean): Record<AreaName, SiteRecordValue | undefined> {
  const value = (part: SiteRecord): SiteRecordValue | undefined => (part.cookies.length === 0 ? undefined : { v: 1, ...part });
  if (!persist) return { session: value(record), local: undefined };
  const session: SiteRecord = { cookies: [], used: [], order: [] };
  const local: SiteRecord = { cookies: [], used: [], order: [] };
  record.cookies.forEach((cookie, i) => {
    // flags bit 32: discard, a session cookie: never written to disk.
    const into = (cookie[7] & 32) !== 0 ? session : local;
    into.cookies.push(cookie);
    into.used.push(record.used[i] ?? 0);
    into.order.push(record.order[i] ?? 0);
  });
  return { session: value(session), local: value(local) };
}

/** The records of a public store: what changed since the last flush, as writes (see store.ts). */
export class StoreRecords implements RecordSource {
  constructor(private readonly state: () => StoreState, private readonly persist: () => boolean) {}

  pending(): number {
    const store = this.state();
    let count = store.mirror.dirty.size + store.sent.pages.dirty.size + (store.tabsDirty ? 1 : 0) + (store.metaDirty ? 1 : 0) + store.log.touchedCount;
    for (const log of store.log.siteLogs().values()) count += log.dirty.size;
    return count;
  }

  takeChanged(): RecordWrite[] {
    const store = this.state();
    const id = store.key.storeId;
    const writes: RecordWrite[] = [];
    // `undefined`: remove the record (the writer sends the removal only if it is stored).
    const write = (area: AreaName, key: string, value: unknown, what: string, bytes?: number) => {
      writes.push(bytes === undefined ? { area, key, value, what } : { area, key, value, what, bytes });
    };
    const persist = this.persist();
    for (const site of store.mirror.dirty) {
      const split = splitRecord(store.mirror.record(site), persist);
      const key = keys.jar(id, site);
      write('session', key, split.session, `the cookies of ${site || '(no host)'}`);
      write('local', key, split.local, `the persistent cookies of ${site || '(no host)'}`);
    }
    store.mirror.dirty.clear();
    store.log.remeasure();
    for (const [site, log] of store.log.dirtyLogs()) {
      for (const no of log.dirty) {
        const key = keys.log(id, site, no);
        const page = log.pageRecord(no, key);
        write('session', key, page?.value, `page ${no} of the decision log of ${site || '(no host)'}`, page?.bytes);
      }
      log.dirty.clear();
    }
    for (const no of store.sent.pages.dirty) {
      const key = keys.sent(id, no);
      const page = store.sent.pages.pageRecord(no, key);
      write('session', key, page?.value, `page ${no} of the sent-header log`, page?.bytes);
    }
    store.sent.pages.dirty.clear();
    if (store.tabsDirty) {
      const tabs = store.adapter.tabEntries().map(([tab, url]): [number, string] => [tab, url.slice(0, TAB_URL_LIMIT)]);
      write('session', keys.tabs(id), tabs.length === 0 ? undefined : { v: 1, tabs }, 'the tabs’ top-level pages');
      store.tabsDirty = false;
    }
    if (store.metaDirty) {
      write('session', keys.meta(id), {
        v: 1, nextResponseId: Math.max(store.reserved.response, store.nextResponseId), nextDecisionId: Math.max(store.reserved.decision, store.nextDecisionId),
        refused: store.mirror.counts.refused, evicted: store.mirror.counts.evicted, disagreements: store.verdicts.disagreements,
      }, 'the id counters');
      store.metaDirty = false;
    }
    return writes;
  }
}
