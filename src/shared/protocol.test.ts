import { describe, expect, it } from 'vitest';
import { LoadError } from '../jar';
import { DEFAULT_SETTINGS } from './settings';
import { MESSAGE_TYPES, RemoteError, checkMessage, toErrorInfo } from './protocol';

const settings = { ...DEFAULT_SETTINGS };
const COOKIE = { name: 'a', value: '1', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'lax' };

/**
 * What the service worker answers a tool that sends each message: null when the message is valid,
 * else the exact sentence of its BadRequest. Every message type is sent once with every parameter it
 * takes (all must be accepted) and once per way each parameter can be wrong.
 */
const MESSAGES: [message: Record<string, unknown>, problem: string | null][] = [
  [{ type: 'getStatus' }, null],
  [{ type: 'getStatus', site: 'x' }, 'getStatus: Unknown parameter "site".'],
  // Every store-scoped message takes storeId (a Firefox container, the private store); no other does.
  [{ type: 'getStatus', storeId: 'firefox-container-1' }, null],
  [{ type: 'getCookies', storeId: '' }, 'getCookies: "storeId" must be a cookie store id.'],
  [{ type: 'exportJar', format: 'mozilla', storeId: 3 }, 'exportJar: "storeId" must be a cookie store id.'],
  [{ type: 'getPolicy', storeId: 'firefox-container-1' }, 'getPolicy: Unknown parameter "storeId".'],
  [{ type: 'getCookieStores', storeId: '0' }, 'getCookieStores: Unknown parameter "storeId".'],
  [{ type: 'getCookies', site: 'example.com', source: 'jar' }, null],
  [{ type: 'getCookies', source: 'browser' }, null],
  [{ type: 'getCookies', source: 'both' }, null],
  [{ type: 'getCookies', source: 'disk' }, 'getCookies: "source" must be "jar", "browser" or "both".'],
  [{ type: 'getCookies', site: '' }, 'getCookies: "site" must be a host name.'],
  [{ type: 'getCookies', site: 7 }, 'getCookies: "site" must be a host name.'],
  [{ type: 'getCookies', domain: 'a', path: '/' }, 'getCookies: Unknown parameters "domain", "path".'],
  [{ type: 'getCookieRows', site: 'example.com' }, null],
  [{ type: 'getCookieRows', site: '' }, 'getCookieRows: "site" must be a host name.'],
  [{ type: 'getCookieRows', source: 'jar' }, 'getCookieRows: Unknown parameter "source".'],
  [{ type: 'explainDifferences' }, null],
  [{ type: 'explainDifferences', site: 'example.com' }, null],
  [{ type: 'explainDifferences', site: '' }, 'explainDifferences: "site" must be a host name.'],
  [{ type: 'explainDifferences', source: 'jar' }, 'explainDifferences: Unknown parameter "source".'],
  [{ type: 'getDecisions', tabId: -1, site: 'example.com', accepted: false, rule: 'set.domain.blocked', limit: 1 }, null],
  [{ type: 'getDecisions', tabId: 1.5 }, 'getDecisions: "tabId" must be an integer.'],
  [{ type: 'getDecisions', site: '' }, 'getDecisions: "site" must be a host name.'],
  [{ type: 'getDecisions', accepted: 'yes' }, 'getDecisions: "accepted" must be true or false.'],
  [{ type: 'getDecisions', rule: '' }, 'getDecisions: "rule" must be a rule id.'],
  [{ type: 'getDecisions', limit: 0 }, 'getDecisions: "limit" must be a positive integer.'],
  [{ type: 'getDecisions', limit: 2 ** 53 }, 'getDecisions: "limit" must be a positive integer.'],
  [{ type: 'clearDecisions' }, null],
  [{ type: 'clearDecisions', all: true }, 'clearDecisions: Unknown parameter "all".'],
  [{ type: 'getSentHeaders', tabId: 3, site: 'example.com', limit: 10 }, null],
  [{ type: 'getSentHeaders', tabId: '3' }, 'getSentHeaders: "tabId" must be an integer.'],
  [{ type: 'getSentHeaders', site: '' }, 'getSentHeaders: "site" must be a host name.'],
  [{ type: 'getSentHeaders', limit: -1 }, 'getSentHeaders: "limit" must be a positive integer.'],
  [{ type: 'getSentHeaders', url: 'x' }, 'getSentHeaders: Unknown parameter "url".'],
  [{ type: 'explain', url: 'https://www.example.com/', unverifiable: true, originReqHost: 'example.com' }, null],
  [{ type: 'explain', url: 'ws://www.example.com/' }, null],
  [{ type: 'explain', url: 'wss://www.example.com/' }, null],
  [{ type: 'explain', url: 'http://www.example.com/' }, null],
  [{ type: 'explain' }, 'explain: "url" must be an http, https, ws or wss URL.'],
  [{ type: 'explain', url: 'ftp://www.example.com/' }, 'explain: "url" must be an http, https, ws or wss URL.'],
  [{ type: 'explain', url: 'not a url' }, 'explain: "url" must be an http, https, ws or wss URL.'],
  [{ type: 'explain', url: 'https://a.test/', unverifiable: 1 }, 'explain: "unverifiable" must be true or false.'],
  [{ type: 'explain', url: 'https://a.test/', originReqHost: '' }, 'explain: "originReqHost" must be a host name.'],
  [{ type: 'explain', url: 'https://a.test/', topLevelUrl: 'https://b.test/page' }, null],
  [{ type: 'explain', url: 'https://a.test/', topLevelUrl: 'file:///etc/passwd' }, 'explain: "topLevelUrl" must be an http, https, ws or wss URL.'],
  [{ type: 'getPolicy' }, null],
  [{ type: 'getPolicy', preset: 'Python default' }, 'getPolicy: Unknown parameter "preset".'],
  [{ type: 'setPolicy', settings, replaceJar: true }, null],
  [{ type: 'setPolicy', preset: 'No third-party' }, null],
  [{ type: 'setPolicy' }, 'setPolicy: Give "settings" or "preset".'],
  [{ type: 'setPolicy', replaceJar: true }, 'setPolicy: Give "settings" or "preset".'],
  [{ type: 'setPolicy', settings, replaceJar: 'yes' }, 'setPolicy: "replaceJar" must be true or false.'],
  [{ type: 'setPolicy', settings, preset: 'Strict domains' }, 'setPolicy: Give "settings" or "preset", not both.'],
  [{ type: 'setPolicy', preset: 'Lax' }, 'setPolicy: "preset" must be one of "Python default", "Strict domains", "No third-party".'],
  [{ type: 'setPolicy', settings: { ...settings, netscape: 'yes' } }, 'setPolicy: Invalid settings: "netscape" must be true or false, not "yes".'],
  [{ type: 'setPolicy', settings: { ...settings, strictNsDomain: 8, blockedDomains: ['a b'] } },
    'setPolicy: Invalid settings: "strictNsDomain" must be an integer from 0 to 7 (a sum of DomainStrictNoDots 1, DomainStrictNonDomain 2, DomainRFC2965Match 4), not 8. blockedDomains[0]: “a b” contains a space: a domain has none.'],
  [{ type: 'replay', settings }, null],
  [{ type: 'replay', preset: 'Strict domains' }, null],
  [{ type: 'replay' }, null],
  [{ type: 'replay', replaceJar: true }, 'replay: Unknown parameter "replaceJar".'],
  [{ type: 'replay', preset: 'strict' }, 'replay: "preset" must be one of "Python default", "Strict domains", "No third-party".'],
  [{ type: 'exportJar', format: 'mozilla', dialect: 'yt-dlp', source: 'browser', site: 'example.com', includeSession: false, includeExpired: true }, null],
  [{ type: 'exportJar', format: 'lwp', dialect: 'python', source: 'jar' }, null],
  [{ type: 'exportJar', format: 'mozilla', dialect: 'curl' }, null],
  [{ type: 'exportJar', format: 'mozilla', dialect: 'wget' }, null],
  [{ type: 'exportJar', format: 'json', source: 'browser', storeId: '0', cookies: [{ domain: 'www.example.com', hostOnly: true, path: '/', name: 'a', partition: null }] }, null],
  [{ type: 'exportJar', format: 'header', url: 'http://www.example.com/a', source: 'browser' }, null],
  [{ type: 'exportJar' }, 'exportJar: "format" must be "mozilla", "lwp", "json" or "header".'],
  [{ type: 'exportJar', format: 'csv' }, 'exportJar: "format" must be "mozilla", "lwp", "json" or "header".'],
  [{ type: 'exportJar', format: 'header' }, 'exportJar: "url" must be an http or https URL for the header format.'],
  [{ type: 'exportJar', format: 'header', url: 'ftp://a.test/' }, 'exportJar: "url" must be an http or https URL for the header format.'],
  [{ type: 'exportJar', format: 'json', cookies: [{ domain: 'a.test', path: '/', name: 'a' }] }, 'exportJar: "cookies" must be a list of cookie identities { domain, hostOnly, path, name, partition }.'],
  [{ type: 'exportJar', format: 'json', storeId: '' }, 'exportJar: "storeId" must be a cookie store id.'],
  [{ type: 'exportJar', format: 'mozilla', dialect: 'perl' }, 'exportJar: "dialect" must be "python", "curl", "wget" or "yt-dlp".'],
  [{ type: 'exportJar', format: 'mozilla', source: 'both' }, 'exportJar: "source" must be "jar" or "browser".'],
  [{ type: 'exportJar', format: 'mozilla', site: '' }, 'exportJar: "site" must be a host name.'],
  [{ type: 'exportJar', format: 'mozilla', includeSession: 'no' }, 'exportJar: "includeSession" must be true or false.'],
  [{ type: 'exportJar', format: 'mozilla', includeExpired: 0 }, 'exportJar: "includeExpired" must be true or false.'],
  [{ type: 'importJar', text: '', format: 'lwp', ignoreDiscard: false, ignoreExpires: true }, null],
  [{ type: 'importJar', format: 'mozilla' }, 'importJar: "text" must be the file text.'],
  [{ type: 'importJar', text: 'x' }, 'importJar: "format" must be "mozilla" or "lwp".'],
  [{ type: 'importJar', text: 'x', format: 'mozilla', ignoreDiscard: 'no' }, 'importJar: "ignoreDiscard" must be true or false.'],
  [{ type: 'importJar', text: 'x', format: 'mozilla', ignoreExpires: null }, 'importJar: "ignoreExpires" must be true or false.'],
  [{ type: 'importJar', text: 'x', format: 'mozilla', filename: 'c.txt' }, 'importJar: Unknown parameter "filename".'],
  [{ type: 'resolveLoadError', action: 'keep' }, null],
  [{ type: 'resolveLoadError', action: 'startAfresh' }, null],
  [{ type: 'resolveLoadError' }, 'resolveLoadError: "action" must be "keep" or "startAfresh".'],
  [{ type: 'resolveLoadError', action: 'delete' }, 'resolveLoadError: "action" must be "keep" or "startAfresh".'],
  [{ type: 'resolveLoadError', action: 'keep', site: 'a.test' }, 'resolveLoadError: Unknown parameter "site".'],
  [{ type: 'clearJar', site: 'example.com' }, null],
  [{ type: 'clearJar' }, null],
  [{ type: 'clearJar', site: '' }, 'clearJar: "site" must be a host name.'],
  [{ type: 'clearJar', all: true }, 'clearJar: Unknown parameter "all".'],
  [{ type: 'deleteCookie', domain: '.example.com', path: '/', name: '' }, null],
  [{ type: 'deleteCookie', path: '/', name: 'a' }, 'deleteCookie: "domain" must be a cookie domain.'],
  [{ type: 'deleteCookie', domain: '', path: '/', name: 'a' }, 'deleteCookie: "domain" must be a cookie domain.'],
  [{ type: 'deleteCookie', domain: 'a.test', name: 'a' }, 'deleteCookie: "path" must be a cookie path.'],
  [{ type: 'deleteCookie', domain: 'a.test', path: '/' }, 'deleteCookie: "name" must be a cookie name.'],
  [{ type: 'deleteCookie', domain: 'a.test', path: '/', name: 'a', value: 'v' }, 'deleteCookie: Unknown parameter "value".'],
  [{ type: 'getCookieStores', tabId: 3 }, null],
  [{ type: 'getCookieStores', tabId: 'x' }, 'getCookieStores: "tabId" must be an integer.'],
  [{ type: 'checkBrowserCookie', cookie: COOKIE, storeId: '0', replaces: { domain: 'www.example.com', hostOnly: true, path: '/', name: 'b', partition: null } }, null],
  [{ type: 'checkBrowserCookie', cookie: { ...COOKIE, expirationDate: 2e9, partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: false } } }, null],
  [{ type: 'checkBrowserCookie' }, 'checkBrowserCookie: "cookie" must be an object { name, value, domain, hostOnly, path, secure, httpOnly, sameSite, expirationDate?, partitionKey? }.'],
  [{ type: 'checkBrowserCookie', cookie: { ...COOKIE, size: 3 } }, 'checkBrowserCookie: Unknown cookie field "size".'],
  [{ type: 'checkBrowserCookie', cookie: { ...COOKIE, domain: '' } }, 'checkBrowserCookie: "cookie.domain" must be a host or domain.'],
  [{ type: 'checkBrowserCookie', cookie: { ...COOKIE, sameSite: 'None' } }, 'checkBrowserCookie: "cookie.sameSite" must be one of "no_restriction", "lax", "strict", "unspecified".'],
  [{ type: 'checkBrowserCookie', cookie: { ...COOKIE, expirationDate: Infinity } }, 'checkBrowserCookie: "cookie.expirationDate" must be seconds since the epoch.'],
  [{ type: 'checkBrowserCookie', cookie: { ...COOKIE, partitionKey: 'https://example.com' } }, 'checkBrowserCookie: "cookie.partitionKey" must be { topLevelSite, hasCrossSiteAncestor? }.'],
  [{ type: 'setBrowserCookie', cookie: COOKIE }, null],
  [{ type: 'setBrowserCookie', cookie: { ...COOKIE, secure: 'yes' } }, 'setBrowserCookie: "cookie.secure" must be true or false.'],
  [{ type: 'setBrowserCookie', cookie: COOKIE, replaces: { domain: 'a.test', path: '/', name: 'a' } }, 'setBrowserCookie: "replaces" must be a cookie identity { domain, hostOnly, path, name, partition }.'],
  [{ type: 'removeCookies', browser: [{ domain: 'a.test', hostOnly: true, path: '/', name: 'a', partition: null }], jar: [], storeId: '0', label: 'Cleared' }, null],
  [{ type: 'removeCookies', browser: [{ domain: 'a.test' }] }, 'removeCookies: "browser" must be a list of cookie identities { domain, hostOnly, path, name, partition }.'],
  [{ type: 'removeCookies', label: '' }, 'removeCookies: "label" must be a short description.'],
  [{ type: 'getLastChange' }, null],
  [{ type: 'undoLastChange' }, null],
  [{ type: 'undoLastChange', id: 3 }, 'undoLastChange: Unknown parameter "id".'],
  [{ type: 'previewImport', text: 'Cookie: a=1', format: 'header', url: 'https://a.test/', target: 'browser', storeId: '0' }, null],
  [{ type: 'previewImport', text: 'x' }, 'previewImport: "target" must be "browser" or "jar".'],
  [{ type: 'previewImport', text: 'x', target: 'jar', format: 'csv' }, 'previewImport: "format" must be "mozilla", "lwp", "json" or "header".'],
  [{ type: 'importCookies', text: '[]', format: 'json', target: 'jar' }, null],
  [{ type: 'importCookies', target: 'browser' }, 'importCookies: "text" must be the file text.'],
  [{ type: 'importCookies', text: 'x', target: 'browser', url: 'file:///c.txt' }, 'importCookies: "url" must be an http or https URL.'],
];

describe('the protocol’s guard (checkMessage)', () => {
  it('has a valid message for every message type', () => {
    expect(MESSAGES).toHaveLength(125);
    const validTypes = new Set(MESSAGES.filter(([, problem]) => problem === null).map(([message]) => message['type']));
    expect([...validTypes].sort()).toEqual([...MESSAGE_TYPES].sort());
  });

  it.each(MESSAGES.map(([message, problem]) => [JSON.stringify(message), message, problem] as const))('%s', (_, message, problem) => {
    const checked = checkMessage(message);
    if (problem === null) expect(checked).toEqual({ ok: true, message });
    else expect(checked).toEqual({ ok: false, error: { name: 'BadRequest', message: problem } });
  });

  it('refuses what is not a message object, and names the known types for an unknown one', () => {
    const notAnObject = { ok: false, error: { name: 'BadRequest', message: 'A message must be an object { type, ...parameters }.' } };
    for (const value of [null, 'getStatus', ['getStatus'], 7]) expect(checkMessage(value)).toEqual(notAnObject);
    for (const type of ['nope', 'toString', 7]) {
      expect(checkMessage({ type })).toEqual({ ok: false, error: { name: 'UnknownMessage', message: `Unknown message type ${JSON.stringify(type)}; known: ${MESSAGE_TYPES.join(', ')}.` } });
    }
  });
});

describe('errors across the channel', () => {
  it('keep their name and message, and a LoadError its line and file name', () => {
    expect(toErrorInfo(new LoadError('bad line', { filename: 'cookies.txt', lineNumber: 3 }))).toEqual({ name: 'LoadError', message: 'bad line', lineNumber: 3, filename: 'cookies.txt' });
    expect(toErrorInfo(new TypeError('no'))).toStrictEqual({ name: 'TypeError', message: 'no' });
    expect(toErrorInfo(Object.assign(new Error('x'), { lineNumber: '3', filename: 7 }))).toStrictEqual({ name: 'Error', message: 'x' });
    expect(toErrorInfo('a string thrown')).toStrictEqual({ name: 'Error', message: 'a string thrown' });
  });

  it('are rebuilt on the caller’s side with their own name', () => {
    const error = new RemoteError({ name: 'LoadError', message: 'bad line', lineNumber: 3, filename: 'cookies.txt' });
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message, error.lineNumber, error.filename]).toEqual(['LoadError', 'bad line', 3, 'cookies.txt']);
    expect(new RemoteError({ name: 'BadRequest', message: 'x' }).lineNumber).toBeUndefined();
  });
});
