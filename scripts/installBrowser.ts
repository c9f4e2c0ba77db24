// `npm start` on a machine without a browser gets one itself, in this order: a download (Playwright's
// Chromium; Mozilla's Firefox through @puppeteer/browsers) where the network allows it, else as root
// with apt-get, Debian's package (as .ci/run does), else an error saying exactly what to install.
// Setting CHROMIUM_PATH (or FIREFOX_PATH) to a browser means nothing is ever installed.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Browser, BrowserTag, detectBrowserPlatform, install, resolveBuildId } from '@puppeteer/browsers';
import { DEBIAN_PACKAGE, findBrowser, findDownloadedBrowser, firefoxCacheDir, installHint, type BrowserName } from '../e2e/browsers';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');

/** One way to get a browser: `skip` says why it cannot be tried here; `install` returns the binary or throws why it failed. */
export interface InstallRoute {
  name: string;
  skip(): string | null;
  install(): Promise<string>;
}

/** The first command of these found on PATH or in the system directories (PATH may be minimal). */
function findCommand(command: string): string | null {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/bin', '/usr/sbin', '/bin'];
  return dirs.filter((dir) => dir !== '').map((dir) => join(dir, command)).find((path) => existsSync(path)) ?? null;
}

function download(name: BrowserName): InstallRoute {
  if (name === 'chromium') {
    return {
      name: 'Playwright\'s Chromium download (npx playwright install chromium)',
      skip: () => null,
      install: async () => {
        await run(process.execPath, [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'install', 'chromium'], { timeout: 10 * 60_000 });
        const installed = findDownloadedBrowser('chromium');
        if (installed === null) throw new Error('the download ended without a Chromium');
        return installed;
      },
    };
  }
  return {
    name: `Mozilla's Firefox download (@puppeteer/browsers, into ${firefoxCacheDir()})`,
    skip: () => (detectBrowserPlatform() === undefined ? 'no Firefox build for this platform' : null),
    install: async () => {
      const platform = detectBrowserPlatform();
      if (platform === undefined) throw new Error('no Firefox build for this platform');
      const buildId = await resolveBuildId(Browser.FIREFOX, platform, BrowserTag.STABLE);
      return (await install({ browser: Browser.FIREFOX, buildId, platform, cacheDir: firefoxCacheDir() })).executablePath;
    },
  };
}

function debianPackage(name: BrowserName): InstallRoute {
  const pkg = DEBIAN_PACKAGE[name];
  const aptGet = findCommand('apt-get');
  return {
    name: `Debian's ${pkg} package (apt-get install ${pkg})`,
    skip: () => {
      if (aptGet === null) return 'no apt-get on this machine';
      if (process.getuid?.() !== 0) return `not running as root (run \`sudo apt-get install ${pkg}\` yourself)`;
      return null;
    },
    install: async () => {
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      const apt = aptGet ?? 'apt-get';
      await run(apt, ['update', '-qq'], { env, timeout: 10 * 60_000 });
      await run(apt, ['install', '-y', '-qq', pkg], { env, timeout: 20 * 60_000, maxBuffer: 64 * 1024 * 1024 });
      // The package's binary is in /usr/bin whatever the lookup directories are.
      const installed = findCommand(pkg === 'chromium' ? 'chromium' : 'firefox-esr');
      if (installed === null) throw new Error(`apt-get installed ${pkg} but no binary of it was found`);
      return installed;
    },
  };
}

export function installRoutes(name: BrowserName): InstallRoute[] {
  return [download(name), debianPackage(name)];
}

/** Why a route failed, in one line: a failed command's own first error line, else the error's first line. */
function firstLine(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  const lines = typeof stderr === 'string' ? stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '') : [];
  const reported = lines.find((line) => /^(Error|E):/.test(line)) ?? lines[0];
  return reported ?? (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/**
 * The browser to run: the one found (findBrowser), else the first install route that works. Throws
 * an error naming every route tried and why it failed, and what to install by hand.
 */
export async function ensureBrowser(
  name: BrowserName,
  options: { find?: () => string | null; routes?: InstallRoute[]; log?: (line: string) => void } = {},
): Promise<string> {
  const find = options.find ?? (() => findBrowser(name));
  const log = options.log ?? ((line: string) => { console.log(line); });
  const found = find();
  if (found !== null) return found;
  const label = name === 'chromium' ? 'Chromium' : 'Firefox';
  log(`No ${label} found: getting one (set ${name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'} to use your own and install nothing).`);
  const failures: string[] = [];
  for (const route of options.routes ?? installRoutes(name)) {
    const skipped = route.skip();
    if (skipped !== null) {
      failures.push(`${route.name}: ${skipped}`);
      continue;
    }
    log(`Trying ${route.name}...`);
    try {
      const path = await route.install();
      log(`Installed ${label}: ${path}`);
      return path;
    } catch (error) {
      failures.push(`${route.name}: ${firstLine(error)}`);
      log(`  failed: ${firstLine(error)}`);
    }
  }
  throw new Error(`No ${label} found, and none could be installed:\n${failures.map((f) => `  - ${f}`).join('\n')}\n${installHint(name)}`);
}
