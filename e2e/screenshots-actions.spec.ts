// The states of the actions on the browser's store, on each width, light and dark: the Site view
// with a selection and the editor open on a change the browser model refuses, the Clear panel, and
// the Import preview with its warnings. Pictures go to test-results/screenshots/ beside the views'
// (e2e/screenshots.spec.ts); the test asserts what a picture would show wrong: nothing wider than
// the window, the verdict and the buttons in reach.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SHOTS = join('test-results', 'screenshots');
const SURFACES = [
  { name: 'popup', page: 'index.html', query: '', width: 780, height: 590 },
  { name: 'side-panel', page: 'side-panel.html', query: '', width: 360, height: 760 },
  { name: 'tab', page: 'index.html', query: 'full=1&', width: 1280, height: 800 },
] as const;

/** Neither the page nor the content under the tabs scrolls sideways (a grid may, inside its own box). */
async function noWiderThanTheWindow(ui: Page, what: string): Promise<void> {
  expect(await ui.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${what} is wider than the window`).toBe(true);
  expect(await ui.locator('main').evaluate((main) => main.scrollWidth <= main.clientWidth), `${what}: the content scrolls sideways`).toBe(true);
}

test('the editor, the Clear panel and the Import preview on every surface, light and dark', async ({ context, site, extensionId }) => {
  test.setTimeout(120_000);
  await mkdir(SHOTS, { recursive: true });
  const browsing = await context.newPage();
  await browsing.goto(site.url('www.example.com', '/'));
  await browsing.goto(site.url('shop.example.com', '/'));
  await browsing.goto(site.url('www.example.com', '/'));
  const tabUrl = browsing.url();
  const lwp = '#LWP-Cookies-2.0\nSet-Cookie3: lwp=one; path="/"; domain=".example.com"; path_spec; domain_dot; discard; version=0\n'
    + 'Set-Cookie3: theme=light; path="/"; domain=".example.com"; path_spec; domain_dot; expires="2020-01-01 00:00:00Z"; version=0\n';

  for (const surface of SURFACES) {
    const ui = await context.newPage();
    await ui.setViewportSize({ width: surface.width, height: surface.height });
    await ui.goto(`chrome-extension://${extensionId}/src/popup/${surface.page}?${surface.query}url=${encodeURIComponent(tabUrl)}`);
    const row = (name: string) => ui.getByRole('row').filter({ has: ui.getByTestId('cookie-name').getByText(name, { exact: true }) });
    for (const scheme of ['light', 'dark'] as const) {
      await ui.emulateMedia({ colorScheme: scheme });
      const shot = async (state: string) => {
        await noWiderThanTheWindow(ui, `${surface.name} ${state}`);
        await ui.screenshot({ path: join(SHOTS, `${surface.name}-${state}-${scheme}.png`) });
      };

      // A selection, and the editor on theme with SameSite=None without Secure: refused before anything is written.
      await ui.getByRole('tab', { name: 'Site' }).click();
      await row('visit').first().getByRole('checkbox').check();
      await expect(ui.getByTestId('selection-count')).toHaveText('1 cookie selected');
      await row('theme').getByTestId('cookie-name').click();
      await ui.getByRole('button', { name: 'Edit in the browser’s store' }).click();
      const editor = ui.getByRole('region', { name: 'Edit cookie in the browser’s store' });
      await editor.getByLabel('SameSite').selectOption('no_restriction');
      await expect(editor.getByTestId('editor-verdict')).toContainText('(SameSiteNoneInsecure)');
      await editor.getByTestId('editor-verdict').scrollIntoViewIfNeeded();
      await expect(editor.getByRole('button', { name: 'Save in the browser’s store' })).toBeDisabled();
      await shot('site-editor');
      await editor.getByRole('button', { name: 'Cancel' }).click();

      // The Clear panel: what it clears, said.
      await ui.getByRole('button', { name: 'Clear…' }).click();
      const panel = ui.getByRole('region', { name: 'Clear' });
      await panel.getByRole('button', { name: 'Delete 5 cookies from the browser’s store' }).scrollIntoViewIfNeeded();
      await expect(panel.getByRole('button', { name: 'Delete 5 cookies from the browser’s store' })).toBeInViewport();
      await shot('site-clear');
      await panel.getByRole('button', { name: 'Close' }).click();
      await row('visit').first().getByRole('checkbox').uncheck();

      // The Import preview: an LWP text with cookies.txt chosen, one expired cookie.
      await ui.getByRole('tab', { name: 'Import' }).click();
      await ui.getByLabel('Format').selectOption('mozilla');
      await ui.getByTestId('import-text').fill(lwp);
      await expect(ui.getByTestId('import-warning').first()).toHaveText(/^You chose cookies\.txt, but the text is an LWP file/);
      await expect(ui.getByTestId('import-action')).toHaveText(['new', 'expired']);
      await ui.getByRole('button', { name: 'Import 1 cookie into the browser’s store' }).scrollIntoViewIfNeeded();
      await shot('import-preview');
      await ui.getByTestId('import-text').fill('');
      await ui.getByLabel('Format').selectOption('detect');
    }
    await ui.close();
  }
});
