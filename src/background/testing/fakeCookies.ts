// A fake `cookies` API for the background's unit tests that behaves as Chromium's does where the
// actions depend on it (measured in Chromium 156, docs/messages.md):
// - set() decides with the browser model's cookies.set pre-check (itself checked against Chromium's
//   cookies.set), keys cookies by name, domain, path and partition, and resolves with what
//   get(url, name) would give (possibly another cookie of that name), or rejects with Chromium's
//   message; an already expired cookie deletes the cookie of its identity;
// - getAll() filters by store, name, domain (the domain and its subdomains) and partition
//   (`partitionKey: {}` for every partition, none for unpartitioned cookies only);
// - an unknown store id is an error.
// Tests can make the next writes fail (a cookie the model accepts but the browser refuses).
import { BrowserCookieStore, registrableDomain } from '../../browser-model';

/** Chromium's per-site limit: over 180 cookies of a site, the least recently used go until 150 are left. */
const SITE_MAX = 180;
const SITE_PURGE_TO = 150;
const siteOfDomain = (domain: string): string => { const host = domain.replace(/^\./, '').toLowerCase(); return registrableDomain(host) || host; };

export type RawCookie = Record<string, unknown>;

export interface FakeCookiesApi {
  getAll(details: Record<string, unknown>): Promise<unknown[]>;
  set(details: { url: string; name?: string; value?: string; domain?: string; path?: string; secure?: boolean; httpOnly?: boolean; sameSite?: string; expirationDate?: number; storeId?: string; partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean } }): Promise<unknown>;
  getAllCookieStores(): Promise<{ id: string; tabIds: number[] }[]>;
  /** Refuse every write of a cookie that matches (as a browser refusing what the model accepts), until cleared. */
  refuse: ((details: { name?: string; value?: string }) => boolean) | null;
  /** Every set() call, in order. */
  calls: Record<string, unknown>[];
}

const storeOf = (cookie: RawCookie): string => (typeof cookie['storeId'] === 'string' && cookie['storeId'] !== '' ? cookie['storeId'] : '0');
const partitionOf = (cookie: RawCookie): string => {
  const key = cookie['partitionKey'] as { topLevelSite?: string; hasCrossSiteAncestor?: boolean } | undefined;
  return key?.topLevelSite === undefined ? '' : `${key.topLevelSite} ${String(key.hasCrossSiteAncestor ?? false)}`;
};
const identity = (cookie: RawCookie): string => `${storeOf(cookie)}\t${String(cookie['domain'])}\t${String(cookie['path'])}\t${String(cookie['name'])}\t${partitionOf(cookie)}`;
const bare = (domain: string): string => (domain.startsWith('.') ? domain.slice(1) : domain);

function domainMatches(cookieDomain: string, filter: string): boolean {
  const d = bare(cookieDomain).toLowerCase();
  const f = bare(filter).toLowerCase();
  return d === f || d.endsWith(`.${f}`);
}

/** A cookies API over `cookies` (the array is the store: tests may read and fill it). */
export function fakeCookiesApi(cookies: RawCookie[], options: {
  stores?: { id: string; tabIds: number[] }[]; partitioned?: boolean; now: () => number;
  /** The store of a call that names none ('0'; Firefox: 'firefox-default'). */
  defaultStore?: string;
  /** cookies.onChanged, with Chromium's causes: an overwrite removes the old cookie ('overwrite'), an expired write removes it ('expired_overwrite'). */
  onChanged?: (change: { removed: boolean; cause: string; cookie: RawCookie }) => void;
}): FakeCookiesApi {
  const defaultStore = options.defaultStore ?? '0';
  const stores = options.stores ?? [{ id: defaultStore, tabIds: [1] }];
  const checkStore = (storeId: unknown): string => {
    const id = typeof storeId === 'string' ? storeId : defaultStore;
    if (!stores.some((s) => s.id === id)) throw new Error(`Invalid cookie store id: "${id}".`);
    return id;
  };
  const api: FakeCookiesApi = {
    refuse: null,
    calls: [],
    getAll(details) {
      try {
        if ('partitionKey' in details && options.partitioned === false) throw new Error('Unexpected property "partitionKey"');
        const storeId = checkStore(details['storeId']);
        const all = 'partitionKey' in details;
        return Promise.resolve(cookies
          .filter((c) => storeOf(c) === storeId && (all || c['partitionKey'] === undefined))
          .filter((c) => typeof details['name'] !== 'string' || c['name'] === details['name'])
          .filter((c) => typeof details['domain'] !== 'string' || domainMatches(String(c['domain']), details['domain']))
          .map((c) => structuredClone({ storeId, ...c })));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    set(details) {
      api.calls.push({ ...details });
      let storeId: string;
      try { storeId = checkStore(details.storeId); } catch (error) { return Promise.reject(error instanceof Error ? error : new Error(String(error))); }
      const name = details.name ?? '';
      const failure = new Error(`Failed to parse or set cookie named "${name}".`);
      if (api.refuse?.(details) === true) return Promise.reject(failure);
      const key = details.partitionKey === undefined ? undefined
        : { topLevelSite: details.partitionKey.topLevelSite ?? '', hasCrossSiteAncestor: details.partitionKey.hasCrossSiteAncestor ?? true };
      const model = new BrowserCookieStore({ now: options.now });
      const check = model.checkCookie({
        url: details.url, name, value: details.value ?? '', path: details.path ?? '/', secure: details.secure ?? false, httpOnly: details.httpOnly ?? false,
        sameSite: (details.sameSite ?? 'unspecified') as 'unspecified',
        ...(details.domain === undefined ? {} : { domain: details.domain }),
        ...(details.expirationDate === undefined ? {} : { expirationDate: details.expirationDate }),
        ...(key === undefined ? {} : { partitionKey: key }),
      });
      if (!check.ok || check.cookie === undefined) return Promise.reject(failure);
      const made = check.cookie;
      const cookie: RawCookie = {
        name: made.name, value: made.value, domain: made.domain, hostOnly: made.hostOnly, path: made.path, secure: made.secure,
        httpOnly: made.httpOnly, sameSite: made.sameSite, session: made.session, storeId,
        ...(made.expirationDate === undefined ? {} : { expirationDate: made.expirationDate }),
        ...(key === undefined ? {} : { partitionKey: key }),
      };
      const at = cookies.findIndex((c) => identity(c) === identity(cookie));
      const deleted = check.outcome === 'deleted';
      if (at >= 0) {
        const [old] = cookies.splice(at, 1);
        if (old !== undefined) options.onChanged?.({ removed: true, cause: deleted ? 'expired_overwrite' : 'overwrite', cookie: structuredClone(old) });
      }
      if (deleted) return Promise.resolve(null);
      cookies.push(cookie);
      options.onChanged?.({ removed: false, cause: 'explicit', cookie: structuredClone(cookie) });
      // Eviction: the array is in order of last use (a write moves a cookie to the end).
      const site = siteOfDomain(made.domain);
      const ofSite = cookies.filter((c) => storeOf(c) === storeId && siteOfDomain(String(c['domain'])) === site && c['partitionKey'] === undefined);
      if (ofSite.length > SITE_MAX) {
        for (const gone of ofSite.slice(0, ofSite.length - SITE_PURGE_TO)) {
          cookies.splice(cookies.indexOf(gone), 1);
          options.onChanged?.({ removed: true, cause: 'evicted', cookie: structuredClone(gone) });
        }
      }
      // Chromium answers with get(url, name): the first cookie of that name the URL reaches, maybe another one.
      const url = new URL(details.url);
      const reached = cookies.find((c) => c['name'] === name && storeOf(c) === storeId && domainMatches(url.hostname, String(c['domain']))
        && url.pathname.startsWith(String(c['path'])));
      return Promise.resolve(reached === undefined ? null : structuredClone(reached));
    },
    getAllCookieStores: () => Promise.resolve(stores.map((s) => ({ id: s.id, tabIds: [...s.tabIds] }))),
  };
  return api;
}
