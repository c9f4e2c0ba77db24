/**
 * Registrable domains and sites, as Chromium's `registry_controlled_domains` (with private
 * registries: `github.io` is a public suffix) and `SchemefulSite` define them, from tldts's copy of
 * the Public Suffix List. Measured in Chromium 156: a host under an unknown top-level domain
 * (`www.tracker.test`) has the registrable domain `tracker.test`, as the list's default `*` rule
 * gives; an IP address, `localhost` and a host that is itself a public suffix (`github.io`) have
 * none, and are their own site.
 */
import { parse } from 'tldts';
import type { CookieUrl } from './url';

const REGISTRABLE_CACHE_SIZE = 2048;
const registrableCache = new Map<string, string>();

/**
 * The registrable domain (eTLD+1) of a host, or '' when it has none (IP address, a public suffix
 * itself, a single label). Leading dots are skipped, as Chromium does; a trailing dot is kept.
 */
export function registrableDomain(host: string): string {
  const known = registrableCache.get(host);
  if (known !== undefined) return known;
  const result = computeRegistrable(host);
  if (registrableCache.size >= REGISTRABLE_CACHE_SIZE) registrableCache.clear();
  registrableCache.set(host, result);
  return result;
}

function computeRegistrable(host: string): string {
  let start = 0;
  while (start < host.length && host.charCodeAt(start) === 0x2e) start++;
  let name = host.slice(start);
  const trailingDot = name.endsWith('.');
  if (trailingDot) name = name.slice(0, -1);
  if (name === '' || name.includes('..') || name.startsWith('[')) return '';
  const parsed = parse(name, { allowPrivateDomains: true, extractHostname: false });
  if (parsed.isIp === true || parsed.domain === null) return '';
  return trailingDot ? `${parsed.domain}.` : parsed.domain;
}

/** CookieMonster's key for a cookie domain or a request host: its registrable domain, else itself (without a leading dot). */
export function storageKey(domainOrHost: string): string {
  const registrable = registrableDomain(domainOrHost);
  const key = registrable === '' ? domainOrHost : registrable;
  return key.startsWith('.') ? key.slice(1) : key;
}

/**
 * The schemeful site of a URL: `https://example.co.uk` for `https://www.example.co.uk:8443/x`.
 * ws and wss count as http and https. A host without a registrable domain is its own site.
 */
export function siteOf(url: CookieUrl): string {
  const scheme = url.scheme === 'wss' ? 'https' : url.scheme === 'ws' ? 'http' : url.scheme;
  const registrable = url.isIp ? '' : registrableDomain(url.host);
  return `${scheme}://${registrable === '' ? url.host : registrable}`;
}

/** The site without its scheme (`example.co.uk`): what "same registrable domain" compares. */
export function schemelessSiteOf(url: CookieUrl): string {
  const registrable = url.isIp ? '' : registrableDomain(url.host);
  return registrable === '' ? url.host : registrable;
}

/** Chromium's `IsDomainMatch(cookieDomain, host)`: equal, or a `.domain` cookie whose domain ends the host. */
export function domainMatches(cookieDomain: string, host: string): boolean {
  if (host === cookieDomain) return true;
  if (cookieDomain.charCodeAt(0) !== 0x2e) return false;
  if (host.length === cookieDomain.length - 1) return cookieDomain.endsWith(host);
  return host.length > cookieDomain.length && host.endsWith(cookieDomain);
}

/** Chromium's `IsSubdomainOf`: identical, or more labels ending with `.superdomain`. */
export function isSubdomainOf(subdomain: string, superdomain: string): boolean {
  if (subdomain.length <= superdomain.length) return subdomain === superdomain;
  return subdomain.endsWith(superdomain) && subdomain.charCodeAt(subdomain.length - superdomain.length - 1) === 0x2e;
}

/** Chromium's `IsOnPath(cookiePath, urlPath)`: a prefix ending at a `/` boundary. No %-decoding. */
export function isOnPath(cookiePath: string, urlPath: string): boolean {
  if (cookiePath === '' || !urlPath.startsWith(cookiePath)) return false;
  return cookiePath.length === urlPath.length || cookiePath.endsWith('/') || urlPath.charCodeAt(cookiePath.length) === 0x2f;
}

/** The default cookie path of a request URL: its path up to, not including, the last `/` (or `/`). */
export function defaultPath(urlPath: string): string {
  const slash = urlPath.lastIndexOf('/');
  return slash <= 0 ? '/' : urlPath.slice(0, slash);
}

/** The UTF-16 code units of a string, as a set (for character classes). */
export function charCodes(text: string): ReadonlySet<number> {
  const codes = new Set<number>();
  for (let i = 0; i < text.length; i++) codes.add(text.charCodeAt(i));
  return codes;
}
