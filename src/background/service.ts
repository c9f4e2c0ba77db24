// The background's state and handlers, free of the browser API: index.ts wires the real browser to
// it, tests a fake one (src/background/testing/fakeBrowser.ts). See docs/background.md.
//
// Every event is first classified (classify.ts: which cookie store, private or not); a private event
// is dropped unless the user mirrors private browsing, and then kept in memory only: a private store
// has no records and no writer. Otherwise the event is decided (the jar), noted (the mirror, the
// logs) and its records marked dirty; StorageWriter writes what changed about a second later, one
// record per site and per log page. Events that arrive before the stored state has loaded are
// queued and applied in order; after a load that failed, nothing is written until the user chooses.
import { BROWSERS, type BrowserName, type RequestContext } from '../browser-model';
import { Cookie, CookieRequest, LWPCookieJar, MozillaCookieJar, type CookiePolicy } from '../jar';
import type { Handlers } from '../shared/dispatch';
import type {
  BrowserCookie, BrowserExplanation, CookieStoresReply, DecisionEntry, DecisionFilter, ErrorInfo, ExportResult, InStore, ReplayDecision, ReplayResult, SentHeaderEntry, Status, StoreStatus, WorkKind,
} from '../shared/protocol';
import {
  DEFAULT_SETTINGS, applyPreset, completeSettings, isPolicySettings, normaliseSettings, policyOptions, validateSettings,
  type PolicySettings, type PresetName,
} from '../shared/settings';
import {
  headerValue, modelContext, setCookieLines,
  type BeforeRedirectDetails, type BeforeSendHeadersDetails, type HeadersReceivedDetails, type RequestDetails,
} from './adapter';
import { BrowserVerdicts, SETTLE_MS, storeChange, type LoggedVerdict } from './browserVerdicts';
import { Classifier, CHROME_DEFAULT_STORE, CHROME_INCOGNITO_STORE, type StoreKey } from './classify';
import { CookieActions } from './browserActions';
import { BrowserStore, type CookiesWriteApi } from './browserStore';
import { jarKey, type JarPort } from './cookieChanges';
import { exportFile } from '../shared/exportFile';
import { cookieNotes } from './cookieNotes';
import { compareCookies, jarDomainOf, plainBrowserCookie, siteOf } from './cookies';
import { cookieTableRow } from '../shared/cookieRows';
import { hostOf } from '../shared/urls';
import { DECISION_LIMIT, DecisionLog, LOG_BYTES, decisionEntries, logResponse, type LoggedResponse, type LogLimits } from './decisionLog';
import { DEFAULT_LIMITS, MirrorPolicy, type MirrorLimits } from './limits';
import { JarMirror } from './mirror';
import {
  SETTINGS_KEY, STATUS_KEY, parseKey, readLogPage, readMeta, readOldJar, readSentPage, readSiteRecord, readStatus, readTabs,
} from './records';
import { SENT_BYTES, SENT_LIMIT, type SentLimits } from './sentLog';
import { StorageWriter, formatBytes, type AreaName, type RecordSource, type RecordWrite, type StorageArea } from './store';
import { StoreRecords, StoreState, type StoreLimits } from './storeState';
import type { SentHeadersListener } from './wiring';
import { WorkMeter } from './workMeter';
import { containerIdentities, describeStores, storeFileName, type IdentitiesApi } from './stores';

/** The `cookies` API: read by the views, written by the actions (browserActions.ts). */
export type CookiesApi = CookiesWriteApi;
export interface TabsApi { query(query: Record<string, unknown>): Promise<{ id?: number | undefined; incognito: boolean }[]> }

/** cookies.onChanged's details, as far as they are read. */
export interface CookieChange { removed: boolean; cause: string; cookie: object }

export interface BackgroundOptions {
  /** Where the state is kept; null for a private instance (Chrome's incognito one), which writes nothing anywhere. */
  storage: Record<AreaName, StorageArea> | null;
  /** How the stored settings are read when there is no storage to own (the private instance only reads them). */
  readSettings?: () => Promise<unknown>;
  /** Each area's QUOTA_BYTES. */
  quota?: Partial<Record<AreaName, number | null>>;
  /** This worker is Chrome's split incognito instance: everything it sees is private. */
  incognitoInstance?: boolean;
  /** The browser's default cookie store id ('0' in Chrome, 'firefox-default' in Firefox). */
  defaultStoreId?: string;
  /**
   * Whose rules the browser model applies (default 'chromium'). A browser the model does not know
   * yet gets Chromium's rules: its verdicts are still observed, and each difference is flagged.
   */
  browser?: 'chromium' | 'firefox';
  /** The browser's verdicts on each line (default true; the benchmark measures the worker without them too). */
  verdicts?: boolean;
  cookies?: CookiesApi | undefined;
  tabs?: TabsApi | undefined;
  /** Firefox's containers (`contextualIdentities`), to name them; absent in Chrome. */
  identities?: IdentitiesApi | undefined;
  /** Milliseconds since the epoch. */
  now?: () => number;
  flushDelayMs?: number;
  /** Bounds other than the user's (tests and the benchmark change them). */
  limits?: { log?: Partial<LogLimits>; sent?: Partial<SentLimits>; mirror?: Partial<Omit<MirrorLimits, 'total'>> };
}

/** storage.local and storage.session both hold 10 MiB in Chrome 114+ (QUOTA_BYTES). */
export const DEFAULT_QUOTA_BYTES = 10 * 1024 * 1024;
/** Events held while the stored state loads (each a webRequest details object): past this, the oldest go. */
const QUEUE_LIMIT = 20_000;

interface LoadProblem { area: AreaName; key: string; problem: string }

export class Background {
  settings: PolicySettings = structuredClone(DEFAULT_SETTINGS);
  readonly ready: Promise<void>;
  loaded = false;
  readonly classifier: Classifier;
  readonly writer: StorageWriter | null;
  /** The worker's own time on events and flushes (the status shows it). */
  readonly work = new WorkMeter();

  private readonly stores = new Map<string, StoreState>();
  private readonly queue: (() => void)[] = [];
  private droppedEvents = 0;
  private loadState: 'loading' | 'loaded' | 'failed' = 'loading';
  private loadProblems: LoadProblem[] = [];
  /** Session cookies of the old single-record jar (storage.local): a browser start ends them. */
  private migratedSession = new WeakSet<Cookie>();
  private startupPending = false;
  private restoredCookies: { store: StoreState; cookies: { cookie: Cookie; used: number; order: number }[] }[] = [];
  /** The jar's clock: the time of the event being applied (seconds), else now. */
  private eventTime: number | undefined;
  private readonly now: () => number;
  private readonly defaultStore: StoreKey;
  /** The switch of the sent-header comparison's listener (wiring.ts), once index.ts has registered the listeners. */
  private sentHeadersListener: SentHeadersListener | null = null;
  /** The settings are known: the stored ones have been read, or there are none. */
  private settingsRead = false;
  /** Edit, create, delete, import and undo on the browser's store and the jar (browserActions.ts). */
  readonly actions: CookieActions;
  private readonly modelBrowser: BrowserName;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: BackgroundOptions) {
    this.now = options.now ?? Date.now;
    // The one place that knows the browser (index.ts: browserName() of src/shared/browser.ts) names
    // it; the model applies that browser's rules (BROWSERS), Chromium's for one it does not know.
    const browser = options.browser ?? 'chromium';
    this.modelBrowser = Object.hasOwn(BROWSERS, browser) ? browser : 'chromium';
    this.classifier = new Classifier(options.incognitoInstance ?? false, options.defaultStoreId ?? CHROME_DEFAULT_STORE);
    this.defaultStore = this.classifier.defaultStore;
    const storage = options.incognitoInstance === true ? null : options.storage;
    if (storage === null) {
      this.writer = null;
    } else {
      this.writer = new StorageWriter(storage, {
        delayMs: options.flushDelayMs ?? 1000, now: this.now, meter: this.work,
        quota: { local: options.quota?.local ?? DEFAULT_QUOTA_BYTES, session: options.quota?.session ?? DEFAULT_QUOTA_BYTES },
      });
      this.writer.addSource(this.statusRecords());
      this.writer.onFailuresChanged = () => { this.failuresDirty = true; this.writer?.schedule(); };
    }
    this.ready = this.load();
    this.actions = new CookieActions({
      cookies: options.cookies, tabs: options.tabs, session: storage?.session ?? null, now: this.now, ready: this.ready,
      jar: this.jarPort(),
      isPrivate: (storeId) => (storeId === undefined ? this.defaultStore.private
        : storeId === CHROME_INCOGNITO_STORE || this.classifier.classify({ tabId: -1, cookieStoreId: storeId }).private),
    });
  }

  /** The jar of this instance's default store as the actions change it: through the mirror, so that its limits hold and its records are written. */
  private jarPort(): JarPort {
    return {
      index: () => {
        const index = new Map<string, ReturnType<Cookie['toJSON']>[]>();
        for (const cookie of this.primary.mirror.jar) {
          const json = cookie.toJSON();
          const key = jarKey(json);
          index.set(key, [...(index.get(key) ?? []), json]);
        }
        return index;
      },
      put: (json) => {
        this.primary.mirror.add([{ cookie: new Cookie(json), used: this.now() }], { dirty: true });
        this.changed(this.primary);
      },
      remove: (json) => {
        if (this.primary.mirror.removeIfPresent(json.domain, json.path, json.name)) this.changed(this.primary);
      },
    };
  }

  // --- stores -------------------------------------------------------------------------------------

  private limitsFor(settings: PolicySettings): StoreLimits {
    const given = this.options.limits;
    return {
      mirror: { ...DEFAULT_LIMITS, ...given?.mirror, total: settings.maxCookies },
      log: { decisions: DECISION_LIMIT, bytes: LOG_BYTES, ...given?.log },
      sent: { entries: SENT_LIMIT, bytes: SENT_BYTES, ...given?.sent },
    };
  }

  private policyFor(settings: PolicySettings): CookiePolicy {
    return new MirrorPolicy(policyOptions(settings), this.limitsFor(settings).mirror.nameValueBytes);
  }

  private readonly clock = (): number => this.eventTime ?? this.now() / 1000;

  /** The state of a cookie store, made on first use; a public one gets its records written. */
  private store(key: StoreKey): StoreState {
    let store = this.stores.get(key.storeId);
    if (store === undefined) {
      const verdicts = new BrowserVerdicts({ browser: this.modelBrowser, now: this.now });
      store = new StoreState(key, this.policyFor(this.settings), this.clock, this.limitsFor(this.settings), verdicts);
      this.stores.set(key.storeId, store);
      this.seedModel(store);
      // A private store gets no records: nothing of it can be written (there is no path to the writer).
      if (!key.private && this.writer !== null) {
        const state = store;
        this.writer.addSource(new StoreRecords(() => state, () => this.settings.persistJar));
      }
    }
    return store;
  }

  /**
   * The browser model's copy of a store starts as cookies.getAll (partitioned cookies of every
   * partition included); events of the store wait until then (the default store's: until load).
   */
  private seedModel(store: StoreState): void {
    const api = this.options.cookies;
    const verdicts = store.verdicts;
    if (api === undefined) { verdicts.seed([]); return; }
    const scope = store.key.storeId === this.defaultStore.storeId ? {} : { storeId: store.key.storeId };
    this.seeding.set(store.key.storeId, api.getAll({ ...scope, partitionKey: {} })
      .catch(() => api.getAll(scope))
      .then((cookies) => { verdicts.seed(cookies); }, () => { verdicts.seed([]); }));
  }

  private readonly seeding = new Map<string, Promise<void>>();

  /** The store the extension's own pages ask about: this instance's default one. */
  private get primary(): StoreState {
    return this.store(this.defaultStore);
  }

  /**
   * The store a page asks about (a message's `storeId`; default this instance's own). A store
   * never seen, or a private one while private browsing is not mirrored, reads as empty.
   */
  private shownStore(storeId: string | undefined): StoreState {
    const key = this.classifier.keyOf(storeId);
    const store = this.stores.get(key.storeId);
    if (store !== undefined) return store;
    if (key.storeId === this.defaultStore.storeId) return this.primary;
    return new StoreState(key, this.policyFor(this.settings), this.clock, this.limitsFor(this.settings), new BrowserVerdicts({ browser: this.modelBrowser, now: this.now }));
  }

  /** The store a page changes (an import, a clear); a private one only while private browsing is mirrored. */
  private storeToChange(storeId: string | undefined): StoreState {
    const key = this.classifier.keyOf(storeId);
    // Checked before the store is looked up: Chrome's incognito instance holds its own private store from the start.
    if (key.private && !this.settings.mirrorIncognito) {
      throw Object.assign(new Error('Private browsing is not mirrored: turn on “Mirror private windows” (Policy) to keep a jar for it, in memory only.'), { name: 'NotMirroredError' });
    }
    return this.store(key);
  }

  /** The store of an event, or null when it is private and private browsing is not mirrored. */
  private storeOf(event: RequestDetails): StoreState | null {
    const key = this.classifier.classify(event);
    if (key.private && !this.settings.mirrorIncognito) return null;
    return this.store(key);
  }

  /** After a change to a store: its records will be written (never for a private one). */
  private changed(store: StoreState): void {
    if (!store.key.private) this.writer?.schedule();
  }

  /** The jar of this instance's default store (tests read it). */
  get jar() { return this.primary.mirror.jar; }

  /** Cookies of the private stores this instance keeps in memory. */
  get incognitoJarSize(): number {
    let size = 0;
    for (const store of this.stores.values()) if (store.key.private && store !== this.primary) size += store.mirror.size;
    return size;
  }

  // --- loading ------------------------------------------------------------------------------------

  private async load(): Promise<void> {
    const storage = this.options.incognitoInstance === true ? null : this.options.storage;
    const openTabs = this.options.tabs?.query({}).catch(() => []) ?? Promise.resolve([]);
    if (storage === null) {
      try {
        const stored = await (this.options.readSettings?.() ?? Promise.resolve(undefined));
        this.useStoredSettings(stored);
      } catch { /* defaults */ }
    } else {
      await this.loadStored(storage);
    }
    this.settingsRead = true;
    this.listenToSentHeaders();
    for (const tab of await openTabs) this.classifier.noteTab(tab);
    await this.seeding.get(this.primary.key.storeId);
    if (this.startupPending) this.clearMigratedSessionCookies();
    this.loaded = true;
    if (this.loadState === 'loading') this.loadState = 'loaded';
    for (const event of this.queue.splice(0)) event();
    if (this.writer !== null && this.loadState === 'loaded') {
      this.writer.unblock();
      await this.removeOldKeys();
    }
  }

  /** Settings the other instance stored (read at start, and on storage.onChanged). */
  private useStoredSettings(value: unknown): boolean {
    if (value === undefined) return true;
    const completed = completeSettings(value);
    if (!isPolicySettings(completed)) return false;
    this.applySettings(normaliseSettings(completed));
    return true;
  }

  private async loadStored(storage: Record<AreaName, StorageArea>): Promise<void> {
    const writer = this.writer as StorageWriter;
    let items: Record<AreaName, Record<string, unknown>>;
    try {
      const [local, session] = await Promise.all([storage.local.get(null), storage.session.get(null)]);
      items = { local, session };
    } catch (error) {
      this.loadState = 'failed';
      this.loadProblems.push({ area: 'session', key: '*', problem: `reading storage failed: ${describe(error)}` });
      return;
    }
    const problem = (area: AreaName, key: string, text: string) => { this.loadProblems.push({ area, key, problem: text }); };
    // Settings first: the policy and limits the rest is restored under.
    const settings = items.local[SETTINGS_KEY];
    if (settings !== undefined && !this.useStoredSettings(settings)) {
      problem('local', SETTINGS_KEY, `the settings are invalid (${validateSettings(completeSettings(settings)).join(' ').slice(0, 200)})`);
    }
    // The comparison's listener as soon as the setting is known, before the rest is restored.
    this.settingsRead = true;
    this.listenToSentHeaders();
    for (const area of ['local', 'session'] as const) {
      for (const [key, value] of Object.entries(items[area])) {
        writer.noteStored(area, key, value);
        const text = this.restore(area, key, value);
        if (text !== null) problem(area, key, text);
      }
    }
    const byStore = new Map<StoreState, { cookie: Cookie; used: number; order: number }[]>();
    for (const { store, cookies } of this.restoredCookies) {
      const all = byStore.get(store) ?? [];
      for (const cookie of cookies) all.push(cookie);
      byStore.set(store, all);
    }
    // A stable sort: the domains in the jar's order across sites; within a domain, the record's order.
    for (const [store, cookies] of byStore) store.mirror.add(cookies.sort((x, y) => x.order - y.order), { dirty: false });
    this.restoredCookies = [];
    for (const store of this.stores.values()) {
      store.mirror.setLimits(store.mirror.currentLimits);
      store.log.enforceLimits();
      store.sent.enforce();
    }
    if (this.loadProblems.length > 0) this.loadState = 'failed';
  }

  /** Restores one stored item; returns the problem, or null. */
  private restore(area: AreaName, key: string, value: unknown): string | null {
    const parsed = parseKey(key);
    switch (parsed.kind) {
      case 'jar': {
        const record = readSiteRecord(value);
        if (typeof record === 'string') return record;
        const store = this.publicStore(parsed.store);
        const fromDisk = area === 'local';
        // Never restore a session cookie from disk (no version of the extension writes one there).
        const cookies = fromDisk ? record.cookies.filter(({ cookie }) => !cookie.discard) : record.cookies;
        // Added once every record is read, in the jar's order of domains across all sites.
        this.restoredCookies.push({ store, cookies });
        const misplaced = fromDisk ? (!this.settings.persistJar || cookies.length < record.cookies.length)
          : (this.settings.persistJar && cookies.some(({ cookie }) => !cookie.discard));
        if (misplaced) store.mirror.dirty.add(parsed.site);
        return null;
      }
      case 'log': {
        if (area !== 'session') return 'a decision log page outside storage.session';
        const page = readLogPage(value);
        if (typeof page === 'string') return page;
        this.publicStore(parsed.store).log.restorePage(parsed.site, parsed.page, page);
        return null;
      }
      case 'sent': {
        const page = readSentPage(value);
        if (typeof page === 'string') return page;
        const sent = this.publicStore(parsed.store).sent;
        sent.pages.restorePage(parsed.page, page);
        return null;
      }
      case 'tabs': {
        const tabs = readTabs(value);
        if (typeof tabs === 'string') return tabs;
        this.publicStore(parsed.store).adapter.restoreTabs(tabs);
        return null;
      }
      case 'meta': {
        const meta = readMeta(value);
        if (typeof meta === 'string') return meta;
        const store = this.publicStore(parsed.store);
        store.nextResponseId = Math.max(store.nextResponseId, meta.nextResponseId);
        store.nextDecisionId = Math.max(store.nextDecisionId, meta.nextDecisionId);
        store.mirror.counts.refused += meta.refused;
        store.mirror.counts.evicted += meta.evicted;
        store.verdicts.disagreements += meta.disagreements;
        store.writtenDisagreements = store.verdicts.disagreements;
        return null;
      }
      case 'status': {
        const failures = readStatus(value);
        if (typeof failures === 'string') return failures;
        this.writer?.restoreFailures(failures);
        return null;
      }
      case 'old-jar': {
        if (area !== 'local') return null;
        const old = readOldJar(value);
        if (typeof old === 'string') return `the jar of an earlier version: ${old}`;
        const store = this.publicStore(this.defaultStore.storeId);
        for (const cookie of old) if (cookie.discard) this.migratedSession.add(cookie);
        store.mirror.add(old.map((cookie) => ({ cookie, used: 0 })), { dirty: true });
        return null;
      }
      default:
        return null; // the old logs (storage.session ends with the browser anyway), and keys not ours
    }
  }

  /** A stored record names a store: private stores have none (a record naming one is not restored). */
  private publicStore(storeId: string): StoreState {
    return this.store({ storeId, private: false });
  }

  /** The single-record keys of the earlier layout go once their content is written in the new one. */
  private async removeOldKeys(): Promise<void> {
    const writer = this.writer;
    if (writer === null) return;
    const old = (area: AreaName) => writer.storedKeys(area).filter((key) => parseKey(key).kind.startsWith('old-'));
    if (old('local').length + old('session').length === 0) return;
    await writer.flush();
    for (const area of ['local', 'session'] as const) await writer.removeNow(area, old(area));
  }

  /** Runs an event now if the state has loaded, else queues it (in order); its time is counted under `kind`. */
  private run(kind: WorkKind, event: () => void): void {
    if (this.loaded) { this.work.time(kind, event); return; }
    if (this.queue.length >= QUEUE_LIMIT) { this.queue.shift(); this.droppedEvents++; }
    this.queue.push(() => { this.work.time(kind, event); });
  }

  private at<T>(timeMs: number, work: () => T): T {
    this.eventTime = timeMs / 1000;
    try { return work(); } finally { this.eventTime = undefined; }
  }

  // --- browser events -----------------------------------------------------------------------------

  onHeadersReceived(details: HeadersReceivedDetails): void {
    this.run('response', () => { this.applyResponse(details); });
  }

  onBeforeRedirect(details: BeforeRedirectDetails): void {
    this.run('redirect', () => {
      const store = this.storeOf(details);
      try { store?.adapter.noteRedirect(details); } catch { /* a URL the jar cannot parse */ }
    });
  }

  onBeforeSendHeaders(details: BeforeSendHeadersDetails): void {
    this.run('sentHeaders', () => { this.applySentHeaders(details); });
  }

  onTabCreated(tab: { id?: number | undefined; incognito: boolean }): void {
    this.classifier.noteTab(tab);
  }

  onTabRemoved(tabId: number): void {
    this.run('tab', () => {
      for (const store of this.stores.values()) {
        store.adapter.removeTab(tabId);
        if (store.tabsDirty) this.changed(store);
      }
    });
  }

  /** Browser start: session cookies that came from disk (the earlier version's jar) go, as the browser drops its own. */
  onStartup(): void {
    if (this.loaded) this.clearMigratedSessionCookies(); else this.startupPending = true;
  }

  private clearMigratedSessionCookies(): void {
    this.startupPending = false;
    for (const store of this.stores.values()) {
      const stale = [...store.mirror.jar].filter((cookie) => cookie.discard && this.migratedSession.has(cookie));
      for (const cookie of stale) store.mirror.remove(cookie.domain, cookie.path, cookie.name);
      if (stale.length > 0) this.changed(store);
    }
    this.migratedSession = new WeakSet();
  }

  /**
   * The browser's store changed: the browser model's copy follows, a Set-Cookie line waiting for
   * this change gets its observed verdict, and a cookie the user cleared goes from the jar too
   * (followBrowserClears). A change of a store not seen yet is not needed: its copy starts from
   * cookies.getAll when it is first seen.
   */
  onCookieChanged(change: CookieChange): void {
    this.run('cookieChange', () => {
      const raw = change.cookie as Record<string, unknown>;
      const storeId = typeof raw['storeId'] === 'string' && raw['storeId'] !== '' ? raw['storeId'] : this.defaultStore.storeId;
      const store = this.stores.get(storeId);
      if (store === undefined) return;
      const observed = this.options.verdicts === false ? null : storeChange(change);
      if (observed !== null) {
        store.verdicts.whenReady(() => { store.verdicts.observe(observed); });
        this.scheduleSettle();
      }
      if (!change.removed || change.cause !== 'explicit' || !this.settings.followBrowserClears) return;
      const cookie = plainBrowserCookie(raw);
      if (store.mirror.removeIfPresent(jarDomainOf(cookie), cookie.path, cookie.name)) this.changed(store);
    });
  }

  /** The settings changed in storage (the other instance, or another page): the private instance follows. */
  onStoredSettingsChanged(value: unknown): void {
    this.run('settings', () => { this.useStoredSettings(value); });
  }

  private applyResponse(details: HeadersReceivedDetails): void {
    const store = this.storeOf(details);
    if (store === null) return;
    // A store seen for the first time: its events wait for the model's copy of its cookies.
    if (!store.verdicts.ready) { store.verdicts.whenReady(() => { this.applyResponse(details); }); return; }
    store.adapter.noteResponse(details);
    if (store.tabsDirty) this.changed(store);
    const lines = setCookieLines(details.responseHeaders);
    if (lines.length === 0) { store.adapter.endResponse(details); return; }
    let adapted;
    try { adapted = store.adapter.adapt(details); } catch { return; } finally { store.adapter.endResponse(details); } // a URL the jar cannot parse
    const { context, request } = adapted;
    const mirror = store.mirror;
    const decisions = this.at(details.timeStamp, () => mirror.jar.extractCookies({ headers: lines }, request));
    const refusedBefore = mirror.counts.refused;
    const evictions = mirror.noteDecisions(decisions, details.timeStamp);
    if (evictions.length > 0 || mirror.counts.refused !== refusedBefore) store.metaDirty = true;
    // A verdict may settle before the response is logged (its change came first): it is measured when appended.
    const logged: { response?: LoggedResponse } = {};
    const browser = this.judge(store, details, lines, context.topLevelUrl, logged);
    const response = logResponse(context, store.takeResponseId(), details.timeStamp, lines, decisions, evictions, () => store.takeDecisionId(), browser);
    logged.response = response;
    store.log.append(response);
    this.changed(store);
  }

  /**
   * The browser's verdict on each Set-Cookie line (Set-Cookie2 lines, which browsers ignore, get
   * none): predicted now, observed when cookies.onChanged reports the store's changes.
   */
  private judge(store: StoreState, details: HeadersReceivedDetails, lines: readonly (readonly [string, string])[], topLevelUrl: string | null,
    logged: { response?: LoggedResponse }): { verdicts: (LoggedVerdict | undefined)[]; sentences: string[] } | undefined {
    const setCookie: string[] = [];
    const at: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as readonly [string, string];
      if (line[0] === 'Set-Cookie') { setCookie.push(line[1]); at.push(i); }
    }
    if (setCookie.length === 0 || this.options.verdicts === false) return undefined;
    const date = headerValue(details.responseHeaders, 'Date');
    const serverDate = date === null ? undefined : Date.parse(date);
    const context = modelContext(details, topLevelUrl, serverDate !== undefined && Number.isFinite(serverDate) ? serverDate : undefined);
    const onSettled = () => {
      if (logged.response !== undefined) store.log.touch(logged.response);
      if (store.verdicts.disagreements !== store.writtenDisagreements) { store.writtenDisagreements = store.verdicts.disagreements; store.metaDirty = true; }
      this.changed(store);
    };
    const judged = store.verdicts.judge(setCookie, context, onSettled);
    if (judged === null) return undefined;
    const verdicts: (LoggedVerdict | undefined)[] = [];
    for (let i = 0; i < judged.verdicts.length; i++) verdicts[at[i] as number] = judged.verdicts[i];
    this.scheduleSettle();
    return { verdicts, sentences: judged.sentences };
  }

  /** One timer for every store: settles the lines that waited long enough for their change. */
  private scheduleSettle(): void {
    if (this.settleTimer !== undefined) return;
    this.settleTimer = setTimeout(() => { this.settleDue(); }, SETTLE_MS + 50);
  }

  private settleDue(): void {
    this.settleTimer = undefined;
    let next: number | null = null;
    for (const store of this.stores.values()) {
      const due = store.verdicts.settleDue();
      if (due !== null && (next === null || due < next)) next = due;
    }
    if (next !== null) this.settleTimer = setTimeout(() => { this.settleDue(); }, Math.max(10, next - this.now() + 10));
  }

  private applySentHeaders(details: BeforeSendHeadersDetails): void {
    // An event dispatched before the listener was removed.
    if (!this.settings.compareSentHeaders) return;
    const store = this.storeOf(details);
    if (store === null) return;
    let adapted;
    try { adapted = store.adapter.adapt(details); } catch { return; }
    const { request } = adapted;
    const browserHeader = headerValue(details.requestHeaders, 'Cookie');
    // `request` is the adapter's own CookieRequest for this event: the browser's request is never touched.
    this.at(details.timeStamp, () => { store.mirror.jar.addCookieHeader(request); });
    const jarHeader = request.getHeader('Cookie') ?? null;
    if (browserHeader === null && jarHeader === null) return;
    store.sent.append({
      time: details.timeStamp, tabId: details.tabId, url: details.url, resourceType: details.type,
      browser: browserHeader, jar: jarHeader, jarCookie2: request.getHeader('Cookie2') ?? null, same: browserHeader === jarHeader,
    });
    this.changed(store);
  }

  /**
   * The switch of the sent-header comparison's listener: registered while the setting is on. Chrome
   * delivers an event that wakes the worker only to listeners registered at its top level, and the
   * settings are read asynchronously: so every start of the worker registers it again as soon as the
   * stored settings are read (the first Cookie headers sent before that are not compared), and a
   * change of the setting registers or removes it at once.
   */
  useSentHeadersListener(listener: SentHeadersListener): void {
    this.sentHeadersListener = listener;
    this.listenToSentHeaders();
  }

  private listenToSentHeaders(): void {
    if (this.settingsRead) this.sentHeadersListener?.listen(this.settings.compareSentHeaders);
  }

  /** Writes every record now (tests, and before the worker is stopped on purpose). */
  async flush(): Promise<void> {
    await this.ready;
    await this.writer?.flush();
  }

  // --- the stored status (write failures) ---------------------------------------------------------

  private failuresDirty = false;

  private statusRecords(): RecordSource {
    return {
      pending: () => (this.failuresDirty ? 1 : 0),
      takeChanged: (): RecordWrite[] => {
        if (!this.failuresDirty || this.writer === null) return [];
        this.failuresDirty = false;
        // Its own failure is not kept: a status that cannot be stored would otherwise be retried forever.
        const failures = [...this.writer.failures.values()].filter((f) => f.key !== STATUS_KEY);
        return [{ area: 'session', key: STATUS_KEY, value: failures.length === 0 ? undefined : { v: 1, failures }, what: 'the list of records not saved' }];
      },
    };
  }

  // --- settings -----------------------------------------------------------------------------------

  private applySettings(settings: PolicySettings): void {
    const before = this.settings;
    this.settings = settings;
    this.listenToSentHeaders();
    for (const [id, store] of this.stores) {
      if (store.key.private && !settings.mirrorIncognito && store !== this.primary) { this.stores.delete(id); continue; }
      if (store.key.private && !settings.mirrorIncognito) { store.mirror.clear(); store.log.clear(); store.sent.clear(); }
      store.mirror.jar.setPolicy(this.policyFor(settings));
      store.mirror.setLimits(this.limitsFor(settings).mirror);
      if (before.persistJar !== settings.persistJar) store.mirror.markAllDirty();
      this.changed(store);
    }
  }

  private async storeSettings(settings: PolicySettings, replaceJar: boolean): Promise<PolicySettings> {
    const normalised = normaliseSettings(settings);
    // The private instance has no storage: its policy changes last as long as it does.
    if (this.writer !== null && this.options.storage !== null) await this.options.storage.local.set({ [SETTINGS_KEY]: normalised });
    this.applySettings(normalised);
    if (replaceJar) {
      // Every store's jar is rebuilt from its own log: the policy is the same for all of them.
      for (const store of this.stores.values()) {
        const old = store.mirror;
        store.mirror = this.replayUnder(normalised, store).mirror;
        for (const site of old.knownSites()) store.mirror.dirty.add(site);
        this.changed(store);
      }
    }
    return structuredClone(normalised);
  }

  private settingsFrom(message: { settings?: PolicySettings; preset?: PresetName }): PolicySettings {
    if (message.settings !== undefined) return normaliseSettings(completeSettings(message.settings) as PolicySettings);
    if (message.preset !== undefined) return applyPreset(this.settings, message.preset);
    return this.settings;
  }

  // --- load failures ------------------------------------------------------------------------------

  private async resolveLoadError(action: 'keep' | 'startAfresh'): Promise<Status> {
    const writer = this.writer;
    if (writer === null || this.loadState !== 'failed') return this.status();
    if (action === 'keep') {
      for (const area of ['local', 'session'] as const) {
        await writer.removeNow(area, this.loadProblems.filter((p) => p.area === area && p.key !== '*').map((p) => p.key));
      }
    } else {
      for (const store of this.stores.values()) {
        if (store.key.private) continue;
        store.mirror.clear();
        store.mirror.dirty.clear();
        store.log.clear();
        for (const log of store.log.siteLogs().values()) log.dirty.clear();
        store.log.dirtyLogs();
        store.sent.clear();
        store.sent.pages.dirty.clear();
      }
      for (const area of ['local', 'session'] as const) {
        await writer.removeNow(area, writer.storedKeys(area).filter((key) => key !== SETTINGS_KEY || this.loadProblems.some((p) => p.key === key)));
      }
      if (this.loadProblems.some((p) => p.key === SETTINGS_KEY)) this.applySettings(structuredClone(DEFAULT_SETTINGS));
    }
    this.loadProblems = [];
    this.loadState = 'loaded';
    writer.unblock();
    await this.removeOldKeys();
    return this.status();
  }

  // --- queries ------------------------------------------------------------------------------------

  decisions(filter: DecisionFilter & InStore = {}): DecisionEntry[] {
    const store = this.shownStore(filter.storeId);
    const limit = filter.limit ?? 1000;
    const site = filter.site === undefined ? undefined : siteOf(filter.site);
    const out: DecisionEntry[] = [];
    for (const response of store.log.newestFirst()) {
      if (out.length >= limit) break;
      if (filter.tabId !== undefined && response.tabId !== filter.tabId) continue;
      if (site !== undefined) {
        const requestHost = hostOf(response.url) ?? '';
        if (DecisionLog.siteOf(response) !== site && siteOf(requestHost) !== site) continue;
      }
      for (const entry of decisionEntries(response, store.key)) {
        if (out.length >= limit) break;
        if (filter.accepted !== undefined && entry.accepted !== filter.accepted) continue;
        if (filter.rule !== undefined && entry.rule !== filter.rule) continue;
        out.push(entry);
      }
    }
    return out;
  }

  status(storeId?: string): Status {
    const store = this.shownStore(storeId);
    const writer = this.writer;
    const failures = writer === null ? [] : [...writer.failures.values()];
    const errors: string[] = [];
    if (this.loadState === 'failed') {
      errors.push(`The stored state could not be read (${this.loadProblems.map((p) => `${describeKey(p.key)}: ${p.problem}`).join('; ').slice(0, 600)}). `
        + 'Nothing is being saved until you choose: keep what could be read, or start afresh.');
    }
    for (const failure of failures) {
      errors.push(`Could not save ${failure.what}${failure.bytes === null ? '' : ` (${formatBytes(failure.bytes)})`}: ${failure.error.message} It is kept in memory; the stored copy is older or missing.`);
    }
    if (this.droppedEvents > 0) errors.push(`${this.droppedEvents} browser events arrived while the stored state was loading and were dropped (more than ${QUEUE_LIMIT.toLocaleString('en')} waiting).`);
    const mirror = store.mirror;
    return {
      loaded: this.loaded, jarSize: mirror.size, incognitoJarSize: this.incognitoJarSize,
      decisions: store.log.decisions, decisionLimit: store.log.limit, responses: store.log.responses, sentHeaders: store.sent.size,
      stores: this.storeStatuses(), errors,
      private: store.key.private,
      load: { state: this.loadState, problems: this.loadProblems.map((p) => `${describeKey(p.key)} (${p.area}): ${p.problem}`) },
      jarAreas: store.key.private || writer === null ? [] : this.settings.persistJar ? ['session', 'local'] : ['session'],
      limits: {
        cookies: mirror.size, maxCookies: mirror.currentLimits.total, perSite: mirror.currentLimits.perSite,
        nameValueBytes: mirror.currentLimits.nameValueBytes, jarBytes: mirror.storedBytes, maxJarBytes: mirror.currentLimits.bytes,
        refused: mirror.counts.refused, evicted: mirror.counts.evicted, logBytes: store.log.bytes, maxLogBytes: this.limitsFor(this.settings).log.bytes,
      },
      backlog: { queuedEvents: this.queue.length, pendingRecords: writer?.pending() ?? 0, writing: writer?.writing ?? false },
      failures: failures.map(({ what, key, area, bytes, error, time }) => ({ what, key, area, bytes, error, time })),
      storage: writer === null ? null : { session: writer.status('session'), local: writer.status('local') },
      work: this.work.status(),
      verdicts: {
        browser: this.modelBrowser, thirdPartyCookies: store.verdicts.thirdPartyCookies, thirdPartyCookiesKnown: store.verdicts.thirdPartyKnown,
        disagreements: store.verdicts.disagreements, pending: store.verdicts.pending, cookies: store.verdicts.model.size,
      },
    };
  }

  /** The earlier per-kind figures (bytes, last write, first error), over the records of each kind. */
  private storeStatuses(): Status['stores'] {
    const writer = this.writer;
    const kinds = { jar: 'jar/', log: 'log/', sentHeaders: 'sent/', tabs: 'tabs/' } as const;
    const result = {} as Status['stores'];
    for (const [name, prefix] of Object.entries(kinds) as [keyof Status['stores'], string][]) {
      const status: StoreStatus = { bytes: 0, quotaBytes: null, lastWrite: null, writes: 0, error: null, pending: false };
      if (writer !== null) {
        for (const area of ['session', 'local'] as const) {
          const areaStatus = writer.status(area);
          for (const key of writer.storedKeys(area)) if (key.startsWith(prefix)) status.bytes += writer.storedBytes(area, key) ?? 0;
          if (area === 'session') { status.quotaBytes = areaStatus.quotaBytes; status.lastWrite = areaStatus.lastWrite; status.writes = areaStatus.writes; }
        }
        const failure = [...writer.failures.values()].find((f) => f.key.startsWith(prefix));
        status.error = failure === undefined ? null : { name: failure.error.name, message: `Could not save ${failure.what}: ${failure.error.message}` } satisfies ErrorInfo;
        status.pending = writer.pending() > 0 || writer.writing;
      }
      result[name] = status;
    }
    return result;
  }

  private jarCookies(site: string | undefined, storeId: string | undefined): Cookie[] {
    const mirror = this.shownStore(storeId).mirror;
    return site === undefined ? [...mirror.jar] : mirror.cookiesOf(siteOf(site));
  }

  private async browserCookies(site: string | undefined, warnings: string[], storeId?: string): Promise<BrowserCookie[]> {
    const api = this.options.cookies;
    if (api === undefined) throw Object.assign(new Error('The browser’s cookie store is not available here.'), { name: 'Unavailable' });
    return new BrowserStore(api, storeId).list(site, warnings);
  }

  /** The browser model over its copy of the browser's store: what a request to `url` from the page `topLevelUrl` carries. */
  private explainBrowser(url: string, topLevelUrl: string | undefined): BrowserExplanation {
    const context: RequestContext = topLevelUrl === undefined
      ? { url, kind: 'top-level', initiator: null, now: this.now() }
      : { url, kind: 'subresource', topLevelUrl, now: this.now() };
    let answer;
    try {
      answer = this.primary.verdicts.model.cookiesFor(context);
    } catch (error) {
      throw Object.assign(new Error(`The browser model cannot read this URL: ${describe(error)}`), { name: 'BadRequest' });
    }
    return {
      cookieHeader: answer.cookieHeader,
      cookies: answer.cookies.map((c) => ({
        name: c.name, domain: c.domain, path: c.path, sent: c.sent, reasons: [...c.reasons], sentence: c.sentence,
        ...(c.partitionKey === undefined ? {} : { partitionKey: { ...c.partitionKey } }),
      })),
    };
  }

  /** The stores the browser has now and those the extension holds something of, named. */
  private async cookieStores(tabId: number | undefined): Promise<CookieStoresReply> {
    const browser = await (this.options.cookies?.getAllCookieStores() ?? Promise.resolve([])).catch(() => []);
    // Containers may be turned off (privacy.userContext.enabled): then there are none to name.
    const containers = containerIdentities(await (this.options.identities?.query({}) ?? Promise.resolve([])).catch(() => []));
    const held = [...this.stores.values()]
      .filter((store) => !store.key.private || this.settings.mirrorIncognito)
      .map((store) => ({ id: store.key.storeId, private: store.key.private, cookies: store.mirror.size, decisions: store.log.decisions }));
    const tabStore = tabId === undefined ? undefined : browser.find((store) => store.tabIds.includes(tabId));
    return describeStores({
      browser, containers, held, defaultStoreId: this.defaultStore.storeId, mirrorIncognito: this.settings.mirrorIncognito, tabStoreId: tabStore?.id ?? null,
    });
  }

  // --- replay -------------------------------------------------------------------------------------

  /** Runs the recorded responses through a fresh mirror under these settings (the live jar is untouched). */
  private replayUnder(settings: PolicySettings, store: StoreState): { mirror: JarMirror; decisions: ReplayDecision[][]; skipped: number } {
    const mirror = new JarMirror(this.policyFor(settings), this.clock, this.limitsFor(settings).mirror);
    let skipped = 0;
    const decisions: ReplayDecision[][] = [];
    for (const response of store.log.chronological()) {
      // A response whose URL or a line the log keeps only in part cannot be replayed as it was.
      if (response.urlLength !== undefined || response.lines.some((l) => l.length !== undefined)) { skipped++; decisions.push([]); continue; }
      let request: CookieRequest;
      try { request = new CookieRequest(response.url, { unverifiable: response.unverifiable, originReqHost: response.originReqHost }); } catch { decisions.push([]); continue; }
      const lines = response.lines.map((l): [string, string] => [l.header, l.text]);
      const result = this.at(response.time, () => mirror.jar.extractCookies({ headers: lines }, request));
      mirror.noteDecisions(result, response.time);
      decisions.push(result.map((decision): ReplayDecision => ({
        // extractCookies gives each decision its line's text as `header`.
        responseId: response.id, requestUrl: response.url, line: decision.header ?? '', accepted: decision.accepted,
        ...(decision.rule === undefined ? {} : { rule: decision.rule }), ...(decision.reason === undefined ? {} : { reason: decision.reason }),
        cookie: decision.cookie.toJSON(),
      })));
    }
    return { mirror, decisions, skipped };
  }

  replay(settings: PolicySettings, storeId?: string): ReplayResult {
    const store = this.shownStore(storeId);
    const next = this.replayUnder(settings, store);
    const current = this.replayUnder(this.settings, store);
    const newlyRefused: ReplayDecision[] = [];
    const newlyAccepted: ReplayDecision[] = [];
    next.decisions.forEach((decisions, index) => {
      // Pair each decision with the one for the same line and cookie name under the current policy.
      const before = new Map<string, ReplayDecision[]>();
      for (const d of current.decisions[index] ?? []) {
        const key = `${d.line}\n${d.cookie?.name ?? ''}`;
        before.set(key, [...(before.get(key) ?? []), d]);
      }
      for (const d of decisions) {
        const old = before.get(`${d.line}\n${d.cookie?.name ?? ''}`)?.shift();
        if (old === undefined) continue;
        if (old.accepted && !d.accepted) newlyRefused.push(d);
        if (!old.accepted && d.accepted) newlyAccepted.push(d);
      }
    });
    return {
      responses: next.decisions.length, cookies: [...next.mirror.jar].map((c) => c.toJSON()),
      decisions: next.decisions.flat(), newlyRefused, newlyAccepted, skipped: next.skipped,
    };
  }

  // --- export and import --------------------------------------------------------------------------

  private exportJar(message: Parameters<Handlers['exportJar']>[0]): Promise<ExportResult> {
    return exportFile(message, {
      jar: (site, storeId) => this.jarCookies(site, storeId),
      browser: (site, storeId, warnings) => this.browserCookies(site, warnings, storeId),
    }, this.now()).then(async (result) => {
      // A file of another store than the default one says whose it is: cookies-example.com-Work.txt.
      const storeId = this.classifier.keyOf(message.storeId).storeId;
      if (storeId === this.classifier.defaultStore.storeId) return result;
      const name = (await this.cookieStores(undefined)).stores.find((store) => store.id === storeId)?.name ?? storeId;
      return { ...result, filename: storeFileName(result.filename, name) };
    });
  }

  private importJar(message: Parameters<Handlers['importJar']>[0]): { imported: number; jarSize: number; refused: number; evicted: number } {
    const file = message.format === 'lwp' ? new LWPCookieJar() : new MozillaCookieJar();
    // loadText throws LoadError (with its line) before anything reaches the live jar.
    file.loadText(message.text, { ignoreDiscard: message.ignoreDiscard ?? true, ignoreExpires: message.ignoreExpires ?? false });
    const store = this.storeToChange(message.storeId);
    const now = this.now();
    const { refused, evictions } = store.mirror.add([...file].map((cookie) => ({ cookie, used: now })), { dirty: true });
    const imported = file.size - refused.length;
    if (imported > 0) this.changed(store);
    return { imported, jarSize: store.mirror.size, refused: refused.length, evicted: evictions.length };
  }

  // --- the handler map ----------------------------------------------------------------------------

  /** Every message of the protocol; each waits for the stored state first. */
  handlers(): Handlers {
    const loaded = async <T>(work: () => T | Promise<T>): Promise<T> => { await this.ready; return work(); };
    return {
      getStatus: (m) => loaded(() => this.status(m.storeId)),
      getCookieStores: (m) => loaded(() => this.cookieStores(m.tabId)),
      getCookies: (m) => loaded(async () => {
        const warnings: string[] = [];
        const source = m.source ?? 'both';
        const jar = source === 'browser' ? [] : this.jarCookies(m.site, m.storeId).map((c) => c.toJSON());
        const browser = source === 'jar' ? null : await this.browserCookies(m.site, warnings, m.storeId);
        return {
          jar, browser, comparison: source === 'both' && browser !== null ? compareCookies(jar, browser) : null, warnings,
          scope: m.site === undefined ? null : siteOf(m.site),
        };
      }),
      getCookieRows: (m) => loaded(() => this.jarCookies(m.site, m.storeId).map(cookieTableRow)),
      explainDifferences: (m) => loaded(async () => {
        const browser = await this.browserCookies(m.site, [], m.storeId);
        const store = this.shownStore(m.storeId);
        const jar = this.jarCookies(m.site, m.storeId).map((c) => c.toJSON());
        return { notes: cookieNotes(jar, browser, store.log.newestFirst(), store.verdicts.history) };
      }),
      getDecisions: (m) => loaded(() => this.decisions(m)),
      clearDecisions: (m) => loaded(() => {
        const store = this.storeToChange(m.storeId);
        store.log.clear();
        this.changed(store);
        return null;
      }),
      getSentHeaders: (m) => loaded(() => {
        const site = m.site === undefined ? undefined : siteOf(m.site);
        const limit = m.limit ?? 1000;
        const out: SentHeaderEntry[] = [];
        for (const e of this.shownStore(m.storeId).sent.newestFirst()) {
          if (out.length >= limit) break;
          if ((m.tabId === undefined || e.tabId === m.tabId) && (site === undefined || siteOf(hostOf(e.url) ?? '') === site)) out.push({ ...e });
        }
        return out;
      }),
      explain: (m) => loaded(() => {
        // Requested from a page: for the jar an unverifiable request from that page's host (as the adapter makes a subresource's).
        const fromHost = m.topLevelUrl === undefined ? null : hostOf(m.topLevelUrl);
        const unverifiable = m.unverifiable ?? (fromHost === null ? undefined : true);
        const originReqHost = m.originReqHost ?? fromHost ?? undefined;
        const init = { ...(unverifiable === undefined ? {} : { unverifiable }), ...(originReqHost === undefined ? {} : { originReqHost }) };
        const jar = this.shownStore(m.storeId).mirror.jar;
        const withHeader = new CookieRequest(m.url, init);
        jar.addCookieHeader(withHeader);
        const explained = jar.explainCookieHeader(new CookieRequest(m.url, init));
        return {
          cookieHeader: withHeader.getHeader('Cookie') ?? null, cookie2Header: withHeader.getHeader('Cookie2') ?? null,
          cookies: explained.map((d) => ({
            cookie: d.cookie.toJSON(), sent: d.accepted,
            ...(d.rule === undefined ? {} : { rule: d.rule }), ...(d.reason === undefined ? {} : { reason: d.reason }),
          })),
          browser: this.explainBrowser(m.url, m.topLevelUrl),
        };
      }),
      getPolicy: () => loaded(() => structuredClone(this.settings)),
      setPolicy: (m) => loaded(() => this.storeSettings(this.settingsFrom(m), m.replaceJar ?? false)),
      replay: (m) => loaded(() => this.replay(this.settingsFrom(m), m.storeId)),
      exportJar: (m) => loaded(() => this.exportJar(m)),
      importJar: (m) => loaded(() => this.importJar(m)),
      clearJar: (m) => loaded(() => {
        const store = this.storeToChange(m.storeId);
        const removed = store.mirror.clear(m.site === undefined ? undefined : siteOf(m.site));
        if (removed > 0) this.changed(store);
        return { removed };
      }),
      deleteCookie: (m) => loaded(() => {
        const store = this.storeToChange(m.storeId);
        store.mirror.remove(m.domain, m.path, m.name);
        this.changed(store);
        return { removed: 1 };
      }),
      resolveLoadError: (m) => loaded(() => this.resolveLoadError(m.action)),
      ...this.actions.handlers(),
    };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A stored key for people: "the cookies of example.com", "page 2 of the decision log of example.com". */
export function describeKey(key: string): string {
  const parsed = parseKey(key);
  switch (parsed.kind) {
    case 'jar': return `the cookies of ${parsed.site || '(no host)'}`;
    case 'log': return `page ${parsed.page} of the decision log of ${parsed.site || '(no host)'}`;
    case 'sent': return `page ${parsed.page} of the sent-header log`;
    case 'tabs': return 'the tabs’ top-level pages';
    case 'meta': return 'the id counters';
    case 'settings': return 'the settings';
    case 'status': return 'the list of records not saved';
    case 'old-jar': return 'the jar of an earlier version';
    default: return key === '*' ? 'storage' : key;
  }
}
