// The README's command-line examples run as written (npx cji -> the CLI from source) on sample
// files: each exits 0, or 1 where the example says it reports a finding.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..', '..');
const README = await readFile(join(ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('## The command-line tool and the Node package'));
const shell = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const examples = shell.split('\n').filter((line) => line.startsWith('npx cji '));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cji-readme-'));
  await writeFile(join(dir, 'cookies.txt'), '# Netscape HTTP Cookie File\n#HttpOnly_.example.com\tTRUE\t/\tFALSE\t0\tsid\t1\nshop.example.com\tFALSE\t/\tTRUE\t2000000000\tcart\t3\nwww.example.com\tFALSE\t/\ttrue\t2000000000\tpref\t1\n');
  await writeFile(join(dir, 'cookies.json'), JSON.stringify([{ domain: '.example.com', hostOnly: false, name: 'sid', value: '1', path: '/', secure: false, httpOnly: true, sameSite: 'lax', session: true, storeId: '0' }]));
  await copyFile(join(ROOT, 'test', 'replay', 'e2e-site.har'), join(dir, 'session.har'));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('the README examples', { timeout: 30_000 }, () => {
  it('has the five examples', () => { expect(examples).toHaveLength(5); });

  it.each(examples)('%s', async (example) => {
    const args = example.replace(/\s+#.*$/, '').split(/\s+/).slice(2);
    const result = await run(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'src', 'cli', 'bin.ts'), ...args], { cwd: dir })
      .then((r) => ({ code: 0, ...r }), (e: unknown) => e as { code: number; stdout: string; stderr: string });
    const findsProblems = /exit 1 if/.test(shell.split('\n')[shell.split('\n').indexOf(example) - 1] ?? '');
    expect(result.code, `${example}\n${result.stderr}`).toBe(findsProblems ? 1 : 0);
    expect(result.stdout.length + result.stderr.length).toBeGreaterThan(0);
  });
});
