// The local cookie-setting site. Chromium runs with --host-resolver-rules mapping every host name to
// 127.0.0.1, so one server answers for www.example.com, shop.example.co.uk, tracker.test, ...
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { getDomain } from 'tldts';

export interface SentCookies { host: string; path: string; lines: string[] }

export interface CookieSite {
  port: number;
  /** `http://HOST:PORT/PATH` for any host name (all of them reach this server). */
  url(host: string, path?: string): string;
  /** The URL of `/set` on `host`, which answers with exactly these Set-Cookie lines. */
  setUrl(host: string, ...lines: string[]): string;
  /** Every Set-Cookie line this server has sent, per request, in order. */
  sent: SentCookies[];
  /** The Cookie header of every request, in order. */
  received: { host: string; path: string; cookie: string | undefined }[];
  close(): Promise<void>;
}

/** The cookies the demo page of each host sets: a host-only, a domain and a persistent cookie. */
export function demoCookies(host: string): string[] {
  const bare = host.replace(/:\d+$/, '');
  // The registrable domain (example.co.uk, not co.uk), from the Public Suffix List.
  const parent = getDomain(bare, { allowPrivateDomains: true }) ?? bare;
  return [
    `visit=${bare}; Path=/`,
    `theme=dark; Domain=.${parent}; Path=/; Max-Age=86400`,
    `session_id=s${bare.length}x; Path=/; HttpOnly; SameSite=Lax`,
  ];
}

function handle(site: CookieSite, req: IncomingMessage, res: ServerResponse): void {
  const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '');
  const url = new URL(req.url ?? '/', `http://${host}`);
  site.received.push({ host, path: url.pathname, cookie: req.headers.cookie });
  let lines: string[];
  let body: string;
  if (url.pathname === '/set') {
    // /set?c=<Set-Cookie line>&c=...: sends exactly the lines given.
    lines = url.searchParams.getAll('c');
    body = `<p>Set ${lines.length} cookies.</p>`;
  } else if (url.pathname === '/embed') {
    // /embed?frame=URL&img=URL: a page with third-party content (an iframe, an image).
    lines = [];
    const escape = (text: string) => text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
    body = url.searchParams.getAll('frame').map((src) => `<iframe src="${escape(src)}"></iframe>`).join('')
      + url.searchParams.getAll('img').map((src) => `<img alt="" src="${escape(src)}">`).join('');
  } else if (url.pathname === '/redirect') {
    // /redirect?to=URL&c=<Set-Cookie line>: a 302 to URL that sets exactly the lines given.
    const redirectLines = url.searchParams.getAll('c');
    if (redirectLines.length > 0) { res.setHeader('set-cookie', redirectLines); site.sent.push({ host, path: url.pathname, lines: redirectLines }); }
    res.writeHead(302, { location: url.searchParams.get('to') ?? '/' });
    res.end();
    return;
  } else if (url.pathname === '/echo') {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(req.headers.cookie ?? '');
    return;
  } else if (url.pathname === '/favicon.ico') {
    res.writeHead(404);
    res.end();
    return;
  } else {
    lines = demoCookies(host);
    body = `<h1>${host}</h1><p>This demo page sets ${lines.length} cookies.</p>`;
  }
  if (lines.length > 0) {
    res.setHeader('set-cookie', lines);
    site.sent.push({ host, path: url.pathname, lines });
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><title>${host}</title>${body}`);
}

/** The site over HTTP, or over HTTPS with `tls` (a certificate made at test time). */
export async function startCookieSite(port = 0, tls?: { key: string; cert: string }): Promise<CookieSite> {
  const scheme = tls === undefined ? 'http' : 'https';
  const site: CookieSite = {
    port: 0,
    sent: [],
    received: [],
    url: (host, path = '/') => `${scheme}://${host}:${site.port}${path}`,
    setUrl: (host, ...lines) => site.url(host, `/set?${lines.map((line) => `c=${encodeURIComponent(line)}`).join('&')}`),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => { resolve(); }); }),
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => { handle(site, req, res); };
  const server: Server = tls === undefined ? createServer(listener) : createHttpsServer(tls, listener);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  site.port = (server.address() as AddressInfo).port;
  return site;
}
