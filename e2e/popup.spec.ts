// The popup in real Chromium, about a tab of the local site: every view against the real service
// worker, and markup in a cookie rendered inert. (The screenshots of every view on every surface are
// e2e/screenshots.spec.ts's.)
import { expect, test } from './fixtures';

const MARKUP = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';

test('every view, about the tab', async ({ context, site, openPopup }) => {
  const page = await context.newPage();
  await page.goto(site.url('shop.example.co.uk', '/'));
  await page.goto(site.setUrl('www.example.com', `xss=${MARKUP}; Path=/`, 'deep=1; Path=/a'));
  await page.goto(site.url('www.example.com', '/'));
  // A cookie only the browser has: set by script, never in a Set-Cookie header.
  await page.evaluate(() => { document.cookie = 'fromjs=1; path=/'; });

  const popup = await openPopup(site.url('www.example.com', '/'));
  await popup.page.setViewportSize({ width: 780, height: 590 });
  const ui = popup.page;

  // Site: the jar and the browser side by side.
  await expect(ui.getByRole('heading', { name: 'Cookies of www.example.com' })).toBeVisible();
  const names = ui.getByTestId('cookie-name');
  await expect(names.filter({ hasText: /^visit$/ })).toHaveCount(1);
  await expect(ui.getByRole('row').filter({ has: ui.getByText('fromjs', { exact: true }) }).getByText('only in browser')).toBeVisible();
  await expect(ui.getByRole('row').filter({ has: ui.getByText('visit', { exact: true }) }).getByText('jar + browser')).toBeVisible();
  // Markup in a value is text: shown as written, no element made, no script run.
  const xss = ui.getByRole('row').filter({ has: ui.getByText('xss', { exact: true }) }).getByTestId('cookie-value');
  await expect(xss).toHaveText(MARKUP);
  // The only element in the cell is the <bdi> that isolates the text.
  expect(await xss.evaluate((cell) => [...cell.querySelectorAll('*')].map((element) => element.tagName))).toEqual(['BDI']);
  expect(await ui.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  await expect(ui.locator('main img, main script')).toHaveCount(0);
  // Filter as you type, then the details of one cookie.
  await ui.getByRole('searchbox').fill('dark');
  await expect(names).toHaveText(['theme']);
  await ui.getByRole('grid').focus();
  await expect(ui.getByRole('region', { name: 'Details of cookie theme' })).toContainText('domain cookie (and its subdomains)');
  await ui.getByRole('searchbox').fill('');

  // Delete one cookie from the jar with the keyboard: it stays in the browser only.
  await ui.getByRole('searchbox').fill('deep');
  await ui.getByRole('grid').press('Delete');
  await expect(ui.locator('.notice-ok')).toHaveText(/^Deleted deep \(/);
  await expect(ui.getByRole('row').filter({ has: ui.getByText('deep', { exact: true }) }).getByText('only in browser')).toBeVisible();
  await ui.getByRole('searchbox').fill('');

  // Why: the tab's URL explained, and a typed one.
  await popup.showView('Why');
  await expect(ui.getByTestId('cookie-header')).toContainText('visit=www.example.com');
  await ui.getByLabel('URL').fill(site.url('www.example.com', '/a/page'));
  await ui.getByRole('button', { name: 'Explain' }).click();
  await expect(ui.getByTestId('cookie-header')).toContainText('theme=dark');
  // Without a scheme: read as https, and said so (the browser's own URL check swallowed it before).
  await ui.getByLabel('URL').fill(`www.example.com:${site.port}/a/page`);
  await ui.getByRole('button', { name: 'Explain' }).click();
  await expect(ui.getByText(`No scheme typed: explained as https://www.example.com:${site.port}/a/page.`)).toBeVisible();
  await expect(ui.getByTestId('explained-request')).toContainText(`A request to https://www.example.com:${site.port}/a/page as a visit to it`);

  // Policy: a malformed entry refused with a message, a good one added, replay, apply.
  await popup.showView('Policy');
  const add = ui.getByRole('textbox', { name: 'Add to blocked domains' });
  await add.fill('http://tracker.test/');
  await add.press('Enter');
  await expect(ui.getByRole('alert')).toHaveText('“http://tracker.test/” is a URL, not a domain: enter “tracker.test”.');
  await add.fill('.example.co.uk');
  await add.press('Enter');
  await ui.getByRole('button', { name: 'Replay recorded traffic' }).click();
  await expect(ui.getByTestId('replay-result')).toContainText(/would refuse [1-9]\d* that the current one accepted/);
  await expect(ui.getByTestId('replay-refused').first()).toContainText('set.domain.blocked');
  // Halfway down the form, "Apply policy" answers beside itself, in view, and the view does not jump.
  const main = ui.locator('main');
  await main.evaluate((element) => { element.scrollTop = 200; });
  await ui.getByRole('button', { name: 'Apply policy' }).click();
  await expect(ui.getByText(/Policy applied/)).toBeInViewport();
  await expect(ui.getByRole('button', { name: 'Apply policy' })).toBeInViewport();
  expect(await main.evaluate((element) => element.scrollTop)).toBe(200);
  await page.goto(site.url('shop.example.co.uk', '/'));

  // Decisions: every tab, refused ones with their rule.
  await popup.showView('Decisions');
  await ui.getByLabel('Which tab').selectOption('all');
  await ui.getByLabel('Policy', { exact: true }).selectOption('refused');
  await expect(popup.observedLines().first()).toHaveAttribute('data-rule', 'set.domain.blocked');

  // Export: the preview and its warnings.
  await popup.showView('Export');
  await expect(ui.getByTestId('export-text')).toHaveValue(/for curl -b/);

  // Import: the preview names the line that is not a cookie, and nothing changes before "Import".
  await popup.showView('Import');
  await ui.getByLabel('Into').selectOption('jar');
  await ui.getByTestId('import-text').fill('# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t0\tok\t1\nnot a cookie line\n');
  await expect(ui.getByTestId('import-problem')).toHaveText(/^Line 3: /);
  await expect(ui.getByRole('button', { name: 'Import 1 cookie into the jar' })).toBeEnabled();
  const cookies = await ui.evaluate(() => chrome.runtime.sendMessage<unknown, { value: { jar: { name: string }[] } }>({ type: 'getCookies', source: 'jar' }));
  expect(cookies.value.jar.map((c) => c.name)).not.toContain('ok');
});

test('"Open in a tab" shows the same UI full-size about the same tab', async ({ context, site, openPopup }) => {
  const page = await context.newPage();
  await page.goto(site.url('www.example.com', '/'));
  const popup = await openPopup(site.url('www.example.com', '/'));
  const [tab] = await Promise.all([context.waitForEvent('page'), popup.page.getByRole('button', { name: 'Open in a tab' }).click()]);
  await expect(tab.getByRole('heading', { name: 'Cookies of www.example.com' })).toBeVisible();
  expect(new URL(tab.url()).searchParams.get('full')).toBe('1');
  await expect(tab.getByRole('button', { name: 'Open in a tab' })).toHaveCount(0);
});
