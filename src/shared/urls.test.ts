import { describe, expect, it } from 'vitest';
import { hostOf } from './urls';

describe('hostOf', () => {
  it.each([
    ['https://WWW.Example.com:8443/a?b#c', 'www.example.com'],
    ['http://[::1]:8080/', '[::1]'],
    ['ws://chat.example.com/socket', 'chat.example.com'],
    ['wss://chat.example.com/', 'chat.example.com'],
  ])('the host of the web URL %s is %s', (url, host) => {
    expect(hostOf(url)).toBe(host);
  });

  it.each([null, 'xhttp://www.example.com/', 'chrome://newtab/', 'chrome-extension://abcdef/src/popup/index.html', 'about:blank', 'file:///etc/hosts', 'not a url', ''])('%j has no web host', (url) => {
    expect(hostOf(url)).toBeNull();
  });
});
