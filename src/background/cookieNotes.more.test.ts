// cookieNotes over a decision log and a store history built here, case by case: which decision
// explains a cookie (the newest one of that cookie, however many others the log holds), and the
// sentence the Site view shows for each way a cookie ends up in one store only.
import { describe, expect, it } from 'vitest';
import { Cookie, type CookieInit } from '../jar/cookie';
import { identityKey } from '../shared/cookieIdentity';
import type { BrowserCookie, CookieJSON, CookieNote } from '../shared/protocol';
import { identityOf, type CookieHistory, type LoggedVerdict } from './browserVerdicts';
import { encodeCookie } from './codec';
import { cookieNotes } from './cookieNotes';
import type { LoggedDecision, LoggedResponse } from './decisionLog';

const T0 = Date.UTC(2025, 0, 2, 3, 4, 5) + 678;
const T0_WORDS = '2025-01-02 03:04:05 UTC';

function jarCookie(name: string, domain: string, extra: Partial<CookieInit> = {}): Cookie {
  const domainSpecified = domain.startsWith('.');
  return new Cookie({
    version: 0, name, value: '1', port: null, portSpecified: false, domain, domainSpecified, domainInitialDot: domainSpecified,
    path: '/', pathSpecified: false, secure: false, expires: null, discard: true, comment: null, commentUrl: null, ...extra,
  });
}

function browserCookie(name: string, domain: string, extra: Partial<BrowserCookie> = {}): BrowserCookie {
  return { name, value: '1', domain, hostOnly: !domain.startsWith('.'), path: '/', secure: false, httpOnly: false, sameSite: 'unspecified', session: true, storeId: '0', ...extra };
}

let nextId = 1;
function decision(cookie: Cookie | null, fields: Partial<LoggedDecision> = {}): LoggedDecision {
  return { id: nextId++, line: 0, accepted: true, cookie: cookie === null ? null : encodeCookie(cookie), ...fields };
}

/** A logged response of one Set-Cookie line per decision (line i for decision i unless it names another). */
function response(time: number, decisions: LoggedDecision[], verdicts: (LoggedVerdict | undefined)[] = [], sentences?: string[]): LoggedResponse {
  const lines = decisions.map((_, i) => {
    const verdict = verdicts[i];
    return { header: 'Set-Cookie' as const, text: `c${i}=1`, ...(verdict === undefined ? {} : { browser: verdict }) };
  });
  return {
    id: nextId++, time, url: 'https://www.example.com/', tabId: 1, resourceType: 'main_frame', topLevelUrl: null, unverifiable: false,
    originReqHost: 'www.example.com', thirdParty: false, label: 'first-party', redirectedFrom: [],
    lines, decisions: decisions.map((d, i) => ({ ...d, line: d.line === 0 ? i : d.line })), ...(sentences === undefined ? {} : { sentences }),
  };
}

const REFUSED: LoggedVerdict = [0, 0, ['SameSiteNoneInsecure'], 0, 0];
const STORED: LoggedVerdict = [1, 1, [], -1, 0];

const keyOfJar = (cookie: Cookie): string => identityKey({ name: cookie.name, domain: cookie.domain, hostOnly: !cookie.domainSpecified, path: cookie.path, partition: null });
const keyOfBrowser = (cookie: BrowserCookie): string => identityKey({ name: cookie.name, domain: cookie.domain, hostOnly: cookie.hostOnly, path: cookie.path, partition: null });

function notesOf(jar: Cookie[], browser: BrowserCookie[], responses: LoggedResponse[], history: Map<string, CookieHistory> = new Map()): CookieNote[] {
  return cookieNotes(jar.map((c): CookieJSON => c.toJSON()), browser, responses, history);
}

function only(notes: CookieNote[]): CookieNote {
  expect(notes).toHaveLength(1);
  return notes[0] as CookieNote;
}

describe('cookieNotes: which logged decision explains a cookie', () => {
  it('takes the newest decision of the cookie: the newest response first, the last decision of a response first', () => {
    const cookie = browserCookie('sid', 'www.example.com');
    const jarSid = jarCookie('sid', 'www.example.com');
    const older = response(T0 - 2000, [decision(jarSid, { accepted: true })]);
    const newer = response(T0, [
      decision(jarSid, { accepted: false, rule: 'set.first', reason: 'first refusal' }),
      decision(jarSid, { accepted: false, rule: 'set.second', reason: 'second refusal' }),
    ]);
    const note = only(notesOf([], [cookie], [newer, older]));
    expect(note).toMatchObject({ side: 'browser', kind: 'policy-refused', rule: 'set.second', time: T0 });
    expect(note.sentence).toBe('The policy refused it: second refusal');
  });

  it('finds every wanted cookie past other sites’ cookies, decisions without a cookie and older decisions of a cookie already found', () => {
    const a = browserCookie('a', 'www.example.com');
    const b = browserCookie('b', '.example.com');
    const responses = [
      response(T0, [decision(null, { accepted: false, rule: 'set.header.error' }), decision(jarCookie('x', 'other.test'), { accepted: false, rule: 'set.other' })]),
      response(T0 - 1000, [decision(jarCookie('a', 'www.example.com'), { accepted: false, rule: 'set.a', reason: 'refused a' })]),
      response(T0 - 1500, [decision(jarCookie('a', 'www.example.com'), { accepted: true })]),
      response(T0 - 2000, [decision(jarCookie('b', '.example.com'), { kind: 'evicted', accepted: true, rule: 'evict.b', reason: 'too many' })]),
    ];
    const byKey = new Map(notesOf([], [a, b], responses).map((n) => [n.key, n]));
    expect(byKey.get(keyOfBrowser(a))).toMatchObject({ kind: 'policy-refused', rule: 'set.a', time: T0 - 1000 });
    // A domain cookie's decision is found under its domain identity, not a host-only one of the same name.
    expect(byKey.get(keyOfBrowser(b))).toMatchObject({ kind: 'jar-evicted', rule: 'evict.b', time: T0 - 2000 });
    expect(byKey.size).toBe(2);
  });

  it('a domain cookie is not explained by a host-only cookie’s decision of the same name and host', () => {
    const domainCookie = browserCookie('sid', '.example.com');
    const note = only(notesOf([], [domainCookie], [response(T0, [decision(jarCookie('sid', 'example.com'), { accepted: false, rule: 'set.x' })])]));
    expect(note.kind).toBe('before');
  });

  it('a partitioned browser cookie is explained by the decisions of its unpartitioned identity', () => {
    const partitioned = browserCookie('chip', 'www.example.com', { partitionKey: { topLevelSite: 'https://top.test' } });
    const note = only(notesOf([], [partitioned], [response(T0, [decision(jarCookie('chip', 'www.example.com'), { accepted: false, rule: 'set.x', reason: 'no' })])]));
    expect(note).toMatchObject({ kind: 'policy-refused', rule: 'set.x' });
    expect(note.key).not.toBe(keyOfBrowser(partitioned));
  });
});

describe('cookieNotes: only in the jar', () => {
  const sid = jarCookie('sid', 'www.example.com');

  it('refused by the browser: its reasons and its sentence, with the time observed', () => {
    const note = only(notesOf([sid], [], [response(T0, [decision(sid)], [REFUSED], ['SameSite=None without Secure is refused.'])]));
    expect(note).toEqual({ key: keyOfJar(sid), side: 'jar', kind: 'browser-refused', time: T0, reasons: ['SameSiteNoneInsecure'], sentence: `The browser refused it (observed at ${T0_WORDS}). SameSite=None without Secure is refused.` });
  });

  it('refused by the browser where the model predicted it stored: a gap in the model', () => {
    const note = only(notesOf([sid], [], [response(T0, [decision(sid)], [[0, 1, [], -1, 2]])]));
    expect(note.sentence).toBe(`The browser refused it (observed at ${T0_WORDS}). The browser model predicted it would store it: a gap in the model.`);
  });

  it('logged without the browser’s verdict (an old log, a Set-Cookie2 line, a line the jar could not name)', () => {
    for (const logged of [response(T0, [decision(sid)]), response(T0, [decision(sid, { line: -1 })])]) {
      const note = only(notesOf([sid], [], [logged]));
      expect(note).toMatchObject({ kind: 'browser-unknown', time: T0 });
      expect(note.sentence).toContain('logged before the extension kept the browser’s verdict');
      expect(note).not.toHaveProperty('reasons');
    }
  });

  it('an eviction decision does not borrow the verdict of the line that caused it', () => {
    const note = only(notesOf([sid], [], [response(T0, [decision(sid, { kind: 'evicted' })], [REFUSED], ['another cookie’s refusal'])]));
    expect(note.kind).toBe('browser-unknown');
    expect(note.sentence).not.toContain('another cookie’s refusal');
  });

  it('stored by the browser and removed since: the cause in words, and when', () => {
    const identity = identityOf({ name: 'sid', domain: 'www.example.com', path: '/' });
    const removedBy = (cause: string): string => only(notesOf([sid], [], [response(T0, [decision(sid)], [STORED])], new Map([[identity, { what: 'removed', cause, time: T0 + 60_000 }]]))).sentence;
    expect(removedBy('evicted')).toBe(`The browser stored it (${T0_WORDS}); since then it was evicted by the browser to stay within its limits (2025-01-02 03:05:05 UTC). The jar keeps it: the policy decides what the jar holds.`);
    expect(removedBy('explicit')).toContain('since then it was deleted (by a script, an extension, or the user clearing data)');
    expect(removedBy('expired_overwrite')).toContain('since then it was deleted by an already expired cookie');
    expect(removedBy('overwrite')).toContain('since then it was removed (overwrite) (');
  });

  it('stored by the browser and gone without a removal seen', () => {
    const setSince = new Map([[identityOf({ name: 'sid', domain: 'www.example.com', path: '/' }), { what: 'set' as const, cause: 'explicit', time: T0 }]]);
    for (const history of [new Map<string, CookieHistory>(), setSince]) {
      const note = only(notesOf([sid], [], [response(T0, [decision(sid)], [STORED])], history));
      expect(note).toMatchObject({ kind: 'browser-removed', time: T0 });
      expect(note.sentence).toBe(`The browser stored it (${T0_WORDS}); it has been removed since, while the extension was not watching. The jar keeps it: the policy decides what the jar holds.`);
    }
  });

  it('a domain cookie of the jar finds its store history with or without the leading dot in the jar', () => {
    const removal = new Map([[identityOf({ name: 'd', domain: '.example.com', path: '/' }), { what: 'removed' as const, cause: 'expired', time: T0 }]]);
    const dotted = jarCookie('d', '.example.com');
    const bare = jarCookie('d', 'example.com', { domainSpecified: true });
    for (const cookie of [dotted, bare]) {
      const note = only(notesOf([cookie], [], [response(T0, [decision(cookie)], [STORED])], removal));
      expect(note.sentence).toContain('since then it was expired');
    }
    // A host-only cookie of that name is another cookie: not that history.
    const host = jarCookie('d', 'example.com');
    expect(only(notesOf([host], [], [response(T0, [decision(host)], [STORED])], removal)).sentence).toContain('while the extension was not watching');
  });

  it('what the browser did is not known yet, or could not be observed: the model’s prediction', () => {
    const unknown = (verdict: LoggedVerdict, sentences?: string[]): CookieNote => only(notesOf([sid], [], [response(T0, [decision(sid)], [verdict], sentences)]));
    expect(unknown([2, 0, ['ThirdPartyPhaseout'], 0, 1], ['refused as third party'])).toEqual({
      key: keyOfJar(sid), side: 'jar', kind: 'browser-unknown', time: T0, reasons: ['ThirdPartyPhaseout'], sentence: 'The browser’s verdict is not in yet (it comes within seconds).',
    });
    expect(unknown([2, 0, ['ThirdPartyPhaseout'], 0, 0], ['Third-party cookies are blocked.'])).toMatchObject({
      reasons: ['ThirdPartyPhaseout'], sentence: 'What the browser did could not be observed; the model predicts a refusal: Third-party cookies are blocked.',
    });
    expect(unknown([2, 0, [], -1, 0]).sentence).toBe('What the browser did could not be observed; the model predicts a refusal: ');
    expect(unknown([2, 1, [], -1, 0]).sentence).toBe('What the browser did could not be observed; the model predicts it would be stored.');
  });

  it('never logged: imported from a file, or its decision has left the log', () => {
    expect(only(notesOf([sid], [], []))).toEqual({
      key: keyOfJar(sid), side: 'jar', kind: 'not-logged',
      sentence: 'No Set-Cookie line in the decision log set it: it was imported into the jar from a file, or its decision has left the log. The browser does not have it.',
    });
  });
});

describe('cookieNotes: only in the browser', () => {
  const sid = browserCookie('sid', 'www.example.com');
  const jarSid = jarCookie('sid', 'www.example.com');

  it('evicted by the jar: the rule when there is one, and the reason', () => {
    const withRule = only(notesOf([], [sid], [response(T0, [decision(jarSid, { kind: 'evicted', rule: 'evict.domain', reason: 'more than 50 cookies for the domain' })])]));
    expect(withRule).toEqual({ key: keyOfBrowser(sid), side: 'browser', kind: 'jar-evicted', time: T0, rule: 'evict.domain', sentence: 'The jar evicted it to stay within its limits: more than 50 cookies for the domain' });
    const bare = only(notesOf([], [sid], [response(T0, [decision(jarSid, { kind: 'evicted' })])]));
    expect(bare).toStrictEqual({ key: keyOfBrowser(sid), side: 'browser', kind: 'jar-evicted', time: T0, sentence: 'The jar evicted it to stay within its limits: ' });
  });

  it('refused by the policy: the reason, else the rule', () => {
    const reasoned = only(notesOf([], [sid], [response(T0, [decision(jarSid, { accepted: false, rule: 'set.domain.blocked', reason: 'the domain is blocked' })])]));
    expect(reasoned).toEqual({ key: keyOfBrowser(sid), side: 'browser', kind: 'policy-refused', time: T0, rule: 'set.domain.blocked', sentence: 'The policy refused it: the domain is blocked' });
    expect(only(notesOf([], [sid], [response(T0, [decision(jarSid, { accepted: false, rule: 'set.domain.blocked' })])])).sentence).toBe('The policy refused it: set.domain.blocked');
    const bare = only(notesOf([], [sid], [response(T0, [decision(jarSid, { accepted: false })])]));
    expect(bare).toStrictEqual({ key: keyOfBrowser(sid), side: 'browser', kind: 'policy-refused', time: T0, sentence: 'The policy refused it: ' });
  });

  it('accepted by the policy and gone from the jar since', () => {
    expect(only(notesOf([], [sid], [response(T0, [decision(jarSid)])]))).toEqual({
      key: keyOfBrowser(sid), side: 'browser', kind: 'jar-removed', time: T0,
      sentence: 'The policy accepted it, but the jar no longer holds it: cleared, deleted from the jar, or the jar was rebuilt under another policy.',
    });
  });

  it('set outside any observed response, or there before the extension watched', () => {
    const history = new Map([[identityOf(sid), { what: 'set' as const, cause: 'explicit', time: T0 }]]);
    expect(only(notesOf([], [sid], [], history))).toEqual({
      key: keyOfBrowser(sid), side: 'browser', kind: 'set-outside', time: T0,
      sentence: `It was set without a Set-Cookie header the extension saw (${T0_WORDS}): by a page’s script (document.cookie, the Cookie Store API) or an extension, an import into the browser included.`,
    });
    const removed = new Map([[identityOf(sid), { what: 'removed' as const, cause: 'explicit', time: T0 }]]);
    for (const h of [new Map<string, CookieHistory>(), removed]) {
      expect(only(notesOf([], [sid], [], h))).toEqual({
        key: keyOfBrowser(sid), side: 'browser', kind: 'before',
        sentence: 'No Set-Cookie header the extension saw set it: the browser had it before the extension was watching (from before it was installed, or from a time whose log is gone), or a script or an extension set it then.',
      });
    }
  });

  it('a cookie in both stores has no note, whichever way the jar writes its domain', () => {
    const notes = notesOf([jarSid, jarCookie('d', '.example.com')], [sid, browserCookie('d', '.example.com')], [response(T0, [decision(jarSid, { accepted: false })])]);
    expect(notes).toEqual([]);
  });
});
