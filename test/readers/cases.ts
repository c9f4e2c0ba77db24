// Cookie files with every kind of line lint knows about. Names are unique within a file, so each
// cookie in a Cookie header points back to its line. The "portable" file holds the lines no reader
// refuses the whole file for; each line that makes some reader refuse a file gets a file of its own
// (with a control cookie, `ctl`, that shows whether the rest was read).
const FUTURE = 2_000_000_000; // 2033
const PAST = 1_000_000_000; // 2001
const MAGIC = '# Netscape HTTP Cookie File\n';
const line = (...fields: (string | number)[]) => `${fields.join('\t')}\n`;
const CONTROL = line('www.example.com', 'FALSE', '/', 'FALSE', FUTURE, 'ctl', '1');
const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16le(text: string, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) { out[0] = 0xff; out[1] = 0xfe; }
  for (let i = 0; i < text.length; i++) { const code = text.charCodeAt(i); out[(bom ? 2 : 0) + 2 * i] = code & 0xff; out[(bom ? 2 : 0) + 2 * i + 1] = code >> 8; }
  return out;
}

export interface ReaderCase { name: string; format: 'mozilla' | 'lwp'; bytes: Uint8Array }

const PORTABLE = MAGIC + [
  line('www.example.com', 'FALSE', '/', 'FALSE', FUTURE, 'host', 'h'),
  line('.example.com', 'TRUE', '/', 'FALSE', FUTURE, 'dom', 'd'),
  line('#HttpOnly_.example.com', 'TRUE', '/', 'FALSE', FUTURE, 'httponly', 'x'),
  line('www.example.com', 'FALSE', '/', 'FALSE', 0, 'zero', 'z'),
  line('www.example.com', 'FALSE', '/', 'FALSE', '', 'empty_expiry', 'e'),
  line('www.example.com', 'FALSE', '/', 'TRUE', FUTURE, 'sec', 's'),
  line('www.example.com', 'FALSE', '/', 'true', FUTURE, 'sec_lower', 's'),
  line('www.example.com', 'FALSE', '/a', 'FALSE', FUTURE, 'path_a', 'p'),
  line('www.example.com', 'FALSE', '/', 'FALSE', PAST, 'old', 'o'),
  line('www.example.com', 'FALSE', '/', 'FALSE', FUTURE, 'spaces', 'a b'),
  line('www.example.com', 'FALSE', '/', 'FALSE', FUTURE, '', 'noname'),
  line('www.example.com', 'FALSE', '/', 'FALSE', FUTURE, 'novalue', ''),
  line('.www.example.com', 'TRUE', '/', 'FALSE', FUTURE, 'dotted_host', 'w'),
  line('WWW.Example.com', 'FALSE', '/', 'FALSE', FUTURE, 'caps', 'c'),
  line('www.example.com', 'FALSE', '/', 'FALSE', FUTURE, '__Secure-pre', 'p'),
  line('www.example.com', 'FALSE', '/', 'FALSE', `${FUTURE}.5`, 'decimal', 'f'),
  '# a comment\n',
  '\n',
].join('');

export const CASES: ReaderCase[] = [
  { name: 'portable lines', format: 'mozilla', bytes: utf8(PORTABLE) },
  { name: 'portable lines, CRLF', format: 'mozilla', bytes: utf8(PORTABLE.replace(/\n/g, '\r\n')) },
  { name: 'no magic line', format: 'mozilla', bytes: utf8(PORTABLE.slice(MAGIC.length)) },
  { name: 'lowercase true flag with a dot', format: 'mozilla', bytes: utf8(MAGIC + line('.example.com', 'true', '/', 'FALSE', FUTURE, 'low_flag', '1') + CONTROL) },
  { name: 'TRUE flag without a dot', format: 'mozilla', bytes: utf8(MAGIC + line('example.com', 'TRUE', '/', 'FALSE', FUTURE, 'nodot', '1') + CONTROL) },
  { name: 'dot with a FALSE flag', format: 'mozilla', bytes: utf8(MAGIC + line('.example.com', 'FALSE', '/', 'FALSE', FUTURE, 'dot_false', '1') + CONTROL) },
  { name: 'five fields', format: 'mozilla', bytes: utf8(`${MAGIC}www.example.com\tFALSE\t/\tFALSE\t${FUTURE}\n${CONTROL}`) },
  { name: 'eight fields (a tab in the value)', format: 'mozilla', bytes: utf8(MAGIC + line('www.example.com', 'FALSE', '/', 'FALSE', FUTURE, 'tabbed', 'a', 'b') + CONTROL) },
  { name: 'expiry that is not a number', format: 'mozilla', bytes: utf8(MAGIC + line('www.example.com', 'FALSE', '/', 'FALSE', 'never', 'word', '1') + CONTROL) },
  { name: 'UTF-8 byte order mark', format: 'mozilla', bytes: utf8(`\ufeff${MAGIC}${CONTROL}`) },
  { name: 'UTF-16LE with a byte order mark', format: 'mozilla', bytes: utf16le(MAGIC + CONTROL, true) },
  { name: 'a line over 5,000 bytes', format: 'mozilla', bytes: utf8(MAGIC + line('www.example.com', 'FALSE', '/', 'FALSE', FUTURE, 'long', 'x'.repeat(6000)) + CONTROL) },
  { name: 'a line of exactly 4,998 bytes', format: 'mozilla', bytes: utf8(MAGIC + line('www.example.com', 'FALSE', '/', 'FALSE', FUTURE, 'edge', 'y'.repeat(4998 - `www.example.com\tFALSE\t/\tFALSE\t${FUTURE}\tedge\t`.length)) + CONTROL) },
  { name: 'cookie JSON', format: 'mozilla', bytes: utf8(JSON.stringify([{ domain: 'www.example.com', name: 'json', value: '1', path: '/', hostOnly: true, secure: false, httpOnly: false, session: true }], null, 2)) },
  {
    name: 'LWP file', format: 'lwp', bytes: utf8('#LWP-Cookies-2.0\n'
      + 'Set-Cookie3: lwp_host=1; path="/"; domain=www.example.com; path_spec; expires="2033-05-18 03:33:20Z"; version=0\n'
      + 'Set-Cookie3: lwp_dom=2; path="/"; domain=.example.com; path_spec; discard; version=0\n'
      + 'Set-Cookie3: lwp_sec=3; path="/"; domain=www.example.com; path_spec; secure; expires="2033-05-18 03:33:20Z"; version=0\n'),
  },
];

/** Where each file's cookies are asked for: hosts around www.example.com, path edges, http and https. */
export function caseUrls(httpPort: number, httpsPort: number): string[] {
  return [
    `http://www.example.com:${httpPort}/a/b`,
    `http://sub.www.example.com:${httpPort}/a/b`,
    `http://example.com:${httpPort}/`,
    `http://www.example.com:${httpPort}/ab`,
    `https://www.example.com:${httpsPort}/a/b`,
  ];
}
