// The service worker of a fake browser, messaged as the popup messages it (through the dispatcher,
// from the extension's own page): what the action tests share.
import { createDispatcher } from '../../shared/dispatch';
import type { BrowserCookieInput, MessageType, ReplyValue } from '../../shared/protocol';
import { startFakeBrowser, type FakeBrowser } from './fakeBrowser';

const OWN_PAGE = { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html' };

/** Sends one message; a refusal is thrown as an Error with the reply's name (and line, where it has one). */
export type Send = <K extends MessageType>(message: { type: K } & Record<string, unknown>) => Promise<ReplyValue<K>>;

/** A fake browser whose worker has loaded, and two ways to message it: `send` (throws on an error reply) and `sendRaw` (the reply as it is). */
export async function startMessaged(options: Parameters<typeof startFakeBrowser>[0] = {}): Promise<{ fake: FakeBrowser; send: Send; sendRaw: (message: unknown) => Promise<unknown> }> {
  const fake = startFakeBrowser(options);
  await fake.background.ready;
  const dispatch = createDispatcher(fake.background.handlers(), 'ext-id', 'chrome-extension://ext-id/');
  const send = (async (message: unknown) => {
    const reply = await dispatch(message, OWN_PAGE);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { name: reply.error.name, lineNumber: reply.error.lineNumber });
    return reply.value;
  }) as Send;
  return { fake, send, sendRaw: (message) => dispatch(message, OWN_PAGE) };
}

/** A cookie to write: host-only on www.example.com, path /, nothing set but what is given. */
export function cookieInput(init: Partial<BrowserCookieInput> & Pick<BrowserCookieInput, 'name'>): BrowserCookieInput {
  return { value: 'v', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'unspecified', ...init };
}

/** The fake browser's whole store, each cookie as sorted JSON: equal snapshots mean exactly the same cookies. */
export function storeSnapshot(fake: FakeBrowser): string[] {
  return fake.cookieStore.map((c) => JSON.stringify(Object.entries(c).sort(([a], [b]) => a.localeCompare(b)))).sort();
}
