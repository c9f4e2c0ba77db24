// A store no website can break (issue 9, findings 3 to 7): the browser's limits in the mirror,
// records per site, logs bounded in bytes, write failures kept and reported, a failed load that
// overwrites nothing, sizes measured as the browser measures them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { createDispatcher } from '../shared/dispatch';
import { itemBytes } from './store';
import { chromeRequest, fakeStorage, startFakeBrowser, withCookies, type FakeBrowser } from './testing/fakeBrowser';

const T0 = Date.UTC(2025, 0, 1);
const respond = (fake: FakeBrowser, url: string, ...lines: string[]) => {
  fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest(url, { timeStamp: fake.clock.now }), ...lines));
};
const names = (fake: FakeBrowser) => [...fake.background.jar].map((c) => c.name);

beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
afterEach(() => { vi.useRealTimers(); });

describe('the browser’s limits, in the mirror (finding 3a)', () => {
  it('name and value of 4,096 bytes are stored, 4,097 refused with a rule of their own; the cookie it would replace stays', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    respond(fake, 'http://www.example.com/', `fit=${'v'.repeat(4096 - 3)}`, 'over=old');
    respond(fake, 'http://www.example.com/', `over=${'é'.repeat(2046)}`); // 4 + 4,092 bytes: 4,096
    respond(fake, 'http://www.example.com/', `over=${'é'.repeat(2046)}x`);
    const [last, middle] = fake.background.decisions();
    expect(middle).toMatchObject({ accepted: true });
    expect(last).toMatchObject({ accepted: false, rule: 'mirror.name-value-too-long' });
    expect(last?.reason).toBe('The cookie over has 4,097 bytes of name and value; browsers store at most 4,096.');
    expect(fake.background.jar.cookieTree().get('www.example.com')?.get('/')?.get('over')?.value).toBe('é'.repeat(2046));
    expect(fake.background.status().limits.refused).toBe(1);
  });

  it('a site keeps 180 cookies: the least recently set goes, logged as evicted', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    for (let i = 0; i < 180; i++) { fake.clock.now = T0 + i; respond(fake, 'http://www.example.com/', `c${i}=1`); }
    fake.clock.now = T0 + 500;
    respond(fake, 'http://www.example.com/', 'c0=again'); // c0 is now the most recently set
    respond(fake, 'http://shop.example.com/', 'new=1');
    expect(fake.background.jar.size).toBe(180);
    expect(names(fake)).not.toContain('c1');
    expect(names(fake)).toContain('c0');
    const [eviction] = fake.background.decisions({ rule: 'mirror.evicted.site-limit' });
    expect(eviction).toMatchObject({ kind: 'evicted', accepted: false, line: 'new=1', cookie: { name: 'c1', domain: 'www.example.com' } });
    expect(eviction?.reason).toBe('Evicted c1, the least recently set cookie of example.com: a site keeps at most 180 cookies.');
  });

  it('past the total, the site with the most cookies gives up its least recently set one, not a small site', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, maxCookies: 100 } });
    respond(fake, 'http://victim.test/', 'mine=1', 'mine2=1');
    for (let i = 0; i < 200; i++) respond(fake, `http://flood${i % 3}.test/`, `f${i}=1`);
    expect(fake.background.jar.size).toBe(100);
    expect(names(fake)).toEqual(expect.arrayContaining(['mine', 'mine2']));
    expect(fake.background.status().limits).toMatchObject({ cookies: 100, maxCookies: 100, evicted: 102 });
  });

  it('past its share of storage in bytes, the site using the most bytes gives up its oldest: 60 images × 50 cookies × 4 KB', async () => {
    const fake = startFakeBrowser({ background: { limits: { mirror: { bytes: 1024 * 1024 } } } });
    await fake.background.ready;
    respond(fake, 'http://www.victim.test/', 'session=precious; HttpOnly', 'theme=dark; Max-Age=86400');
    for (let image = 0; image < 60; image++) {
      const lines = Array.from({ length: 50 }, (_, i) => `f${i}=${'x'.repeat(4000)}`);
      fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest(`http://img${image}.flood${image % 6}.test/i.png`, { type: 'image' }), ...lines));
    }
    const status = fake.background.status();
    expect(status.limits.jarBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(names(fake)).toEqual(expect.arrayContaining(['session', 'theme']));
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.background.status().errors).toEqual([]);
    expect(fake.session.bytes()).toBeLessThan(6 * 1024 * 1024);
  });
});

describe('records per site (finding 3b)', () => {
  it('clearing the decisions or the jar removes their records', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    respond(fake, 'http://www.one.test/', 'one=1');
    respond(fake, 'http://www.two.test/', 'two=2');
    await vi.advanceTimersByTimeAsync(1000);
    expect(Object.keys(fake.session.data).filter((k) => /^(jar|log)\//.test(k)).sort()).toEqual(['jar/0/one.test', 'jar/0/two.test', 'log/0/one.test/1', 'log/0/two.test/1']);
    const handlers = fake.background.handlers();
    await handlers.clearDecisions({ type: 'clearDecisions' });
    await handlers.clearJar({ type: 'clearJar', site: 'one.test' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(Object.keys(fake.session.data).filter((k) => /^(jar|log)\//.test(k))).toEqual(['jar/0/two.test']);
  });

  it('a restarted worker has the jar in Python’s order, across sites too', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    respond(fake, 'http://a.one.test/', 'a1=1');
    respond(fake, 'http://b.two.test/', 'b1=1');
    respond(fake, 'http://c.one.test/', 'c1=1', 'c2=1');
    respond(fake, 'http://a.one.test/', 'a2=1');
    const before = names(fake);
    expect(before).toEqual(['a1', 'a2', 'b1', 'c1', 'c2']);
    await fake.background.flush();
    const woken = startFakeBrowser({ session: fakeStorage(fake.session.data) });
    await woken.background.ready;
    expect(names(woken)).toEqual(before);
  });

  it('a burst on one site writes that site’s record, one log page, nothing else', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    for (let s = 0; s < 50; s++) respond(fake, `http://www.site${s}.test/`, `a=${s}`, `b=${s}`);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.session.writes).toBe(1);
    const writesBefore = fake.session.written.length;
    for (let i = 0; i < 30; i++) {
      fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.site7.test/api', { type: 'xmlhttprequest', initiator: 'http://www.site49.test' }), `burst${i}=1`));
    }
    await vi.advanceTimersByTimeAsync(1000);
    // The log is kept per top-level site: the burst came from a page of site49.test.
    expect(fake.session.written.slice(writesBefore)).toEqual([['jar/0/site7.test', 'log/0/site49.test/1']]);
    expect(fake.local.writes).toBe(0);
  });

  it('a record that does not fit fails alone: the other sites are written, the failure names it and survives a restart (3c)', async () => {
    const session = fakeStorage({}, { quotaBytes: 200_000 });
    const fake = startFakeBrowser({ session, background: { limits: { mirror: { bytes: 10 * 1024 * 1024 } } } });
    await fake.background.ready;
    respond(fake, 'http://small.test/', 'a=1');
    respond(fake, 'http://huge.test/', ...Array.from({ length: 60 }, (_, i) => `h${i}=${'x'.repeat(4000)}`));
    await vi.advanceTimersByTimeAsync(1000);
    expect(Object.keys(session.data)).toEqual(expect.arrayContaining(['jar/0/small.test']));
    expect(session.data['jar/0/huge.test']).toBeUndefined();
    const status = fake.background.status();
    expect(status.failures.map((f) => [f.what, f.error.name])).toEqual(expect.arrayContaining([['the cookies of huge.test', 'QuotaExceeded']]));
    expect(status.errors.join('\n')).toMatch(/^Could not save the cookies of huge\.test \(2\d\d\.\d KB\): it needs .* It is kept in memory/m);
    // A new worker (the old one stopped) still reports what was not saved.
    await vi.advanceTimersByTimeAsync(1000);
    const woken = startFakeBrowser({ session: fakeStorage(session.data, { quotaBytes: 200_000 }) });
    await woken.background.ready;
    expect(woken.background.status().errors.join('\n')).toMatch(/Could not save the cookies of huge\.test/);
    expect([...woken.background.jar].map((c) => c.name)).toEqual(['a']);
  });

  it('a record whose set() is refused fails alone: the rest of the batch is written', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    fake.session.failKeys.add('jar/0/bad.test');
    respond(fake, 'http://good.test/', 'g=1');
    respond(fake, 'http://bad.test/', 'b=1');
    await vi.advanceTimersByTimeAsync(1000);
    expect(Object.keys(fake.session.data)).toEqual(expect.arrayContaining(['jar/0/good.test', 'log/0/bad.test/1']));
    expect(fake.session.data['jar/0/bad.test']).toBeUndefined();
    expect(fake.background.status().failures).toMatchObject([{ what: 'the cookies of bad.test', error: { message: 'refused jar/0/bad.test' } }]);
    // Written again on its next change: the failure is gone.
    fake.session.failKeys.clear();
    respond(fake, 'http://bad.test/', 'b=2');
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.background.status().failures).toEqual([]);
    expect(fake.background.status().errors).toEqual([]);
  });

  it('a jar record found on disk while persistence is off moves to memory and leaves the disk', async () => {
    const first = startFakeBrowser({ local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, persistJar: true } }) });
    await first.background.ready;
    respond(first, 'http://www.example.com/', 'keep=k1; Max-Age=86400');
    await first.background.flush();
    const local = fakeStorage({ ...first.local.data, settings: { ...DEFAULT_SETTINGS, persistJar: false } });
    const fake = startFakeBrowser({ local });
    await fake.background.ready;
    await vi.advanceTimersByTimeAsync(1000);
    expect(Object.keys(local.data)).toEqual(['settings']);
    expect(JSON.stringify(fake.session.data)).toContain('k1');
  });

  it('measures a record as the browser does: after JSON escaping (finding 7)', () => {
    const quoted = '"'.repeat(1000);
    expect(itemBytes('k', quoted)).toBe(1 + 2 + 2000);
    expect(itemBytes('k', { v: 'é' })).toBe(1 + '{"v":"é"}'.length + 1);
  });

  it('a value of quote characters that fits unescaped but not escaped is refused before set() (finding 7)', async () => {
    const session = fakeStorage({}, { quotaBytes: 60_000 });
    const fake = startFakeBrowser({ session });
    await fake.background.ready;
    // 4,000 quote characters take 8,000 bytes once escaped; ten such cookies need about 80 KB.
    respond(fake, 'http://quotes.test/', ...Array.from({ length: 10 }, (_, i) => `q${i}=${'"'.repeat(4000)}`));
    await vi.advanceTimersByTimeAsync(1000);
    const failure = fake.background.status().failures.find((f) => f.key === 'jar/0/quotes.test');
    expect(failure?.error.name).toBe('QuotaExceeded');
    expect(failure?.bytes).toBeGreaterThan(80_000);
  });
});

describe('the logs (findings 4 and 5)', () => {
  it('stores each Set-Cookie line once: the value is a position in the line, not a copy', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    const value = 'v'.repeat(3000);
    respond(fake, 'http://www.example.com/', `big=${value}; Path=/; Max-Age=60`);
    await vi.advanceTimersByTimeAsync(1000);
    const log = JSON.stringify(fake.session.data['log/0/example.com/1']);
    expect(log.split(value).length - 1).toBe(1);
    expect(fake.background.decisions()[0]?.cookie?.value).toBe(value);
  });

  it('keeps the first 8,192 characters of a long line, and its length; such a response is not replayed', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    const line = `long=1; Comment=${'c'.repeat(100_000)}`;
    respond(fake, 'http://www.example.com/', line);
    const [decision] = fake.background.decisions();
    expect(decision?.line).toBe(line.slice(0, 8192));
    expect(decision?.lineLength).toBe(line.length);
    expect(fake.background.replay({ ...DEFAULT_SETTINGS }).skipped).toBe(1);
  });

  it('is bounded in bytes as well as decisions, and a flood gives up its own entries first', async () => {
    const fake = startFakeBrowser({ background: { limits: { log: { bytes: 200_000 } } } });
    await fake.background.ready;
    respond(fake, 'http://www.victim.test/', 'mine=1');
    for (let i = 0; i < 100; i++) respond(fake, 'http://flood.test/', ...Array.from({ length: 5 }, (_, j) => `f${j}=${'x'.repeat(1000)}`));
    expect(fake.background.status().limits.logBytes).toBeLessThanOrEqual(200_000);
    expect(fake.background.decisions({ limit: 10_000, site: 'victim.test' }).map((d) => d.line)).toEqual(['mine=1']);
  });

  it('gives a 10,000-line response one decision per line, each naming its line', async () => {
    const fake = startFakeBrowser({ local: fakeStorage({ settings: { ...DEFAULT_SETTINGS, maxCookies: 20_000 } }), background: { limits: { mirror: { perSite: 20_000 } } } });
    await fake.background.ready;
    const lines = Array.from({ length: 10_000 }, (_, i) => `n${i}=${i}`);
    respond(fake, 'http://www.example.com/', ...lines);
    const decisions = fake.background.decisions({ limit: 10_000 });
    expect(decisions).toHaveLength(10_000);
    expect(decisions.every((d) => d.line === `${d.cookie?.name ?? ''}=${d.cookie?.value ?? ''}`)).toBe(true);
  });

  it('keeps decision ids increasing across a restart, even when the last page was never written', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    respond(fake, 'http://www.example.com/', 'a=1');
    await vi.advanceTimersByTimeAsync(1000);
    respond(fake, 'http://www.example.com/', 'lost=1'); // the worker stops before this is written
    const lostId = fake.background.decisions()[0]?.id ?? 0;
    const woken = startFakeBrowser({ session: fakeStorage(fake.session.data) });
    await woken.background.ready;
    respond(woken, 'http://www.example.com/', 'after=1');
    expect(woken.background.decisions().map((d) => d.line)).toEqual(['after=1', 'a=1']);
    expect(woken.background.decisions()[0]?.id).toBeGreaterThan(lostId);
  });

  it('shows the backlog: events waiting for the stored state, records waiting to be written', async () => {
    const session = fakeStorage({}, { held: true });
    const fake = startFakeBrowser({ session });
    respond(fake, 'http://www.example.com/', 'a=1');
    respond(fake, 'http://www.example.com/', 'b=1');
    const handlers = fake.background.handlers();
    const waiting = handlers.getStatus({ type: 'getStatus' });
    session.release();
    expect((await waiting).backlog).toMatchObject({ queuedEvents: 0, pendingRecords: 4 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.background.status().backlog).toMatchObject({ queuedEvents: 0, pendingRecords: 0 });
  });

  it('the cleared decisions stay gone after a restart, even when the site logs again before the write', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    // More than one page (64 KB) of the site's log.
    for (let i = 0; i < 80; i++) respond(fake, 'http://www.example.com/', `old${i}=${'x'.repeat(1000)}`);
    await fake.background.flush();
    expect(Object.keys(fake.session.data).filter((k) => k.startsWith('log/0/example.com/')).length).toBeGreaterThan(1);
    await fake.background.handlers().clearDecisions({ type: 'clearDecisions' });
    respond(fake, 'http://www.example.com/', 'new=1'); // the page keeps loading
    await fake.background.flush();
    const woken = startFakeBrowser({ local: fakeStorage(fake.local.data), session: fakeStorage(fake.session.data) });
    await woken.background.ready;
    expect(woken.background.decisions().map((d) => d.cookie?.name)).toEqual(['new']);
    expect(woken.background.status().decisions).toBe(1);
  });
});

describe('a failed load overwrites nothing (finding 6, and issue 14: everything read back is checked)', () => {
  const good = async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    respond(fake, 'http://www.one.test/', 'one=1');
    respond(fake, 'http://www.two.test/', 'two=2');
    await fake.background.flush();
    return fake.session.data;
  };

  it.each([
    ['a cookie that is not a cookie', 'jar/0/two.test', { v: 1, cookies: [['x']], used: [0] }],
    ['a record of another version', 'jar/0/two.test', { v: 9, cookies: [], used: [] }],
    ['a log page whose decision points outside its line', 'log/0/two.test/1', { v: 1, items: [{ id: 1, time: 0, url: 'http://www.two.test/', tabId: 1, resourceType: 'main_frame', topLevelUrl: null, unverifiable: false, originReqHost: 'www.two.test', thirdParty: false, label: 'top-level', redirectedFrom: [], lines: [{ header: 'Set-Cookie', text: 'two=2' }], decisions: [{ id: 2, line: 0, accepted: true, cookie: null, valueAt: [4, 99] }] }] }],
    ['unparseable id counters', 'meta/0', 'garbage'],
  ])('%s: the rest loads, nothing is written until the user chooses, and the status says so', async (_what, key, bad) => {
    const data = { ...await good(), [key]: bad };
    const session = fakeStorage(data);
    const fake = startFakeBrowser({ session });
    await fake.background.ready;
    expect(names(fake)).toContain('one');
    const status = fake.background.status();
    expect(status.load.state).toBe('failed');
    expect(status.errors[0]).toMatch(/^The stored state could not be read \(.*\)\. Nothing is being saved until you choose: keep what could be read, or start afresh\.$/);
    respond(fake, 'http://www.two.test/', 'new=1');
    await vi.advanceTimersByTimeAsync(5000);
    await fake.background.flush();
    expect(session.writes).toBe(0);
    expect(session.data[key]).toEqual(bad);
    // The user keeps what could be read: the unreadable record goes, the rest is saved again.
    const send = createDispatcher(fake.background.handlers(), 'id', 'chrome-extension://id/');
    const reply = await send({ type: 'resolveLoadError', action: 'keep' }, { id: 'id', url: 'chrome-extension://id/src/popup/index.html' });
    expect(reply).toMatchObject({ ok: true, value: { load: { state: 'loaded', problems: [] }, errors: [] } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(JSON.stringify(session.data['jar/0/two.test'] ?? null)).toContain('new');
    expect(JSON.stringify(session.data['jar/0/one.test'])).toContain('one');
  });

  it('invalid stored settings are a load problem too, and "start afresh" deletes every record', async () => {
    const data = await good();
    const local = fakeStorage({ settings: { ...DEFAULT_SETTINGS, strictNsDomain: 99 } });
    const session = fakeStorage(data);
    const fake = startFakeBrowser({ local, session });
    await fake.background.ready;
    expect(fake.background.status().load.problems.join(' ')).toMatch(/^the settings \(local\): the settings are invalid \("strictNsDomain" must be/);
    await fake.background.handlers().resolveLoadError({ type: 'resolveLoadError', action: 'startAfresh' });
    expect(fake.background.jar.size).toBe(0);
    expect(local.data).toEqual({});
    expect(Object.keys(session.data)).toEqual([]);
    respond(fake, 'http://www.three.test/', 'three=3');
    await vi.advanceTimersByTimeAsync(1000);
    expect(Object.keys(session.data)).toEqual(expect.arrayContaining(['jar/0/three.test']));
    expect(fake.background.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('storage that cannot be read at all is a failed load', async () => {
    const session = fakeStorage();
    session.get = () => Promise.reject(new Error('IO error: database corrupt'));
    const fake = startFakeBrowser({ session });
    await fake.background.ready;
    expect(fake.background.status().errors[0]).toMatch(/storage: reading storage failed: IO error: database corrupt/);
    respond(fake, 'http://www.example.com/', 'a=1');
    await vi.advanceTimersByTimeAsync(2000);
    expect(session.writes).toBe(0);
  });
});
