// Cookies made by real browsing in Chromium (HTTP and HTTPS, host-only and domain, session,
// HttpOnly, Secure, several paths), exported through the popup's Export view, and handed to the real
// tools: each must send the expected Cookie header back to the local site, which records it.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type PopupPage } from './fixtures';
import { startCookieSite, type CookieSite } from './site';
import { cookiePairs, makeCertificate, runTool, startProxy, type Proxy, type Tool } from './tools';

/** What every tool must send for each request, as sorted `name=value` pairs. */
const EXPECTED = {
  // Host-only, domain, session + HttpOnly + SameSite, and a path cookie; not /b's nor the HTTPS host's.
  wwwDeep: ['deep=1', 'session_id=s15x', 'theme=dark', 'visit=www.example.com'],
  // Over HTTPS: the Secure cookie, a session cookie set over HTTPS, and the .example.com domain cookie.
  secureHttps: ['sec=1', 'theme=dark', 'tls_session=1'],
  // The same host over plain HTTP: everything but the Secure cookie.
  secureHttp: ['theme=dark', 'tls_session=1'],
};

type Case = { tool: Tool; format: 'mozilla' | 'lwp'; dialect: 'curl' | 'wget' | 'yt-dlp' | 'python'; signature: RegExp };
const CASES: Case[] = [
  { tool: 'curl', format: 'mozilla', dialect: 'curl', signature: /for curl -b/ },
  { tool: 'wget', format: 'mozilla', dialect: 'wget', signature: /for wget --load-cookies/ },
  { tool: 'yt-dlp', format: 'mozilla', dialect: 'yt-dlp', signature: /for yt-dlp --cookies/ },
  { tool: 'python-mozilla', format: 'mozilla', dialect: 'python', signature: /^# Netscape HTTP Cookie File\n(?!# Written by)/ },
  { tool: 'python-lwp', format: 'lwp', dialect: 'python', signature: /^#LWP-Cookies-2\.0/ },
  { tool: 'perl-lwp', format: 'lwp', dialect: 'python', signature: /^#LWP-Cookies-2\.0/ },
];

async function exportThroughPopup(popup: PopupPage, format: 'mozilla' | 'lwp', dialect: Case['dialect'], signature: RegExp): Promise<string> {
  const page = popup.page;
  await page.locator('select[name=scope]').selectOption('all');
  await page.locator('select[name=format]').selectOption(format);
  if (format === 'mozilla') await page.locator('select[name=dialect]').selectOption(dialect);
  const preview = page.getByTestId('export-text');
  await expect.poll(() => preview.inputValue()).toMatch(signature);
  await expect(page.getByTestId('export-count')).toHaveText('7 cookies');
  return preview.inputValue();
}

test.describe('export to the real tools', () => {
  let https: CookieSite;
  let proxy: Proxy;
  let dir: string;

  test.beforeEach(async ({ site }) => {
    https = await startCookieSite(0, await makeCertificate());
    proxy = await startProxy(site.port, https.port);
    dir = await mkdtemp(join(tmpdir(), 'cji-export-'));
  });
  test.afterEach(async () => {
    await proxy.close();
    await https.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('curl, wget, yt-dlp, Python (Mozilla and LWP) and Perl send back what the browser got', async ({ context, site, openPopup }, testInfo) => {
    const page = await context.newPage();
    await page.goto(site.url('www.example.com', '/'));
    await page.goto(site.setUrl('www.example.com', 'deep=1; Path=/a'));
    await page.goto(site.setUrl('www.example.com', 'other=1; Path=/b'));
    await page.goto(https.setUrl('secure.example.com', 'sec=1; Secure; Path=/; Max-Age=3600', 'tls_session=1; Path=/'));

    const popup = await openPopup(site.url('www.example.com', '/'));
    await popup.showView('Export');
    const urls = { wwwDeep: site.url('www.example.com', '/a/x'), secureHttps: https.url('secure.example.com', '/check'), secureHttp: site.url('secure.example.com', '/check') };

    for (const { tool, format, dialect, signature } of CASES) {
      const text = await exportThroughPopup(popup, format, dialect, signature);
      const file = join(dir, `${tool}.${format === 'lwp' ? 'lwp' : 'txt'}`);
      await writeFile(file, text);
      await testInfo.attach(`${tool} file`, { body: text, contentType: 'text/plain' });
      site.received.length = 0;
      https.received.length = 0;
      const results = await runTool(tool, file, Object.values(urls), proxy);
      for (const result of results) expect(result.code, `${tool} ${result.url}: ${result.stderr}`).toBe(0);
      const sentTo = (server: CookieSite, host: string, path: string) =>
        server.received.filter((r) => r.host === host && r.path === path).map((r) => cookiePairs(r.cookie));
      expect(sentTo(site, 'www.example.com', '/a/x'), `${tool}: www.example.com/a/x`).toContainEqual(EXPECTED.wwwDeep);
      expect(sentTo(https, 'secure.example.com', '/check'), `${tool}: https secure.example.com`).toContainEqual(EXPECTED.secureHttps);
      expect(sentTo(site, 'secure.example.com', '/check'), `${tool}: http secure.example.com`).toContainEqual(EXPECTED.secureHttp);
    }
  });

  test('the export warns before saving, and "Save file" saves the file through the downloads API', async ({ context, site, openPopup }) => {
    const page = await context.newPage();
    await page.goto(site.url('www.example.com', '/'));
    const popup = await openPopup(site.url('www.example.com', '/'));
    await popup.showView('Export');
    await popup.page.locator('select[name=dialect]').selectOption('wget');
    const warnings = popup.page.getByTestId('export-warning');
    await expect(warnings.filter({ hasText: /SameSite/ })).toHaveCount(1);
    await expect(warnings.filter({ hasText: /HttpOnly flag is lost/ })).toHaveCount(1);
    const text = await popup.page.getByTestId('export-text').inputValue();
    await popup.page.getByRole('button', { name: 'Save file' }).click();
    await expect(popup.page.getByText(/Saved 3 cookies as cookies-www\.example\.com\.txt/)).toBeVisible();
    const saved = await popup.page.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const [item] = await chrome.downloads.search({ orderBy: ['-startTime'], limit: 1 });
        if (item?.state === 'complete') return { filename: item.filename, mime: item.mime };
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return null;
    });
    expect(saved).not.toBeNull();
    if (saved !== null) expect(await readFile(saved.filename, 'utf8')).toBe(text);
  });

  test('the Cookie header for a URL, handed to curl -H, sends what the browser itself sends there', async ({ context, site, openPopup }) => {
    const page = await context.newPage();
    await page.goto(site.url('www.example.com', '/'));
    await page.goto(site.setUrl('www.example.com', 'deep=1; Path=/a', 'other=1; Path=/b', 'quoted="a b"; Path=/'));
    await page.goto(https.setUrl('secure.example.com', 'sec=1; Secure; Path=/; Max-Age=3600'));
    const popup = await openPopup(site.url('www.example.com', '/'));
    await popup.showView('Export');
    const ui = popup.page;
    await ui.locator('select[name=format]').selectOption('header');
    const target = site.url('www.example.com', '/a/echo');
    await ui.getByLabel('For the URL').fill(target);
    await expect(ui.getByTestId('export-count')).toHaveText('5 cookies');
    const text = await ui.getByTestId('export-text').inputValue();
    expect(text).toMatch(/^Cookie: [^\n]+\n$/);

    // What Chromium sends to that URL (the site records it), and what curl sends with the exported header.
    site.received.length = 0;
    await page.goto(target);
    const browserSent = cookiePairs(site.received.find((r) => r.path === '/a/echo')?.cookie);
    expect(browserSent).toEqual(['deep=1', 'quoted="a b"', 'session_id=s15x', 'theme=dark', 'visit=www.example.com']);
    site.received.length = 0;
    const { hostname, port } = new URL(target);
    const code = await new Promise<number>((resolve) => {
      execFile('curl', ['-sS', '-o', '/dev/null', '-H', text.trimEnd(), '--resolve', `${hostname}:${port}:127.0.0.1`, target], { timeout: 30_000 }, (error) => {
        resolve(error === null ? 0 : typeof error.code === 'number' ? error.code : 1);
      });
    });
    expect(code).toBe(0);
    expect(cookiePairs(site.received.find((r) => r.path === '/a/echo')?.cookie)).toEqual(browserSent);
  });
});
