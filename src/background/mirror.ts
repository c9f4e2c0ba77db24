// The mirrored jar of one cookie store: src/jar's CookieJar (Python's, unlimited) plus what the
// browser adds around its own store: cookies grouped by site (registrable domain), the least
// recently set first, and the limits of limits.ts enforced after every change. It knows which sites
// changed since they were last written, and gives each site's cookies as one storage record, so a
// change writes one site, never the whole jar.
//
// Every change of the jar goes through here (responses, import, delete, clear, load). The jar may
// also drop expired cookies by itself (Python's addCookieHeader does); the index then holds stale
// entries, which are recognised (the jar no longer holds that cookie) and dropped when met.
import { CookieJar, type Cookie, type CookieDecision, type CookiePolicy } from '../jar';
import { siteOf } from './cookies';
import { encodeCookie, type StoredCookie } from './codec';
import { Largest } from './largest';
import { DEFAULT_LIMITS, MIRROR_RULES, utf8Length, type MirrorLimits, type MirrorRule } from './limits';

/** A cookie the mirror evicted to stay within a limit: a decision of its own in the log. */
export interface Eviction { cookie: Cookie; site: string; rule: EvictionRule; reason: string }
type EvictionRule = Exclude<MirrorRule, 'mirror.name-value-too-long'>;

/**
 * One site's cookies as stored: in the jar's order, each with when it was last set (for LRU) and
 * the position of its domain in the jar's order of domains (so a restart restores Python's order
 * across sites too).
 */
export interface SiteRecord { cookies: StoredCookie[]; used: number[]; order: number[] }

/** A cookie to add, with its LRU time and, from a stored record, its domain's position. */
export interface AddedCookie { cookie: Cookie; used: number; order?: number }

interface Entry { readonly cookie: Cookie; readonly used: number; readonly bytes: number }
interface SiteState {
  readonly site: string;
  /** The site's domain keys -> their position in the jar's order of domains (the order the jar first saw them). */
  readonly domains: Map<string, number>;
  /** cookie key -> entry, least recently set first. */
  readonly lru: Map<string, Entry>;
  bytes: number;
}

const keyOf = (domain: string, path: string, name: string): string => `${domain}\t${path}\t${name}`;

export class JarMirror {
  readonly jar: CookieJar;
  /** Sites whose stored record is behind (set by every change; taken by the writer). */
  readonly dirty = new Set<string>();
  /** Cookies refused for their size and evicted for a limit (restored from the stored counters at load). */
  readonly counts = { refused: 0, evicted: 0 };
  private readonly sites = new Map<string, SiteState>();
  private readonly siteOfDomain = new Map<string, string>();
  private count = 0;
  private bytes = 0;
  private nextOrder = 0;
  /** The site with the most cookies, and the one using the most bytes, without a scan (largest.ts). */
  private readonly mostCookies = new Largest<SiteState>((state) => (this.sites.get(state.site) === state ? state.lru.size : 0), () => this.sites.values(), () => this.sites.size);
  private readonly mostBytes = new Largest<SiteState>((state) => (this.sites.get(state.site) === state ? state.bytes : 0), () => this.sites.values(), () => this.sites.size);

  constructor(policy: CookiePolicy, clock: () => number, private limits: MirrorLimits = { ...DEFAULT_LIMITS }) {
    this.jar = new CookieJar(policy, { now: clock });
  }

  get size(): number { return this.jar.size; }
  get storedBytes(): number { return this.bytes; }
  get siteCount(): number { return this.sites.size; }
  get currentLimits(): Readonly<MirrorLimits> { return this.limits; }

  /** New limits (the user's total); enforced at once. */
  setLimits(limits: MirrorLimits): Eviction[] {
    this.limits = { ...limits };
    const evictions: Eviction[] = [];
    for (const state of [...this.sites.values()]) this.enforceSite(state, evictions);
    this.enforceTotals(evictions);
    return evictions;
  }

  /** The site (registrable domain) a cookie domain belongs to, remembered per domain key. */
  siteOf(domain: string): string {
    let site = this.siteOfDomain.get(domain);
    if (site === undefined) {
      site = siteOf(domain);
      if (this.siteOfDomain.size > 100_000) this.siteOfDomain.clear();
      this.siteOfDomain.set(domain, site);
    }
    return site;
  }

  /** Follows what extractCookies did (`now`: ms, the LRU time), then enforces the limits. */
  noteDecisions(decisions: readonly CookieDecision[], now: number): Eviction[] {
    const touched = new Set<SiteState>();
    for (const decision of decisions) {
      const { cookie } = decision;
      if (decision.accepted) {
        touched.add(this.noteSet(cookie, now));
      } else if (decision.rule === 'set.expired') {
        // An expired cookie deletes its namesake (Python's make_cookies): gone from the jar already.
        this.noteGone(cookie.domain, cookie.path, cookie.name);
      } else if (decision.rule === 'mirror.name-value-too-long') {
        this.counts.refused++;
      }
    }
    const evictions: Eviction[] = [];
    for (const state of touched) this.enforceSite(state, evictions);
    this.enforceTotals(evictions);
    return evictions;
  }

  /** Adds cookies (import, a stored record) without the policy; the size limit still holds. Returns what was refused and evicted. */
  add(cookies: Iterable<AddedCookie>, options: { dirty: boolean }): { refused: Cookie[]; evictions: Eviction[] } {
    const refused: Cookie[] = [];
    const touched = new Set<SiteState>();
    for (const { cookie, used, order } of cookies) {
      const bytes = utf8Length(cookie.name) + utf8Length(cookie.value ?? '');
      if (bytes > this.limits.nameValueBytes) { refused.push(cookie); this.counts.refused++; continue; }
      this.jar.setCookie(cookie);
      touched.add(this.noteSet(cookie, used, options.dirty, order));
    }
    const evictions: Eviction[] = [];
    for (const state of touched) this.enforceSite(state, evictions);
    this.enforceTotals(evictions);
    return { refused, evictions };
  }

  /** Removes one cookie; throws the jar's CookieNotFoundError when there is none. */
  remove(domain: string, path: string, name: string): void {
    this.jar.clear(domain, path, name);
    this.noteGone(domain, path, name);
  }

  /** Removes one cookie if the jar holds it; says whether it did. */
  removeIfPresent(domain: string, path: string, name: string): boolean {
    if (this.jar.cookieTree().get(domain)?.get(path)?.has(name) !== true) return false;
    this.remove(domain, path, name);
    return true;
  }

  /** The jar's cookies of one site, in the jar's order. */
  cookiesOf(site: string): Cookie[] {
    const state = this.sites.get(site);
    if (state === undefined) return [];
    const out: Cookie[] = [];
    const tree = this.jar.cookieTree();
    for (const domain of state.domains.keys()) {
      for (const byName of tree.get(domain)?.values() ?? []) for (const cookie of byName.values()) out.push(cookie);
    }
    return out;
  }

  /** Removes every cookie of one site, or of every site; returns how many. */
  clear(site?: string): number {
    if (site === undefined) {
      const removed = this.jar.size;
      for (const known of this.sites.keys()) this.dirty.add(known);
      this.jar.clear();
      this.sites.clear();
      this.mostCookies.clear();
      this.mostBytes.clear();
      this.count = 0;
      this.bytes = 0;
      return removed;
    }
    let removed = 0;
    for (const cookie of this.cookiesOf(site)) { this.remove(cookie.domain, cookie.path, cookie.name); removed++; }
    return removed;
  }

  /** Every site the mirror has cookies (or had, not yet written) of. */
  knownSites(): string[] {
    return [...new Set([...this.sites.keys(), ...this.dirty])];
  }

  /** Marks every site as changed (the storage layout changed: persistence switched on or off). */
  markAllDirty(): void {
    for (const site of this.sites.keys()) this.dirty.add(site);
  }

  /** One site's record: its cookies in the jar's order with their LRU times; empty when it has none. */
  record(site: string): SiteRecord {
    const state = this.sites.get(site);
    const record: SiteRecord = { cookies: [], used: [], order: [] };
    if (state === undefined) return record;
    const tree = this.jar.cookieTree();
    for (const [domain, order] of state.domains) {
      for (const [path, byName] of tree.get(domain) ?? []) {
        for (const [name, cookie] of byName) {
          record.cookies.push(encodeCookie(cookie));
          record.used.push(state.lru.get(keyOf(domain, path, name))?.used ?? 0);
          record.order.push(order);
        }
      }
    }
    return record;
  }

  // --- the index ----------------------------------------------------------------------------------

  private siteState(site: string): SiteState {
    let state = this.sites.get(site);
    if (state === undefined) {
      state = { site, domains: new Map(), lru: new Map(), bytes: 0 };
      this.sites.set(site, state);
    }
    return state;
  }

  private noteSet(cookie: Cookie, used: number, dirty = true, order?: number): SiteState {
    const state = this.siteState(this.siteOf(cookie.domain));
    if (!state.domains.has(cookie.domain)) {
      const position = order ?? this.nextOrder;
      state.domains.set(cookie.domain, position);
      this.nextOrder = Math.max(this.nextOrder, position + 1);
    }
    const key = keyOf(cookie.domain, cookie.path, cookie.name);
    const old = state.lru.get(key);
    if (old !== undefined) {
      state.lru.delete(key);
      this.drop(state, old);
    }
    // What the cookie costs as stored: its tuple, its LRU time and the separators.
    const entry: Entry = { cookie, used, bytes: utf8Length(JSON.stringify(encodeCookie(cookie))) + 16 };
    state.lru.set(key, entry);
    state.bytes += entry.bytes;
    this.bytes += entry.bytes;
    this.count++;
    this.resized(state);
    if (dirty) this.dirty.add(state.site);
    return state;
  }

  private noteGone(domain: string, path: string, name: string): void {
    const state = this.sites.get(this.siteOf(domain));
    if (state === undefined) return;
    const key = keyOf(domain, path, name);
    const entry = state.lru.get(key);
    if (entry !== undefined) {
      state.lru.delete(key);
      this.drop(state, entry);
    }
    this.dirty.add(state.site);
    if (state.lru.size === 0) this.sites.delete(state.site);
  }

  private drop(state: SiteState, entry: Entry): void {
    state.bytes -= entry.bytes;
    this.bytes -= entry.bytes;
    this.count--;
    this.resized(state);
  }

  private resized(state: SiteState): void {
    this.mostCookies.changed(state);
    this.mostBytes.changed(state);
  }

  private isLive(key: string, entry: Entry): boolean {
    const [domain = '', path = '', name = ''] = key.split('\t');
    return this.jar.cookieTree().get(domain)?.get(path)?.get(name) === entry.cookie;
  }

  /** Evicts the site's least recently set live cookie (stale entries met on the way are dropped). */
  private evictOldest(state: SiteState, rule: EvictionRule, limit: number, evictions: Eviction[]): void {
    for (const [key, entry] of state.lru) {
      state.lru.delete(key);
      this.drop(state, entry);
      if (!this.isLive(key, entry)) continue;
      const { cookie } = entry;
      this.jar.clear(cookie.domain, cookie.path, cookie.name);
      this.counts.evicted++;
      this.dirty.add(state.site);
      evictions.push({ cookie, site: state.site, rule, reason: MIRROR_RULES[rule].reason({ name: cookie.name, site: state.site, limit }) });
      break;
    }
    if (state.lru.size === 0) this.sites.delete(state.site);
  }

  private enforceSite(state: SiteState, evictions: Eviction[]): void {
    while (state.lru.size > this.limits.perSite) this.evictOldest(state, 'mirror.evicted.site-limit', this.limits.perSite, evictions);
  }

  /** The total limits: the site with the most cookies (or bytes) gives up its least recently set one. */
  private enforceTotals(evictions: Eviction[]): void {
    while (this.count > this.limits.total) {
      const largest = this.mostCookies.top();
      if (largest === undefined) break;
      this.evictOldest(largest, 'mirror.evicted.total-limit', this.limits.total, evictions);
    }
    while (this.bytes > this.limits.bytes) {
      const largest = this.mostBytes.top();
      if (largest === undefined) break;
      this.evictOldest(largest, 'mirror.evicted.byte-limit', this.limits.bytes, evictions);
    }
  }

}
