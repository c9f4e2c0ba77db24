// Privacy in real Chromium (issue 9, findings 1 and 2): with "Allow in Incognito" on, an incognito
// window's traffic — a page, its service worker's tab-less fetch, a beacon that ends after its tab
// closed, the Cookie headers it sends — reaches no storage area and no file of the profile, whether
// incognito is mirrored (in the incognito instance's memory) or not. And with default settings an
// HttpOnly cookie's value is in no file of the profile but Chrome's own cookie database.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { DecisionEntry, Message, Reply, Status } from '../src/shared/protocol';
import { DEFAULT_SETTINGS, type PolicySettings } from '../src/shared/settings';
import { expect, extensionIdOf, launchWithExtension, serviceWorkerOf, test, waitUntilObserving } from './fixtures';
import { allowInIncognito, filesContaining, openIncognito, startHostileSite, type HostileSite } from './hostile';

async function value<T>(page: Page, message: Message): Promise<T> {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage<unknown, Reply<T>>(m), message);
  if (!reply.ok) throw new Error(`${reply.error.name}: ${reply.error.message}`);
  return reply.value;
}

/** Until every record is written (read from the per-kind figures, which every version of the status has). */
async function settled(page: Page): Promise<void> {
  await expect.poll(async () => Object.values((await value<Status>(page, { type: 'getStatus' })).stores).some((s) => s.pending), { timeout: 5000 })
    .toBe(false);
}

/** Every storage area the extension has, read from one of its pages, as text. */
async function everyStorageArea(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const areas = [await chrome.storage.local.get(null), await chrome.storage.session.get(null), await chrome.storage.sync.get(null)];
    const databases = await indexedDB.databases();
    const web = (storage: Storage): [string | null, string | null][] => Array.from({ length: storage.length }, (_, i) => storage.key(i)).map((key) => [key, key === null ? null : storage.getItem(key)]);
    return JSON.stringify({ areas, databases, localStorage: web(localStorage), sessionStorage: web(sessionStorage) });
  });
}

/** A profile of our own (the fixture's is deleted before a test could read its files). */
async function launch(): Promise<{ context: BrowserContext; dir: string; extensionId: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'cji-privacy-'));
  const context = await launchWithExtension(dir, true);
  return { context, dir, extensionId: extensionIdOf(await serviceWorkerOf(context)) };
}

/**
 * In an incognito window: the private page (its cookie, its service worker's fetch, a fetch with
 * cookies), then the tab closed while its beacon is still waiting for an answer. Returns the
 * decisions the incognito instance reports (asked from an extension page in that profile).
 */
async function browseIncognito(context: BrowserContext, hostile: HostileSite, regular: Page, privatePopup: Page, token: string, mirrored: boolean): Promise<DecisionEntry[]> {
  const host = `s${token}.localhost`; // *.localhost is a secure context: service workers may register
  const page = await openIncognito(context, regular, hostile.url(host, `/private?token=${token}`));
  await expect(page).toHaveTitle('ready', { timeout: 15_000 });
  const beacon = hostile.answered('/beacon', token);
  await page.close({ runBeforeUnload: true });
  await beacon;
  const decisions = () => value<DecisionEntry[]>(privatePopup, { type: 'getDecisions' });
  if (mirrored) {
    await expect.poll(async () => (await decisions()).some((d) => d.cookie?.name === `beacon_${token}`), { timeout: 5000 }).toBe(true);
  } else {
    // Nothing to wait for when nothing is noted: give the answer the time it takes to reach the worker.
    await privatePopup.waitForTimeout(500);
  }
  return decisions();
}

/** Sets mirroring from the regular instance, and waits until the incognito one (which reads the stored settings) has it. */
async function mirrorIncognito(regular: Page, privatePopup: Page, on: boolean): Promise<void> {
  await value(regular, { type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, mirrorIncognito: on } });
  await expect.poll(async () => (await value<PolicySettings>(privatePopup, { type: 'getPolicy' })).mirrorIncognito).toBe(on);
}

test('incognito, mirrored or not, leaves nothing in any storage area or any file of the profile', async ({ site }) => {
  const hostile = await startHostileSite();
  const { context, dir, extensionId: firstId } = await launch();
  const tokens = { off: randomBytes(8).toString('hex'), on: randomBytes(8).toString('hex') };
  try {
    await allowInIncognito(context, firstId);
    const extensionId = extensionIdOf(await serviceWorkerOf(context));
    await waitUntilObserving(context, extensionId, site);
    const regular = await context.newPage();
    await regular.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
    // An incognito window on an extension page: it starts the incognito instance, and keeps the
    // incognito profile open while the private tabs close.
    const privatePopup = await openIncognito(context, regular, `chrome-extension://${extensionId}/src/popup/index.html`);
    expect(await value<Status>(privatePopup, { type: 'getStatus' })).toMatchObject({ private: true, storage: null });
    // Chrome registers a new worker's webRequest listeners asynchronously: mirror a probe until the incognito instance sees it.
    await mirrorIncognito(regular, privatePopup, true);
    const probe = await openIncognito(context, regular, 'about:blank');
    await expect.poll(async () => {
      await probe.goto(site.setUrl('probe.invalid', 'cji_probe=1; Max-Age=0'));
      return (await value<DecisionEntry[]>(privatePopup, { type: 'getDecisions' })).length;
    }, { timeout: 10_000 }).toBeGreaterThan(0);
    await value(privatePopup, { type: 'clearDecisions' });

    // Mirroring off: the incognito instance notes nothing.
    await mirrorIncognito(regular, privatePopup, false);
    const unmirrored = await browseIncognito(context, hostile, regular, privatePopup, tokens.off, false);
    expect(unmirrored).toEqual([]);

    // Mirroring on: it sees every request, tab-less and after-the-tab ones included, in memory.
    await mirrorIncognito(regular, privatePopup, true);
    const mirrored = await browseIncognito(context, hostile, regular, privatePopup, tokens.on, true);
    const names = mirrored.map((d) => d.cookie?.name);
    expect(names).toEqual(expect.arrayContaining([`page_${tokens.on}`, `sw_${tokens.on}`, `beacon_${tokens.on}`]));
    expect(mirrored.find((d) => d.cookie?.name === `sw_${tokens.on}`)).toMatchObject({ tabId: -1, incognito: true });
    await probe.close();
    await privatePopup.close();

    // The regular instance saw none of it, and wrote none of it.
    await regular.goto(site.setUrl('www.example.com', 'public=1'));
    await regular.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
    await settled(regular);
    const decisions = await value<DecisionEntry[]>(regular, { type: 'getDecisions', limit: 10_000 });
    expect(decisions.map((d) => d.line)).toContain('public=1');
    const stored = await everyStorageArea(regular);
    expect(stored).toContain('public');
    for (const token of Object.values(tokens)) expect(stored).not.toContain(token);
  } finally {
    await context.close();
  }
  try {
    // The profile on disk, every file of it (Chrome's own included: an incognito window writes none).
    for (const token of Object.values(tokens)) expect(await filesContaining(dir, token)).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await hostile.close();
  }
});

test('with default settings an HttpOnly cookie’s value is in no file of the profile but Chrome’s cookie database', async ({ site }) => {
  const hostile = await startHostileSite();
  const { context, dir, extensionId } = await launch();
  let token: string | undefined;
  let status: Status | undefined;
  let local: string | undefined;
  try {
    await waitUntilObserving(context, extensionId, site);
    const page = await context.newPage();
    await page.goto(hostile.url('login.example.com', '/login'));
    token = hostile.issued[0];
    expect(token).toMatch(/^tok[0-9a-f]{24}$/);
    await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
    // The extension has it (in memory and storage.session)...
    const jar = await value<{ jar: { name: string; value: string | null }[] }>(page, { type: 'getCookies', source: 'jar' });
    expect(jar.jar).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'token', value: token })]));
    await settled(page);
    status = await value<Status>(page, { type: 'getStatus' });
    local = JSON.stringify(await page.evaluate(() => chrome.storage.local.get(null)));
  } finally {
    await context.close();
  }
  try {
    // ...and on disk only Chrome's own cookie database holds it.
    if (token === undefined) throw new Error('the site issued no token');
    const files = await filesContaining(dir, token);
    expect(files.filter((file) => !/^Default[/\\]Cookies(-journal)?$/.test(file))).toEqual([]);
    expect(local).not.toContain(token);
    expect(status).toMatchObject({ jarAreas: ['session'], errors: [] });
  } finally {
    await rm(dir, { recursive: true, force: true });
    await hostile.close();
  }
});

test('clearing cookies in the browser (a site’s data, then everything) clears them from the jar too', async ({ context, site, openPopup }) => {
  const popup = await openPopup();
  const page = await context.newPage();
  await page.goto(site.setUrl('www.example.com', 'a=1; Max-Age=600', 'b=2'));
  await page.goto(site.setUrl('other.example.net', 'c=3'));
  const jarNames = async () => (await value<{ jar: { name: string }[] }>(popup.page, { type: 'getCookies', source: 'jar' })).jar.map((c) => c.name).sort();
  await expect.poll(jarNames).toEqual(['a', 'b', 'c']);
  // What "Delete site data" and "Clear browsing data" do to the cookie store, through the DevTools Protocol.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(site.url('www.example.com')).origin, storageTypes: 'cookies' });
  await expect.poll(jarNames).toEqual(['c']);
  await cdp.send('Network.clearBrowserCookies');
  await expect.poll(jarNames).toEqual([]);
  await cdp.detach();
});
