import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Cookie } from '../jar/cookie';
import { MozillaCookieJar } from '../jar/mozilla';
import { nodeFileStore } from './fileStore';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'cookie-jar-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

describe('nodeFileStore', () => {
  it('saves a jar to disk with mode 0600, as Python does, and loads it back', async () => {
    const file = join(dir, 'cookies.txt');
    const jar = new MozillaCookieJar(file, { store: nodeFileStore, now: () => 1_700_000_000 });
    jar.setCookie(new Cookie({
      version: 0, name: 'é', value: '日本', port: null, portSpecified: false, domain: 'example.com', domainSpecified: false,
      domainInitialDot: false, path: '/', pathSpecified: false, secure: false, expires: 1_800_000_000, discard: false,
      comment: null, commentUrl: null,
    }));
    await jar.save();
    expect(await readFile(file, 'utf8')).toBe(jar.saveText());
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const copy = new MozillaCookieJar(file, { store: nodeFileStore, now: () => 1_700_000_000 });
    await copy.load();
    expect([...copy].map((c) => c.toJSON())).toEqual([...jar].map((c) => c.toJSON()));
  });

  it('rejects what Python cannot decode, keeps a byte order mark, reports a missing file', async () => {
    const bad = join(dir, 'bad.txt');
    await writeFile(bad, Buffer.from([0x23, 0xff, 0x0a]));
    await expect(nodeFileStore.readText(bad)).rejects.toMatchObject({ name: 'LoadError', filename: bad });
    const bom = join(dir, 'bom.txt');
    await writeFile(bom, '\ufeff# Netscape HTTP Cookie File\n');
    expect(await nodeFileStore.readText(bom)).toBe('\ufeff# Netscape HTTP Cookie File\n');
    await expect(new MozillaCookieJar(bom, { store: nodeFileStore }).load()).rejects.toMatchObject({ name: 'LoadError', lineNumber: 1 });
    await expect(nodeFileStore.readText(join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
