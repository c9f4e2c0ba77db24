// Small pieces shared by the views.
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import { MESSAGE_LIMIT } from '../display';
import { CookieText } from './CookieText';

export type Loadable<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

/**
 * " Nothing was changed." after a failed change's message, unless the message already says how the
 * store stands (the worker says "Nothing was changed: …", or which cookies differ when putting them
 * back failed too: then nothing-changed would be false).
 */
export function nothingChangedUnlessSaid(message: string): string {
  return /[Nn]othing was changed|nothing to import|differs from before/.test(message) ? '' : ' Nothing was changed.';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

/** Runs `load` on mount and whenever `deps` change; `reload` runs it again. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loadable<T>, () => void] {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  // The caller names the dependencies, as with useCallback.
  const stableLoad = useCallback(load, deps);
  // A layout effect: the request starts right after the first render, not a frame later.
  useLayoutEffect(() => {
    let live = true;
    stableLoad().then(
      (value) => { if (live) setState({ status: 'ready', value }); },
      (error: unknown) => { if (live) setState({ status: 'error', message: errorMessage(error) }); },
    );
    return () => { live = false; };
  }, [stableLoad, generation]);
  return [state, () => { setGeneration((n) => n + 1); }];
}

export function Status<T>({ state, children }: { state: Loadable<T>; children: (value: T) => ComponentChildren }): JSX.Element {
  if (state.status === 'loading') return <p class="empty" role="status">Loading…</p>;
  if (state.status === 'error') return <p class="error" role="alert"><CookieText text={state.message} limit={MESSAGE_LIMIT} /></p>;
  return <>{children(state.value)}</>;
}

export function Badge({ kind, children }: { kind: string; children: ComponentChildren }): JSX.Element {
  return <span class={`badge badge-${kind}`}>{children}</span>;
}

export function Notice({ kind, children }: { kind: 'error' | 'ok' | 'warn'; children: ComponentChildren }): JSX.Element {
  return <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>{children}</div>;
}
