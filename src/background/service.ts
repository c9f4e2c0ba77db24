// The service worker's state and handlers, free of the browser API: index.ts wires the real browser
// to it, tests a fake one (src/background/testing/fakeBrowser.ts). See docs/background.md.
//
// Events (webRequest, tabs, onStartup) are applied synchronously once the stored state has loaded;
// those that arrive before are queued and applied in order. The jar is written to storage.local, the
// decision log, the sent-header log and the per-tab record to storage.session, each batched.
import { Cookie, CookieJar, CookieRequest, LWPCookieJar, MozillaCookieJar, type CookieDecision } from '../jar';
import type { Handlers } from '../shared/dispatch';
import type {
  BrowserCookie, CookieJSON, DecisionEntry, DecisionFilter, ExportResult, RecordedResponse, ReplayDecision, ReplayResult,
  SentHeaderEntry, Status,
} from '../shared/protocol';
import { DEFAULT_SETTINGS, applyPreset, buildPolicy, isPolicySettings, normaliseSettings, type PolicySettings, type PresetName } from '../shared/settings';
import {
  RequestAdapter, headerValue, setCookieLines,
  type BeforeRedirectDetails, type BeforeSendHeadersDetails, type HeadersReceivedDetails, type RequestDetails,
} from './adapter';
import { browserToJarCookie, compareCookies, inSite, plainBrowserCookie, siteOf } from './cookies';
import { cookieTableRow } from '../shared/cookieRows';
import { hostOf } from '../shared/urls';
import { exportCookies } from '../formats';
import { BatchedWriter, type StorageArea } from './store';

export interface CookiesApi { getAll(details: Record<string, unknown>): Promise<unknown[]> }
export interface TabsApi { query(query: Record<string, unknown>): Promise<{ id?: number | undefined; incognito: boolean }[]> }

export interface BackgroundOptions {
  local: StorageArea;
  session: StorageArea;
  localQuotaBytes?: number | null;
  sessionQuotaBytes?: number | null;
  cookies?: CookiesApi | undefined;
  tabs?: TabsApi | undefined;
  /** Milliseconds since the epoch. */
  now?: () => number;
  flushDelayMs?: number;
  decisionLimit?: number;
  sentHeaderLimit?: number;
}

export const KEYS = { jar: 'jar', settings: 'settings', log: 'decisionLog', sent: 'sentHeaders', tabs: 'tabs' } as const;
export const DECISION_LIMIT = 10_000;
export const SENT_HEADER_LIMIT = 2_000;
/** storage.local and storage.session both hold 10 MiB in Chrome 114+ (QUOTA_BYTES). */
export const DEFAULT_QUOTA_BYTES = 10 * 1024 * 1024;

interface LoggedDecision { id: number; header: 'Set-Cookie' | 'Set-Cookie2'; line: string; accepted: boolean; rule?: string; reason?: string; cookie: CookieJSON | null }
interface LoggedResponse extends RecordedResponse { decisions: LoggedDecision[] }
interface StoredLog { nextResponseId: number; nextDecisionId: number; responses: LoggedResponse[] }

/** The line a decision's cookie came from (the jar names it), with that line's header name. */
function lineOf(decision: CookieDecision, lines: readonly [string, string][]): [name: 'Set-Cookie' | 'Set-Cookie2', line: string] {
  const line = decision.header ?? '';
  const found = lines.find(([, value]) => value === line);
  return [found?.[0] === 'Set-Cookie2' ? 'Set-Cookie2' : 'Set-Cookie', line];
}

function decisionRecord(decision: CookieDecision, lines: readonly [string, string][]) {
  const [header, line] = lineOf(decision, lines);
  return {
    header, line, accepted: decision.accepted,
    ...(decision.rule === undefined ? {} : { rule: decision.rule }),
    ...(decision.reason === undefined ? {} : { reason: decision.reason }),
    cookie: decision.cookie.toJSON(),
  };
}

export class Background {
  settings: PolicySettings = structuredClone(DEFAULT_SETTINGS);
  jar: CookieJar;
  /** Incognito traffic, when the user allows it: in memory only, never written. */
  incognitoJar: CookieJar;
  readonly adapter = new RequestAdapter();
  readonly ready: Promise<void>;
  loaded = false;
  loadError: string | null = null;

  private log: LoggedResponse[] = [];
  private decisionCount = 0;
  private nextResponseId = 1;
  private nextDecisionId = 1;
  private sent: SentHeaderEntry[] = [];
  private readonly incognitoSent = new WeakSet<SentHeaderEntry>();
  private readonly queue: (() => void)[] = [];
  /** Cookies restored from storage: at browser start their session cookies are cleared. */
  private restored = new WeakSet<Cookie>();
  private startupPending = false;
  /** The jar's clock: the time of the event being applied (seconds), else now. */
  private eventTime: number | undefined;
  private readonly now: () => number;
  private readonly decisionLimit: number;
  private readonly sentLimit: number;
  readonly writers: { jar: BatchedWriter; log: BatchedWriter; sent: BatchedWriter; tabs: BatchedWriter };

  constructor(private readonly options: BackgroundOptions) {
    this.now = options.now ?? Date.now;
    this.decisionLimit = options.decisionLimit ?? DECISION_LIMIT;
    this.sentLimit = options.sentHeaderLimit ?? SENT_HEADER_LIMIT;
    this.jar = this.newJar(this.settings);
    this.incognitoJar = this.newJar(this.settings);
    const delayMs = options.flushDelayMs ?? 1000;
    const local = { delayMs, now: this.now, quotaBytes: options.localQuotaBytes === undefined ? DEFAULT_QUOTA_BYTES : options.localQuotaBytes, reserveBytes: 16 * 1024 };
    const session = { delayMs, now: this.now, quotaBytes: options.sessionQuotaBytes === undefined ? DEFAULT_QUOTA_BYTES : options.sessionQuotaBytes };
    this.writers = {
      jar: new BatchedWriter(options.local, KEYS.jar, () => this.serialiseJar(), local),
      // The logs share storage.session: the decision log gets most of it.
      log: new BatchedWriter(options.session, KEYS.log, () => this.serialiseLog(), { ...session, reserveBytes: 3 * 1024 * 1024 }),
      sent: new BatchedWriter(options.session, KEYS.sent, () => JSON.stringify(this.sent.filter((e) => !this.incognitoSent.has(e))), { ...session, reserveBytes: 8 * 1024 * 1024 }),
      tabs: new BatchedWriter(options.session, KEYS.tabs, () => JSON.stringify(this.adapter.tabEntries()), { ...session, reserveBytes: 9 * 1024 * 1024 }),
    };
    this.adapter.onTabsChanged = () => { this.writers.tabs.markDirty(); };
    this.ready = this.load();
  }

  // --- loading ------------------------------------------------------------------------------------

  private async load(): Promise<void> {
    try {
      const [settings, jar, log, sent, tabs, openTabs] = await Promise.all([
        this.options.local.get(KEYS.settings).then((items) => items[KEYS.settings]),
        this.writers.jar.load(), this.writers.log.load(), this.writers.sent.load(), this.writers.tabs.load(),
        this.options.tabs?.query({}).catch(() => []) ?? Promise.resolve([]),
      ]);
      if (isPolicySettings(settings)) this.settings = settings;
      this.jar = this.newJar(this.settings);
      this.incognitoJar = this.newJar(this.settings);
      if (Array.isArray(jar)) {
        for (const json of jar as CookieJSON[]) {
          const cookie = new Cookie(json);
          this.restored.add(cookie);
          this.jar.setCookie(cookie);
        }
      }
      const stored = log as StoredLog | undefined;
      if (stored !== undefined && Array.isArray(stored.responses)) {
        this.log = stored.responses;
        this.nextResponseId = stored.nextResponseId;
        this.nextDecisionId = stored.nextDecisionId;
        this.decisionCount = this.log.reduce((n, r) => n + r.decisions.length, 0);
      }
      if (Array.isArray(sent)) this.sent = sent as SentHeaderEntry[];
      if (Array.isArray(tabs)) this.adapter.restoreTabs(tabs as [number, string][]);
      for (const tab of openTabs) if (tab.id !== undefined && tab.incognito) this.adapter.setIncognitoTab(tab.id, true);
    } catch (error) {
      // Start empty rather than never: the problem is shown by getStatus.
      this.loadError = `Loading the stored state failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (this.startupPending) this.clearRestoredSessionCookies();
    this.loaded = true;
    for (const writer of Object.values(this.writers)) writer.unblock();
    for (const event of this.queue.splice(0)) event();
  }

  /** Runs an event now if the state has loaded, else queues it (in order). */
  private run(event: () => void): void {
    if (this.loaded) event(); else this.queue.push(event);
  }

  private newJar(settings: PolicySettings): CookieJar {
    return new CookieJar(buildPolicy(settings), { now: () => this.eventTime ?? this.now() / 1000 });
  }

  private at<T>(timeMs: number, work: () => T): T {
    this.eventTime = timeMs / 1000;
    try { return work(); } finally { this.eventTime = undefined; }
  }

  // --- browser events -----------------------------------------------------------------------------

  onHeadersReceived(details: HeadersReceivedDetails): void {
    this.run(() => { this.applyResponse(details); });
  }

  onBeforeRedirect(details: BeforeRedirectDetails): void {
    this.run(() => { this.adapter.noteRedirect(details); });
  }

  onRequestEnd(details: Pick<RequestDetails, 'requestId'>): void {
    this.run(() => { this.adapter.forgetRequest(details.requestId); });
  }

  onBeforeSendHeaders(details: BeforeSendHeadersDetails): void {
    this.run(() => { this.applySentHeaders(details); });
  }

  onTabCreated(tab: { id?: number | undefined; incognito: boolean }): void {
    if (tab.id !== undefined) this.adapter.setIncognitoTab(tab.id, tab.incognito);
  }

  onTabRemoved(tabId: number): void {
    this.run(() => { this.adapter.removeTab(tabId); });
  }

  /** Browser start: session cookies of the previous browser session go, as the browser drops its own. */
  onStartup(): void {
    if (this.loaded) this.clearRestoredSessionCookies(); else this.startupPending = true;
  }

  private clearRestoredSessionCookies(): void {
    this.startupPending = false;
    const stale = [...this.jar].filter((cookie) => cookie.discard && this.restored.has(cookie));
    for (const cookie of stale) this.jar.clear(cookie.domain, cookie.path, cookie.name);
    this.restored = new WeakSet();
    if (stale.length > 0) this.writers.jar.markDirty();
  }

  private applyResponse(details: HeadersReceivedDetails): void {
    this.adapter.noteResponse(details);
    const lines = setCookieLines(details.responseHeaders);
    if (lines.length === 0) return;
    let adapted;
    try { adapted = this.adapter.adapt(details); } catch { return; } // a URL the jar cannot parse
    const { context, request } = adapted;
    if (context.incognito && !this.settings.mirrorIncognito) return;
    const jar = context.incognito ? this.incognitoJar : this.jar;
    const decisions = this.at(details.timeStamp, () => jar.extractCookies({ headers: lines }, request));
    const response: LoggedResponse = {
      ...context, id: this.nextResponseId++, time: details.timeStamp, headers: lines,
      decisions: decisions.map((decision) => ({ id: this.nextDecisionId++, ...decisionRecord(decision, lines) })),
    };
    this.appendToLog(response);
    if (!context.incognito && decisions.length > 0) this.writers.jar.markDirty();
  }

  private appendToLog(response: LoggedResponse): void {
    this.log.push(response);
    this.decisionCount += response.decisions.length;
    while (this.decisionCount > this.decisionLimit) {
      const oldest = this.log[0];
      if (oldest === undefined) break;
      if (this.log.length === 1) {
        // One response with more decisions than the whole log holds: keep its newest.
        const excess = this.decisionCount - this.decisionLimit;
        oldest.decisions.splice(0, excess);
        this.decisionCount -= excess;
        break;
      }
      this.log.shift();
      this.decisionCount -= oldest.decisions.length;
    }
    if (!response.incognito) this.writers.log.markDirty();
  }

  private applySentHeaders(details: BeforeSendHeadersDetails): void {
    let adapted;
    try { adapted = this.adapter.adapt(details); } catch { return; }
    const { context, request } = adapted;
    if (context.incognito && !this.settings.mirrorIncognito) return;
    const browserHeader = headerValue(details.requestHeaders, 'Cookie');
    const jar = context.incognito ? this.incognitoJar : this.jar;
    // `request` is the adapter's own CookieRequest for this event: the browser's request is never touched.
    this.at(details.timeStamp, () => { jar.addCookieHeader(request); });
    const jarHeader = request.getHeader('Cookie') ?? null;
    if (browserHeader === null && jarHeader === null) return;
    const entry: SentHeaderEntry = {
      time: details.timeStamp, tabId: details.tabId, url: details.url, resourceType: details.type,
      browser: browserHeader, jar: jarHeader, jarCookie2: request.getHeader('Cookie2') ?? null, same: browserHeader === jarHeader,
    };
    this.sent.push(entry);
    if (context.incognito) this.incognitoSent.add(entry);
    if (this.sent.length > this.sentLimit) this.sent.splice(0, this.sent.length - this.sentLimit);
    if (!context.incognito) this.writers.sent.markDirty();
  }

  /** Writes every store now (tests, and before the worker is stopped on purpose). */
  async flush(): Promise<void> {
    await this.ready;
    await Promise.all(Object.values(this.writers).map((writer) => writer.flush()));
  }

  private serialiseJar(): string {
    return JSON.stringify([...this.jar].map((cookie) => cookie.toJSON()));
  }

  private serialiseLog(): string {
    const stored: StoredLog = { nextResponseId: this.nextResponseId, nextDecisionId: this.nextDecisionId, responses: this.log.filter((r) => !r.incognito) };
    return JSON.stringify(stored);
  }

  // --- queries ------------------------------------------------------------------------------------

  decisions(filter: DecisionFilter = {}): DecisionEntry[] {
    const limit = filter.limit ?? 1000;
    const site = filter.site === undefined ? undefined : siteOf(filter.site);
    const out: DecisionEntry[] = [];
    for (let r = this.log.length - 1; r >= 0 && out.length < limit; r--) {
      const response = this.log[r];
      if (response === undefined) continue;
      if (filter.tabId !== undefined && response.tabId !== filter.tabId) continue;
      const requestHost = hostOf(response.url) ?? '';
      const topSite = siteOf(hostOf(response.topLevelUrl) ?? requestHost);
      if (site !== undefined && topSite !== site && siteOf(requestHost) !== site) continue;
      for (let d = response.decisions.length - 1; d >= 0 && out.length < limit; d--) {
        const decision = response.decisions[d];
        if (decision === undefined) continue;
        if (filter.accepted !== undefined && decision.accepted !== filter.accepted) continue;
        if (filter.rule !== undefined && decision.rule !== filter.rule) continue;
        out.push({
          ...decision, responseId: response.id, time: response.time, tabId: response.tabId, site: topSite,
          topLevelUrl: response.topLevelUrl, requestUrl: response.url, requestHost, resourceType: response.resourceType,
          label: response.label, thirdParty: response.thirdParty, unverifiable: response.unverifiable,
          originReqHost: response.originReqHost, incognito: response.incognito,
        });
      }
    }
    return out;
  }

  status(): Status {
    const stores = {
      jar: { ...this.writers.jar.status }, log: { ...this.writers.log.status },
      sentHeaders: { ...this.writers.sent.status }, tabs: { ...this.writers.tabs.status },
    };
    const errors = Object.values(stores).flatMap((s) => (s.error === null ? [] : [s.error.message]));
    if (this.loadError !== null) errors.unshift(this.loadError);
    return {
      loaded: this.loaded, jarSize: this.jar.size, incognitoJarSize: this.incognitoJar.size, decisions: this.decisionCount,
      decisionLimit: this.decisionLimit, responses: this.log.length, sentHeaders: this.sent.length, stores, errors,
    };
  }

  private jarCookies(site: string | undefined): Cookie[] {
    const all = [...this.jar];
    if (site === undefined) return all;
    const belongs = inSite(site);
    return all.filter((cookie) => belongs(cookie.domain));
  }

  private async browserCookies(site: string | undefined, warnings: string[]): Promise<BrowserCookie[]> {
    const api = this.options.cookies;
    if (api === undefined) throw Object.assign(new Error('The browser’s cookie store is not available here.'), { name: 'Unavailable' });
    let raw: unknown[];
    try {
      // partitionKey {} asks for partitioned (CHIPS) cookies of every partition as well.
      raw = await api.getAll({ partitionKey: {} });
    } catch {
      raw = await api.getAll({});
      warnings.push('This browser cannot list partitioned cookies: only unpartitioned ones are shown.');
    }
    const cookies = raw.map((c) => plainBrowserCookie(c as Record<string, unknown>));
    if (site === undefined) return cookies;
    const belongs = inSite(site);
    return cookies.filter((cookie) => belongs(cookie.domain));
  }

  // --- replay -------------------------------------------------------------------------------------

  /** Runs the recorded responses through a fresh jar under these settings. */
  private replayUnder(settings: PolicySettings): { jar: CookieJar; decisions: ReplayDecision[][] } {
    const jar = this.newJar(settings);
    const decisions = this.log.filter((r) => !r.incognito).map((response) => {
      let request: CookieRequest;
      try { request = new CookieRequest(response.url, { unverifiable: response.unverifiable, originReqHost: response.originReqHost }); } catch { return []; }
      const result = this.at(response.time, () => jar.extractCookies({ headers: response.headers }, request));
      return result.map((decision): ReplayDecision => ({ responseId: response.id, requestUrl: response.url, ...decisionRecord(decision, response.headers) }));
    });
    return { jar, decisions };
  }

  replay(settings: PolicySettings): ReplayResult {
    const next = this.replayUnder(settings);
    const current = this.replayUnder(this.settings);
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
      responses: next.decisions.length, cookies: [...next.jar].map((c) => c.toJSON()),
      decisions: next.decisions.flat(), newlyRefused, newlyAccepted,
    };
  }

  private async storeSettings(settings: PolicySettings, replaceJar: boolean): Promise<PolicySettings> {
    const normalised = normaliseSettings(settings);
    await this.options.local.set({ [KEYS.settings]: normalised });
    this.settings = normalised;
    if (replaceJar) {
      this.jar = this.replayUnder(normalised).jar;
    } else {
      this.jar.setPolicy(buildPolicy(normalised));
    }
    this.incognitoJar.setPolicy(buildPolicy(normalised));
    if (!normalised.mirrorIncognito) this.incognitoJar.clear();
    this.writers.jar.markDirty();
    return structuredClone(normalised);
  }

  private settingsFrom(message: { settings?: PolicySettings; preset?: PresetName }): PolicySettings {
    if (message.settings !== undefined) return message.settings;
    if (message.preset !== undefined) return applyPreset(this.settings, message.preset);
    return this.settings;
  }

  // --- export and import --------------------------------------------------------------------------

  private async exportJar(message: Parameters<Handlers['exportJar']>[0]): Promise<ExportResult> {
    const warnings: string[] = [];
    const format = message.format;
    const dialect = message.dialect ?? 'python';
    if (format === 'lwp' && dialect !== 'python') warnings.push(`The LWP format has no dialects: the file is what Python's LWPCookieJar writes (the "${dialect}" dialect applies to cookies.txt only).`);
    let cookies: Cookie[];
    if ((message.source ?? 'jar') === 'browser') {
      const lost = { SameSite: 0, 'partition key': 0 };
      cookies = (await this.browserCookies(message.site, warnings)).map((raw) => {
        const { cookie, lost: what } = browserToJarCookie(raw);
        for (const field of what) lost[field]++;
        return cookie;
      });
      if (lost.SameSite > 0 && format === 'mozilla') warnings.push(`${lost.SameSite} browser cookies lose their SameSite attribute.`);
      if (lost['partition key'] > 0) warnings.push(`${lost['partition key']} partitioned browser cookies lose their partition key: the file treats them as ordinary cookies.`);
    } else {
      cookies = this.jarCookies(message.site);
    }
    return exportCookies(cookies, {
      format, dialect, site: message.site,
      includeSession: message.includeSession ?? true, includeExpired: message.includeExpired ?? false,
    }, this.now() / 1000, warnings);
  }

  private importJar(message: Parameters<Handlers['importJar']>[0]): { imported: number; jarSize: number } {
    const file = message.format === 'lwp' ? new LWPCookieJar() : new MozillaCookieJar();
    // loadText throws LoadError (with its line) before anything reaches the live jar.
    file.loadText(message.text, { ignoreDiscard: message.ignoreDiscard ?? true, ignoreExpires: message.ignoreExpires ?? false });
    let imported = 0;
    for (const cookie of file) { this.jar.setCookie(cookie); imported++; }
    if (imported > 0) this.writers.jar.markDirty();
    return { imported, jarSize: this.jar.size };
  }

  private clearJar(site: string | undefined): { removed: number } {
    const before = this.jar.size;
    if (site === undefined) this.jar.clear();
    else for (const cookie of this.jarCookies(site)) this.jar.clear(cookie.domain, cookie.path, cookie.name);
    const removed = before - this.jar.size;
    if (removed > 0) this.writers.jar.markDirty();
    return { removed };
  }

  // --- the handler map ----------------------------------------------------------------------------

  /** Every message of the protocol; each waits for the stored state first. */
  handlers(): Handlers {
    const loaded = async <T>(work: () => T | Promise<T>): Promise<T> => { await this.ready; return work(); };
    return {
      getStatus: () => loaded(() => this.status()),
      getCookies: (m) => loaded(async () => {
        const warnings: string[] = [];
        const source = m.source ?? 'both';
        const jar = source === 'browser' ? [] : this.jarCookies(m.site).map((c) => c.toJSON());
        const browser = source === 'jar' ? null : await this.browserCookies(m.site, warnings);
        return { jar, browser, comparison: source === 'both' && browser !== null ? compareCookies(jar, browser) : null, warnings };
      }),
      getCookieRows: (m) => loaded(() => this.jarCookies(m.site).map(cookieTableRow)),
      getDecisions: (m) => loaded(() => this.decisions(m)),
      clearDecisions: () => loaded(() => {
        this.log = [];
        this.decisionCount = 0;
        this.writers.log.markDirty();
        return null;
      }),
      getSentHeaders: (m) => loaded(() => {
        const site = m.site === undefined ? undefined : siteOf(m.site);
        return this.sent
          .filter((e) => (m.tabId === undefined || e.tabId === m.tabId) && (site === undefined || siteOf(hostOf(e.url) ?? '') === site))
          .slice(-(m.limit ?? 1000)).reverse();
      }),
      explain: (m) => loaded(() => {
        const init = { ...(m.unverifiable === undefined ? {} : { unverifiable: m.unverifiable }), ...(m.originReqHost === undefined ? {} : { originReqHost: m.originReqHost }) };
        const withHeader = new CookieRequest(m.url, init);
        this.jar.addCookieHeader(withHeader);
        const explained = this.jar.explainCookieHeader(new CookieRequest(m.url, init));
        return {
          cookieHeader: withHeader.getHeader('Cookie') ?? null, cookie2Header: withHeader.getHeader('Cookie2') ?? null,
          cookies: explained.map((d) => ({
            cookie: d.cookie.toJSON(), sent: d.accepted,
            ...(d.rule === undefined ? {} : { rule: d.rule }), ...(d.reason === undefined ? {} : { reason: d.reason }),
          })),
        };
      }),
      getPolicy: () => loaded(() => structuredClone(this.settings)),
      setPolicy: (m) => loaded(() => this.storeSettings(this.settingsFrom(m), m.replaceJar ?? false)),
      replay: (m) => loaded(() => this.replay(this.settingsFrom(m))),
      exportJar: (m) => loaded(() => this.exportJar(m)),
      importJar: (m) => loaded(() => this.importJar(m)),
      clearJar: (m) => loaded(() => this.clearJar(m.site)),
      deleteCookie: (m) => loaded(() => {
        this.jar.clear(m.domain, m.path, m.name);
        this.writers.jar.markDirty();
        return { removed: 1 };
      }),
    };
  }
}
