import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Cookie, type CookieInit } from './cookie';
import { LoadError } from './errors';
import { MozillaCookieJar } from './mozilla';
import vectors from './text-vectors/files.json';

// Expected values: recorded from python3.11's http.cookiejar by text-vectors/generate_files.py
// (with the upstream gh-61366 fix and the proposed gh-113775 fix applied, as our deviations).
type Json = ReturnType<Cookie['toJSON']>;
type Saved = { text: string } | { error: string };
interface SaveCase { cookies: Json[]; ignoreDiscard: boolean; ignoreExpires: boolean; mozilla: Saved; lwp: Saved; deviation?: string }
type LoadResult = { cookies: Json[]; resave: { mozilla: Saved; lwp: Saved } } | { error: string; message: string; lineNumber: number };
interface LoadCase { format: string; text: string; ignoreDiscard: boolean; ignoreExpires: boolean; result: LoadResult; deviation?: string }
const { now: NOW, filename: FILENAME } = vectors;
const saves = vectors.saves as SaveCase[];
const loads = (vectors.loads as LoadCase[]).filter((c) => c.format === 'mozilla');

const jarOf = (cookies: readonly CookieInit[]) => {
  const jar = new MozillaCookieJar(FILENAME, { now: () => NOW });
  for (const init of cookies) jar.setCookie(new Cookie(init));
  return jar;
};
const label = (text: string) => JSON.stringify(text.length > 90 ? `${text.slice(0, 90)}…` : text);

describe('MozillaCookieJar.saveText writes what Python writes', () => {
  it('has the save and load vectors recorded from python3 (an empty or cut file fails)', () => {
    expect([saves.length, loads.length]).toEqual([288, 212]);
  });
  it.each(saves.map((c, i) => [i, c.cookies.map((k) => k.name).join(','), c] as const))('save %i (%s)', (_, __, c) => {
    const jar = jarOf(c.cookies);
    const saved = c.mozilla;
    if ('text' in saved) expect(jar.saveText({ ignoreDiscard: c.ignoreDiscard, ignoreExpires: c.ignoreExpires })).toBe(saved.text);
    else expect.fail(`Python raised ${saved.error}`);
  });
  it('gh-113775: keeps HttpOnly in any letter case (Python 3.11 only knows "HTTPOnly")', () => {
    const jar = jarOf([{ ...base, name: 'a', rest: { HttpOnly: null } }, { ...base, name: 'b', rest: { httponly: '' } }, { ...base, name: 'c', rest: { HTTPOnly: '' } }]);
    expect(jar.saveText().split('\n').filter((line) => line.startsWith('#HttpOnly_'))).toHaveLength(3);
  });
});

describe('MozillaCookieJar.loadText reads what Python reads', () => {
  it.each(loads.map((c) => [label(c.text), c.ignoreDiscard, c.ignoreExpires, c] as const))('%s ignoreDiscard=%s ignoreExpires=%s', (_, __, ___, c) => {
    const jar = jarOf([]);
    const load = () => { jar.loadText(c.text, { ignoreDiscard: c.ignoreDiscard, ignoreExpires: c.ignoreExpires }); };
    if ('error' in c.result) {
      const { message, lineNumber } = c.result;
      expect(load).toThrow(LoadError);
      try { load(); } catch (error) {
        expect(error).toMatchObject({ name: 'LoadError', filename: FILENAME, lineNumber });
        expect((error as Error).message.startsWith(message)).toBe(true);
        expect((error as Error).message).toContain(`line ${lineNumber}`);
      }
      expect(jar.size).toBe(0); // atomic: nothing from the lines before the bad one
      return;
    }
    load();
    expect([...jar].map((cookie) => cookie.toJSON())).toEqual(c.result.cookies);
    for (const [format, saved] of Object.entries(c.result.resave)) {
      if (format !== 'mozilla' || !('text' in saved)) continue;
      expect(jar.saveText({ ignoreDiscard: true, ignoreExpires: true })).toBe(saved.text);
    }
  });
  it('gh-61366: expiry 0 is a session cookie (curl, wget)', () => {
    const jar = jarOf([]);
    jar.loadText('# Netscape HTTP Cookie File\nexample.com\tFALSE\t/\tFALSE\t0\tsid\t1\n', { ignoreDiscard: true });
    expect([...jar].map((cookie) => [cookie.name, cookie.expires, cookie.discard])).toEqual([['sid', null, true]]);
  });
  it('leaves the jar as it was when a line is bad', () => {
    const jar = jarOf([{ ...base, name: 'kept' }]);
    const before = [...jar].map((cookie) => cookie.toJSON());
    const text = '# Netscape HTTP Cookie File\nexample.com\tFALSE\t/\tFALSE\t1800000000\tnew\t1\nbad\n';
    expect(() => { jar.loadText(text); }).toThrow(expect.objectContaining({ name: 'LoadError', lineNumber: 3 }));
    expect([...jar].map((cookie) => cookie.toJSON())).toEqual(before);
  });
});

const base: CookieInit = {
  version: 0, name: 'n', value: 'v', port: null, portSpecified: false, domain: 'example.com', domainSpecified: false,
  domainInitialDot: false, path: '/', pathSpecified: false, secure: false, expires: NOW + 3600, discard: false,
  comment: null, commentUrl: null,
};

/** Text a cookies.txt field can hold: no tab, no line break, no surrounding space to lose. */
const field = fc.string({ unit: fc.constantFrom('a', 'B', '1', '.', '-', '_', '=', ';', '"', ' ', 'é', '日', '😀', '\\', '#', '$'), minLength: 1, maxLength: 8 })
  .filter((s) => s.trim() === s);

/** Cookies as cookies.txt can represent them (version 0, no port, no flags it does not store). */
const mozillaCookie = fc.record({
  name: field,
  value: fc.option(field, { nil: null }),
  host: fc.constantFrom('example.com', 'www.example.com', 'a.b.example.org', 'localhost', '10.0.0.1'),
  dot: fc.boolean(),
  path: fc.constantFrom('/', '/a', '/a/b/', '/é'),
  secure: fc.boolean(),
  expires: fc.option(fc.integer({ min: 1, max: 4_000_000_000 }), { nil: null }),
  httpOnly: fc.boolean(),
}).filter((c) => !(c.value === null && (c.name.startsWith('#') || c.name.startsWith('$'))))
  .filter((c) => !(c.value !== null && c.name.startsWith('#HttpOnly_')))
  .map((c): CookieInit => ({
    ...base, name: c.name, value: c.value, domain: c.dot ? `.${c.host}` : c.host, domainSpecified: c.dot, domainInitialDot: c.dot,
    path: c.path, secure: c.secure, expires: c.expires, discard: c.expires === null,
    rest: c.httpOnly ? { HTTPOnly: '' } : {},
  }));

describe('MozillaCookieJar round trip', () => {
  it('loadText(saveText()) gives the same cookies', () => {
    fc.assert(fc.property(fc.array(mozillaCookie, { maxLength: 6 }), (inits) => {
      const jar = jarOf(inits);
      const copy = jarOf([]);
      copy.loadText(jar.saveText({ ignoreDiscard: true, ignoreExpires: true }), { ignoreDiscard: true, ignoreExpires: true });
      expect([...copy].map((c) => c.toJSON())).toEqual([...jar].map((c) => c.toJSON()));
    }));
  });
});

describe('MozillaCookieJar load cost', () => {
  /**
   * The characters the load's searches pass over (indexOf forward, lastIndexOf back), counted
   * through String.prototype: the load's scans are native, so this is its step count.
   */
  function scanned(load: () => void): number {
    const forward = vi.spyOn(String.prototype, 'indexOf');
    const back = vi.spyOn(String.prototype, 'lastIndexOf');
    try {
      load();
      let steps = 0;
      forward.mock.calls.forEach(([, from], i) => {
        const text = String(forward.mock.contexts[i]);
        const at = forward.mock.results[i]?.value as number;
        steps += (at < 0 ? text.length : at) - (from ?? 0);
      });
      back.mock.calls.forEach(([, from], i) => {
        const text = String(back.mock.contexts[i]);
        const at = back.mock.results[i]?.value as number;
        steps += (from ?? text.length) - (at < 0 ? 0 : at);
      });
      return steps;
    } finally {
      forward.mockRestore();
      back.mockRestore();
    }
  }

  it('reads each line once: a file of cookie lines each followed by long lines without a tab costs steps in proportion to its size', () => {
    const fileOf = (lines: number) => '# Netscape HTTP Cookie File\n' +
      Array.from({ length: lines }, (_, i) => `example.com\tFALSE\t/\tFALSE\t0\tc${i}\tv\n${'# no tab here\n'.repeat(lines)}`).join('');
    const [small, large] = [fileOf(100), fileOf(400)];
    const cost = (text: string) => scanned(() => { jarOf([]).loadText(text, { ignoreDiscard: true }); });
    expect(large.length / small.length).toBeGreaterThan(15);
    // Steps per character of the file: the same at four times as many lines (each followed by four
    // times as many comments); a search per line to the file's end would make it four times more.
    expect(cost(large) / large.length).toBeLessThan(1.2 * (cost(small) / small.length));
    expect(cost(large) / large.length).toBeLessThan(2);
  });
});
