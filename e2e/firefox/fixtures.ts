// The Firefox fixture: Firefox ESR (or FIREFOX_PATH) driven by puppeteer-core over WebDriver BiDi,
// with the built extension-firefox/ installed as a temporary add-on, and the local cookie site
// reachable under real-looking host names. Used by the Firefox suite (e2e/firefox/*.spec.ts) and by
// `npm start -- --firefox`. Facts it relies on are in ../shared/FIREFOX.md:
// - the extension's UUID is pinned by pref, so its pages live at a known moz-extension:// origin;
// - `--remote-allow-system-access` lets BiDi navigate to and evaluate in those pages;
// - BiDi reports no load event for moz-extension:// documents: wait for readyState instead;
// - `network.dns.localDomains` resolves the listed host names to 127.0.0.1 (every name must be listed).
// puppeteer's default Firefox profile accepts all third-party cookies (contentblocking
// "cookieBehavior0") and turns off SameSite=Lax by default: a test of Firefox's own cookie verdicts
// must set Firefox's real values through `prefs`.
import { resolve } from 'node:path';
import { test as base } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../build/manifest';
import type { Message, Reply } from '../../src/shared/protocol';
import { requireBrowser } from '../browsers';
import { startCookieSite, type CookieSite } from '../site';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '..', '..', 'extension-firefox');
/** Pinned through `extensions.webextensions.uuids`. */
export const EXTENSION_UUID = '0c0041e5-7a2c-4c1e-9a11-c00c1e1a2000';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
export const POPUP_PATH = 'src/popup/index.html';

/** The host names the local site answers for in Firefox (add a test's own through `hosts`). */
export const SITE_HOSTS = [
  'www.example.com', 'shop.example.co.uk', 'tracker.test', 'ads.example.net', 'secure.example.com', 'probe.example.org',
];

export interface FirefoxOptions {
  headless?: boolean;
  /** The Firefox binary; FIREFOX_PATH, else the one found (e2e/browsers.ts). */
  executablePath?: string;
  /** Host names resolved to 127.0.0.1, besides SITE_HOSTS. */
  hosts?: string[];
  /** More Firefox prefs (they win over the fixture's). */
  prefs?: Record<string, unknown>;
}

/** Firefox with the extension installed (resolves once the add-on is installed). */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    headless: options.headless ?? true,
    executablePath: options.executablePath ?? requireBrowser('firefox'),
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'extensions.originControls.grantByDefault': true,
      'network.dns.localDomains': [...SITE_HOSTS, ...(options.hosts ?? [])].join(','),
      ...options.prefs,
    },
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

/** Opens an extension page in a new tab (`path` relative to the extension's root, with its query). */
export async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${EXTENSION_ORIGIN}/${path}`;
  await page.goto(url, { waitUntil: 'commit' } as unknown as Parameters<Page['goto']>[1]);
  await page.waitForFunction((expected) => location.href === expected && document.readyState === 'complete', {}, url);
  return page;
}

/** Sends one protocol message from an extension page to the background and returns its reply. */
export function send<T = unknown>(page: Page, message: Message): Promise<Reply<T>> {
  return page.evaluate((m) => chrome.runtime.sendMessage<unknown, Reply<T>>(m), message);
}

export async function value<T>(page: Page, message: Message): Promise<T> {
  const reply = await send<T>(page, message);
  if (!reply.ok) throw new Error(`${reply.error.name}: ${reply.error.message}`);
  return reply.value;
}

/** Waits until `check` returns a value other than undefined (polling every 100 ms), or throws `what`. */
export async function poll<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * Browses a probe page until the background reports seeing it, then clears what it saw: every test
 * starts from a background that is really listening (as e2e/fixtures.ts does in Chromium).
 */
export async function waitUntilObserving(browser: Browser, site: CookieSite): Promise<void> {
  const page = await openExtensionPage(browser, POPUP_PATH);
  const probe = await browser.newPage();
  try {
    await poll('the extension\'s background to see a response', async () => {
      await probe.goto(site.setUrl('probe.example.org', 'cji_probe=1; Max-Age=0'));
      const decisions = await value<unknown[]>(page, { type: 'getDecisions' });
      return decisions.length > 0 ? true : undefined;
    });
    // A probe's response can be logged after the next probe's page has loaded: one last probe,
    // waited for by its URL, so that none is logged after the log is cleared (in order, as the
    // browser reports them).
    const last = site.setUrl('probe.example.org', 'cji_probe_last=1; Max-Age=0');
    await probe.goto(last);
    await poll('the last probe to be logged', async () => {
      const decisions = await value<{ requestUrl: string }[]>(page, { type: 'getDecisions' });
      return decisions.some((decision) => decision.requestUrl === last) ? true : undefined;
    });
    await value(page, { type: 'clearDecisions' });
    await value(page, { type: 'clearJar' });
    site.sent.length = 0;
    site.received.length = 0;
  } finally {
    await probe.close();
    await page.close();
  }
}

export type ViewName = 'Site' | 'Why' | 'Decisions' | 'Policy' | 'Export' | 'Import';

/** The popup, opened as a page (the same UI the toolbar button shows). */
/** The Decisions view's rows in view as [time, outcome, host, line, rule], read by their cells' names (run in the page). */
export function readDecisionRows(): string[][] {
  // No named inner function: `npm start` runs this file through tsx, whose name helper the page lacks.
  return [...document.querySelectorAll('[data-testid=decision-line]')].map((line) =>
    ['time', 'outcome', 'host', 'line', 'rule'].map((name) => line.closest('[role=row]')?.querySelector(`[data-testid=decision-${name}]`)?.textContent.trim() ?? ''));
}

export class FirefoxPopup {
  constructor(readonly page: Page) {}

  /** With `tabUrl`, the popup is about the tab showing that URL (as if opened on it). */
  static async open(browser: Browser, tabUrl?: string): Promise<FirefoxPopup> {
    const query = tabUrl === undefined ? '' : `?url=${encodeURIComponent(tabUrl)}`;
    return new FirefoxPopup(await openExtensionPage(browser, `${POPUP_PATH}${query}`));
  }

  /** Switches to a view by its tab's name. */
  async showView(name: ViewName): Promise<void> {
    const tab = await poll(`the ${name} tab`, async () => (await this.page.$(`::-p-xpath(//*[@role="tab"][normalize-space(.)="${name}"])`)) ?? undefined);
    await tab.click();
    await this.page.waitForFunction((n) => [...document.querySelectorAll('[role=tab][aria-selected=true]')].some((t) => t.textContent.trim() === n), {}, name);
  }

  /** The cells of the Decisions view's rows in view: [time, outcome, host, line, rule] each. */
  decisionRows(): Promise<string[][]> {
    return this.page.evaluate(readDecisionRows);
  }
}

interface Fixtures {
  site: CookieSite;
  firefox: Browser;
  /** The popup page, opened after the background is observing. */
  openPopup: (tabUrl?: string) => Promise<FirefoxPopup>;
  firefoxOptions: FirefoxOptions;
}

export const test = base.extend<Fixtures>({
  // A test's own options: test.use({ firefoxOptions: { prefs: {...} } }).
  firefoxOptions: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring pattern.
  site: async ({}, use) => {
    const site = await startCookieSite();
    await use(site);
    await site.close();
  },
  firefox: async ({ firefoxOptions, site }, use) => {
    const browser = await launchFirefox(firefoxOptions);
    try {
      await waitUntilObserving(browser, site);
      await use(browser);
    } finally {
      await browser.close();
    }
  },
  openPopup: async ({ firefox }, use) => {
    await use((tabUrl?: string) => FirefoxPopup.open(firefox, tabUrl));
  },
});

export { expect } from '@playwright/test';
