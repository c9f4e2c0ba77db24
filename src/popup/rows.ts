// The site view's rows: the jar's and the browser's cookies matched by identity (host-only or
// domain, domain, path, name, partition: src/shared/cookieIdentity.ts), with what filtering and
// sorting need computed once, so a keystroke over 10,000 rows is one pass of `includes`.
import { pairCookies, type CookieIdentity } from '../shared/cookieIdentity';
import type { SortDirection, SortKey } from './format';
import type { CookieView } from './model';

export type Where = 'both' | 'jar' | 'browser';

export interface CookieRow {
  key: string;
  /** The jar's cookie where it has one, else the browser's: what the row shows. */
  shown: CookieView;
  jar: CookieView | undefined;
  browser: CookieView | undefined;
  where: Where;
  /** Lower-cased name, value, domain and path, for the filter. */
  haystack: string;
  /** The domain without its leading dot, for sorting. */
  bareDomain: string;
}

const identity = (cookie: CookieView): CookieIdentity => ({
  domain: cookie.domain, hostOnly: cookie.hostOnly, path: cookie.path, name: cookie.name, partition: cookie.partitionKey,
});

/** One row per cookie: in both stores, only in the jar, or only in the browser (each partition apart). */
export function mergeRows(jar: readonly CookieView[], browser: readonly CookieView[]): CookieRow[] {
  return pairCookies(jar, browser, identity, identity).map((pair) => {
    const shown = pair.jar === undefined ? pair.browser : pair.jar;
    const where: Where = pair.jar === undefined ? 'browser' : pair.browser === undefined ? 'jar' : 'both';
    return { key: pair.key, shown, jar: pair.jar, browser: pair.browser, where, haystack: haystackOf(shown), bareDomain: bare(shown.domain) };
  });
}

function bare(domain: string): string {
  return domain.startsWith('.') ? domain.slice(1) : domain;
}

function haystackOf(cookie: CookieView): string {
  return `${cookie.name}\n${cookie.value ?? ''}\n${cookie.domain}\n${cookie.path}`.toLowerCase();
}

/** Rows whose name, value, domain or path contain the query (case-insensitive). */
export function filterRows(rows: readonly CookieRow[], query: string): CookieRow[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return rows as CookieRow[];
  const out: CookieRow[] = [];
  for (const row of rows) if (row.haystack.includes(needle)) out.push(row);
  return out;
}

const WHERE_ORDER: Record<Where, number> = { both: 0, jar: 1, browser: 2 };

export function sortRows(rows: readonly CookieRow[], key: SortKey, direction: SortDirection): CookieRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = comparator(key);
  // Ties keep a stable order by identity; plain comparisons, not localeCompare (10,000 rows).
  return [...rows].sort((a, b) => sign * compare(a, b) || compareText(a.key, b.key));
}

function comparator(key: SortKey): (a: CookieRow, b: CookieRow) => number {
  switch (key) {
    case 'where': return (a, b) => WHERE_ORDER[a.where] - WHERE_ORDER[b.where];
    // Session cookies (null) sort after every dated one.
    case 'expires': return (a, b) => (a.shown.expires ?? Infinity) - (b.shown.expires ?? Infinity) || 0;
    case 'value': return (a, b) => compareText(a.shown.value ?? '', b.shown.value ?? '');
    case 'name': return (a, b) => compareText(a.shown.name, b.shown.name);
    case 'domain': return (a, b) => compareText(a.bareDomain, b.bareDomain);
    case 'path': return (a, b) => compareText(a.shown.path, b.shown.path);
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
