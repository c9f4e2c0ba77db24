// Settings a user sends or an older version stored: the jar's size limit within its range, an older
// settings object completed with the later settings' defaults, and list entries that only look right.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, completeSettings, domainEntryProblem, isPolicySettings, validateSettings } from './settings';

describe('the jar\'s size limit (maxCookies)', () => {
  it.each([100, 3000, 100_000])('accepts %d', (maxCookies) => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, maxCookies })).toEqual([]);
  });

  it.each([99, 100_001, 250.5, '3000', null, 0])('refuses %j, naming the range', (maxCookies) => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, maxCookies })).toEqual([`"maxCookies" must be a whole number from 100 to 100,000, not ${JSON.stringify(maxCookies)}.`]);
  });
});

describe('settings stored by an older version', () => {
  const { persistJar: _p, followBrowserClears: _f, maxCookies: _m, compareSentHeaders: _c, ...older } = DEFAULT_SETTINGS;

  it('are valid but not complete until the later settings get their defaults', () => {
    expect(validateSettings(older)).toEqual([]);
    expect(isPolicySettings(older)).toBe(false);
    expect(isPolicySettings({ ...older, persistJar: false })).toBe(false);
    const completed = completeSettings(older);
    expect(completed).toEqual(DEFAULT_SETTINGS);
    expect(isPolicySettings(completed)).toBe(true);
  });

  it('keep the later settings they have', () => {
    expect(completeSettings({ ...older, persistJar: true, maxCookies: 500 })).toEqual({ ...DEFAULT_SETTINGS, persistJar: true, maxCookies: 500 });
  });

  it.each([null, undefined, 'settings', 7, [older]])('are not made out of %j: it is left for validation to refuse', (value) => {
    expect(completeSettings(value)).toBe(value);
    expect(validateSettings(completeSettings(value))).toEqual(['The settings must be an object.']);
  });
});

describe('entries that only look right', () => {
  it('refuses a scheme that is a list holding a scheme', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, secureProtocols: [['https']] })).toEqual(['secureProtocols[0] ["https"] is not a URL scheme (lower-case, like "https").']);
  });

  it('takes a domain with "://" inside its path for a domain with a path, not for a URL', () => {
    expect(domainEntryProblem('example.com/a://b')).toBe('“example.com/a://b” has a path: enter the domain alone.');
  });
});
