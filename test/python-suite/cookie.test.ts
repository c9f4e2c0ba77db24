// Port of CPython 3.11 Lib/test/test_http_cookiejar.py, class CookieTests.
// Python's `jar._cookies[domain][path][name]` becomes getCookie/findCookie (a search of the jar's
// iteration), `len(jar)` becomes `jar.size`, `repr(jar)` becomes jarRepr (every attribute of every
// cookie, in order).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Cookie, CookieJar, CookieRequest, DefaultCookiePolicy, domainMatch, escapePath, isHdn, lwpCookieStr,
  parseNsHeaders, reach, requestHost, requestPath, requestPort, time2netscape, userDomainMatch,
} from '../../src/jar/index';
import {
  DEFAULT_HTTP_PORT, fakeResponse, findCookie, getCookie, hasPath, interact2965, interactNetscape, jarRepr,
  namesAt,
} from './helpers';
import { makeMozillaJar, withTempDir } from './fileHelpers';

function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('expected at least one item');
  return item;
}

const nowSeconds = (): number => Date.now() / 1000;

describe('CookieTests', () => {
  // test optimization: .domain_return_ok() should filter out most domains in the CookieJar before we
  // try to access them. This is only a rough check, so it's sufficiently liberal.
  it.each([
    { url: 'http://foo.bar.com/', domain: 'blah.com', ok: false },
    { url: 'http://foo.bar.com/', domain: 'rhubarb.blah.com', ok: false },
    { url: 'http://foo.bar.com/', domain: 'rhubarb.foo.bar.com', ok: false },
    { url: 'http://foo.bar.com/', domain: '.foo.bar.com', ok: true },
    { url: 'http://foo.bar.com/', domain: 'foo.bar.com', ok: true },
    { url: 'http://foo.bar.com/', domain: '.bar.com', ok: true },
    { url: 'http://foo.bar.com/', domain: 'bar.com', ok: true },
    { url: 'http://foo.bar.com/', domain: 'com', ok: true },
    { url: 'http://foo.com/', domain: 'rhubarb.foo.com', ok: false },
    { url: 'http://foo.com/', domain: '.foo.com', ok: true },
    { url: 'http://foo.com/', domain: 'foo.com', ok: true },
    { url: 'http://foo.com/', domain: 'com', ok: true },
    { url: 'http://foo/', domain: 'rhubarb.foo', ok: false },
    { url: 'http://foo/', domain: '.foo', ok: true },
    { url: 'http://foo/', domain: 'foo', ok: true },
    { url: 'http://foo/', domain: 'foo.local', ok: true },
    { url: 'http://foo/', domain: '.local', ok: true },
    { url: 'http://barfoo.com', domain: '.foo.com', ok: false },
    { url: 'http://barfoo.com', domain: 'foo.com', ok: false },
  ])('test_domain_return_ok: $url $domain', ({ url, domain, ok }) => {
    const pol = new DefaultCookiePolicy();
    expect(pol.domainReturnOk(domain, new CookieRequest(url))).toBe(ok);
  });

  // missing = sign in Cookie: header is regarded by Mozilla as a missing name, and by http.cookiejar
  // as a missing value
  it('test_missing_value', async () => {
    await withTempDir(async (dir) => {
      const filename = `${dir}/cookies.txt`;
      let c = makeMozillaJar({ filename });
      interactNetscape(c, 'http://www.acme.com/', 'eggs');
      interactNetscape(c, 'http://www.acme.com/', '"spam"; path=/foo/');
      let cookie = getCookie(c, 'www.acme.com', '/', 'eggs');
      expect(cookie.value).toBeNull();
      expect(cookie.name).toBe('eggs');
      cookie = getCookie(c, 'www.acme.com', '/foo/', '"spam"');
      expect(cookie.value).toBeNull();
      expect(cookie.name).toBe('"spam"');
      expect(lwpCookieStr(cookie)).toBe('"spam"; path="/foo/"; domain="www.acme.com"; path_spec; discard; version=0');
      const old = jarRepr(c);
      await c.save(undefined, { ignoreExpires: true, ignoreDiscard: true });
      c = makeMozillaJar({ filename });
      await c.revert(undefined, { ignoreExpires: true, ignoreDiscard: true });
      // cookies unchanged apart from lost info re. whether path was specified
      expect(jarRepr(c)).toEqual(old.map((attrs) => ({ ...attrs, pathSpecified: false })));
      expect(interactNetscape(c, 'http://www.acme.com/foo/')).toBe('"spam"; eggs');
    });
  });

  // RFC 2109 cookies are handled as RFC 2965 or Netscape cookies, dependent on policy settings
  it.each([
    // default according to rfc2965 if not explicitly specified
    { rfc2109AsNetscape: null, rfc2965: false, version: 0 },
    { rfc2109AsNetscape: null, rfc2965: true, version: 1 },
    // explicit rfc2109_as_netscape
    { rfc2109AsNetscape: false, rfc2965: false, version: null }, // version null here means no cookie stored
    { rfc2109AsNetscape: false, rfc2965: true, version: 1 },
    { rfc2109AsNetscape: true, rfc2965: false, version: 0 },
    { rfc2109AsNetscape: true, rfc2965: true, version: 0 },
  ])('test_rfc2109_handling: rfc2109_as_netscape=$rfc2109AsNetscape rfc2965=$rfc2965', ({ rfc2109AsNetscape, rfc2965, version }) => {
    const policy = new DefaultCookiePolicy({ rfc2109AsNetscape, rfc2965 });
    const c = new CookieJar(policy);
    interactNetscape(c, 'http://www.example.com/', 'ni=ni; Version=1');
    const cookie = findCookie(c, 'www.example.com', '/', 'ni');
    if (cookie === undefined) {
      expect(version).toBeNull(); // didn't expect a stored cookie
    } else {
      expect(cookie.version).toBe(version);
      // 2965 cookies are unaffected
      interact2965(c, 'http://www.example.com/', 'foo=bar; Version=1');
      if (rfc2965) {
        expect(getCookie(c, 'www.example.com', '/', 'foo').version).toBe(1);
      }
    }
  });

  it('test_ns_parser', () => {
    const c = new CookieJar();
    interactNetscape(c, 'http://www.acme.com/', 'spam=eggs; DoMain=.acme.com; port; blArgh="feep"');
    interactNetscape(c, 'http://www.acme.com/', 'ni=ni; port=80,8080');
    interactNetscape(c, 'http://www.acme.com:80/', 'nini=ni');
    interactNetscape(c, 'http://www.acme.com:80/', 'foo=bar; expires=');
    interactNetscape(c, 'http://www.acme.com:80/', 'spam=eggs; expires="Foo Bar 25 33:22:11 3022"');
    interactNetscape(c, 'http://www.acme.com/', 'fortytwo=');
    interactNetscape(c, 'http://www.acme.com/', '=unladenswallow');
    interactNetscape(c, 'http://www.acme.com/', 'holyhandgrenade');

    let cookie = getCookie(c, '.acme.com', '/', 'spam');
    expect(cookie.domain).toBe('.acme.com');
    expect(cookie.domainSpecified).toBe(true);
    expect(cookie.port).toBe(DEFAULT_HTTP_PORT);
    expect(cookie.portSpecified).toBe(false);
    // case is preserved
    expect(cookie.hasNonstandardAttr('blArgh')).toBe(true);
    expect(cookie.hasNonstandardAttr('blargh')).toBe(false);

    cookie = getCookie(c, 'www.acme.com', '/', 'ni');
    expect(cookie.domain).toBe('www.acme.com');
    expect(cookie.domainSpecified).toBe(false);
    expect(cookie.port).toBe('80,8080');
    expect(cookie.portSpecified).toBe(true);

    cookie = getCookie(c, 'www.acme.com', '/', 'nini');
    expect(cookie.port).toBeNull();
    expect(cookie.portSpecified).toBe(false);

    // invalid expires should not cause cookie to be dropped
    const foo = getCookie(c, 'www.acme.com', '/', 'foo');
    const spam = getCookie(c, 'www.acme.com', '/', 'foo'); // sic: Python's test looks up "foo" twice
    expect(foo.expires).toBeNull();
    expect(spam.expires).toBeNull();

    cookie = getCookie(c, 'www.acme.com', '/', 'fortytwo');
    expect(cookie.value).not.toBeNull();
    expect(cookie.value).toBe('');

    // there should be a distinction between a present but empty value (above) and a value that's
    // entirely missing (below)
    cookie = getCookie(c, 'www.acme.com', '/', 'holyhandgrenade');
    expect(cookie.value).toBeNull();
  });

  // names such as 'expires' are not special in first name=value pair of Set-Cookie: header
  it('test_ns_parser_special_names', () => {
    const c = new CookieJar();
    interactNetscape(c, 'http://www.acme.com/', 'expires=eggs');
    interactNetscape(c, 'http://www.acme.com/', 'version=eggs; spam=eggs');
    const cookies = namesAt(c, 'www.acme.com', '/');
    expect(cookies).toContain('expires');
    expect(cookies).toContain('version');
  });

  // Python also asserts that make_cookies emits no warnings (warnings_helper.check_no_warnings):
  // we have no warnings machinery.
  it('test_expires', () => {
    // if expires is in future, keep cookie...
    const c = new CookieJar();
    const future = time2netscape(nowSeconds() + 3600);

    const req = new CookieRequest('http://www.coyote.com/');
    const res = fakeResponse([`Set-Cookie: FOO=BAR; path=/; expires=${future}`]);
    const cookies = c.makeCookies(res, req);
    expect(cookies).toHaveLength(1);
    const expires = first(cookies).expires;
    expect(expires).not.toBeNull();
    expect(time2netscape(expires ?? Number.NaN)).toBe(future);

    interactNetscape(c, 'http://www.acme.com/', `spam="bar"; expires=${future}`);
    expect(c.size).toBe(1);
    const now = time2netscape(nowSeconds() - 1);
    // ... and if in past or present, discard it
    interactNetscape(c, 'http://www.acme.com/', `foo="eggs"; expires=${now}`);
    let h = interactNetscape(c, 'http://www.acme.com/');
    expect(c.size).toBe(1);
    expect(h).toContain('spam="bar"');
    expect(h).not.toContain('foo');

    // max-age takes precedence over expires, and zero max-age is request to delete both new cookie
    // and any old matching cookie
    interactNetscape(c, 'http://www.acme.com/', `eggs="bar"; expires=${future}`);
    interactNetscape(c, 'http://www.acme.com/', `bar="bar"; expires=${future}`);
    expect(c.size).toBe(3);
    interactNetscape(c, 'http://www.acme.com/', `eggs="bar"; expires=${future}; max-age=0`);
    interactNetscape(c, 'http://www.acme.com/', `bar="bar"; max-age=0; expires=${future}`);
    h = interactNetscape(c, 'http://www.acme.com/');
    expect(c.size).toBe(1);

    // test expiry at end of session for cookies with no expires attribute
    interactNetscape(c, 'http://www.rhubarb.net/', 'whum="fizz"');
    expect(c.size).toBe(2);
    c.clearSessionCookies();
    expect(c.size).toBe(1);
    expect(h).toContain('spam="bar"');

    // test if fractional expiry is accepted (Python passes the string "1444312383.018307"; our
    // Cookie takes a number, so the number is what we pass)
    const cookie = new Cookie({
      version: 0, name: 'name', value: 'value', port: null, portSpecified: false, domain: 'www.python.org',
      domainSpecified: true, domainInitialDot: false, path: '/', pathSpecified: false, secure: false,
      expires: 1444312383.018307, discard: false, comment: null, commentUrl: null, rest: {},
    });
    expect(cookie.expires).toBe(1444312383);
  });

  it.each([
    // RFC 2965
    { kind: '2965', url: 'http://www.acme.com/', header: 'spam="bar"; Version="1"', path: '/' },
    { kind: '2965', url: 'http://www.acme.com/blah', header: 'eggs="bar"; Version="1"', path: '/' },
    { kind: '2965', url: 'http://www.acme.com/blah/rhubarb', header: 'eggs="bar"; Version="1"', path: '/blah/' },
    { kind: '2965', url: 'http://www.acme.com/blah/rhubarb/', header: 'eggs="bar"; Version="1"', path: '/blah/rhubarb/' },
    // Netscape
    { kind: 'netscape', url: 'http://www.acme.com/', header: 'spam="bar"', path: '/' },
    { kind: 'netscape', url: 'http://www.acme.com/blah', header: 'eggs="bar"', path: '/' },
    { kind: 'netscape', url: 'http://www.acme.com/blah/rhubarb', header: 'eggs="bar"', path: '/blah' },
    { kind: 'netscape', url: 'http://www.acme.com/blah/rhubarb/', header: 'eggs="bar"', path: '/blah/rhubarb' },
  ])('test_default_path: $kind $url', ({ kind, url, header, path }) => {
    if (kind === '2965') {
      const c = new CookieJar(new DefaultCookiePolicy({ rfc2965: true }));
      interact2965(c, url, header);
      expect(hasPath(c, 'www.acme.com', path)).toBe(true);
    } else {
      const c = new CookieJar();
      interactNetscape(c, url, header);
      expect(hasPath(c, 'www.acme.com', path)).toBe(true);
    }
  });

  it('test_default_path_with_query', () => {
    const cj = new CookieJar();
    const uri = 'http://example.com/?spam/eggs';
    const value = 'eggs="bar"';
    interactNetscape(cj, uri, value);
    // Default path does not include query, so is "/", not "/?spam".
    expect(hasPath(cj, 'example.com', '/')).toBe(true);
    // Cookie is sent back to the same URI.
    expect(interactNetscape(cj, uri)).toBe(value);
  });

  it.each([
    // quoted safe
    { arg: '/foo%2f/bar', result: '/foo%2F/bar' },
    { arg: '/foo%2F/bar', result: '/foo%2F/bar' },
    // quoted %
    { arg: '/foo%%/bar', result: '/foo%%/bar' },
    // quoted unsafe
    { arg: '/fo%19o/bar', result: '/fo%19o/bar' },
    { arg: '/fo%7do/bar', result: '/fo%7Do/bar' },
    // unquoted safe
    { arg: '/foo/bar&', result: '/foo/bar&' },
    { arg: '/foo//bar', result: '/foo//bar' },
    { arg: '\x7e/foo/bar', result: '\x7e/foo/bar' },
    // unquoted unsafe
    { arg: '/foo\x19/bar', result: '/foo%19/bar' },
    { arg: '/\x7dfoo/bar', result: '/%7Dfoo/bar' },
    // unicode, latin-1 range
    { arg: '/foo/bar\u00fc', result: '/foo/bar%C3%BC' }, // UTF-8 encoded
    // unicode
    { arg: '/foo/bar\uabcd', result: '/foo/bar%EA%AF%8D' }, // UTF-8 encoded
  ])('test_escape_path: $arg', ({ arg, result }) => {
    expect(escapePath(arg)).toBe(result);
  });

  it.each([
    // with parameters
    { url: 'http://www.example.com/rheum/rhaponticum;foo=bar;sing=song?apples=pears&spam=eggs#ni', path: '/rheum/rhaponticum;foo=bar;sing=song' },
    // without parameters
    { url: 'http://www.example.com/rheum/rhaponticum?apples=pears&spam=eggs#ni', path: '/rheum/rhaponticum' },
    // missing final slash
    { url: 'http://www.example.com', path: '/' },
  ])('test_request_path: $url', ({ url, path }) => {
    expect(requestPath(new CookieRequest(url))).toBe(path);
  });

  describe('test_path_prefix_match', () => {
    // One jar for the whole table, as in Python's loop: each case also sends a request through it.
    const baseUrl = 'http://bar.com';
    let c: CookieJar;
    let strictNsPathPol: DefaultCookiePolicy;
    beforeAll(() => {
      const pol = new DefaultCookiePolicy();
      strictNsPathPol = new DefaultCookiePolicy({ strictNsSetPath: true });
      c = new CookieJar(pol);
      interactNetscape(c, baseUrl, 'spam=eggs; Path=/foo');
    });

    it.each([
      { path: '/foo', ok: true },
      { path: '/foo/', ok: true },
      { path: '/foo/bar', ok: true },
      { path: '/', ok: false },
      { path: '/foobad/foo', ok: false },
    ])('test_path_prefix_match: $path', ({ path, ok }) => {
      const cookie = getCookie(c, 'bar.com', '/foo', 'spam');
      const url = `${baseUrl}${path}`;
      const req = new CookieRequest(url);
      const h = interactNetscape(c, url);
      if (ok) {
        expect(h, `cookie not set for ${path}`).toContain('spam=eggs');
      } else {
        expect(h, `cookie set for ${path}`).not.toContain('spam=eggs');
      }
      // Python's set_ok_path returns a bool; ours returns the refusal, or null when the path is OK.
      expect(strictNsPathPol.setOkPath(cookie, req) === null).toBe(ok);
    });
  });

  it.each([
    { url: 'http://www.acme.com:1234/', host: 'www.acme.com:4321', port: '1234' },
    { url: 'http://www.acme.com/', host: 'www.acme.com:4321', port: DEFAULT_HTTP_PORT },
  ])('test_request_port: $url', ({ url, host, port }) => {
    expect(requestPort(new CookieRequest(url, { headers: { Host: host } }))).toBe(port);
  });

  it.each([
    // this request is illegal (RFC2616, 14.2.3); libwww-perl wants "www.acme.com", but that seems
    // wrong (RFC 2616, section 5.2, point 1., and RFC 2965 section 1, paragraph 3)
    { url: 'http://1.1.1.1/', host: 'www.acme.com:80', expected: '1.1.1.1' },
    { url: 'http://www.acme.com/', host: 'irrelevant.com', expected: 'www.acme.com' },
    // port shouldn't be in request-host
    { url: 'http://www.acme.com:2345/resource.html', host: 'www.acme.com:5432', expected: 'www.acme.com' },
  ])('test_request_host: $url', ({ url, host, expected }) => {
    expect(requestHost(new CookieRequest(url, { headers: { Host: host } }))).toBe(expected);
  });

  it.each([
    { text: 'foo.bar.com', expected: true },
    { text: '1foo2.3bar4.5com', expected: true },
    { text: '192.168.1.1', expected: false },
    { text: '', expected: false },
    { text: '.', expected: false },
    { text: '.foo.bar.com', expected: false },
    { text: '..foo', expected: false },
    { text: 'foo.', expected: false },
  ])('test_is_HDN: $text', ({ text, expected }) => {
    expect(isHdn(text)).toBe(expected);
  });

  it.each([
    { host: 'www.acme.com', expected: '.acme.com' },
    { host: 'acme.com', expected: 'acme.com' },
    { host: 'acme.local', expected: '.local' },
    { host: '.local', expected: '.local' },
    { host: '.com', expected: '.com' },
    { host: '.', expected: '.' },
    { host: '', expected: '' },
    { host: '192.168.0.1', expected: '192.168.0.1' },
  ])('test_reach: $host', ({ host, expected }) => {
    expect(reach(host)).toBe(expected);
  });

  describe('test_domain_match', () => {
    it.each([
      { a: '192.168.1.1', b: '192.168.1.1', expected: true },
      { a: '192.168.1.1', b: '.168.1.1', expected: false },
      { a: 'x.y.com', b: 'x.Y.com', expected: true },
      { a: 'x.y.com', b: '.Y.com', expected: true },
      { a: 'x.y.com', b: 'Y.com', expected: false },
      { a: 'a.b.c.com', b: '.c.com', expected: true },
      { a: '.c.com', b: 'a.b.c.com', expected: false },
      { a: 'example.local', b: '.local', expected: true },
      { a: 'blah.blah', b: '', expected: false },
      { a: '', b: '.rhubarb.rhubarb', expected: false },
      { a: '', b: '', expected: true },
    ])('test_domain_match: domain_match($a, $b)', ({ a, b, expected }) => {
      expect(domainMatch(a, b)).toBe(expected);
    });

    it.each([
      { a: 'acme.com', b: 'acme.com', expected: true },
      { a: 'acme.com', b: '.acme.com', expected: false },
      { a: 'rhubarb.acme.com', b: '.acme.com', expected: true },
      { a: 'www.rhubarb.acme.com', b: '.acme.com', expected: true },
      { a: 'x.y.com', b: 'x.Y.com', expected: true },
      { a: 'x.y.com', b: '.Y.com', expected: true },
      { a: 'x.y.com', b: 'Y.com', expected: false },
      { a: 'y.com', b: 'Y.com', expected: true },
      { a: '.y.com', b: 'Y.com', expected: false },
      { a: '.y.com', b: '.Y.com', expected: true },
      { a: 'x.y.com', b: '.com', expected: true },
      { a: 'x.y.com', b: 'com', expected: false },
      { a: 'x.y.com', b: 'm', expected: false },
      { a: 'x.y.com', b: '.m', expected: false },
      { a: 'x.y.com', b: '', expected: false },
      { a: 'x.y.com', b: '.', expected: false },
      { a: '192.168.1.1', b: '192.168.1.1', expected: true },
      // not both HDNs, so must string-compare equal to match
      { a: '192.168.1.1', b: '.168.1.1', expected: false },
      { a: '192.168.1.1', b: '.', expected: false },
      // empty string is a special case
      { a: '192.168.1.1', b: '', expected: false },
    ])('test_domain_match: user_domain_match($a, $b)', ({ a, b, expected }) => {
      expect(userDomainMatch(a, b)).toBe(expected);
    });
  });

  // Cookies whose effective request-host name does not domain-match the domain are rejected.
  it('test_wrong_domain', () => {
    const c = new CookieJar();
    interact2965(c, 'http://www.nasty.com/', 'foo=bar; domain=friendly.org; Version="1"');
    expect(c.size).toBe(0);
  });

  // Cookies whose domain is a country-code tld like .co.uk should not be set if
  // CookiePolicy.strict_domain is true.
  it('test_strict_domain', () => {
    const cp = new DefaultCookiePolicy({ strictDomain: true });
    const cj = new CookieJar(cp);
    interactNetscape(cj, 'http://example.co.uk/', 'no=problemo');
    interactNetscape(cj, 'http://example.co.uk/', 'okey=dokey; Domain=.example.co.uk');
    expect(cj.size).toBe(2);
    for (const pseudoTld of ['.co.uk', '.org.za', '.tx.us', '.name.us']) {
      // sic: "http://example.%s/" % ".co.uk" has two dots in a row, as in Python's test
      interactNetscape(cj, `http://example.${pseudoTld}/`, 'spam=eggs; Domain=.co.uk');
      expect(cj.size).toBe(2);
    }
  });

  // Netscape: .www.bar.com, www.bar.com, .bar.com, bar.com, no domain should all get accepted, as
  // should .acme.com, acme.com and no domain for 2-component domains like acme.com.
  it('test_two_component_domain_ns', () => {
    const c = new CookieJar();

    // two-component V0 domain is OK
    interactNetscape(c, 'http://foo.net/', 'ns=bar');
    expect(c.size).toBe(1);
    expect(getCookie(c, 'foo.net', '/', 'ns').value).toBe('bar');
    expect(interactNetscape(c, 'http://foo.net/')).toBe('ns=bar');
    // *will* be returned to any other domain (unlike RFC 2965)...
    expect(interactNetscape(c, 'http://www.foo.net/')).toBe('ns=bar');
    // ...unless requested otherwise
    const pol = new DefaultCookiePolicy({ strictNsDomain: DefaultCookiePolicy.DomainStrictNonDomain });
    c.setPolicy(pol);
    expect(interactNetscape(c, 'http://www.foo.net/')).toBe('');

    // unlike RFC 2965, even explicit two-component domain is OK, because .foo.net matches foo.net
    interactNetscape(c, 'http://foo.net/foo/', 'spam1=eggs; domain=foo.net');
    // even if starts with a dot -- in NS rules, .foo.net matches foo.net!
    interactNetscape(c, 'http://foo.net/foo/bar/', 'spam2=eggs; domain=.foo.net');
    expect(c.size).toBe(3);
    expect(getCookie(c, '.foo.net', '/foo', 'spam1').value).toBe('eggs');
    expect(getCookie(c, '.foo.net', '/foo/bar', 'spam2').value).toBe('eggs');
    expect(interactNetscape(c, 'http://foo.net/foo/bar/')).toBe('spam2=eggs; spam1=eggs; ns=bar');

    // top-level domain is too general
    interactNetscape(c, 'http://foo.net/', 'nini="ni"; domain=.net');
    expect(c.size).toBe(3);

    // Netscape protocol doesn't allow non-special top level domains (such as co.uk) in the domain
    // attribute unless there are at least three dots in it. Oh yes it does! Real implementations
    // don't check this, and real cookies (of course) rely on that behaviour.
    interactNetscape(c, 'http://foo.co.uk', 'nasty=trick; domain=.co.uk');
    expect(c.size).toBe(4);
  });

  it('test_localhost_domain', () => {
    const c = new CookieJar();
    interactNetscape(c, 'http://localhost', 'foo=bar; domain=localhost;');
    expect(c.size).toBe(1);
  });

  it('test_localhost_domain_contents', () => {
    const c = new CookieJar();
    interactNetscape(c, 'http://localhost', 'foo=bar; domain=localhost;');
    expect(getCookie(c, '.localhost', '/', 'foo').value).toBe('bar');
  });

  it('test_localhost_domain_contents_2', () => {
    const c = new CookieJar();
    interactNetscape(c, 'http://localhost', 'foo=bar;');
    expect(getCookie(c, 'localhost.local', '/', 'foo').value).toBe('bar');
  });

  it('test_evil_nonlocal_domain', () => {
    const c = new CookieJar();
    interactNetscape(c, 'http://evil.com', 'foo=bar; domain=.localhost');
    expect(c.size).toBe(0);
  });

  it('test_evil_local_domain', () => {
    const c = new CookieJar();
    interactNetscape(c, 'http://localhost', 'foo=bar; domain=.evil.com');
    expect(c.size).toBe(0);
  });

  it('test_evil_local_domain_2', () => {
    const c = new CookieJar();
    interactNetscape(c, 'http://localhost', 'foo=bar; domain=.someother.local');
    expect(c.size).toBe(0);
  });

  it('test_two_component_domain_rfc2965', () => {
    const pol = new DefaultCookiePolicy({ rfc2965: true });
    const c = new CookieJar(pol);

    // two-component V1 domain is OK
    interact2965(c, 'http://foo.net/', 'foo=bar; Version="1"');
    expect(c.size).toBe(1);
    expect(getCookie(c, 'foo.net', '/', 'foo').value).toBe('bar');
    expect(interact2965(c, 'http://foo.net/')).toBe('$Version=1; foo=bar');
    // won't be returned to any other domain (because domain was implied)
    expect(interact2965(c, 'http://www.foo.net/')).toBe('');

    // unless domain is given explicitly, because then it must be rewritten to start with a dot:
    // foo.net --> .foo.net, which does not domain-match foo.net
    interact2965(c, 'http://foo.net/foo', 'spam=eggs; domain=foo.net; path=/foo; Version="1"');
    expect(c.size).toBe(1);
    expect(interact2965(c, 'http://foo.net/foo')).toBe('$Version=1; foo=bar');

    // explicit foo.net from three-component domain www.foo.net *does* get set, because .foo.net
    // domain-matches .foo.net
    interact2965(c, 'http://www.foo.net/foo/', 'spam=eggs; domain=foo.net; Version="1"');
    expect(getCookie(c, '.foo.net', '/foo/', 'spam').value).toBe('eggs');
    expect(c.size).toBe(2);
    expect(interact2965(c, 'http://foo.net/foo/')).toBe('$Version=1; foo=bar');
    expect(interact2965(c, 'http://www.foo.net/foo/')).toBe('$Version=1; spam=eggs; $Domain="foo.net"');

    // top-level domain is too general
    interact2965(c, 'http://foo.net/', 'ni="ni"; domain=".net"; Version="1"');
    expect(c.size).toBe(2);

    // RFC 2965 doesn't require blocking this
    interact2965(c, 'http://foo.co.uk/', 'nasty=trick; domain=.co.uk; Version="1"');
    expect(c.size).toBe(3);
  });

  it('test_domain_allow', () => {
    const c = new CookieJar(new DefaultCookiePolicy({ blockedDomains: ['acme.com'], allowedDomains: ['www.acme.com'] }));

    const headers = ['Set-Cookie: CUSTOMER=WILE_E_COYOTE; path=/'];
    let req = new CookieRequest('http://acme.com/');
    let res = fakeResponse(headers);
    c.extractCookies(res, req);
    expect(c.size).toBe(0);

    req = new CookieRequest('http://www.acme.com/');
    res = fakeResponse(headers);
    c.extractCookies(res, req);
    expect(c.size).toBe(1);

    req = new CookieRequest('http://www.coyote.com/');
    res = fakeResponse(headers);
    c.extractCookies(res, req);
    expect(c.size).toBe(1);

    // set a cookie with non-allowed domain...
    req = new CookieRequest('http://www.coyote.com/');
    res = fakeResponse(headers);
    const cookies = c.makeCookies(res, req);
    c.setCookie(first(cookies));
    expect(c.size).toBe(2);
    // ... and check is doesn't get returned
    c.addCookieHeader(req);
    expect(req.hasHeader('Cookie')).toBe(false);
  });

  it('test_domain_block', () => {
    const pol = new DefaultCookiePolicy({ rfc2965: true, blockedDomains: ['.acme.com'] });
    const c = new CookieJar(pol);
    const headers = ['Set-Cookie: CUSTOMER=WILE_E_COYOTE; path=/'];

    let req = new CookieRequest('http://www.acme.com/');
    let res = fakeResponse(headers);
    c.extractCookies(res, req);
    expect(c.size).toBe(0);

    pol.setBlockedDomains(['acme.com']);
    c.extractCookies(res, req);
    expect(c.size).toBe(1);

    c.clear();
    req = new CookieRequest('http://www.roadrunner.net/');
    res = fakeResponse(headers);
    c.extractCookies(res, req);
    expect(c.size).toBe(1);
    req = new CookieRequest('http://www.roadrunner.net/');
    c.addCookieHeader(req);
    expect(req.hasHeader('Cookie')).toBe(true);
    expect(req.hasHeader('Cookie2')).toBe(true);

    c.clear();
    pol.setBlockedDomains(['.acme.com']);
    c.extractCookies(res, req);
    expect(c.size).toBe(1);

    // set a cookie with blocked domain...
    req = new CookieRequest('http://www.acme.com/');
    res = fakeResponse(headers);
    let cookies = c.makeCookies(res, req);
    c.setCookie(first(cookies));
    expect(c.size).toBe(2);
    // ... and check is doesn't get returned
    c.addCookieHeader(req);
    expect(req.hasHeader('Cookie')).toBe(false);

    c.clear();

    pol.setBlockedDomains([]);
    req = new CookieRequest('http://acme.com/');
    res = fakeResponse(headers);
    cookies = c.makeCookies(res, req);
    c.extractCookies(res, req);
    expect(c.size).toBe(1);

    req = new CookieRequest('http://acme.com/');
    c.addCookieHeader(req);
    expect(req.hasHeader('Cookie')).toBe(true);

    req = new CookieRequest('http://badacme.com/');
    c.addCookieHeader(req);
    expect(pol.returnOk(first(cookies), req)).toBe(false);
    expect(req.hasHeader('Cookie')).toBe(false);

    pol.setBlockedDomains(['acme.com']);
    req = new CookieRequest('http://acme.com/');
    c.addCookieHeader(req);
    expect(req.hasHeader('Cookie')).toBe(false);

    req = new CookieRequest('http://badacme.com/');
    c.addCookieHeader(req);
    expect(req.hasHeader('Cookie')).toBe(false);
  });

  it.each([
    { ns: true, whitespace: ' ' },
    { ns: true, whitespace: '' },
    { ns: false, whitespace: ' ' },
    { ns: false, whitespace: '' },
  ])('test_secure: ns=$ns whitespace="$whitespace"', ({ ns, whitespace }) => {
    const c = new CookieJar();
    const pol = new DefaultCookiePolicy({ rfc2965: !ns });
    const interact = ns ? interactNetscape : interact2965;
    const vs = ns ? '' : '; Version=1';
    c.setPolicy(pol);
    const url = 'http://www.acme.com/';
    interact(c, url, `foo1=bar${vs}${whitespace}`);
    interact(c, url, `foo2=bar${vs}; secure${whitespace}`);
    expect(getCookie(c, 'www.acme.com', '/', 'foo1').secure, 'non-secure cookie registered secure').toBe(false);
    expect(getCookie(c, 'www.acme.com', '/', 'foo2').secure, 'secure cookie registered non-secure').toBe(true);
  });

  it('test_secure_block', () => {
    const pol = new DefaultCookiePolicy();
    const c = new CookieJar(pol);

    const headers = ['Set-Cookie: session=narf; secure; path=/'];
    let req = new CookieRequest('https://www.acme.com/');
    const res = fakeResponse(headers);
    c.extractCookies(res, req);
    expect(c.size).toBe(1);

    req = new CookieRequest('https://www.acme.com/');
    c.addCookieHeader(req);
    expect(req.hasHeader('Cookie')).toBe(true);

    req = new CookieRequest('http://www.acme.com/');
    c.addCookieHeader(req);
    expect(req.hasHeader('Cookie')).toBe(false);

    // secure websocket protocol
    req = new CookieRequest('wss://www.acme.com/');
    c.addCookieHeader(req);
    expect(req.hasHeader('Cookie')).toBe(true);

    // non-secure websocket protocol
    req = new CookieRequest('ws://www.acme.com/');
    c.addCookieHeader(req);
    expect(req.hasHeader('Cookie')).toBe(false);
  });

  it('test_custom_secure_protocols', () => {
    const pol = new DefaultCookiePolicy({ secureProtocols: ['foos'] });
    const c = new CookieJar(pol);

    const headers = ['Set-Cookie: session=narf; secure; path=/'];
    let req = new CookieRequest('https://www.acme.com/');
    const res = fakeResponse(headers);
    c.extractCookies(res, req);
    expect(c.size).toBe(1);

    // test https removed from secure protocol list
    req = new CookieRequest('https://www.acme.com/');
    c.addCookieHeader(req);
    expect(req.hasHeader('Cookie')).toBe(false);

    req = new CookieRequest('http://www.acme.com/');
    c.addCookieHeader(req);
    expect(req.hasHeader('Cookie')).toBe(false);

    req = new CookieRequest('foos://www.acme.com/');
    c.addCookieHeader(req);
    expect(req.hasHeader('Cookie')).toBe(true);

    req = new CookieRequest('foo://www.acme.com/');
    c.addCookieHeader(req);
    expect(req.hasHeader('Cookie')).toBe(false);
  });

  it('test_quote_cookie_value', () => {
    const c = new CookieJar(new DefaultCookiePolicy({ rfc2965: true }));
    interact2965(c, 'http://www.acme.com/', String.raw`foo=\b"a"r; Version=1`);
    const h = interact2965(c, 'http://www.acme.com/');
    expect(h).toBe(String.raw`$Version=1; foo=\\b\"a\"r`);
  });

  // Missing slash from request URL's abs_path should be assumed present.
  it('test_missing_final_slash', () => {
    const url = 'http://www.acme.com';
    const c = new CookieJar(new DefaultCookiePolicy({ rfc2965: true }));
    interact2965(c, url, 'foo=bar; Version=1');
    const req = new CookieRequest(url);
    expect(c.size).toBe(1);
    c.addCookieHeader(req);
    expect(req.hasHeader('Cookie')).toBe(true);
  });

  describe('test_domain_mirror', () => {
    const pol = new DefaultCookiePolicy({ rfc2965: true });
    const url = 'http://foo.bar.com/';

    it('test_domain_mirror: absent domain', () => {
      const c = new CookieJar(pol);
      interact2965(c, url, 'spam=eggs; Version=1');
      const h = interact2965(c, url);
      expect(h, 'absent domain returned with domain present').not.toContain('Domain');
    });

    it('test_domain_mirror: Domain=.bar.com', () => {
      const c = new CookieJar(pol);
      interact2965(c, url, 'spam=eggs; Version=1; Domain=.bar.com');
      const h = interact2965(c, url);
      expect(h, 'domain not returned').toContain('$Domain=".bar.com"');
    });

    it('test_domain_mirror: Domain=bar.com', () => {
      const c = new CookieJar(pol);
      // note missing initial dot in Domain
      interact2965(c, url, 'spam=eggs; Version=1; Domain=bar.com');
      const h = interact2965(c, url);
      expect(h, 'domain not returned').toContain('$Domain="bar.com"');
    });
  });

  describe('test_path_mirror', () => {
    const pol = new DefaultCookiePolicy({ rfc2965: true });
    const url = 'http://foo.bar.com/';

    it('test_path_mirror: absent path', () => {
      const c = new CookieJar(pol);
      interact2965(c, url, 'spam=eggs; Version=1');
      const h = interact2965(c, url);
      expect(h, 'absent path returned with path present').not.toContain('Path');
    });

    it('test_path_mirror: Path=/', () => {
      const c = new CookieJar(pol);
      interact2965(c, url, 'spam=eggs; Version=1; Path=/');
      const h = interact2965(c, url);
      expect(h, 'path not returned').toContain('$Path="/"');
    });
  });

  describe('test_port_mirror', () => {
    const pol = new DefaultCookiePolicy({ rfc2965: true });
    const url = 'http://foo.bar.com/';

    it('test_port_mirror: absent port', () => {
      const c = new CookieJar(pol);
      interact2965(c, url, 'spam=eggs; Version=1');
      const h = interact2965(c, url);
      expect(h, 'absent port returned with port present').not.toContain('Port');
    });

    it('test_port_mirror: Port without value', () => {
      const c = new CookieJar(pol);
      interact2965(c, url, 'spam=eggs; Version=1; Port');
      const h = interact2965(c, url);
      expect(h, 'port with no value not returned with no value').toMatch(/\$Port([^=]|$)/);
    });

    it('test_port_mirror: Port="80"', () => {
      const c = new CookieJar(pol);
      interact2965(c, url, 'spam=eggs; Version=1; Port="80"');
      const h = interact2965(c, url);
      expect(h, 'port with single value not returned with single value').toContain('$Port="80"');
    });

    it('test_port_mirror: Port="80,8080"', () => {
      const c = new CookieJar(pol);
      interact2965(c, url, 'spam=eggs; Version=1; Port="80,8080"');
      const h = interact2965(c, url);
      expect(h, 'port with multiple values not returned with multiple values').toContain('$Port="80,8080"');
    });
  });

  it('test_no_return_comment', () => {
    const c = new CookieJar(new DefaultCookiePolicy({ rfc2965: true }));
    const url = 'http://foo.bar.com/';
    interact2965(c, url, 'spam=eggs; Version=1; Comment="does anybody read these?"; CommentURL="http://foo.bar.net/comment.html"');
    const h = interact2965(c, url);
    expect(h, 'Comment or CommentURL cookie-attributes returned to server').not.toContain('Comment');
  });

  it('test_Cookie_iterator', () => {
    const cs = new CookieJar(new DefaultCookiePolicy({ rfc2965: true }));
    // add some random cookies
    interact2965(cs, 'http://blah.spam.org/', 'foo=eggs; Version=1; Comment="does anybody read these?"; CommentURL="http://foo.bar.net/comment.html"');
    interactNetscape(cs, 'http://www.acme.com/blah/', 'spam=bar; secure');
    interact2965(cs, 'http://www.acme.com/blah/', 'foo=bar; secure; Version=1');
    interact2965(cs, 'http://www.acme.com/blah/', 'foo=bar; path=/; Version=1');
    interact2965(cs, 'http://www.sol.no', String.raw`bang=wallop; version=1; domain=".sol.no"; port="90,100, 80,8080"; max-age=100; Comment = "Just kidding! (\"|\\\\) "`);

    const versions = [1, 0, 1, 1, 1];
    const names = ['foo', 'spam', 'foo', 'foo', 'bang'];
    const domains = ['blah.spam.org', 'www.acme.com', 'www.acme.com', 'www.acme.com', '.sol.no'];
    const paths = ['/', '/blah', '/blah/', '/', '/'];

    // Python iterates four times, checking the jar can be iterated again.
    for (let round = 0; round < 4; round++) {
      let i = 0;
      for (const c of cs) {
        expect(c).toBeInstanceOf(Cookie);
        expect(c.version).toBe(versions[i]);
        expect(c.name).toBe(names[i]);
        expect(c.domain).toBe(domains[i]);
        expect(c.path).toBe(paths[i]);
        i = i + 1;
      }
      expect(i).toBe(5); // python3 yields exactly these five cookies
    }
  });

  it.each<{ label: string; header: string; expected: [string, string | number | null][][] }>([
    // missing domain value (invalid cookie)
    { label: 'missing domain value', header: 'foo=bar; path=/; domain', expected: [[['foo', 'bar'], ['path', '/'], ['domain', null], ['version', '0']]] },
    // invalid expires value
    { label: 'invalid expires value', header: 'foo=bar; expires=Foo Bar 12 33:22:11 2000', expected: [[['foo', 'bar'], ['expires', null], ['version', '0']]] },
    // missing cookie value (valid cookie)
    { label: 'missing cookie value', header: 'foo', expected: [[['foo', null], ['version', '0']]] },
    // missing cookie values for parsed attributes
    { label: 'expires without value', header: 'foo=bar; expires', expected: [[['foo', 'bar'], ['expires', null], ['version', '0']]] },
    { label: 'version without value', header: 'foo=bar; version', expected: [[['foo', 'bar'], ['version', null]]] },
    // shouldn't add version if header is empty
    { label: 'empty header', header: '', expected: [] },
  ])('test_parse_ns_headers: $label', ({ header, expected }) => {
    expect(parseNsHeaders([header])).toEqual(expected);
  });

  describe('test_bad_cookie_header', () => {
    function cookiejarFromCookieHeaders(headers: string[]): CookieJar {
      const c = new CookieJar();
      const req = new CookieRequest('http://www.example.com/');
      const r = fakeResponse(headers);
      c.extractCookies(r, req);
      return c;
    }

    const future = time2netscape(nowSeconds() + 3600);

    // none of these bad headers should cause an exception to be raised
    it.each([
      { label: 'empty Set-Cookie', headers: ['Set-Cookie: '] }, // actually, nothing wrong with this
      { label: 'empty Set-Cookie2', headers: ['Set-Cookie2: '] }, // ditto
      // missing domain value
      { label: 'missing domain value', headers: ['Set-Cookie2: a=foo; path=/; Version=1; domain'] },
      // bad max-age
      { label: 'bad max-age', headers: ['Set-Cookie: b=foo; max-age=oops'] },
      // bad version
      { label: 'bad version', headers: ['Set-Cookie: b=foo; version=spam'] },
      { label: 'no name, only Expires', headers: [`Set-Cookie:; Expires=${future}`] },
    ])('test_bad_cookie_header: $label', ({ headers }) => {
      const c = cookiejarFromCookieHeaders(headers);
      // these bad cookies shouldn't be set
      expect(c.size).toBe(0);
    });

    // cookie with invalid expires is treated as session cookie
    it('test_bad_cookie_header: invalid expires', () => {
      const c = cookiejarFromCookieHeaders(['Set-Cookie: c=foo; expires=Foo Bar 12 33:22:11 2000']);
      const cookie = getCookie(c, 'www.example.com', '/', 'c');
      expect(cookie.expires).toBeNull();
    });
  });
});
