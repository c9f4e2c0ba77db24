// The work per observed response in the service worker: a burst of 1,000 responses with 5
// Set-Cookie lines each, into a jar of 10,000 cookies, through the same Background code the worker
// runs (fake storage counting writes). Run: npx tsx bench/background.bench.ts
import { performance } from 'node:perf_hooks';
import { chromeRequest, startFakeBrowser, withCookies } from '../src/background/testing/fakeBrowser';

const JAR_COOKIES = 10_000;
const RESPONSES = 1_000;
const LINES = 5;

const fake = startFakeBrowser({ background: { flushDelayMs: 1000 } });
await fake.background.ready;
// Fill the jar: 10,000 cookies over 1,000 sites, as first-party responses.
for (let site = 0; site < JAR_COOKIES / 10; site++) {
  const lines = Array.from({ length: 10 }, (_, i) => `fill${i}=v${site}; Path=/; Max-Age=86400`);
  fake.background.onHeadersReceived(withCookies(chromeRequest(`http://www${site}.site${site}.example/`, { tabId: 1 }), ...lines));
}
await fake.background.flush();
const writesBefore = fake.local.writes + fake.session.writes;
console.log(`jar: ${fake.background.jar.size} cookies`);

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
// The burst lasted well under a second: wait for the batched writes, as the worker would.
await new Promise((resolve) => setTimeout(resolve, 1100));
const t0 = performance.now();
await fake.background.flush();
const writes = fake.local.writes + fake.session.writes - writesBefore;

times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN;
console.log(`burst: ${RESPONSES} responses x ${LINES} Set-Cookie lines in ${burstMs.toFixed(1)} ms`);
console.log(`per response: median ${(q(0.5) * 1000).toFixed(1)} µs, p90 ${(q(0.9) * 1000).toFixed(1)} µs, p99 ${(q(0.99) * 1000).toFixed(1)} µs (target < 200 µs)`);
console.log(`storage writes caused by the burst: ${writes} (jar ${fake.background.status().stores.jar.writes - 1 >= 0 ? 1 : 0}, log and tabs in storage.session), final flush ${(performance.now() - t0).toFixed(1)} ms`);
console.log(`jar after: ${fake.background.jar.size} cookies; stored jar ${fake.background.status().stores.jar.bytes} bytes; decisions logged ${fake.background.status().decisions}`);
