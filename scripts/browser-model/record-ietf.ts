// Records a browser's answers to the IETF http-state cases, as tough-cookie carries them
// (/work/shared/corpora/ietf/):
// - the 222 parser cases (parser.mjs): for each, a fresh store, a response from
//   http://home.example.org/cookie-parser?ID with the case's Set-Cookie lines byte for byte, then a
//   request to the case's result URL, whose Cookie header is the browser's answer;
// - the 70 date examples (examples.mjs, bsd-examples.mjs): each as the Expires of a cookie, from a
//   response whose Date header is one hour before the date the suite expects, so that the clock-skew
//   correction puts a correctly read date one hour from now (an unreadable date makes a session
//   cookie).
// Chromium: top-level navigations, its store over the DevTools Protocol. Firefox: same-origin fetches
// from a page of the same host (WebDriver BiDi fails a navigation whose response has a control
// character in a header), its store through the cookie reader add-on.
// Writes src/browser-model/vectors/ietf-<browser>.json and ietf-dates-<browser>.json, which
// src/browser-model/ietf.test.ts replays against the model.
//
// Run by hand:  npx tsx scripts/browser-model/record-ietf.ts [chromium|firefox] [corpus directory]
// Deterministic for the parser cases (the dates file holds the recording's clock).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchConformanceBrowser } from '../../e2e/browser-model/chromium';
import { launchFirefoxConformance } from '../../e2e/browser-model/firefox';
import { startRawProxy, startRawSite, type RawSite } from '../../e2e/browser-model/rawSite';
import { makeCertificate } from '../../e2e/tools';

interface IetfCase { test: string; received: string[]; 'sent-to'?: string; sent: { name: string; value: string }[] }

/** What the recording needs of a browser. */
interface IetfBrowser {
  readonly version: string;
  clear(): Promise<void>;
  /** Requests a URL answering with Set-Cookie lines; an error text when the response failed as a whole. */
  set(url: string): Promise<string | null>;
  /** Requests a URL (its Cookie header reaches the site). */
  visit(url: string): Promise<void>;
  /** The stored cookie of that name, if any. */
  cookie(name: string): Promise<{ session: boolean; expires: number } | undefined>;
  close(): Promise<void>;
}

async function chromiumBrowser(): Promise<IetfBrowser> {
  const chromium = await launchConformanceBrowser();
  return {
    version: chromium.version,
    clear: () => chromium.clearCookies(),
    // A NUL makes Chromium refuse the whole response: the navigation fails, and that is its answer.
    set: async (url) => {
      const error = await chromium.page.goto(url).then(() => null, (e: unknown) => String(e).split('\n')[0] ?? 'error');
      if (error !== null) await chromium.page.waitForURL(/^chrome-error:/).catch(() => undefined);
      return error;
    },
    visit: async (url) => { await chromium.page.goto(url); },
    cookie: async (name) => (await chromium.cdpCookies()).find((c) => c.name === name),
    close: () => chromium.close(),
  };
}

async function firefoxBrowser(site: RawSite): Promise<IetfBrowser> {
  const proxy = await startRawProxy(site);
  const firefox = await launchFirefoxConformance('partitioned', proxy.port);
  const fetchFromOrigin = async (url: string): Promise<string | null> => {
    const origin = new URL(url).origin;
    if (!firefox.page.url().startsWith(`${origin}/`)) await firefox.page.goto(`${origin}/blank`, { waitUntil: 'load' });
    return firefox.page.evaluate((u) => fetch(u, { credentials: 'include' }).then(() => null, (e: unknown) => String(e)), url);
  };
  return {
    version: firefox.version,
    clear: () => firefox.clearCookies(),
    // A NUL makes Firefox refuse the whole response: the fetch fails, and that is its answer.
    set: fetchFromOrigin,
    visit: async (url) => { await fetchFromOrigin(url); },
    cookie: async (name) => {
      const cookie = (await firefox.allCookies()).find((c) => c.name === name);
      return cookie === undefined ? undefined : { session: cookie.expires < 0, expires: cookie.expires };
    },
    close: async () => {
      await firefox.close();
      await proxy.close();
    },
  };
}

const BROWSER = process.argv[2] === 'firefox' ? 'firefox' : 'chromium';
const ROOT = resolve(import.meta.dirname, '..', '..');
const CORPUS = process.argv[3] ?? '/work/shared/corpora/ietf';
const SOURCE = `${CORPUS}/parser.mjs`;
const OUT = resolve(ROOT, `src/browser-model/vectors/ietf-${BROWSER}.json`);
const DATES_OUT = resolve(ROOT, `src/browser-model/vectors/ietf-dates-${BROWSER}.json`);
const LABEL = BROWSER === 'firefox' ? 'Firefox' : 'Chromium';
interface DateExample { test: string; expected: string | null }
/** The port the cases name in absolute URLs; the recording maps it to the local site's. */
const CASE_PORT = 8888;

const cases = (await import(pathToFileURL(SOURCE).href) as { default: IetfCase[] }).default;
let current: string[] = [];
let currentHeaders: string[] = [];
const site = await startRawSite((request) => (
  request.target.startsWith('/cookie-parser?') || request.target.startsWith('/date?') ? { setCookie: current, headers: currentHeaders, body: 'set' } : { body: 'result' }
), await makeCertificate());
const browser = BROWSER === 'firefox' ? await firefoxBrowser(site) : await chromiumBrowser();
const dateExamples = [
  ...(await import(pathToFileURL(`${CORPUS}/examples.mjs`).href) as { default: DateExample[] }).default,
  ...(await import(pathToFileURL(`${CORPUS}/bsd-examples.mjs`).href) as { default: DateExample[] }).default,
];
const dates: unknown[] = [];
const results = [];
try {
  for (const entry of cases) {
    await browser.clear();
    current = entry.received;
    currentHeaders = [];
    const setUrl = `http://home.example.org:${CASE_PORT}/cookie-parser?${entry.test}`;
    const sentTo = new URL(entry['sent-to'] ?? `/cookie-parser-result?${entry.test}`, setUrl).href;
    const local = (url: string) => url.replace(`:${CASE_PORT}/`, `:${site.httpPort}/`);
    const setError = await browser.set(local(setUrl));
    const before = site.requests.length;
    await browser.visit(local(sentTo));
    const request = site.requests.slice(before).find((r) => r.target.startsWith('/cookie-parser-result'));
    if (request === undefined) throw new Error(`${entry.test}: the result request did not arrive`);
    const cookieHeader = request.cookie ?? null;
    const expected = entry.sent.map(({ name, value }) => (name === '' ? value : `${name}=${value}`)).join('; ');
    results.push({
      test: entry.test, received: entry.received, setUrl, sentTo,
      [BROWSER]: { cookieHeader, ...setError === null ? {} : { setResponseFailed: true } },
      suite: entry.sent,
      [`${BROWSER}MatchesSuite`]: (cookieHeader ?? '') === expected,
    });
  }
  // The dates: one response per example (its own Date header).
  for (const [index, example] of dateExamples.entries()) {
    const expected = example.expected === null ? null : Date.parse(example.expected);
    const serverDate = (expected ?? Date.now()) - 3600_000;
    currentHeaders = [`Date: ${new Date(serverDate).toUTCString()}`];
    current = [`d${index}=1; Expires=${example.test}`];
    await browser.set(`http://dates.example.org:${site.httpPort}/date?${index}`);
    const at = Date.now();
    const cookie = await browser.cookie(`d${index}`);
    dates.push({
      test: example.test, suiteExpects: example.expected, serverDate, at,
      [BROWSER]: cookie === undefined ? 'expired' : cookie.session ? 'session' : { expires: cookie.expires },
    });
    await browser.clear();
  }
} finally {
  await browser.close();
  await site.close();
}
await writeFile(DATES_OUT, `${JSON.stringify({
  source: `IETF http-state date examples (tough-cookie test/ietf_data/dates/, BSD-3), read by ${LABEL} as Expires`,
  [BROWSER]: browser.version,
  dates,
}, null, 1)}\n`);
const agreeing = results.filter((r) => r[`${BROWSER}MatchesSuite`] === true).length;
await writeFile(OUT, `${JSON.stringify({
  source: `IETF http-state parser cases (tough-cookie test/ietf_data/parser.json, BSD-3), answered by ${LABEL}`,
  [BROWSER]: browser.version,
  port: CASE_PORT,
  cases: results,
}, null, 1)}\n`);
console.log(`${results.length} cases; ${LABEL} ${browser.version} answers ${agreeing} as the suite expects. Wrote ${OUT}`);
