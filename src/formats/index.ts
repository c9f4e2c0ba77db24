// The cookie file formats, shared by the extension (export, import) and the command-line tool:
// pure TypeScript over src/jar, no browser API and no Node built-in. Only what is listed here is
// public (docs/formats.md).
export { exportCookies, isHttpOnly, type ExportOptions, type ExportFormat, type ExportDialect, type ExportResult } from './export';
