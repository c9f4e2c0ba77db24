// Cookies of two worlds side by side: the jar's (http.cookiejar Cookie) and the browser's own store
// (the `cookies` API). Conversion, site scoping and comparison.
import { getDomain } from 'tldts';
import { browserIdentity, jarIdentity, pairCookies } from '../shared/cookieIdentity';
import type { BrowserCookie, ComparisonRow, CookieJSON } from '../shared/protocol';

/** The registrable domain of a host (example.co.uk for www.example.co.uk), or the host itself. */
export function siteOf(host: string): string {
  const bare = host.replace(/^\./, '').toLowerCase();
  return getDomain(bare, { allowPrivateDomains: true }) ?? bare;
}

/** The jar's key of a browser cookie's domain: host-only cookies keep the host, domain cookies get a dot. */
export function jarDomainOf(cookie: Pick<BrowserCookie, 'domain' | 'hostOnly'>): string {
  const domain = cookie.domain.toLowerCase();
  if (cookie.hostOnly) return domain.replace(/^\./, '');
  return domain.startsWith('.') ? domain : `.${domain}`;
}

/**
 * Both lists matched as the Site view matches them (src/shared/cookieIdentity.ts): cookies in both,
 * only in the jar, only in the browser (each partition of a partitioned cookie apart).
 */
export function compareCookies(jar: readonly CookieJSON[], browser: readonly BrowserCookie[]): ComparisonRow[] {
  const pairs = pairCookies([...jar.entries()], [...browser.entries()], ([, cookie]) => jarIdentity(cookie), ([, cookie]) => browserIdentity(cookie));
  return pairs.map((pair): ComparisonRow => {
    if (pair.jar === undefined) {
      const [browserIndex, cookie] = pair.browser;
      return { status: 'onlyInBrowser', domain: jarDomainOf(cookie), path: cookie.path, name: cookie.name, browserIndex };
    }
    const [jarIndex, cookie] = pair.jar;
    const row = { domain: cookie.domain, path: cookie.path, name: cookie.name, jarIndex };
    return pair.browser === undefined ? { status: 'onlyInJar', ...row } : { status: 'both', ...row, browserIndex: pair.browser[0] };
  });
}

/** The fields of a browser store cookie we pass on (plain data; the API object may carry more). */
export function plainBrowserCookie(raw: Record<string, unknown>): BrowserCookie {
  const text = (key: string, fallback: string): string => { const v = raw[key]; return typeof v === 'string' ? v : fallback; };
  const cookie: BrowserCookie = {
    name: text('name', ''), value: text('value', ''), domain: text('domain', ''),
    hostOnly: raw['hostOnly'] === true, path: text('path', '/'), secure: raw['secure'] === true,
    httpOnly: raw['httpOnly'] === true, sameSite: text('sameSite', 'unspecified'), session: raw['session'] === true,
    storeId: text('storeId', ''),
  };
  if (typeof raw['expirationDate'] === 'number') cookie.expirationDate = raw['expirationDate'];
  // Firefox gives every cookie a firstPartyDomain, '' unless first-party isolation kept it for one.
  if (typeof raw['firstPartyDomain'] === 'string' && raw['firstPartyDomain'] !== '') cookie.firstPartyDomain = raw['firstPartyDomain'];
  const partitionKey = raw['partitionKey'];
  if (typeof partitionKey === 'object' && partitionKey !== null) {
    const { topLevelSite, hasCrossSiteAncestor } = partitionKey as { topLevelSite?: unknown; hasCrossSiteAncestor?: unknown };
    cookie.partitionKey = {
      ...(typeof topLevelSite === 'string' ? { topLevelSite } : {}),
      ...(typeof hasCrossSiteAncestor === 'boolean' ? { hasCrossSiteAncestor } : {}),
    };
  }
  return cookie;
}
