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
import type { RecordedCookie } from '../../src/browser-model/conformance';
import { requireBrowser } from '../browsers';
import type { ConformanceTarget } from './harness';

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

export interface ConformanceBrowser extends ConformanceTarget {
  /** Chromium's version, e.g. 156.0.8078.114. */
  readonly version: string;
  readonly thirdPartyCookies: 'blocked' | 'allowed';
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** Request id → URL, and the DevTools extra info of each request. */
  urls: Map<string, string>;
  blocked: Map<string, BlockedSetCookie[]>;
  associated: Map<string, AssociatedCookie[]>;
  cdpCookies(): Promise<CdpCookie[]>;
  clearCookies(): Promise<void>;
}

function recorded(cookie: CdpCookie): RecordedCookie {
  return {
    name: cookie.name, value: cookie.value, domain: cookie.domain, path: cookie.path, expires: cookie.session ? -1 : cookie.expires,
    httpOnly: cookie.httpOnly, secure: cookie.secure, ...cookie.sameSite === undefined ? {} : { sameSite: cookie.sameSite },
    ...cookie.partitionKey === undefined ? {} : { partitionKey: { topLevelSite: cookie.partitionKey.topLevelSite, hasCrossSiteAncestor: cookie.partitionKey.hasCrossSiteAncestor } },
  };
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
  const requestIdsOf = (url: string) => [...urls].filter(([, u]) => u === url).map(([id]) => id);
  const cdpCookies = async () => (await cdp.send('Network.getAllCookies')).cookies as CdpCookie[];
  const clearCookies = async () => { await cdp.send('Network.clearBrowserCookies'); };
  return {
    name: 'chromium', version, thirdPartyCookies, context, page, cdp, urls, blocked, associated, cdpCookies, clearCookies,
    driver: {
      goto: async (url) => { await page.goto(url, { waitUntil: 'load' }); },
      run: async (fn, arg) => { await page.evaluate(fn, arg); },
      waitForTitle: async (title) => { await page.waitForFunction((t) => document.title === t, title); },
      navigating: async (url, start) => { await Promise.all([page.waitForURL(url), start()]); },
    },
    // DevTools' ExtraInfo events may come after the page's load event (later still on a loaded machine): at most 10 s.
    settle: async (targets, event) => {
      const reports = event === 'response' ? blocked : associated;
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && !targets.every((url) => requestIdsOf(url).some((id) => reports.has(id)))) await page.waitForTimeout(25);
    },
    blockedFor: (url) => requestIdsOf(url).flatMap((id) => (blocked.get(id) ?? []).map((b) => ({ line: b.cookieLine, reasons: b.blockedReasons }))),
    associatedFor: (url) => requestIdsOf(url).flatMap((id) => associated.get(id) ?? []).map(({ cookie, blockedReasons }) => ({ cookie: recorded(cookie), reasons: blockedReasons })),
    allCookies: async () => (await cdpCookies()).map(recorded),
    reset: async () => {
      await clearCookies();
      urls.clear();
      blocked.clear();
      associated.clear();
    },
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
