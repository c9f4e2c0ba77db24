// Pure helpers of the popup: how dates and cookies are shown and sorted.
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

/** A count with its noun: "1 cookie", "2 cookies", "10,000 cookies" (`plural` for nouns not made with -s). */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`;
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

/** A cookie's identity in the jar: domain, path and name, as CookieJar.clear takes them. */
export function cookieKey(cookie: Pick<CookieView, 'domain' | 'path' | 'name'>): string {
  return `${cookie.domain}\t${cookie.path}\t${cookie.name}`;
}

export type SortKey = 'name' | 'value' | 'domain' | 'path' | 'expires' | 'where';
export type SortDirection = 'ascending' | 'descending';
