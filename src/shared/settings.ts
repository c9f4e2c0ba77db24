// The user's cookie policy as stored data: every switch of Python's DefaultCookiePolicy, the blocked
// and allowed domain lists, and the incognito opt-in. Validated on the way in (nothing malformed is
// stored); `buildPolicy` turns settings into the jar's DefaultCookiePolicy.
import { DefaultCookiePolicy } from '../jar';

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
});

export const PRESET_NAMES = ['Python default', 'Strict domains', 'No third-party'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

type Switches = Omit<PolicySettings, 'blockedDomains' | 'allowedDomains' | 'mirrorIncognito'>;
const { blockedDomains: _b, allowedDomains: _a, mirrorIncognito: _m, ...DEFAULT_SWITCHES } = DEFAULT_SETTINGS;

/** The presets set the switches only; the domain lists and the incognito choice are kept. */
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
  'strictNsSetInitialDollar', 'strictNsSetPath', 'mirrorIncognito'] as const;
const ALL_KEYS = Object.keys(DEFAULT_SETTINGS);

const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
const DOMAIN_ENTRY = new RegExp(`^\\.?${LABEL}(?:\\.${LABEL})*$`);
const IPV4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/;

/** Why a blocked/allowed domain entry is malformed, or null when it is fine. */
export function domainEntryProblem(entry: unknown): string | null {
  if (typeof entry !== 'string') return 'is not a string';
  if (entry === '' || entry === '.') return 'is empty';
  if (entry !== entry.trim()) return 'has spaces around it';
  if (/[/:]/.test(entry) && !entry.includes('[')) return 'is not a domain (no scheme, port or path: write "example.com" or ".example.com")';
  if (entry.includes('*')) return 'has a wildcard: write ".example.com" to match example.com’s subdomains';
  if (entry.length > 254) return 'is longer than 253 characters';
  const lower = entry.toLowerCase();
  if (IPV4.test(lower) || DOMAIN_ENTRY.test(lower)) return null;
  if (/^\[[0-9a-f:.]+\]$/.test(lower)) return null;
  return 'is not a domain name (letters, digits, "-" and "_" in dot-separated labels, an optional leading dot)';
}

/** Every problem of a candidate settings object, each naming the key and value; empty when valid. */
export function validateSettings(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['The settings must be an object.'];
  const s = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(s)) if (!ALL_KEYS.includes(key)) problems.push(`Unknown setting "${key}".`);
  for (const key of ALL_KEYS) if (!(key in s)) problems.push(`Missing setting "${key}".`);
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
      const problem = domainEntryProblem(entry);
      if (problem !== null) problems.push(`${key}[${i}] ${JSON.stringify(entry)} ${problem}.`);
    });
  }
  return problems;
}

export function isPolicySettings(value: unknown): value is PolicySettings {
  return validateSettings(value).length === 0;
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
  return new DefaultCookiePolicy({
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
  });
}
