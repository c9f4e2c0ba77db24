// wget 1.21's cookie file reading (src/cookies.c cookie_jar_load), on the file's bytes.
import { bytesAsLatin1 } from '../encoding';
import { byteLines } from './lines';
import type { LintRuleId } from './rules';
import { judged, verdict, type ReaderCookie, type Verdict } from './types';

const C_SPACE = /^[ \t\n\v\f\r]*/;

export function wgetRead(bytes: Uint8Array, now: number): { verdicts: (Verdict & { line: number })[] } {
  const verdicts: (Verdict & { line: number })[] = [];
  for (const { number, text: raw } of byteLines(bytesAsLatin1(bytes))) {
    const push = (v: Verdict) => verdicts.push({ line: number, ...v });
    // C strings end at the first NUL.
    const nul = raw.indexOf('\0');
    const line = (nul === -1 ? raw : raw.slice(0, nul)).replace(C_SPACE, '');
    if (line === '') { if (nul !== -1) push(verdict('dropped', ['wget/nul-byte'], 'dropped: a NUL byte ends the line before any field')); continue; }
    if (line.startsWith('#')) {
      if (line.startsWith('#HttpOnly_')) push(verdict('dropped', ['wget/httponly-line'], 'dropped: wget reads a #HttpOnly_ line as a comment'));
      continue;
    }
    // GET_WORD six times: each field non-empty and followed by a tab.
    const fields: string[] = [];
    let rest = line;
    let problem: { rules: LintRuleId[]; message: string } | null = null;
    for (let i = 0; i < 6; i++) {
      const tab = rest.indexOf('\t');
      const word = tab === -1 ? rest : rest.slice(0, tab);
      if (word === '') { problem = i === 5 ? { rules: ['wget/empty-name'], message: 'the name field is empty (a cookie without a value, as Python writes it)' } : { rules: ['wget/empty-field'], message: `field ${i + 1} is empty` }; break; }
      if (tab === -1) { problem = { rules: nul !== -1 ? ['wget/nul-byte'] : ['wget/field-count'], message: `only ${i + 1} fields${nul !== -1 ? ' before a NUL byte' : ''}` }; break; }
      fields.push(word);
      rest = rest.slice(tab + 1);
    }
    if (problem !== null) { push(verdict('dropped', problem.rules, `dropped: ${problem.message}`)); continue; }
    let value = rest;
    if (value.endsWith('\n')) value = value.slice(0, -1);
    if (value.endsWith('\r')) value = value.slice(0, -1);
    const [domainField, flag, path, secure, expiry, name] = fields as [string, string, string, string, string, string];
    const rules: LintRuleId[] = [];
    const notes: string[] = [];
    if (value.includes('\t')) { rules.push('wget/extra-fields'); notes.push('the fields after the seventh are read into the value'); }
    if (nul !== -1) { rules.push('wget/nul-byte'); notes.push('the value is cut at a NUL byte'); }
    if (secure !== 'TRUE' && secure.toUpperCase() === 'TRUE') { rules.push('wget/secure-case'); notes.push(`${JSON.stringify(secure)} is not TRUE: not Secure`); }
    const subdomains = flag === 'TRUE';
    if (!subdomains && flag.toUpperCase() === 'TRUE') { rules.push('wget/flag-case'); notes.push(`${JSON.stringify(flag)} is not TRUE: host-only`); }
    let domain = domainField;
    let port: number | null = null;
    const colon = domain.indexOf(':');
    if (colon !== -1 && /^\d*$/.test(domain.slice(colon + 1))) {
      port = Number(domain.slice(colon + 1)) || null;
      domain = domain.slice(0, colon);
      if (port !== null) { rules.push('wget/port-in-domain'); notes.push(`only sent to port ${port}`); }
    }
    const dotted = domain.startsWith('.');
    if (dotted) domain = domain.slice(1);
    if (dotted && !subdomains && flag.toUpperCase() !== 'TRUE') { rules.push('wget/flag-dot-disagree'); notes.push('the FALSE flag makes it host-only despite the dot'); }
    if (!domain.includes('.')) { rules.push('wget/tld-domain'); notes.push('never sent: wget does not look up a bare top-level domain'); }
    // sscanf("%lf"): a leading number, else the "garbled" default of now - 1.
    const scanned = /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf(inity)?|nan)/i.exec(expiry);
    const seconds = scanned === null ? now - 1 : Number(scanned[0].trim().replace(/^([+-]?)inf(inity)?$/i, '$1Infinity'));
    if (scanned === null) { push(verdict('dropped', ['wget/bad-expiry'], `dropped: the expiry ${JSON.stringify(expiry)} is not a number, so wget takes it as past`)); continue; }
    if (seconds !== 0 && !(seconds >= now)) { push(verdict('expired', rules, 'expired: wget drops it')); continue; }
    const cookie: ReaderCookie = { name, value, domain, subdomains, path, secure: secure === 'TRUE', expires: seconds === 0 ? null : Math.trunc(seconds), port, line: number };
    push(judged(rules, notes, cookie));
  }
  return { verdicts };
}

/** cookie_header's matching (wget 1.21): the host's chains (not the bare TLD), exact domains, port, path prefix. */
export function wgetSends(cookie: ReaderCookie, url: URL): boolean {
  const host = url.hostname.toLowerCase();
  const domain = cookie.domain.toLowerCase();
  const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(host);
  // find_chains_of_host: the host, then each parent domain but the last label.
  const chains = [host];
  if (!isIp) for (let h = host; h.split('.').length > 2;) { h = h.slice(h.indexOf('.') + 1); chains.push(h); }
  if (!chains.includes(domain)) return false;
  if (!cookie.subdomains && host !== domain) return false;
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  if (cookie.port !== null && cookie.port !== port) return false;
  return url.pathname.startsWith(cookie.path);
}
