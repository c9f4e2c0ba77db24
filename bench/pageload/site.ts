// The benchmark's site: one local server answering for six host names (Chromium maps every name to
// 127.0.0.1), a page of one document and its images spread over those hosts, each response setting
// a given number of cookies. Nothing is cached (`no-store`, and a round number in every URL), so
// every round loads and sees every response.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Three hosts of the page's own site and three third parties, as a page with a CDN and trackers has. */
export const HOSTS = ['www.shop.example', 'img.shop.example', 'static.shop.example', 'cdn.fastcdn.test', 'ads.tracker.test', 'pixel.metrics.test'] as const;

export interface PageShape {
  name: string;
  /** Responses in all: the document and resources - 1 images. */
  resources: number;
  /** Set-Cookie lines on every response. */
  cookies: number;
}

/** A 1×1 transparent GIF. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * The Set-Cookie lines of response `index` of a round: the same names on every round (the jar and
 * the browser's store stay the same size from round to round, values change), one domain cookie,
 * one HttpOnly, the rest host-only with a lifetime.
 */
export function cookieLines(count: number, index: number, round: string, host: string): string[] {
  const site = host.split('.').slice(-2).join('.');
  return Array.from({ length: count }, (_, j) => {
    const value = `${round}-${index}-${j}`;
    if (j === 0) return `sid${index % 10}=${value}; Domain=.${site}; Path=/; Max-Age=86400; SameSite=Lax`;
    if (j === 1) return `pref${index % 10}=${value}; Path=/; Max-Age=3600; HttpOnly`;
    return `c${j}_${index % 10}=${value}; Path=/; Max-Age=600`;
  });
}

export interface BenchSite {
  port: number;
  /** The page's URL for a round: http://www.shop.example:PORT/page?... */
  pageUrl(shape: PageShape, round: string): string;
  /** Responses served so far. */
  served: number;
  close(): Promise<void>;
}

function handle(site: BenchSite, req: IncomingMessage, res: ServerResponse): void {
  const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '');
  const url = new URL(req.url ?? '/', `http://${host}`);
  site.served++;
  const round = url.searchParams.get('round') ?? '0';
  const cookies = Number(url.searchParams.get('cookies') ?? '0');
  res.setHeader('cache-control', 'no-store');
  if (url.pathname === '/page') {
    const resources = Number(url.searchParams.get('resources') ?? '1');
    const images: string[] = [];
    for (let i = 1; i < resources; i++) {
      const imageHost = HOSTS[i % HOSTS.length] ?? HOSTS[0];
      images.push(`<img alt="" width="1" height="1" src="http://${imageHost}:${site.port}/img/${i}?round=${round}&amp;cookies=${cookies}">`);
    }
    res.setHeader('set-cookie', cookieLines(cookies, 0, round, host));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>bench</title><h1>${resources} resources</h1>${images.join('\n')}`);
    return;
  }
  const image = /^\/img\/(\d+)$/.exec(url.pathname);
  if (image !== null) {
    res.setHeader('set-cookie', cookieLines(cookies, Number(image[1]), round, host));
    res.writeHead(200, { 'content-type': 'image/gif', 'content-length': GIF.length });
    res.end(GIF);
    return;
  }
  res.writeHead(404);
  res.end();
}

export async function startBenchSite(): Promise<BenchSite> {
  const site: BenchSite = {
    port: 0,
    served: 0,
    pageUrl: (shape, round) => `http://${HOSTS[0]}:${site.port}/page?resources=${shape.resources}&cookies=${shape.cookies}&round=${round}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => { resolve(); }); }),
  };
  const server = createServer((req, res) => { handle(site, req, res); });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.port = (server.address() as AddressInfo).port;
  return site;
}
