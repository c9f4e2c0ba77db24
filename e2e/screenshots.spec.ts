// Every view of the UI, on each of its widths, light and dark, as a person sees it: the popup
// (780 × 590), the side panel (360 px wide) and a full tab (1280 × 800). The pictures go to
// test-results/screenshots/<surface>-<view>-<scheme>.png to be looked at (docs/popup.md says what
// was checked); the test also asserts the layout rules a picture shows: the header and tabs stay
// while the content scrolls, no tab label moves when another is selected, nothing is wider than
// the window.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SHOTS = join('test-results', 'screenshots');
const VIEWS = ['Site', 'Why', 'Decisions', 'Policy', 'Export', 'Import'] as const;
type View = (typeof VIEWS)[number];

const SURFACES = [
  { name: 'popup', page: 'index.html', query: '', width: 780, height: 590 },
  { name: 'side-panel', page: 'side-panel.html', query: '', width: 360, height: 760 },
  { name: 'tab', page: 'index.html', query: 'full=1&', width: 1280, height: 800 },
] as const;

/** What shows that a view has its content. */
async function ready(ui: Page, view: View): Promise<void> {
  const marks: Record<View, () => Promise<void>> = {
    Site: () => expect(ui.getByTestId('cookie-name').first()).toBeVisible(),
    Why: () => expect(ui.getByTestId('cookie-header')).toBeVisible(),
    Decisions: () => expect(ui.getByTestId('decision-line').first()).toBeVisible(),
    Policy: () => expect(ui.getByRole('radiogroup', { name: 'Preset' })).toBeVisible(),
    Export: () => expect(ui.getByTestId('export-text')).toBeVisible(),
    Import: () => expect(ui.getByTestId('import-text')).toBeVisible(),
  };
  await marks[view]();
}

/** The x of every tab: none may move when another is selected (the selected one turns bold). */
const tabPositions = (ui: Page) => ui.getByRole('tab').evaluateAll((tabs) => tabs.map((tab) => Math.round(tab.getBoundingClientRect().x)));

test('every view on every surface, light and dark, with the layout rules they show', async ({ context, site, extensionId }) => {
  test.setTimeout(90_000);
  await mkdir(SHOTS, { recursive: true });
  const browsing = await context.newPage();
  // Cookies of every kind: first- and third-party, one refused by a blocked domain, one the jar keeps
  // but would not send over http (Secure), a 4 KB value.
  await browsing.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
  await browsing.evaluate(async () => {
    const policy = await chrome.runtime.sendMessage<unknown, { value: object }>({ type: 'getPolicy' });
    await chrome.runtime.sendMessage({ type: 'setPolicy', settings: { ...policy.value, blockedDomains: ['ads.example.net'] } });
  });
  const frame = site.setUrl('tracker.test', 'framed=1; Path=/; SameSite=None; Secure');
  const image = site.setUrl('ads.example.net', 'pixel=1; Path=/');
  await browsing.goto(site.url('www.example.com', `/embed?frame=${encodeURIComponent(frame)}&img=${encodeURIComponent(image)}`));
  await browsing.goto(site.setUrl('www.example.com', `big=${'x'.repeat(4000)}; Path=/`, 'prefs=compact; Path=/; Max-Age=600', 'login=yes; Path=/account; Secure'));
  await browsing.goto(site.url('www.example.com', '/'));
  const tabUrl = browsing.url();

  for (const surface of SURFACES) {
    const ui = await context.newPage();
    await ui.setViewportSize({ width: surface.width, height: surface.height });
    await ui.goto(`chrome-extension://${extensionId}/src/popup/${surface.page}?${surface.query}url=${encodeURIComponent(tabUrl)}`);
    await expect(ui.getByText('www.example.com', { exact: true }).first()).toBeVisible();
    const positions = await tabPositions(ui);
    for (const scheme of ['light', 'dark'] as const) {
      await ui.emulateMedia({ colorScheme: scheme });
      for (const view of VIEWS) {
        await ui.getByRole('tab', { name: view }).click();
        await ready(ui, view);
        expect(await tabPositions(ui), `${surface.name}: the tabs moved when ${view} was selected`).toEqual(positions);
        // Nothing wider than the window: no sideways scrolling of the page.
        expect(await ui.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${surface.name} ${view} is wider than the window`).toBe(true);
        await ui.screenshot({ path: join(SHOTS, `${surface.name}-${view.toLowerCase()}-${scheme}.png`) });
      }
    }
    // The content scrolls, the header and the tabs stay (the Policy view is taller than any window here).
    await ui.getByRole('tab', { name: 'Policy' }).click();
    await ready(ui, 'Policy');
    const main = ui.locator('main');
    await main.evaluate((element) => { element.scrollTop = element.scrollHeight; });
    expect(await main.evaluate((element) => element.scrollTop), `${surface.name}: main does not scroll`).toBeGreaterThan(0);
    expect(await ui.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
    await expect(ui.getByRole('tab', { name: 'Policy' })).toBeInViewport();
    await expect(ui.locator('header')).toBeInViewport();
    await ui.close();
  }
});
