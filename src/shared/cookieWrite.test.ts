// A cookie write: what `cookies.set` is asked for (URL, domain, partition), which inputs the
// pre-check refuses and with what sentence, and what the user is told the browser changed.
import { describe, expect, it } from 'vitest';
import { identityKey } from './cookieIdentity';
import { asStored, checkWrite, completeInput, cookieUrl, differences, inputIdentity, inputOf } from './cookieWrite';
import type { BrowserCookie, BrowserCookieInput } from './protocol';

const NOW_MS = Date.UTC(2025, 0, 1);
const NOW = NOW_MS / 1000;
const DAY = 86400;

function input(over: Partial<BrowserCookieInput> = {}): BrowserCookieInput {
  return { name: 'sid', value: 'v1', domain: 'www.example.com', hostOnly: true, path: '/', secure: true, httpOnly: false, sameSite: 'lax', ...over };
}

function stored(over: Partial<BrowserCookie> = {}): BrowserCookie {
  return { name: 'sid', value: 'v1', domain: 'www.example.com', hostOnly: true, path: '/', secure: true, httpOnly: false, sameSite: 'lax', session: true, storeId: '0', ...over };
}

describe('the URL cookies.set is given', () => {
  it('is https on the cookie\'s own host and path, a domain cookie\'s dot dropped, a bare path given its slash', () => {
    expect(cookieUrl({ domain: '.example.com', path: '/docs' })).toBe('https://example.com/docs');
    expect(cookieUrl({ domain: 'www.example.com', path: 'docs' })).toBe('https://www.example.com/docs');
  });
});

describe('a store\'s cookie as the input that writes it back', () => {
  it('keeps every field, a persistent cookie\'s expiry and a partition as the store said it', () => {
    const cookie = stored({ session: false, expirationDate: NOW + DAY, partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: false } });
    expect(inputOf(cookie)).toStrictEqual(input({ expirationDate: NOW + DAY, partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: false } }));
  });

  it('writes a session cookie without an expiry even when the store gave one, a partition without the ancestor bit as given, an unknown SameSite as unspecified', () => {
    const cookie = stored({ session: true, expirationDate: NOW + DAY, sameSite: 'none-of-these', partitionKey: { topLevelSite: 'https://shop.test' } });
    expect(inputOf(cookie)).toStrictEqual(input({ sameSite: 'unspecified', partitionKey: { topLevelSite: 'https://shop.test' } }));
    expect(inputOf(stored({ session: false }))).toStrictEqual(input());
  });
});

describe('the input as the store keys it', () => {
  it('gives a partition without the ancestor bit the one Chromium gives: cross-site unless the cookie\'s site is the top-level site', () => {
    expect(completeInput(input({ partitionKey: { topLevelSite: 'https://example.com' } })).partitionKey).toStrictEqual({ topLevelSite: 'https://example.com', hasCrossSiteAncestor: false });
    expect(completeInput(input({ partitionKey: { topLevelSite: 'https://shop.test' } })).partitionKey).toStrictEqual({ topLevelSite: 'https://shop.test', hasCrossSiteAncestor: true });
    expect(completeInput(input({ partitionKey: { topLevelSite: 'https://shop.test', hasCrossSiteAncestor: false } })).partitionKey).toStrictEqual({ topLevelSite: 'https://shop.test', hasCrossSiteAncestor: false });
    // Not a URL: left as typed, for the pre-check to refuse by name.
    expect(completeInput(input({ partitionKey: { topLevelSite: 'shop' } })).partitionKey).toStrictEqual({ topLevelSite: 'shop' });
  });

  it('writes a domain in lower case, an internationalised one in its ASCII form, with its dot', () => {
    expect(completeInput(input({ domain: 'WWW.EXAMPLE.COM' })).domain).toBe('www.example.com');
    expect(completeInput(input({ domain: 'Bücher.example' })).domain).toBe('xn--bcher-kva.example');
    expect(completeInput(input({ domain: '.BÜCHER.example', hostOnly: false })).domain).toBe('.xn--bcher-kva.example');
    // No host at all: left as typed (the pre-check says what is wrong with it).
    expect(completeInput(input({ domain: 'bü cher.example' })).domain).toBe('bü cher.example');
  });

  it('keeps an ASCII domain as typed (for the pre-check to judge) rather than cutting it where a URL would end its host', () => {
    expect(completeInput(input({ domain: 'example.com/x' })).domain).toBe('example.com/x');
    expect(completeInput(input({ domain: 'www.example.com:8443' })).domain).toBe('www.example.com:8443');
  });

  it('identifies the cookie to be written as the store will: lower-cased, the partition completed', () => {
    const identity = inputIdentity(input({ domain: 'WWW.Example.com', partitionKey: { topLevelSite: 'https://shop.test' } }));
    expect(identityKey(identity)).toBe(identityKey({ domain: 'www.example.com', hostOnly: true, path: '/', name: 'sid', partition: 'https://shop.test (cross-site ancestor)' }));
    expect(inputIdentity(input({ partitionKey: { topLevelSite: 'shop' } })).partition).toBe('shop');
  });
});

describe('what is written after the pre-check', () => {
  it('a Domain naming a public suffix is written as the host-only cookie the browser will make of it', () => {
    const asked = input({ domain: '.github.io', hostOnly: false });
    const check = checkWrite(asked, null, NOW_MS);
    expect(check.notes).toEqual(['It will be a host-only cookie of github.io: the browser gives a Domain equal to an IP address or to a public suffix no subdomains.']);
    expect(asStored(asked, check)).toStrictEqual(input({ domain: 'github.io', hostOnly: true }));
  });

  it('a cookie the browser stores as asked is written as asked', () => {
    const asked = input({ domain: 'example.com', hostOnly: false });
    expect(asStored(asked, checkWrite(asked, null, NOW_MS))).toStrictEqual(asked);
  });

  it('a refused or expired cookie is written as completed, with nothing predicted stored', () => {
    const refused = input({ secure: false, sameSite: 'no_restriction', domain: 'WWW.example.com' });
    const refusal = checkWrite(refused, null, NOW_MS);
    expect(refusal).toMatchObject({ ok: false, outcome: 'refused', reasons: ['SameSiteNoneInsecure'], stored: null });
    expect(asStored(refused, refusal).domain).toBe('www.example.com');
    const expired = input({ expirationDate: NOW - 10 });
    const deletion = checkWrite(expired, stored(), NOW_MS);
    expect(deletion).toMatchObject({ ok: true, outcome: 'deleted', stored: null, replaces: stored() });
    const { stored: predicted, ...withoutPrediction } = deletion;
    expect(predicted).toBeNull();
    expect(asStored(expired, withoutPrediction)).toStrictEqual(expired);
  });
});

describe('the pre-check', () => {
  it('predicts the stored cookie: a persistent one capped at 400 days, a partitioned one in its partition', () => {
    const persistent = checkWrite(input({ expirationDate: NOW + 500 * DAY }), null, NOW_MS);
    expect(persistent).toMatchObject({ ok: true, outcome: 'stored', notes: ['Its expiry would be capped at 400 days from now.'] });
    expect(persistent.stored).toStrictEqual({ ...stored({ session: false, storeId: '' }), expirationDate: NOW + 400 * DAY });
    const partitioned = checkWrite(input({ partitionKey: { topLevelSite: 'https://shop.test' } }), null, NOW_MS);
    expect(partitioned.stored).toStrictEqual(stored({ storeId: '', partitionKey: { topLevelSite: 'https://shop.test', hasCrossSiteAncestor: true } }));
    expect(checkWrite(input(), null, NOW_MS).stored).toStrictEqual(stored({ storeId: '' }));
  });

  it.each([
    ['shop', 'The partition\'s top-level site "shop" is not a site such as https://example.com.'],
    ['http://shop.test', 'The partition\'s top-level site "http://shop.test" must be a scheme and a host only, such as https://example.com.'],
    ['https://shop.test/cart', 'The partition\'s top-level site "https://shop.test/cart" must be a scheme and a host only, such as https://example.com.'],
    ['https://shop.test/?q=1', 'The partition\'s top-level site "https://shop.test/?q=1" must be a scheme and a host only, such as https://example.com.'],
    ['https://shop.test:8443', 'The partition\'s top-level site "https://shop.test:8443" must be a scheme and a host only, such as https://example.com.'],
  ])('refuses the partition %s: %s', (topLevelSite, sentence) => {
    const existing = stored();
    expect(checkWrite(input({ partitionKey: { topLevelSite } }), existing, NOW_MS)).toStrictEqual({
      ok: false, outcome: 'refused', reasons: ['InvalidPartitionKey'], sentence, notes: [], replaces: existing,
    });
  });

  it('accepts a top-level site with or without its slash', () => {
    expect(checkWrite(input({ partitionKey: { topLevelSite: 'https://shop.test/' } }), null, NOW_MS).ok).toBe(true);
    expect(checkWrite(input({ partitionKey: { topLevelSite: 'https://shop.test' } }), null, NOW_MS).ok).toBe(true);
  });

  it('refuses "no cross-site ancestor" for a cookie of another site than the partition\'s, as Chromium does, and accepts it for its own', () => {
    expect(checkWrite(input({ partitionKey: { topLevelSite: 'https://shop.test', hasCrossSiteAncestor: false } }), null, NOW_MS)).toMatchObject({
      ok: false, reasons: ['InvalidPartitionKey'],
      sentence: 'A cookie of www.example.com in the partition of https://shop.test (another site) has a cross-site ancestor: Chromium refuses "hasCrossSiteAncestor: false" for it.',
    });
    expect(checkWrite(input({ partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: false } }), null, NOW_MS).ok).toBe(true);
  });
});

describe('what the browser changed, told after the write', () => {
  it('names each field the browser stored otherwise', () => {
    const asked = input({ httpOnly: true, expirationDate: NOW + 500 * DAY });
    const held = stored({ value: 'other', secure: false, sameSite: 'strict', session: false, expirationDate: NOW + 400 * DAY });
    expect(differences(asked, held, NOW_MS)).toEqual([
      'The browser stored the value "other".',
      'The browser stored Secure as off.',
      'The browser stored HttpOnly as off.',
      'The browser stored SameSite as strict.',
      'The browser stored the expiry as 2026-02-05 00:00:00 UTC (400 days from now: it caps expiry at 400 days).',
    ]);
    expect(differences(input({ secure: false }), stored({ secure: true, httpOnly: true }), NOW_MS)).toEqual(['The browser stored Secure as on.', 'The browser stored HttpOnly as on.']);
  });

  it('says a persistent cookie became a session cookie, and nothing of an expiry within a second', () => {
    expect(differences(input({ expirationDate: NOW + DAY }), stored(), NOW_MS)).toEqual(['The browser stored it as a session cookie.']);
    expect(differences(input({ expirationDate: NOW + DAY }), stored({ session: false, expirationDate: NOW + DAY + 1 }), NOW_MS)).toEqual([]);
    expect(differences(input(), stored(), NOW_MS)).toEqual([]);
  });
});
