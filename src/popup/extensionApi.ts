// The real PopupApi: the service worker's protocol (src/shared/protocol.ts, docs/messages.md)
// mapped onto what the views show, plus the few browser APIs the popup itself uses (tabs,
// downloads, clipboard), all through src/shared.
import { browser } from '../shared/browser';
import { request } from '../shared/messaging';
import type { BrowserCookie, CookieJSON, DecisionEntry, ReplayDecision } from '../shared/protocol';
import type { CookieView, DecisionView, PopupApi, TabContext } from './model';

/** The page's own URL may name the tab it is about: `?tab=ID&url=URL` ("Open in a tab", tests). */
export function tabFromLocation(search: string): { tabId: number | null; url: string | null } {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  const tabId = tab === null || !/^\d+$/.test(tab) ? null : Number(tab);
  return { tabId, url: params.get('url') };
}

function restValue(cookie: CookieJSON, name: string): { present: boolean; value: string | null } {
  const lower = name.toLowerCase();
  for (const [key, value] of cookie.rest) if (key.toLowerCase() === lower) return { present: true, value };
  return { present: false, value: null };
}

/** A jar cookie (http.cookiejar's fields) as the views show it. */
export function jarCookieView(cookie: CookieJSON): CookieView {
  const sameSite = restValue(cookie, 'SameSite');
  return {
    name: cookie.name, value: cookie.value, domain: cookie.domain, hostOnly: !cookie.domainSpecified, path: cookie.path,
    secure: cookie.secure, httpOnly: restValue(cookie, 'HttpOnly').present,
    sameSite: sameSite.present ? (sameSite.value ?? '') : null,
    expires: cookie.expires, version: cookie.version, port: cookie.port, partitionKey: null,
  };
}

const SAME_SITE: Record<string, string | null> = { no_restriction: 'None', lax: 'Lax', strict: 'Strict', unspecified: null };

/** A cookie of the browser's store as the views show it. */
export function browserCookieView(cookie: BrowserCookie): CookieView {
  return {
    name: cookie.name, value: cookie.value, domain: cookie.domain, hostOnly: cookie.hostOnly, path: cookie.path,
    secure: cookie.secure, httpOnly: cookie.httpOnly, sameSite: SAME_SITE[cookie.sameSite] ?? cookie.sameSite,
    expires: cookie.session || cookie.expirationDate === undefined ? null : Math.floor(cookie.expirationDate),
    version: null, port: null, partitionKey: cookie.partitionKey?.topLevelSite ?? null,
  };
}

function decisionView(entry: DecisionEntry): DecisionView {
  return {
    time: entry.time, tabId: entry.tabId, topSite: entry.site, url: entry.requestUrl, line: entry.line,
    cookieName: entry.cookie?.name ?? null, accepted: entry.accepted, rule: entry.rule, reason: entry.reason,
  };
}

function replayedView(decision: ReplayDecision): DecisionView {
  return {
    time: 0, tabId: -1, topSite: null, url: decision.requestUrl, line: decision.line, cookieName: decision.cookie?.name ?? null,
    accepted: decision.accepted, rule: decision.rule, reason: decision.reason,
  };
}

async function currentTab(): Promise<TabContext> {
  const named = tabFromLocation(location.search);
  if (named.tabId !== null) {
    try {
      const tab = await browser.tabs.get(named.tabId);
      return { tabId: named.tabId, url: tab.url ?? named.url };
    } catch {
      return named;
    }
  }
  if (named.url !== null) {
    // A URL alone (tests open the popup as a page this way): the tab showing it, if any.
    const tabs = await browser.tabs.query({});
    const tab = tabs.find((t) => t.url === named.url);
    return { tabId: tab?.id ?? null, url: named.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  // The UI open as a page of its own (not as the toolbar popup) is about no web page.
  if (tab === undefined || (tab.url ?? '').startsWith(browser.runtime.getURL(''))) return { tabId: null, url: null };
  return { tabId: tab.id ?? null, url: tab.url ?? null };
}

export const extensionApi: PopupApi = {
  currentTab,
  problems: async () => (await request({ type: 'getStatus' })).errors,
  async getCookies(site) {
    const reply = await request({ type: 'getCookies', source: 'both', ...(site === null ? {} : { site }) });
    return { site, jar: reply.jar.map(jarCookieView), browser: (reply.browser ?? []).map(browserCookieView) };
  },
  async deleteCookie({ domain, path, name }) { await request({ type: 'deleteCookie', domain, path, name }); },
  async clearSite(site) { await request({ type: 'clearJar', site }); },
  async explain(url) {
    const reply = await request({ type: 'explain', url });
    return {
      url, header: reply.cookieHeader,
      cookies: reply.cookies.map((entry) => ({ cookie: jarCookieView(entry.cookie), sent: entry.sent, rule: entry.rule, reason: entry.reason })),
    };
  },
  async getDecisions(query) {
    const entries = await request({ type: 'getDecisions', limit: 10_000, ...(query.tabId === undefined ? {} : { tabId: query.tabId }) });
    return entries.map(decisionView);
  },
  getPolicy: () => request({ type: 'getPolicy' }),
  setPolicy: (settings) => request({ type: 'setPolicy', settings }),
  async replay(settings) {
    const reply = await request({ type: 'replay', settings });
    return { replayed: reply.decisions.length, newlyRefused: reply.newlyRefused.map(replayedView), newlyAccepted: reply.newlyAccepted.map(replayedView) };
  },
  async exportJar(options) {
    return request({
      type: 'exportJar', format: options.format, source: options.source,
      includeSession: options.includeSession, includeExpired: options.includeExpired,
      ...(options.format === 'mozilla' ? { dialect: options.dialect } : {}),
      ...(options.site === null ? {} : { site: options.site }),
    });
  },
  async importJar(text, format) {
    const reply = await request({ type: 'importJar', text, format });
    return { imported: reply.imported };
  },
  async saveFile(text, filename) {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    try {
      await browser.downloads.download({ url, filename, saveAs: false, conflictAction: 'uniquify' });
    } finally {
      // The download has its own copy once it has started.
      setTimeout(() => { URL.revokeObjectURL(url); }, 60_000);
    }
  },
  copyText: (text) => navigator.clipboard.writeText(text),
  async openInTab(context) {
    const params = new URLSearchParams({ full: '1' });
    if (context.tabId !== null) params.set('tab', String(context.tabId));
    if (context.url !== null) params.set('url', context.url);
    await browser.tabs.create({ url: browser.runtime.getURL(`src/popup/index.html?${params.toString()}`) });
  },
};
