// Files in and out: through src/jar-node's file store (written with mode 0600: cookies are secrets).
import { CookieFileError, readCookieFile, type CookieFileFormat, type ReadResult } from '../formats';
import { nodeFileStore as store } from '../jar-node/fileStore';
import { InputError } from './exit';


export async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await store.readBytes(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError(code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file}: is a directory` : `${file}: ${(error as Error).message}`);
  }
}

export async function readCookies(file: string, options: { format?: CookieFileFormat | undefined; url?: string | undefined } = {}): Promise<ReadResult> {
  const bytes = await readBytes(file);
  try {
    return readCookieFile(bytes, options);
  } catch (error) {
    if (error instanceof CookieFileError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}

/** Writes `text` to `file`, or to standard output when there is no file or it is `-`. */
export async function writeOutput(file: string | undefined, text: string): Promise<void> {
  if (file === undefined || file === '-') { process.stdout.write(text); return; }
  await store.writeText(file, text);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
