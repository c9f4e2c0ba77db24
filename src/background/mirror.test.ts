// The mirrored jar's own bookkeeping, without the service around it: which cookies it refuses for
// their size, which it evicts for a limit (and from which site), what it reports as stored, which
// sites it says need writing, and what it does with cookies the jar dropped by itself.
import { describe, expect, it } from 'vitest';
import { Cookie, CookieRequest } from '../jar';
import { JarMirror, type Eviction } from './mirror';
import { DEFAULT_LIMITS, MirrorPolicy, utf8Length, type MirrorLimits } from './limits';

/** The jar's clock (seconds): 2001, so that a cookie expiring in 2002 is alive here and expired by the real clock. */
const T = 1_000_000_000;

function mirrorAt(clock: { now: number }, limits?: Partial<MirrorLimits>): JarMirror {
  return new JarMirror(new MirrorPolicy({}), () => clock.now, limits === undefined ? undefined : { ...DEFAULT_LIMITS, ...limits });
}

/** A response from `url` setting `lines`, followed by the mirror as the service does; `used`: the LRU time (ms). */
function respond(mirror: JarMirror, url: string, used: number, ...lines: string[]): Eviction[] {
  const decisions = mirror.jar.extractCookies({ headers: lines.map((line) => ['Set-Cookie', line] as const) }, new CookieRequest(url));
  return mirror.noteDecisions(decisions, used);
}

const cookie = (name: string, value: string | null, domain = 'a.test') => new Cookie({
  version: 0, name, value, port: null, portSpecified: false, domain, domainSpecified: false, domainInitialDot: false,
  path: '/', pathSpecified: false, secure: false, expires: null, discard: true, comment: null, commentUrl: null,
});

const names = (cookies: Iterable<Cookie>) => [...cookies].map((c) => c.name);
const evicted = (evictions: Eviction[]) => evictions.map((e) => `${e.rule} ${e.site} ${e.cookie.name}`);

describe('JarMirror', () => {
  it('an import over the name+value limit (4,096 bytes by default) is refused and counted, and the cookie it would have replaced stays', () => {
    const mirror = mirrorAt({ now: T });
    mirror.add([{ cookie: cookie('big', 'small'), used: 1 }], { dirty: true });
    const { refused } = mirror.add([
      { cookie: cookie('n', 'v'.repeat(4095)), used: 2 }, // 4,096 bytes: kept
      { cookie: cookie('big', 'v'.repeat(4096)), used: 3 }, // 4,099 bytes
      { cookie: cookie('m'.repeat(4080), null), used: 4 }, // no value: 4,080 bytes of name, kept
      { cookie: cookie('€'.repeat(1366), 'x'), used: 5 }, // 4,099 bytes in 1,367 characters
    ], { dirty: true });
    expect(refused.map((c) => utf8Length(c.name) + utf8Length(c.value ?? ''))).toEqual([4099, 4099]);
    expect(mirror.counts.refused).toBe(2);
    expect([...mirror.jar].map((c) => `${c.name.slice(0, 3)}=${(c.value ?? '').slice(0, 5)}`)).toEqual(['big=small', 'n=vvvvv', 'mmm=']);
  });

  it('counts only the size refusals among a response’s refused cookies', () => {
    const mirror = mirrorAt({ now: T });
    respond(mirror, 'http://www.a.test/', 1, 'theirs=1; domain=b.test', `huge=${'v'.repeat(5000)}`, 'ok=1');
    expect(mirror.counts.refused).toBe(1);
    expect(names(mirror.jar)).toEqual(['ok']);
  });

  it('runs the jar on its own clock (the time of the event being applied), not the machine’s', () => {
    const mirror = mirrorAt({ now: T });
    respond(mirror, 'http://a.test/', 1, 'a=1; expires=Wed, 01 Jan 2003 00:00:00 GMT');
    expect(names(mirror.cookiesOf('a.test'))).toEqual(['a']);
  });

  it('an expired Set-Cookie deletes its namesake: the site is left to be written empty, and nothing of it is counted as stored', () => {
    const mirror = mirrorAt({ now: T });
    respond(mirror, 'http://www.a.test/', 1, 'a=1', 'b=2');
    respond(mirror, 'http://b.test/', 2, 'c=3');
    mirror.dirty.clear();
    const before = mirror.storedBytes;
    // A deletion of a cookie the site does not have changes nothing of what it has.
    respond(mirror, 'http://www.a.test/', 3, 'zz=; max-age=0');
    expect(names(mirror.cookiesOf('a.test'))).toEqual(['a', 'b']);
    expect(mirror.storedBytes).toBe(before);
    respond(mirror, 'http://www.a.test/', 4, 'a=; max-age=0', 'b=; expires=Thu, 01 Jan 1970 00:00:00 GMT');
    expect(names(mirror.jar)).toEqual(['c']);
    expect(mirror.cookiesOf('a.test')).toEqual([]);
    expect(mirror.record('a.test')).toEqual({ cookies: [], used: [], order: [] });
    expect(mirror.siteCount).toBe(1);
    expect(mirror.storedBytes).toBe(utf8Length(JSON.stringify(mirror.record('b.test').cookies[0])) + 16);
    expect(mirror.knownSites()).toEqual(['b.test', 'a.test']);
    expect([...mirror.dirty]).toEqual(['a.test']);
  });

  it('counts as stored at least the cookies’ stored form and at most the site’s whole record', () => {
    const mirror = mirrorAt({ now: T });
    for (let i = 0; i < 10; i++) respond(mirror, 'http://a.test/', 1_700_000_000_000 + i, `c${i}=${'v'.repeat(i * 10)}; path=/p${i}`);
    const record = mirror.record('a.test');
    expect(record.used).toEqual(Array.from({ length: 10 }, (_, i) => 1_700_000_000_000 + i));
    expect(mirror.storedBytes).toBeGreaterThanOrEqual(utf8Length(JSON.stringify(record.cookies)));
    expect(mirror.storedBytes).toBeLessThanOrEqual(utf8Length(JSON.stringify(record)));
  });

  it('the byte limit evicts from the site using the most bytes now, after its cookies were replaced by smaller ones', () => {
    const mirror = mirrorAt({ now: T });
    respond(mirror, 'http://a.test/', 1, `x=${'v'.repeat(3000)}`, `y=${'v'.repeat(3000)}`);
    respond(mirror, 'http://a.test/', 2, 'x=1', 'y=1', 'z=1');
    respond(mirror, 'http://b.test/', 3, `old=${'v'.repeat(300)}`, `new=${'v'.repeat(300)}`);
    // Exactly at the limit: nothing goes.
    expect(mirror.setLimits({ ...DEFAULT_LIMITS, bytes: mirror.storedBytes })).toEqual([]);
    const evictions = mirror.setLimits({ ...DEFAULT_LIMITS, bytes: mirror.storedBytes - 1 });
    expect(evicted(evictions)).toEqual(['mirror.evicted.byte-limit b.test old']);
    expect(names(mirror.jar)).toEqual(['x', 'y', 'z', 'new']);
  });

  it('a lower per-site limit evicts at once, the least recently set first; an import over it reports exactly what it evicted', () => {
    const mirror = mirrorAt({ now: T });
    respond(mirror, 'http://a.test/', 1, 'a=1', 'b=1', 'c=1');
    respond(mirror, 'http://a.test/', 2, 'a=2');
    expect(evicted(mirror.setLimits({ ...DEFAULT_LIMITS, perSite: 2 }))).toEqual(['mirror.evicted.site-limit a.test b']);
    const { refused, evictions } = mirror.add([{ cookie: cookie('d', '1'), used: 3 }], { dirty: true });
    expect(refused).toEqual([]);
    expect(evicted(evictions)).toEqual(['mirror.evicted.site-limit a.test c']);
    expect(names(mirror.jar)).toEqual(['a', 'd']);
    expect(mirror.counts.evicted).toBe(2);
  });

  it('skips the cookies the jar dropped by itself (expired) when it evicts, and forgets a site left with none', () => {
    const clock = { now: T };
    const mirror = mirrorAt(clock);
    // x.test: one short-lived cookie on a domain of its own, one on a path of its own, then two that last.
    respond(mirror, 'http://a.x.test/', 1, 's1=1; max-age=10');
    respond(mirror, 'http://b.x.test/old/', 2, 's2=1; path=/old; max-age=10');
    respond(mirror, 'http://b.x.test/', 3, 'c1=1', 'c2=1');
    // y.test: only short-lived cookies; z.test: one that lasts.
    respond(mirror, 'http://y.test/', 4, 'y1=1; max-age=10', 'y2=1; max-age=10');
    respond(mirror, 'http://z.test/', 5, 'z=1');
    clock.now = T + 20;
    mirror.jar.addCookieHeader(new CookieRequest('http://b.x.test/')); // the jar clears expired cookies here
    expect(names(mirror.jar)).toEqual(['c1', 'c2', 'z']);
    expect(mirror.siteCount).toBe(3);
    expect(names(mirror.cookiesOf('x.test'))).toEqual(['c1', 'c2']);
    expect(mirror.record('x.test').cookies.map((c) => c[1])).toEqual(['c1', 'c2']);

    const evictions = mirror.setLimits({ ...DEFAULT_LIMITS, perSite: 1, total: 2 });
    expect(evicted(evictions)).toEqual(['mirror.evicted.site-limit x.test c1']);
    expect(names(mirror.jar)).toEqual(['c2', 'z']);
    expect(mirror.counts.evicted).toBe(1);
    expect(mirror.siteCount).toBe(2);
    expect(mirror.record('x.test')).toEqual({ cookies: [mirror.record('x.test').cookies[0]], used: [3], order: [1] });
  });

  it('removes a cookie only if the jar holds it, and says whether it did', () => {
    const mirror = mirrorAt({ now: T });
    respond(mirror, 'http://www.a.test/p/', 1, 'a=1; path=/p', 'b=1; path=/p');
    expect(mirror.removeIfPresent('other.test', '/p', 'a')).toBe(false);
    expect(mirror.removeIfPresent('www.a.test', '/q', 'a')).toBe(false);
    expect(mirror.removeIfPresent('www.a.test', '/p', 'c')).toBe(false);
    expect(names(mirror.jar)).toEqual(['a', 'b']);
    expect(mirror.removeIfPresent('www.a.test', '/p', 'a')).toBe(true);
    expect(names(mirror.jar)).toEqual(['b']);
    expect(names(mirror.cookiesOf('a.test'))).toEqual(['b']);
  });

  it('lists the sites with cookies and those emptied but not yet written; stored records loaded back are not rewritten', () => {
    const mirror = mirrorAt({ now: T });
    mirror.add([{ cookie: cookie('a', '1', 'a.test'), used: 1 }, { cookie: cookie('b', '1', 'b.test'), used: 1 }], { dirty: false });
    expect([...mirror.dirty]).toEqual([]);
    expect(mirror.knownSites()).toEqual(['a.test', 'b.test']);
    expect(mirror.clear('a.test')).toBe(1);
    expect(mirror.knownSites()).toEqual(['b.test', 'a.test']);
    mirror.dirty.clear();
    expect(mirror.knownSites()).toEqual(['b.test']);
  });
});
