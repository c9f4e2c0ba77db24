// The bytes of a cookie file as text. Tools disagree about byte order marks and UTF-16 (Windows
// editors and PowerShell's `>` write them), so the encoding found is reported, not only undone.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  /** The text, without a byte order mark. */
  text: string;
  encoding: TextEncodingName;
  /** Whether the bytes began with a byte order mark. */
  bom: boolean;
  /** Whether UTF-8 bytes were invalid (replaced with U+FFFD in `text`). */
  invalid: boolean;
}

/**
 * Finds the encoding (a BOM; else UTF-16 when most odd or even bytes of the start are zero, as
 * ASCII text in UTF-16 is; else UTF-8) and decodes. Never throws.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let encoding: TextEncodingName = 'utf-8';
  let bom = false;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bom = true;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) { encoding = 'utf-16le'; bom = true; }
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) { encoding = 'utf-16be'; bom = true; }
  else {
    const sample = Math.min(bytes.length, 512) & ~1;
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < sample; i += 2) {
      if (bytes[i] === 0) evenZero++;
      if (bytes[i + 1] === 0) oddZero++;
    }
    if (sample >= 4 && oddZero > sample / 4 && evenZero === 0) encoding = 'utf-16le';
    else if (sample >= 4 && evenZero > sample / 4 && oddZero === 0) encoding = 'utf-16be';
  }
  const body = bytes.subarray(bom ? (encoding === 'utf-8' ? 3 : 2) : 0);
  let invalid = false;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    invalid = true;
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  }
  return { text, encoding, bom, invalid };
}

/** The bytes as one character each (U+0000 to U+00FF): how byte-oriented C and Perl readers see lines. */
export function bytesAsLatin1(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) parts.push(String.fromCharCode(...bytes.subarray(i, i + 8192)));
  return parts.join('');
}

/** The UTF-8 bytes of a text (what a file written from it holds). */
export function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
