import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const INSTALL_HINT =
  'No Chromium found for the end-to-end tests. Install one with `npx playwright install chromium` ' +
  '(where downloads work) or Debian\'s package (`apt-get install chromium`), or set CHROMIUM_PATH to a Chromium binary.';

/** CHROMIUM_PATH if set, else Playwright's own Chromium if installed, else Debian's /usr/bin/chromium. */
export function findChromium(): string {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist. ${INSTALL_HINT}`);
    return fromEnv;
  }
  let playwrightOwn: string | undefined;
  try { playwrightOwn = chromium.executablePath(); } catch { playwrightOwn = undefined; }
  for (const candidate of [playwrightOwn, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate !== undefined && existsSync(candidate)) return candidate;
  }
  throw new Error(INSTALL_HINT);
}
