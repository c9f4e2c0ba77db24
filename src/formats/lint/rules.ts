// Every rule lint applies, per reader: what the reader does, and where that comes from (its source,
// as installed here, and the measurements of docs/export.md). docs/cli.md lists the same table; a
// test checks that it names every rule.

export type Reader = 'curl' | 'wget' | 'yt-dlp' | 'python' | 'perl';
export const READERS: readonly Reader[] = ['curl', 'wget', 'yt-dlp', 'python', 'perl'];

/** What a reader does with a line (or with the whole file, for `refused`). */
export type Outcome = 'read' | 'misread' | 'dropped' | 'expired' | 'refused';

export interface LintRule {
  reader: Reader | 'any';
  /** What happens: a dropped or misread cookie, the whole file refused, or `read` for a note (the cookie is read as meant, with a surprise worth knowing). */
  outcome: Outcome;
  summary: string;
  source: string;
}

const CURL = 'curl 7.88.1 lib/cookie.c (Curl_cookie_add, Curl_cookie_init)';
const CURL_LINE = 'curl 7.88.1 lib/curl_get_line.c (Curl_get_line) with MAX_COOKIE_LINE 5000 (lib/cookie.h)';
const WGET = 'wget 1.21.3 src/cookies.c (cookie_jar_load, GET_WORD)';
const WGET_SEND = 'wget 1.21.3 src/cookies.c (find_chains_of_host, cookie_matches_url)';
const PY = 'CPython 3.11 Lib/http/cookiejar.py (MozillaCookieJar._really_load, Cookie.__init__)';
const PY_SEND = 'CPython 3.11 Lib/http/cookiejar.py (DefaultCookiePolicy.return_ok_domain)';
const PY_LWP = 'CPython 3.11 Lib/http/cookiejar.py (LWPCookieJar._really_load)';
const YTDLP = 'yt-dlp 2023.03.04 yt_dlp/utils.py (YoutubeDLCookieJar.load), then MozillaCookieJar._really_load';
const PERL = 'HTTP::Cookies 6.10 lib/HTTP/Cookies/Netscape.pm (load) and HTTP/Cookies.pm (set_cookie)';
const PERL_SEND = 'HTTP::Cookies 6.10 lib/HTTP/Cookies.pm (add_cookie_header)';
const PERL_LWP = 'HTTP::Cookies 6.10 lib/HTTP/Cookies.pm (load)';
const MEASURED = 'measured here: docs/export.md, "What the readers accept"';
const PY_OPEN = 'Python 3.11 open(filename) in text mode: UTF-8 (the locale here), universal newlines';

export const LINT_RULES = {
  // --- curl ---
  'curl/line-too-long': { reader: 'curl', outcome: 'dropped', summary: 'A line of 4,999 bytes or more (with its line break) is dropped whole.', source: CURL_LINE },
  'curl/nul-byte': { reader: 'curl', outcome: 'dropped', summary: 'A NUL byte makes fgets-based reading see a broken line: that line and the next are dropped (a UTF-16 file loses every line).', source: CURL_LINE },
  'curl/empty-field': { reader: 'curl', outcome: 'misread', summary: 'Empty fields vanish (strtok_r collapses tabs): the later fields shift left. An empty expiry drops the line; an empty name makes the value the name (sent as `value=`).', source: `${CURL}; ${MEASURED}` },
  'curl/empty-name': { reader: 'curl', outcome: 'misread', summary: 'An empty name field (how Python writes a cookie set without a value, `Set-Cookie: token`) vanishes: the value becomes the name and the cookie is sent as `token=`.', source: `${CURL}; ${MEASURED}` },
  'curl/field-count': { reader: 'curl', outcome: 'dropped', summary: 'A line without 7 fields (6 when the value is empty) is dropped.', source: CURL },
  'curl/bad-expiry': { reader: 'curl', outcome: 'dropped', summary: 'An expiry that does not start with digits is dropped (curlx_strtoofft); trailing junk after digits is ignored.', source: CURL },
  'curl/flag-dot-disagree': { reader: 'curl', outcome: 'misread', summary: 'The subdomains flag decides (case-insensitively), not the leading dot: `.example.com FALSE` is host-only.', source: CURL },
  'curl/cookie-prefix': { reader: 'curl', outcome: 'dropped', summary: 'A `__Secure-` cookie that is not Secure, or a `__Host-` cookie that is not Secure, host-only and on path `/`, is dropped (names compared case-insensitively).', source: CURL },
  'curl/header-line': { reader: 'curl', outcome: 'dropped', summary: 'A `Set-Cookie:` line is read as a response header without a request: it gets no domain and is never sent.', source: CURL },
  // --- wget ---
  'wget/httponly-line': { reader: 'wget', outcome: 'dropped', summary: 'A `#HttpOnly_` line is a comment to wget: the cookie is dropped.', source: `${WGET}; ${MEASURED}` },
  'wget/empty-field': { reader: 'wget', outcome: 'dropped', summary: 'An empty field among the first six (an empty expiry, as Python writes session cookies; an empty name) drops the line.', source: `${WGET}; ${MEASURED}` },
  'wget/empty-name': { reader: 'wget', outcome: 'dropped', summary: 'An empty name field (how Python writes a cookie set without a value) drops the line: wget cannot read a cookie without a value.', source: `${WGET}; ${MEASURED}` },
  'wget/field-count': { reader: 'wget', outcome: 'dropped', summary: 'A line with fewer than 7 fields is dropped.', source: WGET },
  'wget/extra-fields': { reader: 'wget', outcome: 'misread', summary: 'Fields after the seventh become part of the value, tabs included.', source: WGET },
  'wget/flag-case': { reader: 'wget', outcome: 'misread', summary: 'Only `TRUE` in capitals marks a domain cookie: `true` makes it host-only.', source: WGET },
  'wget/secure-case': { reader: 'wget', outcome: 'misread', summary: 'Only `TRUE` in capitals marks a Secure cookie: `true` makes it not Secure.', source: WGET },
  'wget/flag-dot-disagree': { reader: 'wget', outcome: 'misread', summary: 'The subdomains flag decides, not the leading dot: `.example.com FALSE` is host-only.', source: WGET },
  'wget/bad-expiry': { reader: 'wget', outcome: 'dropped', summary: 'An expiry that is not a number counts as already past: the cookie is dropped.', source: WGET },
  'wget/nul-byte': { reader: 'wget', outcome: 'dropped', summary: 'A NUL byte ends the line for wget: a cookie whose fields it cuts short is dropped (a UTF-16 file loses every line).', source: WGET },
  'wget/port-in-domain': { reader: 'wget', outcome: 'misread', summary: 'A `:port` after the domain limits the cookie to that port.', source: WGET },
  'wget/tld-domain': { reader: 'wget', outcome: 'misread', summary: 'wget never looks up cookies under a bare top-level domain: such a cookie is never sent.', source: WGET_SEND },
  // --- python (MozillaCookieJar, LWPCookieJar) ---
  'python/encoding': { reader: 'python', outcome: 'refused', summary: 'The file is read as UTF-8 text: bytes that are not UTF-8 (UTF-16 with its BOM, Latin-1) raise UnicodeDecodeError.', source: PY_OPEN },
  'python/magic': { reader: 'python', outcome: 'refused', summary: 'The first line must start with `# Netscape HTTP Cookie File` (or `# HTTP Cookie File`); a BOM, UTF-16 or any other first line is a LoadError for the whole file.', source: `${PY}; ${MEASURED}` },
  'python/field-count': { reader: 'python', outcome: 'refused', summary: 'A line without exactly 7 tab-separated fields is a LoadError for the whole file.', source: PY },
  'python/flag-dot-disagree': { reader: 'python', outcome: 'refused', summary: 'The flag must be `TRUE` exactly when the domain starts with a dot (`true` counts as FALSE): otherwise a LoadError for the whole file.', source: `${PY}; ${MEASURED}` },
  'python/bad-expiry': { reader: 'python', outcome: 'refused', summary: 'An expiry that float() cannot read (or infinite) is a LoadError for the whole file.', source: PY },
  'python/expiry-zero': { reader: 'python', outcome: 'dropped', summary: 'Expiry `0` (how curl, wget and yt-dlp write session cookies) is 1970: the cookie is dropped as expired.', source: `${PY}; ${MEASURED}` },
  'python/secure-case': { reader: 'python', outcome: 'misread', summary: 'Only `TRUE` in capitals marks a Secure cookie: `true` makes it not Secure.', source: PY },
  'python/host-only': { reader: 'python', outcome: 'read', summary: 'A host-only line (no dot, FALSE) is also sent to the host\'s subdomains (Netscape domain matching).', source: `${PY_SEND}; ${MEASURED}` },
  'python/line-break': { reader: 'python', outcome: 'refused', summary: 'A lone CR inside a line ends the line (universal newlines): the pieces are not 7 fields, a LoadError.', source: PY_OPEN },
  'python/session-discard': { reader: 'python', outcome: 'read', summary: 'A session cookie (empty expiry) is read only by `load(ignore_discard=True)`; a plain `load()` drops it.', source: PY },
  'python/lwp-error': { reader: 'python', outcome: 'refused', summary: 'An LWP file that LWPCookieJar cannot read (no `#LWP-Cookies-2.0` first line, a bad date) is a LoadError for the whole file.', source: PY_LWP },
  // --- yt-dlp ---
  'yt-dlp/encoding': { reader: 'yt-dlp', outcome: 'refused', summary: 'The file is opened as UTF-8: bytes that are not UTF-8 (UTF-16 with its BOM) stop yt-dlp.', source: YTDLP },
  'yt-dlp/json': { reader: 'yt-dlp', outcome: 'refused', summary: 'JSON (a bad line starting with `[`, `{` or `"`) is refused: "Cookies file must be Netscape formatted, not JSON".', source: YTDLP },
  'yt-dlp/field-count': { reader: 'yt-dlp', outcome: 'dropped', summary: 'A line without exactly 7 tab-separated fields is skipped with a warning.', source: YTDLP },
  'yt-dlp/bad-expiry': { reader: 'yt-dlp', outcome: 'dropped', summary: 'An expiry that is not all digits is skipped with a warning.', source: YTDLP },
  'yt-dlp/magic': { reader: 'yt-dlp', outcome: 'refused', summary: 'After skipping bad lines, the first line must start with `# Netscape HTTP Cookie File`: otherwise "does not look like a Netscape format cookies file" (a BOM counts as a bad first line).', source: `${YTDLP}; ${MEASURED}` },
  'yt-dlp/flag-dot-disagree': { reader: 'yt-dlp', outcome: 'refused', summary: 'As Python: the flag must be `TRUE` exactly when the domain starts with a dot, or the whole file is refused.', source: `${YTDLP}; ${MEASURED}` },
  'yt-dlp/secure-case': { reader: 'yt-dlp', outcome: 'misread', summary: 'Only `TRUE` in capitals marks a Secure cookie.', source: YTDLP },
  'yt-dlp/host-only': { reader: 'yt-dlp', outcome: 'read', summary: 'A host-only line is also sent to the host\'s subdomains (Python\'s Netscape domain matching).', source: `${PY_SEND}; ${MEASURED}` },
  'yt-dlp/line-break': { reader: 'yt-dlp', outcome: 'dropped', summary: 'A lone CR inside a line ends the line (universal newlines): the pieces are skipped as bad lines.', source: YTDLP },
  // --- perl (HTTP::Cookies::Netscape for cookies.txt, HTTP::Cookies for LWP) ---
  'perl/magic': { reader: 'perl', outcome: 'refused', summary: 'The first line must start with `# Netscape HTTP Cookie File` (`#LWP-Cookies-` for LWP): otherwise it warns and loads nothing (a BOM counts).', source: `${PERL}; ${PERL_LWP}` },
  'perl/session': { reader: 'perl', outcome: 'dropped', summary: 'Expiry `0` or empty (a session cookie) gives a max-age of 0 or less: the cookie is dropped at load. Give Perl an LWP file for session cookies.', source: `${PERL}; ${MEASURED}` },
  'perl/bad-expiry': { reader: 'perl', outcome: 'dropped', summary: 'An expiry that is not a number counts as 0: the cookie is dropped.', source: PERL },
  'perl/field-count': { reader: 'perl', outcome: 'dropped', summary: 'A line with fewer than 6 fields, a path not starting with `/`, or a name starting with `$` is dropped.', source: PERL },
  'perl/extra-fields': { reader: 'perl', outcome: 'misread', summary: 'Fields after the seventh are ignored: the value is cut at its first tab.', source: PERL },
  'perl/secure-case': { reader: 'perl', outcome: 'misread', summary: 'Only `TRUE` in capitals marks a Secure cookie.', source: PERL },
  'perl/host-only': { reader: 'perl', outcome: 'read', summary: 'The flag is ignored: a domain without a dot is also sent to its subdomains.', source: `${PERL_SEND}; ${MEASURED}` },
  'perl/dotted-host': { reader: 'perl', outcome: 'read', summary: 'A domain with a leading dot is never sent to that host itself, only to its subdomains (`.www.example.com` is not sent to www.example.com).', source: PERL_SEND },
  'perl/domain-case': { reader: 'perl', outcome: 'misread', summary: 'The domain is kept as written and looked up lower-cased: a domain with capitals is never sent.', source: PERL_SEND },
  'perl/empty-name': { reader: 'perl', outcome: 'misread', summary: 'An empty name field is kept empty: the cookie is sent as `=value`, not `value`.', source: `${PERL}; ${MEASURED}` },
  'perl/lwp-line': { reader: 'perl', outcome: 'dropped', summary: 'In an LWP file only `Set-Cookie3:` lines are read.', source: PERL_LWP },
  // --- every reader ---
  'format/not-cookies-txt': { reader: 'any', outcome: 'refused', summary: 'The file is JSON, LWP or a Cookie header, not cookies.txt: the reader finds no cookie in it (convert it first).', source: 'the readers above: no JSON or LWP reading in curl, wget or yt-dlp' },
} as const satisfies Record<string, LintRule>;

export type LintRuleId = keyof typeof LINT_RULES;
