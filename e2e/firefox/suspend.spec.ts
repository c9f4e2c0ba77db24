// Firefox suspends an idle event page (after `extensions.background.idle.timeout`, 30 s by default;
// 3 s here, longer than the background's 1 s write delay) and starts it again for the next event.
// A suspended background must lose nothing, and the webRequest event that wakes it must be recorded.
import type { Page } from 'puppeteer-core';
import type { DecisionEntry } from '../../src/shared/protocol';
import { expect, openExtensionPage, poll, POPUP_PATH, test, value } from './fixtures';

const IDLE_TIMEOUT_MS = 3000;
test.use({ firefoxOptions: { prefs: { 'extensions.background.idle.timeout': IDLE_TIMEOUT_MS } } });

/** A mark in the background page's global scope (a restarted background has none), read or set from an extension page. */
function backgroundMark(page: Page, set: boolean): Promise<string> {
  return page.evaluate((setIt) => {
    const background = chrome.extension.getBackgroundPage() as unknown as { cjiMark?: string } | null;
    if (background === null) return 'no background page';
    if (setIt) background.cjiMark = 'before';
    return background.cjiMark ?? 'restarted';
  }, set);
}

test('the background suspended when idle and woken by a response has lost nothing and records it', async ({ firefox, site }) => {
  const page = await firefox.newPage();
  for (const host of ['www.example.com', 'shop.example.co.uk', 'tracker.test']) await page.goto(site.url(host));
  await page.goto(site.setUrl('www.example.com', 'last=1; Max-Age=600'));

  let popup = await openExtensionPage(firefox, POPUP_PATH);
  // The last decision, and every browser verdict settled (a verdict still waiting when the background stops is restored as unknown).
  const decisionsBefore = await poll('the last decision, every browser verdict settled', async () => {
    const decisions = await value<DecisionEntry[]>(popup, { type: 'getDecisions' });
    return decisions.some((d) => d.line === 'last=1; Max-Age=600') && decisions.every((d) => d.browser?.pending !== true) ? decisions : undefined;
  });
  const cookiesBefore = await value<{ jar: unknown[] }>(popup, { type: 'getCookies', source: 'jar' });
  expect(cookiesBefore.jar.length).toBe(10);
  expect(decisionsBefore.length).toBe(10);
  expect(await backgroundMark(popup, true)).toBe('before');
  await popup.close();

  // Nothing reaches the background for twice its idle timeout: Firefox suspends it.
  await new Promise((done) => setTimeout(done, 2 * IDLE_TIMEOUT_MS));
  // A response wakes it: the new background registers its listeners at once and records the response.
  await page.goto(site.setUrl('www.example.com', 'after=1'));

  popup = await openExtensionPage(firefox, POPUP_PATH);
  expect(await backgroundMark(popup, false)).toBe('restarted');
  const after = await poll('the decision of the waking response', async () => {
    const decisions = await value<DecisionEntry[]>(popup, { type: 'getDecisions' });
    return decisions.some((d) => d.line === 'after=1') ? decisions : undefined;
  });
  expect(after.find((d) => d.line === 'after=1')).toMatchObject({ accepted: true, label: 'top-level' });
  // Everything from before the suspension is still there, in order.
  expect(after.filter((d) => d.line !== 'after=1')).toEqual(decisionsBefore);
  const cookiesAfter = await value<{ jar: { name: string }[] }>(popup, { type: 'getCookies', source: 'jar' });
  expect(cookiesAfter.jar.filter((c) => c.name !== 'after')).toEqual(cookiesBefore.jar);
  expect(cookiesAfter.jar.map((c) => c.name)).toContain('after');
});
