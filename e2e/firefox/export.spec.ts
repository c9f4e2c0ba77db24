// Cookies made by browsing in Firefox, exported through the popup's Export view for curl, and
// handed to the real curl: it must send back the Cookie header the browser got (as e2e/export.spec.ts
// checks in Chromium for every tool).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cookiePairs, runTool, startProxy } from '../tools';
import { expect, poll, test } from './fixtures';

test('an export for curl: curl -b sends back the cookies Firefox got, per host and path', async ({ firefox, site, openPopup }) => {
  const page = await firefox.newPage();
  await page.goto(site.url('www.example.com'));
  await page.goto(site.setUrl('www.example.com', 'deep=1; Path=/a'));
  await page.goto(site.setUrl('www.example.com', 'other=1; Path=/b'));
  await page.goto(site.url('shop.example.co.uk'));

  const popup = await openPopup(site.url('www.example.com'));
  await popup.showView('Export');
  await popup.page.select('select[name=scope]', 'all');
  await popup.page.select('select[name=format]', 'mozilla');
  await popup.page.select('select[name=dialect]', 'curl');
  const text = await poll('the curl export', async () => {
    const shown = await popup.page.evaluate(() => document.querySelector<HTMLTextAreaElement>('[data-testid=export-text]')?.value ?? '');
    return /for curl -b/.test(shown) && shown.includes('deep') ? shown : undefined;
  });
  // HttpOnly cookies are kept, with curl's #HttpOnly_ prefix.
  expect(text).toMatch(/^#HttpOnly_www\.example\.com\tFALSE\t\/\tFALSE\t0\tsession_id\ts15x$/m);

  const dir = await mkdtemp(join(tmpdir(), 'cji-ff-export-'));
  const proxy = await startProxy(site.port, site.port);
  try {
    const file = join(dir, 'cookies.txt');
    await writeFile(file, text);
    site.received.length = 0;
    const urls = [site.url('www.example.com', '/a/x'), site.url('www.example.com', '/b/'), site.url('shop.example.co.uk', '/')];
    for (const result of await runTool('curl', file, urls, proxy)) expect(result.code, `curl ${result.url}: ${result.stderr}`).toBe(0);
    const sent = (host: string, path: string) => site.received.filter((r) => r.host === host && r.path === path).map((r) => cookiePairs(r.cookie));
    expect(sent('www.example.com', '/a/x')).toEqual([['deep=1', 'session_id=s15x', 'theme=dark', 'visit=www.example.com']]);
    expect(sent('www.example.com', '/b/')).toEqual([['other=1', 'session_id=s15x', 'theme=dark', 'visit=www.example.com']]);
    expect(sent('shop.example.co.uk', '/')).toEqual([['session_id=s18x', 'theme=dark', 'visit=shop.example.co.uk']]);
  } finally {
    await proxy.close();
    await rm(dir, { recursive: true, force: true });
  }
});
