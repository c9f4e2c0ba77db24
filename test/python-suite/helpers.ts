/**
 * The TypeScript equivalents of the fakes in CPython 3.11's Lib/test/test_http_cookiejar.py
 * (FakeResponse, interact_2965, interact_netscape, `_cookies[domain][path][name]` look-ups), built on
 * the public API of src/jar only.
 */
import { Cookie, CookieJar, CookieRequest } from '../../src/jar/index';
import type { CookieResponse } from '../../src/jar/index';

/** Python's `http.cookiejar.DEFAULT_HTTP_PORT`. */
export const DEFAULT_HTTP_PORT = '80';

/**
 * Python's `FakeResponse(headers)`: RFC 822 style `Name: value` strings. Python parses them with
 * `email.message_from_string`, which strips the whitespace after the colon and keeps the rest.
 */
export function fakeResponse(headers: readonly string[]): CookieResponse {
  return {
    headers: headers.map((line): [string, string] => {
      const colon = line.indexOf(':');
      if (colon < 0) throw new Error(`not a header line: ${line}`);
      return [line.slice(0, colon), line.slice(colon + 1).replace(/^[ \t]+/, '')];
    }),
  };
}

/** Python's `interact_2965`: one request/response cycle with Set-Cookie2 headers; returns the Cookie header sent. */
export function interact2965(jar: CookieJar, url: string, ...setCookieHeaders: string[]): string {
  return interact(jar, url, setCookieHeaders, 'Set-Cookie2');
}

/** Python's `interact_netscape`: one request/response cycle with Set-Cookie headers; returns the Cookie header sent. */
export function interactNetscape(jar: CookieJar, url: string, ...setCookieHeaders: string[]): string {
  return interact(jar, url, setCookieHeaders, 'Set-Cookie');
}

function interact(jar: CookieJar, url: string, setCookieHeaders: readonly string[], headerName: string): string {
  const request = new CookieRequest(url);
  jar.addCookieHeader(request);
  const cookieHeader = request.getHeader('Cookie') ?? '';
  const response = fakeResponse(setCookieHeaders.map((header) => `${headerName}: ${header}`));
  jar.extractCookies(response, request);
  return cookieHeader;
}

/** Python's `jar._cookies[domain][path][name]`, through iteration: the cookie, or undefined (Python's KeyError). */
export function findCookie(jar: Iterable<Cookie>, domain: string, path: string, name: string): Cookie | undefined {
  for (const cookie of jar) {
    if (cookie.domain === domain && cookie.path === path && cookie.name === name) return cookie;
  }
  return undefined;
}

/** Like `findCookie`, but a missing cookie fails the test (Python's KeyError). */
export function getCookie(jar: Iterable<Cookie>, domain: string, path: string, name: string): Cookie {
  const cookie = findCookie(jar, domain, path, name);
  if (cookie === undefined) {
    const have = [...jar].map((c) => `${c.domain} ${c.path} ${c.name}`).join(' | ');
    throw new Error(`no cookie ${domain} ${path} ${name} in the jar (have: ${have})`);
  }
  return cookie;
}

/** Python's `path in jar._cookies[domain]`. */
export function hasPath(jar: Iterable<Cookie>, domain: string, path: string): boolean {
  for (const cookie of jar) if (cookie.domain === domain && cookie.path === path) return true;
  return false;
}

/** The names of the cookies stored under `jar._cookies[domain][path]`. */
export function namesAt(jar: Iterable<Cookie>, domain: string, path: string): string[] {
  return [...jar].filter((c) => c.domain === domain && c.path === path).map((c) => c.name);
}

/**
 * Python's `repr(jar)` lists every cookie with every attribute, in iteration order; comparing two
 * reprs compares exactly this.
 */
export function jarRepr(jar: Iterable<Cookie>): ReturnType<Cookie['toJSON']>[] {
  return [...jar].map((cookie) => cookie.toJSON());
}

/** Python's `time.gmtime(t)[:6]`. */
export function gmtime6(t: number): [number, number, number, number, number, number] {
  const d = new Date(t * 1000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
}

/** Python's `time.localtime()[0] + 1`. */
export function yearPlusOne(): number {
  return new Date().getFullYear() + 1;
}
