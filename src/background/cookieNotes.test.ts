// Why a cookie is only in the jar or only in the browser, through the worker's explainDifferences
// (the fake browser's store is what cookies.getAll answers; tests keep it as the browser would).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { identityKey } from '../shared/cookieIdentity';
import type { CookieNote } from '../shared/protocol';
import { SETTLE_MS } from './browserVerdicts';
import { chromeRequest, startFakeBrowser, withCookies, type FakeBrowser } from './testing/fakeBrowser';

function apiCookie(name: string, value: string, domain: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, value, domain, hostOnly: !domain.startsWith('.'), path: '/', secure: false, httpOnly: false, sameSite: 'unspecified', session: true, storeId: '0', ...extra };
}

async function started(): Promise<FakeBrowser> {
  const fake = startFakeBrowser({ background: { now: () => Date.now() } });
  await fake.background.ready;
  return fake;
}

function respond(fake: FakeBrowser, url: string, lines: string[]): void {
  fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest(url, { timeStamp: Date.now() }), ...lines));
}

/** The browser stores a cookie: it is in its store, and cookies.onChanged says so. */
function browserStores(fake: FakeBrowser, cookie: Record<string, unknown>): void {
  fake.cookieStore.push(cookie);
  fake.events.cookies.onChanged.dispatch({ removed: false, cause: 'explicit', cookie });
}

async function notes(fake: FakeBrowser, site = 'example.com'): Promise<CookieNote[]> {
  return (await fake.background.handlers().explainDifferences({ type: 'explainDifferences', site })).notes;
}

const hostKey = (name: string, host: string) => identityKey({ name, domain: host, hostOnly: true, path: '/', partition: null });

describe('explainDifferences: why a cookie is in one store only', () => {
  beforeEach(() => { vi.useFakeTimers({ now: Date.UTC(2025, 0, 1) }); });
  afterEach(() => { vi.useRealTimers(); });

  it('only in the jar because the browser refused it: the browser’s reasons and sentence', async () => {
    const fake = await started();
    respond(fake, 'https://www.example.com/', ['none=1; SameSite=None']);
    vi.advanceTimersByTime(SETTLE_MS + 100);
    const [note] = await notes(fake);
    expect(note).toMatchObject({ key: hostKey('none', 'www.example.com'), side: 'jar', kind: 'browser-refused', reasons: ['SameSiteNoneInsecure'] });
    expect(note?.sentence).toContain('SameSite=None without Secure');
  });

  it('only in the jar because the browser removed it since (the cause), or because it was imported', async () => {
    const fake = await started();
    respond(fake, 'https://www.example.com/', ['short=1']);
    browserStores(fake, apiCookie('short', '1', 'www.example.com'));
    fake.cookieStore.length = 0;
    fake.events.cookies.onChanged.dispatch({ removed: true, cause: 'expired', cookie: apiCookie('short', '1', 'www.example.com') });
    await fake.background.handlers().importJar({ type: 'importJar', format: 'mozilla', text: '# Netscape HTTP Cookie File\nwww.example.com\tFALSE\t/\tFALSE\t0\tfromfile\t1\n' });
    const byKey = new Map((await notes(fake)).map((n) => [n.key, n]));
    expect(byKey.get(hostKey('short', 'www.example.com'))).toMatchObject({ kind: 'browser-removed' });
    expect(byKey.get(hostKey('short', 'www.example.com'))?.sentence).toContain('expired');
    expect(byKey.get(hostKey('fromfile', 'www.example.com'))).toMatchObject({ side: 'jar', kind: 'not-logged' });
  });

  it('only in the browser because the policy refused it: the rule', async () => {
    const fake = await started();
    const handlers = fake.background.handlers();
    const policy = await handlers.getPolicy({ type: 'getPolicy' });
    await handlers.setPolicy({ type: 'setPolicy', settings: { ...policy, blockedDomains: ['.example.com'] } });
    respond(fake, 'https://www.example.com/', ['blocked=1']);
    browserStores(fake, apiCookie('blocked', '1', 'www.example.com'));
    const [note] = await notes(fake);
    expect(note).toMatchObject({ side: 'browser', kind: 'policy-refused', rule: 'set.domain.blocked' });
    expect(note?.sentence).toContain('The policy refused it');
  });

  it('only in the browser because a script (or an extension) set it, or because it was there before', async () => {
    const fake = await started();
    fake.cookieStore.push(apiCookie('old', '1', 'www.example.com'));
    browserStores(fake, apiCookie('js', '1', '.example.com'));
    vi.advanceTimersByTime(SETTLE_MS + 100);
    const byKey = new Map((await notes(fake)).map((n) => [n.key, n]));
    expect(byKey.get(identityKey({ name: 'js', domain: '.example.com', hostOnly: false, path: '/', partition: null }))).toMatchObject({ side: 'browser', kind: 'set-outside' });
    expect(byKey.get(hostKey('old', 'www.example.com'))).toMatchObject({ side: 'browser', kind: 'before' });
  });

  it('a cookie in both stores has no note', async () => {
    const fake = await started();
    respond(fake, 'https://www.example.com/', ['both=1']);
    browserStores(fake, apiCookie('both', '1', 'www.example.com'));
    expect(await notes(fake)).toEqual([]);
  });
});
