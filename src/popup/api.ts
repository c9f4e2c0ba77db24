// What the UI needs of the extension, as an interface: the real implementation talks to the
// service worker over the protocol; component tests use the mock.
import { request } from '../shared/messaging';
import type { ObservedSetCookie } from '../shared/protocol';

export interface PopupApi {
  getObserved(): Promise<ObservedSetCookie[]>;
  clearObserved(): Promise<void>;
}

export const extensionApi: PopupApi = {
  getObserved: () => request({ type: 'getObserved' }),
  clearObserved: async () => { await request({ type: 'clearObserved' }); },
};

export function mockApi(lines: ObservedSetCookie[] = []): PopupApi & { lines: ObservedSetCookie[] } {
  return {
    lines,
    getObserved() { return Promise.resolve([...this.lines]); },
    clearObserved() { this.lines = []; return Promise.resolve(); },
  };
}
