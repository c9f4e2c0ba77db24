// The stored form of a jar cookie: every cookie the jar can hold comes back exactly as it was, and a
// stored value that is not exactly that form is refused with a sentence (a failed load, never a cast).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cookie } from '../jar';
import { decodeCookie, encodeCookie, type StoredCookie } from './codec';

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

/** Any cookie the jar can hold: each field independently, each of the seven flags alone or together. */
const anyCookie = fc.record({
  version: nullable(fc.integer({ min: 0, max: 2 })), name: fc.string(), value: nullable(fc.string()),
  port: nullable(fc.string()), domain: fc.string().map((d) => d.toLowerCase()), path: fc.string(),
  expires: nullable(fc.integer({ min: -1e12, max: 1e12 })), secure: fc.boolean(), domainSpecified: fc.boolean(),
  domainInitialDot: fc.boolean(), pathSpecified: fc.boolean(), portSpecified: fc.boolean(), discard: fc.boolean(), rfc2109: fc.boolean(),
  comment: nullable(fc.string()), commentUrl: nullable(fc.string()), rest: fc.array(fc.tuple(fc.string({ minLength: 1 }), nullable(fc.string())), { maxLength: 3 }),
}).map((init) => new Cookie({ ...init, portSpecified: init.portSpecified && init.port !== null, rest: [...new Map(init.rest)] }));

describe('a stored cookie', () => {
  it('comes back as the cookie it was, every field and flag', () => {
    fc.assert(fc.property(anyCookie, (cookie) => {
      const back = decodeCookie(JSON.parse(JSON.stringify(encodeCookie(cookie))));
      expect(back).toBeInstanceOf(Cookie);
      expect((back as Cookie).toJSON()).toEqual(cookie.toJSON());
    }), { numRuns: 500 });
  });

  it.each(['secure', 'domainSpecified', 'domainInitialDot', 'pathSpecified', 'portSpecified', 'discard', 'rfc2109'] as const)('keeps %s alone, and no other flag with it', (flag) => {
    const cookie = new Cookie({
      version: 0, name: 'n', value: 'v', port: '80', portSpecified: flag === 'portSpecified', domain: 'a.test',
      domainSpecified: flag === 'domainSpecified', domainInitialDot: flag === 'domainInitialDot', path: '/', pathSpecified: flag === 'pathSpecified',
      secure: flag === 'secure', expires: null, discard: flag === 'discard', comment: null, commentUrl: null, rfc2109: flag === 'rfc2109',
    });
    const back = decodeCookie(encodeCookie(cookie)) as Cookie;
    for (const other of ['secure', 'domainSpecified', 'domainInitialDot', 'pathSpecified', 'portSpecified', 'discard', 'rfc2109'] as const) {
      expect(back[other], other).toBe(other === flag);
    }
  });
});

const GOOD: StoredCookie = [0, 'sid', 'abc', null, 'a.test', '/', 1_700_000_000, 1 | 32, null, null, [['HttpOnly', null], ['SameSite', 'Lax']]];
const with_ = (index: number, value: unknown): unknown[] => GOOD.map((field, i) => (i === index ? value : field));

const REFUSED: [what: string, value: unknown, problem: string][] = [
  ['not a list', { name: 'sid' }, 'a stored cookie is not a list of 11 fields'],
  ['ten fields', GOOD.slice(0, 10), 'a stored cookie is not a list of 11 fields'],
  ['a version of 1.5', with_(0, 1.5), 'a stored cookie has a version that is not a whole number'],
  ['a version as text', with_(0, '0'), 'a stored cookie has a version that is not a whole number'],
  ['a name that is null', with_(1, null), 'a stored cookie has a name, value, port, domain or path that is not text'],
  ['a value that is a number', with_(2, 7), 'a stored cookie has a name, value, port, domain or path that is not text'],
  ['a port that is a number', with_(3, 80), 'a stored cookie has a name, value, port, domain or path that is not text'],
  ['a domain that is null', with_(4, null), 'a stored cookie has a name, value, port, domain or path that is not text'],
  ['a path that is null', with_(5, null), 'a stored cookie has a name, value, port, domain or path that is not text'],
  ['an expiry of 1.5', with_(6, 1.5), 'a stored cookie has an expiry that is not a whole number'],
  ['flags of 1.5', with_(7, 1.5), 'a stored cookie has unknown flags'],
  ['flags below 0', with_(7, -1), 'a stored cookie has unknown flags'],
  ['a flag no version has (128)', with_(7, 128), 'a stored cookie has unknown flags'],
  ['a comment that is a number', with_(8, 1), 'a stored cookie has a comment that is not text'],
  ['a comment URL that is a number', with_(9, 1), 'a stored cookie has a comment that is not text'],
  ['attributes that are no list', with_(10, {}), 'a stored cookie has malformed attributes'],
  ['an attribute that is no pair', with_(10, [['HttpOnly', null], 'SameSite']), 'a stored cookie has malformed attributes'],
  ['an attribute of three parts', with_(10, [['SameSite', 'Lax', 'x']]), 'a stored cookie has malformed attributes'],
  ['an attribute name that is not text', with_(10, [[1, null]]), 'a stored cookie has malformed attributes'],
  ['an attribute value that is a number', with_(10, [['Max-Age', 5]]), 'a stored cookie has malformed attributes'],
  ['a port flag without a port', with_(7, 16), 'a stored cookie is refused by the jar: if port is null, portSpecified must be false'],
];

describe('a stored value that is not a cookie', () => {
  it('has every case', () => { expect(REFUSED).toHaveLength(21); });
  it.each(REFUSED)('%s is refused, saying why', (_what, value, problem) => { expect(decodeCookie(value)).toBe(problem); });

  it('the good value they are made from is read, with every flag its bits say (127 is all seven)', () => {
    expect(decodeCookie(GOOD)).toBeInstanceOf(Cookie);
    const all = decodeCookie(with_(3, '80').map((field, i) => (i === 7 ? 127 : field))) as Cookie;
    expect([all.secure, all.domainSpecified, all.domainInitialDot, all.pathSpecified, all.portSpecified, all.discard, all.rfc2109]).toEqual([true, true, true, true, true, true, true]);
    const none = decodeCookie(with_(7, 0)) as Cookie;
    expect([none.secure, none.domainSpecified, none.domainInitialDot, none.pathSpecified, none.portSpecified, none.discard, none.rfc2109]).toEqual([false, false, false, false, false, false, false]);
    expect(decodeCookie(with_(0, null))).toBeInstanceOf(Cookie);
    expect(decodeCookie(with_(6, null))).toBeInstanceOf(Cookie);
  });
});
