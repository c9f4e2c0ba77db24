// Records Chromium's answers to the IETF http-state cases, as tough-cookie carries them
// (/work/shared/corpora/ietf/):
// - the 222 parser cases (parser.mjs): for each, a fresh store, a top-level navigation to
//   http://home.example.org/cookie-parser?ID answering with the case's Set-Cookie lines byte for
//   byte, then a navigation to the case's result URL, whose Cookie header is Chromium's answer;
// - the 70 date examples (examples.mjs, bsd-examples.mjs): each as the Expires of a cookie, from a
//   response whose Date header is one hour before the date the suite expects, so that Chromium's
//   clock-skew correction puts a correctly read date one hour from now (an unreadable date makes
//   a session cookie).
// Writes src/browser-model/vectors/ietf-chromium.json and ietf-dates-chromium.json, which
// src/browser-model/ietf.test.ts replays against the model.
//
// Run by hand:  npx tsx scripts/browser-model/record-ietf.ts [corpus directory]
// Deterministic for the parser cases (the dates file holds the recording's clock).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchConformanceBrowser } from '../../e2e/browser-model/chromium';
import { startRawSite } from '../../e2e/browser-model/rawSite';
import { makeCertificate } from '../../e2e/tools';

interface IetfCase { test: string; received: string[]; 'sent-to'?: string; sent: { name: string; value: string }[] }

const ROOT = resolve(import.meta.dirname, '..', '..');
const CORPUS = process.argv[2] ?? '/work/shared/corpora/ietf';
const SOURCE = `${CORPUS}/parser.mjs`;
const OUT = resolve(ROOT, 'src/browser-model/vectors/ietf-chromium.json');
const DATES_OUT = resolve(ROOT, 'src/browser-model/vectors/ietf-dates-chromium.json');
interface DateExample { test: string; expected: string | null }
/** The port the cases name in absolute URLs; the recording maps it to the local site's. */
const CASE_PORT = 8888;

const cases = (await import(pathToFileURL(SOURCE).href) as { default: IetfCase[] }).default;
let current: string[] = [];
let currentHeaders: string[] = [];
const site = await startRawSite((request) => (
  request.target.startsWith('/cookie-parser?') || request.target.startsWith('/date?') ? { setCookie: current, headers: currentHeaders, body: 'set' } : { body: 'result' }
), await makeCertificate());
const chromium = await launchConformanceBrowser();
const dateExamples = [
  ...(await import(pathToFileURL(`${CORPUS}/examples.mjs`).href) as { default: DateExample[] }).default,
  ...(await import(pathToFileURL(`${CORPUS}/bsd-examples.mjs`).href) as { default: DateExample[] }).default,
];
const dates: unknown[] = [];
const results = [];
try {
  for (const entry of cases) {
    await chromium.clearCookies();
    current = entry.received;
    currentHeaders = [];
    const setUrl = `http://home.example.org:${CASE_PORT}/cookie-parser?${entry.test}`;
    const sentTo = new URL(entry['sent-to'] ?? `/cookie-parser-result?${entry.test}`, setUrl).href;
    const local = (url: string) => url.replace(`:${CASE_PORT}/`, `:${site.httpPort}/`);
    // A NUL makes Chromium refuse the whole response: the navigation fails, and that is its answer.
    const setError = await chromium.page.goto(local(setUrl)).then(() => null, (error: unknown) => String(error).split('\n')[0] ?? 'error');
    if (setError !== null) await chromium.page.waitForURL(/^chrome-error:/).catch(() => undefined);
    const before = site.requests.length;
    await chromium.page.goto(local(sentTo));
    const request = site.requests.slice(before).find((r) => r.target.startsWith('/cookie-parser-result'));
    if (request === undefined) throw new Error(`${entry.test}: the result request did not arrive`);
    const cookieHeader = request.cookie ?? null;
    const expected = entry.sent.map(({ name, value }) => (name === '' ? value : `${name}=${value}`)).join('; ');
    results.push({
      test: entry.test, received: entry.received, setUrl, sentTo,
      chromium: { cookieHeader, ...setError === null ? {} : { setResponseFailed: true } },
      suite: entry.sent,
      chromiumMatchesSuite: (cookieHeader ?? '') === expected,
    });
  }
  // The dates: one response per example (its own Date header).
  for (const [index, example] of dateExamples.entries()) {
    const expected = example.expected === null ? null : Date.parse(example.expected);
    const serverDate = (expected ?? Date.now()) - 3600_000;
    currentHeaders = [`Date: ${new Date(serverDate).toUTCString()}`];
    current = [`d${index}=1; Expires=${example.test}`];
    await chromium.page.goto(`http://dates.example.org:${site.httpPort}/date?${index}`);
    const at = Date.now();
    const cookie = (await chromium.allCookies()).find((c) => c.name === `d${index}`);
    dates.push({
      test: example.test, suiteExpects: example.expected, serverDate, at,
      chromium: cookie === undefined ? 'expired' : cookie.session ? 'session' : { expires: cookie.expires },
    });
    await chromium.clearCookies();
  }
} finally {
  await chromium.close();
  await site.close();
}
await writeFile(DATES_OUT, `${JSON.stringify({
  source: 'IETF http-state date examples (tough-cookie test/ietf_data/dates/, BSD-3), read by Chromium as Expires',
  chromium: chromium.version,
  dates,
}, null, 1)}\n`);
const agreeing = results.filter((r) => r.chromiumMatchesSuite).length;
await writeFile(OUT, `${JSON.stringify({
  source: 'IETF http-state parser cases (tough-cookie test/ietf_data/parser.json, BSD-3), answered by Chromium',
  chromium: chromium.version,
  port: CASE_PORT,
  cases: results,
}, null, 1)}\n`);
console.log(`${results.length} cases; Chromium ${chromium.version} answers ${agreeing} as the suite expects. Wrote ${OUT}`);
