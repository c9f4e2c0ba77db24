// The limits the mirror applies on top of the policy, as browsers do (RFC 6265 §6.1 and Chromium's
// CookieMonster): src/jar stays exactly Python's, without limits; the mirrored jar is the browser's
// picture, bounded like the browser's store, so that no website can grow it past what storage holds.
// Each refusal or eviction is a decision with a rule id of its own (docs/background.md, "Limits").
import { DefaultCookiePolicy, type Cookie, type CookieRequest, type DefaultCookiePolicyOptions, type Refusal } from '../jar';

export interface MirrorLimits {
  /** Bytes of name plus value (UTF-8): Chromium stores 4,096 and refuses 4,097 (NameValuePairExceedsMaxSize). */
  nameValueBytes: number;
  /** Cookies per registrable domain (Chromium's kDomainMaxCookies, Firefox's maxPerHost). */
  perSite: number;
  /** Cookies in the whole jar (the user's setting; Firefox's network.cookie.maxNumber is 3,000). */
  total: number;
  /** Bytes of the whole jar as stored (JSON, as the storage area counts them): what the jar's share of storage holds. */
  bytes: number;
}

export const DEFAULT_LIMITS: Readonly<MirrorLimits> = Object.freeze({
  nameValueBytes: 4096,
  perSite: 180,
  total: 3000,
  bytes: 4 * 1024 * 1024,
});

/** UTF-8 length of a string, without keeping its encoding (a lone surrogate counts 3, as its replacement character). */
export function utf8Length(text: string): number {
  // The browser's own encoder into a scratch buffer: a tenth of the time of the loop below (every
  // logged response is measured). A lone surrogate becomes U+FFFD, 3 bytes, as the loop counts it.
  if (text.length * 3 <= scratch.length) return encoder.encodeInto(text, scratch).written;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) { bytes += 1; continue; }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A pair: 4 bytes for 2 UTF-16 units.
      if (next >= 0xdc00 && next <= 0xdfff) { bytes += 2; i++; continue; }
    }
    bytes += 2;
  }
  return bytes;
}

const encoder = new TextEncoder();
const scratch = new Uint8Array(96 * 1024);

/** The mirror's rule ids and their reasons (docs/background.md lists them). */
export const MIRROR_RULES = {
  'mirror.name-value-too-long': {
    when: 'The cookie\'s name and value together are longer than 4,096 bytes: browsers refuse it (Chromium: NameValuePairExceedsMaxSize), and so does the mirror. The cookie it would have replaced stays.',
    reason: (v: { name: string; bytes: number; limit: number }) =>
      `The cookie ${shortName(v.name)} has ${v.bytes.toLocaleString('en')} bytes of name and value; browsers store at most ${v.limit.toLocaleString('en')}.`,
  },
  'mirror.evicted.site-limit': {
    when: 'A site (registrable domain) has more cookies than the per-site limit (180): its least recently set cookie is evicted, as browsers do.',
    reason: (v: { name: string; site: string; limit: number }) =>
      `Evicted ${shortName(v.name)}, the least recently set cookie of ${v.site}: a site keeps at most ${v.limit} cookies.`,
  },
  'mirror.evicted.total-limit': {
    when: 'The jar has more cookies than its total limit (3,000 by default): the least recently set cookie of the site with the most cookies is evicted.',
    reason: (v: { name: string; site: string; limit: number }) =>
      `Evicted ${shortName(v.name)}, the least recently set cookie of ${v.site} (the site with the most cookies): the jar keeps at most ${v.limit.toLocaleString('en')} cookies.`,
  },
  'mirror.evicted.byte-limit': {
    when: 'The jar as stored would need more than its share of storage (4 MiB): the least recently set cookie of the site using the most bytes is evicted.',
    reason: (v: { name: string; site: string; limit: number }) =>
      `Evicted ${shortName(v.name)}, the least recently set cookie of ${v.site} (the site using the most storage): the jar keeps at most ${(v.limit / 1024 / 1024).toFixed(1)} MiB.`,
  },
} as const;

export type MirrorRule = keyof typeof MIRROR_RULES;

/** A cookie name in a reason: at most 80 characters (a reason is a sentence, not a copy of the cookie). */
function shortName(name: string): string {
  const shown = name.length > 80 ? `${name.slice(0, 80)}…` : name;
  return shown === '' ? '""' : shown;
}

/**
 * DefaultCookiePolicy plus the browser's size limit: a subclass, as Python's policies are extended,
 * so the jar itself stays Python's. The policy's own checks come first (the simulation's verdict),
 * then the limit (the browser's).
 */
export class MirrorPolicy extends DefaultCookiePolicy {
  constructor(options: DefaultCookiePolicyOptions, private readonly nameValueBytes: number = DEFAULT_LIMITS.nameValueBytes) {
    super(options);
  }

  override explainSetOk(cookie: Cookie, request: CookieRequest): Refusal | null {
    return super.explainSetOk(cookie, request) ?? oversize(cookie, this.nameValueBytes);
  }
}

/** The refusal of a cookie over the name+value limit, or null. */
export function oversize(cookie: Cookie, limit: number): Refusal | null {
  // Cheap first: a string of n characters has at least n UTF-8 bytes.
  const chars = cookie.name.length + (cookie.value?.length ?? 0);
  if (chars <= limit / 3) return null;
  const bytes = utf8Length(cookie.name) + utf8Length(cookie.value ?? '');
  if (bytes <= limit) return null;
  return { rule: 'mirror.name-value-too-long', reason: MIRROR_RULES['mirror.name-value-too-long'].reason({ name: cookie.name, bytes, limit }) };
}
