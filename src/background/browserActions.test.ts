// The messages that change cookies, through the worker's real dispatcher, against the fake
// cookies API (testing/fakeCookies.ts: Chromium's behaviour as measured, its refusals by the
// browser model that was checked against Chromium's cookies.set).
import { describe, expect, it } from 'vitest';
import { Cookie } from '../jar';
import type { BrowserCookieInput, CookieIdentity } from '../shared/protocol';
import { cookieInput as cookie, startMessaged as setup, storeSnapshot, type Send } from './testing/dispatchTo';
import { UNDO_KEY } from './browserActions';

const NOW = Date.UTC(2025, 0, 1);
const IN_A_YEAR = NOW / 1000 + 365 * 86400;

const id = (c: BrowserCookieInput): CookieIdentity => ({ domain: c.hostOnly ? c.domain : `.${c.domain.replace(/^\./, '')}`, hostOnly: c.hostOnly, path: c.path, name: c.name, partition: null });

/** The store as a sorted list of what matters, to compare before and after. */

async function seed(send: Send, ...cookies: BrowserCookieInput[]): Promise<void> {
  for (const c of cookies) await send({ type: 'setBrowserCookie', cookie: c });
}

describe('setBrowserCookie: create and edit, checked first, read back', () => {
  it('creates a cookie and reads back what the browser stored', async () => {
    const { fake, send } = await setup();
    const reply = await send({ type: 'setBrowserCookie', cookie: cookie({ name: 'theme', value: 'dark', sameSite: 'lax', expirationDate: IN_A_YEAR }) });
    expect(reply.check).toMatchObject({ ok: true, outcome: 'stored', replaces: null });
    expect(reply.stored).toMatchObject({ name: 'theme', value: 'dark', domain: 'www.example.com', hostOnly: true, sameSite: 'lax', expirationDate: IN_A_YEAR });
    expect(reply.differences).toEqual([]);
    expect(reply.change).toMatchObject({ label: 'Created "theme"', storeId: '0', browser: 1, jar: 0 });
    expect(fake.cookieStore).toHaveLength(1);
    // The URL given to cookies.set is the cookie's own host and path (Chromium's read-back quirk).
    expect(fake.cookies.calls.at(-1)).toMatchObject({ url: 'https://www.example.com/', name: 'theme' });
  });

  it('edits the value and SameSite of a cookie, and undo restores it exactly', async () => {
    const { fake, send } = await setup();
    await seed(send, cookie({ name: 'sid', value: 'old', httpOnly: true, secure: true, sameSite: 'strict', expirationDate: IN_A_YEAR }));
    const before = storeSnapshot(fake);
    const edited = cookie({ name: 'sid', value: 'new', httpOnly: true, secure: true, sameSite: 'lax', expirationDate: IN_A_YEAR });
    const reply = await send({ type: 'setBrowserCookie', cookie: edited, replaces: id(edited) });
    expect(reply.check.replaces).toMatchObject({ value: 'old', sameSite: 'strict' });
    expect(reply.stored).toMatchObject({ value: 'new', sameSite: 'lax', httpOnly: true, secure: true });
    expect(reply.change.label).toBe('Edited "sid"');
    expect(await send({ type: 'getLastChange' })).toEqual(reply.change);
    const undone = await send({ type: 'undoLastChange' });
    expect(undone).toMatchObject({ undone: { label: 'Edited "sid"' }, browser: 1, jar: 0 });
    expect(storeSnapshot(fake)).toEqual(before);
    expect(await send({ type: 'getLastChange' })).toBeNull();
    await expect(send({ type: 'undoLastChange' })).rejects.toMatchObject({ name: 'NothingToUndoError' });
  });

  it('an edit that renames a cookie or makes it a domain cookie replaces the old one; undo brings the old one back', async () => {
    const { fake, send } = await setup();
    const old = cookie({ name: 'a', value: '1' });
    await seed(send, old);
    const before = storeSnapshot(fake);
    await send({ type: 'setBrowserCookie', cookie: cookie({ name: 'b', value: '1', domain: 'example.com', hostOnly: false }), replaces: id(old) });
    expect(fake.cookieStore.map((c) => `${String(c['name'])}@${String(c['domain'])}`)).toEqual(['b@.example.com']);
    await send({ type: 'undoLastChange' });
    expect(storeSnapshot(fake)).toEqual(before);
  });

  it('refuses what the browser would refuse, with its reasons, and changes nothing', async () => {
    const { fake, send } = await setup();
    const bad = cookie({ name: 'x', sameSite: 'no_restriction' });
    const check = await send({ type: 'checkBrowserCookie', cookie: bad });
    expect(check).toMatchObject({ ok: false, outcome: 'refused', reasons: ['SameSiteNoneInsecure'] });
    expect(check.sentence).toMatch(/SameSite=None without Secure/);
    await expect(send({ type: 'setBrowserCookie', cookie: bad })).rejects.toMatchObject({ name: 'BrowserRefusedError', message: expect.stringMatching(/^The browser would refuse it: .*SameSite=None without Secure/) as unknown });
    await expect(send({ type: 'setBrowserCookie', cookie: cookie({ name: '__Host-x', domain: 'example.com', hostOnly: false, secure: true }) })).rejects.toMatchObject({ name: 'BrowserRefusedError' });
    expect(fake.cookieStore).toEqual([]);
    expect(fake.cookies.calls).toEqual([]);
  });

  it('says where the browser stored something else than asked: an expiry capped at 400 days', async () => {
    const { send } = await setup();
    const reply = await send({ type: 'setBrowserCookie', cookie: cookie({ name: 'long', expirationDate: NOW / 1000 + 1000 * 86400 }) });
    expect(reply.check.notes).toContain('Its expiry would be capped at 400 days from now.');
    expect(reply.differences).toEqual([expect.stringMatching(/^The browser stored the expiry as 2026-02-05 00:00:00 UTC \(400 days from now: it caps expiry at 400 days\)\.$/)]);
  });

  it('a cookie the model accepts but the browser refuses: an error, and nothing changed', async () => {
    const { fake, send } = await setup();
    await seed(send, cookie({ name: 'keep', value: '1' }));
    const before = storeSnapshot(fake);
    fake.cookies.refuse = (d) => d.name === 'sid';
    await expect(send({ type: 'setBrowserCookie', cookie: cookie({ name: 'sid' }), replaces: id(cookie({ name: 'keep' })) }))
      .rejects.toMatchObject({ name: 'BrowserStoreError', message: expect.stringMatching(/did not store "sid".*Nothing was changed/) as unknown });
    expect(storeSnapshot(fake)).toEqual(before);
  });

  it('a Domain the browser turns host-only (an IP address) is found again and undone', async () => {
    const { fake, send } = await setup();
    const asked = cookie({ name: 'dev', domain: '127.0.0.1', hostOnly: false });
    const check = await send({ type: 'checkBrowserCookie', cookie: asked });
    expect(check.notes).toContain('It will be a host-only cookie of 127.0.0.1: the browser gives a Domain equal to an IP address or to a public suffix no subdomains.');
    const reply = await send({ type: 'setBrowserCookie', cookie: asked });
    expect(reply.stored).toMatchObject({ name: 'dev', domain: '127.0.0.1', hostOnly: true });
    await send({ type: 'undoLastChange' });
    expect(fake.cookieStore).toEqual([]);
  });

  it('an internationalised domain is written and found in its ASCII form', async () => {
    const { fake, send } = await setup();
    const reply = await send({ type: 'setBrowserCookie', cookie: cookie({ name: 'idn', domain: 'bücher.example', hostOnly: false }) });
    expect(reply.stored).toMatchObject({ domain: '.xn--bcher-kva.example', hostOnly: false });
    expect(fake.cookieStore).toHaveLength(1);
  });

  it('checks a partition key: Chromium refuses a first-party ancestor for another site', async () => {
    const { send } = await setup();
    const check = await send({ type: 'checkBrowserCookie', cookie: cookie({ name: 'p', secure: true, partitionKey: { topLevelSite: 'https://other.test', hasCrossSiteAncestor: false } }) });
    expect(check).toMatchObject({ ok: false, reasons: ['InvalidPartitionKey'] });
    expect((await send({ type: 'checkBrowserCookie', cookie: cookie({ name: 'p', partitionKey: { topLevelSite: 'https://other.test' } }) })).reasons).toEqual(['InvalidPartitioned']);
  });
});

describe('removeCookies: exactly the cookies named, all or nothing', () => {
  it('deletes one cookie and leaves its namesakes (the API’s remove would take them all)', async () => {
    const { fake, send } = await setup();
    await seed(send, cookie({ name: 'a', value: 'host' }), cookie({ name: 'a', value: 'dom', domain: 'example.com', hostOnly: false }), cookie({ name: 'a', value: 'deep', path: '/x' }));
    const reply = await send({ type: 'removeCookies', browser: [id(cookie({ name: 'a' }))] });
    expect(reply).toMatchObject({ browser: 1, jar: 0, missing: 0, change: { label: 'Deleted 1 cookie' } });
    expect(fake.cookieStore.map((c) => c['value']).sort()).toEqual(['deep', 'dom']);
  });

  it('deletes a partitioned cookie and not its unpartitioned namesake', async () => {
    const { fake, send } = await setup();
    await seed(send, cookie({ name: 'a', value: 'plain' }), cookie({ name: 'a', value: 'part', secure: true, partitionKey: { topLevelSite: 'https://other.test', hasCrossSiteAncestor: true } }));
    await send({ type: 'removeCookies', browser: [{ ...id(cookie({ name: 'a' })), partition: 'https://other.test (cross-site ancestor)' }] });
    expect(fake.cookieStore.map((c) => c['value'])).toEqual(['plain']);
  });

  it('deletes a selection from the browser and the jar as one change, and undo restores both', async () => {
    const { fake, send } = await setup();
    await seed(send, cookie({ name: 'a' }), cookie({ name: 'b' }), cookie({ name: 'c' }));
    fake.background.jar.setCookie(new Cookie({ version: 0, name: 'a', value: 'jar', port: null, portSpecified: false, domain: 'www.example.com', domainSpecified: false, domainInitialDot: false, path: '/', pathSpecified: true, secure: false, expires: null, discard: true, comment: null, commentUrl: null, rest: {} }));
    const before = storeSnapshot(fake);
    const reply = await send({ type: 'removeCookies', browser: [id(cookie({ name: 'a' })), id(cookie({ name: 'b' })), id(cookie({ name: 'gone' }))], jar: [id(cookie({ name: 'a' }))], label: 'Deleted the selection' });
    expect(reply).toMatchObject({ browser: 2, jar: 1, missing: 1, change: { label: 'Deleted the selection', browser: 2, jar: 1 } });
    expect(fake.cookieStore.map((c) => c['name'])).toEqual(['c']);
    expect(fake.background.jar.size).toBe(0);
    await send({ type: 'undoLastChange' });
    expect(storeSnapshot(fake)).toEqual(before);
    expect([...fake.background.jar].map((c) => `${c.name}=${c.value ?? ''}`)).toEqual(['a=jar']);
  });

  it('a deletion the browser does not do puts back the ones already deleted', async () => {
    const { fake, send } = await setup();
    await seed(send, cookie({ name: 'a' }), cookie({ name: 'b' }), cookie({ name: 'c' }));
    const before = storeSnapshot(fake);
    fake.cookies.refuse = (d) => d.name === 'c';
    await expect(send({ type: 'removeCookies', browser: ['a', 'b', 'c'].map((name) => id(cookie({ name }))) }))
      .rejects.toMatchObject({ message: expect.stringMatching(/^The browser did not delete "c" \(www\.example\.com\/\).*Nothing was changed/) as unknown });
    expect(storeSnapshot(fake)).toEqual(before);
    // And the failed change is not what undo reverts.
    expect((await send({ type: 'getLastChange' }))?.label).toBe('Created "c"');
  });
});

describe('stores', () => {
  it('lists the stores and the one of a tab; an unknown store is an error that names it', async () => {
    const { send } = await setup({ cookieStores: [{ id: '0', tabIds: [1, 2] }, { id: '1', tabIds: [9] }] });
    expect(await send({ type: 'getCookieStores', tabId: 9 })).toMatchObject({
      stores: [{ id: '0', incognito: false, tabIds: [1, 2] }, { id: '1', incognito: true, tabIds: [9] }], tabStoreId: '1',
    });
    await expect(send({ type: 'setBrowserCookie', storeId: '7', cookie: cookie({ name: 'a' }) })).rejects.toMatchObject({ name: 'UnknownStoreError', message: expect.stringContaining('"7"') as unknown });
  });

  it('writes into the incognito store, and keeps its undo record out of every storage area', async () => {
    const { fake, send } = await setup({ cookieStores: [{ id: '0', tabIds: [1] }, { id: '1', tabIds: [9] }] });
    await send({ type: 'setBrowserCookie', storeId: '1', cookie: cookie({ name: 'private', value: 'x' }) });
    expect(fake.cookieStore).toMatchObject([{ name: 'private', storeId: '1' }]);
    expect(fake.session.data[UNDO_KEY]).toBeNull();
    expect((await send({ type: 'getLastChange' }))?.storeId).toBe('1');
    await send({ type: 'undoLastChange' });
    expect(fake.cookieStore).toEqual([]);
    // A change of the normal store survives the worker being stopped (storage.session).
    await send({ type: 'setBrowserCookie', cookie: cookie({ name: 'normal' }) });
    expect(fake.session.data[UNDO_KEY]).toMatchObject({ summary: { label: 'Created "normal"', storeId: '0' } });
  });

  it('in Chrome\'s incognito instance (no storage area at all) the undo record stays in memory', async () => {
    const { fake, send } = await setup({ incognitoInstance: true });
    await send({ type: 'setBrowserCookie', cookie: cookie({ name: 'private' }) });
    expect((await send({ type: 'getLastChange' }))?.label).toBe('Created "private"');
    expect(fake.session.data).toEqual({});
    expect(fake.local.data).toEqual({});
    await send({ type: 'undoLastChange' });
    expect(fake.cookieStore).toEqual([]);
  });

  it('undo works after the worker was stopped and started again', async () => {
    const first = await setup();
    await seed(first.send, cookie({ name: 'a', value: '1' }));
    const { fake, send } = await setup({ session: first.fake.session });
    fake.cookieStore.push(...first.fake.cookieStore);
    expect((await send({ type: 'getLastChange' }))?.label).toBe('Created "a"');
    await send({ type: 'undoLastChange' });
    expect(fake.cookieStore).toEqual([]);
  });
});

describe('guards', () => {
  it.each([
    [{ type: 'setBrowserCookie', cookie: { name: 'a' } }, /"cookie\.value" must be a string/],
    [{ type: 'setBrowserCookie', cookie: { ...cookie({ name: 'a' }), sameSite: 'None' } }, /"cookie\.sameSite" must be one of/],
    [{ type: 'setBrowserCookie', cookie: { ...cookie({ name: 'a' }), evil: 1 } }, /Unknown cookie field "evil"/],
    [{ type: 'removeCookies', browser: [{ domain: 'x' }] }, /"browser" must be a list of cookie identities/],
    [{ type: 'importCookies', text: 'a=1' }, /"target" must be "browser" or "jar"/],
  ])('%j is refused', async (message, error) => {
    const { sendRaw } = await setup();
    expect(await sendRaw(message)).toMatchObject({ ok: false, error: { name: 'BadRequest', message: expect.stringMatching(error) as unknown } });
  });
});
