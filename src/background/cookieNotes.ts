// Why a cookie is in one store and not the other (the Site view's "only in jar" and "only in
// browser" rows), from what the worker saw: the decision log (both verdicts of every Set-Cookie
// line) and what the browser's store did outside any observed response (browserVerdicts.ts).
// - Only in the jar: the browser refused it (its reasons), or stored it and removed it since, or
//   no logged Set-Cookie set it (imported into the jar, or its decision has left the log).
// - Only in the browser: the policy refused it (the rule), or the jar evicted or lost it, or no
//   observed Set-Cookie set it: a page's script or an extension, or it was there before the
//   extension was watching.
import { browserIdentity, identityKey, jarIdentity, type CookieIdentity } from '../shared/cookieIdentity';
import type { BrowserCookie, BrowserVerdict, CookieJSON, CookieNote } from '../shared/protocol';
import { identityOf, verdictOf, type CookieHistory } from './browserVerdicts';
import type { LoggedDecision, LoggedResponse } from './decisionLog';

/** The newest logged decision of a cookie, with the browser's verdict on its line. */
interface Found { decision: LoggedDecision; verdict: BrowserVerdict | undefined; time: number }

/** A decision's cookie identity, read from its stored tuple without decoding it (codec.ts: name 1, domain 4, path 5, flags 7). */
function decisionKey(decision: LoggedDecision): string | null {
  const stored = decision.cookie;
  if (stored === null) return null;
  return identityKey({ name: stored[1], domain: stored[4], path: stored[5], hostOnly: (stored[7] & 2) === 0, partition: null });
}

/** For each wanted identity, its newest decision in the log (newest responses first). */
function newestDecisions(responses: Iterable<LoggedResponse>, wanted: ReadonlySet<string>): Map<string, Found> {
  const found = new Map<string, Found>();
  if (wanted.size === 0) return found;
  for (const response of responses) {
    for (let d = response.decisions.length - 1; d >= 0; d--) {
      const decision = response.decisions[d] as LoggedDecision;
      const key = decisionKey(decision);
      if (key === null || !wanted.has(key) || found.has(key)) continue;
      const logged = decision.kind === undefined ? response.lines[decision.line]?.browser : undefined;
      found.set(key, { decision, verdict: logged === undefined ? undefined : verdictOf(logged, response.sentences), time: response.time });
      if (found.size === wanted.size) return found;
    }
  }
  return found;
}

const CAUSES: Record<string, string> = {
  explicit: 'deleted (by a script, an extension, or the user clearing data)',
  expired: 'expired',
  expired_overwrite: 'deleted by an already expired cookie (a Set-Cookie or a script)',
  evicted: 'evicted by the browser to stay within its limits',
};

function causeWords(cause: string): string {
  return CAUSES[cause] ?? `removed (${cause})`;
}

function at(time: number): string {
  return new Date(time).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

function jarNote(key: string, found: Found | undefined, history: CookieHistory | undefined): CookieNote {
  const base = { key, side: 'jar' as const };
  if (found === undefined) {
    return { ...base, kind: 'not-logged', sentence: 'No Set-Cookie line in the decision log set it: it was imported into the jar from a file, or its decision has left the log. The browser does not have it.' };
  }
  const verdict = found.verdict;
  if (verdict === undefined) {
    return { ...base, kind: 'browser-unknown', time: found.time, sentence: 'Its Set-Cookie line was logged before the extension kept the browser’s verdict, or it came in a Set-Cookie2 header, which browsers ignore.' };
  }
  if (verdict.stored === false) {
    return {
      ...base, kind: 'browser-refused', time: found.time, reasons: [...verdict.reasons],
      sentence: `The browser refused it (observed at ${at(found.time)}). ${verdict.sentence ?? `The browser model predicted it would store it: a gap in the model.`}`,
    };
  }
  if (verdict.stored === true) {
    const removal = history?.what === 'removed' ? `; since then it was ${causeWords(history.cause)} (${at(history.time)})` : '; it has been removed since, while the extension was not watching';
    return { ...base, kind: 'browser-removed', time: found.time, sentence: `The browser stored it (${at(found.time)})${removal}. The jar keeps it: the policy decides what the jar holds.` };
  }
  return {
    ...base, kind: 'browser-unknown', time: found.time, reasons: [...verdict.reasons],
    sentence: verdict.pending === true
      ? 'The browser’s verdict is not in yet (it comes within seconds).'
      : `What the browser did could not be observed; the model ${verdict.predicted === 'refused' ? `predicts a refusal: ${verdict.sentence ?? ''}` : 'predicts it would be stored.'}`,
  };
}

function browserNote(key: string, found: Found | undefined, history: CookieHistory | undefined): CookieNote {
  const base = { key, side: 'browser' as const };
  if (found !== undefined) {
    const { decision } = found;
    if (decision.kind === 'evicted') {
      return { ...base, kind: 'jar-evicted', time: found.time, ...(decision.rule === undefined ? {} : { rule: decision.rule }), sentence: `The jar evicted it to stay within its limits: ${decision.reason ?? ''}` };
    }
    if (!decision.accepted) {
      return { ...base, kind: 'policy-refused', time: found.time, ...(decision.rule === undefined ? {} : { rule: decision.rule }), sentence: `The policy refused it: ${decision.reason ?? decision.rule ?? ''}` };
    }
    return { ...base, kind: 'jar-removed', time: found.time, sentence: 'The policy accepted it, but the jar no longer holds it: cleared, deleted from the jar, or the jar was rebuilt under another policy.' };
  }
  if (history?.what === 'set') {
    return {
      ...base, kind: 'set-outside', time: history.time,
      sentence: `It was set without a Set-Cookie header the extension saw (${at(history.time)}): by a page’s script (document.cookie, the Cookie Store API) or an extension, an import into the browser included.`,
    };
  }
  return {
    ...base, kind: 'before',
    sentence: 'No Set-Cookie header the extension saw set it: the browser had it before the extension was watching (from before it was installed, or from a time whose log is gone), or a script or an extension set it then.',
  };
}

/**
 * A note for every cookie in one store and not the other. `jar` and `browser` are the two stores'
 * cookies of the site; `responses` the decision log, newest first; `history` what the browser's
 * store did outside observed responses (keyed by browserVerdicts.ts's identityOf).
 */
export function cookieNotes(
  jar: readonly CookieJSON[], browser: readonly BrowserCookie[], responses: Iterable<LoggedResponse>, history: ReadonlyMap<string, CookieHistory>,
): CookieNote[] {
  const jarKeys = new Map<string, CookieJSON>();
  for (const cookie of jar) jarKeys.set(identityKey(jarIdentity(cookie)), cookie);
  const browserKeys = new Map<string, BrowserCookie>();
  for (const cookie of browser) browserKeys.set(identityKey(browserIdentity(cookie)), cookie);
  const onlyInJar = [...jarKeys.keys()].filter((key) => !browserKeys.has(key));
  // The jar has no partitions: a partitioned browser cookie's decisions are under its unpartitioned identity.
  const unpartitioned = (cookie: BrowserCookie): string => identityKey({ ...browserIdentity(cookie), partition: null } satisfies CookieIdentity);
  const onlyInBrowser = [...browserKeys].filter(([key]) => !jarKeys.has(key));
  const found = newestDecisions(responses, new Set([...onlyInJar, ...onlyInBrowser.map(([, cookie]) => unpartitioned(cookie))]));
  const notes: CookieNote[] = [];
  for (const key of onlyInJar) {
    const cookie = jarKeys.get(key) as CookieJSON;
    const domain = cookie.domainSpecified && !cookie.domain.startsWith('.') ? `.${cookie.domain}` : cookie.domain;
    notes.push(jarNote(key, found.get(key), history.get(identityOf({ name: cookie.name, domain, path: cookie.path }))));
  }
  for (const [key, cookie] of onlyInBrowser) {
    notes.push(browserNote(key, found.get(unpartitioned(cookie)), history.get(identityOf(cookie))));
  }
  return notes;
}
