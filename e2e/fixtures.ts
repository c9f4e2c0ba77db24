// The one Playwright fixture: a persistent Chromium context with the built extension loaded from
// extension/, the extension id read from its service worker's URL, and the local cookie site.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { requireBrowser } from './browsers';
import { startCookieSite, type CookieSite } from './site';

export const EXTENSION_DIR = resolve(import.meta.dirname, '..', 'extension');

/** The flags every e2e Chromium starts with (also used by `npm start`). */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    // Every host name reaches the local test site, so tests browse real-looking hosts.
    '--host-resolver-rules=MAP * 127.0.0.1, EXCLUDE localhost',
  ];
}

export async function launchWithExtension(userDataDir: string, headless = true, options: { ignoreHTTPSErrors?: boolean; executablePath?: string } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    headless,
    // Tests only: the HTTPS test site's certificate is self-signed, made at test time.
    ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
    executablePath: options.executablePath ?? requireBrowser('chromium'),
    args: chromiumArgs(EXTENSION_DIR),
  });
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
}

/** The extension's id, the host of its service worker's URL (chrome-extension://<id>/service-worker-loader.js). */
export function extensionIdOf(serviceWorker: Worker): string {
  return new URL(serviceWorker.url()).host;
}

/**
 * Chrome registers webRequest listeners asynchronously: the first requests after the extension
 * starts can go by unseen. Browse a probe page until the service worker reports seeing it, then
 * clear what it saw, so every test starts from a worker that is really listening.
 */
export async function waitUntilObserving(context: BrowserContext, extensionId: string, site: CookieSite): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
  const probe = await context.newPage();
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      // Max-Age=0: the browser keeps no cookie from the probe.
      await probe.goto(site.setUrl('probe.invalid', 'cji_probe=1; Max-Age=0'));
      const seen = await page.evaluate(async () => {
        const reply = await chrome.runtime.sendMessage<unknown, { ok: boolean; value?: unknown[] }>({ type: 'getDecisions' });
        return reply.ok && Array.isArray(reply.value) && reply.value.length > 0;
      });
      if (seen) {
        // A probe's response can be logged after the next probe's page has loaded: one last probe,
        // waited for by its URL, so that none is logged after the log is cleared (in order, as the
        // browser reports them).
        const last = site.setUrl('probe.invalid', 'cji_probe_last=1; Max-Age=0');
        await probe.goto(last);
        for (let wait = 0; ; wait++) {
          const logged = await page.evaluate(async (url) => {
            const reply = await chrome.runtime.sendMessage<unknown, { ok: boolean; value?: { requestUrl: string }[] }>({ type: 'getDecisions' });
            return reply.ok && (reply.value ?? []).some((decision) => decision.requestUrl === url);
          }, last);
          if (logged) break;
          if (wait === 100) throw new Error('The extension never logged the last probe response');
          await probe.waitForTimeout(100);
        }
        await page.evaluate(() => chrome.runtime.sendMessage({ type: 'clearDecisions' }));
        await page.evaluate(() => chrome.runtime.sendMessage({ type: 'clearJar' }));
        site.sent.length = 0;
        site.received.length = 0;
        return;
      }
      await probe.waitForTimeout(100);
    }
    throw new Error('The extension’s service worker never saw a response: is webRequest registered with extraHeaders?');
  } finally {
    await probe.close();
    await page.close();
  }
}

/** The popup, opened as a page (the same UI the toolbar button shows). */
export class PopupPage {
  constructor(readonly page: Page, readonly extensionId: string) {}

  /** With `tabUrl`, the popup is about the tab showing that URL (as if opened on it). */
  static async open(context: BrowserContext, extensionId: string, tabUrl?: string): Promise<PopupPage> {
    const page = await context.newPage();
    const query = tabUrl === undefined ? '' : `?url=${encodeURIComponent(tabUrl)}`;
    await page.goto(`chrome-extension://${extensionId}/src/popup/index.html${query}`);
    return new PopupPage(page, extensionId);
  }

  /** Switches to a view by its tab's name: Site, Why, Decisions, Policy, Export, Import. */
  async showView(name: 'Site' | 'Why' | 'Decisions' | 'Policy' | 'Export' | 'Import'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** The Set-Cookie lines of the Decisions view (its windowed grid: the rows in view). */
  observedLines() {
    return this.page.getByTestId('decision-line');
  }
}

interface Fixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  site: CookieSite;
  openPopup: (tabUrl?: string) => Promise<PopupPage>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring pattern.
  site: async ({}, use) => {
    const site = await startCookieSite();
    await use(site);
    await site.close();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring pattern.
  context: async ({}, use) => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'cji-e2e-'));
    const context = await launchWithExtension(userDataDir, true, { ignoreHTTPSErrors: true });
    await use(context);
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    await use(await serviceWorkerOf(context));
  },
  extensionId: async ({ context, serviceWorker, site }, use) => {
    const extensionId = extensionIdOf(serviceWorker);
    await waitUntilObserving(context, extensionId, site);
    await use(extensionId);
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use((tabUrl?: string) => PopupPage.open(context, extensionId, tabUrl));
  },
});

export { expect } from '@playwright/test';
