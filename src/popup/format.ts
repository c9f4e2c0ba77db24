// Pure helpers of the popup: how dates, cookies and domain entries are shown, sorted and checked.
import type { CookieView } from './model';

/** "in 3 days", "2 hours ago": coarse, for a glance; the exact date is shown beside it. */
export function relativeTime(seconds: number, nowMs: number = Date.now()): string {
  const delta = seconds - nowMs / 1000;
  const abs = Math.abs(delta);
  const units: [number, string][] = [[365 * 86400, 'year'], [30 * 86400, 'month'], [86400, 'day'], [3600, 'hour'], [60, 'minute']];
  let text = 'less than a minute';
  for (const [size, unit] of units) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      text = `${n} ${unit}${n === 1 ? '' : 's'}`;
      break;
    }
  }
  return delta >= 0 ? `in ${text}` : `${text} ago`;
}

/** An expiry as a date a person reads (UTC, ISO-like, to the second). */
export function formatDate(seconds: number): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return String(seconds);
  return date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

export function formatExpiry(cookie: CookieView, nowMs: number = Date.now()): string {
  if (cookie.expires === null) return 'session';
  return relativeTime(cookie.expires, nowMs);
}

/** A cookie's identity in a store: domain, path and name (what CookieJar.clear takes). */
export function cookieKey(cookie: Pick<CookieView, 'domain' | 'path' | 'name'>): string {
  return `${normaliseDomain(cookie.domain)}\t${cookie.path}\t${cookie.name}`;
}

/**
 * The jar keeps a domain cookie's domain with its leading dot and a host-only cookie's without;
 * the browser's store does the same. Compare them as they are, lower-cased.
 */
function normaliseDomain(domain: string): string {
  return domain.toLowerCase();
}

/** The host of a URL, or null for anything that is not an http(s)/ws(s) URL. */
export function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return /^(https?|wss?):$/.test(parsed.protocol) ? parsed.hostname : null;
  } catch {
    return null;
  }
}

/**
 * Checks one entry of the blocked or allowed domain list as Python's DefaultCookiePolicy reads it:
 * "example.com" matches that host only, ".example.com" that domain and every subdomain, an IP
 * address that address. Returns the normalised entry, or a message saying what is wrong.
 */
export function checkDomainEntry(raw: string): { ok: true; domain: string } | { ok: false; message: string } {
  const entry = raw.trim().toLowerCase();
  if (entry === '') return { ok: false, message: 'Enter a domain, such as example.com or .example.com.' };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(entry)) {
    const host = hostOf(entry);
    return { ok: false, message: `“${raw.trim()}” is a URL, not a domain${host === null ? '' : `: enter “${host}”`}.` };
  }
  if (/\s/.test(entry)) return { ok: false, message: `“${raw.trim()}” contains a space: a domain has none.` };
  if (entry.includes('/')) return { ok: false, message: `“${raw.trim()}” has a path: enter the domain alone.` };
  if (/:\d*$/.test(entry)) return { ok: false, message: `“${raw.trim()}” has a port: domain lists match host names, not ports.` };
  if (entry.includes('*')) return { ok: false, message: `“${raw.trim()}”: no wildcards; a leading dot (.example.com) covers every subdomain.` };
  const body = entry.startsWith('.') ? entry.slice(1) : entry;
  if (body === '') return { ok: false, message: 'A lone dot is not a domain.' };
  if (body.endsWith('.')) return { ok: false, message: `“${raw.trim()}” ends with a dot.` };
  const labels = body.split('.');
  for (const label of labels) {
    if (label === '') return { ok: false, message: `“${raw.trim()}” has an empty label (two dots in a row).` };
    if (label.length > 63) return { ok: false, message: `“${raw.trim()}” has a label longer than 63 characters.` };
    if (!/^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/.test(label)) {
      return { ok: false, message: `“${raw.trim()}”: “${label}” is not a valid label (letters, digits and inner hyphens only).` };
    }
  }
  if (body.length > 253) return { ok: false, message: `“${raw.trim()}” is longer than 253 characters.` };
  return { ok: true, domain: entry };
}

export type SortKey = 'name' | 'value' | 'domain' | 'path' | 'expires' | 'where';
export type SortDirection = 'ascending' | 'descending';
