// Port of CPython 3.11 Lib/test/test_http_cookiejar.py, class FileCookieJarTests.
// Python's os_helper.TESTFN becomes a file in a fresh temp directory; the jars save through the
// Node file store (src/jar-node/fileStore.ts). test_constructor_with_path_like: see NOT_PORTED.md.
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CookieRequest, LoadError, LWPCookieJar } from '../../src/jar/index';
import { fakeResponse, getCookie, interactNetscape } from './helpers';
import { makeLwpJar, makeMozillaJar, withTempDir } from './fileHelpers';

const jarClasses = [
  { name: 'LWPCookieJar', make: makeLwpJar, permissionsTest: 'test_lwp_filepermissions' },
  { name: 'MozillaCookieJar', make: makeMozillaJar, permissionsTest: 'test_mozilla_filepermissions' },
];

describe('FileCookieJarTests', () => {
  it('test_constructor_with_str', () => {
    const filename = 'cookies-test-file';
    const c = new LWPCookieJar(filename);
    expect(c.filename).toBe(filename);
  });

  it('test_constructor_with_none', () => {
    const c = new LWPCookieJar(null);
    expect(c.filename).toBeNull();
  });

  // Python raises TypeError for a filename that is not str, bytes or os.PathLike. TypeScript rejects
  // these at compile time (typeLevelRejections below); a plain-JavaScript caller must get the
  // TypeError at run time.
  it.each<{ type: string; filename: unknown }>([
    { type: 'int', filename: 0 },
    { type: 'float', filename: 0.5 },
    { type: 'A (an instance of a plain class)', filename: {} },
  ])('test_constructor_with_other_types: $type', ({ filename }) => {
    expect(() => new LWPCookieJar(filename as string)).toThrow(TypeError);
  });

  // cookies with no value should be saved and loaded consistently
  it('test_lwp_valueless_cookie', async () => {
    await withTempDir(async (dir) => {
      const filename = join(dir, 'cookies.lwp');
      let c = makeLwpJar();
      interactNetscape(c, 'http://www.acme.com/', 'boo');
      expect(getCookie(c, 'www.acme.com', '/', 'boo').value).toBeNull();
      await c.save(filename, { ignoreDiscard: true });
      c = makeLwpJar();
      await c.load(filename, { ignoreDiscard: true });
      expect(getCookie(c, 'www.acme.com', '/', 'boo').value).toBeNull();
    });
  });

  // Cookie file should only be readable by the creator
  it.skipIf(process.platform === 'win32').each(jarClasses)('$permissionsTest', async ({ make }) => {
    await withTempDir(async (dir) => {
      const filename = join(dir, 'cookies');
      const c = make();
      interactNetscape(c, 'http://www.acme.com/', 'boo');
      await c.save(filename, { ignoreDiscard: true });
      const st = await stat(filename);
      expect(st.mode & 0o7777).toBe(0o600);
    });
  });

  it.skipIf(process.platform === 'win32').each(jarClasses)('test_cookie_files_are_truncated: $name', async ({ make }) => {
    await withTempDir(async (dir) => {
      const filename = join(dir, 'cookies');
      const c = make({ filename });

      const req = new CookieRequest('http://www.acme.com/');
      const res = fakeResponse(['Set-Cookie: pll_lang=en; Max-Age=31536000; path=/']);
      c.extractCookies(res, req);
      expect(c.size).toBe(1);

      // Save the first version with contents:
      await c.save();
      // Now, clear cookies and re-save:
      c.clear();
      await c.save();
      // Check that file was truncated:
      await c.load();
      expect(c.size).toBe(0);
    });
  });

  describe('test_bad_magic', () => {
    // OSErrors (eg. file doesn't exist) are allowed to propagate: an error, but not LoadError
    it.each(jarClasses)('test_bad_magic: $name, missing file', async ({ make }) => {
      const c = make();
      const error: unknown = await c
        .load('for this test to work, a file with this filename should not exist')
        .then(() => undefined, (e: unknown) => e);
      expect(error, 'expected an error for invalid filename').toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(LoadError);
      expect((error as Error).name).not.toBe('LoadError');
      expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
    });

    // Invalid contents of cookies file (eg. bad magic string) causes a LoadError.
    it.each(jarClasses)('test_bad_magic: $name, bad magic string', async ({ make }) => {
      await withTempDir(async (dir) => {
        const filename = join(dir, 'cookies');
        await writeFile(filename, 'oops\n');
        const c = make();
        await expect(c.load(filename)).rejects.toThrow(LoadError);
        await expect(c.load(filename)).rejects.toMatchObject({ name: 'LoadError' });
      });
    });
  });
});

/** Never called: tsc checks that a filename of another type does not compile. */
export function typeLevelRejections(): LWPCookieJar[] {
  return [
    // @ts-expect-error: a number is not a filename
    new LWPCookieJar(0),
    // @ts-expect-error: nor is an object
    new LWPCookieJar({}),
  ];
}
