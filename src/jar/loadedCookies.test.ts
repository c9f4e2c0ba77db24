// A Mozilla load reads and checks the whole file, then builds each domain's cookies when that
// domain is first read (CookieJar.addLoaded). These tests hold it to what setting every cookie at
// once (Python's _really_load calling set_cookie per line) gives: a jar whose setCookie is
// overridden takes that path, so the two are compared on the same operations.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Cookie } from './cookie';
import { CookieRequest } from './request';
import { MozillaCookieJar } from './mozilla';

const NOW = 1_800_000_000;

/** A jar that loads the way Python does, one setCookie per cookie (its setCookie is its own). */
class EagerJar extends MozillaCookieJar {
  override setCookie(cookie: Cookie): void {
    super.setCookie(cookie);
  }
}

const HEADER = '# Netscape HTTP Cookie File\n';

const line = fc.oneof(
  { weight: 12, arbitrary: fc.record({
    host: fc.constantFrom('example.com', 'www.example.com', 'WWW.Example.com', 'a.example.com', 'other.org', 'localhost'),
    dot: fc.boolean(),
    path: fc.constantFrom('/', '/a', '/a/b', '/A'),
    secure: fc.boolean(),
    expires: fc.constantFrom('', '0', String(NOW + 3600), String(NOW - 10), `${NOW + 60}.9`, '2e9'),
    name: fc.constantFrom('a', 'b', 'SID', ''),
    value: fc.constantFrom('1', '2', 'x y', ''),
    httpOnly: fc.boolean(),
  }).map((c) => `${c.httpOnly ? '#HttpOnly_' : ''}${c.dot ? '.' : ''}${c.host}\t${c.dot ? 'TRUE' : 'FALSE'}\t${c.path}\t${c.secure ? 'TRUE' : 'FALSE'}\t${c.expires}\t${c.name}\t${c.value}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '# a comment', '   ', '$ skipped') },
);

const file = fc.array(line, { maxLength: 12 }).map((lines) => HEADER + lines.join('\n') + '\n');

const operation = fc.oneof(
  fc.record({ kind: fc.constant('load' as const), text: file, ignoreDiscard: fc.boolean(), ignoreExpires: fc.boolean() }),
  fc.record({ kind: fc.constant('header' as const), url: fc.constantFrom('http://www.example.com/a/b', 'https://a.example.com/', 'http://other.org/A', 'http://localhost/') }),
  fc.record({ kind: fc.constant('domain' as const), domain: fc.constantFrom('example.com', '.example.com', 'www.example.com', 'other.org') }),
  fc.record({ kind: fc.constant('set' as const), domain: fc.constantFrom('.example.com', 'www.example.com', 'other.org'), path: fc.constantFrom('/', '/a'), name: fc.constantFrom('a', 'SID', 'new') }),
  fc.record({ kind: fc.constant('clear' as const), domain: fc.constantFrom(undefined, '.example.com', 'www.example.com', 'other.org'), path: fc.constantFrom(undefined, '/', '/a'), name: fc.constantFrom(undefined, 'a', 'SID') }),
  fc.constantFrom({ kind: 'size' as const }, { kind: 'expired' as const }, { kind: 'session' as const }),
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

/** What the operation lets one see of the jar (each reads only what it needs: a lazy jar builds no more). */
function apply(jar: MozillaCookieJar, op: Operation): unknown {
  switch (op.kind) {
    case 'load':
      jar.loadText(op.text, { ignoreDiscard: op.ignoreDiscard, ignoreExpires: op.ignoreExpires });
      return 'loaded';
    case 'header': {
      const request = new CookieRequest(op.url);
      jar.addCookieHeader(request);
      return request.getHeader('Cookie') ?? null;
    }
    case 'domain': {
      const byPath = jar.cookieTree().get(op.domain);
      return byPath === undefined ? null : [...byPath].map(([path, byName]) => [path, [...byName.values()].map((c) => c.toJSON())]);
    }
    case 'set':
      jar.setCookie(new Cookie({
        version: 0, name: op.name, value: 'set', port: null, portSpecified: false, domain: op.domain, domainSpecified: op.domain.startsWith('.'),
        domainInitialDot: op.domain.startsWith('.'), path: op.path, pathSpecified: true, secure: false, expires: NOW + 100, discard: false,
        comment: null, commentUrl: null,
      }));
      return 'set';
    case 'clear':
      try {
        jar.clear(op.domain, op.domain === undefined ? undefined : op.path, op.domain === undefined || op.path === undefined ? undefined : op.name);
        return 'cleared';
      } catch (error) {
        return (error as Error).name;
      }
    case 'size':
      return jar.size;
    case 'expired':
      jar.clearExpiredCookies();
      return 'swept';
    case 'session':
      jar.clearSessionCookies();
      return 'swept';
  }
}

const state = (jar: MozillaCookieJar) => ({
  size: jar.size,
  cookies: [...jar].map((c) => c.toJSON()),
  keys: [...jar.cookieTree()].map(([domain, byPath]) => [domain, [...byPath.keys()]]),
  saved: jar.saveText({ ignoreDiscard: true, ignoreExpires: true }),
});

describe('a Mozilla load builds its cookies on first use, as if it had set each at once', () => {
  it('any sequence of loads, requests, reads, sets, clears and sweeps gives what the eager load gives', () => {
    fc.assert(fc.property(fc.array(operation, { minLength: 1, maxLength: 10 }), (ops) => {
      const lazy = new MozillaCookieJar(null, { now: () => NOW });
      const eager = new EagerJar(null, { now: () => NOW });
      const seen = ops.map((op) => [apply(lazy, op), apply(eager, op)]);
      for (const [fromLazy, fromEager] of seen) expect(fromLazy).toEqual(fromEager);
      expect(state(lazy)).toEqual(state(eager));
    }), { numRuns: 1000 });
  });

  it('a cookie set after a load, on the domain and path set just before it, comes after the file\'s cookies', () => {
    const jar = new MozillaCookieJar(null, { now: () => NOW });
    const set = (name: string) => { jar.setCookie(new Cookie({
      version: 0, name, value: 'set', port: null, portSpecified: false, domain: '.example.com', domainSpecified: true, domainInitialDot: true,
      path: '/', pathSpecified: true, secure: false, expires: null, discard: true, comment: null, commentUrl: null,
    })); };
    set('before');
    jar.loadText(`${HEADER}.example.com\tTRUE\t/\tFALSE\t\tloaded\t1\n`, { ignoreDiscard: true });
    set('after');
    expect([...jar].map((c) => c.name)).toEqual(['before', 'loaded', 'after']);
  });

  it('a request after a second load sends the cookies of both loads', () => {
    const jar = new MozillaCookieJar(null, { now: () => NOW });
    const header = () => {
      const request = new CookieRequest('http://www.example.com/');
      jar.addCookieHeader(request);
      return request.getHeader('Cookie');
    };
    jar.loadText(`${HEADER}.example.com\tTRUE\t/\tFALSE\t\ta\t1\n`, { ignoreDiscard: true });
    expect(header()).toBe('a=1');
    jar.loadText(`${HEADER}.example.com\tTRUE\t/\tFALSE\t\tb\t2\n`, { ignoreDiscard: true });
    expect(header()).toBe('a=1; b=2');
  });

  it('counts a cookie the file lists twice once, the later line replacing the earlier in its place', () => {
    const jar = new MozillaCookieJar(null, { now: () => NOW });
    jar.loadText(`${HEADER}.example.com\tTRUE\t/\tFALSE\t\ta\t1\nwww.example.com\tFALSE\t/\tFALSE\t\tb\t2\n.example.com\tTRUE\t/\tFALSE\t\tc\t3\n.example.com\tTRUE\t/\tFALSE\t\ta\t4\n`, { ignoreDiscard: true });
    expect(jar.size).toBe(3);
    expect([...jar].map((c) => `${c.domain} ${c.name}=${c.value}`)).toEqual(['.example.com a=4', '.example.com c=3', 'www.example.com b=2']);
  });

  it('puts a file\'s cookies after the ones a domain already has, even when the domain is read only later', () => {
    const jar = new MozillaCookieJar(null, { now: () => NOW });
    jar.loadText(`${HEADER}.example.com\tTRUE\t/\tFALSE\t\ta\t1\n`, { ignoreDiscard: true });
    jar.loadText(`${HEADER}.example.com\tTRUE\t/b\tFALSE\t\tb\t2\n.example.com\tTRUE\t/\tFALSE\t\ta\t3\n`, { ignoreDiscard: true });
    expect([...jar.cookieTree().get('.example.com')?.entries() ?? []].map(([path, byName]) => `${path}: ${[...byName.values()].map((c) => c.value).join(',')}`))
      .toEqual(['/: 3', '/b: 2']);
    expect(jar.size).toBe(2);
  });

  it('a bad line refuses the whole load and leaves the jar and its unbuilt cookies as they were', () => {
    const jar = new MozillaCookieJar(null, { now: () => NOW });
    jar.loadText(`${HEADER}.example.com\tTRUE\t/\tFALSE\t\ta\t1\n`, { ignoreDiscard: true });
    expect(() => { jar.loadText(`${HEADER}.example.com\tTRUE\t/\tFALSE\t\tb\t2\nbad line\n`, { ignoreDiscard: true }); }).toThrow(/line 3/);
    expect([...jar].map((c) => `${c.name}=${c.value}`)).toEqual(['a=1']);
  });
});
