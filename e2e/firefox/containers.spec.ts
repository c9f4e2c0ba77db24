// Firefox's containers and partitioned cookies, in real Firefox. WebDriver BiDi's user contexts are
// not Firefox containers (they have no contextualIdentity, and webRequest does not name them as
// one): the test makes a real container through the extension's own contextualIdentities API and
// opens a tab in it with tabs.create({ cookieStoreId }), from an extension page.
import type { Page } from 'puppeteer-core';
import type { BrowserCookie, ComparisonRow, CookieJSON, DecisionEntry, ExportResult } from '../../src/shared/protocol';
import { POPUP_PATH, expect, openExtensionPage, poll, test, value } from './fixtures';

interface FirefoxApis {
  contextualIdentities: { create(details: { name: string; color: string; icon: string }): Promise<{ cookieStoreId: string }> };
  tabs: { create(details: { cookieStoreId: string; url: string; active: boolean }): Promise<{ id?: number }> };
}

type Cookies = { jar: CookieJSON[]; browser: BrowserCookie[] | null; comparison: ComparisonRow[] | null; warnings: string[] };

/** Makes a container and opens `url` in a tab of it; returns its store id and the tab's id. */
async function openInContainer(page: Page, name: string, url: string): Promise<{ storeId: string; tabId: number }> {
  return page.evaluate(async (containerName, tabUrl) => {
    // Firefox's own APIs (@types/chrome has no contextualIdentities).
    const firefox = (globalThis as unknown as { browser: FirefoxApis }).browser;
    const identity = await firefox.contextualIdentities.create({ name: containerName, color: 'orange', icon: 'briefcase' });
    const tab = await firefox.tabs.create({ cookieStoreId: identity.cookieStoreId, url: tabUrl, active: false });
    return { storeId: identity.cookieStoreId, tabId: tab.id ?? -1 };
  }, name, url);
}

const names = (cookies: { name: string }[] | null) => (cookies ?? []).map((c) => c.name).sort();

test('a container’s cookies stay in their store: its jar, its decisions, the browser’s store, its export, and the Site view names it', async ({ firefox, site }) => {
  const control = await openExtensionPage(firefox, POPUP_PATH);
  const page = await firefox.newPage();
  await page.goto(site.setUrl('www.example.com', 'home_sid=h1; Path=/'));
  const { storeId, tabId } = await openInContainer(control, 'Work e2e', site.setUrl('www.example.com', 'work_sid=w1; Path=/'));
  expect(storeId).toMatch(/^firefox-container-\d+$/);

  // The jar of each store holds its own cookie only.
  const jar = await poll('the container’s cookie in its jar', async () => {
    const cookies = await value<Cookies>(control, { type: 'getCookies', source: 'jar', storeId });
    return cookies.jar.length > 0 ? cookies.jar : undefined;
  });
  expect(names(jar)).toEqual(['work_sid']);
  expect(names((await value<Cookies>(control, { type: 'getCookies', source: 'jar' })).jar)).toEqual(['home_sid']);
  // Firefox itself kept them apart, and the comparison reads the same store of the browser.
  const compared = await value<Cookies>(control, { type: 'getCookies', site: 'www.example.com', storeId });
  expect(names(compared.browser)).toEqual(['work_sid']);
  expect(compared.comparison?.map((row) => [row.name, row.status])).toEqual([['work_sid', 'both']]);
  expect(names((await value<Cookies>(control, { type: 'getCookies', site: 'www.example.com', source: 'browser' })).browser)).toEqual(['home_sid']);
  // Each decision is tagged with its store, and listed under it only.
  const decisions = await value<DecisionEntry[]>(control, { type: 'getDecisions', storeId });
  expect(decisions.map((d) => [d.line, d.storeId, d.tabId])).toEqual([['work_sid=w1; Path=/', storeId, tabId]]);
  expect((await value<DecisionEntry[]>(control, { type: 'getDecisions' })).map((d) => d.line)).toEqual(['home_sid=h1; Path=/']);
  // The export of the container is its jar alone, named after it.
  const exported = await value<ExportResult>(control, { type: 'exportJar', format: 'mozilla', storeId });
  expect(exported.text).toMatch(/\twork_sid\tw1\n/);
  expect(exported.text).not.toMatch(/home_sid/);
  expect(exported.filename).toBe('cookies-Work-e2e.txt');

  // The UI about the container tab: its store, named, and its cookies only.
  const popup = await openExtensionPage(firefox, `${POPUP_PATH}?tab=${tabId}`);
  const shown = await poll('the Site view of the container tab', async () => {
    const state = await popup.evaluate(() => ({
      store: document.querySelector<HTMLSelectElement>('[data-testid=store-picker]')?.selectedOptions[0]?.textContent ?? null,
      cookies: [...document.querySelectorAll('[data-testid=cookie-name]')].map((cell) => cell.textContent),
    }));
    return state.cookies.length > 0 ? state : undefined;
  });
  expect(shown).toEqual({ store: 'Container: Work e2e', cookies: ['work_sid'] });
});

test('partitioned cookies (Total Cookie Protection) are listed with their partition, compared and exported', async ({ firefox, site }) => {
  const control = await openExtensionPage(firefox, POPUP_PATH);
  const page = await firefox.newPage();
  const frame = site.setUrl('tracker.test', 'framed=1; Path=/');
  await page.goto(site.url('www.example.com', `/embed?frame=${encodeURIComponent(frame)}`));
  const cookies = await poll('the framed cookie in the browser’s store', async () => {
    const reply = await value<Cookies>(control, { type: 'getCookies', site: 'tracker.test' });
    return reply.browser?.some((c) => c.name === 'framed') === true && reply.jar.length > 0 ? reply : undefined;
  });
  // Firefox keeps a third-party cookie per top-level site; the jar (Python's) has no partitions.
  expect(cookies.browser?.map((c) => [c.name, c.partitionKey?.topLevelSite])).toEqual([['framed', 'http://example.com']]);
  expect(cookies.comparison?.map((row) => [row.name, row.status]).sort()).toEqual([['framed', 'onlyInBrowser'], ['framed', 'onlyInJar']]);
  const exported = await value<ExportResult>(control, { type: 'exportJar', format: 'mozilla', source: 'browser', site: 'tracker.test', includeSession: true });
  expect(exported.text).toMatch(/^tracker\.test\tFALSE\t\/\tFALSE\t\tframed\t1$/m);
  expect(exported.warnings).toContain('1 partitioned browser cookie loses its partition key: the file treats it as an ordinary cookie.');
});
