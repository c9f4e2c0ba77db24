// Chromium for the browser model's conformance: no extension, a fresh profile, every host name
// mapped to the local site, and one DevTools session that sees every frame's requests (site
// isolation off, so a cross-site iframe's own subresources are reported to the page too; the
// cookie rules do not depend on process placement). Third-party cookies are blocked, as a fresh
// profile has them here, or allowed through the profile's preferences (the DevTools Protocol has no
// switch for it: Network.setCookieControls does not change it).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { requireBrowser } from '../browsers';

export interface CdpCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  session: boolean;
  sameSite?: 'Strict' | 'Lax' | 'None';
  priority?: string;
  partitionKey?: { topLevelSite: string; hasCrossSiteAncestor: boolean };
}

export interface BlockedSetCookie { blockedReasons: string[]; cookieLine: string }
export interface AssociatedCookie { blockedReasons: string[]; cookie: CdpCookie }

export interface ConformanceBrowser {
  /** Chromium's version, e.g. 156.0.8078.114. */
  version: string;
  thirdPartyCookies: 'blocked' | 'allowed';
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** Request id → URL, and the DevTools extra info of each request. */
  urls: Map<string, string>;
  blocked: Map<string, BlockedSetCookie[]>;
  associated: Map<string, AssociatedCookie[]>;
  allCookies(): Promise<CdpCookie[]>;
  clearCookies(): Promise<void>;
  close(): Promise<void>;
}

export async function launchConformanceBrowser(thirdPartyCookies: 'blocked' | 'allowed' = 'blocked'): Promise<ConformanceBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'cji-browser-model-'));
  await mkdir(join(profile, 'Default'));
  // 0: allow third-party cookies; 1: block them (what a fresh profile does here).
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: thirdPartyCookies === 'allowed' ? 0 : 1 } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireBrowser('chromium'),
    headless: true,
    ignoreHTTPSErrors: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-site-isolation-trials',
      '--disable-features=IsolateOrigins,site-per-process',
      '--host-resolver-rules=MAP * 127.0.0.1, EXCLUDE localhost',
    ],
  });
  const page = context.pages()[0] ?? await context.newPage();
  const cdp = await context.newCDPSession(page);
  const urls = new Map<string, string>();
  const blocked = new Map<string, BlockedSetCookie[]>();
  const associated = new Map<string, AssociatedCookie[]>();
  cdp.on('Network.requestWillBeSent', (event) => { urls.set(event.requestId, event.request.url); });
  cdp.on('Network.responseReceivedExtraInfo', (event) => {
    blocked.set(event.requestId, [...blocked.get(event.requestId) ?? [], ...event.blockedCookies as BlockedSetCookie[]]);
  });
  cdp.on('Network.requestWillBeSentExtraInfo', (event) => {
    associated.set(event.requestId, event.associatedCookies);
  });
  await cdp.send('Network.enable');
  const version = (await cdp.send('Browser.getVersion')).product.replace(/^[^/]*\//, '');
  return {
    version, thirdPartyCookies, context, page, cdp, urls, blocked, associated,
    allCookies: async () => (await cdp.send('Network.getAllCookies')).cookies,
    clearCookies: async () => { await cdp.send('Network.clearBrowserCookies'); },
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
