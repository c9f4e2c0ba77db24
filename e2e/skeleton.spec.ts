import { expect, test } from './fixtures';

test('Set-Cookie lines from two hosts reach the service worker and show in the popup', async ({ context, site, openPopup }) => {
  const page = await context.newPage();
  for (const host of ['www.example.com', 'shop.example.co.uk']) {
    const response = await page.goto(site.url(host));
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText(host);
  }
  const sent = site.sent.flatMap((response) => response.lines);
  expect(new Set(site.sent.map((response) => response.host))).toEqual(new Set(['www.example.com', 'shop.example.co.uk']));
  expect(sent.length).toBeGreaterThanOrEqual(6);

  const popup = await openPopup();
  await popup.showView('Decisions');
  // Every line the server sent is listed, exactly (the popup shows the newest first).
  await expect(popup.observedLines()).toHaveCount(sent.length);
  const shown = await popup.observedLines().allTextContents();
  expect([...shown].sort()).toEqual([...sent].sort());
  // Each line shows the jar's decision: the demo cookies are all accepted under Python's default policy.
  await expect(popup.observedLines().and(popup.page.locator('[data-accepted="true"]'))).toHaveCount(sent.length);
  await expect(popup.page.getByRole('gridcell', { name: 'www.example.com', exact: false }).first()).toBeVisible();
  await expect(popup.page.getByRole('gridcell', { name: 'shop.example.co.uk', exact: false }).first()).toBeVisible();
});
