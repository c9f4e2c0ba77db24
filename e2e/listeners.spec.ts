// The listeners the worker keeps on every request, in real Chromium (docs/performance.md): the
// sent-header comparison (equal and different headers) and its onBeforeSendHeaders only while the
// user has it on (checked in the worker itself, and after the worker was stopped and woken again),
// and redirect chains followed without an onCompleted listener.
import type { Page, Worker } from '@playwright/test';
import type { DecisionEntry, Message, Reply, SentHeaderEntry } from '../src/shared/protocol';
import type { PolicySettings } from '../src/shared/settings';
import { expect, test } from './fixtures';

async function value<T>(page: Page, message: Message): Promise<T> {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage<unknown, Reply<T>>(m), message);
  if (!reply.ok) throw new Error(`${reply.error.name}: ${reply.error.message}`);
  return reply.value;
}

/** Whether the worker has an onBeforeSendHeaders listener, asked in the worker's own scope. */
function comparing(worker: Worker): Promise<boolean> {
  return worker.evaluate(() => chrome.webRequest.onBeforeSendHeaders.hasListeners());
}

async function setComparison(page: Page, on: boolean): Promise<void> {
  const settings = await value<PolicySettings>(page, { type: 'getPolicy' });
  await value(page, { type: 'setPolicy', settings: { ...settings, compareSentHeaders: on } });
}

test('the sent-header comparison: no listener while off (the default), Cookie headers compared once turned on, again after the worker is woken', async ({ context, site, serviceWorker, openPopup }) => {
  const popup = await openPopup();
  const page = await context.newPage();
  // A cookie in the browser and the jar, then a request that sends it: nothing is compared while off.
  await page.goto(site.setUrl('www.example.com', 'token=t1; Path=/'));
  await page.goto(site.url('www.example.com', '/echo'));
  expect(await page.textContent('body')).toBe('token=t1');
  expect(await comparing(serviceWorker)).toBe(false);
  expect(await value<SentHeaderEntry[]>(popup.page, { type: 'getSentHeaders' })).toEqual([]);

  await setComparison(popup.page, true);
  expect(await comparing(serviceWorker)).toBe(true);
  // Chrome registers the listener asynchronously: browse until a request is compared.
  let entries: SentHeaderEntry[] = [];
  await expect.poll(async () => {
    await page.goto(site.url('www.example.com', '/echo'));
    entries = await value<SentHeaderEntry[]>(popup.page, { type: 'getSentHeaders', site: 'www.example.com' });
    return entries.length;
  }).toBeGreaterThan(0);
  expect(entries[0]).toMatchObject({ url: site.url('www.example.com', '/echo'), browser: 'token=t1', jar: 'token=t1', same: true });
  // A cookie set by the page's script is in the browser's header, never in the jar's: the difference is shown.
  await page.evaluate(() => { document.cookie = 'script=1; path=/'; });
  await page.goto(site.url('www.example.com', '/echo?script'));
  await expect.poll(async () => {
    const all = await value<SentHeaderEntry[]>(popup.page, { type: 'getSentHeaders', site: 'www.example.com' });
    return all.find((e) => e.url.endsWith('/echo?script')) ?? null;
  }).toMatchObject({ browser: 'token=t1; script=1', jar: 'token=t1', same: false });

  // Stopped and woken again (by a message), the worker registers the listener again from the stored setting.
  await serviceWorker.evaluate(() => { (globalThis as { cjiMark?: number }).cjiMark = 1; });
  const blank = await context.newPage();
  const cdp = await context.newCDPSession(blank);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  expect(await value<PolicySettings>(popup.page, { type: 'getPolicy' })).toMatchObject({ compareSentHeaders: true });
  const woken = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
  expect(await woken.evaluate(() => (globalThis as { cjiMark?: number }).cjiMark ?? 'restarted')).toBe('restarted');
  await expect.poll(() => comparing(woken)).toBe(true);
  await page.goto(site.setUrl('www.example.com', 'late=1; Path=/'));
  await expect.poll(async () => {
    await page.goto(site.url('www.example.com', '/echo?after'));
    const after = await value<SentHeaderEntry[]>(popup.page, { type: 'getSentHeaders', site: 'www.example.com' });
    return after.find((e) => e.url.endsWith('/echo?after'))?.browser ?? null;
  }).toBe('token=t1; script=1; late=1');

  await setComparison(popup.page, false);
  expect(await comparing(woken)).toBe(false);
  const count = (await value<SentHeaderEntry[]>(popup.page, { type: 'getSentHeaders' })).length;
  await page.goto(site.url('www.example.com', '/echo?off'));
  // Once the worker has seen a later response, it would have seen that request's headers too.
  await page.goto(site.setUrl('www.example.com', 'marker=1'));
  await expect.poll(async () => (await value<DecisionEntry[]>(popup.page, { type: 'getDecisions' })).some((d) => d.line === 'marker=1')).toBe(true);
  expect((await value<SentHeaderEntry[]>(popup.page, { type: 'getSentHeaders' })).length).toBe(count);
});

test('a redirect chain is followed without onCompleted: the hop is a redirect of the first host, the next request of the same tab is not', async ({ context, site, openPopup }) => {
  const popup = await openPopup();
  const page = await context.newPage();
  const hop = site.setUrl('sso.tracker.test', 'sso=1; Path=/');
  await page.goto(site.url('www.example.com', `/redirect?to=${encodeURIComponent(hop)}&c=${encodeURIComponent('start=1; Path=/')}`));
  await page.goto(site.setUrl('sso.tracker.test', 'direct=1; Path=/'));
  let decisions: DecisionEntry[] = [];
  await expect.poll(async () => {
    decisions = await value<DecisionEntry[]>(popup.page, { type: 'getDecisions' });
    return decisions.map((d) => d.line);
  }).toEqual(['direct=1; Path=/', 'sso=1; Path=/', 'start=1; Path=/']);
  const [direct, sso, start] = decisions;
  expect(start).toMatchObject({ label: 'top-level', unverifiable: false });
  expect(sso).toMatchObject({ label: 'redirect', unverifiable: true, thirdParty: true, originReqHost: 'www.example.com' });
  expect(direct).toMatchObject({ label: 'top-level', unverifiable: false, originReqHost: 'sso.tracker.test' });
});
