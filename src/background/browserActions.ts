// The messages that change cookies: edit, create and delete in the browser's store (any store:
// the normal one, an incognito one, partitioned cookies), delete from the jar, and undo the last
// change. Every change is all or nothing (cookieChanges.ts) and is checked by the browser model
// before it is applied (browserCheck.ts). docs/messages.md lists the messages.
import type { Handlers } from '../shared/dispatch';
import { plural } from '../shared/words';
import { browserIdentity, identityKey, type CookieIdentity } from '../shared/cookieIdentity';
import type { AppliedCookie, BrowserCookie, BrowserCookieInput, ChangeSummary, ImportPreview, ImportRequest, ImportResult } from '../shared/protocol';
import { asStored, checkWrite, completeInput, differences, inputIdentity, inputOf } from '../shared/cookieWrite';
import { ImportError, importResult, nothingToImport, planImport, type ImportPlan } from '../shared/importPlan';
import { BrowserStore, type CookiesWriteApi } from './browserStore';
import { applyJarSteps, applySteps, jarCookiesOf, type AppliedStep, type JarPort, type JarStep, type PlannedStep } from './cookieChanges';
import type { StorageArea } from './store';

export interface TabsQueryApi { query(query: Record<string, unknown>): Promise<{ id?: number | undefined; incognito: boolean }[]> }

export interface CookieActionsOptions {
  cookies: CookiesWriteApi | undefined;
  tabs?: TabsQueryApi | undefined;
  /** Where the undo record of a change to a normal store survives the worker being stopped (storage.session); null: nowhere (a private instance). */
  session: StorageArea | null;
  /** Whether a store is private (incognito, a private window): its undo record never reaches a storage area. */
  isPrivate: (storeId: string | undefined) => boolean;
  jar: JarPort;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Every message waits for this first (the worker's stored state, the jar among it). */
  ready?: Promise<void>;
}

/** What undoes one change: every step with its cookie before and after, per store. */
export interface ChangeRecord { summary: ChangeSummary; browser: AppliedStep[]; jar: JarStep[] }

/** The messages this module answers (the service worker's handler map takes them from here). */
export type ActionMessage = 'checkBrowserCookie' | 'setBrowserCookie' | 'removeCookies' | 'getLastChange' | 'undoLastChange' | 'previewImport' | 'importCookies';

export const UNDO_KEY = 'lastChange';

export class NothingToUndoError extends Error {
  override name = 'NothingToUndoError' as const;
  constructor() { super('There is no change to undo.'); }
}

/** The browser model refused a cookie: nothing was written. */
export class BrowserRefusedError extends Error {
  override name = 'BrowserRefusedError' as const;
  constructor(readonly reasons: string[], sentence: string) { super(`The browser would refuse it: ${sentence}`); }
}


export class CookieActions {
  private last: ChangeRecord | null | undefined;
  private nextId = 1;
  /** One change at a time: a second click waits for the first. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: CookieActionsOptions) {}

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private store(storeId: string | undefined): BrowserStore {
    const api = this.options.cookies;
    if (api === undefined) throw Object.assign(new Error('The browser’s cookie store is not available here.'), { name: 'Unavailable' });
    return new BrowserStore(api, storeId);
  }

  // --- the undo record ----------------------------------------------------------------------------

  private async remember(record: ChangeRecord | null): Promise<void> {
    this.last = record;
    const keep = record !== null && !this.options.isPrivate(record.summary.storeId ?? undefined);
    // Nothing of an incognito store reaches a storage area: its undo lives in memory only.
    await this.options.session?.set({ [UNDO_KEY]: keep ? record : null }).catch(() => undefined);
  }

  async lastChange(): Promise<ChangeRecord | null> {
    if (this.last === undefined) {
      const stored = (await this.options.session?.get(UNDO_KEY).catch(() => ({})) as Record<string, unknown> | undefined)?.[UNDO_KEY];
      this.last = isRecord(stored) ? stored : null;
      if (this.last !== null) this.nextId = this.last.summary.id + 1;
    }
    return this.last;
  }

  /** The summary of a change; its store is the one the cookies say they are in (the default store has an id too). */
  private summary(label: string, storeId: string | undefined, browser: readonly AppliedStep[], jar: number): ChangeSummary {
    const step = browser[0];
    const actual = step === undefined ? null : (step.after ?? step.before)?.storeId ?? storeId ?? null;
    return { id: this.nextId++, label, storeId: browser.length > 0 ? (actual === '' ? storeId ?? null : actual) : null, time: this.options.now(), browser: browser.length, jar };
  }

  // --- check, set ---------------------------------------------------------------------------------

  async check(storeId: string | undefined, cookie: BrowserCookieInput): Promise<ReturnType<typeof checkWrite>> {
    const existing = await this.store(storeId).find(inputIdentity(cookie));
    return checkWrite(cookie, existing ?? null, this.options.now());
  }

  /** Writes one cookie (an edit that changes its identity also removes the old one), all or nothing. */
  set(storeId: string | undefined, asked: BrowserCookieInput, replaces: CookieIdentity | undefined): Promise<AppliedCookie> {
    return this.exclusive(async () => {
      const store = this.store(storeId);
      const first = completeInput(asked);
      const existingAsked = (await store.find(inputIdentity(first))) ?? null;
      let check = checkWrite(first, existingAsked, this.options.now());
      if (!check.ok) throw new BrowserRefusedError(check.reasons, check.sentence);
      // Keyed as the browser will key it (an IP Domain makes a host-only cookie): what it replaces is that one.
      const cookie = asStored(first, check);
      const identity = inputIdentity(cookie);
      const existing = cookie === first ? existingAsked : (await store.find(identity)) ?? null;
      if (cookie !== first) check = { ...check, replaces: existing };
      const steps: PlannedStep[] = [];
      // Already expired: the write deletes the cookie of this identity.
      if (check.outcome === 'deleted') {
        if (existing !== null) steps.push({ before: existing, after: null });
      } else {
        steps.push({ before: existing, after: cookie });
      }
      const old = replaces === undefined || identityKey(replaces) === identityKey(identity) ? null : (await store.find(replaces)) ?? null;
      if (old !== null) steps.push({ before: old, after: null });
      const applied = await applySteps(store, steps);
      const stored = check.outcome === 'deleted' ? null : applied[0]?.after ?? null;
      const label = check.outcome === 'deleted' ? `Deleted ${JSON.stringify(cookie.name)} (an expiry in the past)`
        : replaces === undefined ? `Created ${JSON.stringify(cookie.name)}` : `Edited ${JSON.stringify(cookie.name)}`;
      const record: ChangeRecord = { summary: this.summary(label, storeId, applied, 0), browser: applied, jar: [] };
      await this.remember(applied.length > 0 ? record : await this.lastChange());
      return { check, stored, differences: stored === null ? [] : differences(cookie, stored, this.options.now()), change: record.summary };
    });
  }

  // --- remove -------------------------------------------------------------------------------------

  /** Removes exactly these cookies from the browser's store and the jar, all or nothing. */
  remove(storeId: string | undefined, browser: readonly CookieIdentity[], jar: readonly CookieIdentity[], label: string | undefined) {
    return this.exclusive(async () => {
      let missing = 0;
      const steps: PlannedStep[] = [];
      if (browser.length > 0) {
        const index = await this.store(storeId).index();
        const seen = new Set<string>();
        for (const identity of browser) {
          const key = identityKey(identity);
          if (seen.has(key)) continue;
          seen.add(key);
          const cookie = index.get(key);
          if (cookie === undefined) missing++;
          else steps.push({ before: cookie, after: null });
        }
      }
      const inJar = jarCookiesOf(this.options.jar, jar);
      missing += inJar.missing;
      const jarSteps: JarStep[] = inJar.found.map((cookie) => ({ before: cookie, after: null }));
      const total = steps.length + jarSteps.length;
      const change = await this.applyChange(storeId, steps, jarSteps, label ?? `Deleted ${plural(total, 'cookie')}`);
      return { browser: change?.browser ?? 0, jar: change?.jar ?? 0, missing, change };
    });
  }

  // --- undo ---------------------------------------------------------------------------------------

  /** Applies planned browser steps and jar steps as one change, remembered for undo (call inside `exclusive`). */
  private async applyChange(storeId: string | undefined, steps: PlannedStep[], jarSteps: JarStep[], label: string): Promise<ChangeSummary | null> {
    const applied = steps.length === 0 ? [] : await applySteps(this.store(storeId), steps);
    applyJarSteps(this.options.jar, jarSteps);
    if (applied.length + jarSteps.length === 0) return null;
    const summary = this.summary(label, storeId, applied, jarSteps.length);
    await this.remember({ summary, browser: applied, jar: jarSteps });
    return summary;
  }

  // --- import -------------------------------------------------------------------------------------

  private plan(request: ImportRequest): Promise<ImportPlan> {
    return planImport(request, {
      targets: { browser: () => this.store(request.storeId).index(), jar: () => this.options.jar.index() },
      nowMs: this.options.now(),
    });
  }

  async previewImport(request: ImportRequest): Promise<ImportPreview> {
    return (await this.plan(request)).preview;
  }

  /** Imports what the preview shows as new or replacing (refused and expired cookies are left out), all or nothing. */
  importCookies(request: ImportRequest): Promise<ImportResult> {
    return this.exclusive(async () => {
      const plan = await this.plan(request);
      const why = nothingToImport(plan.preview);
      if (why !== null) throw new ImportError(why);
      const count = plan.preview.counts.add + plan.preview.counts.replace;
      const label = `Imported ${plural(count, 'cookie')} into ${request.target === 'jar' ? 'the jar' : 'the browser'}`;
      const change = await this.applyChange(request.storeId, plan.browserSteps, plan.jarSteps, label);
      return importResult(plan.preview, change);
    });
  }

  undo(): Promise<{ undone: ChangeSummary; browser: number; jar: number }> {
    return this.exclusive(async () => {
      const record = await this.lastChange();
      if (record === null) throw new NothingToUndoError();
      let browser = 0;
      if (record.browser.length > 0) {
        const store = this.store(record.summary.storeId ?? undefined);
        const index = await store.index();
        // Each identity back to what it was, from what it is now (it may have changed since).
        const steps: PlannedStep[] = [...record.browser].reverse().flatMap((step) => {
          const key = identityKey(browserIdentity((step.after ?? step.before) as BrowserCookie));
          const current = index.get(key) ?? null;
          if (step.before === null && current === null) return [];
          return [{ before: current, after: step.before === null ? null : inputOf(step.before) }];
        });
        browser = (await applySteps(store, steps)).length;
      }
      const jarSteps: JarStep[] = [...record.jar].reverse().map((step) => ({ before: step.after, after: step.before }));
      applyJarSteps(this.options.jar, jarSteps);
      await this.remember(null);
      return { undone: record.summary, browser, jar: jarSteps.length };
    });
  }

  // --- the handler map ----------------------------------------------------------------------------

  handlers(): Pick<Handlers, ActionMessage> {
    const ready = async <T>(work: () => Promise<T>): Promise<T> => { await this.options.ready; return work(); };
    return {
      checkBrowserCookie: (m) => ready(() => this.check(m.storeId, m.cookie)),
      setBrowserCookie: (m) => ready(() => this.set(m.storeId, m.cookie, m.replaces)),
      removeCookies: (m) => ready(() => this.remove(m.storeId, m.browser ?? [], m.jar ?? [], m.label)),
      getLastChange: () => ready(async () => (await this.lastChange())?.summary ?? null),
      undoLastChange: () => ready(() => this.undo()),
      previewImport: (m) => ready(() => this.previewImport(m)),
      importCookies: (m) => ready(() => this.importCookies(m)),
    };
  }
}

function isRecord(value: unknown): value is ChangeRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<ChangeRecord>;
  return typeof record.summary === 'object' && Array.isArray(record.browser) && Array.isArray(record.jar);
}

