// Records test/replay/e2e-site.har: Chromium browses the local e2e cookie site (e2e/site.ts) under
// real-looking host names and Playwright saves the HAR, the input of `replay`'s check against python3
// (test/replay/replay.test.ts). Run: npx tsx scripts/record-har.ts
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { requireBrowser } from '../e2e/browsers';
import { startCookieSite } from '../e2e/site';

const OUT = join(import.meta.dirname, '..', 'test', 'replay', 'e2e-site.har');

const site = await startCookieSite();
const browser = await chromium.launch({ executablePath: requireBrowser('chromium'), args: ['--host-resolver-rules=MAP * 127.0.0.1, EXCLUDE localhost', '--disable-quic'] });
const context = await browser.newContext({ recordHar: { path: OUT, content: 'omit' } });
const page = await context.newPage();
try {
  // The demo pages: host-only, domain and HttpOnly cookies on three sites.
  for (const host of ['www.example.com', 'shop.example.co.uk', 'tracker.test']) await page.goto(site.url(host, '/'));
  // Cookies that policies disagree about, set by a top-level page.
  await page.goto(site.setUrl('www.example.com',
    'wide=1; Domain=.example.com; Path=/', 'other_site=1; Domain=.other.test', 'public_suffix=1; Domain=.com',
    'deep=1; Path=/a/b', 'not_prefix=1; Path=/elsewhere', '$dollar=1', 'gone=1; Max-Age=0',
    'dated=1; Expires=Wed, 18 May 2033 03:33:20 GMT', 'short=1; Max-Age=60', 'sec=1; Secure', 'lax=1; SameSite=Lax; HttpOnly',
    'nodots=1; Domain=example', 'quoted="a b"; Path="/"', 'v1=1; Version=1; Comment=test'));
  // A page that embeds another site: third-party requests (frame and image) that set cookies.
  const tracker = site.setUrl('tracker.test', 'track=1; Path=/', 'track_dom=1; Domain=.tracker.test');
  const sibling = site.setUrl('shop.example.com', 'sibling=1; Domain=.example.com');
  await page.goto(site.url('www.example.com', `/embed?frame=${encodeURIComponent(tracker)}&img=${encodeURIComponent(sibling)}`));
  await page.waitForLoadState('networkidle');
  // A redirect chain that crosses sites: each hop sets a cookie.
  const last = site.setUrl('tracker.test', 'hop3=1');
  const middle = site.url('ads.tracker.test', `/redirect?to=${encodeURIComponent(last)}&c=${encodeURIComponent('hop2=1; Domain=.tracker.test')}`);
  await page.goto(site.url('www.example.com', `/redirect?to=${encodeURIComponent(middle)}&c=${encodeURIComponent('hop1=1')}`));
  // The same names again: replaced, then deleted.
  await page.goto(site.setUrl('www.example.com', 'visit=again; Path=/', 'wide=2; Domain=.example.com; Path=/', 'short=; Max-Age=0'));
} finally {
  await context.close();
  await browser.close();
  await site.close();
}
console.log(`wrote ${OUT}`);
