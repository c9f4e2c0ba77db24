// The browser model's cost per observed response, the way the service worker will call it: a
// store of 10,000 cookies over 1,000 sites, then bursts of 1,000 responses with 5 Set-Cookie lines
// each (every 10th a top-level navigation, the rest third-party images and scripts, as in
// bench/background.bench.ts). Beside it, in the same run and on the same responses, what the
// worker does per response today: src/jar's extractCookies. Also the send side (cookiesFor).
// Chromium's rules, then Firefox's. Medians over 11 rounds after a warm-up.
// Run: npx tsx bench/browser-model.bench.ts
import { performance } from 'node:perf_hooks';
import { BrowserCookieStore, type BrowserName, type RequestContext } from '../src/browser-model';
import { CookieJar, CookieRequest, DefaultCookiePolicy } from '../src/jar';

const STORE_COOKIES = 10_000;
const RESPONSES = 1_000;
const LINES = 5;
const ROUNDS = 11;
const NOW = Date.UTC(2026, 11, 1);

interface Response { context: RequestContext; lines: string[]; request: CookieRequest }

function responses(round: number): Response[] {
  return Array.from({ length: RESPONSES }, (_, i) => {
    const top = i % 10 === 0;
    const host = top ? `www${i}.burst${round}.example` : `cdn${i % 50}.thirdparty${i % 7}.test`;
    const url = `https://${host}/r${i}`;
    const lines = Array.from({ length: LINES }, (_, j) => `b${j}=${round}-${i}-${j}; Path=/; Max-Age=3600${j === 4 ? `; Domain=.burst${round}.example` : ''}${j === 3 ? '; SameSite=None; Secure' : ''}`);
    const context: RequestContext = top ? { url } : { url, topLevelUrl: `https://www${i - (i % 10)}.burst${round}.example/` };
    const request = new CookieRequest(url, top ? {} : { unverifiable: true, originReqHost: `www${i - (i % 10)}.burst${round}.example` });
    return { context, lines, request };
  });
}

function quantiles(times: number[]): { median: number; p90: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { median: at(0.5), p90: at(0.9), p99: at(0.99) };
}

const median = (values: number[]) => quantiles(values).median;
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

function measure(browser: BrowserName): void {
  const store = new BrowserCookieStore({ browser, now: () => NOW });
  const jar = new CookieJar(new DefaultCookiePolicy());
  for (let site = 0; site < STORE_COOKIES / 10; site++) {
    const lines = Array.from({ length: 10 }, (_, i) => `fill${i}=v${site}; Path=/; Max-Age=86400`);
    store.setFromResponse(lines, { url: `https://www${site}.site${site}.example/` });
  }
  console.log(`${browser}: store of ${store.size} cookies (third-party setting ${store.thirdPartyCookies})`);

  const modelMedians: number[] = [];
  const modelP99: number[] = [];
  const jarMedians: number[] = [];
  const sendMedians: number[] = [];
  for (let round = -2; round < ROUNDS; round++) {
    const burst = responses(round + 2);
    const model: number[] = [];
    const python: number[] = [];
    const send: number[] = [];
    for (const { context, lines, request } of burst) {
      let t = performance.now();
      store.setFromResponse(lines, context);
      model.push(performance.now() - t);
      t = performance.now();
      jar.extractCookies({ headers: lines.map((line) => ['Set-Cookie', line] as [string, string]) }, request);
      python.push(performance.now() - t);
      t = performance.now();
      store.cookiesFor(context);
      send.push(performance.now() - t);
    }
    if (round < 0) continue; // warm-up
    const m = quantiles(model);
    modelMedians.push(m.median);
    modelP99.push(m.p99);
    jarMedians.push(quantiles(python).median);
    sendMedians.push(quantiles(send).median);
  }
  console.log(`per response with ${LINES} Set-Cookie lines (${RESPONSES} responses x ${ROUNDS} rounds):`);
  console.log(`  browser model: median ${us(median(modelMedians))}, p99 ${us(median(modelP99))} (budget: 20 µs median)`);
  console.log(`  src/jar extractCookies (today's work per response): median ${us(median(jarMedians))}; model / jar = ${(median(modelMedians) / median(jarMedians)).toFixed(2)}`);
  console.log(`  cookiesFor (the request's Cookie header and verdicts): median ${us(median(sendMedians))}`);
  console.log(`store after: ${store.size} cookies`);
}

for (const browser of ['chromium', 'firefox'] as const) measure(browser);
