// What the worker reads back from storage: a record it wrote comes back as it was; a record that is
// damaged, or from a version it does not know, is refused with a sentence saying what is wrong (the
// user sees it in the failed load, and the record is not overwritten: service.ts), never cast.
import { describe, expect, it } from 'vitest';
import { Cookie } from '../jar';
import { encodeCookie } from './codec';
import {
  keys, parseKey, readLogPage, readMeta, readOldJar, readSentPage, readSiteRecord, readStatus, readTabs, type ParsedKey,
} from './records';

const cookie = (name: string, extra: Partial<ConstructorParameters<typeof Cookie>[0]> = {}) => new Cookie({
  version: 0, name, value: 'v', port: null, portSpecified: false, domain: 'a.test', domainSpecified: false, domainInitialDot: false,
  path: '/', pathSpecified: false, secure: false, expires: null, discard: true, comment: null, commentUrl: null, ...extra,
});
const stored = encodeCookie(cookie('sid'));

/** A deep copy of `base` with `change` applied to it. */
function damaged<T>(base: T, change: (copy: T) => void): T {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

// --- the good records every damaged one is made from ------------------------------------------------

const SITE = { v: 1, cookies: [stored, encodeCookie(cookie('theme', { discard: false, expires: 1_800_000_000 }))], used: [5, 0.5], order: [0, 3] };

const RESPONSE = {
  id: 7, time: 1_700_000_000_000, tabId: -1, url: 'https://a.test/', resourceType: 'main_frame', topLevelUrl: null,
  originReqHost: 'a.test', unverifiable: false, thirdParty: false, label: 'top-level', redirectedFrom: ['b.test'],
  lines: [{ header: 'Set-Cookie', text: 'sid=v' }, { header: 'Set-Cookie2', text: 'x', length: 9000 }],
  decisions: [
    { id: 1, line: 0, accepted: true, cookie: stored, valueAt: [4, 1] },
    { id: 2, line: -1, accepted: false, rule: 'return.secure.protocol', reason: 'why', cookie: null },
    { id: 3, line: 1, accepted: false, kind: 'evicted', cookie: stored, valueAt: [0, 1] },
  ],
  extra: 'a later version’s field',
} as const;
type Response = Record<string, unknown> & { lines: Record<string, unknown>[]; decisions: Record<string, unknown>[] };
const logPage = (...responses: unknown[]) => ({ v: 2, items: JSON.stringify(responses) });
/** A page whose second response is RESPONSE changed by `change`. */
const logWith = (change: (r: Response) => void) => logPage(RESPONSE, damaged(RESPONSE as unknown as Response, change));

const ENTRY = { time: 1, tabId: 3, url: 'https://a.test/', resourceType: 'image', browser: 'a=1', jar: null, jarCookie2: null, same: false, browserLength: 5000 };
/** A page whose second entry is ENTRY changed by `change`. */
const sentWith = (change: (e: Record<string, unknown>) => void) => logPage(ENTRY, damaged<Record<string, unknown>>(ENTRY, change));

const META = { v: 1, nextResponseId: 1, nextDecisionId: 1 };
const FAILURE = { area: 'session', key: 'log/0/a.test/1', what: 'a page', bytes: null, error: { name: 'Error', message: 'quota' }, time: 1 };
const statusWith = (change: (f: Record<string, unknown>) => void) => ({ v: 1, failures: [FAILURE, damaged<Record<string, unknown>>(FAILURE, change)] });
const OLD_JAR = JSON.stringify([cookie('a').toJSON(), cookie('b', { version: null, expires: 1_800_000_000 }).toJSON()]);
const oldJarWith = (change: (c: Record<string, unknown>) => void) => {
  const list = JSON.parse(OLD_JAR) as Record<string, unknown>[];
  change(list[1] as Record<string, unknown>);
  return JSON.stringify(list);
};

describe('records written by the worker', () => {
  it('a site’s cookies come back with their last-used times and positions', () => {
    const read = readSiteRecord(SITE);
    if (typeof read === 'string') throw new Error(read);
    expect(read.cookies.map(({ cookie: c, used, order }) => [c.toJSON(), used, order])).toEqual([
      [cookie('sid').toJSON(), 5, 0], [cookie('theme', { discard: false, expires: 1_800_000_000 }).toJSON(), 0.5, 3],
    ]);
    expect(readSiteRecord({ v: 1, cookies: [], used: [], order: [] })).toEqual({ cookies: [] });
  });

  it('a log page comes back as it was, a later version’s fields kept; version 1 pages (a list) too', () => {
    expect(readLogPage(logPage(RESPONSE, RESPONSE))).toEqual([RESPONSE, RESPONSE]);
    expect(readLogPage({ v: 1, items: [RESPONSE] })).toEqual([RESPONSE]);
  });

  it('a sent-header page, the tabs, the counters, the write failures come back as they were', () => {
    const entry = { ...ENTRY, browser: null, jar: 'a=1', jarCookie2: '$Version="1"', same: true, jarLength: 5000, urlLength: 9000 };
    expect(readSentPage(logPage(ENTRY, entry))).toEqual([ENTRY, entry]);
    expect(readTabs({ v: 1, tabs: [[3, 'https://a.test/'], [-1, '']] })).toEqual([[3, 'https://a.test/'], [-1, '']]);
    expect(readMeta(META)).toEqual({ v: 1, nextResponseId: 1, nextDecisionId: 1, refused: 0, evicted: 0, disagreements: 0 });
    expect(readMeta({ ...META, nextResponseId: 40, refused: 2, evicted: 0, disagreements: 3 })).toEqual({ v: 1, nextResponseId: 40, nextDecisionId: 1, refused: 2, evicted: 0, disagreements: 3 });
    const failure = { ...FAILURE, area: 'local', bytes: 300 };
    expect(readStatus({ v: 1, failures: [FAILURE, failure] })).toEqual([FAILURE, failure]);
  });

  it('the jar of an earlier version (one JSON string) comes back as its cookies', () => {
    const read = readOldJar(OLD_JAR);
    if (typeof read === 'string') throw new Error(read);
    expect(read.map((c) => c.toJSON())).toEqual([cookie('a').toJSON(), cookie('b', { version: null, expires: 1_800_000_000 }).toJSON()]);
  });
});

// --- damaged records --------------------------------------------------------------------------------

type Reader = (value: unknown) => unknown;
/** What JSON.parse says of this text (its words differ between engines). */
const jsonError = (text: string): string => { try { JSON.parse(text); return ''; } catch (error) { return (error as Error).message; } };
const DAMAGED: [what: string, read: Reader, value: unknown, problem: string][] = [
  // Every record is a versioned object.
  ['a site record that is null', readSiteRecord, null, 'is not an object'],
  ['a site record that is a list', readSiteRecord, [SITE], 'is not an object'],
  ['a site record of version 2', readSiteRecord, { ...SITE, v: 2 }, 'has version 2, not 1'],
  ['a site record without a version', readSiteRecord, { ...SITE, v: undefined }, 'has version undefined, not 1'],
  // The site record.
  ['a site record whose cookies are no list', readSiteRecord, { ...SITE, cookies: {} }, 'has no matching cookies, used and order lists'],
  ['a site record whose times are no list', readSiteRecord, { ...SITE, used: 5 }, 'has no matching cookies, used and order lists'],
  ['a site record whose positions are no list', readSiteRecord, { ...SITE, order: null }, 'has no matching cookies, used and order lists'],
  ['a site record with a time missing', readSiteRecord, { ...SITE, used: [5] }, 'has no matching cookies, used and order lists'],
  ['a site record with a position missing', readSiteRecord, { ...SITE, order: [0] }, 'has no matching cookies, used and order lists'],
  ['a site record whose second cookie is damaged', readSiteRecord, { ...SITE, cookies: [stored, ['x']] }, 'cookie 2: a stored cookie is not a list of 11 fields'],
  ['a site record with a time that is text', readSiteRecord, { ...SITE, used: [5, '0'] }, 'cookie 2 has no last-used time or position'],
  ['a site record with an infinite time', readSiteRecord, { ...SITE, used: [5, Infinity] }, 'cookie 2 has no last-used time or position'],
  ['a site record with a position of 1.5', readSiteRecord, { ...SITE, order: [0, 1.5] }, 'cookie 2 has no last-used time or position'],
  ['a site record with a position below 0', readSiteRecord, { ...SITE, order: [0, -1] }, 'cookie 2 has no last-used time or position'],
  // A log page.
  ['a log page that is a list', readLogPage, [], 'is not an object'],
  ['a log page of version 3', readLogPage, { v: 3, items: '[]' }, 'has version 3, not 1 or 2'],
  ['a version 2 log page whose items are no text', readLogPage, { v: 2, items: [RESPONSE] }, 'has no items text'],
  ['a version 1 log page whose items are no list', readLogPage, { v: 1, items: 'x' }, 'has no items'],
  ['a log page whose items text is not JSON', readLogPage, { v: 2, items: '[{' }, `unreadable (${jsonError('[{')})`],
  ['a log page whose second response is null', readLogPage, logPage(RESPONSE, null), 'response 2 is not an object'],
  ['a response with an id of 1.5', readLogPage, logWith((r) => { r['id'] = 1.5; }), 'response 2 has a bad id, time or tab'],
  ['a response with a time as text', readLogPage, logWith((r) => { r['time'] = '1'; }), 'response 2 has a bad id, time or tab'],
  ['a response with a tab as text', readLogPage, logWith((r) => { r['tabId'] = '3'; }), 'response 2 has a bad id, time or tab'],
  ['a response without a URL', readLogPage, logWith((r) => { r['url'] = null; }), 'response 2 has a bad URL or type'],
  ['a response with a URL length of 1.5', readLogPage, logWith((r) => { r['urlLength'] = 1.5; }), 'response 2 has a bad URL or type'],
  ['a response without a type', readLogPage, logWith((r) => { delete r['resourceType']; }), 'response 2 has a bad URL or type'],
  ['a response with a top-level URL that is a number', readLogPage, logWith((r) => { r['topLevelUrl'] = 1; }), 'response 2 has a bad top-level URL or origin'],
  ['a response without an origin host', readLogPage, logWith((r) => { r['originReqHost'] = null; }), 'response 2 has a bad top-level URL or origin'],
  ['a response whose unverifiable flag is text', readLogPage, logWith((r) => { r['unverifiable'] = 'false'; }), 'response 2 has bad flags'],
  ['a response whose third-party flag is missing', readLogPage, logWith((r) => { delete r['thirdParty']; }), 'response 2 has bad flags'],
  ['a response with a label that is a number', readLogPage, logWith((r) => { r['label'] = 1; }), 'response 2 has an unknown label'],
  ['a response with a label no version has', readLogPage, logWith((r) => { r['label'] = 'sideways'; }), 'response 2 has an unknown label'],
  ['a response whose redirect chain is no list', readLogPage, logWith((r) => { r['redirectedFrom'] = 'b.test'; }), 'response 2 has a bad redirect chain'],
  ['a response whose redirect chain holds a number', readLogPage, logWith((r) => { r['redirectedFrom'] = ['b.test', 2]; }), 'response 2 has a bad redirect chain'],
  ['a response whose lines are no list', readLogPage, logWith((r) => { (r as Record<string, unknown>)['lines'] = {}; }), 'response 2 has no lines or decisions'],
  ['a response whose sentences are no list', readLogPage, logWith((r) => { r['sentences'] = 'why'; }), 'response 2 has a bad list of sentences'],
  ['a response with a sentence that is a number', readLogPage, logWith((r) => { r['sentences'] = ['why', 1]; }), 'response 2 has a bad list of sentences'],
  ['a response whose decisions are no list', readLogPage, logWith((r) => { (r as Record<string, unknown>)['decisions'] = null; }), 'response 2 has no lines or decisions'],
  // Its lines.
  ['a line that is text', readLogPage, logWith((r) => { r.lines[1] = 'x' as never; }), 'line 2 is not an object'],
  ['a line of another header', readLogPage, logWith((r) => { (r.lines[1] as Record<string, unknown>)['header'] = 'Cookie'; }), 'line 2 has an unknown header name'],
  ['a line without text', readLogPage, logWith((r) => { delete (r.lines[1] as Record<string, unknown>)['text']; }), 'line 2 has no text'],
  ['a line whose length is 1.5', readLogPage, logWith((r) => { (r.lines[1] as Record<string, unknown>)['length'] = 1.5; }), 'line 2 has no text'],
  // Its decisions.
  ['a decision that is null', readLogPage, logWith((r) => { r.decisions[1] = null as never; }), 'decision 2 is not an object'],
  ['a decision with an id of 1.5', readLogPage, logWith((r) => { (r.decisions[1] as Record<string, unknown>)['id'] = 1.5; }), 'decision 2 has a bad id or line'],
  ['a decision with a line of 0.5', readLogPage, logWith((r) => { (r.decisions[1] as Record<string, unknown>)['line'] = 0.5; }), 'decision 2 has a bad id or line'],
  ['a decision with a line below -1', readLogPage, logWith((r) => { (r.decisions[1] as Record<string, unknown>)['line'] = -2; }), 'decision 2 has a bad id or line'],
  ['a decision with a line past the response’s', readLogPage, logWith((r) => { (r.decisions[1] as Record<string, unknown>)['line'] = 2; }), 'decision 2 has a bad id or line'],
  ['a decision without an outcome', readLogPage, logWith((r) => { (r.decisions[1] as Record<string, unknown>)['accepted'] = 'no'; }), 'decision 2 has no outcome'],
  ['a decision whose rule is a number', readLogPage, logWith((r) => { (r.decisions[1] as Record<string, unknown>)['rule'] = 1; }), 'decision 2 has a bad rule'],
  ['a decision whose reason is null', readLogPage, logWith((r) => { (r.decisions[1] as Record<string, unknown>)['reason'] = null; }), 'decision 2 has a bad reason'],
  ['a decision of a kind no version has', readLogPage, logWith((r) => { (r.decisions[2] as Record<string, unknown>)['kind'] = 'expired'; }), 'decision 3 has an unknown kind'],
  ['a decision whose cookie is damaged', readLogPage, logWith((r) => { (r.decisions[0] as Record<string, unknown>)['cookie'] = {}; }), 'decision 1: a stored cookie is not a list of 11 fields'],
  ['a value place that is no pair', readLogPage, logWith((r) => { (r.decisions[0] as Record<string, unknown>)['valueAt'] = [4, 1, 0]; }), 'decision 1 points outside its line'],
  ['a value place that is text', readLogPage, logWith((r) => { (r.decisions[0] as Record<string, unknown>)['valueAt'] = '4,1'; }), 'decision 1 points outside its line'],
  ['a value place starting at 0.5', readLogPage, logWith((r) => { (r.decisions[0] as Record<string, unknown>)['valueAt'] = [0.5, 1]; }), 'decision 1 points outside its line'],
  ['a value place 0.5 long', readLogPage, logWith((r) => { (r.decisions[0] as Record<string, unknown>)['valueAt'] = [4, 0.5]; }), 'decision 1 points outside its line'],
  ['a value place starting before its line', readLogPage, logWith((r) => { (r.decisions[0] as Record<string, unknown>)['valueAt'] = [-1, 1]; }), 'decision 1 points outside its line'],
  ['a value place of negative length', readLogPage, logWith((r) => { (r.decisions[0] as Record<string, unknown>)['valueAt'] = [4, -1]; }), 'decision 1 points outside its line'],
  ['a value place past the end of its line', readLogPage, logWith((r) => { (r.decisions[0] as Record<string, unknown>)['valueAt'] = [4, 2]; }), 'decision 1 points outside its line'],
  ['a value place in no line', readLogPage, logWith((r) => { (r.decisions[1] as Record<string, unknown>)['valueAt'] = [0, 0]; }), 'decision 2 points outside its line'],
  // A sent-header page.
  ['a sent page of version 0', readSentPage, { v: 0, items: '[]' }, 'has version 0, not 1 or 2'],
  ['a sent entry that is a list', readSentPage, logPage(ENTRY, []), 'entry 2 is not an object'],
  ['a sent entry with a time as text', readSentPage, sentWith((e) => { e['time'] = '1'; }), 'entry 2 has a bad time, tab, URL or type'],
  ['a sent entry with a tab of 1.5', readSentPage, sentWith((e) => { e['tabId'] = 1.5; }), 'entry 2 has a bad time, tab, URL or type'],
  ['a sent entry without a URL', readSentPage, sentWith((e) => { delete e['url']; }), 'entry 2 has a bad time, tab, URL or type'],
  ['a sent entry without a type', readSentPage, sentWith((e) => { e['resourceType'] = null; }), 'entry 2 has a bad time, tab, URL or type'],
  ['a sent entry whose browser header is a number', readSentPage, sentWith((e) => { e['browser'] = 1; }), 'entry 2 has a bad header'],
  ['a sent entry without the jar’s header', readSentPage, sentWith((e) => { delete e['jar']; }), 'entry 2 has a bad header'],
  ['a sent entry whose Cookie2 header is a number', readSentPage, sentWith((e) => { e['jarCookie2'] = 2; }), 'entry 2 has a bad header'],
  ['a sent entry without its comparison', readSentPage, sentWith((e) => { e['same'] = 0; }), 'entry 2 has no comparison'],
  ['a sent entry with a browser length of 1.5', readSentPage, sentWith((e) => { e['browserLength'] = 1.5; }), 'entry 2 has a bad length'],
  ['a sent entry with a jar length as text', readSentPage, sentWith((e) => { e['jarLength'] = '5000'; }), 'entry 2 has a bad length'],
  ['a sent entry with a URL length of null', readSentPage, sentWith((e) => { e['urlLength'] = null; }), 'entry 2 has a bad length'],
  // The tabs.
  ['tabs of version 2', readTabs, { v: 2, tabs: [] }, 'has version 2, not 1'],
  ['tabs that are no list', readTabs, { v: 1, tabs: {} }, 'has no list of [tab, URL]'],
  ['a tab that is no pair', readTabs, { v: 1, tabs: [[3, 'https://a.test/'], 3] }, 'has no list of [tab, URL]'],
  ['a tab of three parts', readTabs, { v: 1, tabs: [[3, 'https://a.test/', 'x']] }, 'has no list of [tab, URL]'],
  ['a tab id of 1.5', readTabs, { v: 1, tabs: [[1.5, 'https://a.test/']] }, 'has no list of [tab, URL]'],
  ['a tab without a URL', readTabs, { v: 1, tabs: [[3, null]] }, 'has no list of [tab, URL]'],
  // The id counters.
  ['counters of version 0', readMeta, { ...META, v: 0 }, 'has version 0, not 1'],
  ['a response counter of 1.5', readMeta, { ...META, nextResponseId: 1.5 }, 'has no id counters'],
  ['a decision counter as text', readMeta, { ...META, nextDecisionId: '1' }, 'has no id counters'],
  ['a response counter of 0', readMeta, { ...META, nextResponseId: 0 }, 'has no id counters'],
  ['a decision counter of 0', readMeta, { ...META, nextDecisionId: 0 }, 'has no id counters'],
  ['a refused count below 0', readMeta, { ...META, refused: -1 }, 'has a bad refused count'],
  ['an evicted count of 1.5', readMeta, { ...META, evicted: 1.5 }, 'has a bad evicted count'],
  ['a refused count of null', readMeta, { ...META, refused: null }, 'has a bad refused count'],
  ['a disagreements count as text', readMeta, { ...META, disagreements: '2' }, 'has a bad disagreements count'],
  // The write failures.
  ['a status of version 2', readStatus, { v: 2, failures: [] }, 'has version 2, not 1'],
  ['a status without its list', readStatus, { v: 1, failures: FAILURE }, 'has no failures list'],
  ['a failure that is text', readStatus, { v: 1, failures: [FAILURE, 'quota'] }, 'failure 2 is malformed'],
  ['a failure of another area', readStatus, statusWith((f) => { f['area'] = 'sync'; }), 'failure 2 is malformed'],
  ['a failure without a key', readStatus, statusWith((f) => { delete f['key']; }), 'failure 2 is malformed'],
  ['a failure without its what', readStatus, statusWith((f) => { f['what'] = 1; }), 'failure 2 is malformed'],
  ['a failure whose bytes are 1.5', readStatus, statusWith((f) => { f['bytes'] = 1.5; }), 'failure 2 is malformed'],
  ['a failure whose time is text', readStatus, statusWith((f) => { f['time'] = '1'; }), 'failure 2 is malformed'],
  ['a failure without an error', readStatus, statusWith((f) => { f['error'] = 'quota'; }), 'failure 2 is malformed'],
  ['a failure whose error has no name', readStatus, statusWith((f) => { f['error'] = { message: 'quota' }; }), 'failure 2 is malformed'],
  ['a failure whose error has no message', readStatus, statusWith((f) => { f['error'] = { name: 'Error', message: 1 }; }), 'failure 2 is malformed'],
  // The jar of an earlier version.
  ['an old jar that is no text', readOldJar, JSON.parse(OLD_JAR), 'is not text'],
  ['an old jar that is not JSON', readOldJar, '[{', `unreadable (${jsonError('[{')})`],
  ['an old jar that is no list', readOldJar, '{}', 'is not a list of cookies'],
  ['an old jar holding a list', readOldJar, `[${JSON.stringify(cookie('a').toJSON())},[]]`, 'is not a list of cookies'],
  ['an old cookie without a name', readOldJar, oldJarWith((c) => { delete c['name']; }), 'cookie 2 has no name, domain or path'],
  ['an old cookie without a domain', readOldJar, oldJarWith((c) => { c['domain'] = null; }), 'cookie 2 has no name, domain or path'],
  ['an old cookie without a path', readOldJar, oldJarWith((c) => { c['path'] = 1; }), 'cookie 2 has no name, domain or path'],
  ['an old cookie whose value is a number', readOldJar, oldJarWith((c) => { c['value'] = 1; }), 'cookie 2 has a bad value, version or expiry'],
  ['an old cookie whose version is text', readOldJar, oldJarWith((c) => { c['version'] = 'x'; }), 'cookie 2 has a bad value, version or expiry'],
  ['an old cookie whose expiry is text', readOldJar, oldJarWith((c) => { c['expires'] = 'x'; }), 'cookie 2 has a bad value, version or expiry'],
  ['an old cookie the jar refuses', readOldJar, oldJarWith((c) => { c['portSpecified'] = true; }), 'unreadable (if port is null, portSpecified must be false)'],
];

describe('a damaged record, or one of an unknown version', () => {
  it('has every case', () => { expect(DAMAGED).toHaveLength(110); });
  it.each(DAMAGED)('%s: refused, saying why', (_what, read, value, problem) => { expect(read(value)).toBe(problem); });
});

// --- keys -------------------------------------------------------------------------------------------

const KEYS: [key: string, parsed: ParsedKey][] = [
  ['settings', { kind: 'settings' }],
  ['status', { kind: 'status' }],
  ['jar', { kind: 'old-jar' }],
  ['decisionLog', { kind: 'old-log' }],
  ['sentHeaders', { kind: 'old-sent' }],
  ['tabs', { kind: 'old-tabs' }],
  [keys.jar('0', 'example.com'), { kind: 'jar', store: '0', site: 'example.com' }],
  [keys.jar('firefox-container-3', ''), { kind: 'jar', store: 'firefox-container-3', site: '' }],
  [keys.log('0', 'example.com', 12), { kind: 'log', store: '0', site: 'example.com', page: 12 }],
  [keys.sent('firefox-default', 1), { kind: 'sent', store: 'firefox-default', page: 1 }],
  [keys.sent('0', 999_999_999), { kind: 'sent', store: '0', page: 999_999_999 }],
  [keys.tabs('0'), { kind: 'tabs', store: '0' }],
  [keys.meta('1'), { kind: 'meta', store: '1' }],
  // Not ours, or not any record's shape: left alone.
  ['jar/', { kind: 'unknown' }],
  ['jar//example.com', { kind: 'unknown' }],
  ['jar/0', { kind: 'unknown' }],
  ['jar/0/example.com/1', { kind: 'unknown' }],
  ['log/0/example.com', { kind: 'unknown' }],
  ['log/0/example.com/0', { kind: 'unknown' }],
  ['log/0/example.com/01', { kind: 'unknown' }],
  ['log/0/example.com/1x', { kind: 'unknown' }],
  ['log/0/example.com/x1', { kind: 'unknown' }],
  ['sent/0/1234567890', { kind: 'unknown' }],
  ['sent/0', { kind: 'unknown' }],
  ['sent/0/1/2', { kind: 'unknown' }],
  ['tabs/0/1', { kind: 'unknown' }],
  ['meta/0/x', { kind: 'unknown' }],
  ['cookies/0/example.com', { kind: 'unknown' }],
  ['other-extension-key', { kind: 'unknown' }],
];

describe('a storage key', () => {
  it('has every case', () => { expect(KEYS).toHaveLength(29); });
  it.each(KEYS)('%s', (key, parsed) => { expect(parseKey(key)).toEqual(parsed); });
});
