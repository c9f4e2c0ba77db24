// The decision log of one cookie store: every observed response with its Set-Cookie lines and one
// decision per cookie (and per cookie the mirror evicted), bounded in decisions AND in bytes as
// stored. Each line is stored once, cut to LINE_LIMIT characters (the prefix and the full length);
// a decision names its line by index, and its cookie's value, when it is a piece of that line, by
// position (never a second copy). Each site (the top-level document's registrable domain) has a
// log of its own, in pages (pagedLog.ts): when a bound is passed, the site with the largest share
// gives up its oldest response, so one site's flood of cookies cannot push another site out.
import { Cookie, type CookieDecision } from '../jar';
import type { CookieJSON, DecisionEntry, ResponseContext } from '../shared/protocol';
import { abandon, verdictOf, type LoggedVerdict } from './browserVerdicts';
import { decodeCookie, encodeCookie, type StoredCookie } from './codec';
import { siteOf } from './cookies';
import type { SetCookieLine } from './adapter';
import type { StoreKey } from './classify';
import { hostOf } from '../shared/urls';
import { Largest } from './largest';
import { utf8Length } from './limits';
import type { Eviction } from './mirror';
import { PagedLog } from './pagedLog';

/** Characters kept of a header line, a URL or a cookie value in the log (a cookie proper is at most 4,096 bytes). */
export const LINE_LIMIT = 8 * 1024;
export const DECISION_LIMIT = 10_000;
/** The log's share of storage.session (10 MiB in all: the jar 4, this 3.5, the sent headers 1, the rest small). */
export const LOG_BYTES = 3.5 * 1024 * 1024;

export interface LoggedLine {
  header: 'Set-Cookie' | 'Set-Cookie2';
  text: string;
  /** The line's full length, when `text` is only its first LINE_LIMIT characters. */
  length?: number;
  /** The browser's verdict on the line (browserVerdicts.ts): one per line, shared by its decisions; updated while pending. */
  browser?: LoggedVerdict;
}

export interface LoggedDecision {
  /** Increases with every decision of the store, across worker restarts. */
  id: number;
  /** Index into the response's lines; -1 when the jar could not name the line. */
  line: number;
  accepted: boolean;
  rule?: string;
  reason?: string;
  /** The cookie as stored (codec.ts); its value is null when `valueAt` says where it is in the line. */
  cookie: StoredCookie | null;
  /** [start, length] of the cookie's value in its line's text. */
  valueAt?: [number, number];
  /** 'evicted': the mirror evicted this cookie to stay within a limit (the line is the one that caused it). */
  kind?: 'evicted';
}

/** One response as logged (and stored): its context, lines and decisions. Unknown fields are kept. */
export interface LoggedResponse extends Omit<ResponseContext, 'incognito'> {
  id: number;
  /** The URL's full length, when `url` is cut (such a response is not replayed). */
  urlLength?: number;
  lines: LoggedLine[];
  decisions: LoggedDecision[];
  /** The sentences of the lines' browser verdicts (each once; a verdict names its sentence by index). */
  sentences?: string[];
}

export interface LogLimits { decisions: number; bytes: number }

/** A string cut to LINE_LIMIT characters, with its full length when cut. */
export function cutText(text: string): { text: string; length?: number } {
  return text.length <= LINE_LIMIT ? { text } : { text: text.slice(0, LINE_LIMIT), length: text.length };
}

/** Index of each decision's line: decisions come in line order, so one forward walk (never a search per decision). */
export function lineIndexes(decisions: readonly CookieDecision[], lines: readonly SetCookieLine[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const decision of decisions) {
    let found = -1;
    for (let j = at; j < lines.length; j++) {
      if (lines[j]?.[1] === decision.header) { found = j; break; }
    }
    if (found >= 0) at = found;
    out.push(found);
  }
  return out;
}

/** A decision's cookie in its stored form: the value as a position in the line when it is there. */
export function loggedCookie(cookie: Cookie, line: LoggedLine | undefined): Pick<LoggedDecision, 'cookie' | 'valueAt'> {
  const stored = encodeCookie(cookie);
  const value = cookie.value;
  if (value !== null && value.length > 0 && line !== undefined) {
    const at = line.text.indexOf(value);
    if (at >= 0) { stored[2] = null; return { cookie: stored, valueAt: [at, value.length] }; }
    // A value running past the part of the line that is kept: the part the line has, searched
    // after the first "=" (the name before it may begin with the same characters).
    const start = line.length === undefined ? -1 : line.text.indexOf(value.slice(0, 64), line.text.indexOf('=') + 1);
    if (start >= 0) { stored[2] = null; return { cookie: stored, valueAt: [start, line.text.length - start] }; }
  }
  if (value !== null && value.length > LINE_LIMIT) stored[2] = value.slice(0, LINE_LIMIT);
  return { cookie: stored };
}

/**
 * The site of the last top-level document asked about (one with a host): the responses of a page
 * come in a run under the same top-level document, whose URL need not be parsed for each.
 */
let lastTopLevel: { url: string; site: string } | null = null;

export class DecisionLog {
  private readonly sites = new Map<string, PagedLog<LoggedResponse>>();
  private readonly decisionsOf = new Map<string, number>();
  /** Sites whose log emptied: their pages must still be removed from storage, so they stay reachable until written. */
  private readonly emptied = new Map<string, PagedLog<LoggedResponse>>();
  private decisionCount = 0;
  private byteCount = 0;
  private responseCount = 0;
  /** The site with the most decisions, and the one using the most bytes, without a scan (largest.ts). */
  private readonly mostDecisions = new Largest<string>((site) => this.decisionsOf.get(site) ?? 0, () => this.sites.keys(), () => this.sites.size);
  private readonly mostBytes = new Largest<string>((site) => this.sites.get(site)?.bytes ?? 0, () => this.sites.keys(), () => this.sites.size);
  /** Responses whose browser verdicts changed in place: serialised again before the next write. */
  private readonly touched = new Set<LoggedResponse>();

  constructor(private limits: LogLimits = { decisions: DECISION_LIMIT, bytes: LOG_BYTES }) {}

  get decisions(): number { return this.decisionCount; }
  get responses(): number { return this.responseCount; }
  get bytes(): number { return this.byteCount; }
  get limit(): number { return this.limits.decisions; }

  /** The site a response is logged under: its top-level document's registrable domain (or the request's). */
  static siteOf(response: Pick<LoggedResponse, 'url' | 'topLevelUrl'>): string {
    const { url, topLevelUrl } = response;
    if (topLevelUrl !== null && lastTopLevel?.url === topLevelUrl) return lastTopLevel.site;
    const topHost = hostOf(topLevelUrl);
    if (topHost === null) return siteOf(hostOf(url) ?? '');
    const site = siteOf(topHost);
    lastTopLevel = { url: topLevelUrl as string, site };
    return site;
  }

  append(response: LoggedResponse): void {
    const site = DecisionLog.siteOf(response);
    this.add(site, response, JSON.stringify(response));
    this.enforce();
  }

  /**
   * A logged response changed in place (a browser verdict settled): the JSON text its page keeps is
   * made again, and its size measured again, by `remeasure` (before the next write: a response's
   * verdicts often settle together, a few milliseconds apart, and are serialised once).
   */
  touch(response: LoggedResponse): void {
    this.touched.add(response);
  }

  get touchedCount(): number { return this.touched.size; }

  /** Serialises the touched responses again and marks their pages to be written. */
  remeasure(): void {
    if (this.touched.size === 0) return;
    for (const response of this.touched) {
      const site = DecisionLog.siteOf(response);
      const log = this.sites.get(site);
      if (log === undefined) continue;
      const change = log.refresh(response, JSON.stringify(response));
      if (change === 0) continue;
      this.byteCount += change;
      this.resized(site);
    }
    this.touched.clear();
    this.enforce();
  }

  /** A stored page read back at load: responses already validated. */
  restorePage(site: string, no: number, responses: readonly LoggedResponse[]): void {
    // A verdict that was waiting when the worker stopped cannot be observed any more.
    for (const response of responses) {
      for (const line of response.lines) {
        if (line.browser !== undefined) abandon(line.browser);
      }
    }
    const log = this.logOf(site);
    const bytes = log.restorePage(no, responses);
    const decisions = responses.reduce((n, r) => n + r.decisions.length, 0);
    this.decisionsOf.set(site, (this.decisionsOf.get(site) ?? 0) + decisions);
    this.decisionCount += decisions;
    this.responseCount += responses.length;
    this.byteCount += bytes;
    this.resized(site);
  }

  /** After loading every page: the bounds may have changed since they were written. */
  enforceLimits(): void { this.enforce(); }

  clear(): void {
    this.touched.clear();
    for (const [site, log] of this.sites) { log.clear(); this.emptied.set(site, log); }
    this.sites.clear();
    this.decisionsOf.clear();
    this.mostDecisions.clear();
    this.mostBytes.clear();
    this.decisionCount = 0;
    this.byteCount = 0;
    this.responseCount = 0;
  }

  /** Every response, oldest first (replay). */
  chronological(): LoggedResponse[] {
    const all: LoggedResponse[] = [];
    for (const log of this.sites.values()) for (const response of log.oldestFirst()) all.push(response);
    return all.sort((a, b) => a.id - b.id);
  }

  /** Every response, newest first. */
  newestFirst(): LoggedResponse[] {
    return this.chronological().reverse();
  }

  /** site -> its log, for the writer (dirty pages) and the tests. */
  siteLogs(): ReadonlyMap<string, PagedLog<LoggedResponse>> {
    return this.sites;
  }

  /**
   * The site's log, made when it has none. A log emptied since the last write is taken back: its
   * pages are still to be removed from storage, and its new pages are numbered after them (a new
   * log's page 1 would leave the old pages 2, 3... in storage, to come back at the next start).
   */
  private logOf(site: string): PagedLog<LoggedResponse> {
    let log = this.sites.get(site);
    if (log === undefined) {
      log = this.emptied.get(site) ?? new PagedLog();
      this.emptied.delete(site);
      this.sites.set(site, log);
    }
    return log;
  }

  private add(site: string, response: LoggedResponse, json: string): void {
    const log = this.logOf(site);
    const bytes = log.append(response, json);
    this.decisionsOf.set(site, (this.decisionsOf.get(site) ?? 0) + response.decisions.length);
    this.decisionCount += response.decisions.length;
    this.byteCount += bytes;
    this.responseCount++;
    this.resized(site);
  }

  private resized(site: string): void {
    this.mostDecisions.changed(site);
    this.mostBytes.changed(site);
  }

  /** Over a bound: the site with the largest share (decisions, or bytes) gives up its oldest response. */
  private enforce(): void {
    while (this.decisionCount > this.limits.decisions) {
      const site = this.mostDecisions.top();
      if (site === undefined || !this.shrink(site, this.decisionCount - this.limits.decisions, 0)) break;
    }
    while (this.byteCount > this.limits.bytes) {
      const site = this.mostBytes.top();
      if (site === undefined || !this.shrink(site, 0, this.byteCount - this.limits.bytes)) break;
    }
  }

  /**
   * Drops the site's oldest response; when it is the site's only response and holds more than the
   * excess, keeps its newest decisions instead (one response can be larger than the whole log).
   */
  private shrink(site: string, excessDecisions: number, excessBytes: number): boolean {
    const log = this.sites.get(site);
    const oldest = log?.oldest();
    if (log === undefined || oldest === undefined) return false;
    const before = log.bytes;
    if (log.size > 1 || oldest.decisions.length === 0) {
      log.dropOldest();
      this.forget(site, oldest.decisions.length, before - log.bytes, 1);
    } else {
      const trimmed = trimResponse(oldest, excessDecisions, excessBytes);
      if (trimmed === null) {
        log.dropOldest();
        this.forget(site, oldest.decisions.length, before - log.bytes, 1);
      } else {
        log.replaceOldest(trimmed, JSON.stringify(trimmed));
        this.forget(site, oldest.decisions.length - trimmed.decisions.length, before - log.bytes, 0);
      }
    }
    if (log.size === 0) { this.sites.delete(site); this.decisionsOf.delete(site); this.emptied.set(site, log); }
    return true;
  }

  /** Site logs whose pages changed, including emptied ones (whose pages are to be removed). */
  dirtyLogs(): [string, PagedLog<LoggedResponse>][] {
    const out: [string, PagedLog<LoggedResponse>][] = [];
    for (const [site, log] of this.sites) if (log.dirty.size > 0) out.push([site, log]);
    // A site is in one of the two maps, never both (logOf).
    for (const [site, log] of this.emptied) if (log.dirty.size > 0) out.push([site, log]);
    this.emptied.clear();
    return out;
  }

  private forget(site: string, decisions: number, bytes: number, responses: number): void {
    this.decisionsOf.set(site, (this.decisionsOf.get(site) ?? 0) - decisions);
    this.decisionCount -= decisions;
    this.byteCount -= bytes;
    this.responseCount -= responses;
    this.resized(site);
  }
}

/**
 * A response keeping only its newest decisions: at least `excessDecisions` fewer, and (with its
 * lines no decision names any more dropped) at least `excessBytes` smaller; null when nothing would
 * be left.
 */
function trimResponse(response: LoggedResponse, excessDecisions: number, excessBytes: number): LoggedResponse | null {
  const decisionBytes = response.decisions.map((d) => utf8Length(JSON.stringify(d)) + 1);
  const lineBytes = response.lines.map((l) => utf8Length(JSON.stringify(l)) + 1);
  let drop = Math.max(excessDecisions, 0);
  if (excessBytes > 0) {
    // Drop decisions (and the lines only they name) from the oldest until enough bytes are freed.
    let freed = 0;
    const stillNamed = new Map<number, number>();
    for (const d of response.decisions) stillNamed.set(d.line, (stillNamed.get(d.line) ?? 0) + 1);
    drop = 0;
    for (const d of response.decisions) {
      if (freed >= excessBytes) break;
      freed += decisionBytes[drop] ?? 0;
      const left = (stillNamed.get(d.line) ?? 1) - 1;
      stillNamed.set(d.line, left);
      if (left === 0 && d.line >= 0) freed += lineBytes[d.line] ?? 0;
      drop++;
    }
    drop = Math.max(drop, excessDecisions);
  }
  if (drop >= response.decisions.length) return null;
  const kept = response.decisions.slice(drop);
  const used = [...new Set(kept.map((d) => d.line).filter((l) => l >= 0))].sort((a, b) => a - b);
  const renumber = new Map(used.map((old, index) => [old, index]));
  return {
    ...response,
    lines: used.map((index) => response.lines[index] as LoggedLine),
    decisions: kept.map((d) => ({ ...d, line: d.line < 0 ? -1 : renumber.get(d.line) ?? -1 })),
  };
}

/** The decisions of a response as the protocol gives them (getDecisions), newest first within it. */
export function decisionEntries(response: LoggedResponse, store: StoreKey): DecisionEntry[] {
  const requestHost = hostOf(response.url) ?? '';
  const site = siteOf(hostOf(response.topLevelUrl) ?? requestHost);
  const out: DecisionEntry[] = [];
  for (let d = response.decisions.length - 1; d >= 0; d--) {
    const decision = response.decisions[d];
    if (decision === undefined) continue;
    out.push(decisionEntry(response, decision, { site, requestHost, store }));
  }
  return out;
}

export function decisionEntry(response: LoggedResponse, decision: LoggedDecision, context: { site: string; requestHost: string; store: StoreKey }): DecisionEntry {
  const line = decision.line >= 0 ? response.lines[decision.line] : undefined;
  return {
    id: decision.id, responseId: response.id, time: response.time, tabId: response.tabId, site: context.site,
    topLevelUrl: response.topLevelUrl, requestUrl: response.url, requestHost: context.requestHost, resourceType: response.resourceType,
    label: response.label, thirdParty: response.thirdParty, unverifiable: response.unverifiable, originReqHost: response.originReqHost,
    header: line?.header ?? 'Set-Cookie', line: line?.text ?? '',
    ...(line?.length === undefined ? {} : { lineLength: line.length }),
    accepted: decision.accepted,
    ...(decision.rule === undefined ? {} : { rule: decision.rule }),
    ...(decision.reason === undefined ? {} : { reason: decision.reason }),
    cookie: cookieJSON(decision, line),
    incognito: context.store.private, storeId: context.store.storeId,
    ...(decision.kind === undefined ? {} : { kind: decision.kind }),
    ...(line?.browser === undefined || decision.kind !== undefined ? {} : { browser: verdictOf(line.browser, response.sentences) }),
  };
}

/** A logged decision's cookie as CookieJSON (its value taken from the line where it was stored by position). */
export function cookieJSON(decision: LoggedDecision, line: LoggedLine | undefined): CookieJSON | null {
  if (decision.cookie === null) return null;
  const stored: StoredCookie = [...decision.cookie];
  if (decision.valueAt !== undefined && line !== undefined) {
    const [at, length] = decision.valueAt;
    stored[2] = line.text.slice(at, at + length);
  }
  const cookie = decodeCookie(stored);
  return typeof cookie === 'string' ? null : cookie.toJSON();
}

/** The logged form of one observed response: its lines cut and stored once, each decision naming its line. */
export function logResponse(
  context: Omit<ResponseContext, 'time' | 'incognito'>, id: number, time: number, lines: readonly SetCookieLine[],
  decisions: readonly CookieDecision[], evictions: readonly Eviction[], nextId: () => number,
  browser: { verdicts: readonly (LoggedVerdict | undefined)[]; sentences: string[] } = { verdicts: [], sentences: [] },
): LoggedResponse {
  // Plain literals and assignments, no object spreads: this runs for every observed response, and a spread costs microseconds.
  const logged: LoggedLine[] = lines.map(([header, text], i) => {
    const entry: LoggedLine = text.length <= LINE_LIMIT ? { header, text } : { header, text: text.slice(0, LINE_LIMIT), length: text.length };
    const verdict = browser.verdicts[i];
    if (verdict !== undefined) entry.browser = verdict;
    return entry;
  });
  const indexes = lineIndexes(decisions, lines);
  const entries: LoggedDecision[] = decisions.map((decision, i) => {
    const line = indexes[i] ?? -1;
    const { cookie, valueAt } = loggedCookie(decision.cookie, logged[line]);
    const entry: LoggedDecision = { id: nextId(), line, accepted: decision.accepted, cookie };
    if (decision.rule !== undefined) entry.rule = decision.rule;
    if (decision.reason !== undefined) entry.reason = decision.reason;
    if (valueAt !== undefined) entry.valueAt = valueAt;
    return entry;
  });
  // An eviction is logged on the response that caused it, naming its last line.
  for (const eviction of evictions) {
    entries.push({
      id: nextId(), line: logged.length - 1, accepted: false, rule: eviction.rule, reason: eviction.reason,
      ...loggedCookie(eviction.cookie, undefined), kind: 'evicted',
    });
  }
  const url = cutText(context.url);
  const top = context.topLevelUrl === null ? null : cutText(context.topLevelUrl).text;
  const response: LoggedResponse = {
    id, time, url: url.text, tabId: context.tabId,
    resourceType: context.resourceType, topLevelUrl: top, unverifiable: context.unverifiable, originReqHost: context.originReqHost,
    thirdParty: context.thirdParty, label: context.label, redirectedFrom: context.redirectedFrom, lines: logged, decisions: entries,
  };
  if (url.length !== undefined) response.urlLength = url.length;
  // The table is shared with the verdicts, which add to it when a prediction is made again.
  if (browser.verdicts.length > 0) response.sentences = browser.sentences;
  return response;
}
