/**
 * The parts of a URL the cookie rules read. URLs reach the model as the browser reports them
 * (webRequest, the cookies API, DevTools): already canonical, host lowercased and punycoded, path
 * %-escaped. So this is a split, not a WHATWG parser; Chromium never %-decodes the path before path
 * matching either.
 */

export interface CookieUrl {
  /** The URL as given. */
  readonly href: string;
  /** Lowercase scheme without the colon: `http`, `https`, `ws`, `wss`, ... */
  readonly scheme: string;
  /** Lowercase host; an IPv6 address keeps its brackets (`[::1]`). */
  readonly host: string;
  /** The port, explicit or the scheme's default; null when the scheme has none. */
  readonly port: number | null;
  /** The path, `/` when the URL has none. */
  readonly path: string;
  /** The host is an IPv4 or IPv6 address. */
  readonly isIp: boolean;
  /** https or wss: Chromium's "cryptographic" schemes. */
  readonly isCryptographic: boolean;
  /** A secure context for cookies: cryptographic, or localhost / a loopback address (`http://localhost` may set and read Secure cookies). */
  readonly isSecureContext: boolean;
  /** One of the schemes that have cookies at all (http, https, ws, wss). */
  readonly isCookieable: boolean;
}

export class UrlError extends Error {
  override name = 'UrlError' as const;
  constructor(readonly url: string, why: string) {
    super(`Not a URL the cookie model can read (${why}): ${url.length > 200 ? `${url.slice(0, 200)}…` : url}`);
  }
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443, ws: 80, wss: 443 };
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;

/** Splits an absolute URL. Throws UrlError when it has no `scheme://host`. */
export function parseUrl(href: string): CookieUrl {
  const schemeEnd = href.indexOf('://');
  if (schemeEnd <= 0 || !/^[a-zA-Z][a-zA-Z0-9+.-]*$/.test(href.slice(0, schemeEnd))) throw new UrlError(href, 'no scheme://');
  const scheme = href.slice(0, schemeEnd).toLowerCase();
  const authorityStart = schemeEnd + 3;
  let authorityEnd = href.length;
  for (let i = authorityStart; i < href.length; i++) {
    const c = href.charCodeAt(i);
    if (c === 0x2f || c === 0x3f || c === 0x23) { authorityEnd = i; break; } // / ? #
  }
  let authority = href.slice(authorityStart, authorityEnd);
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  let host: string;
  let portText = '';
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) throw new UrlError(href, 'unclosed IPv6 address');
    host = authority.slice(0, close + 1).toLowerCase();
    if (authority.charCodeAt(close + 1) === 0x3a) portText = authority.slice(close + 2);
  } else {
    const colon = authority.lastIndexOf(':');
    host = (colon >= 0 ? authority.slice(0, colon) : authority).toLowerCase();
    if (colon >= 0) portText = authority.slice(colon + 1);
  }
  if (host === '') throw new UrlError(href, 'no host');
  if (portText !== '' && !/^\d{1,5}$/.test(portText)) throw new UrlError(href, 'bad port');
  const port = portText !== '' ? Number(portText) : DEFAULT_PORTS[scheme] ?? null;
  let pathEnd = href.length;
  for (let i = authorityEnd; i < href.length; i++) {
    const c = href.charCodeAt(i);
    if (c === 0x3f || c === 0x23) { pathEnd = i; break; }
  }
  const path = authorityEnd < pathEnd ? href.slice(authorityEnd, pathEnd) : '/';
  const isIp = host.startsWith('[') || IPV4.test(host);
  const isCryptographic = scheme === 'https' || scheme === 'wss';
  return {
    href, scheme, host, port, path, isIp, isCryptographic,
    isSecureContext: isCryptographic || isLocalhost(host),
    isCookieable: scheme in DEFAULT_PORTS,
  };
}

/**
 * Chromium's `net::IsLocalhost`: `localhost`, `*.localhost` (with or without a trailing dot), the
 * IPv4 loopback block 127.0.0.0/8 and `[::1]`. These count as secure for cookies.
 */
export function isLocalhost(host: string): boolean {
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (host === '[::1]') return true;
  return IPV4.test(host) && host.startsWith('127.');
}

/** The origin of a URL as `scheme://host[:port]` (ports as given, default ports dropped). */
export function originOf(url: CookieUrl): string {
  const defaultPort = DEFAULT_PORTS[url.scheme];
  return `${url.scheme}://${url.host}${url.port === null || url.port === defaultPort ? '' : `:${url.port}`}`;
}
