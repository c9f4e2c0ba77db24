// The stored records: their keys, their shapes, and the checks that everything read back has exactly
// that shape. Nothing read from storage is cast: a record that fails its check is a load problem
// (service.ts), reported, and never overwritten until the user chooses what to do.
//
//   settings                          local    PolicySettings (src/shared/settings.ts)
//   jar/<store>/<site>                session  one site's cookies (session and, without persistence, all)
//   jar/<store>/<site>                local    one site's persistent cookies, only with "keep the jar across restarts"
//   log/<store>/<site>/<page>         session  a page of one site's decision log (v 2: its items as JSON text)
//   sent/<store>/<page>               session  a page of the sent-header log (v 2: its items as JSON text)
//   tabs/<store>                      session  each tab's top-level URL (third-party detection after a restart)
//   meta/<store>                      session  the id counters (ids keep increasing across restarts)
//   status                            session  write failures, so a restarted worker still reports them
// Private stores (incognito) have no records at all. Every record is { v: 1, ... } (a page, v: 2): a
// later version adds fields (unknown fields of a logged decision are kept as they are).
import { Cookie, type CookieInit } from '../jar';
import type { SentHeaderEntry } from '../shared/protocol';
import { decodeCookie, type StoredCookie } from './codec';
import { verdictProblem } from './browserVerdicts';
import type { LoggedDecision, LoggedLine, LoggedResponse } from './decisionLog';
import type { WriteFailure } from './store';

export const SETTINGS_KEY = 'settings';
export const STATUS_KEY = 'status';
/** Keys of the single-record layout before per-site records (migrated at load, then removed). */
export const OLD_KEYS = { jar: 'jar', log: 'decisionLog', sent: 'sentHeaders', tabs: 'tabs' } as const;

export const keys = {
  jar: (store: string, site: string) => `jar/${store}/${site}`,
  log: (store: string, site: string, page: number) => `log/${store}/${site}/${page}`,
  sent: (store: string, page: number) => `sent/${store}/${page}`,
  tabs: (store: string) => `tabs/${store}`,
  meta: (store: string) => `meta/${store}`,
};

export type ParsedKey =
  | { kind: 'jar'; store: string; site: string }
  | { kind: 'log'; store: string; site: string; page: number }
  | { kind: 'sent'; store: string; page: number }
  | { kind: 'tabs' | 'meta'; store: string }
  | { kind: 'settings' | 'status' | 'old-jar' | 'old-log' | 'old-sent' | 'old-tabs' }
  | { kind: 'unknown' };

export function parseKey(key: string): ParsedKey {
  if (key === SETTINGS_KEY) return { kind: 'settings' };
  if (key === STATUS_KEY) return { kind: 'status' };
  if (key === OLD_KEYS.jar) return { kind: 'old-jar' };
  if (key === OLD_KEYS.log) return { kind: 'old-log' };
  if (key === OLD_KEYS.sent) return { kind: 'old-sent' };
  if (key === OLD_KEYS.tabs) return { kind: 'old-tabs' };
  const parts = key.split('/');
  const [kind, store] = parts;
  if (store === undefined || store === '') return { kind: 'unknown' };
  const page = (text: string | undefined) => (text !== undefined && /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : null);
  if (kind === 'jar' && parts.length === 3) return { kind, store, site: parts[2] ?? '' };
  if (kind === 'log' && parts.length === 4) {
    const no = page(parts[3]);
    return no === null ? { kind: 'unknown' } : { kind, store, site: parts[2] ?? '', page: no };
  }
  if (kind === 'sent' && parts.length === 3) {
    const no = page(parts[2]);
    return no === null ? { kind: 'unknown' } : { kind, store, page: no };
  }
  if ((kind === 'tabs' || kind === 'meta') && parts.length === 2) return { kind, store };
  return { kind: 'unknown' };
}

/** Throws a sentence saying what is wrong; used by the checks below. */
class Invalid extends Error {}
function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Invalid(message);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isOptionalInt = (v: unknown): boolean => v === undefined || isInt(v);

/** The value's problem as a sentence, or null when it is valid. */
function problemOf(run: () => void): string | null {
  try { run(); return null; } catch (error) {
    if (error instanceof Invalid) return error.message;
    return `unreadable (${error instanceof Error ? error.message : String(error)})`;
  }
}

function versioned(value: unknown): Record<string, unknown> {
  check(isObject(value), 'is not an object');
  check(value['v'] === 1, `has version ${JSON.stringify(value['v'])}, not 1`);
  return value;
}

// --- the jar ----------------------------------------------------------------------------------------

export interface SiteRecordValue { v: 1; cookies: StoredCookie[]; used: number[]; order: number[] }

/** A site record's cookies with their LRU times and domain positions, or the problem. */
export function readSiteRecord(value: unknown): { cookies: { cookie: Cookie; used: number; order: number }[] } | string {
  const out: { cookie: Cookie; used: number; order: number }[] = [];
  const problem = problemOf(() => {
    const record = versioned(value);
    const cookies = record['cookies'];
    const used = record['used'];
    const order = record['order'];
    check(Array.isArray(cookies) && Array.isArray(used) && Array.isArray(order) && cookies.length === used.length && cookies.length === order.length,
      'has no matching cookies, used and order lists');
    cookies.forEach((stored: unknown, i) => {
      const cookie = decodeCookie(stored);
      check(typeof cookie !== 'string', `cookie ${i + 1}: ${typeof cookie === 'string' ? cookie : ''}`);
      const time: unknown = used[i];
      const position: unknown = order[i];
      check(typeof time === 'number' && Number.isFinite(time) && isInt(position) && position >= 0, `cookie ${i + 1} has no last-used time or position`);
      out.push({ cookie, used: time, order: position });
    });
  });
  return problem ?? { cookies: out };
}

// --- the decision log -------------------------------------------------------------------------------

const LABELS = ['top-level', 'first-party', 'third-party', 'redirect', 'no-tab'];

function checkLine(line: unknown, i: number, sentences: number): asserts line is LoggedLine {
  check(isObject(line), `line ${i + 1} is not an object`);
  check(line['header'] === 'Set-Cookie' || line['header'] === 'Set-Cookie2', `line ${i + 1} has an unknown header name`);
  check(isString(line['text']) && isOptionalInt(line['length']), `line ${i + 1} has no text`);
  const browser = line['browser'];
  if (browser !== undefined) {
    const problem = verdictProblem(browser, sentences);
    check(problem === null, `line ${i + 1}: its browser verdict ${problem ?? ''}`);
  }
}

function checkDecision(decision: unknown, lines: readonly LoggedLine[], i: number): asserts decision is LoggedDecision {
  const at = `decision ${i + 1}`;
  check(isObject(decision), `${at} is not an object`);
  check(isInt(decision['id']) && isInt(decision['line']) && (decision['line']) >= -1 && (decision['line']) < lines.length, `${at} has a bad id or line`);
  check(typeof decision['accepted'] === 'boolean', `${at} has no outcome`);
  check(decision['rule'] === undefined || isString(decision['rule']), `${at} has a bad rule`);
  check(decision['reason'] === undefined || isString(decision['reason']), `${at} has a bad reason`);
  check(decision['kind'] === undefined || decision['kind'] === 'evicted', `${at} has an unknown kind`);
  const cookie = decision['cookie'];
  if (cookie !== null) {
    const decoded = decodeCookie(cookie);
    check(typeof decoded !== 'string', `${at}: ${typeof decoded === 'string' ? decoded : ''}`);
  }
  const valueAt = decision['valueAt'];
  if (valueAt !== undefined) {
    const line = lines[decision['line']];
    check(Array.isArray(valueAt) && valueAt.length === 2 && isInt(valueAt[0]) && isInt(valueAt[1]) && line !== undefined
      && valueAt[0] >= 0 && valueAt[1] >= 0 && valueAt[0] + valueAt[1] <= line.text.length, `${at} points outside its line`);
  }
}

export function checkResponse(value: unknown, i: number): asserts value is LoggedResponse {
  const at = `response ${i + 1}`;
  check(isObject(value), `${at} is not an object`);
  check(isInt(value['id']) && typeof value['time'] === 'number' && isInt(value['tabId']), `${at} has a bad id, time or tab`);
  check(isString(value['url']) && isOptionalInt(value['urlLength']) && isString(value['resourceType']), `${at} has a bad URL or type`);
  check(isStringOrNull(value['topLevelUrl']) && isString(value['originReqHost']), `${at} has a bad top-level URL or origin`);
  check(typeof value['unverifiable'] === 'boolean' && typeof value['thirdParty'] === 'boolean', `${at} has bad flags`);
  check(isString(value['label']) && LABELS.includes(value['label']), `${at} has an unknown label`);
  check(Array.isArray(value['redirectedFrom']) && value['redirectedFrom'].every(isString), `${at} has a bad redirect chain`);
  const lines = value['lines'];
  const decisions = value['decisions'];
  const sentences = value['sentences'];
  check(Array.isArray(lines) && Array.isArray(decisions), `${at} has no lines or decisions`);
  check(sentences === undefined || (Array.isArray(sentences) && sentences.every(isString)), `${at} has a bad list of sentences`);
  lines.forEach((line: unknown, j) => { checkLine(line, j, sentences?.length ?? 0); });
  decisions.forEach((decision: unknown, j) => { checkDecision(decision, lines as LoggedLine[], j); });
}

/**
 * A page's items, each checked, or the problem. Version 2 holds the items as JSON text (one string
 * is far cheaper for a storage area to copy than the objects: pagedLog.ts); version 1, the items.
 */
function readPage<T>(value: unknown, checkItem: (item: unknown, i: number) => asserts item is T): T[] | string {
  let items: T[] = [];
  const problem = problemOf(() => {
    check(isObject(value), 'is not an object');
    check(value['v'] === 1 || value['v'] === 2, `has version ${JSON.stringify(value['v'])}, not 1 or 2`);
    const text = value['items'];
    if (value['v'] === 2) check(isString(text), 'has no items text');
    const list: unknown = value['v'] === 2 ? JSON.parse(text as string) : text;
    check(Array.isArray(list), 'has no items');
    list.forEach((item: unknown, i) => { checkItem(item, i); });
    items = list as T[];
  });
  return problem ?? items;
}

/** A log page's responses, or the problem. */
export function readLogPage(value: unknown): LoggedResponse[] | string {
  return readPage<LoggedResponse>(value, checkResponse);
}

// --- the sent-header log ----------------------------------------------------------------------------

function checkSentEntry(value: unknown, i: number): asserts value is SentHeaderEntry {
  const at = `entry ${i + 1}`;
  check(isObject(value), `${at} is not an object`);
  check(typeof value['time'] === 'number' && isInt(value['tabId']) && isString(value['url']) && isString(value['resourceType']), `${at} has a bad time, tab, URL or type`);
  check(isStringOrNull(value['browser']) && isStringOrNull(value['jar']) && isStringOrNull(value['jarCookie2']), `${at} has a bad header`);
  check(typeof value['same'] === 'boolean', `${at} has no comparison`);
  check(isOptionalInt(value['browserLength']) && isOptionalInt(value['jarLength']) && isOptionalInt(value['urlLength']), `${at} has a bad length`);
}

export function readSentPage(value: unknown): SentHeaderEntry[] | string {
  return readPage<SentHeaderEntry>(value, checkSentEntry);
}

// --- small records ----------------------------------------------------------------------------------

export function readTabs(value: unknown): [number, string][] | string {
  let tabs: [number, string][] = [];
  const problem = problemOf(() => {
    const record = versioned(value);
    const list = record['tabs'];
    check(Array.isArray(list) && list.every((e: unknown) => Array.isArray(e) && e.length === 2 && isInt(e[0]) && isString(e[1])), 'has no list of [tab, URL]');
    tabs = list as [number, string][];
  });
  return problem ?? tabs;
}

/** The id counters, and the cookies the mirror refused and evicted since the browser started (a restarted worker still reports them). */
export interface MetaValue { v: 1; nextResponseId: number; nextDecisionId: number; refused: number; evicted: number; disagreements: number }

export function readMeta(value: unknown): MetaValue | string {
  let meta: MetaValue | undefined;
  const problem = problemOf(() => {
    const record = versioned(value);
    check(isInt(record['nextResponseId']) && isInt(record['nextDecisionId']) && record['nextResponseId'] > 0 && record['nextDecisionId'] > 0, 'has no id counters');
    const count = (key: string): number => {
      const value = record[key];
      check(value === undefined || (isInt(value) && value >= 0), `has a bad ${key} count`);
      return value ?? 0;
    };
    meta = {
      v: 1, nextResponseId: record['nextResponseId'], nextDecisionId: record['nextDecisionId'],
      refused: count('refused'), evicted: count('evicted'), disagreements: count('disagreements'),
    };
  });
  return problem ?? (meta as MetaValue);
}

export function readStatus(value: unknown): WriteFailure[] | string {
  let failures: WriteFailure[] = [];
  const problem = problemOf(() => {
    const record = versioned(value);
    const list = record['failures'];
    check(Array.isArray(list), 'has no failures list');
    list.forEach((f: unknown, i) => {
      check(isObject(f) && (f['area'] === 'local' || f['area'] === 'session') && isString(f['key']) && isString(f['what'])
        && (f['bytes'] === null || isInt(f['bytes'])) && typeof f['time'] === 'number'
        && isObject(f['error']) && isString(f['error']['name']) && isString(f['error']['message']), `failure ${i + 1} is malformed`);
    });
    failures = list as WriteFailure[];
  });
  return problem ?? failures;
}

/** The old single-record jar (a JSON string of cookie.toJSON() objects): its cookies, or the problem. */
export function readOldJar(value: unknown): Cookie[] | string {
  const cookies: Cookie[] = [];
  const problem = problemOf(() => {
    check(typeof value === 'string', 'is not text');
    const parsed: unknown = JSON.parse(value);
    check(Array.isArray(parsed) && parsed.every(isObject), 'is not a list of cookies');
    parsed.forEach((init: Record<string, unknown>, i) => {
      check(isString(init['name']) && isString(init['domain']) && isString(init['path']), `cookie ${i + 1} has no name, domain or path`);
      check(isStringOrNull(init['value']) && isIntOrNullish(init['version']) && isIntOrNullish(init['expires']), `cookie ${i + 1} has a bad value, version or expiry`);
      // The constructor checks the rest (and throws what Python raises).
      cookies.push(new Cookie(init as unknown as CookieInit));
    });
  });
  return problem ?? cookies;
}

const isIntOrNullish = (v: unknown): boolean => v === null || v === undefined || typeof v === 'number';
