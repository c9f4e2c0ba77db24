// Acting on the browser's own store from the Site view, in real Chromium: edit a cookie's value and
// SameSite, create one, delete one and a selection, undo. After each step the test reads the store
// through the cookies API and asks the local site which Cookie header the browser sent.
import { expect, test, type PopupPage } from './fixtures';
import type { CookieSite } from './site';

interface Stored { name: string; value: string; domain: string; hostOnly: boolean; path: string; secure: boolean; httpOnly: boolean; sameSite: string; session: boolean; expirationDate?: number }

/** The browser's store as the cookies API reports it, sorted by name. */
async function storeOf(popup: PopupPage): Promise<Stored[]> {
  const cookies = await popup.page.evaluate(async () => (await chrome.cookies.getAll({})).map((c) => ({
    name: c.name, value: c.value, domain: c.domain, hostOnly: c.hostOnly, path: c.path, secure: c.secure, httpOnly: c.httpOnly,
    sameSite: c.sameSite, session: c.session, ...(c.expirationDate === undefined ? {} : { expirationDate: Math.floor(c.expirationDate) }),
  })));
  return cookies.sort((a, b) => a.name.localeCompare(b.name));
}

/** The Cookie header the browser sends to the site's page (the server records it), as sorted pairs. */
async function sentTo(page: import('@playwright/test').Page, site: CookieSite, host: string): Promise<string[]> {
  site.received.length = 0;
  await page.goto(site.url(host, '/echo'));
  const header = site.received.find((r) => r.path === '/echo')?.cookie ?? '';
  return header.split('; ').filter((p) => p !== '').sort();
}

test('edit, create, delete one and a selection, undo: the browser\'s store holds what the Site view says, and sends it', async ({ context, site, openPopup }) => {
  const page = await context.newPage();
  await page.goto(site.url('www.example.com', '/'));
  const popup = await openPopup(site.url('www.example.com', '/'));
  const ui = popup.page;
  const row = (name: string) => ui.getByRole('row').filter({ has: ui.getByTestId('cookie-name').getByText(name, { exact: true }) });
  await expect(row('theme')).toHaveCount(1);
  const before = await storeOf(popup);
  const themeBefore = before.find((c) => c.name === 'theme');
  expect(themeBefore).toMatchObject({ value: 'dark', domain: '.example.com', sameSite: 'unspecified', session: false });

  // Edit theme's value and SameSite; the model refuses SameSite=None without Secure before anything is written.
  await row('theme').getByTestId('cookie-name').click();
  await ui.getByRole('button', { name: 'Edit in the browser’s store' }).click();
  const editor = ui.getByRole('region', { name: 'Edit cookie in the browser’s store' });
  await editor.getByLabel('Value').fill('light');
  await editor.getByLabel('SameSite').selectOption('no_restriction');
  await expect(editor.getByTestId('editor-verdict')).toContainText('(SameSiteNoneInsecure)');
  await expect(editor.getByRole('button', { name: 'Save in the browser’s store' })).toBeDisabled();
  await editor.getByLabel('SameSite').selectOption('strict');
  await expect(editor.getByTestId('editor-verdict')).toHaveText('The browser will store it. It replaces the cookie of that name, domain and path.');
  await editor.getByRole('button', { name: 'Save in the browser’s store' }).click();
  await expect(ui.locator('.notice-ok')).toContainText('Edited "theme" in the browser’s store. The browser stored: theme=light; Domain=.example.com; Path=/; Expires=');
  const edited = (await storeOf(popup)).find((c) => c.name === 'theme');
  expect(edited).toEqual({ ...themeBefore, value: 'light', sameSite: 'strict' });
  expect(await sentTo(page, site, 'www.example.com')).toContain('theme=light');

  // Create a cookie for the tab's site: host-only, path /, not Secure (the tab is http).
  await ui.getByRole('button', { name: 'New cookie' }).click();
  const creator = ui.getByRole('region', { name: 'New cookie in the browser’s store' });
  await creator.getByLabel('Name').fill('made');
  await creator.getByLabel('Value').fill('here');
  await expect(creator.getByTestId('editor-verdict')).toHaveText('The browser will store it.');
  await creator.getByRole('button', { name: 'Create in the browser’s store' }).click();
  await expect(ui.locator('.notice-ok')).toContainText('Created "made" in the browser’s store.');
  expect((await storeOf(popup)).find((c) => c.name === 'made')).toEqual({
    name: 'made', value: 'here', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'lax', session: true,
  });
  expect(await sentTo(page, site, 'www.example.com')).toContain('made=here');

  // Delete one: visit goes from the browser; the jar keeps its copy (the button said which store).
  await row('visit').getByTestId('cookie-name').click();
  await ui.getByRole('button', { name: 'Delete from the browser’s store' }).click();
  await expect(ui.locator('.notice-ok')).toHaveText('Deleted visit (www.example.com/) from the browser’s store.');
  expect((await storeOf(popup)).map((c) => c.name)).toEqual(['made', 'session_id', 'theme']);
  await expect(row('visit').getByText('only in jar')).toBeVisible();

  // Delete a selection (theme and made), then undo it: both come back exactly as they were.
  const kept = await storeOf(popup);
  await row('theme').getByRole('checkbox').check();
  await row('made').getByRole('checkbox').check();
  await expect(ui.getByTestId('selection-count')).toHaveText('2 cookies selected');
  await ui.getByRole('button', { name: 'Delete 2 cookies from the browser’s store' }).click();
  await expect(ui.locator('.notice-ok')).toHaveText('Deleted 2 cookies from the browser’s store.');
  expect((await storeOf(popup)).map((c) => c.name)).toEqual(['session_id']);
  expect(await sentTo(page, site, 'www.example.com')).toEqual(['session_id=s15x']);
  await ui.getByRole('button', { name: 'Undo' }).click();
  await expect(ui.locator('.notice-ok')).toHaveText('Undid: Deleted 2 cookies.');
  expect(await storeOf(popup)).toEqual(kept);
  expect(await sentTo(page, site, 'www.example.com')).toEqual(['made=here', 'session_id=s15x', 'theme=light']);
});

test('clear the site from the browser\'s store (and the jar when chosen), another site untouched; undo of a clear and of an edit restores exactly', async ({ context, site, openPopup }) => {
  const page = await context.newPage();
  await page.goto(site.url('www.example.com', '/'));
  await page.goto(site.url('shop.example.com', '/'));
  await page.goto(site.url('shop.example.co.uk', '/'));
  const popup = await openPopup(site.url('www.example.com', '/'));
  const ui = popup.page;
  const row = (name: string) => ui.getByRole('row').filter({ has: ui.getByTestId('cookie-name').getByText(name, { exact: true }) });
  await expect(row('theme')).toHaveCount(1);
  // Sorted by domain and name: a restored cookie is a new one to the store, which lists it last.
  const stored = async () => (await storeOf(popup)).sort((a, b) => `${a.domain} ${a.name}`.localeCompare(`${b.domain} ${b.name}`));
  const all = async () => (await stored()).map((c) => `${c.domain} ${c.name}`);
  const before = await stored();
  expect(await all()).toEqual([
    '.example.co.uk theme', '.example.com theme', 'shop.example.co.uk session_id', 'shop.example.co.uk visit',
    'shop.example.com session_id', 'shop.example.com visit', 'www.example.com session_id', 'www.example.com visit',
  ]);

  // Edit theme's value, then undo: the cookie is back exactly as it was (value, SameSite, expiry).
  await row('theme').getByTestId('cookie-name').click();
  await ui.getByRole('button', { name: 'Edit in the browser’s store' }).click();
  const editor = ui.getByRole('region', { name: 'Edit cookie in the browser’s store' });
  await editor.getByLabel('Value').fill('edited');
  await editor.getByRole('button', { name: 'Save in the browser’s store' }).click();
  await expect(ui.locator('.notice-ok')).toContainText('Edited "theme" in the browser’s store.');
  expect((await stored()).find((c) => c.domain === '.example.com' && c.name === 'theme')?.value).toBe('edited');
  await ui.getByRole('button', { name: 'Undo' }).click();
  await expect(ui.locator('.notice-ok')).toHaveText('Undid: Edited "theme".');
  expect(await stored()).toEqual(before);

  // Clear: what it clears is said (every host of example.com, not only www), and only the browser's store by default.
  await ui.getByRole('button', { name: 'Clear…' }).click();
  const panel = ui.getByRole('region', { name: 'Clear' });
  await expect(panel.getByRole('group', { name: /^The cookies of example\.com \(www\.example\.com and every other host of example\.com\)$/ })).toBeVisible();
  await panel.getByRole('button', { name: 'Delete 5 cookies from the browser’s store' }).click();
  await expect(ui.locator('.notice-ok')).toHaveText('Deleted 5 cookies from the browser’s store.');
  expect(await all()).toEqual(['.example.co.uk theme', 'shop.example.co.uk session_id', 'shop.example.co.uk visit']);
  expect(await sentTo(page, site, 'shop.example.com')).toEqual([]);
  // The jar kept its copies: the Site view now shows them only in the jar.
  await expect(row('theme').getByText('only in jar')).toBeVisible();

  // Undo: the five come back exactly (expiry, HttpOnly, SameSite), and are sent again.
  await ui.getByRole('button', { name: 'Undo' }).click();
  await expect(ui.locator('.notice-ok')).toHaveText('Undid: Cleared the cookies of example.com.');
  expect(await stored()).toEqual(before);
  expect(await sentTo(page, site, 'www.example.com')).toEqual(['session_id=s15x', 'theme=dark', 'visit=www.example.com']);

  // Clear from both stores: the jar's cookies of example.com go too; the other site's stay in both.
  await ui.getByRole('button', { name: 'Clear…' }).click();
  await panel.getByRole('checkbox', { name: /in the jar/ }).check();
  await panel.getByRole('button', { name: 'Delete 5 cookies from the browser’s store and 5 cookies from the jar' }).click();
  await expect(ui.locator('.notice-ok')).toHaveText('Deleted 5 cookies from the browser’s store and 5 cookies from the jar.');
  await expect(ui.getByText('No cookies here yet.')).toBeVisible();
  const jar = await ui.evaluate(() => chrome.runtime.sendMessage<unknown, { value: { jar: { name: string; domain: string }[] } }>({ type: 'getCookies', source: 'jar' }));
  expect(jar.value.jar.map((c) => `${c.domain} ${c.name}`).sort()).toEqual(['.example.co.uk theme', 'shop.example.co.uk session_id', 'shop.example.co.uk visit']);
});
