/**
 * A FileStore on the local disk, for FileCookieJar's save/load/revert in Node (tests, scripts,
 * tools). Outside src/jar on purpose: the extension never imports it.
 */

import { open, readFile } from 'node:fs/promises';
import { LoadError } from '../jar/errors';
import type { FileStore } from '../jar/fileCookieJar';

export class NodeFileStore implements FileStore {
  /**
   * Reads the file as strict UTF-8, as Python's `open(filename)` does with a UTF-8 locale: a byte
   * order mark is kept (so the magic line does not match, as in Python), invalid UTF-8 is a
   * LoadError (Python raises UnicodeDecodeError).
   */
  async readText(filename: string): Promise<string> {
    const bytes = await readFile(filename);
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch (error) {
      throw new LoadError(`${JSON.stringify(filename)} is not UTF-8 text`, { filename, cause: error });
    }
  }

  /**
   * The file's bytes, undecoded (`-` reads standard input): the cookie file formats find the
   * encoding themselves (src/formats/encoding.ts), since readers disagree about BOMs and UTF-16.
   */
  async readBytes(filename: string): Promise<Uint8Array> {
    if (filename === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    }
    return new Uint8Array(await readFile(filename));
  }

  /**
   * Writes the file as UTF-8, created with mode 0600 as Python's save does
   * (`os.open(filename, O_CREAT | O_WRONLY | O_TRUNC, 0o600)`): cookies are secrets. An existing
   * file keeps its mode.
   */
  async writeText(filename: string, text: string): Promise<void> {
    const handle = await open(filename, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
  }
}

/** The shared instance: `new MozillaCookieJar('cookies.txt', { store: nodeFileStore })`. */
export const nodeFileStore = new NodeFileStore();
