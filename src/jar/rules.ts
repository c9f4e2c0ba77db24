/*
 * The stable rule ids of the jar: one per check with which http.cookiejar can refuse a cookie (each
 * `_debug(...)` before a `return False` of DefaultCookiePolicy), plus the cookies that CookieJar's
 * own normalisation drops. Python only logs these; we return them with a reason naming the values.
 * docs/jar-rules.md lists them; a test keeps that page and this table in step.
 */

/** Why a cookie was refused: a stable rule id and one sentence for people. */
export interface Refusal {
  readonly rule: string;
  readonly reason: string;
}

interface RuleSpec<V> {
  /** 'set': accepting a cookie from a response; 'return': sending it back in a Cookie header. */
  readonly side: 'set' | 'return';
  /** The place in CPython's http/cookiejar.py it corresponds to. */
  readonly python: string;
  /** When it fires. */
  readonly when: string;
  readonly reason: (values: V) => string;
  /** Values for the example reason in the docs and tests. */
  readonly example: V;
}

function rule<V>(spec: RuleSpec<V>): RuleSpec<V> {
  return spec;
}

/** A value as it appears in a reason: the empty string is shown as "". */
function show(value: string | number | null): string {
  if (value === null) return '(none)';
  return value === '' ? '""' : String(value);
}

interface Named { name: string }
interface Hosts extends Named { requestHost: string; originHost: string }
interface DomainOnly { domain: string }
interface DomainErhn extends Named { domain: string; erhn: string }

export const RULES = {
  // --- accepting cookies: DefaultCookiePolicy.set_ok ---------------------------------------
  'set.version.missing': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_version: "Set-Cookie2 without version attribute"',
    when: 'A Set-Cookie2 cookie has no Version attribute.',
    reason: (v: Named) => `The Set-Cookie2 cookie ${show(v.name)} has no Version attribute.`,
    example: { name: 'sid' },
  }),
  'set.version.rfc2965-disabled': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_version: "RFC 2965 cookies are switched off"',
    when: 'A cookie of version 1 or more arrives while the policy has rfc2965 off.',
    reason: (v: Named & { version: number }) => `The cookie ${show(v.name)} is an RFC 2965 cookie (version ${v.version}) and RFC 2965 cookies are switched off.`,
    example: { name: 'sid', version: 1 },
  }),
  'set.version.netscape-disabled': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_version: "Netscape cookies are switched off"',
    when: 'A version 0 (Netscape) cookie arrives while the policy has netscape off.',
    reason: (v: Named) => `The cookie ${show(v.name)} is a Netscape cookie (version 0) and Netscape cookies are switched off.`,
    example: { name: 'sid' },
  }),
  'set.verifiability.third-party': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_verifiability: "third-party Netscape cookie during unverifiable transaction"',
    when: 'strictNsUnverifiable is on and a Netscape cookie comes from a third-party host during an unverifiable request.',
    reason: (v: Hosts) => `The Netscape cookie ${show(v.name)} comes from ${show(v.requestHost)}, a third party to ${show(v.originHost)}, during an unverifiable request.`,
    example: { name: 'track', requestHost: 'ads.example.net', originHost: 'www.example.com' },
  }),
  'set.verifiability.third-party-rfc2965': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_verifiability: "third-party RFC 2965 cookie during unverifiable transaction"',
    when: 'strictRfc2965Unverifiable is on (the default) and an RFC 2965 cookie comes from a third-party host during an unverifiable request.',
    reason: (v: Hosts) => `The RFC 2965 cookie ${show(v.name)} comes from ${show(v.requestHost)}, a third party to ${show(v.originHost)}, during an unverifiable request.`,
    example: { name: 'track', requestHost: 'ads.example.net', originHost: 'www.example.com' },
  }),
  'set.name.initial-dollar': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_name: "illegal name (starts with \'$\')"',
    when: 'strictNsSetInitialDollar is on and a Netscape cookie name starts with $.',
    reason: (v: Named) => `The Netscape cookie name ${show(v.name)} starts with '$'.`,
    example: { name: '$Version' },
  }),
  'set.path.mismatch': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_path: "path attribute %s is not a prefix of request path %s"',
    when: 'The Path attribute does not path-match the request path (RFC 2965 cookies, or Netscape ones with strictNsSetPath).',
    reason: (v: Named & { path: string; requestPath: string }) => `The cookie ${show(v.name)} has path ${show(v.path)}, which is not a prefix of the request path ${show(v.requestPath)}.`,
    example: { name: 'sid', path: '/admin', requestPath: '/shop/cart' },
  }),
  'set.domain.blocked': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_domain: "domain %s is in user block-list"',
    when: "The cookie's domain matches an entry of blockedDomains.",
    reason: (v: DomainOnly) => `The cookie's domain ${show(v.domain)} is in the blocked list.`,
    example: { domain: '.example.com' },
  }),
  'set.domain.not-allowed': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_domain: "domain %s is not in user allow-list"',
    when: "allowedDomains is set and the cookie's domain matches none of its entries.",
    reason: (v: DomainOnly) => `The cookie's domain ${show(v.domain)} is not in the allowed list.`,
    example: { domain: '.example.com' },
  }),
  'set.domain.country-code-sld': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_domain: "country-code second level domain %s"',
    when: 'strictDomain is on and the Domain attribute is like .co.uk (a well-known second-level label under a two-letter TLD).',
    reason: (v: DomainOnly) => `The cookie's domain ${show(v.domain)} is a country-code second-level domain, shared by unrelated sites.`,
    example: { domain: '.co.uk' },
  }),
  'set.domain.no-embedded-dot': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_domain: "non-local domain %s contains no embedded dot"',
    when: 'The Domain attribute has no dot inside it (like .com) and the request host is not a .local name.',
    reason: (v: DomainErhn) => `The cookie ${show(v.name)} has domain ${show(v.domain)}, which has no embedded dot, and the request host ${show(v.erhn)} is not local.`,
    example: { name: 'sid', domain: '.com', erhn: 'www.example.com' },
  }),
  'set.domain.mismatch': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_domain: "effective request-host %s (even with added initial dot) does not end with %s"',
    when: 'A Netscape cookie whose Domain attribute is not a suffix of the request host.',
    reason: (v: DomainErhn) => `The cookie ${show(v.name)} has domain ${show(v.domain)}, and the request host ${show(v.erhn)} does not end with it.`,
    example: { name: 'sid', domain: '.example.org', erhn: 'www.example.com' },
  }),
  'set.domain.rfc2965-match': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_domain: "effective request-host %s does not domain-match %s"',
    when: 'The request host does not domain-match the Domain attribute (RFC 2965 cookies, or Netscape ones with DomainRFC2965Match).',
    reason: (v: DomainErhn) => `The request host ${show(v.erhn)} does not domain-match the cookie ${show(v.name)}'s domain ${show(v.domain)} (RFC 2965 rules).`,
    example: { name: 'sid', domain: 'example.com', erhn: 'www.example.com' },
  }),
  'set.domain.strict-no-dots': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_domain: "host prefix %s for domain %s contains a dot"',
    when: 'The request host minus the Domain attribute still contains a dot (RFC 2965 cookies, or Netscape ones with DomainStrictNoDots).',
    reason: (v: Named & { domain: string; hostPrefix: string }) => `The cookie ${show(v.name)} has domain ${show(v.domain)}, and the rest of the request host, ${show(v.hostPrefix)}, contains a dot.`,
    example: { name: 'sid', domain: '.example.com', hostPrefix: 'a.b' },
  }),
  'set.port.not-numeric': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_port: "bad port %s (not numeric)"',
    when: 'The Port attribute lists something that is not a number.',
    reason: (v: Named & { port: string; ports: string }) => `The cookie ${show(v.name)} has port list ${show(v.ports)}, and ${show(v.port)} is not a number.`,
    example: { name: 'sid', port: 'http', ports: '80,http' },
  }),
  'set.port.mismatch': rule({
    side: 'set', python: 'DefaultCookiePolicy.set_ok_port: "request port (%s) not found in %s"',
    when: 'The Port attribute does not list the request port.',
    reason: (v: Named & { requestPort: string; ports: string }) => `The cookie ${show(v.name)} has port list ${show(v.ports)}, which does not include the request port ${show(v.requestPort)}.`,
    example: { name: 'sid', requestPort: '8080', ports: '80,443' },
  }),
  'set.policy': rule({
    side: 'set', python: 'CookiePolicy.set_ok (a custom policy)',
    when: "A custom policy's setOk returned false without an explanation.",
    reason: (v: Named) => `The cookie policy refused the cookie ${show(v.name)}.`,
    example: { name: 'sid' },
  }),
  'set.policy.error': rule({
    side: 'set', python: 'CookieJar.extract_cookies (an exception from set_ok propagates in Python)',
    when: 'The policy threw while checking the cookie; Python would raise out of extract_cookies, we refuse the cookie and go on.',
    reason: (v: Named & { error: string }) => `Checking the cookie ${show(v.name)} failed: ${v.error}.`,
    example: { name: 'sid', error: "TypeError: 'NoneType' object has no attribute 'find'" },
  }),

  // --- accepting cookies: CookieJar.make_cookies and its normalisation -------------------------
  'set.header.no-cookie': rule({
    side: 'set', python: 'parse_ns_headers / split_header_words yield no cookie for the header',
    when: 'A Set-Cookie or Set-Cookie2 line has no cookie in it (empty, or no name before the first ;).',
    reason: (v: { headerName: string; header: string }) => `The ${v.headerName} header ${JSON.stringify(v.header.length > 60 ? `${v.header.slice(0, 60)}…` : v.header)} holds no cookie.`,
    example: { headerName: 'Set-Cookie', header: '=value; Path=/' },
  }),
  'set.header.error': rule({
    side: 'set', python: 'CookieJar.make_cookies: except Exception: _warn_unhandled_exception()',
    when: 'Parsing the Set-Cookie (or Set-Cookie2) headers of the response raised in Python, which then drops every cookie of those headers.',
    reason: (v: { headerName: string; error: string }) => `The ${v.headerName} headers of this response could not be processed (${v.error}), so Python drops all their cookies.`,
    example: { headerName: 'Set-Cookie', error: 'a Max-Age attribute without a value' },
  }),
  'set.header.rfc2965-disabled': rule({
    side: 'set', python: 'CookieJar.make_cookies: quick exit "no relevant cookie headers"',
    when: 'A Set-Cookie2 header arrives with no Set-Cookie header while RFC 2965 is switched off (or both kinds are off).',
    reason: (v: { headerName: string }) => `The ${v.headerName} header is ignored because RFC 2965 cookies are switched off.`,
    example: { headerName: 'Set-Cookie2' },
  }),
  'set.header.netscape-disabled': rule({
    side: 'set', python: 'CookieJar.make_cookies: Set-Cookie headers are read only when policy.netscape',
    when: 'A Set-Cookie header arrives while Netscape cookies are switched off.',
    reason: (v: { headerName: string }) => `The ${v.headerName} header is ignored because Netscape cookies are switched off.`,
    example: { headerName: 'Set-Cookie' },
  }),
  'set.domain.missing-value': rule({
    side: 'set', python: 'CookieJar._normalized_cookie_tuples: "missing value for domain attribute"',
    when: 'The cookie has a Domain attribute without =value.',
    reason: (v: Named) => `The cookie ${show(v.name)} has a Domain attribute without a value.`,
    example: { name: 'sid' },
  }),
  'set.max-age.invalid': rule({
    side: 'set', python: 'CookieJar._normalized_cookie_tuples: "missing or invalid (non-numeric) value for max-age attribute"',
    when: 'The Max-Age attribute is not an integer.',
    reason: (v: Named & { maxAge: string }) => `The cookie ${show(v.name)} has Max-Age ${show(v.maxAge)}, which is not an integer.`,
    example: { name: 'sid', maxAge: '1.5' },
  }),
  'set.attribute.missing-value': rule({
    side: 'set', python: 'CookieJar._normalized_cookie_tuples: "missing value for %s attribute"',
    when: 'A Path or Version attribute has no value.',
    reason: (v: Named & { attribute: string }) => `The cookie ${show(v.name)} has a ${v.attribute} attribute without a value.`,
    example: { name: 'sid', attribute: 'path' },
  }),
  'set.version.invalid': rule({
    side: 'set', python: 'CookieJar._cookie_from_cookie_tuple: "invalid version, ignore cookie"',
    when: 'The Version attribute is not an integer.',
    reason: (v: Named & { version: string }) => `The cookie ${show(v.name)} has Version ${show(v.version)}, which is not an integer.`,
    example: { name: 'sid', version: '1.0' },
  }),
  'set.expired': rule({
    side: 'set', python: 'CookieJar._cookie_from_cookie_tuple: "Expiring cookie"',
    when: 'The cookie is already expired (Expires in the past, Max-Age 0 or less): it deletes a stored cookie with the same domain, path and name instead of being set.',
    reason: (v: Named & { domain: string; path: string; expires: number; now: number; deleted: boolean }) =>
      `The cookie ${show(v.name)} expired at ${v.expires} (now is ${v.now}), so it ${v.deleted ? 'deleted' : 'would delete'} the stored cookie ${show(v.name)} for ${v.domain}${v.path}${v.deleted ? '' : ' (there was none)'} instead of being set.`,
    example: { name: 'sid', domain: '.example.com', path: '/', expires: 0, now: 1700000000, deleted: true },
  }),
  'set.netscape.hidden-by-cookie2': rule({
    side: 'set', python: 'CookieJar.make_cookies: no_matching_rfc2965 (RFC 2965 section 9.1)',
    when: 'A Set-Cookie cookie has the same domain, path and name as a Set-Cookie2 cookie of the same response, while RFC 2965 is on.',
    reason: (v: Named & { domain: string; path: string }) => `The Set-Cookie cookie ${show(v.name)} for ${v.domain}${v.path} is replaced by the Set-Cookie2 cookie of the same name in this response.`,
    example: { name: 'sid', domain: 'www.example.com', path: '/' },
  }),

  // --- returning cookies: DefaultCookiePolicy.domain_return_ok, path_return_ok, return_ok -----
  'return.domain.no-match': rule({
    side: 'return', python: 'DefaultCookiePolicy.domain_return_ok: "request domain %s does not match cookie domain %s"',
    when: 'The request host does not end with the cookie domain (the liberal check done per domain).',
    reason: (v: DomainOnly & { requestHost: string }) => `The request host ${show(v.requestHost)} is not within the cookie domain ${show(v.domain)}.`,
    example: { domain: '.example.org', requestHost: 'www.example.com' },
  }),
  'return.domain.blocked': rule({
    side: 'return', python: 'DefaultCookiePolicy.domain_return_ok: "domain %s is in user block-list"',
    when: "The cookie's domain matches an entry of blockedDomains.",
    reason: (v: DomainOnly) => `The cookie domain ${show(v.domain)} is in the blocked list.`,
    example: { domain: '.example.com' },
  }),
  'return.domain.not-allowed': rule({
    side: 'return', python: 'DefaultCookiePolicy.domain_return_ok: "domain %s is not in user allow-list"',
    when: "allowedDomains is set and the cookie's domain matches none of its entries.",
    reason: (v: DomainOnly) => `The cookie domain ${show(v.domain)} is not in the allowed list.`,
    example: { domain: '.example.com' },
  }),
  'return.domain.policy': rule({
    side: 'return', python: 'CookiePolicy.domain_return_ok (a custom policy)',
    when: "A custom policy's domainReturnOk returned false without an explanation.",
    reason: (v: DomainOnly) => `The cookie policy refused to return cookies of domain ${show(v.domain)}.`,
    example: { domain: '.example.com' },
  }),
  'return.path.mismatch': rule({
    side: 'return', python: 'DefaultCookiePolicy.path_return_ok: "%s does not path-match %s"',
    when: "The request path is not within the cookie's path.",
    reason: (v: { path: string; requestPath: string }) => `The request path ${show(v.requestPath)} is not within the cookie path ${show(v.path)}.`,
    example: { path: '/admin', requestPath: '/shop' },
  }),
  'return.path.policy': rule({
    side: 'return', python: 'CookiePolicy.path_return_ok (a custom policy)',
    when: "A custom policy's pathReturnOk returned false without an explanation.",
    reason: (v: { path: string }) => `The cookie policy refused to return cookies of path ${show(v.path)}.`,
    example: { path: '/admin' },
  }),
  'return.version.missing': rule({
    side: 'return', python: 'DefaultCookiePolicy.return_ok_version (Python raises TypeError on a None version)',
    when: 'A cookie without a version (only possible through setCookie) is considered for a request.',
    reason: (v: Named) => `The cookie ${show(v.name)} has no version.`,
    example: { name: 'sid' },
  }),
  'return.version.rfc2965-disabled': rule({
    side: 'return', python: 'DefaultCookiePolicy.return_ok_version: "RFC 2965 cookies are switched off"',
    when: 'A cookie of version 1 or more while the policy has rfc2965 off.',
    reason: (v: Named & { version: number }) => `The cookie ${show(v.name)} is an RFC 2965 cookie (version ${v.version}) and RFC 2965 cookies are switched off.`,
    example: { name: 'sid', version: 1 },
  }),
  'return.version.netscape-disabled': rule({
    side: 'return', python: 'DefaultCookiePolicy.return_ok_version: "Netscape cookies are switched off"',
    when: 'A version 0 (Netscape) cookie while the policy has netscape off.',
    reason: (v: Named) => `The cookie ${show(v.name)} is a Netscape cookie and Netscape cookies are switched off.`,
    example: { name: 'sid' },
  }),
  'return.verifiability.third-party': rule({
    side: 'return', python: 'DefaultCookiePolicy.return_ok_verifiability: "third-party Netscape cookie during unverifiable transaction"',
    when: 'strictNsUnverifiable is on and the request is an unverifiable one to a third-party host.',
    reason: (v: Hosts) => `The Netscape cookie ${show(v.name)} is not sent to ${show(v.requestHost)}, a third party to ${show(v.originHost)}, in an unverifiable request.`,
    example: { name: 'sid', requestHost: 'ads.example.net', originHost: 'www.example.com' },
  }),
  'return.verifiability.third-party-rfc2965': rule({
    side: 'return', python: 'DefaultCookiePolicy.return_ok_verifiability: "third-party RFC 2965 cookie during unverifiable transaction"',
    when: 'strictRfc2965Unverifiable is on (the default) and the request is an unverifiable one to a third-party host.',
    reason: (v: Hosts) => `The RFC 2965 cookie ${show(v.name)} is not sent to ${show(v.requestHost)}, a third party to ${show(v.originHost)}, in an unverifiable request.`,
    example: { name: 'sid', requestHost: 'ads.example.net', originHost: 'www.example.com' },
  }),
  'return.secure.protocol': rule({
    side: 'return', python: 'DefaultCookiePolicy.return_ok_secure: "secure cookie with non-secure request"',
    when: "A Secure cookie and a request whose scheme is not in secureProtocols.",
    reason: (v: Named & { protocol: string; secureProtocols: readonly string[] }) => `The cookie ${show(v.name)} is Secure and the request scheme ${show(v.protocol)} is not one of ${v.secureProtocols.join(', ') || '(none)'}.`,
    example: { name: 'sid', protocol: 'http', secureProtocols: ['https', 'wss'] },
  }),
  'return.expired': rule({
    side: 'return', python: 'DefaultCookiePolicy.return_ok_expires: "cookie expired"',
    when: 'The cookie expired (expires <= now).',
    reason: (v: Named & { expires: number; now: number }) => `The cookie ${show(v.name)} expired at ${v.expires} (now is ${v.now}).`,
    example: { name: 'sid', expires: 1690000000, now: 1700000000 },
  }),
  'return.port.mismatch': rule({
    side: 'return', python: 'DefaultCookiePolicy.return_ok_port: "request port %s does not match cookie port %s"',
    when: "The cookie has a port list and the request port is not in it.",
    reason: (v: Named & { requestPort: string; ports: string }) => `The cookie ${show(v.name)} is only for port(s) ${show(v.ports)}, not the request port ${show(v.requestPort)}.`,
    example: { name: 'sid', requestPort: '8080', ports: '80' },
  }),
  'return.domain.strict-non-domain': rule({
    side: 'return', python: 'DefaultCookiePolicy.return_ok_domain: "cookie with unspecified domain does not string-compare equal to request domain"',
    when: 'DomainStrictNonDomain is on and a Netscape cookie set without a Domain attribute goes to a host other than the one that set it.',
    reason: (v: DomainErhn) => `The cookie ${show(v.name)} was set without a Domain attribute by ${show(v.domain)}, and the request host ${show(v.erhn)} is not exactly that host.`,
    example: { name: 'sid', domain: 'example.com', erhn: 'www.example.com' },
  }),
  'return.domain.rfc2965-match': rule({
    side: 'return', python: 'DefaultCookiePolicy.return_ok_domain: "effective request-host name %s does not domain-match RFC 2965 cookie domain %s"',
    when: "An RFC 2965 cookie and a request host that does not domain-match the cookie's domain.",
    reason: (v: DomainErhn) => `The request host ${show(v.erhn)} does not domain-match the RFC 2965 cookie ${show(v.name)}'s domain ${show(v.domain)}.`,
    example: { name: 'sid', domain: '.example.com', erhn: 'a.b.example.com' },
  }),
  'return.domain.mismatch': rule({
    side: 'return', python: 'DefaultCookiePolicy.return_ok_domain: "request-host %s does not match Netscape cookie domain %s"',
    when: "A Netscape cookie and a request host that does not end with the cookie's domain.",
    reason: (v: Named & { domain: string; requestHost: string }) => `The request host ${show(v.requestHost)} does not match the Netscape cookie ${show(v.name)}'s domain ${show(v.domain)}.`,
    example: { name: 'sid', domain: 'shop.example.com', requestHost: 'example.com' },
  }),
  'return.policy': rule({
    side: 'return', python: 'CookiePolicy.return_ok (a custom policy)',
    when: "A custom policy's returnOk returned false without an explanation.",
    reason: (v: Named) => `The cookie policy refused to return the cookie ${show(v.name)}.`,
    example: { name: 'sid' },
  }),
  'return.policy.error': rule({
    side: 'return', python: 'CookieJar.add_cookie_header (an exception from a return check propagates in Python)',
    when: 'The policy threw while checking the cookie; Python would raise out of add_cookie_header, we leave the cookie out.',
    reason: (v: Named & { error: string }) => `Checking the cookie ${show(v.name)} failed: ${v.error}.`,
    example: { name: 'sid', error: "TypeError: 'NoneType' object has no attribute 'find'" },
  }),
  'return.header.present': rule({
    side: 'return', python: 'CookieJar.add_cookie_header: `if not request.has_header("Cookie")`',
    when: 'The request already carries a Cookie header, so the jar adds none.',
    reason: (v: Named) => `The cookie ${show(v.name)} passes every check, but the request already has a Cookie header, which the jar does not replace.`,
    example: { name: 'sid' },
  }),
} as const;

export type RuleId = keyof typeof RULES;
export type RuleValues<R extends RuleId> = Parameters<(typeof RULES)[R]['reason']>[0];

/** A refusal under one of our rule ids, its reason built from the values involved. */
export function refusal<R extends RuleId>(rule: R, values: RuleValues<R>): Refusal {
  const reason = RULES[rule].reason as (values: RuleValues<R>) => string;
  return { rule, reason: reason(values) };
}

/** Every rule id, in the order of the table (the order of docs/jar-rules.md). */
export const RULE_IDS = Object.keys(RULES) as RuleId[];
