// The UI in its two panels, in real Chromium: the DevTools panel (devtools_page → "Cookie Jar"),
// bound to the inspected tab, and the side panel, opened from the popup's "Side panel" button, which
// follows the active tab. Playwright does not see DevTools or side panel pages, so this spec drives
// Chromium through puppeteer-core: `--auto-open-devtools-for-tabs` opens DevTools for the first tab,
// the DevTools frontend is asked to show the extension's panel (InspectorFrontendAPI.showPanel,
// what DevTools itself calls when a panel tab is clicked), and the panel's frame is read.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { TargetType, type Browser, type Frame, type Page } from 'puppeteer-core';
import { expect, test } from '@playwright/test';
import { requireBrowser } from './browsers';
import { chromiumArgs, EXTENSION_DIR } from './fixtures';
import { startCookieSite, type CookieSite } from './site';

const SHOTS = join('test-results', 'screenshots');

/** Polls `read` until it returns `expected` (or throws with the last value seen). */
async function until<T>(what: string, read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try { last = await read(); } catch { last = undefined; }
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) throw new Error(`${what}: expected ${JSON.stringify(expected)}, last saw ${JSON.stringify(last)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** What a surface says it is about: the header's site, and the Site view's heading. */
const about = (where: Page | Frame) => where.evaluate(() => [
  document.querySelector('header .site')?.textContent ?? null,
  document.querySelector('#site-heading')?.textContent ?? null,
]);

let site: CookieSite;
let browser: Browser;
let profile: string;

test.beforeEach(async () => {
  site = await startCookieSite();
  profile = await mkdtemp(join(tmpdir(), 'cji-panels-'));
  browser = await puppeteer.launch({
    executablePath: requireBrowser('chromium'), headless: true, userDataDir: profile, pipe: true, enableExtensions: true,
    args: [...chromiumArgs(EXTENSION_DIR), '--auto-open-devtools-for-tabs'],
  });
});

test.afterEach(async () => {
  await browser.close();
  await site.close();
  await rm(profile, { recursive: true, force: true });
});

async function extensionOrigin(): Promise<string> {
  const worker = await browser.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith('chrome-extension://'));
  // Not URL.origin: that is "null" for a scheme Node does not know.
  return `chrome-extension://${new URL(worker.url()).host}`;
}

test('the DevTools panel shows the inspected tab’s site and follows its navigation', async () => {
  const origin = await extensionOrigin();
  const [page] = await browser.pages();
  if (page === undefined) throw new Error('no first tab');
  await page.goto(site.url('www.example.com', '/'));
  // DevTools opened for this tab; its frontend shows our panel once the devtools_page has created it.
  const devtools = await (await browser.waitForTarget((t) => t.url().startsWith('devtools://'))).asPage();
  // Another tab, active, on another site: the panel is about the inspected tab, not the active one.
  const other = await browser.newPage();
  await other.goto(site.url('tracker.test', '/'));
  await other.bringToFront();
  // A panel's id in DevTools is the extension's origin and its title without spaces. DevTools defines
  // its globals only once it has started: until then the check is false, not an error.
  await until('DevTools showing the extension’s panel', () => devtools.evaluate(
    `typeof Extensions !== 'undefined' && Extensions.extensionServer.clientObjects.size > 0 && (InspectorFrontendAPI.showPanel(${JSON.stringify(`${origin}CookieJar`)}), true)`,
  ), true, 15_000);
  let panel: Frame | undefined;
  await until('the panel frame', () => {
    panel = devtools.frames().find((frame) => frame.url().startsWith(`${origin}/src/popup/devtools-panel.html`));
    return Promise.resolve(panel !== undefined);
  }, true);
  if (panel === undefined) throw new Error('no panel frame');
  const frame = panel;
  await until('the DevTools panel about the inspected tab', () => about(frame), ['www.example.com', 'Cookies of www.example.com']);
  // The site's cookies, from the browser's store at least (the jar may have missed the first load).
  await until('the inspected site’s cookies', () => frame.evaluate(() => [...document.querySelectorAll('[data-testid=cookie-name]')].map((c) => c.textContent).sort()), ['session_id', 'theme', 'visit']);
  await mkdir(SHOTS, { recursive: true });
  await devtools.screenshot({ path: join(SHOTS, 'devtools-panel.png') });
  // The inspected tab navigates to another site: the panel follows.
  await page.goto(site.url('shop.example.co.uk', '/'));
  await until('the DevTools panel after a navigation', () => about(frame), ['shop.example.co.uk', 'Cookies of shop.example.co.uk']);
});

test('the side panel opens from the popup and follows the active tab', async () => {
  const origin = await extensionOrigin();
  const [first] = await browser.pages();
  if (first === undefined) throw new Error('no first tab');
  await first.goto(site.url('www.example.com', '/'));
  // The popup (as a page), about that tab; its "Side panel" button is a real click, as the browser requires.
  const popup = await browser.newPage();
  await popup.goto(`${origin}/src/popup/index.html?url=${encodeURIComponent(first.url())}`);
  await until('the popup', () => about(popup), ['www.example.com', 'Cookies of www.example.com']);
  await popup.locator('::-p-text(Side panel)').click();
  const side = await (await browser.waitForTarget((t) => t.url().startsWith(`${origin}/src/popup/side-panel.html`))).asPage();
  // The side panel is about the active tab of its window, whichever it is.
  await first.bringToFront();
  await until('the side panel about the active tab', () => about(side), ['www.example.com', 'Cookies of www.example.com']);
  await mkdir(SHOTS, { recursive: true });
  await side.screenshot({ path: join(SHOTS, 'side-panel-real.png') });
  const second = await browser.newPage();
  await second.goto(site.url('shop.example.co.uk', '/'));
  await second.bringToFront();
  await until('the side panel after another tab became active', () => about(side), ['shop.example.co.uk', 'Cookies of shop.example.co.uk']);
  // The active tab navigates: the panel follows the page.
  await second.goto(site.url('tracker.test', '/'));
  await until('the side panel after a navigation', () => about(side), ['tracker.test', 'Cookies of tracker.test']);
  await first.bringToFront();
  await until('the side panel back on the first tab', () => about(side), ['www.example.com', 'Cookies of www.example.com']);
  expect(await side.evaluate(() => document.documentElement.dataset['surface'])).toBe('side');
});
