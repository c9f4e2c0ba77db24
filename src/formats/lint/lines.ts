// How each reader cuts a file into lines: C's fgets/getline and Perl's <$fh> on bytes, Python's
// text mode on decoded text with universal newlines.

/** A line and its 1-based number. */
export interface NumberedLine { number: number; text: string }

/** Lines split at "\n" only, the "\n" removed (a final line without one is kept). Bytes as latin1 characters. */
export function byteLines(latin1: string): NumberedLine[] {
  const parts = latin1.split('\n');
  if (parts.at(-1) === '') parts.pop();
  return parts.map((text, i) => ({ number: i + 1, text }));
}

/** Python's universal newlines: "\r\n", "\r" and "\n" each end a line. Numbers count "\n"-lines as editors do. */
export function universalLines(text: string): NumberedLine[] {
  const lines: NumberedLine[] = [];
  byteLines(text).forEach(({ number, text: line }) => {
    const pieces = line.split(/\r(?!$)/);
    for (const piece of pieces) lines.push({ number, text: piece.endsWith('\r') ? piece.slice(0, -1) : piece });
  });
  return lines;
}

/** Python's str.strip() whitespace (ASCII and Unicode spaces, the separators \x1c-\x1f). */
const PY_SPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');
export function pyStrip(text: string): string {
  return text.replace(PY_STRIP, '');
}

/** Python's float(text) for an expiry, then int(); null where Python raises (ValueError, OverflowError). */
export function pyIntFloat(text: string): number | null {
  const s = pyStrip(text).replace(/(?<=\d)_(?=\d)/g, '');
  if (/^[+-]?(inf(inity)?|nan)$/i.test(s)) return null;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

/** The first seven (or more) tab-separated fields of a line, as a display label. */
export function shorten(text: string, max = 80): string {
  const shown = JSON.stringify(text);
  return shown.length > max ? `${shown.slice(0, max - 2)}…"` : shown;
}
