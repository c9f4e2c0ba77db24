// The service worker. Every listener is registered synchronously at the top level, so that an
// event which wakes the worker is delivered to it; the Background queues events until its stored
// state has loaded.
import { beforeSendHeadersOptions, browser, headersReceivedOptions } from '../shared/browser';
import { handleMessages } from '../shared/messaging';
import { Background, DEFAULT_QUOTA_BYTES } from './service';
import { registerListeners } from './wiring';

const quotaOf = (area: unknown): number => {
  const quota = (area as { QUOTA_BYTES?: unknown }).QUOTA_BYTES;
  return typeof quota === 'number' ? quota : DEFAULT_QUOTA_BYTES;
};

const background = new Background({
  local: browser.storage.local,
  session: browser.storage.session,
  localQuotaBytes: quotaOf(browser.storage.local),
  sessionQuotaBytes: quotaOf(browser.storage.session),
  cookies: browser.cookies,
  tabs: browser.tabs,
});

registerListeners(browser, background, {
  headersReceived: headersReceivedOptions(),
  beforeSendHeaders: beforeSendHeadersOptions(),
});
handleMessages(background.handlers());
