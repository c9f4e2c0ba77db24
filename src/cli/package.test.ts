// The published package: `npm pack` (which builds lib/ through `prepare`) holds only what the
// package needs, and the tarball installed into an empty folder gives working bins
// (cookie-jar-inspector, cji), importable entry points and types that a strict TypeScript accepts.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..', '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

let dir: string;
let app: string;
let files: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cji-pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, maxBuffer: 16 << 20 });
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  files = (packed?.files ?? []).map((f) => f.path).sort();
  app = join(dir, 'app');
  await mkdir(app);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, packed?.filename ?? '')], { cwd: app });
}, 120_000);
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const FILE = '# Netscape HTTP Cookie File\n#HttpOnly_.example.com\tTRUE\t/\tFALSE\t2000000000\tsid\t1\n';

describe('the packed package', { timeout: 60_000 }, () => {
  it('holds only the built entry points, their types, the README and the CLI docs', () => {
    expect(files.length).toBeGreaterThan(8);
    for (const path of files) expect(path).toMatch(/^(package\.json|README\.md|docs\/(cli|formats)\.md|lib\/[\w-]+\.(mjs|d\.mts))$/);
    for (const entry of ['lib/cli.mjs', 'lib/jar.mjs', 'lib/jar.d.mts', 'lib/jar-node.mjs', 'lib/jar-node.d.mts', 'lib/formats.mjs', 'lib/formats.d.mts']) expect(files).toContain(entry);
  });

  it('installs bins that run: cookie-jar-inspector and cji', async () => {
    const { stdout } = await run(join(app, 'node_modules', '.bin', 'cookie-jar-inspector'), ['--help'], { cwd: app });
    expect(stdout).toMatch(/Usage: cookie-jar-inspector/);
    await writeFile(join(app, 'cookies.txt'), FILE);
    await expect(run(join(app, 'node_modules', '.bin', 'cji'), ['lint', 'cookies.txt', '--for', 'wget'], { cwd: app })).rejects.toMatchObject({ code: 1, stdout: expect.stringMatching(/wget\/httponly-line/) as unknown });
  });

  it('exports the engine, the file store and the formats, with types', async () => {
    await writeFile(join(app, 'cookies.txt'), FILE);
    // The README's TypeScript example, then a few lines that use what it made.
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(example).toContain("from 'cookie-jar-inspector/jar'");
    const source = `${example}
      const request = new CookieRequest('https://www.example.com/');
      jar.addCookieHeader(request);
      const report = lintCookieFile(new TextEncoder().encode('x'), 'curl', 0);
      console.log(request.getHeader('Cookie'), report.reader);
    `;
    await writeFile(join(app, 'check.ts'), source);
    await run(process.execPath, [TSC, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--lib', 'es2022,dom', 'check.ts'], { cwd: app });
    await writeFile(join(app, 'check.mjs'), source);
    const { stdout } = await run(process.execPath, ['check.mjs'], { cwd: app });
    expect(stdout.trim()).toBe('sid=1 curl');
  });
});
