// `npm run package`: the store-ready zips of both builds (`npm run package` builds them first):
// dist/cookie-jar-inspector-chrome-<version>.zip and dist/cookie-jar-inspector-firefox-<version>.zip,
// the version from package.json. web-ext's packager writes each zip (the one addons.mozilla.org
// documents). A build holding a source map or a test file, or one of another version, is refused
// rather than shipped. `--out DIR` writes elsewhere (the test does).
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import pkg from '../package.json' with { type: 'json' };
import { OUT_DIR, type Target } from '../build/manifest';

const ROOT = resolve(import.meta.dirname, '..');
const TARGETS: Target[] = ['chrome', 'firefox'];
/** What never goes into a package: source maps, tests, editor and OS leftovers. */
const FORBIDDEN = /(\.map$|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)\.|~$)/;

export const packageName = (target: Target, version = pkg.version): string => `cookie-jar-inspector-${target}-${version}.zip`;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

/** Refuses a build that is not what the store should get; returns its file list. */
export async function checkBuild(target: Target, dir: string): Promise<string[]> {
  const files = await filesUnder(dir).catch(() => { throw new Error(`${dir} does not exist: run npm run ${target === 'chrome' ? 'build' : 'build:firefox'} first`); });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { version?: string };
  if (manifest.version !== pkg.version) throw new Error(`${dir}/manifest.json has version ${manifest.version ?? '(none)'}, package.json ${pkg.version}: rebuild`);
  const forbidden = files.filter((file) => FORBIDDEN.test(file));
  if (forbidden.length > 0) throw new Error(`${dir} holds files no package may ship: ${forbidden.join(', ')}`);
  return files;
}

export async function packageAll(outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const target of TARGETS) {
    const sourceDir = resolve(ROOT, OUT_DIR[target]);
    await checkBuild(target, sourceDir);
    await promisify(execFile)(resolve(ROOT, 'node_modules/.bin/web-ext'), [
      'build', '--source-dir', sourceDir, '--artifacts-dir', outDir, '--filename', packageName(target), '--overwrite-dest', '--no-config-discovery',
    ]);
    written.push(join(outDir, packageName(target)));
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: resolve(ROOT, 'dist') } } });
  for (const file of await packageAll(resolve(values.out))) console.log(`wrote ${relative(process.cwd(), file)}`);
}
