import { describe, expect, it } from 'vitest';
import type { CookieView } from '../../model';
import { storeLabel, storedLine } from './words';

describe('how the Site view names stores', () => {
  it('names the incognito store, a Firefox container by its number, and the normal store', () => {
    expect(storeLabel({ incognito: true, cookieStoreId: '1' })).toBe('the browser’s incognito store');
    expect(storeLabel({ incognito: false, cookieStoreId: 'firefox-container-3' })).toBe('the browser’s store of container 3');
    expect(storeLabel({ cookieStoreId: 'firefox-container-12' })).toBe('the browser’s store of container 12');
    expect(storeLabel({ cookieStoreId: 'firefox-default' })).toBe('the browser’s store');
    expect(storeLabel({ cookieStoreId: '0' })).toBe('the browser’s store');
    expect(storeLabel({})).toBe('the browser’s store');
    expect(storeLabel(undefined)).toBe('the browser’s store');
    // Only a container's own id names a container.
    expect(storeLabel({ cookieStoreId: 'my-firefox-container-3' })).toBe('the browser’s store');
  });
});

describe('what the browser stored, as one line', () => {
  const cookie: CookieView = {
    name: 'theme', value: 'dark', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: null,
    expires: null, version: null, port: null, partitionKey: null,
  };

  it('a plain host-only session cookie says only what it is', () => {
    expect(storedLine(cookie)).toBe('theme=dark; host-only www.example.com; Path=/; session');
  });

  it('a domain cookie with every attribute says each, its expiry as a UTC date', () => {
    expect(storedLine({
      ...cookie, domain: '.example.com', hostOnly: false, path: '/shop', secure: true, httpOnly: true, sameSite: 'Strict', expires: 2_000_000_000,
      partitionKey: 'https://example.com',
    })).toBe('theme=dark; Domain=.example.com; Path=/shop; Expires=2033-05-18 03:33:20 UTC; Secure; HttpOnly; SameSite=Strict; Partitioned (https://example.com)');
  });

  it('a cookie without a value shows an empty one', () => {
    expect(storedLine({ ...cookie, value: null, sameSite: 'Lax' })).toBe('theme=; host-only www.example.com; Path=/; session; SameSite=Lax');
  });
});
