// Changes applied all or nothing, over the fake cookies API (testing/fakeCookies.ts: Chromium's
// behaviour, its per-site eviction included) and over browsers that misbehave in the ways the
// worker must notice: a write stored otherwise than asked, dropped without a word, or refused; a
// deletion not done; other cookies of the site evicted to make room. Each ends with the store as
// it was, or with an error that says where it is not. And the jar's side of a change.
import { describe, expect, it } from 'vitest';
import { Cookie, CookieJar } from '../jar';
import type { CookieIdentity } from '../shared/cookieIdentity';
import type { BrowserCookie, BrowserCookieInput, CookieJSON } from '../shared/protocol';
import { BrowserStore, type CookiesWriteApi, type CookieSetDetails } from './browserStore';
import { applyJarSteps, applySteps, jarCookiesOf, jarKey, type JarPort, type PlannedStep } from './cookieChanges';
import { cookieInput as input } from './testing/dispatchTo';
import { fakeCookiesApi, type FakeCookiesApi, type RawCookie } from './testing/fakeCookies';

const NOW = Date.UTC(2025, 0, 1);
const IN_A_MONTH = NOW / 1000 + 30 * 86400;
const NOTHING_CHANGED = 'Nothing was changed: everything written before it was put back as it was.';

/** A store over the fake API; `wrap` changes how the browser answers writes. */
function storeOver(wrap: (api: FakeCookiesApi) => Partial<CookiesWriteApi> = () => ({})): { cookies: RawCookie[]; api: FakeCookiesApi; store: BrowserStore } {
  const cookies: RawCookie[] = [];
  const api = fakeCookiesApi(cookies, { now: () => NOW });
  const writeApi: CookiesWriteApi = {
    getAll: (details) => api.getAll(details), set: (details) => api.set(details), getAllCookieStores: () => api.getAllCookieStores(), ...wrap(api),
  };
  return { cookies, api, store: new BrowserStore(writeApi, undefined) };
}

/** A cookie the store already holds (pushed as the API keeps it: the array is in order of last use). */
function raw(name: string, host = 'www.example.com', extra: RawCookie = {}): RawCookie {
  return { name, value: 'old', domain: host, hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'unspecified', session: true, storeId: '0', ...extra };
}

/** The store's cookies, sorted, as what matters to a person: equal before and after means nothing changed. */
function contents(cookies: RawCookie[]): string[] {
  return cookies.map((c) => JSON.stringify(Object.entries(c).sort(([a], [b]) => a.localeCompare(b)))).sort();
}

async function held(store: BrowserStore, name: string, host = 'www.example.com'): Promise<BrowserCookie> {
  const found = await store.find({ name, domain: host, hostOnly: true, path: '/', partition: null });
  if (found === undefined) throw new Error(`no cookie ${name}`);
  return found;
}

async function edit(store: BrowserStore, name: string, after: Partial<BrowserCookieInput>): Promise<PlannedStep> {
  return { before: await held(store, name), after: input({ name, value: 'new', ...after }) };
}

const create = (name: string, extra: Partial<BrowserCookieInput> = {}): PlannedStep => ({ before: null, after: input({ name, value: 'new', ...extra }) });

/** The writes issued from the `from`th on: name, value, and whether it is a deletion (an expired write). */
const writesFrom = (api: FakeCookiesApi, from: number): string[] =>
  api.calls.slice(from).map((c) => `${String(c['name'])}=${String(c['value'])}${c['expirationDate'] === 1 ? ' (delete)' : ''}`);

describe('applySteps: a change the browser takes', () => {
  it('creates, edits and deletes, and answers each step as the store now holds it', async () => {
    const { cookies, store } = storeOver();
    cookies.push(raw('edited'), raw('deleted'));
    const steps = [create('made', { expirationDate: IN_A_MONTH }), await edit(store, 'edited', { sameSite: 'lax' }), { before: await held(store, 'deleted'), after: null }];
    const applied = await applySteps(store, steps);
    expect(applied.map((s) => [s.before?.value ?? null, s.after === null ? null : `${s.after.name}=${s.after.value} ${s.after.sameSite}`])).toEqual([
      [null, 'made=new unspecified'], ['old', 'edited=new lax'], ['old', null],
    ]);
    expect(cookies.map((c) => c['name']).sort()).toEqual(['edited', 'made']);
  });

  it('an empty change is nothing to do; a step with neither cookie is a mistake', async () => {
    const { store } = storeOver();
    expect(await applySteps(store, [])).toEqual([]);
    await expect(applySteps(store, [{ before: null, after: null }])).rejects.toThrow('A change step needs a cookie before or after it.');
  });
});

describe('applySteps: a change the browser does not take is put back', () => {
  const asked = { secure: true, httpOnly: true, sameSite: 'strict' as const, expirationDate: IN_A_MONTH };
  const otherwise: [string, (d: CookieSetDetails) => CookieSetDetails][] = [
    ['another value', (d) => ({ ...d, value: 'other' })],
    ['without Secure', (d) => ({ ...d, secure: false })],
    ['without HttpOnly', (d) => ({ ...d, httpOnly: false })],
    ['with another SameSite', (d) => ({ ...d, sameSite: 'lax' })],
    ['as a session cookie', (d) => { const session = { ...d }; delete session.expirationDate; return session; }],
  ];

  it.each(otherwise)('a write stored %s is a failure: the cookie before it comes back', async (_, change) => {
    const { cookies, store } = storeOver((api) => ({ set: (d) => api.set(d.value === 'new' ? change(d) : d) }));
    cookies.push(raw('a'));
    const before = contents(cookies);
    await expect(applySteps(store, [await edit(store, 'a', asked)])).rejects.toThrow(`The browser did not store "a" (www.example.com/). ${NOTHING_CHANGED}`);
    expect(contents(cookies)).toEqual(before);
  });

  it('a refused write: the browser’s own message, and only the cookies already changed are written back', async () => {
    const { cookies, api, store } = storeOver();
    cookies.push(raw('a'), raw('b'));
    const before = contents(cookies);
    api.refuse = (d) => d.name === 'b' && d.value === 'new';
    const steps = [await edit(store, 'a', {}), await edit(store, 'b', {})];
    const from = api.calls.length;
    await expect(applySteps(store, steps)).rejects.toThrow(`The browser did not store "b" (www.example.com/): Failed to parse or set cookie named "b".. ${NOTHING_CHANGED}`);
    expect(writesFrom(api, from)).toEqual(['a=new', 'b=new', 'a=old']);
    expect(contents(cookies)).toEqual(before);
  });

  it('a write dropped without a word, or a deletion not done', async () => {
    const { cookies, store } = storeOver((api) => ({ set: (d) => (d.name === 'x' ? Promise.resolve(null) : api.set(d)) }));
    cookies.push(raw('x'), raw('y'));
    const before = contents(cookies);
    await expect(applySteps(store, [create('z'), create('x', { path: '/x' })])).rejects.toThrow(`The browser did not store "x" (www.example.com/x). ${NOTHING_CHANGED}`);
    await expect(applySteps(store, [{ before: await held(store, 'y'), after: null }, { before: await held(store, 'x'), after: null }]))
      .rejects.toThrow(`The browser did not delete "x" (www.example.com/). ${NOTHING_CHANGED}`);
    expect(contents(cookies)).toEqual(before);
  });

  describe('at Chromium’s per-site limit', () => {
    /** A store holding `count` unpartitioned cookies of example.com (and what else is given), whose browser drops writes of "x" silently. */
    function nearLimit(count: number, more: RawCookie[] = []): { cookies: RawCookie[]; api: FakeCookiesApi; store: BrowserStore } {
      const setup = storeOver((api) => ({ set: (d) => (d.name === 'x' && d.expirationDate !== 1 ? Promise.resolve(null) : api.set(d)) }));
      for (let i = 0; i < count; i++) setup.cookies.push(raw(`n${i}`, i % 2 === 0 ? 'www.example.com' : '.example.com', { hostOnly: i % 2 === 0 }));
      setup.cookies.push(...more);
      return setup;
    }

    it('a write accepted and gone with the site at 150 cookies was evicted to make room', async () => {
      const { store } = nearLimit(150);
      await expect(applySteps(store, [create('x')])).rejects.toThrow(
        `The browser did not keep "x" (www.example.com/): it accepted it, then evicted it to make room (Chromium keeps at most 180 cookies per site). ${NOTHING_CHANGED}`,
      );
    });

    it('below 150 cookies of the site (partitioned ones and other sites’ not counted) it was not stored', async () => {
      const partitioned = Array.from({ length: 20 }, (_, i) => raw(`p${i}`, 'www.example.com', { secure: true, partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: true } }));
      const elsewhere = Array.from({ length: 20 }, (_, i) => raw(`o${i}`, 'www.other.test'));
      const { store } = nearLimit(149, [...partitioned, ...elsewhere]);
      await expect(applySteps(store, [create('x')])).rejects.toThrow(`The browser did not store "x" (www.example.com/). ${NOTHING_CHANGED}`);
    });

    it('a refusal with a message, or a deletion, is not called an eviction', async () => {
      const refusing = nearLimit(150, [raw('d')]);
      refusing.api.refuse = (d) => d.name === 'r' || d.name === 'd';
      await expect(applySteps(refusing.store, [create('r')])).rejects.toThrow(`The browser did not store "r" (www.example.com/): Failed to parse or set cookie named "r".. ${NOTHING_CHANGED}`);
      await expect(applySteps(refusing.store, [{ before: await held(refusing.store, 'd'), after: null }]))
        .rejects.toThrow(`The browser did not delete "d" (www.example.com/): Failed to parse or set cookie named "d".. ${NOTHING_CHANGED}`);
    });
  });

  it('a change that made the browser evict other cookies of the site is undone, and they come back: deletions first, each cookie once', async () => {
    const { cookies, api, store } = storeOver();
    for (let i = 0; i < 180; i++) cookies.push(raw(`n${i}`));
    const before = contents(cookies);
    const from = api.calls.length;
    await expect(applySteps(store, [create('new')])).rejects.toThrow(
      `The browser evicted 31 other cookies of example.com to make room (Chromium keeps at most 180 cookies per site). ${NOTHING_CHANGED}`,
    );
    expect(contents(cookies)).toEqual(before);
    expect(writesFrom(api, from)).toEqual(['new=new', 'new=new (delete)', ...Array.from({ length: 31 }, (_, i) => `n${i}=old`)]);
  });

  it('a failed step (the first) and evicted cookies are both said, with every site of the change', async () => {
    const { cookies, api, store } = storeOver();
    for (let i = 0; i < 180; i++) cookies.push(raw(`n${i}`));
    const before = contents(cookies);
    api.refuse = (d) => d.name === 'bad';
    await expect(applySteps(store, [create('bad'), create('new'), create('o', { domain: 'www.other.test' })])).rejects.toThrow(
      'The browser did not store "bad" (www.example.com/): Failed to parse or set cookie named "bad"., and it evicted 31 other cookies of example.com, other.test'
      + ` to make room (Chromium keeps at most 180 cookies per site). ${NOTHING_CHANGED}`,
    );
    expect(contents(cookies)).toEqual(before);
  });

  it('when putting back fails too, the error names the cookies left different (the first three)', async () => {
    const { cookies, api, store } = storeOver();
    cookies.push(raw('a'));
    api.refuse = (d) => d.name === 'bad' || d.value === 'old';
    await expect(applySteps(store, [await edit(store, 'a', {}), create('bad')])).rejects.toThrow(
      'The browser did not store "bad" (www.example.com/): Failed to parse or set cookie named "bad".. Putting the cookies back failed for 1 cookie ("a"): the store differs from before there.',
    );
    cookies.length = 0;
    cookies.push(raw('a'), raw('b'), raw('c'), raw('d'));
    api.refuse = null;
    const steps = await Promise.all(['a', 'b', 'c', 'd'].map((name) => edit(store, name, {})));
    api.refuse = (d) => d.name === 'bad' || d.value === 'old';
    await expect(applySteps(store, [...steps, create('bad')])).rejects.toThrow(/\. Putting the cookies back failed for 4 cookies \("a", "b", "c"\): the store differs from before there\.$/);
  });
});

describe('the jar’s side of a change', () => {
  function jarCookie(name: string, domain: string, value = '1', path = '/'): CookieJSON {
    const domainSpecified = domain.startsWith('.') || domain === 'example.com';
    return new Cookie({
      version: 0, name, value, port: null, portSpecified: false, domain, domainSpecified, domainInitialDot: domain.startsWith('.'),
      path, pathSpecified: true, secure: false, expires: null, discard: true, comment: null, commentUrl: null, rest: {},
    }).toJSON();
  }
  const identity = (name: string, domain = 'www.example.com', partition: string | null = null): CookieIdentity => ({ name, domain, hostOnly: !domain.startsWith('.'), path: '/', partition });
  const contentsOf = (jar: CookieJar): string[] => [...jar].map((c) => `${c.name}=${c.value ?? ''}@${c.domain}${c.path}`).sort();

  /** A JarPort over a jar of these cookies (as the worker's, service.ts, without the mirror's records). */
  function portOver(...cookies: CookieJSON[]): { jar: CookieJar; port: JarPort } {
    const jar = new CookieJar();
    for (const cookie of cookies) jar.setCookie(new Cookie(cookie));
    const port: JarPort = {
      index() {
        const index = new Map<string, CookieJSON[]>();
        for (const cookie of jar) index.set(jarKey(cookie.toJSON()), [...(index.get(jarKey(cookie.toJSON())) ?? []), cookie.toJSON()]);
        return index;
      },
      put(cookie) { jar.setCookie(new Cookie(cookie)); },
      remove(cookie) { jar.clear(cookie.domain, cookie.path, cookie.name); },
    };
    return { jar, port };
  }

  it('applies jar steps: an edit replaces, a rename or a new spelling of the domain leaves no old cookie behind, a deletion deletes', () => {
    const a = jarCookie('a', 'www.example.com');
    const d = jarCookie('d', 'example.com');
    const gone = jarCookie('gone', 'www.example.com');
    const renamed = jarCookie('r', 'www.example.com');
    const { jar, port } = portOver(a, d, gone, renamed);
    applyJarSteps(port, [
      { before: a, after: jarCookie('a', 'www.example.com', '2') },
      { before: d, after: jarCookie('d', '.example.com', '2') },
      { before: gone, after: null },
      { before: renamed, after: jarCookie('r2', 'www.example.com', '2') },
      { before: null, after: jarCookie('n', 'www.example.com', '2') },
    ]);
    expect(contentsOf(jar)).toEqual(['a=2@www.example.com/', 'd=2@.example.com/', 'n=2@www.example.com/', 'r2=2@www.example.com/']);
  });

  it('the jar’s cookies of a selection: each identity once (a partitioned browser cookie is its unpartitioned one there), and how many it lacks', () => {
    const { port } = portOver(jarCookie('a', 'www.example.com'), jarCookie('b', 'www.example.com'));
    const { found, missing } = jarCookiesOf(port, [identity('a'), identity('a', 'www.example.com', 'https://top.test'), identity('b'), identity('x'), identity('y')]);
    expect(found.map((c) => c.name)).toEqual(['a', 'b']);
    expect(missing).toBe(2);
  });
});
