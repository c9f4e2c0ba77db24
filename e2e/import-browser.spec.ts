// Import into the browser's own store through the Import view, in real Chromium: a cookies.txt, an
// LWP file (chosen with the file picker), Cookie-Editor JSON and a Cookie header for a URL, each
// then sent by the browser to the local site (the server records the Cookie header); an import the
// browser cannot complete leaves its store exactly as before; and JSON exported from the store
// round-trips, through this Import view and as Cookie-Editor imports it.
import { expect, test, type PopupPage } from './fixtures';
import type { CookieSite } from './site';

interface Stored { name: string; value: string; domain: string; hostOnly: boolean; path: string; secure: boolean; httpOnly: boolean; sameSite: string; session: boolean; expirationDate?: number }

async function storeOf(popup: PopupPage): Promise<Stored[]> {
  const cookies = await popup.page.evaluate(async () => (await chrome.cookies.getAll({})).map((c) => ({
    name: c.name, value: c.value, domain: c.domain, hostOnly: c.hostOnly, path: c.path, secure: c.secure, httpOnly: c.httpOnly,
    // The expiry to the second: the store keeps microseconds, the files whole seconds.
    sameSite: c.sameSite, session: c.session, ...(c.expirationDate === undefined ? {} : { expirationDate: Math.floor(c.expirationDate) }),
  })));
  return cookies.sort((a, b) => `${a.domain} ${a.name}`.localeCompare(`${b.domain} ${b.name}`));
}

async function sentTo(page: import('@playwright/test').Page, site: CookieSite, host: string, path = '/echo'): Promise<string[]> {
  site.received.length = 0;
  await page.goto(site.url(host, path));
  return (site.received.find((r) => r.path === path)?.cookie ?? '').split('; ').filter((p) => p !== '').sort();
}

const IN_A_MONTH = Math.floor(Date.now() / 1000) + 30 * 86400;

test('cookies.txt, an LWP file, Cookie-Editor JSON and a Cookie header, imported into the browser, are sent by it', async ({ context, site, openPopup }) => {
  const page = await context.newPage();
  await page.goto(site.url('www.example.com', '/'));
  const popup = await openPopup(site.url('www.example.com', '/'));
  const ui = popup.page;
  await popup.showView('Import');
  const importButton = (n: number) => ui.getByRole('button', { name: `Import ${n} cookie${n === 1 ? '' : 's'} into the browser’s store` });

  // cookies.txt (curl's dialect: #HttpOnly_, expiry 0 for a session cookie), pasted.
  await ui.getByTestId('import-text').fill(`# Netscape HTTP Cookie File\n.txt.test\tTRUE\t/\tFALSE\t${IN_A_MONTH}\ttheme\tdark\n#HttpOnly_www.txt.test\tFALSE\t/\tFALSE\t0\tsid\ts1\n`);
  await expect(ui.getByTestId('import-summary')).toHaveText(/^Read as cookies\.txt .*: 2 cookies — 2 new\.$/);
  await importButton(2).click();
  await expect(ui.locator('.notice-ok')).toHaveText('Imported 2 cookies into the browser’s store.');
  expect(await sentTo(page, site, 'www.txt.test')).toEqual(['sid=s1', 'theme=dark']);

  // An LWP file, chosen with the file picker, "cookies.txt" chosen as its format by mistake.
  await ui.getByLabel('Format').selectOption('mozilla');
  await ui.getByLabel('File').setInputFiles({
    name: 'cookies.lwp', mimeType: 'text/plain',
    buffer: Buffer.from(`#LWP-Cookies-2.0\nSet-Cookie3: lwp=one; path="/"; domain=".lwp.test"; path_spec; domain_dot; discard; version=0\nSet-Cookie3: deep=two; path="/a"; domain=www.lwp.test; path_spec; discard; HttpOnly=None; version=0\n`),
  });
  await expect(ui.getByTestId('import-warning')).toHaveText(/^You chose cookies\.txt, but the text is an LWP file/);
  await importButton(2).click();
  await expect(ui.locator('.notice-ok')).toHaveText('Imported 2 cookies into the browser’s store.');
  expect(await sentTo(page, site, 'www.lwp.test', '/echo')).toEqual(['lwp=one']);
  expect(await sentTo(page, site, 'www.lwp.test', '/a/echo')).toEqual(['deep=two', 'lwp=one']);
  await ui.getByLabel('Format').selectOption('detect');

  // Cookie-Editor JSON, pasted.
  await ui.getByTestId('import-text').fill(JSON.stringify([
    { domain: '.json.test', expirationDate: IN_A_MONTH, hostOnly: false, httpOnly: false, name: 'j1', path: '/', sameSite: 'lax', secure: false, session: false, storeId: null, value: 'a' },
    { domain: 'www.json.test', hostOnly: true, httpOnly: true, name: 'j2', path: '/', sameSite: null, secure: false, session: true, storeId: null, value: 'b' },
  ], null, 4));
  await importButton(2).click();
  await expect(ui.locator('.notice-ok')).toHaveText('Imported 2 cookies into the browser’s store.');
  expect(await sentTo(page, site, 'www.json.test')).toEqual(['j1=a', 'j2=b']);

  // A Cookie header, for a URL.
  await ui.getByLabel('URL (for a Cookie header)').fill(site.url('www.header.test', '/'));
  await ui.getByTestId('import-text').fill('Cookie: h1=one; h2=two words');
  await expect(ui.getByTestId('import-summary')).toHaveText(/^Read as a Cookie header/);
  await importButton(2).click();
  await expect(ui.locator('.notice-ok')).toHaveText('Imported 2 cookies into the browser’s store.');
  expect(await sentTo(page, site, 'www.header.test')).toEqual(['h1=one', 'h2=two words']);
  expect((await storeOf(popup)).filter((c) => c.domain === 'www.header.test').map((c) => [c.name, c.hostOnly, c.session, c.secure])).toEqual([['h1', true, true, false], ['h2', true, true, false]]);
});

test('an import the browser cannot complete leaves its store exactly as it was', async ({ context, site, openPopup }) => {
  const page = await context.newPage();
  await page.goto(site.url('www.example.com', '/'));
  await page.goto(site.url('shop.example.com', '/'));
  const popup = await openPopup(site.url('www.example.com', '/'));
  const ui = popup.page;
  const before = await storeOf(popup);
  expect(before.map((c) => c.name)).toEqual(['theme', 'session_id', 'visit', 'session_id', 'visit']);
  // 200 cookies of example.com: past the 180 Chromium keeps per site, it evicts cookies of the site
  // while they are written, so the import fails part-way and must put everything back.
  await popup.showView('Import');
  // The first line overwrites theme: putting back restores an overwritten cookie too, not only removes
  // the new ones. Which cookie Chromium evicts first (theme or one of the c's) varies from run to run.
  const lines = [`.example.com\tTRUE\t/\tFALSE\t${IN_A_MONTH}\ttheme\tlight`, ...Array.from({ length: 200 }, (_, i) => `api.example.com\tFALSE\t/\tFALSE\t${IN_A_MONTH}\tc${i}\t${i}`)];
  await ui.getByTestId('import-text').fill(`# Netscape HTTP Cookie File\n${lines.join('\n')}\n`);
  await expect(ui.getByTestId('import-warning')).toHaveText(/^200 new cookies of example\.com would make 205, over the 180 a browser keeps per site/);
  await ui.getByRole('button', { name: 'Import 201 cookies into the browser’s store' }).click();
  await expect(ui.locator('.notice-error')).toHaveText(/^Import failed: The browser did not keep "(c\d+|theme)" \((api\.example\.com|\.example\.com)\/\): it accepted it, then evicted it to make room \(Chromium keeps at most 180 cookies per site\)\. Nothing was changed: everything written before it was put back as it was\.$/, { timeout: 30_000 });
  expect(await storeOf(popup)).toEqual(before);
  expect(await sentTo(page, site, 'www.example.com')).toEqual(['session_id=s15x', 'theme=dark', 'visit=www.example.com']);
});

test('JSON exported from the browser\'s store round-trips: through the Import view, and as Cookie-Editor imports it', async ({ context, site, openPopup }) => {
  const page = await context.newPage();
  await page.goto(site.url('www.example.com', '/'));
  await page.goto(site.setUrl('www.example.com', 'strict=s; Path=/a; SameSite=Strict; Max-Age=3600', 'none=n; SameSite=None; Secure; Path=/'));
  const popup = await openPopup(site.url('www.example.com', '/'));
  const ui = popup.page;
  await popup.showView('Export');
  await ui.getByLabel('Format').selectOption('json');
  await ui.getByLabel('Scope').selectOption('all');
  await expect(ui.getByTestId('export-count')).toHaveText('4 cookies');
  const json = await ui.getByTestId('export-text').inputValue();
  const original = await storeOf(popup);
  expect(original.map((c) => [c.name, c.sameSite])).toEqual([['theme', 'unspecified'], ['session_id', 'lax'], ['strict', 'strict'], ['visit', 'unspecified']]);
  const empty = async () => {
    await ui.evaluate(async () => { for (const c of await chrome.cookies.getAll({})) await chrome.cookies.remove({ url: `https://${c.domain.replace(/^\./, '')}${c.path}`, name: c.name }); });
    expect(await storeOf(popup)).toEqual([]);
  };

  // Through this extension's Import view.
  await empty();
  await popup.showView('Import');
  await ui.getByTestId('import-text').fill(json);
  await ui.getByRole('button', { name: 'Import 4 cookies into the browser’s store' }).click();
  await expect(ui.locator('.notice-ok')).toHaveText('Imported 4 cookies into the browser’s store.');
  expect(await storeOf(popup)).toEqual(original);

  // As Cookie-Editor imports its JSON (its documented format: an array of chrome.cookies.Cookie,
  // storeId null, sameSite "unspecified" read as none): cookies.set of each entry with the page's
  // URL, the domain left out for a host-only cookie.
  await empty();
  await ui.evaluate(async ({ text, url }) => {
    for (const entry of JSON.parse(text) as chrome.cookies.Cookie[]) {
      await chrome.cookies.set({
        url, name: entry.name, value: entry.value, path: entry.path, secure: entry.secure, httpOnly: entry.httpOnly,
        ...(entry.hostOnly ? {} : { domain: entry.domain }), ...(entry.session ? {} : { expirationDate: entry.expirationDate }),
        ...(entry.sameSite === 'unspecified' ? {} : { sameSite: entry.sameSite }),
      });
    }
  }, { text: json, url: site.url('www.example.com', '/') });
  expect(await storeOf(popup)).toEqual(original);
});
