// replay: every response's Set-Cookie lines of a HAR, in order, through the jar under a policy, with
// each request's context from the HAR; the decisions and the final jar; --expect makes it a CI check.
import { SingleBar } from 'cli-progress';
import { CookieJar, CookieRequest, type Cookie } from '../../jar';
import { EXIT, InputError, UsageError } from '../exit';
import { harSteps, type HarStep } from '../har';
import { printJson, readBytes } from '../io';
import { colors as c } from '../output';
import { loadPolicy } from '../policy';

export interface ReplayOptions { policy?: string | undefined; expect?: string[] | undefined; json?: boolean | undefined; quiet?: boolean | undefined }

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

export function cookieRecord(cookie: Cookie) {
  return cookie.toJSON();
}

/** Runs the steps through a jar; `onStep` is called after each (for a progress bar). */
export function replaySteps(steps: readonly HarStep[], jar: CookieJar, clock: { now: number }, onStep?: (done: number) => void): ReplayDecision[] {
  const decisions: ReplayDecision[] = [];
  steps.forEach((step, i) => {
    if (step.setCookie.length > 0) {
      clock.now = step.time;
      const request = new CookieRequest(step.url, { unverifiable: step.unverifiable, originReqHost: step.originReqHost });
      for (const d of jar.extractCookies({ headers: step.setCookie.map((line) => ['Set-Cookie', line] as const) }, request)) {
        decisions.push({ entry: step.entry, url: step.url, name: d.cookie.name, domain: d.cookie.domain, path: d.cookie.path, accepted: d.accepted, rule: d.rule ?? null, reason: d.reason ?? null });
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
  const decisions = replaySteps(steps, jar, clock, bar === null ? undefined : (done) => { if (done - shown >= 500 || done === steps.length) { shown = done; bar.update(done); } });
  bar?.stop();
  const cookies = [...jar];
  const results = expectations.map((e) => {
    const mine = decisions.filter((d) => d.name === e.name && (e.domain === null || d.domain.replace(/^\./, '') === e.domain));
    const last = mine.at(-1);
    const got = last === undefined ? 'never set' : last.accepted ? 'accepted' : 'refused';
    return { expect: `${e.name}${e.domain === null ? '' : `@${e.domain}`}=${e.want}`, got, ok: got === e.want, ...(last?.rule ? { rule: last.rule, reason: last.reason } : {}) };
  });
  const broken = results.filter((r) => !r.ok).length;
  if (options.json === true) {
    printJson({ file, policy: loaded.label, entries: steps.length, decisions, jar: cookies.map(cookieRecord), expectations: results });
  } else {
    for (const d of decisions) {
      const verdict = d.accepted ? c.green('accepted') : c.red('refused ');
      process.stdout.write(`${verdict} ${d.name} ${c.dim(`${d.domain}${d.path}`)} ${c.dim(`from ${d.url}`)}${d.accepted ? '' : `: ${d.reason ?? ''} ${c.dim(`[${d.rule ?? ''}]`)}`}\n`);
    }
    const refused = decisions.filter((d) => !d.accepted).length;
    process.stdout.write(`${c.bold(`${steps.length} entries, ${decisions.length} cookies set: ${decisions.length - refused} accepted, ${refused} refused; ${cookies.length} in the jar`)} ${c.dim(`(policy: ${loaded.label})`)}\n`);
    for (const r of results) process.stdout.write(`${r.ok ? c.green('ok  ') : c.red('FAIL')} expect ${r.expect}: ${r.got}${'reason' in r && r.reason ? ` (${r.reason})` : ''}\n`);
  }
  return broken > 0 ? EXIT.findings : EXIT.ok;
}
