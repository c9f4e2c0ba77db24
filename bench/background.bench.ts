// The service worker's cost, through the same Background code the worker runs (fake storage that
// counts what is written). Run: npm run bench:background
// 1. Per observed response: a burst of 1,000 responses × 5 Set-Cookie lines into a jar of 10,000
//    cookies: median, p90, p99 per response, and what the burst writes; without and with the
//    browser's verdicts (the model's prediction and the correlation of cookies.onChanged), in one run.
// 2. At the limits: the default bounds (3,000 cookies, 10,000 decisions), full, so that every
//    response evicts cookies and log entries: the cost stays per response, not per site or entry.
// 3. Storage per site: a jar of 30,000 cookies over 3,000 sites; a burst touching one site writes
//    that site's record (and one log page), not the jar: records and bytes written, against the
//    bytes of the whole jar.
import { performance } from 'node:perf_hooks';
import { DEFAULT_SETTINGS } from '../src/shared/settings';
import { chromeRequest, fakeStorage, startFakeBrowser, withCookies, type FakeBrowser } from '../src/background/testing/fakeBrowser';
import { itemBytes } from '../src/background/store';
import { BrowserVerdicts } from '../src/background/browserVerdicts';
import { BrowserCookieStore, type RequestContext } from '../src/browser-model';
import type { CookieChange } from '../src/background/service';

const RESPONSES = 1_000;
const LINES = 5;

/** A Background without the default limits (3,000 cookies, 4 MiB, 10,000 decisions): the jars and logs of 1 and 3 are larger on purpose (2 measures the limits). */
async function bigJar(options: { verdicts?: boolean } = {}): Promise<FakeBrowser> {
  const fake = startFakeBrowser({
    local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, maxCookies: 100_000 } }),
    background: { flushDelayMs: 1000, now: () => Date.now(), ...options, limits: { mirror: { bytes: 1024 * 1024 * 1024 }, log: { bytes: 1024 * 1024 * 1024, decisions: 1_000_000 } } },
  });
  await fake.background.ready;
  return fake;
}

/**
 * Fills the jar with `sites` sites of `perSite` cookies each, as first-party responses, each
 * followed by the cookies.onChanged events of the browser storing them (as a browser model decides).
 */
function fill(fake: FakeBrowser, sites: number, perSite: number): void {
  const browserStore = new BrowserCookieStore({ now: () => Date.now() });
  for (let site = 0; site < sites; site++) {
    const lines = Array.from({ length: perSite }, (_, i) => `fill${i}=v${site}-${i}; Path=/; Max-Age=86400`);
    const url = `http://www${site}.site${site}.example/`;
    fake.background.onHeadersReceived(withCookies(chromeRequest(url, { tabId: 1, timeStamp: Date.now() }), ...lines));
    for (const change of browserChanges(browserStore, lines, { url })) fake.events.cookies.onChanged.dispatch(change);
  }
}

/** The cookies.onChanged events a browser sends for a response (additions; an overwrite's removal first). */
function browserChanges(browserStore: BrowserCookieStore, lines: readonly string[], context: RequestContext): CookieChange[] {
  const changes: CookieChange[] = [];
  for (const verdict of browserStore.setFromResponse(lines, context)) {
    if (verdict.cookie === undefined || !verdict.stored) continue;
    changes.push({ removed: false, cause: 'explicit', cookie: { ...verdict.cookie, storeId: '0' } });
  }
  return changes;
}

const writtenKeys = (fake: FakeBrowser): number => fake.session.written.reduce((n, keys) => n + keys.length, 0) + fake.local.written.reduce((n, keys) => n + keys.length, 0);
const bytesOf = (fake: FakeBrowser, keys: readonly string[]): number => keys.reduce((n, key) => n + itemBytes(key, fake.session.data[key]), 0);

// --- 1. per response ----------------------------------------------------------------------------
/** One burst's figures: the cost per response (µs) and what the burst wrote. */
interface Burst { median: number; p90: number; p99: number; totalMs: number; calls: number; records: number }

const quantile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

/**
 * A page with third-party resources: every 10th response is a top-level navigation (its 5 cookies
 * stored), the rest third-party images and scripts (refused: third-party cookies blocked, and a
 * Domain of another site). With `verdicts`, each response is followed by the cookies.onChanged
 * events the browser sends for it (as an oracle model of the browser's store decides), and the
 * cost per response is the response's event plus its changes.
 */
async function burst(verdicts: boolean): Promise<Burst> {
  const fake = await bigJar({ verdicts });
  fill(fake, 1_000, 10);
  await fake.background.flush();
  const writesBefore = fake.session.written.length;
  const browserStore = new BrowserCookieStore({ now: () => Date.now() });
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < RESPONSES; i++) {
    const type = i % 10 === 0 ? 'main_frame' : i % 3 === 0 ? 'image' : 'script';
    const host = type === 'main_frame' ? `www${i}.burst.example` : `cdn${i % 50}.thirdparty${i % 7}.test`;
    const lines = Array.from({ length: LINES }, (_, j) => `b${j}=${i}-${j}; Path=/; Max-Age=3600${j === 4 ? '; Domain=.burst.example' : ''}`);
    const url = `http://${host}/r${i}`;
    const details = withCookies(chromeRequest(url, { tabId: 2, type, timeStamp: Date.now() }), ...lines);
    const context = type === 'main_frame' ? { url } : { url, topLevelUrl: 'http://www0.burst.example/' };
    const changes = verdicts ? browserChanges(browserStore, lines, context) : [];
    const t = performance.now();
    fake.background.onHeadersReceived(details);
    for (const change of changes) fake.events.cookies.onChanged.dispatch(change);
    times.push(performance.now() - t);
  }
  const totalMs = performance.now() - start;
  // The burst lasted well under a second: wait for the batched write, as the worker would.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await fake.background.flush();
  const batch = fake.session.written.slice(writesBefore);
  times.sort((a, b) => a - b);
  return {
    median: quantile(times, 0.5) * 1000, p90: quantile(times, 0.9) * 1000, p99: quantile(times, 0.99) * 1000,
    totalMs, calls: batch.length, records: batch.flat().length,
  };
}

/** The model alone on the same responses (BrowserVerdicts.judge: predict, and wait for the changes). */
function modelAlone(): { median: number; p99: number } {
  const verdicts = new BrowserVerdicts({ browser: 'chromium', now: () => Date.now() });
  verdicts.seed([]);
  const times: number[] = [];
  for (let i = 0; i < RESPONSES; i++) {
    const main = i % 10 === 0;
    const url = main ? `http://www${i}.burst.example/r${i}` : `http://cdn${i % 50}.thirdparty${i % 7}.test/r${i}`;
    const lines = Array.from({ length: LINES }, (_, j) => `b${j}=${i}-${j}; Path=/; Max-Age=3600${j === 4 ? '; Domain=.burst.example' : ''}`);
    const context = main ? { url, kind: 'top-level' as const, initiator: null } : { url, kind: 'subresource' as const, topLevelUrl: 'http://www0.burst.example/' };
    const t = performance.now();
    verdicts.judge(lines, context, () => undefined);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5) * 1000, p99: quantile(times, 0.99) * 1000 };
}

{
  console.log(`1. per observed response: a burst of ${RESPONSES} responses x ${LINES} Set-Cookie lines into a jar of 10,000 cookies over 1,000 sites`);
  // Interleaved rounds, so that the machine's other work weighs on both alike; the medians of the rounds are reported.
  const without: Burst[] = [];
  const withVerdicts: Burst[] = [];
  for (let round = 0; round < 3; round++) {
    without.push(await burst(false));
    withVerdicts.push(await burst(true));
  }
  const mid = (list: Burst[], key: keyof Burst): number => [...list].sort((a, b) => a[key] - b[key])[Math.floor(list.length / 2)]?.[key] ?? NaN;
  const row = (label: string, list: Burst[]) => { console.log(
    `   ${label}: median ${mid(list, 'median').toFixed(1)} µs, p90 ${mid(list, 'p90').toFixed(1)} µs, p99 ${mid(list, 'p99').toFixed(1)} µs per response; `
    + `burst ${mid(list, 'totalMs').toFixed(0)} ms; written ${mid(list, 'records')} records in ${mid(list, 'calls')} set() call(s)`); };
  row('without the browser\'s verdicts (the policy, the mirror, the log)', without);
  row('with them (the model\'s prediction, its changes correlated)    ', withVerdicts);
  console.log(`   the browser's verdicts add ${(mid(withVerdicts, 'median') - mid(without, 'median')).toFixed(1)} µs median, ${(mid(withVerdicts, 'p99') - mid(without, 'p99')).toFixed(1)} µs p99 per response (budget: 20 µs median)`);
  const alone = [modelAlone(), modelAlone(), modelAlone()].sort((a, b) => a.median - b.median)[1];
  console.log(`   the model alone (BrowserVerdicts.judge on the same lines): median ${alone?.median.toFixed(1)} µs, p99 ${alone?.p99.toFixed(1)} µs per response`);
}

/** Median, p90, p99 in µs of `RESPONSES` responses of 5 lines, through `fake`. */
function burstThrough(fake: FakeBrowser, prefix: string): { median: number; p90: number; p99: number } {
  const times: number[] = [];
  for (let i = 0; i < RESPONSES; i++) {
    const type = i % 10 === 0 ? 'main_frame' : i % 3 === 0 ? 'image' : 'script';
    const host = type === 'main_frame' ? `www${i}.${prefix}.example` : `cdn${i % 50}.${prefix}${i % 7}.test`;
    const lines = Array.from({ length: LINES }, (_, j) => `b${j}=${i}-${j}; Path=/; Max-Age=3600`);
    const details = withCookies(chromeRequest(`http://${host}/r${i}`, { tabId: 2, type }), ...lines);
    const t = performance.now();
    fake.background.onHeadersReceived(details);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN) * 1000;
  return { median: q(0.5), p90: q(0.9), p99: q(0.99) };
}

// --- 2. at the limits -------------------------------------------------------------------------------
{
  const fake = startFakeBrowser({ background: { flushDelayMs: 1000, now: () => Date.now() } });
  await fake.background.ready;
  fill(fake, 1_000, 10);
  burstThrough(fake, 'warm');
  const status = fake.background.status();
  const evictedBefore = status.limits.evicted;
  const times = burstThrough(fake, 'atcap');
  const after = fake.background.status();
  console.log(`2. at the default limits: ${after.jarSize} cookies (limit ${after.limits.maxCookies}), ${after.decisions} decisions (limit ${after.decisionLimit}), ${after.limits.evicted - evictedBefore} cookies evicted by the burst`);
  console.log(`   per response: median ${times.median.toFixed(1)} µs, p90 ${times.p90.toFixed(1)} µs, p99 ${times.p99.toFixed(1)} µs`);
  await fake.background.flush();
}

// --- 3. a burst on one site of a 30,000-cookie jar ------------------------------------------------
{
  const fake = await bigJar();
  fill(fake, 3_000, 10);
  await fake.background.flush();
  const jarKeys = Object.keys(fake.session.data).filter((key) => key.startsWith('jar/'));
  const jarBytes = bytesOf(fake, jarKeys);
  console.log(`3. jar: ${fake.background.jar.size} cookies over ${jarKeys.length} sites; stored ${(jarBytes / 1024 / 1024).toFixed(2)} MB in ${jarKeys.length} site records`);
  const keysBefore = writtenKeys(fake);
  const callsBefore = fake.session.written.length;
  // A burst: 100 responses of one site (its page, then its API), a new cookie and an update each.
  fake.background.onHeadersReceived(withCookies(chromeRequest('http://www1234.site1234.example/app', { tabId: 3 }), 'visit=1; Path=/'));
  for (let i = 1; i < 100; i++) {
    fake.background.onHeadersReceived(withCookies(chromeRequest(`http://www1234.site1234.example/api/${i}`, { tabId: 3, type: 'xmlhttprequest' }), `burst${i}=1; Path=/`, `fill0=updated${i}; Path=/`));
  }
  const t = performance.now();
  await fake.background.flush();
  const flushMs = performance.now() - t;
  const written = fake.session.written.slice(callsBefore).flat();
  const writtenBytes = bytesOf(fake, written);
  console.log(`   a burst of 100 responses on one site wrote ${writtenKeys(fake) - keysBefore} records in ${fake.session.written.length - callsBefore} set() call: ${written.join(', ')}`);
  const jarWritten = bytesOf(fake, written.filter((key) => key.startsWith('jar/')));
  console.log(`   ${(writtenBytes / 1024).toFixed(1)} KB written in all; of the jar, ${(jarWritten / 1024).toFixed(1)} KB: ${(100 * jarWritten / jarBytes).toFixed(2)}% of the stored jar; the flush took ${flushMs.toFixed(1)} ms`);
}
