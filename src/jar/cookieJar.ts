import { adoptNonstandardAttrs, Cookie, cookieChanges, type CookieInit, expiryChanges, setNewCookieVersion, shareStrings } from './cookie';
import { CookieNotFoundError, CookieValueError } from './errors';
import { parseNsHeader, splitHeaderWords } from './headers';
import { DefaultCookiePolicy, endsWithDotted, type CookiePolicy } from './policy';
import { asciiInteger, effRequestHost, escapePath, isThirdParty, parsePythonInt, PY_WHITESPACE_RUN, requestHost, requestPath, requestPort, type CookieRequest } from './request';
import { refusal, type Refusal } from './rules';
import { StringPool } from './strings';

/** What the jar did with one cookie: accepted, or refused with a rule id and a reason for people. */
export interface CookieDecision {
  cookie: Cookie;
  accepted: boolean;
  rule?: string;
  reason?: string;
  /** The raw Set-Cookie / Set-Cookie2 header value the cookie came from. */
  header?: string;
}

/** A response as the jar reads it: its header lines in order (names compare case-insensitively). */
export interface CookieResponse {
  headers: Iterable<readonly [name: string, value: string]>;
}

export interface CookieJarOptions {
  /** The clock, in seconds since the epoch (default: Date.now() / 1000). */
  now?: () => number;
}

type AttrValue = string | number | null;
type StandardValue = string | number | bigint | boolean | null;

interface HeaderLine {
  readonly name: 'Set-Cookie' | 'Set-Cookie2';
  readonly value: string;
  /** Position among the response's cookie header lines: decisions come back in this order. */
  readonly line: number;
}

/**
 * One cookie's way through make_cookies: the parsed attributes, then the normalized tuple, then a
 * Cookie or a decision.
 */
class Slot {
  cookie: Cookie | undefined = undefined;
  decision: CookieDecision | undefined = undefined;
  /** The tuple _normalized_cookie_tuples makes (standard null until then). */
  name = '';
  value: string | null = null;
  standard: StandardAttrs | null = null;
  /** Python's `rest` dict; null while empty (most cookies). */
  rest: Map<string, string | null> | null = null;

  /** `attrs`: the cookie's name and value, then its attributes' names and values, flat; null for a line with none. */
  constructor(readonly line: HeaderLine, readonly attrs: readonly AttrValue[] | null) {}
}

/** The names of _normalized_cookie_tuples' value_attrs and boolean_attrs, as its `standard` dict holds them. */
type StandardName = 'version' | 'expires' | 'domain' | 'path' | 'port' | 'comment' | 'commenturl' | 'discard' | 'secure';

/** _normalized_cookie_tuples' `standard` dict: a field per attribute, undefined while absent (a present value may be null). */
class StandardAttrs {
  version: StandardValue | undefined = undefined;
  expires: StandardValue | undefined = undefined;
  domain: StandardValue | undefined = undefined;
  path: StandardValue | undefined = undefined;
  port: StandardValue | undefined = undefined;
  comment: StandardValue | undefined = undefined;
  commenturl: StandardValue | undefined = undefined;
  discard: StandardValue | undefined = undefined;
  secure: StandardValue | undefined = undefined;

  // By name through a switch, not `this[name]`: a property looked up by a key that varies is a
  // slow, megamorphic access.
  has(name: StandardName): boolean {
    switch (name) {
      case 'version': return this.version !== undefined;
      case 'expires': return this.expires !== undefined;
      case 'domain': return this.domain !== undefined;
      case 'path': return this.path !== undefined;
      case 'port': return this.port !== undefined;
      case 'comment': return this.comment !== undefined;
      case 'commenturl': return this.commenturl !== undefined;
      case 'discard': return this.discard !== undefined;
      case 'secure': return this.secure !== undefined;
    }
  }

  set(name: StandardName, value: StandardValue): void {
    switch (name) {
      case 'version': this.version = value; break;
      case 'expires': this.expires = value; break;
      case 'domain': this.domain = value; break;
      case 'path': this.path = value; break;
      case 'port': this.port = value; break;
      case 'comment': this.comment = value; break;
      case 'commenturl': this.commenturl = value; break;
      case 'discard': this.discard = value; break;
      case 'secure': this.secure = value; break;
    }
  }
}

/** value_attrs and boolean_attrs (max-age included) by the length of their names. */
const STANDARD_NAMES_BY_LENGTH: readonly (readonly (StandardName | 'max-age')[] | undefined)[] = (() => {
  const byLength: (StandardName | 'max-age')[][] = [];
  for (const name of ['version', 'expires', 'max-age', 'domain', 'path', 'port', 'comment', 'commenturl', 'discard', 'secure'] as const) {
    (byLength[name.length] ??= []).push(name);
  }
  return byLength;
})();

/**
 * `key.lower()` if it is one of value_attrs or boolean_attrs (max-age included), else null.
 * Compared in ASCII: no other character lower-cases to a letter of these names (the Kelvin sign
 * becomes "k", which none has).
 */
function standardAttrName(key: string): StandardName | 'max-age' | null {
  const names = STANDARD_NAMES_BY_LENGTH[key.length];
  if (names === undefined) return null;
  for (const name of names) {
    if (name === key) return name;
    let i = 0;
    for (; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== name.charCodeAt(i)) break;
    }
    if (i === key.length) return name;
  }
  return null;
}

type ByPath = Map<string, Map<string, Cookie>>;
/** The domain keys of one group hash (see groupHash): most often one, so not always an array. */
type GroupMembers = DomainEntry | DomainEntry[];

/** The jar's domain entries as the Map of their `byPath` Maps (Python's `_cookies`), read-only and live. */
class TreeView implements ReadonlyMap<string, ByPath> {
  constructor(private readonly domains: () => ReadonlyMap<string, DomainEntry>) {}

  get size(): number {
    return this.domains().size;
  }

  get(domain: string): ByPath | undefined {
    return this.domains().get(domain)?.byPath;
  }

  has(domain: string): boolean {
    return this.domains().has(domain);
  }

  *entries(): MapIterator<[string, ByPath]> {
    for (const [domain, entry] of this.domains()) yield [domain, entry.byPath];
  }

  keys(): MapIterator<string> {
    return this.domains().keys();
  }

  *values(): MapIterator<ByPath> {
    for (const entry of this.domains().values()) yield entry.byPath;
  }

  [Symbol.iterator](): MapIterator<[string, ByPath]> {
    return this.entries();
  }

  forEach(callback: (value: ByPath, key: string, map: ReadonlyMap<string, ByPath>) => void, thisArg?: unknown): void {
    for (const [domain, byPath] of this.entries()) callback.call(thisArg, byPath, domain, this);
  }
}

/**
 * A file's cookies as a load has read them, before they are built (see CookieJar.addLoaded). The
 * file is read and checked whole at once (a bad line refuses the load, the jar unchanged); each
 * Cookie is built when its domain key is first used. The cookies come in runs, consecutive ones
 * of one domain key, in the file's order.
 */
export interface LoadedCookies {
  /** How many cookies. */
  readonly cookies: number;
  /** How many runs. */
  readonly runs: number;
  /** The domain key of run `run`: what each of its cookies' `domain` is. */
  runDomain(run: number): string;
  /** The first cookie of run `run`; `runStart(runs)` is `cookies`. */
  runStart(run: number): number;
  /**
   * Cookie number `index`, as the load would have set it then (its domain is `domain`, its run's
   * key); a new Cookie each call. It cannot fail: the load checked everything.
   */
  build(index: number, domain: string): Cookie;
}

/** One load's cookies not built yet: the runs of each domain key are chained through `nextRun`. */
class PendingLoad {
  readonly nextRun: Int32Array;

  constructor(
    readonly cookies: LoadedCookies,
    readonly names: StringPool,
    /** Told, once a domain key's cookies are built, how many were counted for it and how many it holds more now. */
    readonly settle: (counted: number, added: number) => void,
  ) {
    this.nextRun = new Int32Array(cookies.runs).fill(-1);
  }
}

/** One domain key of the jar: its cookies by path and its place in the jar's (dict) order. */
class DomainEntry {
  /** Python's `_cookies[domain]`; undefined while only loaded cookies, not built yet, are here. */
  private paths: ByPath | undefined;
  /** The load whose cookies of this domain key are still to be built, with its first and last run here. */
  private pending: PendingLoad | null = null;
  private firstRun = -1;
  private lastRun = -1;
  /** How many of the jar's cookies the pending ones were counted as (duplicates are found when built). */
  private pendingCount = 0;
  /**
   * Each path key followed by its cookies, in the tree's order: what a request walks, in one array
   * instead of a Map per path. Built on demand; every change to the domain's cookies drops it.
   */
  private flat: readonly (string | Cookie)[] | undefined;
  /**
   * The domain's cookies as a request reads them when every one is a plain Netscape cookie (see
   * computePlain); null when one is not. Valid while plainAt is cookieChanges(); -1 after a change
   * to the domain's cookies.
   */
  plainItems: readonly (string | number)[] | null = null;
  /**
   * The soonest expiry of the plain cookies, null if none expires (not Infinity: a number field
   * that is not a small integer costs every entry a boxed number, 20,000 of them in a large jar).
   */
  soonestExpiry: number | null = null;
  anySecure = false;
  /** Whether a plain cookie has no domain attribute (domainSpecified false). */
  anyHostOnly = false;
  private plainAt = -1;

  constructor(readonly domain: string, readonly seq: number, byPath?: ByPath) {
    this.paths = byPath;
  }

  /** Python's `_cookies[domain]`: the loaded cookies of this key are built on the first read. */
  get byPath(): ByPath {
    if (this.pending !== null) this.buildLoaded();
    return this.paths as ByPath;
  }

  /** Builds the loaded cookies of this key that are not built yet, if any. */
  buildPending(): void {
    if (this.pending !== null) this.buildLoaded();
  }

  /**
   * The load's run `run` (of `count` cookies) belongs here, after every cookie here so far. True
   * when it is the load's first run here (the entry has cookies to build from it from now on).
   */
  addPending(load: PendingLoad, run: number, count: number): boolean {
    const first = this.pending !== load;
    if (first) {
      if (this.pending !== null) this.buildLoaded(); // an earlier load's, built first: its cookies came first
      this.pending = load;
      this.firstRun = run;
    } else {
      load.nextRun[this.lastRun] = run;
    }
    this.lastRun = run;
    this.pendingCount += count;
    this.changed();
    return first;
  }

  /**
   * Sets the loaded cookies of this key in the file's order, as the load's setCookie calls would
   * have (a cookie with the same path and name replaces the earlier one, in its place).
   */
  private buildLoaded(): void {
    const load = this.pending as PendingLoad;
    const { cookies, nextRun, names } = load;
    const counted = this.pendingCount;
    this.pending = null;
    this.pendingCount = 0;
    const paths = this.paths ??= new Map<string, Map<string, Cookie>>();
    let added = 0;
    let lastPath: string | undefined;
    let byName: Map<string, Cookie> | undefined;
    for (let run = this.firstRun; run !== -1; run = nextRun[run] as number) {
      for (let index = cookies.runStart(run), end = cookies.runStart(run + 1); index < end; index++) {
        const cookie = cookies.build(index, this.domain);
        const { path, name } = cookie;
        if (byName === undefined || path !== lastPath) {
          byName = paths.get(path);
          if (byName === undefined) paths.set(path, byName = new Map<string, Cookie>());
          lastPath = path;
        }
        const pooled = names.of(name);
        shareStrings(cookie, this.domain, pooled);
        const size = byName.size;
        byName.set(pooled, cookie);
        added += byName.size - size;
      }
    }
    this.changed();
    load.settle(counted, added);
  }

  changed(): void {
    this.flat = undefined;
    this.plainAt = -1;
  }

  /** Whether every cookie of the domain is plain; then plainItems and the fields after it are current. */
  isPlain(): boolean {
    const changes = cookieChanges();
    if (this.plainAt !== changes) {
      this.computePlain();
      this.plainAt = changes;
    }
    return this.plainItems !== null;
  }

  /**
   * Reads the domain's cookies once into what DefaultCookiePolicy's return checks and the Cookie
   * header need, when every one is a plain Netscape cookie: version 0, no port, its domain and path
   * the keys it is stored under. A request then reads these fields instead of each Cookie and its
   * strings (in a large jar each is a cache miss). plainItems holds, for each path key with
   * cookies, in order: the key, its Python length, and its cookies' parts of the Cookie header
   * ("name=value") joined with "; ".
   */
  private computePlain(): void {
    const items: (string | number)[] = [];
    let soonestExpiry: number | null = null;
    let anySecure = false;
    let anyHostOnly = false;
    this.plainItems = null;
    for (const [path, byName] of this.byPath) {
      if (byName.size === 0) continue;
      const parts: string[] = [];
      for (const cookie of byName.values()) {
        if (cookie.version !== 0 || cookie.port || cookie.domain !== this.domain || cookie.path !== path) return;
        parts.push(cookie.value === null ? cookie.name : `${cookie.name}=${cookie.value}`);
        if (cookie.expires !== null && (soonestExpiry === null || cookie.expires < soonestExpiry)) soonestExpiry = cookie.expires;
        if (cookie.secure) anySecure = true;
        if (!cookie.domainSpecified) anyHostOnly = true;
      }
      // One flat string per path (join copies the parts; a concatenation would keep a tree of them).
      items.push(path, pyLength(path), parts.join('; '));
    }
    this.plainItems = items;
    this.soonestExpiry = soonestExpiry;
    this.anySecure = anySecure;
    this.anyHostOnly = anyHostOnly;
  }

  pathsAndCookies(): readonly (string | Cookie)[] {
    if (this.flat === undefined) {
      const flat: (string | Cookie)[] = [];
      for (const [path, byName] of this.byPath) {
        flat.push(path);
        for (const cookie of byName.values()) flat.push(cookie);
      }
      this.flat = flat;
    }
    return this.flat;
  }
}

interface ExpiryEntry {
  readonly expires: number;
  readonly domain: string;
  readonly path: string;
  readonly name: string;
  readonly cookie: Cookie;
}

// Python's CookieJar.non_word_re = r"\W" on str: anything but letters, digits (numerics) and '_'.
const NON_WORD = /[^\p{L}\p{N}_]/u;
const QUOTE_RE = /(["\\])/g;

/**
 * Python's `http.cookiejar.CookieJar`: cookies stored as domain -> path -> name in insertion order
 * (Python 3.11's nested dicts), the same cookies and headers for the same inputs and clock. Unlike
 * Python, a request looks up only the domain keys that can match its host, and expiry is kept in a
 * heap, so neither addCookieHeader nor the expiry sweep after it walks unrelated cookies.
 */
export class CookieJar implements Iterable<Cookie> {
  private policyInUse: CookiePolicy;
  private readonly clock: () => number;
  /**
   * Python's `_cookies`, domain -> path -> name in insertion order, as an entry per domain key with
   * its insertion number (dict order, for sorting the looked-up keys); `tree` shows it as nested Maps.
   */
  private domains = new Map<string, DomainEntry>();
  private readonly tree: ReadonlyMap<string, ByPath> = new TreeView(() => this.domains);
  /**
   * The same entries by their key without one leading dot: "x" and ".x" share a group, and both are
   * candidates for a host exactly when one is, so a request looks up one group per dot of its host.
   * Built on the first request (see groupIndex), then kept up to date.
   */
  private domainGroups: DomainGroups | undefined;
  private nextSeq = 0;
  /** The entry of the domain key "" if there is one: every request looks it up. */
  private emptyDomain: DomainEntry | undefined;
  /** Domain keys by their last two labels, for explainCookieHeader's "same site" cookies (see siteIndex). */
  private sites: Map<string, Set<string>> | undefined;
  /** The domain and path setCookie stored into last (a file's cookies come grouped by both); no entry: none. */
  private lastEntry: DomainEntry | undefined;
  private lastPath = '';
  private lastByName: Map<string, Cookie> | undefined;
  private count = 0;
  /** How many domain entries hold loaded cookies not built yet (see addLoaded). */
  private pendingEntries = 0;
  /** One copy of each cookie name (see shareStrings). */
  private readonly names = new StringPool();
  /** Expiry times, soonest first; built on the first expiry sweep (see expiryHeap), then kept up to date. */
  private heap: ExpiryEntry[] | undefined;
  /** expiryChanges() when the heap was built. */
  private heapBuiltAt = 0;

  constructor(policy?: CookiePolicy, options: CookieJarOptions = {}) {
    this.policyInUse = policy ?? new DefaultCookiePolicy();
    this.clock = options.now ?? (() => Date.now() / 1000);
  }

  /** The policy in use. */
  get policy(): CookiePolicy {
    return this.policyInUse;
  }

  setPolicy(policy: CookiePolicy): void {
    this.policyInUse = policy;
  }

  /** The injected clock in whole seconds: Python's `int(time.time())`. */
  protected now(): number {
    return Math.floor(this.clock());
  }

  /** The number of cookies. */
  get size(): number {
    // Loaded cookies are counted as they come; building them finds duplicates (a file may list a
    // cookie twice, the later one replacing the earlier), so an exact count builds them.
    if (this.pendingEntries > 0) this.buildAllLoaded();
    return this.count;
  }

  private buildAllLoaded(): void {
    for (const entry of this.domains.values()) entry.buildPending();
  }

  /**
   * Adds a file's cookies as `setCookie` called for each, in order, would: the same domain keys in
   * the same order at once, each key's cookies built when the key is first read (a request, an
   * iteration, a save, `size`...). Loading a large file then costs the reading of it; the cookies
   * of a site are built when that site is asked for.
   */
  protected addLoaded(cookies: LoadedCookies): void {
    if (cookies.cookies === 0) return;
    const load = new PendingLoad(cookies, this.names, (counted, added) => {
      this.count += added - counted;
      this.pendingEntries--;
    });
    // setCookie's shortcut to the last path must not skip the cookies added here before it.
    this.lastEntry = undefined;
    this.lastByName = undefined;
    // The expiry heap holds Cookies: built again, from every cookie, on the next sweep.
    this.heap = undefined;
    for (let run = 0; run < cookies.runs; run++) {
      const domain = cookies.runDomain(run);
      const entry = this.domains.get(domain) ?? this.addDomain(domain, true);
      if (entry.addPending(load, run, cookies.runStart(run + 1) - cookies.runStart(run))) this.pendingEntries++;
    }
    this.count += cookies.cookies;
  }

  /** Python's iteration order: domain keys, then path keys, then names, each in insertion order. */
  *[Symbol.iterator](): Iterator<Cookie> {
    for (const byPath of [...this.tree.values()]) {
      for (const byName of [...byPath.values()]) yield* [...byName.values()];
    }
  }

  /** The stored cookies as Python's `_cookies[domain][path][name]` (read-only, live). */
  cookieTree(): ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, Cookie>>> {
    return this.tree;
  }

  /** Python's `str(jar)`: `<CookieJar[<Cookie a=b for .example.com/>, ...]>`. */
  toString(): string {
    return `<${this.constructor.name}[${[...this].map(String).join(', ')}]>`;
  }

  // --- storing ---------------------------------------------------------------------------------

  /** Store a cookie without asking the policy; a cookie with the same domain, path and name is replaced in place. */
  setCookie(cookie: Cookie): void {
    const { domain, path, name } = cookie;
    let entry = this.lastEntry;
    let byName = this.lastByName;
    if (entry === undefined || byName === undefined || this.lastPath !== path || entry.domain !== domain) {
      entry = this.domains.get(domain) ?? this.addDomain(domain);
      byName = entry.byPath.get(path);
      if (byName === undefined) entry.byPath.set(path, byName = new Map<string, Cookie>());
      // (In fields, not an object: a file's load changes path every few cookies.)
      this.lastEntry = entry;
      this.lastPath = path;
      this.lastByName = byName;
    }
    entry.changed();
    shareStrings(cookie, entry.domain, this.names.of(name));
    const size = byName.size;
    byName.set(name, cookie);
    this.count += byName.size - size;
    if (cookie.expires !== null && this.heap !== undefined) this.pushExpiry({ expires: cookie.expires, domain, path, name, cookie });
  }

  private addDomain(domain: string, loaded = false): DomainEntry {
    const entry = new DomainEntry(domain, this.nextSeq++, loaded ? undefined : new Map());
    this.domains.set(domain, entry);
    if (domain === '') this.emptyDomain = entry;
    this.domainGroups?.add(entry);
    if (this.sites !== undefined) addToSite(this.sites, domain);
    return entry;
  }

  /** The domain entries by group, built on first use: loading a file does not pay for it. */
  private groupIndex(): DomainGroups {
    if (this.domainGroups === undefined) {
      const groups = new DomainGroups();
      for (const entry of this.domains.values()) groups.add(entry);
      this.domainGroups = groups;
    }
    return this.domainGroups;
  }

  /**
   * The expiry heap, built on first use (loading a file does not pay for it), and built again when
   * any cookie's `expires` was set since (expiryChanges), so the sweep sees what Python's would.
   */
  private expiryHeap(): ExpiryEntry[] {
    return this.heap !== undefined && this.heapBuiltAt === expiryChanges() ? this.heap : this.rebuildHeap();
  }

  /** Domain keys by their last two labels, for explainCookieHeader; built on its first use, then kept up to date. */
  private siteIndex(): Map<string, Set<string>> {
    if (this.sites === undefined) {
      const sites = new Map<string, Set<string>>();
      for (const domain of this.tree.keys()) addToSite(sites, domain);
      this.sites = sites;
    }
    return this.sites;
  }

  /** Set the cookie if the policy accepts it for this request. */
  setCookieIfOk(cookie: Cookie, request: CookieRequest): CookieDecision {
    this.policyInUse.now = this.now();
    const refused = this.checkSet(cookie, request);
    if (refused !== null) return refusedDecision(cookie, refused);
    this.setCookie(cookie);
    return { cookie, accepted: true };
  }

  /**
   * Python's `clear`: everything; one domain; one path of a domain; or one cookie. Throws
   * CookieNotFoundError where Python raises KeyError, CookieValueError where it raises ValueError.
   * Clearing one cookie keeps its (possibly empty) domain and path in place, as Python does.
   */
  clear(domain?: string, path?: string, name?: string): void {
    if (name !== undefined) {
      if (domain === undefined || path === undefined) throw new CookieValueError('domain and path must be given to remove a cookie by name');
      if (!this.removeCookie(domain, path, name)) throw new CookieNotFoundError(domain, path, name);
    } else if (path !== undefined) {
      if (domain === undefined) throw new CookieValueError('domain must be given to remove cookies by path');
      const entry = this.domains.get(domain);
      const byName = entry?.byPath.get(path);
      if (entry === undefined || byName === undefined) throw new CookieNotFoundError(domain, path);
      entry.byPath.delete(path);
      entry.changed();
      this.lastEntry = undefined;
      this.count -= byName.size;
    } else if (domain !== undefined) {
      const byPath = this.tree.get(domain);
      if (byPath === undefined) throw new CookieNotFoundError(domain);
      this.deleteDomain(domain, byPath);
    } else {
      this.domains = new Map();
      this.pendingEntries = 0;
      this.emptyDomain = undefined;
      this.domainGroups = undefined;
      this.sites = undefined;
      this.lastEntry = undefined;
      this.count = 0;
      this.heap = undefined;
    }
  }

  /** Removes the cookie with these keys; false (and nothing changed) when there is none. */
  private removeCookie(domain: string, path: string, name: string): boolean {
    const entry = this.domains.get(domain);
    const byName = entry?.byPath.get(path);
    if (entry === undefined || byName?.delete(name) !== true) return false;
    entry.changed();
    this.count--;
    return true;
  }

  /** Discard every session cookie (those with `discard` set). */
  clearSessionCookies(): void {
    for (const [domain, path, name, cookie] of this.entries()) {
      if (cookie.discard) this.deleteIfPresent(domain, path, name, cookie);
    }
  }

  /**
   * Discard every expired cookie (expires <= the clock's time). Uses the expiry heap: the cost is
   * that of the expired cookies, not of the jar.
   */
  clearExpiredCookies(): void {
    const now = this.clock();
    // this.expiryHeap() each time: re-filing an entry below may rebuild the heap.
    for (let top = this.expiryHeap()[0]; top !== undefined && top.expires <= now; top = this.expiryHeap()[0]) {
      popHeap(this.expiryHeap());
      const live = this.tree.get(top.domain)?.get(top.path)?.get(top.name) === top.cookie;
      if (!live) continue;
      // An entry for an older expiry is stale (a rebuilt heap holds the current one).
      if (top.cookie.expires === top.expires) this.deleteIfPresent(top.domain, top.path, top.name, top.cookie);
    }
  }

  // --- reading responses -------------------------------------------------------------------------

  /** Python's `make_cookies`: the cookies of a response, before the policy's set checks. */
  makeCookies(response: CookieResponse, request: CookieRequest): Cookie[] {
    return this.makeSlots(response, request).candidates.map((slot) => slot.cookie).filter((cookie) => cookie !== undefined);
  }

  /**
   * Python's `extract_cookies`, returning what it did: one decision per cookie of every Set-Cookie
   * and Set-Cookie2 line (at least one per line), in the order of the lines. Never throws.
   */
  extractCookies(response: CookieResponse, request: CookieRequest): CookieDecision[] {
    const { slots, candidates } = this.makeSlots(response, request);
    for (const slot of candidates) {
      const cookie = slot.cookie;
      if (cookie === undefined) continue;
      const refused = this.checkSet(cookie, request);
      if (refused === null) {
        this.setCookie(cookie);
        slot.decision = { cookie, accepted: true, header: slot.line.value };
      } else {
        slot.decision = refusedDecision(cookie, refused, slot.line.value);
      }
    }
    // In the order of the lines: the slots are, unless Set-Cookie2 lines came after Set-Cookie ones
    // (make_cookies reads the Set-Cookie2 lines first); then a stable sort by line puts them back.
    let inOrder = true;
    for (let i = 1; i < slots.length && inOrder; i++) inOrder = (slots[i - 1] as Slot).line.line <= (slots[i] as Slot).line.line;
    const ordered = inOrder ? slots : slots.map((slot, index) => ({ slot, index }))
      .sort((a, b) => a.slot.line.line - b.slot.line.line || a.index - b.index).map(({ slot }) => slot);
    const decisions: CookieDecision[] = [];
    for (const slot of ordered) {
      decisions.push(slot.decision ?? refusedDecision(
        standIn(slot, request), refusal('set.header.error', { headerName: slot.line.name, error: 'internal: no decision' }), slot.line.value));
    }
    return decisions;
  }

  /** The policy's set check, explained; a policy that throws refuses (Python would raise). */
  private checkSet(cookie: Cookie, request: CookieRequest): Refusal | null {
    const policy = this.policyInUse;
    try {
      if (policy.explainSetOk !== undefined && policy.setOk === DefaultCookiePolicy.prototype.setOk) {
        return policy.explainSetOk(cookie, request);
      }
      if (policy.setOk(cookie, request)) return null;
      return policy.explainSetOk?.(cookie, request) ?? refusal('set.policy', { name: cookie.name });
    } catch (error) {
      return refusal('set.policy.error', { name: cookie.name, error: describeError(error) });
    }
  }

  /**
   * make_cookies with provenance: every cookie header line becomes slots (one per cookie it holds),
   * each ending as a candidate cookie or with a decision. Side effects (expired cookies deleting
   * stored ones) happen in Python's order.
   */
  private makeSlots(response: CookieResponse, request: CookieRequest): { slots: Slot[]; candidates: Slot[] } {
    const rfc2965Lines: HeaderLine[] = [];
    const nsLines: HeaderLine[] = [];
    let line = 0;
    const headers = response.headers;
    // An array (as responses mostly come) by index: no iterator, and no destructuring of each pair.
    const list: readonly (readonly [string, string])[] = Array.isArray(headers) ? headers as readonly (readonly [string, string])[] : [...headers];
    for (let i = 0; i < list.length; i++) {
      const header = list[i] as readonly [string, string];
      const name = header[0];
      const lower = name === 'Set-Cookie' ? 'set-cookie' : name.toLowerCase();
      if (lower === 'set-cookie2') rfc2965Lines.push({ name: 'Set-Cookie2', value: header[1], line: line++ });
      else if (lower === 'set-cookie') nsLines.push({ name: 'Set-Cookie', value: header[1], line: line++ });
    }
    const clockTime = this.clock();
    const now = Math.floor(clockTime);
    this.policyInUse.now = now;
    const policy = this.policyInUse;
    const slots: Slot[] = [];
    const { rfc2965, netscape } = policy;
    if ((rfc2965Lines.length === 0 && nsLines.length === 0) || (nsLines.length === 0 && !rfc2965) ||
        (rfc2965Lines.length === 0 && !netscape) || (!netscape && !rfc2965)) {
      // Python's quick exit: no relevant cookie headers.
      for (const headerLine of rfc2965Lines) slots.push(refusedLine(headerLine, 'set.header.rfc2965-disabled', request));
      for (const headerLine of nsLines) slots.push(refusedLine(headerLine, 'set.header.netscape-disabled', request));
      return { slots, candidates: [] };
    }

    const candidates: Slot[] = [];
    if (rfc2965Lines.length > 0) {
      for (const slot of this.cookiesFromLines(rfc2965Lines, true, request, now, clockTime)) {
        slots.push(slot);
        if (slot.cookie !== undefined) candidates.push(slot);
      }
    }
    const rfc2965Count = candidates.length;
    if (nsLines.length > 0 && netscape) {
      for (const slot of this.cookiesFromLines(nsLines, false, request, now, clockTime)) {
        slots.push(slot);
        if (slot.cookie !== undefined) candidates.push(slot);
      }
      this.processRfc2109Cookies(candidates, rfc2965Count);
      if (rfc2965 && rfc2965Count > 0) {
        // RFC 2965 section 9.1: a Set-Cookie2 cookie hides the Set-Cookie one with the same key.
        const lookup = new Set(candidates.slice(0, rfc2965Count).map(({ cookie }) => cookieKey(cookie)));
        let kept = rfc2965Count;
        for (let i = rfc2965Count; i < candidates.length; i++) {
          const slot = candidates[i] as Slot;
          const cookie = slot.cookie;
          if (cookie !== undefined && lookup.has(cookieKey(cookie))) {
            slot.decision = refusedDecision(cookie, refusal('set.netscape.hidden-by-cookie2', { name: cookie.name, domain: cookie.domain, path: cookie.path }), slot.line.value);
            slot.cookie = undefined;
          } else {
            candidates[kept++] = slot;
          }
        }
        candidates.length = kept;
      }
    } else {
      for (const headerLine of nsLines) slots.push(refusedLine(headerLine, 'set.header.netscape-disabled', request));
    }
    return { slots, candidates };
  }

  /**
   * Python's `_cookies_from_attrs_set` over one kind of header, inside make_cookies' catch-all: an
   * exception anywhere drops every cookie of these lines that is not already decided.
   */
  private cookiesFromLines(lines: readonly HeaderLine[], rfc2965: boolean, request: CookieRequest, now: number, clockTime: number): Slot[] {
    const slots: Slot[] = [];
    let parsedLines = 0;
    try {
      const dateOptions = { now: clockTime };
      for (const headerLine of lines) {
        // split_header_words gives a list per cookie of the line; parse_ns_headers one or none.
        if (rfc2965) {
          const lists = splitHeaderWords([headerLine.value]);
          if (lists.length === 0) slots.push(noCookieLine(headerLine, request));
          for (const pairs of lists) slots.push(new Slot(headerLine, pairs.flat()));
        } else {
          const attrs = parseNsHeader(headerLine.value, dateOptions);
          slots.push(attrs.length === 0 ? noCookieLine(headerLine, request) : new Slot(headerLine, attrs));
        }
        parsedLines++;
      }
      for (const slot of this.normalizedCookieTuples(slots, request, now)) this.cookieFromCookieTuple(slot, request, now);
    } catch (error) {
      const headerName = lines[0]?.name ?? 'Set-Cookie';
      const failed = refusal('set.header.error', { headerName, error: describeError(error) });
      for (const headerLine of lines.slice(parsedLines)) slots.push(new Slot(headerLine, null));
      for (const slot of slots) {
        if (slot.decision !== undefined) continue;
        slot.decision = refusedDecision(slot.cookie ?? standIn(slot, request), failed, slot.line.value);
        slot.cookie = undefined;
      }
    }
    return slots;
  }

  /** Python's `_normalized_cookie_tuples`: standard attributes apart, Max-Age made absolute; bad cookies dropped. */
  private normalizedCookieTuples(slots: readonly Slot[], request: CookieRequest, now: number): Slot[] {
    const tuples: Slot[] = [];
    for (const slot of slots) {
      const attrs = slot.attrs;
      if (attrs === null || slot.decision !== undefined || attrs.length === 0) continue;
      const name = attrs[0] as string;
      const value = attrs[1] === null || attrs[1] === undefined ? null : String(attrs[1]);
      let maxAgeSet = false;
      let bad: Refusal | null = null;
      const standard = new StandardAttrs();
      let rest: Map<string, string | null> | null = null;
      for (let i = 2; i < attrs.length; i += 2) {
        const key = attrs[i] as string;
        const attrValue = attrs[i + 1] ?? null;
        // Don't lose case distinction for unknown fields.
        const lc = standardAttrName(key);
        let k = lc ?? key;
        let v: StandardValue = attrValue;
        if ((k === 'discard' || k === 'secure') && v === null) v = true; // a bare "secure": present without a value
        if (lc !== null && lc !== 'max-age' && standard.has(lc)) continue; // only the first value is significant
        if (k === 'domain') {
          if (v === null) {
            bad = refusal('set.domain.missing-value', { name });
            break;
          }
          v = String(v).toLowerCase(); // RFC 2965 section 3.3.3
        }
        if (k === 'expires') {
          if (maxAgeSet) continue; // prefer Max-Age to Expires, like Mozilla
          if (v === null) continue; // missing or invalid: a session cookie
        }
        if (k === 'max-age') {
          maxAgeSet = true;
          if (typeof v !== 'string') throw new TypeError("int() argument must be a string, a bytes-like object or a real number, not 'NoneType' (a Max-Age attribute without a value)");
          // Python's int, exact: a plain number where that is exact (up to 15 digits), else a bigint.
          const small = asciiInteger(v, 0, v.length);
          const seconds = small ?? parsePythonInt(v);
          if (seconds === null) {
            bad = refusal('set.max-age.invalid', { name, maxAge: v });
            break;
          }
          k = 'expires';
          v = typeof seconds === 'number' ? now + seconds : BigInt(now) + seconds;
        }
        if (lc !== null) {
          if (v === null && k !== 'port' && k !== 'comment' && k !== 'commenturl') {
            bad = refusal('set.attribute.missing-value', { name, attribute: k });
            break;
          }
          standard.set(k as StandardName, v);
        } else {
          (rest ??= new Map()).set(k, v === null ? null : String(v));
        }
      }
      if (bad !== null) {
        slot.decision = refusedDecision(standIn(slot, request), bad, slot.line.value);
        continue;
      }
      slot.name = name;
      slot.value = value;
      slot.standard = standard;
      slot.rest = rest;
      tuples.push(slot);
    }
    return tuples;
  }

  /** Python's `_cookie_from_cookie_tuple`: defaults from the request; an expired cookie deletes instead. */
  private cookieFromCookieTuple(slot: Slot, request: CookieRequest, now: number): void {
    const { name, value, rest } = slot;
    const standard = slot.standard as StandardAttrs;
    const header = slot.line.value;
    let version: number | null = null;
    const rawVersion = standard.version;
    if (rawVersion !== undefined && rawVersion !== null) {
      const text = String(rawVersion);
      const parsed = asciiInteger(text, 0, text.length) ?? parsePythonInt(text);
      if (parsed === null) {
        slot.decision = refusedDecision(standIn(slot, request), refusal('set.version.invalid', { name, version: text }), header);
        return;
      }
      version = Number(parsed);
    }
    const secure = isTruthy(standard.secure);
    let discard = isTruthy(standard.discard);
    const comment = stringOrNull(standard.comment);
    const commentUrl = stringOrNull(standard.commenturl);

    const specifiedPath = standard.path;
    let path: string;
    let pathSpecified: boolean;
    if (specifiedPath !== undefined && specifiedPath !== '') {
      pathSpecified = true;
      path = escapePath(String(specifiedPath));
    } else {
      pathSpecified = false;
      path = requestPath(request);
      let i = path.length - 1; // path.rfind("/"), by hand: lastIndexOf is a runtime call
      while (i >= 0 && path.charCodeAt(i) !== 0x2f) i--;
      if (i !== -1) path = version === 0 ? path.slice(0, i) : path.slice(0, i + 1); // Netscape parts company from the spec here
      if (path.length === 0) path = '/';
    }

    const specifiedDomain = standard.domain;
    const domainSpecified = specifiedDomain !== undefined;
    let domain: string;
    let domainInitialDot = false;
    if (specifiedDomain === undefined) {
      domain = request.hostNames().erhn; // eff_request_host(request)[1]
    } else {
      domain = String(specifiedDomain);
      domainInitialDot = domain.startsWith('.');
      if (!domainInitialDot) domain = `.${domain}`;
    }

    let port: string | null = null;
    let portSpecified = false;
    const specifiedPort = standard.port;
    if (specifiedPort !== undefined) {
      if (specifiedPort === null) {
        // A bare Port: the request port, and the cookie only goes back to that port.
        port = requestPort(request);
      } else {
        portSpecified = true;
        port = String(specifiedPort).replace(PY_WHITESPACE_RUN, '');
      }
    }

    const rawExpires = standard.expires;
    let expires: number | null = null;
    if (rawExpires === undefined) {
      discard = true;
    } else {
      if (typeof rawExpires !== 'number' && typeof rawExpires !== 'bigint') {
        // Set-Cookie2's Expires stays a string in Python and fails its comparison with the clock.
        throw new TypeError(`'<=' not supported between instances of 'str' and 'int' (Expires=${String(rawExpires)} in a Set-Cookie2 header)`);
      }
      const expired = typeof rawExpires === 'bigint' ? rawExpires <= BigInt(now) : rawExpires <= now;
      expires = Number(rawExpires);
      if (expired) {
        // An expiry in the past asks to delete the cookie; the policy cannot do that, the jar does.
        // Python calls self.clear(domain, path, name) and ignores its KeyError. Without an override
        // of clear, the cookie is removed without building an error for the cookie that is not there
        // (most of them: a Max-Age=0 or past Expires line usually deletes nothing).
        let deleted: boolean;
        if (this.clear === CookieJar.prototype.clear) {
          deleted = this.removeCookie(domain, path, name);
        } else {
          deleted = true;
          try {
            this.clear(domain, path, name);
          } catch {
            deleted = false;
          }
        }
        let shown: Cookie;
        try {
          shown = new Cookie(cookieInit(version, name, value, port, portSpecified, domain, domainSpecified, domainInitialDot, path, pathSpecified, secure,
            Number.isFinite(expires) ? expires : null, discard, comment, commentUrl));
          if (rest !== null) adoptNonstandardAttrs(shown, rest);
        } catch {
          shown = standIn(slot, request);
        }
        slot.decision = refusedDecision(shown,
          refusal('set.expired', { name, domain, path, expires: Number.isFinite(expires) ? expires : now, now, deleted }), header);
        return;
      }
    }
    const cookie = new Cookie(cookieInit(version, name, value, port, portSpecified, domain, domainSpecified, domainInitialDot, path, pathSpecified,
      secure, expires, discard, comment, commentUrl));
    if (rest !== null) adoptNonstandardAttrs(cookie, rest);
    slot.cookie = cookie;
  }

  /** Python's `_process_rfc2109_cookies`: version 1 Set-Cookie cookies are RFC 2109 ones. */
  private processRfc2109Cookies(slots: readonly Slot[], from: number): void {
    const asNetscape = this.policyInUse.rfc2109AsNetscape ?? !this.policyInUse.rfc2965;
    for (let i = from; i < slots.length; i++) {
      const cookie = (slots[i] as Slot).cookie;
      if (cookie?.version !== 1) continue;
      cookie.rfc2109 = true;
      // Treat RFC 2109 cookies as Netscape cookies rather than as RFC 2965 ones. (The cookie is new:
      // setting its version is not a change to a stored cookie.)
      if (asNetscape) setNewCookieVersion(cookie, 0);
    }
  }

  // --- writing requests --------------------------------------------------------------------------

  /**
   * Python's `add_cookie_header`: set the Cookie header (and Cookie2 when RFC 2965 is on) on the
   * request, unless it has one; then discard expired cookies.
   */
  addCookieHeader(request: CookieRequest): void {
    const policy = this.policyInUse;
    const now = this.now();
    policy.now = now;
    // The domain keys the request can match, looked up once for either route (null: walk them all).
    const entries = this.usesDefaultDomainCheck() ? this.candidateDomains(request) : null;
    // (entries are non-null only under DefaultCookiePolicy's own domain checks.)
    let attrs = entries !== null && usesDefaultChecks(policy) ? this.plainCookieHeader(policy, now, request, entries) : undefined;
    // Plain cookies are all version 0, so any of them is one that is not version 1.
    let anyNotVersion1 = attrs !== undefined && attrs.length > 0;
    if (attrs === undefined) {
      const cookies = this.cookiesForRequest(request, entries);
      attrs = cookieAttrs(cookies);
      anyNotVersion1 = cookies.some((cookie) => cookie.version !== 1);
    }
    if (attrs.length > 0 && !request.hasHeader('Cookie')) request.addUnredirectedHeader('Cookie', attrs.join('; '));
    // If necessary, advertise that we know RFC 2965.
    if (policy.rfc2965 && !policy.hideCookie2 && !request.hasHeader('Cookie2') && anyNotVersion1) {
      request.addUnredirectedHeader('Cookie2', '$Version="1"');
    }
    this.clearExpiredCookies();
  }

  /**
   * For every cookie of the request's site (its domain is one the request host can match, or it
   * shares the host's last two labels): whether addCookieHeader would send it, and if not, which
   * check refused it (domainReturnOk, pathReturnOk, returnOk, in Python's order). Changes nothing
   * but the policy's clock.
   */
  explainCookieHeader(request: CookieRequest): CookieDecision[] {
    const policy = this.policyInUse;
    policy.now = this.now();
    const hasCookieHeader = request.hasHeader('Cookie');
    const site = new Set(this.candidateDomains(request).map((entry) => entry.domain));
    for (const key of this.siteIndex().get(siteKey(requestHost(request))) ?? []) site.add(key);
    // With a policy of its own, a cookie outside the site may be sent too: then walk every domain.
    const domains = this.usesDefaultDomainCheck() ? this.inDomainOrder(site) : [...this.tree.keys()];
    const decisions: CookieDecision[] = [];
    for (const domain of domains) {
      const byPath = this.tree.get(domain);
      if (byPath === undefined) continue;
      const domainRefusal = this.checkReturn(() => this.explainDomain(domain, request), domain);
      for (const [path, byName] of byPath) {
        const pathRefusal = domainRefusal ?? this.checkReturn(() => this.explainPath(path, request), path);
        for (const cookie of byName.values()) {
          let refused = pathRefusal ?? this.checkReturn(() => this.explainReturn(cookie, request), cookie.name);
          if (refused === null && hasCookieHeader) refused = refusal('return.header.present', { name: cookie.name });
          if (refused === null) decisions.push({ cookie, accepted: true });
          else if (site.has(domain)) decisions.push(refusedDecision(cookie, refused));
        }
      }
    }
    return decisions;
  }

  private explainDomain(domain: string, request: CookieRequest): Refusal | null {
    const policy = this.policyInUse;
    if (policy.domainReturnOk(domain, request)) return null;
    return policy.explainDomainReturnOk?.(domain, request) ?? refusal('return.domain.policy', { domain });
  }

  private explainPath(path: string, request: CookieRequest): Refusal | null {
    const policy = this.policyInUse;
    if (policy.pathReturnOk(path, request)) return null;
    return policy.explainPathReturnOk?.(path, request) ?? refusal('return.path.policy', { path });
  }

  private explainReturn(cookie: Cookie, request: CookieRequest): Refusal | null {
    const policy = this.policyInUse;
    if (policy.returnOk(cookie, request)) return null;
    return policy.explainReturnOk?.(cookie, request) ?? refusal('return.policy', { name: cookie.name });
  }

  /** Runs a return check; a check that throws refuses (Python would raise out of add_cookie_header). */
  private checkReturn(check: () => Refusal | null, name: string): Refusal | null {
    try {
      return check();
    } catch (error) {
      return refusal('return.policy.error', { name, error: describeError(error) });
    }
  }

  /** Python's `_cookies_for_request` over the candidate domain entries, or over every domain key when they are null (a policy's own domainReturnOk). */
  private cookiesForRequest(request: CookieRequest, entries: readonly DomainEntry[] | null): Cookie[] {
    if (entries === null) return this.cookiesForRequestFullWalk(request);
    for (const entry of entries) prefetchCookies(entry.pathsAndCookies());
    const cookies: Cookie[] = [];
    for (const entry of entries) this.cookiesForDomain(entry, request, cookies);
    return cookies;
  }

  /**
   * The Cookie header's parts as cookiesForRequest and cookieAttrs would give them, read from what
   * the candidate domains keep of their plain cookies (DomainEntry.isPlain), without reading a
   * Cookie: each of DefaultCookiePolicy's return checks is the same for every plain cookie of a
   * domain, or decided by the domain's soonest expiry, secure and host-only flags. Undefined (ask
   * each cookie) when a domain is not plain, or when a check could refuse some of its cookies and
   * not others: one has expired, a secure one on an insecure request, a host-only one under strict
   * non-domain checks.
   */
  private plainCookieHeader(policy: DefaultCookiePolicy, now: number, request: CookieRequest, entries: readonly DomainEntry[]): string[] | undefined {
    for (const entry of entries) if (!entry.isPlain()) return undefined;
    prefetchPlain(entries);
    // returnOk's request-wide checks: version 0 (netscape), verifiability.
    if (!policy.netscape) return [];
    if (policy.strictNsUnverifiable && request.unverifiable && isThirdParty(request)) return [];
    const { erhn, dotErhn } = request.hostNames();
    const secureOk = policy.secureProtocols.includes(request.type);
    const strictNonDomain = (policy.strictNsDomain & DefaultCookiePolicy.DomainStrictNonDomain) !== 0;
    // The passing paths' runs of cookies, in the jar's order: [Python length of the path, parts joined].
    const runs: (number | string)[] = [];
    let sorted = true;
    let lastLength = Infinity;
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e] as DomainEntry;
      if (!domainPasses(policy, entry.domain, request)) continue;
      if ((entry.soonestExpiry !== null && entry.soonestExpiry <= now) || (entry.anySecure && !secureOk) || (strictNonDomain && entry.anyHostOnly && entry.domain !== erhn)) return undefined;
      // returnOk's domain check for version 0 cookies: the same for every cookie of the domain.
      if (!endsWithDotted(dotErhn, entry.domain)) continue;
      const items = entry.plainItems ?? [];
      for (let i = 0; i < items.length; i += 3) {
        const length = items[i + 1] as number;
        if (pathPasses(policy, items[i] as string, request)) {
          runs.push(length, items[i + 2] as string);
          if (length > lastLength) sorted = false;
          lastLength = length;
        }
      }
    }
    const parts: string[] = [];
    if (sorted) {
      for (let r = 1; r < runs.length; r += 2) parts.push(runs[r] as string);
      return parts;
    }
    // cookieAttrs' stable sort, longest path first: a run's cookies share their path, so sorting
    // the runs sorts the cookies. An insertion sort: a request has a few runs, and
    // Array.prototype.sort allocates its work space on every call.
    const lengths: number[] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const length = runs[r] as number;
      let at = parts.length;
      for (; at > 0 && (lengths[at - 1] ?? 0) < length; at--) {
        parts[at] = parts[at - 1] ?? '';
        lengths[at] = lengths[at - 1] ?? 0;
      }
      parts[at] = runs[r + 1] as string;
      lengths[at] = length;
    }
    return parts;
  }

  /** Python's algorithm as written: every domain key of the jar. Kept for custom policies, and to test the index against. */
  private cookiesForRequestFullWalk(request: CookieRequest): Cookie[] {
    const cookies: Cookie[] = [];
    for (const domain of [...this.tree.keys()]) {
      const entry = this.domains.get(domain);
      if (entry !== undefined) this.cookiesForDomain(entry, request, cookies);
    }
    return cookies;
  }

  /** Python's `_cookies_for_domain`: the domain check, then each path's check, then each cookie's. */
  private cookiesForDomain(entry: DomainEntry, request: CookieRequest, out: Cookie[]): void {
    const policy = this.policyInUse;
    if (!domainPasses(policy, entry.domain, request)) return;
    let pathOk = false;
    for (const item of entry.pathsAndCookies()) {
      if (typeof item === 'string') pathOk = pathPasses(policy, item, request);
      else if (pathOk && cookiePasses(policy, item, request)) out.push(item);
    }
  }

  /**
   * Whether the policy's domainReturnOk is DefaultCookiePolicy's, which refuses every domain key
   * that is not a dot-suffix of the request host: then only those keys need to be looked at.
   */
  private usesDefaultDomainCheck(): boolean {
    const policy = this.policyInUse;
    return policy.domainReturnOk === DEFAULT_DOMAIN_RETURN_OK && policy.explainDomainReturnOk === DEFAULT_EXPLAIN_DOMAIN_RETURN_OK;
  }

  /**
   * The domain keys of the jar that DefaultCookiePolicy.domainReturnOk's suffix check can accept,
   * in the jar's order: "" and, for every dot of "." + host (and of "." + erhn), the suffix from
   * that dot, with and without the dot. Both of those are in the group named by the text after the
   * dot, and so is every other member of that group (".x" and "x"), except that group "" also
   * holds ".", which only a host ending in a dot can match.
   */
  private candidateDomains(request: CookieRequest): DomainEntry[] {
    const { dottedReqHost, dottedErhn } = request.hostNames();
    const groups = this.groupIndex();
    const found: DomainEntry[] = [];
    const empty = this.emptyDomain;
    if (empty !== undefined) found.push(empty);
    for (let d = dottedErhn === dottedReqHost ? 1 : 0; d < 2; d++) {
      const dotted = d === 0 ? dottedErhn : dottedReqHost;
      // Right to left: at each dot, `hash` is the group hash of the text after it (see groupHash).
      let hash = GROUP_HASH_SEED;
      for (let i = dotted.length - 1; i >= 0; i--) {
        const code = dotted.charCodeAt(i);
        if (code === DOT) {
          const members = groups.get(hash);
          if (members instanceof DomainEntry) {
            if (isGroupOf(members.domain, dotted, i + 1) && !found.includes(members)) found.push(members);
          } else if (members !== undefined) {
            for (const entry of members) {
              if (isGroupOf(entry.domain, dotted, i + 1) && !found.includes(entry)) found.push(entry);
            }
          }
        }
        hash = groupHashStep(hash, code);
      }
    }
    // In the jar's order. An insertion sort: there are a few, and Array.prototype.sort allocates
    // its work space on every call.
    for (let i = 1; i < found.length; i++) {
      const entry = found[i] as DomainEntry;
      let at = i;
      while (at > 0 && (found[at - 1] as DomainEntry).seq > entry.seq) {
        found[at] = found[at - 1] as DomainEntry;
        at--;
      }
      found[at] = entry;
    }
    return found;
  }

  /** The stored ones of these domain keys, in the jar's (dict) order. */
  private inDomainOrder(keys: Iterable<string>): string[] {
    const entries: DomainEntry[] = [];
    for (const key of keys) {
      const entry = this.domains.get(key);
      if (entry !== undefined) entries.push(entry);
    }
    return entries.sort(bySeq).map((entry) => entry.domain);
  }

  // --- internals ---------------------------------------------------------------------------------

  /** Every stored cookie with its keys, in iteration order (a snapshot per level, like deepvalues). */
  private *entries(): Generator<[string, string, string, Cookie]> {
    for (const [domain, byPath] of [...this.tree]) {
      for (const [path, byName] of [...byPath]) {
        for (const [name, cookie] of [...byName]) yield [domain, path, name, cookie];
      }
    }
  }

  private deleteIfPresent(domain: string, path: string, name: string, cookie: Cookie): void {
    const entry = this.domains.get(domain);
    const byName = entry?.byPath.get(path);
    if (entry === undefined || byName?.get(name) !== cookie) return;
    byName.delete(name);
    entry.changed();
    this.count--;
  }

  private deleteDomain(domain: string, byPath: ByPath): void {
    for (const byName of byPath.values()) this.count -= byName.size;
    this.domains.delete(domain);
    if (domain === '') this.emptyDomain = undefined;
    this.lastEntry = undefined;
    this.domainGroups?.remove(domain);
    const site = siteKey(domain);
    const keys = this.sites?.get(site);
    keys?.delete(domain);
    if (keys?.size === 0) this.sites?.delete(site);
  }

  private pushExpiry(entry: ExpiryEntry): void {
    let heap = this.expiryHeap();
    // Replaced and deleted cookies leave stale entries: rebuild when they outnumber the live ones.
    if (heap.length > 2 * this.count + 1024) heap = this.rebuildHeap();
    pushHeap(heap, entry);
  }

  private rebuildHeap(): ExpiryEntry[] {
    const heap: ExpiryEntry[] = [];
    for (const [domain, byPath] of this.tree) {
      for (const [path, byName] of byPath) {
        for (const [name, cookie] of byName) {
          if (cookie.expires !== null) heap.push({ expires: cookie.expires, domain, path, name, cookie });
        }
      }
    }
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i); // Floyd's heap construction, O(n)
    this.heap = heap;
    this.heapBuiltAt = expiryChanges();
    return heap;
  }
}

/**
 * Python's `_cookie_attrs`: the Cookie header's parts, longest path first (a stable sort over the
 * jar's order), with `$Version`, `$Path`, `$Domain` and `$Port` for RFC 2965 cookies.
 */
function cookieAttrs(cookies: Cookie[]): string[] {
  cookies.sort((a, b) => pyLength(b.path) - pyLength(a.path));
  let versionSet = false;
  const attrs: string[] = [];
  for (const cookie of cookies) {
    // Python compares None > 0 and raises; a cookie without version is sent as a Netscape one.
    const version = cookie.version ?? 0;
    if (!versionSet) {
      versionSet = true;
      if (version > 0) attrs.push(`$Version=${version}`);
    }
    // Quote the value if necessary (not for Netscape cookies, which keep any quotes intact).
    const value = cookie.value !== null && version > 0 && NON_WORD.test(cookie.value) ? cookie.value.replace(QUOTE_RE, '\\$1') : cookie.value;
    attrs.push(cookie.value === null ? cookie.name : `${cookie.name}=${value ?? ''}`);
    if (version > 0) {
      if (cookie.pathSpecified) attrs.push(`$Path="${cookie.path}"`);
      if (cookie.domain.startsWith('.')) {
        const domain = cookie.domainInitialDot ? cookie.domain : cookie.domain.slice(1);
        attrs.push(`$Domain="${domain}"`);
      }
      if (cookie.port !== null) attrs.push(cookie.portSpecified ? `$Port="${cookie.port}"` : '$Port');
    }
  }
  return attrs;
}

function cookieKey(cookie: Cookie | undefined): string {
  return cookie === undefined ? '' : JSON.stringify([cookie.domain, cookie.path, cookie.name]);
}

function addToSite(sites: Map<string, Set<string>>, domain: string): void {
  const site = siteKey(domain);
  let keys = sites.get(site);
  if (keys === undefined) sites.set(site, keys = new Set());
  keys.add(domain);
}

/** The last two labels of a domain key or host (leading dots dropped), for "same site". */
function siteKey(domain: string): string {
  let start = 0;
  while (domain.charCodeAt(start) === 0x2e) start++;
  const last = domain.lastIndexOf('.');
  if (last < start) return domain.slice(start);
  const before = domain.lastIndexOf('.', last - 1);
  return domain.slice(before < start ? start : before + 1);
}

/** Python's len(): code points, so a surrogate pair counts once (a lone surrogate counts too). */
function pyLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

// The policy's return checks as _cookies_for_domain asks them; one that throws refuses (Python would raise out of add_cookie_header).

/**
 * DefaultCookiePolicy's return checks as this module found them: a policy that has them all (not a
 * subclass's own, nor the prototype's patched later) is one whose refusals plainCookieHeader knows.
 * The two domain checks are also what usesDefaultDomainCheck compares.
 */
const DEFAULT_DOMAIN_RETURN_OK: unknown = Reflect.get(DefaultCookiePolicy.prototype, 'domainReturnOk');
const DEFAULT_EXPLAIN_DOMAIN_RETURN_OK: unknown = Reflect.get(DefaultCookiePolicy.prototype, 'explainDomainReturnOk');
const DEFAULT_RETURN_CHECKS = ['returnOk', 'explainReturnOk', 'returnOkVersion', 'returnOkVerifiability', 'returnOkSecure',
  'returnOkExpires', 'returnOkPort', 'returnOkDomain', 'pathReturnOk', 'explainPathReturnOk'].map((name): [string, unknown] => [name, Reflect.get(DefaultCookiePolicy.prototype, name)]);

/** Whether the policy's return checks other than the domain ones (see usesDefaultDomainCheck) are DefaultCookiePolicy's own. */
function usesDefaultChecks(policy: CookiePolicy): policy is DefaultCookiePolicy {
  if (!(policy instanceof DefaultCookiePolicy)) return false;
  for (const [name, check] of DEFAULT_RETURN_CHECKS) if (Reflect.get(policy, name) !== check) return false;
  return true;
}

function domainPasses(policy: CookiePolicy, domain: string, request: CookieRequest): boolean {
  try {
    return policy.domainReturnOk(domain, request);
  } catch {
    return false;
  }
}

function pathPasses(policy: CookiePolicy, path: string, request: CookieRequest): boolean {
  try {
    return policy.pathReturnOk(path, request);
  } catch {
    return false;
  }
}

function cookiePasses(policy: CookiePolicy, cookie: Cookie, request: CookieRequest): boolean {
  try {
    return policy.returnOk(cookie, request);
  } catch {
    return false;
  }
}

/**
 * Reads what a request will read of each candidate domain (its path keys and Cookie header runs),
 * in a loop short enough for the CPU to fetch them all at once: in a large jar each is a cache
 * miss, and met one at a time, between the path checks and in the header's join, they were a
 * fifth of a request's cost at 100,000 cookies.
 */
function prefetchPlain(entries: readonly DomainEntry[]): void {
  let sum = 0;
  for (const entry of entries) {
    const items = entry.plainItems ?? [];
    for (let i = 0; i < items.length; i += 3) sum += (items[i] as string).length + (items[i + 2] as string).length;
  }
  _prefetched = sum;
}

/** Written only so that prefetchCookies' reads are not optimised away. */
let _prefetched = 0;

/**
 * Reads the fields of each cookie that the return checks and the Cookie header read (the domain
 * check compares the domain's end), in a loop short enough for the CPU to fetch many cookies at
 * once. In a large jar each cookie and each of its strings is a cache miss; met one check at a
 * time, they made a request at 100,000 cookies more than twice as slow as at 1,000 (the bench's
 * target is within 2x). Called for all of a request's domains before any check.
 */
function prefetchCookies(items: readonly (string | Cookie)[]): void {
  let sum = 0;
  for (const item of items) {
    if (typeof item !== 'string') sum += item.domain.charCodeAt(item.domain.length - 1) + item.path.length + item.name.length + (item.value?.length ?? 0);
  }
  _prefetched = sum;
}

const DOT = 0x2e;
const GROUP_HASH_SEED = 0x811c9dc5 | 0;
const GROUP_HASH_MASK = 0x3fffffff;

/** One step of FNV-1a, fed a domain's characters from its end. */
function groupHashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/**
 * The hash of a domain key's group (the key without one leading dot): ".x" and "x" hash alike. It
 * is computed from the end, so a request hashes all the suffixes of its host in one pass without
 * slicing them; a small integer, so a lookup compares numbers, not strings (in a large jar each
 * string compared was a cache miss). Members are checked with isGroupOf: hashes may collide.
 */
function groupHash(domain: string): number {
  const start = domain.charCodeAt(0) === DOT ? 1 : 0;
  let hash = GROUP_HASH_SEED;
  for (let i = domain.length - 1; i >= start; i--) hash = groupHashStep(hash, domain.charCodeAt(i));
  return hash & GROUP_HASH_MASK;
}

/** Whether the domain key `domain`, without one leading dot, is `text.slice(start)` (compared in place). */
function isGroupOf(domain: string, text: string, start: number): boolean {
  if (domain.charCodeAt(0) !== DOT) return domain.length === text.length - start && text.startsWith(domain, start);
  return domain.length - 1 === text.length - start && start > 0 && text.charCodeAt(start - 1) === DOT && text.startsWith(domain, start - 1);
}

/** The domain entries by group hash (see groupHash), for candidateDomains. */
class DomainGroups {
  private readonly members = new Map<number, GroupMembers>();
  /**
   * One bit per group hash (modulo its size), set for every group added: most suffixes of a host
   * ("com", ...) are no group, and the bit tells without a lookup in the map (in a large jar a
   * lookup is a few cache misses; these 32 KB stay in cache). Never cleared: a stale bit costs
   * one lookup.
   */
  private readonly seen = new Uint32Array(GROUP_FILTER_BITS / 32);

  /** The entries of the group with this hash (unmasked, as candidateDomains computes it). */
  get(hash: number): GroupMembers | undefined {
    const key = hash & GROUP_HASH_MASK;
    if (((this.seen[(key >>> 5) & (GROUP_FILTER_BITS / 32 - 1)] ?? 0) & (1 << (key & 31))) === 0) return undefined;
    return this.members.get(key);
  }

  add(entry: DomainEntry): void {
    const key = groupHash(entry.domain);
    const word = (key >>> 5) & (GROUP_FILTER_BITS / 32 - 1);
    this.seen[word] = (this.seen[word] ?? 0) | (1 << (key & 31));
    const members = this.members.get(key);
    if (members === undefined) this.members.set(key, entry);
    else if (members instanceof DomainEntry) this.members.set(key, [members, entry]);
    else members.push(entry);
  }

  remove(domain: string): void {
    const key = groupHash(domain);
    const members = this.members.get(key);
    if (members === undefined) return;
    const rest = (members instanceof DomainEntry ? [members] : members).filter((entry) => entry.domain !== domain);
    if (rest.length === 0) this.members.delete(key);
    else this.members.set(key, rest.length === 1 ? rest[0] as DomainEntry : rest);
  }
}

const GROUP_FILTER_BITS = 1 << 18;

function bySeq(a: DomainEntry, b: DomainEntry): number {
  return a.seq - b.seq;
}

function isTruthy(value: StandardValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'bigint') return value !== 0n;
  return Boolean(value);
}

function stringOrNull(value: StandardValue | undefined): string | null {
  return value === undefined || value === null ? null : String(value);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The CookieInit make_cookies fills for each cookie it builds (the Cookie copies the fields): not a new object per cookie. */
const SCRATCH_INIT: CookieInit = {
  version: 0, name: '', value: null, port: null, portSpecified: false, domain: '', domainSpecified: false, domainInitialDot: false,
  path: '', pathSpecified: false, secure: false, expires: null, discard: false, comment: null, commentUrl: null,
};

function cookieInit(
  version: number | null, name: string, value: string | null, port: string | null, portSpecified: boolean, domain: string, domainSpecified: boolean,
  domainInitialDot: boolean, path: string, pathSpecified: boolean, secure: boolean, expires: number | null, discard: boolean, comment: string | null,
  commentUrl: string | null,
): CookieInit {
  const init = SCRATCH_INIT;
  init.version = version;
  init.name = name;
  init.value = value;
  init.port = port;
  init.portSpecified = portSpecified;
  init.domain = domain;
  init.domainSpecified = domainSpecified;
  init.domainInitialDot = domainInitialDot;
  init.path = path;
  init.pathSpecified = pathSpecified;
  init.secure = secure;
  init.expires = expires;
  init.discard = discard;
  init.comment = comment;
  init.commentUrl = commentUrl;
  return init;
}

/** The slot of a header line refused as a whole (its kind of cookie is switched off). */
function refusedLine(headerLine: HeaderLine, rule: 'set.header.rfc2965-disabled' | 'set.header.netscape-disabled', request: CookieRequest): Slot {
  const slot = new Slot(headerLine, null);
  slot.decision = refusedDecision(standIn(slot, request), refusal(rule, { headerName: headerLine.name }), headerLine.value);
  return slot;
}

/** The slot of a header line that holds no cookie. */
function noCookieLine(headerLine: HeaderLine, request: CookieRequest): Slot {
  const slot = new Slot(headerLine, null);
  slot.decision = refusedDecision(standIn(slot, request), refusal('set.header.no-cookie', { headerName: headerLine.name, header: headerLine.value }), headerLine.value);
  return slot;
}

function refusedDecision(cookie: Cookie, refused: Refusal, header?: string): CookieDecision {
  const decision: CookieDecision = { cookie, accepted: false, rule: refused.rule, reason: refused.reason };
  if (header !== undefined) decision.header = header;
  return decision;
}

/**
 * A cookie to show for a header that gave none Python would keep: the name and value as far as
 * they can be read, the request's host and "/" for the rest.
 */
function standIn(slot: Slot, request: CookieRequest): Cookie {
  let name: string;
  let value: string | null;
  const attrs = slot.attrs;
  if (attrs !== null && attrs.length > 0) {
    name = attrs[0] as string;
    value = attrs[1] === null || attrs[1] === undefined ? null : String(attrs[1]);
  } else {
    const head = slot.line.value.split(slot.line.name === 'Set-Cookie2' ? /[;,]/ : /;/)[0] ?? '';
    const eq = head.indexOf('=');
    name = (eq >= 0 ? head.slice(0, eq) : head).trim();
    value = eq >= 0 ? head.slice(eq + 1).trim() : null;
  }
  const domain = effRequestHost(request)[1];
  return new Cookie({ version: null, name, value, port: null, portSpecified: false, domain, domainSpecified: false, domainInitialDot: false,
    path: '/', pathSpecified: false, secure: false, expires: null, discard: true, comment: null, commentUrl: null });
}

function pushHeap(heap: ExpiryEntry[], entry: ExpiryEntry): void {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent];
    if (p === undefined || p.expires <= entry.expires) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = entry;
}

function popHeap(heap: ExpiryEntry[]): void {
  const last = heap.pop();
  if (last === undefined || heap.length === 0) return;
  heap[0] = last;
  siftDown(heap, 0);
}

/** Moves heap[i] down to its place below i. */
function siftDown(heap: ExpiryEntry[], start: number): void {
  const last = heap[start];
  if (last === undefined) return;
  let i = start;
  const n = heap.length;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= n) break;
    const right = left + 1;
    const l = heap[left];
    const r = heap[right];
    if (l === undefined) break;
    const child = r !== undefined && r.expires < l.expires ? right : left;
    const c = child === right && r !== undefined ? r : l;
    if (c.expires >= last.expires) break;
    heap[i] = c;
    i = child;
  }
  heap[i] = last;
}
