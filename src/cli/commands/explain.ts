// explain: which cookies of a file would be sent to a URL under a policy, and for each that would
// not, the rule and the reason (src/jar's explainCookieHeader: Python's checks, in Python's order).
import { CookieJar, CookieRequest } from '../../jar';
import { readCookies, printJson } from '../io';
import { colors as c } from '../output';
import { loadPolicy } from '../policy';

export interface ExplainOptions { policy?: string | undefined; from?: string | undefined; json?: boolean | undefined; now: number }

/**
 * The request as the extension builds it: a top-level navigation (verifiable) without --from; with
 * --from PAGE, a subresource of PAGE (unverifiable, origin = PAGE's host), as urllib marks it.
 */
export function requestFor(url: string, from: string | undefined): CookieRequest {
  if (from === undefined) return new CookieRequest(url);
  return new CookieRequest(url, { unverifiable: true, originReqHost: new URL(from).hostname.toLowerCase() });
}

export async function explain(file: string, url: string, options: ExplainOptions): Promise<number> {
  const loaded = await loadPolicy(options.policy);
  const read = await readCookies(file, { url });
  const jar = new CookieJar(loaded.policy, { now: () => options.now });
  for (const cookie of read.cookies) jar.setCookie(cookie);
  const request = requestFor(url, options.from);
  const decisions = jar.explainCookieHeader(request);
  jar.addCookieHeader(request);
  const header = request.getHeader('Cookie') ?? '';
  const rows = decisions.map((d) => ({
    name: d.cookie.name, domain: d.cookie.domain, path: d.cookie.path, sent: d.accepted,
    ...(d.accepted ? {} : { rule: d.rule ?? null, reason: d.reason ?? null }),
  }));
  if (options.json === true) {
    printJson({ url, from: options.from ?? null, policy: loaded.label, cookieHeader: header, cookies: rows, notOfThisSite: read.cookies.length - rows.length });
    return 0;
  }
  process.stdout.write(`${c.bold('Cookie:')} ${header === '' ? c.dim('(none)') : header}\n`);
  for (const row of rows) {
    const where = c.dim(`${row.domain}${row.path}`);
    process.stdout.write(row.sent ? `  ${c.green('sent    ')} ${row.name} ${where}\n` : `  ${c.red('not sent')} ${row.name} ${where}: ${row.reason ?? ''} ${c.dim(`[${row.rule ?? ''}]`)}\n`);
  }
  const others = read.cookies.length - rows.length;
  if (others > 0) process.stdout.write(c.dim(`  (${others} cookies of other sites not listed)\n`));
  process.stdout.write(c.dim(`policy: ${loaded.label}${options.from === undefined ? '' : `; a request from ${options.from}`}\n`));
  return 0;
}
