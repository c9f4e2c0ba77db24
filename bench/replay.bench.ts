// `replay` on a 100 MB HAR: the time from start to exit of the built CLI (lib/cli.mjs), median of
// 3 runs, text and --json output, and where the time goes (read, JSON.parse, contexts, the jar).
// The HAR is generated (test/replay/generate.ts) and padded as browsers' HARs are: ~30 request and
// response headers and a few KB of content text per entry. Run: npm run build:package && npm run bench:replay
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { replaySteps } from '../src/cli/commands/replay';
import { harSteps } from '../src/cli/har';
import { CookieJar } from '../src/jar';
import { buildPolicy, DEFAULT_SETTINGS } from '../src/shared/settings';
import { generateHar } from '../test/replay/generate';

const TARGET_MB = Number(process.argv[2] ?? 100);
const CLI = resolve(import.meta.dirname, '..', 'lib', 'cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'cji-bench-replay-'));
const file = join(dir, 'big.har');

const filler = (n: number) => 'x'.repeat(n);
const pad = (har: { log: { entries: { request: { headers: unknown[] }; response: { headers: unknown[] } }[] } }) => {
  for (const e of har.log.entries) {
    for (let i = 0; i < 15; i++) e.request.headers.push({ name: `X-Request-Header-${i}`, value: filler(40) });
    for (let i = 0; i < 15; i++) e.response.headers.push({ name: `X-Response-Header-${i}`, value: filler(40) });
    Object.assign(e.response, { content: { size: 2400, mimeType: 'text/html', text: filler(2400) } });
    Object.assign(e, { timings: { blocked: 1, dns: 0, connect: 0, send: 0, wait: 20, receive: 1, ssl: -1 }, time: 22 });
  }
  return har;
};
const perEntry = JSON.stringify(pad(generateHar(200, 1) as never)).length / 200;
const entries = Math.round((TARGET_MB * 1e6) / perEntry);
writeFileSync(file, JSON.stringify(pad(generateHar(entries, 7) as never)));
const mb = statSync(file).size / 1e6;
console.log(`HAR: ${mb.toFixed(1)} MB, ${entries} entries`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
for (const args of [['--quiet'], ['--json']]) {
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [CLI, 'replay', file, ...args], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
    times.push((performance.now() - start) / 1000);
    if (result.status !== 0) throw new Error(`replay exited ${result.status}`);
  }
  console.log(`replay ${args.join(' ')}: median ${median(times).toFixed(2)} s (${times.map((t) => t.toFixed(2)).join(', ')}), ${(mb / median(times)).toFixed(0)} MB/s`);
}

// Where the time goes, in this process.
let t = performance.now();
const text = readFileSync(file, 'utf8');
const read = performance.now() - t; t = performance.now();
const data: unknown = JSON.parse(text);
const parse = performance.now() - t; t = performance.now();
const steps = harSteps(data);
const contexts = performance.now() - t; t = performance.now();
const clock = { now: 0 };
const decisions = replaySteps(steps, new CookieJar(buildPolicy(DEFAULT_SETTINGS), { now: () => clock.now }), clock);
const jar = performance.now() - t;
console.log(`phases: read ${read.toFixed(0)} ms, JSON.parse ${parse.toFixed(0)} ms, contexts ${contexts.toFixed(0)} ms, jar ${jar.toFixed(0)} ms (${decisions.length} Set-Cookie decisions)`);
console.log(`node ${execFileSync(process.execPath, ['--version'], { encoding: 'utf8' }).trim()}`);
rmSync(dir, { recursive: true, force: true });
