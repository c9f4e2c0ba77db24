// More of the messages that change cookies, through the worker's real dispatcher against the fake
// cookies API: the change record (its ids across worker restarts, its store, an undo record read
// back damaged), what a deletion counts and says, an expiry in the past, a Domain the browser turns
// host-only over an existing cookie, and a worker where the cookies API is not available.
import { describe, expect, it } from 'vitest';
import { Cookie } from '../jar';
import type { BrowserCookieInput, CookieIdentity } from '../shared/protocol';
import { UNDO_KEY } from './browserActions';
import { cookieInput as cookie, startMessaged as setup, storeSnapshot, type Send } from './testing/dispatchTo';
import { fakeStorage } from './testing/fakeBrowser';

const NOW = Date.UTC(2025, 0, 1);
const IN_A_YEAR = NOW / 1000 + 365 * 86400;
const id = (c: BrowserCookieInput): CookieIdentity => ({ domain: c.hostOnly ? c.domain : `.${c.domain.replace(/^\./, '')}`, hostOnly: c.hostOnly, path: c.path, name: c.name, partition: null });

async function seed(send: Send, ...cookies: BrowserCookieInput[]): Promise<void> {
  for (const c of cookies) await send({ type: 'setBrowserCookie', cookie: c });
}

function jarCookie(name: string, value = 'jar'): Cookie {
  return new Cookie({
    version: 0, name, value, port: null, portSpecified: false, domain: 'www.example.com', domainSpecified: false, domainInitialDot: false,
    path: '/', pathSpecified: true, secure: false, expires: null, discard: true, comment: null, commentUrl: null, rest: {},
  });
}

describe('the change record', () => {
  it('ids keep increasing, across a worker stopped and started again', async () => {
    const first = await setup();
    expect(await first.send({ type: 'getLastChange' })).toBeNull();
    const firstChange = (await first.send({ type: 'setBrowserCookie', cookie: cookie({ name: 'a' }) })).change;
    const second = (await first.send({ type: 'setBrowserCookie', cookie: cookie({ name: 'b' }) })).change;
    expect(second.id).toBe(firstChange.id + 1);
    const { fake, send } = await setup({ session: first.fake.session });
    fake.cookieStore.push(...first.fake.cookieStore);
    expect((await send({ type: 'getLastChange' }))?.id).toBe(second.id);
    const third = (await send({ type: 'setBrowserCookie', cookie: cookie({ name: 'c' }) })).change;
    const fourth = (await send({ type: 'removeCookies', browser: [id(cookie({ name: 'a' }))] })).change;
    expect([third.id, fourth?.id]).toEqual([second.id + 1, second.id + 2]);
  });

  it('an undo record read back damaged is no change to undo (and no error)', async () => {
    const summary = { id: 4, label: 'Created "a"', storeId: '0', time: NOW, browser: 1, jar: 0 };
    const damaged: unknown[] = [null, 42, 'x', { browser: [], jar: [] }, { summary: 'Created', browser: [], jar: [] }, { summary, jar: [] }, { summary, browser: [] }, { summary, browser: 'x', jar: [] }];
    expect(damaged).toHaveLength(8);
    for (const record of damaged) {
      const { send } = await setup({ session: fakeStorage({ [UNDO_KEY]: record }) });
      expect(await send({ type: 'getLastChange' })).toBeNull();
      await expect(send({ type: 'undoLastChange' })).rejects.toMatchObject({ name: 'NothingToUndoError', message: 'There is no change to undo.' });
    }
    const { send } = await setup({ session: fakeStorage({ [UNDO_KEY]: { summary, browser: [], jar: [] } }) });
    expect(await send({ type: 'getLastChange' })).toEqual(summary);
  });

  it('in Chrome’s incognito instance (no storage area) a fresh worker has nothing to undo', async () => {
    const { send } = await setup({ incognitoInstance: true });
    expect(await send({ type: 'getLastChange' })).toBeNull();
  });

  it('a cookie the browser reports without a store is in the store the change named, and undo finds it there', async () => {
    const { fake, send } = await setup();
    fake.cookieStore.push({ ...cookie({ name: 'a', value: 'x' }), session: true, storeId: '' }, { ...cookie({ name: 'b', value: 'x' }), session: true, storeId: '' });
    const named = await send({ type: 'removeCookies', storeId: '0', browser: [id(cookie({ name: 'a' }))] });
    expect(named.change?.storeId).toBe('0');
    await send({ type: 'undoLastChange' });
    const unnamed = await send({ type: 'removeCookies', browser: [id(cookie({ name: 'b' }))] });
    expect(unnamed.change?.storeId).toBeNull();
    await send({ type: 'undoLastChange' });
    expect(fake.cookieStore.map((c) => c['name']).sort()).toEqual(['a', 'b']);
  });

  it('undo of a creation whose cookie is gone since (a site deleted it) has nothing to put back, and succeeds', async () => {
    const { fake, send } = await setup();
    await seed(send, cookie({ name: 'a' }));
    fake.cookieStore.length = 0;
    expect(await send({ type: 'undoLastChange' })).toMatchObject({ undone: { label: 'Created "a"' }, browser: 0, jar: 0 });
    expect(fake.cookieStore).toEqual([]);
  });
});

describe('setBrowserCookie: what a write replaces', () => {
  it('an expiry in the past deletes the cookie: no cookie stored, and undo brings it back', async () => {
    const { fake, send } = await setup();
    await seed(send, cookie({ name: 'a', value: 'kept', expirationDate: IN_A_YEAR }));
    const before = storeSnapshot(fake);
    const reply = await send({ type: 'setBrowserCookie', cookie: cookie({ name: 'a', expirationDate: NOW / 1000 - 60 }), replaces: id(cookie({ name: 'a' })) });
    expect(reply).toMatchObject({ check: { outcome: 'deleted' }, stored: null, differences: [], change: { label: 'Deleted "a" (an expiry in the past)', browser: 1 } });
    expect(fake.cookieStore).toEqual([]);
    await send({ type: 'undoLastChange' });
    expect(storeSnapshot(fake)).toEqual(before);
  });

  it('an expiry in the past for a cookie that does not exist changes nothing: the last change stays the one to undo', async () => {
    const { fake, send } = await setup();
    await seed(send, cookie({ name: 'a' }));
    const reply = await send({ type: 'setBrowserCookie', cookie: cookie({ name: 'none', expirationDate: NOW / 1000 - 60 }) });
    expect(reply).toMatchObject({ stored: null, differences: [], change: { browser: 0 } });
    expect((await send({ type: 'getLastChange' }))?.label).toBe('Created "a"');
    expect(fake.cookieStore.map((c) => c['name'])).toEqual(['a']);
  });

  it('a Domain the browser turns host-only replaces the host-only cookie already there; undo brings its value back', async () => {
    const { fake, send } = await setup();
    await seed(send, cookie({ name: 'dev', value: 'old', domain: '127.0.0.1' }));
    const before = storeSnapshot(fake);
    const reply = await send({ type: 'setBrowserCookie', cookie: cookie({ name: 'dev', value: 'new', domain: '127.0.0.1', hostOnly: false }) });
    expect(reply.check).toMatchObject({ ok: true, outcome: 'stored', replaces: { name: 'dev', value: 'old', domain: '127.0.0.1', hostOnly: true } });
    expect(fake.cookieStore).toMatchObject([{ name: 'dev', value: 'new', hostOnly: true }]);
    await send({ type: 'undoLastChange' });
    expect(storeSnapshot(fake)).toEqual(before);
  });
});

describe('removeCookies: what it counts and says', () => {
  it('one cookie from the browser and one from the jar: "Deleted 2 cookies", both counted, and the missing ones of either', async () => {
    const { fake, send } = await setup();
    await seed(send, cookie({ name: 'a' }));
    fake.background.jar.setCookie(jarCookie('j'));
    const reply = await send({ type: 'removeCookies', browser: [id(cookie({ name: 'a' })), id(cookie({ name: 'a' })), id(cookie({ name: 'x' }))], jar: [id(cookie({ name: 'j' })), id(cookie({ name: 'y' }))] });
    expect(reply).toMatchObject({ browser: 1, jar: 1, missing: 2, change: { label: 'Deleted 2 cookies', browser: 1, jar: 1 } });
    expect(fake.cookieStore).toEqual([]);
    expect(fake.background.jar.size).toBe(0);
  });

  it('nothing of the selection is there: no change, nothing to undo in its place', async () => {
    const { send } = await setup();
    await seed(send, cookie({ name: 'a' }));
    expect(await send({ type: 'removeCookies', browser: [id(cookie({ name: 'x' }))], jar: [id(cookie({ name: 'y' }))] })).toEqual({ browser: 0, jar: 0, missing: 2, change: null });
    expect((await send({ type: 'getLastChange' }))?.label).toBe('Created "a"');
  });
});

describe('where the cookies API is not available', () => {
  it('the jar can still be changed and undone; a browser write says the store is not available', async () => {
    const { fake, send } = await setup({ background: { cookies: undefined } });
    fake.background.jar.setCookie(jarCookie('j'));
    expect(await send({ type: 'removeCookies', jar: [id(cookie({ name: 'j' }))] })).toMatchObject({ browser: 0, jar: 1, missing: 0, change: { label: 'Deleted 1 cookie', storeId: null } });
    expect(fake.background.jar.size).toBe(0);
    expect(await send({ type: 'undoLastChange' })).toMatchObject({ browser: 0, jar: 1 });
    expect([...fake.background.jar].map((c) => c.name)).toEqual(['j']);
    await expect(send({ type: 'setBrowserCookie', cookie: cookie({ name: 'a' }) })).rejects.toMatchObject({ name: 'Unavailable', message: 'The browser’s cookie store is not available here.' });
  });
});
