// A jar cookie as the compact row getCookieRows sends (CookieTableRow, src/shared/protocol.ts):
// made here, in the layer of the protocol, so the service worker that sends it and the popup's
// tests that read it use the same function.
import { hasHttpOnly, type Cookie } from '../jar';
import type { CookieTableRow } from './protocol';

/**
 * The SameSite attribute as received, '' when it had no value, null when absent. Python keeps
 * `SameSite` and `samesite` apart; as in a browser, the last one the header named wins.
 */
function sameSiteOf(cookie: Cookie): string | null {
  let sameSite: string | null = null;
  for (const [name, value] of cookie.nonstandardAttrs()) if (name.toLowerCase() === 'samesite') sameSite = value ?? '';
  return sameSite;
}

export function cookieTableRow(cookie: Cookie): CookieTableRow {
  return [cookie.name, cookie.value, cookie.domain, cookie.domainSpecified, cookie.path, cookie.secure, cookie.expires,
    cookie.version, cookie.port, hasHttpOnly(cookie), sameSiteOf(cookie)];
}
