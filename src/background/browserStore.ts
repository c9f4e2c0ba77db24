// Exact operations on one cookie of the browser's store, over the `cookies` API. The API's own
// verbs are not exact (measured in Chromium 156, docs/messages.md "Acting on the browser's store"):
// - `cookies.remove({ url, name })` deletes EVERY cookie of that name the URL would receive (the
//   host-only one, the domain ones of every parent domain), and with a partitionKey the
//   unpartitioned namesakes too;
// - `cookies.set` resolves with `cookies.get(url, name)`, which may be another cookie of that name;
//   and it reports failure when the URL does not reach the cookie's path although it stored it.
// So a cookie is written with a URL built from its own domain and path, deleted by writing it
// again already expired (that deletes exactly the cookie of that name, domain, path and partition),
// and every write is read back by its identity.
import { browserIdentity, identityKey, type CookieIdentity } from '../shared/cookieIdentity';
import { completeInput, cookieUrl, hostOf } from '../shared/cookieWrite';
import type { BrowserCookie, BrowserCookieInput, SameSiteStatus } from '../shared/protocol';
import { plainBrowserCookie, siteOf } from './cookies';

/** What `cookies.set` takes (chrome.cookies.SetDetails). */
export interface CookieSetDetails {
  url: string;
  name: string;
  value: string;
  domain?: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSiteStatus;
  expirationDate?: number;
  storeId?: string;
  partitionKey?: { topLevelSite: string; hasCrossSiteAncestor?: boolean };
}

/** The part of the `cookies` API the views read and the actions write through. */
export interface CookiesWriteApi {
  getAll(details: Record<string, unknown>): Promise<unknown[]>;
  set(details: CookieSetDetails): Promise<unknown>;
  /** Firefox says which store is incognito; Chrome does not (its incognito store is "1"). */
  getAllCookieStores(): Promise<{ id: string; tabIds: number[]; incognito?: boolean }[]>;
}

/** The browser refused a write or a deletion (or did not do it): nothing of it is in the store. */
export class BrowserStoreError extends Error {
  override name = 'BrowserStoreError' as const;
}

/** A store id the browser does not have (now). */
export class UnknownStoreError extends Error {
  override name = 'UnknownStoreError' as const;
  constructor(storeId: string | undefined) {
    super(`There is no cookie store ${JSON.stringify(storeId)} (an incognito store exists only while an incognito window is open, and only when the extension is allowed in incognito).`);
  }
}

/** The details of `cookies.set` that write exactly this cookie into `storeId`. */
export function setDetails(storeId: string | undefined, cookie: BrowserCookieInput): CookieSetDetails {
  return {
    url: cookieUrl(cookie), name: cookie.name, value: cookie.value, path: cookie.path,
    secure: cookie.secure, httpOnly: cookie.httpOnly, sameSite: cookie.sameSite,
    // No domain: a host-only cookie of the URL's host; a domain: a domain cookie (the API adds the dot).
    ...(cookie.hostOnly ? {} : { domain: hostOf(cookie.domain) }),
    ...(cookie.expirationDate === undefined ? {} : { expirationDate: cookie.expirationDate }),
    ...(cookie.partitionKey === undefined ? {} : { partitionKey: cookie.partitionKey }),
    ...(storeId === undefined ? {} : { storeId }),
  };
}

/** The exact operations on one store. `storeId` undefined: the browser's default store. */
export class BrowserStore {
  constructor(private readonly api: CookiesWriteApi, readonly storeId: string | undefined) {}

  /**
   * Every cookie of the store (partitioned ones of every partition too, where the browser can list
   * them), or of one site (a registrable domain and its hosts).
   */
  async list(site?: string, warnings: string[] = []): Promise<BrowserCookie[]> {
    const scope = this.storeId === undefined ? {} : { storeId: this.storeId };
    let raw: unknown[];
    try {
      // partitionKey {} asks for partitioned (CHIPS) cookies of every partition as well.
      raw = await this.api.getAll({ ...scope, partitionKey: {} });
    } catch (error) {
      if (error instanceof Error && /cookie store id/i.test(error.message)) throw storeError(this.storeId);
      raw = await this.api.getAll(scope);
      warnings.push('This browser cannot list partitioned cookies: only unpartitioned ones are shown.');
    }
    const cookies = raw.map((c) => plainBrowserCookie(c as Record<string, unknown>));
    if (site === undefined) return cookies;
    // A site is a registrable domain: the jar's rule (mirror.ts), so that both stores show the same cookies.
    const wanted = siteOf(site);
    return cookies.filter((cookie) => siteOf(cookie.domain) === wanted);
  }

  /** The cookie of this identity, if the store holds it. */
  async find(identity: CookieIdentity): Promise<BrowserCookie | undefined> {
    const key = identityKey(identity);
    const scope = this.storeId === undefined ? {} : { storeId: this.storeId };
    let raw: unknown[];
    try {
      raw = await this.api.getAll({ ...scope, name: identity.name, domain: hostOf(identity.domain), partitionKey: {} });
    } catch (error) {
      if (error instanceof Error && /cookie store id/i.test(error.message)) throw storeError(this.storeId);
      raw = await this.api.getAll({ ...scope, name: identity.name, domain: hostOf(identity.domain) });
    }
    return raw.map((c) => plainBrowserCookie(c as Record<string, unknown>)).find((c) => identityKey(browserIdentity(c)) === key);
  }

  /** The store's cookies by identity key (src/shared/cookieIdentity.ts). */
  async index(): Promise<Map<string, BrowserCookie>> {
    const index = new Map<string, BrowserCookie>();
    for (const cookie of await this.list()) index.set(identityKey(browserIdentity(cookie)), cookie);
    return index;
  }

  /**
   * Asks the store to hold this cookie (an expired one: to delete the cookie of its identity). The
   * API's answer is not the truth (see the top of this file): read the store back after.
   */
  async set(cookie: BrowserCookieInput): Promise<void> {
    try {
      await this.api.set(setDetails(this.storeId, completeInput(cookie)));
    } catch (error) {
      if (error instanceof Error && /cookie store id/i.test(error.message)) throw storeError(this.storeId);
      throw error;
    }
  }
}

function storeError(storeId: string | undefined): UnknownStoreError {
  return new UnknownStoreError(storeId);
}
