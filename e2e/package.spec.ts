// `npm run package`'s zips, unpacked by an independent reader (python3's zipfile) as a store would:
// each manifest is the browser's, every file it names is inside, nothing that must not ship is, and
// the size stays that of the code (the builds are made by test:e2e before this runs).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import pkg from '../package.json' with { type: 'json' };

const ROOT = resolve(import.meta.dirname, '..');
const run = promisify(execFile);
/** About 180 KB today; a source map or a stray dependency would more than double it. */
const MAX_ZIP_BYTES = 400 * 1024;

interface Manifest {
  version: string;
  icons?: Record<string, string>;
  background: { service_worker?: string; scripts?: string[]; type?: string };
  action: { default_popup: string; default_icon?: Record<string, string> };
  minimum_chrome_version?: string;
  incognito?: string;
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: unknown }; gecko_android?: unknown };
}

/** Every file a manifest names. */
function namedFiles(manifest: Manifest): string[] {
  return [
    ...Object.values(manifest.icons ?? {}),
    ...Object.values(manifest.action.default_icon ?? {}),
    manifest.action.default_popup,
    ...(manifest.background.service_worker === undefined ? [] : [manifest.background.service_worker]),
    ...(manifest.background.scripts ?? []),
  ];
}

test.describe('npm run package', () => {
  let outDir = '';
  test.beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'cji-package-'));
    await run(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/package.ts', '--out', outDir], { cwd: ROOT });
  });
  test.afterAll(async () => { await rm(outDir, { recursive: true, force: true }); });

  for (const target of ['chrome', 'firefox'] as const) {
    test(`the ${target} zip: its manifest, every file it names, nothing else, a code-sized zip`, async () => {
      const zip = join(outDir, `cookie-jar-inspector-${target}-${pkg.version}.zip`);
      const size = (await stat(zip)).size;
      expect(size).toBeLessThan(MAX_ZIP_BYTES);
      expect(size).toBeGreaterThan(50 * 1024);
      const unpacked = join(outDir, target);
      await run('python3', ['-m', 'zipfile', '-e', zip, unpacked]);
      const files = (await readdir(unpacked, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(unpacked.length + 1));
      expect(files.filter((f) => /\.map$|\.(test|spec)\.|(^|\/)\./.test(f))).toEqual([]);
      expect(files.filter((f) => /\.(ts|tsx)$/.test(f))).toEqual([]);

      const manifest = JSON.parse(await readFile(join(unpacked, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.version).toBe(pkg.version);
      for (const file of namedFiles(manifest)) expect(existsSync(join(unpacked, file)), `${file}, named by the manifest`).toBe(true);
      expect(Object.keys(manifest.icons ?? {})).toEqual(['16', '32', '48', '128']);
      // The popup's own script and stylesheet are in the zip too.
      const popup = await readFile(join(unpacked, manifest.action.default_popup), 'utf8');
      const referenced = [...popup.matchAll(/(?:src|href)="\/?([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(referenced.length).toBeGreaterThanOrEqual(2);
      for (const file of referenced) expect(existsSync(join(unpacked, file)), `${file}, named by the popup`).toBe(true);

      if (target === 'chrome') {
        expect(Object.keys(manifest.background).sort()).toEqual(['service_worker', 'type']);
        expect(manifest.minimum_chrome_version).toBeDefined();
        expect(manifest.browser_specific_settings).toBeUndefined();
      } else {
        expect(Object.keys(manifest.background).sort()).toEqual(['scripts', 'type']);
        expect(manifest.background.scripts).toHaveLength(1);
        expect(manifest.minimum_chrome_version).toBeUndefined();
        expect(manifest.incognito).toBe('spanning');
        expect(manifest.browser_specific_settings?.gecko).toMatchObject({ id: expect.any(String), strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } });
      }
    });
  }
});
