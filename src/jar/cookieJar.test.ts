import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Cookie, cookieChanges } from './cookie';
import { CookieJar } from './cookieJar';
import type { CookiePolicy } from './policy';
import { DefaultCookiePolicy, type DefaultCookiePolicyOptions } from './policy';
import { CookieRequest } from './request';
import { refusal, type Refusal } from './rules';
import vectors from './core-vectors/jar.json';

// Expected values: recorded from python3.11's http.cookiejar by core-vectors/generate.py (random
// scenarios of extract_cookies / add_cookie_header / clear* under random policies and a fixed clock).

type CookieState = ReturnType<Cookie['toJSON']>;
interface Step {
  op: 'extract' | 'header' | 'advance' | 'clearSession' | 'clearExpired' | 'clear';
  url?: string;
  unverifiable?: boolean;
  originReqHost?: string | null;
  headers?: [string, string][];
  set?: CookieState[];
  preset?: string | null;
  cookie?: string | null;
  cookie2?: string | null;
  now?: number;
  args?: string[];
  error?: string;
  jar: CookieState[] | null;
}
interface Scenario { id: number; clock: number; policy: Record<string, unknown>; steps: Step[] }

const scenarios = (vectors as unknown as { scenarios: Scenario[] }).scenarios;

function policyFrom(python: Record<string, unknown>): DefaultCookiePolicy {
  const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
  const options = Object.fromEntries(Object.entries(python).map(([key, value]) => [camel(key), value])) as DefaultCookiePolicyOptions;
  return new DefaultCookiePolicy(options);
}

function requestFor(step: Step): CookieRequest {
  const init: { unverifiable?: boolean; originReqHost?: string } = { unverifiable: step.unverifiable ?? false };
  if (step.originReqHost != null) init.originReqHost = step.originReqHost;
  return new CookieRequest(step.url ?? '', init);
}

const state = (jar: Iterable<Cookie>) => [...jar].map((cookie) => cookie.toJSON());
const sortStates = (states: CookieState[]) => states.map((s) => JSON.stringify(s)).sort();

describe('CookieJar replays Python scenarios step by step', () => {
  it('has the scenarios recorded from python3 (an empty or cut file fails)', () => {
    expect(scenarios).toHaveLength(300);
  });
  it.each(scenarios.map((s) => [s.id, s] as const))('scenario %i', (_, scenario) => {
    let clock = scenario.clock;
    let expected: CookieState[] = [];
    const jar = new CookieJar(policyFrom(scenario.policy), { now: () => clock });
    for (const [index, step] of scenario.steps.entries()) {
      const where = `step ${index} (${step.op})`;
      switch (step.op) {
        case 'extract': {
          const decisions = jar.extractCookies({ headers: step.headers ?? [] }, requestFor(step));
          const accepted = decisions.filter((d) => d.accepted).map((d) => d.cookie.toJSON());
          expect(sortStates(accepted), where).toEqual(sortStates(step.set ?? []));
          const lines = (step.headers ?? []).filter(([name]) => /^set-cookie2?$/i.test(name)).length;
          expect(new Set(decisions.map((d) => d.header)).size, where).toBeLessThanOrEqual(lines);
          break;
        }
        case 'header': {
          const request = requestFor(step);
          if (step.preset != null) request.addHeader('Cookie', step.preset);
          const explained = jar.explainCookieHeader(request);
          const sent = explained.filter((d) => d.accepted);
          if (step.preset == null) expect(sent.length > 0, where).toBe(step.cookie !== null);
          else expect(sent, where).toEqual([]);
          if (step.cookie !== null && step.preset == null && sent.every((c) => (c.cookie.version ?? 0) === 0)) {
            // Netscape cookies only: the header is the sent cookies, longest path first.
            const names = [...sent].sort((a, b) => b.cookie.path.length - a.cookie.path.length)
              .map(({ cookie: c }) => (c.value === null ? c.name : `${c.name}=${c.value}`));
            expect(names.join('; '), where).toBe(step.cookie);
          }
          jar.addCookieHeader(request);
          expect(request.getHeader('Cookie') ?? null, where).toBe(step.cookie);
          expect(request.getHeader('Cookie2') ?? null, where).toBe(step.cookie2);
          break;
        }
        case 'advance':
          clock = step.now ?? clock;
          break;
        case 'clearSession':
          jar.clearSessionCookies();
          break;
        case 'clearExpired':
          jar.clearExpiredCookies();
          break;
        case 'clear': {
          const [domain, path, name] = step.args ?? [];
          const run = () => { jar.clear(domain, path, name); };
          if (step.error === undefined) run();
          else expect(run, where).toThrow(expect.objectContaining({ name: 'CookieNotFoundError' }) as Error);
          break;
        }
      }
      expected = step.jar ?? expected;
      expect(state(jar), where).toEqual(expected);
      expect(jar.size, where).toBe(expected.length);
    }
  });
});

const T = 1_700_000_000.5;
const setCookies = (...values: string[]) => ({ headers: values.map((value) => ['Set-Cookie', value] as const) });
const at = (url: string) => new CookieRequest(url);
function cookieHeader(jar: CookieJar, url: string): string | undefined {
  const request = at(url);
  jar.addCookieHeader(request);
  return request.getHeader('Cookie');
}

describe('Cookie header order, as python3.11 gives it', () => {
  // Expected strings: python3 with the same steps (http.cookiejar.CookieJar, time.time patched to T).
  it('sorts by path length over insertion order; a replaced cookie keeps its place; cleared ones come back last', () => {
    const jar = new CookieJar(undefined, { now: () => T });
    const u = 'http://www.acme.com/a/b/c';
    jar.extractCookies(setCookies('a=1; path=/', 'b=2; path=/a', 'c=3; path=/', 'd=4; path=/a/b', 'e=5; domain=.acme.com; path=/'), at(u));
    expect(cookieHeader(jar, u)).toBe('d=4; b=2; a=1; c=3; e=5');
    jar.extractCookies(setCookies('a=10; path=/'), at(u));
    expect(cookieHeader(jar, u)).toBe('d=4; b=2; a=10; c=3; e=5');
    jar.clear('www.acme.com', '/', 'a');
    jar.extractCookies(setCookies('a=11; path=/'), at(u));
    expect(cookieHeader(jar, u)).toBe('d=4; b=2; c=3; a=11; e=5');
    jar.clear('www.acme.com');
    jar.extractCookies(setCookies('z=1; path=/', 'a=12; path=/a'), at(u));
    expect(cookieHeader(jar, u)).toBe('a=12; e=5; z=1');
    expect([...jar].map(String)).toEqual(['<Cookie e=5 for .acme.com/>', '<Cookie z=1 for www.acme.com/>', '<Cookie a=12 for www.acme.com/a>']);
    const decisions = jar.extractCookies(setCookies('a=13; path=/a; max-age=0'), at(u));
    expect(decisions.map((d) => [d.accepted, d.rule])).toEqual([[false, 'set.expired']]);
    expect([...jar].map(String)).toEqual(['<Cookie e=5 for .acme.com/>', '<Cookie z=1 for www.acme.com/>']);
  });

  it('writes RFC 2965 and RFC 2109 cookies like Python ($Version, quoting, $Path, $Domain, $Port, Cookie2)', () => {
    const jar = new CookieJar(new DefaultCookiePolicy({ rfc2965: true }), { now: () => T });
    jar.extractCookies({ headers: [
      ['Set-Cookie2', 'Customer="WILE E. COYOTE"; Version="1"; Path="/acme"; Port="8080,80"'],
      ['Set-Cookie2', 'Part="Rocket\\"Launcher"; Version=1; Domain=.acme.com; Path="/acme"'],
      ['Set-Cookie', 'ns=plain; path=/'], ['Set-Cookie', 'Customer=hidden; path=/acme'], ['Set-Cookie', 'r2109=x; Version=1; path=/'],
    ] }, at('http://www.acme.com:8080/acme/login'));
    const request = at('http://www.acme.com:8080/acme/ammo');
    jar.addCookieHeader(request);
    expect(request.getHeader('Cookie')).toBe('$Version=1; Customer=WILE E. COYOTE; $Path="/acme"; $Port="8080,80"; Part=Rocket\\"Launcher; $Path="/acme"; $Domain=".acme.com"; ns=plain; r2109=x; $Path="/"');
    expect(request.getHeader('Cookie2')).toBe('$Version="1"');
    expect([...jar].map((c) => [c.name, c.version, c.rfc2109, c.domain])).toEqual([
      ['Customer', 1, false, 'www.acme.com'], ['ns', 0, false, 'www.acme.com'], ['r2109', 1, true, 'www.acme.com'], ['Part', 1, false, '.acme.com'],
    ]);
  });

  it('leaves a Cookie header the request already has', () => {
    const jar = new CookieJar(undefined, { now: () => T });
    jar.extractCookies(setCookies('a=1'), at('http://www.acme.com/'));
    const request = new CookieRequest('http://www.acme.com/', { headers: { cookie: 'mine=1' } });
    jar.addCookieHeader(request);
    expect(request.getHeader('Cookie')).toBe('mine=1');
  });
});

describe('the jar API', () => {
  it('clear throws CookieNotFoundError where Python raises KeyError, CookieValueError for missing keys', () => {
    const jar = new CookieJar(undefined, { now: () => T });
    jar.extractCookies(setCookies('a=1'), at('http://www.acme.com/'));
    expect(() => { jar.clear('www.acme.com', '/', 'b'); }).toThrow(expect.objectContaining({ name: 'CookieNotFoundError' }) as Error);
    expect(() => { jar.clear('www.acme.com', '/nope'); }).toThrow(expect.objectContaining({ name: 'CookieNotFoundError' }) as Error);
    expect(() => { jar.clear('nope.com'); }).toThrow(expect.objectContaining({ name: 'CookieNotFoundError' }) as Error);
    expect(() => { jar.clear(undefined, '/', 'a'); }).toThrow(expect.objectContaining({ name: 'CookieValueError' }) as Error);
    jar.clear('www.acme.com', '/');
    expect(jar.size).toBe(0);
    expect(jar.cookieTree().get('www.acme.com')?.size).toBe(0);
  });

  it('clears expired cookies after addCookieHeader, by the clock, keeping the order of the rest', () => {
    let now = T;
    const jar = new CookieJar(undefined, { now: () => now });
    jar.extractCookies(setCookies('a=1; max-age=10', 'b=2', 'c=3; max-age=5', 'd=4; max-age=100'), at('http://www.acme.com/'));
    now += 6;
    expect(cookieHeader(jar, 'http://www.acme.com/')).toBe('a=1; b=2; d=4');
    expect([...jar].map((c) => c.name)).toEqual(['a', 'b', 'd']);
    now += 10;
    jar.clearExpiredCookies();
    expect([...jar].map((c) => c.name)).toEqual(['b', 'd']);
    jar.clearSessionCookies();
    expect([...jar].map((c) => c.name)).toEqual(['d']);
    expect(jar.size).toBe(1);
  });

  it('a change to a stored cookie shows in the next Cookie header, whichever field it is (as Python reads them on each request)', () => {
    const plain = { version: 0, name: 'a', value: '1', port: null, portSpecified: false, domain: '.acme.com', domainSpecified: true, domainInitialDot: true,
      path: '/', pathSpecified: true, secure: false, expires: null, discard: false, comment: null, commentUrl: null };
    // b's path "/a" is longer than a's "/": b comes first until a's path is made longer.
    const cases: [field: string, to: unknown, expected: string, policy?: DefaultCookiePolicyOptions][] = [
      ['value', '2', 'b=2; a=2'],
      ['name', 'z', 'b=2; z=1'],
      ['version', 1, 'b=2'], // RFC 2965 is off
      ['domain', '.other.org', 'b=2'],
      ['path', '/abc', 'a=1; b=2'],
      ['expires', Math.floor(T) - 1, 'b=2'],
      ['secure', true, 'b=2'], // an http request
      ['port', '8080', 'b=2'], // port 80
      ['domainSpecified', false, 'b=2', { strictNsDomain: DefaultCookiePolicy.DomainStrictNonDomain }],
    ];
    for (const [field, to, expected, options] of cases) {
      const jar = new CookieJar(new DefaultCookiePolicy(options), { now: () => T });
      const a = new Cookie(plain);
      jar.setCookie(a);
      jar.setCookie(new Cookie({ ...plain, name: 'b', value: '2', path: '/a' }));
      expect(cookieHeader(jar, 'http://www.acme.com/a/b'), field).toBe('b=2; a=1');
      Reflect.set(a, field, to);
      expect(cookieHeader(jar, 'http://www.acme.com/a/b'), field).toBe(expected);
    }
  });

  it('counts no change to stored cookies while extracting (an RFC 2109 cookie made Netscape is new)', () => {
    const jar = new CookieJar(undefined, { now: () => T });
    const before = cookieChanges();
    const decisions = jar.extractCookies(setCookies('a=1; Version=1; Path=/', 'b=2'), at('http://www.acme.com/'));
    expect(decisions.map((d) => [d.cookie.name, d.cookie.version, d.cookie.rfc2109, d.accepted])).toEqual([['a', 0, true, true], ['b', 0, false, true]]);
    expect(cookieChanges()).toBe(before);
  });

  it('asks a policy\'s own return checks, whether a subclass overrides one or the prototype was patched', () => {
    class NoSecureAnywhere extends DefaultCookiePolicy {
      override returnOkSecure(): Refusal | null {
        return refusal('return.secure.protocol', { name: 'x', protocol: 'any', secureProtocols: [] });
      }
    }
    const fill = (jar: CookieJar) => jar.extractCookies(setCookies('a=1', 'b=2; path=/a'), at('http://www.acme.com/a'));
    const own = new CookieJar(new NoSecureAnywhere(), { now: () => T });
    fill(own);
    expect(cookieHeader(own, 'http://www.acme.com/a')).toBeUndefined();
    const jar = new CookieJar(undefined, { now: () => T });
    fill(jar);
    expect(cookieHeader(jar, 'http://www.acme.com/a')).toBe('b=2; a=1');
    const original = Object.getOwnPropertyDescriptor(DefaultCookiePolicy.prototype, 'returnOk');
    try {
      Object.defineProperty(DefaultCookiePolicy.prototype, 'returnOk', { value: (cookie: Cookie) => cookie.name !== 'b', configurable: true, writable: true });
      expect(cookieHeader(jar, 'http://www.acme.com/a')).toBe('a=1');
    } finally {
      if (original !== undefined) Object.defineProperty(DefaultCookiePolicy.prototype, 'returnOk', original);
    }
    expect(cookieHeader(jar, 'http://www.acme.com/a')).toBe('b=2; a=1');
  });

  it('makeCookies gives the cookies before the policy, setCookieIfOk explains', () => {
    const jar = new CookieJar(undefined, { now: () => T });
    const request = at('http://www.acme.com/');
    const made = jar.makeCookies(setCookies('a=1; domain=.other.org', 'b=2'), request);
    expect(made.map(String)).toEqual(['<Cookie a=1 for .other.org/>', '<Cookie b=2 for www.acme.com/>']);
    expect(jar.setCookieIfOk(made[0] as Cookie, request)).toMatchObject({ accepted: false, rule: 'set.domain.mismatch' });
    expect(jar.setCookieIfOk(made[1] as Cookie, request)).toMatchObject({ accepted: true });
    expect(jar.size).toBe(1);
    expect(String(jar)).toBe('<CookieJar[<Cookie b=2 for www.acme.com/>]>');
  });

  it('explainCookieHeader lists the site\'s cookies and changes nothing', () => {
    const jar = new CookieJar(undefined, { now: () => T });
    jar.extractCookies(setCookies('a=1', 'gone=1; max-age=1'), at('http://www.acme.com/'));
    jar.extractCookies(setCookies('api=1'), at('http://api.acme.com/'));
    jar.extractCookies(setCookies('other=1'), at('http://other.org/'));
    const later = new CookieJar(undefined, { now: () => T + 5 });
    for (const c of jar) later.setCookie(c);
    const request = at('http://www.acme.com/');
    const decisions = later.explainCookieHeader(request);
    expect(decisions.map((d) => [d.cookie.name, d.accepted, d.rule])).toEqual([
      ['a', true, undefined], ['gone', false, 'return.expired'], ['api', false, 'return.domain.no-match'],
    ]);
    expect(request.hasHeader('Cookie')).toBe(false);
    expect(later.size).toBe(4);
  });

  it('works with a policy of its own that has only the booleans (Python\'s full walk)', () => {
    const everything: CookiePolicy = { netscape: true, rfc2965: false, hideCookie2: false, setOk: () => true, returnOk: () => true,
      domainReturnOk: () => true, pathReturnOk: () => true };
    const jar = new CookieJar(everything, { now: () => T });
    jar.extractCookies(setCookies('a=1; domain=.other.org'), at('http://www.acme.com/'));
    expect(cookieHeader(jar, 'http://unrelated.net/')).toBe('a=1');
    expect(jar.explainCookieHeader(at('http://unrelated.net/')).map((d) => [d.cookie.name, d.accepted])).toEqual([['a', true]]);
  });
});

// --- properties ------------------------------------------------------------------------------------

const HOSTS = ['www.acme.com', 'acme.com', 'a.b.acme.com', 'acme.co.uk', 'www.acme.co.uk', 'localhost', '192.168.1.1', 'foo.local', 'other.org', 'x.y.other.org', 'com'];
const domainKey = fc.oneof(
  fc.constantFrom('www.acme.com', '.acme.com', 'acme.com', '.www.acme.com', 'a.b.acme.com', '.b.acme.com'),
  fc.constantFrom(...HOSTS),
  fc.constantFrom(...HOSTS).map((h) => `.${h}`),
  fc.constantFrom('', '.', '.com', 'local', '.local', 'localhost.local', '.168.1.1', '1.1', 'acme.com.', '..acme.com', 'ACME.com'),
);
const cookieArb = fc.record({
  version: fc.constantFrom(0, 0, 0, 1, null), name: fc.constantFrom('a', 'b', 'c', 'sid', ''), value: fc.constantFrom('1', 'x y', 'q"', null),
  domain: domainKey, domainSpecified: fc.boolean(), path: fc.constantFrom('/', '/a', '/a/', '/a/b', '/b', '', '/A'), pathSpecified: fc.boolean(),
  secure: fc.constantFrom(false, false, true), port: fc.constantFrom(null, null, null, '80', '8080', '80,8080'), expires: fc.constantFrom(null, null, Math.floor(T) - 5, Math.floor(T) + 5, Math.floor(T)),
}).map((c) => new Cookie({ ...c, portSpecified: c.port !== null, domainInitialDot: c.domain.startsWith('.'), discard: false, comment: null, commentUrl: null }));
const urlArb = fc.record({
  scheme: fc.constantFrom('http', 'https'), host: fc.oneof(fc.constantFrom('www.acme.com', 'a.b.acme.com'), fc.constantFrom(...HOSTS), fc.constantFrom('WWW.ACME.COM', 'acme.com.', 'b.acme.com', 'q.foo.local', 'localhost.local', '')),
  port: fc.constantFrom('', ':80', ':8080'), path: fc.constantFrom('/', '/a', '/a/b', '/b/c', '', '/A/'),
}).map((u) => `${u.scheme}://${u.host}${u.port}${u.path}`);
// Any string of code points, lone surrogates included. Built at load, not in a test: fast-check
// builds its table of every code point on the first binary-string arbitrary of a process (2.5 s
// on a loaded machine), which counted against the timeout of the one test that asked first.
const binaryHeader = fc.string({ unit: 'binary', maxLength: 60 });
const policyArb = fc.record({
  rfc2965: fc.boolean(), netscape: fc.constantFrom(true, true, true, false), hideCookie2: fc.boolean(),
  strictNsDomain: fc.constantFrom(0, 0, 0, 1, 2, 3, 4, 5, 6, 7),
  blockedDomains: fc.constantFrom([], [], [], ['.acme.com'], ['www.acme.com', '192.168.1.1'], ['other.org']),
  allowedDomains: fc.constantFrom(null, null, null, ['.acme.com', 'acme.com'], ['localhost.local', '.other.org']),
  strictNsUnverifiable: fc.boolean(),
});

/** DefaultCookiePolicy with a domainReturnOk of its own: the jar must then walk every domain, as Python does. */
class WalkEverything extends DefaultCookiePolicy {
  override domainReturnOk(domain: string, request: CookieRequest): boolean {
    return super.domainReturnOk(domain, request);
  }
}

describe('properties', () => {
  it('the domain index gives the same Cookie and Cookie2 headers and jar as the full walk', () => {
    let multiCookieHeaders = 0;
    fc.assert(fc.property(fc.array(cookieArb, { minLength: 10, maxLength: 40, size: 'max' }), fc.array(urlArb, { minLength: 1, maxLength: 4 }), policyArb, fc.boolean(),
      (cookies, urls, options, unverifiable) => {
        const indexed = new CookieJar(new DefaultCookiePolicy(options), { now: () => T });
        const walked = new CookieJar(new WalkEverything(options), { now: () => T });
        for (const [i, generated] of cookies.entries()) {
          // A copy with a value of its own, to tell the cookies apart in the header.
          const c = new Cookie({ ...generated.toJSON(), value: generated.value === null ? null : `${generated.value}${i}` });
          indexed.setCookie(c);
          walked.setCookie(c);
        }
        for (const url of urls) {
          const a = new CookieRequest(url, { unverifiable, originReqHost: 'www.acme.com' });
          const b = new CookieRequest(url, { unverifiable, originReqHost: 'www.acme.com' });
          indexed.addCookieHeader(a);
          walked.addCookieHeader(b);
          expect(a.headerItems()).toEqual(b.headerItems());
          if ((a.getHeader('Cookie') ?? '').includes(';')) multiCookieHeaders++;
          const sent = indexed.explainCookieHeader(new CookieRequest(url, { unverifiable, originReqHost: 'www.acme.com' }))
            .filter((d) => d.accepted).map((d) => d.cookie);
          expect(new Set(sent)).toEqual(new Set(walkedSent(walked, url, unverifiable)));
        }
        expect([...indexed]).toEqual([...walked]);
      }), { numRuns: 400 });
    expect(multiCookieHeaders).toBeGreaterThan(30); // the property saw headers whose order could go wrong
  });

  it('the domain index stays the full walk\'s after clearing domains, paths and cookies and storing again', () => {
    const clearing = fc.array(fc.tuple(fc.constantFrom(1, 2, 3), fc.nat(), fc.boolean()), { maxLength: 8 });
    fc.assert(fc.property(fc.array(cookieArb, { minLength: 5, maxLength: 30 }), clearing, fc.array(urlArb, { minLength: 1, maxLength: 3 }),
      (cookies, clears, urls) => {
        const indexed = new CookieJar(new DefaultCookiePolicy(), { now: () => T });
        const walked = new CookieJar(new WalkEverything(), { now: () => T });
        const check = (): void => {
          for (const url of urls) {
            const a = new CookieRequest(url);
            const b = new CookieRequest(url);
            indexed.addCookieHeader(a);
            walked.addCookieHeader(b);
            expect(a.headerItems()).toEqual(b.headerItems());
          }
        };
        // What the jar should hold, kept by hand: cookies by domain, path and name.
        const model = new Map<string, Cookie>();
        const keyOf = (domain: string, path: string, name?: string): string => JSON.stringify(name === undefined ? [domain, path] : [domain, path, name]);
        for (const c of cookies) {
          indexed.setCookie(c);
          walked.setCookie(c);
          model.set(keyOf(c.domain, c.path, c.name), c);
        }
        check();
        for (const [how, pick, storeAgain] of clears) {
          const stored = [...indexed];
          const c = stored[pick % Math.max(1, stored.length)];
          if (c === undefined) break;
          for (const jar of [indexed, walked]) {
            if (how === 1) jar.clear(c.domain);
            else if (how === 2) jar.clear(c.domain, c.path);
            else jar.clear(c.domain, c.path, c.name);
            if (storeAgain) jar.setCookie(c);
          }
          for (const [key, stored] of [...model]) {
            const gone = how === 1 ? stored.domain === c.domain : how === 2 ? key.startsWith(keyOf(c.domain, c.path).slice(0, -1)) : key === keyOf(c.domain, c.path, c.name);
            if (gone) model.delete(key);
          }
          if (storeAgain) model.set(keyOf(c.domain, c.path, c.name), c);
          check();
          // addCookieHeader discards expired cookies.
          for (const [key, stored] of [...model]) if (stored.isExpired(T)) model.delete(key);
          expect(new Set(indexed)).toEqual(new Set(model.values()));
          expect(indexed.size).toBe(model.size);
        }
        expect([...indexed]).toEqual([...walked]);
      }), { numRuns: 300 });
  });

  it('the domain index sees every change to a stored cookie, as Python reads its fields on each request', () => {
    // Mostly plain Netscape cookies (what the index keeps ready-made) of the requests' hosts, and
    // any change to any field.
    const plainish = fc.record({
      version: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, 0, 1), name: fc.constantFrom('a', 'b', 'c', 'sid'), value: fc.constantFrom('1', '2', null),
      domain: fc.constantFrom('www.acme.com', '.acme.com', 'acme.com', '.www.acme.com'), domainSpecified: fc.boolean(),
      path: fc.constantFrom('/', '/a', '/a/b'), secure: fc.constantFrom(false, false, false, true), port: fc.constantFrom(null, null, null, null, null, null, null, null, null, '80'),
      expires: fc.constantFrom(null, null, null, Math.floor(T) + 3, Math.floor(T) + 100),
    }).map((c) => new Cookie({ ...c, pathSpecified: true, portSpecified: c.port !== null, domainInitialDot: c.domain.startsWith('.'), discard: false, comment: null, commentUrl: null }));
    const plainUrls = fc.array(fc.constantFrom('http://www.acme.com/a/b', 'https://www.acme.com/a', 'http://acme.com/', 'http://www.acme.com:8080/a/b/c', 'http://x.www.acme.com/'), { minLength: 2, maxLength: 4 });
    const changes: Record<string, readonly unknown[]> = {
      version: [0, 1, null], name: ['a', 'b', 'zz', ''], value: ['1', 'new', 'x y', null],
      domain: ['www.acme.com', '.acme.com', 'acme.com', '.b.acme.com', 'other.org', '', '.local'], path: ['/', '/a', '/a/b', '/b', ''],
      expires: [null, Math.floor(T) - 5, Math.floor(T) + 5, Math.floor(T) + 100], secure: [true, false], port: [null, '80', '8080', ''],
      domainSpecified: [true, false], pathSpecified: [true, false], domainInitialDot: [true, false], portSpecified: [true, false],
    };
    const step = fc.oneof(
      fc.tuple(fc.constant('change'), fc.nat(), fc.constantFrom(...Object.keys(changes)), fc.nat()),
      fc.tuple(fc.constant('tick'), fc.nat({ max: 10 }), fc.constant(''), fc.constant(0)),
    );
    let changedHeaders = 0;
    fc.assert(fc.property(fc.array(plainish, { minLength: 3, maxLength: 12 }), plainUrls, fc.array(step, { minLength: 1, maxLength: 12 }),
      fc.oneof(fc.constant({}), fc.constant({ strictNsDomain: DefaultCookiePolicy.DomainStrictNonDomain }), policyArb),
      (cookies, urls, steps, options) => {
        let now = T;
        const indexed = new CookieJar(new DefaultCookiePolicy(options), { now: () => now });
        const walked = new CookieJar(new WalkEverything(options), { now: () => now });
        for (const c of cookies) {
          indexed.setCookie(c);
          walked.setCookie(c);
        }
        const headers = (): unknown[] => urls.map((url) => {
          const a = new CookieRequest(url, { originReqHost: 'www.acme.com' });
          const b = new CookieRequest(url, { originReqHost: 'www.acme.com' });
          indexed.addCookieHeader(a);
          walked.addCookieHeader(b);
          expect(a.headerItems()).toEqual(b.headerItems());
          return a.headerItems();
        });
        let before = headers();
        for (const [what, pick, field, choice] of steps) {
          if (what === 'tick') now += pick;
          else {
            const stored = [...indexed];
            const cookie = stored[pick % Math.max(1, stored.length)];
            const values = changes[field] ?? [];
            if (cookie !== undefined) Reflect.set(cookie, field, values[choice % values.length]);
          }
          const after = headers();
          if (JSON.stringify(after) !== JSON.stringify(before)) changedHeaders++;
          before = after;
          expect([...indexed]).toEqual([...walked]);
        }
      }), { numRuns: 400 });
    expect(changedHeaders).toBeGreaterThan(30); // the changes did change what is sent
  });

  it('clearExpiredCookies removes exactly the expired cookies, however the heap was built', () => {
    const step = fc.tuple(fc.constantFrom('set', 'sweep', 'mutate'), fc.nat({ max: 40 }), fc.integer({ min: -20, max: 20 }));
    fc.assert(fc.property(fc.array(fc.tuple(cookieArb, fc.integer({ min: -20, max: 20 })), { maxLength: 40 }), fc.array(step, { maxLength: 30 }),
      (cookies, steps) => {
        let now = T;
        const jar = new CookieJar(new DefaultCookiePolicy(), { now: () => now });
        const all = cookies.map(([c, offset]) => new Cookie({ ...c.toJSON(), expires: offset === 0 ? null : Math.floor(T) + offset }));
        let stored = 0;
        for (const [what, pick, delta] of steps) {
          const c = all[pick % Math.max(1, all.length)];
          if (what === 'set' && c !== undefined) jar.setCookie(all[stored++ % all.length] ?? c);
          // Any change, as Python allows: earlier, later, a session cookie given an expiry and back.
          else if (what === 'mutate' && c !== undefined) c.expires = delta === 0 ? null : Math.floor(now) + delta;
          else if (what === 'sweep') {
            now += Math.abs(delta) / 4;
            const expected = [...jar].filter((cookie) => !cookie.isExpired(now));
            jar.clearExpiredCookies();
            expect([...jar]).toEqual(expected);
          }
        }
      }), { numRuns: 300 });
  });

  it('extractCookies never throws and decides every cookie line, whatever the headers', () => {
    const line = fc.tuple(fc.constantFrom('Set-Cookie', 'Set-Cookie2', 'set-cookie', 'X-Other'), fc.oneof(
      binaryHeader,
      fc.array(fc.oneof(fc.constantFrom('a=1', ';', ',', '=', '"', '\\', 'max-age', 'max-age=x', 'expires', 'domain', 'domain=.', 'path', 'port', 'port=x',
        'version', 'Version=1', 'secure', ' ', '\t', '\u0000', 'é', '\ud800', 'expires=Wed, 09 Jun 2021 10:18:14 GMT', 'max-age=-1', 'max-age=99999999999999999999999'),
      fc.string({ maxLength: 5 })), { maxLength: 12 }).map((parts) => parts.join('')),
    ));
    fc.assert(fc.property(fc.array(line, { maxLength: 6 }), policyArb, urlArb, (headers, options, url) => {
      const jar = new CookieJar(new DefaultCookiePolicy(options), { now: () => T });
      jar.setCookie(new Cookie({ version: 0, name: 'a', value: '0', port: null, portSpecified: false, domain: 'www.acme.com', domainSpecified: false,
        domainInitialDot: false, path: '/', pathSpecified: false, secure: false, expires: null, discard: false, comment: null, commentUrl: null }));
      const decisions = jar.extractCookies({ headers }, new CookieRequest(url));
      const cookieLines = headers.filter(([name]) => name.toLowerCase() !== 'x-other');
      for (const [, value] of cookieLines) expect(decisions.some((d) => d.header === value)).toBe(true);
      for (const d of decisions) expect(d.accepted || (typeof d.rule === 'string' && typeof d.reason === 'string')).toBe(true);
      const request = new CookieRequest(url);
      jar.addCookieHeader(request);
    }), { numRuns: 500 });
  });
});

function walkedSent(jar: CookieJar, url: string, unverifiable: boolean): Cookie[] {
  const request = new CookieRequest(url, { unverifiable, originReqHost: 'www.acme.com' });
  return jar.explainCookieHeader(request).filter((d) => d.accepted).map((d) => d.cookie);
}
