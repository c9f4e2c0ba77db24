/**
 * A request context as the cookie rules see it (Chromium's `SiteForCookies`, initiator and
 * `ComputeSameSiteContextFor{Request,Response}`, `CookiePartitionKey`; Firefox's
 * `ThirdPartyUtil::IsThirdPartyChannel`, `CookieCommons::IsSameSiteForeign` and partition keys).
 * In Chromium sites are schemeful: http://example.com and https://example.com are different sites;
 * Firefox compares them without the scheme. Partition keys name the top-level site with its scheme
 * in both.
 */
import { schemelessSiteOf, siteOf } from './domains';
import type { PartitionKey, RequestContext, RequestKind, ThirdPartyCookieSetting } from './types';
import { parseUrl, type CookieUrl } from './url';

/**
 * Chromium's same-site context, weakest first. Storing needs `lax` for SameSite=Lax and Strict;
 * sending needs `strict` for Strict, `lax` for Lax and `lax-unsafe` for a young cookie without SameSite.
 */
export type SameSiteContext = 'cross-site' | 'lax-unsafe' | 'lax' | 'strict';
export const CONTEXT_RANK: Readonly<Record<SameSiteContext, number>> = { 'cross-site': 0, 'lax-unsafe': 1, lax: 2, strict: 3 };

export interface EvaluatedContext {
  readonly url: CookieUrl;
  readonly kind: RequestKind;
  readonly method: string;
  readonly top: CookieUrl;
  readonly topSite: string;
  readonly requestSite: string;
  /** The initiator's site, or null for a browser-initiated request. */
  readonly initiatorSite: string | null;
  /** Not first-party to the top-level site (through every frame in between): the third-party cookie setting applies. */
  readonly thirdParty: boolean;
  /** The context for storing a cookie from this request's response. */
  readonly setContext: SameSiteContext;
  /** The context for sending cookies with this request. */
  readonly sendContext: SameSiteContext;
  readonly partitionKey: PartitionKey;
  readonly thirdPartyCookies: ThirdPartyCookieSetting;
  readonly now: number;
  readonly serverDate: number | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/** A page's URL is read again for each of its requests: the last few are kept. */
const URL_CACHE_SIZE = 64;
const urlCache = new Map<string, CookieUrl>();

function readUrl(href: string): CookieUrl {
  const known = urlCache.get(href);
  if (known !== undefined) return known;
  const url = parseUrl(href);
  if (urlCache.size >= URL_CACHE_SIZE) urlCache.clear();
  urlCache.set(href, url);
  return url;
}

/** Evaluates a context with the store's defaults. Throws UrlError on a URL it cannot read. */
export function evaluateContext(
  context: RequestContext, defaults: { thirdPartyCookies: ThirdPartyCookieSetting; now: number; schemefulSites?: boolean },
): EvaluatedContext {
  const url = readUrl(context.url);
  const kind: RequestKind = context.kind ?? (context.topLevelUrl === undefined ? 'top-level' : 'subresource');
  const top = kind === 'top-level' || context.topLevelUrl === undefined ? url : readUrl(context.topLevelUrl);
  const frames = kind === 'top-level' ? [] : (context.frameUrls ?? []).map(readUrl);
  const topSite = siteOf(top);
  const requestSite = siteOf(url);
  // What "same site" compares: the schemeful site (Chromium), or the registrable domain alone (Firefox).
  const compared = (defaults.schemefulSites ?? true) ? siteOf : schemelessSiteOf;
  const topKey = compared(top);
  const requestKey = compared(url);
  // SiteForCookies: the top-level site, unless a frame in between is cross-site to it (then none).
  const siteForCookiesIsTop = frames.every((frame) => compared(frame) === topKey);
  const firstParty = kind === 'top-level' || (siteForCookiesIsTop && requestKey === topKey);
  const initiator = context.initiator !== undefined ? context.initiator
    : kind === 'top-level' ? null : (frames.at(-1) ?? top).href;
  const initiatorUrl = initiator === null ? null : readUrl(initiator);
  const initiatorSite = initiatorUrl === null ? null : siteOf(initiatorUrl);
  const sameSiteInitiator = initiatorUrl === null || compared(initiatorUrl) === requestKey;
  const method = (context.method ?? 'GET').toUpperCase();

  let sendContext: SameSiteContext;
  if (!firstParty) sendContext = 'cross-site';
  else if (sameSiteInitiator) sendContext = 'strict';
  else if (kind === 'top-level') sendContext = SAFE_METHODS.has(method) ? 'lax' : 'lax-unsafe';
  else sendContext = 'cross-site';
  // Storing: a top-level navigation may always set Lax and Strict cookies; otherwise as sending, Strict counting as Lax.
  const setContext: SameSiteContext = kind === 'top-level' || (firstParty && sameSiteInitiator) ? 'lax' : 'cross-site';

  return {
    url, kind, method, top, topSite, requestSite, initiatorSite,
    thirdParty: !firstParty,
    setContext, sendContext,
    partitionKey: { topLevelSite: topSite, hasCrossSiteAncestor: !firstParty },
    thirdPartyCookies: context.thirdPartyCookies ?? defaults.thirdPartyCookies,
    now: context.now ?? defaults.now,
    serverDate: context.serverDate,
  };
}

