// Which cookie of the jar and which cookie of the browser's store are the same cookie. The jar
// writes a domain cookie's domain with a leading dot (Python's convention; a file loaded into it
// may not) and a host-only one without; the browser's store says host-only in a flag and keeps
// partitioned (CHIPS) cookies of one name apart per partition. One rule for both places that match
// the two stores: the protocol's `comparison` (src/background/cookies.ts) and the popup's Site view
// (src/popup/rows.ts).
import type { BrowserCookie, CookieJSON } from './protocol';

/** What makes a cookie itself, in either store. */
export interface CookieIdentity {
  /** As the store keeps it: with or without a leading dot, any letter case. */
  domain: string;
  /** Sent to its own host only (no Domain attribute). */
  hostOnly: boolean;
  path: string;
  name: string;
  /** The partition of a partitioned cookie (see partitionOf), null for an unpartitioned one. */
  partition: string | null;
}

/** The identity as one string: host-only or domain, the domain without its dot, path, name, partition. */
export function identityKey(cookie: CookieIdentity): string {
  const domain = cookie.domain.toLowerCase();
  const bare = domain.startsWith('.') ? domain.slice(1) : domain;
  return `${cookie.hostOnly ? 'host' : 'domain'} ${bare}\t${cookie.path}\t${cookie.name}\t${cookie.partition ?? ''}`;
}

/**
 * A browser cookie's partition as a person reads it: the top-level site, and whether the cookie
 * was set below a cross-site ancestor frame (Chrome keeps those apart too; Firefox's Total Cookie
 * Protection says it of every third-party cookie), and Firefox's first-party domain under
 * first-party isolation (another way of keeping a cookie per top-level site). null: unpartitioned.
 */
export function partitionOf(cookie: Pick<BrowserCookie, 'partitionKey' | 'firstPartyDomain'>): string | null {
  const key = cookie.partitionKey;
  const site = key?.topLevelSite === undefined ? null : key.hasCrossSiteAncestor === true ? `${key.topLevelSite} (cross-site ancestor)` : key.topLevelSite;
  const firstParty = cookie.firstPartyDomain === undefined ? null : `first party ${cookie.firstPartyDomain}`;
  return site === null ? firstParty : firstParty === null ? site : `${site}, ${firstParty}`;
}

export function jarIdentity(cookie: Pick<CookieJSON, 'domain' | 'domainSpecified' | 'path' | 'name'>): CookieIdentity {
  // The jar has no partitions: a partitioned cookie it mirrors is an ordinary cookie there.
  return { domain: cookie.domain, hostOnly: !cookie.domainSpecified, path: cookie.path, name: cookie.name, partition: null };
}

export function browserIdentity(cookie: BrowserCookie): CookieIdentity {
  return { domain: cookie.domain, hostOnly: cookie.hostOnly, path: cookie.path, name: cookie.name, partition: partitionOf(cookie) };
}

/** One cookie of the two stores: the jar's (and the browser's copy, if any), or the browser's alone; `key` is unique among the pairs. */
export type CookiePair<J, B> = { key: string; jar: J; browser: B | undefined } | { key: string; jar: undefined; browser: B };

/**
 * The two stores matched by identity: the jar's cookies in their order (each with the browser's
 * copy, when it has one), then the browser's cookies the jar lacks, in their order. Each cookie is
 * in exactly one pair; two cookies of one store with the same identity (a jar holding `.example.com`
 * and `example.com` domain cookies of one name) each get a pair of their own.
 */
export function pairCookies<J, B>(
  jar: readonly J[], browser: readonly B[], jarId: (cookie: J) => CookieIdentity, browserId: (cookie: B) => CookieIdentity,
): CookiePair<J, B>[] {
  const pairs: CookiePair<J, B>[] = [];
  const unmatched = new Map<string, { key: string; jar: J; browser: B | undefined }[]>();
  const seen = new Map<string, number>();
  const uniqueKey = (key: string): string => {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n === 0 ? key : `${key}\t#${n}`;
  };
  for (const cookie of jar) {
    const key = identityKey(jarId(cookie));
    const pair = { key: uniqueKey(key), jar: cookie, browser: undefined as B | undefined };
    pairs.push(pair);
    unmatched.set(key, [...(unmatched.get(key) ?? []), pair]);
  }
  for (const cookie of browser) {
    const key = identityKey(browserId(cookie));
    const pair = unmatched.get(key)?.shift();
    if (pair !== undefined) pair.browser = cookie;
    else pairs.push({ key: uniqueKey(key), jar: undefined, browser: cookie });
  }
  return pairs;
}
