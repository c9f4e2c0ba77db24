// Reading any cookie file into jar Cookies, and writing cookies in any format, with what is lost.
import { LoadError, LWPCookieJar, type Cookie } from '../jar';
import { detectFormat, type CookieFileFormat } from './detect';
import { decodeText, type DecodedText } from './encoding';
import { keepLineSafe, cookiesTxtLosses, writeLwp } from './export';
import { cookieHeaderFor, readCookieHeader } from './header';
import { readJsonCookies, writeJsonCookies } from './json';
import { fieldsOf, plural, toJarCookie, type CookieFields } from './model';
import { readCookiesTxt, writeCookiesTxt, type ExportDialect, type LineProblem } from './netscape';

export class CookieFileError extends Error {
  override name = 'CookieFileError' as const;
  /** The 1-based line of the text that could not be read, where one is to blame. */
  readonly lineNumber: number | undefined;
  constructor(message: string, lineNumber?: number) {
    super(message);
    this.lineNumber = lineNumber;
  }
}

export interface ReadResult {
  format: CookieFileFormat;
  /** Why that format: the sign found, or "given" when the caller named it. */
  reason: string;
  decoded: Omit<DecodedText, 'text'>;
  cookies: Cookie[];
  /** Lines (JSON: entries) that are not cookies, each left out. */
  problems: LineProblem[];
}

/**
 * The cookies of a cookie file in any of the four formats (detected unless `format` is given).
 * `url` is needed for a Cookie header (it says nothing of domain or path). Throws CookieFileError
 * when the format is unknown, a JSON text does not parse, an LWP file does not load or a header
 * comes without a URL.
 */
export function readCookieFile(bytes: Uint8Array, options: { format?: CookieFileFormat | undefined; url?: string | undefined } = {}): ReadResult {
  const decoded = decodeText(bytes);
  const { text, ...info } = decoded;
  const detection = options.format === undefined ? detectFormat(text) : { format: options.format, reason: 'given' };
  const format = detection.format;
  if (format === null) throw new CookieFileError(`Not a cookie file: the text ${detection.reason}.`);
  const base = { format, reason: detection.reason, decoded: info };
  switch (format) {
    case 'mozilla': {
      const read = readCookiesTxt(text);
      return { ...base, cookies: read.cookies.map((f) => toJarCookie(f, false)), problems: read.problems };
    }
    case 'json': {
      let read;
      try { read = readJsonCookies(text); } catch (error) { throw new CookieFileError(`Not valid JSON: ${error instanceof Error ? error.message : String(error)}.`); }
      return { ...base, cookies: read.cookies.map((f) => toJarCookie(f)), problems: read.problems };
    }
    case 'lwp': {
      const jar = new LWPCookieJar();
      try {
        jar.loadText(text.replace(/\r\n?/g, '\n'), { ignoreDiscard: true, ignoreExpires: true });
      } catch (error) {
        // Python's message names the file, which a text read from memory has not (it would say None).
        if (error instanceof LoadError) throw new CookieFileError(`Not a readable LWP file: ${error.lineNumber === undefined ? error.message : `line ${error.lineNumber}: ${error.why ?? error.message}`}.`, error.lineNumber);
        throw error;
      }
      return { ...base, cookies: [...jar], problems: [] };
    }
    case 'header': {
      if (options.url === undefined) throw new CookieFileError('A Cookie header says nothing of domain or path: give the URL it was sent to (--url).');
      return { ...base, cookies: readCookieHeader(text, new URL(options.url)).map((f) => toJarCookie(f)), problems: [] };
    }
  }
}

export interface WriteOptions {
  to: CookieFileFormat;
  /** The cookies.txt dialect (default `python`, what MozillaCookieJar writes). */
  dialect?: ExportDialect | undefined;
  /** For `header`: the URL the header is for. */
  url?: string | undefined;
  /** Seconds since the epoch (the header leaves out expired cookies). */
  now: number;
}

export interface WriteResult { text: string; count: number; warnings: string[] }

/** The cookies written in a format, and what that format loses of them. */
export function writeCookieFile(cookies: readonly Cookie[], options: WriteOptions): WriteResult {
  const warnings: string[] = [];
  switch (options.to) {
    case 'mozilla': {
      const dialect = options.dialect ?? 'python';
      const kept = keepLineSafe(cookies, warnings);
      warnings.push(...cookiesTxtLosses(kept, dialect));
      return { text: writeCookiesTxt(kept, dialect), count: kept.length, warnings };
    }
    case 'lwp': {
      const kept = keepLineSafe(cookies, warnings);
      return { text: writeLwp(kept), count: kept.length, warnings };
    }
    case 'json': {
      const rfc2965 = cookies.filter((c) => (c.version ?? 0) > 0 || c.port !== null).length;
      if (rfc2965 > 0) warnings.push(`JSON has no version or port field: ${plural(rfc2965, 'RFC 2965 cookie')} are written as ordinary cookies.`);
      return { text: writeJsonCookies(cookies.map(fieldsOf)), count: cookies.length, warnings };
    }
    case 'header': {
      if (options.url === undefined) throw new CookieFileError('A Cookie header is for one URL: give it (--url).');
      const header = cookieHeaderFor(cookies, options.url, options.now);
      const count = header === '' ? 0 : header.split('; ').length;
      if (count < cookies.length) warnings.push(`A Cookie header for ${options.url} holds only the cookies sent there: ${plural(cookies.length - count, 'cookie')} left out.`);
      warnings.push('A Cookie header keeps names and values only: domains, paths, expiry and flags are lost.');
      return { text: header === '' ? '' : `Cookie: ${header}\n`, count, warnings };
    }
  }
}

export type { CookieFields };
