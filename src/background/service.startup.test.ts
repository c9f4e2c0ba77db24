// The worker's start and the state it finds (service.ts: the constructor's defaults, the load, the
// restore of every kind of record, the queue of early events, the event handlers around them): what
// a woken or updated worker keeps, writes, reports and refuses. Issue 14's surviving mutants of
// service.ts's first half are killed here; service.test.ts covers the request path.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { Background } from './service';
import { chromeRequest, fakeStorage, startFakeBrowser, withCookies, type FakeBrowser, type FakeStorage } from './testing/fakeBrowser';

const T0 = Date.UTC(2025, 0, 1);
const NETSCAPE = '# Netscape HTTP Cookie File\n';

beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
afterEach(() => { vi.useRealTimers(); });

const respond = (fake: FakeBrowser, url: string, ...lines: string[]) => {
  fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest(url, { timeStamp: fake.clock.now }), ...lines));
};
const names = (fake: FakeBrowser) => [...fake.background.jar].map((c) => c.name);
const keysOf = (area: FakeStorage) => Object.keys(area.data).sort();

/** A worker started on (copies of) what another one left in storage. */
async function wake(from: { local: FakeStorage; session: FakeStorage }, options: Parameters<typeof startFakeBrowser>[0] = {}): Promise<FakeBrowser> {
  const fake = startFakeBrowser({ local: fakeStorage(from.local.data), session: fakeStorage(from.session.data), ...options });
  await fake.background.ready;
  return fake;
}

/** A cookie of the earlier single-record jar (storage.local's `jar`, a JSON string). */
function oldCookie(name: string, domain: string, session: boolean) {
  return {
    version: 0, name, value: `${name}-v`, port: null, portSpecified: false, domain, domainSpecified: false, domainInitialDot: false, path: '/', pathSpecified: true,
    secure: false, expires: session ? null : 2e9, discard: session, comment: null, commentUrl: null, rest: [],
  };
}

describe('a worker given only what it needs (the options’ defaults)', () => {
  /** The Background as the benchmark or a minimal embedder builds it: storage, nothing else. */
  function bare(extra: Partial<ConstructorParameters<typeof Background>[0]> = {}) {
    const local = fakeStorage();
    const session = fakeStorage();
    return { local, session, background: new Background({ storage: { local, session }, ...extra }) };
  }

  it('is the regular instance: it keeps a jar, judged by Chromium’s rules, in 10 MiB areas, written a second after the change', async () => {
    const { session, background } = bare();
    await background.ready;
    background.onHeadersReceived(withCookies(chromeRequest('http://www.example.com/', { timeStamp: T0 }), 'a=1'));
    expect([...background.jar].map((c) => c.name)).toEqual(['a']);
    const status = background.status();
    expect(status).toMatchObject({ private: false, incognitoJarSize: 0, jarAreas: ['session'] });
    expect(status.storage).toMatchObject({ local: { quotaBytes: 10 * 1024 * 1024 }, session: { quotaBytes: 10 * 1024 * 1024 } });
    // No cookies API: the browser model starts empty and stays so.
    expect(status.verdicts).toMatchObject({ browser: 'chromium', cookies: 0 });
    await vi.advanceTimersByTimeAsync(999);
    expect(session.writes).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(keysOf(session)).toContain('jar/0/example.com');
  });

  it('a browser the model does not know gets Chromium’s rules', async () => {
    const { background } = bare({ browser: 'safari' as 'chromium' });
    await background.ready;
    expect(background.status().verdicts.browser).toBe('chromium');
  });

  it('loads when tabs.query fails (the open tabs are then learned as they come)', async () => {
    const { background } = bare({ tabs: { query: () => Promise.reject(new Error('no tabs here')) } });
    await background.ready;
    background.onHeadersReceived(withCookies(chromeRequest('http://www.example.com/', { timeStamp: T0 }), 'a=1'));
    expect(background.decisions().map((d) => d.line)).toEqual(['a=1']);
  });
});

describe('the browser model’s copy of each store (cookies.getAll)', () => {
  const cookie = (name: string, storeId: string) => ({ name, value: '1', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'unspecified', session: true, storeId });

  it('a container starts with its own cookies, the default store with its own', async () => {
    const fake = startFakeBrowser({
      background: { defaultStoreId: 'firefox-default' },
      cookieStores: [{ id: 'firefox-default', tabIds: [1] }, { id: 'firefox-container-2', tabIds: [2] }],
    });
    fake.cookieStore.push(cookie('d1', 'firefox-default'), cookie('d2', 'firefox-default'), cookie('w1', 'firefox-container-2'));
    await fake.background.ready;
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(chromeRequest('http://www.example.com/', { tabId: 2 }), 'w2=1'), cookieStoreId: 'firefox-container-2', incognito: false });
    await vi.advanceTimersByTimeAsync(10);
    expect(fake.background.status().verdicts.cookies).toBe(2);
    expect(fake.background.status('firefox-container-2').verdicts.cookies).toBe(1);
  });

  it('a store the browser will not list starts empty, and its events are still judged', async () => {
    const fake = startFakeBrowser();
    fake.cookieStore.push(cookie('c', '0'));
    fake.cookies.getAll = () => Promise.reject(new Error('No cookie store'));
    await fake.background.ready;
    respond(fake, 'http://www.example.com/', 'a=1');
    expect(fake.background.decisions().map((d) => d.line)).toEqual(['a=1']);
    expect(fake.background.status().verdicts.cookies).toBe(0);
  });
});

describe('the stores a page asks about', () => {
  async function firefox(): Promise<FakeBrowser> {
    const fake = startFakeBrowser({
      background: { defaultStoreId: 'firefox-default' },
      cookieStores: [{ id: 'firefox-default', tabIds: [1] }, { id: 'firefox-container-2', tabIds: [2] }, { id: 'firefox-private', tabIds: [5] }],
    });
    await fake.background.ready;
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(chromeRequest('http://www.example.com/', { tabId: 1 }), 'home=1'), cookieStoreId: 'firefox-default', incognito: false });
    return fake;
  }

  it('a store never seen reads as empty, not as the default store', async () => {
    const fake = await firefox();
    expect(fake.background.status().jarSize).toBe(1);
    expect(fake.background.status('firefox-container-9')).toMatchObject({ jarSize: 0, decisions: 0 });
    expect(fake.background.decisions({ storeId: 'firefox-container-9' })).toEqual([]);
  });

  it('an import into a container not seen yet makes its jar; into private windows not mirrored it is refused, saying what to turn on', async () => {
    const fake = await firefox();
    const handlers = fake.background.handlers();
    await handlers.importJar({ type: 'importJar', text: `${NETSCAPE}.example.com\tTRUE\t/\tFALSE\t2000000000\twork\tw1\n`, format: 'mozilla', storeId: 'firefox-container-2' });
    expect((await handlers.getCookies({ type: 'getCookies', source: 'jar', storeId: 'firefox-container-2' })).jar.map((c) => c.name)).toEqual(['work']);
    expect(fake.background.status()).toMatchObject({ jarSize: 1, incognitoJarSize: 0 });
    await expect(handlers.importJar({ type: 'importJar', text: NETSCAPE, format: 'mozilla', storeId: 'firefox-private' }))
      .rejects.toThrow('Private browsing is not mirrored: turn on “Mirror private windows” (Policy) to keep a jar for it, in memory only.');
  });

  it('the private jar size counts private windows only, not the containers', async () => {
    const fake = await firefox();
    await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, mirrorIncognito: true } });
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(chromeRequest('http://www.example.com/', { tabId: 2 }), 'w1=1', 'w2=1'), cookieStoreId: 'firefox-container-2', incognito: false });
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(chromeRequest('http://secret.test/', { tabId: 5 }), 'p=1'), cookieStoreId: 'firefox-private', incognito: true });
    await vi.advanceTimersByTimeAsync(10);
    expect(fake.background.status()).toMatchObject({ jarSize: 1, incognitoJarSize: 1 });
  });

  it('Chrome’s incognito instance: its own jar is the private one, counted once (as the jar, not again as private)', async () => {
    const fake = startFakeBrowser({ incognitoInstance: true, local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, mirrorIncognito: true } }) });
    await fake.background.ready;
    respond(fake, 'http://www.example.com/', 'a=1', 'b=1');
    expect(fake.background.status()).toMatchObject({ private: true, jarSize: 2, incognitoJarSize: 0 });
  });
});

describe('changes made through the actions', () => {
  it('cookies imported into the jar are written like any other', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    await fake.background.handlers().importCookies({ type: 'importCookies', text: `${NETSCAPE}.example.org\tTRUE\t/\tFALSE\t2000000000\timp\ti1\n`, format: 'mozilla', target: 'jar' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(JSON.stringify(fake.session.data['jar/0/example.org'])).toContain('i1');
    const woken = await wake(fake);
    expect(names(woken)).toEqual(['imp']);
  });

  it('the undo record of a change in a Firefox private window is kept in memory only', async () => {
    const fake = startFakeBrowser({
      background: { defaultStoreId: 'firefox-default' },
      cookieStores: [{ id: 'firefox-default', tabIds: [1] }, { id: 'firefox-private', tabIds: [5] }],
    });
    await fake.background.ready;
    const handlers = fake.background.handlers();
    const cookie = { name: 'hidden', value: 'h1', domain: 'secret.test', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'lax' } as const;
    await handlers.setBrowserCookie({ type: 'setBrowserCookie', storeId: 'firefox-private', cookie });
    expect(await handlers.getLastChange({ type: 'getLastChange' })).toMatchObject({ label: 'Created "hidden"', storeId: 'firefox-private' });
    expect(JSON.stringify(fake.session.data)).not.toMatch(/hidden|h1/);
    await handlers.setBrowserCookie({ type: 'setBrowserCookie', cookie: { ...cookie, domain: 'public.test', name: 'shown' } });
    expect(JSON.stringify(fake.session.data)).toContain('shown');
  });
});

describe('what a woken worker restores, and what it writes again', () => {
  /** A worker that saw one site's response (a persistent and a session cookie), written. */
  async function written(settings = DEFAULT_SETTINGS): Promise<FakeBrowser> {
    const fake = startFakeBrowser({ local: fakeStorage({ settings }) });
    await fake.background.ready;
    respond(fake, 'http://www.example.com/', 'keep=k1; Max-Age=86400', 'sess=s1');
    await fake.background.flush();
    return fake;
  }

  it('a restart within the browser session restores everything and writes nothing until something changes', async () => {
    const fake = await written();
    const woken = await wake(fake);
    expect(names(woken)).toEqual(['keep', 'sess']);
    await vi.advanceTimersByTimeAsync(5000);
    expect([woken.local.writes, woken.session.writes]).toEqual([0, 0]);
  });

  it('a browser restart with the jar kept on disk restores the persistent cookies and writes nothing', async () => {
    const fake = await written({ ...DEFAULT_SETTINGS, persistJar: true });
    const restarted = startFakeBrowser({ local: fakeStorage(fake.local.data) });
    await restarted.background.ready;
    expect(names(restarted)).toEqual(['keep']);
    await vi.advanceTimersByTimeAsync(5000);
    expect([restarted.local.writes, restarted.session.writes]).toEqual([0, 0]);
  });

  it('a session cookie found in a record on disk is not restored, and the record on disk is written again without it', async () => {
    const fake = await written();
    // The session area's record (both cookies) on disk, where only the persistent one belongs.
    const local = fakeStorage({ settings: { ...DEFAULT_SETTINGS, persistJar: true }, 'jar/0/example.com': fake.session.data['jar/0/example.com'] });
    const restarted = startFakeBrowser({ local });
    await restarted.background.ready;
    expect(names(restarted)).toEqual(['keep']);
    await vi.advanceTimersByTimeAsync(1000);
    const onDisk = JSON.stringify(local.data['jar/0/example.com']);
    expect(onDisk).toContain('k1');
    expect(onDisk).not.toContain('s1');
  });

  it('a record in storage.session with persistent cookies goes to disk when the jar is kept across restarts (the setting changed while the worker slept)', async () => {
    const fake = await written();
    const woken = await wake(fake, { local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, persistJar: true } }) });
    await vi.advanceTimersByTimeAsync(1000);
    const onDisk = JSON.stringify(woken.local.data['jar/0/example.com']);
    expect(onDisk).toContain('k1');
    expect(onDisk).not.toContain('s1');
  });

  it('a record of session cookies only stays where it is, the jar kept across restarts or not', async () => {
    const first = startFakeBrowser();
    await first.background.ready;
    respond(first, 'http://www.example.com/', 'sess=s1');
    await first.background.flush();
    const woken = await wake(first, { local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, persistJar: true } }) });
    expect(names(woken)).toEqual(['sess']);
    await vi.advanceTimersByTimeAsync(5000);
    expect([woken.local.writes, woken.session.writes]).toEqual([0, 0]);
  });

  it('a restart under smaller bounds trims the restored jar and log to them', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    for (let i = 0; i < 6; i++) respond(fake, 'http://www.example.com/', `c${i}=1`);
    await fake.background.flush();
    const woken = await wake(fake, { background: { limits: { log: { decisions: 4 }, mirror: { perSite: 3 } } } });
    expect(names(woken)).toEqual(['c3', 'c4', 'c5']);
    expect(woken.background.decisions({ limit: 100 }).map((d) => d.line)).toEqual(['c5=1', 'c4=1', 'c3=1', 'c2=1']);
  });

  it('the sent-header log survives a restart', async () => {
    const local = fakeStorage({ settings: { ...DEFAULT_SETTINGS, compareSentHeaders: true } });
    const fake = startFakeBrowser({ local });
    await fake.background.ready;
    fake.events.webRequest.onBeforeSendHeaders.dispatch({ ...chromeRequest('http://www.example.com/'), requestHeaders: [{ name: 'Cookie', value: 'a=1' }] });
    await fake.background.flush();
    const woken = await wake(fake);
    expect((await woken.background.handlers().getSentHeaders({ type: 'getSentHeaders' })).map((e) => e.browser)).toEqual(['a=1']);
  });

  it('the tabs’ top-level pages survive a restart: a tab’s third-party request is still known as one', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    respond(fake, 'http://www.example.com/', 'first=1');
    await fake.background.flush();
    const woken = await wake(fake);
    woken.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://tracker.test/px', { type: 'image' }), 'track=1'));
    expect(woken.background.decisions()[0]).toMatchObject({ line: 'track=1', thirdParty: true, originReqHost: 'www.example.com' });
  });

  it('response ids and the refused and evicted counts continue across a restart', async () => {
    const limits = { mirror: { perSite: 2 } };
    const fake = startFakeBrowser({ background: { limits } });
    await fake.background.ready;
    respond(fake, 'http://www.example.com/', 'a=1', 'b=1', 'c=1', `big=${'x'.repeat(5000)}`);
    expect(fake.background.status().limits).toMatchObject({ refused: 1, evicted: 1 });
    const lastResponse = fake.background.decisions()[0]?.responseId ?? Infinity;
    await fake.background.flush();
    const woken = await wake(fake, { background: { limits } });
    expect(woken.background.status().limits).toMatchObject({ refused: 1, evicted: 1 });
    respond(woken, 'http://www.example.com/', 'd=1');
    expect(woken.background.decisions()[0]?.responseId).toBeGreaterThan(lastResponse);
  });

  it('with nothing to migrate and no browser start, nothing is removed: an update’s session cookies stay until the browser starts', async () => {
    const old = JSON.stringify([oldCookie('oldsess', 'a.test', true), oldCookie('old', 'a.test', false)]);
    const fake = startFakeBrowser({ local: fakeStorage({ jar: old }) });
    await fake.background.ready;
    expect(names(fake).sort()).toEqual(['old', 'oldsess']);
    // The browser starts later: the session cookie goes, and the record without it is written.
    fake.events.runtime.onStartup.dispatch();
    expect(names(fake)).toEqual(['old']);
    await vi.advanceTimersByTimeAsync(1000);
    const record = JSON.stringify(fake.session.data['jar/0/a.test']);
    expect(record).toContain('old-v');
    expect(record).not.toContain('oldsess');
  });

  it('an earlier version’s jar is written in the per-site records before its key goes, so a restart still has it', async () => {
    const fake = startFakeBrowser({ local: fakeStorage({ jar: JSON.stringify([oldCookie('old', 'a.test', false)]) }), session: fakeStorage({ decisionLog: '{}' }) });
    await fake.background.ready;
    await vi.advanceTimersByTimeAsync(1000);
    expect(keysOf(fake.local)).toEqual([]);
    expect(keysOf(fake.session)).toEqual(['jar/0/a.test']);
    const woken = await wake(fake);
    expect(names(woken)).toEqual(['old']);
  });

  it('a `jar` key in storage.session is not an earlier version’s jar (that one lived on disk): not restored', async () => {
    const fake = startFakeBrowser({ session: fakeStorage({ jar: JSON.stringify([oldCookie('stray', 'a.test', false)]) }) });
    await fake.background.ready;
    expect(names(fake)).toEqual([]);
    expect(fake.background.status().load.state).toBe('loaded');
  });
});

describe('a record that cannot be restored is a load problem that names it', () => {
  async function good(): Promise<FakeBrowser> {
    const fake = startFakeBrowser();
    await fake.background.ready;
    respond(fake, 'http://www.example.com/', 'first=1');
    await fake.background.flush();
    return fake;
  }

  it.each([
    ['a sent-header page', 'session', 'sent/0/1', 'garbage', /^page 1 of the sent-header log \(session\): .+/],
    ['the tabs', 'session', 'tabs/0', { v: 1, tabs: 'none' }, /^the tabs’ top-level pages \(session\): .+/],
    ['the list of records not saved', 'session', 'status', { v: 1, failures: 'none' }, /^the list of records not saved \(session\): .+/],
    ['an earlier version’s jar', 'local', 'jar', '[{"broken"', /^the jar of an earlier version \(local\): the jar of an earlier version: .+/],
  ] as const)('%s', async (_what, area, key, value, problem) => {
    const fake = await good();
    const woken = await wake({ local: fakeStorage({ ...fake.local.data, ...(area === 'local' ? { [key]: value } : {}) }), session: fakeStorage({ ...fake.session.data, ...(area === 'session' ? { [key]: value } : {}) }) });
    expect(names(woken)).toEqual(['first']);
    expect(woken.background.status().load).toMatchObject({ state: 'failed', problems: [expect.stringMatching(problem) as unknown] });
  });

  it('a decision log page found on disk (where no version writes one) is not restored', async () => {
    const fake = await good();
    const woken = await wake({ local: fakeStorage({ 'log/0/example.com/1': fake.session.data['log/0/example.com/1'] }), session: fakeStorage() });
    expect(woken.background.decisions()).toEqual([]);
    expect(woken.background.status().load).toMatchObject({
      state: 'failed', problems: ['page 1 of the decision log of example.com (local): a decision log page outside storage.session'],
    });
  });

  it('storage that cannot be read is one problem, of storage as a whole', async () => {
    const session = fakeStorage();
    session.get = () => Promise.reject(new Error('IO error'));
    const fake = startFakeBrowser({ session });
    await fake.background.ready;
    expect(fake.background.status().load.problems).toEqual(['storage (session): reading storage failed: IO error']);
  });

  it('invalid stored settings are named with each of their problems, in a bounded sentence', async () => {
    const two = startFakeBrowser({ local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, strictNsDomain: 99, maxCookies: -1 } }) });
    await two.background.ready;
    expect(two.background.status().load.problems[0]).toMatch(/^the settings \(local\): the settings are invalid \("strictNsDomain" must be .*, not 99\. "maxCookies" must be/);
    const many = startFakeBrowser({ local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, blockedDomains: Array.from({ length: 20 }, (_, i) => `http://bad${i}.com/`) } }) });
    await many.background.ready;
    const problem = many.background.status().load.problems[0] ?? '';
    expect(problem).toMatch(/^the settings \(local\): the settings are invalid \(blockedDomains\[0\]: “http:\/\/bad0\.com\/” is a URL/);
    expect(problem.length).toBeLessThanOrEqual('the settings (local): the settings are invalid ()'.length + 200);
  });
});

describe('events while the stored state loads, and the time they are judged at', () => {
  it('past 20,000 waiting events the oldest go, and the status says how many', async () => {
    const session = fakeStorage({}, { held: true });
    const fake = startFakeBrowser({ session });
    respond(fake, 'http://www.example.com/', 'gone=1');
    respond(fake, 'http://www.example.com/', 'kept=1');
    for (let tab = 100; tab < 20_099; tab++) fake.events.tabs.onRemoved.dispatch(tab);
    expect(fake.background.status().backlog.queuedEvents).toBe(20_000);
    session.release();
    await fake.background.ready;
    expect(names(fake)).toEqual(['kept']);
    expect(fake.background.status().errors).toContain('1 browser events arrived while the stored state was loading and were dropped (more than 20,000 waiting).');
  });

  it('a response’s cookies are dated by when the browser received it, not by when the worker handled it', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    const received = T0 - 30 * 60 * 1000;
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/', { timeStamp: received }), 'late=1; Max-Age=3600'));
    expect([...fake.background.jar][0]?.expires).toBe(received / 1000 + 3600);
  });

  it('after an event the jar’s clock is the present again: a cookie that has since expired is not sent', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    respond(fake, 'http://www.example.com/', 'short=1; Max-Age=60', 'long=1; Max-Age=86400');
    const explain = async () => (await fake.background.handlers().explain({ type: 'explain', url: 'http://www.example.com/' })).cookieHeader;
    expect(await explain()).toBe('short=1; long=1');
    fake.clock.now = T0 + 120_000;
    expect(await explain()).toBe('long=1');
  });
});

describe('tabs, cookie changes and settings changed elsewhere', () => {
  it('a closed tab’s top-level page leaves the stored tabs', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    respond(fake, 'http://www.example.com/', 'first=1');
    await fake.background.flush();
    expect(JSON.stringify(fake.session.data['tabs/0'])).toContain('www.example.com');
    fake.events.tabs.onRemoved.dispatch(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(JSON.stringify(fake.session.data['tabs/0'] ?? null)).not.toContain('www.example.com');
  });

  it.each([['without a store id', {}], ['with an empty store id', { storeId: '' }]])('a cookie the user cleared %s is of the default store', async (_what, store) => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    respond(fake, 'http://www.example.com/', 'a=1', 'b=1');
    fake.events.cookies.onChanged.dispatch({ removed: true, cause: 'explicit', cookie: { name: 'a', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', ...store } });
    expect(names(fake)).toEqual(['b']);
  });

  it('a change in a store not seen yet is left to its first cookies.getAll, and breaks nothing', async () => {
    const fake = startFakeBrowser({ background: { defaultStoreId: 'firefox-default' } });
    await fake.background.ready;
    fake.events.cookies.onChanged.dispatch({ removed: false, cause: 'explicit', cookie: { name: 'w', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', storeId: 'firefox-container-2' } });
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(chromeRequest('http://www.example.com/'), 'a=1'), cookieStoreId: 'firefox-default', incognito: false });
    expect(names(fake)).toEqual(['a']);
    expect(fake.background.status('firefox-container-2').verdicts.cookies).toBe(0);
  });

  it('without the browser’s verdicts, the store’s changes are not followed (the benchmark’s worker)', async () => {
    const change = { removed: false, cause: 'explicit', cookie: { name: 'a', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'unspecified', session: true, storeId: '0' } };
    const off = startFakeBrowser({ background: { verdicts: false } });
    await off.background.ready;
    off.events.cookies.onChanged.dispatch(change);
    expect(off.background.status().verdicts.cookies).toBe(0);
    const on = startFakeBrowser();
    await on.background.ready;
    on.events.cookies.onChanged.dispatch(change);
    expect(on.background.status().verdicts.cookies).toBe(1);
  });

  it('the worker’s time is counted per kind of event', async () => {
    const fake = startFakeBrowser({ local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, compareSentHeaders: true } }) });
    await fake.background.ready;
    fake.events.webRequest.onBeforeSendHeaders.dispatch({ ...chromeRequest('http://www.example.com/'), requestHeaders: [{ name: 'Cookie', value: 'a=1' }] });
    fake.events.cookies.onChanged.dispatch({ removed: true, cause: 'explicit', cookie: { name: 'a', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', storeId: '0' } });
    fake.events.storage.onChanged.dispatch({ settings: { newValue: { ...DEFAULT_SETTINGS, compareSentHeaders: true } } }, 'local');
    expect(Object.keys(fake.background.status().work.events).sort()).toEqual(['cookieChange', 'sentHeaders', 'settings']);
  });
});
