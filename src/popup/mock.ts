// An in-memory PopupApi for component tests and for looking at the UI without a browser. It keeps
// the calls it received, so a test can assert what the UI asked for. What it answers about cookies
// comes from src/jar itself (explain runs the real jar under the mock's policy), and every rule id
// it is given must be one of src/jar's: a test cannot pass on a rule the extension never sends.
import { BrowserCookieStore, SET_REASONS } from '../browser-model';
import { Cookie, CookieJar, CookieRequest, RULE_IDS } from '../jar';
import { MAX_EXPIRY_MS, registrableDomain } from '../browser-model';
import { browserIdentity, identityKey, jarIdentity, partitionOf, type CookieIdentity } from '../shared/cookieIdentity';
import { hostOf } from '../shared/urls';
import { asStored, checkWrite, completeInput, differences, inputIdentity } from '../shared/cookieWrite';
import { exportFile } from '../shared/exportFile';
import { ImportError, importResult, nothingToImport, planImport } from '../shared/importPlan';
import type { BrowserCookie, BrowserCookieInput, ChangeSummary, CookieJSON } from '../shared/protocol';
import { plural } from '../shared/words';
import { cookieKey } from './format';
import { browserCookieView, cookieInputOf, jarCookieView } from './fromProtocol';
import { DEFAULT_SETTINGS, buildPolicy } from '../shared/settings';
import { type CookieNoteView, type CookieView, type DecisionView, type ExportOptions, type ExportView, type PolicyView, type PopupApi, type ReplayView, type StoresView, type TabContext } from './model';

/** What one cookie store other than the default one holds. */
export interface StoreData { jar: CookieView[]; browser: CookieView[]; decisions: DecisionView[] }

export interface MockState {
  tab: TabContext;
  /** Titles of the open tabs, by id. */
  tabTitles: Map<number, string>;
  problems: string[];
  loadFailed: boolean;
  jar: CookieView[];
  browser: CookieView[];
  decisions: DecisionView[];
  policy: PolicyView;
  replay: ReplayView;
  exported: ExportView | null;
  /** Each call; `storeId` when it was made through `inStore(storeId)`. */
  calls: { method: string; args: unknown[]; storeId?: string }[];
  /** The cookie stores, named (default: the default store alone). */
  stores: StoresView;
  /** The cookies and decisions of the stores other than the default one (default: none). */
  storeData: Record<string, StoreData>;
  saved: { text: string; filename: string }[];
  copied: string[];
  /** The last change and the stores before it (what undo restores), as the service worker keeps it. */
  lastChange: { summary: ChangeSummary; browser: CookieView[]; jar: CookieView[] } | null;
  /** The browser's store refuses writes of cookies this picks (a refusal the model does not foresee). */
  refuse: ((cookie: BrowserCookieInput) => boolean) | null;
  /** The clock of the browser model and of expiry (milliseconds). */
  now: number;
}

class NamedError extends Error {
  constructor(override readonly name: string, message: string) { super(message); }
}

/** A cookie of the mock's browser store as the cookies API reports it. */
function browserCookieOf(view: CookieView): BrowserCookie {
  const input = cookieInputOf(view);
  return {
    name: input.name, value: input.value, domain: input.hostOnly ? input.domain.replace(/^\./, '') : `.${input.domain.replace(/^\./, '')}`,
    hostOnly: input.hostOnly, path: input.path, secure: input.secure, httpOnly: input.httpOnly, sameSite: input.sameSite,
    session: input.expirationDate === undefined, storeId: '0',
    ...(input.expirationDate === undefined ? {} : { expirationDate: input.expirationDate }),
    ...(view.partition === undefined ? {} : { partitionKey: { ...view.partition } }),
  };
}

/** What the browser's store holds after `cookies.set(input)`: the input, its expiry capped at 400 days. */
function stored(input: BrowserCookieInput, nowMs: number): BrowserCookie {
  const cookie = completeInput(input);
  const cap = (nowMs + MAX_EXPIRY_MS) / 1000;
  const expiry = cookie.expirationDate === undefined ? undefined : Math.min(cookie.expirationDate, cap);
  return browserCookieOf({
    name: cookie.name, value: cookie.value, domain: cookie.domain, hostOnly: cookie.hostOnly, path: cookie.path, secure: cookie.secure,
    httpOnly: cookie.httpOnly, sameSite: ({ no_restriction: 'None', lax: 'Lax', strict: 'Strict', unspecified: null } as const)[cookie.sameSite],
    expires: expiry ?? null, version: null, port: null, partitionKey: null,
    ...(cookie.partitionKey === undefined ? {} : { partition: { topLevelSite: cookie.partitionKey.topLevelSite, hasCrossSiteAncestor: cookie.partitionKey.hasCrossSiteAncestor ?? true } }),
  });
}

const browserKey = (view: CookieView): string => identityKey(browserIdentity(browserCookieOf(view)));
const jarKeyOf = (view: CookieView): string => identityKey(jarIdentity(jarCookie(view).toJSON()));

export function cookie(init: Partial<CookieView> & Pick<CookieView, 'name'>): CookieView {
  return {
    value: 'v', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false,
    sameSite: null, expires: null, version: 0, port: null, partitionKey: null, ...init,
  };
}

function siteMatches(domain: string, site: string | null): boolean {
  if (site === null) return true;
  const bare = domain.replace(/^\./, '');
  return site === bare || site.endsWith(`.${bare}`) || bare.endsWith(`.${site}`);
}

class LoadError extends Error {
  override name = 'LoadError';
}

/** A cookie of the mock's jar as src/jar's Cookie (what the service worker would hold). */
function jarCookie(view: CookieView): Cookie {
  return new Cookie({
    version: view.version ?? 0, name: view.name, value: view.value, port: view.port, portSpecified: view.port !== null,
    domain: view.domain, domainSpecified: !view.hostOnly, domainInitialDot: view.domain.startsWith('.'),
    path: view.path, pathSpecified: true, secure: view.secure, expires: view.expires, discard: view.expires === null,
    comment: null, commentUrl: null, rest: view.httpOnly ? { HttpOnly: null } : {},
  });
}

const KNOWN_RULES: ReadonlySet<string> = new Set(RULE_IDS);

/** Refuses test data naming a rule src/jar does not have (src/jar/rules.ts), or a browser reason the browser model does not give. */
function checkRules(where: string, decisions: readonly { rule?: string | undefined; browser?: { reasons: string[] } | undefined }[]): void {
  for (const { rule, browser } of decisions) {
    if (rule !== undefined && !KNOWN_RULES.has(rule)) throw new Error(`mockApi: ${where} names the rule "${rule}", which src/jar does not have.`);
    for (const reason of browser?.reasons ?? []) {
      if (!Object.hasOwn(SET_REASONS, reason)) throw new Error(`mockApi: ${where} names the browser reason "${reason}", which src/browser-model does not give.`);
    }
  }
}

/** The newest decision about a cookie: its name, set by a response from a host its domain covers. */
function newestDecision(view: CookieView, decisions: readonly DecisionView[]): DecisionView | undefined {
  const domain = view.domain.replace(/^\./, '').toLowerCase();
  let newest: DecisionView | undefined;
  for (const d of decisions) {
    const host = hostOf(d.url);
    if (d.cookieName !== view.name || host === null) continue;
    if (host !== domain && !(!view.hostOnly && host.endsWith(`.${domain}`))) continue;
    if (newest === undefined || d.time > newest.time) newest = d;
  }
  return newest;
}

/**
 * Why each cookie is in one store only, as the service worker tells it (src/background/cookieNotes.ts)
 * from its decision log: here from the mock's decisions.
 */
function mockNotes(jar: readonly CookieView[], browser: readonly CookieView[], decisions: readonly DecisionView[]): CookieNoteView[] {
  const inJar = new Map(jar.map((c) => [jarKeyOf(c), c] as const));
  const inBrowser = new Map(browser.map((c) => [browserKey(c), c] as const));
  const notes: CookieNoteView[] = [];
  for (const [key, view] of inJar) {
    if (inBrowser.has(key)) continue;
    const d = newestDecision(view, decisions);
    const base = { key, side: 'jar' as const, reasons: [], rule: null };
    if (d === undefined) notes.push({ ...base, kind: 'not-logged', sentence: 'No Set-Cookie line in the decision log set it: it was imported into the jar from a file, or its decision has left the log. The browser does not have it.' });
    else if (d.browser?.stored === false) notes.push({ ...base, kind: 'browser-refused', reasons: d.browser.reasons, sentence: `The browser refused it. ${d.browser.sentence ?? 'The browser model predicted it would store it: a gap in the model.'}` });
    else if (d.browser?.stored === true) notes.push({ ...base, kind: 'browser-removed', sentence: 'The browser stored it; it has been removed since. The jar keeps it: the policy decides what the jar holds.' });
    else notes.push({ ...base, kind: 'browser-unknown', reasons: d.browser?.reasons ?? [], sentence: d.browser?.pending === true ? 'The browser’s verdict is not in yet (it comes within seconds).' : 'What the browser did could not be observed.' });
  }
  for (const [key, view] of inBrowser) {
    if (inJar.has(key)) continue;
    const d = newestDecision(view, decisions);
    const base = { key, side: 'browser' as const, reasons: [], rule: null };
    if (d === undefined) notes.push({ ...base, kind: 'before', sentence: 'No Set-Cookie header the extension saw set it: the browser had it before the extension was watching (from before it was installed, or from a time whose log is gone), or a script or an extension set it then.' });
    else if (!d.accepted) notes.push({ ...base, kind: 'policy-refused', rule: d.rule ?? null, sentence: `The policy refused it: ${d.reason ?? d.rule ?? ''}` });
    else notes.push({ ...base, kind: 'jar-removed', sentence: 'The policy accepted it, but the jar no longer holds it: cleared, deleted from the jar, or the jar was rebuilt under another policy.' });
  }
  return notes;
}

/** The mock, its state, and what a test does to the browser around it. */
export type MockApi = PopupApi & {
  state: MockState;
  /** The tab the UI follows navigates, finishes loading or (side panel) is replaced by another. */
  moveTab(tab: TabContext): void;
};

export function mockApi(initial: Partial<MockState> = {}): MockApi {
  const state: MockState = {
    tab: { tabId: 7, url: 'https://www.example.com/account' },
    problems: [], loadFailed: false,
    jar: [], browser: [], decisions: [], policy: structuredClone(DEFAULT_SETTINGS),
    replay: { replayed: 0, newlyRefused: [], newlyAccepted: [], skipped: 0 },
    exported: null, calls: [], saved: [], copied: [], tabTitles: new Map(), lastChange: null, refuse: null, now: Date.now(),
    stores: {
      stores: [{ id: '0', name: 'Default', kind: 'default', incognito: false, tabIds: [7], mirrored: true, cookies: 0, decisions: 0, live: true }],
      tabStoreId: '0', defaultStoreId: '0',
    },
    storeData: {},
    ...initial,
  };
  checkRules('decisions', state.decisions);
  checkRules('replay', [...state.replay.newlyRefused, ...state.replay.newlyAccepted]);
  const record = (method: string, ...args: unknown[]) => { state.calls.push({ method, args }); };
  const followers = new Set<(tab: TabContext) => void>();
  let nextChange = 1;
  /** One change, as the service worker makes it: all or nothing (a refused write changes nothing), remembered for undo. */
  const change = (label: string, work: () => { browser: number; jar: number }): ChangeSummary | null => {
    const before = { browser: [...state.browser], jar: [...state.jar] };
    let counts;
    try { counts = work(); } catch (error) { state.browser = before.browser; state.jar = before.jar; throw error; }
    if (counts.browser + counts.jar === 0) return null;
    const summary: ChangeSummary = { id: nextChange++, label, storeId: counts.browser > 0 ? '0' : null, time: state.now, ...counts };
    state.lastChange = { summary, ...before };
    return summary;
  };
  const write = (input: BrowserCookieInput): BrowserCookie => {
    if (state.refuse?.(input) === true) throw new NamedError('BrowserStoreError', `The browser did not store ${JSON.stringify(input.name)} (${input.domain}${input.path}). Nothing was changed: everything written before it was put back as it was.`);
    const cookie = stored(input, state.now);
    const key = identityKey(browserIdentity(cookie));
    state.browser = [...state.browser.filter((c) => browserKey(c) !== key), browserCookieView(cookie)];
    return cookie;
  };
  const browserIndex = () => new Map(state.browser.map((c) => [browserKey(c), browserCookieOf(c)] as const));
  const jarIndex = () => {
    const index = new Map<string, CookieJSON[]>();
    for (const view of state.jar) index.set(jarKeyOf(view), [...(index.get(jarKeyOf(view)) ?? []), jarCookie(view).toJSON()]);
    return index;
  };
  const api: MockApi = {
    state,
    currentTab() { record('currentTab'); return Promise.resolve(state.tab); },
    problems() { record('problems'); return Promise.resolve(state.problems); },
    loadFailed() { record('loadFailed'); return Promise.resolve(state.loadFailed); },
    resolveLoadError(action) {
      record('resolveLoadError', action);
      state.loadFailed = false;
      state.problems = [];
      return Promise.resolve();
    },
    getCookies(site) {
      record('getCookies', site);
      return Promise.resolve({
        site, scope: site === null ? null : registrableDomain(site) || site, warnings: [],
        jar: state.jar.filter((c) => siteMatches(c.domain, site)),
        browser: state.browser.filter((c) => siteMatches(c.domain, site)),
      });
    },
    checkBrowserCookie(cookie, replaces, storeId) {
      record('checkBrowserCookie', cookie, replaces, storeId);
      return Promise.resolve(checkWrite(cookie, browserIndex().get(identityKey(inputIdentity(cookie))) ?? null, state.now));
    },
    setBrowserCookie(cookie, replaces, storeId) {
      record('setBrowserCookie', cookie, replaces, storeId);
      const asked = checkWrite(cookie, browserIndex().get(identityKey(inputIdentity(cookie))) ?? null, state.now);
      if (!asked.ok) return Promise.reject(new NamedError('BrowserRefusedError', `The browser would refuse it: ${asked.sentence}`));
      // Keyed as the browser keys it (an IP Domain makes a host-only cookie), as the service worker does.
      const target = asStored(cookie, asked);
      const key = identityKey(inputIdentity(target));
      const check = { ...asked, replaces: browserIndex().get(key) ?? null };
      try {
        const written: { cookie: BrowserCookie | null } = { cookie: null };
        const label = check.outcome === 'deleted' ? `Deleted ${JSON.stringify(cookie.name)} (an expiry in the past)` : replaces === undefined ? `Created ${JSON.stringify(cookie.name)}` : `Edited ${JSON.stringify(cookie.name)}`;
        const summary = change(label, () => {
          const gone = replaces === undefined || identityKey(replaces) === key ? 0 : state.browser.filter((c) => browserKey(c) === identityKey(replaces)).length;
          if (replaces !== undefined) state.browser = state.browser.filter((c) => browserKey(c) !== identityKey(replaces));
          if (check.outcome === 'deleted') {
            const had = state.browser.length;
            state.browser = state.browser.filter((c) => browserKey(c) !== key);
            return { browser: gone + had - state.browser.length, jar: 0 };
          }
          written.cookie = write(target);
          return { browser: gone + 1, jar: 0 };
        });
        const result = written.cookie;
        return Promise.resolve({
          check, stored: result === null ? null : browserCookieView(result), differences: result === null ? [] : differences(target, result, state.now),
          change: summary ?? { id: 0, label, storeId: null, time: state.now, browser: 0, jar: 0 },
        });
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    removeCookies(target) {
      record('removeCookies', target);
      const browserKeys = new Set(target.browser.map(identityKey));
      const jarKeys = new Set(target.jar.map((i: CookieIdentity) => identityKey({ ...i, partition: null })));
      const found = { browser: state.browser.filter((c) => browserKeys.has(browserKey(c))).length, jar: state.jar.filter((c) => jarKeys.has(jarKeyOf(c))).length };
      const summary = change(target.label ?? `Deleted ${plural(found.browser + found.jar, 'cookie')}`, () => {
        state.browser = state.browser.filter((c) => !browserKeys.has(browserKey(c)));
        state.jar = state.jar.filter((c) => !jarKeys.has(jarKeyOf(c)));
        return found;
      });
      return Promise.resolve({ ...found, missing: browserKeys.size + jarKeys.size - found.browser - found.jar, change: summary });
    },
    lastChange() { record('lastChange'); return Promise.resolve(state.lastChange?.summary ?? null); },
    undo() {
      record('undo');
      const last = state.lastChange;
      if (last === null) return Promise.reject(new NamedError('NothingToUndoError', 'There is no change to undo.'));
      state.browser = last.browser;
      state.jar = last.jar;
      state.lastChange = null;
      return Promise.resolve({ undone: last.summary, browser: last.summary.browser, jar: last.summary.jar });
    },
    async previewImport(request) {
      record('previewImport', request);
      return (await planImport(request, { targets: { browser: () => Promise.resolve(browserIndex()), jar: jarIndex }, nowMs: state.now })).preview;
    },
    async importCookies(request) {
      record('importCookies', request);
      const plan = await planImport(request, { targets: { browser: () => Promise.resolve(browserIndex()), jar: jarIndex }, nowMs: state.now });
      const why = nothingToImport(plan.preview);
      if (why !== null) throw new ImportError(why);
      const count = plan.browserSteps.length + plan.jarSteps.length;
      const summary = change(`Imported ${plural(count, 'cookie')} into ${request.target === 'jar' ? 'the jar' : 'the browser'}`, () => {
        for (const step of plan.browserSteps) write(step.after);
        for (const step of plan.jarSteps) {
          const view = jarCookieView(step.after);
          state.jar = [...state.jar.filter((c) => jarKeyOf(c) !== jarKeyOf(view)), view];
        }
        return { browser: plan.browserSteps.length, jar: plan.jarSteps.length };
      });
      return importResult(plan.preview, summary);
    },
    counts() { record('counts'); return Promise.resolve({ jar: state.jar.length, decisions: state.decisions.length }); },
    clearJar() { record('clearJar'); state.jar = []; return Promise.resolve(); },
    clearDecisions() { record('clearDecisions'); state.decisions = []; return Promise.resolve(); },
    deleteCookie(target) {
      record('deleteCookie', target);
      state.jar = state.jar.filter((c) => cookieKey(c) !== cookieKey(target));
      return Promise.resolve();
    },
    clearSite(site) {
      record('clearSite', site);
      state.jar = state.jar.filter((c) => !siteMatches(c.domain, site));
      return Promise.resolve();
    },
    explain(url, topLevelUrl = null) {
      record('explain', url, ...(topLevelUrl === null ? [] : [topLevelUrl]));
      // As the service worker answers it: the real jar under the mock's policy (a request from a
      // page is an unverifiable one from that page's host), and the real browser model over the
      // mock's browser store.
      const fromHost = topLevelUrl === null ? null : hostOf(topLevelUrl);
      const init = fromHost === null ? {} : { unverifiable: true, originReqHost: fromHost };
      const jar = new CookieJar(buildPolicy(state.policy));
      const views = new Map<Cookie, CookieView>();
      for (const view of state.jar) {
        const cookie = jarCookie(view);
        views.set(cookie, view);
        jar.setCookie(cookie);
      }
      const withHeader = new CookieRequest(url, init);
      jar.addCookieHeader(withHeader);
      const cookies = jar.explainCookieHeader(new CookieRequest(url, init)).map((d) => {
        const cookie = views.get(d.cookie);
        if (cookie === undefined) throw new Error('mockApi: the jar explained a cookie it was not given');
        return { cookie, sent: d.accepted, rule: d.rule, reason: d.reason };
      });
      const model = new BrowserCookieStore({ now: () => state.now });
      model.seed(state.browser.map(browserCookieOf));
      const answer = model.cookiesFor(topLevelUrl === null
        ? { url, kind: 'top-level', initiator: null, now: state.now }
        : { url, kind: 'subresource', topLevelUrl, now: state.now });
      return Promise.resolve({
        url, topLevelUrl, header: withHeader.getHeader('Cookie') ?? null, cookies,
        browser: {
          header: answer.cookieHeader,
          cookies: answer.cookies.map((c) => ({
            name: c.name, domain: c.domain, path: c.path, partitionKey: partitionOf(c), sent: c.sent, reasons: [...c.reasons], sentence: c.sentence,
          })),
        },
      });
    },
    cookieNotes(site) {
      record('cookieNotes', site);
      return Promise.resolve(mockNotes(state.jar.filter((c) => siteMatches(c.domain, site)), state.browser.filter((c) => siteMatches(c.domain, site)), state.decisions));
    },
    getDecisions(query) {
      record('getDecisions', query);
      checkRules('decisions', state.decisions);
      return Promise.resolve(state.decisions.filter((d) => query.tabId === undefined || d.tabId === query.tabId));
    },
    getPolicy() { record('getPolicy'); return Promise.resolve(state.policy); },
    setPolicy(policy, options) {
      record('setPolicy', policy, ...(options === undefined ? [] : [options]));
      state.policy = policy;
      return Promise.resolve(policy);
    },
    replay(policy) {
      record('replay', policy);
      checkRules('replay', [...state.replay.newlyRefused, ...state.replay.newlyAccepted]);
      return Promise.resolve(state.replay);
    },
    exportJar(options: ExportOptions) {
      record('exportJar', options);
      if (state.exported !== null) return Promise.resolve(state.exported);
      // What the service worker answers: src/shared/exportFile.ts over the mock's stores.
      return exportFile({
        format: options.format, dialect: options.dialect, source: options.source, includeSession: options.includeSession, includeExpired: options.includeExpired,
        ...(options.site === null ? {} : { site: options.site }), ...(options.url === undefined ? {} : { url: options.url }),
        ...(options.cookies === undefined ? {} : { cookies: options.cookies }),
      }, {
        jar: (site) => state.jar.filter((c) => siteMatches(c.domain, site ?? null)).map(jarCookie),
        browser: (site) => Promise.resolve(state.browser.filter((c) => siteMatches(c.domain, site ?? null)).map(browserCookieOf)),
      }, state.now);
    },
    importJar(text, format) {
      record('importJar', text, format);
      const lines = text.split('\n');
      const bad = lines.findIndex((line) => line !== '' && !line.startsWith('#') && line.split('\t').length !== 7);
      if (bad >= 0) return Promise.reject(new LoadError(`line ${bad + 1}: expected 7 tab-separated fields: ${JSON.stringify(lines[bad])}`));
      return Promise.resolve({ imported: lines.filter((line) => line !== '' && !line.startsWith('#')).length });
    },
    saveFile(text, filename) { record('saveFile', text, filename); state.saved.push({ text, filename }); return Promise.resolve(); },
    copyText(text) { record('copyText', text); state.copied.push(text); return Promise.resolve(); },
    openInTab(context) { record('openInTab', context); return Promise.resolve(); },
    followTab(onChange) {
      record('followTab');
      followers.add(onChange);
      return () => { followers.delete(onChange); };
    },
    moveTab(tab) {
      state.tab = tab;
      for (const follower of followers) follower(tab);
    },
    tabTitles(tabIds) {
      record('tabTitles', tabIds);
      return Promise.resolve(new Map(tabIds.flatMap((id) => { const title = state.tabTitles.get(id); return title === undefined ? [] : [[id, title] as const]; })));
    },
    openSidePanel(context) { record('openSidePanel', context); return Promise.resolve(); },
    cookieStores(tabId) { record('cookieStores', tabId); return Promise.resolve(structuredClone(state.stores)); },
    inStore(storeId) { record('inStore', storeId); return storeId === null ? api : storeMock(api, state, storeId); },
  };
  return api;
}

/** The mock about another cookie store: its cookies and decisions from `state.storeData`; each call recorded with the store. */
function storeMock(base: PopupApi, state: MockState, storeId: string): PopupApi {
  const data = (): StoreData => (state.storeData[storeId] ??= { jar: [], browser: [], decisions: [] });
  const record = (method: string, ...args: unknown[]) => { state.calls.push({ method, args, storeId }); };
  return {
    ...base,
    getCookies(site) {
      record('getCookies', site);
      return Promise.resolve({
        site, scope: site === null ? null : registrableDomain(site) || site, warnings: [],
        jar: data().jar.filter((c) => siteMatches(c.domain, site)), browser: data().browser.filter((c) => siteMatches(c.domain, site)),
      });
    },
    getDecisions(query) {
      record('getDecisions', query);
      return Promise.resolve(data().decisions.filter((d) => query.tabId === undefined || d.tabId === query.tabId));
    },
    exportJar(options) {
      record('exportJar', options);
      const cookies = (options.source === 'jar' ? data().jar : data().browser).filter((c) => siteMatches(c.domain, options.site));
      return Promise.resolve({ text: cookies.map((c) => `${c.domain}\t${c.name}\t${c.value ?? ''}\n`).join(''), filename: 'cookies.txt', count: cookies.length, warnings: [] });
    },
  };
}
