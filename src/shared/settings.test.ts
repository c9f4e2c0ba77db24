import { describe, expect, it } from 'vitest';
import { DefaultCookiePolicy } from '../jar';
import { DEFAULT_SETTINGS, PRESETS, applyPreset, buildPolicy, domainEntryProblem, presetOf, validateSettings } from './settings';

describe('policy settings', () => {
  it('defaults are Python’s DefaultCookiePolicy()', () => {
    const ours = buildPolicy({ ...DEFAULT_SETTINGS });
    const python = new DefaultCookiePolicy();
    for (const key of ['netscape', 'rfc2965', 'rfc2109AsNetscape', 'hideCookie2', 'strictDomain', 'strictRfc2965Unverifiable', 'strictNsUnverifiable', 'strictNsDomain', 'strictNsSetInitialDollar', 'strictNsSetPath'] as const) {
      expect(ours[key]).toEqual(python[key]);
    }
    expect(presetOf({ ...DEFAULT_SETTINGS })).toBe('Python default');
  });

  it('presets set exactly the switches issue 4 names and keep the lists', () => {
    expect(PRESETS['Strict domains']).toMatchObject({ strictNsDomain: DefaultCookiePolicy.DomainStrict, strictDomain: true, strictNsSetPath: true, strictNsSetInitialDollar: true, strictNsUnverifiable: false });
    expect(PRESETS['No third-party']).toMatchObject({ strictNsUnverifiable: true, strictRfc2965Unverifiable: true, strictDomain: false });
    const withLists = { ...DEFAULT_SETTINGS, blockedDomains: ['.ads.test'] };
    expect(applyPreset(withLists, 'Strict domains').blockedDomains).toEqual(['.ads.test']);
  });

  it.each(['example.com', '.example.com', 'EXAMPLE.co.uk', '127.0.0.1', 'local_host', '[::1]'])('accepts the domain entry %s', (entry) => {
    expect(domainEntryProblem(entry)).toBeNull();
  });

  it.each(['', ' example.com', 'http://example.com', 'example.com:8080', 'example.com/path', '*.example.com', 'exa mple.com', 'a..b', '-x.com'])('refuses the domain entry %j', (entry) => {
    expect(domainEntryProblem(entry)).not.toBeNull();
  });

  it('names each malformed entry and value', () => {
    const problems = validateSettings({ ...DEFAULT_SETTINGS, blockedDomains: ['ok.test', 'bad domain'], allowedDomains: 'x', strictNsDomain: 8, netscape: 'yes', extra: 1 });
    expect(problems).toEqual(expect.arrayContaining([
      'Unknown setting "extra".',
      '"netscape" must be true or false, not "yes".',
      expect.stringContaining('"strictNsDomain" must be an integer from 0 to 7'),
      expect.stringContaining('blockedDomains[1] "bad domain"'),
      '"allowedDomains" must be a list of domains or null.',
    ]));
    expect(validateSettings({ ...DEFAULT_SETTINGS })).toEqual([]);
  });
});
