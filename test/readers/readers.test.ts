// lint's predictions against the real readers: every case file (cases.ts) goes to curl, wget,
// yt-dlp, Python and Perl, which request five URLs from a local recording server; for every reader,
// file and URL the Cookie header received must be exactly the one lint predicts. The same for the
// files `convert --for READER` writes from each case: the reader must then lose nothing lint
// cannot help (a __Secure- cookie that is not Secure stays refused by curl).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCertificate, startProxy, type Proxy } from '../../e2e/tools';
import { lintCookieFile, readCookieFile, readerSends, writeCookieFile, type LintReport, type Reader } from '../../src/formats';
import { CASES, caseUrls } from './cases';
import { runReader, startRecorder, type Job, type JobOutcome, type Recorder } from './drivers';

const READERS: Reader[] = ['curl', 'wget', 'yt-dlp', 'python', 'perl'];
// What no cookies.txt can give the reader: a __Secure- cookie that is not Secure (curl refuses it),
// a line too long for curl's buffer, a cookie without a value (curl: `token=`, wget: dropped).
const UNFIXABLE = new Set(['curl/cookie-prefix', 'curl/line-too-long', 'curl/empty-name', 'wget/empty-name']);

interface Run { reader: Reader; label: string; file: string; format: 'mozilla' | 'lwp'; report: LintReport; tags: string[]; urls: string[] }

let http: Recorder;
let https: Recorder;
let proxy: Proxy;
let dir: string;
const runs: Run[] = [];
const outcomes = new Map<Run, JobOutcome>();
const now = () => Date.now() / 1000;

function pairs(header: string | undefined): string[] {
  return header === undefined || header === '' ? [] : header.split(/;\s*/).filter((p) => p !== '').sort();
}

beforeAll(async () => {
  http = await startRecorder();
  https = await startRecorder(await makeCertificate());
  proxy = await startProxy(http.port, https.port);
  dir = await mkdtemp(join(tmpdir(), 'cji-readers-'));
  const urls = caseUrls(http.port, https.port);
  let n = 0;
  const add = async (reader: Reader, label: string, bytes: Uint8Array, format: 'mozilla' | 'lwp') => {
    const file = join(dir, `${n++}.txt`);
    await writeFile(file, bytes);
    const tags = urls.map((_, i) => `${n}-${i}`);
    runs.push({ reader, label, file, format, report: lintCookieFile(bytes, reader, now()), tags, urls: urls.map((u, i) => `${u}?t=${tags[i] ?? ''}`) });
  };
  for (const reader of READERS) {
    for (const c of CASES) {
      await add(reader, c.name, c.bytes, c.format);
      // convert --for READER (Perl: --to lwp) from every case the converter can read.
      let read;
      try { read = readCookieFile(c.bytes); } catch { continue; }
      const to = reader === 'perl' ? 'lwp' : 'mozilla';
      const written = writeCookieFile(read.cookies, { to, dialect: reader === 'perl' ? undefined : reader, now: now() });
      await add(reader, `${c.name}, converted for ${reader}`, new TextEncoder().encode(written.text), to);
    }
  }
  await Promise.all(READERS.map(async (reader) => {
    const mine = runs.filter((r) => r.reader === reader);
    const results = await runReader(reader, mine.map((r): Job => ({ file: r.file, format: r.format, urls: r.urls })), proxy);
    mine.forEach((r, i) => { outcomes.set(r, results[i] ?? { code: -1, stderr: 'no result' }); });
  }));
}, 120_000);

afterAll(async () => {
  await proxy.close();
  await http.close();
  await https.close();
  await rm(dir, { recursive: true, force: true });
});

describe('lint predicts what the real reader sends', () => {
  it('covers every case for every reader, and each converted case', () => {
    expect(CASES).toHaveLength(15);
    expect(runs.length).toBeGreaterThanOrEqual(READERS.length * CASES.length * 2 - READERS.length * 2);
  });

  it.each(READERS.flatMap((reader) => CASES.map((c) => [reader, c.name] as const)))('%s: %s', (reader, name) => {
    for (const run of runs.filter((r) => r.reader === reader && (r.label === name || r.label === `${name}, converted for ${reader}`))) {
      const outcome = outcomes.get(run);
      const refused = run.report.refused !== null;
      if (reader === 'python' || reader === 'yt-dlp') expect(outcome?.code !== 0, `${run.label}: process ${JSON.stringify(outcome)} vs refused ${JSON.stringify(run.report.refused)}`).toBe(refused);
      run.urls.forEach((url, i) => {
        const actual = pairs(((url.startsWith('https:') ? https : http).received.get(run.tags[i] ?? '')));
        const predicted = refused ? [] : readerSends(reader, run.report.cookies, url, now()).sort();
        expect(actual, `${reader} on "${run.label}", ${url}\n${JSON.stringify(run.report.lines.map((l) => [l.line, l.outcome, l.rules]))}`).toEqual(predicted);
      });
      if (run.label.endsWith(`converted for ${reader}`)) {
        const problems = run.report.lines.filter((l) => (l.outcome === 'dropped' || l.outcome === 'misread') && !l.rules.some((r) => UNFIXABLE.has(r)));
        expect(run.report.refused, run.label).toBeNull();
        expect(problems, run.label).toEqual([]);
      }
    }
  });
});
