// Nothing of private browsing reaches any storage area (issue 9, finding 1), and no cookie value
// reaches storage.local unless the user keeps the jar across restarts (finding 2).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { chromeRequest, fakeStorage, startFakeBrowser, withCookies, type FakeBrowser } from './testing/fakeBrowser';

const T0 = Date.UTC(2025, 0, 1);
const everything = (fake: FakeBrowser) => JSON.stringify([fake.local.data, fake.session.data]);

/** Private traffic of every kind the issue found leaking: a page, a tab-less fetch, a beacon after its tab closed, a sent Cookie header. */
function browsePrivately(fake: FakeBrowser, tab: number, extra: Partial<Parameters<typeof chromeRequest>[1]> = {}): void {
  const { webRequest, tabs } = fake.events;
  webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://secret.test/page', { tabId: tab, ...extra }), 'page_secret=s1; Max-Age=3600'));
  webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://secret.test/sw-fetch', { tabId: -1, type: 'xmlhttprequest', initiator: 'http://secret.test', ...extra }), 'sw_secret=s2'));
  webRequest.onBeforeSendHeaders.dispatch({ ...chromeRequest('http://secret.test/api', { tabId: tab, type: 'xmlhttprequest', ...extra }), requestHeaders: [{ name: 'Cookie', value: 'browser_secret=s3' }] });
  tabs.onRemoved.dispatch(tab);
  webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://secret.test/beacon', { tabId: tab, type: 'ping', ...extra }), 'beacon_secret=s4'));
}

describe('Chrome’s incognito instance ("incognito": "split")', () => {
  beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
  afterEach(() => { vi.useRealTimers(); });

  it('writes to no storage area, even when given one and mirroring incognito: it keeps everything in memory', async () => {
    const local = fakeStorage({ settings: { ...DEFAULT_SETTINGS, mirrorIncognito: true, compareSentHeaders: true } });
    const session = fakeStorage();
    const fake = startFakeBrowser({ local, session, incognitoInstance: true, background: { storage: { local, session } } });
    await fake.background.ready;
    expect(fake.background.writer).toBeNull();
    browsePrivately(fake, 5);
    await vi.advanceTimersByTimeAsync(5000);
    await fake.background.flush();
    // It sees and explains everything, in memory.
    expect(fake.background.decisions().map((d) => d.line)).toEqual(['beacon_secret=s4', 'sw_secret=s2', 'page_secret=s1; Max-Age=3600']);
    expect(fake.background.decisions().every((d) => d.incognito)).toBe(true);
    expect(fake.background.status()).toMatchObject({ private: true, jarSize: 3, sentHeaders: 1, storage: null, jarAreas: [] });
    // And nothing was written: not a key, not a byte.
    expect(local.writes + session.writes).toBe(0);
    expect(Object.keys(local.data)).toEqual(['settings']);
    expect(session.data).toEqual({});
  });

  it('treats every event as private, whatever its details claim', async () => {
    const fake = startFakeBrowser({ incognitoInstance: true, local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, mirrorIncognito: true, compareSentHeaders: true } }) });
    await fake.background.ready;
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(chromeRequest('http://secret.test/'), 'page_secret=1'), incognito: false, cookieStoreId: '0' });
    expect(fake.background.decisions().map((d) => [d.line, d.incognito])).toEqual([['page_secret=1', true]]);
  });

  it('with mirroring off notes nothing at all (the sent-header comparison on or not)', async () => {
    const fake = startFakeBrowser({ incognitoInstance: true, local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, compareSentHeaders: true } }) });
    await fake.background.ready;
    browsePrivately(fake, 5);
    expect(fake.background.decisions()).toEqual([]);
    expect(fake.background.status()).toMatchObject({ jarSize: 0, sentHeaders: 0, decisions: 0 });
  });

  it('follows the settings the regular instance stores (it only reads them), and applies its own changes in memory only', async () => {
    const fake = startFakeBrowser({ incognitoInstance: true });
    await fake.background.ready;
    fake.events.storage.onChanged.dispatch({ settings: { newValue: { ...DEFAULT_SETTINGS, mirrorIncognito: true, compareSentHeaders: true } } }, 'local');
    browsePrivately(fake, 5);
    expect(fake.background.status().jarSize).toBe(3);
    await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, mirrorIncognito: true, compareSentHeaders: true, blockedDomains: ['secret.test'] } });
    expect(fake.local.writes).toBe(0);
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://secret.test/'), 'again=1'));
    expect(fake.background.decisions()[0]).toMatchObject({ line: 'again=1', accepted: false, rule: 'set.domain.blocked' });
  });
});

describe('one instance for both (Firefox "spanning", or Chrome where tabs say it)', () => {
  beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
  afterEach(() => { vi.useRealTimers(); });

  it.each([
    ['Firefox: every event says incognito', { incognito: true, cookieStoreId: 'firefox-private' }],
    ['Firefox: the private cookie store alone', { cookieStoreId: 'firefox-private' }],
  ])('%s: mirrored in memory, never written, tab-less requests and late beacons included', async (_what, extra) => {
    const fake = startFakeBrowser({ background: { defaultStoreId: 'firefox-default' } });
    await fake.background.ready;
    await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, mirrorIncognito: true, compareSentHeaders: true } });
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(chromeRequest('http://public.test/', { tabId: 2 }), 'pub=1'), cookieStoreId: 'firefox-default', incognito: false });
    browsePrivately(fake, 7, extra);
    await vi.advanceTimersByTimeAsync(2000);
    await fake.background.flush();
    expect(fake.background.status().incognitoJarSize).toBe(3);
    expect(everything(fake)).toContain('pub');
    expect(everything(fake)).not.toMatch(/secret/);
  });

  it('Chrome: a tab seen incognito stays private after it closed (a beacon), mirroring off: nothing noted, nothing written', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    fake.events.tabs.onCreated.dispatch({ id: 7, incognito: true });
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://secret.test/', { tabId: 7 }), 'page_secret=1'));
    fake.events.tabs.onRemoved.dispatch(7);
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://secret.test/beacon', { tabId: 7, type: 'ping' }), 'beacon_secret=1'));
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://public.test/', { tabId: 2 }), 'pub=1'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(fake.background.decisions().map((d) => d.line)).toEqual(['pub=1']);
    expect(everything(fake)).not.toMatch(/secret/);
  });

  it('Chrome: incognito tabs open when the worker starts are known from tabs.query', async () => {
    const fake = startFakeBrowser({ background: { tabs: { query: () => Promise.resolve([{ id: 11, incognito: true }]) } } });
    await fake.background.ready;
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://secret.test/', { tabId: 11 }), 'page_secret=1'));
    expect(fake.background.decisions()).toEqual([]);
  });
});

describe('cookie values and the disk (storage.local)', () => {
  beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
  afterEach(() => { vi.useRealTimers(); });

  it('by default no cookie value reaches storage.local: the jar lives in memory and storage.session', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/'), 'token=tok123; HttpOnly; Max-Age=86400', 'sess=s456'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.local.data).toEqual({});
    expect(fake.local.writes).toBe(0);
    expect(JSON.stringify(fake.session.data)).toContain('tok123');
    // A worker restarted within the browser session has its jar back.
    const woken = startFakeBrowser({ local: fake.local, session: fake.session });
    await woken.background.ready;
    expect([...woken.background.jar].map((c) => `${c.name}=${c.value ?? ''}`)).toEqual(['token=tok123', 'sess=s456']);
  });

  it('with "keep the jar across restarts" persistent cookies go to storage.local, session cookies never; switched off, they are removed', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, persistJar: true } });
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/'), 'keep=k789; Max-Age=86400', 'sess=s456'));
    await vi.advanceTimersByTimeAsync(1000);
    const onDisk = JSON.stringify(fake.local.data);
    expect(onDisk).toContain('k789');
    expect(onDisk).not.toContain('s456');
    expect(JSON.stringify(fake.session.data)).toContain('s456');
    // A browser restart: storage.session is empty; the persistent cookie comes back from disk.
    const restarted = startFakeBrowser({ local: fakeStorage(fake.local.data) });
    await restarted.background.ready;
    expect([...restarted.background.jar].map((c) => c.name)).toEqual(['keep']);
    // Switched off: the values leave the disk.
    await restarted.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, persistJar: false } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(Object.keys(restarted.local.data)).toEqual(['settings']);
    expect(JSON.stringify(restarted.session.data)).toContain('k789');
  });

  it('follows the user clearing cookies in the browser (explicit removals), not other removals; the setting turns it off', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/'), 'a=1', 'b=2; Domain=.example.com', 'c=3'));
    const removed = (name: string, domain: string, hostOnly: boolean, cause: string) => {
      fake.events.cookies.onChanged.dispatch({ removed: true, cause, cookie: { name, value: '', domain, hostOnly, path: '/', storeId: '0' } });
    };
    removed('a', 'www.example.com', true, 'explicit');
    removed('b', '.example.com', false, 'explicit');
    removed('c', 'www.example.com', true, 'overwrite');
    expect([...fake.background.jar].map((c) => c.name)).toEqual(['c']);
    await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, followBrowserClears: false } });
    removed('c', 'www.example.com', true, 'explicit');
    expect([...fake.background.jar].map((c) => c.name)).toEqual(['c']);
  });

  it('moves the jar an earlier version kept in storage.local into memory, and removes it from the disk', async () => {
    const old = JSON.stringify([
      { version: 0, name: 'old', value: 'o1', port: null, portSpecified: false, domain: 'www.example.com', domainSpecified: false, domainInitialDot: false, path: '/', pathSpecified: true, secure: false, expires: 2e9, discard: false, comment: null, commentUrl: null, rest: [] },
      { version: 0, name: 'oldsess', value: 'o2', port: null, portSpecified: false, domain: 'www.example.com', domainSpecified: false, domainInitialDot: false, path: '/', pathSpecified: true, secure: false, expires: null, discard: true, comment: null, commentUrl: null, rest: [] },
    ]);
    const fake = startFakeBrowser({ local: fakeStorage({ jar: old }, { held: true }), session: fakeStorage({ decisionLog: '{}', tabs: '[]' }) });
    // The browser starts (the update was waiting for it): the old session cookie ended with the old session.
    fake.events.runtime.onStartup.dispatch();
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/'), 'fresh=1'));
    fake.local.release();
    await fake.background.ready;
    expect([...fake.background.jar].map((c) => c.name).sort()).toEqual(['fresh', 'old']);
    expect(fake.local.data).toEqual({});
    expect(Object.keys(fake.session.data).sort()).toEqual(['jar/0/example.com', 'log/0/example.com/1', 'meta/0', 'tabs/0']);
  });

  it('at browser start only the session cookies that came from disk go: those of this session stay', async () => {
    const old = JSON.stringify([{ version: 0, name: 'oldsess', value: 'o2', port: null, portSpecified: false, domain: 'a.test', domainSpecified: false, domainInitialDot: false, path: '/', pathSpecified: true, secure: false, expires: null, discard: true, comment: null, commentUrl: null, rest: [] }]);
    const fake = startFakeBrowser({ local: fakeStorage({ jar: old }) });
    await fake.background.ready;
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://b.test/'), 'newsess=1'));
    fake.events.runtime.onStartup.dispatch();
    expect([...fake.background.jar].map((c) => c.name)).toEqual(['newsess']);
  });
});
