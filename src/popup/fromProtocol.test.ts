import { describe, expect, it } from 'vitest';
import { Cookie } from '../jar';
import { browserCookieView, jarCookieView, tableRowView, tabFromLocation } from './fromProtocol';

describe('the protocol mapped onto the views', () => {
  const cookie = new Cookie({
    version: 0, name: 'sid', value: 'x', port: null, portSpecified: false, domain: '.example.com', domainSpecified: true,
    domainInitialDot: true, path: '/', pathSpecified: true, secure: true, expires: 2_000_000_000, discard: false,
    comment: null, commentUrl: null, rest: { HttpOnly: null, samesite: 'Lax' },
  });

  it('a compact row and a CookieJSON give the same view', () => {
    const view = jarCookieView(cookie.toJSON());
    expect(view).toEqual({ name: 'sid', value: 'x', domain: '.example.com', hostOnly: false, path: '/', secure: true, httpOnly: true, sameSite: 'Lax', expires: 2_000_000_000, version: 0, port: null, partitionKey: null });
    // The row getCookieRows sends for that cookie (src/background/cookies.ts, cookieTableRow).
    expect(tableRowView(['sid', 'x', '.example.com', true, '/', true, 2_000_000_000, 0, null, true, 'Lax'])).toEqual(view);
  });

  it('maps the browser store’s fields (SameSite names, session, partition key)', () => {
    expect(browserCookieView({ name: 'a', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'no_restriction', session: true, storeId: '0', partitionKey: { topLevelSite: 'https://example.com' } }))
      .toMatchObject({ sameSite: 'None', expires: null, partitionKey: 'https://example.com', hostOnly: true });
    expect(browserCookieView({ name: 'a', value: '1', domain: '.example.com', hostOnly: false, path: '/', secure: false, httpOnly: true, sameSite: 'unspecified', session: false, expirationDate: 1_900_000_000.7, storeId: '0' }))
      .toMatchObject({ sameSite: null, expires: 1_900_000_000, httpOnly: true });
  });

  it('reads the tab it is about from its own URL', () => {
    expect(tabFromLocation('?full=1&tab=12&url=http%3A%2F%2Fwww.example.com%2F')).toEqual({ tabId: 12, url: 'http://www.example.com/' });
    expect(tabFromLocation('')).toEqual({ tabId: null, url: null });
  });
});
