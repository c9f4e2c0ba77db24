// --browser: src/browser-model's store (docs/browser-model.md), for explain and replay.
import { BrowserCookieStore, type ThirdPartyCookieSetting } from '../browser-model';
import { UsageError } from './exit';

export const BROWSER_NAMES = ['chromium', 'firefox'] as const;
export const THIRD_PARTY_SETTINGS: readonly ThirdPartyCookieSetting[] = ['blocked', 'allowed', 'phaseout'];

export interface BrowserOptions { browser?: string | undefined; thirdPartyCookies?: ThirdPartyCookieSetting | undefined }

/** The model's store for --browser, or null without it. The clock is in seconds, as the jar's. */
export function browserStore(options: BrowserOptions, clock: () => number): BrowserCookieStore | null {
  if (options.browser === undefined) return null;
  if (options.browser !== 'chromium') throw new UsageError(`--browser ${options.browser}: the browser model covers chromium so far (docs/browser-model.md)`);
  // Blocked is what Chromium 156 does in a fresh profile here (docs/browser-model.md, "The third-party cookie setting").
  return new BrowserCookieStore({ browser: 'chromium', thirdPartyCookies: options.thirdPartyCookies ?? 'blocked', now: () => clock() * 1000 });
}
