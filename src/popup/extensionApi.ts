// The real PopupApi: the service worker's protocol (src/shared/protocol.ts, docs/messages.md)
// mapped onto what the views show, plus the few browser APIs the popup itself uses (tabs,
// downloads, clipboard), all through src/shared.
import { browser } from '../shared/browser';
import { request } from '../shared/messaging';
import { browserCookieView, decisionView, jarCookieView, replayedView, tabFromLocation, tableRowView } from './fromProtocol';
import type { PopupApi, TabContext } from './model';

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
  loadFailed: async () => (await request({ type: 'getStatus' })).load.state === 'failed',
  async resolveLoadError(action) { await request({ type: 'resolveLoadError', action }); },
  async getCookies(site) {
    // The jar as compact rows and the browser's store, in parallel: at 10,000 cookies the JSON of
    // getCookies is what makes the popup slow to open. The popup matches the two stores (rows.ts).
    const scope = site === null ? {} : { site };
    performance.mark('cji:cookies-requested');
    const [jar, browserStore] = await Promise.all([
      request({ type: 'getCookieRows', ...scope }),
      request({ type: 'getCookies', source: 'browser', ...scope }),
    ]);
    performance.mark('cji:cookies-received');
    return { site, jar: jar.map(tableRowView), browser: (browserStore.browser ?? []).map(browserCookieView) };
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
