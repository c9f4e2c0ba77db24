// What the UI needs of the extension, as an interface: the real implementation talks to the
// service worker over the protocol; component tests use the mock.
import { request } from '../shared/messaging';
import type { DecisionEntry, Status } from '../shared/protocol';

export interface PopupApi {
  getDecisions(): Promise<DecisionEntry[]>;
  clearDecisions(): Promise<void>;
  getStatus(): Promise<Status>;
}

export const extensionApi: PopupApi = {
  getDecisions: () => request({ type: 'getDecisions' }),
  clearDecisions: async () => { await request({ type: 'clearDecisions' }); },
  getStatus: () => request({ type: 'getStatus' }),
};

export function mockApi(decisions: DecisionEntry[] = [], errors: string[] = []): PopupApi & { decisions: DecisionEntry[] } {
  return {
    decisions,
    getDecisions() { return Promise.resolve([...this.decisions]); },
    clearDecisions() { this.decisions = []; return Promise.resolve(); },
    getStatus() {
      const store = { bytes: 0, quotaBytes: null, lastWrite: null, writes: 0, error: null, pending: false };
      return Promise.resolve({ loaded: true, jarSize: 0, incognitoJarSize: 0, decisions: this.decisions.length, decisionLimit: 10_000, responses: 0, sentHeaders: 0, stores: { jar: store, log: store, sentHeaders: store, tabs: store }, errors });
    },
  };
}
