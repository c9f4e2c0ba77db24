// A URL as a person types it into the Why view: `www.example.com/shop` (no scheme) is read as
// https, as a browser's address bar does, and the view says so; anything the jar cannot judge is
// refused with the reason, inline (the browser's own URL check refused it silently before).

export type TypedUrl =
  | { ok: true; url: string; /** Set when the scheme was not typed: the one assumed. */ assumedScheme: 'https' | null }
  | { ok: false; message: string };

/** The schemes that carry cookies, as the service worker's explain accepts them. */
const COOKIE_SCHEMES = ['http:', 'https:', 'ws:', 'wss:'];

/** Starts with a scheme (`https:`, `ftp:`), as opposed to a host with a port (`localhost:8080/`). */
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i;

export function readTypedUrl(text: string): TypedUrl {
  const typed = text.trim();
  if (typed === '') return { ok: false, message: 'Type a URL, such as https://www.example.com/account.' };
  const assumedScheme = SCHEME.test(typed) ? null : 'https';
  const candidate = assumedScheme === null ? typed : `https://${typed.replace(/^\/\//, '')}`;
  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return { ok: false, message: `“${typed}” is not a URL: type one such as https://www.example.com/account.` };
  }
  if (!COOKIE_SCHEMES.includes(parsed.protocol)) {
    return { ok: false, message: `${parsed.protocol.slice(0, -1)}: URLs have no cookies here: the jar judges http, https, ws and wss URLs.` };
  }
  // A host is certain here: these schemes are "special" to the URL parser, which refuses one without a host (`https://` is no URL).
  return { ok: true, url: parsed.href, assumedScheme };
}
