// What an export hands the user: the file text, its name, what it lost (warnings) and how many
// cookies it holds, for each format, from the jar and from the browser's store.
import { describe, expect, it } from 'vitest';
import { toJarCookie, type CookieFields } from '../formats';
import type { Cookie } from '../jar';
import { exportFile, type ExportSources } from './exportFile';
import type { BrowserCookie, ExportRequest, ExportResult } from './protocol';

const NOW = Date.UTC(2025, 0, 1) / 1000;
const NOW_MS = NOW * 1000;

function fields(over: Partial<CookieFields>): CookieFields {
  return { name: 'n', value: 'v', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, expires: null, httpOnly: false, sameSite: null, ...over };
}

/** The jar: a persistent domain cookie, a session cookie and an expired one. */
const JAR = (): Cookie[] => [
  toJarCookie(fields({ name: 'theme', value: 'dark', domain: 'example.com', hostOnly: false, expires: NOW + 86400 })),
  toJarCookie(fields({ name: 'sid', value: 's1' })),
  toJarCookie(fields({ name: 'old', value: 'x', expires: NOW - 10 })),
];

function browserCookie(over: Partial<BrowserCookie>): BrowserCookie {
  return { name: 'n', value: 'v', domain: 'www.example.com', hostOnly: true, path: '/', secure: true, httpOnly: false, sameSite: 'unspecified', session: true, storeId: '0', ...over };
}

function sources(jar: Cookie[], browser: BrowserCookie[] = []): ExportSources {
  return { jar: () => jar, browser: () => Promise.resolve(browser) };
}

function run(message: ExportRequest, from: ExportSources = sources(JAR())): Promise<ExportResult> {
  return exportFile(message, from, NOW_MS);
}

const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));

describe('cookies.txt and LWP', () => {
  it('writes Python\'s cookies.txt by default, from the jar, leaving out expired cookies', async () => {
    const result = await run({ format: 'mozilla' });
    expect(result.filename).toBe('cookies.txt');
    expect(result.count).toBe(2);
    expect(lines(result.text)).toEqual([
      `.example.com\tTRUE\t/\tFALSE\t${NOW + 86400}\ttheme\tdark`,
      'www.example.com\tFALSE\t/\tFALSE\t\tsid\ts1',
    ]);
    expect(result.warnings).toEqual([
      'Left out 1 expired cookie.',
      '1 session cookie written with an empty expiry, as Python does: curl and wget drop such lines (use their dialects).',
    ]);
  });

  it('keeps expired cookies when asked, and says nothing about a dialect cookies.txt has', async () => {
    const result = await run({ format: 'mozilla', dialect: 'curl', includeExpired: true, site: 'www.example.com' });
    expect(result.filename).toBe('cookies-www.example.com.txt');
    expect(result.count).toBe(3);
    expect(lines(result.text)).toContain(`www.example.com\tFALSE\t/\tFALSE\t${NOW - 10}\told\tx`);
    expect(result.warnings).toEqual([]);
  });

  it('writes LWP\'s Set-Cookie3 lines, and warns that a cookies.txt dialect does not apply to it', async () => {
    const result = await run({ format: 'lwp', dialect: 'wget', includeSession: false });
    expect(result.filename).toBe('cookies.lwp');
    expect(result.text.split('\n')[0]).toBe('#LWP-Cookies-2.0');
    expect(result.count).toBe(1);
    expect(result.text).toContain('Set-Cookie3: theme=dark;');
    expect(result.warnings).toEqual([
      'The LWP format has no dialects (the "wget" dialect applies to cookies.txt only).',
      'Left out 1 session cookie (include session cookies to keep them).',
      'Left out 1 expired cookie.',
    ]);
  });

  it('says the "python" dialect of an LWP file without a warning (it is what LWP is)', async () => {
    expect((await run({ format: 'lwp', dialect: 'python', includeExpired: true })).warnings).toEqual([]);
  });
});

describe('JSON (Cookie-Editor\'s format)', () => {
  it('from the jar: the same choice of session and expired cookies as cookies.txt, each left out said', async () => {
    const byDefault = await run({ format: 'json', site: 'Example Site/x' });
    expect(byDefault.filename).toBe('cookies-Example_Site_x.json');
    expect((JSON.parse(byDefault.text) as { name: string }[]).map((c) => c.name)).toEqual(['theme', 'sid']);
    expect(byDefault.count).toBe(2);
    expect(byDefault.warnings).toEqual(['Left out 1 expired cookie.']);

    const persistentOnly = await run({ format: 'json', includeSession: false });
    expect(persistentOnly.filename).toBe('cookies.json');
    expect((JSON.parse(persistentOnly.text) as { name: string }[]).map((c) => c.name)).toEqual(['theme']);
    expect(persistentOnly.count).toBe(1);
    expect(persistentOnly.warnings).toEqual(['Left out 1 session cookie (include session cookies to keep them).', 'Left out 1 expired cookie.']);

    const everything = await run({ format: 'json', includeExpired: true, dialect: 'curl' });
    expect((JSON.parse(everything.text) as { name: string }[]).map((c) => c.name)).toEqual(['theme', 'sid', 'old']);
    expect(everything.warnings).toEqual(['The json format has no dialects (the "curl" dialect applies to cookies.txt only).']);
  });

  it('counts two left out of a kind in the plural', async () => {
    const jar = [...JAR(), toJarCookie(fields({ name: 'older', expires: NOW - 20 })), toJarCookie(fields({ name: 'tmp' }))];
    const result = await run({ format: 'json', includeSession: false }, sources(jar));
    expect(result.warnings).toEqual(['Left out 2 session cookies (include session cookies to keep them).', 'Left out 2 expired cookies.']);
    expect(result.count).toBe(1);
  });

  it('from the browser: its own fields, SameSite kept, a fractional expiry in whole seconds, a session cookie without one', async () => {
    const browser = [
      browserCookie({ name: 'pref', domain: '.Example.COM', hostOnly: false, sameSite: 'lax', session: false, expirationDate: NOW + 3600.75 }),
      browserCookie({ name: 'tab', sameSite: 'strict', session: true, expirationDate: NOW + 60 }),
      browserCookie({ name: 'gone', session: false, expirationDate: NOW - 1 }),
      // Not a session cookie, yet no expiry given: written as a session cookie rather than with no valid date.
      browserCookie({ name: 'undated', session: false }),
    ];
    const result = await run({ format: 'json', source: 'browser' }, sources([], browser));
    const written = JSON.parse(result.text) as Record<string, unknown>[];
    expect(written.map((c) => [c['name'], c['domain'], c['sameSite'], c['session'], c['expirationDate']])).toEqual([
      ['pref', '.example.com', 'lax', false, NOW + 3600],
      ['tab', 'www.example.com', 'strict', true, undefined],
      ['undated', 'www.example.com', 'unspecified', true, undefined],
    ]);
    expect(result.warnings).toEqual(['Left out 1 expired cookie.']);
  });

  it('says what partitioned cookies lose, one or several', async () => {
    const partitioned = (name: string): BrowserCookie => browserCookie({ name, partitionKey: { topLevelSite: 'https://shop.test', hasCrossSiteAncestor: true } });
    const one = await run({ format: 'json', source: 'browser' }, sources([], [partitioned('a'), browserCookie({ name: 'plain' })]));
    expect(one.warnings).toEqual(['1 partitioned browser cookie loses its partition key: the file treats it as an ordinary cookie.']);
    const two = await run({ format: 'mozilla', dialect: 'curl', source: 'browser' }, sources([], [partitioned('a'), partitioned('b')]));
    expect(two.warnings).toEqual(['2 partitioned browser cookies lose their partition key: the file treats them as ordinary cookies.']);
    const none = await run({ format: 'json', source: 'browser' }, sources([], [browserCookie({ name: 'plain' })]));
    expect(none.warnings).toEqual([]);
  });
});

describe('a Cookie header', () => {
  it('holds what the URL is sent, and nothing about partitions it does not write', async () => {
    const browser = [browserCookie({ name: 'a', value: '1', partitionKey: { topLevelSite: 'https://shop.test' } }), browserCookie({ name: 'b', value: '2' })];
    const result = await run({ format: 'header', source: 'browser', url: 'https://www.example.com/' }, sources([], browser));
    expect(result.text).toBe('Cookie: a=1; b=2\n');
    expect(result.filename).toBe('cookie-header-www.example.com.txt');
    expect(result.warnings).toEqual(['A Cookie header keeps names and values only: domains, paths, expiry and flags are lost.']);
  });

  it('names the file after the URL\'s host with only safe characters, an IPv6 address too', async () => {
    const jar = [toJarCookie(fields({ name: 'v6', domain: '[::1]' }))];
    const result = await run({ format: 'header', url: 'http://[::1]:8080/' }, sources(jar));
    expect(result.filename).toBe('cookie-header-___1_.txt');
  });

  it('leaves out session cookies when asked', async () => {
    const result = await run({ format: 'header', url: 'https://www.example.com/', includeSession: false, dialect: 'yt-dlp' });
    expect(result.text).toBe('Cookie: theme=dark\n');
    expect(result.warnings).toEqual([
      'The header format has no dialects (the "yt-dlp" dialect applies to cookies.txt only).',
      'Left out 1 session cookie (include session cookies to keep them).',
      'Left out 1 expired cookie.',
      'A Cookie header keeps names and values only: domains, paths, expiry and flags are lost.',
    ]);
  });
});
