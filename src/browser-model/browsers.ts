/**
 * What differs between browsers, as data. The engine reads these fields where browsers differ; a
 * new browser is a new entry (Firefox: SameSite unspecified means None, third-party cookies are
 * partitioned by Total Cookie Protection rather than blocked, nameless cookies are read as names).
 */
import type { BrowserName } from './types';

export interface BrowserRules {
  readonly name: BrowserName;
  /** What a cookie without SameSite is treated as. Chromium: Lax. */
  readonly unspecifiedSameSite: 'lax' | 'none';
  /**
   * Chromium's "Lax-allowing-unsafe": a cookie without SameSite younger than this still goes with a
   * cross-site top-level navigation using an unsafe method (POST). 0 disables it.
   */
  readonly laxAllowUnsafeMs: number;
  /** How blocked third-party cookies fare: `chips` (only Partitioned cookies survive, in their partition). */
  readonly thirdPartyPartitioning: 'chips';
  /** Cookies bound to the scheme / port that set them (Chromium's flags; off in Chromium 156). */
  readonly schemeBound: boolean;
  readonly portBound: boolean;
  /** Eviction: cookies per registrable domain, and how many one eviction removes. */
  readonly maxCookiesPerDomain: number;
  readonly purgeCookiesPerDomain: number;
  /** Eviction quotas kept per priority (low, medium, high) when a domain is over its limit. */
  readonly domainQuotas: { readonly low: number; readonly medium: number; readonly high: number };
  /** Cookies in the whole store, how many one global eviction removes, and the days a cookie read since is safe from it. */
  readonly maxCookies: number;
  readonly purgeCookies: number;
  readonly safeFromGlobalPurgeDays: number;
  /** Partitioned cookies per partition and registrable domain: at most this many, and this many bytes of names and values. */
  readonly maxCookiesPerPartitionDomain: number;
  readonly maxBytesPerPartitionDomain: number;
}

export const BROWSERS: Readonly<Record<BrowserName, BrowserRules>> = {
  chromium: {
    name: 'chromium',
    unspecifiedSameSite: 'lax',
    laxAllowUnsafeMs: 2 * 60 * 1000,
    thirdPartyPartitioning: 'chips',
    schemeBound: false,
    portBound: false,
    maxCookiesPerDomain: 180,
    purgeCookiesPerDomain: 30,
    domainQuotas: { low: 30, medium: 50, high: 70 },
    maxCookies: 3300,
    purgeCookies: 300,
    safeFromGlobalPurgeDays: 30,
    maxCookiesPerPartitionDomain: 180,
    maxBytesPerPartitionDomain: 10 * 1024,
  },
};
