// Export of the browser's store and the jar as JSON (Cookie-Editor's format) and as a Cookie
// header, of a selection; the JSON round-trips through import back into the browser's store.
import { describe, expect, it } from 'vitest';
import { readJsonCookies } from '../formats';
import { cookieInput as cookie, startMessaged as setup, type Send } from './testing/dispatchTo';
import type { FakeBrowser } from './testing/fakeBrowser';

const NOW = Date.UTC(2025, 0, 1) / 1000;

const COOKIES = [
  cookie({ name: 'visit', value: 'www' }),
  cookie({ name: 'theme', value: 'dark', domain: 'example.com', hostOnly: false, sameSite: 'lax', expirationDate: NOW + 86400 }),
  cookie({ name: 'sid', value: 's1', secure: true, httpOnly: true, sameSite: 'strict', path: '/account' }),
  cookie({ name: 'cross', value: 'c', secure: true, sameSite: 'no_restriction' }),
  cookie({ name: 'other', value: 'o', domain: 'tracker.test' }),
];

async function browsed(): Promise<{ fake: FakeBrowser; send: Send; sendRaw: (m: unknown) => Promise<unknown> }> {
  const setupResult = await setup();
  for (const c of COOKIES) await setupResult.send({ type: 'setBrowserCookie', cookie: c });
  return setupResult;
}

describe('JSON export (Cookie-Editor\'s format)', () => {
  it('writes the browser store\'s cookies of a site with every field Cookie-Editor exports, SameSite kept', async () => {
    const { send } = await browsed();
    const result = await send({ type: 'exportJar', format: 'json', source: 'browser', site: 'www.example.com' });
    expect(result.filename).toBe('cookies-www.example.com.json');
    expect(result.count).toBe(4);
    const entries = JSON.parse(result.text) as Record<string, unknown>[];
    for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(expect.arrayContaining(['domain', 'hostOnly', 'httpOnly', 'name', 'path', 'sameSite', 'secure', 'session', 'storeId', 'value']));
    expect(entries.map((e) => [e['name'], e['domain'], e['hostOnly'], e['sameSite'], e['session'], e['expirationDate']])).toEqual([
      ['visit', 'www.example.com', true, 'unspecified', true, undefined],
      ['theme', '.example.com', false, 'lax', false, NOW + 86400],
      ['sid', 'www.example.com', true, 'strict', true, undefined],
      ['cross', 'www.example.com', true, 'no_restriction', true, undefined],
    ]);
    // src/formats reads it back as it wrote it.
    expect(readJsonCookies(result.text).problems).toEqual([]);
  });

  it('round-trips: exported, the store emptied, imported again: the same store', async () => {
    const { fake, send } = await browsed();
    const before = fake.cookieStore.map((c) => ({ ...c })).sort((a, b) => String(a['name']).localeCompare(String(b['name'])));
    const { text } = await send({ type: 'exportJar', format: 'json', source: 'browser' });
    fake.cookieStore.length = 0;
    expect(await send({ type: 'importCookies', target: 'browser', text })).toMatchObject({ added: 5 });
    expect([...fake.cookieStore].sort((a, b) => String(a['name']).localeCompare(String(b['name'])))).toEqual(before);
  });

  it('exports a selection only, from the jar as well', async () => {
    const { fake, send } = await browsed();
    const selection = [{ domain: '.example.com', hostOnly: false, path: '/', name: 'theme', partition: null }, { domain: 'tracker.test', hostOnly: true, path: '/', name: 'other', partition: null }];
    const result = await send({ type: 'exportJar', format: 'json', source: 'browser', cookies: selection });
    expect((JSON.parse(result.text) as { name: string }[]).map((e) => e.name)).toEqual(['theme', 'other']);
    await send({ type: 'importCookies', target: 'jar', text: result.text });
    expect(fake.background.jar.size).toBe(2);
    const fromJar = await send({ type: 'exportJar', format: 'mozilla', dialect: 'curl', source: 'jar', cookies: [selection[1]] });
    expect(fromJar.count).toBe(1);
    expect(fromJar.text).toMatch(/^tracker\.test\tFALSE\t\/\tFALSE\t0\tother\to$/m);
  });
});

describe('Cookie header export', () => {
  it('writes the header the browser\'s cookies give a URL, for curl -H', async () => {
    const { send } = await browsed();
    const result = await send({ type: 'exportJar', format: 'header', source: 'browser', url: 'https://www.example.com/account/x' });
    expect(result.text).toBe('Cookie: sid=s1; visit=www; cross=c; theme=dark\n');
    expect(result.count).toBe(4);
    expect(result.filename).toBe('cookie-header-www.example.com.txt');
    expect(result.warnings).toContain('A Cookie header keeps names and values only: domains, paths, expiry and flags are lost.');
    const http = await send({ type: 'exportJar', format: 'header', source: 'browser', url: 'http://www.example.com/' });
    expect(http.text).toBe('Cookie: visit=www; theme=dark\n');
  });

  it('needs the URL', async () => {
    const { sendRaw } = await setup();
    expect(await sendRaw({ type: 'exportJar', format: 'header', source: 'browser' })).toMatchObject({ ok: false, error: { name: 'BadRequest', message: expect.stringContaining('"url"') as unknown } });
  });
});
