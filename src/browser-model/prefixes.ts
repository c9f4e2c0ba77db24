/**
 * Cookie name prefixes (`cookie_util::GetCookiePrefix`, `IsCookiePrefixValid`). Chromium 156 reads
 * them in any case (`__secure-`, `__HoSt-`) and enforces `__Http-` and `__Host-Http-` too.
 */
import type { CookieUrl } from './url';

export type CookiePrefix = '__Secure-' | '__Host-Http-' | '__Http-' | '__Host-';

/** In Chromium's order: the more specific `__Host-Http-` before `__Host-`. */
const PREFIXES: readonly CookiePrefix[] = ['__Secure-', '__Host-Http-', '__Http-', '__Host-'];

export function prefixOf(name: string): CookiePrefix | null {
  if (name.length < 7 || name.charCodeAt(0) !== 0x5f || name.charCodeAt(1) !== 0x5f) return null;
  for (const prefix of PREFIXES) {
    if (name.length >= prefix.length && name.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase()) return prefix;
  }
  return null;
}

/** The prefix a nameless cookie's value starts with (after spaces and tabs): such a cookie is refused, as it would be sent as `__Host-...`. */
export function hiddenPrefixOf(value: string): CookiePrefix | null {
  let start = 0;
  while (start < value.length && (value.charCodeAt(start) === 0x20 || value.charCodeAt(start) === 0x09)) start++;
  return prefixOf(value.slice(start));
}

export interface PrefixAttributes {
  readonly secure: boolean;
  readonly httpOnly: boolean;
  /** The Domain attribute as written ('' or undefined: none). */
  readonly domainAttribute: string | undefined;
  /** The Path attribute as written (undefined: none), or the cookie's path for cookies.set. */
  readonly path: string | undefined;
}

/** What a prefix requires that the cookie lacks, in words; empty when it is valid. */
export function prefixViolations(prefix: CookiePrefix, url: CookieUrl, attributes: PrefixAttributes): string[] {
  const missing: string[] = [];
  if (!attributes.secure) missing.push('the Secure attribute');
  if (!url.isSecureContext) missing.push(`a secure origin (${url.scheme}://${url.host} is not)`);
  if (prefix === '__Http-' || prefix === '__Host-Http-') {
    if (!attributes.httpOnly) missing.push('HttpOnly');
  }
  if (prefix === '__Host-' || prefix === '__Host-Http-') {
    if (attributes.path !== '/') missing.push(attributes.path === undefined ? 'Path=/' : `Path=/ (not Path=${attributes.path})`);
    const domain = attributes.domainAttribute ?? '';
    if (domain !== '' && !(url.isIp && url.host === domain)) missing.push(`no Domain attribute (not Domain=${domain})`);
  }
  return missing;
}
