// A `Cookie:` request header: read into host-only session cookies of a URL, and written for a URL
// from cookies (the ones a browser would send there, in the order it sends them).
import { CookieJar, CookieRequest, DefaultCookiePolicy, type Cookie } from '../jar';
import type { CookieFields } from './model';

const PREFIX = /^\s*cookie\s*:\s*/i;

/** Whether the text is one `Cookie:` header (or its value): `name=value` pairs joined by `;`, one line. */
export function looksLikeCookieHeader(text: string): boolean {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
  if (lines.length !== 1) return false;
  const value = (lines[0] ?? '').replace(PREFIX, '');
  return !value.includes('\t') && value.split(';').every((pair) => /^\s*[^=\s;,]+\s*=/.test(pair) || pair.trim() === '');
}

/**
 * The cookies of a Cookie header, for `url`: each a host-only session cookie of the URL's host,
 * path `/`, Secure when the URL is https (a header says nothing else about them).
 */
export function readCookieHeader(text: string, url: URL): CookieFields[] {
  const value = text.trim().replace(PREFIX, '');
  const cookies: CookieFields[] = [];
  for (const pair of value.split(';')) {
    if (pair.trim() === '') continue;
    const eq = pair.indexOf('=');
    const [name, val] = eq < 0 ? ['', pair.trim()] : [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
    cookies.push({
      ...(name === '' ? { name: val, value: null } : { name, value: val }),
      domain: url.hostname.toLowerCase(), hostOnly: true, path: '/', secure: url.protocol === 'https:',
      expires: null, httpOnly: false, sameSite: null,
    });
  }
  return cookies;
}

/**
 * The Cookie header value these cookies give a request to `url` at `nowSeconds`, by src/jar's
 * DefaultCookiePolicy with DomainStrictNonDomain (host-only cookies go to their own host only, as in
 * browsers): domain, path, Secure and expiry are checked; longest paths first. Empty when none match.
 */
export function cookieHeaderFor(cookies: Iterable<Cookie>, url: string, nowSeconds: number): string {
  const jar = new CookieJar(new DefaultCookiePolicy({ strictNsDomain: DefaultCookiePolicy.DomainStrictNonDomain }), { now: () => nowSeconds });
  for (const cookie of cookies) jar.setCookie(cookie);
  const request = new CookieRequest(url);
  jar.addCookieHeader(request);
  return request.getHeader('Cookie') ?? '';
}
