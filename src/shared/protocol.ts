// The one message protocol between the extension's pages (and tools driving them) and the service
// worker, documented in docs/messages.md. Every request is one entry of `Protocol`; a message is
// `{ type: '<name>', ...parameters }` and every reply is `{ ok: true, value }` or
// `{ ok: false, error: { name, message } }`. Incoming messages are `unknown` until `checkMessage`
// has validated them: a malformed one is answered with a `BadRequest` error.
import type { Cookie } from '../jar';
import type { CookieIdentity } from './cookieIdentity';
import { validateSettings, type PolicySettings, type PresetName, PRESET_NAMES } from './settings';

/** A jar cookie as plain data: `cookie.toJSON()` (`new Cookie(json)` gives it back). */
export type CookieJSON = ReturnType<Cookie['toJSON']>;

/** A cookie of the browser's own store (the `cookies` API), as plain data. */
export interface BrowserCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string;
  session: boolean;
  /** Seconds since the epoch; absent for session cookies. */
  expirationDate?: number;
  storeId: string;
  /** CHIPS: the top-level site of a partitioned cookie. */
  partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean };
  /** Firefox with first-party isolation (`privacy.firstparty.isolate`): the first party the cookie is kept for; absent when none. */
  firstPartyDomain?: string;
}

/** The SameSite values of the `cookies` API. */
export type SameSiteStatus = 'no_restriction' | 'lax' | 'strict' | 'unspecified';
export const SAME_SITE_STATUSES: readonly SameSiteStatus[] = ['no_restriction', 'lax', 'strict', 'unspecified'];

/**
 * Every attribute of a cookie to write into the browser's store (`cookies.set` takes it, the store
 * keys it by name, domain (host-only or not), path and partition). The store named beside it.
 */
export interface BrowserCookieInput {
  name: string;
  value: string;
  /** The host of a host-only cookie, or the domain of a domain cookie (leading dot optional). */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSiteStatus;
  /** Seconds since the epoch; absent: a session cookie. */
  expirationDate?: number;
  /** CHIPS: the partition (top-level site as `https://example.com`); absent: unpartitioned. */
  partitionKey?: { topLevelSite: string; hasCrossSiteAncestor?: boolean };
}

/** Which cookie of a store: host-only or domain, domain, path, name, partition (src/shared/cookieIdentity.ts). */
export type { CookieIdentity };

/** The browser model's verdict on writing a cookie, before it is written (src/browser-model's checkCookie). */
export interface BrowserCookieCheck {
  /** The browser will set it (store it, or, already expired, delete its namesake). */
  ok: boolean;
  outcome: 'stored' | 'deleted' | 'refused';
  /** Chromium's reason names (Network.SetCookieBlockedReason and the cookies API's own), empty unless refused. */
  reasons: string[];
  sentence: string;
  /** What the browser changes without refusing (an expiry capped at 400 days, ...). */
  notes: string[];
  /** The cookie of the same identity the store holds now, which the write replaces. */
  replaces: BrowserCookie | null;
  /**
   * The cookie as the browser will hold it (null unless stored): the domain may differ from the one
   * asked (a Domain equal to an IP address or to a public suffix makes a host-only cookie), and the
   * expiry is capped at 400 days.
   */
  stored?: BrowserCookie | null;
}

/** One applied change to the cookies (browser store, jar, or both), as the undo button names it. */
export interface ChangeSummary {
  id: number;
  /** What was done: "Edited theme", "Deleted 3 cookies", "Imported 12 cookies". */
  label: string;
  /** The browser store it changed (null: only the jar). */
  storeId: string | null;
  /** Milliseconds since the epoch. */
  time: number;
  /** Cookies written or removed, per store. */
  browser: number;
  jar: number;
}

/** A cookie file's format, as import and export know them (src/formats). */
export type CookieFileFormat = 'mozilla' | 'lwp' | 'json' | 'header';
export type ImportTarget = 'browser' | 'jar';
export type ImportAction = 'add' | 'replace' | 'same' | 'refused' | 'expired';

export interface ImportRequest {
  text: string;
  /** Absent: detected from the text. */
  format?: CookieFileFormat;
  /** For a Cookie header: the URL it was sent to (the header says nothing of domain or path). */
  url?: string;
  target: ImportTarget;
  /** The browser store to import into (default: the normal one). */
  storeId?: string;
}

export interface ImportPreviewRow {
  /** The cookie as it would be written. */
  cookie: BrowserCookieInput;
  /** add: new; replace: overwrites a cookie of the same identity; same: already there, identical; refused: the browser would refuse it; expired: in the past, left out. */
  action: ImportAction;
  /** The browser model's reasons (refused), or what is replaced / why it is left out. */
  reasons: string[];
  sentence: string;
}

export interface ImportPreview {
  format: CookieFileFormat;
  /** Why that format: the sign found in the text, or "chosen". */
  formatReason: string;
  rows: ImportPreviewRow[];
  /** Lines (JSON: entries) that are not cookies, each left out, with their line number. */
  problems: { line: number; message: string }[];
  /** What the reading changed or lost (a cookies.txt without its header line, an unknown SameSite, ...). */
  warnings: string[];
  counts: Record<ImportAction, number>;
}

export interface ImportResult {
  added: number;
  replaced: number;
  /** Left out: identical already, refused by the browser (model), expired. */
  unchanged: number;
  refused: number;
  expired: number;
  change: ChangeSummary | null;
}

/** A cookie as the `setBrowserCookie` reply reads it back from the store. */
export interface AppliedCookie {
  check: BrowserCookieCheck;
  /** What the browser stored, read back (null: nothing, e.g. an expired cookie deleted its namesake). */
  stored: BrowserCookie | null;
  /** Where the stored cookie differs from what was asked, one sentence each. */
  differences: string[];
  change: ChangeSummary;
}

/** How the background labels the request a response belongs to. */
export type RequestLabel = 'top-level' | 'first-party' | 'third-party' | 'redirect' | 'no-tab';

/** The context of one observed response: what `CookieRequest` the jar saw, and where it came from. */
export interface ResponseContext {
  /** Milliseconds since the epoch, when the response headers arrived. */
  time: number;
  url: string;
  /** -1 when the request belongs to no tab (a service worker, a prefetch). */
  tabId: number;
  /** webRequest's resource type: main_frame, sub_frame, image, script, xmlhttprequest, ... */
  resourceType: string;
  /** The URL of the tab's top-level document, when known. */
  topLevelUrl: string | null;
  unverifiable: boolean;
  originReqHost: string;
  /** Third party to the top-level document, as the jar judges it (Python's `is_third_party`). */
  thirdParty: boolean;
  label: RequestLabel;
  /** The hosts of the redirect chain before this URL, first first (empty without redirects). */
  redirectedFrom: string[];
  incognito: boolean;
}

/** One recorded response: its context and its Set-Cookie/Set-Cookie2 lines, in order. */
export interface RecordedResponse extends ResponseContext {
  id: number;
  headers: [name: 'Set-Cookie' | 'Set-Cookie2', line: string][];
}

/**
 * The browser's own verdict on one Set-Cookie line (docs/messages.md, "BrowserVerdict"): what its
 * store did, observed through cookies.onChanged, beside what the browser model predicted.
 */
export interface BrowserVerdict {
  /**
   * What the browser's store did: true, the cookie arrived (or a deletion took effect); false, it
   * did not; null where it cannot be known (a deletion of a cookie that did not exist, a verdict
   * still waiting or lost with a stopped worker).
   */
  stored: boolean | null;
  /** The browser model's prediction ('stored' also for a deletion it accepts). */
  predicted: 'stored' | 'refused';
  /** The model's reasons under Chromium's names (Network.SetCookieBlockedReason); empty when predicted stored. */
  reasons: string[];
  /** The model's sentence: why refused, what a deletion did, what the browser changed (an expiry capped). */
  sentence?: string;
  /** Still waiting for cookies.onChanged (at most about 2 seconds); `stored` is null meanwhile. */
  pending?: true;
  /** Observed and predicted disagree: a gap in the model, shown, never hidden (counted in getStatus().verdicts). */
  flagged?: true;
}

/** One decision of the log, as getDecisions answers it. */
export interface DecisionEntry {
  /** Increases with every decision; stable across worker restarts. */
  id: number;
  responseId: number;
  time: number;
  tabId: number;
  /** The registrable domain of the top-level document (or of the request, without a tab). */
  site: string;
  topLevelUrl: string | null;
  requestUrl: string;
  requestHost: string;
  resourceType: string;
  label: RequestLabel;
  thirdParty: boolean;
  unverifiable: boolean;
  originReqHost: string;
  header: 'Set-Cookie' | 'Set-Cookie2';
  /** The raw header line the cookie came from ('' where the jar could not tell); its first 8,192 characters when it was longer. */
  line: string;
  /** The line's full length, when `line` holds only its first 8,192 characters. */
  lineLength?: number;
  accepted: boolean;
  rule?: string;
  reason?: string;
  cookie: CookieJSON | null;
  incognito: boolean;
  /** The cookie store the response belonged to ('0', 'firefox-default', 'firefox-container-2', ...). */
  storeId: string;
  /** 'evicted': not a cookie of the line but one the mirror evicted to stay within a limit (rule `mirror.evicted.*`). */
  kind?: 'evicted';
  /** The browser's verdict on the line (Set-Cookie lines; absent for Set-Cookie2, which browsers ignore, for evictions, and in entries logged before it existed). */
  browser?: BrowserVerdict;
}

/** One request's Cookie header: the one the browser sent and the one the jar would send. */
export interface SentHeaderEntry {
  time: number;
  tabId: number;
  url: string;
  resourceType: string;
  /** The Cookie header the browser sent (null: none). */
  browser: string | null;
  /** The Cookie header the jar would send for the same request (null: none). */
  jar: string | null;
  /** The Cookie2 header the jar would add (RFC 2965 policies), if any. */
  jarCookie2: string | null;
  same: boolean;
  /** Full lengths of the browser's and the jar's header and of the URL, when only their first 4,096 characters are kept. */
  browserLength?: number;
  jarLength?: number;
  urlLength?: number;
}

/**
 * A jar cookie as one compact row (getCookieRows): what the popup's table shows, without the keys
 * of CookieJSON, so that 10,000 cookies cross the channel as a fifth of the JSON.
 */
export type CookieTableRow = [name: string, value: string | null, domain: string, domainSpecified: boolean, path: string,
  secure: boolean, expires: number | null, version: number | null, port: string | null, httpOnly: boolean, sameSite: string | null];

export interface ExplainEntry {
  cookie: CookieJSON;
  sent: boolean;
  rule?: string;
  reason?: string;
}

/** One cookie of the browser's store and whether the browser sends it (explain's `browser` part, from the browser model). */
export interface BrowserExplainEntry {
  name: string;
  /** As the cookies API has it: a leading dot for a domain cookie. */
  domain: string;
  path: string;
  /** CHIPS: the cookie's partition. */
  partitionKey?: { topLevelSite: string; hasCrossSiteAncestor: boolean };
  sent: boolean;
  /** Chromium's names (Network.CookieBlockedReason); empty when sent. */
  reasons: string[];
  sentence?: string;
}

/** explain's answer for the browser: the Cookie header it sends and every cookie it considers (its own store, partitioned cookies included). */
export interface BrowserExplanation {
  cookieHeader: string | null;
  cookies: BrowserExplainEntry[];
}

/** Why a cookie is in one store only (explainDifferences). */
export type CookieNoteKind =
  /* only in the jar */ | 'browser-refused' | 'browser-removed' | 'browser-unknown' | 'not-logged'
  /* only in the browser */ | 'policy-refused' | 'jar-evicted' | 'jar-removed' | 'set-outside' | 'before';

export interface CookieNote {
  /** The cookie's identity (`identityKey` of src/shared/cookieIdentity.ts): how a client finds its row. */
  key: string;
  /** Which store has it: the jar only, or the browser only. */
  side: 'jar' | 'browser';
  kind: CookieNoteKind;
  /** For people: what happened, with the browser's or the policy's own sentence. */
  sentence: string;
  /** The browser's reasons (Chromium's names), for `browser-refused`. */
  reasons?: string[];
  /** The policy's rule id, for `policy-refused` and `jar-evicted`. */
  rule?: string;
  /** When it happened (ms since the epoch), where known. */
  time?: number;
}

export type ComparisonStatus = 'both' | 'onlyInJar' | 'onlyInBrowser';
export interface ComparisonRow {
  status: ComparisonStatus;
  domain: string;
  path: string;
  name: string;
  /** Index into `jar` of the reply. */
  jarIndex?: number;
  /** Index into `browser` of the reply. */
  browserIndex?: number;
}

export interface StoreStatus {
  /** Bytes of the last snapshot (JSON, as Chrome counts them). */
  bytes: number;
  /** The area's QUOTA_BYTES, where it has one. */
  quotaBytes: number | null;
  /** Milliseconds since the epoch of the last successful write. */
  lastWrite: number | null;
  writes: number;
  /** Set while the stored copy is behind memory because a write failed or would not fit. */
  error: ErrorInfo | null;
  pending: boolean;
}

/** A record the worker could not write: what it holds (for people), how large, why. */
export interface WriteFailureInfo { what: string; key: string; area: 'local' | 'session'; bytes: number | null; error: ErrorInfo; time: number }

export interface StorageAreaStatus { bytes: number; quotaBytes: number | null; writes: number; lastWrite: number | null; records: number }

/** The kinds of event the worker handles (its work is counted per kind). */
export type WorkKind = 'response' | 'sentHeaders' | 'redirect' | 'tab' | 'cookieChange' | 'settings';

/**
 * The worker's own time since it started (performance.now() spans): per kind of event, how many and
 * the milliseconds spent on them; the flushes and the milliseconds of their synchronous parts.
 */
export interface WorkStatus {
  events: Partial<Record<WorkKind, { count: number; ms: number }>>;
  flushes: { count: number; ms: number };
}

export interface Status {
  loaded: boolean;
  jarSize: number;
  incognitoJarSize: number;
  decisions: number;
  decisionLimit: number;
  responses: number;
  sentHeaders: number;
  stores: { jar: StoreStatus; log: StoreStatus; sentHeaders: StoreStatus; tabs: StoreStatus };
  /** Human-readable problems the popup must show (a failed load, records not saved). */
  errors: string[];
  /** This instance is private (Chrome's incognito instance): it stores nothing anywhere. */
  private: boolean;
  /** 'failed': stored records could not be read; nothing is written until resolveLoadError. */
  load: { state: 'loading' | 'loaded' | 'failed'; problems: string[] };
  /** Where the jar is kept: memory and storage.session, or also storage.local (persistent cookies, with persistJar). */
  jarAreas: ('session' | 'local')[];
  limits: {
    cookies: number; maxCookies: number; perSite: number; nameValueBytes: number; jarBytes: number; maxJarBytes: number;
    /** Cookies refused for their size and evicted for a limit since the browser started (kept across worker restarts). */
    refused: number; evicted: number;
    logBytes: number; maxLogBytes: number;
  };
  /** Work not done yet: events waiting for the stored state, records waiting to be written. */
  backlog: { queuedEvents: number; pendingRecords: number; writing: boolean };
  /** The records not saved, kept across worker restarts until written. */
  failures: WriteFailureInfo[];
  storage: { session: StorageAreaStatus; local: StorageAreaStatus } | null;
  /** The worker's own time on events and flushes since it started. */
  work: WorkStatus;
  /** The browser's own verdicts (docs/background.md, "The browser's verdict"). */
  verdicts: VerdictStatus;
}

export interface VerdictStatus {
  /** Whose rules the browser model applies. */
  browser: string;
  /**
   * The third-party cookie setting the model uses, and whether the store has shown it (until then 'blocked' is assumed).
   * 'partitioned' is Firefox's default (Total Cookie Protection: a third party's cookies kept in a jar of the page's site).
   */
  thirdPartyCookies: 'blocked' | 'allowed' | 'phaseout' | 'partitioned';
  thirdPartyCookiesKnown: boolean;
  /** Lines whose observed verdict disagrees with the prediction (flagged), since the browser started. */
  disagreements: number;
  /** Lines waiting for cookies.onChanged. */
  pending: number;
  /** The model's copy of the store: its cookies. */
  cookies: number;
}

export type ExportFormat = CookieFileFormat;
export type ExportDialect = 'python' | 'curl' | 'wget' | 'yt-dlp';
export type CookieSource = 'jar' | 'browser';

export interface ExportRequest {
  format: ExportFormat;
  /** Default 'python'. Only the mozilla format has dialects; lwp is always what Python writes. */
  dialect?: ExportDialect;
  /** Default 'jar'. */
  source?: CookieSource;
  /** A host or registrable domain: only its site's cookies. Absent: every cookie. */
  site?: string;
  /** Default true. */
  includeSession?: boolean;
  /** Default false. */
  includeExpired?: boolean;
  /** For the `header` format: the URL the Cookie header is for (only the cookies sent there). */
  url?: string;
  /** The browser store (source `browser`; default: the normal one). */
  storeId?: string;
  /** Only these cookies (a selection), by identity. */
  cookies?: CookieIdentity[];
}

export interface ExportResult { text: string; filename: string; warnings: string[]; count: number }

export interface ReplayDecision {
  responseId: number;
  requestUrl: string;
  line: string;
  accepted: boolean;
  rule?: string;
  reason?: string;
  cookie: CookieJSON | null;
}

export interface ReplayResult {
  responses: number;
  cookies: CookieJSON[];
  decisions: ReplayDecision[];
  /** Accepted under the current policy, refused under the replayed one. */
  newlyRefused: ReplayDecision[];
  /** Refused under the current policy, accepted under the replayed one. */
  newlyAccepted: ReplayDecision[];
  /** Responses not replayed: their URL or a line was longer than the log keeps. */
  skipped: number;
}

export interface DecisionFilter {
  tabId?: number;
  /** A host or registrable domain: decisions whose top-level site or request host belongs to it. */
  site?: string;
  accepted?: boolean;
  rule?: string;
  /** Default 1000, newest first. */
  limit?: number;
}

/**
 * One cookie store: the browser's default store, a Firefox container (named by
 * `contextualIdentities`: its name, colour and icon), or the private one (incognito, a Firefox
 * private window); what the browser says of it, and what the extension holds of it.
 */
export interface CookieStoreInfo {
  /** The browser's cookie store id ('0', '1', 'firefox-default', 'firefox-private', 'firefox-container-N'). */
  id: string;
  /** Incognito or a private window: the extension keeps it in memory only, never writes it. */
  incognito: boolean;
  /** The browser's tabs in it now (`cookies.getAllCookieStores`). */
  tabIds: number[];
  kind: 'default' | 'container' | 'private';
  /** "Default", the container's name, "Private windows" ("Incognito" in Chrome). */
  name: string;
  /** A container's colour, Firefox's name of it ("blue") and its CSS colour ("#37adff"), and its icon's name ("briefcase"). */
  color?: string;
  colorCode?: string;
  icon?: string;
  /** False for a private store while private browsing is not mirrored (mirrorIncognito): nothing of it is noted. */
  mirrored: boolean;
  /** The cookies of the jar and the decisions of the log of this store. */
  cookies: number;
  decisions: number;
  /** The browser has the store now: a container that exists, an open window of it (false: only the extension's records are left). */
  live: boolean;
}

export interface CookieStoresReply {
  /** The default store first, then the containers by name, then the private one. */
  stores: CookieStoreInfo[];
  /** The store of the tab asked about (null: no such tab, or none asked). */
  tabStoreId: string | null;
  /** The store this instance's pages show when they know no better (Chrome's incognito instance: '1'). */
  defaultStoreId: string;
}

/**
 * Messages about one cookie store: each takes `storeId?` (a store id of CookieStoreView; default:
 * this instance's own store). A private store that is not mirrored reads as empty, and changing it
 * is refused (`NotMirroredError`).
 */
export const STORE_SCOPED = [
  'getStatus', 'getCookies', 'getCookieRows', 'getDecisions', 'clearDecisions', 'getSentHeaders', 'explain', 'replay', 'exportJar', 'importJar',
  'clearJar', 'deleteCookie', 'explainDifferences',
] as const satisfies readonly (keyof Protocol)[];
export type StoreScoped = (typeof STORE_SCOPED)[number];
export interface InStore { storeId?: string }

export interface Protocol {
  getStatus: { request: object; reply: Status };
  /** The jar's cookies (and the browser's, compared), of one site or all. */
  /** `scope`: the registrable domain whose cookies these are (null: every site); `storeId`: the cookie store, the jar's and the browser's (default: this instance's own). */
  getCookies: { request: { site?: string; source?: CookieSource | 'both'; storeId?: string }; reply: { jar: CookieJSON[]; browser: BrowserCookie[] | null; comparison: ComparisonRow[] | null; warnings: string[]; scope: string | null } };
  /** The jar's cookies of one site or all as compact rows (the popup's table; see CookieTableRow). */
  getCookieRows: { request: { site?: string }; reply: CookieTableRow[] };
  /** Why each cookie of the site (or of all) is only in the jar or only in the browser (docs/messages.md). */
  explainDifferences: { request: { site?: string }; reply: { notes: CookieNote[] } };
  getDecisions: { request: DecisionFilter; reply: DecisionEntry[] };
  clearDecisions: { request: object; reply: null };
  getSentHeaders: { request: { tabId?: number; site?: string; limit?: number }; reply: SentHeaderEntry[] };
  /**
   * Which cookies go with a request to `url`, made from the page `topLevelUrl` (default: a top-level
   * navigation to `url`): the jar's answer under the policy (`cookieHeader`, `cookies`) and the
   * browser's over its own store (`browser`).
   */
  explain: {
    request: { url: string; topLevelUrl?: string; unverifiable?: boolean; originReqHost?: string };
    reply: { cookieHeader: string | null; cookie2Header: string | null; cookies: ExplainEntry[]; browser: BrowserExplanation };
  };
  getPolicy: { request: object; reply: PolicySettings };
  /** Stores new settings (or a preset's switches over the current lists); replaceJar rebuilds the jar by replay. */
  setPolicy: { request: { settings?: PolicySettings; preset?: PresetName; replaceJar?: boolean }; reply: PolicySettings };
  replay: { request: { settings?: PolicySettings; preset?: PresetName }; reply: ReplayResult };
  exportJar: { request: ExportRequest; reply: ExportResult };
  /** `refused`: over the browser's name+value limit; `evicted`: pushed out by the jar's limits. */
  importJar: { request: { text: string; format: ExportFormat; ignoreDiscard?: boolean; ignoreExpires?: boolean }; reply: { imported: number; jarSize: number; refused: number; evicted: number } };
  clearJar: { request: { site?: string }; reply: { removed: number } };
  deleteCookie: { request: { domain: string; path: string; name: string }; reply: { removed: number } };
  /** After a failed load: 'keep' drops the unreadable records and saves again; 'startAfresh' deletes every stored record and empties the jar and logs. */
  resolveLoadError: { request: { action: 'keep' | 'startAfresh' }; reply: Status };
  // --- acting on the browser's store (src/background/browserActions.ts, docs/messages.md) ---
  /** The cookie stores the browser has or the extension has recorded, named (Firefox's containers by their name and colour), and the one of a tab. */
  getCookieStores: { request: { tabId?: number }; reply: CookieStoresReply };
  /** The browser model's verdict on writing this cookie (replacing `replaces`, when an edit changes its identity); changes nothing. */
  checkBrowserCookie: { request: { storeId?: string; cookie: BrowserCookieInput; replaces?: CookieIdentity }; reply: BrowserCookieCheck };
  /** Writes one cookie into the browser's store (an edit removes `replaces` when the identity changed), reads it back; undoable. */
  setBrowserCookie: { request: { storeId?: string; cookie: BrowserCookieInput; replaces?: CookieIdentity }; reply: AppliedCookie };
  /** Removes exactly these cookies from the browser's store and/or the jar, all or nothing; undoable. */
  removeCookies: { request: { storeId?: string; browser?: CookieIdentity[]; jar?: CookieIdentity[]; label?: string }; reply: { browser: number; jar: number; missing: number; change: ChangeSummary | null } };
  /** The change the next undoLastChange reverts, if any. */
  getLastChange: { request: object; reply: ChangeSummary | null };
  /** Restores the cookies the last change replaced or removed, and removes those it added. */
  undoLastChange: { request: object; reply: { undone: ChangeSummary; browser: number; jar: number } };
  /** A cookie file read (any format) and what the browser (model) or the jar would do with each cookie; changes nothing. */
  previewImport: { request: ImportRequest; reply: ImportPreview };
  /** Imports a cookie file into the browser's store or the jar, all or nothing; undoable. */
  importCookies: { request: ImportRequest; reply: ImportResult };
}

export type MessageType = keyof Protocol;
export type Message<K extends MessageType = MessageType> = { [T in K]: { type: T } & Protocol[T]['request'] & (T extends StoreScoped ? InStore : object) }[K];
export type ReplyValue<K extends MessageType> = Protocol[K]['reply'];
/** An error as it crosses the channel; a LoadError keeps its line number and file name. */
export interface ErrorInfo { name: string; message: string; lineNumber?: number; filename?: string }
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

// --- guards ---------------------------------------------------------------------------------------

type Params = Record<string, unknown>;
/** Returns an error message for bad parameters, or null. */
type Guard = (params: Params) => string | null;

const optional = (params: Params, key: string, test: (v: unknown) => boolean, what: string): string | null =>
  params[key] === undefined || test(params[key]) ? null : `"${key}" must be ${what}.`;
const required = (params: Params, key: string, test: (v: unknown) => boolean, what: string): string | null =>
  test(params[key]) ? null : `"${key}" must be ${what}.`;
const isString = (v: unknown): boolean => typeof v === 'string';
const isNonEmptyString = (v: unknown): boolean => typeof v === 'string' && v !== '';
const isBool = (v: unknown): boolean => typeof v === 'boolean';
const isInt = (v: unknown): boolean => Number.isSafeInteger(v);
const isPositiveInt = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) > 0;
const oneOf = (...values: string[]) => (v: unknown): boolean => typeof v === 'string' && values.includes(v);
const first = (...checks: (string | null)[]): string | null => checks.find((c) => c !== null) ?? null;

function onlyKeys(params: Params, allowed: string[]): string | null {
  const extra = Object.keys(params).filter((key) => key !== 'type' && !allowed.includes(key));
  return extra.length === 0 ? null : `Unknown parameter${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')}.`;
}

function policyParams(params: Params): string | null {
  if (params['settings'] !== undefined && params['preset'] !== undefined) return 'Give "settings" or "preset", not both.';
  if (params['preset'] !== undefined && !PRESET_NAMES.includes(params['preset'] as PresetName)) {
    return `"preset" must be one of ${PRESET_NAMES.map((n) => `"${n}"`).join(', ')}.`;
  }
  if (params['settings'] !== undefined) {
    const problems = validateSettings(params['settings']);
    if (problems.length > 0) return `Invalid settings: ${problems.join(' ')}`;
  }
  return null;
}

const guards: { [K in MessageType]: Guard } = {
  getStatus: (p) => onlyKeys(p, []),
  getCookies: (p) => first(onlyKeys(p, ['site', 'source']), optional(p, 'site', isNonEmptyString, 'a host name'),
    optional(p, 'source', oneOf('jar', 'browser', 'both'), '"jar", "browser" or "both"')),
  getCookieRows: (p) => first(onlyKeys(p, ['site']), optional(p, 'site', isNonEmptyString, 'a host name')),
  explainDifferences: (p) => first(onlyKeys(p, ['site']), optional(p, 'site', isNonEmptyString, 'a host name')),
  getDecisions: (p) => first(onlyKeys(p, ['tabId', 'site', 'accepted', 'rule', 'limit']), optional(p, 'tabId', isInt, 'an integer'),
    optional(p, 'site', isNonEmptyString, 'a host name'), optional(p, 'accepted', isBool, 'true or false'),
    optional(p, 'rule', isNonEmptyString, 'a rule id'), optional(p, 'limit', isPositiveInt, 'a positive integer')),
  clearDecisions: (p) => onlyKeys(p, []),
  getSentHeaders: (p) => first(onlyKeys(p, ['tabId', 'site', 'limit']), optional(p, 'tabId', isInt, 'an integer'),
    optional(p, 'site', isNonEmptyString, 'a host name'), optional(p, 'limit', isPositiveInt, 'a positive integer')),
  explain: (p) => first(onlyKeys(p, ['url', 'topLevelUrl', 'unverifiable', 'originReqHost']), required(p, 'url', isHttpUrl, 'an http, https, ws or wss URL'),
    optional(p, 'topLevelUrl', isHttpUrl, 'an http, https, ws or wss URL'),
    optional(p, 'unverifiable', isBool, 'true or false'), optional(p, 'originReqHost', isNonEmptyString, 'a host name')),
  getPolicy: (p) => onlyKeys(p, []),
  setPolicy: (p) => first(onlyKeys(p, ['settings', 'preset', 'replaceJar']), optional(p, 'replaceJar', isBool, 'true or false'),
    p['settings'] === undefined && p['preset'] === undefined ? 'Give "settings" or "preset".' : null, policyParams(p)),
  replay: (p) => first(onlyKeys(p, ['settings', 'preset']), policyParams(p)),
  exportJar: (p) => first(onlyKeys(p, ['format', 'dialect', 'source', 'site', 'includeSession', 'includeExpired', 'url', 'cookies']),
    required(p, 'format', oneOf('mozilla', 'lwp', 'json', 'header'), '"mozilla", "lwp", "json" or "header"'),
    p['format'] === 'header' && !isHttpUrl(p['url']) ? '"url" must be an http or https URL for the header format.' : optional(p, 'url', isHttpUrl, 'an http or https URL'),
    optional(p, 'cookies', isIdentityList, 'a list of cookie identities { domain, hostOnly, path, name, partition }'),
    optional(p, 'dialect', oneOf('python', 'curl', 'wget', 'yt-dlp'), '"python", "curl", "wget" or "yt-dlp"'),
    optional(p, 'source', oneOf('jar', 'browser'), '"jar" or "browser"'), optional(p, 'site', isNonEmptyString, 'a host name'),
    optional(p, 'includeSession', isBool, 'true or false'), optional(p, 'includeExpired', isBool, 'true or false')),
  importJar: (p) => first(onlyKeys(p, ['text', 'format', 'ignoreDiscard', 'ignoreExpires']), required(p, 'text', isString, 'the file text'),
    required(p, 'format', oneOf('mozilla', 'lwp'), '"mozilla" or "lwp"'),
    optional(p, 'ignoreDiscard', isBool, 'true or false'), optional(p, 'ignoreExpires', isBool, 'true or false')),
  clearJar: (p) => first(onlyKeys(p, ['site']), optional(p, 'site', isNonEmptyString, 'a host name')),
  resolveLoadError: (p) => first(onlyKeys(p, ['action']), required(p, 'action', oneOf('keep', 'startAfresh'), '"keep" or "startAfresh"')),
  deleteCookie: (p) => first(onlyKeys(p, ['domain', 'path', 'name']), required(p, 'domain', isNonEmptyString, 'a cookie domain'),
    required(p, 'path', isString, 'a cookie path'), required(p, 'name', isString, 'a cookie name')),
  getCookieStores: (p) => first(onlyKeys(p, ['tabId']), optional(p, 'tabId', isInt, 'an integer')),
  checkBrowserCookie: (p) => cookieWrite(p),
  setBrowserCookie: (p) => cookieWrite(p),
  removeCookies: (p) => first(onlyKeys(p, ['storeId', 'browser', 'jar', 'label']), optional(p, 'storeId', isNonEmptyString, 'a cookie store id'),
    optional(p, 'browser', isIdentityList, 'a list of cookie identities { domain, hostOnly, path, name, partition }'),
    optional(p, 'jar', isIdentityList, 'a list of cookie identities { domain, hostOnly, path, name, partition }'),
    optional(p, 'label', isNonEmptyString, 'a short description')),
  getLastChange: (p) => onlyKeys(p, []),
  undoLastChange: (p) => onlyKeys(p, []),
  previewImport: (p) => importParams(p),
  importCookies: (p) => importParams(p),
};

function cookieWrite(p: Params): string | null {
  return first(onlyKeys(p, ['storeId', 'cookie', 'replaces']), optional(p, 'storeId', isNonEmptyString, 'a cookie store id'),
    cookieInputProblem(p['cookie']), optional(p, 'replaces', isIdentity, 'a cookie identity { domain, hostOnly, path, name, partition }'));
}

function importParams(p: Params): string | null {
  return first(onlyKeys(p, ['text', 'format', 'url', 'target', 'storeId']), required(p, 'text', isString, 'the file text'),
    optional(p, 'format', oneOf('mozilla', 'lwp', 'json', 'header'), '"mozilla", "lwp", "json" or "header"'),
    optional(p, 'url', isHttpUrl, 'an http or https URL'), required(p, 'target', oneOf('browser', 'jar'), '"browser" or "jar"'),
    optional(p, 'storeId', isNonEmptyString, 'a cookie store id'));
}

const isRecord = (v: unknown): v is Params => typeof v === 'object' && v !== null && !Array.isArray(v);

function isIdentity(v: unknown): boolean {
  return isRecord(v) && isNonEmptyString(v['domain']) && isBool(v['hostOnly']) && isString(v['path']) && isString(v['name'])
    && (v['partition'] === null || isString(v['partition'])) && Object.keys(v).every((k) => ['domain', 'hostOnly', 'path', 'name', 'partition'].includes(k));
}
const isIdentityList = (v: unknown): boolean => Array.isArray(v) && v.every(isIdentity);

/** What is wrong with a BrowserCookieInput, or null. */
function cookieInputProblem(v: unknown): string | null {
  if (!isRecord(v)) return '"cookie" must be an object { name, value, domain, hostOnly, path, secure, httpOnly, sameSite, expirationDate?, partitionKey? }.';
  const key = (name: string) => `"cookie.${name}"`;
  const allowed = ['name', 'value', 'domain', 'hostOnly', 'path', 'secure', 'httpOnly', 'sameSite', 'expirationDate', 'partitionKey'];
  const extra = Object.keys(v).filter((k) => !allowed.includes(k));
  if (extra.length > 0) return `Unknown cookie field${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')}.`;
  for (const name of ['name', 'value', 'path']) if (!isString(v[name])) return `${key(name)} must be a string.`;
  if (!isNonEmptyString(v['domain'])) return `${key('domain')} must be a host or domain.`;
  for (const name of ['hostOnly', 'secure', 'httpOnly']) if (!isBool(v[name])) return `${key(name)} must be true or false.`;
  if (!oneOf(...SAME_SITE_STATUSES)(v['sameSite'])) return `${key('sameSite')} must be one of ${SAME_SITE_STATUSES.map((s) => `"${s}"`).join(', ')}.`;
  const expiry = v['expirationDate'];
  if (expiry !== undefined && (typeof expiry !== 'number' || !Number.isFinite(expiry))) return `${key('expirationDate')} must be seconds since the epoch.`;
  const partition = v['partitionKey'];
  if (partition !== undefined) {
    if (!isRecord(partition) || !isNonEmptyString(partition['topLevelSite']) || (partition['hasCrossSiteAncestor'] !== undefined && !isBool(partition['hasCrossSiteAncestor']))
      || Object.keys(partition).some((k) => k !== 'topLevelSite' && k !== 'hasCrossSiteAncestor')) {
      return `${key('partitionKey')} must be { topLevelSite, hasCrossSiteAncestor? }.`;
    }
  }
  return null;
}

export const MESSAGE_TYPES = Object.keys(guards) as MessageType[];

function isHttpUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try { return ['http:', 'https:', 'ws:', 'wss:'].includes(new URL(v).protocol); } catch { return false; }
}

const storeScoped: readonly string[] = STORE_SCOPED;

/** `storeId` of a store-scoped message: a non-empty string when given. */
function storeProblem(type: MessageType, params: Params): string | null {
  return storeScoped.includes(type) ? optional(params, 'storeId', isNonEmptyString, 'a cookie store id') : null;
}

/** The parameters a message's own guard checks: `storeId` is checked once for every store-scoped message. */
function withoutStore(type: MessageType, params: Params): Params {
  if (!storeScoped.includes(type) || !('storeId' in params)) return params;
  const { storeId: _storeId, ...rest } = params;
  return rest;
}

/** Narrows an incoming `unknown` to a valid message, or says what is wrong with it. */
export function checkMessage(value: unknown): { ok: true; message: Message } | { ok: false; error: ErrorInfo } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: { name: 'BadRequest', message: 'A message must be an object { type, ...parameters }.' } };
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(guards, type)) {
    return { ok: false, error: { name: 'UnknownMessage', message: `Unknown message type ${JSON.stringify(type)}; known: ${MESSAGE_TYPES.join(', ')}.` } };
  }
  const problem = storeProblem(type as MessageType, value as Params) ?? guards[type as MessageType](withoutStore(type as MessageType, value as Params));
  if (problem !== null) return { ok: false, error: { name: 'BadRequest', message: `${type}: ${problem}` } };
  return { ok: true, message: value as Message };
}

/** An error as it crosses the channel: name, message (and a LoadError's line) survive, the prototype does not. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    const info: ErrorInfo = { name: error.name, message: error.message };
    const { lineNumber, filename } = error as { lineNumber?: unknown; filename?: unknown };
    if (typeof lineNumber === 'number') info.lineNumber = lineNumber;
    if (typeof filename === 'string') info.filename = filename;
    return info;
  }
  return { name: 'Error', message: String(error) };
}

/** The error a failed reply stands for, rebuilt on the caller's side with its original name. */
export class RemoteError extends Error {
  readonly lineNumber: number | undefined;
  readonly filename: string | undefined;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = info.name;
    this.lineNumber = info.lineNumber;
    this.filename = info.filename;
  }
}
