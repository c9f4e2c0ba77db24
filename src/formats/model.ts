// The fields every cookie file format agrees on, and the way between them and src/jar's Cookie (the
// interchange type of this module: the extension's jar and browser store both hand over Cookies).
import { Cookie } from '../jar';

/** One cookie as the file formats see it. */
export interface CookieFields {
  name: string;
  /** null: a cookie set without a value (`Set-Cookie: token`), which Python keeps apart from `token=`. */
  value: string | null;
  /** Lower-cased, without a leading dot. */
  domain: string;
  /** Sent to `domain` only (no Domain attribute), rather than to it and its subdomains. */
  hostOnly: boolean;
  path: string;
  secure: boolean;
  /** Seconds since the epoch; null for a session cookie. */
  expires: number | null;
  httpOnly: boolean;
  /** As received (`Lax`, `Strict`, `None`), or null when the cookie had none. */
  sameSite: string | null;
}

/** The jar's HttpOnly and SameSite live among the nonstandard attributes, under any case. */
function attr(cookie: Cookie, wanted: string): [string, string | null] | undefined {
  return cookie.nonstandardAttrs().find(([name]) => name.toLowerCase() === wanted);
}

export function isHttpOnly(cookie: Cookie): boolean {
  return attr(cookie, 'httponly') !== undefined;
}

export function sameSiteOf(cookie: Cookie): string | null {
  const found = attr(cookie, 'samesite');
  return found === undefined ? null : found[1] ?? '';
}

export function fieldsOf(cookie: Cookie): CookieFields {
  const dotted = cookie.domain.startsWith('.');
  return {
    name: cookie.name,
    value: cookie.value,
    domain: dotted ? cookie.domain.slice(1) : cookie.domain,
    // A jar cookie is a domain cookie when its domain starts with a dot (Python's convention).
    hostOnly: !dotted,
    path: cookie.path,
    secure: cookie.secure,
    expires: cookie.expires,
    httpOnly: isHttpOnly(cookie),
    sameSite: sameSiteOf(cookie),
  };
}

/**
 * A jar Cookie for these fields: a domain cookie gets the leading dot and `domainSpecified` (as
 * Python records `Domain=`), a host-only one neither. `pathSpecified` says whether the source
 * said the path explicitly (cookies.txt does not keep it; Python's load sets it false).
 */
export function toJarCookie(fields: CookieFields, pathSpecified = true): Cookie {
  const rest: [string, string | null][] = [];
  if (fields.httpOnly) rest.push(['HttpOnly', null]);
  if (fields.sameSite !== null) rest.push(['SameSite', fields.sameSite]);
  return new Cookie({
    version: 0, name: fields.name, value: fields.value, port: null, portSpecified: false,
    domain: fields.hostOnly ? fields.domain : `.${fields.domain}`,
    domainSpecified: !fields.hostOnly, domainInitialDot: !fields.hostOnly,
    path: fields.path, pathSpecified, secure: fields.secure,
    expires: fields.expires, discard: fields.expires === null,
    comment: null, commentUrl: null, rest,
  });
}

/** `name (domain)` for messages, at most five of them. */
export function cookieList(cookies: readonly Cookie[]): string {
  const shown = cookies.slice(0, 5).map((c) => `${JSON.stringify(c.name)} (${c.domain})`).join(', ');
  return cookies.length > 5 ? `${shown}, …` : shown;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
