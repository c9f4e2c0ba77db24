// Which browser tab the UI is about, and how it follows it (docs/popup.md, "Where it opens"):
// - a tab named in the page's URL (?tab=ID, or ?url=URL: the tab showing it) stays bound to it:
//   "Open in a tab", tests, `npm start`;
// - DevTools: the inspected tab;
// - otherwise the active tab of the window (the popup: when it opens; the side panel: whichever
//   tab becomes active, since one side panel serves every tab of its window).
// Every surface follows its tab's page: a new URL (as the navigation starts) and the end of a load
// (when the page's cookies have arrived) are both reported, so the views can ask again.
// The browser's tabs API is a parameter, so the rules run in Node tests with a fake.
import { tabFromLocation } from './fromProtocol';
import type { TabContext } from './model';
import type { Surface } from './surface';

export interface TabInfo { id?: number | undefined; url?: string | undefined; windowId?: number | undefined }
interface Listenable<F> { addListener(listener: F): void; removeListener(listener: F): void }
type Activated = (info: { tabId: number; windowId: number }) => void;
type Updated = (tabId: number, change: { url?: string | undefined; status?: string | undefined }, tab: TabInfo) => void;

/** The part of `browser.tabs` the binding uses. */
export interface TabsApi {
  get(tabId: number): Promise<TabInfo>;
  query(query: { active?: boolean; currentWindow?: boolean }): Promise<TabInfo[]>;
  onActivated: Listenable<Activated>;
  onUpdated: Listenable<Updated>;
}

export interface BindingOptions {
  surface: Surface;
  /** The page's own query string. */
  search: string;
  tabs: TabsApi;
  /** The extension's own origin (`runtime.getURL('')`): its pages are no web page to inspect. */
  ownOrigin: string;
  /** In DevTools: the inspected tab (`devtools.inspectedWindow.tabId`). */
  inspectedTabId?: number | undefined;
}

export interface TabBinding {
  /** The tab when the UI opens. */
  initial: Promise<TabContext>;
  /** Calls `onChange` with the tab whenever it navigates, finishes loading or (side panel) is replaced by another. */
  follow(onChange: (tab: TabContext) => void): () => void;
}

const NONE: TabContext = { tabId: null, url: null };

export function bindTab(options: BindingOptions): TabBinding {
  const { tabs, ownOrigin } = options;
  /** The browser tab followed (an extension page included), and the window whose active tab the side panel follows. */
  const bound: { tabId: number | null; windowId: number | null; followsActive: boolean } = { tabId: null, windowId: null, followsActive: false };

  const contextOf = (tab: TabInfo, tabId: number): TabContext => {
    const url = tab.url ?? null;
    // The UI itself open in a tab (or another extension page): no web page to inspect.
    if (url === null || url.startsWith(ownOrigin)) return NONE;
    return { tabId, url };
  };

  const resolve = async (): Promise<TabContext> => {
    const named = tabFromLocation(options.search);
    const tabId = options.surface === 'devtools' ? options.inspectedTabId ?? named.tabId : named.tabId;
    if (tabId !== null) {
      bound.tabId = tabId;
      try {
        return { ...contextOf(await tabs.get(tabId), tabId), tabId };
      } catch {
        // Closed since: still about it, with the URL the page was given.
        return { tabId, url: named.url };
      }
    }
    if (named.url !== null) {
      const tab = (await tabs.query({})).find((t) => t.url === named.url);
      bound.tabId = tab?.id ?? null;
      return { tabId: bound.tabId, url: named.url };
    }
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    bound.followsActive = options.surface === 'side';
    bound.windowId = tab?.windowId ?? null;
    if (tab?.id === undefined) return NONE;
    bound.tabId = tab.id;
    return contextOf(tab, tab.id);
  };
  const initial = resolve();

  return {
    initial,
    follow(onChange) {
      let live = true;
      let last: TabContext = NONE;
      /** A new tab or URL; or, for a web page, the end of a load (its cookies have arrived). Nothing else: no work for nothing. */
      const report = (next: TabContext, loaded: boolean) => {
        const same = next.tabId === last.tabId && next.url === last.url;
        if (loaded ? next.url === null : same) return;
        last = next;
        onChange(next);
      };
      const onUpdated: Updated = (tabId, change, tab) => {
        if (tabId !== bound.tabId) return;
        if (change.url !== undefined) report(contextOf(tab, tabId), false);
        if (change.status === 'complete') report(contextOf(tab, tabId), true);
      };
      const onActivated: Activated = ({ tabId, windowId }) => {
        if (!bound.followsActive || windowId !== bound.windowId) return;
        bound.tabId = tabId;
        tabs.get(tabId).then(
          (tab) => { if (live && bound.tabId === tabId) report(contextOf(tab, tabId), false); },
          () => undefined,
        );
      };
      // Registered once the first tab is known, so an event cannot be judged against no tab.
      void initial.then((first) => {
        if (!live) return;
        last = first;
        tabs.onUpdated.addListener(onUpdated);
        tabs.onActivated.addListener(onActivated);
      }, () => undefined);
      return () => {
        live = false;
        tabs.onUpdated.removeListener(onUpdated);
        tabs.onActivated.removeListener(onActivated);
      };
    },
  };
}

/** The part of `browser.devtools` the binding can use where a DevTools panel has no tabs API (Firefox). */
export interface InspectedWindow {
  inspectedWindow: { tabId: number; eval(expression: string): Promise<[unknown, unknown?]> };
  network: { onNavigated: Listenable<(url: string) => void> };
}

/**
 * A TabsApi over DevTools' own view of the inspected tab, for a DevTools panel without the tabs API
 * (Firefox gives its DevTools pages only the devtools, runtime and extension APIs). It knows one
 * tab: its URL is read from the page, and a navigation is reported with the new URL (there is no
 * "load finished" here: a reload of the same URL is not seen; the views' Refresh asks again).
 */
export function inspectedWindowTabs(devtools: InspectedWindow): TabsApi {
  const tabId = devtools.inspectedWindow.tabId;
  const current = async (): Promise<TabInfo> => {
    const [href] = await devtools.inspectedWindow.eval('location.href');
    return { id: tabId, ...(typeof href === 'string' ? { url: href } : {}) };
  };
  const forwarded = new Map<Updated, (url: string) => void>();
  const none: Listenable<Activated> = { addListener: () => undefined, removeListener: () => undefined };
  return {
    get: (id) => (id === tabId ? current() : Promise.reject(new Error(`No tab with id: ${id}.`))),
    query: async () => [await current()],
    onActivated: none,
    onUpdated: {
      addListener(listener) {
        const forward = (url: string) => { listener(tabId, { url }, { id: tabId, url }); };
        forwarded.set(listener, forward);
        devtools.network.onNavigated.addListener(forward);
      },
      removeListener(listener) {
        const forward = forwarded.get(listener);
        if (forward !== undefined) devtools.network.onNavigated.removeListener(forward);
        forwarded.delete(listener);
      },
    },
  };
}
