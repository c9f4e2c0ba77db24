// `npm run bench:pageload`: what the extension costs the user's browsing (docs/performance.md).
// Several headless Chromiums side by side, each with a profile of its own, load the same local page
// in turn, round after round (interleaved, the order rotating each round):
//   without     no extension at all;
//   extension   extension/ with the default settings;
//   nothing     a do-nothing extension registering exactly the extension's listeners with the same
//               options (built here from src/background/wiring.ts: bench/pageload/nothing.ts);
//   and, unless --no-compare, the same two with the sent-header comparison on.
// Two pages: light (20 responses, 2 Set-Cookie lines each) and heavy (200 responses, 5 each), over
// six hosts. Printed per page: the median load time (navigation start to the end of the load event),
// the median of the per-round ratios between the browsers with their spread (25th-75th percentile
// and the extremes), the same ratios of the CPU time the whole browser (every process) spent on the
// load, and the worker's own CPU per response: the CPU time of the extension's process over the run
// and, for the extension, its own performance.now() spans (`getStatus().work`).
// Options: --rounds N (default 15), --warmup N (default 2), --pages light,heavy, --no-compare,
// --extension DIR (another build of the extension: default extension/, which the npm script builds first).
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { requireBrowser } from '../e2e/browsers';
import { EXTENSION_DIR, chromiumArgs, extensionIdOf, serviceWorkerOf } from '../e2e/fixtures';
import type { Status } from '../src/shared/protocol';
import { browserPid, cpuBetween, sampleCpu, type CpuSample } from './pageload/cpu';
import { buildNothingExtension } from './pageload/nothing';
import { startBenchSite, type BenchSite, type PageShape } from './pageload/site';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
    pages: { type: 'string', default: 'light,heavy' },
    'no-compare': { type: 'boolean', default: false },
    extension: { type: 'string', default: EXTENSION_DIR },
  },
});
const ROUNDS = Number(args.rounds);
const WARMUP = Number(args.warmup);
const OURS = resolve(args.extension);
const PAGES: PageShape[] = [
  { name: 'light', resources: 20, cookies: 2 },
  { name: 'heavy', resources: 200, cookies: 5 },
].filter((page) => args.pages.split(',').includes(page.name));
/**
 * Each load has a slot of its own, so that the browser that just loaded does its own deferred work
 * (the worker writes what changed 1 s after the first change) before the next one starts, and is
 * charged for it (the extension process's CPU), instead of slowing another browser's load.
 */
const SLOT_MS = 1400;
const SETTLE_MS = 250;

interface Variant {
  name: string;
  /** The unpacked extension loaded, or null. */
  extension: string | null;
  /** The extension itself (its status can be read), not the do-nothing one. */
  ours: boolean;
  compare: boolean;
}

interface Running {
  variant: Variant;
  context: BrowserContext;
  page: Page;
  /** Ours: the second tab and the extension page it opens to ask the status. */
  control: { page: Page; url: string } | null;
  userDataDir: string;
  pid: number;
  /** Per page shape: load times (ms) and the browser's CPU (ms) per round. */
  loads: Map<string, number[]>;
  cpu: Map<string, number[]>;
  /** CPU of the extension's process over the measured rounds (ms), and responses seen. */
  extensionCpuMs: number;
  responses: number;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return (sorted[low] ?? NaN) + ((sorted[high] ?? NaN) - (sorted[low] ?? NaN)) * (at - low);
}

const median = (values: readonly number[]) => quantile(values, 0.5);

/**
 * Status of ours, through the extension's message protocol, from an extension page opened for the
 * purpose and closed again (to about:blank): an open popup follows the tabs' navigations and asks
 * the worker for their cookies, work no user's page load pays for.
 */
async function statusOf(running: Running): Promise<Status> {
  const control = running.control;
  if (control === null) throw new Error(`${running.variant.name}: not the extension`);
  await control.page.goto(control.url);
  const reply = await control.page.evaluate(() => chrome.runtime.sendMessage<unknown, { ok: boolean; value: Status }>({ type: 'getStatus' }));
  await control.page.goto('about:blank');
  if (!reply.ok) throw new Error('getStatus failed');
  return reply.value;
}

async function launch(variant: Variant): Promise<Running> {
  const userDataDir = await mkdtemp(join(tmpdir(), `cji-bench-pageload-${variant.name.replace(/\W/g, '-')}-`));
  const base = chromiumArgs(variant.extension ?? OURS);
  const browserArgs = variant.extension === null ? base.filter((arg) => !arg.includes('-extension')) : base;
  const context = await chromium.launchPersistentContext(userDataDir, { headless: true, executablePath: requireBrowser('chromium'), args: browserArgs });
  // Every browser has the same two tabs: the one that loads, and a blank one (ours opens its extension page there to read the status).
  const page = context.pages()[0] ?? await context.newPage();
  const second = await context.newPage();
  let control: Running['control'] = null;
  if (variant.extension !== null) {
    const worker = await serviceWorkerOf(context);
    if (variant.ours) {
      control = { page: second, url: `chrome-extension://${extensionIdOf(worker)}/src/popup/index.html` };
      if (variant.compare) {
        await second.goto(control.url);
        const reply = await second.evaluate(async () => {
          const policy = await chrome.runtime.sendMessage<unknown, { ok: boolean; value: Record<string, unknown> }>({ type: 'getPolicy' });
          return chrome.runtime.sendMessage<unknown, { ok: boolean; error?: unknown }>({ type: 'setPolicy', settings: { ...policy.value, compareSentHeaders: true } });
        });
        await second.goto('about:blank');
        if (!reply.ok) throw new Error(`could not turn the comparison on: ${JSON.stringify(reply.error)}`);
      }
    }
  }
  return {
    variant, context, page, control, userDataDir, pid: browserPid(userDataDir),
    loads: new Map(PAGES.map((p) => [p.name, []])), cpu: new Map(PAGES.map((p) => [p.name, []])), extensionCpuMs: 0, responses: 0,
  };
}

/** One load of a page: its duration by the page's own clock, and the CPU the browser spent meanwhile. */
async function load(running: Running, site: BenchSite, shape: PageShape, round: string): Promise<{ ms: number; cpu: number; extensionCpu: number; after: CpuSample }> {
  const started = Date.now();
  const before = sampleCpu(running.pid);
  await running.page.goto(site.pageUrl(shape, round), { waitUntil: 'load' });
  const ms = await running.page.evaluate(() => {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return entry === undefined ? NaN : entry.loadEventEnd - entry.startTime;
  });
  const atLoad = sampleCpu(running.pid);
  await new Promise((resolve) => setTimeout(resolve, Math.max(SETTLE_MS, started + SLOT_MS - Date.now())));
  const after = sampleCpu(running.pid);
  return { ms, cpu: cpuBetween(before, atLoad).total, extensionCpu: cpuBetween(before, after).byKind.extension, after };
}

/** Until ours reports the responses of a page: Chrome registers a new worker's webRequest listeners asynchronously. */
async function untilObserving(running: Running, site: BenchSite): Promise<void> {
  if (running.control === null) return;
  for (let attempt = 0; attempt < 100; attempt++) {
    await running.page.goto(site.pageUrl({ name: 'probe', resources: 1, cookies: 1 }, `probe${attempt}`));
    if ((await statusOf(running)).responses > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${running.variant.name}: the extension never saw a response`);
}

/** A 95% interval of the median, by resampling the rounds (a seeded generator: the same data give the same interval). */
function medianInterval(values: readonly number[]): [number, number] {
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const medians: number[] = [];
  for (let i = 0; i < 2000; i++) medians.push(median(values.map(() => values[Math.floor(random() * values.length)] ?? NaN)));
  return [quantile(medians, 0.025), quantile(medians, 0.975)];
}

function describeSpread(values: readonly number[], digits = 3): string {
  const [low, high] = medianInterval(values);
  const f = (n: number) => n.toFixed(digits);
  return `${f(median(values))} (95% interval of the median ${f(low)}–${f(high)}; p25–p75 ${f(quantile(values, 0.25))}–${f(quantile(values, 0.75))}, min–max ${f(quantile(values, 0))}–${f(quantile(values, 1))})`;
}

function roundRatios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, i) => value / (b[i] ?? NaN)).filter((r) => Number.isFinite(r));
}

const variants: Variant[] = [
  { name: 'without', extension: null, ours: false, compare: false },
  { name: 'extension', extension: OURS, ours: true, compare: false },
  { name: 'nothing', extension: null, ours: false, compare: false },
];
const nothingRoot = await mkdtemp(join(tmpdir(), 'cji-bench-nothing-'));
(variants[2] as Variant).extension = await buildNothingExtension(join(nothingRoot, 'off'), OURS, false);
if (!args['no-compare']) {
  variants.push({ name: 'extension+compare', extension: OURS, ours: true, compare: true });
  variants.push({ name: 'nothing+compare', extension: await buildNothingExtension(join(nothingRoot, 'on'), OURS, true), ours: false, compare: true });
}

const loadBefore = loadavg();
const site = await startBenchSite();
const running: Running[] = [];
try {
  for (const variant of variants) running.push(await launch(variant));
  for (const r of running) await untilObserving(r, site);
  const version = await running[0]?.page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?');
  console.log(`Chromium ${version ?? '?'}, headless; ${cpus().length} cores; load average at start ${loadBefore.map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`${ROUNDS} rounds (+${WARMUP} warm-up) × ${PAGES.map((p) => `${p.name} (${p.resources} responses × ${p.cookies} Set-Cookie)`).join(', ')} × ${running.length} browsers: ${running.map((r) => r.variant.name).join(', ')}`);

  const statusBefore = new Map<Running, Status>();
  const extensionCpuStart = new Map<Running, CpuSample>();
  for (let round = -WARMUP; round < ROUNDS; round++) {
    if (round === 0) {
      for (const r of running) {
        if (r.control !== null) statusBefore.set(r, await statusOf(r));
        extensionCpuStart.set(r, sampleCpu(r.pid));
      }
    }
    for (const shape of PAGES) {
      // Rotate the order every round: none is always first or last.
      const offset = (round + WARMUP) % running.length;
      const order = [...running.slice(offset), ...running.slice(0, offset)];
      for (const r of order) {
        const result = await load(r, site, shape, `${round + WARMUP}`);
        if (round < 0) continue;
        r.loads.get(shape.name)?.push(result.ms);
        r.cpu.get(shape.name)?.push(result.cpu);
      }
    }
    if (round >= 0 && (round + 1) % 5 === 0) process.stdout.write(`  round ${round + 1}/${ROUNDS}, load average ${loadavg()[0]?.toFixed(1) ?? '?'}\n`);
  }
  for (const r of running) {
    const start = extensionCpuStart.get(r);
    if (start !== undefined) r.extensionCpuMs = cpuBetween(start, sampleCpu(r.pid)).byKind.extension;
  }
  const loadAfter = loadavg();

  const byName = new Map(running.map((r) => [r.variant.name, r]));
  const pairs: [string, string, string][] = [
    ['extension', 'without', 'with the extension / without'],
    ['nothing', 'without', 'do-nothing / without (Chrome\'s price for the listeners)'],
    ['extension', 'nothing', 'with the extension / do-nothing (ours: target ≤ 1.05)'],
    ['extension+compare', 'extension', 'comparison on / off (what the comparison costs)'],
    ['nothing+compare', 'nothing', 'do-nothing comparison on / off (Chrome\'s price for onBeforeSendHeaders)'],
    ['extension+compare', 'nothing+compare', 'with the extension / do-nothing, comparison on'],
  ];
  for (const shape of PAGES) {
    console.log(`\n${shape.name} page: ${shape.resources} responses × ${shape.cookies} Set-Cookie lines`);
    for (const r of running) {
      console.log(`  ${r.variant.name.padEnd(18)} load median ${median(r.loads.get(shape.name) ?? []).toFixed(1)} ms, browser CPU median ${median(r.cpu.get(shape.name) ?? []).toFixed(1)} ms`);
    }
    console.log('  median of the per-round ratios (spread):          load time            | browser CPU time');
    for (const [a, b, label] of pairs) {
      const ra = byName.get(a);
      const rb = byName.get(b);
      if (ra === undefined || rb === undefined) continue;
      const loads = roundRatios(ra.loads.get(shape.name) ?? [], rb.loads.get(shape.name) ?? []);
      const cpu = roundRatios(ra.cpu.get(shape.name) ?? [], rb.cpu.get(shape.name) ?? []);
      console.log(`  ${label}\n      load ${describeSpread(loads)}\n      CPU  ${describeSpread(cpu)}`);
    }
  }

  console.log('\nThe worker\'s own CPU over the measured rounds (the extension\'s process: worker and idle extension page):');
  for (const r of running) {
    if (r.variant.extension === null) continue;
    const loaded = ROUNDS * PAGES.reduce((n, p) => n + p.resources, 0);
    let line = `  ${r.variant.name.padEnd(18)} ${r.extensionCpuMs.toFixed(0)} ms in all, ${(1000 * r.extensionCpuMs / loaded).toFixed(0)} µs per response (process CPU)`;
    // The do-nothing extension's process is what Chrome's dispatch of the same events costs: ours beyond it is the worker's work.
    const floor = byName.get(r.variant.compare ? 'nothing+compare' : 'nothing');
    if (r.variant.ours && floor !== undefined) line += `, ${(1000 * (r.extensionCpuMs - floor.extensionCpuMs) / loaded).toFixed(0)} µs beyond the do-nothing extension's`;
    const before = statusBefore.get(r);
    if (r.control !== null && before !== undefined) {
      const after = await statusOf(r);
      const spent = (status: Status, kind: 'response' | 'sentHeaders') => status.work.events[kind] ?? { count: 0, ms: 0 };
      const events = (status: Status) => Object.values(status.work.events).reduce((sum, e) => ({ count: sum.count + e.count, ms: sum.ms + e.ms }), { count: 0, ms: 0 });
      const responseMs = spent(after, 'response').ms - spent(before, 'response').ms;
      const responses = spent(after, 'response').count - spent(before, 'response').count;
      const eventMs = events(after).ms - events(before).ms;
      const flushMs = after.work.flushes.ms - before.work.flushes.ms;
      line += `\n${' '.repeat(21)}its own spans: ${responses} responses, ${(1000 * responseMs / Math.max(1, responses)).toFixed(0)} µs each;`
        + ` every event ${eventMs.toFixed(0)} ms, flushes ${flushMs.toFixed(0)} ms (${after.work.flushes.count - before.work.flushes.count}):`
        + ` ${(1000 * (eventMs + flushMs) / Math.max(1, responses)).toFixed(0)} µs per response in all`;
    }
    console.log(line);
  }
  console.log(`\nload average at the end ${loadAfter.map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  for (const r of running) {
    await r.context.close();
    await rm(r.userDataDir, { recursive: true, force: true });
  }
  await site.close();
  await rm(nothingRoot, { recursive: true, force: true });
}
