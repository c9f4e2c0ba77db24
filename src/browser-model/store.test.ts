// The store's API: predicting without applying, mirroring the cookies API, the injected clock,
// the third-party setting, eviction, and a sentence for every reason that names the values involved.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BrowserCookieStore, firefoxCookieBehaviorSetting, inferThirdPartyCookieSetting, SEND_REASONS, SET_REASONS, UrlError,
  type ApiCookie, type BrowserName, type RequestContext, type SendReason, type SetReason, type ThirdPartyCookieSetting,
} from './index';
import sentenceVectors from './vectors/sentences.json';

interface SetExample { reason: SetReason; browser?: BrowserName; line: string; context: RequestContext; setup?: string[]; setupContext?: RequestContext; mentions: string[] }
interface SendExample { reason: SendReason; browser?: BrowserName; context: RequestContext; setup?: string[]; setupUrl?: string; seed?: ApiCookie[]; mentions: string[] }
const sentences = sentenceVectors as unknown as { set: SetExample[]; send: SendExample[] };

const NOW = Date.UTC(2026, 11, 1, 12);
const MINUTE = 60_000;

function storeAt(start = NOW, options: { thirdPartyCookies?: ThirdPartyCookieSetting; browser?: BrowserName } = {}) {
  const clock = { now: start };
  const store = new BrowserCookieStore({ now: () => clock.now, ...options });
  return { store, clock };
}

const names = (store: BrowserCookieStore) => store.all().map((c) => `${c.name}=${c.value}`).sort();

describe('predicting and applying', () => {
  it('apply: false predicts without changing the store', () => {
    const { store } = storeAt();
    const verdict = store.setFromHeader('a=1', { url: 'https://www.example.com/' }, { apply: false });
    expect(verdict).toMatchObject({ outcome: 'stored', stored: true, cookie: { name: 'a', domain: 'www.example.com', hostOnly: true, path: '/' } });
    expect(store.size).toBe(0);
    store.setFromHeader('a=1', { url: 'https://www.example.com/' });
    expect(names(store)).toEqual(['a=1']);
  });

  it('the lines of one response see the ones before them', () => {
    const { store } = storeAt();
    const verdicts = store.setFromResponse(['a=1; Path=/', 'a=2; Path=/', 'b=1; Path=/', 'b=; Max-Age=0; Path=/'], { url: 'http://www.example.com/' });
    expect(verdicts.map((v) => v.outcome)).toEqual(['stored', 'stored', 'stored', 'deleted']);
    expect(verdicts[3]?.deletion?.existed).toBe(true);
    expect(names(store)).toEqual(['a=2']);
    store.setFromHeader('s=1; Secure; Path=/', { url: 'https://www.example.com/' });
    expect(store.setFromHeader('s=2; Path=/', { url: 'http://www.example.com/' }).reasons).toEqual(['OverwriteSecure']);
  });

  it('a deletion says whether there was a cookie to delete', () => {
    const { store } = storeAt();
    expect(store.setFromHeader('a=; Max-Age=0', { url: 'https://www.example.com/' })).toMatchObject({ outcome: 'deleted', deletion: { name: 'a', existed: false } });
    store.setFromHeader('a=1', { url: 'https://www.example.com/' });
    const deletion = store.setFromHeader('a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT', { url: 'https://www.example.com/' });
    expect(deletion).toMatchObject({ outcome: 'deleted', stored: false, reasons: [], deletion: { existed: true } });
    expect(deletion.sentence).toContain('deletes the stored cookie "a"');
    expect(store.size).toBe(0);
  });

  it('says what it changed without refusing', () => {
    const { store } = storeAt();
    const verdict = store.setFromHeader(`a=1; Max-Age=99999999; Path=/${'p'.repeat(1100)}; Domain=`, { url: 'https://www.example.com/x/y' });
    expect(verdict.notes).toEqual([
      'The path attribute was ignored: its value is 1,101 bytes, over Chromium\'s 1,024.',
      'The empty Domain attribute makes it a host-only cookie.',
      'Its expiry is capped at 400 days from now.',
    ]);
    expect(verdict.cookie).toMatchObject({ path: '/x', hostOnly: true, expirationDate: (NOW + 400 * 24 * 3600e3) / 1000 });
  });

  it('refuses a URL it cannot read, with a UrlError', () => {
    const { store } = storeAt();
    expect(() => store.setFromHeader('a=1', { url: 'not a url' })).toThrow(UrlError);
    expect(() => store.cookiesFor({ url: 'https://www.example.com/', topLevelUrl: '//x' })).toThrow(expect.objectContaining({ name: 'UrlError' }));
  });
});

describe('mirroring the browser\'s store through the cookies API', () => {
  const api: ApiCookie[] = [
    { name: 'sid', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', secure: true, httpOnly: true, sameSite: 'lax', session: true },
    { name: 'pref', value: 'dark', domain: '.example.com', hostOnly: false, path: '/', secure: false, httpOnly: false, sameSite: 'unspecified', session: false, expirationDate: NOW / 1000 + 3600 },
    { name: 'chip', value: 'p', domain: 'widget.example.net', hostOnly: true, path: '/', secure: true, httpOnly: false, sameSite: 'no_restriction', session: true, partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: true } },
  ];

  it('seeds cookies as cookies.getAll reports them, partitioned ones in their partition', () => {
    const { store } = storeAt();
    store.seed(api);
    expect(store.cookiesFor({ url: 'https://www.example.com/' }).cookieHeader).toBe('sid=1; pref=dark');
    expect(store.cookiesFor({ url: 'https://widget.example.net/', topLevelUrl: 'https://www.example.com/', thirdPartyCookies: 'blocked' }).cookieHeader).toBe('chip=p');
    expect(store.cookiesFor({ url: 'https://widget.example.net/', topLevelUrl: 'https://www.example.org/' }).cookies).toEqual([]);
  });

  it('follows cookies.onChanged: removals and additions', () => {
    const { store } = storeAt();
    store.seed(api);
    store.applyChange({ removed: true, cookie: api[1] as ApiCookie });
    store.applyChange({ removed: false, cookie: { ...api[0] as ApiCookie, value: '2' } });
    expect(store.cookiesFor({ url: 'https://www.example.com/' }).cookieHeader).toBe('sid=2');
  });
});

describe('the clock is the caller\'s', () => {
  it('a cookie expires by the store\'s clock', () => {
    const { store, clock } = storeAt();
    store.setFromHeader('a=1; Max-Age=60', { url: 'https://www.example.com/' });
    clock.now += 59_000;
    expect(store.cookiesFor({ url: 'https://www.example.com/' }).cookieHeader).toBe('a=1');
    clock.now += 1_000;
    expect(store.cookiesFor({ url: 'https://www.example.com/' })).toEqual({ cookieHeader: null, cookies: [] });
  });

  it('a cookie without SameSite goes with a cross-site top-level POST for its first 2 minutes only (Lax-allowing-unsafe)', () => {
    const { store, clock } = storeAt();
    store.setFromHeader('young=1', { url: 'https://bank.example.com/' });
    const post: RequestContext = { url: 'https://bank.example.com/transfer', method: 'POST', initiator: 'https://evil.example.net' };
    expect(store.cookiesFor(post).cookieHeader).toBe('young=1');
    clock.now += 2 * MINUTE + 1;
    expect(store.cookiesFor(post).cookies[0]?.reasons).toEqual(['SchemefulSameSiteUnspecifiedTreatedAsLax']);
    expect(store.cookiesFor({ ...post, method: 'GET' }).cookieHeader).toBe('young=1');
  });

  it('a context may carry its own clock', () => {
    const { store } = storeAt();
    store.setFromHeader('a=1; Max-Age=60', { url: 'https://www.example.com/', now: NOW - 120_000 });
    expect(store.size).toBe(1);
    expect(store.cookiesFor({ url: 'https://www.example.com/' }).cookieHeader).toBeNull();
  });
});

describe('the third-party cookie setting is an input', () => {
  const frame: RequestContext = { url: 'https://widget.example.net/', topLevelUrl: 'https://www.example.com/' };

  it('allowed: third-party cookies are stored, then SameSite decides', () => {
    const { store } = storeAt(NOW, { thirdPartyCookies: 'allowed' });
    expect(store.setFromHeader('a=1; SameSite=None; Secure', frame).outcome).toBe('stored');
    expect(store.setFromHeader('b=1', frame).reasons).toEqual(['SchemefulSameSiteUnspecifiedTreatedAsLax']);
    store.thirdPartyCookies = 'blocked';
    expect(store.setFromHeader('c=1; SameSite=None; Secure', frame).reasons).toEqual(['UserPreferences']);
    expect(store.setFromHeader('c=1; SameSite=None; Secure', { ...frame, thirdPartyCookies: 'allowed' }).outcome).toBe('stored');
    expect(store.cookiesFor(frame).cookies.map((c) => [c.name, c.reasons])).toEqual([['a', ['UserPreferences']], ['c', ['UserPreferences']]]);
  });

  it('can be inferred from what the store does with third-party cookies, latest evidence first', () => {
    const seen = (observedStored: boolean | null, extra: Partial<{ thirdParty: boolean; partitioned: boolean; outcomeIfAllowed: 'stored' | 'refused' }> = {}) => ({
      thirdParty: true, partitioned: false, outcomeIfAllowed: 'stored' as const, observedStored, ...extra,
    });
    expect(inferThirdPartyCookieSetting([])).toBeNull();
    expect(inferThirdPartyCookieSetting([seen(false)])).toBe('blocked');
    expect(inferThirdPartyCookieSetting([seen(false), seen(true)])).toBe('allowed');
    expect(inferThirdPartyCookieSetting([seen(true), seen(false, { partitioned: true }), seen(false, { thirdParty: false }), seen(false, { outcomeIfAllowed: 'refused' }), seen(null)])).toBe('allowed');
  });
});

describe('eviction, as Chromium\'s CookieMonster', () => {
  it('over 180 cookies on one site, the least recently used low-priority and insecure ones go first, down to 150', () => {
    const { store, clock } = storeAt();
    const url = { url: 'https://www.example.com/' };
    store.setFromResponse(Array.from({ length: 40 }, (_, i) => `low${i}=1; Priority=Low`), url);
    clock.now += 1;
    store.setFromResponse(Array.from({ length: 60 }, (_, i) => `secure${i}=1; Secure`), url);
    clock.now += 1;
    store.setFromResponse(Array.from({ length: 81 }, (_, i) => `plain${i}=1`), url);
    const left = store.all().map((c) => c.name.replace(/\d+$/, ''));
    expect(left).toHaveLength(150);
    // Low priority down to its quota of 30, then medium insecure ones down to the medium quota.
    expect(left.filter((n) => n === 'low')).toHaveLength(30);
    expect(left.filter((n) => n === 'secure')).toHaveLength(60);
    expect(left.filter((n) => n === 'plain')).toHaveLength(60);
  });

  it('a partition keeps at most 10 KiB of names and values per site', () => {
    const { store } = storeAt();
    const frame = { url: 'https://widget.example.net/', topLevelUrl: 'https://www.example.com/' };
    store.setFromResponse(Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}=${'x'.repeat(997)}; Secure; SameSite=None; Partitioned`), frame);
    expect(store.all().map((c) => c.name)).toEqual(['p02', 'p03', 'p04', 'p05', 'p06', 'p07', 'p08', 'p09', 'p10', 'p11']);
  });
});

/** Expands `@N` in a test line into N characters. */
const expand = (line: string) => line.replace(/@(\d+)/, (_, n: string) => 'x'.repeat(Number(n)));

describe('every reason has a sentence that names the values involved', () => {
  it('has a case for every reason the model gives', () => {
    expect(sentences.set).toHaveLength(26);
    expect(sentences.send).toHaveLength(11);
    // AttributeValueExceedsMaxSize comes from cookies.set only; DomainCookieLimit needs 180 cookies (its own test below).
    const produced = new Set<string>(Object.keys(SET_REASONS).filter((r) => !['AttributeValueExceedsMaxSize', 'DomainCookieLimit'].includes(r)));
    expect(new Set(sentences.set.map((c) => c.reason))).toEqual(produced);
    expect(new Set(sentences.send.map((c) => c.reason))).toEqual(new Set(Object.keys(SEND_REASONS).filter((r) => r !== 'SchemeMismatch' && r !== 'PortMismatch')));
  });

  it.each(sentences.set.map((c) => [`${c.reason} (${c.browser ?? 'chromium'})`, c] as const))('storing: %s', (_name, example) => {
    const { reason } = example;
    const { store } = storeAt(NOW, example.browser === undefined ? {} : { browser: example.browser });
    if (example.setup !== undefined && example.setupContext !== undefined) store.setFromResponse(example.setup, example.setupContext);
    const verdict = store.setFromHeader(expand(example.line), example.context);
    const detail = verdict.details.find((d) => d.reason === reason);
    expect(detail?.sentence).toBeDefined();
    for (const mention of example.mentions) expect(detail?.sentence).toContain(mention);
    expect(verdict.sentence).toContain(detail?.sentence);
  });

  it.each(sentences.send.map((c) => [`${c.reason} (${c.browser ?? 'chromium'})`, c] as const))('sending: %s', (_name, example) => {
    const { reason } = example;
    const { store } = storeAt(NOW, example.browser === undefined ? {} : { browser: example.browser });
    if (example.setup !== undefined && example.setupUrl !== undefined) store.setFromResponse(example.setup, { url: example.setupUrl });
    if (example.seed !== undefined) store.seed(example.seed);
    const detail = store.cookiesFor(example.context).cookies.flatMap((c) => c.details).find((d) => d.reason === reason);
    expect(detail?.sentence).toBeDefined();
    for (const mention of example.mentions) expect(detail?.sentence).toContain(mention);
  });

  it('docs/browser-model.md lists every reason', () => {
    const docs = readFileSync(resolve(import.meta.dirname, '../../docs/browser-model.md'), 'utf8');
    for (const reason of [...Object.keys(SET_REASONS), ...Object.keys(SEND_REASONS)]) expect(docs).toContain(`\`${reason}\``);
  });
});

describe('Firefox', () => {
  const firefox = (thirdPartyCookies?: ThirdPartyCookieSetting) => storeAt(NOW, { browser: 'firefox', ...thirdPartyCookies === undefined ? {} : { thirdPartyCookies } });
  const frame: RequestContext = { url: 'https://widget.example.net/w', topLevelUrl: 'https://www.example.com/' };

  it('keeps a third party\'s cookies in a jar of the top-level site by default (Total Cookie Protection)', () => {
    const { store } = firefox();
    expect(store.thirdPartyCookies).toBe('partitioned');
    const verdict = store.setFromHeader('track=1', frame);
    expect(verdict).toMatchObject({ outcome: 'stored', cookie: { partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: true } } });
    expect(verdict.notes.join(' ')).toContain('Total Cookie Protection');
    expect(store.cookiesFor(frame).cookieHeader).toBe('track=1');
    // Not on another site's pages, nor when the widget is the top-level page.
    expect(store.cookiesFor({ ...frame, topLevelUrl: 'https://www.example.org/' }).cookieHeader).toBeNull();
    expect(store.cookiesFor({ url: 'https://widget.example.net/w' }).cookieHeader).toBeNull();
  });

  it('rejecting third parties refuses all their cookies, Partitioned ones too, before reading the line', () => {
    const { store } = firefox('blocked');
    for (const line of ['a=1; SameSite=None; Secure; Partitioned', '=malformed']) {
      expect(store.setFromHeader(line, frame).reasons).toEqual(['UserPreferences']);
    }
  });

  it('gives the reason of its first failed check only, and no DevTools reasons', () => {
    const line = 'a=1; SameSite=None; Domain=example.org';
    const { store } = firefox();
    expect(store.setFromHeader(line, { url: 'https://www.example.com/' })).toMatchObject({ reasons: ['SameSiteNoneInsecure'], devtoolsReasons: [] });
    // Chromium lists what CanonicalCookie::Create finds, before the context's checks.
    expect(storeAt().store.setFromHeader(line, { url: 'https://www.example.com/' })).toMatchObject({ reasons: ['InvalidDomain'], devtoolsReasons: ['InvalidDomain'] });
  });

  it('reads `foo` as a cookie named foo and sends it as `foo=`; drops `=x`', () => {
    const { store } = firefox();
    const [foo, nameless] = store.setFromResponse(['foo', '=x'], { url: 'https://www.example.com/' });
    expect(foo).toMatchObject({ outcome: 'stored', cookie: { name: 'foo', value: '' } });
    expect(nameless?.reasons).toEqual(['NamelessValueWithEquals']);
    expect(store.cookiesFor({ url: 'https://www.example.com/' }).cookieHeader).toBe('foo=');
  });

  it('180 Secure cookies on a site leave no room for an insecure one; a Secure one evicts 30', () => {
    const { store, clock } = firefox();
    const url = { url: 'https://www.example.com/' };
    store.setFromResponse(Array.from({ length: 180 }, (_, i) => `s${i}=1; Secure`), url);
    clock.now += MINUTE;
    const insecure = store.setFromHeader('plain=1', url);
    expect(insecure.reasons).toEqual(['DomainCookieLimit']);
    expect(insecure.details[0]?.sentence).toContain('example.com already has 180 cookies');
    expect(store.size).toBe(180);
    // An overwrite needs no room (and makes s0 the most recently used).
    expect(store.setFromHeader('s0=2; Secure', url).outcome).toBe('stored');
    expect(store.setFromHeader('new=1; Secure', url).outcome).toBe('stored');
    expect(store.size).toBe(151);
    const left = new Set(store.all().map((c) => c.name));
    expect(['s0', 's1', 's30', 's31', 'new'].map((n) => left.has(n))).toEqual([true, false, false, true, true]);
  });

  it('evicts expired and insecure cookies first, least recently used first', () => {
    const { store, clock } = firefox();
    const url = { url: 'https://www.example.com/' };
    store.setFromResponse(Array.from({ length: 10 }, (_, i) => `old${i}=1`), url);
    clock.now += MINUTE;
    store.setFromResponse(Array.from({ length: 170 }, (_, i) => `s${i}=1; Secure`), url);
    clock.now += MINUTE;
    expect(store.setFromHeader('plain=1', url).outcome).toBe('stored');
    expect(store.all().filter((c) => c.name.startsWith('old'))).toEqual([]);
    expect(store.size).toBe(171);
  });

  it('at 3,300 cookies, those unused for 33 days go, down to 3,000, before the next one is added', () => {
    const { store, clock } = firefox();
    for (let site = 0; site < 330; site++) store.setFromResponse(Array.from({ length: 10 }, (_, i) => `c${i}=1; Max-Age=99999999`), { url: `https://www.site${site}.example/` });
    clock.now += 20 * 24 * 60 * MINUTE;
    store.cookiesFor({ url: 'https://www.site0.example/' }, { touch: true });
    expect(store.size).toBe(3300);
    clock.now += 14 * 24 * 60 * MINUTE;
    store.setFromHeader('late=1', { url: 'https://www.example.org/' });
    // The 10 read 14 days ago stay; 290 of the rest go.
    expect(store.size).toBe(3001);
    expect(store.cookiesFor({ url: 'https://www.site0.example/' }).cookies).toHaveLength(10);
  });

  it('learns its setting from privacy.websites.cookieConfig, or from where a third party\'s cookie lands', () => {
    expect(['reject_trackers_and_partition_foreign', 'reject_third_party', 'allow_all', 'reject_trackers', 'allow_visited', 'reject_all'].map(firefoxCookieBehaviorSetting))
      .toEqual(['partitioned', 'blocked', 'allowed', 'allowed', null, null]);
    const seen = { thirdParty: true, partitioned: false, outcomeIfAllowed: 'stored' as const, observedStored: true };
    expect(inferThirdPartyCookieSetting([{ ...seen, observedPartitioned: true }])).toBe('partitioned');
    expect(inferThirdPartyCookieSetting([{ ...seen, observedPartitioned: false }])).toBe('allowed');
  });
});
