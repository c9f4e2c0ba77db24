import { describe, expect, it } from 'vitest';
import {
  CookieRequest, domainMatch, effRequestHost, escapePath, isHdn, isThirdParty, liberalIsHdn, parsePythonInt, reach, requestHost,
  requestPath, requestPort, urlparse, urlsplit, userDomainMatch,
} from './request';
import vectors from './core-vectors/request.json';

// Expected values: recorded from python3.11 (http.cookiejar, urllib) by core-vectors/generate.py.
type Outcome<T> = { value: T } | { error: string };

interface UrlCase {
  url: string;
  hostHeader?: string;
  urlsplit: Outcome<string[]>;
  urlparse: Outcome<string[]>;
  request: Outcome<{
    fullUrl: string; type: string; host: string | null; selector: string; fragment: string | null; originReqHost: string;
    requestHost: string; effRequestHost: [string, string]; requestPath: Outcome<string>; requestPort: Outcome<string | null>;
  }>;
}

function outcome<T>(run: () => T): Outcome<T> {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof Error && error.name === 'CookieValueError') return { error: 'ValueError' };
    if (error instanceof TypeError) return { error: 'AttributeError' };
    throw error;
  }
}

const urlCases = vectors.urls as UrlCase[];
const helpers = vectors.helpers;
const label = (value: unknown) => JSON.stringify(value).slice(0, 70);

describe('urllib.parse as Python 3.11 has it', () => {
  it('has the URL vectors recorded from python3 (an empty or cut file fails)', () => {
    expect(urlCases).toHaveLength(62);
  });
  it.each(urlCases.map((c) => [label(c.url), c] as const))('urlsplit/urlparse(%s)', (_, c) => {
    expect(outcome(() => { const u = urlsplit(c.url); return [u.scheme, u.netloc, u.path, u.query, u.fragment]; })).toEqual(c.urlsplit);
    const parsed = outcome(() => urlparse(c.url));
    const expected = c.urlparse;
    if ('value' in parsed) {
      const { scheme, netloc, path, params, query, fragment } = parsed.value;
      expect({ value: [scheme, netloc, path, params, query, fragment] }).toEqual(expected);
    } else {
      expect(parsed).toEqual(expected);
    }
  });
});

describe('CookieRequest and the request helpers agree with Python', () => {
  it.each(urlCases.map((c) => [label(c.url), c] as const))('Request(%s)', (_, c) => {
    const made = outcome(() => new CookieRequest(c.url, c.hostHeader === undefined ? {} : { headers: { Host: c.hostHeader } }));
    if ('error' in c.request) {
      expect(made).toEqual(c.request);
      return;
    }
    if (!('value' in made)) throw new Error(`CookieRequest threw for ${c.url}`);
    const request = made.value;
    const expected = c.request.value;
    expect({
      fullUrl: request.url, type: request.type, host: request.host, selector: request.selector, fragment: request.fragment,
      originReqHost: request.originReqHost, requestHost: requestHost(request), effRequestHost: effRequestHost(request),
      requestPath: outcome(() => requestPath(request)), requestPort: outcome(() => requestPort(request)),
    }).toEqual(expected);
  });

  it('reads headers case-insensitively and keeps the Cookie header apart', () => {
    const request = new CookieRequest('http://www.acme.com/', { headers: { 'x-Custom': '1' } });
    expect(request.getHeader('X-CUSTOM')).toBe('1');
    expect(request.hasHeader('cookie')).toBe(false);
    request.addUnredirectedHeader('cookie', 'a=b');
    expect(request.getHeader('Cookie')).toBe('a=b');
    expect(request.hasHeader('COOKIE')).toBe(true);
    expect(request.headerItems()).toEqual([['Cookie', 'a=b'], ['X-custom', '1']]);
  });

  it('defaults originReqHost to the request host, lower-cased, without port', () => {
    expect(new CookieRequest('http://WWW.Acme.com:8080/x').originReqHost).toBe('www.acme.com');
    expect(new CookieRequest('http://a.com/', { originReqHost: 'b.com', unverifiable: true })).toMatchObject({ originReqHost: 'b.com', unverifiable: true });
  });
});

describe('domain helpers agree with Python', () => {
  it('has the helper vectors recorded from python3', () => {
    expect(Object.fromEntries(Object.entries(helpers).map(([name, list]) => [name, (list as unknown[]).length]))).toEqual({
      isHdn: 36, liberalIsHdn: 36, reach: 36, escapePath: 13, isThirdParty: 56, domainMatch: 700, userDomainMatch: 700,
    });
  });
  it.each(helpers.isHdn as [string, boolean][])('isHdn(%j) is %s', (host, expected) => {
    expect(isHdn(host)).toBe(expected);
  });
  it.each(helpers.liberalIsHdn as [string, boolean][])('liberalIsHdn(%j) is %s', (host, expected) => {
    expect(liberalIsHdn(host)).toBe(expected);
  });
  it.each(helpers.reach as [string, string][])('reach(%j) is %j', (host, expected) => {
    expect(reach(host)).toBe(expected);
  });
  it('domainMatch and userDomainMatch, for 700 pairs', () => {
    const got = (helpers.domainMatch as [string, string, boolean][]).map(([a, b]) => [a, b, domainMatch(a, b)]);
    expect(got).toEqual(helpers.domainMatch);
    const gotUser = (helpers.userDomainMatch as [string, string, boolean][]).map(([a, b]) => [a, b, userDomainMatch(a, b)]);
    expect(gotUser).toEqual(helpers.userDomainMatch);
  });
  it.each(helpers.escapePath as [string, Outcome<string>][])('escapePath(%j)', (path, expected) => {
    expect(outcome(() => escapePath(path))).toEqual(expected);
  });
  it.each(helpers.isThirdParty as [string, string, boolean][])('isThirdParty(%s from %s) is %s', (url, origin, expected) => {
    expect(isThirdParty(new CookieRequest(url, { originReqHost: origin }))).toBe(expected);
  });
});

describe("parsePythonInt is Python's int()", () => {
  // From python3: int(s) for each, None where it raises ValueError.
  it('escapePath refuses a lone surrogate, as quote() raises UnicodeEncodeError', () => {
    expect(() => escapePath('/\udcff')).toThrow(expect.objectContaining({ name: 'CookieValueError' }) as Error);
  });
  it.each([
    [' 1 ', 1n], ['\x1c1', null], ['1\x85', 1n], ['+1_0', 10n], ['\xa01\u3000', 1n], ['\u20281', 1n], ['٣', 3n], ['1__0', null],
    ['_1', null], ['1_', null], ['-0', 0n], ['+ 1', null], ['\x0b1\x0c', 1n], ['', null], ['1.5', null], ['0x10', null],
    ['１２', 12n], ['99999999999999999999', 99999999999999999999n], ['1'.repeat(4301), null], [`${'1_'.repeat(4300)}1`, null],
  ] as [string, bigint | null][])('int(%j)', (text, expected) => {
    expect(parsePythonInt(text)).toBe(expected);
  });
});
