// The command line in process: exit codes, --help, --json, and each command's behaviour on small files.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './main';

let dir: string;
let out: string;
let err: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cji-cli-'));
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out += String(chunk); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { err += String(chunk); return true; });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const NOW = '1700000000';
const TXT = '# Netscape HTTP Cookie File\n#HttpOnly_.example.com\tTRUE\t/\tFALSE\t0\tsid\t1\nwww.example.com\tFALSE\t/\tTRUE\t2000000000\tsec\t2\n';
async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('exit codes and help', () => {
  it.each(['convert', 'lint', 'explain', 'replay'])('%s --help prints its usage and exits 0', async (command) => {
    expect(await main([command, '--help'])).toBe(0);
    expect(out).toContain(`Usage: cookie-jar-inspector ${command}`);
  });

  it('a wrong command line exits 2, an unreadable input 3', async () => {
    expect(await main(['lint', 'x.txt', '--for', 'lynx'])).toBe(2);
    expect(err).toMatch(/'lynx' is invalid/);
    expect(await main(['lint', join(dir, 'missing.txt'), '--for', 'curl'])).toBe(3);
    expect(err).toMatch(/no such file/);
    expect(await main(['convert', await file('junk.txt', 'hello world\n'), '--to', 'json'])).toBe(3);
    expect(err).toMatch(/Not a cookie file/);
  });
});

describe('lint', () => {
  it('exits 0 when the reader reads every cookie as meant, 1 when it loses one', async () => {
    const path = await file('c.txt', TXT);
    expect(await main(['lint', path, '--for', 'curl', '--now', NOW])).toBe(0);
    expect(out).toMatch(/curl: 2 cookies read/);
    out = '';
    expect(await main(['lint', path, '--for', 'wget', '--now', NOW])).toBe(1);
    expect(out).toMatch(/:2: dropped .*#HttpOnly_.*\[wget\/httponly-line\]/);
  });

  it('--json reports each line with its outcome and rules', async () => {
    expect(await main(['lint', await file('c.txt', TXT), '--for', 'python', '--json', '--now', NOW])).toBe(1);
    const report = JSON.parse(out) as { lines: { line: number; outcome: string; rules: string[] }[]; problems: number };
    expect(report.lines.map((l) => [l.line, l.outcome, l.rules[0]])).toEqual([[2, 'dropped', 'python/expiry-zero'], [3, 'read', 'python/host-only']]);
    expect(report.problems).toBe(1);
  });

  it('--fix writes the reader\'s dialect and exits by the fixed file', async () => {
    const path = await file('c.txt', TXT);
    const fixed = join(dir, 'fixed.txt');
    expect(await main(['lint', path, '--for', 'python', '--fix', fixed, '--now', NOW])).toBe(0);
    expect(await readFile(fixed, 'utf8')).toContain('#HttpOnly_.example.com\tTRUE\t/\tFALSE\t\tsid\t1');
  });
});

describe('convert', () => {
  it('Cookie-Editor JSON to cookies.txt for curl, saying what is lost', async () => {
    const json = JSON.stringify([{ domain: '.example.com', hostOnly: false, name: 'a', value: '1', path: '/', secure: true, httpOnly: true, sameSite: 'lax', session: false, expirationDate: 2000000000.5 }]);
    expect(await main(['convert', await file('c.json', json), '--to', 'mozilla', '--for', 'curl', '--now', NOW])).toBe(0);
    expect(out).toContain('#HttpOnly_.example.com\tTRUE\t/\tTRUE\t2000000000\ta\t1\n');
    expect(err).toMatch(/SameSite/);
  });

  it('a Cookie header needs its URL, and becomes host-only session cookies', async () => {
    const header = await file('h.txt', 'Cookie: a=1; b=2\n');
    expect(await main(['convert', header, '--to', 'json'])).toBe(3);
    expect(await main(['convert', header, '--to', 'mozilla', '--for', 'wget', '--url', 'https://shop.example.com/x', '--now', NOW])).toBe(0);
    expect(out).toContain('shop.example.com\tFALSE\t/\tTRUE\t0\ta\t1\n');
  });

  it('writes the Cookie header a URL gets', async () => {
    expect(await main(['convert', await file('c.txt', TXT), '--to', 'header', '--url', 'https://www.example.com/', '--now', NOW])).toBe(0);
    expect(out).toBe('Cookie: sid=1; sec=2\n');
  });
});

describe('explain', () => {
  it('names the rule that keeps a cookie from a URL', async () => {
    expect(await main(['explain', await file('c.txt', TXT), 'http://www.example.com/', '--json', '--now', NOW])).toBe(0);
    const result = JSON.parse(out) as { cookieHeader: string; cookies: { name: string; sent: boolean; rule?: string }[] };
    expect(result.cookieHeader).toBe('sid=1');
    expect(result.cookies.find((c) => c.name === 'sec')).toMatchObject({ sent: false, rule: 'return.secure.protocol' });
  });
});

describe('--browser (the browser model)', () => {
  it('explain adds Chromium\'s verdict per cookie, with its reason', async () => {
    const path = await file('c.txt', '# Netscape HTTP Cookie File\nwww.example.com\tFALSE\t/\tTRUE\t2000000000\tsec\t1\n.example.com\tTRUE\t/\tFALSE\t2000000000\twide\t2\n');
    expect(await main(['explain', path, 'http://www.example.com/', '--browser', 'chromium', '--json', '--now', NOW])).toBe(0);
    const result = JSON.parse(out) as { browser: { cookieHeader: string; cookies: { name: string; sent: boolean; reasons: string[] }[] } };
    expect(result.browser.cookieHeader).toBe('wide=2');
    expect(result.browser.cookies.find((c) => c.name === 'sec')).toMatchObject({ sent: false, reasons: ['SecureOnly'] });
  });

  it('replay checks expectations on Chromium\'s verdicts: third-party cookies blocked unless allowed', async () => {
    const har = join(import.meta.dirname, '..', '..', 'test', 'replay', 'e2e-site.har');
    expect(await main(['replay', har, '--browser', 'chromium', '--expect', 'track=refused', '--expect', 'sec=refused', '--expect', 'visit=accepted'])).toBe(0);
    expect(out).toMatch(/chromium: refused\s+track .*\[UserPreferences\]/);
    // Allowed: still refused in the cross-site frame, now for SameSite (no SameSite is Lax), not the setting.
    out = '';
    expect(await main(['replay', har, '--browser', 'chromium', '--third-party-cookies', 'allowed', '--expect', 'track=refused'])).toBe(0);
    expect(out).toMatch(/chromium: refused\s+track .*\[SchemefulSameSiteUnspecifiedTreatedAsLax\]/);
    expect(await main(['replay', har, '--browser', 'chromium', '--expect', 'track=accepted'])).toBe(1);
    // The policy alone (Python's default) accepts the Secure cookie set over http.
    expect(await main(['replay', har, '--expect', 'sec=accepted'])).toBe(0);
  });

  it('--browser firefox: Firefox\'s rules, Total Cookie Protection by default', async () => {
    const har = join(import.meta.dirname, '..', '..', 'test', 'replay', 'e2e-site.har');
    // Firefox keeps the third party's cookie, in the page's partition; rejecting third parties refuses it.
    expect(await main(['replay', har, '--browser', 'firefox', '--expect', 'track=accepted', '--expect', 'sec=refused', '--json'])).toBe(0);
    const result = JSON.parse(out) as { browser: { name: string; decisions: { name: string | null; outcome: string; reasons: string[] }[] } };
    expect(result.browser.name).toBe('firefox');
    expect(result.browser.decisions.find((d) => d.name === 'sec')).toMatchObject({ outcome: 'refused', reasons: ['SecureOnly'] });
    out = '';
    expect(await main(['replay', har, '--browser', 'firefox', '--third-party-cookies', 'blocked', '--expect', 'track=refused'])).toBe(0);
    expect(out).toMatch(/firefox: refused\s+track .*\[UserPreferences\]/);
    // A cookie without a value goes as `name=` in Firefox.
    out = '';
    const path = await file('c.txt', '# Netscape HTTP Cookie File\nwww.example.com\tFALSE\t/\tFALSE\t2000000000\tflag\t\n');
    expect(await main(['explain', path, 'http://www.example.com/', '--browser', 'firefox', '--json', '--now', NOW])).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ browser: { name: 'firefox', thirdPartyCookies: 'partitioned', cookieHeader: 'flag=' } });
  });

  it('a browser the model does not cover is a usage error', async () => {
    expect(await main(['explain', await file('c.txt', TXT), 'http://www.example.com/', '--browser', 'safari'])).toBe(2);
    expect(err).toMatch(/--browser.*safari/);
  });
});
