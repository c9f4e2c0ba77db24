// Perl's HTTP::Cookies 6.10: HTTP::Cookies::Netscape->load for cookies.txt, HTTP::Cookies->load for
// LWP files, on the file's bytes (Perl reads bytes: no decoding, "\n" ends a line).
import { iso2time, splitHeaderWords } from '../../jar';
import { bytesAsLatin1 } from '../encoding';
import { byteLines } from './lines';
import type { LintRuleId } from './rules';
import { judged, verdict, type ReaderCookie, type Verdict } from './types';

export interface PerlRead {
  verdicts: (Verdict & { line: number })[];
  refused: { rule: LintRuleId; message: string; line: number | null } | null;
}

/** Perl's numeric value of a string: a leading decimal number (after whitespace), else 0. */
function perlNumber(text: string): number {
  const match = /^\s*([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|[+-]?inf(inity)?|[+-]?nan)/i.exec(text);
  if (match === null) return 0;
  const s = match[0].trim().toLowerCase();
  if (s.includes('nan')) return Number.NaN;
  if (s.includes('inf')) return s.startsWith('-') ? -Infinity : Infinity;
  return Number(s);
}

export function perlNetscapeRead(bytes: Uint8Array, now: number): PerlRead {
  const verdicts: PerlRead['verdicts'] = [];
  const lines = byteLines(bytesAsLatin1(bytes));
  const first = lines[0]?.text ?? '';
  if (!/^#(?: Netscape)? HTTP Cookie File/.test(first)) {
    return { verdicts, refused: { rule: 'perl/magic', line: 1, message: `${first.startsWith('\xef\xbb\xbf') ? 'a byte order mark comes before' : 'the first line is not'} "# Netscape HTTP Cookie File": Perl warns "does not look like a netscape cookies file" and loads nothing` } };
  }
  for (const { number, text: raw } of lines.slice(1)) {
    let line = raw.replace(/\s*#HttpOnly_/, '');
    if (/^\s*#/.test(line) || /^\s*$/.test(line)) continue;
    line = line.replace(/[\n\r]/g, '');
    const push = (v: Verdict) => verdicts.push({ line: number, ...v });
    const fields = line.split('\t');
    while (fields.length > 0 && fields.at(-1) === '') fields.pop(); // Perl's split drops trailing empty fields
    const [domain = '', , path, secureField = '', expiry = '', key, val] = fields;
    if (path === undefined || !path.startsWith('/') || key === undefined || key.startsWith('$')) {
      push(verdict('dropped', ['perl/field-count'], `dropped: ${key === undefined ? `${fields.length} fields, no name` : key.startsWith('$') ? 'a name starting with $' : 'the path does not start with "/"'}`));
      continue;
    }
    const seconds = perlNumber(expiry);
    if (!(seconds - now > 0)) {
      const session = expiry === '' || expiry === '0';
      const number = /^\s*[+-]?(\d|\.\d|inf|nan)/i.test(expiry);
      if (session) push(verdict('dropped', ['perl/session'], 'dropped: a session cookie (expiry 0 or empty) has no time left for Perl; give Perl an LWP file'));
      else if (!number) push(verdict('dropped', ['perl/bad-expiry'], `dropped: the expiry ${JSON.stringify(expiry)} is not a number`));
      else push(verdict('expired', [], 'expired: dropped at load'));
      continue;
    }
    const rules: LintRuleId[] = [];
    const notes: string[] = [];
    if (fields.length > 7) { rules.push('perl/extra-fields'); notes.push('the value is cut at its first tab'); }
    if (secureField !== 'TRUE' && secureField.toUpperCase() === 'TRUE') { rules.push('perl/secure-case'); notes.push(`${JSON.stringify(secureField)} is not TRUE: not Secure`); }
    if (!domain.startsWith('.')) { rules.push('perl/host-only'); notes.push('also sent to subdomains'); }
    else { rules.push('perl/dotted-host'); notes.push(`not sent to ${domain.slice(1)} itself`); }
    if (domain !== domain.toLowerCase()) { rules.push('perl/domain-case'); notes.push('never sent: the domain has capitals'); }
    if (key === '') { rules.push('perl/empty-name'); notes.push(`sent as "=${val ?? ''}"`); }
    const cookie: ReaderCookie = { name: key, value: val ?? '', domain, subdomains: domain.startsWith('.'), path, secure: secureField === 'TRUE', expires: Number.isFinite(seconds) ? Math.trunc(seconds) : null, port: null, line: number };
    push(judged(rules, notes, cookie));
  }
  return { verdicts, refused: null };
}

export function perlLwpRead(bytes: Uint8Array, now: number): PerlRead {
  const verdicts: PerlRead['verdicts'] = [];
  const lines = byteLines(bytesAsLatin1(bytes));
  const first = (lines[0]?.text ?? '').replace(/\n$/, '');
  if (!/^#LWP-Cookies-\d+\.\d+/.test(first)) {
    return { verdicts, refused: { rule: 'perl/magic', line: 1, message: 'the first line is not "#LWP-Cookies-2.0": Perl warns "does not seem to contain cookies" and loads nothing' } };
  }
  for (const { number, text } of lines.slice(1)) {
    const match = /^Set-Cookie3:\s*/.exec(text);
    if (match === null) {
      if (text.trim() !== '' && !text.startsWith('#')) verdicts.push({ line: number, ...verdict('dropped', ['perl/lwp-line'], 'dropped: not a Set-Cookie3 line') });
      continue;
    }
    for (const words of splitHeaderWords([text.slice(match[0].length)])) {
      const [[key, val] = ['', null], ...attrs] = words;
      const attr = new Map(attrs.map(([k, v]) => [k, v]));
      const domain = attr.get('domain') ?? '';
      const path = attr.get('path') ?? '';
      const expiresText = attr.get('expires');
      const expires = expiresText === undefined || expiresText === null ? null : iso2time(expiresText);
      if (expires !== null && expires < now) { verdicts.push({ line: number, ...verdict('expired', [], 'expired: never sent') }); continue; }
      const cookie: ReaderCookie = { name: key, value: val ?? '', domain, subdomains: domain.startsWith('.'), path, secure: attr.has('secure'), expires, port: null, line: number };
      const dotted = domain.startsWith('.');
      verdicts.push({ line: number, ...judged([dotted ? 'perl/dotted-host' : 'perl/host-only'], [dotted ? `not sent to ${domain.slice(1)} itself` : 'also sent to subdomains'], cookie) });
    }
  }
  return { verdicts, refused: null };
}

/** add_cookie_header's walk: the host, then alternately dropping a label and a leading dot. */
export function perlSends(cookie: ReaderCookie, url: URL): boolean {
  let host = url.hostname.toLowerCase();
  if (!host.includes('.')) host = `${host}.local`;
  let found = false;
  for (let domain = host; domain.includes('.');) {
    if (domain === cookie.domain) { found = true; break; }
    domain = domain.startsWith('.') ? domain.replace(/^\.+/, '') : domain.replace(/^[^.]*/, '');
  }
  return found && url.pathname.startsWith(cookie.path);
}
