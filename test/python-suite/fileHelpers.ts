/**
 * Files on disk for the ported tests that save, load and revert real files (Python's
 * os_helper.TESTFN): the jars get the Node file store, the files live in a fresh temp directory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LWPCookieJar, MozillaCookieJar } from '../../src/jar/index';
import type { CookiePolicy } from '../../src/jar/index';
import { nodeFileStore } from '../../src/jar-node/fileStore';

export interface FileJarInit {
  filename?: string | null;
  policy?: CookiePolicy;
}

/** Python's `MozillaCookieJar(filename, policy=policy)`, saving through the Node file store. */
export function makeMozillaJar(init: FileJarInit = {}): MozillaCookieJar {
  return new MozillaCookieJar(init.filename ?? null, init.policy === undefined ? { store: nodeFileStore } : { store: nodeFileStore, policy: init.policy });
}

/** Python's `LWPCookieJar(filename, policy=policy)`, saving through the Node file store. */
export function makeLwpJar(init: FileJarInit = {}): LWPCookieJar {
  return new LWPCookieJar(init.filename ?? null, init.policy === undefined ? { store: nodeFileStore } : { store: nodeFileStore, policy: init.policy });
}

/** Runs `body` with a new temp directory, removed afterwards (Python's os_helper.unlink(TESTFN)). */
export async function withTempDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cookiejar-pysuite-'));
  try {
    await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
