// An in-memory PopupApi for component tests and for looking at the UI without a browser. It keeps
// the calls it received, so a test can assert what the UI asked for. What it answers about cookies
// comes from src/jar itself (explain runs the real jar under the mock's policy), and every rule id
// it is given must be one of src/jar's: a test cannot pass on a rule the extension never sends.
import { Cookie, CookieJar, CookieRequest, RULE_IDS } from '../jar';
import { cookieKey } from './format';
import { DEFAULT_SETTINGS, buildPolicy } from '../shared/settings';
import { type CookieView, type DecisionView, type ExportOptions, type ExportView, type PolicyView, type PopupApi, type ReplayView, type TabContext } from './model';

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
  calls: { method: string; args: unknown[] }[];
  saved: { text: string; filename: string }[];
  copied: string[];
}

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

/** Refuses test data naming a rule src/jar does not have (src/jar/rules.ts). */
function checkRules(where: string, decisions: readonly { rule?: string | undefined }[]): void {
  for (const { rule } of decisions) {
    if (rule !== undefined && !KNOWN_RULES.has(rule)) throw new Error(`mockApi: ${where} names the rule "${rule}", which src/jar does not have.`);
  }
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
    exported: null, calls: [], saved: [], copied: [], tabTitles: new Map(),
    ...initial,
  };
  checkRules('decisions', state.decisions);
  checkRules('replay', [...state.replay.newlyRefused, ...state.replay.newlyAccepted]);
  const record = (method: string, ...args: unknown[]) => { state.calls.push({ method, args }); };
  const followers = new Set<(tab: TabContext) => void>();
  return {
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
        site,
        jar: state.jar.filter((c) => siteMatches(c.domain, site)),
        browser: state.browser.filter((c) => siteMatches(c.domain, site)),
      });
    },
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
    explain(url) {
      record('explain', url);
      // As the service worker answers it: the real jar, under the mock's policy.
      const jar = new CookieJar(buildPolicy(state.policy));
      const views = new Map<Cookie, CookieView>();
      for (const view of state.jar) {
        const cookie = jarCookie(view);
        views.set(cookie, view);
        jar.setCookie(cookie);
      }
      const withHeader = new CookieRequest(url);
      jar.addCookieHeader(withHeader);
      const cookies = jar.explainCookieHeader(new CookieRequest(url)).map((d) => {
        const cookie = views.get(d.cookie);
        if (cookie === undefined) throw new Error('mockApi: the jar explained a cookie it was not given');
        return { cookie, sent: d.accepted, rule: d.rule, reason: d.reason };
      });
      return Promise.resolve({ url, header: withHeader.getHeader('Cookie') ?? null, cookies });
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
      const cookies = (options.source === 'jar' ? state.jar : state.browser).filter((c) => siteMatches(c.domain, options.site));
      const lines = cookies.map((c) => [c.domain, c.hostOnly ? 'FALSE' : 'TRUE', c.path, c.secure ? 'TRUE' : 'FALSE', String(c.expires ?? 0), c.name, c.value ?? ''].join('\t'));
      return Promise.resolve({
        text: `# Netscape HTTP Cookie File\n${lines.map((l) => `${l}\n`).join('')}`,
        filename: options.format === 'lwp' ? 'cookies.lwp' : 'cookies.txt',
        count: cookies.length,
        warnings: cookies.some((c) => c.sameSite !== null) ? ['cookies.txt has no field for SameSite: it is lost.'] : [],
      });
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
  };
}
