// The service worker's cost, through the same Background code the worker runs (fake storage that
// counts what is written). Run: npm run bench:background
// 1. Per observed response: a burst of 1,000 responses × 5 Set-Cookie lines into a jar of 10,000
//    cookies: median, p90, p99 per response, and what the burst writes.
// 2. At the limits: the default bounds (3,000 cookies, 10,000 decisions), full, so that every
//    response evicts cookies and log entries: the cost stays per response, not per site or entry.
// 3. Storage per site: a jar of 30,000 cookies over 3,000 sites; a burst touching one site writes
//    that site's record (and one log page), not the jar: records and bytes written, against the
//    bytes of the whole jar.
import { performance } from 'node:perf_hooks';
import { DEFAULT_SETTINGS } from '../src/shared/settings';
import { chromeRequest, fakeStorage, startFakeBrowser, withCookies, type FakeBrowser } from '../src/background/testing/fakeBrowser';
import { itemBytes } from '../src/background/store';

const RESPONSES = 1_000;
const LINES = 5;

/** A Background without the default limits (3,000 cookies, 4 MiB, 10,000 decisions): the jars and logs of 1 and 3 are larger on purpose (2 measures the limits). */
async function bigJar(): Promise<FakeBrowser> {
  const fake = startFakeBrowser({
    local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, maxCookies: 100_000 } }),
    background: { flushDelayMs: 1000, limits: { mirror: { bytes: 1024 * 1024 * 1024 }, log: { bytes: 1024 * 1024 * 1024, decisions: 1_000_000 } } },
  });
  await fake.background.ready;
  return fake;
}

/** Fills the jar with `sites` sites of `perSite` cookies each, as first-party responses. */
function fill(fake: FakeBrowser, sites: number, perSite: number): void {
  for (let site = 0; site < sites; site++) {
    const lines = Array.from({ length: perSite }, (_, i) => `fill${i}=v${site}-${i}; Path=/; Max-Age=86400`);
    fake.background.onHeadersReceived(withCookies(chromeRequest(`http://www${site}.site${site}.example/`, { tabId: 1 }), ...lines));
  }
}

const writtenKeys = (fake: FakeBrowser): number => fake.session.written.reduce((n, keys) => n + keys.length, 0) + fake.local.written.reduce((n, keys) => n + keys.length, 0);
const bytesOf = (fake: FakeBrowser, keys: readonly string[]): number => keys.reduce((n, key) => n + itemBytes(key, fake.session.data[key]), 0);

// --- 1. per response ----------------------------------------------------------------------------
{
  const fake = await bigJar();
  fill(fake, 1_000, 10);
  await fake.background.flush();
  const writesBefore = fake.session.written.length;
  console.log(`1. jar: ${fake.background.jar.size} cookies over 1,000 sites`);
  // A page with third-party resources: every 10th response is a top-level navigation.
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < RESPONSES; i++) {
    const type = i % 10 === 0 ? 'main_frame' : i % 3 === 0 ? 'image' : 'script';
    const host = type === 'main_frame' ? `www${i}.burst.example` : `cdn${i % 50}.thirdparty${i % 7}.test`;
    const lines = Array.from({ length: LINES }, (_, j) => `b${j}=${i}-${j}; Path=/; Max-Age=3600${j === 4 ? '; Domain=.burst.example' : ''}`);
    const details = withCookies(chromeRequest(`http://${host}/r${i}`, { tabId: 2, type }), ...lines);
    const t = performance.now();
    fake.background.onHeadersReceived(details);
    times.push(performance.now() - t);
  }
  const burstMs = performance.now() - start;
  // The burst lasted well under a second: wait for the batched write, as the worker would.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await fake.background.flush();
  const batch = fake.session.written.slice(writesBefore);
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN;
  console.log(`   burst: ${RESPONSES} responses x ${LINES} Set-Cookie lines in ${burstMs.toFixed(1)} ms`);
  console.log(`   per response: median ${(q(0.5) * 1000).toFixed(1)} µs, p90 ${(q(0.9) * 1000).toFixed(1)} µs, p99 ${(q(0.99) * 1000).toFixed(1)} µs (target < 200 µs)`);
  console.log(`   written for the burst: ${batch.length} set() call(s), ${batch.flat().length} records (the burst's sites, log pages, the tab record, the id counters)`);
}

/** Median, p90, p99 in µs of `RESPONSES` responses of 5 lines, through `fake`. */
function burst(fake: FakeBrowser, prefix: string): { median: number; p90: number; p99: number } {
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
  const fake = startFakeBrowser({ background: { flushDelayMs: 1000 } });
  await fake.background.ready;
  fill(fake, 1_000, 10);
  burst(fake, 'warm');
  const status = fake.background.status();
  const evictedBefore = status.limits.evicted;
  const times = burst(fake, 'atcap');
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
