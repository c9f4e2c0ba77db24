// More of what the service worker answers a tool that sends a malformed message: cookie identities
// and cookie inputs wrong in each of their fields, URLs an export needs, a type that only coerces to one.
import { describe, expect, it } from 'vitest';
import { MESSAGE_TYPES, checkMessage } from './protocol';

const COOKIE = { name: 'a', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'lax' };
const ID = { domain: 'example.com', hostOnly: true, path: '/', name: 'a', partition: null };
const IDS = 'a list of cookie identities { domain, hostOnly, path, name, partition }';
const PARTITION = '"cookie.partitionKey" must be { topLevelSite, hasCrossSiteAncestor? }.';

/** Each message with null when it is valid, else the exact sentence of its BadRequest. */
const MESSAGES: [message: Record<string, unknown>, problem: string | null][] = [
  // The messages that name their store themselves (not store-scoped) check it in their own guard.
  [{ type: 'removeCookies', storeId: '' }, 'removeCookies: "storeId" must be a cookie store id.'],
  [{ type: 'setBrowserCookie', storeId: 5, cookie: COOKIE }, 'setBrowserCookie: "storeId" must be a cookie store id.'],
  [{ type: 'previewImport', text: 'x', target: 'browser', storeId: '' }, 'previewImport: "storeId" must be a cookie store id.'],
  [{ type: 'exportJar', format: 'header' }, 'exportJar: "url" must be an http or https URL for the header format.'],
  [{ type: 'exportJar', format: 'json', url: 'ftp://x.test/' }, 'exportJar: "url" must be an http or https URL.'],
  [{ type: 'exportJar', format: 'header', url: ['https://www.example.com/'] }, 'exportJar: "url" must be an http or https URL for the header format.'],
  [{ type: 'previewImport', text: 'x', target: 'jar', format: 'xml' }, 'previewImport: "format" must be "mozilla", "lwp", "json" or "header".'],
  [{ type: 'setBrowserCookie', cookie: null }, 'setBrowserCookie: "cookie" must be an object { name, value, domain, hostOnly, path, secure, httpOnly, sameSite, expirationDate?, partitionKey? }.'],
  [{ type: 'previewImport', text: 'x', target: 'jar', format: 'mozilla' }, null],
  [{ type: 'importCookies', text: 'x', target: 'jar', format: 'lwp' }, null],
  [{ type: 'removeCookies', jar: [ID], browser: [{ ...ID, domain: '.example.com', hostOnly: false, partition: 'https://shop.test (cross-site ancestor)' }] }, null],
  [{ type: 'removeCookies', jar: 'x' }, `removeCookies: "jar" must be ${IDS}.`],
  ...[{ ...ID, domain: '' }, { ...ID, hostOnly: 'yes' }, { ...ID, path: 1 }, { ...ID, name: null }, { ...ID, partition: 5 }, { ...ID, extra: 1 }, 'x', [ID]]
    .map((identity): [Record<string, unknown>, string] => [{ type: 'removeCookies', browser: [identity] }, `removeCookies: "browser" must be ${IDS}.`]),
  [{ type: 'setBrowserCookie', cookie: COOKIE, replaces: { ...ID, hostOnly: 1 } }, 'setBrowserCookie: "replaces" must be a cookie identity { domain, hostOnly, path, name, partition }.'],
  [{ type: 'setBrowserCookie', cookie: [] }, 'setBrowserCookie: "cookie" must be an object { name, value, domain, hostOnly, path, secure, httpOnly, sameSite, expirationDate?, partitionKey? }.'],
  [{ type: 'setBrowserCookie', cookie: { ...COOKIE, a: 1, b: 2 } }, 'setBrowserCookie: Unknown cookie fields "a", "b".'],
  [{ type: 'checkBrowserCookie', cookie: { ...COOKIE, partitionKey: { topLevelSite: 'https://shop.test' } } }, null],
  [{ type: 'checkBrowserCookie', cookie: { ...COOKIE, partitionKey: { topLevelSite: 'https://shop.test', hasCrossSiteAncestor: false } } }, null],
  ...['https://shop.test', { topLevelSite: '' }, { hasCrossSiteAncestor: true }, { topLevelSite: 'https://shop.test', hasCrossSiteAncestor: 'yes' }, { topLevelSite: 'https://shop.test', site: 'x' }]
    .map((partitionKey): [Record<string, unknown>, string] => [{ type: 'checkBrowserCookie', cookie: { ...COOKIE, partitionKey } }, `checkBrowserCookie: ${PARTITION}`]),
];

describe('the protocol’s guard, field by field', () => {
  it.each(MESSAGES.map(([message, problem]) => [JSON.stringify(message), message, problem] as const))('%s', (_, message, problem) => {
    const checked = checkMessage(message);
    if (problem === null) expect(checked).toEqual({ ok: true, message });
    else expect(checked).toEqual({ ok: false, error: { name: 'BadRequest', message: problem } });
  });

  it('has every case', () => {
    expect(MESSAGES).toHaveLength(30);
  });

  it('does not take a list holding a type\'s name for that type', () => {
    expect(checkMessage({ type: ['getStatus'] })).toEqual({ ok: false, error: { name: 'UnknownMessage', message: `Unknown message type ["getStatus"]; known: ${MESSAGE_TYPES.join(', ')}.` } });
  });
});
