// The "edit a browser cookie" pre-check against the real `cookies.set`: cookies given as
// attributes, set from the extension's service worker (the only place cookies.set exists), and
// what Chromium did with each (set, refused, or set as a deletion). Each case has its own host,
// so cases never meet; `before` cookies are set first (a Secure cookie an http URL may not overwrite).
import type { Worker } from '@playwright/test';
import type { CookieDetails } from '../../src/browser-model';
import type { RecordedCookiesSet } from '../../src/browser-model/conformance';

export interface CookiesSetCase {
  readonly id: string;
  readonly topic: string;
  readonly before: readonly CookieDetails[];
  readonly details: CookieDetails;
}


export function cookiesSetCases(): CookiesSetCase[] {
  const cases: CookiesSetCase[] = [];
  const add = (topic: string, make: (host: string, id: string) => { details: Omit<CookieDetails, 'url'> & { url?: string }; before?: CookieDetails[]; scheme?: 'http' | 'https'; host?: string }) => {
    const id = `c${String(cases.length).padStart(2, '0')}`;
    const host = `${id}.example.com`;
    const made = make(host, id);
    const url = made.details.url ?? `${made.scheme ?? 'https'}://${made.host ?? host}/`;
    cases.push({ id, topic, before: made.before ?? [], details: { ...made.details, url } });
  };
  add('plain', (_h, id) => ({ details: { name: id, value: 'v' } }));
  add('plain over http', (_h, id) => ({ details: { name: id, value: 'v' }, scheme: 'http' }));
  add('name with =', (_h, id) => ({ details: { name: `${id}=x`, value: 'v' } }));
  add('name with ;', (_h, id) => ({ details: { name: `${id};x`, value: 'v' } }));
  add('name with a space at the end', (_h, id) => ({ details: { name: `${id} `, value: 'v' } }));
  add('value with ;', (_h, id) => ({ details: { name: id, value: 'a;b' } }));
  add('value with a leading space', (_h, id) => ({ details: { name: id, value: ' v' } }));
  add('value with a tab inside', (_h, id) => ({ details: { name: id, value: 'a\tb' } }));
  add('value with 0x01', (_h, id) => ({ details: { name: id, value: 'a\x01b' } }));
  add('name+value 4096 bytes', (_h, id) => ({ details: { name: id, value: 'x'.repeat(4096 - id.length) } }));
  add('name+value 4097 bytes', (_h, id) => ({ details: { name: id, value: 'x'.repeat(4097 - id.length) } }));
  add('no name, no value', () => ({ details: { name: '', value: '' } }));
  add('no name', () => ({ details: { name: '', value: 'v' } }));
  add('no name, value with =', () => ({ details: { name: '', value: 'a=b' } }));
  add('no name, value __Host-', () => ({ details: { name: '', value: '__Host-x' } }));
  add('domain: registrable', (_h, id) => ({ details: { name: id, value: 'v', domain: 'example.com' } }));
  add('domain: with a dot', (_h, id) => ({ details: { name: id, value: 'v', domain: '.example.com' } }));
  add('domain: the host', (h, id) => ({ details: { name: id, value: 'v', domain: h } }));
  add('domain: public suffix', (_h, id) => ({ details: { name: id, value: 'v', domain: 'com' } }));
  add('domain: another site', (_h, id) => ({ details: { name: id, value: 'v', domain: 'example.org' } }));
  add('domain: a sibling', (_h, id) => ({ details: { name: id, value: 'v', domain: 'other.example.com' } }));
  add('domain: over 1,024 bytes', (_h, id) => ({ details: { name: id, value: 'v', domain: `${'a'.repeat(1020)}.example.com` } }));
  add('domain: co.uk', (_h, id) => ({ details: { name: id, value: 'v', domain: 'co.uk' }, host: `${id}.example.co.uk` }));
  add('path: /x', (_h, id) => ({ details: { name: id, value: 'v', path: '/x' } }));
  add('path: relative', (_h, id) => ({ details: { name: id, value: 'v', path: 'rel' } }));
  add('path: with ;', (_h, id) => ({ details: { name: id, value: 'v', path: '/a;b' } }));
  add('path: over 1,024 bytes', (_h, id) => ({ details: { name: id, value: 'v', path: `/${'p'.repeat(1030)}` } }));
  add('secure over https', (_h, id) => ({ details: { name: id, value: 'v', secure: true } }));
  add('secure over http', (_h, id) => ({ details: { name: id, value: 'v', secure: true }, scheme: 'http' }));
  add('secure over http://localhost', (_h, id) => ({ details: { name: id, value: 'v', secure: true }, scheme: 'http', host: 'localhost' }));
  add('SameSite=None without Secure', (_h, id) => ({ details: { name: id, value: 'v', sameSite: 'no_restriction' } }));
  add('SameSite=None, Secure', (_h, id) => ({ details: { name: id, value: 'v', sameSite: 'no_restriction', secure: true } }));
  add('SameSite=Strict, HttpOnly', (_h, id) => ({ details: { name: id, value: 'v', sameSite: 'strict', httpOnly: true } }));
  add('__Host- valid', (_h, id) => ({ details: { name: `__Host-${id}`, value: 'v', secure: true, path: '/' } }));
  add('__Host- with a domain', (_h, id) => ({ details: { name: `__Host-${id}`, value: 'v', secure: true, path: '/', domain: 'example.com' } }));
  add('__Host- not Secure', (_h, id) => ({ details: { name: `__Host-${id}`, value: 'v', path: '/' } }));
  add('__Secure- over http', (_h, id) => ({ details: { name: `__Secure-${id}`, value: 'v', secure: true }, scheme: 'http' }));
  add('__Http- without HttpOnly', (_h, id) => ({ details: { name: `__Http-${id}`, value: 'v', secure: true } }));
  add('__Http- valid', (_h, id) => ({ details: { name: `__Http-${id}`, value: 'v', secure: true, httpOnly: true } }));
  add('partitioned, Secure', (_h, id) => ({ details: { name: id, value: 'v', secure: true, partitionKey: { topLevelSite: 'https://example.net', hasCrossSiteAncestor: true } } }));
  add('partitioned, not Secure', (_h, id) => ({ details: { name: id, value: 'v', partitionKey: { topLevelSite: 'https://example.net', hasCrossSiteAncestor: true } } }));
  add('expiry in the past (a deletion)', (h, id) => ({ details: { name: id, value: 'v', expirationDate: 1 }, before: [{ url: `https://${h}/`, name: id, value: 'old' }] }));
  add('expiry beyond 400 days', (_h, id) => ({ details: { name: id, value: 'v', expirationDate: Math.floor(Date.now() / 1000) + 1000 * 86400 } }));
  add('overwrite a Secure cookie from http', (h, id) => ({ details: { name: id, value: 'new' }, scheme: 'http', before: [{ url: `https://${h}/`, name: id, value: 'old', secure: true }] }));
  add('overwrite a Secure cookie from https', (h, id) => ({ details: { name: id, value: 'new' }, before: [{ url: `https://${h}/`, name: id, value: 'old', secure: true }] }));
  add('overwrite a Secure domain cookie from http', (h, id) => ({ details: { name: id, value: 'new', path: '/sub' }, scheme: 'http', before: [{ url: `https://${h}/`, name: id, value: 'old', secure: true, domain: 'example.com' }] }));
  return cases;
}

/** Runs every case through the real cookies.set in the extension's service worker. */
export async function runCookiesSet(worker: Worker, cases: readonly CookiesSetCase[]): Promise<RecordedCookiesSet[]> {
  // tsx (the recording script) wraps named functions in an `__name` helper the worker lacks.
  await worker.evaluate('self.__name ??= (f) => f');
  return worker.evaluate(async (list) => {
    // A case's cookies: those named after it, and nameless ones of its host.
    const cookiesOf = async (entry: (typeof list)[number]) => {
      const host = new URL(entry.details.url).hostname;
      const partitioned = entry.details.partitionKey === undefined ? [] : await chrome.cookies.getAll({ partitionKey: entry.details.partitionKey });
      return [...await chrome.cookies.getAll({}), ...partitioned]
        .filter((c) => c.name.includes(entry.id) || (c.name === '' && c.domain.replace(/^\./, '') === host));
    };
    const results = [];
    for (const entry of list) {
      for (const before of entry.before) await chrome.cookies.set(before);
      const storeBefore = await cookiesOf(entry);
      const at = Date.now();
      let ok = false;
      let error: string | undefined;
      try {
        ok = (await chrome.cookies.set(entry.details)) != null;
      } catch (e) {
        error = String(e);
      }
      results.push({ id: entry.id, details: entry.details, at, ok, ...error === undefined ? {} : { error }, storeBefore, storeAfter: await cookiesOf(entry) });
    }
    return results;
  }, cases as CookiesSetCase[]) as Promise<RecordedCookiesSet[]>;
}
