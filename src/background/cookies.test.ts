import { describe, expect, it } from 'vitest';
import { Cookie } from '../jar';
import type { BrowserCookie, CookieJSON } from '../shared/protocol';
import { compareCookies, plainBrowserCookie, siteOf } from './cookies';

const jarCookie = (name: string, domain: string, path = '/', domainSpecified = domain.startsWith('.')): CookieJSON => new Cookie({
  version: 0, name, value: 'v', port: null, portSpecified: false, domain, domainSpecified, domainInitialDot: domain.startsWith('.'),
  path, pathSpecified: true, secure: false, expires: null, discard: true, comment: null, commentUrl: null, rest: {},
}).toJSON();

const browserCookie = (name: string, domain: string, init: Partial<BrowserCookie> = {}): BrowserCookie => ({
  name, value: 'v', domain, hostOnly: !domain.startsWith('.'), path: '/', secure: false, httpOnly: false, sameSite: 'unspecified',
  session: true, storeId: '0', ...init,
});

describe('the site a cookie or a page belongs to (the scope of the Site view, an export, a clear)', () => {
  it('is the registrable domain, lower-cased; each site under a private suffix (github.io) is its own; a host without one (localhost, an IP) is itself', () => {
    expect([
      'www.Example.co.uk', '.example.com', 'a.b.example.com', 'alice.github.io', 'bob.GitHub.io', 'LOCALHOST', '.localhost', '127.0.0.1',
    ].map(siteOf)).toEqual(['example.co.uk', 'example.com', 'example.com', 'alice.github.io', 'bob.github.io', 'localhost', 'localhost', '127.0.0.1']);
  });
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

  it('names a browser-only cookie by the jar’s key of its domain: a domain cookie with its dot, a host-only one without', () => {
    const rows = compareCookies([], [
      browserCookie('wide', 'Example.COM', { hostOnly: false }),
      browserCookie('dotted', '.example.com', { hostOnly: false }),
      browserCookie('host', 'WWW.example.com', { hostOnly: true }),
      browserCookie('odd', '.www.example.com', { hostOnly: true }),
    ]);
    expect(rows.map((row) => [row.name, row.status, row.domain])).toEqual([
      ['wide', 'onlyInBrowser', '.example.com'], ['dotted', 'onlyInBrowser', '.example.com'],
      ['host', 'onlyInBrowser', 'www.example.com'], ['odd', 'onlyInBrowser', 'www.example.com'],
    ]);
  });
});

describe('a Firefox cookie as the cookies API gives it', () => {
  const raw = { name: 'a', value: '1', domain: 'tracker.test', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'no_restriction', session: true, storeId: 'firefox-container-2' };

  it('keeps its store, its partition (Total Cookie Protection) and a first-party domain only when isolation set one', () => {
    expect(plainBrowserCookie({ ...raw, firstPartyDomain: '', partitionKey: { topLevelSite: 'http://example.com', hasCrossSiteAncestor: true } }))
      .toEqual({ ...raw, partitionKey: { topLevelSite: 'http://example.com', hasCrossSiteAncestor: true } });
    expect(plainBrowserCookie({ ...raw, firstPartyDomain: 'example.com', partitionKey: null })).toEqual({ ...raw, firstPartyDomain: 'example.com' });
    expect(plainBrowserCookie({ ...raw, expirationDate: 1_900_000_000.5, session: false })).toStrictEqual({ ...raw, expirationDate: 1_900_000_000.5, session: false });
  });

  it('a field missing (an older Firefox has no sameSite) or of another type reads as its default, never as undefined or a wrong type', () => {
    const defaults = {
      name: '', value: '', domain: '', hostOnly: false, path: '/', secure: false, httpOnly: false, sameSite: 'unspecified', session: false, storeId: '',
    };
    expect(plainBrowserCookie({})).toStrictEqual(defaults);
    const { sameSite: _absent, ...withoutSameSite } = raw;
    expect(plainBrowserCookie(withoutSameSite)).toStrictEqual({ ...raw, sameSite: 'unspecified' });
    expect(plainBrowserCookie({
      name: 1, value: null, domain: ['x'], hostOnly: 'true', path: 0, secure: 1, httpOnly: 'yes', sameSite: 3, session: 'true', storeId: 2,
      expirationDate: '1900000000', firstPartyDomain: 5, partitionKey: { topLevelSite: 7, hasCrossSiteAncestor: 'true' },
    })).toStrictEqual({ ...defaults, partitionKey: {} });
  });

  it('the same name in two partitions is two cookies of the comparison', () => {
    const rows = compareCookies([], [
      browserCookie('a', 'tracker.test', { partitionKey: { topLevelSite: 'http://example.com' } }),
      browserCookie('a', 'tracker.test', { partitionKey: { topLevelSite: 'http://shop.test' } }),
    ]);
    expect(rows.length).toBe(2);
  });
});
