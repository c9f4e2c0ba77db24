import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Cookie } from '../jar';
import { createDispatcher } from '../shared/dispatch';
import { DEFAULT_SETTINGS, PRESETS, type PolicySettings } from '../shared/settings';
import { chromeRequest, fakeStorage, startFakeBrowser, withCookies, type FakeBrowser } from './testing/fakeBrowser';

const T0 = Date.UTC(2025, 0, 1);

async function settle(fake: FakeBrowser) {
  await fake.background.ready;
}

/** Opens www.example.com in tab 1 (a top-level response), then returns the fake. */
async function browsing(): Promise<FakeBrowser> {
  const fake = startFakeBrowser();
  await settle(fake);
  fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/'), 'first=1; Path=/'));
  return fake;
}

const lastDecision = (fake: FakeBrowser) => fake.background.decisions()[0];

describe('third-party detection (Chrome details)', () => {
  beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
  afterEach(() => { vi.useRealTimers(); });

  it('a top-level response is verifiable, its own origin', async () => {
    const fake = await browsing();
    expect(lastDecision(fake)).toMatchObject({ label: 'top-level', unverifiable: false, thirdParty: false, originReqHost: 'www.example.com', accepted: true, line: 'first=1; Path=/' });
  });

  it('a same-site image is unverifiable but not third party', async () => {
    const fake = await browsing();
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://img.example.com/a.png', { type: 'image', initiator: 'http://www.example.com' }), 'img=1'));
    expect(lastDecision(fake)).toMatchObject({ label: 'first-party', unverifiable: true, thirdParty: false, originReqHost: 'www.example.com', site: 'example.com' });
  });

  it.each(['image', 'script', 'sub_frame'])('a cross-site %s is third party to the tab’s top-level document', async (type) => {
    const fake = await browsing();
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://tracker.test/x', { type, frameId: type === 'sub_frame' ? 5 : 0 }), 'track=1'));
    expect(lastDecision(fake)).toMatchObject({ label: 'third-party', unverifiable: true, thirdParty: true, originReqHost: 'www.example.com', topLevelUrl: 'http://www.example.com/', accepted: true });
  });

  it('a third-party cookie is refused under "No third-party", with its rule', async () => {
    const fake = await browsing();
    fake.background.settings = { ...fake.background.settings, ...PRESETS['No third-party'] };
    fake.background.jar.setPolicy((await import('../shared/settings')).buildPolicy(fake.background.settings));
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://tracker.test/pixel.gif', { type: 'image' }), 'track=1'));
    expect(lastDecision(fake)).toMatchObject({ accepted: false, rule: 'set.verifiability.third-party' });
  });

  it('a request in an iframe is judged against the top-level document, not the frame', async () => {
    const fake = await browsing();
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://tracker.test/frame', { type: 'sub_frame', frameId: 3 })));
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://tracker.test/in-frame.js', { type: 'script', frameId: 3, initiator: 'http://tracker.test' }), 'x=1'));
    expect(lastDecision(fake)).toMatchObject({ thirdParty: true, originReqHost: 'www.example.com' });
  });

  it('requests with no tab are handled and labelled', async () => {
    const fake = await browsing();
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/sw-fetch', { tabId: -1, type: 'xmlhttprequest', initiator: 'http://www.example.com' }), 'sw=1'));
    expect(lastDecision(fake)).toMatchObject({ label: 'no-tab', tabId: -1, thirdParty: false, accepted: true });
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://prefetch.test/', { tabId: -1, type: 'other' }), 'pf=1'));
    expect(lastDecision(fake)).toMatchObject({ label: 'no-tab', unverifiable: false, originReqHost: 'prefetch.test' });
  });

  it('Firefox: documentUrl/frameAncestors name the top level, "\\n"-joined lines are split, private requests ignored', async () => {
    const fake = startFakeBrowser();
    await settle(fake);
    fake.events.webRequest.onHeadersReceived.dispatch({
      ...chromeRequest('http://tracker.test/f', { type: 'image', tabId: 4, frameId: 9 }),
      documentUrl: 'http://tracker.test/frame', frameAncestors: [{ url: 'http://news.example.org/', frameId: 0 }], incognito: false,
      responseHeaders: [{ name: 'set-cookie', value: 'a=1\nb=2' }],
    });
    const [b, a] = fake.background.decisions();
    expect([a?.line, b?.line]).toEqual(['a=1', 'b=2']);
    expect(a).toMatchObject({ originReqHost: 'news.example.org', thirdParty: true });
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(chromeRequest('http://private.test/'), 'p=1'), incognito: true });
    expect(fake.background.decisions()).toHaveLength(2);
    expect(fake.background.jar.size).toBe(2);
  });
});

describe('Firefox details (classify.ts and adapter.ts)', () => {
  it('the top-level document is the LAST of frameAncestors (the outermost frame), not the first', async () => {
    const fake = startFakeBrowser({ background: { defaultStoreId: 'firefox-default' } });
    await settle(fake);
    fake.events.webRequest.onHeadersReceived.dispatch({
      ...withCookies(chromeRequest('http://ads.tracker.test/px', { type: 'image', tabId: 4, frameId: 12 }), 'px=1'),
      cookieStoreId: 'firefox-default', incognito: false, documentUrl: 'http://widget.example.net/inner',
      frameAncestors: [{ url: 'http://widget.example.net/frame', frameId: 11 }, { url: 'http://news.example.org/', frameId: 0 }],
    });
    expect(lastDecision(fake)).toMatchObject({ originReqHost: 'news.example.org', topLevelUrl: 'http://news.example.org/', site: 'example.org' });
  });

  it('a private window is known by its cookieStoreId alone: its cookies reach no jar', async () => {
    const fake = startFakeBrowser({ background: { defaultStoreId: 'firefox-default' } });
    await settle(fake);
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(chromeRequest('http://private.test/', { tabId: 8 }), 'p=1'), cookieStoreId: 'firefox-private' });
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(chromeRequest('http://public.test/', { tabId: 9 }), 'q=1'), cookieStoreId: 'firefox-default' });
    // A store seen for the first time holds its events until the browser's cookies of it are read.
    await new Promise((resolve) => { setTimeout(resolve, 20); });
    expect(fake.background.decisions().map((d) => d.line)).toEqual(['q=1']);
    expect([...fake.background.jar].map((c) => c.name)).toEqual(['q']);
    expect(fake.background.status().incognitoJarSize).toBe(0);
    await fake.background.flush();
    const stored = JSON.stringify([fake.local.data, fake.session.data]);
    expect(stored).toContain('public.test');
    expect(stored).not.toContain('private');
  });
});

describe('redirects', () => {
  it('a redirect the user did not ask for is unverifiable with the origin of the chain’s start (as urllib)', async () => {
    const fake = startFakeBrowser();
    await settle(fake);
    const hop1 = chromeRequest('http://www.example.com/login', { requestId: 'r1' });
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(hop1, 'start=1'), statusCode: 302 });
    fake.events.webRequest.onBeforeRedirect.dispatch({ ...hop1, redirectUrl: 'http://sso.tracker.test/' });
    const hop2 = chromeRequest('http://sso.tracker.test/', { requestId: 'r1' });
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(hop2, 'sso=1'), statusCode: 307 });
    expect(lastDecision(fake)).toMatchObject({ label: 'redirect', unverifiable: true, thirdParty: true, originReqHost: 'www.example.com' });
    const hop3 = chromeRequest('http://www.example.com/back', { requestId: 'r1' });
    fake.events.webRequest.onBeforeRedirect.dispatch({ ...hop2, redirectUrl: hop3.url });
    // The last hop: its response (200) ends the chain.
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(hop3, 'back=1'));
    expect(lastDecision(fake)).toMatchObject({ unverifiable: true, thirdParty: false, label: 'first-party' });
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/again', { requestId: 'r1' }), 'again=1'));
    expect(lastDecision(fake)).toMatchObject({ label: 'top-level', unverifiable: false });
  });

  it('an authentication challenge on the way keeps the chain; a last response without cookies ends it too', async () => {
    const fake = startFakeBrowser();
    await settle(fake);
    const hop1 = chromeRequest('http://www.example.com/login', { requestId: 'r2' });
    fake.events.webRequest.onHeadersReceived.dispatch({ ...hop1, statusCode: 302, responseHeaders: [] });
    fake.events.webRequest.onBeforeRedirect.dispatch({ ...hop1, redirectUrl: 'http://sso.tracker.test/' });
    const hop2 = chromeRequest('http://sso.tracker.test/', { requestId: 'r2' });
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(hop2, 'challenge=1'), statusCode: 401 });
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(hop2, 'sso=1'));
    expect(lastDecision(fake)).toMatchObject({ line: 'sso=1', label: 'redirect', originReqHost: 'www.example.com' });
    const hop3 = chromeRequest('http://www.example.com/', { requestId: 'r3' });
    fake.events.webRequest.onHeadersReceived.dispatch({ ...hop3, statusCode: 301, responseHeaders: [] });
    fake.events.webRequest.onBeforeRedirect.dispatch({ ...hop3, redirectUrl: 'http://www.example.com/home' });
    fake.events.webRequest.onHeadersReceived.dispatch({ ...chromeRequest('http://www.example.com/home', { requestId: 'r3' }), statusCode: 200, responseHeaders: [] });
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/next', { requestId: 'r3' }), 'next=1'));
    expect(lastDecision(fake)).toMatchObject({ line: 'next=1', label: 'top-level', unverifiable: false });
  });
});

describe('state that survives', () => {
  beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
  afterEach(() => { vi.useRealTimers(); });

  it('events arriving while storage is still loading are queued and applied in order, after the stored state', async () => {
    const first = startFakeBrowser();
    await settle(first);
    first.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/'), 'old=1; Max-Age=3600', 'keep=1'));
    await first.background.flush();
    // The worker is stopped; a new one wakes up for an event, with slow storage.
    const local = fakeStorage(first.local.data, { held: true });
    const session = fakeStorage(first.session.data, { held: true });
    const woken = startFakeBrowser({ local, session });
    woken.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/next'), 'old=2; Max-Age=3600', 'new=1'));
    woken.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/last'), 'newer=1'));
    expect(woken.background.loaded).toBe(false);
    local.release();
    session.release();
    await woken.background.ready;
    expect([...woken.background.jar].map((c) => `${c.name}=${c.value ?? ''}`)).toEqual(['old=2', 'keep=1', 'new=1', 'newer=1']);
    expect(woken.background.decisions().map((d) => d.line).reverse()).toEqual(['old=1; Max-Age=3600', 'keep=1', 'old=2; Max-Age=3600', 'new=1', 'newer=1']);
    // Ids keep increasing across the restart: the new worker starts past the block the old one reserved.
    expect(woken.background.decisions().map((d) => d.id).reverse()).toEqual([1, 2, 100_001, 100_002, 100_003]);
  });

  it('keeps exactly the newest decisions past the bound', async () => {
    const fake = startFakeBrowser({ background: { limits: { log: { decisions: 50 } } } });
    await settle(fake);
    for (let i = 0; i < 40; i++) fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/'), `a${i}=1`, `b${i}=1`));
    const all = fake.background.decisions({ limit: 1000 });
    expect(all).toHaveLength(50);
    // Newest first: the last 25 responses' two lines each.
    expect(all.map((d) => d.line)).toEqual(Array.from({ length: 25 }, (_, k) => 39 - k).flatMap((i) => [`b${i}=1`, `a${i}=1`]));
    expect(fake.background.status().decisions).toBe(50);
  });

  it('one response with more decisions than the whole log keeps its newest', async () => {
    const fake = startFakeBrowser({ background: { limits: { log: { decisions: 50 } } } });
    await settle(fake);
    const lines = Array.from({ length: 120 }, (_, i) => `c${i}=1`);
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/'), ...lines));
    const all = fake.background.decisions({ limit: 1000 });
    expect(all.map((d) => d.line)).toEqual(lines.slice(70).reverse());
    expect(fake.background.jar.size).toBe(120);
  });
});

describe('sent headers', () => {
  /** A worker whose stored settings have the comparison on. */
  function comparing(options: Parameters<typeof startFakeBrowser>[0] = {}): FakeBrowser {
    return startFakeBrowser({ local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, compareSentHeaders: true } }), ...options });
  }
  const sent = (fake: FakeBrowser, url: string, cookie: string) => {
    fake.events.webRequest.onBeforeSendHeaders.dispatch({ ...chromeRequest(url), requestHeaders: [{ name: 'Cookie', value: cookie }] });
  };

  it('records the Cookie header the browser sent and the one the jar would send', async () => {
    const fake = comparing();
    await settle(fake);
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/'), 'first=1; Path=/'));
    sent(fake, 'http://www.example.com/page', 'first=1; js=2');
    const [entry] = await fake.background.handlers().getSentHeaders({ type: 'getSentHeaders' });
    expect(entry).toMatchObject({ browser: 'first=1; js=2', jar: 'first=1', same: false });
  });

  it('is off by default: its listener is not registered and nothing is recorded', async () => {
    const fake = await browsing();
    expect(fake.events.webRequest.onBeforeSendHeaders.hasListeners()).toBe(false);
    sent(fake, 'http://www.example.com/page', 'first=1');
    // An event the browser dispatched just before the listener was removed is not recorded either.
    fake.background.onBeforeSendHeaders({ ...chromeRequest('http://www.example.com/late'), requestHeaders: [{ name: 'Cookie', value: 'first=1' }] });
    expect(await fake.background.handlers().getSentHeaders({ type: 'getSentHeaders' })).toEqual([]);
    expect(fake.background.status().sentHeaders).toBe(0);
  });

  it('registers its listener when turned on and removes it when turned off, from the next request on', async () => {
    const fake = await browsing();
    const { setPolicy, getSentHeaders } = fake.background.handlers();
    await setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, compareSentHeaders: true } });
    expect(fake.events.webRequest.onBeforeSendHeaders.hasListeners()).toBe(true);
    sent(fake, 'http://www.example.com/on', 'first=1');
    await setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, compareSentHeaders: false } });
    expect(fake.events.webRequest.onBeforeSendHeaders.hasListeners()).toBe(false);
    sent(fake, 'http://www.example.com/off', 'first=1');
    expect((await getSentHeaders({ type: 'getSentHeaders' })).map((e) => new URL(e.url).pathname)).toEqual(['/on']);
  });

  it('a worker woken with the comparison on registers its listener once the stored settings are read', async () => {
    const local = fakeStorage({ settings: { ...DEFAULT_SETTINGS, compareSentHeaders: true } }, { held: true });
    const fake = startFakeBrowser({ local });
    expect(fake.events.webRequest.onBeforeSendHeaders.hasListeners()).toBe(false);
    local.release();
    await settle(fake);
    expect(fake.events.webRequest.onBeforeSendHeaders.hasListeners()).toBe(true);
  });

  it('follows a change of the stored setting made elsewhere (the incognito instance follows the regular one)', async () => {
    const local = fakeStorage();
    const fake = startFakeBrowser({ local, incognitoInstance: true });
    await settle(fake);
    expect(fake.events.webRequest.onBeforeSendHeaders.hasListeners()).toBe(false);
    fake.events.storage.onChanged.dispatch({ settings: { newValue: { ...DEFAULT_SETTINGS, compareSentHeaders: true } } }, 'local');
    expect(fake.events.webRequest.onBeforeSendHeaders.hasListeners()).toBe(true);
  });

  it('keeps exactly the newest entries past its bound', async () => {
    const fake = comparing({ background: { limits: { sent: { entries: 5 } } } });
    await settle(fake);
    for (let i = 0; i < 12; i++) sent(fake, `http://www.example.com/p${i}`, `n=${i}`);
    const entries = await fake.background.handlers().getSentHeaders({ type: 'getSentHeaders', limit: 100 });
    expect(entries.map((e) => e.browser)).toEqual(['n=11', 'n=10', 'n=9', 'n=8', 'n=7']);
    expect(fake.background.status().sentHeaders).toBe(5);
  });

  it('keeps the first 4,096 characters of a 10 MB Cookie header, and its length', async () => {
    const fake = comparing();
    await settle(fake);
    const huge = `big=${'x'.repeat(10 * 1024 * 1024)}`;
    sent(fake, 'http://www.example.com/', huge);
    const [entry] = await fake.background.handlers().getSentHeaders({ type: 'getSentHeaders' });
    expect(entry?.browser).toBe(huge.slice(0, 4096));
    expect(entry?.browserLength).toBe(huge.length);
    expect(entry?.same).toBe(false);
  });
});

describe('messages', () => {
  const dispatcher = (fake: FakeBrowser) => createDispatcher(fake.background.handlers(), 'ext-id', 'chrome-extension://ext-id/');
  const own = { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html' };

  it('refuses senders other than the extension’s own pages', async () => {
    const send = dispatcher(startFakeBrowser());
    expect(await send({ type: 'getStatus' }, { id: 'ext-id', url: 'http://evil.test/' })).toMatchObject({ ok: false, error: { name: 'ForbiddenSender' } });
    expect(await send({ type: 'getStatus' }, { id: 'other', url: 'chrome-extension://other/x' })).toMatchObject({ ok: false, error: { name: 'ForbiddenSender' } });
    expect(await send({ type: 'getStatus' }, own)).toMatchObject({ ok: true });
  });

  it('answers malformed messages with BadRequest', async () => {
    const send = dispatcher(startFakeBrowser());
    expect(await send({ type: 'exportJar', format: 'xml' }, own)).toMatchObject({ ok: false, error: { name: 'BadRequest', message: expect.stringContaining('"format"') as unknown } });
    expect(await send({ type: 'explain' }, own)).toMatchObject({ ok: false, error: { name: 'BadRequest' } });
    expect(await send({ type: 'getDecisions', limit: -1 }, own)).toMatchObject({ ok: false, error: { name: 'BadRequest' } });
    expect(await send({ type: 'nope' }, own)).toMatchObject({ ok: false, error: { name: 'UnknownMessage' } });
    expect(await send('getStatus', own)).toMatchObject({ ok: false, error: { name: 'BadRequest' } });
    const bad: PolicySettings = { ...DEFAULT_SETTINGS, blockedDomains: ['ok.com', 'http://bad.com/'] };
    const reply = await send({ type: 'setPolicy', settings: bad }, own);
    expect(reply).toMatchObject({ ok: false, error: { name: 'BadRequest', message: 'setPolicy: Invalid settings: blockedDomains[1]: “http://bad.com/” is a URL, not a domain: enter “bad.com”.' } });
  });

  it('a malformed policy is not stored; a valid one is, and blocks', async () => {
    const fake = startFakeBrowser();
    const send = dispatcher(fake);
    await send({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, strictNsDomain: 9 } }, own);
    expect(fake.local.data['settings']).toBeUndefined();
    const ok = await send({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, blockedDomains: ['.Tracker.test'] } }, own);
    expect(ok).toMatchObject({ ok: true, value: { blockedDomains: ['.tracker.test'] } });
    expect(fake.local.data['settings']).toMatchObject({ blockedDomains: ['.tracker.test'] });
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://ads.tracker.test/'), 'ad=1'));
    expect(lastDecision(fake)).toMatchObject({ accepted: false, rule: 'set.domain.blocked' });
  });

  it('replays the log under a stricter policy without touching the live jar, and applies it on request', async () => {
    const fake = await browsing();
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/a/b'), 'deep=1; Path=/other'));
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://tracker.test/p', { type: 'image' }), 'track=1'));
    const send = dispatcher(fake);
    const reply = await send({ type: 'replay', preset: 'Strict domains' }, own);
    if (!reply.ok) throw new Error(reply.error.message);
    const value = reply.value as { newlyRefused: { line: string; rule?: string }[]; cookies: unknown[] };
    expect(value.newlyRefused.map((d) => [d.line, d.rule])).toEqual([['deep=1; Path=/other', 'set.path.mismatch']]);
    expect(fake.background.jar.size).toBe(3);
    const third = await send({ type: 'replay', preset: 'No third-party' }, own);
    expect(third.ok && (third.value as { newlyRefused: { line: string }[] }).newlyRefused.map((d) => d.line)).toEqual(['track=1']);
    await send({ type: 'setPolicy', preset: 'No third-party', replaceJar: true }, own);
    expect([...fake.background.jar].map((c) => c.name)).toEqual(['first', 'deep']);
  });

  it('replay lists what a looser policy would newly accept', async () => {
    const fake = startFakeBrowser();
    await settle(fake);
    const send = dispatcher(fake);
    await send({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, blockedDomains: ['.tracker.test'] } }, own);
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/'), 'mine=1'));
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://ads.tracker.test/p', { type: 'image' }), 'ad=1'));
    const reply = await fake.background.handlers().replay({ type: 'replay', settings: { ...DEFAULT_SETTINGS } });
    expect(reply.newlyAccepted.map((d) => [d.line, d.accepted])).toEqual([['ad=1', true]]);
    expect(reply.newlyRefused).toEqual([]);
    expect(reply.skipped).toBe(0);
  });

  it('explains which cookies would be sent', async () => {
    const fake = await browsing();
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/'), 'sec=1; Secure'));
    const reply = await fake.background.handlers().explain({ type: 'explain', url: 'http://www.example.com/' });
    expect(reply.cookieHeader).toBe('first=1');
    expect(reply.cookies.find((c) => c.cookie.name === 'sec')).toMatchObject({ sent: false, rule: 'return.secure.protocol' });
    expect(reply.cookies.find((c) => c.cookie.name === 'sec')?.reason).toMatch(/^The cookie sec is Secure/);
  });

  it('compares the jar with the browser store, partitioned cookies included', async () => {
    const fake = await browsing();
    fake.cookieStore.push(
      { name: 'first', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'unspecified', session: true, storeId: '0' },
      { name: 'js', value: '2', domain: '.example.com', hostOnly: false, path: '/', secure: false, httpOnly: false, sameSite: 'lax', session: false, expirationDate: 1e10, storeId: '0' },
      { name: 'chip', value: '3', domain: 'www.example.com', hostOnly: true, path: '/', secure: true, httpOnly: false, sameSite: 'no_restriction', session: true, storeId: '0', partitionKey: { topLevelSite: 'https://other.test' } },
    );
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/'), 'refusedbybrowser=1'));
    const reply = await fake.background.handlers().getCookies({ type: 'getCookies', site: 'www.example.com' });
    expect(reply.comparison?.map((row) => [row.name, row.status]).sort()).toEqual([['chip', 'onlyInBrowser'], ['first', 'both'], ['js', 'onlyInBrowser'], ['refusedbybrowser', 'onlyInJar']]);
  });

  it('import: a LoadError keeps its name and line and leaves the jar unchanged', async () => {
    const fake = await browsing();
    const send = dispatcher(fake);
    const bad = '# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t0\tok\t1\nthis line is broken\n';
    const reply = await send({ type: 'importJar', text: bad, format: 'mozilla' }, own);
    expect(reply).toMatchObject({ ok: false, error: { name: 'LoadError', lineNumber: 3 } });
    expect([...fake.background.jar].map((c) => c.name)).toEqual(['first']);
    const good = await send({ type: 'importJar', text: '# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t0\tok\t1\n', format: 'mozilla' }, own);
    expect(good).toMatchObject({ ok: true, value: { imported: 1, jarSize: 2 } });
  });

  it('export from the browser store converts host-only, domain and HttpOnly cookies, with warnings', async () => {
    const fake = startFakeBrowser();
    fake.cookieStore.push(
      { name: 'h', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', secure: true, httpOnly: true, sameSite: 'strict', session: true, storeId: '0' },
      { name: 'd', value: '2', domain: '.example.com', hostOnly: false, path: '/', secure: false, httpOnly: false, sameSite: 'unspecified', session: false, expirationDate: 2000000000.5, storeId: '0' },
      { name: 'p', value: '3', domain: 'www.example.com', hostOnly: true, path: '/', secure: true, httpOnly: false, sameSite: 'no_restriction', session: true, storeId: '0', partitionKey: { topLevelSite: 'https://o.test' } },
    );
    const result = await fake.background.handlers().exportJar({ type: 'exportJar', format: 'mozilla', dialect: 'curl', source: 'browser' });
    expect(result.text.split('\n').filter((l) => !l.startsWith('# ') && l !== '')).toEqual([
      '#HttpOnly_www.example.com\tFALSE\t/\tTRUE\t0\th\t1',
      '.example.com\tTRUE\t/\tFALSE\t2000000000\td\t2',
      'www.example.com\tFALSE\t/\tTRUE\t0\tp\t3',
    ]);
    expect(result.warnings.join(' ')).toMatch(/SameSite/);
    expect(result.warnings.join(' ')).toMatch(/partition key/);
  });

  it('clearJar and deleteCookie', async () => {
    const fake = await browsing();
    const handlers = fake.background.handlers();
    fake.background.jar.setCookie(new Cookie({ version: 0, name: 'o', value: '1', port: null, portSpecified: false, domain: 'other.test', domainSpecified: false, domainInitialDot: false, path: '/', pathSpecified: true, secure: false, expires: null, discard: true, comment: null, commentUrl: null }));
    expect(await handlers.clearJar({ type: 'clearJar', site: 'example.com' })).toEqual({ removed: 1 });
    expect(await handlers.deleteCookie({ type: 'deleteCookie', domain: 'other.test', path: '/', name: 'o' })).toEqual({ removed: 1 });
    await expect(Promise.resolve().then(() => handlers.deleteCookie({ type: 'deleteCookie', domain: 'other.test', path: '/', name: 'o' }))).rejects.toMatchObject({ name: 'CookieNotFoundError' });
  });
});
