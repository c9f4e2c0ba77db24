// An in-memory PopupApi for component tests and for looking at the UI without a browser. It keeps
// the calls it received, so a test can assert what the UI asked for.
import { cookieKey } from './format';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { type CookieView, type DecisionView, type ExportOptions, type ExportView, type PolicyView, type PopupApi, type ReplayView, type TabContext } from './model';

export interface MockState {
  tab: TabContext;
  problems: string[];
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

export function mockApi(initial: Partial<MockState> = {}): PopupApi & { state: MockState } {
  const state: MockState = {
    tab: { tabId: 7, url: 'https://www.example.com/account' },
    problems: [],
    jar: [], browser: [], decisions: [], policy: structuredClone(DEFAULT_SETTINGS),
    replay: { replayed: 0, newlyRefused: [], newlyAccepted: [] },
    exported: null, calls: [], saved: [], copied: [],
    ...initial,
  };
  const record = (method: string, ...args: unknown[]) => { state.calls.push({ method, args }); };
  return {
    state,
    currentTab() { record('currentTab'); return Promise.resolve(state.tab); },
    problems() { record('problems'); return Promise.resolve(state.problems); },
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
      const host = new URL(url).hostname;
      const cookies = state.jar.filter((c) => siteMatches(c.domain, host)).map((c) => (c.secure && !url.startsWith('https:')
        ? { cookie: c, sent: false, rule: 'return.secure', reason: `The cookie is Secure and ${url} is not https.` }
        : { cookie: c, sent: true }));
      const sent = cookies.filter((c) => c.sent).map((c) => `${c.cookie.name}=${c.cookie.value ?? ''}`);
      return Promise.resolve({ url, header: sent.length === 0 ? null : sent.join('; '), cookies });
    },
    getDecisions(query) {
      record('getDecisions', query);
      return Promise.resolve(state.decisions.filter((d) => query.tabId === undefined || d.tabId === query.tabId));
    },
    getPolicy() { record('getPolicy'); return Promise.resolve(state.policy); },
    setPolicy(policy) {
      record('setPolicy', policy);
      state.policy = policy;
      return Promise.resolve(policy);
    },
    replay(policy) { record('replay', policy); return Promise.resolve(state.replay); },
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
  };
}
