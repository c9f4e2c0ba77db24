// lint: what one reader (curl, wget, yt-dlp, Python, Perl) does with each line of a cookie file,
// by simulating its loader line for line (rules.ts names each behaviour and its source), and
// which of the cookies it keeps it would send to a URL.
import { Cookie, CookieJar, CookieRequest, DefaultCookiePolicy } from '../../jar';
import { detectFormat } from '../detect';
import { decodeText } from '../encoding';
import { readJsonCookies } from '../json';
import { readCookiesTxt } from '../netscape';
import { curlRead, curlSends } from './curl';
import { perlLwpRead, perlNetscapeRead, perlSends } from './perl';
import { pythonLwpRead, pythonMozillaRead } from './python';
import type { Reader } from './rules';
import type { LineVerdict, LintReport, ReaderCookie } from './types';
import { wgetRead, wgetSends } from './wget';

export { LINT_RULES, READERS, type LintRule, type LintRuleId, type Outcome, type Reader } from './rules';
export type { LineVerdict, LintReport, ReaderCookie } from './types';

/** The key under which a reader replaces a cookie with a later one of the same identity. */
function identity(reader: Reader, c: ReaderCookie): string {
  switch (reader) {
    case 'curl': return [c.name.toLowerCase(), c.domain.toLowerCase(), c.subdomains, c.path.toLowerCase()].join('\0');
    case 'wget': return [c.domain.toLowerCase(), c.port, c.path, c.name].join('\0');
    default: return [c.domain, c.path, c.name].join('\0');
  }
}

/** How many cookies the file means to hold (for a refused file, all of them are lost). */
function intended(text: string, format: LintReport['format']): number {
  try {
    if (format === 'json') return readJsonCookies(text).cookies.length;
  } catch { return 0; }
  if (format === 'lwp') return text.split(/\r\n|\n|\r/).filter((l) => l.startsWith('Set-Cookie3:')).length;
  if (format === 'header') return text.split(';').filter((p) => p.includes('=')).length;
  return readCookiesTxt(text).cookies.length;
}

/**
 * What `reader` does with the file `bytes` at `now` (seconds): per line, read, misread, dropped
 * or expired, with the rules and a message; or the whole file refused; and the cookies it keeps.
 */
export function lintCookieFile(bytes: Uint8Array, reader: Reader, now: number): LintReport {
  const decoded = decodeText(bytes);
  const format = detectFormat(decoded.text).format;
  let verdicts: LineVerdict[];
  let refused: LintReport['refused'] = null;
  if (reader === 'curl') verdicts = curlRead(bytes, now).verdicts;
  else if (reader === 'wget') verdicts = wgetRead(bytes, now).verdicts;
  else {
    const read = reader === 'perl'
      ? (format === 'lwp' ? perlLwpRead(bytes, now) : perlNetscapeRead(bytes, now))
      : reader === 'python' && format === 'lwp' ? pythonLwpRead(bytes, now) : pythonMozillaRead(bytes, now, reader);
    verdicts = read.verdicts;
    refused = read.refused;
  }
  const readsLwp = reader === 'python' || reader === 'perl';
  if (refused === null && (format === 'json' || format === 'header' || (format === 'lwp' && !readsLwp))) {
    refused = { rule: 'format/not-cookies-txt', line: null, message: `this is ${format === 'json' ? 'cookie JSON' : format === 'lwp' ? 'an LWP file' : 'a Cookie header'}, not cookies.txt: ${reader} reads no cookie from it (convert it with --to mozilla --for ${reader})` };
  }
  if (refused !== null) {
    return { reader, format, encoding: decoded.encoding, bom: decoded.bom, refused, lines: [], cookies: [], problems: Math.max(1, intended(decoded.text, format)) };
  }
  verdicts.sort((a, b) => a.line - b.line);
  const kept = new Map<string, ReaderCookie>();
  for (const v of verdicts) if (v.cookie !== null) kept.set(identity(reader, v.cookie), v.cookie);
  const problems = verdicts.filter((v) => v.outcome === 'dropped' || v.outcome === 'misread').length;
  return { reader, format, encoding: decoded.encoding, bom: decoded.bom, refused: null, lines: verdicts, cookies: [...kept.values()], problems };
}

/** The Cookie header pairs (`name=value`, or the bare name of a Python value-less cookie) `reader` sends to `url`. */
export function readerSends(reader: Reader, cookies: readonly ReaderCookie[], url: string, now: number): string[] {
  const target = new URL(url);
  const https = target.protocol === 'https:';
  if (reader === 'python' || reader === 'yt-dlp') {
    const jar = new CookieJar(new DefaultCookiePolicy(), { now: () => now });
    for (const c of cookies) {
      jar.setCookie(new Cookie({
        version: 0, name: c.name, value: c.value, port: null, portSpecified: false, domain: c.domain, domainSpecified: c.subdomains,
        domainInitialDot: c.domain.startsWith('.'), path: c.path, pathSpecified: false, secure: c.secure, expires: c.expires,
        discard: c.expires === null, comment: null, commentUrl: null,
      }));
    }
    const request = new CookieRequest(url);
    jar.addCookieHeader(request);
    const header = request.getHeader('Cookie');
    return header === undefined ? [] : header.split('; ');
  }
  const live = (c: ReaderCookie) => (!c.secure || https) && (c.expires === null || (reader === 'curl' ? c.expires >= now : c.expires > now));
  const sends = reader === 'curl' ? curlSends : reader === 'wget' ? wgetSends : perlSends;
  return cookies.filter((c) => live(c) && sends(c, target)).map((c) => `${c.name}=${c.value ?? ''}`);
}
