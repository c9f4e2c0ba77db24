// URLs as the extension reads them: only web pages (http, https, ws, wss) have a host whose cookies
// it can show; a chrome://, about: or extension page has none.

/**
 * The last URLs asked about, with their hosts: the worker asks for the host of the same top-level
 * page for every response of that page, and parsing a URL is the dearest step of it.
 */
const recent: { url: string; host: string | null }[] = [];
const RECENT = 4;

/** The host of a web URL, lower-cased, without its port (an IPv6 address in brackets); null for anything else. */
export function hostOf(url: string | null): string | null {
  if (url === null) return null;
  for (const entry of recent) if (entry.url === url) return entry.host;
  let host: string | null;
  try {
    const parsed = new URL(url);
    host = /^(https?|wss?):$/.test(parsed.protocol) ? parsed.hostname.toLowerCase() : null;
  } catch {
    host = null;
  }
  if (recent.length >= RECENT) recent.pop();
  recent.unshift({ url, host });
  return host;
}
