// --browser: src/browser-model's store (docs/browser-model.md), for explain and replay.
import { BrowserCookieStore, type BrowserName, type ThirdPartyCookieSetting } from '../browser-model';
import { UsageError } from './exit';

export const BROWSER_NAMES: readonly BrowserName[] = ['chromium', 'firefox'];
export const THIRD_PARTY_SETTINGS: readonly ThirdPartyCookieSetting[] = ['blocked', 'allowed', 'phaseout', 'partitioned'];

export interface BrowserOptions { browser?: string | undefined; thirdPartyCookies?: ThirdPartyCookieSetting | undefined }

/**
 * The model's store for --browser, or null without it. The clock is in seconds, as the jar's. The
 * third-party setting defaults to the browser's in a fresh profile here (docs/browser-model.md, "The
 * third-party cookie setting"): blocked in Chromium 156, partitioned (Total Cookie Protection) in Firefox.
 */
export function browserStore(options: BrowserOptions, clock: () => number): BrowserCookieStore | null {
  if (options.browser === undefined) return null;
  const browser = BROWSER_NAMES.find((name) => name === options.browser);
  if (browser === undefined) throw new UsageError(`--browser ${options.browser}: the browser model covers ${BROWSER_NAMES.join(' and ')}`);
  return new BrowserCookieStore({ browser, ...options.thirdPartyCookies === undefined ? {} : { thirdPartyCookies: options.thirdPartyCookies }, now: () => clock() * 1000 });
}
