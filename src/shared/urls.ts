// URLs as the extension reads them: only web pages (http, https, ws, wss) have a host whose cookies
// it can show; a chrome://, about: or extension page has none.

/** The host of a web URL, lower-cased, without its port (an IPv6 address in brackets); null for anything else. */
export function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return /^(https?|wss?):$/.test(parsed.protocol) ? parsed.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}
