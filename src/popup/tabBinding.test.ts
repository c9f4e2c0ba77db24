import { describe, expect, it } from 'vitest';
import type { TabContext } from './model';
import { bindTab, inspectedWindowTabs, type InspectedWindow, type TabInfo, type TabsApi } from './tabBinding';
import type { Surface } from './surface';

const OWN = 'chrome-extension://abc/';

/** A browser with tabs in windows, whose events a test fires by hand. */
function fakeTabs(initial: (TabInfo & { active?: boolean })[], currentWindow = 1) {
  const tabs = new Map(initial.map((t) => [t.id ?? -1, { ...t }]));
  const updated = new Set<Parameters<TabsApi['onUpdated']['addListener']>[0]>();
  const activated = new Set<Parameters<TabsApi['onActivated']['addListener']>[0]>();
  const api: TabsApi = {
    get: (id) => { const tab = tabs.get(id); return tab === undefined ? Promise.reject(new Error(`No tab with id: ${id}.`)) : Promise.resolve({ ...tab }); },
    query: ({ active, currentWindow: current }) => Promise.resolve([...tabs.values()].filter((t) =>
      (active === undefined || t.active === active) && (current === undefined || (t.windowId === currentWindow) === current))),
    onUpdated: { addListener: (f) => { updated.add(f); }, removeListener: (f) => { updated.delete(f); } },
    onActivated: { addListener: (f) => { activated.add(f); }, removeListener: (f) => { activated.delete(f); } },
  };
  return {
    api,
    listeners: () => updated.size + activated.size,
    navigate(id: number, url: string) {
      const tab = tabs.get(id);
      if (tab === undefined) throw new Error('no such tab');
      tab.url = url;
      for (const f of updated) f(id, { url, status: 'loading' }, { ...tab });
      for (const f of updated) f(id, { status: 'complete' }, { ...tab });
    },
    /** One update of a tab as the browser reports it (a listener registered later never hears of it). */
    update(id: number, change: { url?: string; status?: string }) {
      const tab = tabs.get(id);
      if (tab === undefined) throw new Error('no such tab');
      if (change.url !== undefined) tab.url = change.url;
      for (const f of updated) f(id, change, { ...tab });
    },
    activate(id: number) {
      const tab = tabs.get(id);
      if (tab === undefined) throw new Error('no such tab');
      for (const t of tabs.values()) if (t.windowId === tab.windowId) t.active = t.id === id;
      for (const f of activated) f({ tabId: id, windowId: tab.windowId ?? -1 });
    },
  };
}

const browsing = () => fakeTabs([
  { id: 1, windowId: 1, url: 'https://www.example.com/account', active: true },
  { id: 2, windowId: 1, url: 'https://shop.example.co.uk/' },
  { id: 3, windowId: 2, url: 'https://tracker.test/', active: true },
  { id: 4, windowId: 1, url: `${OWN}src/popup/index.html?full=1` },
]);

async function followed(surface: Surface, search: string, act: (browser: ReturnType<typeof browsing>) => void, inspectedTabId?: number) {
  const browser = browsing();
  const binding = bindTab({ surface, search, tabs: browser.api, ownOrigin: OWN, inspectedTabId });
  const first = await binding.initial;
  const seen: TabContext[] = [];
  const stop = binding.follow((tab) => { seen.push(tab); });
  await binding.initial;
  await Promise.resolve();
  act(browser);
  await new Promise((resolve) => setTimeout(resolve, 0));
  stop();
  return { first, seen, listenersLeft: browser.listeners() };
}

describe('bindTab', () => {
  it('the popup is about the active tab of its window, and follows its page (the URL, then the end of the load)', async () => {
    const { first, seen, listenersLeft } = await followed('popup', '', (b) => { b.navigate(1, 'https://www.example.com/cart'); b.navigate(2, 'https://elsewhere.test/'); b.activate(2); });
    expect(first).toEqual({ tabId: 1, url: 'https://www.example.com/account' });
    // Another tab's navigation and activation are not its business.
    expect(seen).toEqual([{ tabId: 1, url: 'https://www.example.com/cart' }, { tabId: 1, url: 'https://www.example.com/cart' }]);
    expect(listenersLeft).toBe(0);
  });

  it('the side panel follows whichever tab of its window becomes active, and that tab’s page', async () => {
    const { first, seen } = await followed('side', '', (b) => {
      b.activate(2);
      b.activate(3); // another window: its own side panel's business
    });
    expect(first).toEqual({ tabId: 1, url: 'https://www.example.com/account' });
    expect(seen).toEqual([{ tabId: 2, url: 'https://shop.example.co.uk/' }]);
  });

  it('the side panel then follows the new tab’s page, not the old one’s', async () => {
    const { seen } = await followed('side', '', (b) => { b.activate(2); setTimeout(() => { b.navigate(1, 'https://old.test/'); b.navigate(2, 'https://shop.example.co.uk/basket'); }, 0); });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen[0]).toEqual({ tabId: 2, url: 'https://shop.example.co.uk/' });
    expect(seen.slice(1).every((tab) => tab.tabId === 2)).toBe(true);
  });

  it('an extension page (the UI itself in a tab) is no web page', async () => {
    const { seen } = await followed('side', '', (b) => { b.activate(4); });
    expect(seen).toEqual([{ tabId: null, url: null }]);
  });

  it('a page that is no web page reports nothing while it stays one (its own loads included), then the web page it goes to', async () => {
    const browser = fakeTabs([{ id: 4, windowId: 1, url: `${OWN}src/popup/index.html`, active: true }]);
    const binding = bindTab({ surface: 'side', search: '', tabs: browser.api, ownOrigin: OWN });
    expect(await binding.initial).toEqual({ tabId: null, url: null });
    const seen: TabContext[] = [];
    const stop = binding.follow((tab) => { seen.push(tab); });
    await binding.initial;
    await Promise.resolve();
    browser.navigate(4, `${OWN}src/popup/index.html?full=1`);
    expect(seen).toEqual([]);
    browser.navigate(4, 'https://www.example.com/');
    expect(seen).toEqual([{ tabId: 4, url: 'https://www.example.com/' }, { tabId: 4, url: 'https://www.example.com/' }]);
    stop();
  });

  it('DevTools is about the inspected tab, whatever is active', async () => {
    const { first, seen } = await followed('devtools', '', (b) => { b.activate(1); b.navigate(2, 'https://shop.example.co.uk/x'); }, 2);
    expect(first).toEqual({ tabId: 2, url: 'https://shop.example.co.uk/' });
    expect(seen.map((tab) => tab.url)).toEqual(['https://shop.example.co.uk/x', 'https://shop.example.co.uk/x']);
  });

  it('a tab named in the page’s URL stays bound to it, even in the side panel', async () => {
    const { first, seen } = await followed('side', '?tab=2&url=https%3A%2F%2Fshop.example.co.uk%2F', (b) => { b.activate(1); b.navigate(2, 'https://shop.example.co.uk/y'); });
    expect(first).toEqual({ tabId: 2, url: 'https://shop.example.co.uk/' });
    expect(seen.map((tab) => tab.tabId)).toEqual([2, 2]);
  });

  it('a URL alone binds to the tab showing it; a closed named tab keeps the URL it was given', async () => {
    expect((await followed('tab', `?url=${encodeURIComponent('https://tracker.test/')}`, () => undefined)).first).toEqual({ tabId: 3, url: 'https://tracker.test/' });
    expect((await followed('tab', `?url=${encodeURIComponent('https://gone.test/')}`, () => undefined)).first).toEqual({ tabId: null, url: 'https://gone.test/' });
    expect((await followed('tab', `?full=1&tab=99&url=${encodeURIComponent('https://gone.test/')}`, () => undefined)).first).toEqual({ tabId: 99, url: 'https://gone.test/' });
  });
});

describe('a DevTools panel without the tabs API (Firefox)', () => {
  it('is about the inspected tab, read from the page, and follows its navigations', async () => {
    let href = 'https://www.example.com/account';
    const navigated = new Set<(url: string) => void>();
    const devtools: InspectedWindow = {
      inspectedWindow: { tabId: 5, eval: (expression) => Promise.resolve([expression === 'location.href' ? href : undefined]) },
      network: { onNavigated: { addListener: (f) => { navigated.add(f); }, removeListener: (f) => { navigated.delete(f); } } },
    };
    const binding = bindTab({ surface: 'devtools', search: '', tabs: inspectedWindowTabs(devtools), ownOrigin: OWN, inspectedTabId: 5 });
    expect(await binding.initial).toEqual({ tabId: 5, url: 'https://www.example.com/account' });
    const seen: TabContext[] = [];
    const stop = binding.follow((tab) => { seen.push(tab); });
    await binding.initial;
    await Promise.resolve();
    href = 'https://shop.example.co.uk/';
    for (const f of navigated) f(href);
    expect(seen).toEqual([{ tabId: 5, url: 'https://shop.example.co.uk/' }]);
    stop();
    expect(navigated.size).toBe(0);
  });
});

describe('bindTab, at the edges', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('the popup is about the active tab of the current window, wherever it is in the list', async () => {
    const browser = fakeTabs([
      { id: 1, windowId: 1, url: 'https://www.example.com/' },
      { id: 2, windowId: 2, url: 'https://other-window.test/', active: true },
      { id: 3, windowId: 1, url: 'https://shop.example.co.uk/', active: true },
    ]);
    expect(await bindTab({ surface: 'popup', search: '', tabs: browser.api, ownOrigin: OWN }).initial).toEqual({ tabId: 3, url: 'https://shop.example.co.uk/' });
  });

  it('only a DevTools panel is about the inspected tab', async () => {
    const { first } = await followed('popup', '', () => undefined, 2);
    expect(first).toEqual({ tabId: 1, url: 'https://www.example.com/account' });
  });

  it('a window with no active tab, a tab without an id, or one whose URL the browser withholds: no page to inspect', async () => {
    const none = { tabId: null, url: null };
    expect(await bindTab({ surface: 'popup', search: '', tabs: fakeTabs([]).api, ownOrigin: OWN }).initial).toEqual(none);
    const noId = fakeTabs([]);
    noId.api.query = () => Promise.resolve([{ windowId: 1, url: 'https://www.example.com/' }]);
    expect(await bindTab({ surface: 'popup', search: '', tabs: noId.api, ownOrigin: OWN }).initial).toEqual(none);
    // Without host permission for it, the browser gives a tab no URL.
    expect(await bindTab({ surface: 'popup', search: '', tabs: fakeTabs([{ id: 1, windowId: 1, active: true }]).api, ownOrigin: OWN }).initial).toEqual(none);
  });

  it('a reload reports the page once, when its cookies have arrived', async () => {
    const { seen } = await followed('popup', '', (b) => { b.navigate(1, 'https://www.example.com/account'); });
    expect(seen).toEqual([{ tabId: 1, url: 'https://www.example.com/account' }]);
  });

  it('a navigation that began before the UI followed the tab is reported once, when its load ends', async () => {
    const browser = browsing();
    const binding = bindTab({ surface: 'popup', search: '', tabs: browser.api, ownOrigin: OWN });
    await binding.initial;
    browser.update(1, { url: 'https://www.example.com/cart', status: 'loading' });
    const seen: TabContext[] = [];
    const stop = binding.follow((tab) => { seen.push(tab); });
    await settle();
    browser.update(1, { status: 'complete' });
    stop();
    expect(seen).toEqual([{ tabId: 1, url: 'https://www.example.com/cart' }]);
  });

  it('the side panel reports a newly active tab even when it shows the same page as the last one', async () => {
    const browser = fakeTabs([
      { id: 1, windowId: 1, url: 'https://www.example.com/', active: true },
      { id: 2, windowId: 1, url: 'https://www.example.com/' },
    ]);
    const binding = bindTab({ surface: 'side', search: '', tabs: browser.api, ownOrigin: OWN });
    const seen: TabContext[] = [];
    const stop = binding.follow((tab) => { seen.push(tab); });
    await settle();
    browser.activate(2);
    await settle();
    stop();
    expect(seen).toEqual([{ tabId: 2, url: 'https://www.example.com/' }]);
  });

  it('the side panel reports only the last of quick tab switches, and nothing once stopped', async () => {
    const quick = await followed('side', '', (b) => { b.activate(2); b.activate(4); });
    expect(quick.seen).toEqual([{ tabId: null, url: null }]);
    const browser = browsing();
    const binding = bindTab({ surface: 'side', search: '', tabs: browser.api, ownOrigin: OWN });
    const seen: TabContext[] = [];
    const stop = binding.follow((tab) => { seen.push(tab); });
    await settle();
    browser.activate(2);
    stop();
    await settle();
    expect(seen).toEqual([]);
  });

  it('a view that stops following before the tab is known leaves no listener behind and hears nothing', async () => {
    const browser = browsing();
    const binding = bindTab({ surface: 'popup', search: '', tabs: browser.api, ownOrigin: OWN });
    const seen: TabContext[] = [];
    binding.follow((tab) => { seen.push(tab); })();
    await settle();
    browser.navigate(1, 'https://www.example.com/cart');
    expect(seen).toEqual([]);
    expect(browser.listeners()).toBe(0);
  });
});

describe('the tabs API over DevTools, at the edges', () => {
  /** Like the browsers' own events, removeListener refuses what is not a listener. */
  const strictDevtools = (): InspectedWindow => ({
    inspectedWindow: { tabId: 5, eval: () => Promise.resolve(['https://www.example.com/']) },
    network: {
      onNavigated: {
        addListener: () => undefined,
        removeListener: (f) => { if (typeof f !== 'function') throw new TypeError('Incorrect argument types for removeListener.'); },
      },
    },
  });

  it('knows the inspected tab only', async () => {
    const tabs = inspectedWindowTabs(strictDevtools());
    expect(await tabs.query({})).toEqual([{ id: 5, url: 'https://www.example.com/' }]);
    expect(await tabs.get(5)).toEqual({ id: 5, url: 'https://www.example.com/' });
    await expect(tabs.get(6)).rejects.toThrow('No tab with id: 6.');
  });

  it('a panel closed before the inspected page was read stops cleanly', async () => {
    const binding = bindTab({ surface: 'devtools', search: '', tabs: inspectedWindowTabs(strictDevtools()), ownOrigin: OWN, inspectedTabId: 5 });
    const stop = binding.follow(() => undefined);
    expect(() => { stop(); }).not.toThrow();
    expect(await binding.initial).toEqual({ tabId: 5, url: 'https://www.example.com/' });
  });
});

