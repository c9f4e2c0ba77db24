// The browser's own verdict on every observed Set-Cookie line, for one cookie store: the browser
// model's prediction (src/browser-model, over a copy of the browser's store: seeded from
// cookies.getAll, kept current by cookies.onChanged) and what the store actually did, observed
// through cookies.onChanged and correlated with the response (docs/background.md, "The browser's
// verdict").
//
// Correlation. Chrome dispatches a response's webRequest event before it stores the response's
// cookies: the changes follow within milliseconds (measured 1–6 ms), an addition as `explicit`
// (after an `overwrite` removal of the cookie it replaces, identical or not), a deletion by an
// expired line as `expired_overwrite`, and nothing for a refused line or a deletion of a cookie
// that did not exist. So a line waits (pending) for the change of its cookie (name, domain, path,
// partition) for SETTLE_MS; none by then: not stored. A change that arrives first waits for its
// response the same time; a change that arrives late (a loaded machine) still corrects a "not
// stored" for LATE_MS. The model predicts without applying (`apply: false`): the store changes
// only by what cookies.onChanged reports, so the model's copy is the browser's store.
import {
  BROWSERS, BrowserCookieStore, inferThirdPartyCookieSetting, registrableDomain,
  type ApiCookie, type BrowserName, type RequestContext, type SetCookieVerdict, type ThirdPartyCookieSetting,
} from '../browser-model';
import type { BrowserVerdict } from '../shared/protocol';

/**
 * A line's browser verdict as the log keeps it (and writes it), as codec.ts keeps a cookie: a tuple,
 * settled in place. Settling changes one-digit fields, and a prediction made again (the third-party
 * setting learned) its reasons and sentence: the log serialises a changed response again before
 * it writes it (onSettled, DecisionLog.touch). The sentence is an index into the
 * response's `sentences` (one response's lines often share one: five tracker cookies refused for
 * one reason); -1: none.
 */
export type LoggedVerdict = [observed: Observed, predicted: 0 | 1, reasons: string[], sentence: number, state: VerdictState];
/** What the store did: 0 not stored, 1 stored, 2 cannot be known (null). */
type Observed = 0 | 1 | 2;
/** 0 settled, 1 pending, 2 settled and flagged (observed and predicted disagree). */
type VerdictState = 0 | 1 | 2;
const V = { observed: 0, predicted: 1, reasons: 2, sentence: 3, state: 4 } as const;
const PENDING = 1;
const FLAGGED = 2;

/** The verdicts of one response's Set-Cookie lines, and the sentences they name. */
export interface JudgedResponse { verdicts: LoggedVerdict[]; sentences: string[] }

const observedOf = (stored: boolean | null): Observed => (stored === null ? 2 : stored ? 1 : 0);
const storedOf = (observed: Observed): boolean | null => (observed === 2 ? null : observed === 1);

/** The contract's form of a logged verdict (a copy). */
export function verdictOf(verdict: LoggedVerdict, sentences: readonly string[] | undefined): BrowserVerdict {
  const out: BrowserVerdict = { stored: storedOf(verdict[V.observed]), predicted: verdict[V.predicted] === 1 ? 'stored' : 'refused', reasons: [...verdict[V.reasons]] };
  const sentence = sentences?.[verdict[V.sentence]];
  if (sentence !== undefined) out.sentence = sentence;
  if (verdict[V.state] === PENDING) out.pending = true;
  if (verdict[V.state] === FLAGGED) out.flagged = true;
  return out;
}

/** A stored verdict, read back: its problem, or null (records.ts). */
export function verdictProblem(value: unknown, sentences: number): string | null {
  if (!Array.isArray(value) || value.length !== 5) return 'is not a list of 5 fields';
  const [observed, predicted, reasons, sentence, state] = value as unknown[];
  if (observed !== 0 && observed !== 1 && observed !== 2) return 'has an unknown observation';
  if (predicted !== 0 && predicted !== 1) return 'has an unknown prediction';
  if (!Array.isArray(reasons) || !reasons.every((r) => typeof r === 'string')) return 'has bad reasons';
  if (!Number.isInteger(sentence) || (sentence as number) < -1 || (sentence as number) >= sentences) return 'names a sentence it does not have';
  if (state !== 0 && state !== PENDING && state !== FLAGGED) return 'has an unknown state';
  return null;
}

/** A verdict that was pending when the worker stopped: it cannot be observed any more. */
export function abandon(verdict: LoggedVerdict): void {
  if (verdict[V.state] !== PENDING) return;
  verdict[V.state] = 0;
  verdict[V.observed] = 2;
}

/** How long a line waits for its change, and a change for its line (ms). */
export const SETTLE_MS = 2000;
/** How long after settling a "not stored" a late change still corrects it (ms). */
export const LATE_MS = 30_000;
/** Lines waiting at once; past this the oldest is settled as unknown (a flood cannot grow memory). */
const WAITING_LIMIT = 5000;
/** Changes remembered: unclaimed ones (for a later response), and what happened outside responses (the Site view's explanations). */
const UNCLAIMED_LIMIT = 1000;
export const HISTORY_LIMIT = 2000;

/** What happened to a cookie outside any observed Set-Cookie line (the Site view explains a row by it). */
export interface CookieHistory {
  /** 'set': a change no response explains (a page's script, an extension); 'removed': the browser removed it (`cause`). */
  readonly what: 'set' | 'removed';
  readonly cause: string;
  /** Milliseconds since the epoch. */
  readonly time: number;
}

/** A cookies.onChanged event, as far as it is read. */
export interface StoreChange { readonly removed: boolean; readonly cause: string; readonly cookie: ApiCookie }

interface Expectation {
  readonly verdict: LoggedVerdict;
  /** Its response's sentence table (a prediction made again adds its sentence). */
  readonly sentences: string[];
  /** 'set': waits for an addition; 'delete': for the removal an expired line causes. */
  readonly kind: 'set' | 'delete';
  readonly name: string;
  /** The cookie's identity (identityOf), or null when the model could not tell it (the line did not parse as a cookie). */
  readonly key: string | null;
  /** For a line without identity: the request host's registrable domain (a change of this name on this site stands in); '' otherwise. */
  readonly site: string;
  /** For a deletion: the model's store held the cookie (nothing happens otherwise: `stored` cannot be known). */
  readonly existed: boolean;
  readonly due: number;
  readonly line: string;
  readonly context: RequestContext;
  /** Called when the verdict changed (the log serialises its response again before the write). */
  readonly onSettled: () => void;
  /** Its place in `waiting` and `late`: the identity, or the fallback key. */
  readonly slot: string;
  settled: boolean;
}

interface Unclaimed { readonly change: StoreChange; readonly key: string; readonly at: number; claimed: boolean }

/**
 * A multimap by cookie identity with first-in-first-out lists (short: one per cookie; a name that
 * many sites use, such as `_ga`, is many identities, never one long list).
 */
class ByKey<T> {
  private readonly map = new Map<string, T[]>();
  add(key: string, item: T): void {
    const list = this.map.get(key);
    if (list === undefined) this.map.set(key, [item]); else list.push(item);
  }
  /** Removes and returns the first item of `key` that `accept` takes. */
  take(key: string, accept: (item: T) => boolean): T | undefined {
    const list = this.map.get(key);
    if (list === undefined) return undefined;
    const index = list.findIndex(accept);
    if (index < 0) return undefined;
    const [item] = list.splice(index, 1);
    if (list.length === 0) this.map.delete(key);
    return item;
  }
  /** Whether it was there. */
  remove(key: string, item: T): boolean {
    const list = this.map.get(key);
    const index = list?.indexOf(item) ?? -1;
    if (list === undefined || index < 0) return false;
    list.splice(index, 1);
    if (list.length === 0) this.map.delete(key);
    return true;
  }
}

/** Where a line whose cookie the model could not tell waits: its name on its site. */
function fallbackKey(name: string, site: string): string {
  return `?${name}\t${site}`;
}

/** A cookie's identity for the correlation: name, domain (a dot for a domain cookie, as the API), path, partition site. */
export function identityOf(cookie: { readonly name: string; readonly domain: string; readonly path: string; readonly partitionKey?: { readonly topLevelSite?: string } | undefined }): string {
  return `${cookie.name}\t${cookie.domain.toLowerCase()}\t${cookie.path}\t${cookie.partitionKey?.topLevelSite ?? ''}`;
}

/** The name a line's cookie would have, read the simple way (for a line the model could not make a cookie of). */
function nameOfLine(line: string): string {
  const pair = line.split(';', 1)[0] ?? '';
  const equals = pair.indexOf('=');
  return (equals < 0 ? '' : pair.slice(0, equals)).trim();
}

/** The registrable domain of a URL's or a cookie domain's host (the model's, cached). */
function siteOfHost(host: string): string {
  const bare = host.startsWith('.') ? host.slice(1) : host;
  return registrableDomain(bare.toLowerCase()) || bare.toLowerCase();
}

function hostOfUrl(url: string): string {
  const start = url.indexOf('//') + 2;
  let end = start;
  while (end < url.length && !'/?#'.includes(url.charAt(end))) end++;
  const authority = url.slice(start, end);
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
}

export interface BrowserVerdictsOptions {
  readonly browser: BrowserName;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
}

export class BrowserVerdicts {
  readonly model: BrowserCookieStore;
  /** The model's copy of the store was seeded (cookies.getAll answered, or failed). */
  ready = false;
  /** The third-party cookie setting was shown by the store (until then 'blocked' is assumed). */
  thirdPartyKnown = false;
  /** Lines whose observed and predicted verdicts disagree (since the counter was restored). */
  disagreements = 0;
  /** Cookie identity → what happened to it outside observed responses, least recent first (bounded). */
  readonly history = new Map<string, CookieHistory>();
  private readonly waiting = new ByKey<Expectation>();
  /** Lines waiting (or late) under a fallback key: only then is a change's site looked up. */
  private fallbacks = 0;
  /** Waiting lines in the order they are due. */
  private readonly due: Expectation[] = [];
  private dueStart = 0;
  private waitingCount = 0;
  /** Lines settled "not stored" recently, which a late change may still correct. */
  private readonly late = new ByKey<Expectation>();
  private readonly lateOrder: { exp: Expectation; until: number }[] = [];
  private readonly unclaimed = new ByKey<Unclaimed>();
  private readonly unclaimedOrder: Unclaimed[] = [];
  private readonly deferred: (() => void)[] = [];

  constructor(private readonly options: BrowserVerdictsOptions) {
    // Until the store shows it, the browser's default (Chromium: blocked; Firefox: partitioned, Total Cookie Protection).
    this.model = new BrowserCookieStore({ browser: options.browser, thirdPartyCookies: BROWSERS[options.browser].defaultThirdPartyCookies, now: options.now });
  }

  get pending(): number { return this.waitingCount; }

  /** The store's cookies as cookies.getAll reports them (partitioned ones included); then deferred events run. */
  seed(cookies: readonly unknown[]): void {
    this.model.seed(cookies.filter(isApiCookie));
    this.ready = true;
    for (const event of this.deferred.splice(0)) event();
  }

  /** Runs `event` once seeded (events of a store seen for the first time wait for its cookies). */
  whenReady(event: () => void): void {
    if (this.ready) event(); else this.deferred.push(event);
  }

  /**
   * The verdicts on a response's Set-Cookie lines (in order), each pending until its change arrives
   * or SETTLE_MS pass; `onSettled` is called whenever one of them changes later. Never throws: a
   * context the model cannot read gives no verdicts (null).
   */
  judge(lines: readonly string[], context: RequestContext, onSettled: () => void): JudgedResponse | null {
    let verdicts: SetCookieVerdict[];
    try {
      verdicts = this.model.setFromResponse(lines, context, { apply: false });
    } catch {
      return null;
    }
    const now = this.options.now();
    // The request's site is needed only for a line the model makes no cookie of.
    let site: string | undefined;
    const siteOfRequest = (): string => (site ??= siteOfHost(hostOfUrl(context.url)));
    const out: LoggedVerdict[] = [];
    const sentences: string[] = [];
    for (let i = 0; i < verdicts.length; i++) {
      const v = verdicts[i] as SetCookieVerdict;
      const refused = v.outcome === 'refused';
      const sentence = refused || v.outcome === 'deleted' ? v.sentence : v.notes.length > 0 ? v.notes.join(' ') : undefined;
      const verdict: LoggedVerdict = [2, refused ? 0 : 1, v.reasons as string[], sentence === undefined ? -1 : sentenceIndex(sentences, sentence), PENDING];
      out.push(verdict);
      this.expect(v, verdict, sentences, siteOfRequest, now, context, onSettled);
    }
    return { verdicts: out, sentences };
  }

  private expect(v: SetCookieVerdict, verdict: LoggedVerdict, sentences: string[], siteOfRequest: () => string, now: number, context: RequestContext, onSettled: () => void): void {
    let kind: 'set' | 'delete' = 'set';
    let key: string | null = null;
    let name: string;
    let existed = true;
    if (v.deletion !== undefined) {
      kind = 'delete';
      key = identityOf(v.deletion);
      name = v.deletion.name;
      existed = v.deletion.existed;
    } else if (v.cookie !== undefined) {
      // A refused line that would have deleted (OverwriteSecure on an expired line) waits for a removal.
      const expiry = v.cookie.expirationDate;
      if (expiry !== undefined && expiry * 1000 <= (context.now ?? now)) kind = 'delete';
      key = identityOf(v.cookie);
      name = v.cookie.name;
    } else {
      name = nameOfLine(v.line);
    }
    const site = key === null ? siteOfRequest() : '';
    const slot = key ?? fallbackKey(name, site);
    const exp: Expectation = { verdict, sentences, kind, name, key, site, existed, due: now + SETTLE_MS, line: v.line, context, onSettled, slot, settled: false };
    // The change may have come first.
    const early = key !== null
      ? this.unclaimed.take(key, (u) => !u.claimed && this.matches(exp, u.change, u.key))
      : this.unclaimedOrder.find((u) => !u.claimed && u.change.cookie.name === name && this.matches(exp, u.change, u.key));
    if (early !== undefined) {
      early.claimed = true;
      if (key === null) this.unclaimed.remove(early.key, early);
      this.history.delete(early.key);
      this.settle(exp, true, false);
      return;
    }
    if (this.waitingCount >= WAITING_LIMIT) this.settleOldest();
    if (key === null) this.fallbacks++;
    this.waiting.add(slot, exp);
    this.due.push(exp);
    this.waitingCount++;
  }

  private matches(exp: Expectation, change: StoreChange, key: string): boolean {
    if (exp.kind === 'set' ? change.removed : !change.removed) return false;
    if (exp.key !== null) return exp.key === key;
    return siteOfHost(change.cookie.domain) === exp.site;
  }

  /** A cookies.onChanged event of this store: the model's copy follows it, and a waiting line may be settled. */
  observe(change: StoreChange): void {
    const { removed, cause, cookie } = change;
    this.model.applyChange({ removed, cookie });
    // An overwrite's removal is half of the addition that follows; expiry and eviction are not a line's doing.
    const fromLine = removed ? cause === 'expired_overwrite' : cause === 'explicit';
    const key = identityOf(cookie);
    const now = this.options.now();
    if (!fromLine) {
      if (removed && cause !== 'overwrite') this.remember(key, { what: 'removed', cause, time: now });
      return;
    }
    const fallback = this.fallbacks > 0 ? fallbackKey(cookie.name, siteOfHost(cookie.domain)) : null;
    const exp = this.waiting.take(key, (e) => this.matches(e, change, key))
      ?? (fallback === null ? undefined : this.waiting.take(fallback, (e) => this.matches(e, change, key)));
    if (exp !== undefined) { this.settle(exp, true, true); return; }
    const late = this.late.take(key, (e) => this.matches(e, change, key))
      ?? (fallback === null ? undefined : this.late.take(fallback, (e) => this.matches(e, change, key)));
    if (late !== undefined) { this.correct(late); return; }
    // No line explains it (yet): a page's script, an extension, or a response still to come.
    const unclaimed: Unclaimed = { change, key, at: now, claimed: false };
    this.unclaimed.add(key, unclaimed);
    this.unclaimedOrder.push(unclaimed);
    if (this.unclaimedOrder.length > UNCLAIMED_LIMIT) this.dropUnclaimed(this.unclaimedOrder.shift());
    this.remember(key, removed ? { what: 'removed', cause, time: now } : { what: 'set', cause, time: now });
  }

  /** Settles the lines that waited SETTLE_MS; returns when the next one is due (ms), or null. */
  settleDue(): number | null {
    const now = this.options.now();
    while (this.dueStart < this.due.length) {
      const exp = this.due[this.dueStart] as Expectation;
      if (!exp.settled && exp.due > now) break;
      this.dueStart++;
      if (exp.settled) continue;
      this.waiting.remove(exp.slot, exp);
      this.settleByTimeout(exp, now);
    }
    if (this.dueStart > 1024 && this.dueStart * 2 > this.due.length) { this.due.splice(0, this.dueStart); this.dueStart = 0; }
    while (this.lateOrder.length > 0 && (this.lateOrder[0]?.until ?? Infinity) <= now) {
      const entry = this.lateOrder.shift();
      if (entry !== undefined && this.late.remove(entry.exp.slot, entry.exp) && entry.exp.key === null) this.fallbacks--;
    }
    while (this.unclaimedOrder.length > 0 && (this.unclaimedOrder[0]?.at ?? Infinity) + SETTLE_MS <= now) this.dropUnclaimed(this.unclaimedOrder.shift());
    // The first loop stopped at the next line still waiting (or at the end).
    const next = this.due[this.dueStart];
    if (next !== undefined) return next.due;
    return this.unclaimedOrder.length > 0 || this.lateOrder.length > 0 ? now + SETTLE_MS : null;
  }

  /** Too many lines waiting (a flood): the oldest is settled as unknown. */
  private settleOldest(): void {
    while (this.dueStart < this.due.length) {
      const exp = this.due[this.dueStart++] as Expectation;
      if (exp.settled) continue;
      this.waiting.remove(exp.slot, exp);
      this.settle(exp, null, true);
      return;
    }
  }

  private settleByTimeout(exp: Expectation, now: number): void {
    // No change: a line was not stored; a deletion of a cookie that existed did not happen; one of a cookie that did not exist cannot be known.
    const stored = exp.kind === 'set' || exp.existed ? false : null;
    this.settle(exp, stored, true);
    if (stored === false) {
      this.late.add(exp.slot, exp);
      this.lateOrder.push({ exp, until: now + LATE_MS });
      if (exp.key === null) this.fallbacks++;
    }
  }

  private dropUnclaimed(entry: Unclaimed | undefined): void {
    if (entry !== undefined) this.unclaimed.remove(entry.key, entry);
  }

  private remember(key: string, event: CookieHistory): void {
    this.history.delete(key);
    this.history.set(key, event);
    if (this.history.size > HISTORY_LIMIT) {
      const oldest = this.history.keys().next();
      if (oldest.done !== true) this.history.delete(oldest.value);
    }
  }

  private settle(exp: Expectation, stored: boolean | null, wasWaiting: boolean): void {
    exp.settled = true;
    if (wasWaiting) { this.waitingCount--; if (exp.key === null) this.fallbacks--; }
    const verdict = exp.verdict;
    verdict[V.state] = 0;
    verdict[V.observed] = observedOf(stored);
    this.review(exp);
    exp.onSettled();
  }

  /** A line settled "not stored" whose change came late: it was stored after all. */
  private correct(exp: Expectation): void {
    if (exp.key === null) this.fallbacks--;
    const verdict = exp.verdict;
    if (verdict[V.state] === FLAGGED) { verdict[V.state] = 0; this.disagreements--; }
    verdict[V.observed] = 1;
    this.review(exp);
    exp.onSettled();
  }

  /** Flags a disagreement, after checking whether it only shows the third-party cookie setting. */
  private review(exp: Expectation): void {
    const verdict = exp.verdict;
    if (verdict[V.observed] === 2) return;
    const agrees = () => verdict[V.observed] === verdict[V.predicted];
    if (!agrees() || !this.thirdPartyKnown) this.learnThirdPartySetting(exp);
    if (!agrees()) { verdict[V.state] = FLAGGED; this.disagreements++; }
  }

  /**
   * The store shows the third-party cookie setting (docs/browser-model.md, "The third-party cookie
   * setting"): a third-party line that the model would store with third-party cookies allowed, and
   * refuse with them blocked, was stored or not. When the setting differs from the one assumed,
   * the model takes it, and the line's prediction is made again under it.
   */
  private learnThirdPartySetting(exp: Expectation): void {
    const verdict = exp.verdict;
    const current = this.model.thirdPartyCookies;
    if (current === 'phaseout') return;
    // Only a line refused for being third-party is evidence (until the setting is known, a confirmation is worth the cost).
    if (verdict[V.predicted] === 0 && !verdict[V.reasons].includes('UserPreferences')) return;
    if (verdict[V.predicted] === 1 && verdict[V.observed] !== 0) return;
    let ifAllowed: SetCookieVerdict;
    let ifBlocked: SetCookieVerdict;
    try {
      ifAllowed = this.model.setFromHeader(exp.line, { ...exp.context, thirdPartyCookies: 'allowed' }, { apply: false });
      ifBlocked = this.model.setFromHeader(exp.line, { ...exp.context, thirdPartyCookies: 'blocked' }, { apply: false });
    } catch {
      return;
    }
    const setting = inferThirdPartyCookieSetting([{
      thirdParty: ifBlocked.reasons.includes('UserPreferences'), partitioned: ifAllowed.cookie?.partitionKey !== undefined,
      outcomeIfAllowed: ifAllowed.outcome, observedStored: storedOf(verdict[V.observed]),
    }]);
    if (setting === null) return;
    this.thirdPartyKnown = true;
    if (setting !== current) this.model.thirdPartyCookies = setting;
    // The line was predicted under the setting assumed then: predicted again under the one shown.
    const again = setting === 'allowed' ? ifAllowed : ifBlocked;
    const predicted = again.outcome === 'refused' ? 0 : 1;
    if (predicted === verdict[V.predicted]) return;
    verdict[V.predicted] = predicted;
    verdict[V.reasons] = again.reasons as string[];
    const learned = `(The browser ${setting === 'allowed' ? 'allows' : 'blocks'} third-party cookies: the store showed it with this cookie.)`;
    verdict[V.sentence] = sentenceIndex(exp.sentences, predicted === 0 ? `${again.sentence} ${learned}` : learned);
  }

  /** The setting the model uses now. */
  get thirdPartyCookies(): ThirdPartyCookieSetting { return this.model.thirdPartyCookies; }
}

/** The index of `sentence` in a response's table, added when new (a response has a few lines: a search is cheapest). */
function sentenceIndex(sentences: string[], sentence: string): number {
  const known = sentences.indexOf(sentence);
  if (known >= 0) return known;
  sentences.push(sentence);
  return sentences.length - 1;
}

function isApiCookie(value: unknown): value is ApiCookie {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return typeof c['name'] === 'string' && typeof c['value'] === 'string' && typeof c['domain'] === 'string' && typeof c['path'] === 'string'
    && typeof c['secure'] === 'boolean' && typeof c['httpOnly'] === 'boolean';
}

/** A cookies.onChanged event's cookie, when it is one (the API's object; anything else is ignored). */
export function storeChange(change: { removed: boolean; cause: string; cookie: object }): StoreChange | null {
  return isApiCookie(change.cookie) ? { removed: change.removed, cause: change.cause, cookie: change.cookie } : null;
}
