// Counts in words, for every message the extension shows: "1 cookie", "2 cookies", "10,000 cookies".

/** `n` with the noun that agrees with it (`many` for irregular plurals: "1 cookie has", "2 cookies have"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
