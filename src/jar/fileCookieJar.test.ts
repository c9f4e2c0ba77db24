import { describe, expect, it } from 'vitest';
import { Cookie, type CookieInit } from './cookie';
import type { FileStore } from './fileCookieJar';
import { LWPCookieJar } from './lwp';
import { MozillaCookieJar } from './mozilla';

const NOW = 1_700_000_000;
const base: CookieInit = {
  version: 0, name: 'n', value: 'v', port: null, portSpecified: false, domain: 'example.com', domainSpecified: false,
  domainInitialDot: false, path: '/', pathSpecified: false, secure: false, expires: NOW + 3600, discard: false,
  comment: null, commentUrl: null,
};

/** An in-memory FileStore; `async` chooses promise-returning methods. */
function memoryStore(files: Record<string, string> = {}, async = false): FileStore & { files: Record<string, string> } {
  const read = (name: string): string => {
    const text = files[name];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${name}'`), { code: 'ENOENT' });
    return text;
  };
  return {
    files,
    readText: (name) => (async ? Promise.resolve().then(() => read(name)) : read(name)),
    writeText: (name, text) => {
      files[name] = text;
      return async ? Promise.resolve() : undefined;
    },
  };
}

const names = (jar: Iterable<Cookie>) => [...jar].map((c) => `${c.domain}${c.path}${c.name}=${c.value ?? ''}`);

describe.each([
  ['MozillaCookieJar', MozillaCookieJar],
  ['LWPCookieJar', LWPCookieJar],
] as const)('%s save, load and revert', (_, Jar) => {
  const make = (store: FileStore | undefined, filename: string | null = 'cookies.txt') =>
    new Jar(filename, { now: () => NOW, ...(store ? { store } : {}) });

  it.each([false, true])('saves and loads through the store (async store: %s)', async (async) => {
    const store = memoryStore({}, async);
    const jar = make(store);
    jar.setCookie(new Cookie({ ...base, name: 'a' }));
    jar.setCookie(new Cookie({ ...base, name: 'session', expires: null, discard: true }));
    await jar.save();
    expect(store.files['cookies.txt']).toBe(jar.saveText());
    await jar.save('all.txt', { ignoreDiscard: true });
    expect(store.files['all.txt']).toBe(jar.saveText({ ignoreDiscard: true }));

    const copy = make(store, null);
    await copy.load('all.txt', { ignoreDiscard: true });
    expect(names(copy)).toEqual(names(jar));
  });

  it('load adds to the cookies already there; revert replaces them', async () => {
    const source = make(undefined);
    source.setCookie(new Cookie({ ...base, name: 'from-file' }));
    const store = memoryStore({ 'cookies.txt': source.saveText() });
    const jar = make(store);
    jar.setCookie(new Cookie({ ...base, name: 'in-memory' }));
    await jar.load();
    expect(names(jar)).toEqual(['example.com/in-memory=v', 'example.com/from-file=v']);
    await jar.revert();
    expect(names(jar)).toEqual(['example.com/from-file=v']);
  });

  it('needs a filename (Python: ValueError) and a store', async () => {
    const noName = make(memoryStore(), null);
    await expect(noName.save()).rejects.toMatchObject({ name: 'CookieValueError', message: expect.stringContaining('a filename was not supplied') as unknown });
    await expect(noName.load()).rejects.toMatchObject({ name: 'CookieValueError' });
    await expect(noName.revert()).rejects.toMatchObject({ name: 'CookieValueError' });
    await expect(make(undefined).load()).rejects.toMatchObject({ name: 'CookieValueError', message: expect.stringContaining('store') as unknown });
  });

  it('a read error propagates as it is (Python: OSError) and changes nothing', async () => {
    const jar = make(memoryStore());
    jar.setCookie(new Cookie({ ...base, name: 'kept' }));
    await expect(jar.load('missing.txt')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(jar.revert('missing.txt')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(names(jar)).toEqual(['example.com/kept=v']);
  });

  it('revert restores the jar exactly when the file is bad (and load leaves it as it was)', async () => {
    const good = make(undefined);
    good.setCookie(new Cookie({ ...base, name: 'from-file' }));
    const lines = good.saveText().split('\n');
    const bad = [...lines.slice(0, -1), 'this line is not a cookie\tat all', ''].join('\n');
    const badLine = lines.length;
    const store = memoryStore({ 'bad.txt': bad });
    const jar = make(store);
    for (const name of ['z', 'a', 'm']) jar.setCookie(new Cookie({ ...base, name, domain: `${name}.example.com` }));
    const before = [...jar].map((c) => c.toJSON());
    // Mozilla: the bad line has 2 fields; LWP skips lines that are not Set-Cookie3, so make it one.
    const text = Jar === LWPCookieJar ? bad.replace('this line', 'Set-Cookie3: this=line') : bad;
    store.files['bad.txt'] = text;
    await expect(jar.revert('bad.txt')).rejects.toMatchObject({ name: 'LoadError', filename: 'bad.txt', lineNumber: badLine });
    expect([...jar].map((c) => c.toJSON())).toEqual(before);
    await expect(jar.load('bad.txt')).rejects.toMatchObject({ name: 'LoadError', lineNumber: badLine });
    expect([...jar].map((c) => c.toJSON())).toEqual(before);
  });

  it('loadText names the file given, else the jar\'s, in LoadError', () => {
    const jar = make(undefined, 'mine.txt');
    expect(() => { jar.loadText('not a cookie file\n'); }).toThrow(expect.objectContaining({ filename: 'mine.txt', lineNumber: 1 }));
    expect(() => { jar.loadText('', { filename: 'other.txt' }); }).toThrow(expect.objectContaining({ filename: 'other.txt' }));
    expect(() => { jar.loadText('', { filename: 'other.txt' }); }).toThrow(/^'other\.txt' does not look like/);
  });

  it('reads line ends as Python\'s text mode does', () => {
    const source = make(undefined);
    source.setCookie(new Cookie({ ...base, name: 'a' }));
    source.setCookie(new Cookie({ ...base, name: 'b' }));
    for (const eol of ['\r\n', '\r']) {
      const jar = make(undefined);
      jar.loadText(source.saveText().replaceAll('\n', eol));
      expect(names(jar)).toEqual(names(source));
    }
  });
});
