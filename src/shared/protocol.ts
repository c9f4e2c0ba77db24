// The one message protocol between the extension's pages and its service worker (see
// docs/messages.md). Every request is one entry of `Protocol`; a message is
// `{ type: '<name>', ...parameters }` and every reply is `{ ok: true, value }` or
// `{ ok: false, error: { name, message } }`.

/** One Set-Cookie (or Set-Cookie2) line as the service worker saw it. */
export interface ObservedSetCookie {
  /** Milliseconds since the epoch, when the response headers arrived. */
  time: number;
  url: string;
  /** -1 when the request belongs to no tab (a service worker, a prefetch). */
  tabId: number;
  header: 'Set-Cookie' | 'Set-Cookie2';
  line: string;
}

export interface Protocol {
  getObserved: { request: object; reply: ObservedSetCookie[] };
  clearObserved: { request: object; reply: null };
}

export type MessageType = keyof Protocol;
export type Message<K extends MessageType = MessageType> = { [T in K]: { type: T } & Protocol[T]['request'] }[K];
export type ReplyValue<K extends MessageType> = Protocol[K]['reply'];
export interface ErrorInfo { name: string; message: string }
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

const messageTypes: ReadonlySet<string> = new Set<MessageType>(['getObserved', 'clearObserved']);

/** Incoming messages are `unknown` until this narrows them. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && messageTypes.has(type);
}

/** An error as it crosses the channel: name and message survive, the prototype does not. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The error a failed reply stands for, rebuilt on the caller's side with its original name. */
export class RemoteError extends Error {
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = info.name;
  }
}
