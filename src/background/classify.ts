// The one place that decides, for every event, which cookie store it belongs to and whether that
// store is private (incognito, a Firefox private window). It runs before anything about the event is
// noted, so that a private event can be dropped or kept in memory before it touches any record.
//
// - Chrome runs the extension with `"incognito": "split"`: an incognito window gets an instance of
//   its own (this worker with `inIncognitoContext` true), which sees only incognito traffic, tab-less
//   requests of incognito service workers and beacons of closed incognito tabs included. That
//   instance is private as a whole. The regular instance sees no incognito traffic at all.
// - Firefox runs it `"spanning"`: one instance sees everything, and every webRequest event carries
//   `incognito` and `cookieStoreId` ('firefox-default', 'firefox-private', 'firefox-container-N').
// - The tab fallback (a tab seen incognito in tabs.onCreated or tabs.query) covers a browser that
//   says neither. Tab ids are never reused within a browser session, so a tab's mark is kept after
//   it closes: a beacon or a slow response that ends after its tab closed is still private.

/** The cookie store ids of Chrome's regular and incognito profiles. */
export const CHROME_DEFAULT_STORE = '0';
export const CHROME_INCOGNITO_STORE = '1';
export const FIREFOX_PRIVATE_STORE = 'firefox-private';

export interface StoreKey {
  /** The browser's cookie store id ('0', '1', 'firefox-default', 'firefox-container-3', ...). */
  storeId: string;
  /** Incognito or a private window: kept in memory only, never written anywhere. */
  private: boolean;
}

/** What the classifier reads of an event (webRequest details; Firefox's two fields are optional). */
export interface EventOrigin {
  tabId: number;
  incognito?: boolean | undefined;
  cookieStoreId?: string | undefined;
}

/** A bound on the remembered incognito tab ids (a browser session opens far fewer). */
const INCOGNITO_TAB_LIMIT = 100_000;

export class Classifier {
  private readonly incognitoTabs = new Set<number>();

  /**
   * `incognitoInstance`: this worker is Chrome's split incognito instance (everything it sees is
   * private); `defaultStoreId`: the browser's default store ('0', or 'firefox-default').
   */
  constructor(private readonly incognitoInstance: boolean, private readonly defaultStoreId: string = CHROME_DEFAULT_STORE) {}

  /** The store this instance's own pages talk about: its default cookie store. */
  get defaultStore(): StoreKey {
    return this.incognitoInstance
      ? { storeId: CHROME_INCOGNITO_STORE, private: true }
      : { storeId: this.defaultStoreId, private: false };
  }

  /**
   * The store a page asks about by its id (a message's `storeId`; undefined: this instance's own).
   * Chrome's incognito instance holds only private state: whatever it is asked about is private.
   */
  keyOf(storeId: string | undefined): StoreKey {
    if (storeId === undefined) return this.defaultStore;
    return { storeId, private: this.incognitoInstance || storeId === FIREFOX_PRIVATE_STORE || storeId === CHROME_INCOGNITO_STORE };
  }

  /** A tab seen by tabs.onCreated or tabs.query. Only the incognito mark is kept, and never dropped. */
  noteTab(tab: { id?: number | undefined; incognito: boolean }): void {
    if (tab.id === undefined || !tab.incognito) return;
    if (this.incognitoTabs.size >= INCOGNITO_TAB_LIMIT) {
      const oldest = this.incognitoTabs.values().next();
      if (oldest.done !== true) this.incognitoTabs.delete(oldest.value);
    }
    this.incognitoTabs.add(tab.id);
  }

  classify(event: EventOrigin): StoreKey {
    if (this.incognitoInstance) return this.defaultStore;
    const { cookieStoreId, incognito } = event;
    if (cookieStoreId !== undefined && cookieStoreId !== '') {
      return { storeId: cookieStoreId, private: incognito === true || cookieStoreId === FIREFOX_PRIVATE_STORE };
    }
    if (incognito === true || (event.tabId >= 0 && this.incognitoTabs.has(event.tabId))) {
      return { storeId: CHROME_INCOGNITO_STORE, private: true };
    }
    return this.defaultStore;
  }
}
