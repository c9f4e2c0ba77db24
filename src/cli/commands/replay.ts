// replay: every response's Set-Cookie lines of a HAR, in order, through the jar under a policy, with
// each request's context from the HAR; the decisions and the final jar; --expect makes it a CI check.
import { SingleBar } from 'cli-progress';
import { CookieJar, CookieRequest, type Cookie } from '../../jar';
import type { BrowserCookieStore } from '../../browser-model';
import { browserStore, type BrowserOptions } from '../browser';
import { EXIT, InputError, UsageError } from '../exit';
import { harSteps, type HarStep } from '../har';
import { printJson, readBytes } from '../io';
import { colors as c, shortUrl } from '../output';
import { loadPolicy } from '../policy';

export interface ReplayOptions extends BrowserOptions { policy?: string | undefined; expect?: string[] | undefined; json?: boolean | undefined; quiet?: boolean | undefined }

/** Above this many entries a terminal gets a progress bar on stderr. */
export const PROGRESS_THRESHOLD = 2000;

export interface Expectation { name: string; domain: string | null; want: 'accepted' | 'refused' }

/** `NAME=accepted|refused`, or `NAME@DOMAIN=...` to pick one domain's cookie. */
export function parseExpectation(text: string): Expectation {
  const match = /^([^=@]+)(?:@([^=]+))?=(accepted|refused)$/.exec(text);
  if (match === null) throw new UsageError(`--expect ${JSON.stringify(text)}: write NAME=accepted, NAME=refused or NAME@DOMAIN=...`);
  return { name: match[1] ?? '', domain: match[2]?.toLowerCase().replace(/^\./, '') ?? null, want: match[3] as Expectation['want'] };
}

export interface ReplayDecision { entry: number; url: string; name: string; domain: string; path: string; accepted: boolean; rule: string | null; reason: string | null }
/** The browser model's verdict on one Set-Cookie line. */
export interface BrowserDecision { entry: number; url: string; line: string; name: string | null; outcome: 'stored' | 'deleted' | 'refused'; reasons: string[]; sentence: string }

export function cookieRecord(cookie: Cookie) {
  return cookie.toJSON();
}

/** Runs the steps through a jar; `onStep` is called after each (for a progress bar). */
export function replaySteps(steps: readonly HarStep[], jar: CookieJar, clock: { now: number }, onStep?: (done: number) => void, store?: BrowserCookieStore | null, browser?: BrowserDecision[]): ReplayDecision[] {
  const decisions: ReplayDecision[] = [];
  steps.forEach((step, i) => {
    if (step.setCookie.length > 0) {
      clock.now = step.time;
      const request = new CookieRequest(step.url, { unverifiable: step.unverifiable, originReqHost: step.originReqHost });
      for (const d of jar.extractCookies({ headers: step.setCookie.map((line) => ['Set-Cookie', line] as const) }, request)) {
        decisions.push({ entry: step.entry, url: step.url, name: d.cookie.name, domain: d.cookie.domain, path: d.cookie.path, accepted: d.accepted, rule: d.rule ?? null, reason: d.reason ?? null });
      }
      if (store) {
        const context = step.kind === 'top-level' ? { url: step.url, kind: step.kind } : { url: step.url, kind: step.kind, topLevelUrl: step.topLevelUrl };
        for (const v of store.setFromResponse(step.setCookie, { ...context, now: step.time * 1000 })) {
          browser?.push({ entry: step.entry, url: step.url, line: v.line, name: v.cookie?.name ?? v.deletion?.name ?? null, outcome: v.outcome, reasons: [...v.reasons], sentence: v.sentence });
        }
      }
    }
    onStep?.(i + 1);
  });
  return decisions;
}

export async function replay(file: string, options: ReplayOptions): Promise<number> {
  const expectations = (options.expect ?? []).map(parseExpectation);
  const loaded = await loadPolicy(options.policy);
  const bytes = await readBytes(file);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new InputError(`${file}: not JSON (${(error as Error).message})`);
  }
  const steps = harSteps(data);
  const clock = { now: steps[0]?.time ?? 0 };
  const jar = new CookieJar(loaded.policy, { now: () => clock.now });
  const bar = steps.length > PROGRESS_THRESHOLD && process.stderr.isTTY && options.quiet !== true
    ? new SingleBar({ format: 'replay [{bar}] {percentage}% | {value}/{total} entries', stream: process.stderr, hideCursor: true, clearOnComplete: true })
    : null;
  bar?.start(steps.length, 0);
  let shown = 0;
  const store = browserStore(options, () => clock.now);
  const browser: BrowserDecision[] = [];
  const decisions = replaySteps(steps, jar, clock, bar === null ? undefined : (done) => { if (done - shown >= 500 || done === steps.length) { shown = done; bar.update(done); } }, store, browser);
  bar?.stop();
  const cookies = [...jar];
  // With --browser the expectations are on the browser's verdicts (stored or refused), else on the policy's.
  const results = expectations.map((e) => {
    const matches = (name: string | null, domain: string | null) => name === e.name && (e.domain === null || (domain ?? '').replace(/^\./, '') === e.domain);
    let got: string;
    let why: { rule?: string; reason?: string | null } = {};
    if (store === null) {
      const last = decisions.filter((d) => matches(d.name, d.domain)).at(-1);
      got = last === undefined ? 'never set' : last.accepted ? 'accepted' : 'refused';
      if (last?.rule) why = { rule: last.rule, reason: last.reason };
    } else {
      const last = browser.filter((b) => matches(b.name, null)).at(-1);
      got = last === undefined ? 'never set' : last.outcome === 'refused' ? 'refused' : 'accepted';
      if (last !== undefined && last.outcome === 'refused') why = { rule: last.reasons.join(', '), reason: last.sentence };
    }
    return { expect: `${e.name}${e.domain === null ? '' : `@${e.domain}`}=${e.want}`, got, ok: got === e.want, ...why };
  });
  const broken = results.filter((r) => !r.ok).length;
  if (options.json === true) {
    printJson({ file, policy: loaded.label, entries: steps.length, decisions, jar: cookies.map(cookieRecord), ...(store === null ? {} : { browser: { name: options.browser, decisions: browser } }), expectations: results });
  } else {
    for (const d of decisions) {
      const verdict = d.accepted ? c.green('accepted') : c.red('refused ');
      process.stdout.write(`${verdict} ${d.name} ${c.dim(`${d.domain}${d.path}`)} ${c.dim(`from ${shortUrl(d.url)}`)}${d.accepted ? '' : `: ${d.reason ?? ''} ${c.dim(`[${d.rule ?? ''}]`)}`}\n`);
    }
    for (const b of browser) {
      const verdict = b.outcome === 'refused' ? c.red('refused ') : c.green(b.outcome.padEnd(8));
      process.stdout.write(`${c.cyan(`${options.browser ?? ''}:`)} ${verdict} ${b.name ?? JSON.stringify(b.line)} ${c.dim(`from ${shortUrl(b.url)}`)}${b.outcome === 'refused' ? `: ${b.sentence} ${c.dim(`[${b.reasons.join(', ')}]`)}` : ''}\n`);
    }
    const refused = decisions.filter((d) => !d.accepted).length;
    process.stdout.write(`${c.bold(`${steps.length} entries, ${decisions.length} cookies set: ${decisions.length - refused} accepted, ${refused} refused; ${cookies.length} in the jar`)} ${c.dim(`(policy: ${loaded.label})`)}\n`);
    for (const r of results) process.stdout.write(`${r.ok ? c.green('ok  ') : c.red('FAIL')} expect ${r.expect}: ${r.got}${'reason' in r && r.reason ? ` (${r.reason})` : ''}\n`);
  }
  return broken > 0 ? EXIT.findings : EXIT.ok;
}
