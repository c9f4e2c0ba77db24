// The browser's verdict on each Set-Cookie line, through the Background the worker runs (the fake
// browser of src/background/testing): the model's prediction, and what cookies.onChanged shows the
// store did, in the order Chromium delivers them (measured: the response first, its changes within
// milliseconds; an overwrite as a removal then an addition, identical or not; a deletion as
// `expired_overwrite`; nothing for a refused line).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DecisionEntry } from '../shared/protocol';
import { LATE_MS, SETTLE_MS } from './browserVerdicts';
import { chromeRequest, fakeStorage, startFakeBrowser, withCookies, type FakeBrowser } from './testing/fakeBrowser';

const T0 = Date.UTC(2025, 0, 1);

/** A cookie as the cookies API reports it. */
function apiCookie(name: string, value: string, domain: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name, value, domain, hostOnly: !domain.startsWith('.'), path: '/', secure: false, httpOnly: false, sameSite: 'unspecified',
    session: true, storeId: '0', ...extra,
  };
}

function added(fake: FakeBrowser, cookie: Record<string, unknown>): void {
  fake.events.cookies.onChanged.dispatch({ removed: false, cause: 'explicit', cookie });
}

function removed(fake: FakeBrowser, cookie: Record<string, unknown>, cause: string): void {
  fake.events.cookies.onChanged.dispatch({ removed: true, cause, cookie });
}

async function started(seed: Record<string, unknown>[] = [], browser: 'chromium' | 'firefox' = 'chromium'): Promise<FakeBrowser> {
  // The worker's clock is the (fake) timers' clock, so the wait for a change ends when they say.
  const fake = startFakeBrowser({ background: { now: () => Date.now(), browser } });
  fake.cookieStore.push(...seed);
  await fake.background.ready;
  return fake;
}

function respond(fake: FakeBrowser, url: string, lines: string[], init: Parameters<typeof chromeRequest>[1] = {}): void {
  fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest(url, { timeStamp: Date.now(), ...init }), ...lines));
}

/** The newest decision of a line. */
function decisionOf(fake: FakeBrowser, line: string): DecisionEntry {
  const found = fake.background.decisions().find((d) => d.line === line);
  if (found === undefined) throw new Error(`no decision for ${line}`);
  return found;
}

function wait(ms: number): void {
  vi.advanceTimersByTime(ms);
}

describe('the browser’s verdict on each Set-Cookie line, observed through cookies.onChanged', () => {
  beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
  afterEach(() => { vi.useRealTimers(); });

  it('stored: pending until the store reports the cookie, then observed as stored, as predicted', async () => {
    const fake = await started();
    respond(fake, 'https://www.example.com/', ['sid=1; Path=/']);
    expect(decisionOf(fake, 'sid=1; Path=/').browser).toEqual({ stored: null, predicted: 'stored', reasons: [], pending: true });
    added(fake, apiCookie('sid', '1', 'www.example.com'));
    expect(decisionOf(fake, 'sid=1; Path=/').browser).toEqual({ stored: true, predicted: 'stored', reasons: [] });
    expect(fake.background.status().verdicts).toMatchObject({ pending: 0, disagreements: 0 });
  });

  it('refused: the model’s reasons and sentence; nothing arrives, so after the wait it is observed as not stored, as predicted', async () => {
    const fake = await started();
    respond(fake, 'https://www.example.com/', ['none=1; SameSite=None']);
    expect(decisionOf(fake, 'none=1; SameSite=None').browser).toMatchObject({ stored: null, predicted: 'refused', reasons: ['SameSiteNoneInsecure'], pending: true });
    wait(SETTLE_MS - 100);
    expect(decisionOf(fake, 'none=1; SameSite=None').browser?.pending).toBe(true);
    wait(200);
    const verdict = decisionOf(fake, 'none=1; SameSite=None').browser;
    expect(verdict).toMatchObject({ stored: false, predicted: 'refused', reasons: ['SameSiteNoneInsecure'] });
    expect(verdict?.sentence).toContain('SameSite=None without Secure');
    expect(verdict?.flagged).toBeUndefined();
    // The policy's verdict is beside it, unchanged: Python accepts the line.
    expect(decisionOf(fake, 'none=1; SameSite=None').accepted).toBe(true);
  });

  it('a deletion: stored when the store reports the removal; a deletion of a cookie that did not exist cannot be known (null)', async () => {
    const fake = await started([apiCookie('gone', 'x', 'www.example.com')]);
    respond(fake, 'https://www.example.com/', ['gone=; Max-Age=0', 'never=; Max-Age=0']);
    removed(fake, apiCookie('gone', 'x', 'www.example.com'), 'expired_overwrite');
    wait(SETTLE_MS + 100);
    expect(decisionOf(fake, 'gone=; Max-Age=0').browser).toMatchObject({ stored: true, predicted: 'stored', reasons: [] });
    expect(decisionOf(fake, 'gone=; Max-Age=0').browser?.sentence).toContain('deletes the stored cookie');
    expect(decisionOf(fake, 'never=; Max-Age=0').browser).toMatchObject({ stored: null, predicted: 'stored' });
    expect(decisionOf(fake, 'never=; Max-Age=0').browser?.flagged).toBeUndefined();
  });

  it('overwritten: the removal of the old cookie then the new one; the model’s copy of the store follows', async () => {
    const fake = await started([apiCookie('theme', 'light', 'www.example.com')]);
    respond(fake, 'https://www.example.com/', ['theme=dark']);
    removed(fake, apiCookie('theme', 'light', 'www.example.com'), 'overwrite');
    added(fake, apiCookie('theme', 'dark', 'www.example.com'));
    expect(decisionOf(fake, 'theme=dark').browser).toEqual({ stored: true, predicted: 'stored', reasons: [] });
    const explained = await fake.background.handlers().explain({ type: 'explain', url: 'https://www.example.com/' });
    expect(explained.browser.cookieHeader).toBe('theme=dark');
  });

  it('a disagreement is flagged and counted: predicted stored but nothing arrived; predicted refused but the cookie arrived', async () => {
    const fake = await started();
    respond(fake, 'https://www.example.com/', ['lost=1']);
    respond(fake, 'http://www.example.com/', ['sec=1; Secure']);
    added(fake, apiCookie('sec', '1', 'www.example.com', { secure: true }));
    wait(SETTLE_MS + 100);
    expect(decisionOf(fake, 'lost=1').browser).toMatchObject({ stored: false, predicted: 'stored', flagged: true });
    expect(decisionOf(fake, 'sec=1; Secure').browser).toMatchObject({ stored: true, predicted: 'refused', reasons: ['SecureOnly'], flagged: true });
    expect(fake.background.status().verdicts.disagreements).toBe(2);
    // Kept across a worker restart (the id counters' record).
    await fake.background.flush();
    const woken = startFakeBrowser({ local: fakeStorage(fake.local.data), session: fakeStorage(fake.session.data) });
    await woken.background.ready;
    expect(woken.background.status().verdicts.disagreements).toBe(2);
  });

  it('a change that arrives before its response is claimed by it; a late change still corrects "not stored"', async () => {
    const fake = await started();
    added(fake, apiCookie('early', '1', 'www.example.com'));
    respond(fake, 'https://www.example.com/', ['early=1', 'slow=1']);
    expect(decisionOf(fake, 'early=1').browser).toEqual({ stored: true, predicted: 'stored', reasons: [] });
    wait(SETTLE_MS + 100);
    expect(decisionOf(fake, 'slow=1').browser).toMatchObject({ stored: false, flagged: true });
    wait(LATE_MS / 2);
    added(fake, apiCookie('slow', '1', 'www.example.com'));
    expect(decisionOf(fake, 'slow=1').browser).toEqual({ stored: true, predicted: 'stored', reasons: [] });
    expect(fake.background.status().verdicts.disagreements).toBe(0);
  });

  it('a change matches only its own cookie: same name on another host or path is not it', async () => {
    const fake = await started();
    respond(fake, 'https://www.example.com/a/b', ['n=1']);
    added(fake, apiCookie('n', '1', 'other.example.com'));
    added(fake, apiCookie('n', '1', 'www.example.com', { path: '/' }));
    wait(SETTLE_MS + 100);
    expect(decisionOf(fake, 'n=1').browser).toMatchObject({ stored: false, predicted: 'stored', flagged: true });
  });

  it('a line the model makes no cookie of (over 4,096 bytes) is matched by its name on its site', async () => {
    const fake = await started();
    const big = `big=${'x'.repeat(4200)}`;
    respond(fake, 'https://www.example.com/', [big]);
    expect(decisionOf(fake, big).browser).toMatchObject({ predicted: 'refused', reasons: ['NameValuePairExceedsMaxSize'], pending: true });
    added(fake, apiCookie('big', 'x', 'other.test'));
    expect(decisionOf(fake, big).browser?.pending).toBe(true);
    added(fake, apiCookie('big', 'x'.repeat(4200), '.example.com'));
    expect(decisionOf(fake, big).browser).toMatchObject({ stored: true, predicted: 'refused', flagged: true });
  });

  it('the third-party cookie setting is learned from the store: a third-party cookie that arrives means they are allowed', async () => {
    const fake = await started();
    respond(fake, 'https://news.example.com/', ['page=1']);
    added(fake, apiCookie('page', '1', 'news.example.com'));
    expect(fake.background.status().verdicts).toMatchObject({ thirdPartyCookies: 'blocked', thirdPartyCookiesKnown: false });
    respond(fake, 'https://ads.tracker.test/p.gif', ['track=1; SameSite=None; Secure'], { type: 'image', initiator: 'https://news.example.com' });
    expect(decisionOf(fake, 'track=1; SameSite=None; Secure').browser).toMatchObject({ predicted: 'refused', reasons: ['UserPreferences'], pending: true });
    added(fake, apiCookie('track', '1', 'ads.tracker.test', { secure: true, sameSite: 'no_restriction' }));
    const verdict = decisionOf(fake, 'track=1; SameSite=None; Secure').browser;
    expect(verdict).toMatchObject({ stored: true, predicted: 'stored', reasons: [] });
    expect(verdict?.flagged).toBeUndefined();
    expect(verdict?.sentence).toContain('allows third-party cookies');
    expect(fake.background.status().verdicts).toMatchObject({ thirdPartyCookies: 'allowed', thirdPartyCookiesKnown: true, disagreements: 0 });
    // From now on the model predicts with it.
    respond(fake, 'https://ads.tracker.test/q.gif', ['t2=1; SameSite=None; Secure'], { type: 'image', initiator: 'https://news.example.com' });
    expect(decisionOf(fake, 't2=1; SameSite=None; Secure').browser).toMatchObject({ predicted: 'stored', pending: true });
  });

  it('…and a refused third-party cookie confirms that they are blocked', async () => {
    const fake = await started();
    respond(fake, 'https://news.example.com/', ['page=1']);
    respond(fake, 'https://ads.tracker.test/p.gif', ['track=1; SameSite=None; Secure'], { type: 'image', initiator: 'https://news.example.com' });
    wait(SETTLE_MS + 100);
    expect(decisionOf(fake, 'track=1; SameSite=None; Secure').browser).toMatchObject({ stored: false, predicted: 'refused', reasons: ['UserPreferences'] });
    expect(fake.background.status().verdicts).toMatchObject({ thirdPartyCookies: 'blocked', thirdPartyCookiesKnown: true });
  });

  it('settling a verdict keeps its response’s stored size (serialised again before the write, not on the event path)', async () => {
    const fake = await started();
    respond(fake, 'https://www.example.com/', ['sid=1', 'gone=1; SameSite=None']);
    const before = fake.background.status().limits.logBytes;
    added(fake, apiCookie('sid', '1', 'www.example.com'));
    wait(SETTLE_MS + 100);
    await fake.background.flush();
    expect(fake.background.status().limits.logBytes).toBe(before);
    expect(fake.background.decisions().map((d) => d.browser?.stored)).toEqual([false, true]);
  });

  it('a Set-Cookie value Chrome hands over as binaryValue (latin-1 café) is decoded as the browser does and gets both verdicts', async () => {
    const fake = await started();
    const bytes = [...Buffer.from('lat=caf', 'latin1'), 0xe9, ...Buffer.from('; Path=/', 'latin1')];
    fake.events.webRequest.onHeadersReceived.dispatch({
      ...chromeRequest('https://www.example.com/', { timeStamp: Date.now() }), statusCode: 200,
      responseHeaders: [{ name: 'set-cookie', binaryValue: bytes }],
    });
    added(fake, apiCookie('lat', 'caf\uFFFD', 'www.example.com'));
    const decision = decisionOf(fake, 'lat=caf\uFFFD; Path=/');
    expect(decision).toMatchObject({ accepted: true, cookie: { name: 'lat', value: 'caf\uFFFD' } });
    expect(decision.browser).toEqual({ stored: true, predicted: 'stored', reasons: [] });
  });

  it('a verdict still waiting when the worker stops is restored as unknown (null), never as pending forever', async () => {
    const fake = await started();
    respond(fake, 'https://www.example.com/', ['w=1']);
    await fake.background.flush();
    const woken = startFakeBrowser({ local: fakeStorage(fake.local.data), session: fakeStorage(fake.session.data) });
    await woken.background.ready;
    expect(decisionOf(woken, 'w=1').browser).toEqual({ stored: null, predicted: 'stored', reasons: [] });
  });

  it('a settled verdict reaches storage (its log page is written again)', async () => {
    const fake = await started();
    respond(fake, 'https://www.example.com/', ['sid=1']);
    await fake.background.flush();
    added(fake, apiCookie('sid', '1', 'www.example.com'));
    await fake.background.flush();
    const woken = startFakeBrowser({ local: fakeStorage(fake.local.data), session: fakeStorage(fake.session.data) });
    await woken.background.ready;
    expect(decisionOf(woken, 'sid=1').browser).toEqual({ stored: true, predicted: 'stored', reasons: [] });
  });

  it('a flood of lines cannot grow what waits: past 5,000 waiting, the oldest is settled as unknown', async () => {
    const fake = await started();
    const lines = Array.from({ length: 5003 }, (_, i) => `f${i}=1`);
    respond(fake, 'https://www.example.com/', lines);
    expect(fake.background.status().verdicts.pending).toBe(5000);
    // (The jar's own limit evicts most of them: those entries are the jar's, with no browser verdict.)
    const verdicts = fake.background.decisions({ limit: 20_000 }).flatMap((d) => (d.browser === undefined ? [] : [d.browser]));
    expect(verdicts).toHaveLength(5003);
    expect(verdicts.filter((v) => v.pending === true)).toHaveLength(5000);
    expect(verdicts.filter((v) => v.pending === undefined && v.stored === null).length).toBe(3);
  });

  it('Set-Cookie2 lines (which browsers ignore) and evictions carry no browser verdict', async () => {
    const fake = startFakeBrowser({ background: { now: () => Date.now(), limits: { mirror: { perSite: 1 } } } });
    await fake.background.ready;
    fake.events.webRequest.onHeadersReceived.dispatch({
      ...chromeRequest('https://www.example.com/', { timeStamp: Date.now() }), statusCode: 200,
      responseHeaders: [{ name: 'Set-Cookie2', value: 'v2=1; Version=1' }, { name: 'Set-Cookie', value: 'a=1' }, { name: 'Set-Cookie', value: 'b=1' }],
    });
    const decisions = fake.background.decisions();
    expect(decisions.find((d) => d.line === 'v2=1; Version=1')?.browser).toBeUndefined();
    expect(decisions.find((d) => d.kind === 'evicted')?.browser).toBeUndefined();
    expect(decisions.filter((d) => d.kind === undefined && d.header === 'Set-Cookie').every((d) => d.browser !== undefined)).toBe(true);
  });
});

describe('explain: the browser’s answer beside the policy’s', () => {
  it('a SameSite=Lax cookie is not sent to its site from another site’s page; from its own page it is', async () => {
    const fake = await started([apiCookie('pref', 'blue', 'shop.example.com', { sameSite: 'lax', secure: true })]);
    const handlers = fake.background.handlers();
    const own = await handlers.explain({ type: 'explain', url: 'https://shop.example.com/cart' });
    expect(own.browser).toEqual({ cookieHeader: 'pref=blue', cookies: [expect.objectContaining({ name: 'pref', sent: true, reasons: [] })] });
    const fromOther = await handlers.explain({ type: 'explain', url: 'https://shop.example.com/cart', topLevelUrl: 'https://blog.other.test/post' });
    expect(fromOther.browser.cookieHeader).toBeNull();
    const [cookie] = fromOther.browser.cookies;
    expect(cookie).toMatchObject({ name: 'pref', domain: 'shop.example.com', path: '/', sent: false });
    expect(cookie?.reasons).toContain('SchemefulSameSiteLax');
    expect(cookie?.sentence).toContain('SameSite=Lax');
  });

  it('in Firefox, Firefox’s rules: another site’s page sees its own partition only (Total Cookie Protection), where Chromium withholds the cookie for SameSite', async () => {
    const seed = [apiCookie('pref', 'blue', 'shop.example.com', { sameSite: 'unspecified', secure: true })];
    const visit = { type: 'explain', url: 'https://shop.example.com/cart' } as const;
    const fromOther = { ...visit, topLevelUrl: 'https://blog.other.test/post' } as const;
    const firefox = await started(seed, 'firefox');
    expect(firefox.background.status().verdicts).toMatchObject({ browser: 'firefox', thirdPartyCookies: 'partitioned' });
    expect((await firefox.background.handlers().explain(visit)).browser.cookieHeader).toBe('pref=blue');
    expect((await firefox.background.handlers().explain(fromOther)).browser).toEqual({ cookieHeader: null, cookies: [] });
    const chromium = await started(seed);
    expect(chromium.background.status().verdicts).toMatchObject({ browser: 'chromium', thirdPartyCookies: 'blocked' });
    const withheld = (await chromium.background.handlers().explain(fromOther)).browser;
    expect(withheld.cookieHeader).toBeNull();
    expect(withheld.cookies).toEqual([expect.objectContaining({ name: 'pref', sent: false, reasons: expect.arrayContaining(['SchemefulSameSiteUnspecifiedTreatedAsLax']) as unknown })]);
  });

  it('partitioned cookies are included, in their partition only', async () => {
    const fake = await started([apiCookie('chip', '1', 'embed.example.net', { secure: true, sameSite: 'no_restriction', partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: true } })]);
    const handlers = fake.background.handlers();
    const inPartition = await handlers.explain({ type: 'explain', url: 'https://embed.example.net/w', topLevelUrl: 'https://news.example.com/' });
    expect(inPartition.browser.cookieHeader).toBe('chip=1');
    expect(inPartition.browser.cookies[0]?.partitionKey).toEqual({ topLevelSite: 'https://example.com', hasCrossSiteAncestor: true });
    const elsewhere = await handlers.explain({ type: 'explain', url: 'https://embed.example.net/w', topLevelUrl: 'https://other.test/' });
    expect(elsewhere.browser.cookies).toEqual([]);
  });

  it('the policy side takes the page as the request’s origin (an unverifiable request from its host)', async () => {
    const fake = await started();
    const handlers = fake.background.handlers();
    await handlers.setPolicy({ type: 'setPolicy', preset: 'No third-party' });
    respond(fake, 'https://shop.example.com/', ['cart=1']);
    const own = await handlers.explain({ type: 'explain', url: 'https://shop.example.com/' });
    expect(own.cookieHeader).toBe('cart=1');
    const fromOther = await handlers.explain({ type: 'explain', url: 'https://shop.example.com/', topLevelUrl: 'https://other.test/' });
    expect(fromOther.cookieHeader).toBeNull();
    expect(fromOther.cookies[0]).toMatchObject({ sent: false, rule: 'return.verifiability.third-party' });
  });
});
