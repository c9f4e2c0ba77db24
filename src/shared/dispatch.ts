// The pure half of the message channel (no browser API, so it runs in Node tests): the sender check,
// the guard, the handler map and the reply envelope.
import { checkMessage, toErrorInfo, type Message, type MessageType, type Reply, type ReplyValue } from './protocol';

/** The parts of runtime.MessageSender the check reads. */
export interface SenderInfo { id?: string | undefined; url?: string | undefined; tab?: unknown }

export type Handlers = { [K in MessageType]: (message: Message<K>) => Promise<ReplyValue<K>> | ReplyValue<K> };

/** Only the extension's own pages may talk to the service worker: not content scripts, not other extensions, not web pages. */
export function isOwnPage(sender: SenderInfo, runtimeId: string, extensionOrigin: string): boolean {
  return sender.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** One function from (unknown message, sender) to its reply: refuses strangers, validates, runs the handler. */
export function createDispatcher(handlers: Handlers, runtimeId: string, extensionOrigin: string) {
  return async (message: unknown, sender: SenderInfo): Promise<Reply<unknown>> => {
    if (!isOwnPage(sender, runtimeId, extensionOrigin)) {
      return { ok: false, error: { name: 'ForbiddenSender', message: 'Messages are accepted only from the extension’s own pages.' } };
    }
    const checked = checkMessage(message);
    if (!checked.ok) return checked;
    const handler = handlers[checked.message.type] as (m: Message) => unknown;
    try {
      return { ok: true, value: await handler(checked.message) };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  };
}
