// Texts of every format the Import view takes, each with what the browser's store must hold after
// importing it (as `name=value domain path flags`), the format detected and the warnings expected.
// Replayed by cookieImport.test.ts; the e2e suite imports some of the same into real Chromium.

/** Within 400 days of the tests' clock (2025-01-01), so that no expiry is capped. */
const FUTURE = 1_761_609_600; // 2025-10-28 00:00:00 UTC
const PAST = 1_600_000_000; // 2020-09-13

export interface ImportCase {
  name: string;
  text: string;
  format?: 'mozilla' | 'lwp' | 'json' | 'header';
  url?: string;
  detected: 'mozilla' | 'lwp' | 'json' | 'header';
  /** The browser's store afterwards: `name=value domain path` and the flags S (Secure), H (HttpOnly), the SameSite, "session" or the expiry. */
  stored: string[];
  warnings?: RegExp[];
}

export const IMPORT_CASES: ImportCase[] = [
  {
    name: 'cookies.txt in curl\'s dialect (#HttpOnly_, expiry 0 for a session cookie)',
    text: `# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t${FUTURE}\ttheme\tdark\n#HttpOnly_www.example.com\tFALSE\t/account\tTRUE\t0\tsid\ts1\n`,
    detected: 'mozilla',
    stored: [`theme=dark .example.com / unspecified ${FUTURE}`, 'sid=s1 www.example.com /account S H unspecified session'],
  },
  {
    name: 'cookies.txt in Python\'s dialect (empty expiry), CRLF line ends',
    text: `# Netscape HTTP Cookie File\r\nwww.example.com\tFALSE\t/\tFALSE\t\tvisit\tv1\r\n`,
    detected: 'mozilla',
    stored: ['visit=v1 www.example.com / unspecified session'],
  },
  {
    name: 'cookies.txt without its header line, read as curl reads it, with a warning',
    text: `.example.com\tTRUE\t/\tFALSE\t${FUTURE}\ta\t1\n`,
    detected: 'mozilla',
    stored: [`a=1 .example.com / unspecified ${FUTURE}`],
    warnings: [/no "# Netscape HTTP Cookie File" line: it is read as curl reads it/],
  },
  {
    name: 'an LWP file (Set-Cookie3) as Python and Perl write it',
    text: `#LWP-Cookies-2.0\nSet-Cookie3: sid=abc; path="/"; domain=www.example.com; path_spec; discard; HttpOnly=None; version=0\nSet-Cookie3: theme=dark; path="/"; domain=".example.com"; path_spec; domain_dot; expires="2025-10-28 00:00:00Z"; SameSite=Lax; version=0\n`,
    detected: 'lwp',
    stored: ['sid=abc www.example.com / H unspecified session', `theme=dark .example.com / lax ${FUTURE}`],
  },
  {
    name: 'an LWP file with "cookies.txt" chosen: the format is still told by the text',
    text: `#LWP-Cookies-2.0\nSet-Cookie3: a=1; path="/"; domain=".example.com"; path_spec; domain_dot; discard; version=0\n`,
    format: 'mozilla',
    detected: 'lwp',
    stored: ['a=1 .example.com / unspecified session'],
    warnings: [/^You chose cookies\.txt, but the text is an LWP file \(it starts with the #LWP-Cookies header line\): read as LWP\.$/],
  },
  {
    name: 'LWP lines without the #LWP-Cookies header line, with a warning',
    text: 'Set-Cookie3: a=1; path="/"; domain=".example.com"; path_spec; domain_dot; discard; version=0\n',
    detected: 'lwp',
    stored: ['a=1 .example.com / unspecified session'],
    warnings: [/no "#LWP-Cookies-2.0" line/],
  },
  {
    name: 'Cookie-Editor JSON (sameSite null, storeId null, expirationDate with a fraction)',
    text: JSON.stringify([
      { domain: '.example.com', expirationDate: FUTURE + 0.5, hostOnly: false, httpOnly: false, name: 'theme', path: '/', sameSite: 'lax', secure: false, session: false, storeId: null, value: 'dark' },
      { domain: 'www.example.com', hostOnly: true, httpOnly: true, name: 'sid', path: '/', sameSite: null, secure: true, session: true, storeId: null, value: 's1' },
      { domain: 'www.example.com', hostOnly: true, httpOnly: false, name: 'cross', path: '/', sameSite: 'no_restriction', secure: true, session: true, storeId: null, value: 'c' },
    ], null, 4),
    detected: 'json',
    stored: [`theme=dark .example.com / lax ${FUTURE}`, 'sid=s1 www.example.com / S H unspecified session', 'cross=c www.example.com / S no_restriction session'],
  },
  {
    name: 'EditThisCookie JSON (an id, storeId "0", sameSite "unspecified")',
    text: JSON.stringify([
      { domain: 'www.example.com', expirationDate: FUTURE, hostOnly: true, httpOnly: false, name: 'etc', path: '/', sameSite: 'unspecified', secure: false, session: false, storeId: '0', value: 'x', id: 1 },
    ]),
    detected: 'json',
    stored: [`etc=x www.example.com / unspecified ${FUTURE}`],
  },
  {
    name: 'a Cookie header for a URL (host-only session cookies of its host, Secure for https)',
    text: 'Cookie: a=1; b=two words',
    url: 'https://shop.example.com/cart',
    detected: 'header',
    stored: ['a=1 shop.example.com / S unspecified session', 'b=two words shop.example.com / S unspecified session'],
  },
];

/** How a cookie of the fake store is written in `stored`. */
export function describeStored(c: Record<string, unknown>): string {
  const flags = [c['secure'] === true ? 'S' : '', c['httpOnly'] === true ? 'H' : '', String(c['sameSite']), c['session'] === true ? 'session' : String(Math.trunc(Number(c['expirationDate'])))].filter((f) => f !== '');
  return `${String(c['name'])}=${String(c['value'])} ${String(c['domain'])} ${String(c['path'])} ${flags.join(' ')}`;
}

export { FUTURE, PAST };
