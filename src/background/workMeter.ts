// The worker's own time, measured where it is spent: a performance.now() span around every event it
// handles (by kind) and around the synchronous parts of every flush (collecting the changed records,
// measuring them, handing them to storage). Shown in the status (`work`), so that a benchmark or a
// user can tell whether a slower page load comes from the worker, and from which part of it.
import type { WorkKind, WorkStatus } from '../shared/protocol';

const now: () => number = typeof performance === 'undefined' ? Date.now : () => performance.now();

export class WorkMeter {
  private readonly kinds = new Map<WorkKind, { count: number; ms: number }>();
  private flushes = { count: 0, ms: 0 };

  /** Runs `work` and counts its time under `kind`. */
  time(kind: WorkKind, work: () => void): void {
    const start = now();
    try {
      work();
    } finally {
      const spent = now() - start;
      const entry = this.kinds.get(kind);
      if (entry === undefined) this.kinds.set(kind, { count: 1, ms: spent });
      else { entry.count++; entry.ms += spent; }
    }
  }

  /** Starts a span of flush work; the returned function ends it. */
  flushSpan(): () => void {
    const start = now();
    return () => { this.flushes.ms += now() - start; };
  }

  flushed(): void {
    this.flushes.count++;
  }

  status(): WorkStatus {
    const events: WorkStatus['events'] = {};
    for (const [kind, { count, ms }] of this.kinds) events[kind] = { count, ms };
    return { events, flushes: { ...this.flushes } };
  }
}
