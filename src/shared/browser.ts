// The one module that touches the browser API: everything else imports `browser` from here, so
// that tests can replace it and a Firefox build needs no other change.
import browser, { type Runtime } from 'webextension-polyfill';

export type Browser = typeof browser;
export type WebRequest = Browser['webRequest'];
export type MessageSender = Runtime.MessageSender;
export { browser };

/**
 * `extraHeaders` is what makes Chrome show Set-Cookie to webRequest; Firefox rejects the value,
 * so it is added only where the browser declares it.
 */
export function headersReceivedOptions(): string[] {
  const options = (browser.webRequest as unknown as { OnHeadersReceivedOptions?: Record<string, string> }).OnHeadersReceivedOptions;
  const extra = options?.['EXTRA_HEADERS'];
  return extra === undefined ? ['responseHeaders'] : ['responseHeaders', extra];
}

/** onBeforeSendHeaders options: `extraHeaders` makes Chrome show the Cookie header it sends. */
export function beforeSendHeadersOptions(): string[] {
  const options = (browser.webRequest as unknown as { OnBeforeSendHeadersOptions?: Record<string, string> }).OnBeforeSendHeadersOptions;
  const extra = options?.['EXTRA_HEADERS'];
  return extra === undefined ? ['requestHeaders'] : ['requestHeaders', extra];
}

/** The options of the background's webRequest listeners in this browser (src/background/wiring.ts). */
export function listenerOptions(): { headersReceived: string[]; beforeSendHeaders: string[] } {
  return { headersReceived: headersReceivedOptions(), beforeSendHeaders: beforeSendHeadersOptions() };
}

/**
 * An area's QUOTA_BYTES, or `fallback` where the browser declares none: Chrome's local and session
 * areas and Firefox's session area (131+) declare 10 MiB; Firefox's local area declares no quota (it
 * is backed by IndexedDB), and the background keeps the same 10 MiB bound there.
 */
export function storageQuotaBytes(area: unknown, fallback: number): number {
  const quota = (area as { QUOTA_BYTES?: unknown }).QUOTA_BYTES;
  return typeof quota === 'number' ? quota : fallback;
}

/**
 * Whether this is Chrome's incognito instance of the extension ("incognito": "split" runs one per
 * profile): it must keep everything in memory. Firefox runs one instance ("spanning"): false there.
 */
export function isIncognitoInstance(): boolean {
  return (browser.extension as { inIncognitoContext?: boolean } | undefined)?.inIncognitoContext === true;
}

/** Which browser this is, for the browser model's rules: Firefox, or Chromium (Chrome, Edge, ...). */
export function browserName(): 'chromium' | 'firefox' {
  return browser.runtime.getURL('').startsWith('moz-extension:') ? 'firefox' : 'chromium';
}

/** The browser's default cookie store id: 'firefox-default' in Firefox, '0' in Chrome. */
export function defaultCookieStoreId(): string {
  return browserName() === 'firefox' ? 'firefox-default' : '0';
}

/**
 * The `cookies` API as the background reads it. Firefox with first-party isolation on
 * (`privacy.firstparty.isolate`) refuses `getAll` without `firstPartyDomain` ("First-Party
 * Isolation is enabled, but the required 'firstPartyDomain' attribute was not set"); `null` asks
 * for the cookies of every first-party domain, isolation on or off. Chrome refuses the key: it is
 * added in Firefox only.
 */
export function cookiesApi() {
  const { cookies } = browser;
  if (browserName() !== 'firefox') return cookies;
  return {
    getAll: (details: Record<string, unknown>) => cookies.getAll({ firstPartyDomain: null, ...details }),
    set: (details: Parameters<typeof cookies.set>[0]) => cookies.set(details),
    getAllCookieStores: () => cookies.getAllCookieStores(),
  };
}

/** Firefox's containers (`contextualIdentities`, with its permission), to name them; undefined in Chrome. */
export function containersApi(): { query(details: Record<string, never>): Promise<unknown[]> } | undefined {
  return (browser as { contextualIdentities?: { query(details: Record<string, never>): Promise<unknown[]> } }).contextualIdentities;
}
