// Port of CPython 3.11 Lib/test/test_http_cookiejar.py, class LWPCookieTests
// ("Tests taken from libwww-perl, with a few modifications and additions").
import { describe, expect, it } from 'vitest';
import { CookieJar, CookieRequest, DefaultCookiePolicy } from '../../src/jar/index';
import { fakeResponse, interact2965, interactNetscape, jarRepr, yearPlusOne } from './helpers';
import { makeLwpJar, makeMozillaJar, withTempDir } from './fileHelpers';

describe('LWPCookieTests', () => {
  // First we check that it works for the original example at
  // http://www.netscape.com/newsref/std/cookie_spec.html
  // The last Cookie of that example is buggy, because both specifications say that the most
  // specific cookie must be sent first. SHIPPING=FEDEX is the most specific and should thus be first.
  it('test_netscape_example_1', () => {
    const year = yearPlusOne();
    const headers: string[] = [];
    const c = new CookieJar(new DefaultCookiePolicy({ rfc2965: true }));

    let req = new CookieRequest('http://www.acme.com:80/', { headers: { Host: 'www.acme.com:80' } });

    headers.push(`Set-Cookie: CUSTOMER=WILE_E_COYOTE; path=/ ; expires=Wednesday, 09-Nov-${year} 23:12:40 GMT`);
    let res = fakeResponse(headers);
    c.extractCookies(res, req);

    req = new CookieRequest('http://www.acme.com/');
    c.addCookieHeader(req);

    expect(req.getHeader('Cookie')).toBe('CUSTOMER=WILE_E_COYOTE');
    expect(req.getHeader('Cookie2')).toBe('$Version="1"');

    headers.push('Set-Cookie: PART_NUMBER=ROCKET_LAUNCHER_0001; path=/');
    res = fakeResponse(headers);
    c.extractCookies(res, req);

    req = new CookieRequest('http://www.acme.com/foo/bar');
    c.addCookieHeader(req);

    let h = req.getHeader('Cookie');
    expect(h).toContain('PART_NUMBER=ROCKET_LAUNCHER_0001');
    expect(h).toContain('CUSTOMER=WILE_E_COYOTE');

    headers.push('Set-Cookie: SHIPPING=FEDEX; path=/foo');
    res = fakeResponse(headers);
    c.extractCookies(res, req);

    req = new CookieRequest('http://www.acme.com/');
    c.addCookieHeader(req);

    h = req.getHeader('Cookie');
    expect(h).toContain('PART_NUMBER=ROCKET_LAUNCHER_0001');
    expect(h).toContain('CUSTOMER=WILE_E_COYOTE');
    expect(h).not.toContain('SHIPPING=FEDEX');

    req = new CookieRequest('http://www.acme.com/foo/');
    c.addCookieHeader(req);

    h = req.getHeader('Cookie');
    expect(h).toContain('PART_NUMBER=ROCKET_LAUNCHER_0001');
    expect(h).toContain('CUSTOMER=WILE_E_COYOTE');
    expect(h?.startsWith('SHIPPING=FEDEX;')).toBe(true);
  });

  // Second Example transaction sequence: two name/value pairs named "PART_NUMBER" due to the
  // inheritance of the "/" mapping in addition to the "/ammo" mapping.
  it('test_netscape_example_2', () => {
    const c = new CookieJar();
    const headers: string[] = [];

    let req = new CookieRequest('http://www.acme.com/');
    headers.push('Set-Cookie: PART_NUMBER=ROCKET_LAUNCHER_0001; path=/');
    let res = fakeResponse(headers);

    c.extractCookies(res, req);

    req = new CookieRequest('http://www.acme.com/');
    c.addCookieHeader(req);

    expect(req.getHeader('Cookie')).toBe('PART_NUMBER=ROCKET_LAUNCHER_0001');

    headers.push('Set-Cookie: PART_NUMBER=RIDING_ROCKET_0023; path=/ammo');
    res = fakeResponse(headers);
    c.extractCookies(res, req);

    req = new CookieRequest('http://www.acme.com/ammo');
    c.addCookieHeader(req);

    expect(req.getHeader('Cookie')).toMatch(/PART_NUMBER=RIDING_ROCKET_0023;\s*PART_NUMBER=ROCKET_LAUNCHER_0001/);
  });

  // The examples from draft-ietf-http-state-man-mec-03.txt, 5.1 Example 1.
  it('test_ietf_example_1', () => {
    const c = new CookieJar(new DefaultCookiePolicy({ rfc2965: true }));

    // 1. User Agent -> Server: POST /acme/login; 2. Server -> User Agent:
    //    Set-Cookie2: Customer="WILE_E_COYOTE"; Version="1"; Path="/acme"
    let cookie = interact2965(c, 'http://www.acme.com/acme/login', 'Customer="WILE_E_COYOTE"; Version="1"; Path="/acme"');
    expect(cookie).toBe('');

    // 3. POST /acme/pickitem with Cookie: $Version="1"; Customer="WILE_E_COYOTE"; $Path="/acme"
    // 4. Set-Cookie2: Part_Number="Rocket_Launcher_0001"; Version="1"; Path="/acme"
    cookie = interact2965(c, 'http://www.acme.com/acme/pickitem', 'Part_Number="Rocket_Launcher_0001"; Version="1"; Path="/acme"');
    expect(cookie).toMatch(/^\$Version="?1"?; Customer="?WILE_E_COYOTE"?; \$Path="\/acme"$/);

    // 5. POST /acme/shipping with both cookies; 6. Set-Cookie2: Shipping="FedEx"; Version="1"; Path="/acme"
    cookie = interact2965(c, 'http://www.acme.com/acme/shipping', 'Shipping="FedEx"; Version="1"; Path="/acme"');
    expect(cookie).toMatch(/^\$Version="?1"?;/);
    expect(cookie).toMatch(/Part_Number="?Rocket_Launcher_0001"?;\s*\$Path="\/acme"/);
    expect(cookie).toMatch(/Customer="?WILE_E_COYOTE"?;\s*\$Path="\/acme"/);

    // 7. POST /acme/process with all three cookies; 8. Transaction is complete.
    cookie = interact2965(c, 'http://www.acme.com/acme/process');
    expect(cookie).toMatch(/Shipping="?FedEx"?;\s*\$Path="\/acme"/);
    expect(cookie).toContain('WILE_E_COYOTE');
  });

  // 5.2 Example 2: the effect of the Path attribute.
  it('test_ietf_example_2', () => {
    const c = new CookieJar(new DefaultCookiePolicy({ rfc2965: true }));

    interact2965(
      c, 'http://www.acme.com/acme/ammo/specific',
      'Part_Number="Rocket_Launcher_0001"; Version="1"; Path="/acme"',
      'Part_Number="Riding_Rocket_0023"; Version="1"; Path="/acme/ammo"',
    );

    // The cookie with the more specific Path attribute, /acme/ammo, comes before the one with the
    // less specific Path attribute, /acme; the same cookie name appears more than once.
    let cookie = interact2965(c, 'http://www.acme.com/acme/ammo/...');
    expect(cookie).toMatch(/Riding_Rocket_0023.*Rocket_Launcher_0001/);

    // /acme/ammo is not a prefix of /acme/parts/, so that cookie is not forwarded.
    cookie = interact2965(c, 'http://www.acme.com/acme/parts/');
    expect(cookie).toContain('Rocket_Launcher_0001');
    expect(cookie).not.toContain('Riding_Rocket_0023');
  });

  // Test rejection of Set-Cookie2 responses based on domain, path, port.
  it('test_rejection', async () => {
    const pol = new DefaultCookiePolicy({ rfc2965: true });
    let c = makeLwpJar({ policy: pol });

    // illegal domain (no embedded dots)
    interact2965(c, 'http://www.acme.com', 'foo=bar; domain=".com"; version=1');
    expect(c.size).toBe(0);

    // legal domain
    interact2965(c, 'http://www.acme.com', 'ping=pong; domain="acme.com"; version=1');
    expect(c.size).toBe(1);

    // illegal domain (host prefix "www.a" contains a dot)
    interact2965(c, 'http://www.a.acme.com', 'whiz=bang; domain="acme.com"; version=1');
    expect(c.size).toBe(1);

    // legal domain
    interact2965(c, 'http://www.a.acme.com', 'wow=flutter; domain=".a.acme.com"; version=1');
    expect(c.size).toBe(2);

    // can't partially match an IP-address
    interact2965(c, 'http://125.125.125.125', 'zzzz=ping; domain="125.125.125"; version=1');
    expect(c.size).toBe(2);

    // illegal path (must be prefix of request path)
    interact2965(c, 'http://www.sol.no', 'blah=rhubarb; domain=".sol.no"; path="/foo"; version=1');
    expect(c.size).toBe(2);

    // legal path
    interact2965(c, 'http://www.sol.no/foo/bar', 'bing=bong; domain=".sol.no"; path="/foo"; version=1');
    expect(c.size).toBe(3);

    // illegal port (request-port not in list)
    interact2965(c, 'http://www.sol.no', 'whiz=ffft; domain=".sol.no"; port="90,100"; version=1');
    expect(c.size).toBe(3);

    // legal port
    interact2965(c, 'http://www.sol.no', String.raw`bang=wallop; version=1; domain=".sol.no"; port="90,100, 80,8080"; max-age=100; Comment = "Just kidding! (\"|\\\\) "`);
    expect(c.size).toBe(4);

    // port attribute without any value (current port)
    interact2965(c, 'http://www.sol.no', 'foo9=bar; version=1; domain=".sol.no"; port; max-age=100;');
    expect(c.size).toBe(5);

    // encoded path: LWP has a test with path="/%66oo", but unescaping allowed path characters seems
    // like a bad idea; this is OK, because '<' is not an allowed HTTP URL path character:
    interact2965(c, 'http://www.sol.no/<oo/', 'foo8=bar; version=1; path="/%3coo"');
    expect(c.size).toBe(6);

    // save and restore
    await withTempDir(async (dir) => {
      const filename = `${dir}/cookies.lwp`;
      await c.save(filename, { ignoreDiscard: true });
      const old = jarRepr(c);

      c = makeLwpJar({ policy: pol });
      await c.load(filename, { ignoreDiscard: true });
      expect(jarRepr(c)).toEqual(old);
    });
  });

  // Try some URL encodings of the PATHs. (the behaviour here has changed from libwww-perl)
  it('test_url_encoding', () => {
    const c = new CookieJar(new DefaultCookiePolicy({ rfc2965: true }));
    interact2965(c, 'http://www.acme.com/foo%2f%25/%3c%3c%0Anew%C3%A5/%C3%A5', 'foo  =   bar; version    =   1');

    let cookie = interact2965(c, 'http://www.acme.com/foo%2f%25/<<%0anew\u00e5/\u00e6\u00f8\u00e5', 'bar=baz; path="/foo/"; version=1');
    expect(cookie).toContain('foo=bar');
    expect(cookie).toMatch(/^\$version="?1"?/i);

    cookie = interact2965(c, 'http://www.acme.com/foo/%25/<<%0anew\u00e5/\u00e6\u00f8\u00e5');
    expect(cookie).toBe('');

    // unicode URL doesn't raise exception
    expect(() => interact2965(c, 'http://www.acme.com/\u00fc')).not.toThrow();
  });

  // Save / load Mozilla/Netscape cookie file format.
  // The cookie is flagged with the attribute name Python itself uses ("HTTPOnly"), so this holds with
  // and without our gh-113775 fix (which also keeps a flag that arrived as "HttpOnly").
  it('test_mozilla', async () => {
    const year = yearPlusOne();
    await withTempDir(async (dir) => {
      const filename = `${dir}/cookies.txt`;

      const c = makeMozillaJar({ filename, policy: new DefaultCookiePolicy({ rfc2965: true }) });
      interact2965(c, 'http://www.acme.com/', 'foo1=bar; max-age=100; Version=1');
      interact2965(c, 'http://www.acme.com/', 'foo2=bar; port="80"; max-age=100; Discard; Version=1');
      interact2965(c, 'http://www.acme.com/', 'foo3=bar; secure; Version=1');

      const expires = `expires=09-Nov-${year} 23:12:40 GMT`;
      interactNetscape(c, 'http://www.foo.com/', `fooa=bar; ${expires}`);
      interactNetscape(c, 'http://www.foo.com/', `foob=bar; Domain=.foo.com; ${expires}`);
      interactNetscape(c, 'http://www.foo.com/', `fooc=bar; Domain=www.foo.com; ${expires}`);

      for (const cookie of c) {
        if (cookie.name === 'foo1') cookie.setNonstandardAttr('HTTPOnly', '');
      }

      const saveAndRestore = async (cj: typeof c, ignoreDiscard: boolean) => {
        await cj.save(undefined, { ignoreDiscard });
        const newC = makeMozillaJar({ filename, policy: new DefaultCookiePolicy({ rfc2965: true }) });
        await newC.load(undefined, { ignoreDiscard });
        return newC;
      };

      let newC = await saveAndRestore(c, true);
      expect(newC.size).toBe(6); // none discarded
      // Python: "name='foo1', value='bar'" in repr(new_c), and "rest={'HTTPOnly': ''}" in repr(new_c)
      expect([...newC].some((k) => k.name === 'foo1' && k.value === 'bar')).toBe(true);
      expect([...newC].map((k) => k.nonstandardAttrs())).toContainEqual([['HTTPOnly', '']]);

      newC = await saveAndRestore(c, false);
      expect(newC.size).toBe(4); // 2 of them discarded on save
      expect([...newC].some((k) => k.name === 'foo1' && k.value === 'bar')).toBe(true);
    });
  });

  // Some additional Netscape cookies tests.
  it('test_netscape_misc', () => {
    const c = new CookieJar();
    const headers: string[] = [];
    let req = new CookieRequest('http://foo.bar.acme.com/foo');

    // Netscape allows a host part that contains dots
    headers.push('Set-Cookie: Customer=WILE_E_COYOTE; domain=.acme.com');
    let res = fakeResponse(headers);
    c.extractCookies(res, req);

    // and that the domain is the same as the host without adding a leading dot to the domain.
    // Should not quote even if strange chars are used in the cookie value.
    headers.push('Set-Cookie: PART_NUMBER=3,4; domain=foo.bar.acme.com');
    res = fakeResponse(headers);
    c.extractCookies(res, req);

    req = new CookieRequest('http://foo.bar.acme.com/foo');
    c.addCookieHeader(req);
    expect(req.getHeader('Cookie')).toContain('PART_NUMBER=3,4');
    expect(req.getHeader('Cookie')).toContain('Customer=WILE_E_COYOTE');
  });

  // Test handling of local intranet hostnames without a dot.
  it('test_intranet_domains_2965', () => {
    const c = new CookieJar(new DefaultCookiePolicy({ rfc2965: true }));
    interact2965(c, 'http://example/', 'foo1=bar; PORT; Discard; Version=1;');
    let cookie = interact2965(c, 'http://example/', 'foo2=bar; domain=".local"; Version=1');
    expect(cookie).toContain('foo1=bar');

    interact2965(c, 'http://example/', 'foo3=bar; Version=1');
    cookie = interact2965(c, 'http://example/');
    expect(cookie).toContain('foo2=bar');
    expect(c.size).toBe(3);
  });

  it('test_intranet_domains_ns', () => {
    const c = new CookieJar(new DefaultCookiePolicy({ rfc2965: false }));
    interactNetscape(c, 'http://example/', 'foo1=bar');
    let cookie = interactNetscape(c, 'http://example/', 'foo2=bar; domain=.local');
    expect(c.size).toBe(2);
    expect(cookie).toContain('foo1=bar');

    cookie = interactNetscape(c, 'http://example/');
    expect(cookie).toContain('foo2=bar');
    expect(c.size).toBe(2);
  });

  // Broken web-server ORION/1.3.38 sends "Set-Cookie: JSESSIONID=ABCDERANDOM123; Path=", i.e. with
  // Path set to nothing. In this case, extract_cookies() must set cookie to / (root).
  it('test_empty_path', () => {
    const c = new CookieJar(new DefaultCookiePolicy({ rfc2965: true }));
    const headers: string[] = [];

    let req = new CookieRequest('http://www.ants.com/');
    headers.push('Set-Cookie: JSESSIONID=ABCDERANDOM123; Path=');
    const res = fakeResponse(headers);
    c.extractCookies(res, req);

    req = new CookieRequest('http://www.ants.com/');
    c.addCookieHeader(req);

    expect(req.getHeader('Cookie')).toBe('JSESSIONID=ABCDERANDOM123');
    expect(req.getHeader('Cookie2')).toBe('$Version="1"');

    // missing path in the request URI
    req = new CookieRequest('http://www.ants.com:8080');
    c.addCookieHeader(req);

    expect(req.getHeader('Cookie')).toBe('JSESSIONID=ABCDERANDOM123');
    expect(req.getHeader('Cookie2')).toBe('$Version="1"');
  });

  // Check session cookies are deleted properly by CookieJar.clear_session_cookies method
  it('test_session_cookies', () => {
    const year = yearPlusOne();

    const req = new CookieRequest('http://www.perlmeister.com/scripts');
    const headers: string[] = [];
    headers.push('Set-Cookie: s1=session;Path=/scripts');
    headers.push(`Set-Cookie: p1=perm; Domain=.perlmeister.com;Path=/;expires=Fri, 02-Feb-${year} 23:24:20 GMT`);
    headers.push(`Set-Cookie: p2=perm;Path=/;expires=Fri, 02-Feb-${year} 23:24:20 GMT`);
    headers.push('Set-Cookie: s2=session;Path=/scripts;Domain=.perlmeister.com');
    headers.push('Set-Cookie2: s3=session;Version=1;Discard;Path="/"');
    const res = fakeResponse(headers);

    const c = new CookieJar();
    c.extractCookies(res, req);
    // How many session/permanent cookies do we have?
    const counter = new Map<string, number>([['session_after', 0], ['perm_after', 0], ['session_before', 0], ['perm_before', 0]]);
    const count = (key: string) => {
      const n = counter.get(key);
      if (n === undefined) throw new Error(`unexpected cookie value in ${key}`); // Python's KeyError
      counter.set(key, n + 1);
    };
    for (const cookie of c) count(`${cookie.value ?? 'None'}_before`);
    c.clearSessionCookies();
    // How many now?
    for (const cookie of c) count(`${cookie.value ?? 'None'}_after`);

    // a permanent cookie got lost accidentally
    expect(counter.get('perm_after')).toBe(counter.get('perm_before'));
    // a session cookie hasn't been cleared
    expect(counter.get('session_after')).toBe(0);
    // we didn't have session cookies in the first place
    expect(counter.get('session_before')).not.toBe(0);
  });
});
