/**
 * The model's cookie store: Chromium's CookieMonster (Firefox's CookieStorage) in the terms the
 * rules need. Cookies live per partition (unpartitioned, or a partition key: CHIPS, and in Firefox
 * Total Cookie Protection's jars) and per registrable domain, so a request or a Set-Cookie reads
 * only its own site's cookies, never the whole store.
 */
import { BROWSERS, type BrowserRules } from './browsers';
import { CONTEXT_RANK, evaluateContext, type EvaluatedContext } from './context';
import { domainMatches, isOnPath, isSubdomainOf, storageKey } from './domains';
import { isExpired } from './expiry';
import { utf8Length } from './parse';
import { checkCookieDetails } from './precheck';
import { sendDetail, setDetail, type ReasonDetail, type SendReason } from './reasons';
import { cookieLabel, quote } from './sentences';
import { decideSetCookie, sameSiteOf, type SecureCookieLookup, type SetDecision } from './setCookie';
import type {
  ApiCookie, BrowserName, CookieCheck, CookieDetails, CookieSendVerdict, ModelCookie, PartitionKey, RequestContext,
  RequestCookies, SetCookieVerdict, ThirdPartyCookieSetting,
} from './types';

export interface BrowserCookieStoreOptions {
  /** Whose rules: 'chromium' (the default) or 'firefox'. */
  readonly browser?: BrowserName;
  /**
   * The browser's third-party cookie setting. Default: a fresh profile's, 'blocked' in Chromium
   * here, 'partitioned' (Total Cookie Protection) in Firefox.
   */
  readonly thirdPartyCookies?: ThirdPartyCookieSetting;
  /** The clock, in milliseconds since the epoch. The model never reads one itself. */
  readonly now: () => number;
}

export interface ApplyOptions {
  /** Apply the verdict to the store (default true). false: only predict. */
  readonly apply?: boolean;
}

export interface SendOptions {
  /** Record the sent cookies as used now, as a real request does (it matters for eviction only). Default false. */
  readonly touch?: boolean;
}

/** A change as `cookies.onChanged` reports it. */
export interface ApiCookieChange {
  readonly removed: boolean;
  readonly cookie: ApiCookie;
}

type MutableCookie = { -readonly [K in keyof ModelCookie]: ModelCookie[K] };

interface Entry {
  readonly cookie: MutableCookie;
  /** Expiry in ms, null for a session cookie. */
  readonly expiry: number | null;
  /** Insertion order: breaks ties between equal creation times. */
  readonly seq: number;
}

/** Chromium updates a cookie's last access at most once a minute. */
const ACCESS_UPDATE_THRESHOLD_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Firefox's ADD_TEN_PERCENT, in integers (3,000 → 3,300). */
function tenPercentOver(count: number): number {
  return count + Math.floor(count / 10);
}

function partitionId(key: PartitionKey | undefined): string {
  return key === undefined ? '' : `${key.topLevelSite} ${key.hasCrossSiteAncestor ? 'x' : 's'}`;
}

function domainWithoutDot(domain: string): string {
  return domain.startsWith('.') ? domain.slice(1) : domain;
}

function publicCookie(cookie: MutableCookie): ModelCookie {
  return { ...cookie };
}

/** Least recently accessed first (Chromium's LRACookieSorter). */
function byLeastRecentAccess(a: Entry, b: Entry): number {
  return a.cookie.lastAccessTime - b.cookie.lastAccessTime || a.cookie.creationTime - b.cookie.creationTime || a.seq - b.seq;
}

/** Cookie header order (Chromium's CookieSorter): longer paths first, then older first. */
function bySendOrder(a: Entry, b: Entry): number {
  return b.cookie.path.length - a.cookie.path.length || a.cookie.creationTime - b.cookie.creationTime || a.seq - b.seq;
}

export class BrowserCookieStore implements SecureCookieLookup {
  readonly rules: BrowserRules;
  thirdPartyCookies: ThirdPartyCookieSetting;
  private readonly now: () => number;
  /** partition id ('' = unpartitioned) → storage key (registrable domain) → cookies. */
  private readonly partitions = new Map<string, Map<string, Entry[]>>();
  private seq = 0;
  private unpartitionedCount = 0;
  /** Every cookie, partitioned ones too (Firefox's global limit counts them all). */
  private total = 0;
  /** The oldest last access among unpartitioned cookies (a lower bound): the global eviction has nothing to do while it is recent. */
  private earliestAccess = Infinity;

  constructor(options: BrowserCookieStoreOptions) {
    this.rules = BROWSERS[options.browser ?? 'chromium'];
    this.thirdPartyCookies = options.thirdPartyCookies ?? this.rules.defaultThirdPartyCookies;
    this.now = options.now;
  }

  /** Every cookie in the store (a copy), unexpired ones only as of the store's clock. */
  all(): ModelCookie[] {
    const now = this.now();
    const result: ModelCookie[] = [];
    for (const domains of this.partitions.values()) {
      for (const entries of domains.values()) {
        for (const entry of entries) if (!isExpired(entry.expiry, now)) result.push(publicCookie(entry.cookie));
      }
    }
    return result;
  }

  get size(): number {
    let count = 0;
    for (const domains of this.partitions.values()) for (const entries of domains.values()) count += entries.length;
    return count;
  }

  clear(): void {
    this.partitions.clear();
    this.unpartitionedCount = 0;
    this.total = 0;
  }

  /**
   * Loads cookies as `cookies.getAll()` reports them (partitioned ones with their partition key).
   * The API has no creation time: they count as older than anything set later, in the order given.
   */
  seed(cookies: readonly ApiCookie[]): void {
    const now = this.now();
    for (const cookie of cookies) {
      const seeded = fromApiCookie(cookie, 0);
      seeded.lastAccessTime = now; // unknown: taken as now, so that no eviction counts them as long unused
      this.put(seeded);
    }
  }

  /** Mirrors a `cookies.onChanged` event (an overwrite arrives as a removal, then an addition). */
  applyChange(change: ApiCookieChange): void {
    const cookie = fromApiCookie(change.cookie, this.now());
    if (change.removed) this.removeEquivalent(cookie);
    else this.put(cookie);
  }

  /** The verdict on one Set-Cookie line of a response to `context.url`; applied to the store unless `apply: false`. */
  setFromHeader(line: string, context: RequestContext, options: ApplyOptions = {}): SetCookieVerdict {
    return this.setOne(line, this.evaluate(context), options.apply ?? true);
  }

  /** The verdicts on every Set-Cookie line of one response, in order (each sees the ones before it when applied). */
  setFromResponse(lines: readonly string[], context: RequestContext, options: ApplyOptions = {}): SetCookieVerdict[] {
    const evaluated = this.evaluate(context);
    const apply = options.apply ?? true;
    return lines.map((line) => this.setOne(line, evaluated, apply));
  }

  /** The Cookie header of a request and the verdict on every cookie considered for it. */
  cookiesFor(context: RequestContext, options: SendOptions = {}): RequestCookies {
    const evaluated = this.evaluate(context);
    const now = evaluated.now;
    const key = storageKey(evaluated.url.host);
    const sent: Entry[] = [];
    const verdicts = new Map<Entry, CookieSendVerdict>();
    // With Total Cookie Protection a third party has only its jar in the page's partition.
    const jars = evaluated.thirdParty && evaluated.thirdPartyCookies === 'partitioned' ? [partitionId(evaluated.partitionKey)] : ['', partitionId(evaluated.partitionKey)];
    for (const id of jars) {
      const entries = this.partitions.get(id)?.get(key);
      if (entries === undefined) continue;
      for (const entry of [...entries]) {
        if (isExpired(entry.expiry, now)) { this.removeEntry(id, key, entry); continue; }
        const details = this.sendDetails(entry.cookie, evaluated);
        if (details.length === 0) sent.push(entry);
        verdicts.set(entry, sendVerdict(entry.cookie, details));
      }
    }
    sent.sort(bySendOrder);
    if (options.touch === true) {
      for (const entry of sent) if (now - entry.cookie.lastAccessTime >= ACCESS_UPDATE_THRESHOLD_MS) entry.cookie.lastAccessTime = now;
    }
    const cookieHeader = sent.length === 0 ? null : sent.map(({ cookie }) => (cookie.name === '' ? cookie.value : `${cookie.name}=${cookie.value}`)).join('; ');
    const ordered = [...sent.map((entry) => verdicts.get(entry)), ...[...verdicts].filter(([, v]) => !v.sent).map(([, v]) => v)];
    return { cookieHeader, cookies: ordered.filter((v): v is CookieSendVerdict => v !== undefined) };
  }

  /**
   * The pre-check of a cookie given as attributes (`cookies.set` details): what Chromium's
   * `cookies.set` would do with it against this store, without applying it.
   */
  checkCookie(details: CookieDetails): CookieCheck {
    return checkCookieDetails(details, this.rules, this, this.now());
  }

  /** SecureCookieLookup: the Secure cookie an insecure origin may not overwrite with `candidate`. */
  secureConflict(candidate: ModelCookie): ModelCookie | undefined {
    const entries = this.partitions.get(partitionId(candidate.partitionKey))?.get(storageKey(domainWithoutDot(candidate.domain)));
    if (entries === undefined) return undefined;
    const domain = domainWithoutDot(candidate.domain);
    for (const { cookie } of entries) {
      if (!cookie.secure || cookie.name !== candidate.name) continue;
      const other = domainWithoutDot(cookie.domain);
      if ((isSubdomainOf(domain, other) || isSubdomainOf(other, domain)) && isOnPath(cookie.path, candidate.path)) return publicCookie(cookie);
    }
    return undefined;
  }

  private evaluate(context: RequestContext): EvaluatedContext {
    return evaluateContext(context, { thirdPartyCookies: this.thirdPartyCookies, now: this.now(), schemefulSites: this.rules.schemefulSites });
  }

  private setOne(line: string, context: EvaluatedContext, apply: boolean): SetCookieVerdict {
    const decision = this.limitDomain(decideSetCookie(line, context, this.rules, this), context.now);
    const { cookie } = decision;
    let existed = false;
    if (cookie !== undefined && decision.outcome === 'deleted') {
      existed = this.findEquivalent(cookie) !== undefined;
      if (apply) this.removeEquivalent(cookie);
    } else if (cookie !== undefined && decision.outcome === 'stored' && apply) {
      this.put({ ...cookie }, context.now);
    }
    return toVerdict(line, decision, existed, this.rules);
  }

  /**
   * Firefox's per-site limit: a new cookie for a site (and partition) that has 180 already evicts
   * up to 30 expired or insecure ones, least recently used first; when there are none and the new
   * cookie is not Secure, it is dropped instead.
   */
  private limitDomain(decision: SetDecision, now: number): SetDecision {
    const { cookie } = decision;
    if (this.rules.eviction !== 'firefox' || decision.outcome !== 'stored' || cookie === undefined || cookie.secure) return decision;
    const entries = this.partitions.get(partitionId(cookie.partitionKey))?.get(storageKey(domainWithoutDot(cookie.domain)));
    if (entries === undefined || entries.length < this.rules.maxCookiesPerDomain || this.findEquivalent(cookie) !== undefined) return decision;
    if (entries.some((e) => !e.cookie.secure || isExpired(e.expiry, now))) return decision;
    const site = storageKey(domainWithoutDot(cookie.domain));
    return {
      ...decision, outcome: 'refused',
      details: [setDetail('DomainCookieLimit', `${site} already has ${entries.length} cookies${cookie.partitionKey === undefined ? '' : ` in the partition of ${cookie.partitionKey.topLevelSite}`}, all of them Secure, and ${cookieLabel(cookie.name, cookie.value).replace(/^The/, 'the')} is not: ${this.rules.label} evicts only insecure cookies to make room for an insecure one, so it drops the new one.`)],
    };
  }

  private sendDetails(cookie: MutableCookie, context: EvaluatedContext): ReasonDetail<SendReason>[] {
    const url = context.url;
    const details: ReasonDetail<SendReason>[] = [];
    const label = cookieLabel(cookie.name, cookie.value);
    if (cookie.secure && !url.isSecureContext) {
      details.push(sendDetail('SecureOnly', `${label} is Secure, and ${url.scheme}://${url.host} is not a secure URL: it goes only to https (and http://localhost).`));
    }
    if (!domainMatches(cookie.domain, url.host)) {
      details.push(sendDetail('DomainMismatch', cookie.hostOnly
        ? `${label} belongs to ${cookie.domain} only (it was set without a Domain attribute), not to ${url.host}.`
        : `${label} is for ${cookie.domain.slice(1)} and its subdomains; ${url.host} is not one of them.`));
    }
    if (!isOnPath(cookie.path, url.path)) {
      details.push(sendDetail('NotOnPath', `${label} has Path=${cookie.path}, and ${url.path} is not under it.`));
    }
    const rules = this.rules;
    const sameSite = cookie.sameSite === 'unspecified' ? rules.unspecifiedSameSite : cookie.sameSite === 'no_restriction' ? 'none' : cookie.sameSite;
    const rank = CONTEXT_RANK[context.sendContext];
    const why = sendContextWords(context);
    const schemeful = rules.sameSiteReasonNames === 'schemeful';
    if (sameSite === 'strict' && rank < CONTEXT_RANK.strict) {
      details.push(sendDetail(schemeful ? 'SchemefulSameSiteStrict' : 'SameSiteStrict', `${label} is SameSite=Strict, and ${why}; it goes only with requests that are same-site and started by the same site.`));
    } else if (sameSite === 'lax') {
      const young = cookie.sameSite === 'unspecified' && context.now - cookie.creationTime <= rules.laxAllowUnsafeMs;
      if (rank < (young ? CONTEXT_RANK['lax-unsafe'] : CONTEXT_RANK.lax)) {
        details.push(cookie.sameSite === 'unspecified'
          ? sendDetail('SchemefulSameSiteUnspecifiedTreatedAsLax', `${label} has no SameSite attribute, so ${rules.label} treats it as SameSite=Lax, and ${why}; cross-site it goes only with top-level navigations (GET, or any method in its first 2 minutes).`)
          : sendDetail(schemeful ? 'SchemefulSameSiteLax' : 'SameSiteLax', `${label} is SameSite=Lax, and ${why}; cross-site it goes only with top-level navigations using a safe method (GET).`));
      }
    }
    if (cookie.sameSite === 'no_restriction' && !cookie.secure) {
      details.push(sendDetail('SameSiteNoneInsecure', `${label} is SameSite=None without Secure; ${rules.label} does not send such cookies.`));
    }
    if (context.thirdParty && (context.thirdPartyCookies === 'blocked' || context.thirdPartyCookies === 'phaseout') && cookie.partitionKey === undefined) {
      const where = `${context.requestSite} is a third party to the page ${context.topSite}`;
      details.push(context.thirdPartyCookies === 'phaseout'
        ? sendDetail('ThirdPartyPhaseout', `The browser phases out third-party cookies and ${where}.`)
        : sendDetail('UserPreferences', `The browser blocks third-party cookies and ${where}.`));
    }
    return details;
  }

  private bucket(partition: PartitionKey | undefined): Map<string, Entry[]> {
    const id = partitionId(partition);
    let domains = this.partitions.get(id);
    if (domains === undefined) { domains = new Map(); this.partitions.set(id, domains); }
    return domains;
  }

  private findEquivalent(cookie: ModelCookie): Entry | undefined {
    const entries = this.partitions.get(partitionId(cookie.partitionKey))?.get(storageKey(domainWithoutDot(cookie.domain)));
    return entries?.find((entry) => entry.cookie.name === cookie.name && entry.cookie.domain === cookie.domain && entry.cookie.path === cookie.path);
  }

  /** Stores a cookie, replacing its equivalent (same name, domain, path and partition), then evicts as Chromium does. */
  private put(cookie: MutableCookie, now = this.now()): void {
    const expiry = cookie.expirationDate === undefined ? null : cookie.expirationDate * 1000;
    const previous = this.findEquivalent(cookie);
    const id = partitionId(cookie.partitionKey);
    const key = storageKey(domainWithoutDot(cookie.domain));
    let seq = this.seq++;
    if (previous !== undefined) {
      // Overwriting keeps the creation time (and so the place in the Cookie header): in Chromium only with the same value.
      if (this.rules.keepCreationTime === 'always' || previous.cookie.value === cookie.value) {
        cookie.creationTime = previous.cookie.creationTime;
        seq = previous.seq;
      }
      this.removeEntry(id, key, previous);
    }
    if (isExpired(expiry, now)) return;
    const domains = this.bucket(cookie.partitionKey);
    let entries = domains.get(key);
    if (entries === undefined) { entries = []; domains.set(key, entries); }
    if (this.rules.eviction === 'firefox') {
      // As CookieStorage::AddCookie: the site's eviction, else the global purge, then the new cookie.
      if (!this.evictFirefox(id, key, entries, cookie, now)) this.purgeFirefox(now);
      entries.push({ cookie, expiry, seq });
      this.total++;
      if (id === '') this.unpartitionedCount++;
      if (cookie.lastAccessTime < this.earliestAccess) this.earliestAccess = cookie.lastAccessTime;
      return;
    }
    entries.push({ cookie, expiry, seq });
    this.total++;
    if (id === '') {
      this.unpartitionedCount++;
      if (cookie.lastAccessTime < this.earliestAccess) this.earliestAccess = cookie.lastAccessTime;
      this.evictDomain(key, entries, now);
      this.evictGlobal(now);
    } else {
      this.evictPartitionDomain(id, key, entries, now);
    }
  }

  private removeEquivalent(cookie: ModelCookie): void {
    const entry = this.findEquivalent(cookie);
    if (entry !== undefined) this.removeEntry(partitionId(cookie.partitionKey), storageKey(domainWithoutDot(cookie.domain)), entry);
  }

  private removeEntry(id: string, key: string, entry: Entry): void {
    const domains = this.partitions.get(id);
    const entries = domains?.get(key);
    if (domains === undefined || entries === undefined) return;
    const index = entries.indexOf(entry);
    if (index < 0) return;
    entries.splice(index, 1);
    this.total--;
    if (id === '') this.unpartitionedCount--;
    if (entries.length === 0) {
      domains.delete(key);
      if (domains.size === 0) this.partitions.delete(id);
    }
  }

  private removeExpired(id: string, key: string, entries: Entry[], now: number): void {
    for (const entry of entries.filter((e) => isExpired(e.expiry, now))) this.removeEntry(id, key, entry);
  }

  /**
   * Firefox's per-site eviction (`CookieStorage::AddCookie`), before a new cookie joins a site (and
   * partition) that has 180: up to 30 cookies go, expired ones first, then the least recently used
   * insecure ones (Secure ones too when the new cookie is Secure). limitDomain refused the case with
   * nothing to evict.
   */
  private evictFirefox(id: string, key: string, entries: Entry[], cookie: ModelCookie, now: number): boolean {
    const rules = this.rules;
    if (entries.length < rules.maxCookiesPerDomain) return false;
    const stale = (secureToo: boolean) => entries
      .filter((e) => isExpired(e.expiry, now) || secureToo || !e.cookie.secure)
      .sort((a, b) => Number(isExpired(b.expiry, now)) - Number(isExpired(a.expiry, now)) || byLeastRecentAccess(a, b))
      .slice(0, rules.purgeCookiesPerDomain);
    let victims = stale(false);
    if (victims.length === 0 && cookie.secure) victims = stale(true);
    for (const entry of victims) this.removeEntry(id, key, entry);
    return true;
  }

  /**
   * Firefox's global purge, before a new cookie is added: at 10% over 3,000 cookies, when the least
   * recently used one is 10% over 30 days old, the expired ones go, then those unused for 30 days,
   * oldest first, down to 3,000.
   */
  private purgeFirefox(now: number): void {
    const rules = this.rules;
    // As Firefox (mCookieOldestTime): nothing to scan while the oldest access, a lower bound, is recent.
    if (this.total < tenPercentOver(rules.maxCookies) || now - this.earliestAccess < tenPercentOver(rules.safeFromGlobalPurgeDays) * DAY_MS) return;
    const all: [string, string, Entry][] = [];
    for (const [id, domains] of this.partitions) for (const [key, entries] of domains) for (const entry of entries) all.push([id, key, entry]);
    let count = all.length;
    for (const [id, key, entry] of all) if (isExpired(entry.expiry, now)) { this.removeEntry(id, key, entry); count--; }
    const old = all.filter(([, , e]) => !isExpired(e.expiry, now) && e.cookie.lastAccessTime <= now - rules.safeFromGlobalPurgeDays * DAY_MS)
      .sort(([, , a], [, , b]) => byLeastRecentAccess(a, b));
    for (const [id, key, entry] of old.slice(0, Math.max(0, count - rules.maxCookies))) this.removeEntry(id, key, entry);
    this.earliestAccess = Infinity;
    for (const domains of this.partitions.values()) {
      for (const entries of domains.values()) for (const { cookie } of entries) if (cookie.lastAccessTime < this.earliestAccess) this.earliestAccess = cookie.lastAccessTime;
    }
  }

  /** Chromium's per-domain eviction: over 180 cookies, down to 150, by priority rounds, least recently used first, Secure ones last. */
  private evictDomain(key: string, entries: Entry[], now: number): void {
    const rules = this.rules;
    if (entries.length <= rules.maxCookiesPerDomain) return;
    this.removeExpired('', key, entries, now);
    const live = [...(this.partitions.get('')?.get(key) ?? [])];
    if (live.length <= rules.maxCookiesPerDomain) return;
    let goal = live.length - (rules.maxCookiesPerDomain - rules.purgeCookiesPerDomain);
    live.sort(byLeastRecentAccess);
    const rounds = [['low', true], ['low', false], ['medium', true], ['high', true], ['medium', false], ['high', false]] as const;
    for (const [priority, protectSecure] of rounds) {
      if (goal <= 0) break;
      const quota = rules.domainQuotas[priority];
      const atPriority = live.filter((e) => e.cookie.priority === priority).length;
      if (atPriority <= quota) continue;
      const secureAtPriority = protectSecure ? live.filter((e) => e.cookie.priority === priority && e.cookie.secure).length : 0;
      let deletable = atPriority - (protectSecure ? Math.max(secureAtPriority, quota) : quota);
      for (let i = 0; i < live.length && goal > 0 && deletable > 0;) {
        const entry = live[i];
        if (entry !== undefined && entry.cookie.priority === priority && (!protectSecure || !entry.cookie.secure)) {
          this.removeEntry('', key, entry);
          live.splice(i, 1);
          goal--;
          deletable--;
        } else {
          i++;
        }
      }
    }
  }

  /** Chromium's global eviction: over 3,300 unpartitioned cookies, the least recently used not read in 30 days go, insecure ones first. */
  private evictGlobal(now: number): void {
    const rules = this.rules;
    const safeDate = now - rules.safeFromGlobalPurgeDays * DAY_MS;
    // As Chromium: nothing to do while every cookie was read within the safe period.
    if (this.unpartitionedCount <= rules.maxCookies || this.earliestAccess >= safeDate) return;
    const all: [string, Entry][] = [];
    for (const [key, entries] of this.partitions.get('') ?? []) {
      this.removeExpired('', key, entries, now);
      for (const entry of this.partitions.get('')?.get(key) ?? []) all.push([key, entry]);
    }
    if (all.length > rules.maxCookies) this.purgeLeastRecentlyUsed(all, all.length - (rules.maxCookies - rules.purgeCookies), safeDate);
    this.earliestAccess = Infinity;
    for (const entries of this.partitions.get('')?.values() ?? []) {
      for (const { cookie } of entries) if (cookie.lastAccessTime < this.earliestAccess) this.earliestAccess = cookie.lastAccessTime;
    }
  }

  /** Deletes up to `goal` cookies not read since `safeDate`, least recently used first, insecure ones before Secure ones. */
  private purgeLeastRecentlyUsed(all: readonly (readonly [string, Entry])[], goal: number, safeDate: number): void {
    for (const secure of [false, true]) {
      const group = all.filter(([, e]) => e.cookie.secure === secure).sort(([, a], [, b]) => byLeastRecentAccess(a, b));
      for (const [key, entry] of group.slice(0, goal)) {
        if (entry.cookie.lastAccessTime >= safeDate) break;
        this.removeEntry('', key, entry);
        goal--;
      }
      if (goal <= 0) break;
    }
  }

  /** CHIPS limits per partition and registrable domain: 180 cookies and 10 KiB of names and values, least recently used evicted. */
  private evictPartitionDomain(id: string, key: string, entries: Entry[], now: number): void {
    const rules = this.rules;
    const bytes = (list: readonly Entry[]) => list.reduce((sum, e) => sum + utf8Length(e.cookie.name) + utf8Length(e.cookie.value), 0);
    if (entries.length <= rules.maxCookiesPerPartitionDomain && bytes(entries) <= rules.maxBytesPerPartitionDomain) return;
    this.removeExpired(id, key, entries, now);
    const live = [...(this.partitions.get(id)?.get(key) ?? [])].sort(byLeastRecentAccess);
    let used = bytes(live);
    for (let i = 0; i < live.length && (used > rules.maxBytesPerPartitionDomain || live.length - i > rules.maxCookiesPerPartitionDomain); i++) {
      const entry = live[i];
      if (entry === undefined) break;
      used -= utf8Length(entry.cookie.name) + utf8Length(entry.cookie.value);
      this.removeEntry(id, key, entry);
    }
  }
}

function sendContextWords(context: EvaluatedContext): string {
  if (context.thirdParty) return `this request goes to ${context.requestSite} from the page ${context.topSite} (cross-site)`;
  if (context.initiatorSite !== null && context.initiatorSite !== context.requestSite) {
    return `this ${context.kind === 'top-level' ? `top-level ${context.method} navigation` : 'request'} to ${context.requestSite} was started by ${context.initiatorSite}`;
  }
  return `this request is cross-site`;
}

function sendVerdict(cookie: MutableCookie, details: readonly ReasonDetail<SendReason>[]): CookieSendVerdict {
  const sent = details.length === 0;
  const base = {
    name: cookie.name, domain: cookie.domain, path: cookie.path, sent,
    reasons: details.map((d) => d.reason), details,
    sentence: sent ? `${cookieLabel(cookie.name, cookie.value)} is sent.` : details.map((d) => d.sentence).join(' '),
    cookie: publicCookie(cookie),
  };
  return cookie.partitionKey === undefined ? base : { ...base, partitionKey: cookie.partitionKey };
}

const NO_REASONS: readonly never[] = [];

function toVerdict(line: string, decision: SetDecision, existed: boolean, rules: BrowserRules): SetCookieVerdict {
  const { outcome, details, cookie, notes } = decision;
  const refused = details.length > 0;
  const verdict: { -readonly [K in keyof SetCookieVerdict]: SetCookieVerdict[K] } = {
    line, outcome, stored: outcome === 'stored',
    reasons: refused ? details.map((d) => d.reason) : NO_REASONS,
    devtoolsReasons: refused && rules.devtoolsReasons ? details.filter((d) => d.devtools).map((d) => d.reason) : NO_REASONS,
    details, notes,
    sentence: verdictSentence(decision, existed),
  };
  if (cookie === undefined) return verdict;
  if (outcome !== 'deleted') verdict.cookie = cookie;
  else if (cookie.partitionKey === undefined) verdict.deletion = { name: cookie.name, domain: cookie.domain, path: cookie.path, existed };
  else verdict.deletion = { name: cookie.name, domain: cookie.domain, path: cookie.path, partitionKey: cookie.partitionKey, existed };
  return verdict;
}

/** "in 3 days", "in 1 hour": how long a cookie lives, for a sentence. */
function lifetime(seconds: number): string {
  const units: [number, string][] = [[86400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']];
  for (const [size, unit] of units) {
    if (seconds >= size) {
      const count = Math.round(seconds / size);
      return `for ${count} ${unit}${count === 1 ? '' : 's'}`;
    }
  }
  return 'for less than a second';
}

function verdictSentence({ outcome, details, cookie }: SetDecision, existed: boolean): string {
  if (outcome === 'refused' || cookie === undefined) return details.map((d) => d.sentence).join(' ');
  const label = cookieLabel(cookie.name, cookie.value);
  const where = `${cookie.hostOnly ? cookie.domain : `${cookie.domain.slice(1)} and its subdomains`} (Path=${cookie.path})`;
  if (outcome === 'deleted') {
    return existed
      ? `${label} is already expired: it deletes the stored cookie ${quote(cookie.name)} of ${where}.`
      : `${label} is already expired: it would delete a cookie ${quote(cookie.name)} of ${where}, but there is none.`;
  }
  const life = cookie.expirationDate === undefined ? 'until the browser closes' : lifetime(cookie.expirationDate - cookie.creationTime / 1000);
  const partition = cookie.partitionKey === undefined ? '' : ` in the partition of ${cookie.partitionKey.topLevelSite}`;
  return `${label} is stored for ${where}${partition}, ${life}.`;
}

function fromApiCookie(cookie: ApiCookie, creationTime: number): MutableCookie {
  const hostOnly = cookie.hostOnly ?? !cookie.domain.startsWith('.');
  const domain = hostOnly ? domainWithoutDot(cookie.domain).toLowerCase() : `.${domainWithoutDot(cookie.domain).toLowerCase()}`;
  const sameSite = cookie.sameSite === 'no_restriction' || cookie.sameSite === 'lax' || cookie.sameSite === 'strict' ? cookie.sameSite : sameSiteOf(undefined);
  const session = cookie.session ?? cookie.expirationDate === undefined;
  const result: MutableCookie = {
    name: cookie.name, value: cookie.value, domain, hostOnly, path: cookie.path, secure: cookie.secure, httpOnly: cookie.httpOnly,
    sameSite, session, priority: 'medium', creationTime, lastAccessTime: creationTime,
  };
  if (!session && cookie.expirationDate !== undefined) result.expirationDate = cookie.expirationDate;
  const key = cookie.partitionKey;
  if (key?.topLevelSite !== undefined && key.topLevelSite !== '') {
    result.partitionKey = { topLevelSite: key.topLevelSite, hasCrossSiteAncestor: key.hasCrossSiteAncestor ?? false };
  }
  return result;
}
