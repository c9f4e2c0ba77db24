/**
 * One copy of each string seen: cookie names repeat across sites (`_ga`, `NID`, ...), and a name
 * kept once is a string fewer per cookie for the garbage collector to copy (a fresh slice that is
 * dropped costs little) and for a large jar's save or request to read (each one a cache miss).
 * At most STRING_POOL_SIZE strings are kept.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  of(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    if (this.strings.size < STRING_POOL_SIZE) this.strings.set(text, text);
    return text;
  }
}

const STRING_POOL_SIZE = 1024;
