// `npm run bench`: the same workloads through src/jar, tough-cookie and python3's http.cookiejar,
// in one run; prints the median time per operation and the ratios the jar issue sets as targets.
//
// Every implementation and workload runs in a process of its own (so none measures in a heap the
// others filled), and the processes of one comparison take turns: round after round, each runs its
// workload once. This machine's speed drifts by half over seconds (other tenants); measured turn
// about, the sides of a ratio see the same drift, where measured one after the other they did not.
// A first round warms every process up and is not counted.
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { getDomain } from 'tldts';
import { CookieJar as ToughJar, MemoryCookieStore } from 'tough-cookie';
import { Cookie, CookieJar, CookieRequest, LWPCookieJar, MozillaCookieJar, type FileCookieJar } from '../src/jar/index';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 3 : 11;
const HEADER_REQUESTS = quick ? 1_000 : 10_000;
const HEADER_SIZES = [1_000, 10_000, 100_000] as const;
// Python's add_cookie_header walks the whole jar: a few hundred requests or fewer per size measure it.
const PYTHON_HEADER_REQUESTS: Record<number, number> = { 1000: 400, 10000: 60, 100000: 8 };
const FILE_COOKIES = quick ? 20_000 : 100_000;
const FAR_FUTURE = Math.floor(Date.now() / 1000) + 365 * 86400;

/** A deterministic pseudo-random sequence, so every run measures the same inputs. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- workloads (each process builds only its own) ----------------------------------------------

interface PlainCookie { name: string; value: string; domain: string; domainSpecified: boolean; path: string; secure: boolean; expires: number | null }

/** `count` cookies over count/10 sites: per site a domain cookie, host-only cookies, a few paths. */
function cookiesFor(count: number, seed: number): { cookies: PlainCookie[]; sites: number } {
  const random = rng(seed);
  const sites = Math.max(1, Math.floor(count / 10));
  const cookies: PlainCookie[] = [];
  for (let i = 0; i < count; i++) {
    const site = i % sites;
    const k = Math.floor(i / sites);
    const domainCookie = k % 3 === 0;
    cookies.push({
      name: `c${k}`, value: `v${Math.floor(random() * 1e9)}`,
      domain: domainCookie ? `.site${site}.com` : `www.site${site}.com`, domainSpecified: domainCookie,
      path: ['/', '/app', '/app/api'][k % 3] ?? '/', secure: false, expires: k % 4 === 0 ? null : FAR_FUTURE,
    });
  }
  return { cookies, sites };
}

function requestUrls(sites: number, count: number, seed: number): string[] {
  const random = rng(seed);
  return Array.from({ length: count }, () => `http://www.site${Math.floor(random() * sites)}.com/app/api/items?id=${Math.floor(random() * 1000)}`);
}

interface ExtractCase { url: string; lines: string[] }

function extractWorkload(): ExtractCase[] {
  const random = rng(1);
  return Array.from({ length: 1_000 }, (_, site) => ({
    url: `http://www.site${site}.com/app/`,
    lines: Array.from({ length: 10 }, (_, k) => {
      const attrs = [`s${k}=${Math.floor(random() * 1e9)}`, `Path=/${k % 2 === 0 ? '' : 'app'}`];
      if (k % 3 === 0) attrs.push(`Domain=.site${site}.com`);
      if (k % 2 === 0) attrs.push(`Max-Age=${3600 + k}`);
      if (k % 5 === 0) attrs.push('HttpOnly');
      return attrs.join('; ');
    }),
  }));
}

function headerWorkload(size: number): { cookies: PlainCookie[]; urls: string[] } {
  const { cookies, sites } = cookiesFor(size, size);
  return { cookies, urls: requestUrls(sites, HEADER_REQUESTS, size + 1) };
}

const fileWorkload = (): PlainCookie[] => cookiesFor(FILE_COOKIES, 7).cookies;

// The real corpus: 4,649 real responses with their Set-Cookie lines (../shared/corpora/real, see
// its SOURCES.md; not in this repository). Every response's lines are extracted at its own URL into
// one jar, in the corpus's order, under the default policy, at a fixed clock (so the jar it ends
// with is the same in every run: the clock decides which cookies have expired and are deleted).
const corpusIndex = process.argv.indexOf('--corpus');
const CORPUS = corpusIndex === -1 ? join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'real', 'corpus.json') : process.argv[corpusIndex + 1] ?? '';
/** 2026-12-01T00:00:00Z, in seconds: the clock of every side's replay. */
const REAL_CLOCK = Date.UTC(2026, 11, 1) / 1000;
/**
 * Passes over the corpus per round, each into a new jar: one pass of ours is a few hundredths of
 * a second, and a garbage collection that happens to fall into a round of one pass doubled it.
 */
const REAL_PASSES = quick ? 1 : 5;

interface RealResponse {
  url: string;
  lines: string[];
  /** The host of the page the response belongs to (Python's origin_req_host). */
  originHost: string;
  /** Its site (registrable domain) differs from the page's: Python's unverifiable, tough-cookie's sameSiteContext "none". */
  thirdParty: boolean;
}

/**
 * The corpus's responses with their first- or third-party context, rebuilt from its page data (a
 * response is third-party when its site differs from its page's), the same for every side.
 */
function realWorkload(): RealResponse[] {
  const corpus = JSON.parse(readFileSync(CORPUS, 'utf8')) as { url: string; page: string; setCookie: string[] }[];
  const site = (url: string): string => {
    const host = new URL(url).hostname;
    return getDomain(host) ?? host;
  };
  return corpus.map((r) => ({ url: r.url, lines: r.setCookie, originHost: new URL(r.page).hostname, thirdParty: site(r.url) !== site(r.page) }));
}

/** What a jar holds, in its iteration order, as one number: 48 bits of a SHA-256 (python_bench.py computes the same). */
function jarDigest(cookies: Iterable<{ domain: string; path: string; name: string; value: string | null; expires: number | null }>): number {
  const hash = createHash('sha256');
  for (const c of cookies) hash.update(`${c.domain}\t${c.path}\t${c.name}\t${c.value ?? ''}\t${c.expires ?? ''}\n`);
  return parseInt(hash.digest('hex').slice(0, 12), 16);
}

function toJarCookie(c: PlainCookie): Cookie {
  return new Cookie({
    version: 0, name: c.name, value: c.value, port: null, portSpecified: false, domain: c.domain,
    domainSpecified: c.domainSpecified, domainInitialDot: c.domain.startsWith('.'), path: c.path, pathSpecified: true,
    secure: c.secure, expires: c.expires, discard: c.expires === null, comment: null, commentUrl: null,
  });
}

function toughFilled(cookies: PlainCookie[]): ToughJar {
  const jar = new ToughJar(new MemoryCookieStore());
  for (const c of cookies) {
    const host = c.domain.replace(/^\./, '').replace(/^(?!www\.)/, 'www.');
    const attrs = [`${c.name}=${c.value}`, `Path=${c.path}`];
    if (c.domainSpecified) attrs.push(`Domain=${c.domain}`);
    if (c.expires !== null) attrs.push(`Expires=${new Date(c.expires * 1000).toUTCString()}`);
    jar.setCookieSync(attrs.join('; '), `http://${host}${c.path}`);
  }
  return jar;
}

/** Metric name -> seconds per operation (or a fact about the run: a jar's size...), for one round. */
type Sample = Record<string, number>;

/**
 * Seconds per operation of one run of `body`, which does `ops` operations: `metric` is wall-clock
 * time (what the targets are read on), `metric~cpu` the process's CPU time (user and system, every
 * thread: Node's garbage-collector and compiler threads count, which run beside the main thread
 * on an idle machine). On this shared machine a round's wall time also measures what else ran
 * meanwhile; the CPU time does much less so, and is reported beside it (see docs/jar.md).
 */
function timed(metric: string, body: () => void, ops: number): Sample {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  body();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { [metric]: wall / 1000 / ops, [`${metric}~cpu`]: (cpu.user + cpu.system) / 1e6 / ops };
}

/** The workload of one worker process: built once, then run once per round. */
function workerFor(name: string): () => Sample {
  const [side, part] = name.split(':') as [string, string];
  if (part === 'real') return realWorker(side);
  if (part === 'extract') {
    const cases = extractWorkload();
    const ops = cases.length * 10;
    if (side === 'ours') {
      const responses = cases.map((r) => ({ headers: r.lines.map((line) => ['Set-Cookie', line] as const) }));
      return () => timed('extract', () => {
        const jar = new CookieJar();
        cases.forEach((r, i) => jar.extractCookies(responses[i] ?? { headers: [] }, new CookieRequest(r.url)));
      }, ops);
    }
    return () => timed('extract', () => {
      const jar = new ToughJar(new MemoryCookieStore());
      for (const r of cases) for (const line of r.lines) jar.setCookieSync(line, r.url);
    }, ops);
  }
  if (part.startsWith('header@')) {
    const size = Number(part.slice('header@'.length));
    const { cookies, urls } = headerWorkload(size);
    let produced = 0;
    const check = (): void => {
      if (produced === 0) throw new Error(`no Cookie header was produced for the ${size}-cookie jar: the workload is wrong`);
    };
    if (side === 'ours') {
      const jar = new CookieJar();
      for (const c of cookies) jar.setCookie(toJarCookie(c));
      return () => {
        const sample = timed(part, () => {
          for (const url of urls) {
            const request = new CookieRequest(url);
            jar.addCookieHeader(request);
            produced += request.getHeader('Cookie')?.length ?? 0;
          }
        }, urls.length);
        check();
        return sample;
      };
    }
    const tough = toughFilled(cookies);
    return () => {
      const sample = timed(part, () => { for (const url of urls) produced += tough.getCookieStringSync(url).length; }, urls.length);
      check();
      return sample;
    };
  }
  // save-mozilla, load-mozilla, read-mozilla, save-lwp, load-lwp: a save and a load each in a
  // process of its own, so that neither collects the other's garbage (a save's text, a load's jar).
  const [operation, format] = part.split('-') as ['save' | 'load' | 'read', 'mozilla' | 'lwp'];
  return operation === 'save' ? saveWorker(format) : loadWorker(format, operation === 'read');
}

/**
 * One pass over the real corpus per round into a new jar; the jar's size and digest (ours; tough-
 * cookie's only its size, its rules are not Python's) go with the time per response.
 */
function realWorker(side: string): () => Sample {
  const cases = realWorkload();
  if (side === 'ours') {
    const responses = cases.map((r) => ({ headers: r.lines.map((line) => ['Set-Cookie', line] as const) }));
    return () => {
      let jar = new CookieJar();
      const sample = timed('real', () => {
        for (let pass = 0; pass < REAL_PASSES; pass++) {
          jar = new CookieJar(undefined, { now: () => REAL_CLOCK });
          cases.forEach((r, i) => jar.extractCookies(responses[i] ?? { headers: [] }, new CookieRequest(r.url, { originReqHost: r.originHost, unverifiable: r.thirdParty })));
        }
      }, REAL_PASSES * cases.length);
      return { ...sample, 'real-cookies': jar.size, 'real-digest': jarDigest(jar) };
    };
  }
  const now = new Date(REAL_CLOCK * 1000);
  return () => {
    let jar = new ToughJar(new MemoryCookieStore());
    const sample = timed('real', () => {
      for (let pass = 0; pass < REAL_PASSES; pass++) {
        jar = new ToughJar(new MemoryCookieStore());
        for (const r of cases) {
          const options = { now, ignoreError: true, sameSiteContext: r.thirdParty ? 'none' : 'lax' } as const;
          for (const line of r.lines) jar.setCookieSync(line, r.url, options);
        }
      }
    }, REAL_PASSES * cases.length);
    return { ...sample, 'real-cookies': jar.serializeSync()?.cookies.length ?? 0 };
  };
}

/** A file jar of the file workload's cookies (the workload's list itself is dropped). */
function filledFileJar(format: 'mozilla' | 'lwp'): FileCookieJar {
  const jar = format === 'mozilla' ? new MozillaCookieJar() : new LWPCookieJar();
  for (const c of fileWorkload()) jar.setCookie(toJarCookie(c));
  return jar;
}

function saveWorker(format: 'mozilla' | 'lwp'): () => Sample {
  const jar = filledFileJar(format);
  return () => {
    let saved = '';
    const sample = timed(`save-${format}`, () => { saved = jar.saveText({ ignoreDiscard: true }); }, 1);
    if (saved.length === 0) throw new Error(`${format}: nothing saved`);
    return sample;
  };
}

/**
 * A load; with `read`, a load and then every cookie's value read (read-<format>): a Mozilla load
 * builds a domain's cookies when the domain is first read, so its load alone leaves that work to
 * whatever reads the jar next; Python's builds every cookie at once.
 */
function loadWorker(format: 'mozilla' | 'lwp', read: boolean): () => Sample {
  const text = filledFileJar(format).saveText({ ignoreDiscard: true });
  return () => {
    let loaded: FileCookieJar | undefined;
    let length = 0;
    const sample = timed(`${read ? 'read' : 'load'}-${format}`, () => {
      loaded = format === 'mozilla' ? new MozillaCookieJar() : new LWPCookieJar();
      loaded.loadText(text, { ignoreDiscard: true });
      if (read) for (const cookie of loaded) length += cookie.value?.length ?? 0;
    }, 1);
    if (read && length === 0) throw new Error(`${format}: no value read`);
    if (loaded?.size !== FILE_COOKIES) throw new Error(`${format}: loaded ${loaded?.size} of ${FILE_COOKIES} cookies`);
    return sample;
  };
}

// ---- a worker process: "ready", then one JSON sample per "run" line --------------------------

const workerIndex = process.argv.indexOf('--worker');
if (workerIndex !== -1) {
  const run = workerFor(process.argv[workerIndex + 1] ?? '');
  process.stdout.write('ready\n');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'run') process.stdout.write(`${JSON.stringify(run())}\n`);
  }
  process.exit(0);
}

/** A worker process driven line by line over its stdin and stdout. */
class Worker {
  private readonly child: ChildProcess;
  private readonly lines: AsyncIterator<string>;

  constructor(readonly name: string, command: string, args: string[]) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    if (this.child.stdout === null) throw new Error(`${name}: no stdout`);
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }

  private async line(): Promise<string> {
    const next = await this.lines.next();
    if (next.done === true) throw new Error(`${this.name} exited early`);
    return next.value;
  }

  async ready(): Promise<void> {
    const line = await this.line();
    if (line !== 'ready') throw new Error(`${this.name}: expected "ready", got ${line}`);
  }

  async run(): Promise<Sample> {
    this.child.stdin?.write('run\n');
    return JSON.parse(await this.line()) as Sample;
  }

  close(): void {
    this.child.stdin?.end();
  }
}

// ---- python3 workload files (each Python worker reads only its own) --------------------------

const dir = mkdtempSync(join(tmpdir(), 'cji-bench-'));
const written = new Set<string>();
/** The file of a workload, written the first time a worker asks for it. */
const workFile = (name: string, data: () => unknown): string => {
  const file = join(dir, `${name}.json`);
  if (!written.has(file)) writeFileSync(file, JSON.stringify(data()));
  written.add(file);
  return file;
};

function ourWorker(name: string): Worker {
  return new Worker(name, process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2), '--worker', name]);
}

function pythonWorker(part: string): Worker {
  const script = join(import.meta.dirname, 'python_bench.py');
  if (part === 'extract') return new Worker('python:extract', 'python3', [script, workFile('extract', extractWorkload), 'extract']);
  if (part === 'real') return new Worker('python:real', 'python3', [script, workFile('real', realWorkload), 'real', String(REAL_CLOCK), String(REAL_PASSES)]);
  if (part.startsWith('header@')) {
    const size = Number(part.slice('header@'.length));
    const requests = String(PYTHON_HEADER_REQUESTS[size] ?? 10);
    return new Worker(`python:${part}`, 'python3', [script, workFile(part, () => headerWorkload(size)), 'header', part, requests]);
  }
  const [operation, format] = part.split('-') as [string, string];
  return new Worker(`python:${part}`, 'python3', [script, workFile('files', () => ({ cookies: fileWorkload() })), operation, format, dir]);
}

/** Runs the workers turn about: a warm-up round, then ROUNDS counted ones; every sample by round. */
async function compare(workers: Worker[]): Promise<Sample[]> {
  try {
    for (const worker of workers) await worker.ready();
    const rounds: Sample[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const merged: Sample = {};
      // Each round starts with a different worker, so none always runs right after the same one.
      for (let i = 0; i < workers.length; i++) {
        const worker = workers[(round + i) % workers.length] as Worker;
        const side = worker.name.split(':')[0] ?? '';
        for (const [metric, seconds] of Object.entries(await worker.run())) merged[`${side}:${metric}`] = seconds;
      }
      if (round > 0) rounds.push(merged);
    }
    return rounds;
  } finally {
    for (const worker of workers) worker.close();
  }
}

// Python's header runs take seconds each: they take turns among themselves, so that the runs of
// src/jar and tough-cookie at the three sizes (a tenth of a second each) stay close in time.
// Each comparison's processes start when it does. `--only real|extract|header|files` runs one kind.
const comparisons: [kind: string, start: () => Worker[]][] = [
  ['real', () => [ourWorker('ours:real'), ourWorker('tough:real'), pythonWorker('real')]],
  ['extract', () => [ourWorker('ours:extract'), ourWorker('tough:extract'), pythonWorker('extract')]],
  ['header', () => HEADER_SIZES.flatMap((size) => [ourWorker(`ours:header@${size}`), ourWorker(`tough:header@${size}`)])],
  ['header', () => HEADER_SIZES.map((size) => pythonWorker(`header@${size}`))],
  ...['mozilla', 'lwp'].map((format): [string, () => Worker[]] => ['files', () => (format === 'mozilla' ? ['save', 'load', 'read'] : ['save', 'load']).flatMap((operation) =>
    [ourWorker(`ours:${operation}-${format}`), pythonWorker(`${operation}-${format}`)])]),
];
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex === -1 ? undefined : process.argv[onlyIndex + 1];
if (only !== undefined && !comparisons.some(([kind]) => kind === only)) {
  console.error(`--only takes one of ${[...new Set(comparisons.map(([kind]) => kind))].join(', ')}, not ${JSON.stringify(only)}`);
  process.exit(2);
}
const rounds: Sample[] = [];
try {
  for (const [kind, start] of comparisons) {
    if (only !== undefined && kind !== only) continue;
    if (kind === 'real' && !existsSync(CORPUS)) continue;
    const samples = await compare(start());
    samples.forEach((sample, i) => { rounds[i] = { ...rounds[i], ...sample }; });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// ---- report ----------------------------------------------------------------------------------

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] ?? Number.NaN : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
};
/** Each round's value of `keys` summed (save + load), for the rounds that have them all. */
const sums = (keys: readonly string[]): number[] => rounds
  .filter((round) => keys.every((key) => round[key] !== undefined))
  .map((round) => keys.reduce((sum, key) => sum + (round[key] ?? 0), 0));
const series = (key: string): number[] => sums([key]);
const med = (key: string): number | undefined => (series(key).length === 0 ? undefined : median(series(key)));
const fmt = (seconds: number | undefined) => seconds === undefined ? '—' : seconds >= 1e-3 ? `${(seconds * 1e3).toFixed(2)} ms` : `${(seconds * 1e6).toFixed(2)} µs`;
const times = (ratio: number) => `${ratio.toFixed(ratio >= 100 ? 0 : ratio >= 10 ? 1 : 2)}×`;
const ratio = (other: number | undefined, ours: number | undefined) => other === undefined || ours === undefined ? '—' : times(other / ours);

/** A table row: the metric's median (a `+` joins metrics summed round by round). */
const rowMedian = (side: string, metric: string): number | undefined => {
  const values = sums(metric.split('+').map((part) => `${side}:${part}`));
  return values.length === 0 ? undefined : median(values);
};
const metrics = ['real', 'extract', ...HEADER_SIZES.map((size) => `header@${size}`), 'save-mozilla', 'load-mozilla', 'save-mozilla+load-mozilla', 'read-mozilla', 'save-mozilla+read-mozilla', 'save-lwp', 'load-lwp', 'save-lwp+load-lwp'];
console.log(`src/jar vs tough-cookie vs python3 http.cookiejar — median time per operation over ${ROUNDS} rounds${quick ? ' (--quick: not representative)' : ''}`);
console.log(`Node ${process.version}; python3 ${execFileSync('python3', ['--version']).toString().trim().replace('Python ', '')}; files: ${FILE_COOKIES.toLocaleString('en')} cookies; ${HEADER_REQUESTS.toLocaleString('en')} requests per jar size`);
console.log('each implementation in a process of its own; the processes of a comparison take turns, round by round');
console.log(`real: per response of the real corpus (${CORPUS}), clock ${new Date(REAL_CLOCK * 1000).toISOString()}; extract: per cookie\n`);
console.log('workload'.padEnd(26) + 'src/jar'.padStart(12) + 'tough'.padStart(12) + 'python3'.padStart(12) + 'python/ours'.padStart(13) + 'tough/ours'.padStart(12));
for (const metric of metrics) {
  const ours = rowMedian('ours', metric);
  if (ours === undefined) continue;
  const tough = rowMedian('tough', metric);
  const python = rowMedian('python', metric);
  console.log(metric.padEnd(26) + fmt(ours).padStart(12) + fmt(tough).padStart(12) + fmt(python).padStart(12) + ratio(python, ours).padStart(13) + ratio(tough, ours).padStart(12));
}

/** The median ratio of two sums of metrics and its lowest and highest value in one round, on one clock ('' wall, '~cpu'). */
function ratioFigure(numerator: readonly string[], denominator: readonly string[], clock: '' | '~cpu'): { value: number; range: string } {
  const top = numerator.map((key) => key + clock);
  const bottom = denominator.map((key) => key + clock);
  const value = median(sums(top)) / median(sums(bottom));
  const perRound = rounds
    .filter((round) => [...top, ...bottom].every((key) => round[key] !== undefined))
    .map((round) => top.reduce((sum, key) => sum + (round[key] ?? 0), 0) / bottom.reduce((sum, key) => sum + (round[key] ?? 0), 0));
  const range = perRound.length === 0 ? '' : ` (rounds ${times(Math.min(...perRound))}–${times(Math.max(...perRound))})`;
  return { value, range };
}

/** A target on the ratio of two medians (wall clock), with its per-round range, and the same ratio of CPU times. */
function target(name: string, numerator: string | readonly string[], denominator: string | readonly string[], met: (value: number) => boolean): [string, boolean, string] {
  const top = typeof numerator === 'string' ? [numerator] : numerator;
  const bottom = typeof denominator === 'string' ? [denominator] : denominator;
  const wall = ratioFigure(top, bottom, '');
  const cpu = ratioFigure(top, bottom, '~cpu');
  return [name, met(wall.value), `${times(wall.value)}${wall.range}; CPU time ${times(cpu.value)}${cpu.range}`];
}
/** The real corpus's jar, ours against python3's: the same number of cookies, the same cookies in the same order. */
function realJarCheck(): [string, boolean, string] | undefined {
  const ours = med('ours:real-cookies');
  const python = med('python:real-cookies');
  if (ours === undefined || python === undefined) return undefined;
  const same = ours === python && med('ours:real-digest') === med('python:real-digest') &&
    series('ours:real-digest').every((digest) => digest === med('python:real-digest'));
  const detail = same ? 'the same cookies in the same order' : `different cookies (digests ${med('ours:real-digest')} and ${med('python:real-digest')})`;
  return ['the real corpus leaves the jar python3 leaves', same, `${ours.toLocaleString('en')} cookies, python3 ${python.toLocaleString('en')}: ${detail}`];
}
const corpusMissing: [string, boolean, string][] = (only === undefined || only === 'real') && !existsSync(CORPUS)
  ? [['the real corpus', false, `not found at ${CORPUS} (pass --corpus PATH)`]] : [];
const realJar = realJarCheck();
const targets = ([
  ...corpusMissing,
  target('extraction on the real corpus ≥ 2× tough-cookie (per response)', 'tough:real', 'ours:real', (v) => v >= 2),
  target('extraction on the real corpus ≥ 5× python (per response)', 'python:real', 'ours:real', (v) => v >= 5),
  ...(realJar === undefined ? [] : [realJar]),
  target('addCookieHeader ≥ 1000× python at 10,000 cookies', 'python:header@10000', 'ours:header@10000', (v) => v >= 1000),
  target('addCookieHeader ≥ 2× tough-cookie getCookieStringSync at 10,000', 'tough:header@10000', 'ours:header@10000', (v) => v >= 2),
  target('addCookieHeader at 100,000 within 2× of 1,000', 'ours:header@100000', 'ours:header@1000', (v) => v <= 2),
  ...['save-mozilla', 'load-mozilla', 'save-lwp', 'load-lwp'].map((metric) =>
    target(`${metric} (${FILE_COOKIES.toLocaleString('en')} cookies) ≥ 5× python`, `python:${metric}`, `ours:${metric}`, (v) => v >= 5)),
  ...['mozilla', 'lwp'].map((format) => target(`save+load ${format} (${FILE_COOKIES.toLocaleString('en')} cookies) ≥ 10× python`,
    [`python:save-${format}`, `python:load-${format}`], [`ours:save-${format}`, `ours:load-${format}`], (v) => v >= 10)),
] as const).filter(([, , figure]) => !figure.startsWith('NaN'));
console.log('\ntargets (median ratio; in brackets the lowest and highest ratio of one round; then the same ratio of CPU times)');
for (const [name, met, figure] of targets) console.log(`  ${met ? 'met    ' : 'NOT MET'}  ${name}: ${figure}`);
if (targets.some(([, met]) => !met)) process.exitCode = 1;
// Not a target: what a Mozilla load costs once every cookie is built too (see loadWorker).
const readWhole = target('', ['python:save-mozilla', 'python:read-mozilla'], ['ours:save-mozilla', 'ours:read-mozilla'], () => true);
if (!readWhole[2].startsWith('NaN')) console.log(`\nfor reference, save + a Mozilla load read whole (every cookie built), python/ours: ${readWhole[2]}`);
