// A larger HAR, made at test time from a seed: pages on many sites, each loading subresources from
// its own site, a sibling, and third parties, with redirect chains; the Set-Cookie lines mix every
// attribute that policies disagree about. Deterministic: the same seed gives the same HAR.

/** A small seeded generator (mulberry32): the same sequence on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SITES = ['example.com', 'example.co.uk', 'shop.test', 'news.example', 'tracker.test', 'cdn.example.net', 'ads.tracker.test', 'co.uk'];
const SUB = ['www.', '', 'a.', 'b.c.', 'static.'];

export function generateHar(entries: number, seed: number): unknown {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const start = Date.UTC(2024, 0, 1) / 1000;
  const log: { pages: { id: string; title: string }[]; entries: unknown[] } = { pages: [], entries: [] };
  let t = start;
  let page = '';
  let n = 0;
  const line = (host: string): string => {
    const name = pick(['sid', 'pref', 'track', '$odd', 'lang', 'cart', 'x']) + String(Math.floor(next() * 6));
    const attrs: string[] = [`${name}=${pick(['1', 'v', '"q v"', '', 'a=b'])}`];
    const parent = host.split('.').slice(-2).join('.');
    if (next() < 0.5) attrs.push(`Domain=${pick([`.${parent}`, parent, `.${host}`, '.other.test', '.co.uk', host.split('.')[0] ?? 'x'])}`);
    if (next() < 0.4) attrs.push(`Path=${pick(['/', '/a', '/a/b/', '/elsewhere', ''])}`);
    if (next() < 0.3) attrs.push(`Max-Age=${pick(['0', '60', '86400', '-1', 'abc'])}`);
    if (next() < 0.2) attrs.push(`Expires=${pick(['Wed, 18 May 2033 03:33:20 GMT', 'Thu, 01 Jan 1970 00:00:00 GMT', 'soon'])}`);
    if (next() < 0.2) attrs.push('Secure');
    if (next() < 0.2) attrs.push('HttpOnly');
    if (next() < 0.1) attrs.push('Version=1');
    if (next() < 0.1) attrs.push(`Port="${pick(['80', '443', '80,8080'])}"`);
    return attrs.join('; ');
  };
  const entry = (url: string, type: string, lines: string[], redirectURL = '') => {
    t += next() * 2;
    log.entries.push({
      pageref: page, startedDateTime: new Date(t * 1000).toISOString(), _resourceType: type,
      request: { method: 'GET', url, headers: [{ name: 'Sec-Fetch-Dest', value: type }] },
      response: { status: redirectURL === '' ? 200 : 302, redirectURL, headers: lines.map((value) => ({ name: 'Set-Cookie', value })) },
    });
  };
  while (n < entries) {
    const site = pick(SITES);
    const host = `${pick(SUB)}${site}`;
    page = `page_${log.pages.length}`;
    const top = `${pick(['http', 'https'])}://${host}/${pick(['', 'a/b', 'a/x'])}`;
    log.pages.push({ id: page, title: top });
    entry(top, 'document', Array.from({ length: Math.floor(next() * 4) }, () => line(host)));
    n++;
    const subresources = Math.floor(next() * 12);
    for (let i = 0; i < subresources && n < entries; i++, n++) {
      const other = next() < 0.5 ? host : `${pick(SUB)}${pick(SITES)}`;
      const url = `${pick(['http', 'https'])}://${other}/${pick(['a/b/c', 'x', 'a'])}`;
      if (next() < 0.1 && n + 1 < entries) {
        const target = `https://${pick(SUB)}${pick(SITES)}/landing`;
        entry(url, 'script', [line(other)], target);
        entry(target, 'script', [line(new URL(target).hostname)]);
        n++;
      } else {
        entry(url, pick(['image', 'script', 'iframe']), Array.from({ length: Math.floor(next() * 3) }, () => line(other)));
      }
    }
  }
  return { log: { version: '1.2', creator: { name: 'test/replay/generate.ts', version: '1' }, ...log } };
}
