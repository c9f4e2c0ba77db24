// The real PopupApi: the service worker's protocol (src/shared/protocol.ts, docs/messages.md)
// mapped onto what the views show, plus the few browser APIs the popup itself uses (tabs,
// downloads, clipboard), all through src/shared.
import { browser } from '../shared/browser';
import { request } from '../shared/messaging';
import { browserCookieView, cookieNoteView, decisionView, explainView, replayedView, tableRowView } from './fromProtocol';
import type { PopupApi } from './model';
import { surfaceOf } from './surface';
import { bindTab, inspectedWindowTabs, type InspectedWindow, type TabBinding, type TabsApi } from './tabBinding';

/** The tab this page is about (tabBinding.ts), made on first use: main.tsx names the surface first. */
let binding: TabBinding | null = null;
function tabBinding(): TabBinding {
  // A DevTools panel has the devtools API; Firefox gives it no tabs API (Chrome does).
  const devtools = (browser as unknown as { devtools?: InspectedWindow }).devtools;
  const tabs = (browser as { tabs?: TabsApi }).tabs;
  binding ??= bindTab({
    surface: surfaceOf(document.documentElement.dataset['surface'], location.search),
    search: location.search,
    tabs: tabs ?? (devtools === undefined ? noTabs : inspectedWindowTabs(devtools)),
    ownOrigin: browser.runtime.getURL(''),
    inspectedTabId: devtools?.inspectedWindow.tabId,
  });
  return binding;
}

/** No tabs API and no DevTools: no tab to be about. */
const noTabs: TabsApi = {
  get: () => Promise.reject(new Error('This page has no tabs API.')),
  query: () => Promise.resolve([]),
  onActivated: { addListener: () => undefined, removeListener: () => undefined },
  onUpdated: { addListener: () => undefined, removeListener: () => undefined },
};

type SidePanelApis = { sidePanel?: { open(options: { tabId: number } | { windowId: number }): Promise<void> }; sidebarAction?: { open(): Promise<void> } };

/** Chrome's side panel or Firefox's sidebar, where the browser has one. Called from a click: it must not wait before opening. */
function sidePanelOpener(): PopupApi['openSidePanel'] {
  const apis = browser as unknown as SidePanelApis;
  const { sidePanel, sidebarAction } = apis;
  if (sidePanel !== undefined) {
    return async (context) => {
      if (context.tabId !== null) { await sidePanel.open({ tabId: context.tabId }); return; }
      const window = await browser.windows.getCurrent();
      if (window.id !== undefined) await sidePanel.open({ windowId: window.id });
    };
  }
  if (sidebarAction !== undefined) return () => sidebarAction.open();
  return null;
}

/** The given parameters without the undefined ones (the protocol's guards refuse an explicit undefined). */
function optional<T extends Record<string, unknown>>(params: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/** The API about one cookie store (null: this instance's default): its store-scoped messages name it. */
function storeApi(storeId: string | null): PopupApi {
  const inStore = storeId === null ? {} : { storeId };
  return {
  currentTab: () => tabBinding().initial,
  followTab: (onChange) => tabBinding().follow(onChange),
  async tabTitles(tabIds) {
    // Firefox's DevTools pages have no tabs API: no titles there (the view names the tab by its site).
    if ((browser as { tabs?: unknown }).tabs === undefined) return new Map();
    const titles = await Promise.all(tabIds.map((id) => browser.tabs.get(id).then((tab) => [id, tab.title] as const, () => [id, undefined] as const)));
    return new Map(titles.filter((entry): entry is readonly [number, string] => entry[1] !== undefined && entry[1] !== ''));
  },
  openSidePanel: sidePanelOpener(),
  problems: async () => (await request({ type: 'getStatus' })).errors,
  loadFailed: async () => (await request({ type: 'getStatus' })).load.state === 'failed',
  async resolveLoadError(action) { await request({ type: 'resolveLoadError', action }); },
  async getCookies(site, browserStoreId = storeId ?? undefined) {
    // The jar as compact rows and the browser's store, in parallel: at 10,000 cookies the JSON of
    // getCookies is what makes the popup slow to open. The popup matches the two stores (rows.ts).
    const scope = site === null ? {} : { site };
    performance.mark('cji:cookies-requested');
    const [jar, browserStore] = await Promise.all([
      request({ type: 'getCookieRows', ...scope, ...inStore }),
      request({ type: 'getCookies', source: 'browser', ...scope, ...(browserStoreId === undefined ? {} : { storeId: browserStoreId }) }),
    ]);
    performance.mark('cji:cookies-received');
    return {
      site, scope: browserStore.scope, warnings: browserStore.warnings,
      jar: jar.map(tableRowView), browser: (browserStore.browser ?? []).map(browserCookieView),
    };
  },
  checkBrowserCookie: (cookie, replaces, storeId) => request({ type: 'checkBrowserCookie', cookie, ...optional({ replaces, storeId }) }),
  async setBrowserCookie(cookie, replaces, storeId) {
    const reply = await request({ type: 'setBrowserCookie', cookie, ...optional({ replaces, storeId }) });
    return { ...reply, stored: reply.stored === null ? null : browserCookieView(reply.stored) };
  },
  removeCookies: ({ browser, jar, storeId, label }) => request({ type: 'removeCookies', browser, jar, ...optional({ storeId, label }) }),
  lastChange: () => request({ type: 'getLastChange' }),
  undo: () => request({ type: 'undoLastChange' }),
  previewImport: (importRequest) => request({ type: 'previewImport', ...importRequest }),
  importCookies: (importRequest) => request({ type: 'importCookies', ...importRequest }),
  async counts() {
    const status = await request({ type: 'getStatus', ...inStore });
    return { jar: status.jarSize, decisions: status.decisions };
  },
  async clearJar() { await request({ type: 'clearJar', ...inStore }); },
  async clearDecisions() { await request({ type: 'clearDecisions', ...inStore }); },
  async deleteCookie({ domain, path, name }) { await request({ type: 'deleteCookie', domain, path, name, ...inStore }); },
  async clearSite(site) { await request({ type: 'clearJar', site, ...inStore }); },
  async explain(url, topLevelUrl = null) {
    const reply = await request({ type: 'explain', url, ...(topLevelUrl === null ? {} : { topLevelUrl }), ...inStore });
    return explainView(url, topLevelUrl, reply);
  },
  async cookieNotes(site) {
    const reply = await request({ type: 'explainDifferences', ...(site === null ? {} : { site }), ...inStore });
    return reply.notes.map(cookieNoteView);
  },
  async getDecisions(query) {
    const entries = await request({ type: 'getDecisions', limit: 10_000, ...(query.tabId === undefined ? {} : { tabId: query.tabId }), ...inStore });
    return entries.map(decisionView);
  },
  getPolicy: () => request({ type: 'getPolicy' }),
  setPolicy: (settings, options = {}) => request({ type: 'setPolicy', settings, ...(options.replaceJar === true ? { replaceJar: true } : {}) }),
  async replay(settings) {
    const reply = await request({ type: 'replay', settings, ...inStore });
    return {
      replayed: reply.decisions.length, newlyRefused: reply.newlyRefused.map(replayedView), newlyAccepted: reply.newlyAccepted.map(replayedView),
      skipped: reply.skipped,
    };
  },
  async exportJar(options) {
    return request({
      type: 'exportJar', format: options.format, source: options.source,
      includeSession: options.includeSession, includeExpired: options.includeExpired,
      ...(options.format === 'mozilla' ? { dialect: options.dialect } : {}),
      ...(options.site === null ? {} : { site: options.site }),
      ...(options.format === 'header' ? optional({ url: options.url }) : {}),
      ...inStore,
      ...optional({ cookies: options.cookies, storeId: options.source === 'browser' ? options.storeId : undefined }),
    });
  },
  async importJar(text, format) {
    const reply = await request({ type: 'importJar', text, format, ...inStore });
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
  cookieStores: (tabId) => request({ type: 'getCookieStores', ...(tabId === null ? {} : { tabId }) }),
  inStore: storeApi,
  };
}

export const extensionApi: PopupApi = storeApi(null);
