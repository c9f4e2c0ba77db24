/**
 * Errors thrown by the jar. Each has a stable `name`, so a caller can recognise it after it has
 * crossed a message channel and lost its prototype (check `error.name`, not only `instanceof`).
 */

/** Python's `http.cookiejar.LoadError`: a cookie file that cannot be read. */
export class LoadError extends Error {
  override name = 'LoadError' as const;
  /** The file's name, where the caller gave one. */
  readonly filename: string | undefined;
  /** 1-based line number of the offending line, where known. */
  readonly lineNumber: number | undefined;
  /** What is wrong with that line, in words (without Python's message around it), where known. */
  readonly why: string | undefined;

  constructor(message: string, options: { filename?: string | undefined; lineNumber?: number | undefined; why?: string | undefined; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.filename = options.filename;
    this.lineNumber = options.lineNumber;
    this.why = options.why;
  }
}

/** Raised where Python's `CookieJar.clear(domain, path, name)` raises `KeyError`. */
export class CookieNotFoundError extends Error {
  override name = 'CookieNotFoundError' as const;
  readonly domain: string;
  readonly path: string | undefined;
  readonly cookieName: string | undefined;

  constructor(domain: string, path?: string, cookieName?: string) {
    const what = [domain, path, cookieName].filter((part) => part !== undefined).map((part) => JSON.stringify(part)).join(', ');
    super(`No cookie in the jar for ${what}.`);
    this.domain = domain;
    this.path = path;
    this.cookieName = cookieName;
  }
}

/** A bad argument to the API (Python's `ValueError`), e.g. a Cookie with a port flag but no port. */
export class CookieValueError extends Error {
  override name = 'CookieValueError' as const;
}
