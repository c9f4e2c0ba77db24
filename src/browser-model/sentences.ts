/** Short renderings of values inside sentences: names, values, domains, lists. */
import type { DomainProblem } from './domainAttribute';
import type { DisallowedPlace } from './parse';

const MAX_SHOWN = 48;

/** A value as quoted text, shortened when long. */
export function quote(text: string): string {
  return `"${text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text}"`;
}

/** How a sentence names a cookie: `"sid"`, or the nameless cookie by its value. */
export function cookieLabel(name: string, value: string): string {
  return name === '' ? `The nameless cookie ${quote(value)}` : `The cookie ${quote(name)}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

export function formatBytes(bytes: number): string {
  return bytes.toLocaleString('en-US');
}

/** A character as `U+0009 (tab)`. */
export function describeChar(code: number): string {
  const names: Readonly<Record<number, string>> = { 0: 'NUL', 9: 'tab', 10: 'line feed', 13: 'carriage return', 0x7f: 'DEL' };
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${names[code] === undefined ? '' : ` (${names[code]})`}`;
}

export function describePlace(place: DisallowedPlace, attribute: string | undefined): string {
  switch (place) {
    case 'line': return 'the line';
    case 'name': return 'the name';
    case 'value': return 'the value';
    case 'attribute name': return 'an attribute name';
    case 'attribute value': return `the ${attribute === undefined || attribute === '' ? 'attribute' : attribute} attribute's value`;
  }
}

/** Why a Domain attribute is refused, completing "Domain=X is not allowed for HOST: ...". */
export function domainProblemText(problem: DomainProblem, canonical: string, host: string): string {
  const bare = canonical.startsWith('.') ? canonical.slice(1) : canonical;
  switch (problem) {
    case 'host-has-empty-label': return `the host ${host} ends with an empty label`;
    case 'ip-host': return `an IP address host may only name itself (Domain=${host})`;
    case 'percent': return 'a Domain with %-escapes is refused';
    case 'not-a-host': return 'it is not a host name (it holds a space, ":", "/" or another character no host name has)';
    case 'trailing-dot': return `a Domain ending in a dot (${canonical}) is not the host's domain`;
    case 'public-suffix-host': return `${host} is itself a public suffix or a single-label name, so it may only name itself`;
    case 'public-suffix': return `${bare} is a public suffix (no site may set cookies for all of it)`;
    case 'other-site': return `${bare} is another site than ${host}`;
    case 'not-a-suffix': return `${host} is not ${bare} nor one of its subdomains`;
  }
}
