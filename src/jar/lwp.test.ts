import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Cookie, type CookieInit } from './cookie';
import { LoadError } from './errors';
import { LWPCookieJar, lwpCookieStr } from './lwp';
import vectors from './text-vectors/files.json';

// Expected values: recorded from python3.11's http.cookiejar by text-vectors/generate_files.py.
type Json = ReturnType<Cookie['toJSON']>;
type Saved = { text: string } | { error: string };
interface SaveCase { cookies: Json[]; ignoreDiscard: boolean; ignoreExpires: boolean; mozilla: Saved; lwp: Saved }
type LoadResult = { cookies: Json[]; resave: { mozilla: Saved; lwp: Saved } } | { error: string; message: string; lineNumber: number };
interface LoadCase { format: string; text: string; ignoreDiscard: boolean; ignoreExpires: boolean; result: LoadResult; deviation?: string }
const { now: NOW, filename: FILENAME } = vectors;
const saves = vectors.saves as SaveCase[];
const loads = (vectors.loads as LoadCase[]).filter((c) => c.format === 'lwp');

const jarOf = (cookies: readonly CookieInit[]) => {
  const jar = new LWPCookieJar(FILENAME, { now: () => NOW });
  for (const init of cookies) jar.setCookie(new Cookie(init));
  return jar;
};
const label = (text: string) => JSON.stringify(text.length > 90 ? `${text.slice(0, 90)}…` : text);

function expectLoadError(load: () => void, lineNumber: number, message?: string): void {
  let thrown: unknown;
  try { load(); } catch (error) { thrown = error; }
  expect(thrown).toBeInstanceOf(LoadError);
  expect(thrown).toMatchObject({ name: 'LoadError', filename: FILENAME, lineNumber });
  const text = (thrown as Error).message;
  if (message !== undefined) expect(text.startsWith(message)).toBe(true);
  expect(text).toContain(`line ${lineNumber}`);
}

describe('LWPCookieJar.saveText writes what Python writes', () => {
  it('has the save and load vectors recorded from python3 (an empty or cut file fails)', () => {
    expect([saves.length, loads.length]).toEqual([288, 168]);
  });
  it.each(saves.map((c, i) => [i, c.cookies.map((k) => k.name).join(','), c] as const))('save %i (%s)', (_, __, c) => {
    const jar = jarOf(c.cookies);
    const save = () => jar.saveText({ ignoreDiscard: c.ignoreDiscard, ignoreExpires: c.ignoreExpires });
    if ('text' in c.lwp) expect(save()).toBe(c.lwp.text);
    else expect(save).toThrow(expect.objectContaining({ name: 'CookieValueError' })); // Python: time2isoz out of range
  });
  it('lwpCookieStr is one line of the file', () => {
    const jar = jarOf([{ ...base, rest: { b: '2', a: null } }]);
    const [cookie] = [...jar];
    if (cookie === undefined) throw new Error('no cookie');
    expect(jar.saveText()).toBe(`#LWP-Cookies-2.0\nSet-Cookie3: ${lwpCookieStr(cookie)}\n`);
    expect(jar.asLwpStr()).toBe(`Set-Cookie3: ${lwpCookieStr(cookie)}\n`);
  });
});

describe('LWPCookieJar.loadText reads what Python reads', () => {
  it.each(loads.map((c) => [label(c.text), c.ignoreDiscard, c.ignoreExpires, c] as const))('%s ignoreDiscard=%s ignoreExpires=%s', (_, __, ___, c) => {
    const jar = jarOf([]);
    const load = () => { jar.loadText(c.text, { ignoreDiscard: c.ignoreDiscard, ignoreExpires: c.ignoreExpires }); };
    if (c.deviation === 'lwp-path-none') {
      // Python loads a cookie with path None; our Cookie always has a path: LoadError naming the line.
      expectLoadError(load, 2);
      expect(jar.size).toBe(0);
      return;
    }
    if ('error' in c.result) {
      expectLoadError(load, c.result.lineNumber, c.result.message);
      expect(jar.size).toBe(0); // atomic: nothing from the lines before the bad one
      return;
    }
    load();
    expect([...jar].map((cookie) => cookie.toJSON())).toEqual(c.result.cookies);
    const resaved = c.result.resave.lwp;
    if ('text' in resaved) expect(jar.saveText({ ignoreDiscard: true, ignoreExpires: true })).toBe(resaved.text);
  });
});

const base: CookieInit = {
  version: 0, name: 'n', value: 'v', port: null, portSpecified: false, domain: 'example.com', domainSpecified: false,
  domainInitialDot: false, path: '/', pathSpecified: false, secure: false, expires: NOW + 3600, discard: false,
  comment: null, commentUrl: null,
};

const STANDARD = new Set(['port_spec', 'path_spec', 'domain_dot', 'secure', 'discard', 'version', 'port', 'path', 'domain', 'expires', 'comment', 'commenturl']);
const token = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '_', '-', '.', '!', '$', 'é'), minLength: 1, maxLength: 6 });
/** Any text but line breaks (a Set-Cookie3 value is quoted and escaped as needed). */
const text = fc.string({ unit: fc.constantFrom('a', '1', ' ', '"', '\\', ';', ',', '=', '\t', 'é', '😀', '/'), maxLength: 8 });
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Cookies as a Set-Cookie3 line can represent them. */
const lwpCookie = fc.record({
  version: fc.integer({ min: 0, max: 2 }),
  name: token,
  value: fc.option(text, { nil: null }),
  port: fc.option(fc.constantFrom('', '80', '80,443'), { nil: null }),
  portSpec: fc.boolean(),
  host: fc.constantFrom('example.com', 'www.example.com', 'localhost', '10.0.0.1'),
  dot: fc.boolean(),
  domainDot: fc.boolean(),
  path: fc.constantFrom('/', '/a', '/a b/', '/é'),
  pathSpecified: fc.boolean(),
  secure: fc.boolean(),
  expires: fc.option(fc.integer({ min: 1, max: 253_402_300_799 }), { nil: null }),
  discard: fc.boolean(),
  comment: fc.option(text.filter((s) => s !== ''), { nil: null }),
  commentUrl: fc.option(fc.constantFrom('http://example.com/c', 'x y'), { nil: null }),
  rest: fc.uniqueArray(fc.tuple(token, text), { maxLength: 3, selector: ([k]) => k.toLowerCase() })
    .map((pairs) => pairs.filter(([k]) => !STANDARD.has(k.toLowerCase())).sort(([a], [b]) => byCodePoint(a, b))),
}).map((c): CookieInit => ({
  version: c.version, name: c.name, value: c.value, port: c.port, portSpecified: c.port !== null && c.portSpec,
  domain: c.dot ? `.${c.host}` : c.host, domainSpecified: c.dot, domainInitialDot: c.domainDot, path: c.path,
  pathSpecified: c.pathSpecified, secure: c.secure, expires: c.expires, discard: c.expires === null || c.discard,
  comment: c.comment, commentUrl: c.commentUrl, rest: c.rest,
}));

describe('LWPCookieJar round trip', () => {
  it('loadText(saveText()) gives the same cookies', () => {
    fc.assert(fc.property(fc.array(lwpCookie, { maxLength: 6 }), (inits) => {
      const jar = jarOf(inits);
      const copy = jarOf([]);
      copy.loadText(jar.saveText({ ignoreDiscard: true, ignoreExpires: true }), { ignoreDiscard: true, ignoreExpires: true });
      expect([...copy].map((c) => c.toJSON())).toEqual([...jar].map((c) => c.toJSON()));
    }), { numRuns: 300 });
  });
});
