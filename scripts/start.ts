// `npm start`: opens Chromium with the freshly built extension on the bundled demo cookie site.
// With a display it is a normal window you can use; without one it runs headless, browses the
// demo hosts itself and prints what the extension recorded, so it still shows the product working.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionIdOf, launchWithExtension, PopupPage, serviceWorkerOf, waitUntilObserving } from '../e2e/fixtures';
import { startCookieSite } from '../e2e/site';

const DEMO_HOSTS = ['www.example.com', 'shop.example.co.uk', 'tracker.test'];

const site = await startCookieSite(Number(process.env['DEMO_PORT'] ?? 0));
const headed = Boolean(process.env['DISPLAY'] ?? process.env['WAYLAND_DISPLAY']);
const context = await launchWithExtension(await mkdtemp(join(tmpdir(), 'cji-start-')), !headed);
const extensionId = extensionIdOf(await serviceWorkerOf(context));
const popupUrl = `chrome-extension://${extensionId}/src/popup/index.html`;
await waitUntilObserving(context, extensionId, site);

console.log(`Demo cookie site: ${DEMO_HOSTS.map((host) => site.url(host)).join('  ')}`);
console.log(`Extension loaded (id ${extensionId}); its UI in a tab: ${popupUrl}`);

if (headed) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(site.url(DEMO_HOSTS[0] ?? 'www.example.com'));
  const popup = await context.newPage();
  await popup.goto(popupUrl);
  console.log('Browse the demo hosts, then click the extension’s toolbar button. Close the browser to stop.');
  await new Promise<void>((resolve) => context.on('close', () => { resolve(); }));
} else {
  console.log('No display: running headless and browsing the demo hosts.');
  const page = await context.newPage();
  for (const host of DEMO_HOSTS) await page.goto(site.url(host));
  const popup = await PopupPage.open(context, extensionId);
  await popup.showView('Decisions');
  const lines = popup.observedLines();
  const expected = site.sent.reduce((count, response) => count + response.lines.length, 0);
  await lines.nth(expected - 1).waitFor({ timeout: 10_000 });
  console.log(`\nThe extension recorded ${await lines.count()} Set-Cookie lines (the site sent ${expected}):`);
  for (const line of await lines.all()) {
    // The Decisions row's cells: time, outcome, host, Set-Cookie line, rule.
    const [, outcome, host] = await line.locator('xpath=..').getByRole('gridcell').allTextContents();
    console.log(`  ${host ?? ''}  ${await line.textContent() ?? ''}  (${outcome ?? ''})`);
  }
  await context.close();
}
await site.close();
