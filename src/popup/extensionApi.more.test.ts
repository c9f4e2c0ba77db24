// The real PopupApi in each kind of page it runs in (the popup, a tab, the side panel, a DevTools
// panel of Chrome or Firefox), over a stand-in browser whose runtime.sendMessage applies the
// worker's own message guards (src/shared/protocol.ts checkMessage): what the popup asks, that the
// worker accepts it, and what the views get back. Each test loads extensionApi.ts afresh: it reads
// the browser's shape (tabs, devtools, side panel) when it is made. Only that module: the modules it
// imports stay the ones loaded once (re-running their top level inside a test would make Stryker
// credit their module-level code to these tests alone).
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as messaging from '../shared/messaging';
import { checkMessage, type BrowserCookie, type BrowserCookieInput, type Message } from '../shared/protocol';
import { DEFAULT_SETTINGS } from '../shared/settings';
import * as fromProtocol from './fromProtocol';
import type { PopupApi, TabContext } from './model';
import * as surface from './surface';
import * as tabBinding from './tabBinding';

/** The browser as the modules see it: one object, given each test's APIs by `open`. */
const standIn = vi.hoisted(() => { const browser: Record<string, unknown> = {}; return { browser }; });
vi.mock('../shared/browser', () => ({ browser: standIn.browser }));

const OWN = 'chrome-extension://id/';

interface Page {
  /** The page's <html data-surface>, if any. */
  surface?: string;
  search?: string;
  /** The browser's APIs beside runtime (tabs, windows, devtools, sidePanel, sidebarAction). */
  apis?: Record<string, unknown>;
  replies?: Record<string, unknown>;
}

/** The extension API of a fresh page, and the messages it sent the worker (each one checked as the worker checks it). */
async function open(page: Page = {}): Promise<{ api: PopupApi; sent: Message[] }> {
  const sent: Message[] = [];
  const replies = page.replies ?? {};
  for (const key of Object.keys(standIn.browser)) Reflect.deleteProperty(standIn.browser, key);
  Object.assign(standIn.browser, {
    ...page.apis,
    runtime: {
      getURL: (path: string) => `${OWN}${path}`,
      sendMessage: (message: unknown) => {
        const checked = checkMessage(message);
        if (!checked.ok) return Promise.resolve({ ok: false, error: checked.error });
        sent.push(checked.message);
        return Promise.resolve({ ok: true, value: replies[checked.message.type] });
      },
    },
  });
  vi.stubGlobal('document', { documentElement: { dataset: page.surface === undefined ? {} : { surface: page.surface } } });
  vi.stubGlobal('location', { search: page.search ?? '' });
  vi.resetModules();
  vi.doMock('../shared/messaging', () => messaging);
  vi.doMock('./fromProtocol', () => fromProtocol);
  vi.doMock('./surface', () => surface);
  vi.doMock('./tabBinding', () => tabBinding);
  const { extensionApi } = await import('./extensionApi');
  return { api: extensionApi, sent };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A browser's tabs: `tabs.get` knows these, the active one of the current window is `active`. */
function tabsOf(known: { id: number; url?: string; title?: string; windowId?: number }[], active?: number) {
  return {
    get: vi.fn((id: number) => {
      const tab = known.find((t) => t.id === id);
      return tab === undefined ? Promise.reject(new Error(`No tab with id: ${id}.`)) : Promise.resolve(tab);
    }),
    query: vi.fn((query: { active?: boolean }) => Promise.resolve(query.active === true ? known.filter((t) => t.id === active) : known)),
    onActivated: { addListener: vi.fn(), removeListener: vi.fn() },
    onUpdated: { addListener: vi.fn(), removeListener: vi.fn() },
    create: vi.fn(),
  };
}

/** Firefox's or Chrome's DevTools view of the inspected tab. */
function devtoolsOf(tabId: number, href: string) {
  const navigated = new Set<(url: string) => void>();
  return {
    navigate(url: string) { for (const f of navigated) f(url); },
    api: {
      inspectedWindow: { tabId, eval: vi.fn(() => Promise.resolve([href])) },
      network: { onNavigated: { addListener: (f: (url: string) => void) => { navigated.add(f); }, removeListener: (f: (url: string) => void) => { navigated.delete(f); } } },
    },
  };
}

const input: BrowserCookieInput = { name: 'theme', value: 'dark', domain: 'www.example.com', hostOnly: true, path: '/', secure: true, httpOnly: false, sameSite: 'lax' };
const stored: BrowserCookie = { name: 'theme', value: 'dark', domain: 'www.example.com', hostOnly: true, path: '/', secure: true, httpOnly: false, sameSite: 'lax', session: true, storeId: '0' };
const identity = { domain: 'www.example.com', hostOnly: true, path: '/', name: 'theme', partition: null };
const change = { id: 3, label: 'Edited theme', storeId: '0', time: 1, browser: 1, jar: 0 };

describe('which tab the page is about', () => {
  it('the popup is about the active tab of its window, asked once however often the views ask', async () => {
    const tabs = tabsOf([{ id: 1, url: 'https://www.example.com/', windowId: 1 }, { id: 2, url: 'https://other.test/', windowId: 1 }], 2);
    const { api } = await open({ apis: { tabs } });
    expect(await api.currentTab()).toEqual({ tabId: 2, url: 'https://other.test/' });
    expect(await api.currentTab()).toEqual({ tabId: 2, url: 'https://other.test/' });
    expect(tabs.query).toHaveBeenCalledTimes(1);
  });

  it('the UI open in a tab of its own, and active there, inspects no web page', async () => {
    const tabs = tabsOf([{ id: 1, url: `${OWN}src/popup/index.html?full=1`, windowId: 1 }], 1);
    const { api } = await open({ apis: { tabs } });
    expect(await api.currentTab()).toEqual({ tabId: null, url: null });
  });

  it('a tab opened "in a tab" is about the tab its URL names', async () => {
    const tabs = tabsOf([{ id: 1, url: 'https://www.example.com/', windowId: 1 }, { id: 2, url: `${OWN}src/popup/index.html?full=1&tab=1`, windowId: 1 }], 2);
    const { api } = await open({ apis: { tabs }, search: '?full=1&tab=1' });
    expect(await api.currentTab()).toEqual({ tabId: 1, url: 'https://www.example.com/' });
  });

  it('a Chrome DevTools panel is about the inspected tab, not the active one', async () => {
    const tabs = tabsOf([{ id: 1, url: 'https://www.example.com/', windowId: 1 }, { id: 7, url: 'https://inspected.test/', windowId: 2 }], 1);
    const { api } = await open({ surface: 'devtools', apis: { tabs, devtools: devtoolsOf(7, 'https://ignored.test/').api } });
    expect(await api.currentTab()).toEqual({ tabId: 7, url: 'https://inspected.test/' });
    expect(tabs.query).not.toHaveBeenCalled();
  });

  it('a Firefox DevTools panel (no tabs API) reads the inspected page from DevTools and follows its navigations', async () => {
    const devtools = devtoolsOf(7, 'https://inspected.test/');
    const { api } = await open({ surface: 'devtools', apis: { devtools: devtools.api } });
    expect(await api.currentTab()).toEqual({ tabId: 7, url: 'https://inspected.test/' });
    const seen: TabContext[] = [];
    const stop = api.followTab((tab) => seen.push(tab));
    await api.currentTab();
    await Promise.resolve();
    devtools.navigate('https://inspected.test/next');
    stop();
    devtools.navigate('https://inspected.test/after');
    expect(seen).toEqual([{ tabId: 7, url: 'https://inspected.test/next' }]);
    // No tabs API there: no tab titles either (the view names the tab by its site).
    expect(await api.tabTitles([7])).toEqual(new Map());
  });

  it('a page with neither a tabs API nor DevTools is about no tab, and following it hears nothing and stops cleanly', async () => {
    const { api } = await open();
    expect(await api.currentTab()).toEqual({ tabId: null, url: null });
    const seen: TabContext[] = [];
    const stop = api.followTab((tab) => seen.push(tab));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(() => { stop(); }).not.toThrow();
    expect(seen).toEqual([]);
  });
});

describe('tab titles', () => {
  it('names the open tabs that have a title, and none of those closed since or untitled', async () => {
    const tabs = tabsOf([{ id: 1, title: 'Example' }, { id: 2, title: '' }, { id: 3 }]);
    const { api } = await open({ apis: { tabs } });
    expect(await api.tabTitles([1, 2, 3, 4])).toEqual(new Map([[1, 'Example']]));
    expect(await api.tabTitles([])).toEqual(new Map());
  });
});

describe('the side panel', () => {
  it('Chrome opens its side panel on the tab the UI is about, or on the current window when about none', async () => {
    const sidePanel = { open: vi.fn(() => Promise.resolve()) };
    const windows = { getCurrent: vi.fn(() => Promise.resolve({ id: 9 })) };
    const { api } = await open({ apis: { sidePanel, windows } });
    await api.openSidePanel?.({ tabId: 4, url: 'https://www.example.com/' });
    await api.openSidePanel?.({ tabId: null, url: null });
    expect(sidePanel.open.mock.calls).toEqual([[{ tabId: 4 }], [{ windowId: 9 }]]);
    // A window without an id (none focused): nothing to open on.
    sidePanel.open.mockClear();
    windows.getCurrent.mockResolvedValue({} as { id: number });
    await api.openSidePanel?.({ tabId: null, url: null });
    expect(sidePanel.open).not.toHaveBeenCalled();
  });

  it('Firefox opens its sidebar; a browser with neither offers none', async () => {
    const sidebarAction = { open: vi.fn(() => Promise.resolve()) };
    const firefox = await open({ apis: { sidebarAction } });
    await firefox.api.openSidePanel?.({ tabId: 4, url: 'https://www.example.com/' });
    expect(sidebarAction.open).toHaveBeenCalledTimes(1);
    expect((await open()).api.openSidePanel).toBeNull();
  });
});

describe('a failed load of the stored state', () => {
  it('asks the worker whether its load failed, and sends the user’s choice', async () => {
    const failed = await open({ replies: { getStatus: { load: { state: 'failed', problems: ['The jar could not be read.'] }, errors: ['Nothing is saved until you choose.'] }, resolveLoadError: {} } });
    expect(await failed.api.loadFailed()).toBe(true);
    failed.sent.length = 0;
    expect(await failed.api.problems()).toEqual(['Nothing is saved until you choose.']);
    await failed.api.resolveLoadError('keep');
    await failed.api.resolveLoadError('startAfresh');
    expect(failed.sent).toEqual([{ type: 'getStatus' }, { type: 'resolveLoadError', action: 'keep' }, { type: 'resolveLoadError', action: 'startAfresh' }]);
    for (const state of ['loaded', 'loading']) {
      const { api } = await open({ replies: { getStatus: { load: { state, problems: [] } } } });
      expect(await api.loadFailed()).toBe(false);
    }
  });
});

describe('cookie edits in the browser’s store', () => {
  it('checks and writes a cookie with exactly the parameters given, and shows what the browser stored', async () => {
    const check = { ok: true, outcome: 'stored', reasons: [], sentence: 'Stored.', notes: [], replaces: null, stored: null };
    const { api, sent } = await open({ replies: { checkBrowserCookie: check, setBrowserCookie: { stored, change } } });
    expect(await api.checkBrowserCookie(input)).toEqual(check);
    await api.checkBrowserCookie(input, identity, 'firefox-container-1');
    expect(await api.setBrowserCookie(input, identity)).toEqual({ stored: expect.objectContaining({ name: 'theme', sameSite: 'Lax', expires: null }) as unknown, change });
    await api.setBrowserCookie(input, undefined, 'firefox-container-1');
    expect(sent).toEqual([
      { type: 'checkBrowserCookie', cookie: input },
      { type: 'checkBrowserCookie', cookie: input, replaces: identity, storeId: 'firefox-container-1' },
      { type: 'setBrowserCookie', cookie: input, replaces: identity },
      { type: 'setBrowserCookie', cookie: input, storeId: 'firefox-container-1' },
    ]);
  });

  it('a write the browser did not keep shows no stored cookie', async () => {
    const { api } = await open({ replies: { setBrowserCookie: { stored: null, change } } });
    expect(await api.setBrowserCookie(input)).toEqual({ stored: null, change });
  });

  it('removes, reads the last change, undoes it, previews and imports, each as the worker expects', async () => {
    const removed = { browser: 1, jar: 0, missing: 0, change };
    const undone = { undone: change, browser: 1, jar: 0 };
    const preview = { format: 'mozilla', rows: [] };
    const imported = { written: 1, change };
    const { api, sent } = await open({ replies: { removeCookies: removed, getLastChange: change, undoLastChange: undone, previewImport: preview, importCookies: imported } });
    expect(await api.removeCookies({ browser: [identity], jar: [] })).toEqual(removed);
    await api.removeCookies({ browser: [], jar: [identity], storeId: 'firefox-private', label: 'Deleted theme' });
    expect(await api.lastChange()).toEqual(change);
    expect(await api.undo()).toEqual(undone);
    const request = { text: 'theme=dark', format: 'header', url: 'https://www.example.com/', target: 'browser' } as const;
    expect(await api.previewImport(request)).toEqual(preview);
    expect(await api.importCookies({ ...request, storeId: 'firefox-container-1' })).toEqual(imported);
    expect(sent).toEqual([
      { type: 'removeCookies', browser: [identity], jar: [] },
      { type: 'removeCookies', browser: [], jar: [identity], storeId: 'firefox-private', label: 'Deleted theme' },
      { type: 'getLastChange' },
      { type: 'undoLastChange' },
      { type: 'previewImport', ...request },
      { type: 'importCookies', ...request, storeId: 'firefox-container-1' },
    ]);
  });
});

describe('one cookie store (a Firefox container, the private store)', () => {
  const status = { jarSize: 12, decisions: 40, load: { state: 'loaded', problems: [] }, errors: [] };

  it('names the store in every message about the jar, the log and the browser’s cookies', async () => {
    const replies = {
      getStatus: status, getCookieRows: [], getCookies: { jar: [], browser: [], comparison: null, warnings: [], scope: 'example.com' },
      explain: { cookieHeader: null, cookie2Header: null, cookies: [], browser: { cookieHeader: null, cookies: [] } }, explainDifferences: { notes: [] },
      getDecisions: [], replay: { responses: 0, cookies: [], decisions: [], newlyRefused: [], newlyAccepted: [], skipped: 0 },
      exportJar: { text: '', filename: 'cookies.txt', warnings: [], count: 0 }, importJar: { imported: 0, jarSize: 0 },
    };
    const { api, sent } = await open({ replies });
    const store = api.inStore('firefox-container-1');
    expect(await store.counts()).toEqual({ jar: 12, decisions: 40 });
    await store.clearJar();
    await store.clearDecisions();
    await store.deleteCookie({ domain: 'www.example.com', path: '/', name: 'theme' });
    await store.clearSite('www.example.com');
    expect((await store.getCookies('www.example.com')).scope).toBe('example.com');
    await store.explain('https://www.example.com/');
    await store.cookieNotes('www.example.com');
    await store.getDecisions({});
    await store.replay(DEFAULT_SETTINGS);
    await store.exportJar({ format: 'mozilla', dialect: 'curl', source: 'jar', site: null, includeSession: true, includeExpired: false });
    await store.importJar('text', 'mozilla');
    const inStore = { storeId: 'firefox-container-1' };
    expect(sent).toEqual([
      { type: 'getStatus', ...inStore },
      { type: 'clearJar', ...inStore },
      { type: 'clearDecisions', ...inStore },
      { type: 'deleteCookie', domain: 'www.example.com', path: '/', name: 'theme', ...inStore },
      { type: 'clearJar', site: 'www.example.com', ...inStore },
      { type: 'getCookieRows', site: 'www.example.com', ...inStore },
      { type: 'getCookies', source: 'browser', site: 'www.example.com', ...inStore },
      { type: 'explain', url: 'https://www.example.com/', ...inStore },
      { type: 'explainDifferences', site: 'www.example.com', ...inStore },
      { type: 'getDecisions', limit: 10_000, ...inStore },
      { type: 'replay', settings: DEFAULT_SETTINGS, ...inStore },
      { type: 'exportJar', format: 'mozilla', source: 'jar', includeSession: true, includeExpired: false, dialect: 'curl', ...inStore },
      { type: 'importJar', text: 'text', format: 'mozilla', ...inStore },
    ]);
  });

  it('the default store’s messages name none; the clear panel’s counts come from the worker’s status', async () => {
    const { api, sent } = await open({ replies: { getStatus: status } });
    const store = api.inStore(null);
    expect(await store.counts()).toEqual({ jar: 12, decisions: 40 });
    await store.clearJar();
    await store.clearDecisions();
    expect(sent).toEqual([{ type: 'getStatus' }, { type: 'clearJar' }, { type: 'clearDecisions' }]);
  });

  it('lists the stores, with the store of the tab when there is one', async () => {
    const stores = { stores: [], defaultStoreId: '0', tabStoreId: '0' };
    const { api, sent } = await open({ replies: { getCookieStores: stores } });
    expect(await api.cookieStores(4)).toEqual(stores);
    await api.cookieStores(null);
    expect(sent).toEqual([{ type: 'getCookieStores', tabId: 4 }, { type: 'getCookieStores' }]);
  });

  it('shows the browser’s cookies of another store than the jar’s when asked', async () => {
    const { api, sent } = await open({ replies: { getCookieRows: [], getCookies: { jar: [], browser: [stored], comparison: null, warnings: [] } } });
    await api.getCookies('www.example.com', 'firefox-private');
    expect(sent).toEqual([{ type: 'getCookieRows', site: 'www.example.com' }, { type: 'getCookies', source: 'browser', site: 'www.example.com', storeId: 'firefox-private' }]);
  });
});

describe('export and policy', () => {
  it('exports a Cookie header for its URL, the browser’s cookies of a store, or the cookies picked', async () => {
    const { api, sent } = await open({ replies: { exportJar: { text: '', filename: 'cookies.txt', warnings: [], count: 0 } } });
    const base = { dialect: 'curl', site: null, includeSession: true, includeExpired: false } as const;
    await api.exportJar({ ...base, format: 'header', source: 'jar', url: 'https://www.example.com/' });
    await api.exportJar({ ...base, format: 'lwp', source: 'jar', url: 'https://www.example.com/', storeId: 'firefox-private' });
    await api.exportJar({ ...base, format: 'json', source: 'browser', storeId: 'firefox-private', cookies: [identity] });
    expect(sent).toEqual([
      { type: 'exportJar', format: 'header', source: 'jar', includeSession: true, includeExpired: false, url: 'https://www.example.com/' },
      // The url only says where a header goes; the jar's export has no browser store to pick.
      { type: 'exportJar', format: 'lwp', source: 'jar', includeSession: true, includeExpired: false },
      { type: 'exportJar', format: 'json', source: 'browser', includeSession: true, includeExpired: false, cookies: [identity], storeId: 'firefox-private' },
    ]);
  });

  it('stores a policy, and rebuilds the jar under it only when asked', async () => {
    const { api, sent } = await open({ replies: { setPolicy: {}, getPolicy: DEFAULT_SETTINGS } });
    expect(await api.getPolicy()).toEqual(DEFAULT_SETTINGS);
    sent.length = 0;
    const settings = DEFAULT_SETTINGS;
    await api.setPolicy(settings, { replaceJar: true });
    await api.setPolicy(settings, { replaceJar: false });
    await api.setPolicy(settings);
    expect(sent).toEqual([{ type: 'setPolicy', settings, replaceJar: true }, { type: 'setPolicy', settings }, { type: 'setPolicy', settings }]);
  });
});

describe('what the popup does in the page itself', () => {
  it('copies text to the clipboard', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const { api } = await open();
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    await api.copyText('theme=dark');
    expect(writeText).toHaveBeenCalledWith('theme=dark');
  });

  it('marks when it asked for the cookies and when they arrived, in that order (bench/ui.bench.ts times the phases by them)', async () => {
    const { api } = await open({ replies: { getCookieRows: [], getCookies: { jar: [], browser: [], comparison: null, warnings: [] } } });
    performance.clearMarks();
    await api.getCookies(null);
    const marks = performance.getEntriesByType('mark').filter((mark) => mark.name.startsWith('cji:'));
    expect(marks.map((mark) => mark.name)).toEqual(['cji:cookies-requested', 'cji:cookies-received']);
  });
});

