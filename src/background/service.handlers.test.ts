// The messages the pages send, as the popup would send them, on what a user sees in their answers:
// which cookies of which source and site, what a request would carry (the jar's answer and the
// browser's), the sent-header log's filters, a replay's figures and decisions, an import's and a
// clear's counts and records, the cookie stores when the browser cannot name them, and the load
// problems named in words. (service.test.ts has the first tests of each message.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, PRESETS, type PolicySettings } from '../shared/settings';
import { chromeRequest, fakeStorage, startFakeBrowser, withCookies, type FakeBrowser } from './testing/fakeBrowser';
import { startMessaged } from './testing/dispatchTo';

const T0 = Date.UTC(2025, 0, 1);

beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
afterEach(() => { vi.useRealTimers(); });

const respond = (fake: FakeBrowser, url: string, ...lines: string[]) => {
  fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest(url, { timeStamp: fake.clock.now }), ...lines));
};
/** A response carrying these (name, value) headers as they come, Set-Cookie2 among them. */
const respondWith = (fake: FakeBrowser, url: string, headers: [string, string][]) => {
  fake.events.webRequest.onHeadersReceived.dispatch({
    ...chromeRequest(url, { timeStamp: fake.clock.now }), statusCode: 200, responseHeaders: headers.map(([name, value]) => ({ name, value })),
  });
};
const names = (cookies: readonly { name: string }[]) => cookies.map((c) => c.name).sort();
const settings = (changes: Partial<PolicySettings>): PolicySettings => ({ ...DEFAULT_SETTINGS, ...changes });

/** A browser cookie as cookies.getAll gives it: host-only on www.example.com, path /, a session cookie. */
const browserCookie = (init: Record<string, unknown>) => ({
  value: 'v', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'unspecified', session: true, storeId: '0', ...init,
});

/** The jar holds www.example.com's `first` and tracker.test's `track`; the browser's store has `first` and `js` of example.com. */
async function twoSites(): Promise<FakeBrowser> {
  const fake = startFakeBrowser();
  fake.cookieStore.push(browserCookie({ name: 'first', value: '1' }), browserCookie({ name: 'js', value: '2', domain: '.example.com', hostOnly: false }));
  await fake.background.ready;
  respond(fake, 'http://www.example.com/', 'first=1; Path=/');
  respond(fake, 'http://tracker.test/', 'track=1');
  return fake;
}

describe('getCookies and getCookieRows: the source and the site asked for', () => {
  it('the jar alone, the browser alone or both compared, of one site (named as its registrable domain) or of all', async () => {
    const { getCookies } = (await twoSites()).background.handlers();
    const jarOnly = await getCookies({ type: 'getCookies', source: 'jar', site: 'www.example.com' });
    expect({ ...jarOnly, jar: names(jarOnly.jar) }).toEqual({ jar: ['first'], browser: null, comparison: null, warnings: [], scope: 'example.com' });
    const browserOnly = await getCookies({ type: 'getCookies', source: 'browser', site: 'www.example.com' });
    expect({ ...browserOnly, browser: names(browserOnly.browser ?? []) }).toEqual({ jar: [], browser: ['first', 'js'], comparison: null, warnings: [], scope: 'example.com' });
    const both = await getCookies({ type: 'getCookies' });
    expect([names(both.jar), names(both.browser ?? []), both.scope, both.warnings]).toEqual([['first', 'track'], ['first', 'js'], null, []]);
    expect(both.comparison?.map((row) => [row.name, row.status]).sort()).toEqual([['first', 'both'], ['js', 'onlyInBrowser'], ['track', 'onlyInJar']]);
  });

  it('the jar’s rows are of the site asked for, or of every site', async () => {
    const { getCookieRows } = (await twoSites()).background.handlers();
    expect(await getCookieRows({ type: 'getCookieRows', site: 'tracker.test' })).toEqual([['track', '1', 'tracker.test', false, '/', false, null, 0, null, false, null]]);
    expect((await getCookieRows({ type: 'getCookieRows' })).map((row) => row[0]).sort()).toEqual(['first', 'track']);
  });

  it('without the browser’s cookies API, asking for the browser’s cookies is refused as Unavailable; the jar still answers', async () => {
    const fake = startFakeBrowser({ background: { cookies: undefined } });
    await fake.background.ready;
    respond(fake, 'http://www.example.com/', 'first=1');
    const { getCookies, exportJar } = fake.background.handlers();
    await expect(getCookies({ type: 'getCookies' })).rejects.toMatchObject({ name: 'Unavailable', message: 'The browser’s cookie store is not available here.' });
    await expect(exportJar({ type: 'exportJar', format: 'mozilla', source: 'browser' })).rejects.toMatchObject({ name: 'Unavailable' });
    expect(names((await getCookies({ type: 'getCookies', source: 'jar' })).jar)).toEqual(['first']);
  });
});

describe('explain: what a request carries, from the jar and from the browser', () => {
  it('a request made from another page is unverifiable from that page’s host: under “No third-party” the tracker’s cookie stays home', async () => {
    const fake = await twoSites();
    const { explain, setPolicy } = fake.background.handlers();
    await setPolicy({ type: 'setPolicy', preset: 'No third-party' });
    const topLevel = await explain({ type: 'explain', url: 'http://tracker.test/pixel' });
    expect([topLevel.cookieHeader, topLevel.cookies]).toStrictEqual(['track=1', [{ cookie: expect.objectContaining({ name: 'track' }) as unknown, sent: true }]]);
    const fromPage = await explain({ type: 'explain', url: 'http://tracker.test/pixel', topLevelUrl: 'http://www.example.com/' });
    expect(fromPage.cookieHeader).toBeNull();
    expect(fromPage.cookies).toStrictEqual([{
      cookie: expect.objectContaining({ name: 'track' }) as unknown, sent: false, rule: 'return.verifiability.third-party',
      reason: expect.stringContaining('track') as unknown,
    }]);
  });

  it('an origin given alone is a verifiable request from it (as urllib’s Request): sent, unless said unverifiable', async () => {
    const fake = await twoSites();
    const { explain, setPolicy } = fake.background.handlers();
    await setPolicy({ type: 'setPolicy', preset: 'No third-party' });
    expect((await explain({ type: 'explain', url: 'http://tracker.test/pixel', originReqHost: 'www.example.com' })).cookieHeader).toBe('track=1');
    expect((await explain({ type: 'explain', url: 'http://tracker.test/pixel', originReqHost: 'www.example.com', unverifiable: true })).cookieHeader).toBeNull();
  });

  it('under RFC 2965 the jar adds Cookie2: $Version="1" beside a Netscape cookie; otherwise no Cookie2 header', async () => {
    const fake = await twoSites();
    const { explain, setPolicy } = fake.background.handlers();
    expect((await explain({ type: 'explain', url: 'http://www.example.com/' })).cookie2Header).toBeNull();
    await setPolicy({ type: 'setPolicy', settings: settings({ rfc2965: true }) });
    expect(await explain({ type: 'explain', url: 'http://www.example.com/' })).toMatchObject({ cookieHeader: 'first=1', cookie2Header: '$Version="1"' });
  });

  it('the browser’s answer: a SameSite=Lax cookie goes with a navigation, not with a request from another site’s page; a partition is named', async () => {
    const fake = startFakeBrowser();
    fake.cookieStore.push(
      browserCookie({ name: 'lax', sameSite: 'lax', secure: true }),
      browserCookie({ name: 'chip', sameSite: 'no_restriction', secure: true, partitionKey: { topLevelSite: 'https://other.test', hasCrossSiteAncestor: true } }),
    );
    await fake.background.ready;
    const { explain } = fake.background.handlers();
    const navigation = (await explain({ type: 'explain', url: 'https://www.example.com/' })).browser;
    expect(navigation.cookieHeader).toBe('lax=v');
    expect(navigation.cookies.find((c) => c.name === 'lax')).toStrictEqual({ name: 'lax', domain: 'www.example.com', path: '/', sent: true, reasons: [], sentence: expect.any(String) as unknown });
    const fromOther = (await explain({ type: 'explain', url: 'https://www.example.com/', topLevelUrl: 'https://other.test/' })).browser;
    expect(fromOther.cookieHeader).toBe('chip=v');
    expect(fromOther.cookies.find((c) => c.name === 'lax')).toMatchObject({ sent: false, reasons: expect.arrayContaining(['SchemefulSameSiteLax']) as unknown });
    expect(fromOther.cookies.find((c) => c.name === 'chip')).toMatchObject({ sent: true, partitionKey: { topLevelSite: 'https://other.test', hasCrossSiteAncestor: true } });
  });

  it('a page URL the browser model cannot read is a BadRequest that says so', async () => {
    const { send } = await startMessaged();
    // The URL parser reads "http:example.com" (no "//") as http://example.com/; a browser's cookie code does not.
    await expect(send({ type: 'explain', url: 'http://www.example.com/', topLevelUrl: 'http:example.com' }))
      .rejects.toMatchObject({ name: 'BadRequest', message: expect.stringMatching(/^The browser model cannot read this URL: .*http:example\.com/) as unknown });
  });
});

describe('getSentHeaders: the filters of the sent-header log', () => {
  async function comparing(): Promise<FakeBrowser> {
    const fake = startFakeBrowser({ local: fakeStorage({ settings: settings({ compareSentHeaders: true }) }) });
    await fake.background.ready;
    return fake;
  }
  const sent = (fake: FakeBrowser, url: string, tabId: number, cookie: string) => {
    fake.events.webRequest.onBeforeSendHeaders.dispatch({ ...chromeRequest(url, { tabId }), requestHeaders: [{ name: 'Cookie', value: cookie }] });
  };

  it('by tab, by site (its registrable domain), newest first, at most `limit`', async () => {
    const fake = await comparing();
    sent(fake, 'http://www.example.com/a', 1, 'n=1');
    sent(fake, 'http://img.example.com/b', 2, 'n=2');
    sent(fake, 'http://tracker.test/c', 1, 'n=3');
    sent(fake, 'http://www.example.com/d', 1, 'n=4');
    const { getSentHeaders } = fake.background.handlers();
    const browser = async (filter: { tabId?: number; site?: string; limit?: number }) => (await getSentHeaders({ type: 'getSentHeaders', ...filter })).map((e) => e.browser);
    expect(await browser({})).toEqual(['n=4', 'n=3', 'n=2', 'n=1']);
    expect(await browser({ tabId: 1 })).toEqual(['n=4', 'n=3', 'n=1']);
    expect(await browser({ site: 'example.com' })).toEqual(['n=4', 'n=2', 'n=1']);
    expect(await browser({ tabId: 1, site: 'www.example.com' })).toEqual(['n=4', 'n=1']);
    expect(await browser({ limit: 2 })).toEqual(['n=4', 'n=3']);
    expect(await browser({ tabId: 1, limit: 2 })).toEqual(['n=4', 'n=3']);
  });

  it('answers the newest 1,000 when no limit is given', async () => {
    const fake = await comparing();
    for (let i = 0; i < 1001; i++) sent(fake, `http://www.example.com/${i}`, 1, `n=${i}`);
    const entries = await fake.background.handlers().getSentHeaders({ type: 'getSentHeaders' });
    expect(entries).toHaveLength(1000);
    expect([entries[0]?.browser, entries.at(-1)?.browser]).toEqual(['n=1000', 'n=1']);
  });
});

describe('replay: the figures and decisions of a replay', () => {
  it('counts the responses, keeps the cookies the replayed policy keeps, and says why each refused line is refused', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    respond(fake, 'http://www.example.com/', 'first=1; Path=/', 'elsewhere=1; Domain=other.test');
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://tracker.test/p', { tabId: 2, timeStamp: fake.clock.now }), 'track=1'));
    // The tracker's response as an image on www.example.com's page (tab 1): third party.
    fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://tracker.test/px', { type: 'image', timeStamp: fake.clock.now }), 'px=1'));
    const result = fake.background.replay(settings(PRESETS['No third-party']));
    expect(result.responses).toBe(3);
    expect(names(result.cookies)).toEqual(['first', 'track']);
    const cookie = (name: string) => expect.objectContaining({ name }) as unknown;
    const responseId = expect.any(Number) as unknown;
    expect(result.decisions).toStrictEqual([
      { responseId, requestUrl: 'http://www.example.com/', line: 'first=1; Path=/', accepted: true, cookie: cookie('first') },
      {
        responseId, requestUrl: 'http://www.example.com/', line: 'elsewhere=1; Domain=other.test', accepted: false, rule: 'set.domain.mismatch',
        reason: expect.stringContaining('other.test') as unknown, cookie: cookie('elsewhere'),
      },
      { responseId, requestUrl: 'http://tracker.test/p', line: 'track=1', accepted: true, cookie: cookie('track') },
      {
        responseId, requestUrl: 'http://tracker.test/px', line: 'px=1', accepted: false, rule: 'set.verifiability.third-party',
        reason: expect.stringContaining('px') as unknown, cookie: cookie('px'),
      },
    ]);
    expect(result.newlyRefused.map((d) => d.line)).toEqual(['px=1']);
    expect(result.skipped).toBe(0);
  });

  it('skips a response whose URL or one of whose lines the log keeps only in part; the others are replayed', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    respond(fake, `http://www.example.com/${'p'.repeat(9000)}`, 'longurl=1');
    respond(fake, 'http://www.example.com/', 'short=1', `long=1; Comment=${'c'.repeat(9000)}`);
    respond(fake, 'http://www.example.com/ok', 'ok=1');
    const result = fake.background.replay(settings({}));
    expect([result.responses, result.skipped]).toEqual([3, 2]);
    expect(result.decisions.map((d) => d.line)).toEqual(['ok=1']);
    expect(names(result.cookies)).toEqual(['ok']);
  });

  it('a stored response whose URL cannot be read is passed over; the rest of the log is replayed', async () => {
    const session = fakeStorage();
    const first = startFakeBrowser({ session });
    await first.background.ready;
    respond(first, 'http://www.example.com/unreadable', 'lost=1');
    respond(first, 'http://www.example.com/', 'kept=1');
    await first.background.flush();
    // A record of another version (or edited by hand): the URL it names is no URL.
    const stored = JSON.parse(JSON.stringify(session.data).replaceAll('http://www.example.com/unreadable', '/unreadable')) as Record<string, unknown>;
    const fake = startFakeBrowser({ session: fakeStorage(stored) });
    await fake.background.ready;
    expect(fake.background.status().load.problems).toEqual([]);
    const result = fake.background.replay(settings({}));
    expect(result.responses).toBe(2);
    expect(result.decisions.map((d) => d.line)).toEqual(['kept=1']);
    expect(names(result.cookies)).toEqual(['kept']);
  });

  it('a line the current policy refuses as a whole may give more cookies under the replayed one: the replay still pairs what it can', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: settings({ netscape: false }) });
    respondWith(fake, 'http://www.example.com/', [['Set-Cookie2', 'a=1; Version=1, b=2; Version=1']]);
    // Under the current policy the line is one refusal; under RFC 2965 it is two cookies.
    expect(fake.background.decisions().map((d) => [d.cookie?.name, d.accepted])).toEqual([['a', false]]);
    const result = fake.background.replay(settings({ netscape: false, rfc2965: true }));
    expect(result.decisions.map((d) => [d.cookie?.name, d.accepted])).toEqual([['a', true], ['b', true]]);
    expect(result.newlyAccepted.map((d) => d.cookie?.name)).toContain('a');
  });
});

describe('importJar: what a file adds to the jar', () => {
  const netscape = (...lines: string[]) => `# Netscape HTTP Cookie File\n${lines.join('\n')}\n`;
  const PAST = 1_000_000_000; // 2001
  const FUTURE = 2_000_000_000; // 2033

  it('reads an LWP file as LWP', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    const text = '#LWP-Cookies-2.0\nSet-Cookie3: sid=abc; path="/"; domain=www.example.com; path_spec; discard; version=0\n';
    expect(await fake.background.handlers().importJar({ type: 'importJar', text, format: 'lwp' })).toEqual({ imported: 1, jarSize: 1, refused: 0, evicted: 0 });
    expect([...fake.background.jar].map((c) => [c.name, c.value, c.domain])).toEqual([['sid', 'abc', 'www.example.com']]);
  });

  it('leaves out expired cookies unless told to ignore expiry', async () => {
    const text = netscape(`.example.com\tTRUE\t/\tFALSE\t${PAST}\told\t1`, `.example.com\tTRUE\t/\tFALSE\t${FUTURE}\tnew\t2`);
    const fake = startFakeBrowser();
    await fake.background.ready;
    const { importJar } = fake.background.handlers();
    expect(await importJar({ type: 'importJar', text, format: 'mozilla' })).toMatchObject({ imported: 1, jarSize: 1 });
    expect(names([...fake.background.jar])).toEqual(['new']);
    expect(await importJar({ type: 'importJar', text, format: 'mozilla', ignoreExpires: true })).toMatchObject({ imported: 2, jarSize: 2 });
    expect(names([...fake.background.jar])).toEqual(['new', 'old']);
  });

  it('counts a cookie over the browser’s name and value limit as refused, not imported', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    const text = netscape(`.example.com\tTRUE\t/\tFALSE\t${FUTURE}\tbig\t${'x'.repeat(5000)}`, `.example.com\tTRUE\t/\tFALSE\t${FUTURE}\tsmall\t1`);
    expect(await fake.background.handlers().importJar({ type: 'importJar', text, format: 'mozilla' })).toEqual({ imported: 1, jarSize: 1, refused: 1, evicted: 0 });
  });

  it('what it adds is written to storage on the next flush, without anything else happening', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    await fake.background.handlers().importJar({ type: 'importJar', text: netscape(`.example.com\tTRUE\t/\tFALSE\t0\tsid\t1`), format: 'mozilla' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(Object.keys(fake.session.data).filter((key) => key.startsWith('jar/'))).toEqual(['jar/0/example.com']);
  });
});

describe('clearJar: what it removes is removed from storage too', () => {
  it('a site cleared leaves storage on the next flush, without anything else happening', async () => {
    const fake = await twoSites();
    await vi.advanceTimersByTimeAsync(1000);
    const jarKeys = () => Object.keys(fake.session.data).filter((key) => key.startsWith('jar/')).sort();
    expect(jarKeys()).toEqual(['jar/0/example.com', 'jar/0/tracker.test']);
    expect(await fake.background.handlers().clearJar({ type: 'clearJar', site: 'tracker.test' })).toEqual({ removed: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(jarKeys()).toEqual(['jar/0/example.com']);
  });
});

describe('getCookieStores and exports when the browser cannot name the stores', () => {
  const listed = async (fake: FakeBrowser) => (await fake.background.handlers().getCookieStores({ type: 'getCookieStores' })).stores
    .map((s) => [s.id, s.name, s.cookies, s.live]);

  it('without the cookies and containers APIs, the default store is still listed, with what the jar holds', async () => {
    const fake = startFakeBrowser({ background: { cookies: undefined, identities: undefined } });
    await fake.background.ready;
    respond(fake, 'http://www.example.com/', 'first=1');
    expect(await listed(fake)).toEqual([['0', 'Default', 1, true]]);
  });

  it('when the browser refuses to list its stores or its containers (containers turned off), the answer is what the extension holds', async () => {
    const fake = startFakeBrowser({ background: { identities: { query: () => Promise.reject(new Error('Contextual identities are currently disabled')) } } });
    fake.cookies.getAllCookieStores = () => Promise.reject(new Error('The cookies API is busy'));
    await fake.background.ready;
    respond(fake, 'http://www.example.com/', 'first=1');
    expect(await listed(fake)).toEqual([['0', 'Default', 1, true]]);
  });

  it('an export of a store nobody lists is named after its id', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    const result = await fake.background.handlers().exportJar({ type: 'exportJar', format: 'mozilla', source: 'jar', storeId: 'firefox-container-9' });
    expect(result.filename).toMatch(/-firefox-container-9\.txt$/);
  });
});

describe('a failed load names each unreadable record in words', () => {
  const cases: [area: 'local' | 'session', key: string, words: string][] = [
    ['session', 'jar/0/example.com', 'the cookies of example.com'],
    ['session', 'jar/0/', 'the cookies of (no host)'],
    ['session', 'log/0/example.com/2', 'page 2 of the decision log of example.com'],
    ['session', 'log/0//1', 'page 1 of the decision log of (no host)'],
    ['session', 'sent/0/3', 'page 3 of the sent-header log'],
    ['session', 'tabs/0', 'the tabs’ top-level pages'],
    ['session', 'meta/0', 'the id counters'],
    ['session', 'status', 'the list of records not saved'],
    ['local', 'jar', 'the jar of an earlier version'],
  ];

  it('has its cases', () => { expect(cases).toHaveLength(9); });

  it.each(cases)('%s %s: “%s”', async (area, key, words) => {
    const stored = { [key]: { v: 99, garbage: true } };
    const fake = startFakeBrowser(area === 'local' ? { local: fakeStorage(stored) } : { session: fakeStorage(stored) });
    await fake.background.ready;
    const status = fake.background.status();
    expect(status.load.problems).toHaveLength(1);
    expect(status.load.problems[0]?.startsWith(`${words} (${area}): `)).toBe(true);
    expect(status.errors[0]?.startsWith(`The stored state could not be read (${words}: `)).toBe(true);
  });
});

describe('Chrome’s incognito instance while private windows are not mirrored', () => {
  it('refuses to change its own store, as any private store’s, and keeps nothing of it; mirrored, it takes the import', async () => {
    const { fake, send } = await startMessaged({ incognitoInstance: true });
    const file = '# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t0\tsid\t1\n';
    await expect(send({ type: 'importJar', text: file, format: 'mozilla' })).rejects.toMatchObject({ name: 'NotMirroredError' });
    await expect(send({ type: 'clearJar' })).rejects.toMatchObject({ name: 'NotMirroredError' });
    expect((await send({ type: 'getCookies', source: 'jar' })).jar).toEqual([]);
    expect(fake.background.jar.size).toBe(0);
    await send({ type: 'setPolicy', settings: settings({ mirrorIncognito: true }) });
    expect(await send({ type: 'importJar', text: file, format: 'mozilla' })).toMatchObject({ imported: 1, jarSize: 1 });
    expect((await send({ type: 'getCookieStores' })).stores.find((s) => s.id === '1')).toMatchObject({ mirrored: true, cookies: 1 });
  });
});
