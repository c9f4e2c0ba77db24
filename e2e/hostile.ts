// What the privacy and durability specs need beyond the demo site: a server for pages that do what
// a tracker or a hostile site does (a service worker's tab-less fetch, a beacon that outlives its
// tab, a flood of 4 KB cookies), the "Allow in Incognito" switch of an unpacked extension, and a
// search of the browser profile's files for a string.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';

export interface HostileSite {
  port: number;
  url(host: string, path: string): string;
  /** The values /login gave its HttpOnly cookie (made by the server: in no URL the browser could keep). */
  issued: string[];
  /** Every request's path and query, in order. */
  requests: { host: string; path: string; cookie: string | undefined }[];
  /** Resolves when a request for this path (with this token) has been answered. */
  answered(path: string, token: string): Promise<void>;
  close(): Promise<void>;
}

/** 50 cookies of 4,000-byte values and one of 4,097 bytes of name and value (refused by browsers). */
export function floodLines(image: number): string[] {
  const value = (i: number) => `${image}-${i}-`.padEnd(4000, 'x');
  return [...Array.from({ length: 50 }, (_, i) => `f${i}=${value(i)}; Path=/; Max-Age=3600`), `over=${'o'.repeat(4093)}; Path=/`];
}

const PRIVATE_PAGE = (token: string) => `<!doctype html><title>private</title><p>private page</p>
<script>
  // A request of this page's service worker: it has no tab.
  navigator.serviceWorker.register('/sw.js?token=${token}').then(async () => {
    const registration = await navigator.serviceWorker.ready;
    const channel = new MessageChannel();
    const done = new Promise((resolve) => { channel.port1.onmessage = resolve; });
    registration.active.postMessage('fetch', [channel.port2]);
    await done;
    // A request of the page that carries its cookies (the sent-header log).
    await fetch('/api?token=${token}', { credentials: 'include' });
    document.title = 'ready';
  });
  // A beacon sent as the tab closes: it ends after the tab is gone.
  addEventListener('pagehide', () => { navigator.sendBeacon('/beacon?token=${token}', 'bye'); });
</script>`;

const SERVICE_WORKER = (token: string) => `
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('message', (event) => {
  event.waitUntil(fetch('/sw-fetch?token=${token}', { credentials: 'include' }).then(() => event.ports[0].postMessage('done')));
});`;

function handle(site: HostileSite, waiters: Map<string, () => void>, req: IncomingMessage, res: ServerResponse): void {
  const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '');
  const url = new URL(req.url ?? '/', `http://${host}`);
  const token = url.searchParams.get('token') ?? '';
  site.requests.push({ host, path: `${url.pathname}${url.search}`, cookie: req.headers.cookie });
  const finish = (status: number, type: string, body: string, cookies: string[] = []) => {
    if (cookies.length > 0) res.setHeader('set-cookie', cookies);
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body, () => { waiters.get(`${url.pathname}\n${token}`)?.(); });
  };
  switch (url.pathname) {
    case '/private':
      finish(200, 'text/html', PRIVATE_PAGE(token), [`page_${token}=v${token}; Path=/; Max-Age=3600; HttpOnly`]);
      return;
    case '/sw.js':
      finish(200, 'text/javascript', SERVICE_WORKER(token));
      return;
    case '/sw-fetch':
      finish(200, 'text/plain', 'ok', [`sw_${token}=v${token}; Path=/; Max-Age=3600`]);
      return;
    case '/api':
      finish(200, 'text/plain', 'ok');
      return;
    case '/beacon':
      // A slow answer: the tab that sent it is closed long before.
      setTimeout(() => { finish(200, 'text/plain', 'ok', [`beacon_${token}=v${token}; Path=/; Max-Age=3600`]); }, 800);
      return;
    case '/login': {
      const secret = `tok${randomBytes(12).toString('hex')}`;
      site.issued.push(secret);
      finish(200, 'text/html', '<p>signed in</p>', [`token=${secret}; Path=/; HttpOnly; SameSite=Lax; Max-Age=86400`, 'theme=plain; Path=/']);
      return;
    }
    case '/flood-image':
      finish(200, 'image/gif', '', floodLines(Number(url.searchParams.get('i'))));
      return;
    case '/flood': {
      const images = Array.from({ length: 60 }, (_, i) => `<img alt="" src="http://img${i}.flood${i % 6}.test:${site.port}/flood-image?i=${i}&token=${token}">`);
      finish(200, 'text/html', `<!doctype html><title>flood</title>${images.join('')}`);
      return;
    }
    case '/victim':
      finish(200, 'text/html', '<p>victim</p>', ['session=precious; Path=/; HttpOnly', 'prefs=kept; Path=/; Max-Age=86400']);
      return;
    default:
      finish(404, 'text/plain', 'not found');
  }
}

export async function startHostileSite(): Promise<HostileSite> {
  const waiters = new Map<string, () => void>();
  const site: HostileSite = {
    port: 0,
    issued: [],
    requests: [],
    url: (host, path) => `http://${host}:${site.port}${path}`,
    answered: (path, token) => new Promise((resolve) => { waiters.set(`${path}\n${token}`, resolve); }),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => { resolve(); }); }),
  };
  const server: Server = createServer((req, res) => { handle(site, waiters, req, res); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.port = (server.address() as AddressInfo).port;
  return site;
}

/**
 * Switches "Allow in Incognito" on for an unpacked extension, from chrome://extensions (the page's
 * own developerPrivate API), with developer mode on first: without it, Chrome disables an unpacked
 * extension it has to reload. The extension reloads: its worker is a new one.
 */
export async function allowInIncognito(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(async (id) => {
    const api = (chrome as unknown as { developerPrivate: {
      updateProfileConfiguration(c: { inDeveloperMode: boolean }): Promise<void>;
      updateExtensionConfiguration(c: { extensionId: string; incognitoAccess: boolean }): Promise<void>;
      getExtensionInfo(id: string): Promise<{ state: string; incognitoAccess: { isActive: boolean } }>;
    } }).developerPrivate;
    await api.updateProfileConfiguration({ inDeveloperMode: true });
    await api.updateExtensionConfiguration({ extensionId: id, incognitoAccess: true });
    for (let i = 0; i < 100; i++) {
      const info = await api.getExtensionInfo(id);
      if (info.state === 'ENABLED' && info.incognitoAccess.isActive) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the extension did not come back with incognito access');
  }, extensionId);
  await page.close();
}

/** Opens a window of the incognito profile on `url` (from an extension page of the regular instance) and returns its page. */
export async function openIncognito(context: BrowserContext, from: Page, url: string): Promise<Page> {
  const opened = context.waitForEvent('page', (page) => page.url() === url || page.url() === 'about:blank');
  await from.evaluate((target) => chrome.windows.create({ incognito: true, url: target }), url);
  const page = await opened;
  await page.waitForURL(url);
  return page;
}

/** The extension's worker of one profile: the incognito instance or the regular one. */
export async function workerOf(context: BrowserContext, incognito: boolean): Promise<Worker> {
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const worker of context.serviceWorkers()) {
      if (!worker.url().startsWith('chrome-extension://')) continue;
      try {
        if (await worker.evaluate(() => chrome.extension.inIncognitoContext) === incognito) return worker;
      } catch { /* a stopped worker */ }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${incognito ? 'incognito' : 'regular'} worker`);
}

/** Every file of `dir` (recursively) that holds `needle`, as UTF-8 or as UTF-16LE (IndexedDB keeps strings so). */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const patterns = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const found: string[] = [];
  const walk = async (path: string): Promise<void> => {
    let entries;
    try { entries = await readdir(path, { withFileTypes: true }); } catch { return; }
    for (const entry of entries) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) { await walk(full); continue; }
      if (!entry.isFile()) continue;
      try {
        if ((await stat(full)).size > 256 * 1024 * 1024) continue;
        const content = await readFile(full);
        if (patterns.some((p) => content.includes(p))) found.push(relative(dir, full));
      } catch { /* a file that went away */ }
    }
  };
  await walk(dir);
  return found;
}
