// The cookie stores as the UI names them (getCookieStores): the browser's default store, Firefox's
// containers (named by `contextualIdentities`: their name, colour and icon), and the private store
// (Chrome's incognito, Firefox's private windows). A store is listed when the browser has it now or
// the extension holds something of it (a container removed since keeps its recorded cookies until
// they are cleared). Pure: the background hands in what the browser said.
import type { CookieStoreInfo, CookieStoresReply } from '../shared/protocol';
import { CHROME_INCOGNITO_STORE, FIREFOX_PRIVATE_STORE } from './classify';

/** A container as `contextualIdentities.query` gives it (Firefox only). */
export interface ContainerIdentity { cookieStoreId: string; name: string; color: string; colorCode: string; icon: string }

/** The part of `contextualIdentities` the background reads. */
export interface IdentitiesApi { query(details: Record<string, never>): Promise<unknown[]> }

/** A store as `cookies.getAllCookieStores` gives it (Firefox says `incognito`; Chrome does not). */
export interface BrowserCookieStore { id: string; tabIds: number[]; incognito?: boolean }

/** What the extension holds of one store. */
export interface HeldStore { id: string; private: boolean; cookies: number; decisions: number }

export interface StoreFacts {
  /** The browser's stores now (empty where it cannot say). */
  browser: readonly BrowserCookieStore[];
  /** Firefox's containers (empty in Chrome, or when containers are off). */
  containers: readonly ContainerIdentity[];
  held: readonly HeldStore[];
  defaultStoreId: string;
  mirrorIncognito: boolean;
  /** The store of the tab asked about, if any. */
  tabStoreId: string | null;
}

/** Reads `contextualIdentities.query`'s answer, keeping only well-formed containers. */
export function containerIdentities(raw: readonly unknown[]): ContainerIdentity[] {
  const text = (value: unknown): value is string => typeof value === 'string';
  return raw.flatMap((item) => {
    if (typeof item !== 'object' || item === null) return [];
    const { cookieStoreId, name, color, colorCode, icon } = item as Record<string, unknown>;
    return text(cookieStoreId) && text(name) && text(color) && text(colorCode) && text(icon) ? [{ cookieStoreId, name, color, colorCode, icon }] : [];
  });
}

const isPrivateId = (id: string): boolean => id === FIREFOX_PRIVATE_STORE || id === CHROME_INCOGNITO_STORE;

/** The stores to list, named: the default first, then the containers by name, then the private one. */
export function describeStores(facts: StoreFacts): CookieStoresReply {
  const browser = new Map(facts.browser.map((store) => [store.id, store]));
  const containers = new Map(facts.containers.map((identity) => [identity.cookieStoreId, identity]));
  const held = new Map(facts.held.map((store) => [store.id, store]));
  const ids = new Set([facts.defaultStoreId, ...facts.containers.map((c) => c.cookieStoreId), ...browser.keys(), ...held.keys()]);
  const stores = [...ids].map((id): CookieStoreInfo => {
    const identity = containers.get(id);
    const mine = held.get(id);
    const live = browser.get(id);
    const incognito = mine?.private ?? (live?.incognito === true || isPrivateId(id));
    // The default store id is the browser's own ('0' in Chrome, 'firefox-default' in Firefox); in
    // Chrome's incognito instance it is the private store, and the regular one is not listed there.
    const kind = incognito ? 'private' : id === facts.defaultStoreId ? 'default' : 'container';
    return {
      id, incognito, tabIds: live?.tabIds ?? [], kind,
      name: nameOf(id, kind, identity),
      ...(identity === undefined ? {} : { color: identity.color, colorCode: identity.colorCode, icon: identity.icon }),
      mirrored: !incognito || facts.mirrorIncognito,
      cookies: mine?.cookies ?? 0, decisions: mine?.decisions ?? 0,
      live: identity !== undefined || live !== undefined || kind === 'default',
    };
  });
  const order = { default: 0, container: 1, private: 2 } as const;
  stores.sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { stores, tabStoreId: facts.tabStoreId, defaultStoreId: facts.defaultStoreId };
}

function nameOf(id: string, kind: CookieStoreInfo['kind'], identity: ContainerIdentity | undefined): string {
  if (identity !== undefined) return identity.name;
  if (kind === 'default') return 'Default';
  if (kind === 'private') return id === CHROME_INCOGNITO_STORE ? 'Incognito' : 'Private windows';
  // A container the browser no longer has (removed since): only what the extension recorded is left.
  const number = /^firefox-container-(\d+)$/.exec(id)?.[1];
  return number === undefined ? `Cookie store ${id}` : `Container ${number} (removed)`;
}

/** An export's file name with the store's name before its extension (cookies.txt → cookies-Work.txt), in characters any file system takes. */
export function storeFileName(filename: string, storeName: string): string {
  const label = storeName.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'store';
  const dot = filename.lastIndexOf('.');
  return dot <= 0 ? `${filename}-${label}` : `${filename.slice(0, dot)}-${label}${filename.slice(dot)}`;
}
