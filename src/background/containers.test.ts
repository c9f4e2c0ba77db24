// Firefox's containers are cookie stores of their own (issue 12): each has its own jar, decisions,
// records and exports, as Chrome's incognito store has; the pages ask about one by `storeId`, and
// the stores are named by `contextualIdentities`.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { chromeRequest, fakeStorage, startFakeBrowser, withCookies, type FakeBrowser } from './testing/fakeBrowser';

const T0 = Date.UTC(2025, 0, 1);
const WORK = 'firefox-container-2';

/** Firefox's details of a top-level response in a tab of this store. */
function firefoxResponse(url: string, cookieStoreId: string, tabId: number, ...lines: string[]) {
  return { ...withCookies(chromeRequest(url, { tabId }), ...lines), cookieStoreId, incognito: cookieStoreId === 'firefox-private' };
}

async function firefox(local = fakeStorage(), session = fakeStorage()): Promise<FakeBrowser> {
  const fake = startFakeBrowser({
    local, session, background: { defaultStoreId: 'firefox-default' },
    // The stores Firefox has with tabs open: the default one (tab 1), Work (tab 2), a private window (tab 5).
    cookieStores: [{ id: 'firefox-default', tabIds: [1] }, { id: WORK, tabIds: [2] }, { id: 'firefox-private', tabIds: [5] }],
  });
  fake.containers.push(
    { cookieStoreId: 'firefox-container-1', name: 'Personal', color: 'blue', colorCode: '#37adff', icon: 'fingerprint' },
    { cookieStoreId: WORK, name: 'Work', color: 'orange', colorCode: '#ff9f00', icon: 'briefcase' },
  );
  await fake.background.ready;
  return fake;
}

/** The same site visited in the default store (tab 1) and in the Work container (tab 2). */
async function twoStores(): Promise<FakeBrowser> {
  const fake = await firefox();
  const { onHeadersReceived } = fake.events.webRequest;
  onHeadersReceived.dispatch(firefoxResponse('http://www.example.com/', 'firefox-default', 1, 'home=h1; Max-Age=3600'));
  onHeadersReceived.dispatch(firefoxResponse('http://www.example.com/', WORK, 2, 'work=w1; Max-Age=3600', 'session=w2'));
  return fake;
}

const names = (cookies: { name: string }[]) => cookies.map((c) => c.name).sort();

describe('a Firefox container is a cookie store of its own', () => {
  beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
  afterEach(() => { vi.useRealTimers(); });

  it('keeps its cookies and decisions apart from the default store’s, each decision tagged with its store', async () => {
    const fake = await twoStores();
    const handlers = fake.background.handlers();
    expect(names((await handlers.getCookies({ type: 'getCookies', source: 'jar' })).jar)).toEqual(['home']);
    expect(names((await handlers.getCookies({ type: 'getCookies', source: 'jar', storeId: WORK })).jar)).toEqual(['session', 'work']);
    expect((await handlers.getDecisions({ type: 'getDecisions' })).map((d) => [d.line, d.storeId])).toEqual([['home=h1; Max-Age=3600', 'firefox-default']]);
    expect((await handlers.getDecisions({ type: 'getDecisions', storeId: WORK })).map((d) => [d.line, d.storeId, d.incognito]))
      .toEqual([['session=w2', WORK, false], ['work=w1; Max-Age=3600', WORK, false]]);
    expect(await handlers.getStatus({ type: 'getStatus', storeId: WORK })).toMatchObject({ jarSize: 2, decisions: 2, private: false });
    // The Cookie header the jar would send is each store's own.
    expect((await handlers.explain({ type: 'explain', url: 'http://www.example.com/', storeId: WORK })).cookieHeader).toBe('work=w1; session=w2');
    expect((await handlers.explain({ type: 'explain', url: 'http://www.example.com/' })).cookieHeader).toBe('home=h1');
  });

  it('is written under its own keys and restored into its own store by a woken worker', async () => {
    const fake = await twoStores();
    await vi.advanceTimersByTimeAsync(1500);
    expect(Object.keys(fake.session.data).filter((k) => k.startsWith('jar/')).sort()).toEqual([`jar/${WORK}/example.com`, 'jar/firefox-default/example.com']);
    const woken = await firefox(fake.local, fake.session);
    const handlers = woken.background.handlers();
    expect(names((await handlers.getCookies({ type: 'getCookies', source: 'jar', storeId: WORK })).jar)).toEqual(['session', 'work']);
    expect(names((await handlers.getCookies({ type: 'getCookies', source: 'jar' })).jar)).toEqual(['home']);
    expect((await handlers.getDecisions({ type: 'getDecisions', storeId: WORK })).length).toBe(2);
  });

  it('exports its own jar, and the browser’s cookies of its own store, named after the container', async () => {
    const fake = await twoStores();
    fake.cookieStore.push(
      { name: 'b_home', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'no_restriction', session: true, storeId: 'firefox-default' },
      { name: 'b_work', value: '2', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'no_restriction', session: true, storeId: WORK },
    );
    const handlers = fake.background.handlers();
    const jar = await handlers.exportJar({ type: 'exportJar', format: 'mozilla', storeId: WORK, site: 'www.example.com' });
    expect(jar.text).toMatch(/\twork\tw1\n/);
    expect(jar.text).not.toMatch(/home/);
    expect(jar.filename).toBe('cookies-www.example.com-Work.txt');
    const browser = await handlers.exportJar({ type: 'exportJar', format: 'mozilla', source: 'browser', includeSession: true, storeId: WORK });
    expect(browser.text).toMatch(/\tb_work\t2\n/);
    expect(browser.text).not.toMatch(/b_home/);
    expect((await handlers.exportJar({ type: 'exportJar', format: 'mozilla' })).filename).toBe('cookies.txt');
    // The comparison pairs each store's jar with the same store of the browser.
    const compared = await handlers.getCookies({ type: 'getCookies', storeId: WORK });
    expect(compared.browser?.map((c) => c.name)).toEqual(['b_work']);
  });

  it('imports into, clears and deletes from the store asked about only; the browser’s clears of a container reach that container', async () => {
    const fake = await twoStores();
    const handlers = fake.background.handlers();
    const file = '# Netscape HTTP Cookie File\n.example.org\tTRUE\t/\tFALSE\t2000000000\timported\tx\n';
    expect(await handlers.importJar({ type: 'importJar', text: file, format: 'mozilla', storeId: WORK })).toMatchObject({ imported: 1, jarSize: 3 });
    expect(fake.background.jar.size).toBe(1);
    await handlers.deleteCookie({ type: 'deleteCookie', domain: 'www.example.com', path: '/', name: 'session', storeId: WORK });
    fake.events.cookies.onChanged.dispatch({ removed: true, cause: 'explicit', cookie: { name: 'work', value: '', domain: 'www.example.com', hostOnly: true, path: '/', storeId: WORK } });
    expect(names((await handlers.getCookies({ type: 'getCookies', source: 'jar', storeId: WORK })).jar)).toEqual(['imported']);
    expect(await handlers.clearJar({ type: 'clearJar', storeId: WORK })).toEqual({ removed: 1 });
    await handlers.clearDecisions({ type: 'clearDecisions', storeId: WORK });
    expect(await handlers.getDecisions({ type: 'getDecisions', storeId: WORK })).toEqual([]);
    expect(names((await handlers.getCookies({ type: 'getCookies', source: 'jar' })).jar)).toEqual(['home']);
    expect((await handlers.getDecisions({ type: 'getDecisions' })).length).toBe(1);
  });

  it('a policy applied with "replace the jar" rebuilds every store from its own log', async () => {
    const fake = await twoStores();
    const handlers = fake.background.handlers();
    await handlers.setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, blockedDomains: ['.example.com'] }, replaceJar: true });
    expect(fake.background.jar.size).toBe(0);
    expect((await handlers.getStatus({ type: 'getStatus', storeId: WORK })).jarSize).toBe(0);
    const replay = await handlers.replay({ type: 'replay', settings: DEFAULT_SETTINGS, storeId: WORK });
    expect(replay.newlyAccepted.map((d) => d.line)).toEqual(['work=w1; Max-Age=3600', 'session=w2']);
  });

  it('names the stores: the default first, the containers by name, the tab’s store; one the browser no longer has keeps its records', async () => {
    const fake = await twoStores();
    fake.events.webRequest.onHeadersReceived.dispatch(firefoxResponse('http://a.test/', 'firefox-container-9', 3, 'gone=1'));
    const reply = await fake.background.handlers().getCookieStores({ type: 'getCookieStores', tabId: 2 });
    expect(reply.tabStoreId).toBe(WORK);
    expect(reply.defaultStoreId).toBe('firefox-default');
    expect(reply.stores.map((s) => [s.id, s.name, s.kind, s.cookies, s.live])).toEqual([
      ['firefox-default', 'Default', 'default', 1, true],
      ['firefox-container-9', 'Container 9 (removed)', 'container', 1, false],
      ['firefox-container-1', 'Personal', 'container', 0, true],
      [WORK, 'Work', 'container', 2, true],
      ['firefox-private', 'Private windows', 'private', 0, true],
    ]);
    expect(reply.stores.find((s) => s.id === WORK)).toMatchObject({ color: 'orange', colorCode: '#ff9f00', icon: 'briefcase' });
  });

  it('without containers (Chrome): the default store alone, named Default', async () => {
    const fake = startFakeBrowser({ background: { identities: undefined } });
    await fake.background.ready;
    const reply = await fake.background.handlers().getCookieStores({ type: 'getCookieStores', tabId: 1 });
    expect(reply).toEqual({
      stores: [{ id: '0', incognito: false, tabIds: [1], kind: 'default', name: 'Default', mirrored: true, cookies: 0, decisions: 0, live: true }],
      tabStoreId: '0', defaultStoreId: '0',
    });
  });
});

describe('Firefox’s private windows ("incognito": "spanning"): a store kept in memory only', () => {
  beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
  afterEach(() => { vi.useRealTimers(); });

  it('not mirrored: listed as not mirrored, reads as empty, refuses changes', async () => {
    const fake = await firefox();
    fake.events.webRequest.onHeadersReceived.dispatch(firefoxResponse('http://secret.test/', 'firefox-private', 5, 'secret=1'));
    const handlers = fake.background.handlers();
    const stores = await handlers.getCookieStores({ type: 'getCookieStores', tabId: 5 });
    expect(stores.stores.find((s) => s.id === 'firefox-private')).toMatchObject({ name: 'Private windows', kind: 'private', incognito: true, mirrored: false, cookies: 0 });
    expect(await handlers.getDecisions({ type: 'getDecisions', storeId: 'firefox-private' })).toEqual([]);
    await expect(handlers.importJar({ type: 'importJar', text: '# Netscape HTTP Cookie File\n', format: 'mozilla', storeId: 'firefox-private' }))
      .rejects.toMatchObject({ name: 'NotMirroredError' });
  });

  it('mirrored: its decisions are shown for its store, and nothing of it is written', async () => {
    const fake = await firefox();
    await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, mirrorIncognito: true } });
    fake.events.webRequest.onHeadersReceived.dispatch(firefoxResponse('http://secret.test/', 'firefox-private', 5, 'secret=s1'));
    // A new store's events wait for the browser model's copy of it (cookies.getAll).
    await vi.advanceTimersByTimeAsync(10);
    const handlers = fake.background.handlers();
    expect((await handlers.getDecisions({ type: 'getDecisions', storeId: 'firefox-private' })).map((d) => [d.line, d.incognito, d.storeId]))
      .toEqual([['secret=s1', true, 'firefox-private']]);
    await handlers.importJar({ type: 'importJar', text: '# Netscape HTTP Cookie File\n.secret.test\tTRUE\t/\tFALSE\t2000000000\tput\tp1\n', format: 'mozilla', storeId: 'firefox-private' });
    await vi.advanceTimersByTimeAsync(2000);
    await fake.background.flush();
    expect(JSON.stringify([fake.local.data, fake.session.data])).not.toMatch(/secret|p1/);
  });
});

