// The browser model's conformance scenarios: a committed, seeded generator. Each Set-Cookie
// scenario is one line, requested in one way (top-level navigation, iframe, image, fetch, nested
// frame) from one page, over http or https, after optional setup responses. Targeted scenarios
// cover every rule and reason; seeded random combinations of names, values and attributes add
// the interactions. Each scenario's tag (`q017`) is in its cookie's name or value, so the stores
// can be compared scenario by scenario. Send scenarios set cookies first, then request them.

export const SEED = 20261201;

export type Scheme = 'http' | 'https';
export interface Origin { readonly scheme: Scheme; readonly host: string }

/** How a response or request is made. */
export type Via =
  | 'top' // a top-level navigation the browser starts (page.goto)
  | 'top-cross' // a top-level navigation started by a page of `page` (location.href)
  | 'top-cross-post' // a form POST from a page of `page` to the URL
  | 'frame' // an iframe of a page of `page`
  | 'image' // an <img> of a page of `page`
  | 'fetch' // fetch(..., { credentials: 'include', mode: 'no-cors' }) from a page of `page`
  | 'nested-frame' // an iframe inside an iframe of `middle`, inside a page of `page`
  | 'nested-image'; // an <img> inside an iframe of `middle`, inside a page of `page`

export interface Target {
  readonly via: Via;
  readonly origin: Origin;
  readonly path: string;
  /** The page that makes the request (the top-level page, or the initiator of a top-level navigation). */
  readonly page?: Origin;
  readonly middle?: Origin;
}

/**
 * A setup response, set before the scenarios (sequentially, in order): by default a fetch from a
 * page of the same site; with `frame`, an iframe of that page.
 */
export interface SetupResponse {
  readonly origin: Origin;
  readonly path: string;
  readonly lines: readonly string[];
  readonly frameOf?: Origin;
}

export interface SetScenario {
  readonly id: string;
  /** The rule it exercises, for the report. */
  readonly topic: string;
  readonly target: Target;
  readonly line: string;
  readonly setup: readonly SetupResponse[];
  /** The response's Date header, this many seconds from now (Chromium shifts Expires by the server's clock skew). */
  readonly serverDateOffset?: number;
}

export interface SendScenario {
  readonly id: string;
  readonly topic: string;
  readonly target: Target & { readonly method?: 'GET' | 'POST' };
}

export interface SendBatch {
  readonly id: string;
  /** Set in order (each its own response) before any request. */
  readonly setup: readonly SetupResponse[];
  readonly requests: readonly SendScenario[];
}

/** mulberry32: a small seeded generator, so the scenarios are the same on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const http = (host: string): Origin => ({ scheme: 'http', host });
const https = (host: string): Origin => ({ scheme: 'https', host });

/** Registrable domains of different kinds: ICANN, a multi-label public suffix, a private one (github.io), an unknown TLD. */
const SITES = ['example.com', 'example.co.uk', 'user.github.io', 'tracker.test'] as const;
const OTHER_SITE = 'example.net';

class SetScenarios {
  readonly list: SetScenario[] = [];

  add(topic: string, make: (tag: string) => { target: Target; line: string; setup?: SetupResponse[]; serverDateOffset?: number }): void {
    const tag = `q${String(this.list.length).padStart(3, '0')}`;
    const made = make(tag);
    this.list.push({ id: tag, topic, target: made.target, line: made.line, setup: made.setup ?? [], ...made.serverDateOffset === undefined ? {} : { serverDateOffset: made.serverDateOffset } });
  }
}

/** A same-site subresource of `www.<site>` on its own host `<tag>.<site>`. */
function sameSite(via: Via, scheme: Scheme, site: string, tag: string): Target {
  return { via, origin: { scheme, host: `${tag}.${site}` }, path: `/s/${tag}/r`, page: { scheme, host: `www.${site}` } };
}

/** A subresource of a page of another site. */
function crossSite(via: Via, scheme: Scheme, site: string, tag: string, pageScheme: Scheme = scheme): Target {
  return { via, origin: { scheme, host: `${tag}.${site}` }, path: `/s/${tag}/r`, page: { scheme: pageScheme, host: `www.${site === OTHER_SITE ? 'example.com' : OTHER_SITE}` } };
}

/** A response on a fixed host (an IP address, localhost, a public suffix), from a page of that host. */
function onHost(via: Via, origin: Origin, tag: string): Target {
  return { via, origin, path: `/s/${tag}/r`, page: origin };
}

function targeted(s: SetScenarios): void {
  const VIAS: Via[] = ['image', 'fetch', 'frame'];
  const via = (i: number): Via => VIAS[i % VIAS.length] ?? 'image';
  let i = 0;
  // Plain cookies, every context.
  for (const site of SITES) {
    for (const scheme of ['http', 'https'] as const) {
      s.add('plain', (t) => ({ target: sameSite(via(i++), scheme, site, t), line: `${t}=v${t}` }));
    }
  }
  s.add('plain top-level', (t) => ({ target: { via: 'top', origin: https(`${t}.example.com`), path: `/s/${t}/r` }, line: `${t}=v; Path=/` }));
  s.add('plain top-level http', (t) => ({ target: { via: 'top', origin: http(`${t}.example.co.uk`), path: `/s/${t}/r` }, line: `${t}=v; Max-Age=3600` }));

  // Secure from secure and insecure origins (localhost and 127.0.0.1 count as secure; other IPs do not).
  s.add('secure over https', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=v; Secure` }));
  s.add('secure over http', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=v; Secure` }));
  s.add('secure over http top', (t) => ({ target: { via: 'top', origin: http(`${t}.example.com`), path: `/s/${t}/r` }, line: `${t}=v; Secure; HttpOnly` }));
  s.add('secure over http://localhost', (t) => ({ target: onHost('image', http('localhost'), t), line: `${t}=v; Secure` }));
  s.add('secure over http://127.0.0.1', (t) => ({ target: onHost('fetch', http('127.0.0.1'), t), line: `${t}=v; Secure` }));
  s.add('secure over http IP', (t) => ({ target: onHost('image', http('10.1.2.3'), t), line: `${t}=v; Secure` }));
  s.add('secure over https IP', (t) => ({ target: onHost('image', https('10.1.2.3'), t), line: `${t}=v; Secure` }));

  // SameSite=None needs Secure.
  s.add('samesite none insecure', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=v; SameSite=None` }));
  s.add('samesite none insecure http', (t) => ({ target: sameSite('fetch', 'http', 'example.co.uk', t), line: `${t}=v; SameSite=none` }));
  s.add('samesite none secure', (t) => ({ target: sameSite('frame', 'https', 'example.com', t), line: `${t}=v; SameSite=None; Secure` }));
  s.add('samesite none secure over http', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=v; SameSite=None; Secure` }));
  s.add('samesite bogus', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=v; SameSite=Sometimes` }));
  s.add('samesite strict same-site', (t) => ({ target: sameSite('fetch', 'https', 'tracker.test', t), line: `${t}=v; SameSite=Strict` }));
  s.add('samesite lax same-site', (t) => ({ target: sameSite('frame', 'http', 'user.github.io', t), line: `${t}=v; SameSite=Lax` }));

  // Third parties: blocked by the setting; Partitioned cookies pass, then SameSite decides.
  for (const v of ['image', 'frame', 'fetch'] as const) {
    s.add(`third-party ${v}`, (t) => ({ target: crossSite(v, 'https', 'example.com', t), line: `${t}=v` }));
    s.add(`third-party ${v} none secure`, (t) => ({ target: crossSite(v, 'https', 'example.co.uk', t), line: `${t}=v; SameSite=None; Secure` }));
    s.add(`third-party ${v} partitioned`, (t) => ({ target: crossSite(v, 'https', 'tracker.test', t), line: `${t}=v; SameSite=None; Secure; Partitioned` }));
  }
  s.add('third-party partitioned lax', (t) => ({ target: crossSite('image', 'https', 'example.com', t), line: `${t}=v; Secure; Partitioned; SameSite=Lax` }));
  s.add('third-party partitioned strict', (t) => ({ target: crossSite('frame', 'https', 'example.com', t), line: `${t}=v; Secure; Partitioned; SameSite=Strict` }));
  s.add('third-party partitioned unspecified', (t) => ({ target: crossSite('fetch', 'https', 'user.github.io', t), line: `${t}=v; Secure; Partitioned` }));
  s.add('third-party partitioned not secure', (t) => ({ target: crossSite('image', 'https', 'example.com', t), line: `${t}=v; SameSite=None; Partitioned` }));
  s.add('third-party partitioned over http', (t) => ({ target: crossSite('image', 'http', 'example.com', t), line: `${t}=v; SameSite=None; Secure; Partitioned` }));
  s.add('third-party invalid domain', (t) => ({ target: crossSite('image', 'https', 'example.com', t), line: `${t}=v; Domain=example.org` }));
  s.add('third-party invalid prefix', (t) => ({ target: crossSite('image', 'https', 'example.com', t), line: `__Host-${t}=v; Path=/` }));
  s.add('third-party secure over http', (t) => ({ target: crossSite('image', 'http', 'example.com', t), line: `${t}=v; Secure; SameSite=None` }));
  s.add('schemeful: http page, https resource', (t) => ({ target: { via: 'image', origin: https(`${t}.example.com`), path: `/s/${t}/r`, page: http('www.example.com') }, line: `${t}=v; SameSite=None; Secure` }));
  s.add('schemeful: http page, https partitioned', (t) => ({ target: { via: 'frame', origin: https(`${t}.example.com`), path: `/s/${t}/r`, page: http('www.example.com') }, line: `${t}=v; SameSite=None; Secure; Partitioned` }));
  s.add('nested: same-site image in a cross-site frame', (t) => ({ target: { via: 'nested-image', origin: https(`${t}.example.com`), path: `/s/${t}/r`, page: https('www.example.com'), middle: https(`www.${OTHER_SITE}`) }, line: `${t}=v; SameSite=None; Secure` }));
  s.add('nested: same-site frame in a cross-site frame, partitioned', (t) => ({ target: { via: 'nested-frame', origin: https(`${t}.example.com`), path: `/s/${t}/r`, page: https('www.example.com'), middle: https(`www.${OTHER_SITE}`) }, line: `${t}=v; SameSite=None; Secure; Partitioned` }));
  s.add('nested: same-site frame in a same-site frame', (t) => ({ target: { via: 'nested-image', origin: https(`${t}.example.com`), path: `/s/${t}/r`, page: https('www.example.com'), middle: https('a.example.com') }, line: `${t}=v; SameSite=Strict` }));

  // Top-level navigations started by another site may set Strict and Lax cookies.
  for (const sameSiteValue of ['Strict', 'Lax', 'None; Secure', '']) {
    s.add(`cross-site top-level ${sameSiteValue || 'unspecified'}`, (t) => ({
      target: { via: 'top-cross', origin: https(`${t}.example.com`), path: `/s/${t}/r`, page: https(`www.${OTHER_SITE}`) },
      line: `${t}=v${sameSiteValue === '' ? '' : `; SameSite=${sameSiteValue}`}`,
    }));
  }
  s.add('partitioned first-party top-level', (t) => ({ target: { via: 'top', origin: https(`${t}.example.com`), path: `/s/${t}/r` }, line: `${t}=v; Secure; Partitioned; Path=/` }));
  s.add('partitioned first-party frame', (t) => ({ target: sameSite('frame', 'https', 'example.com', t), line: `${t}=v; Secure; Partitioned` }));
  s.add('partitioned on http://localhost', (t) => ({ target: onHost('image', http('localhost'), t), line: `${t}=v; Secure; Partitioned` }));

  // Prefixes (any case), __Http- and __Host-Http-, nameless cookies that look prefixed.
  const prefixed: [string, string, Scheme][] = [
    ['__Secure-', 'Secure', 'https'], ['__Secure-', '', 'https'], ['__Secure-', 'Secure', 'http'], ['__secure-', '', 'https'],
    ['__Host-', 'Secure; Path=/', 'https'], ['__Host-', 'Secure; Path=/; Domain={site}', 'https'], ['__Host-', 'Secure; Path=/x', 'https'],
    ['__Host-', 'Secure', 'https'], ['__HOST-', 'Path=/', 'https'], ['__HoSt-', 'Secure; Path=/', 'https'], ['__host-', 'Secure; Path=/', 'http'],
    ['__Http-', 'Secure; HttpOnly', 'https'], ['__Http-', 'Secure', 'https'], ['__http-', 'HttpOnly', 'https'],
    ['__Host-Http-', 'Secure; HttpOnly; Path=/', 'https'], ['__Host-Http-', 'Secure; Path=/', 'https'], ['__Host-Http-', 'Secure; HttpOnly', 'https'],
    ['__Host-', 'Secure; Path=/; Domain=', 'https'], ['_Host-', '', 'http'], ['__Hostile-', '', 'http'],
  ];
  for (const [prefix, attributes, scheme] of prefixed) {
    s.add(`prefix ${prefix} ${attributes || '(nothing)'} over ${scheme}`, (t) => ({
      target: sameSite(via(i++), scheme, 'example.com', t),
      line: `${prefix}${t}=v${attributes === '' ? '' : `; ${attributes.replace('{site}', 'example.com')}`}`,
    }));
  }
  s.add('prefix __Host- with Domain = IP address', (t) => ({ target: onHost('image', https('10.1.2.3'), t), line: `__Host-${t}=v; Secure; Path=/; Domain=10.1.2.3` }));
  s.add('prefix __Host- on http://localhost', (t) => ({ target: onHost('fetch', http('localhost'), t), line: `__Host-${t}=v; Secure; Path=/` }));
  for (const hidden of ['__Host-', '__Secure-', '__host-', '__Http-', '__Host-Http-', '__Hostx']) {
    s.add(`nameless value ${hidden}`, (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${hidden}${t}; Secure; Path=/` }));
  }
  s.add('nameless value after =, prefixed', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `= __Secure-${t}; Secure` }));

  // Domain attributes: public suffixes (ICANN and private), other sites, IP addresses, malformed ones.
  const domains: [string, string, string][] = [
    ['example.com', 'example.com', 'registrable'], ['example.com', '.example.com', 'leading dot'], ['example.com', '{host}', 'the host'],
    ['example.com', 'EXAMPLE.COM', 'upper case'], ['example.com', 'com', 'public suffix'], ['example.com', '.com', 'public suffix, dot'],
    ['example.co.uk', 'co.uk', 'multi-label public suffix'], ['example.co.uk', 'example.co.uk', 'registrable under co.uk'],
    ['user.github.io', 'github.io', 'private public suffix'], ['user.github.io', 'user.github.io', 'registrable under github.io'],
    ['tracker.test', 'tracker.test', 'unknown TLD registrable'], ['tracker.test', 'test', 'unknown TLD'],
    ['example.com', 'example.org', 'another site'], ['example.com', 'other.example.com', 'a sibling'],
    ['example.com', 'example.com.', 'trailing dot'], ['example.com', 'example.com:443', 'with a port'],
    ['example.com', '..example.com', 'two dots'], ['example.com', 'exa%6dple.com', '%-escape'], ['example.com', 'exa mple.com', 'a space'],
    ['example.com', '', 'empty'], ['example.com', 'x'.repeat(1100), 'over 1,024 bytes (ignored)'], ['example.com', 'deeper.{host}', 'a subdomain of the host'],
  ];
  for (const [site, domain, what] of domains) {
    s.add(`domain: ${what}`, (t) => ({ target: sameSite(via(i++), i % 2 === 0 ? 'https' : 'http', site, t), line: `${t}=v; Domain=${domain.replace('{host}', `${t}.${site}`)}` }));
  }
  s.add('domain: example.com; Domain= (last wins)', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=v; Domain=example.com; Domain=` }));
  s.add('domain: other site, then own', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=v; Domain=example.org; Domain=example.com` }));
  for (const [origin, domain, what] of [
    [http('127.0.0.1'), '127.0.0.1', 'IP names itself'], [http('127.0.0.1'), '.127.0.0.1', 'IP with a dot'], [http('127.0.0.1'), '0.0.1', 'part of an IP'],
    [http('10.1.2.3'), '10.1.2.3', 'IP names itself'], [http('10.1.2.3'), 'example.com', 'IP names a site'],
    [https('github.io'), 'github.io', 'public suffix host names itself'], [https('github.io'), 'user.github.io', 'public suffix host names a child'],
    [http('localhost'), 'localhost', 'localhost names itself'], [http('localhost'), 'example.com', 'localhost names a site'],
    [http('co.uk'), 'co.uk', 'co.uk host names itself'],
  ] as const) {
    s.add(`domain on ${origin.host}: ${what}`, (t) => ({ target: onHost(via(i++), origin, t), line: `${t}=v; Domain=${domain}` }));
  }

  // Sizes: 4,096 bytes of name and value, 1,024-byte attribute values.
  const filler = (tag: string, bytes: number) => `${tag}${'a'.repeat(bytes - tag.length)}`;
  s.add('size: name+value 4096', (t) => ({ target: sameSite('fetch', 'https', 'example.com', t), line: `n=${filler(t, 4095)}` }));
  s.add('size: name+value 4097', (t) => ({ target: sameSite('fetch', 'https', 'example.com', t), line: `n=${filler(t, 4096)}` }));
  s.add('size: long name', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${filler(t, 4000)}=${'b'.repeat(97)}` }));
  s.add('size: UTF-8 over 4096 bytes', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=${'é'.repeat(2046)}` }));
  s.add('size: UTF-8 under 4096 bytes', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=${'é'.repeat(2045)}` }));
  s.add('size: Path over 1,024 bytes ignored', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=v; Path=/${'p'.repeat(1030)}` }));
  s.add('size: Path of 1,024 bytes kept', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=v; Path=/${'p'.repeat(1023)}` }));
  s.add('size: Secure with an oversized value ignored', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=v; Secure=${'s'.repeat(1030)}; SameSite=None` }));
  s.add('size: Expires over 1,024 bytes ignored', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=v; Expires=Wed, 21 Oct 2099 07:28:00 GMT${' '.repeat(1000)}x` }));

  // Characters.
  const characters: [string, string][] = [
    ['tab inside the value', '{t}=a\tb'], ['tabs around the value', '{t}=\tv\t'], ['tab inside the name', 'n\t{t}=v'], ['0x01 in the value', '{t}=a\x01b'],
    ['0x7f in the name', '{t}\x7f=v'], ['0x1f in an attribute value', '{t}=v; Path=/a\x1fb'], ['control in an attribute name', '{t}=v; Pa\x02th=/'],
    ['UTF-8 value', '{t}=café-ünï'], ['UTF-8 name', 'ñ{t}=v'], ['quoted value', '{t}="quoted value"'], ['comma in the value', '{t}=a,b'],
    ['equals in the value', '{t}=a=b=c'], ['space inside the name', 'n {t}=v'], ['0x0b in the value', '{t}=a\x0bb'], ['escaped quote', '{t}="a\\"b"'],
  ];
  for (const [what, line] of characters) {
    s.add(`characters: ${what}`, (t) => ({ target: sameSite(via(i++), 'https', 'example.com', t), line: line.replace('{t}', t) }));
  }

  // No cookie content, nameless cookies.
  // (The HTTP layer trims a header value's edges, so no line starts or ends with whitespace.)
  for (const start of ['=', '= \t', '; Path=/', '=; Secure', '=\t=']) {
    s.add(`empty name and value: ${JSON.stringify(start)}`, (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${start}; Foo=${t}` }));
  }
  s.add('nameless value', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `v${t}` }));
  s.add('nameless value, attributes', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `v${t}; Path=/; Max-Age=60` }));
  s.add('nameless =value', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `=v${t}` }));
  s.add('nameless =a=b', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `=v${t}=b` }));
  s.add('nameless ==a', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `==v${t}` }));
  s.add('nameless =a=b over http with Secure', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `=a=v${t}; Secure` }));
  s.add('empty value', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=` }));

  // Expiry: Max-Age, Expires, the 400-day cap, deletions, the server's clock skew.
  const expiries: [string, string][] = [
    ['Max-Age=0', 'Max-Age=0'], ['Max-Age=-1', 'Max-Age=-1'], ['Max-Age=3600', 'Max-Age=3600'], ['Max-Age over 400 days', 'Max-Age=99999999'],
    ['Max-Age int64 overflow', 'Max-Age=99999999999999999999999'], ['Max-Age=+60', 'Max-Age=+60'], ['Max-Age=abc', 'Max-Age=abc'],
    ['Max-Age=abc with Expires', 'Max-Age=abc; Expires=Wed, 21 Oct 2099 07:28:00 GMT'], ['Max-Age wins over Expires', 'Expires=Wed, 21 Oct 2099 07:28:00 GMT; Max-Age=120'],
    ['Expires past', 'Expires=Thu, 01 Jan 1970 00:00:01 GMT'], ['Expires far future', 'Expires=Fri, 31 Dec 9999 23:59:59 GMT'],
    ['Expires two-digit year', 'Expires=Fri, 01-Jan-38 00:00:00 GMT'], ['Expires no time', 'Expires=Wed, 21 Oct 2099'],
    ['Expires 30 February', 'Expires=Sat, 30 Feb 2030 10:00:00 GMT'], ['Expires odd order', 'Expires=2030 10:00:00 Jun 15'],
    ['Expires empty', 'Expires='], ['Max-Age empty', 'Max-Age='], ['Max-Age=1.5', 'Max-Age=1.5'],
  ];
  for (const [what, attribute] of expiries) {
    s.add(`expiry: ${what}`, (t) => ({ target: sameSite(via(i++), 'https', 'example.com', t), line: `${t}=v; ${attribute}` }));
  }
  s.add('clock skew: server a day behind, Expires in the past', (t) => ({
    target: sameSite('image', 'https', 'example.com', t), line: `${t}=v; Expires=${new Date(Date.now() - 12 * 3600e3).toUTCString()}`, serverDateOffset: -86400,
  }));
  s.add('clock skew: server a day ahead, Expires soon', (t) => ({
    target: sameSite('image', 'https', 'example.com', t), line: `${t}=v; Expires=${new Date(Date.now() + 12 * 3600e3).toUTCString()}`, serverDateOffset: 86400,
  }));

  // Deletions and overwrites (setup first, same host).
  const old = (origin: Origin, t: string, attributes = '', path = `/s/${t}/setup`): SetupResponse => ({ origin, path, lines: [`${t}=old${attributes}`] });
  s.add('deletion: Max-Age=0', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=; Max-Age=0; Path=/`, setup: [old(http(`${t}.example.com`), t, '; Path=/')] }));
  s.add('deletion: Expires past', (t) => ({ target: sameSite('fetch', 'https', 'example.com', t), line: `${t}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/`, setup: [old(https(`${t}.example.com`), t, '; Path=/')] }));
  s.add('deletion: other path misses', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=; Max-Age=0; Path=/other`, setup: [old(http(`${t}.example.com`), t, '; Path=/')] }));
  s.add('deletion: domain cookie needs Domain', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=; Max-Age=0; Path=/`, setup: [old(http(`${t}.example.com`), t, '; Path=/; Domain=example.com')] }));
  s.add('overwrite: new value', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=new; Path=/`, setup: [old(http(`${t}.example.com`), t, '; Path=/')] }));
  s.add('overwrite: by a third party', (t) => ({ target: crossSite('image', 'https', 'example.com', t), line: `${t}=new; Path=/; SameSite=None; Secure`, setup: [old(https(`${t}.example.com`), t, '; Path=/')] }));
  // "Leave Secure cookies alone".
  const secureOld = (t: string, attributes = '; Path=/', host = `${t}.example.com`) => [old(https(host), t, `; Secure${attributes}`)];
  s.add('overwrite secure from http', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=new; Path=/`, setup: secureOld(t) }));
  s.add('overwrite secure from http, deeper path', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=new; Path=/sub`, setup: secureOld(t) }));
  s.add('overwrite secure from http, outside its path', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=new; Path=/`, setup: secureOld(t, '; Path=/only') }));
  s.add('overwrite secure from http, domain cookie over host', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=new; Path=/`, setup: secureOld(t, '; Path=/; Domain=example.com', `www.example.com`) }));
  s.add('overwrite secure from http, host over its domain', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=new; Path=/; Domain=example.com`, setup: secureOld(t) }));
  s.add('delete secure from http', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=; Max-Age=0; Path=/`, setup: secureOld(t) }));
  s.add('overwrite secure from http with Secure', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=new; Path=/; Secure`, setup: secureOld(t) }));
  s.add('overwrite secure from https', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=new; Path=/`, setup: secureOld(t) }));
  s.add('overwrite secure from http://localhost', (t) => ({ target: onHost('image', http('localhost'), t), line: `${t}=new; Path=/`, setup: [old(http('localhost'), t, '; Secure; Path=/')] }));
  s.add('overwrite secure, other name', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `x${t}=new; Path=/`, setup: secureOld(t) }));

  // Path attributes.
  for (const [what, path] of [['none', ''], ['root', '; Path=/'], ['relative', '; Path=rel'], ['empty', '; Path='], ['deep', '; Path=/a/b/'], ['other', '; Path=/other']]) {
    s.add(`path: ${what}`, (t) => ({ target: sameSite(via(i++), 'http', 'example.com', t), line: `${t}=v${path}` }));
  }
  s.add('attributes: unknown ones, HttpOnly, Priority', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=v; Foo=bar; HttpOnly; Priority=High; Version=1; Comment=x` }));
  s.add('attributes: case', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=v; SECURE; httponly; sAmEsItE=lAx; PATH=/` }));
}

/** Seeded combinations: a name, a value and attributes drawn from menus, in random contexts. */
function combinations(s: SetScenarios, count: number, next: () => number): void {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const chance = (p: number) => next() < p;
  const vias: Via[] = ['image', 'image', 'fetch', 'frame', 'top', 'top-cross', 'nested-image'];
  for (let n = 0; n < count; n++) {
    const site = pick(SITES);
    const scheme: Scheme = chance(0.5) ? 'https' : 'http';
    const via = pick(vias);
    const third = via !== 'top' && via !== 'top-cross' && chance(0.25);
    s.add(`random ${via}${third ? ' third-party' : ''}`, (t) => {
      const host = `${t}.${site}`;
      const prefix = chance(0.15) ? pick(['__Secure-', '__Host-', '__host-', '__Http-', '__Host-Http-']) : '';
      const nameless = prefix === '' && chance(0.05);
      const name = nameless ? '' : `${prefix}${t}`;
      const value = nameless ? `v${t}` : pick(['v', '', '"q"', 'a b', 'é', 'x'.repeat(200), 'a=b']);
      const attributes: string[] = [];
      if (chance(0.4)) attributes.push('Secure');
      if (chance(0.2)) attributes.push('HttpOnly');
      if (chance(0.4)) attributes.push(`SameSite=${pick(['None', 'Lax', 'Strict', 'none', 'lax', 'bogus'])}`);
      if (chance(0.3)) attributes.push(`Path=${pick(['/', `/s/${t}`, '/other', 'rel', ''])}`);
      if (chance(0.3)) attributes.push(`Domain=${pick([site, `.${site}`, host, site.split('.').slice(1).join('.') || site, 'example.org', ''])}`);
      if (chance(0.2)) attributes.push(pick(['Max-Age=3600', 'Max-Age=0', 'Expires=Wed, 21 Oct 2099 07:28:00 GMT', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'Max-Age=99999999']));
      if (chance(0.15)) attributes.push('Partitioned');
      const line = [nameless ? name || value : `${name}=${value}`, ...attributes].join('; ');
      const origin = { scheme, host };
      // An https page would upgrade an http subresource (mixed content): only http pages load across schemes.
      const page: Origin = third ? { scheme: scheme === 'https' && chance(0.2) ? 'http' : scheme, host: `www.${OTHER_SITE}` } : { scheme, host: `www.${site}` };
      const target: Target = via === 'top' ? { via, origin, path: `/s/${t}/r` }
        : via === 'top-cross' ? { via, origin, path: `/s/${t}/r`, page: { scheme, host: `www.${OTHER_SITE}` } }
        : via === 'nested-image' ? { via, origin, path: `/s/${t}/r`, page: { scheme, host: `www.${site}` }, middle: { scheme, host: chance(0.5) ? `m.${site}` : `www.${OTHER_SITE}` } }
        : { via, origin, path: `/s/${t}/r`, page };
      return { target, line };
    });
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** A date 30 days from now (within the 400-day cap, so that the exact time a browser reads counts), in many spellings. */
function expiresSpellings(): [string, string][] {
  const d = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 30 * 86_400_000);
  const [wd, day, mon, year, hh, mm] = [WEEKDAYS[d.getUTCDay()] ?? '', d.getUTCDate(), MONTH_NAMES[d.getUTCMonth()] ?? '', d.getUTCFullYear(), d.getUTCHours(), d.getUTCMinutes()];
  const pm = hh >= 12;
  return [
    ['RFC 1123 without seconds', `${wd}, ${two(day)} ${mon} ${year} ${two(hh)}:${two(mm)} GMT`],
    ['asctime', `${wd} ${mon} ${two(day)} ${two(hh)}:${two(mm)}:00 ${year}`],
    ['a US zone', `${wd}, ${two(day)} ${mon} ${year} ${two(hh)}:${two(mm)}:00 PST`],
    ['a numeric zone', `${wd}, ${two(day)} ${mon} ${year} ${two(hh)}:${two(mm)}:00 +0200`],
    ['MM/DD/YYYY', `${two(d.getUTCMonth() + 1)}/${two(day)}/${year} ${two(hh)}:${two(mm)}:00`],
    ['12-hour clock', `${two(day)}-${mon}-${year} ${two(hh % 12 === 0 ? 12 : hh % 12)}:${two(mm)}${pm ? 'pm' : 'am'}`],
    ['ISO 8601', `${year}-${two(d.getUTCMonth() + 1)}-${two(day)}T${two(hh)}:${two(mm)}:00Z`],
    ['RFC 850, two-digit year', `${wd}day, ${two(day)}-${mon}-${two(year % 100)} ${two(hh)}:${two(mm)}:00 GMT`],
  ];
}

/**
 * Where Chromium and Firefox differ (appended after the seeded combinations, so that the tags of
 * the scenarios above stay as recorded): CR and tabs, Max-Age and Expires syntax, `__Host-` at a
 * root path, third-party SameSite=Lax and Strict cookies.
 */
function browserDifferences(s: SetScenarios): void {
  s.add('characters: CR inside the value', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=a\rb` }));
  s.add('characters: CR in an attribute', (t) => ({ target: sameSite('fetch', 'https', 'example.com', t), line: `${t}=v; Path=/\rx` }));
  s.add('characters: tab inside the path', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=v; Path=/a\tb` }));
  s.add('characters: tab inside another attribute', (t) => ({ target: sameSite('frame', 'https', 'example.com', t), line: `${t}=v; Foo=a\tb` }));
  const later = expiresSpellings();
  s.add('expiry: Max-Age=-abc with Expires', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=v; Max-Age=-abc; Expires=${later[0]?.[1] ?? ''}` }));
  s.add('expiry: Max-Age=-0', (t) => ({ target: sameSite('image', 'http', 'example.com', t), line: `${t}=v; Max-Age=-0` }));
  s.add('expiry: Max-Age=6 0', (t) => ({ target: sameSite('fetch', 'https', 'example.com', t), line: `${t}=v; Max-Age=6 0` }));
  s.add('expiry: two Max-Age, the last unreadable', (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=v; Max-Age=60; Max-Age=abc` }));
  for (const [what, date] of later) {
    s.add(`expiry: Expires as ${what}`, (t) => ({ target: sameSite('image', 'https', 'example.com', t), line: `${t}=v; Expires=${date}` }));
  }
  s.add('prefix __Host- without Path at a root URL', (t) => ({ target: { via: 'image', origin: https(`${t}.example.com`), path: `/${t}`, page: https('www.example.com') }, line: `__Host-${t}=v; Secure` }));
  s.add('third-party image, SameSite=Lax', (t) => ({ target: crossSite('image', 'https', 'example.com', t), line: `${t}=v; SameSite=Lax` }));
  s.add('third-party frame, SameSite=Strict', (t) => ({ target: crossSite('frame', 'https', 'example.co.uk', t), line: `${t}=v; SameSite=Strict` }));
  s.add('third-party fetch over http, no SameSite', (t) => ({ target: crossSite('fetch', 'http', 'tracker.test', t), line: `${t}=v; Max-Age=600` }));
  s.add('nameless value over http', (t) => ({ target: sameSite('image', 'http', 'tracker.test', t), line: `v${t}; Max-Age=600` }));
}

export function setScenarios(seed = SEED): SetScenario[] {
  const s = new SetScenarios();
  targeted(s);
  combinations(s, 130, random(seed));
  browserDifferences(s);
  return s.list;
}

/**
 * Send scenarios: a batch of cookies on example.com (and localhost), set in a known order, then
 * requests from every kind of context; a second batch for how the browsers write the Cookie header
 * differently (cookies without `=`, empty values, the order after an overwrite).
 */
export function sendBatches(): SendBatch[] {
  const a = 'a.example.com';
  const setup: SetupResponse[] = [
    { origin: https(a), path: '/set/1', lines: ['h1=host; Path=/', 'd1=domain; Domain=example.com; Path=/', 'p1=path; Path=/p'] },
    { origin: https(a), path: '/set/2', lines: ['s1=secure; Secure; Path=/', 'st=strict; SameSite=Strict; Path=/', 'lx=lax; SameSite=Lax; Path=/'] },
    { origin: https(a), path: '/set/3', lines: ['no=none; SameSite=None; Secure; Path=/', 'un=unspecified; Path=/', 'deep=1; Path=/p/q'] },
    { origin: https(a), path: '/set/4', lines: ['fp=firstparty; Secure; Partitioned; Path=/', 'o1=1; Path=/', 'o2=2; Path=/p/q', 'o3=3; Path=/'] },
    { origin: http(a), path: '/set/5', lines: ['ins=insecure; Path=/', 'o1=1; Path=/', 'o3=changed; Path=/'] },
    { origin: http('localhost'), path: '/set/6', lines: ['ls=local; Secure; Path=/', 'lh=plain; Path=/'] },
    // Partitioned cookies of a cross-site frame: stored in the partition of example.net (a cross-site ancestor).
    { origin: https(a), path: '/set/7', lines: ['pt=partitioned; Secure; Partitioned; SameSite=None; Path=/', 'pu=unpartitioned; Secure; SameSite=None; Path=/'], frameOf: https(`www.${OTHER_SITE}`) },
    { origin: https(a), path: '/set/8', lines: ['o1=1; Path=/'] },
  ];
  const requests: SendScenario[] = [];
  const add = (topic: string, target: SendScenario['target']) => { requests.push({ id: `r${String(requests.length).padStart(3, '0')}`, topic, target }); };
  const path = (id: number, base = '/') => `${base}${base.endsWith('/') ? '' : '/'}r${id}`;
  let n = 0;
  add('same host, top-level', { via: 'top', origin: https(a), path: path(n++, '/p/q') });
  add('same host over http', { via: 'top', origin: http(a), path: path(n++, '/p/') });
  add('sibling host', { via: 'top', origin: https('b.example.com'), path: path(n++) });
  add('parent host', { via: 'top', origin: https('example.com'), path: path(n++) });
  add('deeper host', { via: 'top', origin: https(`x.${a}`), path: path(n++) });
  add('path prefix without a slash', { via: 'fetch', origin: https(a), path: `/px${n++}`, page: https('www.example.com') });
  add('same-site image', { via: 'image', origin: https(a), path: path(n++, '/p/q'), page: https('www.example.com') });
  add('same-site frame', { via: 'frame', origin: https(a), path: path(n++), page: https('www.example.com') });
  add('cross-site image', { via: 'image', origin: https(a), path: path(n++, '/p'), page: https(`www.${OTHER_SITE}`) });
  add('cross-site frame', { via: 'frame', origin: https(a), path: path(n++), page: https(`www.${OTHER_SITE}`) });
  add('cross-site fetch', { via: 'fetch', origin: https(a), path: path(n++), page: https(`www.${OTHER_SITE}`) });
  add('http page, https image (schemeful cross-site)', { via: 'image', origin: https(a), path: path(n++), page: http('www.example.com') });
  add('cross-site top-level GET', { via: 'top-cross', origin: https(a), path: path(n++), page: https(`www.${OTHER_SITE}`) });
  add('cross-site top-level POST (young unspecified cookies go)', { via: 'top-cross-post', origin: https(a), path: path(n++), page: https(`www.${OTHER_SITE}`), method: 'POST' });
  add('same-site top-level POST', { via: 'top-cross-post', origin: https(a), path: path(n++), page: https('www.example.com'), method: 'POST' });
  add('same-site top-level GET from another host', { via: 'top-cross', origin: https(a), path: path(n++, '/p/q'), page: https('www.example.com') });
  add('nested: same-site image in a cross-site frame', { via: 'nested-image', origin: https(a), path: path(n++), page: https('www.example.com'), middle: https(`www.${OTHER_SITE}`) });
  add('nested: cross-site image in its own frame', { via: 'nested-image', origin: https(a), path: path(n++), page: https(`www.${OTHER_SITE}`), middle: https(a) });
  add('localhost over http', { via: 'top', origin: http('localhost'), path: path(n++) });
  add('localhost image from an https page', { via: 'image', origin: http('localhost'), path: path(n++), page: https('www.example.com') });
  add('http image, same site', { via: 'image', origin: http(a), path: path(n++), page: http('www.example.com') });
  add('partitioned: the partition\'s own frame again', { via: 'frame', origin: https(a), path: path(n++, '/p/q'), page: https(`www.${OTHER_SITE}`) });
  add('partitioned: another site\'s page', { via: 'image', origin: https(a), path: path(n++), page: https('www.example.org') });
  add('http page of another site', { via: 'image', origin: http(a), path: path(n++), page: http(`www.${OTHER_SITE}`) });
  const first = requests.splice(0);

  const h = 'h.example.com';
  const headerSetup: SetupResponse[] = [
    { origin: https(h), path: '/set/1', lines: ['nm; Path=/', 'ev=; Path=/', 'ord1=a; Path=/', 'ord2=b; Path=/'] },
    { origin: https(h), path: '/set/2', lines: ['ord1=changed; Path=/'] },
    { origin: https(h), path: '/set/3', lines: ['lx3=1; SameSite=Lax; Path=/', 'none3=1; SameSite=None; Secure; Path=/', 'un3=1; Path=/'] },
  ];
  add('header: top-level', { via: 'top', origin: https(h), path: path(n++) });
  add('header: cross-site image', { via: 'image', origin: https(h), path: path(n++), page: https(`www.${OTHER_SITE}`) });
  add('header: cross-site top-level POST', { via: 'top-cross-post', origin: https(h), path: path(n++), page: https(`www.${OTHER_SITE}`), method: 'POST' });
  add('header: same site over http', { via: 'top', origin: http(h), path: path(n++) });
  add('header: http page, https image', { via: 'image', origin: https(h), path: path(n), page: http('www.example.com') });
  return [{ id: 'send', setup, requests: first }, { id: 'send header', setup: headerSetup, requests }];
}
