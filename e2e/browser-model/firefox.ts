// Firefox for the browser model's conformance: Firefox ESR driven by puppeteer-core over WebDriver
// BiDi, a fresh profile with Firefox's own cookie defaults (puppeteer's profile accepts every
// third-party cookie; see FIREFOX_COOKIE_DEFAULTS), every host name sent to the local raw site
// through a forward proxy (IP-address hosts included), and a tiny reader add-on whose page reads
// the cookie store through the WebExtension API (`cookies.getAll({ partitionKey: {} })` returns
// the unpartitioned cookies and every partition's). Firefox reports no reason for a refusal: its
// verdict is the store.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BROWSERS } from '../../src/browser-model';
import type { RecordedBatch, RecordedCookie } from '../../src/browser-model/conformance';
import { evaluateContext } from '../../src/browser-model/context';
import { requireBrowser } from '../browsers';
import { makeCertificate } from '../tools';
import { contextOf, Routes, runIn, type ConformanceTarget, type PageDriver } from './harness';
import { startRawProxy, startRawSite } from './rawSite';
import { SEED, sendBatches, setScenarios, type SendBatch, type SetScenario } from './scenarios';

const READER_ID = 'cji-cookie-reader@cookie-jar-inspector';
/** Pinned through `extensions.webextensions.uuids`, so the reader's page has a known origin. */
const READER_UUID = '0c0041e5-7a2c-4c1e-9a11-c00c1e1a20ff';
const READER_URL = `moz-extension://${READER_UUID}/reader.html`;

/**
 * Firefox ESR 153's own values for what decides cookie verdicts, read in `about:config` of a
 * profile where puppeteer's overrides were voided (each marked "(default)" there). puppeteer's
 * profile sets `browser.contentblocking.features.standard` with `cookieBehavior0` (accept all
 * third-party cookies) and `network.cookie.sameSite.laxByDefault`; these put Firefox's back. The
 * suite checks the third-party setting through `privacy.websites.cookieConfig`.
 */
export const FIREFOX_COOKIE_DEFAULTS: Readonly<Record<string, string | number | boolean>> = {
  'browser.contentblocking.category': 'standard',
  'browser.contentblocking.features.standard': '-tp,tpPrivate,cookieBehavior5,cookieBehaviorPBM5,-cryptoTP,-fp',
  'network.cookie.cookieBehavior': 5,
  'network.cookie.cookieBehavior.pbmode': 5,
  'network.cookie.sameSite.laxByDefault': false,
  'network.cookie.sameSite.noneRequiresSecure': true,
  'network.cookie.sameSite.schemeful': false,
  'network.cookie.CHIPS.enabled': true,
};

/** Firefox's `network.cookie.cookieBehavior` for each setting the model knows. */
const COOKIE_BEHAVIOR = { partitioned: 5, blocked: 1, allowed: 0 } as const;
export type FirefoxThirdPartySetting = keyof typeof COOKIE_BEHAVIOR;

/** The prefs of a third-party setting: the default as a fresh profile has it, another as the "Custom" category of the settings page sets it. */
function settingPrefs(setting: FirefoxThirdPartySetting): Record<string, string | number | boolean> {
  if (setting === 'partitioned') return FIREFOX_COOKIE_DEFAULTS;
  return { ...FIREFOX_COOKIE_DEFAULTS, 'browser.contentblocking.category': 'custom', 'network.cookie.cookieBehavior': COOKIE_BEHAVIOR[setting] };
}

/**
 * Firefox's storage-access heuristics give a third party its unpartitioned cookies after certain
 * top-level navigations between it and the page's site with user interaction (on by default). Under
 * automation every script call counts as user interaction, so they would fire where a person's
 * browsing would not; the model knows no storage-access grants (docs/browser-model.md), so they are
 * turned off here.
 */
const NO_STORAGE_ACCESS_HEURISTICS = {
  'privacy.restrict3rdpartystorage.heuristic.navigation': false,
  'privacy.restrict3rdpartystorage.heuristic.opened_window_after_interaction': false,
  'privacy.restrict3rdpartystorage.heuristic.redirect': false,
  'privacy.restrict3rdpartystorage.heuristic.recently_visited': false,
  'privacy.restrict3rdpartystorage.heuristic.window_open': false,
};

/** A cookie as Firefox's cookies API reports it (the fields read). */
interface FirefoxApiCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  session: boolean;
  expirationDate?: number;
  sameSite: 'no_restriction' | 'lax' | 'strict' | 'unspecified';
  partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean } | null;
}

/** The parts of the reader page's `browser` global it uses. */
interface ExtensionGlobal {
  browser: {
    cookies: { getAll(filter: { partitionKey: object }): Promise<FirefoxApiCookie[]> };
    browsingData: { removeCookies(options: object): Promise<void> };
    privacy: { websites: { cookieConfig: { get(details: object): Promise<{ value: { behavior: string } }> } } };
  };
}

export interface FirefoxConformanceBrowser extends ConformanceTarget {
  /** Firefox's version, e.g. 153.8.0esr. */
  readonly version: string;
  readonly thirdPartyCookies: FirefoxThirdPartySetting;
  readonly browser: Browser;
  /** The tab the scenarios load their pages in. */
  readonly page: Page;
  /** `privacy.websites.cookieConfig.behavior` as the browser reports it. */
  cookieConfig(): Promise<string>;
  clearCookies(): Promise<void>;
}

/** puppeteer's tab as the harness drives it. */
function driverOf(page: Page): PageDriver {
  const loaded = (url: string) => page.waitForFunction((u) => location.href === u && document.readyState === 'complete', { polling: 50 }, url);
  return {
    goto: async (url) => { await page.goto(url, { waitUntil: 'load' }); },
    run: async (fn, url) => { await page.evaluate(fn, url); },
    waitForTitle: async (title) => { await page.waitForFunction((t) => document.title === t, { polling: 50 }, title); },
    navigating: async (url, start) => {
      await start();
      await loaded(url);
    },
  };
}

async function writeReader(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cji-cookie-reader-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 2, name: 'cookie reader (tests)', version: '1.0',
    permissions: ['cookies', 'browsingData', 'privacy', '<all_urls>'],
    browser_specific_settings: { gecko: { id: READER_ID } },
  }));
  await writeFile(join(dir, 'reader.html'), '<!doctype html><meta charset="utf-8"><title>reader</title>');
  return dir;
}

/**
 * The API gives a name's bytes one character each (Latin-1: `ñ` arrives as `Ã±`) but decodes the
 * value as UTF-8; the name is decoded here so both read as the server sent them.
 */
function utf8Name(name: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII names, the usual case, stay as they are.
  return /^[\x00-\x7f]*$/.test(name) ? name : Buffer.from(name, 'latin1').toString('utf8');
}

function toRecorded(cookie: FirefoxApiCookie): RecordedCookie {
  const sameSite = cookie.sameSite === 'strict' ? 'Strict' : cookie.sameSite === 'lax' ? 'Lax' : cookie.sameSite === 'no_restriction' ? 'None' : undefined;
  const key = cookie.partitionKey;
  return {
    name: utf8Name(cookie.name), value: cookie.value, domain: cookie.domain, path: cookie.path,
    expires: cookie.session || cookie.expirationDate === undefined ? -1 : cookie.expirationDate,
    httpOnly: cookie.httpOnly, secure: cookie.secure,
    ...sameSite === undefined ? {} : { sameSite },
    ...key?.topLevelSite === undefined || key.topLevelSite === '' ? {} : { partitionKey: { topLevelSite: key.topLevelSite, hasCrossSiteAncestor: key.hasCrossSiteAncestor ?? false } },
  };
}

/** Firefox with its default cookie settings (or the given third-party setting), every host sent to `proxyPort`. */
export async function launchFirefoxConformance(thirdPartyCookies: FirefoxThirdPartySetting, proxyPort: number): Promise<FirefoxConformanceBrowser> {
  const reader = await writeReader();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    headless: true,
    acceptInsecureCerts: true,
    executablePath: requireBrowser('firefox'),
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...settingPrefs(thirdPartyCookies),
      ...NO_STORAGE_ACCESS_HEURISTICS,
      'extensions.webextensions.uuids': JSON.stringify({ [READER_ID]: READER_UUID }),
      // Every request through the raw site's proxy; localhost and 127.0.0.1 go straight to it.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      // Nothing else on the network.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
    },
  });
  try {
    await browser.installExtension(reader);
    const readerPage = await browser.newPage();
    await readerPage.goto(READER_URL, { waitUntil: 'commit' } as unknown as Parameters<Page['goto']>[1]);
    await readerPage.waitForFunction((url) => location.href === url && document.readyState === 'complete', {}, READER_URL);
    const page = await browser.newPage();
    const version = (await browser.version()).replace(/^[^/]*\//, '');
    const clearCookies = async () => { await readerPage.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.browsingData.removeCookies({})); };
    return {
      name: 'firefox', version, thirdPartyCookies, browser, page, clearCookies,
      driver: driverOf(page),
      // Firefox reports no verdicts: once a page has loaded, its responses' cookies are in the store.
      settle: async () => {},
      blockedFor: () => [],
      associatedFor: () => [],
      reset: clearCookies,
      cookieConfig: () => readerPage.evaluate(async () => ((await (globalThis as unknown as ExtensionGlobal).browser.privacy.websites.cookieConfig.get({})).value.behavior)),
      // An already-expired cookie Firefox has not purged yet (a subresource's `Max-Age=0` on a new
      // name can stay listed until the next look-up) is never sent: it does not count as stored.
      allCookies: async () => {
        const now = Date.now() / 1000;
        const cookies = await readerPage.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.cookies.getAll({ partitionKey: {} }));
        return cookies.filter((c) => c.session || c.expirationDate === undefined || c.expirationDate > now).map(toRecorded);
      },
      close: async () => {
        await browser.close();
        await rm(reader, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close();
    await rm(reader, { recursive: true, force: true });
    throw error;
  }
}

export interface FirefoxRecording {
  firefox: string;
  seed: number;
  /** `privacy.websites.cookieConfig.behavior` in the default run. */
  cookieConfig: string;
  setScenarios: SetScenario[];
  /** The third-party scenarios run again with third-party cookies blocked and allowed. */
  otherSettingScenarios: SetScenario[];
  sendBatches: SendBatch[];
  batches: RecordedBatch[];
}

/**
 * Starts the raw site, its proxy and Firefox, runs every scenario and the requests with Firefox's
 * default (Total Cookie Protection), then the third-party scenarios and the requests again with
 * third-party cookies rejected and with them all accepted, and returns what Firefox did.
 */
export async function recordFirefoxConformance(seed = SEED): Promise<FirefoxRecording> {
  const routes = new Routes();
  const site = await startRawSite((request) => routes.handle(request), await makeCertificate());
  const proxy = await startRawProxy(site);
  try {
    const setList = setScenarios(seed);
    const sends = sendBatches();
    const thirdParty = setList.filter((s) => evaluateContext(contextOf(site, s.target), { thirdPartyCookies: 'partitioned', now: 0, schemefulSites: BROWSERS.firefox.schemefulSites }).thirdParty);
    let cookieConfig = '';
    const launch = (setting: FirefoxThirdPartySetting) => async () => {
      const firefox = await launchFirefoxConformance(setting, proxy.port);
      if (setting === 'partitioned') cookieConfig = await firefox.cookieConfig();
      return firefox;
    };
    const partitioned = await runIn(launch('partitioned'), site, routes, setList, sends);
    const blocked = await runIn(launch('blocked'), site, routes, thirdParty, []);
    const allowed = await runIn(launch('allowed'), site, routes, thirdParty, sends);
    return {
      firefox: partitioned.version, seed, cookieConfig, setScenarios: setList, otherSettingScenarios: thirdParty, sendBatches: sends,
      batches: [...partitioned.batches, ...blocked.batches, ...allowed.batches],
    };
  } finally {
    await proxy.close();
    await site.close();
  }
}
