import { CookieValueError } from './errors';
import { INT_MAX_STR_DIGITS, pyStrip } from './dates';

/*
 * The request side of http.cookiejar: urllib.request.Request reduced to what the jar reads, and the
 * module's URL and domain helpers. URLs are parsed with Python's urllib.parse rules (a faithful
 * urlsplit below), not the WHATWG URL class, which normalises hosts and paths differently.
 */

// Python's str.isspace() set, which is what `re` matches with \s on str patterns.
const PY_SPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
// int() strips a slightly smaller set: the ASCII separators \x1c-\x1f are not spaces to it.
const PY_INT_SPACE = '\\t\\n\\x0b\\x0c\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** Python's `re.compile(r"\s+")` on str. */
export const PY_WHITESPACE_RUN = new RegExp(`[${PY_SPACE}]+`, 'g');
const INT_LITERAL = new RegExp(`^[${PY_INT_SPACE}]*([+-]?)(\\p{Nd}+(?:_\\p{Nd}+)*)[${PY_INT_SPACE}]*$`, 'u');
const DECIMAL_DIGIT = /\p{Nd}/u;


/**
 * Python's `int(text)` for a str: the value, or null where Python raises ValueError (which includes
 * strings of more than 4300 digits). Accepts surrounding whitespace, a sign, `_` between digits and
 * any Unicode decimal digit, like Python.
 */
export function parsePythonInt(text: string): bigint | null {
  const match = INT_LITERAL.exec(text);
  if (match === null) return null;
  const digits = Array.from(match[2] ?? '').filter((ch) => ch !== '_');
  if (digits.length > INT_MAX_STR_DIGITS) return null;
  let ascii = '';
  for (const ch of digits) ascii += String(decimalDigitValue(ch));
  const value = BigInt(ascii);
  return match[1] === '-' ? -value : value;
}

/** The value of `line.slice(start, end)` if it is 1 to 15 ASCII digits (exact as a double: `Number` reads them as float() would), else null. */
export function asciiInteger(line: string, start: number, end: number): number | null {
  if (end <= start || end - start > 15) return null;
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = line.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return null;
    n = n * 10 + digit;
  }
  return n;
}

/** The value of a Unicode decimal digit: every Nd run in Unicode is a complete 0..9 sequence. */
export function decimalDigitValue(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  let start = cp;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return (cp - start) % 10;
}

// --- urllib.parse ------------------------------------------------------------------------------

/** The five parts of Python's `urllib.parse.urlsplit`. */
export interface SplitUrl {
  scheme: string;
  netloc: string;
  path: string;
  query: string;
  fragment: string;
}

/** The six parts of Python's `urllib.parse.urlparse`. */
export interface ParsedUrl extends SplitUrl {
  params: string;
}

// eslint-disable-next-line no-control-regex -- Python's _WHATWG_C0_CONTROL_OR_SPACE
const C0_CONTROL_OR_SPACE_PREFIX = /^[\x00-\x20]+/;
const UNSAFE_URL_BYTES = /[\t\r\n]/g;
const USES_PARAMS = new Set(['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp', 'rtsps', 'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel']);

/**
 * Python 3.11's `urllib.parse.urlsplit(url)`. Throws CookieValueError where Python raises
 * ValueError (unbalanced IPv6 brackets, an invalid bracketed host, NFKC-unsafe netloc).
 */
export function urlsplit(url: string): SplitUrl {
  let rest = url.charCodeAt(0) > 0x20 && !hasUnsafeUrlByte(url) ? url : url.replace(C0_CONTROL_OR_SPACE_PREFIX, '').replace(UNSAFE_URL_BYTES, '');
  let scheme = '';
  let netloc = '';
  let query = '';
  let fragment = '';
  const colon = rest.indexOf(':');
  if (colon > 0 && isSchemeText(rest, colon)) {
    scheme = rest.slice(0, colon).toLowerCase();
    rest = rest.slice(colon + 1);
  }
  if (rest.startsWith('//')) {
    let delim = 2;
    for (; delim < rest.length; delim++) {
      const c = rest.charCodeAt(delim);
      if (c === 0x2f || c === 0x3f || c === 0x23) break; // '/', '?', '#'
    }
    netloc = rest.slice(2, delim);
    rest = rest.slice(delim);
    const open = netloc.includes('[');
    const close = netloc.includes(']');
    if (open !== close) throw new CookieValueError('Invalid IPv6 URL');
    if (open && close) checkBracketedHost(netloc.slice(netloc.indexOf('[') + 1).split(']')[0] ?? '');
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  const question = rest.indexOf('?');
  if (question >= 0) {
    query = rest.slice(question + 1);
    rest = rest.slice(0, question);
  }
  checkNetloc(netloc);
  return { scheme, netloc, path: rest, query, fragment };
}

/** Whether the URL holds a tab, CR or LF (urlsplit removes them). */
function hasUnsafeUrlByte(url: string): boolean {
  // Three searches of the runtime's string search are quicker than one loop over the characters.
  return url.indexOf('\t') !== -1 || url.indexOf('\n') !== -1 || url.indexOf('\r') !== -1;
}

/** `text[:end]` is a scheme urlsplit accepts: a letter, then letters, digits, '+', '-' and '.'. */
function isSchemeText(text: string, end: number): boolean {
  const first = text.charCodeAt(0);
  if (!((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a))) return false;
  for (let i = 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e)) return false;
  }
  return true;
}

/** Python 3.11's `urllib.parse.urlparse(url)`: urlsplit plus `;params` of the last path segment. */
export function urlparse(url: string): ParsedUrl {
  const split = urlsplit(url);
  let path = split.path;
  let params = '';
  if (USES_PARAMS.has(split.scheme) && path.includes(';')) {
    const at = path.includes('/') ? path.indexOf(';', path.lastIndexOf('/')) : path.indexOf(';');
    if (at >= 0) {
      params = path.slice(at + 1);
      path = path.slice(0, at);
    }
  }
  return { ...split, path, params };
}

function checkNetloc(netloc: string): void {
  if (isAscii(netloc)) return; // Python's str.isascii()
  const stripped = netloc.replace(/[@:#?]/g, '');
  const normalized = stripped.normalize('NFKC');
  if (stripped === normalized) return;
  if (/[/?#@:]/.test(normalized)) {
    throw new CookieValueError(`netloc '${netloc}' contains invalid characters under NFKC normalization`);
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function checkBracketedHost(host: string): void {
  if (host.startsWith('v')) {
    if (!/^v[a-fA-F0-9]+\.[^\n]+$/.test(host)) throw new CookieValueError('IPvFuture address is invalid');
    return;
  }
  if (isIPv4Address(host)) throw new CookieValueError('An IPv4 address cannot be in brackets');
  if (!isIPv6Address(host)) throw new CookieValueError(`'${host}' does not appear to be an IPv4 or IPv6 address`);
}

/** Python's `ipaddress.IPv4Address(text)` succeeds. */
function isIPv4Address(text: string): boolean {
  if (text === '' || text.includes('/')) return false;
  const octets = text.split('.');
  return octets.length === 4 && octets.every((octet) =>
    /^[0-9]{1,3}$/.test(octet) && (octet === '0' || !octet.startsWith('0')) && Number(octet) <= 255);
}

/** Python's `ipaddress.IPv6Address(text)` succeeds (scope ids and IPv4 suffixes included). */
function isIPv6Address(text: string): boolean {
  if (text.includes('/')) return false;
  const percent = text.indexOf('%');
  let address = text;
  if (percent >= 0) {
    const scope = text.slice(percent + 1);
    if (scope === '' || scope.includes('%')) return false;
    address = text.slice(0, percent);
  }
  if (address === '') return false;
  const parts = address.split(':');
  if (parts.length < 3) return false;
  const last = parts[parts.length - 1] ?? '';
  if (last.includes('.')) {
    if (!isIPv4Address(last)) return false;
    parts.splice(parts.length - 1, 1, '0', '0');
  }
  if (parts.length > 9) return false;
  let skip: number | null = null;
  for (let i = 1; i < parts.length - 1; i++) {
    if (parts[i] === '') {
      if (skip !== null) return false;
      skip = i;
    }
  }
  let hi: number;
  let lo: number;
  if (skip !== null) {
    hi = skip;
    lo = parts.length - skip - 1;
    if (parts[0] === '') {
      hi -= 1;
      if (hi !== 0) return false;
    }
    if (parts[parts.length - 1] === '') {
      lo -= 1;
      if (lo !== 0) return false;
    }
    if (8 - (hi + lo) < 1) return false;
  } else {
    if (parts.length !== 8 || parts[0] === '' || parts[parts.length - 1] === '') return false;
    hi = parts.length;
    lo = 0;
  }
  const hextets = [...parts.slice(0, hi), ...parts.slice(parts.length - lo)];
  return hextets.every((part) => /^[0-9A-Fa-f]{1,4}$/.test(part));
}

/** Python's `urllib.parse.unquote(text)` (UTF-8, errors='replace'). */
export function unquote(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes: number[] = [];
    for (let i = 0; i < run.length; i += 3) bytes.push(parseInt(run.slice(i + 1, i + 3), 16));
    return decodeUtf8(bytes);
  });
}

/** UTF-8 decoding with U+FFFD for each maximal invalid subpart, as Python's 'replace' does. */
function decodeUtf8(bytes: readonly number[]): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] ?? 0;
    if (b0 < 0x80) {
      out += String.fromCharCode(b0);
      i += 1;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    let cp: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) { need = 1; cp = b0 & 0x1f; }
    else if (b0 >= 0xe0 && b0 <= 0xef) {
      need = 2; cp = b0 & 0x0f;
      if (b0 === 0xe0) lower = 0xa0;
      if (b0 === 0xed) upper = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      need = 3; cp = b0 & 0x07;
      if (b0 === 0xf0) lower = 0x90;
      if (b0 === 0xf4) upper = 0x8f;
    } else {
      out += '\ufffd';
      i += 1;
      continue;
    }
    let j = 1;
    for (; j <= need; j++) {
      const b = bytes[i + j];
      if (b === undefined || b < lower || b > upper) break;
      cp = (cp << 6) | (b & 0x3f);
      lower = 0x80;
      upper = 0xbf;
    }
    if (j <= need) {
      out += '\ufffd';
      i += j;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** Python's `urllib.parse.quote(text, safe)` with UTF-8 (a lone surrogate throws, like Python's 'strict'). */
function quote(text: string, safe: string): string {
  let out = '';
  for (const ch of text) {
    if (/^[A-Za-z0-9_.\-~]$/.test(ch) || safe.includes(ch)) {
      out += ch;
      continue;
    }
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      throw new CookieValueError(`'utf-8' codec can't encode character '\\u${cp.toString(16)}': surrogates not allowed`);
    }
    for (const byte of utf8Bytes(cp)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function utf8Bytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}

// --- urllib.request.Request ---------------------------------------------------------------------

/** Python's `str.capitalize()` for header names (urllib stores headers under it). */
function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
}

/** Python's `urllib.request.unwrap`: strip, then drop `<...>` and a `URL:` prefix. */
function unwrap(url: string): string {
  let text = pyStrip(url);
  if (text.startsWith('<') && text.endsWith('>')) text = pyStrip(text.slice(1, -1));
  if (text.startsWith('URL:')) text = pyStrip(text.slice(4));
  return text;
}

export interface CookieRequestInit {
  unverifiable?: boolean;
  /** The host of the page the user went to (RFC 2965's request-host of the origin transaction). */
  originReqHost?: string;
  headers?: Record<string, string>;
}

/**
 * Python's `urllib.request.Request`, reduced to what the jar reads and writes: the URL (with
 * urllib's fragment handling), its scheme (`type`) and `host`, the third-party flags, and headers
 * stored per name under Python's capitalised form (so names compare case-insensitively).
 */
export class CookieRequest {
  /** The URL without its fragment, as urllib keeps it (`Request._full_url`). */
  private readonly fullUrlWithoutFragment: string;
  /** The text after the last `#`, or null without one (urllib's `Request.fragment`). */
  readonly fragment: string | null;
  /** The scheme, lower-cased (urllib's `Request.type`): 'http', 'https', 'wss', ... */
  readonly type: string;
  /** `host[:port]` of the URL, %-decoded, or null when the URL has no `//` authority (urllib's `Request.host`). */
  readonly host: string | null;
  /** The part after the authority (urllib's `Request.selector`). */
  readonly selector: string;
  unverifiable: boolean;
  originReqHost: string;
  /** The headers by capitalised name; null until the first (most requests get only the jar's). */
  private headers: Map<string, string> | null = null;
  private unredirectedHeaders: Map<string, string> | null = null;
  /** urlsplit of the full URL, computed once (the URL does not change). */
  readonly splitUrl: SplitUrl;
  private escapedPath: string | undefined;
  /** hostNames() for the host text it was computed from (the netloc, or the Host header without one). */
  private cachedHosts: RequestHostNames | undefined;
  /** isThirdParty() for the request host and originReqHost it was computed from. */
  private cachedThirdParty: { readonly reqHost: string; readonly originReqHost: string; readonly thirdParty: boolean } | undefined;

  constructor(url: string, init: CookieRequestInit = {}) {
    const unwrapped = unwrap(url);
    // (lastIndexOf is a runtime call, indexOf a quick builtin: most URLs have no '#'.)
    const hash = unwrapped.indexOf('#') === -1 ? -1 : unwrapped.lastIndexOf('#');
    this.fullUrlWithoutFragment = hash >= 0 ? unwrapped.slice(0, hash) : unwrapped;
    this.fragment = hash >= 0 ? unwrapped.slice(hash + 1) : null;
    // urllib's _splittype: ^([^/:]+):(.*)$, then _splithost: ^//([^/#?]*)(.*)$
    const full = this.fullUrlWithoutFragment;
    let colon = 0;
    while (colon < full.length && full.charCodeAt(colon) !== 0x3a && full.charCodeAt(colon) !== 0x2f) colon++;
    if (colon === 0 || full.charCodeAt(colon) !== 0x3a) throw new CookieValueError(`unknown url type: ${JSON.stringify(this.url)}`);
    this.type = full.slice(0, colon).toLowerCase();
    const restStart = colon + 1;
    if (full.charCodeAt(restStart) === 0x2f && full.charCodeAt(restStart + 1) === 0x2f) {
      let pathStart = restStart + 2;
      for (; pathStart < full.length; pathStart++) {
        const c = full.charCodeAt(pathStart);
        if (c === 0x2f || c === 0x23 || c === 0x3f) break; // '/', '#', '?'
      }
      const hostPort = full.slice(restStart + 2, pathStart);
      this.host = hostPort === '' ? hostPort : unquote(hostPort);
      this.selector = pathStart < full.length && full.charCodeAt(pathStart) !== 0x2f ? `/${full.slice(pathStart)}` : full.slice(pathStart);
    } else {
      this.host = null;
      this.selector = full.slice(restStart);
    }
    // Python parses the URL lazily and raises ValueError later for a bad one; we raise it here, once.
    this.splitUrl = urlsplit(this.url);
    if (init.headers !== undefined) for (const [name, value] of Object.entries(init.headers)) this.addHeader(name, value);
    this.originReqHost = init.originReqHost ?? requestHost(this);
    this.unverifiable = init.unverifiable ?? false;
  }

  /** The full URL, fragment included when non-empty (urllib's `Request.full_url`). */
  get url(): string {
    return this.fragment ? `${this.fullUrlWithoutFragment}#${this.fragment}` : this.fullUrlWithoutFragment;
  }

  /** urllib's `get_full_url()`. */
  getFullUrl(): string {
    return this.url;
  }

  addHeader(name: string, value: string): void {
    (this.headers ??= new Map()).set(capitalize(name), value);
  }

  /** urllib's `add_unredirected_header`: where the jar puts Cookie and Cookie2. */
  addUnredirectedHeader(name: string, value: string): void {
    (this.unredirectedHeaders ??= new Map()).set(capitalize(name), value);
  }

  hasHeader(name: string): boolean {
    if (this.headers === null && this.unredirectedHeaders === null) return false;
    const key = capitalize(name);
    return this.headers?.has(key) === true || this.unredirectedHeaders?.has(key) === true;
  }

  getHeader(name: string): string | undefined;
  getHeader(name: string, fallback: string): string;
  getHeader(name: string, fallback?: string): string | undefined {
    if (this.headers === null && this.unredirectedHeaders === null) return fallback;
    const key = capitalize(name);
    return this.headers?.get(key) ?? this.unredirectedHeaders?.get(key) ?? fallback;
  }

  removeHeader(name: string): void {
    const key = capitalize(name);
    this.headers?.delete(key);
    this.unredirectedHeaders?.delete(key);
  }

  /** urllib's `header_items()`: unredirected headers overridden by ordinary ones. */
  headerItems(): [string, string][] {
    return [...new Map([...this.unredirectedHeaders ?? [], ...this.headers ?? []])];
  }

  /** Python's `request_path(request)`, computed once (it runs for every cookie check). */
  requestPath(): string {
    if (this.escapedPath === undefined) {
      const path = escapePath(this.splitUrl.path);
      this.escapedPath = path.startsWith('/') ? path : `/${path}`;
    }
    return this.escapedPath;
  }

  /**
   * Python's `is_third_party(request)`, computed once per request host and originReqHost (every
   * cookie of a response asks it, for the verifiability checks).
   */
  isThirdParty(): boolean {
    const reqHost = this.hostNames().reqHost;
    const cached = this.cachedThirdParty;
    if (cached?.reqHost === reqHost && cached.originReqHost === this.originReqHost) return cached.thirdParty;
    const thirdParty = !domainMatch(reqHost, reach(this.originReqHost));
    this.cachedThirdParty = { reqHost, originReqHost: this.originReqHost, thirdParty };
    return thirdParty;
  }

  /**
   * Python's `eff_request_host(request)` and the dotted forms the return checks compare with,
   * computed once per host text: every cookie check of a request reads them.
   */
  hostNames(): RequestHostNames {
    let source = this.splitUrl.netloc;
    if (source === '') source = this.getHeader('Host', '');
    const cached = this.cachedHosts;
    if (cached?.source === source) return cached;
    const reqHost = cutPort(source).toLowerCase();
    const erhn = !reqHost.includes('.') && !IPV4_RE.test(reqHost) ? `${reqHost}.local` : reqHost;
    const hosts: RequestHostNames = {
      source, reqHost, erhn,
      dottedReqHost: reqHost.startsWith('.') ? reqHost : `.${reqHost}`,
      dottedErhn: erhn.startsWith('.') ? erhn : `.${erhn}`,
      dotErhn: `.${erhn}`,
    };
    this.cachedHosts = hosts;
    return hosts;
  }
}

/** A request's host names as http.cookiejar's checks use them. */
export interface RequestHostNames {
  /** The netloc, or the Host header when the URL has none: what the names were computed from. */
  readonly source: string;
  /** Python's `request_host`: without port, lower-cased. */
  readonly reqHost: string;
  /** Python's effective request-host name: reqHost, plus ".local" when it has no dot and is not an IP. */
  readonly erhn: string;
  /** reqHost with a leading dot unless it has one (domain_return_ok). */
  readonly dottedReqHost: string;
  /** erhn with a leading dot unless it has one (domain_return_ok). */
  readonly dottedErhn: string;
  /** "." + erhn, always (return_ok_domain). */
  readonly dotErhn: string;
}

// --- http.cookiejar helpers ---------------------------------------------------------------------

// Python's IPV4_RE = r"\.\d+$" (re.ASCII): `$` also matches before a final newline.
export const IPV4_RE = /\.[0-9]+\n?$/;
// Python's cut_port_re = r":\d+$", applied once.
const CUT_PORT_RE = /:[0-9]+(?=\n?$)/;

/** Python's `is_HDN`: a host domain name, not an IP address, no leading or trailing dot. */
export function isHdn(text: string): boolean {
  if (IPV4_RE.test(text)) return false;
  if (text === '') return false;
  return !(text.startsWith('.') || text.endsWith('.'));
}

/** Python's `domain_match(A, B)` (RFC 2965 section 1): x.y.com domain-matches .y.com but not y.com. */
export function domainMatch(a: string, b: string): boolean {
  const A = a.toLowerCase();
  const B = b.toLowerCase();
  if (A === B) return true;
  if (!isHdn(A)) return false;
  const i = A.lastIndexOf(B);
  if (i === -1 || i === 0) return false;
  if (!B.startsWith('.')) return false;
  return isHdn(B.slice(1));
}

/** Python's `liberal_is_HDN`: anything that does not end like an IPv4 address. */
export function liberalIsHdn(text: string): boolean {
  return !IPV4_RE.test(text);
}

/** Python's `user_domain_match(A, B)`, used for the blocked and allowed lists. */
export function userDomainMatch(a: string, b: string): boolean {
  const A = a.toLowerCase();
  const B = b.toLowerCase();
  if (!(liberalIsHdn(A) && liberalIsHdn(B))) return A === B;
  const initialDot = B.startsWith('.');
  if (initialDot && A.endsWith(B)) return true;
  return !initialDot && A === B;
}

/** Python's `request_host(request)`: the URL's host (or the Host header), without port, lower-cased. */
export function requestHost(request: CookieRequest): string {
  return request.hostNames().reqHost;
}

/** Python's `cut_port_re.sub("", host, 1)`; only a host with a colon can have a port to cut. */
function cutPort(host: string): string {
  return host.includes(':') ? host.replace(CUT_PORT_RE, '') : host;
}

/** Python's `eff_request_host(request)`: [request-host, effective request-host name]. */
export function effRequestHost(request: CookieRequest): [reqHost: string, erhn: string] {
  const { reqHost, erhn } = request.hostNames();
  return [reqHost, erhn];
}

/** Python's `request_path(request)`: the URL's path, escaped, always starting with `/`. */
export function requestPath(request: CookieRequest): string {
  return request.requestPath();
}

/**
 * Python's `request_port(request)`: the port of `request.host` as a string, "80" without one, or
 * null when it is not a number. Throws TypeError where Python fails on a URL without authority.
 */
export function requestPort(request: CookieRequest): string | null {
  const host = request.host;
  if (host === null) throw new TypeError("'NoneType' object has no attribute 'find'");
  const i = host.indexOf(':');
  if (i < 0) return '80';
  const port = host.slice(i + 1);
  return parsePythonInt(port) === null ? null : port;
}

const HTTP_PATH_SAFE = "%/;:@&=+$,!~*'()";
/** A path that quote(path, HTTP_PATH_SAFE) leaves as it is, without a "%" escape to upper-case. */
const ALREADY_SAFE_PATH = /^[A-Za-z0-9_.\-~/;:@&=+$,!*'()]*$/;

/** Python's `escape_path(path)`: %-escape what a URL path may not hold, upper-case every escape. */
export function escapePath(path: string): string {
  // Most paths need no quoting and have no escape to upper-case: then the path itself (no copy).
  if (ALREADY_SAFE_PATH.test(path)) return path;
  return quote(path, HTTP_PATH_SAFE).replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => `%${hex.toUpperCase()}`);
}

/** Python's `reach(h)` (RFC 2965 section 1): www.acme.com -> .acme.com, acme.com -> acme.com. */
export function reach(h: string): string {
  const i = h.indexOf('.');
  if (i >= 0) {
    const b = h.slice(i + 1);
    if (isHdn(h) && (b.includes('.') || b === 'local')) return `.${b}`;
  }
  return h;
}

/** Python's `is_third_party(request)` (RFC 2965 section 3.3.6). */
export function isThirdParty(request: CookieRequest): boolean {
  return request.isThirdParty();
}
