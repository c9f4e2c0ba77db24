// The stored form of a jar cookie: a tuple, not `cookie.toJSON()` with its sixteen key names (a
// third of the bytes of an ordinary cookie), checked field by field when read back: anything that
// is not exactly this shape is refused, never cast (a failed read is a load problem, see service.ts).
import { Cookie } from '../jar';

/** [version, name, value, port, domain, path, expires, flags, comment, commentUrl, rest] */
export type StoredCookie = [
  version: number | null, name: string, value: string | null, port: string | null, domain: string, path: string,
  expires: number | null, flags: number, comment: string | null, commentUrl: string | null, rest: [string, string | null][],
];

const FLAG = { secure: 1, domainSpecified: 2, domainInitialDot: 4, pathSpecified: 8, portSpecified: 16, discard: 32, rfc2109: 64 } as const;
const ALL_FLAGS = 127;

export function encodeCookie(cookie: Cookie): StoredCookie {
  const flags = (cookie.secure ? FLAG.secure : 0) | (cookie.domainSpecified ? FLAG.domainSpecified : 0)
    | (cookie.domainInitialDot ? FLAG.domainInitialDot : 0) | (cookie.pathSpecified ? FLAG.pathSpecified : 0)
    | (cookie.portSpecified ? FLAG.portSpecified : 0) | (cookie.discard ? FLAG.discard : 0) | (cookie.rfc2109 ? FLAG.rfc2109 : 0);
  return [cookie.version, cookie.name, cookie.value, cookie.port, cookie.domain, cookie.path, cookie.expires, flags,
    cookie.comment, cookie.commentUrl, cookie.nonstandardAttrs()];
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isIntOrNull = (v: unknown): v is number | null => v === null || Number.isSafeInteger(v);

/** The cookie a stored tuple stands for, or a sentence saying why it is not one. */
export function decodeCookie(value: unknown): Cookie | string {
  if (!Array.isArray(value) || value.length !== 11) return 'a stored cookie is not a list of 11 fields';
  const [version, name, cookieValue, port, domain, path, expires, flags, comment, commentUrl, rest] = value as unknown[];
  if (!isIntOrNull(version)) return 'a stored cookie has a version that is not a whole number';
  if (!isString(name) || !isStringOrNull(cookieValue) || !isStringOrNull(port) || !isString(domain) || !isString(path)) {
    return 'a stored cookie has a name, value, port, domain or path that is not text';
  }
  if (!isIntOrNull(expires)) return 'a stored cookie has an expiry that is not a whole number';
  if (!Number.isInteger(flags) || (flags as number) < 0 || (flags as number) > ALL_FLAGS) return 'a stored cookie has unknown flags';
  if (!isStringOrNull(comment) || !isStringOrNull(commentUrl)) return 'a stored cookie has a comment that is not text';
  if (!Array.isArray(rest) || !rest.every((pair: unknown) => Array.isArray(pair) && pair.length === 2 && isString(pair[0]) && isStringOrNull(pair[1]))) {
    return 'a stored cookie has malformed attributes';
  }
  const bits = flags as number;
  const has = (flag: number) => (bits & flag) !== 0;
  try {
    return new Cookie({
      version, name, value: cookieValue, port, portSpecified: has(FLAG.portSpecified), domain, domainSpecified: has(FLAG.domainSpecified),
      domainInitialDot: has(FLAG.domainInitialDot), path, pathSpecified: has(FLAG.pathSpecified), secure: has(FLAG.secure),
      expires, discard: has(FLAG.discard), comment, commentUrl, rest: rest as [string, string | null][], rfc2109: has(FLAG.rfc2109),
    });
  } catch (error) {
    return `a stored cookie is refused by the jar: ${error instanceof Error ? error.message : String(error)}`;
  }
}
