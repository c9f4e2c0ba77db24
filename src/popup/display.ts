// How a string a website chose (a cookie's name, value, domain, path, a Set-Cookie line, a URL, an
// error message quoting one) is shown: never able to disguise itself or what stands around it.
// - Control and format characters (Unicode Cc, Cf: the bidi overrides U+202A-202E and isolates
//   U+2066-2069, zero-width characters, the BOM), line and paragraph separators and lone surrogates
//   become visible escapes such as `\u202E`: `name\u202Efdp.exe` can no longer show as "nameexe.pdf".
// - The views put each such string in its own <bdi> (CookieText), so right-to-left text inside it
//   cannot reorder the text around it.
// - Long strings are cut to a limit, with the length said; the details offer "show all".

/** Characters shown as escapes: Cc, Cf, Zl, Zp and lone surrogates (Cs, only unpaired with the u flag). */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const INVISIBLE_ALL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** One piece of a displayed string: text as it is, or the escape standing for an invisible character. */
export type Piece = { text: string } | { escape: string; code: number };

/** `\u202E` (`\u{1F3F4}`-style above U+FFFF: none of these are, but lone surrogates are 4 digits too). */
export function escapeOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The string split into plain runs and escapes, in order (at most `maxEscapes` marked; later ones as plain escapes). */
export function pieces(text: string, maxEscapes = 256): Piece[] {
  if (!INVISIBLE.test(text)) return text === '' ? [] : [{ text }];
  const out: Piece[] = [];
  let last = 0;
  let marked = 0;
  for (const match of text.matchAll(INVISIBLE_ALL)) {
    const index = match.index;
    const char = match[0];
    if (marked >= maxEscapes) {
      // A string of thousands of invisible characters: the rest as one plain run, escaped, not one node each.
      out.push({ text: text.slice(last).replace(INVISIBLE_ALL, escapeOf) });
      return out;
    }
    if (index > last) out.push({ text: text.slice(last, index) });
    out.push({ escape: escapeOf(char), code: char.codePointAt(0) ?? 0 });
    marked++;
    last = index + char.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** The string with every invisible character escaped: for attributes (title, aria-label), which cannot hold markup. */
export function escapedText(text: string): string {
  return text.replace(INVISIBLE_ALL, escapeOf);
}

/** At most `limit` characters (never splitting a surrogate pair), and how many were left out. */
export function cut(text: string, limit: number): { shown: string; omitted: number } {
  if (text.length <= limit) return { shown: text, omitted: 0 };
  let end = limit;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { shown: text.slice(0, end), omitted: text.length - end };
}

/** Characters shown of a string in a grid cell (the cell ellipsises; the details show more). */
export const CELL_LIMIT = 200;
/** Characters shown of a value in the details before "show all". */
export const DETAIL_LIMIT = 1_000;
/** Characters shown of an error message or notice (a LoadError can quote a whole 1 MB line). */
export const MESSAGE_LIMIT = 400;

/** A message cut to MESSAGE_LIMIT with its length said, escaped: for places that take plain text only. */
export function cutMessage(text: string, limit = MESSAGE_LIMIT): string {
  const { shown, omitted } = cut(text, limit);
  return escapedText(shown) + (omitted === 0 ? '' : `… (${omitted.toLocaleString('en')} more characters)`);
}
