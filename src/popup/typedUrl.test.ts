import { describe, expect, it } from 'vitest';
import { readTypedUrl } from './typedUrl';

describe('readTypedUrl', () => {
  const accepted: [string, string, 'https' | null][] = [
    ['https://www.example.com/account', 'https://www.example.com/account', null],
    ['  http://www.example.com:8080/a?b=1  ', 'http://www.example.com:8080/a?b=1', null],
    ['www.example.com/shop', 'https://www.example.com/shop', 'https'],
    ['WWW.Example.com', 'https://www.example.com/', 'https'],
    ['//www.example.com/x', 'https://www.example.com/x', 'https'],
    ['localhost:8080/admin', 'https://localhost:8080/admin', 'https'],
    ['[::1]:3000', 'https://[::1]:3000/', 'https'],
    ['wss://chat.example.com/socket', 'wss://chat.example.com/socket', null],
    // Only a leading "//" is the typed scheme's rest: a double slash in the path stays.
    ['www.example.com/a//b', 'https://www.example.com/a//b', 'https'],
  ];
  it.each(accepted)('%j is %s', (typed, url, assumedScheme) => {
    expect(readTypedUrl(typed)).toEqual({ ok: true, url, assumedScheme });
  });
  it('covers every accepted case', () => { expect(accepted).toHaveLength(9); });

  const refused: [string, RegExp][] = [
    ['', /^Type a URL/],
    ['   ', /^Type a URL/],
    ['ftp://files.example.com/', /^ftp: URLs have no cookies here/],
    ['chrome://settings', /^chrome: URLs have no cookies here/],
    ['mailto:someone@example.com', /^mailto: URLs have no cookies here/],
    ['http://exa mple.com/', /is not a URL/],
    ['https://', /is not a URL/],
  ];
  it.each(refused)('%j is refused: %s', (typed, message) => {
    const read = readTypedUrl(typed);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(message);
  });
  it('covers every refused case', () => { expect(refused).toHaveLength(7); });
});
