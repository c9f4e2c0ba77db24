// The background: Chrome runs it as the MV3 service worker, Firefox as an event page. Every
// listener is registered synchronously at the top level, so that an event which wakes the worker is
// delivered to it; the Background queues events until its stored state has loaded.
import { beforeSendHeadersOptions, browser, headersReceivedOptions, storageQuotaBytes } from '../shared/browser';
import { handleMessages } from '../shared/messaging';
import { Background, DEFAULT_QUOTA_BYTES } from './service';
import { registerListeners } from './wiring';

const background = new Background({
  local: browser.storage.local,
  session: browser.storage.session,
  localQuotaBytes: storageQuotaBytes(browser.storage.local, DEFAULT_QUOTA_BYTES),
  sessionQuotaBytes: storageQuotaBytes(browser.storage.session, DEFAULT_QUOTA_BYTES),
  cookies: browser.cookies,
  tabs: browser.tabs,
});

registerListeners(browser, background, {
  headersReceived: headersReceivedOptions(),
  beforeSendHeaders: beforeSendHeadersOptions(),
});
handleMessages(background.handlers());
