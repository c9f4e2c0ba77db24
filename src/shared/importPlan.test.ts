// What an import plan does with each cookie of a file (added, replaced, already there, refused by the
// browser with its reason, expired), what it warns about, and why an import would change nothing.
import { describe, expect, it } from 'vitest';
import { toJarCookie } from '../formats';
import { browserIdentity, identityKey, jarIdentity } from './cookieIdentity';
import { ImportError, importResult, nothingToImport, planImport, readImport, type ImportTargets } from './importPlan';
import type { BrowserCookie, CookieJSON, ImportRequest } from './protocol';

const NOW_MS = Date.UTC(2025, 0, 1);
const NOW = NOW_MS / 1000;
const DAY = 86400;
const MAGIC = '# Netscape HTTP Cookie File';
const LWP_LINE = 'Set-Cookie3: a=b; path="/"; domain="www.example.com"; path_spec; discard; version=0';

function held(over: Partial<BrowserCookie>): BrowserCookie {
  return { name: 'n', value: 'v', domain: 'www.example.com', hostOnly: true, path: '/', secure: true, httpOnly: false, sameSite: 'lax', session: true, storeId: '0', ...over };
}

/** A browser store holding these cookies; the jar is not to be read by a browser import. */
function browserTargets(cookies: BrowserCookie[]): ImportTargets {
  return {
    browser: () => Promise.resolve(new Map(cookies.map((c) => [identityKey(browserIdentity(c)), c]))),
    jar: () => { throw new Error('a browser import read the jar'); },
  };
}

function jarTargets(cookies: CookieJSON[]): ImportTargets {
  const index = new Map<string, CookieJSON[]>();
  for (const c of cookies) index.set(identityKey(jarIdentity(c)), [c]);
  return { browser: () => Promise.reject(new Error('a jar import read the browser store')), jar: () => index };
}

function json(entries: Record<string, unknown>[]): string {
  return JSON.stringify(entries.map((e) => ({ domain: 'www.example.com', hostOnly: true, path: '/', secure: true, httpOnly: false, sameSite: 'lax', session: true, ...e })));
}

/** The ImportError a text is refused with (nothing imported). */
function refusal(request: Pick<ImportRequest, 'text' | 'format' | 'url'>): { message: string; lineNumber: number | undefined } {
  try { readImport(request); } catch (error) {
    if (error instanceof ImportError) return { message: error.message, lineNumber: error.lineNumber };
    throw error;
  }
  throw new Error('the text was read');
}

const plan = (request: ImportRequest, targets: ImportTargets) => planImport(request, { targets, nowMs: NOW_MS });

describe('an import into the browser\'s store, cookie by cookie', () => {
  it('says that a Domain equal to a public suffix or an IP address becomes a host-only cookie, as it says of a single write', async () => {
    const text = json([
      { name: 'pages', value: '1', domain: '.github.io', hostOnly: false },
      { name: 'ip', value: '1', domain: '192.168.0.1', hostOnly: false },
    ]);
    const { preview, browserSteps } = await plan({ text, target: 'browser' }, browserTargets([]));
    expect(preview.rows.map((r) => [r.cookie.name, r.action, r.sentence])).toEqual([
      ['pages', 'add', 'New in the browser\'s store. It will be a host-only cookie of github.io: the browser gives a Domain equal to an IP address or to a public suffix no subdomains.'],
      ['ip', 'add', 'New in the browser\'s store. It will be a host-only cookie of 192.168.0.1: the browser gives a Domain equal to an IP address or to a public suffix no subdomains.'],
    ]);
    expect(browserSteps.map((s) => [s.after.domain, s.after.hostOnly])).toEqual([['github.io', true], ['192.168.0.1', true]]);
  });

  it('adds, replaces (naming what differs), keeps what is there, refuses with the browser\'s reason, leaves out the expired', async () => {
    const store = [
      held({ name: 'same', session: false, expirationDate: NOW + DAY }),
      held({ name: 'val', value: 'old' }),
      held({ name: 'flags', secure: false, httpOnly: false, sameSite: 'lax', session: false, expirationDate: NOW + DAY }),
      held({ name: 'sess', session: true }),
      held({ name: 'sec', secure: false }),
      held({ name: 'ho', httpOnly: true }),
      held({ name: 'ss', sameSite: 'strict' }),
      held({ name: 'exp', session: false, expirationDate: NOW + DAY }),
    ];
    const text = json([
      { name: 'fresh', value: '1' },
      { name: 'same', value: 'v', session: false, expirationDate: NOW + DAY + 1 },
      { name: 'val', value: 'new' },
      { name: 'flags', value: 'v', secure: true, httpOnly: true, sameSite: 'strict', session: false, expirationDate: NOW + 2 * DAY },
      { name: 'sess', value: 'v', session: false, expirationDate: NOW + DAY },
      { name: 'sec', value: 'v', secure: true },
      { name: 'ho', value: 'v', httpOnly: false },
      { name: 'ss', value: 'v', sameSite: 'lax' },
      { name: 'exp', value: 'v', session: false, expirationDate: NOW + DAY + 2 },
      { name: 'none', value: 'v', secure: false, sameSite: 'no_restriction' },
      { name: 'gone', value: 'v', session: false, expirationDate: NOW - 5 },
      { name: 'now', value: 'v', session: false, expirationDate: NOW },
      { name: 'long', value: 'v', session: false, expirationDate: NOW + 500 * DAY },
    ]);
    const { preview, browserSteps, jarSteps } = await plan({ text, target: 'browser' }, browserTargets(store));
    expect(preview.rows.map((r) => [r.cookie.name, r.action, r.sentence, r.reasons])).toEqual([
      ['fresh', 'add', 'New in the browser\'s store.', []],
      ['same', 'same', 'The browser already holds it as it is.', []],
      ['val', 'replace', 'Replaces the browser\'s cookie (a different value).', []],
      ['flags', 'replace', 'Replaces the browser\'s cookie (a different Secure, HttpOnly, SameSite, expiry).', []],
      ['sess', 'replace', 'Replaces the browser\'s cookie (a different expiry).', []],
      ['sec', 'replace', 'Replaces the browser\'s cookie (a different Secure).', []],
      ['ho', 'replace', 'Replaces the browser\'s cookie (a different HttpOnly).', []],
      ['ss', 'replace', 'Replaces the browser\'s cookie (a different SameSite).', []],
      ['exp', 'replace', 'Replaces the browser\'s cookie (a different expiry).', []],
      ['none', 'refused', 'The cookie "none" is SameSite=None without Secure.', ['SameSiteNoneInsecure']],
      ['gone', 'expired', 'Expired on 2024-12-31 23:59:55 UTC: left out (importing it would delete the cookie of that name).', []],
      ['now', 'expired', 'Expired on 2025-01-01 00:00:00 UTC: left out (importing it would delete the cookie of that name).', []],
      ['long', 'add', 'New in the browser\'s store. Its expiry would be capped at 400 days from now.', []],
    ]);
    expect(preview.counts).toEqual({ add: 2, replace: 7, same: 1, refused: 1, expired: 2 });
    expect(browserSteps.map((s) => [s.after.name, s.before?.value ?? null])).toEqual([
      ['fresh', null], ['val', 'old'], ['flags', 'v'], ['sess', 'v'], ['sec', 'v'], ['ho', 'v'], ['ss', 'v'], ['exp', 'v'], ['long', null],
    ]);
    expect(jarSteps).toEqual([]);
    expect(preview.warnings).toEqual([]);
    expect(nothingToImport(preview)).toBeNull();
    expect(importResult(preview, null)).toEqual({ added: 2, replaced: 7, unchanged: 1, refused: 1, expired: 2, change: null });
  });

  it('counts a cookie named twice once, the later line winning, and says so', async () => {
    const text = json([{ name: 'a', value: 'first' }, { name: 'a', value: 'second' }, { name: 'b', value: '1' }, { name: 'b', value: '2' }, { name: 'c', value: '1' }]);
    const { preview } = await plan({ text, target: 'browser' }, browserTargets([]));
    expect(preview.rows.map((r) => [r.cookie.name, r.cookie.value])).toEqual([['a', 'second'], ['b', '2'], ['c', '1']]);
    expect(preview.warnings).toEqual(['2 cookies appear twice in the text: the later line is imported.']);
    const once = await plan({ text: json([{ name: 'a', value: 'first' }, { name: 'a', value: 'second' }]), target: 'browser' }, browserTargets([]));
    expect(once.preview.warnings).toEqual(['1 cookie appears twice in the text: the later line is imported.']);
  });

  it('imports a SameSite value the browser does not know without SameSite, naming at most three such values', async () => {
    const lwp = (name: string, sameSite: string): string => `Set-Cookie3: ${name}=v; path="/"; domain="www.example.com"; path_spec; discard; SameSite=${sameSite}; version=0`;
    const one = await plan({ text: ['#LWP-Cookies-2.0', lwp('a', 'weird'), lwp('b', 'Lax')].join('\n'), target: 'browser' }, browserTargets([]));
    expect(one.preview.rows.map((r) => [r.cookie.name, r.cookie.sameSite])).toEqual([['a', 'unspecified'], ['b', 'lax']]);
    expect(one.preview.warnings).toEqual(['1 cookie has a SameSite value the browser does not know ("weird"): imported without SameSite.']);
    const many = await plan({ text: ['#LWP-Cookies-2.0', lwp('a', 'x1'), lwp('b', 'x2'), lwp('c', 'x1'), lwp('d', 'x3'), lwp('e', 'x4')].join('\n'), target: 'browser' }, browserTargets([]));
    expect(many.preview.warnings).toEqual(['5 cookies have a SameSite value the browser does not know ("x1", "x2", "x3"): imported without SameSite.']);
  });

  it('writes a cookies.txt cookie without a value as browsers keep one: an empty name, the text as its value', async () => {
    const { preview } = await plan({ text: `${MAGIC}\nwww.example.com\tFALSE\t/\tFALSE\t0\t\ttoken\n`, target: 'browser' }, browserTargets([]));
    expect(preview.rows.map((r) => [r.cookie.name, r.cookie.value, r.action])).toEqual([['', 'token', 'add']]);
  });

  it('warns when new cookies would take a site past the 180 a browser keeps, counting only unpartitioned ones it adds', async () => {
    const existing = Array.from({ length: 178 }, (_, i) => held({ name: `old${i}` }));
    const partitioned = Array.from({ length: 5 }, (_, i) => held({ name: `p${i}`, partitionKey: { topLevelSite: 'https://shop.test', hasCrossSiteAncestor: true } }));
    const store = [...existing, ...partitioned];
    const upTo180 = json([{ name: 'new1', value: '1' }, { name: 'new2', value: '2' }, { name: 'old0', value: 'changed' }]);
    expect((await plan({ text: upTo180, target: 'browser' }, browserTargets(store))).preview.warnings).toEqual([]);
    const past = json([{ name: 'new1', value: '1' }, { name: 'new2', value: '2' }, { name: 'new3', value: '3' }]);
    expect((await plan({ text: past, target: 'browser' }, browserTargets(store))).preview.warnings).toEqual([
      '3 new cookies of example.com would make 181, over the 180 a browser keeps per site: it would evict the oldest, so the import would be undone and change nothing. Import fewer cookies of example.com.',
    ]);
  });
});

describe('an import into the jar', () => {
  it('adds, replaces the jar\'s cookie of the same name, domain and path, keeps what is there', async () => {
    const cookie = (name: string, value: string): CookieJSON => toJarCookie({ name, value, domain: 'www.example.com', hostOnly: true, path: '/', secure: false, expires: NOW + DAY, httpOnly: false, sameSite: null }, false).toJSON();
    const text = [MAGIC, ...[['a', '1'], ['b', 'new'], ['c', '3']].map(([name, value]) => `www.example.com\tFALSE\t/\tFALSE\t${NOW + DAY}\t${name}\t${value}`)].join('\n');
    const jar = [cookie('b', 'old'), cookie('c', '3')];
    const { preview, jarSteps, browserSteps } = await plan({ text, target: 'jar' }, jarTargets(jar));
    expect(preview.rows.map((r) => [r.cookie.name, r.action, r.sentence])).toEqual([
      ['a', 'add', 'New in the jar.'],
      ['b', 'replace', 'Replaces the jar\'s cookie of that name, domain and path.'],
      ['c', 'same', 'The jar already holds it as it is.'],
    ]);
    expect(jarSteps.map((s) => [s.after.name, s.after.value, s.before?.value ?? null])).toEqual([['a', '1', null], ['b', 'new', 'old']]);
    expect(browserSteps).toEqual([]);
  });
});

describe('reading the text', () => {
  it('reads an LWP text pasted without its header line, saying so, with line numbers of the text as pasted', () => {
    const read = readImport({ text: `${LWP_LINE}\n` });
    expect(read.format).toBe('lwp');
    expect(read.cookies.map((c) => c.name)).toEqual(['a']);
    expect(read.warnings).toEqual(['The text has no "#LWP-Cookies-2.0" line: it is read as an LWP file all the same (Python\'s LWPCookieJar and Perl would refuse it).']);
    expect(readImport({ text: LWP_LINE, format: 'lwp' })).toMatchObject({ format: 'lwp', formatReason: 'chosen' });
    // A brace in a value does not make the text JSON.
    expect(readImport({ text: LWP_LINE.replace('a=b', 'a={x}') }).cookies.map((c) => c.value)).toEqual(['{x}']);
    const bad = `${Array.from({ length: 11 }, () => LWP_LINE).join('\n')}\nSet-Cookie3: broken\n`;
    expect(refusal({ text: bad })).toEqual({ message: 'Not a readable LWP file: line 12: the cookie has no domain.', lineNumber: 12 });
  });

  it('does not take cookies.txt, or cookies.txt chosen, for an LWP text because a value holds "Set-Cookie3:"', () => {
    const read = readImport({ text: `${MAGIC}\nwww.example.com\tFALSE\t/\tFALSE\t0\ta\tSet-Cookie3:x\n` });
    expect(read).toMatchObject({ format: 'mozilla', warnings: [] });
    expect(() => readImport({ text: LWP_LINE, format: 'mozilla' })).toThrow('line 1: an LWP cookies file starts with "#LWP-Cookies-2.0"');
  });

  it('refuses an LWP file whose header is not its first line, as Python does, rather than giving it a second one', () => {
    expect(() => readImport({ text: `\n#LWP-Cookies-2.0\n${LWP_LINE}\n` })).toThrow('line 1: an LWP cookies file starts with "#LWP-Cookies-2.0"');
  });

  it('says which line of a JSON text is broken, and what breaks it', () => {
    expect(refusal({ text: '[{"name":"a","value":"b","domain":"x.com"},]' })).toEqual({ message: 'Not valid JSON: line 1: a value expected.', lineNumber: 1 });
    expect(refusal({ text: '[// c\n{"name":"a","value":"b","domain":"x.com"}]', format: 'json' })).toEqual({ message: 'Not valid JSON: line 1: a comment (JSON has none).', lineNumber: 1 });
    expect(refusal({ text: ' \n[\nSet-Cookie3: a=b\n]' })).toEqual({ message: 'Not valid JSON: line 3: a character that JSON does not allow here.', lineNumber: 3 });
  });

  it('reads cookies.txt after a BOM and blank lines, and says when the header line is missing', () => {
    const withHeader = readImport({ text: `\uFEFF   \n${MAGIC}\nwww.example.com\tFALSE\t/\tFALSE\t0\ta\tb\n` });
    expect(withHeader).toMatchObject({ format: 'mozilla', warnings: [] });
    expect(withHeader.cookies.map((c) => [c.domain, c.name, c.value])).toEqual([['www.example.com', 'a', 'b']]);
    expect(readImport({ text: 'www.example.com\tFALSE\t/\tFALSE\t0\ta\tb\n' }).warnings).toEqual([
      'The text has no "# Netscape HTTP Cookie File" line: it is read as curl reads it (Python\'s MozillaCookieJar and yt-dlp would refuse the file).',
    ]);
  });

  it('says why it took the format: chosen, detected, or detected against the choice', () => {
    expect(readImport({ text: 'a=1; b=2', format: 'header', url: 'https://www.example.com/' })).toMatchObject({ formatReason: 'chosen', warnings: [] });
    expect(readImport({ text: 'a=1; b=2', url: 'https://www.example.com/' })).toMatchObject({ formatReason: 'detected: the text is one line of name=value pairs', warnings: [] });
    expect(readImport({ text: `#LWP-Cookies-2.0\n${LWP_LINE}\n`, format: 'mozilla' })).toMatchObject({
      format: 'lwp', formatReason: 'detected: the text starts with the #LWP-Cookies header line',
      warnings: ['You chose cookies.txt, but the text is an LWP file (it starts with the #LWP-Cookies header line): read as LWP.'],
    });
  });

  it('reads a text of no known format as the format chosen, naming each line it cannot read, never a format it is not', () => {
    expect(readImport({ text: 'hello world', format: 'mozilla' })).toMatchObject({
      format: 'mozilla', formatReason: 'chosen', cookies: [],
      problems: [{ line: 1, message: 'has 1 tab-separated fields, not 7 (domain, subdomains flag, path, secure, expiry, name, value)' }],
      warnings: ['The text has no "# Netscape HTTP Cookie File" line: it is read as curl reads it (Python\'s MozillaCookieJar and yt-dlp would refuse the file).'],
    });
  });
});

describe('why an import would change nothing', () => {
  const preview = async (text: string, store: BrowserCookie[] = []) => (await plan({ text, target: 'browser' }, browserTargets(store))).preview;

  it('a text without a cookie: says so, with its first unreadable line and how many others', async () => {
    expect(nothingToImport(await preview(`${MAGIC}\n`))).toBe('The text holds no cookie.');
    const fields = 'has 1 tab-separated fields, not 7 (domain, subdomains flag, path, secure, expiry, name, value)';
    expect(nothingToImport(await preview(`${MAGIC}\nbad\n`))).toBe(`The text holds no cookie: line 2 ${fields}.`);
    expect(nothingToImport(await preview(`${MAGIC}\nbad\nbad\nbad\n`))).toBe(`The text holds no cookie: line 2 ${fields}, and 2 other lines cannot be read either.`);
  });

  it('only expired cookies: says when the latest expired', async () => {
    expect(nothingToImport(await preview(json([{ name: 'a', session: false, expirationDate: NOW - DAY }])))).toBe('The only cookie of the text has expired (the latest on 2024-12-31 00:00:00 UTC): nothing to import.');
    expect(nothingToImport(await preview(json([{ name: 'a', session: false, expirationDate: NOW - DAY }, { name: 'b', session: false, expirationDate: NOW - 60 }]))))
      .toBe('All 2 cookies of the text have expired (the latest on 2024-12-31 23:59:00 UTC): nothing to import.');
  });

  it('everything already there is no failure; refused, expired and present together are named', async () => {
    const store = [held({ name: 'a', value: 'v' }), held({ name: 'b', value: 'v' })];
    expect(nothingToImport(await preview(json([{ name: 'a', value: 'v' }]), store))).toBeNull();
    const mixed = json([{ name: 'a', value: 'v' }, { name: 'b', value: 'v' }, { name: 'x', value: 'v', secure: false, sameSite: 'no_restriction' }, { name: 'y', value: 'v', session: false, expirationDate: NOW - 1 }]);
    expect(nothingToImport(await preview(mixed, store))).toBe('Nothing to import: 1 cookie the browser would refuse, 1 expired cookie, 2 cookies already there.');
    const refusedOnly = json([{ name: 'x', value: 'v', secure: false, sameSite: 'no_restriction' }, { name: 'z', value: 'v', secure: false, sameSite: 'no_restriction' }]);
    expect(nothingToImport(await preview(refusedOnly))).toBe('Nothing to import: 2 cookies the browser would refuse.');
    expect(nothingToImport(await preview(json([{ name: 'a', value: 'v' }, { name: 'y', value: 'v', session: false, expirationDate: NOW - 1 }]), store))).toBe('Nothing to import: 1 expired cookie, 1 cookie already there.');
  });
});
