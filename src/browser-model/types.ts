/** The model's public types: contexts in, verdicts and cookies out. */
import type { ReasonDetail, SendReason, SetReason } from './reasons';

/** The browsers the model knows: Chromium 156 and Firefox ESR 153 (their differences are in browsers.ts). */
export type BrowserName = 'chromium' | 'firefox';

/**
 * The browser's third-party cookie setting: `blocked` (Chromium's "Block third-party cookies",
 * the default of a fresh Chromium profile on these machines; Firefox's "reject third-party cookies"),
 * `allowed`, `phaseout` (Chromium: blocked by tracking protection, the reason is then
 * ThirdPartyPhaseout), or `partitioned` (Firefox's default, Total Cookie Protection: a third party's
 * cookies are kept, in a jar of the top-level site). See docs/browser-model.md for how the extension learns it.
 */
export type ThirdPartyCookieSetting = 'blocked' | 'allowed' | 'phaseout' | 'partitioned';

/** SameSite as the cookies API names it. */
export type SameSiteValue = 'no_restriction' | 'lax' | 'strict' | 'unspecified';
export type CookiePriority = 'low' | 'medium' | 'high';

/**
 * A partition: the top-level site (`https://example.com`) and whether the cookie's request was
 * cross-site to it (itself or a frame in between), as the cookies API reports it. Chromium's CHIPS
 * partitions; in Firefox, Total Cookie Protection's jars too.
 */
export interface PartitionKey {
  readonly topLevelSite: string;
  readonly hasCrossSiteAncestor: boolean;
}

/** A cookie in the model's store, in the cookies API's terms plus what Chromium keeps besides. */
export interface ModelCookie {
  readonly name: string;
  readonly value: string;
  /** The host of a host-only cookie, `.example.com` for a domain cookie (as the cookies API). */
  readonly domain: string;
  readonly hostOnly: boolean;
  readonly path: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: SameSiteValue;
  readonly session: boolean;
  /** Seconds since the epoch (as the cookies API), absent for a session cookie. */
  readonly expirationDate?: number;
  readonly partitionKey?: PartitionKey;
  readonly priority: CookiePriority;
  /** Milliseconds since the epoch. Cookies of equal path length are sent oldest first. */
  readonly creationTime: number;
  readonly lastAccessTime: number;
}

/**
 * A cookie as `cookies.getAll()` and `cookies.onChanged` report it (chrome.cookies.Cookie,
 * browser.cookies.Cookie); other fields are ignored. The API reports no creation time: seeded
 * cookies count as created before any the model sees set, in the order given.
 */
export interface ApiCookie {
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly hostOnly?: boolean;
  readonly path: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  /** `no_restriction`, `lax`, `strict`, `unspecified` (anything else: unspecified). */
  readonly sameSite?: string;
  readonly session?: boolean;
  readonly expirationDate?: number;
  readonly partitionKey?: { readonly topLevelSite?: string; readonly hasCrossSiteAncestor?: boolean };
}

/** What a request is, for the cookie rules. */
export type RequestKind = 'top-level' | 'frame' | 'subresource';

/** Where a request happens: everything the rules read besides the store. */
export interface RequestContext {
  /** The request's URL (for a Set-Cookie: the URL of the response that carries it). */
  readonly url: string;
  /**
   * `top-level`: a navigation of the tab; `frame`: an iframe's navigation; `subresource`: anything
   * else a page loads (image, script, fetch, XHR, ...). Default: `subresource` when `topLevelUrl`
   * is given, else `top-level`.
   */
  readonly kind?: RequestKind;
  /** The tab's top-level page. Ignored for a top-level navigation (the request is the top). */
  readonly topLevelUrl?: string;
  /**
   * The frames between the top-level page and the request, outermost first: for a subresource the
   * frame that loads it and its ancestors below the top; for a frame navigation, the frame's
   * ancestors below the top. Any of them cross-site to the top makes the request third-party.
   */
  readonly frameUrls?: readonly string[];
  /**
   * The origin that started the request (`https://example.com`), or null when the browser did
   * (typed URL, bookmark). Default: null for a top-level navigation, else the innermost document.
   */
  readonly initiator?: string | null;
  /** Default GET. A cross-site top-level POST is not "lax" enough for SameSite=Lax cookies. */
  readonly method?: string;
  /** Overrides the store's setting for this request. */
  readonly thirdPartyCookies?: ThirdPartyCookieSetting;
  /** The clock for this request (ms since the epoch); default the store's `now()`. */
  readonly now?: number;
  /** The response's Date header (ms since the epoch): both browsers shift Expires by the server's clock skew. */
  readonly serverDate?: number;
}

/** What the browser did with one Set-Cookie line. */
export interface SetCookieVerdict {
  readonly line: string;
  /** `stored`: the store holds the cookie; `deleted`: an expired cookie, taken as a deletion (nothing stored); `refused`. */
  readonly outcome: 'stored' | 'deleted' | 'refused';
  /** outcome === 'stored'. */
  readonly stored: boolean;
  /**
   * Why not, empty unless refused: in Chromium every reason that applies, in its order; in Firefox
   * the one its first failed check gives (Firefox stops there).
   */
  readonly reasons: readonly SetReason[];
  /** The reasons Chromium's DevTools reports (`blockedCookies[].blockedReasons`); a refusal may have none. Always empty in Firefox, which has no such report. */
  readonly devtoolsReasons: readonly SetReason[];
  readonly details: readonly ReasonDetail<SetReason>[];
  /** One or more sentences a person understands, naming the values involved. */
  readonly sentence: string;
  /** The cookie stored, or (refused) the cookie the line would have made, when it parsed that far. */
  readonly cookie?: ModelCookie;
  /** For a deletion: what it deletes, and whether the store held it. */
  readonly deletion?: { readonly name: string; readonly domain: string; readonly path: string; readonly partitionKey?: PartitionKey; readonly existed: boolean };
  /** What the browser changed without refusing: an ignored attribute, a capped expiry, ... */
  readonly notes: readonly string[];
}

/** Whether one cookie of the store goes with a request, and why not. */
export interface CookieSendVerdict {
  readonly name: string;
  readonly domain: string;
  readonly path: string;
  readonly partitionKey?: PartitionKey;
  readonly sent: boolean;
  readonly reasons: readonly SendReason[];
  readonly details: readonly ReasonDetail<SendReason>[];
  readonly sentence: string;
  readonly cookie: ModelCookie;
}

/** The Cookie header of a request and the verdict on every cookie the browser considers for it. */
export interface RequestCookies {
  /** The Cookie header the browser sends, null when it sends none. */
  readonly cookieHeader: string | null;
  /**
   * Every cookie of the request host's registrable domain (unpartitioned, and those of the
   * request's partition), sent ones first in header order: what DevTools lists as
   * `associatedCookies`. Cookies of other sites or other partitions are not considered.
   */
  readonly cookies: readonly CookieSendVerdict[];
}

/** A cookie given as attributes, as `cookies.set()` takes it: for the "edit a browser cookie" pre-check. */
export interface CookieDetails {
  /** The URL the cookie is set for (as `cookies.set`): its host and scheme decide domain and security. */
  readonly url: string;
  readonly name?: string;
  readonly value?: string;
  /** Omitted: a host-only cookie. */
  readonly domain?: string;
  /** Omitted: the URL's default path. */
  readonly path?: string;
  readonly secure?: boolean;
  readonly httpOnly?: boolean;
  readonly sameSite?: SameSiteValue;
  /** Seconds since the epoch; omitted: a session cookie. */
  readonly expirationDate?: number;
  readonly partitionKey?: PartitionKey;
}

/** The pre-check of a CookieDetails: would `cookies.set` succeed, and what it would store. */
export interface CookieCheck {
  /** The cookie would be set (stored, or an expired one deleting its namesake). */
  readonly ok: boolean;
  /**
   * `cookies.set` resolves with the cookie only when its `url` reaches it (domain, path, Secure);
   * otherwise it reports "Failed to parse or set cookie" although the cookie is stored. False for a deletion.
   */
  readonly readBack: boolean;
  readonly outcome: 'stored' | 'deleted' | 'refused';
  readonly reasons: readonly SetReason[];
  readonly details: readonly ReasonDetail<SetReason>[];
  readonly sentence: string;
  readonly cookie?: ModelCookie;
  readonly notes: readonly string[];
}
