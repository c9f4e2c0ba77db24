// Registers the background's listeners on a browser-like object: the real browser in index.ts, the
// fake one in tests, the do-nothing extension of bench:pageload, so all run exactly the same
// registration.
//
// Every listener costs every request it hears an event dispatched to the worker, so there are as few
// as the product needs: no onCompleted/onErrorOccurred (a redirect chain ends with its last
// response: adapter.ts `endResponse`).
//
// The sent-header comparison's listener (onBeforeSendHeaders with extraHeaders) is not among them:
// Chrome then hands every request's headers to the extension before sending it, which costs page
// loads about 5 to 10% (docs/performance.md). It is registered only while the user has the comparison on
// (`SentHeadersListener.listen`, called by the Background whenever its settings are applied: once
// the stored settings are read after every start of the worker, and on every change).
import type { BeforeRedirectDetails, BeforeSendHeadersDetails, HeadersReceivedDetails } from './adapter';
import type { Background, CookieChange } from './service';

interface Event<L> { addListener(listener: L, ...options: never[]): void }
type WebRequestEvent<D> = { addListener(listener: (details: D) => void, filter: { urls: string[] }, extraInfoSpec?: string[]): void };
type RemovableWebRequestEvent<D> = WebRequestEvent<D> & { removeListener(listener: (details: D) => void): void };

/** The part of the browser API the background listens to. */
export interface BrowserEvents {
  webRequest: {
    onHeadersReceived: WebRequestEvent<HeadersReceivedDetails>;
    onBeforeRedirect: WebRequestEvent<BeforeRedirectDetails>;
    onBeforeSendHeaders: RemovableWebRequestEvent<BeforeSendHeadersDetails>;
  };
  tabs: {
    onCreated: Event<(tab: { id?: number | undefined; incognito: boolean }) => void>;
    onRemoved: Event<(tabId: number) => void>;
  };
  runtime: { onStartup: Event<() => void> };
  cookies: { onChanged: Event<(change: CookieChange) => void> };
  storage: { onChanged: Event<(changes: Record<string, { newValue?: unknown }>, areaName: string) => void> };
}

/** What the listeners call: the Background's event handlers (the do-nothing extension of bench:pageload gives no-ops). */
export type EventHandlers = Pick<Background, 'onHeadersReceived' | 'onBeforeRedirect' | 'onBeforeSendHeaders' | 'onTabCreated' | 'onTabRemoved'
  | 'onStartup' | 'onCookieChanged' | 'onStoredSettingsChanged'>;

/** The webRequest options of the listeners that take some (src/shared/browser.ts `listenerOptions` for the real browser). */
export interface ListenerOptions { headersReceived: string[]; beforeSendHeaders: string[] }

export const URL_FILTER = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };

/** The comparison's listener, registered or not. */
export interface SentHeadersListener {
  /** Registers the listener (on) or removes it (off); nothing when it already is as asked. */
  listen(on: boolean): void;
}

/**
 * Call synchronously at the top level of the worker: an event that wakes it must find its listener.
 * Returns the switch of the comparison's listener, which is not registered yet.
 */
export function registerListeners(api: BrowserEvents, background: EventHandlers, options: ListenerOptions): SentHeadersListener {
  api.webRequest.onHeadersReceived.addListener((d) => { background.onHeadersReceived(d); }, URL_FILTER, options.headersReceived);
  api.webRequest.onBeforeRedirect.addListener((d) => { background.onBeforeRedirect(d); }, URL_FILTER);
  api.tabs.onCreated.addListener((tab) => { background.onTabCreated(tab); });
  api.tabs.onRemoved.addListener((tabId) => { background.onTabRemoved(tabId); });
  api.runtime.onStartup.addListener(() => { background.onStartup(); });
  api.cookies.onChanged.addListener((change) => { background.onCookieChanged(change); });
  api.storage.onChanged.addListener((changes, areaName) => {
    const settings = changes['settings'];
    if (areaName === 'local' && settings !== undefined) background.onStoredSettingsChanged(settings.newValue);
  });
  const event = api.webRequest.onBeforeSendHeaders;
  const onSent = (d: BeforeSendHeadersDetails) => { background.onBeforeSendHeaders(d); };
  let listening = false;
  return {
    listen(on: boolean): void {
      if (on === listening) return;
      if (on) event.addListener(onSent, URL_FILTER, options.beforeSendHeaders); else event.removeListener(onSent);
      listening = on;
    },
  };
}
