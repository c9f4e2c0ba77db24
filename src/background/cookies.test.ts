import { describe, expect, it } from 'vitest';
import { Cookie } from '../jar';
import type { BrowserCookie, CookieJSON } from '../shared/protocol';
import { compareCookies, plainBrowserCookie } from './cookies';

const jarCookie = (name: string, domain: string, path = '/', domainSpecified = domain.startsWith('.')): CookieJSON => new Cookie({
  version: 0, name, value: 'v', port: null, portSpecified: false, domain, domainSpecified, domainInitialDot: domain.startsWith('.'),
  path, pathSpecified: true, secure: false, expires: null, discard: true, comment: null, commentUrl: null, rest: {},
}).toJSON();

const browserCookie = (name: string, domain: string, init: Partial<BrowserCookie> = {}): BrowserCookie => ({
  name, value: 'v', domain, hostOnly: !domain.startsWith('.'), path: '/', secure: false, httpOnly: false, sameSite: 'unspecified',
  session: true, storeId: '0', ...init,
});

describe('getCookies’ comparison of the jar with the browser’s store', () => {
  it('pairs the same cookie and names what only one store has, with indices into each list', () => {
    const rows = compareCookies(
      [jarCookie('sid', '.example.com'), jarCookie('theme', 'www.example.com'), jarCookie('refused', 'www.example.com')],
      [browserCookie('js', 'www.example.com'), browserCookie('theme', 'www.example.com'), browserCookie('sid', '.example.com')],
    );
    expect(rows).toEqual([
      { status: 'both', domain: '.example.com', path: '/', name: 'sid', jarIndex: 0, browserIndex: 2 },
      { status: 'both', domain: 'www.example.com', path: '/', name: 'theme', jarIndex: 1, browserIndex: 1 },
      { status: 'onlyInJar', domain: 'www.example.com', path: '/', name: 'refused', jarIndex: 2 },
      { status: 'onlyInBrowser', domain: 'www.example.com', path: '/', name: 'js', browserIndex: 0 },
    ]);
  });

  it('one name on two paths is two cookies', () => {
    expect(compareCookies([jarCookie('sid', '.example.com', '/')], [browserCookie('sid', '.example.com', { path: '/app' })]).map((row) => [row.path, row.status]))
      .toEqual([['/', 'onlyInJar'], ['/app', 'onlyInBrowser']]);
  });

  it('a partitioned cookie is not the jar’s unpartitioned one; each partition is its own cookie', () => {
    const rows = compareCookies([jarCookie('chip', '.example.com')], [
      browserCookie('chip', '.example.com', { partitionKey: { topLevelSite: 'https://a.test', hasCrossSiteAncestor: false } }),
      browserCookie('chip', '.example.com', { partitionKey: { topLevelSite: 'https://a.test', hasCrossSiteAncestor: true } }),
      browserCookie('chip', '.example.com'),
    ]);
    expect(rows.map((row) => [row.status, row.browserIndex])).toEqual([['both', 2], ['onlyInBrowser', 0], ['onlyInBrowser', 1]]);
  });

  it('a host-only cookie is not a domain cookie of the same host; a domain cookie loaded without its dot still matches', () => {
    const rows = compareCookies(
      [jarCookie('a', 'example.com', '/', false), jarCookie('b', 'example.com', '/', true)],
      [browserCookie('a', '.example.com'), browserCookie('b', '.EXAMPLE.com')],
    );
    expect(rows.map((row) => [row.name, row.status])).toEqual([['a', 'onlyInJar'], ['b', 'both'], ['a', 'onlyInBrowser']]);
  });
});

describe('a Firefox cookie as the cookies API gives it', () => {
  const raw = { name: 'a', value: '1', domain: 'tracker.test', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'no_restriction', session: true, storeId: 'firefox-container-2' };

  it('keeps its store, its partition (Total Cookie Protection) and a first-party domain only when isolation set one', () => {
    expect(plainBrowserCookie({ ...raw, firstPartyDomain: '', partitionKey: { topLevelSite: 'http://example.com', hasCrossSiteAncestor: true } }))
      .toEqual({ ...raw, partitionKey: { topLevelSite: 'http://example.com', hasCrossSiteAncestor: true } });
    expect(plainBrowserCookie({ ...raw, firstPartyDomain: 'example.com', partitionKey: null })).toEqual({ ...raw, firstPartyDomain: 'example.com' });
  });

  it('the same name in two partitions is two cookies of the comparison', () => {
    const rows = compareCookies([], [
      browserCookie('a', 'tracker.test', { partitionKey: { topLevelSite: 'http://example.com' } }),
      browserCookie('a', 'tracker.test', { partitionKey: { topLevelSite: 'http://shop.test' } }),
    ]);
    expect(rows.length).toBe(2);
  });
});
