// The user's cookie policy as stored data: every switch of Python's DefaultCookiePolicy, the blocked
// and allowed domain lists, and the choices about what the extension keeps and does (incognito,
// persistence, following the browser's clears, the jar's size, the sent-header comparison).
// Validated on the way in (nothing malformed is stored); `buildPolicy` turns settings into the
// jar's DefaultCookiePolicy.
import { DefaultCookiePolicy, type DefaultCookiePolicyOptions } from '../jar';
import { hostOf } from './urls';

export interface PolicySettings {
  netscape: boolean;
  rfc2965: boolean;
  /** null: RFC 2109 cookies stay version 1 unless rfc2965 is off (Python's default). */
  rfc2109AsNetscape: boolean | null;
  hideCookie2: boolean;
  strictDomain: boolean;
  strictRfc2965Unverifiable: boolean;
  strictNsUnverifiable: boolean;
  /** Bit set of DomainStrictNoDots (1), DomainStrictNonDomain (2), DomainRFC2965Match (4). */
  strictNsDomain: number;
  strictNsSetInitialDollar: boolean;
  strictNsSetPath: boolean;
  secureProtocols: string[];
  /** Entries as in Python: `.example.com` blocks the domain and its subdomains, `example.com` that host only. */
  blockedDomains: string[];
  /** null: no allow list (every domain allowed unless blocked). */
  allowedDomains: string[] | null;
  /** Mirror incognito traffic into a separate in-memory jar (never written to storage). */
  mirrorIncognito: boolean;
  /** Keep the jar's persistent cookies across browser restarts: their values are then stored unencrypted on disk. */
  persistJar: boolean;
  /** When the user clears cookies in the browser, remove the same cookies from the jar. */
  followBrowserClears: boolean;
  /** The jar's total limit of cookies (the least recently set of the largest site goes first). */
  maxCookies: number;
  /**
   * Compare, for every request, the Cookie header the browser sends with the one the jar would
   * send. Off by default: it needs a listener that costs every page load about 5 to 10% (docs/performance.md).
   */
  compareSentHeaders: boolean;
}

/** Python's DefaultCookiePolicy() defaults. */
export const DEFAULT_SETTINGS: Readonly<PolicySettings> = Object.freeze({
  netscape: true,
  rfc2965: false,
  rfc2109AsNetscape: null,
  hideCookie2: false,
  strictDomain: false,
  strictRfc2965Unverifiable: true,
  strictNsUnverifiable: false,
  strictNsDomain: 0,
  strictNsSetInitialDollar: false,
  strictNsSetPath: false,
  secureProtocols: ['https', 'wss'],
  blockedDomains: [],
  allowedDomains: null,
  mirrorIncognito: false,
  persistJar: false,
  followBrowserClears: true,
  maxCookies: 3000,
  compareSentHeaders: false,
});

/** Settings added after the first release: a stored or sent settings object without them gets these defaults. */
const LATER_KEYS = ['persistJar', 'followBrowserClears', 'maxCookies', 'compareSentHeaders'] as const;
export const MAX_COOKIES_RANGE = { min: 100, max: 100_000 } as const;

/** An older settings object (without the later keys) completed with their defaults; anything else as it is. */
export function completeSettings(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const completed: Record<string, unknown> = { ...value };
  for (const key of LATER_KEYS) if (!(key in completed)) completed[key] = DEFAULT_SETTINGS[key];
  return completed;
}

export const PRESET_NAMES = ['Python default', 'Strict domains', 'No third-party'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

type Kept = 'blockedDomains' | 'allowedDomains' | 'mirrorIncognito' | 'persistJar' | 'followBrowserClears' | 'maxCookies' | 'compareSentHeaders';
type Switches = Omit<PolicySettings, Kept>;
const { blockedDomains: _b, allowedDomains: _a, mirrorIncognito: _m, persistJar: _p, followBrowserClears: _f, maxCookies: _c, compareSentHeaders: _s, ...DEFAULT_SWITCHES } = DEFAULT_SETTINGS;

/** The presets set the switches only; the domain lists and the storage choices are kept. */
export const PRESETS: Readonly<Record<PresetName, Readonly<Switches>>> = {
  'Python default': { ...DEFAULT_SWITCHES },
  'Strict domains': {
    ...DEFAULT_SWITCHES,
    strictNsDomain: 3, // DefaultCookiePolicy.DomainStrict
    strictDomain: true,
    strictNsSetPath: true,
    strictNsSetInitialDollar: true,
  },
  'No third-party': { ...DEFAULT_SWITCHES, strictNsUnverifiable: true, strictRfc2965Unverifiable: true },
};

export function applyPreset(current: PolicySettings, preset: PresetName): PolicySettings {
  return { ...current, ...structuredClone(PRESETS[preset]) };
}

/** The preset these settings' switches equal, if any. */
export function presetOf(settings: PolicySettings): PresetName | null {
  return PRESET_NAMES.find((name) => {
    const preset = PRESETS[name];
    return (Object.keys(preset) as (keyof Switches)[]).every((key) => JSON.stringify(preset[key]) === JSON.stringify(settings[key]));
  }) ?? null;
}

const BOOLEAN_KEYS = ['netscape', 'rfc2965', 'hideCookie2', 'strictDomain', 'strictRfc2965Unverifiable', 'strictNsUnverifiable',
  'strictNsSetInitialDollar', 'strictNsSetPath', 'mirrorIncognito', 'persistJar', 'followBrowserClears', 'compareSentHeaders'] as const;
const ALL_KEYS = Object.keys(DEFAULT_SETTINGS);

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/i;
const IPV6 = /^\[[0-9a-f:.]+\]$/i;

/**
 * Why an entry of the blocked or allowed domain list cannot work as Python's DefaultCookiePolicy
 * reads it ("example.com" that host only, ".example.com" that domain and every subdomain, an IP
 * address that address), as one sentence naming the entry; null when it is fine. The one check of
 * an entry: the popup refuses with it as the user types, the service worker refuses the same.
 */
export function domainEntryProblem(entry: string): string | null {
  const shown = `“${entry}”`;
  if (entry.trim() === '') return 'Enter a domain, such as example.com or .example.com.';
  if (entry !== entry.trim()) return `${shown} has spaces around it.`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) {
    const host = hostOf(entry);
    return `${shown} is a URL, not a domain${host === null ? '' : `: enter “${host}”`}.`;
  }
  if (/\s/.test(entry)) return `${shown} contains a space: a domain has none.`;
  if (entry.includes('/')) return `${shown} has a path: enter the domain alone.`;
  if (entry.includes('*')) return `${shown}: no wildcards; a leading dot (.example.com) covers every subdomain.`;
  // Python's jar gives a cookie from an IPv6 host the domain "[::1].local" (a host without a dot
  // gets ".local"), so only that spelling can ever match.
  if (IPV6.test(entry)) return `${shown} never matches: Python’s jar gives a cookie of an IPv6 host the domain “${entry.toLowerCase()}.local”; enter that.`;
  if (IPV6.test(entry.replace(/\.local$/i, ''))) return null;
  if (/:\d*$/.test(entry)) return `${shown} has a port: domain lists match host names, not ports.`;
  const body = entry.startsWith('.') ? entry.slice(1) : entry;
  if (body === '') return 'A lone dot is not a domain.';
  if (body.endsWith('.')) return `${shown} ends with a dot.`;
  for (const label of body.split('.')) {
    if (label === '') return `${shown} has an empty label (two dots in a row).`;
    if (label.length > 63) return `${shown} has a label longer than 63 characters.`;
    if (!LABEL.test(label)) return `${shown}: “${label}” is not a valid label (letters, digits, “_” and inner hyphens only).`;
  }
  if (body.length > 253) return `${shown} is longer than 253 characters.`;
  return null;
}

/** An entry as a person types it: trimmed and lower-cased (Python compares them case-insensitively), then checked. */
export function checkDomainEntry(raw: string): { ok: true; domain: string } | { ok: false; message: string } {
  const domain = raw.trim().toLowerCase();
  const problem = domainEntryProblem(domain);
  return problem === null ? { ok: true, domain } : { ok: false, message: problem };
}

/** Every problem of a candidate settings object, each naming the key and value; empty when valid. */
export function validateSettings(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['The settings must be an object.'];
  const s = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(s)) if (!ALL_KEYS.includes(key)) problems.push(`Unknown setting "${key}".`);
  for (const key of ALL_KEYS) if (!(key in s) && !(LATER_KEYS as readonly string[]).includes(key)) problems.push(`Missing setting "${key}".`);
  for (const key of BOOLEAN_KEYS) {
    if (key in s && typeof s[key] !== 'boolean') problems.push(`"${key}" must be true or false, not ${JSON.stringify(s[key])}.`);
  }
  if ('rfc2109AsNetscape' in s && s['rfc2109AsNetscape'] !== null && typeof s['rfc2109AsNetscape'] !== 'boolean') {
    problems.push(`"rfc2109AsNetscape" must be true, false or null, not ${JSON.stringify(s['rfc2109AsNetscape'])}.`);
  }
  const nsDomain = s['strictNsDomain'];
  if ('strictNsDomain' in s && !(Number.isInteger(nsDomain) && (nsDomain as number) >= 0 && (nsDomain as number) <= 7)) {
    problems.push(`"strictNsDomain" must be an integer from 0 to 7 (a sum of DomainStrictNoDots 1, DomainStrictNonDomain 2, DomainRFC2965Match 4), not ${JSON.stringify(nsDomain)}.`);
  }
  const maxCookies = s['maxCookies'];
  if ('maxCookies' in s && !(Number.isInteger(maxCookies) && (maxCookies as number) >= MAX_COOKIES_RANGE.min && (maxCookies as number) <= MAX_COOKIES_RANGE.max)) {
    problems.push(`"maxCookies" must be a whole number from ${MAX_COOKIES_RANGE.min} to ${MAX_COOKIES_RANGE.max.toLocaleString('en')}, not ${JSON.stringify(maxCookies)}.`);
  }
  const protocols = s['secureProtocols'];
  if ('secureProtocols' in s) {
    if (!Array.isArray(protocols)) problems.push('"secureProtocols" must be a list of URL schemes.');
    else protocols.forEach((p: unknown, i) => {
      if (typeof p !== 'string' || !/^[a-z][a-z0-9+.-]*$/.test(p)) problems.push(`secureProtocols[${i}] ${JSON.stringify(p)} is not a URL scheme (lower-case, like "https").`);
    });
  }
  for (const key of ['blockedDomains', 'allowedDomains'] as const) {
    if (!(key in s)) continue;
    const list = s[key];
    if (key === 'allowedDomains' && list === null) continue;
    if (!Array.isArray(list)) { problems.push(`"${key}" must be a list of domains${key === 'allowedDomains' ? ' or null' : ''}.`); continue; }
    list.forEach((entry: unknown, i) => {
      const problem = typeof entry === 'string' ? domainEntryProblem(entry) : `it must be a domain, not ${JSON.stringify(entry)}.`;
      if (problem !== null) problems.push(`${key}[${i}]: ${problem}`);
    });
  }
  return problems;
}

/** Valid and complete (older objects are valid once completeSettings has added the later keys). */
export function isPolicySettings(value: unknown): value is PolicySettings {
  if (validateSettings(value).length > 0) return false;
  const s = value as Record<string, unknown>;
  return LATER_KEYS.every((key) => key in s);
}

/** Settings as they are stored: domain entries lower-cased (Python compares them case-insensitively). */
export function normaliseSettings(settings: PolicySettings): PolicySettings {
  return {
    ...structuredClone(settings),
    blockedDomains: settings.blockedDomains.map((d) => d.toLowerCase()),
    allowedDomains: settings.allowedDomains === null ? null : settings.allowedDomains.map((d) => d.toLowerCase()),
  };
}

/** The jar's DefaultCookiePolicy for these settings. */
export function buildPolicy(settings: PolicySettings): DefaultCookiePolicy {
  return new DefaultCookiePolicy(policyOptions(settings));
}

/** The DefaultCookiePolicy options of these settings (the background extends the policy with the browser's limits). */
export function policyOptions(settings: PolicySettings): DefaultCookiePolicyOptions {
  return {
    blockedDomains: [...settings.blockedDomains],
    allowedDomains: settings.allowedDomains === null ? null : [...settings.allowedDomains],
    netscape: settings.netscape,
    rfc2965: settings.rfc2965,
    rfc2109AsNetscape: settings.rfc2109AsNetscape,
    hideCookie2: settings.hideCookie2,
    strictDomain: settings.strictDomain,
    strictRfc2965Unverifiable: settings.strictRfc2965Unverifiable,
    strictNsUnverifiable: settings.strictNsUnverifiable,
    strictNsDomain: settings.strictNsDomain,
    strictNsSetInitialDollar: settings.strictNsSetInitialDollar,
    strictNsSetPath: settings.strictNsSetPath,
    secureProtocols: [...settings.secureProtocols],
  };
}
