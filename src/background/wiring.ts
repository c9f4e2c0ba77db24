// Registers the background's listeners on a browser-like object: the real browser in index.ts, the
// fake one in tests, so both run exactly the same registration.
import type { BeforeRedirectDetails, BeforeSendHeadersDetails, HeadersReceivedDetails, RequestDetails } from './adapter';
import type { Background, CookieChange } from './service';

interface Event<L> { addListener(listener: L, ...options: never[]): void }
type WebRequestEvent<D> = { addListener(listener: (details: D) => void, filter: { urls: string[] }, extraInfoSpec?: string[]): void };

/** The part of the browser API the background listens to. */
export interface BrowserEvents {
  webRequest: {
    onHeadersReceived: WebRequestEvent<HeadersReceivedDetails>;
    onBeforeRedirect: WebRequestEvent<BeforeRedirectDetails>;
    onBeforeSendHeaders: WebRequestEvent<BeforeSendHeadersDetails>;
    onCompleted: WebRequestEvent<RequestDetails>;
    onErrorOccurred: WebRequestEvent<RequestDetails>;
  };
  tabs: {
    onCreated: Event<(tab: { id?: number | undefined; incognito: boolean }) => void>;
    onRemoved: Event<(tabId: number) => void>;
  };
  runtime: { onStartup: Event<() => void> };
  cookies: { onChanged: Event<(change: CookieChange) => void> };
  storage: { onChanged: Event<(changes: Record<string, { newValue?: unknown }>, areaName: string) => void> };
}

export const URL_FILTER = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };

/** Call synchronously at the top level of the worker: an event that wakes it must find its listener. */
export function registerListeners(api: BrowserEvents, background: Background, options: { headersReceived: string[]; beforeSendHeaders: string[] }): void {
  api.webRequest.onHeadersReceived.addListener((d) => { background.onHeadersReceived(d); }, URL_FILTER, options.headersReceived);
  api.webRequest.onBeforeRedirect.addListener((d) => { background.onBeforeRedirect(d); }, URL_FILTER);
  api.webRequest.onBeforeSendHeaders.addListener((d) => { background.onBeforeSendHeaders(d); }, URL_FILTER, options.beforeSendHeaders);
  api.webRequest.onCompleted.addListener((d) => { background.onRequestEnd(d); }, URL_FILTER);
  api.webRequest.onErrorOccurred.addListener((d) => { background.onRequestEnd(d); }, URL_FILTER);
  api.tabs.onCreated.addListener((tab) => { background.onTabCreated(tab); });
  api.tabs.onRemoved.addListener((tabId) => { background.onTabRemoved(tabId); });
  api.runtime.onStartup.addListener(() => { background.onStartup(); });
  api.cookies.onChanged.addListener((change) => { background.onCookieChanged(change); });
  api.storage.onChanged.addListener((changes, areaName) => {
    const settings = changes['settings'];
    if (areaName === 'local' && settings !== undefined) background.onStoredSettingsChanged(settings.newValue);
  });
}
