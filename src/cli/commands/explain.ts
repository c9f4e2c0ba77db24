// explain: which cookies of a file would be sent to a URL under a policy, and for each that would
// not, the rule and the reason (src/jar's explainCookieHeader: Python's checks, in Python's order).
import { fieldsOf, toExtensionCookie } from '../../formats';
import { CookieJar, CookieRequest } from '../../jar';
import { browserStore, type BrowserOptions } from '../browser';
import { readCookies, printJson } from '../io';
import { colors as c } from '../output';
import { loadPolicy } from '../policy';

export interface ExplainOptions extends BrowserOptions { policy?: string | undefined; from?: string | undefined; json?: boolean | undefined; now: number }

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
  // The browser model: the same cookies in the browser's store, the same request as a tab makes it.
  const store = browserStore(options, () => options.now);
  store?.seed(read.cookies.map((c) => toExtensionCookie(fieldsOf(c))));
  const browser = store?.cookiesFor(options.from === undefined ? { url, kind: 'top-level' } : { url, kind: 'subresource', topLevelUrl: options.from });
  const browserRows = browser?.cookies.map((v) => ({ name: v.name, domain: v.domain, path: v.path, sent: v.sent, reasons: [...v.reasons], sentence: v.sentence }));
  if (options.json === true) {
    printJson({
      url, from: options.from ?? null, policy: loaded.label, cookieHeader: header, cookies: rows, notOfThisSite: read.cookies.length - rows.length,
      ...(browser === undefined ? {} : { browser: { name: options.browser, thirdPartyCookies: store?.thirdPartyCookies, cookieHeader: browser.cookieHeader ?? '', cookies: browserRows } }),
    });
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
  if (browser !== undefined) {
    process.stdout.write(`${c.bold(`${options.browser ?? ''} (model):`)} ${browser.cookieHeader === null || browser.cookieHeader === '' ? c.dim('(none)') : browser.cookieHeader}\n`);
    for (const row of browserRows ?? []) {
      process.stdout.write(row.sent ? `  ${c.green('sent    ')} ${row.name} ${c.dim(`${row.domain}${row.path}`)}\n` : `  ${c.red('not sent')} ${row.name} ${c.dim(`${row.domain}${row.path}`)}: ${row.sentence} ${c.dim(`[${row.reasons.join(', ')}]`)}\n`);
    }
  }
  return 0;
}
