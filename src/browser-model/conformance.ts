/**
 * Replaying what a real browser did against the model, and listing every disagreement. Used by the
 * live conformance suites (e2e/browser-model.spec.ts, which records Chromium's verdicts over the
 * DevTools Protocol; e2e/firefox/browser-model.spec.ts, which records Firefox's store and Cookie
 * headers) and by the unit tests (which replay committed recordings). Pure: the recording carries
 * the clock.
 */
import { BROWSERS } from './browsers';
import { BrowserCookieStore } from './store';
import type { ApiCookie, BrowserName, CookieDetails, ModelCookie, PartitionKey, RequestContext, ThirdPartyCookieSetting } from './types';

/** A cookie as Chromium's DevTools Protocol reports it (Network.Cookie), the fields compared. */
export interface RecordedCookie {
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly path: string;
  /** Seconds since the epoch; -1 for a session cookie. */
  readonly expires: number;
  readonly httpOnly: boolean;
  readonly secure: boolean;
  readonly sameSite?: 'Strict' | 'Lax' | 'None';
  readonly partitionKey?: PartitionKey;
}

/** One response whose Set-Cookie lines Chromium handled, and what DevTools said about each. */
export interface RecordedResponse {
  readonly kind: 'response';
  /** The scenario it tests; absent for a setup response (its verdicts are compared too, but not counted). */
  readonly scenario?: string;
  readonly context: RequestContext;
  readonly lines: readonly string[];
  /** When Chromium handled it (ms since the epoch): the model's clock for it. */
  readonly at: number;
  /** `blockedCookies` of Network.responseReceivedExtraInfo: the reasons per refused line. */
  readonly blocked: readonly { readonly line: string; readonly reasons: readonly string[] }[];
}

/** One request whose cookies Chromium chose, and what DevTools said about each. */
export interface RecordedRequest {
  readonly kind: 'request';
  readonly scenario: string;
  readonly context: RequestContext;
  readonly at: number;
  /** The Cookie header the server received (null: none). */
  readonly cookieHeader: string | null;
  /** `associatedCookies` of Network.requestWillBeSentExtraInfo. */
  readonly associated: readonly { readonly cookie: RecordedCookie; readonly reasons: readonly string[] }[];
}

export type RecordedStep = RecordedResponse | RecordedRequest;

export interface RecordedBatch {
  readonly id: string;
  /** The browser recorded (absent: chromium). Firefox reports no reasons: only its store and the Cookie headers count. */
  readonly browser?: BrowserName;
  /** The browser's third-party cookie setting during the batch. */
  readonly thirdPartyCookies: ThirdPartyCookieSetting;
  /** In the order Chromium handled them (responses loaded together are independent of each other). */
  readonly steps: readonly RecordedStep[];
  /** Chromium's store after the batch (Network.getAllCookies), and when it was read. */
  readonly store: readonly RecordedCookie[];
  readonly storeAt: number;
  /** Tags (scenario ids) by which store differences are attributed to scenarios. */
  readonly tags: readonly string[];
}

/** A line's verdict compared: whether the stores agree on it, and the reasons. */
export interface LineComparison {
  readonly scenario: string;
  readonly line: string;
  readonly modelOutcome: 'stored' | 'deleted' | 'refused';
  /** The model's reasons the browser would report (Chromium's DevTools names; none for Firefox). */
  readonly modelReasons: readonly string[];
  /** Every reason the model gives (in Firefox, the one of its first failed check). */
  readonly reasons: readonly string[];
  readonly chromiumReasons: readonly string[];
  readonly reasonsAgree: boolean;
  /** The cookies carrying the scenario's tag are the same in both stores. */
  readonly storeAgrees: boolean;
  readonly storeDifferences: readonly string[];
  readonly sentence: string;
}

export interface RequestComparison {
  readonly scenario: string;
  readonly url: string;
  readonly modelHeader: string | null;
  readonly chromiumHeader: string | null;
  readonly agrees: boolean;
  readonly differences: readonly string[];
  /** Every cookie Chromium listed, with its verdict compared. */
  readonly cookies: number;
  readonly cookiesAgreeing: number;
}

export interface BatchComparison {
  readonly lines: readonly LineComparison[];
  readonly requests: readonly RequestComparison[];
  /** Store differences no scenario tag explains. */
  readonly unattributed: readonly string[];
  /** Setup lines whose verdict differs (not counted as scenarios, but shown). */
  readonly setupDifferences: readonly string[];
}

/** Seconds of slack when comparing expiry times (the model's clock is when the test saw the response). */
const EXPIRY_SLACK_S = 30;

function sameSiteOf(cookie: ModelCookie): RecordedCookie['sameSite'] {
  return cookie.sameSite === 'strict' ? 'Strict' : cookie.sameSite === 'lax' ? 'Lax' : cookie.sameSite === 'no_restriction' ? 'None' : undefined;
}

/** The model's cookie in the recording's terms. */
export function toRecorded(cookie: ModelCookie): RecordedCookie {
  const sameSite = sameSiteOf(cookie);
  return {
    name: cookie.name, value: cookie.value, domain: cookie.domain, path: cookie.path,
    expires: cookie.expirationDate ?? -1, httpOnly: cookie.httpOnly, secure: cookie.secure,
    ...sameSite === undefined ? {} : { sameSite },
    ...cookie.partitionKey === undefined ? {} : { partitionKey: cookie.partitionKey },
  };
}

function cookieKey(cookie: { name: string; domain: string; path: string; partitionKey?: PartitionKey | undefined }): string {
  const partition = cookie.partitionKey === undefined ? '' : ` [${cookie.partitionKey.topLevelSite}${cookie.partitionKey.hasCrossSiteAncestor ? ' cross-site' : ''}]`;
  return `${JSON.stringify(cookie.name)} ${cookie.domain}${cookie.path}${partition}`;
}

function describe(cookie: RecordedCookie): string {
  const expiry = cookie.expires < 0 ? 'session' : `expires ${Math.round(cookie.expires)}`;
  return `${JSON.stringify(cookie.value.length > 40 ? `${cookie.value.slice(0, 40)}…` : cookie.value)} ${cookie.secure ? 'Secure ' : ''}${cookie.httpOnly ? 'HttpOnly ' : ''}SameSite=${cookie.sameSite ?? '(none)'} ${expiry}`;
}

/** How two versions of one cookie differ, or null when they agree. */
function attributeDifference(model: RecordedCookie, chromium: RecordedCookie, browser: string): string | null {
  const expiriesAgree = (model.expires < 0) === (chromium.expires < 0) && (model.expires < 0 || Math.abs(model.expires - chromium.expires) <= EXPIRY_SLACK_S);
  const same = model.value === chromium.value && model.secure === chromium.secure && model.httpOnly === chromium.httpOnly
    && model.sameSite === chromium.sameSite && expiriesAgree;
  return same ? null : `${cookieKey(chromium)}: model ${describe(model)}, ${browser} ${describe(chromium)}`;
}

/** Every difference between two stores, with the cookie's name and value (for attributing it to a tag). */
export function storeDifferences(model: readonly RecordedCookie[], chromium: readonly RecordedCookie[], browser = 'Chromium'): { text: string; cookie: RecordedCookie }[] {
  const byKey = new Map(chromium.map((cookie) => [cookieKey(cookie), cookie]));
  const differences: { text: string; cookie: RecordedCookie }[] = [];
  for (const cookie of model) {
    const key = cookieKey(cookie);
    const other = byKey.get(key);
    byKey.delete(key);
    if (other === undefined) differences.push({ text: `${key}: in the model only (${describe(cookie)})`, cookie });
    else {
      const difference = attributeDifference(cookie, other, browser);
      if (difference !== null) differences.push({ text: difference, cookie });
    }
  }
  for (const [key, cookie] of byKey) differences.push({ text: `${key}: in ${browser} only (${describe(cookie)})`, cookie });
  return differences;
}

const setEquals = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Replays one recorded batch against a fresh model store of its browser, with the third-party
 * setting it was recorded with. Reasons are compared where the browser reports them (Chromium).
 */
export function replayBatch(batch: RecordedBatch): BatchComparison {
  let clock = batch.steps[0]?.at ?? batch.storeAt;
  const rules = BROWSERS[batch.browser ?? 'chromium'];
  const reports = rules.devtoolsReasons;
  const browser = rules.label;
  const store = new BrowserCookieStore({ browser: rules.name, now: () => clock, thirdPartyCookies: batch.thirdPartyCookies });
  const lines: Omit<LineComparison, 'storeAgrees' | 'storeDifferences'>[] = [];
  const requests: RequestComparison[] = [];
  const setupDifferences: string[] = [];
  for (const step of batch.steps) {
    clock = step.at;
    if (step.kind === 'response') {
      const verdicts = store.setFromResponse(step.lines, step.context);
      for (const verdict of verdicts) {
        const chromiumReasons = step.blocked.find((b) => b.line === verdict.line)?.reasons ?? [];
        const reasonsAgree = !reports || setEquals(verdict.devtoolsReasons, chromiumReasons);
        if (step.scenario === undefined) {
          if (!reasonsAgree) setupDifferences.push(`setup ${JSON.stringify(verdict.line)} at ${step.context.url}: model [${verdict.devtoolsReasons.join(', ')}], Chromium [${chromiumReasons.join(', ')}]`);
          continue;
        }
        lines.push({
          scenario: step.scenario, line: verdict.line, modelOutcome: verdict.outcome, modelReasons: verdict.devtoolsReasons, reasons: verdict.reasons,
          chromiumReasons, reasonsAgree, sentence: verdict.sentence,
        });
      }
    } else {
      const answer = store.cookiesFor(step.context);
      const differences: string[] = [];
      if (answer.cookieHeader !== step.cookieHeader) differences.push(`Cookie header: model ${JSON.stringify(answer.cookieHeader)}, ${browser} ${JSON.stringify(step.cookieHeader)}`);
      const modelByKey = new Map(answer.cookies.map((c) => [cookieKey(c), c]));
      let agreeing = 0;
      for (const { cookie, reasons } of step.associated) {
        const key = cookieKey(cookie);
        const model = modelByKey.get(key);
        modelByKey.delete(key);
        if (model === undefined) { differences.push(`${key}: Chromium considers it [${reasons.join(', ')}], the model does not`); continue; }
        const modelReasons = model.details.filter((d) => d.devtools).map((d) => d.reason);
        if (setEquals(modelReasons, reasons)) agreeing++;
        else differences.push(`${key}: model [${modelReasons.join(', ')}], Chromium [${reasons.join(', ')}]`);
      }
      if (reports) for (const [key, model] of modelByKey) differences.push(`${key}: the model considers it [${model.reasons.join(', ')}], Chromium does not list it`);
      requests.push({
        scenario: step.scenario, url: step.context.url, modelHeader: answer.cookieHeader, chromiumHeader: step.cookieHeader,
        agrees: differences.length === 0, differences, cookies: step.associated.length, cookiesAgreeing: agreeing,
      });
    }
  }
  clock = batch.storeAt;
  const differences = storeDifferences(store.all().map(toRecorded), batch.store, browser);
  const byTag = new Map<string, string[]>();
  const unattributed: string[] = [];
  for (const { text, cookie } of differences) {
    const tag = batch.tags.find((t) => cookie.name.includes(t) || cookie.value.includes(t));
    if (tag === undefined) unattributed.push(text);
    else byTag.set(tag, [...byTag.get(tag) ?? [], text]);
  }
  return {
    lines: lines.map((line) => {
      const found = byTag.get(line.scenario) ?? [];
      return { ...line, storeAgrees: found.length === 0, storeDifferences: found };
    }),
    requests, unattributed, setupDifferences,
  };
}

/** One `cookies.set` call of the extension API and what it did. */
export interface RecordedCookiesSet {
  readonly id: string;
  readonly details: CookieDetails;
  readonly at: number;
  /** cookies.set resolved with a cookie. */
  readonly ok: boolean;
  readonly error?: string;
  /** The case's cookies (cookies.getAll) before and after the call. */
  readonly storeBefore: readonly ApiCookie[];
  readonly storeAfter: readonly ApiCookie[];
}

export interface CookiesSetComparison {
  readonly id: string;
  readonly agrees: boolean;
  readonly model: string;
  readonly chromium: string;
  readonly differences: readonly string[];
}

function apiToRecorded(cookie: ApiCookie): RecordedCookie {
  const sameSite = cookie.sameSite === 'strict' ? 'Strict' : cookie.sameSite === 'lax' ? 'Lax' : cookie.sameSite === 'no_restriction' ? 'None' : undefined;
  const key = cookie.partitionKey;
  return {
    name: cookie.name, value: cookie.value, domain: cookie.domain, path: cookie.path,
    expires: cookie.session === true || cookie.expirationDate === undefined ? -1 : cookie.expirationDate,
    httpOnly: cookie.httpOnly, secure: cookie.secure,
    ...sameSite === undefined ? {} : { sameSite },
    ...key?.topLevelSite === undefined ? {} : { partitionKey: { topLevelSite: key.topLevelSite, hasCrossSiteAncestor: key.hasCrossSiteAncestor ?? false } },
  };
}

/**
 * The pre-check (`checkCookie`) against what `cookies.set` did: the model, seeded with the case's
 * cookies before the call, must predict success or failure, and the store after it.
 */
export function replayCookiesSet(recorded: RecordedCookiesSet): CookiesSetComparison {
  const store = new BrowserCookieStore({ now: () => recorded.at });
  store.seed(recorded.storeBefore);
  const check = store.checkCookie(recorded.details);
  // cookies.set answers with the cookie it stored, read back through its url; a deletion stores none.
  const chromiumOk = recorded.ok;
  const modelOk = check.readBack;
  const differences: string[] = [];
  if (modelOk !== chromiumOk) differences.push(`cookies.set ${chromiumOk ? 'succeeded' : `failed (${recorded.error ?? 'no cookie'})`}; the model says ${check.outcome}: ${check.sentence}`);
  if (check.ok) store.applyChange({ removed: check.outcome === 'deleted', cookie: apiOf(check.cookie) });
  for (const { text } of storeDifferences(store.all().map(toRecorded), recorded.storeAfter.map(apiToRecorded))) differences.push(`store: ${text}`);
  return {
    id: recorded.id, agrees: differences.length === 0, differences,
    model: `${check.outcome}${check.reasons.length > 0 ? ` [${check.reasons.join(', ')}]` : ''}`,
    chromium: chromiumOk ? 'set' : `failed${recorded.error === undefined ? '' : `: ${recorded.error}`}`,
  };
}

function apiOf(cookie: ModelCookie | undefined): ApiCookie {
  if (cookie === undefined) throw new Error('a successful check has its cookie');
  return cookie;
}
