// What the popup shows, as plain data, and the interface it asks it through (`PopupApi`). The real
// implementation (api.ts) maps the service worker's protocol onto these types; component tests use
// the mock (mock.ts). Nothing here touches the browser.
import type {
  BrowserCookieCheck, BrowserCookieInput, ChangeSummary, CookieIdentity, CookieNoteKind, CookieSource, CookieStoreInfo, CookieStoresReply, ExportDialect, ExportFormat, ImportPreview, ImportRequest, ImportResult, RequestLabel,
} from '../shared/protocol';
import type { PolicySettings } from '../shared/settings';

/** One cookie as the popup shows it, whether it came from the jar or from the browser's store. */
export interface CookieView {
  name: string;
  /** null: a cookie with no `=` (Python keeps the value None). */
  value: string | null;
  /** As stored: a domain cookie's domain starts with a dot in the jar. */
  domain: string;
  /** True when the cookie is sent to its own host only (no Domain attribute). */
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  /** The SameSite attribute as received ("Lax", "Strict", "None"), or null. */
  sameSite: string | null;
  /** Seconds since the epoch; null for a session cookie. */
  expires: number | null;
  /** Cookie version (0 Netscape, 1 RFC 2965); null where the store has none (the browser's). */
  version: number | null;
  port: string | null;
  /** CHIPS: the partition of a partitioned cookie (its top-level site, marked when set below a cross-site ancestor), or null. */
  partitionKey: string | null;
  /** The browser's partition key as it has it (to write the cookie back into its partition); absent for the jar's cookies. */
  partition?: { topLevelSite: string; hasCrossSiteAncestor: boolean } | undefined;
}

export interface SiteCookies {
  /** The host whose cookies these are (the tab's host), or null for everything. */
  site: string | null;
  /** The registrable domain the cookies belong to (example.com for www.example.com: every host of it), or null for everything. */
  scope?: string | null | undefined;
  /** What the browser's store could not say (a browser that cannot list partitioned cookies). */
  warnings?: string[] | undefined;
  jar: CookieView[];
  browser: CookieView[];
}

export interface ExplainedCookie {
  cookie: CookieView;
  sent: boolean;
  rule?: string | undefined;
  reason?: string | undefined;
}

/** One cookie of the browser's own store and whether the browser sends it (the browser model's answer, Chromium's reasons). */
export interface BrowserExplainedCookie {
  name: string;
  /** As the browser's store has it: a leading dot for a domain cookie. */
  domain: string;
  path: string;
  /** The partition of a partitioned cookie, as a person reads it, or null. */
  partitionKey: string | null;
  sent: boolean;
  /** Chromium's names (Network.CookieBlockedReason); empty when sent. */
  reasons: string[];
  sentence: string | null;
}

export interface ExplainView {
  url: string;
  /** The page the request is made from; null: a top-level navigation to `url`. */
  topLevelUrl: string | null;
  /** The policy's answer (the simulation): the Cookie header the jar would send, or null when it sends none. */
  header: string | null;
  cookies: ExplainedCookie[];
  /** The browser's answer (the truth) over its own store: the Cookie header it sends and why not the others. */
  browser: { header: string | null; cookies: BrowserExplainedCookie[] };
}

/** Why a cookie is in one store only (the Site view's "only in jar" and "only in browser" rows). */
export interface CookieNoteView {
  /** The row's key (src/shared/cookieIdentity.ts identityKey). */
  key: string;
  side: 'jar' | 'browser';
  kind: CookieNoteKind;
  sentence: string;
  /** The browser's reasons (Chromium's names), for a cookie the browser refused. */
  reasons: string[];
  /** The policy's rule, for a cookie the policy refused or the jar evicted. */
  rule: string | null;
}

/**
 * The browser's own verdict on a Set-Cookie line: what its store did (observed), beside what the
 * browser model predicted, with Chromium's reason names. The browser is the truth; the policy
 * (DecisionView.accepted) is a simulation of Python's http.cookiejar.
 */
export interface BrowserVerdictView {
  /** Observed: true stored, false not stored, null not known (a deletion of nothing, or waiting). */
  stored: boolean | null;
  predicted: 'stored' | 'refused';
  /** Chromium's reason names (Network.SetCookieBlockedReason); empty when predicted stored. */
  reasons: string[];
  sentence: string | null;
  /** Still waiting for the browser's store (a second or two). */
  pending: boolean;
  /** Observed and predicted disagree: a gap in the browser model. */
  flagged: boolean;
}

export interface DecisionView {
  /** Milliseconds since the epoch. */
  time: number;
  /** -1: a request with no tab. */
  tabId: number;
  /** The host of the tab's top-level document, when known. */
  topSite: string | null;
  url: string;
  /** The raw Set-Cookie (or Set-Cookie2) line. */
  line: string;
  cookieName: string | null;
  accepted: boolean;
  rule?: string | undefined;
  reason?: string | undefined;
  /** Third party to the tab's top-level document, as the jar judged it (Python's is_third_party). */
  thirdParty: boolean;
  /** How the request stood to its tab: the top-level document, first- or third-party, a redirect, or no tab. */
  label: RequestLabel;
  /** The browser's verdict on the line; absent for a Set-Cookie2 line (browsers ignore it), an eviction, or an older entry. */
  browser?: BrowserVerdictView | undefined;
}

export interface DecisionQuery {
  /** Only this tab's decisions; undefined for all. */
  tabId?: number | undefined;
}

/** Every switch of Python's DefaultCookiePolicy, the domain lists and the incognito opt-in (src/shared/settings.ts). */
export type PolicyView = PolicySettings;

/** One recorded Set-Cookie line as the replay judged it under the edited policy. */
export interface ReplayedLine {
  /** The recorded response the line came from: one response can set a cookie many times over a session. */
  responseId: number;
  url: string;
  line: string;
  cookieName: string | null;
  accepted: boolean;
  rule?: string | undefined;
  reason?: string | undefined;
}

export interface ReplayView {
  /** How many recorded Set-Cookie lines were replayed. */
  replayed: number;
  /** Accepted under the current policy, refused under the new one. */
  newlyRefused: ReplayedLine[];
  /** Refused under the current policy, accepted under the new one. */
  newlyAccepted: ReplayedLine[];
  /** Recorded responses not replayed: the log keeps only the start of their URL or of a line. */
  skipped: number;
}

export type { CookieSource, ExportDialect, ExportFormat };

export interface ExportOptions {
  format: ExportFormat;
  dialect: ExportDialect;
  source: CookieSource;
  /** A host: that site's cookies; null: everything. */
  site: string | null;
  includeSession: boolean;
  includeExpired: boolean;
  /** For the Cookie header: the URL it is for. */
  url?: string | undefined;
  /** Only these cookies (a selection of the Site view). */
  cookies?: CookieIdentity[] | undefined;
  /** The browser store (source browser); absent: this instance's. */
  storeId?: string | undefined;
}

export interface ExportView {
  text: string;
  filename: string;
  /** How many cookies the file holds. */
  count: number;
  /** What the format loses, and the cookies left out (each warning is one sentence). */
  warnings: string[];
}

export interface ImportView {
  /** How many cookies the jar gained or replaced. */
  imported: number;
}

/** A cookie store as the UI names it: the default one, a Firefox container (its name and colour), the private one. */
export type StoreView = CookieStoreInfo;
/** The stores, the store of the tab asked about (null: unknown) and this instance's default store. */
export type StoresView = CookieStoresReply;

/** The tab the popup is about: its id and URL (null when it shows no web page). */
export interface TabContext {
  tabId: number | null;
  url: string | null;
  /** The tab is in an incognito (private) window: its cookies are in the incognito store. */
  incognito?: boolean | undefined;
  /** The tab's cookie store where the browser says it (Firefox: containers, private windows); absent: the default one. */
  cookieStoreId?: string | undefined;
}

export type { BrowserCookieCheck, BrowserCookieInput, ChangeSummary, CookieIdentity, ImportPreview, ImportRequest, ImportResult };

/** What setBrowserCookie answers: the verdict, the cookie read back from the store, what it holds differently, the change (for undo). */
export interface AppliedView {
  check: BrowserCookieCheck;
  stored: CookieView | null;
  differences: string[];
  change: ChangeSummary;
}

export interface RemovedView { browser: number; jar: number; missing: number; change: ChangeSummary | null }
export interface UndoneView { undone: ChangeSummary; browser: number; jar: number }

/** Counts the clear panel offers to clear. */
export interface StoreCounts { jar: number; decisions: number }

export interface PopupApi {
  currentTab(): Promise<TabContext>;
  /** Problems the service worker reports (storage quota, failed writes); empty when all is well. */
  problems(): Promise<string[]>;
  /** Whether the stored state could not be read: nothing is saved until resolveLoadError. */
  loadFailed(): Promise<boolean>;
  /** After a failed load: keep what could be read (the unreadable records go), or start afresh (every record goes). */
  resolveLoadError(action: 'keep' | 'startAfresh'): Promise<void>;
  getCookies(site: string | null, storeId?: string): Promise<SiteCookies>;
  /** The browser model's verdict on writing this cookie into the browser's store (changes nothing). */
  checkBrowserCookie(cookie: BrowserCookieInput, replaces?: CookieIdentity, storeId?: string): Promise<BrowserCookieCheck>;
  /** Writes a cookie into the browser's store (an edit names the cookie it started from), reads it back. */
  setBrowserCookie(cookie: BrowserCookieInput, replaces?: CookieIdentity, storeId?: string): Promise<AppliedView>;
  /** Removes exactly these cookies from the browser's store and the jar, as one undoable change. */
  removeCookies(target: { browser: CookieIdentity[]; jar: CookieIdentity[]; storeId?: string | undefined; label?: string | undefined }): Promise<RemovedView>;
  lastChange(): Promise<ChangeSummary | null>;
  undo(): Promise<UndoneView>;
  previewImport(request: ImportRequest): Promise<ImportPreview>;
  importCookies(request: ImportRequest): Promise<ImportResult>;
  /** How many cookies the jar holds and decisions the log, for the clear panel. */
  counts(): Promise<StoreCounts>;
  /** Empties the whole jar (every site). */
  clearJar(): Promise<void>;
  clearDecisions(): Promise<void>;
  deleteCookie(cookie: Pick<CookieView, 'domain' | 'path' | 'name'>): Promise<void>;
  clearSite(site: string): Promise<void>;
  /** Which cookies go with a request to `url`, made from the page `topLevelUrl` (null: a top-level navigation): the browser's answer and the policy's. */
  explain(url: string, topLevelUrl?: string | null): Promise<ExplainView>;
  /** Why each cookie of the site (null: of all) is only in the jar or only in the browser. */
  cookieNotes(site: string | null): Promise<CookieNoteView[]>;
  getDecisions(query: DecisionQuery): Promise<DecisionView[]>;
  getPolicy(): Promise<PolicyView>;
  /** Stores the policy (and answers it as stored); `replaceJar` also rebuilds the jar by replaying the recorded traffic under it. */
  setPolicy(policy: PolicyView, options?: { replaceJar?: boolean }): Promise<PolicyView>;
  replay(policy: PolicyView): Promise<ReplayView>;
  exportJar(options: ExportOptions): Promise<ExportView>;
  importJar(text: string, format: ExportFormat): Promise<ImportView>;
  /** Saves through the downloads API (the browser asks where, where the user has set it to). */
  saveFile(text: string, filename: string): Promise<void>;
  copyText(text: string): Promise<void>;
  /** Opens the same UI full-size in a tab, about the same tab. */
  openInTab(context: TabContext): Promise<void>;
  /**
   * Calls `onChange` whenever the tab the UI is about changes: its page navigates or finishes
   * loading (every surface), or another tab becomes active (the side panel). Returns what stops it.
   */
  followTab(onChange: (tab: TabContext) => void): () => void;
  /** The titles of the tabs still open among `tabIds` (a closed tab has none). */
  tabTitles(tabIds: readonly number[]): Promise<Map<number, string>>;
  /** Opens the browser's side panel (Chrome) or sidebar (Firefox) on the UI; null where the browser has none. */
  openSidePanel: ((context: TabContext) => Promise<void>) | null;
  /** The cookie stores (Firefox's containers, the private one), named, and the store of tab `tabId`. */
  cookieStores(tabId: number | null): Promise<StoresView>;
  /**
   * The same API about one cookie store (null: this instance's default store): the jar, the
   * browser's cookies, the decisions, replay, export and import of that store alone.
   */
  inStore(storeId: string | null): PopupApi;
}
