import { CookieValueError } from './errors';

/** The fields of Python's `http.cookiejar.Cookie`, camelCased. */
export interface CookieInit {
  version: number | null;
  name: string;
  value: string | null;
  port: string | null;
  portSpecified: boolean;
  domain: string;
  domainSpecified: boolean;
  domainInitialDot: boolean;
  path: string;
  pathSpecified: boolean;
  secure: boolean;
  expires: number | null;
  discard: boolean;
  comment: string | null;
  commentUrl: string | null;
  rest?: Record<string, string | null> | Iterable<readonly [string, string | null]>;
  rfc2109?: boolean;
}

const NO_ATTRS: ReadonlyMap<string, string | null> = new Map();

let expiryChangeCount = 0;
let changeCount = 0;

/**
 * How many times a cookie's `expires` has been set after its construction, across all cookies. A
 * jar's expiry index compares it with the count it was built at: Python re-reads every cookie when
 * it clears expired ones, so a changed expiry must be seen (rare, so a rebuild is cheap overall).
 */
export function expiryChanges(): number {
  return expiryChangeCount;
}

/**
 * How many times a field that decides whether and how a cookie is sent (version, name, value,
 * domain, path, expires, secure, port, domainSpecified) has been set after construction, across all
 * cookies. A jar keeps what a request needs of each domain's cookies (see CookieJar) and reads the
 * cookies again once this count moves: Python reads a stored cookie's fields on every request, so a
 * change must be seen. Changing a stored cookie is rare, so starting over is cheap overall.
 */
export function cookieChanges(): number {
  return changeCount;
}

/**
 * Makes `cookie.domain` and `cookie.name` the strings `domain` and `name` where they are equal to
 * them: a jar passes its domain key and its pooled copy of the name, so that its cookies share
 * those strings instead of holding a copy each (in a large jar each string read is a cache miss).
 * Nothing observable changes, so nothing is counted.
 */
export function shareStrings(cookie: Cookie, domain: string, name: string): void {
  share(cookie, domain, name);
}

let share: (cookie: Cookie, domain: string, name: string) => void;

/**
 * Sets the version of a cookie that no jar holds yet (one make_cookies has just built) without
 * counting it as a change: no jar's ready-made data can depend on it.
 */
export function setNewCookieVersion(cookie: Cookie, version: number): void {
  setVersion(cookie, version);
}

let setVersion: (cookie: Cookie, version: number) => void;

/**
 * Gives a cookie that has none yet these non-standard attributes, the Map itself (the caller
 * hands it over and keeps no reference): make_cookies builds one per cookie that has any, and the
 * constructor's copy of it would be garbage at once.
 */
export function adoptNonstandardAttrs(cookie: Cookie, rest: Map<string, string | null>): void {
  adoptRest(cookie, rest);
}

let adoptRest: (cookie: Cookie, rest: Map<string, string | null>) => void;

/** The bits of Cookie's boolean fields. */
const FLAG = {
  secure: 1, domainSpecified: 2, domainInitialDot: 4, pathSpecified: 8, portSpecified: 16, discard: 32, rfc2109: 64,
} as const;

/**
 * Python's `http.cookiejar.Cookie`: a plain record of one cookie, with Python's normalisation in the
 * constructor (version and expires become whole numbers, the domain is lower-cased).
 * Non-standard attributes (HttpOnly, SameSite, ...) are kept in insertion order, names as received.
 *
 * The fields that decide whether and how a cookie is sent are accessors over private fields, so
 * that setting one is counted (cookieChanges); they read and write like Python's attributes.
 */
export class Cookie {
  // Declared in this order on purpose: fields are laid out as declared, and the ones a request
  // reads come first, so a cookie is two cache lines of a large jar to read instead of three.
  private versionField: number | null;
  private nameField: string;
  private valueField: string | null;
  private domainField: string;
  private pathField: string;
  private expiresField: number | null;
  private portField: string | null;
  /** The seven booleans as bits (see FLAG): a cookie of a large jar is then 48 bytes smaller. */
  private flags: number;
  comment: string | null;
  commentUrl: string | null;
  /** Null until the first non-standard attribute: most cookies have none, and loading makes many. */
  private rest: Map<string, string | null> | null;

  static {
    setVersion = (cookie, version) => {
      cookie.versionField = version;
    };
    adoptRest = (cookie, rest) => {
      cookie.rest = rest.size === 0 ? null : rest;
    };
    share = (cookie, domain, name) => {
      if (cookie.domainField === domain) cookie.domainField = domain;
      if (cookie.nameField === name) cookie.nameField = name;
    };
  }

  constructor(init: CookieInit) {
    // Python: `int(version)`, `int(float(expires))`.
    this.versionField = init.version === null ? null : toInt(init.version, 'version');
    // A whole number is kept as given (no new number boxed for it: a loaded file's expiries).
    this.expiresField = init.expires === null ? null : Number.isInteger(init.expires) ? init.expires : toInt(init.expires, 'expires');
    if (init.port === null && init.portSpecified) {
      throw new CookieValueError('if port is null, portSpecified must be false');
    }
    this.nameField = init.name;
    this.valueField = init.value;
    this.portField = init.port;
    // RFC 2965 section 3.3.3: domains compare case-insensitively.
    this.domainField = lowerCased(init.domain);
    this.pathField = init.path;
    this.flags = (init.secure ? FLAG.secure : 0) | (init.domainSpecified ? FLAG.domainSpecified : 0) |
      (init.domainInitialDot ? FLAG.domainInitialDot : 0) | (init.pathSpecified ? FLAG.pathSpecified : 0) |
      (init.portSpecified ? FLAG.portSpecified : 0) | (init.discard ? FLAG.discard : 0) | (init.rfc2109 === true ? FLAG.rfc2109 : 0);
    this.comment = init.comment;
    this.commentUrl = init.commentUrl;
    this.rest = init.rest === undefined ? null : restMap(init.rest);
  }

  get version(): number | null {
    return this.versionField;
  }

  set version(value: number | null) {
    this.versionField = value;
    changeCount++;
  }

  get name(): string {
    return this.nameField;
  }

  set name(value: string) {
    this.nameField = value;
    changeCount++;
  }

  get value(): string | null {
    return this.valueField;
  }

  set value(value: string | null) {
    this.valueField = value;
    changeCount++;
  }

  /** As stored: the constructor lower-cases it, setting it later does not (as in Python). */
  get domain(): string {
    return this.domainField;
  }

  set domain(value: string) {
    this.domainField = value;
    changeCount++;
  }

  get path(): string {
    return this.pathField;
  }

  set path(value: string) {
    this.pathField = value;
    changeCount++;
  }

  /** Seconds since the epoch, or null for a session cookie. */
  get expires(): number | null {
    return this.expiresField;
  }

  set expires(value: number | null) {
    this.expiresField = value;
    expiryChangeCount++;
    changeCount++;
  }

  get secure(): boolean {
    return (this.flags & FLAG.secure) !== 0;
  }

  set secure(value: boolean) {
    this.setFlag(FLAG.secure, value);
    changeCount++;
  }

  get port(): string | null {
    return this.portField;
  }

  set port(value: string | null) {
    this.portField = value;
    changeCount++;
  }

  get domainSpecified(): boolean {
    return (this.flags & FLAG.domainSpecified) !== 0;
  }

  set domainSpecified(value: boolean) {
    this.setFlag(FLAG.domainSpecified, value);
    changeCount++;
  }

  get domainInitialDot(): boolean {
    return (this.flags & FLAG.domainInitialDot) !== 0;
  }

  set domainInitialDot(value: boolean) {
    this.setFlag(FLAG.domainInitialDot, value);
  }

  get pathSpecified(): boolean {
    return (this.flags & FLAG.pathSpecified) !== 0;
  }

  set pathSpecified(value: boolean) {
    this.setFlag(FLAG.pathSpecified, value);
  }

  get portSpecified(): boolean {
    return (this.flags & FLAG.portSpecified) !== 0;
  }

  set portSpecified(value: boolean) {
    this.setFlag(FLAG.portSpecified, value);
  }

  get discard(): boolean {
    return (this.flags & FLAG.discard) !== 0;
  }

  set discard(value: boolean) {
    this.setFlag(FLAG.discard, value);
  }

  get rfc2109(): boolean {
    return (this.flags & FLAG.rfc2109) !== 0;
  }

  set rfc2109(value: boolean) {
    this.setFlag(FLAG.rfc2109, value);
  }

  private setFlag(flag: number, value: boolean): void {
    this.flags = value ? this.flags | flag : this.flags & ~flag;
  }

  hasNonstandardAttr(name: string): boolean {
    return this.rest !== null && this.rest.has(name);
  }

  getNonstandardAttr(name: string): string | null | undefined;
  getNonstandardAttr(name: string, fallback: string | null): string | null;
  getNonstandardAttr(name: string, fallback?: string | null): string | null | undefined {
    return this.rest !== null && this.rest.has(name) ? this.rest.get(name) : fallback;
  }

  setNonstandardAttr(name: string, value: string | null): void {
    (this.rest ??= new Map()).set(name, value);
  }

  /** The non-standard attributes in the order they were set (Python's `_rest` dict), as a copy. */
  nonstandardAttrs(): [string, string | null][] {
    return this.rest === null ? [] : [...this.rest];
  }

  /** The same, read-only and live, without copying: for serialisers that visit every cookie. */
  nonstandardAttrsView(): ReadonlyMap<string, string | null> {
    return this.rest ?? NO_ATTRS;
  }

  /** Python's `is_expired`: expired when `expires <= now`; session cookies never are. */
  isExpired(now: number = Date.now() / 1000): boolean {
    return this.expires !== null && this.expires <= now;
  }

  /** Python's `Cookie.__str__`: `<Cookie name=value for domain:port/path>`. */
  toString(): string {
    const port = this.port === null ? '' : `:${this.port}`;
    const nameValue = this.value === null ? this.name : `${this.name}=${this.value}`;
    return `<Cookie ${nameValue} for ${this.domain}${port}${this.path}>`;
  }

  /** A plain-object copy, for messages and storage (`new Cookie(cookie.toJSON())` gives it back). */
  toJSON(): Required<Omit<CookieInit, 'rest'>> & { rest: [string, string | null][] } {
    return {
      version: this.version, name: this.name, value: this.value, port: this.port,
      portSpecified: this.portSpecified, domain: this.domain, domainSpecified: this.domainSpecified,
      domainInitialDot: this.domainInitialDot, path: this.path, pathSpecified: this.pathSpecified,
      secure: this.secure, expires: this.expires, discard: this.discard, comment: this.comment,
      commentUrl: this.commentUrl, rest: this.nonstandardAttrs(), rfc2109: this.rfc2109,
    };
  }
}

/** The domain a Cookie made with this domain has (the constructor lower-cases it): a jar's key for it. */
export function cookieDomainKey(domain: string): string {
  return lowerCased(domain);
}

/**
 * `text.toLowerCase()`, or `text` itself when that changes nothing (ASCII without capitals, as
 * almost every domain is): toLowerCase makes a new string every time.
 */
function lowerCased(text: string): string {
  // The last one asked, kept: a file's lines and a response's cookies come a domain at a time.
  if (text === lastLowerCasedText) return lastLowerCased;
  let lower = text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c >= 0x80) {
      lower = text.toLowerCase();
      break;
    }
  }
  lastLowerCasedText = text;
  lastLowerCased = lower;
  return lower;
}

let lastLowerCasedText = '';
let lastLowerCased = '';

function toInt(value: number, field: string): number {
  const n = Math.trunc(value);
  if (!Number.isFinite(n)) throw new CookieValueError(`Cookie ${field} must be a finite number, got ${value}`);
  return n;
}

function restMap(rest: NonNullable<CookieInit['rest']>): Map<string, string | null> | null {
  if (Array.isArray(rest) && rest.length === 0) return null;
  const map = new Map(isIterable(rest) ? rest : Object.entries(rest));
  return map.size === 0 ? null : map;
}

function isIterable(value: object): value is Iterable<readonly [string, string | null]> {
  return Symbol.iterator in value;
}
