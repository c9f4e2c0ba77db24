// Python 3.11's MozillaCookieJar.load(ignore_discard=True) and yt-dlp 2023.03's YoutubeDLCookieJar.load
// (its line filter, then the same MozillaCookieJar._really_load with ignore_expires=True), on the
// text Python's open() gives: UTF-8, universal newlines.
import { LWPCookieJar, LoadError } from '../../jar';
import { MAGIC } from '../netscape';
import { pyIntFloat, pyStrip, universalLines, type NumberedLine } from './lines';
import type { LintRuleId } from './rules';
import { judged, verdict, type ReaderCookie, type Verdict } from './types';

export interface PythonRead {
  verdicts: (Verdict & { line: number })[];
  refused: { rule: LintRuleId; message: string; line: number | null } | null;
}

/** Python's text-mode open(): strict UTF-8 (a BOM stays, as U+FEFF). Null when the bytes are not UTF-8. */
export function pythonText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

type Reader = 'python' | 'yt-dlp';
const rule = (reader: Reader, name: string) => `${reader}/${name}` as LintRuleId;

/** yt-dlp's prepare_line over every line: the lines it keeps, and verdicts for the ones it skips. */
function ytdlpFilter(lines: NumberedLine[], verdicts: PythonRead['verdicts']): NumberedLine[] | { rule: LintRuleId; message: string; line: number } {
  const kept: NumberedLine[] = [];
  for (const entry of lines) {
    let line = entry.text;
    if (line.startsWith('#HttpOnly_')) line = line.slice(10);
    if (line.startsWith('#') || pyStrip(line) === '') { kept.push({ number: entry.number, text: line }); continue; }
    const fields = line.split('\t');
    let problem: { rule: LintRuleId; message: string } | null = null;
    if (fields.length !== 7) problem = { rule: 'yt-dlp/field-count', message: `${fields.length} tab-separated fields, not 7` };
    else if (fields[4] !== '' && !/^\p{Nd}+$/u.test(fields[4] ?? '')) problem = { rule: 'yt-dlp/bad-expiry', message: `the expiry ${JSON.stringify(fields[4])} is not all digits` };
    if (problem === null) { kept.push({ number: entry.number, text: line }); continue; }
    if ('[{"'.includes(`${pyStrip(entry.text)} `[0] ?? ' ')) {
      return { rule: 'yt-dlp/json', message: 'a line starts like JSON: "Cookies file must be Netscape formatted, not JSON"', line: entry.number };
    }
    verdicts.push({ line: entry.number, ...verdict('dropped', [problem.rule], `skipped with a warning: ${problem.message}`) });
  }
  return kept;
}

/** MozillaCookieJar's reading (with yt-dlp's filter and session handling when reader is yt-dlp). */
export function pythonMozillaRead(bytes: Uint8Array, now: number, reader: Reader): PythonRead {
  const verdicts: PythonRead['verdicts'] = [];
  const text = pythonText(bytes);
  if (text === null) return { verdicts, refused: { rule: rule(reader, 'encoding'), message: 'the file is not UTF-8 text (UnicodeDecodeError)', line: null } };
  let lines = universalLines(text);
  // A lone CR splits a line: the same number appears twice.
  const split = new Set(lines.filter((l, i) => i > 0 && lines[i - 1]?.number === l.number).map((l) => l.number));
  if (reader === 'yt-dlp') {
    const filtered = ytdlpFilter(lines, verdicts);
    if (!Array.isArray(filtered)) return { verdicts, refused: filtered };
    lines = filtered;
    for (const v of verdicts) if (split.has(v.line)) v.rules.unshift('yt-dlp/line-break');
  }
  const first = lines[0];
  if (first === undefined || !MAGIC.test(first.text)) {
    const bom = first?.text.startsWith('\ufeff') === true || (reader === 'yt-dlp' && text.startsWith('\ufeff'));
    return {
      verdicts, refused: {
        rule: rule(reader, 'magic'), line: first?.number ?? 1,
        message: `${bom ? 'a byte order mark comes before' : 'the first line is not'} "# Netscape HTTP Cookie File": LoadError "does not look like a Netscape format cookies file"`,
      },
    };
  }
  for (const { number, text: raw } of lines.slice(1)) {
    let line = raw;
    if (line.startsWith('#HttpOnly_')) line = line.slice(10);
    const stripped = pyStrip(line);
    if (stripped.startsWith('#') || stripped.startsWith('$') || stripped === '') continue;
    const fields = line.split('\t');
    const fail = (name: string, message: string) => ({ verdicts, refused: { rule: rule(reader, name), message: `LoadError for the whole file: ${message}`, line: number } });
    if (fields.length !== 7) return fail(split.has(number) && reader === 'python' ? 'line-break' : 'field-count', split.has(number) ? 'a carriage return inside the line splits it (universal newlines)' : `${fields.length} tab-separated fields, not 7`);
    const [domain, flag, path, secureField, expiry, nameField, valueField] = fields as [string, string, string, string, string, string, string];
    const domainSpecified = flag === 'TRUE';
    if (domainSpecified !== domain.startsWith('.')) {
      return fail('flag-dot-disagree', `the flag ${JSON.stringify(flag)} ${domainSpecified ? 'says' : 'does not say'} TRUE but the domain ${domain.startsWith('.') ? 'starts' : 'does not start'} with a dot`);
    }
    let expires: number | null = null;
    if (expiry !== '') {
      expires = pyIntFloat(expiry);
      if (expires === null) return fail('bad-expiry', `the expiry ${JSON.stringify(expiry)} is not a number float() reads`);
    }
    const [name, value] = nameField === '' ? [valueField, null] : [nameField, valueField];
    const rules: LintRuleId[] = [];
    const notes: string[] = [];
    if (secureField !== 'TRUE' && secureField.toUpperCase() === 'TRUE') { rules.push(rule(reader, 'secure-case')); notes.push(`${JSON.stringify(secureField)} is not TRUE: not Secure`); }
    if (!domainSpecified) { rules.push(rule(reader, 'host-only')); notes.push('host-only, but also sent to subdomains'); }
    const cookie: ReaderCookie = { name, value, domain: domain.toLowerCase(), subdomains: domainSpecified, path, secure: secureField === 'TRUE', expires, port: null, line: number };
    if (reader === 'yt-dlp' && expires === 0) cookie.expires = null; // yt-dlp: expiry 0 is a session cookie
    if (reader === 'python' && expires === 0) { verdicts.push({ line: number, ...verdict('dropped', ['python/expiry-zero'], 'dropped: expiry 0 is 1970 to Python (curl, wget and yt-dlp mean a session cookie)') }); continue; }
    if (cookie.expires !== null && cookie.expires <= now) { verdicts.push({ line: number, ...verdict('expired', rules, 'expired: never sent') }); continue; }
    if (reader === 'python' && expiry === '') { rules.push('python/session-discard'); notes.push('a session cookie: read by load(ignore_discard=True) only'); }
    verdicts.push({ line: number, ...judged(rules, notes, cookie) });
  }
  return { verdicts, refused: null };
}

/** LWPCookieJar.load(ignore_discard=True): src/jar's LWPCookieJar is Python's, line for line. */
export function pythonLwpRead(bytes: Uint8Array, now: number): PythonRead {
  const verdicts: PythonRead['verdicts'] = [];
  const text = pythonText(bytes);
  if (text === null) return { verdicts, refused: { rule: 'python/encoding', message: 'the file is not UTF-8 text (UnicodeDecodeError)', line: null } };
  const jar = new LWPCookieJar(null, { now: () => now });
  try {
    jar.loadText(text.replace(/\r\n?/g, '\n'), { ignoreDiscard: true });
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    return { verdicts, refused: { rule: 'python/lwp-error', message: `LoadError for the whole file: ${error.message}`, line: error.lineNumber ?? null } };
  }
  // The whole file loads: read each Set-Cookie3 line alone, to number the cookies by their lines.
  const magic = text.slice(0, text.search(/\r|\n|$/));
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (!line.startsWith('Set-Cookie3:')) return;
    const one = new LWPCookieJar(null, { now: () => now });
    one.loadText(`${magic}\n${line}\n`, { ignoreDiscard: true });
    for (const c of one) {
      const cookie: ReaderCookie = { name: c.name, value: c.value, domain: c.domain, subdomains: c.domainSpecified, path: c.path, secure: c.secure, expires: c.expires, port: null, line: i + 1 };
      verdicts.push({ line: i + 1, ...verdict('read', [], 'read', cookie) });
    }
  });
  return { verdicts, refused: null };
}
