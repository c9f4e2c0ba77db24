// A fake browser for the background's unit tests: storage areas (with held-back reads, quota,
// failing writes, write counting), webRequest/tabs/runtime events that tests dispatch, and a cookie
// store. The Background is wired to it by the same registerListeners() the real worker uses.
import type { BeforeRedirectDetails, BeforeSendHeadersDetails, HeadersReceivedDetails, RequestDetails } from '../adapter';
import { Background, type BackgroundOptions } from '../service';
import type { StorageArea } from '../store';
import { registerListeners } from '../wiring';

export interface FakeStorage extends StorageArea {
  data: Record<string, unknown>;
  writes: number;
  /** Reads wait until this is called (a worker waking up slowly); released at once unless `held`. */
  release(): void;
  /** Makes every set() reject with this message (null: succeed). */
  failWith: string | null;
}

export function fakeStorage(initial: Record<string, unknown> = {}, options: { held?: boolean } = {}): FakeStorage {
  let release: () => void = () => undefined;
  const gate = options.held === true ? new Promise<void>((resolve) => { release = resolve; }) : Promise.resolve();
  const area: FakeStorage = {
    data: structuredClone(initial),
    writes: 0,
    failWith: null,
    release: () => { release(); },
    get: async (keys) => {
      await gate;
      const out: Record<string, unknown> = {};
      for (const key of Array.isArray(keys) ? keys : [keys]) if (key in area.data) out[key] = structuredClone(area.data[key]);
      return out;
    },
    set: (items) => {
      if (area.failWith !== null) return Promise.reject(new Error(area.failWith));
      area.writes++;
      Object.assign(area.data, structuredClone(items));
      return Promise.resolve();
    },
  };
  return area;
}

class FakeEvent<L extends (...args: never[]) => void> {
  readonly listeners: { listener: L; options: unknown[] }[] = [];
  addListener(listener: L, ...options: unknown[]): void { this.listeners.push({ listener, options }); }
  dispatch(...args: Parameters<L>): void { for (const { listener } of this.listeners) listener(...args); }
}

export function fakeEvents() {
  return {
    webRequest: {
      onHeadersReceived: new FakeEvent<(d: HeadersReceivedDetails) => void>(),
      onBeforeRedirect: new FakeEvent<(d: BeforeRedirectDetails) => void>(),
      onBeforeSendHeaders: new FakeEvent<(d: BeforeSendHeadersDetails) => void>(),
      onCompleted: new FakeEvent<(d: RequestDetails) => void>(),
      onErrorOccurred: new FakeEvent<(d: RequestDetails) => void>(),
    },
    tabs: {
      onCreated: new FakeEvent<(tab: { id?: number | undefined; incognito: boolean }) => void>(),
      onRemoved: new FakeEvent<(tabId: number) => void>(),
    },
    runtime: { onStartup: new FakeEvent<() => void>() },
  };
}

export interface FakeBrowser {
  events: ReturnType<typeof fakeEvents>;
  local: FakeStorage;
  session: FakeStorage;
  cookieStore: Record<string, unknown>[];
  openTabs: { id: number; incognito: boolean }[];
  background: Background;
  /** Milliseconds since the epoch; tests move it. */
  clock: { now: number };
}

/** A Background wired to a fake browser. Storage can be pre-filled (a worker waking up) and held back. */
export function startFakeBrowser(options: {
  local?: FakeStorage; session?: FakeStorage; background?: Partial<BackgroundOptions>; partitionedCookies?: boolean;
} = {}): FakeBrowser {
  const events = fakeEvents();
  const clock = { now: Date.UTC(2025, 0, 1) };
  const cookieStore: Record<string, unknown>[] = [];
  const openTabs: { id: number; incognito: boolean }[] = [];
  const local = options.local ?? fakeStorage();
  const session = options.session ?? fakeStorage();
  const background = new Background({
    local, session, now: () => clock.now,
    cookies: {
      getAll: (details) => {
        if ('partitionKey' in details && options.partitionedCookies === false) return Promise.reject(new Error('Unexpected property "partitionKey"'));
        return Promise.resolve(cookieStore.filter((c) => 'partitionKey' in details || c['partitionKey'] === undefined).map((c) => structuredClone(c)));
      },
    },
    tabs: { query: () => Promise.resolve(openTabs.map((t) => ({ ...t }))) },
    ...options.background,
  });
  registerListeners(events, background, { headersReceived: ['responseHeaders', 'extraHeaders'], beforeSendHeaders: ['requestHeaders', 'extraHeaders'] });
  return { events, local, session, cookieStore, openTabs, background, clock };
}

let requestCounter = 0;

/** Chrome-style request details. */
export function chromeRequest(url: string, init: Partial<RequestDetails> = {}): RequestDetails {
  return { requestId: String(++requestCounter), url, tabId: 1, frameId: 0, type: 'main_frame', timeStamp: Date.UTC(2025, 0, 1), ...init };
}

export function withCookies(details: RequestDetails, ...lines: string[]): HeadersReceivedDetails {
  return { ...details, statusCode: 200, responseHeaders: [{ name: 'Content-Type', value: 'text/html' }, ...lines.map((value) => ({ name: 'Set-Cookie', value }))] };
}
