/**
 * What differs between browsers, as data. The engine reads these fields where browsers differ; a
 * browser is an entry here. Chromium 156 and Firefox ESR 153 as measured on these machines
 * (docs/browser-model.md, "Firefox"; ../shared/CHROMIUM.md; the conformance suites).
 */
import type { SetReason } from './reasons';
import type { BrowserName, ThirdPartyCookieSetting } from './types';

export interface BrowserRules {
  readonly name: BrowserName;
  /** How sentences name the browser. */
  readonly label: string;
  /** The third-party cookie setting of a fresh profile. */
  readonly defaultThirdPartyCookies: ThirdPartyCookieSetting;
  /** What a cookie without SameSite is treated as. Chromium: Lax; Firefox: None (`network.cookie.sameSite.laxByDefault` is off). */
  readonly unspecifiedSameSite: 'lax' | 'none';
  /**
   * Chromium's "Lax-allowing-unsafe": a cookie without SameSite younger than this still goes with a
   * cross-site top-level navigation using an unsafe method (POST). 0 disables it.
   */
  readonly laxAllowUnsafeMs: number;
  /**
   * Sites include the scheme (http://example.com and https://example.com differ) for SameSite and
   * third-party decisions. Chromium: yes; Firefox: no (`network.cookie.sameSite.schemeful` is off),
   * though its partitions are still keyed by the top-level page's scheme and site.
   */
  readonly schemefulSites: boolean;
  /** The reasons name SameSite refusals `Schemeful...` (as Chromium's DevTools does here) or plainly. */
  readonly sameSiteReasonNames: 'schemeful' | 'plain';
  /**
   * A first pair without `=` (`Set-Cookie: foo`): `value` (Chromium: a nameless cookie whose value
   * is foo, sent as `foo`) or `name` (Firefox's `network.cookie.valueless_cookie`: a cookie named foo
   * with an empty value, sent as `foo=`).
   */
  readonly tokenWithoutEquals: 'value' | 'name';
  /**
   * Which nameless cookies are refused: `value-with-equals` (Chromium: `=a=b` would be sent as `a=b`)
   * or `all` (Firefox drops every `=value` line: `network.cookie.block_nameless_with_equal_char`).
   */
  readonly refuseNameless: 'value-with-equals' | 'all';
  /** A bare CR ends the line (Chromium keeps what comes before it), or is a control character that refuses the cookie (Firefox). */
  readonly crEndsLine: boolean;
  /** A tab inside a name, value or attribute value refuses the cookie (Chromium); Firefox allows it everywhere but in Path. */
  readonly tabIsDisallowed: boolean;
  /** The name and value are checked as soon as they are read (Chromium), or after the attributes, whose control characters come first (Firefox). */
  readonly pairCheckedFirst: boolean;
  /** An attribute value over 1,024 bytes makes the attribute ignored: `any` attribute (Chromium: `Secure=<1,030 bytes>` is not Secure), or only Domain, Path, Expires and Max-Age (Firefox). */
  readonly oversizedIgnored: 'any' | 'domain-path-expiry';
  /** How Max-Age is read: `chromium` (an optional sign, digits, int64 saturating) or `firefox` (a leading `-` means expired, else digits only). */
  readonly maxAgeSyntax: 'chromium' | 'firefox';
  /** How Expires is read: Chromium's cookie date parser, or NSPR's `PR_ParseTimeString` (Firefox). */
  readonly dateParser: 'chromium' | 'nspr';
  /**
   * Which third-party cookies are stored when the setting is `blocked`: Chromium keeps Partitioned
   * ones (CHIPS) in their partition; Firefox's "reject third-party cookies" refuses them all.
   */
  readonly blockedKeepsPartitioned: boolean;
  /** `__Host-` needs a `Path=/` attribute (Chromium), or a final path of `/` (Firefox: the default path may be `/` too). */
  readonly hostPrefixPath: 'attribute' | 'final';
  /**
   * The reason a refused line reports: `all` that apply, in `reasonOrder` (Chromium's DevTools lists
   * every one), or `first` in it (Firefox stops at the first failed check and logs that one).
   */
  readonly reportedReasons: 'all' | 'first';
  /** Firefox's order of checks (`CookieParser`, `CookieValidation`, `CookieStorage::AddCookie`); empty: as found. */
  readonly reasonOrder: readonly SetReason[];
  /** The browser reports its reasons over the DevTools Protocol (Chromium), so verdicts list them as `devtoolsReasons`. */
  readonly devtoolsReasons: boolean;
  /** Overwriting a cookie keeps its creation time (its place in the Cookie header): only with the same value (Chromium), or always (Firefox). */
  readonly keepCreationTime: 'same-value' | 'always';
  /** Eviction: Chromium's priority rounds, or Firefox's oldest-insecure-first (refusing a new insecure cookie when only Secure ones are left). */
  readonly eviction: 'chromium' | 'firefox';
  /** Eviction: cookies per registrable domain (and partition, in Firefox), and how many one eviction removes. */
  readonly maxCookiesPerDomain: number;
  readonly purgeCookiesPerDomain: number;
  /** Eviction quotas kept per priority (low, medium, high) when a domain is over its limit (Chromium). */
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
    label: 'Chromium',
    defaultThirdPartyCookies: 'blocked',
    unspecifiedSameSite: 'lax',
    laxAllowUnsafeMs: 2 * 60 * 1000,
    schemefulSites: true,
    sameSiteReasonNames: 'schemeful',
    tokenWithoutEquals: 'value',
    refuseNameless: 'value-with-equals',
    crEndsLine: true,
    tabIsDisallowed: true,
    pairCheckedFirst: true,
    oversizedIgnored: 'any',
    maxAgeSyntax: 'chromium',
    dateParser: 'chromium',
    blockedKeepsPartitioned: true,
    hostPrefixPath: 'attribute',
    reportedReasons: 'all',
    reasonOrder: [],
    devtoolsReasons: true,
    keepCreationTime: 'same-value',
    eviction: 'chromium',
    maxCookiesPerDomain: 180,
    purgeCookiesPerDomain: 30,
    domainQuotas: { low: 30, medium: 50, high: 70 },
    maxCookies: 3300,
    purgeCookies: 300,
    safeFromGlobalPurgeDays: 30,
    maxCookiesPerPartitionDomain: 180,
    maxBytesPerPartitionDomain: 10 * 1024,
  },
  firefox: {
    name: 'firefox',
    label: 'Firefox',
    defaultThirdPartyCookies: 'partitioned',
    unspecifiedSameSite: 'none',
    laxAllowUnsafeMs: 0,
    schemefulSites: false,
    sameSiteReasonNames: 'plain',
    tokenWithoutEquals: 'name',
    refuseNameless: 'all',
    crEndsLine: false,
    tabIsDisallowed: false,
    pairCheckedFirst: false,
    oversizedIgnored: 'domain-path-expiry',
    maxAgeSyntax: 'firefox',
    dateParser: 'nspr',
    blockedKeepsPartitioned: false,
    hostPrefixPath: 'final',
    reportedReasons: 'first',
    reasonOrder: [
      'UserPreferences', 'DisallowedCharacter', 'NoCookieContent', 'NameValuePairExceedsMaxSize', 'NamelessValueWithEquals', 'InvalidPath',
      'SameSiteNoneInsecure', 'InvalidDomain', 'InvalidPrefix', 'SecureOnly', 'SameSiteStrict', 'SameSiteLax', 'InvalidPartitioned', 'OverwriteSecure',
      'DomainCookieLimit',
    ],
    devtoolsReasons: false,
    keepCreationTime: 'always',
    eviction: 'firefox',
    // network.cookie.maxPerHost / quotaPerHost / maxNumber, cookie purge age 30 days.
    maxCookiesPerDomain: 180,
    purgeCookiesPerDomain: 30,
    domainQuotas: { low: 0, medium: 0, high: 0 },
    maxCookies: 3000,
    purgeCookies: 300,
    safeFromGlobalPurgeDays: 30,
    maxCookiesPerPartitionDomain: 180,
    // network.cookie.chips.partitionLimitByteCapacity: evicting starts above 1.2 times this.
    maxBytesPerPartitionDomain: 10 * 1024,
  },
};
