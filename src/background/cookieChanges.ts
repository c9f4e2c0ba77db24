// Changes to the browser's store and the jar, applied all or nothing, and the record that undoes
// them. A change is a list of steps, one per cookie identity: what was there before (null:
// nothing) and what is to be there after (null: nothing). Applying writes every step, then reads
// the store back once; if any step did not take, every step is put back as it was before (what was
// created removed, what was overwritten or deleted restored), and the error says so.
import { browserIdentity, identityKey, jarIdentity, type CookieIdentity } from '../shared/cookieIdentity';
import type { BrowserCookie, BrowserCookieInput, CookieJSON } from '../shared/protocol';
import { hostOf, inputIdentity, inputOf } from '../shared/cookieWrite';
import { plural } from '../shared/words';
import { siteOf } from './cookies';
import { BrowserStoreError, type BrowserStore } from './browserStore';

/** One cookie identity of the browser's store: as it is, and as it is to be. */
export interface PlannedStep { before: BrowserCookie | null; after: BrowserCookieInput | null }
/** One step as applied: before, and after as the store holds it now (read back). */
export interface AppliedStep { before: BrowserCookie | null; after: BrowserCookie | null }
/** One cookie identity of the jar: before and after, as plain data. */
export interface JarStep { before: CookieJSON | null; after: CookieJSON | null }

/** What the store must hold for a step to have taken: the identity with the value and flags asked (the expiry may be capped). */
function took(stored: BrowserCookie | undefined, wanted: BrowserCookieInput | null): boolean {
  if (wanted === null) return stored === undefined;
  if (stored === undefined) return false;
  const held = inputOf(stored);
  return held.value === wanted.value && held.secure === wanted.secure && held.httpOnly === wanted.httpOnly
    && held.sameSite === wanted.sameSite && (held.expirationDate === undefined) === (wanted.expirationDate === undefined);
}

function stepKey(step: PlannedStep): string {
  if (step.after !== null) return identityKey(inputIdentity(step.after));
  if (step.before !== null) return identityKey(browserIdentity(step.before));
  throw new Error('A change step needs a cookie before or after it.');
}

function describe(cookie: BrowserCookieInput | BrowserCookie): string {
  return `${JSON.stringify(cookie.name)} (${cookie.domain}${cookie.path})`;
}

/** Issues the writes and deletions of `targets` (identity key → wanted, null: absent), returning the API's messages of failure. */
async function issue(store: BrowserStore, targets: { key: string; wanted: BrowserCookieInput | null; current: BrowserCookie | null }[]): Promise<Map<string, string>> {
  const failures = new Map<string, string>();
  for (const { key, wanted, current } of targets) {
    try {
      if (wanted !== null) await store.set(wanted);
      else if (current !== null) await store.set({ ...inputOf(current), expirationDate: 1 });
    } catch (error) {
      failures.set(key, error instanceof Error ? error.message : String(error));
    }
  }
  return failures;
}

/** Chromium keeps at most this many cookies per site (kDomainMaxCookies), evicting the least recently used beyond it down to 150. */
const PER_SITE_LIMIT = 180;
const PER_SITE_PURGED = 150;

/**
 * Applies the steps to the store, all or nothing: returns each step as the store now holds it, or
 * throws BrowserStoreError after putting every step back as it was. The other cookies of the sites
 * the change touches are watched too: a browser evicts them to make room (over 180 cookies of a
 * site), and a change that cost them is undone as well, so that nothing else is lost.
 */
export async function applySteps(store: BrowserStore, steps: readonly PlannedStep[]): Promise<AppliedStep[]> {
  if (steps.length === 0) return [];
  const keys = steps.map(stepKey);
  const stepKeys = new Set(keys);
  const sites = new Set(steps.map((step) => siteOf(hostOf(((step.after ?? step.before) as BrowserCookieInput).domain))));
  const neighbours = [...await store.index()].filter(([key, cookie]) => !stepKeys.has(key) && sites.has(siteOf(cookie.domain)));
  const failures = await issue(store, steps.map((step, i) => ({ key: keys[i] ?? '', wanted: step.after, current: step.before })));
  const now = await store.index();
  const failed = steps.findIndex((step, i) => !took(now.get(keys[i] ?? ''), step.after));
  const evicted = neighbours.filter(([key, cookie]) => !took(now.get(key), inputOf(cookie)));
  if (failed < 0 && evicted.length === 0) return steps.map((step, i) => ({ before: step.before, after: now.get(keys[i] ?? '') ?? null }));

  // Put every step, and every neighbour lost, back as it was before.
  const reasons: string[] = [];
  if (failed >= 0) {
    const failedStep = steps[failed] as PlannedStep;
    const why = failures.get(keys[failed] ?? '');
    const site = failedStep.after === null ? '' : siteOf(hostOf(failedStep.after.domain));
    const ofSite = [...now.values()].filter((c) => c.partitionKey?.topLevelSite === undefined && siteOf(c.domain) === site).length;
    if (failedStep.after !== null && why === undefined && ofSite >= PER_SITE_PURGED) {
      // Written without complaint, then gone, with the site at its limit: evicted to make room.
      reasons.push(`The browser did not keep ${describe(failedStep.after)}: it accepted it, then evicted it to make room (Chromium keeps at most ${PER_SITE_LIMIT} cookies per site)`);
    } else {
      const what = failedStep.after === null ? `delete ${describe(failedStep.before as BrowserCookie)}` : `store ${describe(failedStep.after)}`;
      reasons.push(`The browser did not ${what}${why === undefined ? '' : `: ${why}`}`);
    }
  }
  if (evicted.length > 0) {
    reasons.push(`${failed >= 0 ? 'it' : 'The browser'} evicted ${plural(evicted.length, 'other cookie')} of ${[...sites].join(', ')} to make room (Chromium keeps at most ${PER_SITE_LIMIT} cookies per site)`);
  }
  const reason = reasons.join(', and ');
  const wantedBack = [
    ...steps.map((step, i) => ({ key: keys[i] ?? '', wanted: step.before === null ? null : inputOf(step.before) })),
    ...evicted.map(([key, cookie]) => ({ key, wanted: inputOf(cookie) })),
  ];
  const back = wantedBack.map(({ key, wanted }) => ({ key, wanted, current: now.get(key) ?? null }))
    .filter(({ wanted, current }) => (wanted === null ? current !== null : !took(current ?? undefined, wanted)));
  // Deletions first (they make room), then the cookies that were there.
  await issue(store, [...back.filter((b) => b.wanted === null), ...back.filter((b) => b.wanted !== null)]);
  const after = await store.index();
  const unrestored = wantedBack.filter(({ key, wanted }) => !took(after.get(key), wanted));
  if (unrestored.length === 0) throw new BrowserStoreError(`${reason}. Nothing was changed: everything written before it was put back as it was.`);
  throw new BrowserStoreError(`${reason}. Putting the cookies back failed for ${plural(unrestored.length, 'cookie')} (${unrestored.slice(0, 3).map(({ key }) => JSON.stringify(key.split('\t')[2] ?? key)).join(', ')}): the store differs from before there.`);
}

/** The jar as the changes need it: find, put and remove cookies by identity. */
export interface JarPort {
  /** The jar's cookies by identity key (each list in the jar's order). */
  index(): Map<string, CookieJSON[]>;
  put(cookie: CookieJSON): void;
  remove(cookie: CookieJSON): void;
}

export function jarKey(cookie: CookieJSON): string {
  return identityKey(jarIdentity(cookie));
}

/** Applies jar steps (they cannot fail: the jar is ours). */
export function applyJarSteps(port: JarPort, steps: readonly JarStep[]): void {
  for (const step of steps) {
    if (step.before !== null && (step.after === null || jarKey(step.before) !== jarKey(step.after) || step.before.domain !== step.after.domain)) port.remove(step.before);
    if (step.after !== null) port.put(step.after);
  }
}

/** The jar's cookies with these identities (every one of the jar's cookies of that identity). */
export function jarCookiesOf(port: JarPort, identities: readonly CookieIdentity[]): { found: CookieJSON[]; missing: number } {
  const index = port.index();
  const found: CookieJSON[] = [];
  let missing = 0;
  const seen = new Set<string>();
  for (const identity of identities) {
    const key = identityKey({ ...identity, partition: null });
    if (seen.has(key)) continue;
    seen.add(key);
    const cookies = index.get(key);
    if (cookies === undefined) missing++;
    else found.push(...cookies);
  }
  return { found, missing };
}
