// How the Site view names stores and cookies in its labels and messages.
import { formatDate } from '../../format';
import type { CookieView, TabContext } from '../../model';

/** The browser store an action changes, as a button or a message names it. */
export function storeLabel(tab: Pick<TabContext, 'incognito' | 'cookieStoreId'> | undefined): string {
  if (tab?.incognito === true) return 'the browser’s incognito store';
  const id = tab?.cookieStoreId;
  if (id !== undefined && id.startsWith('firefox-container-')) return `the browser’s store of container ${id.slice('firefox-container-'.length)}`;
  return 'the browser’s store';
}

/** What the browser stored, as a Set-Cookie line a developer reads at a glance. */
export function storedLine(cookie: CookieView): string {
  const parts = [`${cookie.name}=${cookie.value ?? ''}`];
  if (!cookie.hostOnly) parts.push(`Domain=${cookie.domain}`);
  else parts.push(`host-only ${cookie.domain}`);
  parts.push(`Path=${cookie.path}`);
  parts.push(cookie.expires === null ? 'session' : `Expires=${formatDate(cookie.expires)}`);
  if (cookie.secure) parts.push('Secure');
  if (cookie.httpOnly) parts.push('HttpOnly');
  if (cookie.sameSite !== null) parts.push(`SameSite=${cookie.sameSite}`);
  if (cookie.partitionKey !== null) parts.push(`Partitioned (${cookie.partitionKey})`);
  return parts.join('; ');
}
