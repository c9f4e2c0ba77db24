// curl 7.88's cookie file reading (lib/cookie.c Curl_cookie_init/Curl_cookie_add, lib/curl_get_line.c),
// one line at a time, on the file's bytes.
import { bytesAsLatin1 } from '../encoding';
import type { LintRuleId } from './rules';
import { judged, verdict, type ReaderCookie, type Verdict } from './types';

const LINE_BUFFER = 5000; // MAX_COOKIE_LINE: fgets reads at most 4,999 bytes at a time

/** The lines Curl_get_line returns, with the physical line number each started on, and those it skipped. */
function curlLines(latin1: string): { lines: { number: number; text: string }[]; skipped: { number: number; rule: LintRuleId; stopped: boolean }[] } {
  const lines: { number: number; text: string }[] = [];
  const skipped: { number: number; rule: LintRuleId; stopped: boolean }[] = [];
  let pos = 0;
  let number = 1;
  let partialStart = 0; // the line a partial read began on
  let partialRule: LintRuleId = 'curl/line-too-long';
  let partial = false;
  while (pos < latin1.length) {
    // fgets: up to LINE_BUFFER - 1 bytes, stopping after a "\n".
    const newline = latin1.indexOf('\n', pos);
    const end = Math.min(newline === -1 ? latin1.length : newline + 1, pos + LINE_BUFFER - 1);
    const chunk = latin1.slice(pos, end);
    const startNumber = number;
    if (chunk.endsWith('\n')) number++;
    pos = end;
    const eof = pos >= latin1.length && !chunk.endsWith('\n');
    const nul = chunk.indexOf('\0');
    const text = nul === -1 ? chunk : chunk.slice(0, nul); // strlen stops at NUL
    if (text.length === 0) { skipped.push({ number: startNumber, rule: 'curl/nul-byte', stopped: true }); break; }
    if (text.endsWith('\n')) {
      if (partial) { partial = false; skipped.push({ number: partialStart, rule: partialRule, stopped: false }); continue; }
      lines.push({ number: startNumber, text });
    } else if (eof) {
      if (partial) { skipped.push({ number: partialStart, rule: partialRule, stopped: false }); break; }
      if (text.length + 1 < LINE_BUFFER) lines.push({ number: startNumber, text: `${text}\n` });
      else skipped.push({ number: startNumber, rule: 'curl/line-too-long', stopped: false });
      break;
    } else if (!partial) {
      partial = true;
      partialStart = startNumber;
      partialRule = nul === -1 ? 'curl/line-too-long' : 'curl/nul-byte';
    }
  }
  return { lines, skipped };
}

const BLANK = /^[ \t]*/;

/** curlx_strtoofft: leading blanks, no sign but '+', digits, junk after them ignored; null when invalid or too large. */
function strtoofft(text: string): number | null {
  const s = text.replace(BLANK, '');
  const match = /^[\n\v\f\r ]*\+?(\d+)/.exec(s);
  if (s.startsWith('-') || /^\s/.test(s) || match === null) return null;
  const n = Number(match[1]);
  return n > Number.MAX_SAFE_INTEGER * 1024 ? null : n; // about 2^63: strtoll overflows (ERANGE)
}

interface Parsed { cookie: ReaderCookie; httpOnly: boolean; tokens: number; emptyFields: boolean; emptyName: boolean; flag: string; dotted: boolean }

/** Curl_cookie_add for a cookies.txt line (after Curl_cookie_init skipped leading blanks). */
function parseLine(raw: string, line: number): Parsed | { rules: LintRuleId[]; message: string } | 'comment' {
  let text = raw.replace(BLANK, '');
  if (/^set-cookie:/i.test(text)) return { rules: ['curl/header-line'], message: 'a Set-Cookie: line is read as a response header with no request: the cookie has no domain' };
  let httpOnly = false;
  if (text.startsWith('#HttpOnly_')) { text = text.slice(10); httpOnly = true; }
  if (text.startsWith('#')) return 'comment';
  const cr = text.indexOf('\r');
  if (cr !== -1) text = text.slice(0, cr);
  const nl = text.indexOf('\n');
  if (nl !== -1) text = text.slice(0, nl);
  const rawFields = text.split('\t');
  const tokens = rawFields.filter((t) => t !== ''); // strtok_r skips empty fields
  if (tokens.length === 0) return 'comment';
  // An empty value (the last of 7 fields) is read as meant: only empty fields before it shift the rest.
  const emptyFields = rawFields.slice(0, 6).some((f) => f === '') || (rawFields.length > 7 && rawFields.slice(6).some((f) => f === ''));
  const co = { domain: '', subdomains: false, path: '/', secure: false, expires: null as number | null, name: '', value: null as string | null };
  let fields = 0;
  let flag = '';
  let dotted = false;
  for (let i = 0; i < tokens.length; i++, fields++) {
    const ptr = tokens[i] ?? '';
    switch (fields) {
      case 0:
        dotted = ptr.startsWith('.');
        co.domain = dotted ? ptr.slice(1) : ptr;
        break;
      case 1:
        flag = ptr;
        co.subdomains = ptr.toUpperCase() === 'TRUE';
        break;
      case 2:
        if (ptr !== 'TRUE' && ptr !== 'FALSE') { co.path = ptr; break; }
        // A boolean here is the secure field of the old six-field format (no path): curl makes up "/".
        co.path = '/';
        fields++;
        co.secure = ptr.toUpperCase() === 'TRUE';
        break;
      case 3:
        co.secure = ptr.toUpperCase() === 'TRUE';
        break;
      case 4: {
        const expires = strtoofft(ptr);
        if (expires === null) return { rules: emptyFields ? ['curl/empty-field', 'curl/bad-expiry'] : ['curl/bad-expiry'], message: `the expiry field reads ${JSON.stringify(ptr)}, not a number${emptyFields ? ' (an empty field before it shifted the fields left)' : ''}` };
        co.expires = expires === 0 ? null : expires;
        break;
      }
      case 5:
        co.name = ptr;
        break;
      case 6:
        co.value = ptr;
        break;
      default:
        break;
    }
  }
  if (fields === 6) { co.value = ''; fields = 7; }
  if (fields !== 7) return { rules: ['curl/field-count'], message: `${tokens.length} non-empty fields, not 7` };
  const name = co.name.toLowerCase();
  if (name.startsWith('__secure-') && !co.secure) return { rules: ['curl/cookie-prefix'], message: 'a __Secure- cookie that is not Secure' };
  if (name.startsWith('__host-') && !(co.secure && co.path === '/' && !co.subdomains)) return { rules: ['curl/cookie-prefix'], message: 'a __Host- cookie that is not Secure, host-only and on path /' };
  return {
    cookie: { name: co.name, value: co.value ?? '', domain: co.domain, subdomains: co.subdomains, path: co.path, secure: co.secure, expires: co.expires, port: null, line },
    httpOnly, tokens: tokens.length, emptyFields, flag, dotted,
    emptyName: rawFields.length === 7 && rawFields[5] === '' && rawFields.filter((f) => f === '').length === 1,
  };
}

/** curl's reading of the file, line by line, and the cookies it keeps. */
export function curlRead(bytes: Uint8Array, now: number): { verdicts: (Verdict & { line: number })[]; stoppedAt: number | null } {
  const { lines, skipped } = curlLines(bytesAsLatin1(bytes));
  const verdicts: (Verdict & { line: number })[] = [];
  for (const s of skipped) {
    verdicts.push({ line: s.number, ...verdict('dropped', [s.rule], s.rule === 'curl/nul-byte'
      ? s.stopped ? 'a line starting with a NUL byte ends curl\'s reading: this and every later line are lost' : 'a NUL byte: curl drops this line and the next'
      : 'longer than curl\'s 5,000-byte line buffer: the whole line is dropped') });
  }
  const stoppedAt = skipped.find((s) => s.stopped)?.number ?? null;
  for (const { number, text } of lines) {
    const parsed = parseLine(text, number);
    if (parsed === 'comment') continue;
    if (!('cookie' in parsed)) { verdicts.push({ line: number, ...verdict('dropped', parsed.rules, `dropped: ${parsed.message}`) }); continue; }
    const { cookie } = parsed;
    const rules: LintRuleId[] = [];
    const notes: string[] = [];
    if (parsed.emptyName) { rules.push('curl/empty-name'); notes.push(`the empty name field is skipped: sent as ${JSON.stringify(`${cookie.name}=`)}`); }
    else if (parsed.emptyFields) { rules.push('curl/empty-field'); notes.push(`empty fields are skipped, so it reads name ${JSON.stringify(cookie.name)} and value ${JSON.stringify(cookie.value)}`); }
    if (parsed.dotted !== cookie.subdomains) { rules.push('curl/flag-dot-disagree'); notes.push(`the flag ${JSON.stringify(parsed.flag)} decides: ${cookie.subdomains ? 'sent to subdomains too' : 'host-only'}`); }
    if (cookie.expires !== null && cookie.expires < now) { verdicts.push({ line: number, ...verdict('expired', rules, 'expired: curl drops it after loading') }); continue; }
    verdicts.push({ line: number, ...judged(rules, notes, cookie) });
  }
  verdicts.sort((a, b) => a.line - b.line);
  return { verdicts, stoppedAt };
}

/** Curl_cookie_getlist's domain and path checks (curl 7.88). */
export function curlSends(cookie: ReaderCookie, url: URL): boolean {
  const host = url.hostname.toLowerCase();
  const domain = cookie.domain.toLowerCase();
  const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[');
  const domainOk = cookie.subdomains && !isIp
    ? host === domain || host.endsWith(`.${domain}`)
    : host === domain;
  if (!domainOk) return false;
  let spath = cookie.path;
  if (spath.startsWith('"')) spath = spath.slice(1);
  if (spath.endsWith('"')) spath = spath.slice(0, -1);
  if (!spath.startsWith('/')) spath = '/';
  if (spath.endsWith('/')) spath = spath.slice(0, -1);
  if (spath.length <= 1) return true;
  const path = url.pathname === '' ? '/' : url.pathname;
  if (!path.startsWith(spath)) return false;
  return path.length === spath.length || path[spath.length] === '/';
}
