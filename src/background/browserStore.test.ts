// The exact operations on one cookie store, over the fake cookies API (testing/fakeCookies.ts:
// Chromium's answers as measured): what the browser is asked, which cookie is found, and the errors
// a person reads (an unknown store, a write the browser refuses, a browser without partitions).
import { describe, expect, it } from 'vitest';
import type { CookieIdentity } from '../shared/cookieIdentity';
import { BrowserStore, UnknownStoreError, setDetails, type CookiesWriteApi } from './browserStore';
import { cookieInput as input } from './testing/dispatchTo';
import { fakeCookiesApi, type FakeCookiesApi, type RawCookie } from './testing/fakeCookies';

const NOW = Date.UTC(2025, 0, 1);
const PARTITION = { topLevelSite: 'https://top.test', hasCrossSiteAncestor: true };

function raw(name: string, value: string, extra: RawCookie = {}): RawCookie {
  return { name, value, domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'unspecified', session: true, storeId: '0', ...extra };
}

/** A fake API with two stores ("0", the default, and "1"), recording what getAll was asked. */
function apiOver(cookies: RawCookie[], options: { partitioned?: boolean } = {}): { api: FakeCookiesApi & CookiesWriteApi; queries: Record<string, unknown>[] } {
  const fake = fakeCookiesApi(cookies, { now: () => NOW, stores: [{ id: '0', tabIds: [1] }, { id: '1', tabIds: [9] }], ...options });
  const queries: Record<string, unknown>[] = [];
  const getAll = fake.getAll.bind(fake);
  fake.getAll = (details) => { queries.push(structuredClone(details)); return getAll(details); };
  return { api: fake, queries };
}

const identity = (name: string, extra: Partial<CookieIdentity> = {}): CookieIdentity => ({ name, domain: 'www.example.com', hostOnly: true, path: '/', partition: null, ...extra });

describe('setDetails: what cookies.set is asked', () => {
  it('a host-only session cookie of the default store: its own URL, no domain, no expiry, no partition, no store', () => {
    expect(setDetails(undefined, input({ name: 'a', value: '1', path: '/app' }))).toStrictEqual({
      url: 'https://www.example.com/app', name: 'a', value: '1', path: '/app', secure: false, httpOnly: false, sameSite: 'unspecified',
    });
  });

  it('a partitioned domain cookie with an expiry, in a named store', () => {
    expect(setDetails('1', input({ name: 'a', value: '1', domain: '.example.com', hostOnly: false, secure: true, expirationDate: 1_900_000_000, partitionKey: PARTITION }))).toStrictEqual({
      url: 'https://example.com/', name: 'a', value: '1', path: '/', secure: true, httpOnly: false, sameSite: 'unspecified',
      domain: 'example.com', expirationDate: 1_900_000_000, partitionKey: PARTITION, storeId: '1',
    });
  });
});

describe('BrowserStore', () => {
  it('lists a store’s cookies, partitioned ones too, or one site’s; the default store is asked without naming one', async () => {
    const cookies = [raw('a', '1'), raw('b', '2', { domain: 'other.test' }), raw('p', '3', { secure: true, partitionKey: PARTITION }), raw('c', '4', { storeId: '1' })];
    const { api, queries } = apiOver(cookies);
    const warnings: string[] = [];
    expect((await new BrowserStore(api, undefined).list(undefined, warnings)).map((c) => c.name)).toEqual(['a', 'b', 'p']);
    expect((await new BrowserStore(api, undefined).list('www.example.com')).map((c) => c.name)).toEqual(['a', 'p']);
    expect((await new BrowserStore(api, '1').list()).map((c) => c.name)).toEqual(['c']);
    expect(queries).toStrictEqual([{ partitionKey: {} }, { partitionKey: {} }, { storeId: '1', partitionKey: {} }]);
    expect(warnings).toEqual([]);
  });

  it('a browser that cannot list partitioned cookies: the unpartitioned ones, and a warning that says so', async () => {
    const { api } = apiOver([raw('a', '1'), raw('c', '2', { storeId: '1' })], { partitioned: false });
    const warnings: string[] = [];
    expect((await new BrowserStore(api, '1').list(undefined, warnings)).map((c) => c.name)).toEqual(['c']);
    expect(warnings).toEqual(['This browser cannot list partitioned cookies: only unpartitioned ones are shown.']);
    expect(await new BrowserStore(api, '1').find(identity('c'))).toMatchObject({ name: 'c', value: '2', storeId: '1' });
    expect(await new BrowserStore(api, '1').find(identity('a'))).toBeUndefined();
  });

  it('finds exactly the cookie of an identity among its namesakes, in its own store', async () => {
    const cookies = [
      raw('sid', 'deep', { path: '/x' }), raw('sid', 'sub', { domain: 'a.www.example.com' }), raw('sid', 'part', { secure: true, partitionKey: PARTITION }),
      raw('sid', 'other store', { storeId: '1' }), raw('sid', 'host'),
    ];
    const { api, queries } = apiOver(cookies);
    const store = new BrowserStore(api, undefined);
    expect((await store.find(identity('sid')))?.value).toBe('host');
    expect((await store.find(identity('sid', { partition: 'https://top.test (cross-site ancestor)' })))?.value).toBe('part');
    expect((await store.find(identity('sid', { path: '/x' })))?.value).toBe('deep');
    expect((await new BrowserStore(api, '1').find(identity('sid')))?.value).toBe('other store');
    expect(await store.find(identity('none'))).toBeUndefined();
    expect(queries[0]).toStrictEqual({ name: 'sid', domain: 'www.example.com', partitionKey: {} });
  });

  it('an unknown store is an error that names it, whatever the operation', async () => {
    const { api } = apiOver([]);
    const gone = new BrowserStore(api, '7');
    const expected = { name: 'UnknownStoreError', message: new UnknownStoreError('7').message };
    expect(expected.message).toContain('"7"');
    await expect(gone.list()).rejects.toMatchObject(expected);
    await expect(gone.find(identity('a'))).rejects.toMatchObject(expected);
    await expect(gone.set(input({ name: 'a' }))).rejects.toMatchObject(expected);
  });

  it('a write the browser refuses rejects with the browser’s own message; other failures to read are not blamed on the store', async () => {
    const { api } = apiOver([]);
    api.refuse = (d) => d.name === 'bad';
    const store = new BrowserStore(api, undefined);
    await expect(store.set(input({ name: 'bad' }))).rejects.toMatchObject({ name: 'Error', message: 'Failed to parse or set cookie named "bad".' });
    await store.set(input({ name: 'good', value: '1' }));
    expect((await store.index()).size).toBe(1);
    const broken: CookiesWriteApi = { ...api, getAll: () => Promise.reject(new Error('The extension context was invalidated.')) };
    await expect(new BrowserStore(broken, undefined).find(identity('a'))).rejects.toThrow('The extension context was invalidated.');
  });
});
