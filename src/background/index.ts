// The service worker. Every listener is registered synchronously at the top level, so that an
// event which wakes the worker is delivered to it.
import { browser, headersReceivedOptions } from '../shared/browser';
import { handleMessages } from '../shared/messaging';
import { ObservedStore } from './observed';

const observed = new ObservedStore(browser.storage.session);

browser.webRequest.onHeadersReceived.addListener(
  (details) => { observed.record(details); },
  { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
  headersReceivedOptions() as Parameters<typeof browser.webRequest.onHeadersReceived.addListener>[2],
);

handleMessages({
  getObserved: () => observed.all(),
  clearObserved: async () => { await observed.clear(); return null; },
});
