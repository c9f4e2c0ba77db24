// The browser's own verdict beside the policy's, in real Chromium: the refusals of issue 10's first
// paragraph (SameSite=None without Secure, __Host- without Secure, Domain=.co.uk, Secure over http,
// a 4.1 KB cookie) and third-party tracker cookies, each predicted by the browser model with
// Chromium's reasons and observed through cookies.onChanged (observed equals predicted for each);
// a latin-1 value Chrome hands over as bytes; a cross-site SameSite=Lax cookie not sent from
// another site's page.
import type { Page } from '@playwright/test';
import type { BrowserVerdict, DecisionEntry, Message, Reply } from '../src/shared/protocol';
import { startCookieSite, type CookieSite } from './site';
import { makeCertificate } from './tools';
import { expect, test } from './fixtures';

async function value<T>(page: Page, message: Message): Promise<T> {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage<unknown, Reply<T>>(m), message);
  if (!reply.ok) throw new Error(`${reply.error.name}: ${reply.error.message}`);
  return reply.value;
}

/** The settled decision of a line (its browser verdict no longer pending). */
async function settled(page: Page, line: string): Promise<DecisionEntry & { browser: BrowserVerdict }> {
  let found: DecisionEntry | undefined;
  await expect.poll(async () => {
    found = (await value<DecisionEntry[]>(page, { type: 'getDecisions' })).find((d) => d.line === line);
    return found?.browser !== undefined && found.browser.pending !== true;
  }, { timeout: 15_000 }).toBe(true);
  return found as DecisionEntry & { browser: BrowserVerdict };
}

const BIG = `big=${'x'.repeat(4200)}`;

/** Each line, where it is set from, and the browser's expected verdict. */
const REFUSALS = [
  { line: 'none=1; SameSite=None', host: 'www.example.com', https: true, reasons: ['SameSiteNoneInsecure'] },
  { line: '__Host-sid=1; Path=/', host: 'www.example.com', https: true, reasons: ['InvalidPrefix'] },
  { line: 'supercookie=1; Domain=.co.uk', host: 'www.bbc.co.uk', https: true, reasons: ['InvalidDomain'] },
  { line: 'sec=1; Secure', host: 'www.example.com', https: false, reasons: ['SecureOnly'] },
  { line: BIG, host: 'www.example.com', https: false, reasons: ['NameValuePairExceedsMaxSize'] },
] as const;

test.describe('the browser’s verdict', () => {
  let https: CookieSite;
  test.beforeEach(async () => { https = await startCookieSite(0, await makeCertificate()); });
  test.afterEach(async () => { await https.close(); });

  test('the five refusals and third-party tracker cookies: Chromium’s reasons, observed as predicted; a stored line and a latin-1 one too', async ({ context, site, openPopup }) => {
    const popup = await openPopup();
    const page = await context.newPage();
    for (const { line, host, https: secure } of REFUSALS) await page.goto((secure ? https : site).setUrl(host, line));
    await page.goto(https.setUrl('www.example.com', 'ok=1; Path=/'));
    await page.goto(site.setUrl('www.example.com', 'lat=café; Path=/'));
    const trackers = ['track=1; SameSite=None; Secure', 'uid=42; SameSite=None; Secure; Max-Age=86400'];
    await page.goto(https.url('www.example.com', `/embed?img=${encodeURIComponent(https.setUrl('tracker.test', ...trackers))}`));

    for (const { line, reasons } of REFUSALS) {
      const decision = await settled(popup.page, line);
      expect(decision.browser, line).toMatchObject({ predicted: 'refused', stored: false, reasons });
      expect(decision.browser.flagged, line).toBeUndefined();
      expect(decision.browser.sentence, line).toBeTruthy();
    }
    for (const line of trackers) {
      const decision = await settled(popup.page, line);
      expect(decision, line).toMatchObject({ label: 'third-party', browser: { predicted: 'refused', stored: false, reasons: ['UserPreferences'] } });
    }
    expect((await settled(popup.page, 'ok=1; Path=/')).browser).toEqual({ stored: true, predicted: 'stored', reasons: [] });
    // Chrome hands the latin-1 byte over as binaryValue; it is read as the browser reads it.
    expect((await settled(popup.page, 'lat=caf\uFFFD; Path=/')).browser).toEqual({ stored: true, predicted: 'stored', reasons: [] });
    const status = await value<{ verdicts: { disagreements: number; thirdPartyCookies: string; thirdPartyCookiesKnown: boolean } }>(popup.page, { type: 'getStatus' });
    expect(status.verdicts).toMatchObject({ disagreements: 0, thirdPartyCookies: 'blocked', thirdPartyCookiesKnown: true });

    // The Decisions view: each refusal under the browser's reason filter, Browser "refused" with
    // Chromium's reason beside the policy's own outcome (the simulation accepts most of them).
    const ui = popup.page;
    await ui.reload();
    await popup.showView('Decisions');
    await ui.getByLabel('Which tab').selectOption('all');
    await ui.getByLabel('Browser', { exact: true }).selectOption('refused');
    const refusals = [...REFUSALS, ...trackers.map((line) => ({ line, reasons: ['UserPreferences'] }))];
    for (const { line, reasons } of refusals) {
      await ui.getByLabel('Browser reason').selectOption(reasons[0]);
      const row = ui.getByRole('row').filter({ has: ui.getByTestId('decision-line').filter({ hasText: line.slice(0, 40) }) });
      await expect(row.getByTestId('decision-browser'), line).toHaveAttribute('data-reasons', reasons.join(' '));
      await expect(row.getByTestId('decision-browser'), line).toContainText(`refused ${reasons.join(', ')}`);
      await row.getByTestId('decision-line').click();
      await expect(ui.getByRole('region', { name: 'Details of the decision' }), line).toContainText('Browser (the truth)The browser did not store it.');
    }
    // The policy accepted SameSite=None without Secure: the view shows both outcomes on one line.
    await ui.getByLabel('Browser reason').selectOption('SameSiteNoneInsecure');
    await expect(ui.getByRole('row').filter({ hasText: 'none=1; SameSite=None' }).getByTestId('decision-outcome')).toHaveText('accepted');

    // The Site view: every refused cookie the jar holds (all but the 4.1 KB one, over the jar's limit
    // too) is "only in jar", the browser's reason beside it.
    const jar = (await value<{ jar: { name: string }[] }>(popup.page, { type: 'getCookies', source: 'jar' })).jar.map((c) => c.name);
    const inJarOnly = refusals.map((r) => ({ ...r, name: r.line.slice(0, r.line.indexOf('=')) })).filter((r) => jar.includes(r.name));
    expect(inJarOnly.map((r) => r.name)).toEqual(['none', '__Host-sid', 'supercookie', 'sec', 'track', 'uid']);
    await popup.showView('Site');
    await ui.getByLabel('Scope').selectOption('all');
    for (const { name, reasons } of inJarOnly) {
      await ui.getByRole('searchbox').fill(name);
      const where = ui.getByRole('row').filter({ has: ui.getByTestId('cookie-name').getByText(name, { exact: true }) }).getByTestId('cookie-where');
      await expect(where, name).toContainText('only in jar');
      await expect(where, name).toHaveAttribute('data-note', 'browser-refused');
      await expect(where, name).toHaveAttribute('data-reasons', reasons.join(' '));
      await ui.getByTestId('cookie-name').getByText(name, { exact: true }).click();
      await expect(ui.getByTestId('cookie-note'), name).toContainText(`Why only in the jar: ${reasons.join('')} The browser refused it`);
    }
  });

  test('a SameSite=Lax cookie is not sent to its site from another site’s page, and is from its own', async ({ context, openPopup }) => {
    const popup = await openPopup();
    const page = await context.newPage();
    await page.goto(https.setUrl('shop.example.com', 'pref=blue; SameSite=Lax; Path=/'));
    expect((await settled(popup.page, 'pref=blue; SameSite=Lax; Path=/')).browser).toEqual({ stored: true, predicted: 'stored', reasons: [] });
    type Explained = { browser: { cookieHeader: string | null; cookies: { name: string; sent: boolean; reasons: string[] }[] } };
    const own = await value<Explained>(popup.page, { type: 'explain', url: https.url('shop.example.com', '/cart') });
    expect(own.browser.cookieHeader).toBe('pref=blue');
    const fromOther = await value<Explained>(popup.page, { type: 'explain', url: https.url('shop.example.com', '/cart'), topLevelUrl: https.url('blog.other.test', '/') });
    expect(fromOther.browser.cookieHeader).toBeNull();
    expect(fromOther.browser.cookies).toEqual([expect.objectContaining({ name: 'pref', sent: false, reasons: expect.arrayContaining(['SchemefulSameSiteLax']) })]);

    // The Why view, requested from another site's page: the browser does not send it (its reason and
    // sentence), while the policy, a simulation without SameSite, would.
    const ui = popup.page;
    await popup.showView('Why');
    await ui.getByLabel('URL').fill(https.url('shop.example.com', '/cart'));
    await ui.getByLabel('Requested from').fill(https.url('blog.other.test', '/'));
    await ui.getByRole('button', { name: 'Explain' }).click();
    await expect(ui.getByTestId('explained-request')).toContainText(`made from the page ${https.url('blog.other.test', '/')}`);
    await expect(ui.getByTestId('browser-cookie-header')).toHaveText('(none)');
    const pref = ui.getByTestId('browser-explained-cookie').filter({ hasText: 'pref' });
    await expect(pref).toContainText('not sent');
    await expect(pref).toHaveAttribute('data-reasons', /SchemefulSameSiteLax/);
    await expect(pref).toContainText(/SameSite=Lax/);
    await expect(ui.getByTestId('why-browser')).toContainText('Browser (the truth)');
    await expect(ui.getByTestId('why-policy')).toContainText('Policy (the simulation)');
    await expect(ui.getByTestId('cookie-header')).toHaveText('pref=blue');
    // From its own site's page the browser sends it.
    await ui.getByLabel('Requested from').fill(https.url('shop.example.com', '/'));
    await ui.getByRole('button', { name: 'Explain' }).click();
    await expect(ui.getByTestId('browser-cookie-header')).toHaveText('pref=blue');
  });
});
