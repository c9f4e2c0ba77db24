// A fake browser for the background's unit tests: storage areas (with held-back reads, quota as the
// browser counts it, failing writes, write counting), webRequest/tabs/runtime/cookies/storage events
// that tests dispatch, and a cookie store. The Background is wired to it by the same
// registerListeners() the real worker uses.
import type { BeforeRedirectDetails, BeforeSendHeadersDetails, HeadersReceivedDetails, RequestDetails } from '../adapter';
import { Background, type BackgroundOptions, type CookieChange } from '../service';
import { itemBytes, type StorageArea } from '../store';
import { registerListeners } from '../wiring';
import { fakeCookiesApi, type FakeCookiesApi } from './fakeCookies';

export interface FakeStorage extends StorageArea {
  data: Record<string, unknown>;
  /** set() and remove() calls that changed something. */
  writes: number;
  /** The keys of every set() call, in order (a test sees which records a flush wrote). */
  written: string[][];
  /** Reads wait until this is called (a worker waking up slowly); released at once unless `held`. */
  release(): void;
  /** Makes every set() reject with this message (null: succeed). */
  failWith: string | null;
  /** Makes a set() that includes one of these keys reject. */
  failKeys: Set<string>;
  /** Refuses a set() that would take the area past this many bytes (key + JSON, as Chrome counts); null: no quota. */
  quotaBytes: number | null;
  /** Bytes stored, as the browser counts them. */
  bytes(): number;
}

export function fakeStorage(initial: Record<string, unknown> = {}, options: { held?: boolean; quotaBytes?: number | null } = {}): FakeStorage {
  let release: () => void = () => undefined;
  const gate = options.held === true ? new Promise<void>((resolve) => { release = resolve; }) : Promise.resolve();
  const area: FakeStorage = {
    data: structuredClone(initial),
    writes: 0,
    written: [],
    failWith: null,
    failKeys: new Set(),
    quotaBytes: options.quotaBytes ?? null,
    release: () => { release(); },
    bytes: () => Object.entries(area.data).reduce((n, [key, value]) => n + itemBytes(key, value), 0),
    get: async (keys) => {
      await gate;
      const out: Record<string, unknown> = {};
      const wanted = keys === null ? Object.keys(area.data) : Array.isArray(keys) ? keys : [keys];
      for (const key of wanted) if (key in area.data) out[key] = structuredClone(area.data[key]);
      return out;
    },
    set: (items) => {
      if (area.failWith !== null) return Promise.reject(new Error(area.failWith));
      const failing = Object.keys(items).find((key) => area.failKeys.has(key));
      if (failing !== undefined) return Promise.reject(new Error(`refused ${failing}`));
      if (area.quotaBytes !== null) {
        const after = { ...area.data, ...items };
        const bytes = Object.entries(after).reduce((n, [key, value]) => n + itemBytes(key, value), 0);
        if (bytes > area.quotaBytes) return Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
      }
      area.writes++;
      area.written.push(Object.keys(items));
      Object.assign(area.data, structuredClone(items));
      return Promise.resolve();
    },
    remove: (keys) => {
      for (const key of Array.isArray(keys) ? keys : [keys]) Reflect.deleteProperty(area.data, key);
      area.writes++;
      return Promise.resolve();
    },
  };
  return area;
}

class FakeEvent<L extends (...args: never[]) => void> {
  readonly listeners: { listener: L; options: unknown[] }[] = [];
  addListener(listener: L, ...options: unknown[]): void { this.listeners.push({ listener, options }); }
  removeListener(listener: L): void {
    const index = this.listeners.findIndex((entry) => entry.listener === listener);
    if (index >= 0) this.listeners.splice(index, 1);
  }
  hasListeners(): boolean { return this.listeners.length > 0; }
  dispatch(...args: Parameters<L>): void { for (const { listener } of this.listeners) listener(...args); }
}

export function fakeEvents() {
  return {
    webRequest: {
      onHeadersReceived: new FakeEvent<(d: HeadersReceivedDetails) => void>(),
      onBeforeRedirect: new FakeEvent<(d: BeforeRedirectDetails) => void>(),
      onBeforeSendHeaders: new FakeEvent<(d: BeforeSendHeadersDetails) => void>(),
    },
    tabs: {
      onCreated: new FakeEvent<(tab: { id?: number | undefined; incognito: boolean }) => void>(),
      onRemoved: new FakeEvent<(tabId: number) => void>(),
    },
    runtime: { onStartup: new FakeEvent<() => void>() },
    cookies: { onChanged: new FakeEvent<(change: CookieChange) => void>() },
    storage: { onChanged: new FakeEvent<(changes: Record<string, { newValue?: unknown }>, areaName: string) => void>() },
  };
}

export interface FakeBrowser {
  events: ReturnType<typeof fakeEvents>;
  local: FakeStorage;
  session: FakeStorage;
  /** The browser's cookies, of every store (a cookie without `storeId` is in every store). */
  cookieStore: Record<string, unknown>[];
  /** The fake cookies API over cookieStore (Chromium's behaviour: testing/fakeCookies.ts). */
  cookies: FakeCookiesApi;
  openTabs: { id: number; incognito: boolean }[];
  /** Firefox's containers, as `contextualIdentities.query` answers. */
  containers: { cookieStoreId: string; name: string; color: string; colorCode: string; icon: string }[];
  background: Background;
  /** Milliseconds since the epoch; tests move it. */
  clock: { now: number };
}

/**
 * A Background wired to a fake browser. Storage can be pre-filled (a worker waking up) and held
 * back. `incognitoInstance`: Chrome's split incognito instance (it gets no storage area; it only
 * reads the settings through `readSettings`, from `local`).
 */
export function startFakeBrowser(options: {
  local?: FakeStorage; session?: FakeStorage; background?: Partial<BackgroundOptions>; partitionedCookies?: boolean; incognitoInstance?: boolean;
  cookieStores?: { id: string; tabIds: number[] }[];
} = {}): FakeBrowser {
  const events = fakeEvents();
  const clock = { now: Date.UTC(2025, 0, 1) };
  const cookieStore: Record<string, unknown>[] = [];
  const openTabs: FakeBrowser['openTabs'] = [];
  const containers: FakeBrowser['containers'] = [];
  const local = options.local ?? fakeStorage();
  const session = options.session ?? fakeStorage();
  const incognito = options.incognitoInstance === true;
  const cookies = fakeCookiesApi(cookieStore, {
    now: () => clock.now, ...(options.partitionedCookies === undefined ? {} : { partitioned: options.partitionedCookies }),
    ...(options.cookieStores === undefined ? {} : { stores: options.cookieStores }),
    ...(options.background?.defaultStoreId === undefined ? {} : { defaultStore: options.background.defaultStoreId }),
    onChanged: (change) => { events.cookies.onChanged.dispatch(change); },
  });
  const background = new Background({
    storage: incognito ? null : { local, session },
    readSettings: async () => (await local.get('settings'))['settings'],
    incognitoInstance: incognito,
    quota: { local: local.quotaBytes, session: session.quotaBytes },
    now: () => clock.now,
    cookies,
    identities: { query: () => Promise.resolve(structuredClone(containers)) },
    tabs: { query: () => Promise.resolve(openTabs.map((t) => ({ ...t }))) },
    ...options.background,
  });
  background.useSentHeadersListener(registerListeners(events, background, { headersReceived: ['responseHeaders', 'extraHeaders'], beforeSendHeaders: ['requestHeaders', 'extraHeaders'] }));
  return { events, local, session, cookieStore, cookies, openTabs, containers, background, clock };
}

let requestCounter = 0;

/** Chrome-style request details. */
export function chromeRequest(url: string, init: Partial<RequestDetails> = {}): RequestDetails {
  return { requestId: String(++requestCounter), url, tabId: 1, frameId: 0, type: 'main_frame', timeStamp: Date.UTC(2025, 0, 1), ...init };
}

export function withCookies(details: RequestDetails, ...lines: string[]): HeadersReceivedDetails {
  return { ...details, statusCode: 200, responseHeaders: [{ name: 'Content-Type', value: 'text/html' }, ...lines.map((value) => ({ name: 'Set-Cookie', value }))] };
}
