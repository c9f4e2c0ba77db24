import { describe, expect, it } from 'vitest';
import { Cookie } from '../jar';
import { cookieTableRow } from '../shared/cookieRows';
import type { BrowserCookie, DecisionEntry } from '../shared/protocol';
import { browserCookieView, cookieInputOf, cookieNoteView, decisionView, jarCookieView, replayedView, tableRowView, tabFromLocation } from './fromProtocol';

describe('the protocol mapped onto the views', () => {
  const cookie = new Cookie({
    version: 0, name: 'sid', value: 'x', port: null, portSpecified: false, domain: '.example.com', domainSpecified: true,
    domainInitialDot: true, path: '/', pathSpecified: true, secure: true, expires: 2_000_000_000, discard: false,
    comment: null, commentUrl: null, rest: { HttpOnly: null, samesite: 'Lax' },
  });

  it('a jar cookie shows every attribute, its HttpOnly and SameSite included, from the row getCookieRows sends', () => {
    // The row the service worker sends for it (the real cookieTableRow), as the Site view shows it.
    expect(tableRowView(cookieTableRow(cookie))).toEqual({
      name: 'sid', value: 'x', domain: '.example.com', hostOnly: false, path: '/', secure: true, httpOnly: true, sameSite: 'Lax',
      expires: 2_000_000_000, version: 0, port: null, partitionKey: null,
    });
    // explain answers CookieJSON: the Why view shows the same.
    expect(jarCookieView(cookie.toJSON())).toEqual(tableRowView(cookieTableRow(cookie)));
  });

  it('reads HttpOnly and SameSite in any letter case, the last SameSite winning; a host-only cookie without them', () => {
    const other = new Cookie({
      version: 1, name: 'pref', value: null, port: '80,8080', portSpecified: true, domain: 'www.example.com', domainSpecified: false,
      domainInitialDot: false, path: '/shop', pathSpecified: true, secure: false, expires: null, discard: true,
      comment: null, commentUrl: null, rest: { HTTPONLY: null, SameSite: 'Strict', samesite: null },
    });
    expect(tableRowView(cookieTableRow(other))).toEqual({
      name: 'pref', value: null, domain: 'www.example.com', hostOnly: true, path: '/shop', secure: false, httpOnly: true, sameSite: '',
      expires: null, version: 1, port: '80,8080', partitionKey: null,
    });
    const plain = new Cookie({ ...other.toJSON(), rest: {} });
    expect(tableRowView(cookieTableRow(plain))).toMatchObject({ httpOnly: false, sameSite: null });
    const sameSiteFirst = new Cookie({ ...other.toJSON(), rest: { SameSite: 'Lax', Priority: 'High' } });
    expect(tableRowView(cookieTableRow(sameSiteFirst))).toMatchObject({ httpOnly: false, sameSite: 'Lax' });
  });

  it('maps the browser store’s fields (SameSite names, session, partition key)', () => {
    expect(browserCookieView({ name: 'a', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'no_restriction', session: true, storeId: '0', partitionKey: { topLevelSite: 'https://example.com' } }))
      .toMatchObject({ sameSite: 'None', expires: null, partitionKey: 'https://example.com', hostOnly: true });
    expect(browserCookieView({ name: 'a', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', secure: true, httpOnly: false, sameSite: 'strict', session: true, storeId: '0', partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: true } }))
      .toMatchObject({ sameSite: 'Strict', partitionKey: 'https://example.com (cross-site ancestor)' });
    // Firefox with first-party isolation keeps a cookie per first party: a partition too.
    expect(browserCookieView({ name: 'a', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'no_restriction', session: true, storeId: 'firefox-default', firstPartyDomain: 'example.com' }))
      .toMatchObject({ partitionKey: 'first party example.com' });
    expect(browserCookieView({ name: 'a', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'no_restriction', session: true, storeId: 'firefox-default', firstPartyDomain: 'example.com', partitionKey: { topLevelSite: 'http://example.com', hasCrossSiteAncestor: true } }))
      .toMatchObject({ partitionKey: 'http://example.com (cross-site ancestor), first party example.com' });
    expect(browserCookieView({ name: 'a', value: '1', domain: '.example.com', hostOnly: false, path: '/', secure: false, httpOnly: true, sameSite: 'unspecified', session: false, expirationDate: 1_900_000_000.7, storeId: '0' }))
      .toMatchObject({ sameSite: null, expires: 1_900_000_000, httpOnly: true });
  });

  it('reads the tab it is about from its own URL, and nothing from a tab id that is not a number', () => {
    expect(tabFromLocation('?full=1&tab=12&url=http%3A%2F%2Fwww.example.com%2F')).toEqual({ tabId: 12, url: 'http://www.example.com/' });
    expect(tabFromLocation('')).toEqual({ tabId: null, url: null });
    for (const tab of ['12abc', 'x12', '-1', '1.5', '']) expect(tabFromLocation(`?tab=${tab}`).tabId).toBeNull();
  });

  it('a browser cookie is a session cookie when the store says so or gives no expiry; SameSite names it does not know pass as they are', () => {
    const base: BrowserCookie = { name: 'a', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'lax', session: false, storeId: '0' };
    expect(browserCookieView({ ...base, expirationDate: 1_900_000_000.2 }).expires).toBe(1_900_000_000);
    expect(browserCookieView({ ...base, session: true, expirationDate: 1_900_000_000 }).expires).toBeNull();
    expect(browserCookieView(base).expires).toBeNull();
    expect(browserCookieView({ ...base, sameSite: 'strict' }).sameSite).toBe('Strict');
    expect(browserCookieView({ ...base, sameSite: 'future_value' }).sameSite).toBe('future_value');
  });

  it('shows a logged decision with its party, and a replayed line with its response', () => {
    const cookieJson = cookie.toJSON();
    const entry: DecisionEntry = {
      id: 1, responseId: 2, time: 5, tabId: 7, site: 'example.com', topLevelUrl: 'https://www.example.com/', requestUrl: 'https://ads.test/p',
      requestHost: 'ads.test', resourceType: 'image', label: 'third-party', thirdParty: true, unverifiable: true, originReqHost: 'www.example.com',
      header: 'Set-Cookie', line: 'sid=x', accepted: false, rule: 'set.domain.blocked', reason: 'Blocked.', cookie: cookieJson, incognito: false, storeId: '0',
    };
    expect(decisionView(entry)).toEqual({
      time: 5, tabId: 7, topSite: 'example.com', url: 'https://ads.test/p', line: 'sid=x', cookieName: 'sid', accepted: false, rule: 'set.domain.blocked', reason: 'Blocked.',
      thirdParty: true, label: 'third-party',
    });
    expect(decisionView({ ...entry, cookie: null }).cookieName).toBeNull();
    expect(replayedView({ responseId: 2, requestUrl: 'https://ads.test/p', line: 'sid=x', accepted: true, cookie: cookieJson })).toEqual({
      responseId: 2, url: 'https://ads.test/p', line: 'sid=x', cookieName: 'sid', accepted: true, rule: undefined, reason: undefined,
    });
    expect(replayedView({ responseId: 2, requestUrl: 'https://ads.test/p', line: '', accepted: false, cookie: null }).cookieName).toBeNull();
  });

  it('keeps a partitioned browser cookie’s partition, so an edit writes it back into the same partition', () => {
    const base: BrowserCookie = { name: 'a', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', secure: true, httpOnly: false, sameSite: 'no_restriction', session: true, storeId: '0' };
    const partitioned = browserCookieView({ ...base, partitionKey: { topLevelSite: 'https://example.com' } });
    expect(partitioned.partition).toEqual({ topLevelSite: 'https://example.com', hasCrossSiteAncestor: false });
    expect(cookieInputOf(partitioned).partitionKey).toEqual({ topLevelSite: 'https://example.com', hasCrossSiteAncestor: false });
    const below = browserCookieView({ ...base, partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: true } });
    expect(cookieInputOf(below).partitionKey).toEqual({ topLevelSite: 'https://example.com', hasCrossSiteAncestor: true });
    // An unpartitioned cookie is written unpartitioned.
    expect('partition' in browserCookieView(base)).toBe(false);
    expect('partitionKey' in cookieInputOf(browserCookieView(base))).toBe(false);
  });

  it('an edit starts from the cookie as the browser would take it back: a value-less jar cookie is a nameless one, an unknown SameSite is unspecified', () => {
    // Python keeps `flag` (no "=") as name "flag", value None; a browser stores it as name "", value "flag".
    const flag = tableRowView(['flag', null, 'www.example.com', false, '/', false, 2_000_000_000, 0, null, false, 'Lax']);
    expect(cookieInputOf(flag)).toEqual({
      name: '', value: 'flag', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'lax', expirationDate: 2_000_000_000,
    });
    const withValue = tableRowView(['sid', 'x', '.example.com', true, '/', true, null, 0, null, true, 'NONE']);
    expect(cookieInputOf(withValue)).toEqual({ name: 'sid', value: 'x', domain: '.example.com', hostOnly: false, path: '/', secure: true, httpOnly: true, sameSite: 'no_restriction' });
    expect(cookieInputOf({ ...withValue, sameSite: 'Sometimes' }).sameSite).toBe('unspecified');
    expect(cookieInputOf({ ...withValue, sameSite: null }).sameSite).toBe('unspecified');
  });

  it('shows the browser’s verdict beside a logged decision: stored or not, predicted, why, and whether it is still waiting or disagrees', () => {
    const entry: DecisionEntry = {
      id: 1, responseId: 2, time: 5, tabId: 7, site: 'example.com', topLevelUrl: null, requestUrl: 'https://www.example.com/',
      requestHost: 'www.example.com', resourceType: 'main_frame', label: 'top-level', thirdParty: false, unverifiable: false, originReqHost: 'www.example.com',
      header: 'Set-Cookie', line: 'sid=x; SameSite=None', accepted: true, cookie: null, incognito: false, storeId: '0',
    };
    expect(decisionView(entry).browser).toBeUndefined();
    expect(decisionView({ ...entry, browser: { stored: false, predicted: 'refused', reasons: ['SameSiteNoneInsecure'], sentence: 'SameSite=None needs Secure.', flagged: true } }).browser).toEqual({
      stored: false, predicted: 'refused', reasons: ['SameSiteNoneInsecure'], sentence: 'SameSite=None needs Secure.', pending: false, flagged: true,
    });
    expect(decisionView({ ...entry, browser: { stored: null, predicted: 'stored', reasons: [], pending: true } }).browser).toEqual({
      stored: null, predicted: 'stored', reasons: [], sentence: null, pending: true, flagged: false,
    });
  });

  it('a note on a cookie in one store only has no reasons or rule unless the worker gave them', () => {
    expect(cookieNoteView({ key: 'k', side: 'browser', kind: 'set-outside', sentence: 'Set by a script.' })).toEqual({
      key: 'k', side: 'browser', kind: 'set-outside', sentence: 'Set by a script.', reasons: [], rule: null,
    });
    expect(cookieNoteView({ key: 'k', side: 'browser', kind: 'policy-refused', sentence: 'Refused.', rule: 'set.domain.blocked', reasons: [] }).rule).toBe('set.domain.blocked');
  });
});
