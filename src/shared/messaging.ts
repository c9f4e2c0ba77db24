import { browser, type MessageSender } from './browser';
import { createDispatcher, type Handlers } from './dispatch';
import { RemoteError, type Message, type MessageType, type Reply, type ReplyValue } from './protocol';

export type { Handlers } from './dispatch';
export { isOwnPage } from './dispatch';

/** Sends one request to the service worker and unwraps its reply (throws RemoteError on `ok: false`). */
export async function request<K extends MessageType>(message: Message<K>): Promise<ReplyValue<K>> {
  const reply: Reply<ReplyValue<K>> | undefined = await browser.runtime.sendMessage(message);
  if (reply === undefined) throw new RemoteError({ name: 'NoReply', message: `The service worker did not answer ${message.type}.` });
  if (!reply.ok) throw new RemoteError(reply.error);
  return reply.value;
}

/** Registers one handler map on runtime.onMessage; call it at the top level of the service worker. */
export function handleMessages(handlers: Handlers): void {
  const dispatch = createDispatcher(handlers, browser.runtime.id, browser.runtime.getURL(''));
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => dispatch(message, sender));
}
