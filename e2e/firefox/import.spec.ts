// Import into Firefox's own cookie store through the popup's Import view (issue 12): a cookies.txt
// that adds one cookie and replaces another lands in the store Firefox sends from, and "Undo the
// import" puts the store back exactly as it was (as e2e/import-browser.spec.ts checks in Chromium).
import type { Page } from 'puppeteer-core';
import { expect, poll, test } from './fixtures';
import type { CookieSite } from '../site';

interface Stored { name: string; value: string; domain: string; hostOnly: boolean; path: string; secure: boolean; httpOnly: boolean; sameSite: string; session: boolean; expirationDate?: number }

/** Firefox's store as its cookies API reports it (the expiry to the second), sorted. */
async function storeOf(page: Page): Promise<Stored[]> {
  const cookies = await page.evaluate(async () => (await chrome.cookies.getAll({})).map((c) => ({
    name: c.name, value: c.value, domain: c.domain, hostOnly: c.hostOnly, path: c.path, secure: c.secure, httpOnly: c.httpOnly,
    sameSite: c.sameSite, session: c.session, ...(c.expirationDate === undefined ? {} : { expirationDate: Math.floor(c.expirationDate) }),
  })));
  return cookies.sort((a, b) => `${a.domain} ${a.name}`.localeCompare(`${b.domain} ${b.name}`));
}

/** The Cookie header Firefox sends to the site's /echo page, as sorted pairs. */
async function sentTo(page: Page, site: CookieSite, host: string): Promise<string[]> {
  site.received.length = 0;
  await page.goto(site.url(host, '/echo'));
  return (site.received.find((r) => r.path === '/echo')?.cookie ?? '').split('; ').filter((p) => p !== '').sort();
}

/** Clicks the button whose whole text is `name`, once it is there and enabled. */
async function click(page: Page, name: string): Promise<void> {
  const button = await poll(`the button "${name}"`, async () => (await page.$(`::-p-xpath(//button[normalize-space(.)="${name}" and not(@disabled)])`)) ?? undefined);
  await button.click();
}

async function textOf(page: Page, selector: string): Promise<string> {
  return poll(`text in ${selector}`, () => page.evaluate((s) => document.querySelector(s)?.textContent.trim() || undefined, selector));
}

const IN_A_MONTH = Math.floor(Date.now() / 1000) + 30 * 86400;

test('a cookies.txt imported into Firefox\'s store is sent by Firefox, and undoing the import restores the store exactly', async ({ firefox, site, openPopup }) => {
  const page = await firefox.newPage();
  await page.goto(site.url('www.example.com', '/'));
  const popup = await openPopup(site.url('www.example.com', '/'));
  const ui = popup.page;
  const before = await storeOf(ui);
  expect(before.map((c) => `${c.domain} ${c.name}=${c.value}`)).toEqual(['.example.com theme=dark', 'www.example.com session_id=s15x', 'www.example.com visit=www.example.com']);

  await popup.showView('Import');
  // theme replaces Firefox's cookie of that name, domain and path; extra is new (curl's #HttpOnly_ prefix).
  const text = `# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t${IN_A_MONTH}\ttheme\tlight\n#HttpOnly_www.example.com\tFALSE\t/\tFALSE\t0\textra\tx1\n`;
  await ui.$eval('[data-testid=import-text]', (area, value) => {
    const textarea = area as HTMLTextAreaElement;
    textarea.value = value;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  expect(await textOf(ui, '[data-testid=import-summary]')).toMatch(/^Read as cookies\.txt .*: 2 cookies — 1 new, 1 replaces a cookie\.$/);
  await click(ui, 'Import 2 cookies into the browser’s store');
  expect(await textOf(ui, '.notice-ok')).toBe('Imported 2 cookies into the browser’s store (1 replaced a cookie).');

  const after = await storeOf(ui);
  expect(after.find((c) => c.name === 'theme')).toEqual({ ...before.find((c) => c.name === 'theme'), value: 'light', expirationDate: IN_A_MONTH });
  expect(after.find((c) => c.name === 'extra')).toEqual({
    name: 'extra', value: 'x1', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: true, sameSite: 'unspecified', session: true,
  });
  expect(await sentTo(page, site, 'www.example.com')).toEqual(['extra=x1', 'session_id=s15x', 'theme=light', 'visit=www.example.com']);

  await click(ui, 'Undo the import');
  await poll('the undo', async () => ((await textOf(ui, '.notice-ok')).startsWith('Undid') ? true : undefined));
  expect(await storeOf(ui)).toEqual(before);
  expect(await sentTo(page, site, 'www.example.com')).toEqual(['session_id=s15x', 'theme=dark', 'visit=www.example.com']);
});
