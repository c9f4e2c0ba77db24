// Durability in real Chromium (issue 9, finding 3): one page with 60 images, each setting 50
// cookies of 4 KB (12 MB, past storage.session's 10 MiB) and one over the browser's 4,096-byte
// limit. The mirror applies the browser's limits, so storage never fills: another site's cookies and
// decisions, set after the flood, survive the worker being stopped (DevTools Protocol
// ServiceWorker.stopAllWorkers), and the status reports what was refused and evicted.
import type { Page } from '@playwright/test';
import type { CookieJSON, DecisionEntry, Message, Reply, Status } from '../src/shared/protocol';
import { expect, test } from './fixtures';
import { startHostileSite } from './hostile';

async function value<T>(page: Page, message: Message): Promise<T> {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage<unknown, Reply<T>>(m), message);
  if (!reply.ok) throw new Error(`${reply.error.name}: ${reply.error.message}`);
  return reply.value;
}
const status = (page: Page) => value<Status>(page, { type: 'getStatus' });

test('a 12.9 MB cookie flood cannot make the extension lose another site’s cookies or decisions', async ({ context, openPopup }) => {
  const hostile = await startHostileSite();
  try {
    const popup = await openPopup();
    const page = await context.newPage();
    await page.goto(hostile.url('www.flood.test', '/flood?token=f'));
    // Every image has one cookie over the limit: 60 refusals when all 60 responses are in.
    await expect.poll(async () => (await status(popup.page)).limits.refused, { timeout: 20_000 }).toBe(60);
    await page.goto(hostile.url('www.victim.example.org', '/victim'));
    await expect.poll(async () => (await value<DecisionEntry[]>(popup.page, { type: 'getDecisions', site: 'victim.example.org' })).length).toBe(2);
    // Everything written (the batch follows the last change by about a second).
    await expect.poll(async () => Object.values((await status(popup.page)).stores).some((s) => s.pending), { timeout: 10_000 }).toBe(false);

    const before = await status(popup.page);
    expect(before.errors).toEqual([]);
    expect(before.storage?.session.bytes).toBeLessThan(before.storage?.session.quotaBytes ?? 0);
    expect(before.limits.jarBytes).toBeLessThanOrEqual(before.limits.maxJarBytes);
    expect(before.limits.evicted).toBeGreaterThan(1500);
    const refusal = (await value<DecisionEntry[]>(popup.page, { type: 'getDecisions', rule: 'mirror.name-value-too-long', limit: 1 }))[0];
    expect(refusal?.reason).toBe('The cookie over has 4,097 bytes of name and value; browsers store at most 4,096.');
    const victimCookies = await value<{ jar: CookieJSON[] }>(popup.page, { type: 'getCookies', source: 'jar', site: 'victim.example.org' });
    const victimDecisions = await value<DecisionEntry[]>(popup.page, { type: 'getDecisions', site: 'victim.example.org' });
    expect(victimCookies.jar.map((c) => c.name)).toEqual(['session', 'prefs']);

    // The worker stops (from a web page's session: one on an extension page would share the worker's process).
    const blank = await context.newPage();
    const cdp = await context.newCDPSession(blank);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();

    // A message wakes a new worker, which loads what was stored.
    const after = await status(popup.page);
    expect(after).toMatchObject({ load: { state: 'loaded', problems: [] }, errors: [], failures: [] });
    expect(after.limits).toMatchObject({ refused: 60, evicted: before.limits.evicted });
    expect(await value<{ jar: CookieJSON[] }>(popup.page, { type: 'getCookies', source: 'jar', site: 'victim.example.org' })).toMatchObject({ jar: victimCookies.jar });
    expect(await value<DecisionEntry[]>(popup.page, { type: 'getDecisions', site: 'victim.example.org' })).toEqual(victimDecisions);
    expect(after.jarSize).toBe(before.jarSize);
  } finally {
    await hostile.close();
  }
});
