import { browser, type MessageSender } from './browser';
import { RemoteError, isMessage, toErrorInfo, type Message, type MessageType, type Reply, type ReplyValue } from './protocol';

/** Sends one request to the service worker and unwraps its reply (throws RemoteError on `ok: false`). */
export async function request<K extends MessageType>(message: Message<K>): Promise<ReplyValue<K>> {
  const reply: Reply<ReplyValue<K>> | undefined = await browser.runtime.sendMessage(message);
  if (reply === undefined) throw new RemoteError({ name: 'NoReply', message: `The service worker did not answer ${message.type}.` });
  if (!reply.ok) throw new RemoteError(reply.error);
  return reply.value;
}

export type Handlers = { [K in MessageType]: (message: Message<K>) => Promise<ReplyValue<K>> | ReplyValue<K> };

/** Only the extension's own pages may talk to the service worker: not content scripts, not other extensions, not web pages. */
export function isOwnPage(sender: MessageSender, runtimeId: string, extensionOrigin: string): boolean {
  return sender.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** Registers one handler map on runtime.onMessage; call it at the top level of the service worker. */
export function handleMessages(handlers: Handlers): void {
  const runtimeId = browser.runtime.id;
  const origin = browser.runtime.getURL('');
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => {
    if (!isOwnPage(sender, runtimeId, origin)) {
      return Promise.resolve({ ok: false, error: { name: 'ForbiddenSender', message: 'Messages are accepted only from the extension’s own pages.' } });
    }
    if (!isMessage(message)) {
      return Promise.resolve({ ok: false, error: { name: 'UnknownMessage', message: 'Not a message of the Cookie Jar Inspector protocol.' } });
    }
    const handler = handlers[message.type] as (m: Message) => unknown;
    return Promise.resolve()
      .then(() => handler(message))
      .then((value): Reply<unknown> => ({ ok: true, value }), (error: unknown): Reply<unknown> => ({ ok: false, error: toErrorInfo(error) }));
  });
}
