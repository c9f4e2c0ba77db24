// `npm start` (`-- --firefox` for Firefox): builds the extension, finds a browser (or installs one:
// scripts/installBrowser.ts), and opens it with the extension on the bundled demo cookie site. With
// a display it is a normal window you can use; without one it runs headless, browses the demo hosts
// itself and prints what the extension recorded, so it still shows the product working.
// `--no-build` uses the extension already built (the e2e test of this script does).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { extensionIdOf, launchWithExtension, PopupPage, serviceWorkerOf, waitUntilObserving } from '../e2e/fixtures';
import { FirefoxPopup, launchFirefox, EXTENSION_ORIGIN, POPUP_PATH, poll, readDecisionRows, waitUntilObserving as waitUntilFirefoxObserves } from '../e2e/firefox/fixtures';
import { startCookieSite, type CookieSite } from '../e2e/site';
import { ensureBrowser } from './installBrowser';

const DEMO_HOSTS = ['www.example.com', 'shop.example.co.uk', 'tracker.test'];

const expectedLines = (site: CookieSite): number => site.sent.reduce((count, response) => count + response.lines.length, 0);

function printRecorded(rows: string[][], sent: number): void {
  console.log(`\nThe extension recorded ${rows.length} Set-Cookie lines (the site sent ${sent}):`);
  for (const [, outcome, host, line] of rows) console.log(`  ${host ?? ''}  ${line ?? ''}  (${outcome ?? ''})`);
}

async function startChromium(site: CookieSite, executablePath: string, headed: boolean): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), 'cji-start-'));
  const context = await launchWithExtension(profile, !headed, { executablePath });
  const extensionId = extensionIdOf(await serviceWorkerOf(context));
  const popupUrl = `chrome-extension://${extensionId}/${POPUP_PATH}`;
  await waitUntilObserving(context, extensionId, site);
  console.log(`Extension loaded in Chromium (id ${extensionId}); its UI in a tab: ${popupUrl}`);
  if (headed) {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(site.url(DEMO_HOSTS[0] ?? 'www.example.com'));
    // The UI full-size, bound to the demo tab (it follows that tab as you browse).
    const popup = await context.newPage();
    await popup.goto(`${popupUrl}?full=1&url=${encodeURIComponent(page.url())}`);
    console.log('Browse the demo hosts, then click the extension’s toolbar button. Close the browser to stop.');
    await new Promise<void>((resolve) => context.on('close', () => { resolve(); }));
  } else {
    console.log('No display: running headless and browsing the demo hosts.');
    const page = await context.newPage();
    for (const host of DEMO_HOSTS) await page.goto(site.url(host));
    const popup = await PopupPage.open(context, extensionId);
    await popup.showView('Decisions');
    await popup.observedLines().nth(expectedLines(site) - 1).waitFor({ timeout: 10_000 });
    printRecorded(await popup.page.evaluate(readDecisionRows), expectedLines(site));
    await context.close();
  }
  await rm(profile, { recursive: true, force: true });
}

async function startFirefox(site: CookieSite, executablePath: string, headed: boolean): Promise<void> {
  const browser = await launchFirefox({ executablePath, headless: !headed });
  await waitUntilFirefoxObserves(browser, site);
  console.log(`Extension loaded in Firefox; its UI in a tab: ${EXTENSION_ORIGIN}/${POPUP_PATH}`);
  if (headed) {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.goto(site.url(DEMO_HOSTS[0] ?? 'www.example.com'));
    await FirefoxPopup.open(browser, page.url());
    console.log('Browse the demo hosts, then click the extension’s toolbar button. Close the browser to stop.');
    await new Promise<void>((resolve) => browser.on('disconnected', () => { resolve(); }));
  } else {
    console.log('No display: running headless and browsing the demo hosts.');
    const page = await browser.newPage();
    for (const host of DEMO_HOSTS) await page.goto(site.url(host));
    const popup = await FirefoxPopup.open(browser);
    await popup.showView('Decisions');
    const rows = await poll('the recorded lines', async () => {
      const shown = await popup.page.evaluate(readDecisionRows);
      return shown.length >= expectedLines(site) ? shown : undefined;
    });
    printRecorded(rows, expectedLines(site));
    await browser.close();
  }
}

const { values } = parseArgs({ options: { firefox: { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false } } });
const name = values.firefox ? 'firefox' : 'chromium';
if (!values['no-build']) await build({ mode: values.firefox ? 'firefox' : 'production', logLevel: 'warn' });
let executablePath: string;
try {
  executablePath = await ensureBrowser(name);
} catch (error) {
  // No browser and none installable: the message says what to install; no stack trace.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const site = await startCookieSite(Number(process.env['DEMO_PORT'] ?? 0));
console.log(`Demo cookie site: ${DEMO_HOSTS.map((host) => site.url(host)).join('  ')}`);
const headed = Boolean(process.env['DISPLAY'] ?? process.env['WAYLAND_DISPLAY']);
try {
  await (name === 'firefox' ? startFirefox : startChromium)(site, executablePath, headed);
} finally {
  await site.close();
}
