import type { Cookie } from './cookie';
import type { CookieRequest } from './request';
import { domainMatch, IPV4_RE, isThirdParty, parsePythonInt, requestHost, requestPath, requestPort, userDomainMatch } from './request';
import { refusal, type Refusal } from './rules';

/**
 * Python's `http.cookiejar.CookiePolicy`: decides which cookies are accepted from a server and
 * which are returned to it. The `explain*` methods are optional: a policy that has only the
 * booleans works in the jar, its refusals then carry a generic rule id ('set.policy', ...).
 */
export interface CookiePolicy {
  /** Accept and return Netscape (version 0) cookies. */
  netscape: boolean;
  /** Accept and return RFC 2965 cookies. */
  rfc2965: boolean;
  /** Do not add a Cookie2 header to requests. */
  hideCookie2: boolean;
  /** Whether RFC 2109 cookies become Netscape ones (null: when rfc2965 is off). Optional, like Python's getattr. */
  rfc2109AsNetscape?: boolean | null;
  /** Python's `_now`: the jar sets it (whole seconds) before it asks the policy anything. */
  now?: number | undefined;
  setOk(cookie: Cookie, request: CookieRequest): boolean;
  returnOk(cookie: Cookie, request: CookieRequest): boolean;
  /** A cheap first check per domain key of the jar: false means no cookie of that domain is returned. */
  domainReturnOk(domain: string, request: CookieRequest): boolean;
  /** A check per path key of a domain: false means no cookie of that path is returned. */
  pathReturnOk(path: string, request: CookieRequest): boolean;
  explainSetOk?(cookie: Cookie, request: CookieRequest): Refusal | null;
  explainReturnOk?(cookie: Cookie, request: CookieRequest): Refusal | null;
  explainDomainReturnOk?(domain: string, request: CookieRequest): Refusal | null;
  explainPathReturnOk?(path: string, request: CookieRequest): Refusal | null;
}

export interface DefaultCookiePolicyOptions {
  blockedDomains?: Iterable<string>;
  allowedDomains?: Iterable<string> | null;
  netscape?: boolean;
  rfc2965?: boolean;
  rfc2109AsNetscape?: boolean | null;
  hideCookie2?: boolean;
  strictDomain?: boolean;
  strictRfc2965Unverifiable?: boolean;
  strictNsUnverifiable?: boolean;
  strictNsDomain?: number;
  strictNsSetInitialDollar?: boolean;
  strictNsSetPath?: boolean;
  secureProtocols?: Iterable<string>;
}

const COUNTRY_CODE_SLDS = new Set(['co', 'ac', 'com', 'edu', 'org', 'net', 'gov', 'mil', 'int', 'aero', 'biz', 'cat', 'coop',
  'info', 'jobs', 'mobi', 'museum', 'name', 'pro', 'travel', 'eu']);

/** Python's `cookie.version > 0`, where Python compares an int (set_ok_version has refused None already). */
function versionOf(cookie: Cookie): number {
  return cookie.version ?? 0;
}

/**
 * Python's `http.cookiejar.DefaultCookiePolicy`, every switch a writable property. Each check is a
 * method returning the Refusal (rule id and reason) or null, which a subclass may override as in
 * Python; the booleans (setOk, returnOk, ...) are the explaining variants compared with null.
 */
export class DefaultCookiePolicy implements CookiePolicy {
  static readonly DomainStrictNoDots = 1;
  static readonly DomainStrictNonDomain = 2;
  static readonly DomainRFC2965Match = 4;
  static readonly DomainLiberal = 0;
  static readonly DomainStrict = 3;

  netscape: boolean;
  rfc2965: boolean;
  rfc2109AsNetscape: boolean | null;
  hideCookie2: boolean;
  strictDomain: boolean;
  strictRfc2965Unverifiable: boolean;
  strictNsUnverifiable: boolean;
  strictNsDomain: number;
  strictNsSetInitialDollar: boolean;
  strictNsSetPath: boolean;
  secureProtocols: readonly string[];
  now: number | undefined;
  private blocked: readonly string[];
  private allowed: readonly string[] | null;

  constructor(options: DefaultCookiePolicyOptions = {}) {
    this.netscape = options.netscape ?? true;
    this.rfc2965 = options.rfc2965 ?? false;
    this.rfc2109AsNetscape = options.rfc2109AsNetscape ?? null;
    this.hideCookie2 = options.hideCookie2 ?? false;
    this.strictDomain = options.strictDomain ?? false;
    this.strictRfc2965Unverifiable = options.strictRfc2965Unverifiable ?? true;
    this.strictNsUnverifiable = options.strictNsUnverifiable ?? false;
    this.strictNsDomain = options.strictNsDomain ?? DefaultCookiePolicy.DomainLiberal;
    this.strictNsSetInitialDollar = options.strictNsSetInitialDollar ?? false;
    this.strictNsSetPath = options.strictNsSetPath ?? false;
    this.secureProtocols = [...(options.secureProtocols ?? ['https', 'wss'])];
    this.blocked = [...(options.blockedDomains ?? [])];
    this.allowed = options.allowedDomains == null ? null : [...options.allowedDomains];
  }

  /** The blocked domains (a copy). */
  blockedDomains(): readonly string[] {
    return [...this.blocked];
  }

  setBlockedDomains(blockedDomains: Iterable<string>): void {
    this.blocked = [...blockedDomains];
  }

  isBlocked(domain: string): boolean {
    for (const blockedDomain of this.blocked) if (userDomainMatch(domain, blockedDomain)) return true;
    return false;
  }

  /** The allowed domains (a copy), or null when every domain is allowed. */
  allowedDomains(): readonly string[] | null {
    return this.allowed === null ? null : [...this.allowed];
  }

  setAllowedDomains(allowedDomains: Iterable<string> | null): void {
    this.allowed = allowedDomains === null ? null : [...allowedDomains];
  }

  isNotAllowed(domain: string): boolean {
    if (this.allowed === null) return false;
    for (const allowedDomain of this.allowed) if (userDomainMatch(domain, allowedDomain)) return false;
    return true;
  }

  // --- accepting ---------------------------------------------------------------------------------

  setOk(cookie: Cookie, request: CookieRequest): boolean {
    return this.explainSetOk(cookie, request) === null;
  }

  /** Python's set_ok: version, verifiability, name, path, domain, port; the first refusal wins. */
  explainSetOk(cookie: Cookie, request: CookieRequest): Refusal | null {
    return this.setOkVersion(cookie, request) ?? this.setOkVerifiability(cookie, request) ??
      this.setOkName(cookie, request) ?? this.setOkPath(cookie, request) ?? this.setOkDomain(cookie, request) ??
      this.setOkPort(cookie, request);
  }

  setOkVersion(cookie: Cookie, _request: CookieRequest): Refusal | null {
    if (cookie.version === null) {
      // parse_ns_headers always gives Netscape cookies a version: this is a Set-Cookie2 one without.
      return refusal('set.version.missing', { name: cookie.name });
    }
    if (cookie.version > 0 && !this.rfc2965) return refusal('set.version.rfc2965-disabled', { name: cookie.name, version: cookie.version });
    if (cookie.version === 0 && !this.netscape) return refusal('set.version.netscape-disabled', { name: cookie.name });
    return null;
  }

  setOkVerifiability(cookie: Cookie, request: CookieRequest): Refusal | null {
    if (request.unverifiable && isThirdParty(request)) {
      if (versionOf(cookie) > 0 && this.strictRfc2965Unverifiable) return refusal('set.verifiability.third-party-rfc2965', thirdPartyHosts(cookie, request));
      if (cookie.version === 0 && this.strictNsUnverifiable) return refusal('set.verifiability.third-party', thirdPartyHosts(cookie, request));
    }
    return null;
  }

  setOkName(cookie: Cookie, _request: CookieRequest): Refusal | null {
    // Stop servers setting V0 cookies designed to hack servers that know both V0 and V1.
    if (cookie.version === 0 && this.strictNsSetInitialDollar && cookie.name.startsWith('$')) {
      return refusal('set.name.initial-dollar', { name: cookie.name });
    }
    return null;
  }

  setOkPath(cookie: Cookie, request: CookieRequest): Refusal | null {
    if (cookie.pathSpecified) {
      const reqPath = requestPath(request);
      if ((versionOf(cookie) > 0 || (cookie.version === 0 && this.strictNsSetPath)) && !this.pathReturnOk(cookie.path, request)) {
        return refusal('set.path.mismatch', { name: cookie.name, path: cookie.path, requestPath: reqPath });
      }
    }
    return null;
  }

  setOkDomain(cookie: Cookie, request: CookieRequest): Refusal | null {
    if (this.isBlocked(cookie.domain)) return refusal('set.domain.blocked', { domain: cookie.domain });
    if (this.isNotAllowed(cookie.domain)) return refusal('set.domain.not-allowed', { domain: cookie.domain });
    if (!cookie.domainSpecified) return null;
    const { reqHost, erhn } = request.hostNames();
    const domain = cookie.domain;
    const name = cookie.name;
    if (this.strictDomain && countDots(domain) >= 2) {
      const i = domain.lastIndexOf('.');
      const j = i > 0 ? domain.lastIndexOf('.', i - 1) : -1;
      if (j === 0) { // a domain like .foo.bar
        const tld = domain.slice(i + 1);
        const sld = domain.slice(j + 1, i);
        if (COUNTRY_CODE_SLDS.has(sld.toLowerCase()) && Array.from(tld).length === 2) {
          return refusal('set.domain.country-code-sld', { domain });
        }
      }
    }
    // undotted_domain is the domain without one leading dot (compared in place, not sliced out).
    const undottedStart = domain.startsWith('.') ? 1 : 0;
    const embeddedDots = domain.includes('.', undottedStart);
    if (!embeddedDots && !erhn.endsWith('.local')) return refusal('set.domain.no-embedded-dot', { name, domain, erhn });
    const version = versionOf(cookie);
    if (cookie.version === 0) {
      if (!(erhn.endsWith(domain) || erhn.endsWith(`${domain.slice(undottedStart)}.local`)) &&
          !erhn.startsWith('.') && !endsWithAfterDot(erhn, domain)) {
        return refusal('set.domain.mismatch', { name, domain, erhn });
      }
    }
    if (version > 0 || (this.strictNsDomain & DefaultCookiePolicy.DomainRFC2965Match) !== 0) {
      if (!domainMatch(erhn, domain)) return refusal('set.domain.rfc2965-match', { name, domain, erhn });
    }
    if (version > 0 || (this.strictNsDomain & DefaultCookiePolicy.DomainStrictNoDots) !== 0) {
      // Python's req_host[:-len(domain)]: with an empty domain that is the empty string.
      const hostPrefix = pySliceDropTail(reqHost, domain);
      if (hostPrefix.includes('.') && !IPV4_RE.test(reqHost)) return refusal('set.domain.strict-no-dots', { name, domain, hostPrefix });
    }
    return null;
  }

  setOkPort(cookie: Cookie, request: CookieRequest): Refusal | null {
    if (cookie.portSpecified) {
      const reqPort = requestPort(request) ?? '80';
      const ports = cookie.port ?? '';
      for (const p of ports.split(',')) {
        if (parsePythonInt(p) === null) return refusal('set.port.not-numeric', { name: cookie.name, port: p, ports });
        if (p === reqPort) return null;
      }
      return refusal('set.port.mismatch', { name: cookie.name, requestPort: reqPort, ports });
    }
    return null;
  }

  // --- returning ---------------------------------------------------------------------------------

  returnOk(cookie: Cookie, request: CookieRequest): boolean {
    return this.explainReturnOk(cookie, request) === null;
  }

  /** Python's return_ok: version, verifiability, secure, expires, port, domain; the first refusal wins. */
  explainReturnOk(cookie: Cookie, request: CookieRequest): Refusal | null {
    return this.returnOkVersion(cookie, request) ?? this.returnOkVerifiability(cookie, request) ??
      this.returnOkSecure(cookie, request) ?? this.returnOkExpires(cookie, request) ?? this.returnOkPort(cookie, request) ??
      this.returnOkDomain(cookie, request);
  }

  returnOkVersion(cookie: Cookie, _request: CookieRequest): Refusal | null {
    // Python raises TypeError comparing None > 0; such a cookie can only come from setCookie.
    if (cookie.version === null) return refusal('return.version.missing', { name: cookie.name });
    if (cookie.version > 0 && !this.rfc2965) return refusal('return.version.rfc2965-disabled', { name: cookie.name, version: cookie.version });
    if (cookie.version === 0 && !this.netscape) return refusal('return.version.netscape-disabled', { name: cookie.name });
    return null;
  }

  returnOkVerifiability(cookie: Cookie, request: CookieRequest): Refusal | null {
    if (request.unverifiable && isThirdParty(request)) {
      if (versionOf(cookie) > 0 && this.strictRfc2965Unverifiable) return refusal('return.verifiability.third-party-rfc2965', thirdPartyHosts(cookie, request));
      if (cookie.version === 0 && this.strictNsUnverifiable) return refusal('return.verifiability.third-party', thirdPartyHosts(cookie, request));
    }
    return null;
  }

  returnOkSecure(cookie: Cookie, request: CookieRequest): Refusal | null {
    if (cookie.secure && !this.secureProtocols.includes(request.type)) {
      return refusal('return.secure.protocol', { name: cookie.name, protocol: request.type, secureProtocols: [...this.secureProtocols] });
    }
    return null;
  }

  returnOkExpires(cookie: Cookie, _request: CookieRequest): Refusal | null {
    const now = this.now;
    if (now === undefined) throw new Error('DefaultCookiePolicy.now is not set: the jar sets it before asking');
    if (cookie.isExpired(now)) return refusal('return.expired', { name: cookie.name, expires: cookie.expires ?? 0, now });
    return null;
  }

  returnOkPort(cookie: Cookie, request: CookieRequest): Refusal | null {
    if (cookie.port) {
      const reqPort = requestPort(request) ?? '80';
      if (!cookie.port.split(',').includes(reqPort)) return refusal('return.port.mismatch', { name: cookie.name, requestPort: reqPort, ports: cookie.port });
    }
    return null;
  }

  returnOkDomain(cookie: Cookie, request: CookieRequest): Refusal | null {
    const { reqHost, erhn, dotErhn } = request.hostNames();
    const domain = cookie.domain;
    const name = cookie.name;
    // Strict check of non-domain cookies: Mozilla does this, MSIE5 doesn't.
    if (cookie.version === 0 && (this.strictNsDomain & DefaultCookiePolicy.DomainStrictNonDomain) !== 0 &&
        !cookie.domainSpecified && domain !== erhn) {
      return refusal('return.domain.strict-non-domain', { name, domain, erhn });
    }
    if (versionOf(cookie) > 0 && !domainMatch(erhn, domain)) return refusal('return.domain.rfc2965-match', { name, domain, erhn });
    if (cookie.version === 0 && !endsWithDotted(dotErhn, domain)) return refusal('return.domain.mismatch', { name, domain, requestHost: reqHost });
    return null;
  }

  domainReturnOk(domain: string, request: CookieRequest): boolean {
    return this.explainDomainReturnOk(domain, request) === null;
  }

  /** Python's domain_return_ok: a liberal suffix check, then the blocked and allowed lists. */
  explainDomainReturnOk(domain: string, request: CookieRequest): Refusal | null {
    const { reqHost, dottedReqHost, dottedErhn } = request.hostNames();
    if (!(endsWithDotted(dottedReqHost, domain) || endsWithDotted(dottedErhn, domain))) {
      return refusal('return.domain.no-match', { domain, requestHost: reqHost });
    }
    if (this.isBlocked(domain)) return refusal('return.domain.blocked', { domain });
    if (this.isNotAllowed(domain)) return refusal('return.domain.not-allowed', { domain });
    return null;
  }

  pathReturnOk(path: string, request: CookieRequest): boolean {
    return this.explainPathReturnOk(path, request) === null;
  }

  /** Python's path_return_ok: the request path equals the cookie path or continues it at a '/'. */
  explainPathReturnOk(path: string, request: CookieRequest): Refusal | null {
    const reqPath = requestPath(request);
    if (reqPath === path) return null;
    if (reqPath.startsWith(path) && (path.endsWith('/') || reqPath.charAt(path.length) === '/')) return null;
    return refusal('return.path.mismatch', { path, requestPath: reqPath });
  }
}

/** The hosts a verifiability refusal names. */
function thirdPartyHosts(cookie: Cookie, request: CookieRequest): { name: string; requestHost: string; originHost: string } {
  return { name: cookie.name, requestHost: requestHost(request), originHost: request.originReqHost };
}

/**
 * `text.endswith(dotdomain)`, where Python's dotdomain is the domain with a leading dot added
 * unless it is empty or has one; without building dotdomain (this runs for every cookie).
 */
export function endsWithDotted(text: string, domain: string): boolean {
  if (domain === '' || domain.startsWith('.')) return text.endsWith(domain);
  return text.length > domain.length && text.endsWith(domain) && text.charCodeAt(text.length - domain.length - 1) === 0x2e;
}

/** `` `.${text}`.endsWith(tail) ``, without building the dotted text. */
function endsWithAfterDot(text: string, tail: string): boolean {
  if (tail.length <= text.length) return text.endsWith(tail);
  return tail.length === text.length + 1 && tail.charCodeAt(0) === 0x2e && tail.endsWith(text);
}

function countDots(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '.') n++;
  return n;
}

/** Python's `text[:-len(tail)]`, counting code points as Python does (empty when tail is empty). */
function pySliceDropTail(text: string, tail: string): string {
  if (tail.length === 0) return '';
  if (!/[\uD800-\uDFFF]/.test(text + tail)) return text.slice(0, Math.max(0, text.length - tail.length));
  const points = Array.from(text);
  return points.slice(0, Math.max(0, points.length - Array.from(tail).length)).join('');
}
