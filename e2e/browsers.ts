// Where the browsers are: the e2e fixtures and `npm start` find Chromium and Firefox here, and never
// install anything (scripts/installBrowser.ts does that, for `npm start` only). Order: the variable
// (CHROMIUM_PATH, FIREFOX_PATH), then the copy `npm start` downloaded, then the system's.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium } from '@playwright/test';
import { Browser, Cache } from '@puppeteer/browsers';

export type BrowserName = 'chromium' | 'firefox';

export const PATH_VARIABLE: Record<BrowserName, string> = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH' };
/** The executables looked for in the system's directories. */
const EXECUTABLES: Record<BrowserName, string[]> = { chromium: ['chromium', 'chromium-browser'], firefox: ['firefox-esr', 'firefox'] };
/** Debian's package of each, as .ci/run installs it. */
export const DEBIAN_PACKAGE: Record<BrowserName, string> = { chromium: 'chromium', firefox: 'firefox-esr' };

/** Where `npm start` downloads a Firefox (Chromium goes to Playwright's own cache). */
export function firefoxCacheDir(): string {
  return join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'cookie-jar-inspector', 'browsers');
}

/**
 * The directories searched for a system browser: PATH and /usr/bin, or CJI_BROWSER_SEARCH_PATHS
 * instead (tests only: a list pointing nowhere simulates a machine without a browser).
 */
function systemDirectories(): string[] {
  const override = process.env['CJI_BROWSER_SEARCH_PATHS'];
  if (override !== undefined) return override.split(delimiter).filter((dir) => dir !== '');
  return [...(process.env['PATH'] ?? '').split(delimiter).filter((dir) => dir !== ''), '/usr/bin'];
}

export function findSystemBrowser(name: BrowserName): string | null {
  for (const dir of systemDirectories()) {
    for (const executable of EXECUTABLES[name]) {
      const candidate = join(dir, executable);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** The browser `npm start` downloaded before, if any. */
export function findDownloadedBrowser(name: BrowserName): string | null {
  if (name === 'chromium') {
    let own: string | undefined;
    try { own = chromium.executablePath(); } catch { own = undefined; }
    return own !== undefined && existsSync(own) ? own : null;
  }
  const firefox = new Cache(firefoxCacheDir()).getInstalledBrowsers().filter((installed) => installed.browser === Browser.FIREFOX);
  return firefox.map((installed) => installed.executablePath).find((path) => existsSync(path)) ?? null;
}

/** What to do when no browser is found: the exact ways to get one. */
export function installHint(name: BrowserName): string {
  const variable = PATH_VARIABLE[name];
  const download = name === 'chromium' ? '`npx playwright install chromium`' : '`npx @puppeteer/browsers install firefox@stable --path ' + firefoxCacheDir() + '`';
  return `Install one with Debian's package (\`sudo apt-get install ${DEBIAN_PACKAGE[name]}\`), or where downloads work ${download}, ` +
    `or set ${variable} to a ${name === 'chromium' ? 'Chromium' : 'Firefox (140 or newer)'} binary.`;
}

/** The browser to use, or null when there is none (a set but missing variable is an error). */
export function findBrowser(name: BrowserName): string | null {
  const variable = PATH_VARIABLE[name];
  const fromEnv = process.env[variable];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(fromEnv)) throw new Error(`${variable} is ${fromEnv}, which does not exist. ${installHint(name)}`);
    return fromEnv;
  }
  return findDownloadedBrowser(name) ?? findSystemBrowser(name);
}

/** For the e2e suites: the browser, or an error saying what to install (a suite never skips). */
export function requireBrowser(name: BrowserName): string {
  const found = findBrowser(name);
  if (found === null) throw new Error(`No ${name === 'chromium' ? 'Chromium' : 'Firefox'} found for the end-to-end tests. ${installHint(name)}`);
  return found;
}
