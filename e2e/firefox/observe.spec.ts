// The background in real Firefox: Set-Cookie lines from several hosts reach it and show in the UI,
// and requests are labelled first- and third-party as in Chromium (e2e/background.spec.ts).
import type { Page } from 'puppeteer-core';
import type { DecisionEntry } from '../../src/shared/protocol';
import { expect, openExtensionPage, poll, test, value } from './fixtures';

async function decisionFor(page: Page, line: string): Promise<DecisionEntry> {
  return poll(`the decision for ${line}`, async () => (await value<DecisionEntry[]>(page, { type: 'getDecisions' })).find((d) => d.line === line));
}

test('Set-Cookie lines from several hosts reach the background and show in the popup', async ({ firefox, site, openPopup }) => {
  const page = await firefox.newPage();
  const hosts = ['www.example.com', 'shop.example.co.uk', 'tracker.test'];
  for (const host of hosts) {
    const response = await page.goto(site.url(host));
    expect(response?.status()).toBe(200);
    expect(await page.$eval('h1', (h1) => h1.textContent)).toBe(host);
  }
  const sent = site.sent.flatMap((response) => response.lines);
  expect(sent).toHaveLength(9);

  const popup = await openPopup();
  await popup.showView('Decisions');
  const rows = await poll('every line in the Decisions view', async () => {
    const shown = await popup.decisionRows();
    return shown.length === sent.length ? shown : undefined;
  });
  // Firefox joins a response's Set-Cookie lines with "\n": each shows as a line of its own, exactly.
  expect(rows.map((row) => row[3]).sort()).toEqual([...sent].sort());
  expect(rows.map((row) => row[1])).toEqual(Array<string>(sent.length).fill('accepted'));
  expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(hosts));
});

test('first-party and third-party (iframe, image) cookies are told apart as in Chromium', async ({ firefox, site }) => {
  const popup = await openExtensionPage(firefox, 'src/popup/index.html');
  const page = await firefox.newPage();
  const frame = site.setUrl('tracker.test', 'framed=1; Path=/');
  const image = site.setUrl('ads.example.net', 'pixel=1; Path=/');
  await page.goto(site.url('www.example.com', `/embed?frame=${encodeURIComponent(frame)}&img=${encodeURIComponent(image)}`));
  await page.goto(site.setUrl('www.example.com', 'mine=1; Path=/'));
  expect(await decisionFor(popup, 'mine=1; Path=/')).toMatchObject({ label: 'top-level', thirdParty: false, accepted: true, resourceType: 'main_frame' });
  expect(await decisionFor(popup, 'framed=1; Path=/')).toMatchObject({
    label: 'third-party', thirdParty: true, unverifiable: true, resourceType: 'sub_frame', originReqHost: 'www.example.com', site: 'example.com', accepted: true,
  });
  expect(await decisionFor(popup, 'pixel=1; Path=/')).toMatchObject({ label: 'third-party', thirdParty: true, resourceType: 'image', originReqHost: 'www.example.com' });
  const cookies = await value<{ jar: { name: string }[] }>(popup, { type: 'getCookies', source: 'jar' });
  expect(cookies.jar.map((c) => c.name)).toEqual(expect.arrayContaining(['mine', 'framed', 'pixel']));
});
