// The cookie file formats, shared by the extension (export, import) and the command-line tool:
// pure TypeScript over src/jar, no browser API and no Node built-in. Only what is listed here is
// public (docs/formats.md).
export { exportCookies, cookiesTxtLosses, keepLineSafe, writeLwp, type ExportOptions, type ExportFormat, type ExportDialect, type ExportResult } from './export';
export { fieldsOf, toJarCookie, isHttpOnly, sameSiteOf, type CookieFields } from './model';
export { DIALECTS, MAGIC_LINE, readCookiesTxt, writeCookiesTxt, breaksLine, unsafeForLines, type CookiesTxt, type LineProblem } from './netscape';
export { readJsonCookies, writeJsonCookies, toExtensionCookie, type ExtensionJsonCookie, type JsonCookies } from './json';
export { readCookieHeader, cookieHeaderFor, looksLikeCookieHeader } from './header';
export { decodeText, type DecodedText, type TextEncodingName } from './encoding';
export { detectFormat, FORMATS, type CookieFileFormat, type Detection } from './detect';
export { readCookieFile, writeCookieFile, CookieFileError, type ReadResult, type WriteOptions, type WriteResult } from './convert';
export {
  lintCookieFile, readerSends, LINT_RULES, READERS,
  type LintRule, type LintRuleId, type Outcome, type Reader, type LineVerdict, type LintReport, type ReaderCookie,
} from './lint';
