// The background: Chrome runs it as the MV3 service worker (a second instance for incognito windows,
// "incognito": "split"), Firefox as an event page. Every listener is registered synchronously at
// the top level, so that an event which wakes the worker is delivered to it; the Background queues
// events until its stored state has loaded.
//
// The incognito instance gets no storage area at all: it only reads the settings the regular
// instance stored, and keeps everything else in memory.
import { browser, browserName, containersApi, cookiesApi, defaultCookieStoreId, isIncognitoInstance, listenerOptions, storageQuotaBytes } from '../shared/browser';
import { handleMessages } from '../shared/messaging';
import { Background, DEFAULT_QUOTA_BYTES } from './service';
import { registerListeners } from './wiring';

const incognito = isIncognitoInstance();

const background = new Background({
  storage: incognito ? null : { local: browser.storage.local, session: browser.storage.session },
  readSettings: async () => (await browser.storage.local.get('settings'))['settings'],
  quota: {
    local: storageQuotaBytes(browser.storage.local, DEFAULT_QUOTA_BYTES),
    session: storageQuotaBytes(browser.storage.session, DEFAULT_QUOTA_BYTES),
  },
  incognitoInstance: incognito,
  defaultStoreId: defaultCookieStoreId(),
  browser: browserName(),
  cookies: cookiesApi(),
  tabs: browser.tabs,
  identities: containersApi(),
});

background.useSentHeadersListener(registerListeners(browser, background, listenerOptions()));
handleMessages(background.handlers());
