import { describe, expect, it } from 'vitest';
import { identityKey, pairCookies, partitionOf, type CookieIdentity } from './cookieIdentity';

const id = (init: Partial<CookieIdentity>): CookieIdentity => ({ domain: '.example.com', hostOnly: false, path: '/', name: 'sid', partition: null, ...init });

describe('a cookie’s identity', () => {
  it('is the same for a domain cookie written with or without its dot, in any letter case', () => {
    expect(identityKey(id({ domain: 'EXAMPLE.com' }))).toBe(identityKey(id({ domain: '.example.COM' })));
  });

  it.each([
    ['host-only or not', { hostOnly: true }],
    ['the domain', { domain: '.example.org' }],
    ['the path', { path: '/app' }],
    ['the name', { name: 'SID' }],
    ['the partition', { partition: 'https://a.test' }],
  ] as const)('differs by %s', (_, change) => {
    expect(identityKey(id(change))).not.toBe(identityKey(id({})));
  });

  it('tells partitions apart, also by a cross-site ancestor', () => {
    expect(identityKey(id({ partition: 'https://a.test' }))).not.toBe(identityKey(id({ partition: 'https://b.test' })));
    expect(partitionOf({ partitionKey: { topLevelSite: 'https://a.test', hasCrossSiteAncestor: true } })).toBe('https://a.test (cross-site ancestor)');
    expect(partitionOf({ partitionKey: { topLevelSite: 'https://a.test', hasCrossSiteAncestor: false } })).toBe('https://a.test');
    expect(partitionOf({ partitionKey: {} })).toBeNull();
    expect(partitionOf({})).toBeNull();
  });
});

describe('pairCookies', () => {
  it('gives two cookies of one store with one identity a pair each, with keys of their own', () => {
    const pairs = pairCookies(['jar-a', 'jar-b'], ['browser', 'browser-2', 'browser-3'], () => id({}), () => id({}));
    expect(pairs.map((p) => [p.jar, p.browser])).toEqual([['jar-a', 'browser'], ['jar-b', 'browser-2'], [undefined, 'browser-3']]);
    expect(pairs.map((p) => p.key)).toEqual([identityKey(id({})), `${identityKey(id({}))}\t#1`, `${identityKey(id({}))}\t#2`]);
  });
});
