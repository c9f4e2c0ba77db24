// The Background's responses, settling timer, sent headers, settings, load-failure choices and the
// figures it reports (decisions' filters, the status and its per-kind store figures), as the pages
// and the user see them through the fake browser of src/background/testing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { Background } from './service';
import { SETTLE_MS } from './browserVerdicts';
import { itemBytes } from './store';
import { chromeRequest, fakeStorage, startFakeBrowser, withCookies, type FakeBrowser, type FakeStorage } from './testing/fakeBrowser';

const T0 = Date.UTC(2025, 0, 1);

beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
afterEach(() => { vi.useRealTimers(); });

const respond = (fake: FakeBrowser, url: string, lines: string[], init: Parameters<typeof chromeRequest>[1] = {}) => {
  fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest(url, { timeStamp: fake.clock.now, ...init }), ...lines));
};
const lines = (entries: { line: string }[]) => entries.map((d) => d.line);

async function started(options: Parameters<typeof startFakeBrowser>[0] = {}): Promise<FakeBrowser> {
  const fake = startFakeBrowser(options);
  await fake.background.ready;
  return fake;
}

/** Bytes of the records of one kind (key prefix) in both areas, as the browser counts them. */
function storedBytes(prefix: string, ...areas: FakeStorage[]): number {
  let bytes = 0;
  for (const area of areas) for (const [key, value] of Object.entries(area.data)) if (key.startsWith(prefix)) bytes += itemBytes(key, value);
  return bytes;
}

describe('the decisions a page asks for', () => {
  /** A page of www.example.com in tab 1 (three lines, one refused) and a tracker's image on it; a page of news.test in tab 2. */
  async function browsed(): Promise<FakeBrowser> {
    const fake = await started({ local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, blockedDomains: ['.blocked.example.com'] } }) });
    respond(fake, 'http://www.example.com/', ['a=1', 'b=2; Domain=blocked.example.com', 'c=3']);
    respond(fake, 'http://tracker.test/px.gif', ['t=1'], { type: 'image', initiator: 'http://www.example.com' });
    respond(fake, 'http://news.test/', ['n=1'], { tabId: 2 });
    return fake;
  }

  it('of one tab', async () => {
    const fake = await browsed();
    expect(lines(fake.background.decisions({ tabId: 2 }))).toEqual(['n=1']);
    expect(lines(fake.background.decisions({ tabId: 1 }))).toEqual(['t=1', 'c=3', 'b=2; Domain=blocked.example.com', 'a=1']);
  });

  it('of one site: its pages’ responses (a third party’s included) and the responses of its own hosts on other pages', async () => {
    const fake = await browsed();
    expect(lines(fake.background.decisions({ site: 'www.example.com' }))).toEqual(['t=1', 'c=3', 'b=2; Domain=blocked.example.com', 'a=1']);
    expect(lines(fake.background.decisions({ site: 'tracker.test' }))).toEqual(['t=1']);
    expect(lines(fake.background.decisions({ site: 'nowhere.test' }))).toEqual([]);
  });

  it('accepted or refused only, and of one rule', async () => {
    const fake = await browsed();
    expect(lines(fake.background.decisions({ accepted: false }))).toEqual(['b=2; Domain=blocked.example.com']);
    expect(lines(fake.background.decisions({ accepted: true }))).toEqual(['n=1', 't=1', 'c=3', 'a=1']);
    expect(lines(fake.background.decisions({ rule: 'set.domain.blocked' }))).toEqual(['b=2; Domain=blocked.example.com']);
  });

  it('no more than the limit, even inside one response', async () => {
    const fake = await browsed();
    expect(lines(fake.background.decisions({ limit: 1, tabId: 1, accepted: true }))).toEqual(['t=1']);
    expect(lines(fake.background.decisions({ limit: 2 }))).toEqual(['n=1', 't=1']);
    expect(lines(fake.background.decisions({ limit: 2, tabId: 1 }))).toEqual(['t=1', 'c=3']);
  });
});

describe('the status', () => {
  it('says where the jar is kept: storage.session, also storage.local with “keep the jar”, nowhere for a private store', async () => {
    const fake = await started();
    expect(fake.background.status().jarAreas).toEqual(['session']);
    await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, persistJar: true } });
    expect(fake.background.status().jarAreas).toEqual(['session', 'local']);
    // Firefox's private windows, mirrored, in the same instance as the stored stores.
    const firefox = await started({ background: { defaultStoreId: 'firefox-default' }, local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, mirrorIncognito: true, persistJar: true } }) });
    firefox.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(chromeRequest('http://secret.test/', { tabId: 5 }), 's=1'), cookieStoreId: 'firefox-private', incognito: true });
    await vi.advanceTimersByTimeAsync(10);
    expect(firefox.background.status('firefox-private')).toMatchObject({ private: true, jarSize: 1, jarAreas: [] });
    expect(firefox.background.status().jarAreas).toEqual(['session', 'local']);
  });

  it('shows each storage area’s figures, and none for the incognito instance', async () => {
    const fake = await started({ session: fakeStorage({}, { quotaBytes: 50_000 }) });
    respond(fake, 'http://www.example.com/', ['a=1']);
    await fake.background.flush();
    const { storage } = fake.background.status();
    expect(storage?.session).toMatchObject({ quotaBytes: 50_000, writes: 1, lastWrite: T0, bytes: fake.session.bytes() });
    expect(storage?.local).toMatchObject({ writes: 0, lastWrite: null });
    const incognito = await started({ incognitoInstance: true });
    expect(incognito.background.status()).toMatchObject({ storage: null, backlog: { queuedEvents: 0, pendingRecords: 0, writing: false } });
  });

  it('shows a write under way', async () => {
    const fake = await started();
    let land: () => void = () => undefined;
    // The browser holds the write until `land` is called.
    const write = fake.session.set.bind(fake.session);
    fake.session.set = (items) => new Promise<void>((resolve) => { land = () => { void write(items).then(resolve); }; });
    respond(fake, 'http://www.example.com/', ['a=1']);
    const flushed = fake.background.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.background.status().backlog.writing).toBe(true);
    land();
    await flushed;
    expect(fake.background.status().backlog.writing).toBe(false);
  });

  it('names every unreadable record in its error, “; ” between them, within 600 characters', async () => {
    const session = fakeStorage({ 'jar/0/one.test': { v: 9 }, 'jar/0/two.test': { v: 9 } });
    const fake = await started({ session });
    const [error] = fake.background.status().errors;
    expect(error).toMatch(/^The stored state could not be read \([^;]*one\.test[^;]*; [^;]*two\.test[^;]*\)\. /);
    const many: Record<string, unknown> = {};
    for (let i = 0; i < 40; i++) many[`jar/0/site${i}.test`] = { v: 9 };
    const flooded = await started({ session: fakeStorage(many) });
    const listed = /^The stored state could not be read \((.*)\)\. Nothing/.exec(flooded.background.status().errors[0] ?? '')?.[1] ?? '';
    expect(listed.length).toBe(600);
    expect(flooded.background.status().load.problems).toHaveLength(40);
  });

  it('a removal the browser refused is reported without a size', async () => {
    const fake = await started();
    respond(fake, 'http://www.example.com/', ['a=1']);
    await fake.background.flush();
    fake.session.remove = () => Promise.reject(new Error('IO error'));
    await fake.background.handlers().clearJar({ type: 'clearJar' });
    await fake.background.flush();
    expect(fake.background.status().errors).toContainEqual(expect.stringMatching(/^Could not save [^(]*: IO error It is kept in memory; the stored copy is older or missing\.$/));
  });

  it('counts the events dropped while the stored state was loading', async () => {
    const session = fakeStorage({}, { held: true });
    const fake = startFakeBrowser({ session });
    const details = withCookies(chromeRequest('http://www.example.com/'), 'a=1');
    for (let i = 0; i < 20_003; i++) fake.events.webRequest.onHeadersReceived.dispatch(details);
    session.release();
    await fake.background.ready;
    expect(fake.background.status().errors).toContain('3 browser events arrived while the stored state was loading and were dropped (more than 20,000 waiting).');
  });
});

describe('the figures of each kind of record (jar, log, sent headers, tabs)', () => {
  it('bytes stored of each kind in both areas, the session area’s quota, writes and last write, and whether records wait', async () => {
    const local = fakeStorage({ settings: { ...DEFAULT_SETTINGS, persistJar: true, compareSentHeaders: true } }, { quotaBytes: 900_000 });
    const session = fakeStorage({}, { quotaBytes: 800_000 });
    const fake = await started({ local, session });
    respond(fake, 'http://www.example.com/', ['a=1; Max-Age=3600', 'b=2']);
    fake.events.webRequest.onBeforeSendHeaders.dispatch({ ...chromeRequest('http://www.example.com/x'), requestHeaders: [{ name: 'Cookie', value: 'a=1' }] });
    expect(Object.values(fake.background.status().stores).map((s) => s.pending)).toEqual([true, true, true, true]);
    await fake.background.flush();
    fake.clock.now += 5000;
    respond(fake, 'http://www.example.com/', ['c=3']);
    await fake.background.flush();
    const { stores } = fake.background.status();
    expect(storedBytes('jar/', local)).toBeGreaterThan(0);
    expect(stores.jar).toEqual({ bytes: storedBytes('jar/', local, session), quotaBytes: 800_000, lastWrite: T0 + 5000, writes: session.writes, error: null, pending: false });
    expect(stores.log.bytes).toBe(storedBytes('log/', session, local));
    expect(stores.sentHeaders.bytes).toBe(storedBytes('sent/', session, local));
    expect(stores.tabs.bytes).toBe(storedBytes('tabs/', session, local));
    expect(Object.values(stores).map((s) => [s.bytes > 0, s.pending])).toEqual([[true, false], [true, false], [true, false], [true, false]]);
  });

  it('a record that could not be saved is the error of its own kind only', async () => {
    const fake = await started();
    fake.session.failKeys.add('jar/0/example.com');
    respond(fake, 'http://www.example.com/', ['a=1']);
    await fake.background.flush();
    const { stores } = fake.background.status();
    expect(stores.jar.error).toEqual({ name: 'StorageWriteFailed', message: expect.stringMatching(/^Could not save .*example\.com.*: refused jar\/0\/example\.com$/) as unknown });
    expect([stores.log.error, stores.sentHeaders.error, stores.tabs.error]).toEqual([null, null, null]);
  });

  it('the incognito instance stores nothing: every figure empty', async () => {
    const fake = await started({ incognitoInstance: true, local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, mirrorIncognito: true } }) });
    respond(fake, 'http://www.example.com/', ['a=1']);
    const empty = { bytes: 0, quotaBytes: null, lastWrite: null, writes: 0, error: null, pending: false };
    expect(fake.background.status().stores).toEqual({ jar: empty, log: empty, sentHeaders: empty, tabs: empty });
  });
});

describe('a response', () => {
  it('without Set-Cookie logs nothing, yet the tab’s new page is written (with the next write, not only a forced one)', async () => {
    const fake = await started();
    respond(fake, 'http://www.example.com/', []);
    expect(fake.background.status()).toMatchObject({ responses: 0, decisions: 0 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(fake.session.data['tabs/0']).toEqual({ v: 1, tabs: [[1, 'http://www.example.com/']] });
  });

  it('without Set-Cookie and on the same page arms no timer (most responses: the worker is not woken for them)', async () => {
    const fake = await started({ background: { now: () => Date.now() } });
    respond(fake, 'http://www.example.com/', ['a=1']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(vi.getTimerCount()).toBe(0);
    for (let i = 0; i < 20; i++) respond(fake, `http://www.example.com/img${i}.png`, [], { type: 'image' });
    respond(fake, 'http://www.example.com/', []);
    expect(vi.getTimerCount()).toBe(0);
    // Set-Cookie2 lines are decided by the jar but get no browser verdict: nothing to settle.
    fake.events.webRequest.onHeadersReceived.dispatch({ ...chromeRequest('http://www.example.com/', { timeStamp: Date.now() }), responseHeaders: [{ name: 'Set-Cookie2', value: 'v=1; Version=1' }] });
    await fake.background.flush();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('of a URL the jar cannot read is ignored, and the next one is applied', async () => {
    const fake = await started();
    expect(() => { respond(fake, 'not a url', ['a=1']); }).not.toThrow();
    expect(() => { respond(fake, 'http://[::1/', ['a=1']); }).not.toThrow();
    respond(fake, 'http://www.example.com/', ['b=2']);
    expect(lines(fake.background.decisions())).toEqual(['b=2']);
  });

  it('of a URL the browser model cannot read is decided and logged, without the browser’s verdict', async () => {
    const fake = await started();
    expect(() => { respond(fake, 'foo:bar', ['a=1']); }).not.toThrow();
    const [decision] = fake.background.decisions();
    expect(decision).toMatchObject({ line: 'a=1', accepted: true });
    expect(decision?.browser).toBeUndefined();
  });

  it('a cookie refused for its size is counted, and the count is written at once (it survives the worker)', async () => {
    const fake = await started();
    respond(fake, 'http://www.example.com/', ['a=1']);
    await fake.background.flush();
    respond(fake, 'http://www.example.com/', ['ok=2']);
    await fake.background.flush();
    // An accepted cookie changes no counter: the counters are not written again.
    expect(fake.session.written.at(-1)).not.toContain('meta/0');
    respond(fake, 'http://www.example.com/', [`big=${'x'.repeat(5000)}`]);
    await fake.background.flush();
    expect(fake.session.written.at(-1)).toContain('meta/0');
    const woken = await started({ session: fakeStorage(fake.session.data) });
    expect(woken.background.status().limits.refused).toBe(1);
  });

  it('with the browser’s verdicts turned off gets none', async () => {
    const fake = await started({ background: { verdicts: false } });
    respond(fake, 'http://www.example.com/', ['a=1']);
    expect(fake.background.decisions()[0]?.browser).toBeUndefined();
    expect(fake.background.status().verdicts.pending).toBe(0);
  });

  it('its Date header is the server’s clock the browser corrects Expires by; a Date it cannot read is ignored', async () => {
    const fake = await started({ background: { now: () => Date.now() } });
    const yearAgo = T0 - 365 * 86_400_000;
    const expires = new Date(yearAgo + 3_600_000).toUTCString();
    const dated = (date: string | null) => {
      const details = withCookies(chromeRequest('http://www.example.com/', { timeStamp: Date.now() }), `dated=1; Expires=${expires}`);
      if (date !== null) details.responseHeaders?.push({ name: 'Date', value: date });
      fake.events.webRequest.onHeadersReceived.dispatch(details);
      return fake.background.decisions()[0]?.browser;
    };
    // The server's clock is a year behind: its cookie lives an hour from now.
    expect(dated(new Date(yearAgo).toUTCString())).toEqual({ stored: null, predicted: 'stored', reasons: [], pending: true });
    const expired = { stored: null, predicted: 'stored', reasons: [], pending: true, sentence: expect.stringMatching(/is already expired/) as unknown };
    expect(dated(null)).toEqual(expired);
    expect(dated('not a date')).toEqual(expired);
  });
});

describe('the browser’s verdicts settle on one timer for every store', () => {
  const WORK = 'firefox-container-2';
  async function firefox(): Promise<FakeBrowser> {
    return started({
      background: { defaultStoreId: 'firefox-default', now: () => Date.now() },
      cookieStores: [{ id: 'firefox-default', tabIds: [1] }, { id: WORK, tabIds: [2] }, { id: 'firefox-container-1', tabIds: [3] }],
    });
  }
  const inStore = (fake: FakeBrowser, storeId: string, tabId: number, ...cookies: string[]) => {
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(chromeRequest('http://www.example.com/', { tabId, timeStamp: Date.now() }), ...cookies), cookieStoreId: storeId, incognito: false });
  };
  const pending = (fake: FakeBrowser, storeId: string, line: string) =>
    fake.background.decisions({ storeId }).find((d) => d.line === line)?.browser?.pending === true;

  it('each line settles when its own wait ends, whichever store it is in', async () => {
    const fake = await firefox();
    inStore(fake, 'firefox-container-1', 3); // a store with nothing waiting
    await vi.advanceTimersByTimeAsync(0);
    inStore(fake, 'firefox-default', 1, 'a1=1');
    await vi.advanceTimersByTimeAsync(500);
    inStore(fake, WORK, 2, 'w=1');
    await vi.advanceTimersByTimeAsync(500);
    inStore(fake, 'firefox-default', 1, 'a2=1');
    expect([pending(fake, 'firefox-default', 'a1=1'), pending(fake, WORK, 'w=1'), pending(fake, 'firefox-default', 'a2=1')]).toEqual([true, true, true]);
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 1000 + 100); // T0 + 2,100
    expect([pending(fake, 'firefox-default', 'a1=1'), pending(fake, WORK, 'w=1'), pending(fake, 'firefox-default', 'a2=1')]).toEqual([false, true, true]);
    await vi.advanceTimersByTimeAsync(500); // T0 + 2,600
    expect([pending(fake, WORK, 'w=1'), pending(fake, 'firefox-default', 'a2=1')]).toEqual([false, true]);
    await vi.advanceTimersByTimeAsync(500); // T0 + 3,100
    expect(pending(fake, 'firefox-default', 'a2=1')).toBe(false);
  });

  it('a burst of responses arms one timer, and none is left once nothing waits (the worker may stop)', async () => {
    const fake = await started({ background: { now: () => Date.now() } });
    for (let i = 0; i < 50; i++) respond(fake, 'http://www.example.com/', [`c${i}=1`]);
    // One for the verdicts, one for the writes.
    expect(vi.getTimerCount()).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.background.status().verdicts.pending).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a settled verdict that agrees with the prediction changes no counter: the counters are not written again', async () => {
    const fake = await started({ background: { now: () => Date.now() } });
    respond(fake, 'http://www.example.com/', ['first=1']);
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 100);
    await fake.background.flush();
    const before = fake.session.written.length;
    // Refused by the browser (another site's domain), and nothing arrives: as predicted.
    respond(fake, 'http://www.example.com/', ['x=1; Domain=other.test']);
    await fake.background.flush();
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 100);
    await fake.background.flush();
    expect(fake.background.decisions()[0]?.browser).toMatchObject({ stored: false, predicted: 'refused' });
    expect(fake.session.written.slice(before).flat()).toContain('log/0/example.com/1');
    expect(fake.session.written.slice(before).flat()).not.toContain('meta/0');
  });

  it('a container seen for the first time: its first response is judged against the cookies the browser already has there', async () => {
    const fake = await started({
      background: { defaultStoreId: 'firefox-default', now: () => Date.now() },
      cookieStores: [{ id: 'firefox-default', tabIds: [1] }, { id: WORK, tabIds: [2] }],
    });
    fake.cookieStore.push({ name: 'sid', value: 'secure', domain: 'www.example.com', hostOnly: true, path: '/', secure: true, httpOnly: false, sameSite: 'unspecified', session: true, storeId: WORK });
    inStore(fake, WORK, 2, 'sid=plain');
    await vi.advanceTimersByTimeAsync(10);
    // Over http, a Secure cookie of the same name cannot be overwritten.
    expect(fake.background.decisions({ storeId: WORK })[0]?.browser).toMatchObject({ predicted: 'refused' });
  });
});

describe('the sent-header comparison', () => {
  const comparing = (extra: Partial<typeof DEFAULT_SETTINGS> = {}, options: Parameters<typeof startFakeBrowser>[0] = {}) =>
    started({ local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, compareSentHeaders: true, ...extra } }), ...options });
  const sent = (fake: FakeBrowser, url: string, cookie: string | null, init: Parameters<typeof chromeRequest>[1] = {}) => {
    fake.events.webRequest.onBeforeSendHeaders.dispatch({ ...chromeRequest(url, init), requestHeaders: cookie === null ? [] : [{ name: 'Cookie', value: cookie }] });
  };
  const entries = (fake: FakeBrowser) => fake.background.handlers().getSentHeaders({ type: 'getSentHeaders' });

  it('records a request either side sends cookies on (same or not), and none that neither does', async () => {
    const fake = await comparing();
    sent(fake, 'http://www.example.com/none', null);
    respond(fake, 'http://www.example.com/', ['a=1']);
    sent(fake, 'http://www.example.com/jar-only', null);
    sent(fake, 'http://www.example.com/both', 'a=1');
    expect((await entries(fake)).map((e) => [new URL(e.url).pathname, e.browser, e.jar, e.same])).toEqual([
      ['/both', 'a=1', 'a=1', true],
      ['/jar-only', null, 'a=1', false],
    ]);
  });

  it('records the Cookie2 header an RFC 2965 policy adds', async () => {
    const fake = await comparing({ rfc2965: true });
    respond(fake, 'http://www.example.com/', ['a=1']);
    sent(fake, 'http://www.example.com/x', 'a=1');
    expect((await entries(fake))[0]).toMatchObject({ jar: 'a=1', jarCookie2: '$Version="1"' });
  });

  it('ignores private requests while private browsing is not mirrored, and URLs the jar cannot read', async () => {
    const fake = await comparing();
    respond(fake, 'http://www.example.com/', ['a=1']);
    expect(() => { sent(fake, 'http://www.example.com/private', 'a=1', { incognito: true }); }).not.toThrow();
    expect(() => { sent(fake, 'not a url', 'a=1'); }).not.toThrow();
    expect(await entries(fake)).toEqual([]);
  });

  it('a Background no listener was handed to still loads and applies its settings', async () => {
    const local = fakeStorage({ settings: { ...DEFAULT_SETTINGS, compareSentHeaders: true } });
    const background = new Background({ storage: { local, session: fakeStorage() }, now: () => T0 });
    await expect(background.ready).resolves.toBeUndefined();
    expect(background.settings.compareSentHeaders).toBe(true);
  });
});

describe('settings', () => {
  const WORK_PRIVATE = 'firefox-private';
  async function firefoxMirroring(): Promise<FakeBrowser> {
    const fake = await started({
      background: { defaultStoreId: 'firefox-default' }, local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, mirrorIncognito: true } }),
      cookieStores: [{ id: 'firefox-default', tabIds: [1] }, { id: WORK_PRIVATE, tabIds: [5] }],
    });
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(chromeRequest('http://secret.test/', { tabId: 5 }), 's=1'), cookieStoreId: WORK_PRIVATE, incognito: true });
    await vi.advanceTimersByTimeAsync(10);
    return fake;
  }
  /** An image in private tab 5, with nothing but its tab to say which page it is on. */
  const privateImage = (fake: FakeBrowser) => {
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(chromeRequest('http://img.test/i.png', { tabId: 5, type: 'image' }), 'i=1'), cookieStoreId: WORK_PRIVATE, incognito: true });
  };

  it('a change that keeps private windows mirrored keeps what they noted', async () => {
    const fake = await firefoxMirroring();
    await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, mirrorIncognito: true, blockedDomains: ['.ads.test'] } });
    expect(fake.background.status(WORK_PRIVATE)).toMatchObject({ jarSize: 1, decisions: 1 });
    privateImage(fake);
    expect(fake.background.decisions({ storeId: WORK_PRIVATE })[0]).toMatchObject({ line: 'i=1', topLevelUrl: 'http://secret.test/', thirdParty: true });
  });

  it('turning private mirroring off forgets everything of the private windows, even which page each tab shows', async () => {
    const fake = await firefoxMirroring();
    await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, mirrorIncognito: false } });
    expect(fake.background.incognitoJarSize).toBe(0);
    await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, mirrorIncognito: true } });
    privateImage(fake);
    await vi.advanceTimersByTimeAsync(10);
    expect(fake.background.decisions({ storeId: WORK_PRIVATE }).map((d) => [d.line, d.topLevelUrl])).toEqual([['i=1', null]]);
  });

  it('Chrome’s incognito instance: turning mirroring off empties its jar and logs; another change keeps them', async () => {
    const fake = await started({ incognitoInstance: true, local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, mirrorIncognito: true, compareSentHeaders: true } }) });
    const { setPolicy } = fake.background.handlers();
    respond(fake, 'http://secret.test/', ['s=1']);
    fake.events.webRequest.onBeforeSendHeaders.dispatch({ ...chromeRequest('http://secret.test/x'), requestHeaders: [{ name: 'Cookie', value: 's=1' }] });
    await setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, mirrorIncognito: true, compareSentHeaders: true, blockedDomains: ['.ads.test'] } });
    expect(fake.background.status()).toMatchObject({ jarSize: 1, decisions: 1, sentHeaders: 1 });
    await setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, compareSentHeaders: true } });
    expect(fake.background.status()).toMatchObject({ jarSize: 0, decisions: 0, sentHeaders: 0, private: true });
  });

  it('Chrome’s incognito instance stores no settings even when handed storage', async () => {
    const local = fakeStorage();
    const session = fakeStorage();
    const fake = await started({ local, session, incognitoInstance: true, background: { storage: { local, session } } });
    await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, blockedDomains: ['.ads.test'] } });
    expect(fake.background.settings.blockedDomains).toEqual(['.ads.test']);
    expect(local.writes + session.writes).toBe(0);
  });

  it('a change of the policy does not rewrite the jar’s records (only “keep the jar” moves them)', async () => {
    const fake = await started();
    respond(fake, 'http://www.example.com/', ['a=1']);
    await fake.background.flush();
    const before = fake.session.written.length;
    await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, blockedDomains: ['.ads.test'] } });
    await vi.advanceTimersByTimeAsync(2000);
    expect(fake.session.written.slice(before).flat().filter((key) => key.startsWith('jar/'))).toEqual([]);
  });
});

describe('after a failed load, the user’s choice', () => {
  /** Two sites written by a worker; `extra` settings stored with them. */
  async function written(extra: Partial<typeof DEFAULT_SETTINGS> = {}): Promise<{ local: FakeStorage; session: FakeStorage }> {
    const fake = await started({ local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, ...extra } }) });
    respond(fake, 'http://www.one.test/', ['one=1']);
    respond(fake, 'http://www.two.test/', ['two=2', 'kept=3; Max-Age=3600']);
    await fake.background.flush();
    return { local: fake.local, session: fake.session };
  }
  const resolve = (fake: FakeBrowser, action: 'keep' | 'startAfresh') => fake.background.handlers().resolveLoadError({ type: 'resolveLoadError', action });

  it('“start afresh” after a load that did not fail deletes nothing', async () => {
    const { local, session } = await written({ blockedDomains: ['.ads.test'] });
    const fake = await started({ local: fakeStorage(local.data), session: fakeStorage(session.data) });
    expect((await resolve(fake, 'startAfresh')).load.state).toBe('loaded');
    expect(fake.background.jar.size).toBe(3);
    expect(Object.keys(fake.session.data)).toEqual(Object.keys(session.data));
    expect(fake.background.settings.blockedDomains).toEqual(['.ads.test']);
  });

  it('“keep” removes the unreadable record from its area only: a woken worker then loads cleanly', async () => {
    const { local, session } = await written({ persistJar: true });
    // two.test has a record in each area (its session cookie and its persistent one): the stored one is damaged.
    expect(session.data['jar/0/two.test']).toBeDefined();
    const fake = await started({ local: fakeStorage({ ...local.data, 'jar/0/two.test': { v: 9 } }), session: fakeStorage(session.data) });
    expect(fake.background.status().load.state).toBe('failed');
    await resolve(fake, 'keep');
    expect(fake.local.data['jar/0/two.test']).toBeUndefined();
    expect(fake.session.data['jar/0/two.test']).toEqual(session.data['jar/0/two.test']);
    const woken = await started({ local: fakeStorage(fake.local.data), session: fakeStorage(fake.session.data) });
    expect(woken.background.status().load).toEqual({ state: 'loaded', problems: [] });
    expect([...woken.background.jar].map((c) => c.name).sort()).toEqual(['one', 'two']);
  });

  it('“start afresh” keeps settings that could be read', async () => {
    const { local, session } = await written({ blockedDomains: ['.ads.test'] });
    const fake = await started({ local: fakeStorage(local.data), session: fakeStorage({ ...session.data, 'jar/0/one.test': { v: 9 } }) });
    await resolve(fake, 'startAfresh');
    expect(fake.background.jar.size).toBe(0);
    expect(fake.local.data['settings']).toMatchObject({ blockedDomains: ['.ads.test'] });
    expect(fake.background.settings.blockedDomains).toEqual(['.ads.test']);
  });

  it('“start afresh” with unreadable settings among other problems: the policy in use is the one a woken worker loads, the defaults', async () => {
    const { session } = await written();
    const fake = await started({
      local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, strictNsDomain: 99 } }),
      session: fakeStorage({ ...session.data, 'jar/0/one.test': { v: 9 } }),
    });
    expect(fake.background.status().load.problems).toHaveLength(2);
    // The user changes the policy before choosing.
    await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, blockedDomains: ['.ads.test'] } });
    await resolve(fake, 'startAfresh');
    expect(fake.local.data).toEqual({});
    expect(fake.background.settings).toEqual(DEFAULT_SETTINGS);
    const woken = await started({ local: fakeStorage(fake.local.data), session: fakeStorage(fake.session.data) });
    expect(woken.background.settings).toEqual(fake.background.settings);
  });

  it('“start afresh” concerns what is stored: the private windows’ jar, kept in memory only, stays', async () => {
    const { session } = await written();
    const fake = await started({
      background: { defaultStoreId: 'firefox-default' },
      local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, mirrorIncognito: true } }),
      session: fakeStorage({ ...session.data, 'jar/0/one.test': { v: 9 } }),
      cookieStores: [{ id: 'firefox-default', tabIds: [1] }, { id: 'firefox-private', tabIds: [5] }],
    });
    fake.events.webRequest.onHeadersReceived.dispatch({ ...withCookies(chromeRequest('http://secret.test/', { tabId: 5 }), 's=1'), cookieStoreId: 'firefox-private', incognito: true });
    await vi.advanceTimersByTimeAsync(10);
    await resolve(fake, 'startAfresh');
    expect(fake.background.status('firefox-private')).toMatchObject({ jarSize: 1, decisions: 1 });
    expect(fake.background.status()).toMatchObject({ jarSize: 0, decisions: 0 });
  });
});

describe('the stored list of records not saved', () => {
  it('is written once per change of the failures, and nothing waits after', async () => {
    const fake = await started();
    fake.session.failKeys.add('jar/0/two.test');
    respond(fake, 'http://www.two.test/', ['two=2']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(fake.session.data['status']).toMatchObject({ v: 1, failures: [{ key: 'jar/0/two.test' }] });
    const before = fake.session.written.length;
    respond(fake, 'http://www.one.test/', ['one=1']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(fake.session.written.slice(before).flat()).not.toContain('status');
    expect(fake.background.status().backlog.pendingRecords).toBe(0);
    // Written at last: the list is removed.
    fake.session.failKeys.clear();
    respond(fake, 'http://www.two.test/', ['again=1']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(fake.session.data['status']).toBeUndefined();
    expect(fake.background.status().failures).toEqual([]);
  });

  it('a flush with nothing to write is not counted as a write', async () => {
    const fake = await started();
    respond(fake, 'http://www.example.com/', ['a=1']);
    await fake.background.flush();
    const { count } = fake.background.status().work.flushes;
    await fake.background.flush();
    await fake.background.flush();
    expect(fake.background.status().work.flushes.count).toBe(count);
  });

  it('does not list its own failure (it would be retried forever), and a failure to store it is reported', async () => {
    const fake = await started();
    fake.session.failKeys.add('jar/0/two.test');
    fake.session.failKeys.add('status');
    respond(fake, 'http://www.two.test/', ['two=2']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(fake.background.status().errors).toContainEqual(expect.stringMatching(/^Could not save the list of records not saved/));
    fake.session.failKeys.delete('status');
    fake.session.failKeys.add('jar/0/three.test');
    const stored: unknown[] = [];
    const write = fake.session.set.bind(fake.session);
    fake.session.set = (items) => { if ('status' in items) stored.push(structuredClone(items['status'])); return write(items); };
    respond(fake, 'http://www.three.test/', ['three=3']);
    await vi.advanceTimersByTimeAsync(5000);
    // Never stored with its own earlier failure (a worker stopped then would report that failure until the list is written again).
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain('"key":"status"');
    expect((fake.session.data['status'] as { failures: { key: string }[] }).failures.map((f) => f.key).sort()).toEqual(['jar/0/three.test', 'jar/0/two.test']);
  });
});
