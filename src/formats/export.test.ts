import { describe, expect, it } from 'vitest';
import { Cookie, MozillaCookieJar } from '../jar';
import { exportCookies } from './export';

const base = { version: 0, port: null, portSpecified: false, pathSpecified: true, comment: null, commentUrl: null } as const;
const cookies = () => [
  new Cookie({ ...base, name: 'sess', value: 's', domain: 'www.example.com', domainSpecified: false, domainInitialDot: false, path: '/', secure: false, expires: null, discard: true }),
  new Cookie({ ...base, name: 'http', value: 'h', domain: '.example.com', domainSpecified: true, domainInitialDot: true, path: '/', secure: false, expires: 2000000000, discard: false, rest: { HttpOnly: null } }),
  new Cookie({ ...base, name: 'sec', value: 'x', domain: 'shop.example.com', domainSpecified: false, domainInitialDot: false, path: '/cart', secure: true, expires: 2000000000, discard: false, rest: { SameSite: 'Lax' } }),
  new Cookie({ ...base, name: 'bad', value: 'a\tb', domain: 'www.example.com', domainSpecified: false, domainInitialDot: false, path: '/', secure: false, expires: null, discard: true }),
];
const NOW = 1_700_000_000;
const body = (text: string) => text.split('\n').filter((line) => line !== '' && !line.startsWith('# '));
const run = (dialect: 'python' | 'curl' | 'wget' | 'yt-dlp', format: 'mozilla' | 'lwp' = 'mozilla') =>
  exportCookies(cookies(), { format, dialect, includeSession: true, includeExpired: false }, NOW);

describe('export dialects', () => {
  it.each([
    ['curl', ['www.example.com\tFALSE\t/\tFALSE\t0\tsess\ts', '#HttpOnly_.example.com\tTRUE\t/\tFALSE\t2000000000\thttp\th', 'shop.example.com\tFALSE\t/cart\tTRUE\t2000000000\tsec\tx']],
    ['wget', ['www.example.com\tFALSE\t/\tFALSE\t0\tsess\ts', '.example.com\tTRUE\t/\tFALSE\t2000000000\thttp\th', 'shop.example.com\tFALSE\t/cart\tTRUE\t2000000000\tsec\tx']],
    ['yt-dlp', ['www.example.com\tFALSE\t/\tFALSE\t0\tsess\ts', '#HttpOnly_.example.com\tTRUE\t/\tFALSE\t2000000000\thttp\th', 'shop.example.com\tFALSE\t/cart\tTRUE\t2000000000\tsec\tx']],
    ['python', ['www.example.com\tFALSE\t/\tFALSE\t\tsess\ts', '#HttpOnly_.example.com\tTRUE\t/\tFALSE\t2000000000\thttp\th', 'shop.example.com\tFALSE\t/cart\tTRUE\t2000000000\tsec\tx']],
  ] as const)('%s writes session, HttpOnly, host-only and Secure cookies its way', (dialect, lines) => {
    const result = run(dialect);
    expect(result.text.startsWith('# Netscape HTTP Cookie File\n')).toBe(true);
    expect(body(result.text)).toEqual(lines);
    expect(result.filename).toBe('cookies.txt');
    expect(result.count).toBe(3);
    expect(result.warnings.join('\n')).toMatch(/Left out 1 cookie whose .* control character.*"bad"/);
    expect(result.warnings.join('\n')).toMatch(/SameSite/);
  });

  it('wget warns that the HttpOnly flag is lost; python that curl and wget drop empty expiries', () => {
    expect(run('wget').warnings.join(' ')).toMatch(/HttpOnly flag is lost/);
    expect(run('python').warnings.join(' ')).toMatch(/empty expiry/);
  });

  it('the python dialect is what MozillaCookieJar.saveText writes, and loads back', () => {
    const text = run('python').text;
    const jar = new MozillaCookieJar();
    jar.loadText(text, { ignoreDiscard: true });
    expect([...jar].map((c) => c.name).sort()).toEqual(['http', 'sec', 'sess']);
  });

  it('lwp keeps the attributes as Set-Cookie3 lines', () => {
    const result = run('python', 'lwp');
    expect(result.text.startsWith('#LWP-Cookies-2.0\n')).toBe(true);
    expect(result.filename).toBe('cookies.lwp');
    expect(result.text).toContain('Set-Cookie3: sess=s;');
  });

  it('leaves out session and expired cookies unless asked', () => {
    const expired = new Cookie({ ...base, name: 'old', value: 'o', domain: 'a.test', domainSpecified: false, domainInitialDot: false, path: '/', secure: false, expires: NOW - 10, discard: false });
    const result = exportCookies([...cookies(), expired], { format: 'mozilla', dialect: 'curl', includeSession: false, includeExpired: false, site: 'example.com' }, NOW);
    expect(body(result.text).map((l) => l.split('\t')[5])).toEqual(['http', 'sec']);
    expect(result.filename).toBe('cookies-example.com.txt');
    expect(result.warnings.join(' ')).toMatch(/2 session cookies.*1 expired cookie/s);
  });
});

describe('lines that would break the file', () => {
  // Every C0 control character and DEL: a reader splits or ends lines on some of them and
  // misreads the rest, so a cookie holding one anywhere is left out, never written.
  const CONTROLS = [...Array.from({ length: 0x20 }, (_, code) => code), 0x7f].map((code) => String.fromCharCode(code));
  const FIELDS = ['name', 'value', 'domain', 'path'] as const;
  const cases = CONTROLS.flatMap((ch) => FIELDS.map((field) => [`U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`, field, ch] as const));

  it('covers the 33 control characters in each of the 4 fields', () => { expect(cases).toHaveLength(132); });

  it.each(cases)('%s in the %s: the cookie is left out with a warning, in every dialect', (_code, field, ch) => {
    const fields = { name: 'n', value: 'v', domain: 'www.example.com', path: '/' };
    fields[field] = field === 'domain' ? `www${ch}.example.com` : field === 'path' ? `/a${ch}b` : `a${ch}b`;
    const broken = new Cookie({ ...base, ...fields, domainSpecified: false, domainInitialDot: false, secure: false, expires: 2000000000, discard: false });
    for (const dialect of ['python', 'curl', 'wget', 'yt-dlp'] as const) {
      const result = exportCookies([broken, ...cookies().slice(0, 1)], { format: 'mozilla', dialect, includeSession: true, includeExpired: false }, NOW);
      expect(result.count, dialect).toBe(1);
      expect(body(result.text).map((line) => line.split('\t')[5]), dialect).toEqual(['sess']);
      expect(result.warnings.join('\n'), dialect).toMatch(/Left out 1 cookie whose .* control character/);
    }
  });
});

describe('a cookie without a value (Set-Cookie: token)', () => {
  const bare = new Cookie({ ...base, name: 'token', value: null, domain: 'www.example.com', domainSpecified: false, domainInitialDot: false, path: '/', secure: false, expires: 2000000000, discard: false });

  // MozillaCookieJar writes it with an empty name field and the name as the value; loading gives
  // back a cookie named "" valued "token", which every reader then sends as `token` (curl `token=`).
  it.each(['python', 'curl', 'wget', 'yt-dlp'] as const)('%s writes an empty name field and the name in the value field', (dialect) => {
    const result = exportCookies([bare], { format: 'mozilla', dialect, includeSession: true, includeExpired: false }, NOW);
    expect(body(result.text)).toEqual(['www.example.com\tFALSE\t/\tFALSE\t2000000000\t\ttoken']);
  });
});
