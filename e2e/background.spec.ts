// The service worker in real Chromium: third-party detection, policies, replay, HTTPS, and a worker
// stopped through the DevTools Protocol that loses nothing.
import type { Page } from '@playwright/test';
import type { DecisionEntry, Message, Reply, Status } from '../src/shared/protocol';
import { DEFAULT_SETTINGS } from '../src/shared/settings';
import { startCookieSite } from './site';
import { makeCertificate } from './tools';
import { expect, test } from './fixtures';

/** Sends one protocol message from an extension page and returns the reply. */
async function send<T = unknown>(page: Page, message: Message): Promise<Reply<T>> {
  return page.evaluate((m) => chrome.runtime.sendMessage<unknown, Reply<T>>(m), message);
}
async function value<T>(page: Page, message: Message): Promise<T> {
  const reply = await send<T>(page, message);
  if (!reply.ok) throw new Error(`${reply.error.name}: ${reply.error.message}`);
  return reply.value;
}
/** The decisions for a line, waiting until the worker has logged it. */
async function decisionFor(page: Page, line: string): Promise<DecisionEntry> {
  let found: DecisionEntry | undefined;
  await expect.poll(async () => {
    found = (await value<DecisionEntry[]>(page, { type: 'getDecisions' })).find((d) => d.line === line);
    return found !== undefined;
  }).toBe(true);
  return found as DecisionEntry;
}

test('first-party and third-party (iframe, image) cookies are told apart', async ({ context, site, openPopup }) => {
  const popup = await openPopup();
  const page = await context.newPage();
  const frame = site.setUrl('tracker.test', 'framed=1; Path=/');
  const image = site.setUrl('ads.example.net', 'pixel=1; Path=/');
  await page.goto(site.url('www.example.com', `/embed?frame=${encodeURIComponent(frame)}&img=${encodeURIComponent(image)}`));
  await page.goto(site.setUrl('www.example.com', 'mine=1; Path=/'));
  expect(await decisionFor(popup.page, 'mine=1; Path=/')).toMatchObject({ label: 'top-level', thirdParty: false, accepted: true, resourceType: 'main_frame' });
  expect(await decisionFor(popup.page, 'framed=1; Path=/')).toMatchObject({
    label: 'third-party', thirdParty: true, unverifiable: true, resourceType: 'sub_frame', originReqHost: 'www.example.com', site: 'example.com', accepted: true,
  });
  expect(await decisionFor(popup.page, 'pixel=1; Path=/')).toMatchObject({ label: 'third-party', thirdParty: true, resourceType: 'image', originReqHost: 'www.example.com' });
  const cookies = await value<{ jar: { name: string }[] }>(popup.page, { type: 'getCookies', source: 'jar' });
  expect(cookies.jar.map((c) => c.name)).toEqual(expect.arrayContaining(['mine', 'framed', 'pixel']));
});

test('a blocked domain is refused with its reason; "Strict domains" refuses what the default accepts', async ({ context, site, openPopup }) => {
  const popup = await openPopup();
  const page = await context.newPage();
  const bad = await send(popup.page, { type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, blockedDomains: ['https://tracker.test'] } });
  expect(bad).toMatchObject({ ok: false, error: { name: 'BadRequest' } });
  await value(popup.page, { type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, blockedDomains: ['.tracker.test'] } });
  await page.goto(site.setUrl('www.tracker.test', 'blocked=1'));
  const blocked = await decisionFor(popup.page, 'blocked=1');
  expect(blocked).toMatchObject({ accepted: false, rule: 'set.domain.blocked' });
  expect(blocked.reason).toContain('tracker.test');

  await page.goto(site.setUrl('www.example.com', 'pathy=1; Path=/elsewhere'));
  expect(await decisionFor(popup.page, 'pathy=1; Path=/elsewhere')).toMatchObject({ accepted: true });
  await value(popup.page, { type: 'setPolicy', preset: 'Strict domains' });
  await page.goto(site.setUrl('www.example.com', 'pathy=2; Path=/elsewhere'));
  expect(await decisionFor(popup.page, 'pathy=2; Path=/elsewhere')).toMatchObject({ accepted: false, rule: 'set.path.mismatch' });
  // The preset keeps the blocked list.
  expect(await value(popup.page, { type: 'getPolicy' })).toMatchObject({ blockedDomains: ['.tracker.test'], strictDomain: true });
});

test('replay under a stricter policy lists what it would refuse, without touching the jar', async ({ context, site, openPopup }) => {
  const popup = await openPopup();
  const page = await context.newPage();
  const image = site.setUrl('ads.example.net', 'tp=1');
  await page.goto(site.url('www.example.com', `/embed?img=${encodeURIComponent(image)}`));
  await decisionFor(popup.page, 'tp=1');
  const before = await value<{ jar: unknown[] }>(popup.page, { type: 'getCookies', source: 'jar' });
  const replay = await value<{ newlyRefused: { line: string; rule?: string }[] }>(popup.page, { type: 'replay', preset: 'No third-party' });
  expect(replay.newlyRefused).toEqual([expect.objectContaining({ line: 'tp=1', rule: 'set.verifiability.third-party' })]);
  const after = await value<{ jar: unknown[] }>(popup.page, { type: 'getCookies', source: 'jar' });
  expect(after.jar).toHaveLength(before.jar.length);
});

test('an HTTPS origin with Secure cookies', async ({ context, openPopup }) => {
  const tls = await startCookieSite(0, await makeCertificate());
  try {
    const popup = await openPopup();
    const page = await context.newPage();
    await page.goto(tls.setUrl('secure.example.com', 'sec=1; Secure; Path=/', 'plain=1; Path=/'));
    expect(await decisionFor(popup.page, 'sec=1; Secure; Path=/')).toMatchObject({ accepted: true, requestUrl: expect.stringMatching(/^https:/) });
    const overHttps = await value<{ cookieHeader: string | null }>(popup.page, { type: 'explain', url: tls.url('secure.example.com') });
    expect(overHttps.cookieHeader).toBe('sec=1; plain=1');
    const overHttp = await value<{ cookieHeader: string | null; cookies: { cookie: { name: string }; sent: boolean; rule?: string }[] }>(
      popup.page, { type: 'explain', url: `http://secure.example.com:${tls.port}/` });
    expect(overHttp.cookieHeader).toBe('plain=1');
    expect(overHttp.cookies.find((c) => c.cookie.name === 'sec')).toMatchObject({ sent: false });
    const exported = await value<{ text: string }>(popup.page, { type: 'exportJar', format: 'mozilla', dialect: 'curl', site: 'secure.example.com' });
    expect(exported.text).toContain('secure.example.com\tFALSE\t/\tTRUE\t0\tsec\t1');
  } finally {
    await tls.close();
  }
});

test('the worker stopped through the DevTools Protocol and woken again has lost nothing', async ({ context, site, serviceWorker, openPopup }) => {
  const popup = await openPopup();
  const page = await context.newPage();
  for (const host of ['www.example.com', 'shop.example.co.uk', 'tracker.test']) await page.goto(site.url(host));
  await page.goto(site.setUrl('www.example.com', 'last=1; Max-Age=600'));
  await decisionFor(popup.page, 'last=1; Max-Age=600');
  const cookiesBefore = await value<{ jar: unknown[] }>(popup.page, { type: 'getCookies', source: 'jar' });
  const decisionsBefore = await value<DecisionEntry[]>(popup.page, { type: 'getDecisions' });
  expect(cookiesBefore.jar.length).toBeGreaterThanOrEqual(9);
  // Until everything is written (the batch follows the last change by about a second).
  await expect.poll(async () => (await value<Status>(popup.page, { type: 'getStatus' })).backlog, { timeout: 5000 }).toEqual({ queuedEvents: 0, pendingRecords: 0, writing: false });

  // A mark in the worker's global scope: a restarted worker has none.
  await serviceWorker.evaluate(() => { (globalThis as unknown as { cjiMark?: number }).cjiMark = 1; });
  // From a web page's session (one on an extension page would share the worker's process and hang).
  const blank = await context.newPage();
  const cdp = await context.newCDPSession(blank);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();

  // A message wakes a new worker, which loads the stored state.
  const cookiesAfter = await value<{ jar: unknown[] }>(popup.page, { type: 'getCookies', source: 'jar' });
  const decisionsAfter = await value<DecisionEntry[]>(popup.page, { type: 'getDecisions' });
  expect(cookiesAfter.jar).toEqual(cookiesBefore.jar);
  expect(decisionsAfter).toEqual(decisionsBefore);
  const worker = context.serviceWorkers()[0];
  expect(await worker?.evaluate(() => (globalThis as unknown as { cjiMark?: number }).cjiMark ?? 'restarted')).toBe('restarted');
  // And it still observes.
  await page.goto(site.setUrl('www.example.com', 'after=1'));
  expect(await decisionFor(popup.page, 'after=1')).toMatchObject({ accepted: true });
});
