import { describe, expect, it } from 'vitest';
import { CookieJar, CookieRequest, DefaultCookiePolicy } from '../jar';
import { DEFAULT_SETTINGS, PRESETS, applyPreset, buildPolicy, checkDomainEntry, domainEntryProblem, presetOf, validateSettings } from './settings';

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

  it.each(['example.com', '.example.com', 'EXAMPLE.co.uk', '127.0.0.1', 'local_host', 'a_b.test', '[::1].local', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`])('accepts the domain entry %s', (entry) => {
    expect(domainEntryProblem(entry)).toBeNull();
  });

  it.each([
    ['', 'Enter a domain, such as example.com or .example.com.'],
    [' example.com', '“ example.com” has spaces around it.'],
    ['https://example.com/x', '“https://example.com/x” is a URL, not a domain: enter “example.com”.'],
    ['exa mple.com', '“exa mple.com” contains a space: a domain has none.'],
    ['example.com/path', '“example.com/path” has a path: enter the domain alone.'],
    ['example.com:8080', '“example.com:8080” has a port: domain lists match host names, not ports.'],
    ['*.example.com', '“*.example.com”: no wildcards; a leading dot (.example.com) covers every subdomain.'],
    ['[::1]', '“[::1]” never matches: Python’s jar gives a cookie of an IPv6 host the domain “[::1].local”; enter that.'],
    ['.', 'A lone dot is not a domain.'],
    ['example.com.', '“example.com.” ends with a dot.'],
    ['example..com', '“example..com” has an empty label (two dots in a row).'],
    [`${'a'.repeat(64)}.com`, `“${'a'.repeat(64)}.com” has a label longer than 63 characters.`],
    ['-bad.com', '“-bad.com”: “-bad” is not a valid label (letters, digits, “_” and inner hyphens only).'],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, expect.stringMatching(/ is longer than 253 characters\.$/) as unknown],
  ])('refuses the domain entry %j with a sentence that says why', (entry, message) => {
    expect(domainEntryProblem(entry)).toEqual(message);
  });

  it('an entry as typed is trimmed and lower-cased before the same check', () => {
    expect(checkDomainEntry('  .Example.COM ')).toEqual({ ok: true, domain: '.example.com' });
    expect(checkDomainEntry('[::1]')).toEqual({ ok: false, message: domainEntryProblem('[::1]') });
  });

  it('an IPv6 entry blocks what Python’s jar makes of an IPv6 host’s cookie', () => {
    const jar = new CookieJar(buildPolicy({ ...DEFAULT_SETTINGS, blockedDomains: ['[::1].local'] }));
    const decisions = jar.extractCookies({ headers: [['Set-Cookie', 'a=1']] }, new CookieRequest('http://[::1]:8080/'));
    expect(decisions.map((d) => [d.cookie.domain, d.rule])).toEqual([['[::1].local', 'set.domain.blocked']]);
  });

  it('names each malformed entry and value', () => {
    const problems = validateSettings({ ...DEFAULT_SETTINGS, blockedDomains: ['ok.test', 'bad domain', 7], allowedDomains: 'x', strictNsDomain: 8, netscape: 'yes', extra: 1 });
    expect(problems).toEqual(expect.arrayContaining([
      'Unknown setting "extra".',
      '"netscape" must be true or false, not "yes".',
      expect.stringContaining('"strictNsDomain" must be an integer from 0 to 7'),
      'blockedDomains[1]: “bad domain” contains a space: a domain has none.',
      'blockedDomains[2]: it must be a domain, not 7.',
      '"allowedDomains" must be a list of domains or null.',
    ]));
    expect(validateSettings({ ...DEFAULT_SETTINGS })).toEqual([]);
  });
});
