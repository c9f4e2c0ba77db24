// The browser half of the channel, over a stand-in for runtime messaging.
import { beforeEach, describe, expect, it, vi } from 'vitest';

let reply: unknown;
const sent: unknown[] = [];
const listeners: ((message: unknown, sender: unknown) => Promise<unknown>)[] = [];

vi.mock('./browser', () => ({
  browser: {
    runtime: {
      id: 'ext-id',
      getURL: (path: string) => `chrome-extension://ext-id/${path}`,
      sendMessage: (message: unknown) => { sent.push(message); return Promise.resolve(reply); },
      onMessage: { addListener: (listener: (message: unknown, sender: unknown) => Promise<unknown>) => { listeners.push(listener); } },
    },
  },
}));

const { handleMessages, request } = await import('./messaging');

beforeEach(() => { sent.length = 0; });

describe('request', () => {
  it('sends the message and unwraps the value', async () => {
    reply = { ok: true, value: { loaded: true } };
    expect(await request({ type: 'getStatus' })).toEqual({ loaded: true });
    expect(sent).toEqual([{ type: 'getStatus' }]);
  });

  it('throws the worker’s error under its own name, and says so when nobody answered', async () => {
    reply = { ok: false, error: { name: 'LoadError', message: 'bad line', lineNumber: 2 } };
    await expect(request({ type: 'getPolicy' })).rejects.toMatchObject({ name: 'LoadError', message: 'bad line', lineNumber: 2 });
    reply = undefined;
    await expect(request({ type: 'getPolicy' })).rejects.toMatchObject({ name: 'NoReply', message: 'The service worker did not answer getPolicy.' });
  });
});

describe('handleMessages', () => {
  it('answers the extension’s own pages through the handler map, and nobody else', async () => {
    handleMessages({ getStatus: () => ({ loaded: true }) } as never);
    const listener = listeners[0];
    if (listener === undefined) throw new Error('no listener registered');
    expect(await listener({ type: 'getStatus' }, { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html' })).toEqual({ ok: true, value: { loaded: true } });
    expect(await listener({ type: 'getStatus' }, { id: 'ext-id', url: 'https://www.example.com/' })).toMatchObject({ ok: false, error: { name: 'ForbiddenSender' } });
  });
});
