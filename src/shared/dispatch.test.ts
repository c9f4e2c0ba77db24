import { describe, expect, it } from 'vitest';
import { createDispatcher, isOwnPage, type Handlers } from './dispatch';

const ID = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';
const own = { id: ID, url: `${ORIGIN}src/popup/index.html` };

describe('who may talk to the service worker', () => {
  it.each([
    ['the extension’s own page', own, true],
    ['a content script of ours in a web page', { id: ID, url: 'https://www.example.com/', tab: {} }, false],
    ['our own id without a page', { id: ID }, false],
    ['another extension’s page', { id: 'other', url: 'chrome-extension://other/page.html' }, false],
    ['another extension claiming our origin', { id: 'other', url: `${ORIGIN}x.html` }, false],
    ['a web page', { url: 'https://evil.test/' }, false],
  ] as const)('%s: %s', (_, sender, allowed) => {
    expect(isOwnPage(sender, ID, ORIGIN)).toBe(allowed);
  });
});

describe('the dispatcher', () => {
  const handlers = {
    getStatus: () => ({ loaded: true }),
    getPolicy: () => { throw Object.assign(new Error('storage is gone'), { name: 'StorageError' }); },
  } as unknown as Handlers;
  const dispatch = createDispatcher(handlers, ID, ORIGIN);

  it('answers the extension’s pages with the handler’s value, or its error by name', async () => {
    expect(await dispatch({ type: 'getStatus' }, own)).toEqual({ ok: true, value: { loaded: true } });
    expect(await dispatch({ type: 'getPolicy' }, own)).toEqual({ ok: false, error: { name: 'StorageError', message: 'storage is gone' } });
  });

  it('refuses strangers before reading their message, and answers a malformed message with what is wrong', async () => {
    expect(await dispatch({ type: 'getStatus' }, { url: 'https://evil.test/' })).toEqual({
      ok: false, error: { name: 'ForbiddenSender', message: 'Messages are accepted only from the extension’s own pages.' },
    });
    expect(await dispatch({ type: 'getStatus', x: 1 }, own)).toEqual({ ok: false, error: { name: 'BadRequest', message: 'getStatus: Unknown parameter "x".' } });
  });
});
