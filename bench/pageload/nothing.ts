// Builds the do-nothing extension: the extension's manifest (its permissions, host access and
// incognito mode, read from the built extension/manifest.json) with a service worker that registers
// the extension's listeners and does nothing (nothingWorker.ts), bundled by Vite as the extension is.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const WORKER = resolve(import.meta.dirname, 'nothingWorker.ts');

/** Writes the do-nothing extension into `dir` (with the comparison listener registered or not). */
export async function buildNothingExtension(dir: string, extensionDir: string, compareSentHeaders: boolean): Promise<string> {
  await mkdir(dir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    define: { COMPARE_SENT_HEADERS: JSON.stringify(compareSentHeaders) },
    build: {
      outDir: dir,
      emptyOutDir: true,
      minify: false,
      target: 'chrome116',
      lib: { entry: WORKER, formats: ['es'], fileName: () => 'worker.js' },
    },
  });
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const nothing = {
    manifest_version: 3,
    name: `Do nothing (the listeners of ${String(manifest['name'])})`,
    version: manifest['version'],
    permissions: manifest['permissions'],
    host_permissions: manifest['host_permissions'],
    incognito: manifest['incognito'],
    background: { service_worker: 'worker.js', type: 'module' },
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(nothing, null, 2));
  return dir;
}
