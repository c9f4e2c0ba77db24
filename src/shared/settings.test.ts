import { describe, expect, it } from 'vitest';
import { CookieJar, CookieRequest, DefaultCookiePolicy } from '../jar';
import {
  DEFAULT_SETTINGS, PRESETS, applyPreset, buildPolicy, checkDomainEntry, domainEntryProblem, isPolicySettings, normaliseSettings, presetOf, validateSettings,
} from './settings';

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
    ['   ', 'Enter a domain, such as example.com or .example.com.'],
    ['file:///etc/hosts', '“file:///etc/hosts” is a URL, not a domain.'],
    ['a:b.com', '“a:b.com”: “a:b” is not a valid label (letters, digits, “_” and inner hyphens only).'],
    ['bad-.com', '“bad-.com”: “bad-” is not a valid label (letters, digits, “_” and inner hyphens only).'],
    ['x[::1]', '“x[::1]”: “x[::1]” is not a valid label (letters, digits, “_” and inner hyphens only).'],
    ['[::A]', '“[::A]” never matches: Python’s jar gives a cookie of an IPv6 host the domain “[::a].local”; enter that.'],
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

  const { netscape: _netscape, ...withoutNetscape } = DEFAULT_SETTINGS;
  const { secureProtocols: _s, blockedDomains: _b, allowedDomains: _a, ...withoutLists } = DEFAULT_SETTINGS;
  it.each([
    [[], ['The settings must be an object.']],
    [null, ['The settings must be an object.']],
    ['{}', ['The settings must be an object.']],
    [withoutNetscape, ['Missing setting "netscape".']],
    [withoutLists, ['Missing setting "secureProtocols".', 'Missing setting "blockedDomains".', 'Missing setting "allowedDomains".']],
    [{ ...DEFAULT_SETTINGS, rfc2109AsNetscape: true }, []],
    [{ ...DEFAULT_SETTINGS, rfc2109AsNetscape: false }, []],
    [{ ...DEFAULT_SETTINGS, rfc2109AsNetscape: 'auto' }, ['"rfc2109AsNetscape" must be true, false or null, not "auto".']],
    [{ ...DEFAULT_SETTINGS, strictNsDomain: 7 }, []],
    [{ ...DEFAULT_SETTINGS, strictNsDomain: -1 }, ['"strictNsDomain" must be an integer from 0 to 7 (a sum of DomainStrictNoDots 1, DomainStrictNonDomain 2, DomainRFC2965Match 4), not -1.']],
    [{ ...DEFAULT_SETTINGS, strictNsDomain: 1.5 }, ['"strictNsDomain" must be an integer from 0 to 7 (a sum of DomainStrictNoDots 1, DomainStrictNonDomain 2, DomainRFC2965Match 4), not 1.5.']],
    [{ ...DEFAULT_SETTINGS, secureProtocols: [] }, []],
    [{ ...DEFAULT_SETTINGS, secureProtocols: 'https' }, ['"secureProtocols" must be a list of URL schemes.']],
    [{ ...DEFAULT_SETTINGS, secureProtocols: ['https', 'HTTPS', 'https:', 7, 'x-my+app.1', '-https'] }, [
      'secureProtocols[1] "HTTPS" is not a URL scheme (lower-case, like "https").',
      'secureProtocols[2] "https:" is not a URL scheme (lower-case, like "https").',
      'secureProtocols[3] 7 is not a URL scheme (lower-case, like "https").',
      'secureProtocols[5] "-https" is not a URL scheme (lower-case, like "https").',
    ]],
    [{ ...DEFAULT_SETTINGS, blockedDomains: null }, ['"blockedDomains" must be a list of domains.']],
    [{ ...DEFAULT_SETTINGS, allowedDomains: ['.example.com', 'EXAMPLE.org'] }, []],
    [{ ...DEFAULT_SETTINGS, allowedDomains: ['ok.test', 'http://x.test/'] }, ['allowedDomains[1]: “http://x.test/” is a URL, not a domain: enter “x.test”.']],
    [{ ...DEFAULT_SETTINGS, mirrorIncognito: 1 }, ['"mirrorIncognito" must be true or false, not 1.']],
  ])('validates %j: %j', (value, problems) => {
    expect(validateSettings(value)).toEqual(problems);
    expect(isPolicySettings(value)).toBe(problems.length === 0);
  });

  it('stores domain entries lower-cased, and builds the jar’s policy from every switch and list', () => {
    const settings = { ...DEFAULT_SETTINGS, blockedDomains: ['.Ads.Test'], allowedDomains: ['Example.COM'], strictNsDomain: 5, secureProtocols: ['https'],
      netscape: false, rfc2965: true, rfc2109AsNetscape: true, hideCookie2: true, strictDomain: true, strictRfc2965Unverifiable: false,
      strictNsUnverifiable: true, strictNsSetInitialDollar: true, strictNsSetPath: true };
    const stored = normaliseSettings(settings);
    expect(stored).toEqual({ ...settings, blockedDomains: ['.ads.test'], allowedDomains: ['example.com'] });
    expect(normaliseSettings({ ...DEFAULT_SETTINGS }).allowedDomains).toBeNull();
    const policy = buildPolicy(stored);
    expect({
      blocked: policy.blockedDomains(), allowed: policy.allowedDomains(), netscape: policy.netscape, rfc2965: policy.rfc2965,
      rfc2109AsNetscape: policy.rfc2109AsNetscape, hideCookie2: policy.hideCookie2, strictDomain: policy.strictDomain,
      strictRfc2965Unverifiable: policy.strictRfc2965Unverifiable, strictNsUnverifiable: policy.strictNsUnverifiable,
      strictNsDomain: policy.strictNsDomain, strictNsSetInitialDollar: policy.strictNsSetInitialDollar,
      strictNsSetPath: policy.strictNsSetPath,
    }).toEqual({
      blocked: ['.ads.test'], allowed: ['example.com'], netscape: false, rfc2965: true, rfc2109AsNetscape: true, hideCookie2: true,
      strictDomain: true, strictRfc2965Unverifiable: false, strictNsUnverifiable: true, strictNsDomain: 5,
      strictNsSetInitialDollar: true, strictNsSetPath: true,
    });
    expect(buildPolicy({ ...DEFAULT_SETTINGS }).allowedDomains()).toBeNull();
    // secureProtocols reach the policy: a Secure cookie goes back over https only when https is listed.
    const secureJar = (protocols: string[]) => {
      const jar = new CookieJar(buildPolicy({ ...DEFAULT_SETTINGS, secureProtocols: protocols }));
      jar.extractCookies({ headers: [['Set-Cookie', 'a=1; Secure']] }, new CookieRequest('https://www.example.com/'));
      const request = new CookieRequest('https://www.example.com/');
      jar.addCookieHeader(request);
      return request.getHeader('Cookie') ?? null;
    };
    expect([secureJar(['https']), secureJar(['wss'])]).toEqual(['a=1', null]);
  });

  it('names the preset whose switches the settings have, whatever the lists; none when a switch differs', () => {
    expect(presetOf({ ...DEFAULT_SETTINGS, blockedDomains: ['.x.test'] })).toBe('Python default');
    expect(presetOf(applyPreset({ ...DEFAULT_SETTINGS }, 'Strict domains'))).toBe('Strict domains');
    expect(presetOf(applyPreset({ ...DEFAULT_SETTINGS }, 'No third-party'))).toBe('No third-party');
    expect(presetOf({ ...DEFAULT_SETTINGS, hideCookie2: true })).toBeNull();
    expect(presetOf({ ...DEFAULT_SETTINGS, secureProtocols: ['https'] })).toBeNull();
  });
});
