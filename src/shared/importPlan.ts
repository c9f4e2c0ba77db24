// Import of a cookie text (cookies.txt in any dialect, LWP, Cookie-Editor / EditThisCookie JSON,
// a Cookie header for a URL) into the browser's store or the jar, planned: read by src/formats,
// each cookie judged (for the browser, the browser model: would it be stored, and why not; what it
// replaces). Pure: the service worker applies the plan (src/background/browserActions.ts), the
// popup's mock plans with it too.
import { printParseErrorCode, visit } from 'jsonc-parser';
import { registrableDomain } from '../browser-model';
import { detectFormat, fieldsOf, readCookieFile, CookieFileError, type CookieFields } from '../formats';
import type { Cookie } from '../jar';
import { identityKey, jarIdentity } from './cookieIdentity';
import { asStored, checkWrite, inputIdentity, inputOf } from './cookieWrite';
import type { BrowserCookie, BrowserCookieInput, CookieFileFormat, CookieJSON, ImportAction, ImportPreview, ImportPreviewRow, ImportRequest, ImportResult, SameSiteStatus } from './protocol';
import { plural } from './words';

/** The text is not a cookie file, or holds no cookie to import: nothing was changed. */
export class ImportError extends Error {
  override name = 'ImportError' as const;
  constructor(message: string, readonly lineNumber?: number) { super(message); }
}

const LWP_HEADER = '#LWP-Cookies-2.0';
const FORMAT_NAMES: Record<CookieFileFormat, string> = { mozilla: 'cookies.txt', lwp: 'LWP', json: 'JSON', header: 'a Cookie header' };
const FORMAT_NAMES_A: Record<CookieFileFormat, string> = { mozilla: 'a cookies.txt file', lwp: 'an LWP file', json: 'cookie JSON', header: 'a Cookie header' };
const MAGIC = /^#\s*(Netscape )?HTTP Cookie File/i;
/** jsonc-parser's error codes in words. */
const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'a character that JSON does not allow here', InvalidNumberFormat: 'a malformed number', PropertyNameExpected: 'a property name expected',
  ValueExpected: 'a value expected', ColonExpected: 'a ":" expected', CommaExpected: 'a "," expected', CloseBraceExpected: 'a "}" expected',
  CloseBracketExpected: 'a "]" expected', EndOfFileExpected: 'text after the end of the JSON', InvalidCommentToken: 'a comment (JSON has none)',
  UnexpectedEndOfComment: 'an unfinished comment', UnexpectedEndOfString: 'an unfinished string', UnexpectedEndOfNumber: 'an unfinished number',
  InvalidUnicode: 'a malformed \\u escape', InvalidEscapeCharacter: 'a malformed escape', InvalidCharacter: 'a control character inside a string',
};
const SAME_SITE: Record<string, SameSiteStatus> = { none: 'no_restriction', lax: 'lax', strict: 'strict' };


function formatDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** A cookie of a file as the browser's store takes it (a value-less cookie as browsers keep it: an empty name). */
export function toBrowserInput(fields: CookieFields): { input: BrowserCookieInput; unknownSameSite: boolean } {
  const sameSite = fields.sameSite === null ? 'unspecified' : SAME_SITE[fields.sameSite.toLowerCase()];
  return {
    input: {
      name: fields.value === null ? '' : fields.name, value: fields.value ?? fields.name,
      domain: fields.hostOnly ? fields.domain : `.${fields.domain}`, hostOnly: fields.hostOnly, path: fields.path,
      secure: fields.secure, httpOnly: fields.httpOnly, sameSite: sameSite ?? 'unspecified',
      ...(fields.expires === null ? {} : { expirationDate: fields.expires }),
    },
    unknownSameSite: sameSite === undefined,
  };
}

/** The first line of a JSON text that does not parse (JSON.parse's message gives no position in every engine). */
function jsonErrorLine(text: string): { line: number; what: string } | undefined {
  let found: { line: number; what: string } | undefined;
  visit(text, {
    onError: (error, _offset, _length, startLine) => { found ??= { line: startLine + 1, what: printParseErrorCode(error) }; },
  }, { disallowComments: true, allowTrailingComma: false });
  return found;
}

interface ReadCookies { format: ImportPreview['format']; formatReason: string; cookies: Cookie[]; problems: ImportPreview['problems']; warnings: string[] }

/** Reads the text in its format (detected unless given), never naming a file it does not have. */
export function readImport(request: Pick<ImportRequest, 'text' | 'format' | 'url'>): ReadCookies {
  const warnings: string[] = [];
  let text = request.text.replace(/^\uFEFF/, '');
  // An LWP file without its header line (pasted from the middle of one): read as if it had it.
  let shift = 0;
  if ((request.format === 'lwp' || request.format === undefined) && !text.trimStart().startsWith('#LWP-Cookies-') && /^Set-Cookie3:/m.test(text) && !/^\s*[[{]/.test(text)) {
    text = `${LWP_HEADER}\n${text}`;
    shift = 1;
    warnings.push(`The text has no "${LWP_HEADER}" line: it is read as an LWP file all the same (Python's LWPCookieJar and Perl would refuse it).`);
  }
  // The text says what it is: a choice that contradicts it is a slip (an LWP file pasted with cookies.txt chosen).
  let format = request.format;
  const detected = detectFormat(text);
  if (format !== undefined && detected.format !== null && detected.format !== format) {
    warnings.push(`You chose ${FORMAT_NAMES[format]}, but the text is ${FORMAT_NAMES_A[detected.format]} (it ${detected.reason}): read as ${FORMAT_NAMES[detected.format]}.`);
    format = detected.format;
  }
  let read;
  try {
    read = readCookieFile(new TextEncoder().encode(text), { format, url: request.url });
  } catch (error) {
    if (error instanceof CookieFileError) {
      if (format === 'json' || (format === undefined && detected.format === 'json')) {
        const at = jsonErrorLine(text);
        if (at !== undefined) throw new ImportError(`Not valid JSON: line ${at.line}: ${JSON_ERRORS[at.what] ?? at.what}.`, at.line);
      }
      const line = error.lineNumber === undefined ? undefined : error.lineNumber - shift;
      throw new ImportError(shift === 0 ? error.message : error.message.replace(/line (\d+)/, (_, n: string) => `line ${Number(n) - shift}`), line);
    }
    throw error;
  }
  if (read.format === 'mozilla' && !MAGIC.test(text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '')) {
    warnings.push('The text has no "# Netscape HTTP Cookie File" line: it is read as curl reads it (Python\'s MozillaCookieJar and yt-dlp would refuse the file).');
  }
  const formatReason = request.format !== undefined && format === request.format ? 'chosen' : `detected: the text ${detected.reason}`;
  return { format: read.format, formatReason, cookies: read.cookies, problems: read.problems.map((p) => ({ line: p.line - shift, message: p.message })), warnings };
}

/** What each cookie of the text would do, and the plan that does it: per identity, the cookie before and after. */
export interface ImportPlan {
  preview: ImportPreview;
  browserSteps: { before: BrowserCookie | null; after: BrowserCookieInput }[];
  jarSteps: { before: CookieJSON | null; after: CookieJSON }[];
}

/** What the target holds now, by identity key (src/shared/cookieIdentity.ts). */
export interface ImportTargets {
  browser: () => Promise<Map<string, BrowserCookie>>;
  jar: () => Map<string, CookieJSON[]>;
}

/** The jar's identity key of a jar cookie. */
function jarKey(cookie: CookieJSON): string {
  return identityKey(jarIdentity(cookie));
}

/** One row per cookie, in the text's order; a cookie named twice counts once (the later line wins). */
export async function planImport(request: ImportRequest, options: { targets: ImportTargets; nowMs: number }): Promise<ImportPlan> {
  const read = readImport(request);
  const warnings = [...read.warnings];
  const entries = read.cookies.map((cookie) => ({ cookie, ...toBrowserInput(fieldsOf(cookie)) }));
  const unknown = entries.filter((e) => e.unknownSameSite);
  if (unknown.length > 0) warnings.push(`${plural(unknown.length, 'cookie has', 'cookies have')} a SameSite value the browser does not know (${[...new Set(unknown.map((e) => JSON.stringify(fieldsOf(e.cookie).sameSite)))].slice(0, 3).join(', ')}): imported without SameSite.`);
  // The later of two cookies of one identity wins, as it would when the lines are applied in order.
  const byKey = new Map<string, (typeof entries)[number]>();
  for (const entry of entries) byKey.set(identityKey(inputIdentity(entry.input)), entry);
  if (byKey.size < entries.length) warnings.push(`${plural(entries.length - byKey.size, 'cookie appears', 'cookies appear')} twice in the text: the later line is imported.`);

  const nowSeconds = options.nowMs / 1000;
  const browserIndex = request.target === 'browser' ? await options.targets.browser() : new Map<string, BrowserCookie>();
  const jarIndex = request.target === 'jar' ? options.targets.jar() : new Map<string, CookieJSON[]>();
  const rows: ImportPreviewRow[] = [];
  const browserSteps: ImportPlan['browserSteps'] = [];
  const jarSteps: ImportPlan['jarSteps'] = [];
  for (const [key, { cookie, input }] of byKey) {
    const row = (action: ImportAction, sentence: string, reasons: string[] = []): void => { rows.push({ cookie: input, action, reasons, sentence }); };
    if (input.expirationDate !== undefined && input.expirationDate <= nowSeconds) {
      row('expired', `Expired on ${formatDate(input.expirationDate)}: left out (importing it would delete the cookie of that name).`);
      continue;
    }
    if (request.target === 'browser') {
      const asked = checkWrite(input, browserIndex.get(key) ?? null, options.nowMs);
      if (!asked.ok) { row('refused', asked.sentence, asked.reasons); continue; }
      // Keyed as the browser will key it (an IP Domain makes a host-only cookie).
      const stored = asStored(input, asked);
      const existing = browserIndex.get(identityKey(inputIdentity(stored))) ?? null;
      const check = stored === input ? asked : checkWrite(stored, existing, options.nowMs);
      // What the first check said of the cookie as asked (a Domain that becomes host-only) and what
      // the second says of it as stored, each said once.
      const notes = [...new Set([...asked.notes, ...check.notes])];
      const note = notes.length > 0 ? ` ${notes.join(' ')}` : '';
      if (existing === null) { row('add', `New in the browser's store.${note}`); browserSteps.push({ before: null, after: stored }); continue; }
      if (sameAs(inputOf(existing), stored)) { row('same', 'The browser already holds it as it is.'); continue; }
      row('replace', `Replaces the browser's cookie ${describeChange(inputOf(existing), stored)}.${note}`);
      browserSteps.push({ before: existing, after: stored });
    } else {
      const json = cookie.toJSON();
      const existing = jarIndex.get(jarKey(json))?.[0] ?? null;
      if (existing === null) { row('add', 'New in the jar.'); jarSteps.push({ before: null, after: json }); continue; }
      if (JSON.stringify(existing) === JSON.stringify(json)) { row('same', 'The jar already holds it as it is.'); continue; }
      row('replace', 'Replaces the jar\'s cookie of that name, domain and path.');
      jarSteps.push({ before: existing, after: json });
    }
  }
  const counts: Record<ImportAction, number> = { add: 0, replace: 0, same: 0, refused: 0, expired: 0 };
  for (const row of rows) counts[row.action]++;
  if (request.target === 'browser') warnings.push(...overLimit(browserIndex, browserSteps));
  return { preview: { format: read.format, formatReason: read.formatReason, rows, problems: read.problems, warnings, counts }, browserSteps, jarSteps };
}

/** Chromium keeps at most 180 unpartitioned cookies per site (kDomainMaxCookies); beyond, it evicts the least recently used. */
const PER_SITE_LIMIT = 180;

function siteOfHost(domain: string): string {
  const host = domain.replace(/^\./, '').toLowerCase();
  return registrableDomain(host) || host;
}

/** The sites an import would take past the browser's per-site limit, one warning each. */
function overLimit(existing: Map<string, BrowserCookie>, steps: ImportPlan['browserSteps']): string[] {
  const count = new Map<string, number>();
  for (const cookie of existing.values()) if (cookie.partitionKey?.topLevelSite === undefined) count.set(siteOfHost(cookie.domain), (count.get(siteOfHost(cookie.domain)) ?? 0) + 1);
  const added = new Map<string, number>();
  for (const step of steps) if (step.before === null && step.after.partitionKey === undefined) added.set(siteOfHost(step.after.domain), (added.get(siteOfHost(step.after.domain)) ?? 0) + 1);
  return [...added].filter(([site, n]) => (count.get(site) ?? 0) + n > PER_SITE_LIMIT).map(([site, n]) => (
    `${plural(n, 'new cookie')} of ${site} would make ${((count.get(site) ?? 0) + n).toLocaleString('en')}, over the ${PER_SITE_LIMIT} a browser keeps per site: it would evict the oldest, so the import would be undone and change nothing. Import fewer cookies of ${site}.`
  ));
}

function sameAs(a: BrowserCookieInput, b: BrowserCookieInput): boolean {
  const expiry = (a.expirationDate === undefined) === (b.expirationDate === undefined) && Math.abs((a.expirationDate ?? 0) - (b.expirationDate ?? 0)) <= 1;
  return a.value === b.value && a.secure === b.secure && a.httpOnly === b.httpOnly && a.sameSite === b.sameSite && expiry;
}

function describeChange(from: BrowserCookieInput, to: BrowserCookieInput): string {
  const changed: string[] = [];
  if (from.value !== to.value) changed.push('value');
  if (from.secure !== to.secure) changed.push('Secure');
  if (from.httpOnly !== to.httpOnly) changed.push('HttpOnly');
  if (from.sameSite !== to.sameSite) changed.push('SameSite');
  if (from.expirationDate !== to.expirationDate) changed.push('expiry');
  return changed.length === 0 ? 'of that name, domain and path' : `(a different ${changed.join(', ')})`;
}

/** Why an import changed nothing at all, or null when it changes something. */
export function nothingToImport(preview: ImportPreview): string | null {
  const { add, replace, same, refused, expired } = preview.counts;
  if (add + replace > 0) return null;
  const total = preview.rows.length;
  if (total === 0) {
    const first = preview.problems[0];
    return first === undefined ? 'The text holds no cookie.' : `The text holds no cookie: line ${first.line} ${first.message}${preview.problems.length > 1 ? `, and ${plural(preview.problems.length - 1, 'other line')} cannot be read either` : ''}.`;
  }
  if (expired === total) {
    const latest = Math.max(...preview.rows.map((r) => r.cookie.expirationDate ?? 0));
    return `${total === 1 ? 'The only cookie' : `All ${plural(total, 'cookie')}`} of the text ${total === 1 ? 'has' : 'have'} expired (the latest on ${formatDate(latest)}): nothing to import.`;
  }
  if (same === total) return null;
  const parts = [refused > 0 ? `${plural(refused, 'cookie')} the browser would refuse` : '', expired > 0 ? plural(expired, 'expired cookie') : '', same > 0 ? `${plural(same, 'cookie')} already there` : ''].filter((p) => p !== '');
  return `Nothing to import: ${parts.join(', ')}.`;
}

/** The outcome of an applied plan. */
export function importResult(preview: ImportPreview, change: ImportResult['change']): ImportResult {
  const { add, replace, same, refused, expired } = preview.counts;
  return { added: add, replaced: replace, unchanged: same, refused, expired, change };
}
