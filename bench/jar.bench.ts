// `npm run bench`: the same workloads through src/jar, tough-cookie and python3's http.cookiejar,
// in one run; prints the median time per operation and the ratios the jar issue sets as targets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { CookieJar as ToughJar, MemoryCookieStore } from 'tough-cookie';
import { Cookie, CookieJar, CookieRequest, LWPCookieJar, MozillaCookieJar, type FileCookieJar } from '../src/jar/index';

const quick = process.argv.includes('--quick');
const REPEATS = quick ? 3 : 7;
const HEADER_REQUESTS = quick ? 1_000 : 10_000;
const PYTHON_HEADER_REQUESTS: Record<string, number> = { '1000': 400, '10000': 60, '100000': 8 };
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

/** Median over `REPEATS` runs of the seconds per operation. */
function medianPerOp(run: () => void, ops: number, repeats = REPEATS): number {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push((performance.now() - start) / 1000 / ops);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

// ---- workloads -------------------------------------------------------------------------------
const extractRandom = rng(1);
const extract = Array.from({ length: 1_000 }, (_, site) => ({
  url: `http://www.site${site}.com/app/`,
  lines: Array.from({ length: 10 }, (_, k) => {
    const attrs = [`s${k}=${Math.floor(extractRandom() * 1e9)}`, `Path=/${k % 2 === 0 ? '' : 'app'}`];
    if (k % 3 === 0) attrs.push(`Domain=.site${site}.com`);
    if (k % 2 === 0) attrs.push(`Max-Age=${3600 + k}`);
    if (k % 5 === 0) attrs.push('HttpOnly');
    return attrs.join('; ');
  }),
}));
const headerCases = Object.fromEntries([1_000, 10_000, 100_000].map((size) => {
  const { cookies, sites } = cookiesFor(size, size);
  return [String(size), { cookies, urls: requestUrls(sites, HEADER_REQUESTS, size + 1) }];
}));
const fileCookies = cookiesFor(FILE_COOKIES, 7).cookies;

type Row = { ours: number; tough?: number; python?: number };

// ---- src/jar and tough-cookie ----------------------------------------------------------------
// Each part runs in a fresh process (as each Python part does), so no part pays for the garbage
// and the heap of the one before it.
function runPart(part: string): Record<string, Row> {
  if (part === 'extract') {
    return {
      extract: {
        ours: medianPerOp(() => {
          const jar = new CookieJar();
          for (const r of extract) jar.extractCookies({ headers: r.lines.map((line) => ['Set-Cookie', line] as const) }, new CookieRequest(r.url));
        }, extract.length * 10),
        tough: medianPerOp(() => {
          const jar = new ToughJar(new MemoryCookieStore());
          for (const r of extract) for (const line of r.lines) jar.setCookieSync(line, r.url);
        }, extract.length * 10),
      },
    };
  }
  if (part.startsWith('header@')) {
    const size = part.slice('header@'.length);
    const headerCase = headerCases[size];
    if (headerCase === undefined) throw new Error(`no header workload ${size}`);
    const { cookies, urls } = headerCase;
    const jar = new CookieJar();
    for (const c of cookies) jar.setCookie(toJarCookie(c));
    const tough = toughFilled(cookies);
    let sink = 0;
    const row: Row = {
      ours: medianPerOp(() => {
        for (const url of urls) { const req = new CookieRequest(url); jar.addCookieHeader(req); sink += req.getHeader('Cookie')?.length ?? 0; }
      }, urls.length),
      tough: medianPerOp(() => { for (const url of urls) sink += tough.getCookieStringSync(url).length; }, urls.length),
    };
    if (sink === 0) throw new Error(`no Cookie header was produced for the ${size}-cookie jar: the workload is wrong`);
    return { [part]: row };
  }
  const format = part === 'files-mozilla' ? 'mozilla' : 'lwp';
  const Jar = format === 'mozilla' ? MozillaCookieJar : LWPCookieJar;
  const jar: FileCookieJar = new Jar();
  for (const c of fileCookies) jar.setCookie(toJarCookie(c));
  let text = '';
  const save = medianPerOp(() => { text = jar.saveText({ ignoreDiscard: true }); }, 1);
  const load = medianPerOp(() => {
    const loaded: FileCookieJar = new Jar();
    loaded.loadText(text, { ignoreDiscard: true });
    if (loaded.size !== fileCookies.length) throw new Error(`${format}: loaded ${loaded.size} of ${fileCookies.length} cookies`);
  }, 1);
  return { [`save-${format}`]: { ours: save }, [`load-${format}`]: { ours: load } };
}

const partIndex = process.argv.indexOf('--part');
if (partIndex !== -1) {
  console.log(JSON.stringify(runPart(process.argv[partIndex + 1] ?? '')));
  process.exit(0);
}
const results: Record<string, Row> = {};
for (const part of ['extract', ...Object.keys(headerCases).map((size) => `header@${size}`), 'files-mozilla', 'files-lwp']) {
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2), '--part', part], { maxBuffer: 1 << 26 }).toString();
  Object.assign(results, JSON.parse(out) as Record<string, Row>);
}

// ---- python3 ---------------------------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'cji-bench-'));
const workFile = join(dir, 'work.json');
writeFileSync(workFile, JSON.stringify({ repeats: quick ? 1 : 3, extract, header: headerCases, files: { cookies: fileCookies } }));
const python = (...args: string[]) =>
  JSON.parse(execFileSync('python3', [join(import.meta.dirname, 'python_bench.py'), workFile, ...args], { maxBuffer: 1 << 26 }).toString()) as Record<string, number>;
// Python's add_cookie_header walks the whole jar: a few hundred requests or fewer per size measure it.
const pythonResults: Record<string, number> = { ...python('extract'), ...python('files') };
for (const size of Object.keys(headerCases)) Object.assign(pythonResults, python(size, String(PYTHON_HEADER_REQUESTS[size] ?? 10)));
for (const [key, value] of Object.entries(pythonResults)) { const row = results[key]; if (row) row.python = value; }

// ---- report ----------------------------------------------------------------------------------
const fmt = (seconds: number | undefined) => seconds === undefined ? '—' : seconds >= 1e-3 ? `${(seconds * 1e3).toFixed(2)} ms` : `${(seconds * 1e6).toFixed(2)} µs`;
const ratio = (other: number | undefined, ours: number) => other === undefined ? '—' : `${(other / ours).toFixed(other / ours >= 100 ? 0 : 1)}×`;
console.log(`src/jar vs tough-cookie vs python3 http.cookiejar — median time per operation (${REPEATS} runs${quick ? ', --quick' : ''})`);
console.log(`Node ${process.version}; python3 ${execFileSync('python3', ['--version']).toString().trim().replace('Python ', '')}; files: ${FILE_COOKIES.toLocaleString('en')} cookies; ${HEADER_REQUESTS.toLocaleString('en')} requests per jar size\n`);
console.log('workload'.padEnd(16) + 'src/jar'.padStart(12) + 'tough'.padStart(12) + 'python3'.padStart(12) + 'python/ours'.padStart(13) + 'tough/ours'.padStart(12));
for (const [key, row] of Object.entries(results)) {
  console.log(key.padEnd(16) + fmt(row.ours).padStart(12) + fmt(row.tough).padStart(12) + fmt(row.python).padStart(12) + ratio(row.python, row.ours).padStart(13) + ratio(row.tough, row.ours).padStart(12));
}
const h1k = results['header@1000']?.ours ?? Number.NaN;
const h10k = results['header@10000'];
const h100k = results['header@100000']?.ours ?? Number.NaN;
const targets: [string, boolean, string][] = [
  ['addCookieHeader ≥ 1000× python at 10,000 cookies', (h10k?.python ?? 0) / (h10k?.ours ?? Infinity) >= 1000, ratio(h10k?.python, h10k?.ours ?? Number.NaN)],
  ['addCookieHeader ≥ 2× tough-cookie getCookieStringSync at 10,000', (h10k?.tough ?? 0) / (h10k?.ours ?? Infinity) >= 2, ratio(h10k?.tough, h10k?.ours ?? Number.NaN)],
  ['addCookieHeader at 100,000 within 2× of 1,000', h100k / h1k <= 2, `${(h100k / h1k).toFixed(2)}×`],
  ...(['save-mozilla', 'load-mozilla', 'save-lwp', 'load-lwp'] as const).map((key): [string, boolean, string] => {
    const row = results[key];
    return [`${key} (${FILE_COOKIES.toLocaleString('en')} cookies) ≥ 5× python`, (row?.python ?? 0) / (row?.ours ?? Infinity) >= 5, ratio(row?.python, row?.ours ?? Number.NaN)];
  }),
];
console.log('\ntargets');
for (const [name, met, figure] of targets) console.log(`  ${met ? 'met    ' : 'NOT MET'}  ${name}: ${figure}`);
