/**
 * Python's `http.cookiejar.FileCookieJar`: a CookieJar saved to and loaded from a text file.
 *
 * The file formats live in the subclasses (MozillaCookieJar, LWPCookieJar) as two pure functions of
 * text: `saveText` (the whole file Python's `save` would write) and `parseText` (the cookies
 * Python's `_really_load` would set, in order). `save`, `load` and `revert` go through a FileStore,
 * given to the constructor, so the jar itself touches no file system (src/jar-node/fileStore.ts has
 * one for Node).
 *
 * DEVIATION (atomic loading): a file that raises LoadError leaves the jar exactly as it was. Python
 * sets each cookie as it reads its line, so the cookies before a bad line stay in the jar; here the
 * whole file is parsed first and its cookies are set only if every line was good. `revert` keeps
 * Python's promise (the jar is unchanged if reverting fails) for every kind of failure.
 */

import type { Cookie } from './cookie';
import { CookieJar, type CookieJarOptions, type LoadedCookies } from './cookieJar';
import { CookieValueError, LoadError } from './errors';
import type { CookiePolicy } from './policy';

/**
 * Where `save`, `load` and `revert` read and write files. Either method may return a promise. A
 * read error (a missing file...) propagates unchanged, as Python's OSError does; the jar is then
 * left as it was.
 */
export interface FileStore {
  readText(filename: string): Promise<string> | string;
  writeText(filename: string, text: string): Promise<void> | void;
}

export interface FileCookieJarOptions extends CookieJarOptions {
  policy?: CookiePolicy;
  /** Where save/load/revert read and write; without one they throw CookieValueError. */
  store?: FileStore;
  /** Python's `delayload` flag: kept for compatibility, it changes nothing (as in Python). */
  delayload?: boolean;
}

export interface SaveOptions {
  /** Save even cookies that are to be discarded at the end of the session. */
  ignoreDiscard?: boolean;
  /** Save even cookies that have expired. */
  ignoreExpires?: boolean;
}

export interface LoadOptions extends SaveOptions {
  /** The file's name, for error messages (default: the jar's `filename`). */
  filename?: string | null;
}

/** What a subclass's parser gets: the options resolved, and the clock read once (as Python does). */
export interface ParseContext {
  readonly ignoreDiscard: boolean;
  readonly ignoreExpires: boolean;
  readonly filename: string | null;
  /** Python's `time.time()` at the start of the load, in whole seconds. */
  readonly now: number;
}

/** One line of a file as Python's `readline()` gives it in text mode. */
export interface FileLine {
  /** The line's text, with its "\n" (the last line may have none). */
  readonly text: string;
  /** 1-based. */
  readonly number: number;
}

/**
 * The last cookie's domain and path, while parsing a file. A file lists a site's cookies
 * together: a cookie whose domain or path equals the last one's keeps that same string, and the
 * garbage collector has one string fewer to copy (copying survivors is most of a load's cost).
 */
export interface PreviousFields {
  domain: string;
  path: string;
}

const MISSING_FILENAME_TEXT = 'a filename was not supplied (nor was the CookieJar instance initialised with one)';

export abstract class FileCookieJar extends CookieJar {
  /** The default file for save/load/revert. */
  filename: string | null;
  /** Python's `delayload`: stored, not used. */
  delayload: boolean;
  /** Where save/load/revert read and write. */
  store: FileStore | null;

  constructor(filename: string | null = null, options: FileCookieJarOptions = {}) {
    super(options.policy, options.now === undefined ? {} : { now: options.now });
    // Python's os.fspath(filename): a TypeError for anything but a path, also from untyped callers.
    const given: unknown = filename;
    if (given !== null && typeof given !== 'string') {
      throw new TypeError(`expected a filename string, not ${typeof given}`);
    }
    this.filename = filename;
    this.delayload = options.delayload ?? false;
    this.store = options.store ?? null;
  }

  /** The whole file Python's `save` writes (by default without discardable or expired cookies). */
  abstract saveText(options?: SaveOptions): string;

  /**
   * The cookies Python's `_really_load` would set from `text`, in order, without touching the jar.
   * Throws LoadError (with the filename and the line number) where Python raises it.
   */
  protected abstract parseText(text: string, context: ParseContext): Cookie[];

  /**
   * The same cookies as `parseText`, read and checked but not built yet (the same LoadError for a
   * bad file), or null where the format has no such reading: then the load builds each cookie at
   * once. The jar builds them when their domain is first used (CookieJar.addLoaded).
   */
  protected parseLoaded(_text: string, _context: ParseContext): LoadedCookies | null {
    return null;
  }

  /**
   * The file's cookies, checked whole: as LoadedCookies when the format can read them so and this
   * jar's setCookie is CookieJar's own (a subclass's setCookie sees each cookie, as Python's
   * set_cookie does), else built.
   */
  private parseForLoad(text: string, context: ParseContext): LoadedCookies | Cookie[] {
    const loaded = this.setCookie === CookieJar.prototype.setCookie ? this.parseLoaded(text, context) : null;
    return loaded ?? this.parseText(text, context);
  }

  private setParsed(parsed: LoadedCookies | Cookie[]): void {
    if (!Array.isArray(parsed)) {
      this.addLoaded(parsed);
      return;
    }
    // An index, not for-of: this loop runs once per load, and before it is optimised an array
    // iterator makes a result object per cookie.
    for (let i = 0; i < parsed.length; i++) this.setCookie(parsed[i] as Cookie);
  }

  /**
   * Python's `load` from text: adds the file's cookies to the jar (a cookie with the same domain,
   * path and name replaces the old one). Throws LoadError naming the line; the jar is then unchanged.
   * Line ends are read as Python's text mode reads them: "\r\n" and "\r" count as "\n".
   */
  loadText(text: string, options: LoadOptions = {}): void {
    this.setParsed(this.parseForLoad(text, this.context(options)));
  }

  /** Python's `save`: writes `saveText(options)` to `filename` (default: the jar's) through the store. */
  async save(filename?: string | null, options: SaveOptions = {}): Promise<void> {
    const name = this.resolveFilename(filename);
    const store = this.requireStore();
    await store.writeText(name, this.saveText(options));
  }

  /** Python's `load`: reads `filename` (default: the jar's) through the store, then `loadText`. */
  async load(filename?: string | null, options: SaveOptions = {}): Promise<void> {
    const name = this.resolveFilename(filename);
    const text = await this.requireStore().readText(name);
    this.loadText(text, { ...options, filename: name });
  }

  /**
   * Python's `revert`: clears the jar and loads the file again. If reading or parsing fails, the
   * jar is left exactly as it was and the error propagates.
   */
  async revert(filename?: string | null, options: SaveOptions = {}): Promise<void> {
    const name = this.resolveFilename(filename);
    const text = await this.requireStore().readText(name);
    const parsed = this.parseForLoad(text, this.context({ ...options, filename: name }));
    this.clear();
    this.setParsed(parsed);
  }

  private context(options: LoadOptions): ParseContext {
    return {
      ignoreDiscard: options.ignoreDiscard ?? false,
      ignoreExpires: options.ignoreExpires ?? false,
      filename: options.filename === undefined ? this.filename : options.filename,
      now: this.now(),
    };
  }

  private resolveFilename(filename: string | null | undefined): string {
    const name = filename ?? this.filename;
    if (name === null) throw new CookieValueError(MISSING_FILENAME_TEXT);
    return name;
  }

  private requireStore(): FileStore {
    if (this.store === null) throw new CookieValueError(`${this.constructor.name} has no file store: pass one as options.store`);
    return this.store;
  }

  /** Python's `repr()` of a str (or None), as LoadError messages quote file names and lines. */
  static pyRepr(text: string | null): string {
    if (text === null) return 'None';
    const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
    let out = quote;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (ch === quote || ch === '\\') out += `\\${ch}`;
      else if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (ch !== ' ' && NOT_PRINTABLE.test(ch)) {
        if (cp < 0x100) out += `\\x${cp.toString(16).padStart(2, '0')}`;
        else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
        else out += `\\U${cp.toString(16).padStart(8, '0')}`;
      } else out += ch;
    }
    return out + quote;
  }

  /** A LoadError for one line: Python's message, then where and why. */
  static lineError(pythonMessage: string, line: FileLine, filename: string | null, why: string, cause?: unknown): LoadError {
    return new LoadError(`${pythonMessage} (line ${line.number}: ${why})`, {
      filename: filename ?? undefined, lineNumber: line.number, why, cause,
    });
  }
}

/**
 * Python's `readline()` loop over a file opened in text mode (universal newlines), one line at a
 * time: `while (reader.next())` visits each line as `reader.text` (with its "\n"; the last line may
 * have none) and `reader.number` (1-based). The reader is itself the current FileLine.
 */
export class LineReader implements FileLine {
  text = '';
  number = 0;
  /** The text read, with its line ends made "\n". */
  readonly source: string;
  /** Where the next line starts in `source`. */
  nextStart = 0;

  constructor(text: string) {
    this.source = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  }

  /** Moves to the next line; false at the end of the text. */
  next(): boolean {
    const { source, nextStart: start } = this;
    if (start >= source.length) return false;
    const newline = source.indexOf('\n', start);
    const stop = newline === -1 ? source.length : newline + 1;
    this.text = source.slice(start, stop);
    this.number++;
    this.nextStart = stop;
    return true;
  }
}

/**
 * A large text made of many small pieces, as a save writes it: push a record's pieces onto
 * `pieces`, then call `endRecord()`. Pieces are joined a few hundred records at a time, and the
 * chunks once at the end: joining one array of every piece takes several times longer, and so
 * does a `+=` rope over the whole text.
 */
export class TextBuilder {
  pieces: string[] = [];
  private readonly chunks: string[] = [];
  private records = 0;

  endRecord(): void {
    if (++this.records >= TEXT_CHUNK_RECORDS) {
      this.chunks.push(this.pieces.join(''));
      this.pieces = [];
      this.records = 0;
    }
  }

  text(): string {
    this.chunks.push(this.pieces.join(''));
    this.pieces = [];
    this.records = 0;
    return this.chunks.join('');
  }
}

const TEXT_CHUNK_RECORDS = 256;

/**
 * `convert(key)`, remembered for the last key asked for: cookies saved together often share a
 * domain, a path or an expiry, and each conversion makes a new string.
 */
export class LastConversion<K> {
  private last: K | undefined;
  private text: string | undefined;

  constructor(private readonly convert: (key: K) => string) {}

  of(key: K): string {
    if (this.text === undefined || key !== this.last) {
      this.text = this.convert(key);
      this.last = key;
    }
    return this.text;
  }
}

/** Not printable for Python's str.isprintable(): other (Cc, Cf, Cs, Co, Cn) and separators but space. */
const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;
