// Which cookie file format a text is, from its content alone (the file name says nothing reliable).
import { looksLikeCookieHeader } from './header';
import { HTTPONLY_PREFIX, MAGIC } from './netscape';

export type CookieFileFormat = 'mozilla' | 'lwp' | 'json' | 'header';
export const FORMATS: readonly CookieFileFormat[] = ['mozilla', 'lwp', 'json', 'header'];

export interface Detection {
  format: CookieFileFormat | null;
  /** Why, for people: which sign was found (or that none was). */
  reason: string;
}

/** The format of a decoded cookie file (BOM already removed). */
export function detectFormat(text: string): Detection {
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return { format: 'json', reason: 'starts with "[" or "{"' };
  const lines = text.split(/\r\n|\n|\r/);
  const first = lines[0] ?? '';
  if (/^#LWP-Cookies-\d+\.\d+/.test(first)) return { format: 'lwp', reason: 'starts with the #LWP-Cookies header line' };
  if (MAGIC.test(first)) return { format: 'mozilla', reason: 'starts with the "# Netscape HTTP Cookie File" line' };
  if (lines.some((line) => line.startsWith('Set-Cookie3:'))) return { format: 'lwp', reason: 'has Set-Cookie3 lines (no #LWP-Cookies header)' };
  if (lines.some((line) => line.startsWith(HTTPONLY_PREFIX) || line.split('\t').length >= 6)) {
    return { format: 'mozilla', reason: 'has tab-separated cookie lines (no "# Netscape HTTP Cookie File" line)' };
  }
  if (looksLikeCookieHeader(text)) return { format: 'header', reason: 'is one line of name=value pairs' };
  return { format: null, reason: 'is none of cookies.txt, LWP, cookie JSON or a Cookie header' };
}
