import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Cookie } from './cookie';
import { CookieJar, type CookieDecision } from './cookieJar';
import { DefaultCookiePolicy, type DefaultCookiePolicyOptions } from './policy';
import { CookieRequest } from './request';
import vectors from './core-vectors/jar.json';

// Expected values: recorded from python3.11's http.cookiejar by core-vectors/generate.py (random
// scenarios of extract_cookies / add_cookie_header / clear* under random policies and a fixed clock).

type CookieState = ReturnType<Cookie['toJSON']>;
interface Step {
  op: 'extract' | 'header' | 'advance' | 'clearSession' | 'clearExpired' | 'clear';
  url?: string;
  unverifiable?: boolean;
  originReqHost?: string | null;
  headers?: [string, string][];
  set?: CookieState[];
  preset?: string | null;
  cookie?: string | null;
  cookie2?: string | null;
  now?: number;
  args?: string[];
  error?: string;
  jar: CookieState[] | null;
}
interface Scenario { id: number; clock: number; policy: Record<string, unknown>; steps: Step[] }

const scenarios = (vectors as unknown as { scenarios: Scenario[] }).scenarios;

function policyFrom(python: Record<string, unknown>): DefaultCookiePolicy {
  const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
  const options = Object.fromEntries(Object.entries(python).map(([key, value]) => [camel(key), value])) as DefaultCookiePolicyOptions;
  return new DefaultCookiePolicy(options);
}

function requestFor(step: Step): CookieRequest {
  const init: { unverifiable?: boolean; originReqHost?: string } = { unverifiable: step.unverifiable ?? false };
  if (step.originReqHost != null) init.originReqHost = step.originReqHost;
  return new CookieRequest(step.url ?? '', init);
}

const state = (jar: Iterable<Cookie>) => [...jar].map((cookie) => cookie.toJSON());
const sortStates = (states: CookieState[]) => states.map((s) => JSON.stringify(s)).sort();

describe('CookieJar replays Python scenarios step by step', () => {
  it.each(scenarios.map((s) => [s.id, s] as const))('scenario %i', (_, scenario) => {
    let clock = scenario.clock;
    let expected: CookieState[] = [];
    const jar = new CookieJar(policyFrom(scenario.policy), { now: () => clock });
    for (const [index, step] of scenario.steps.entries()) {
      const where = `step ${index} (${step.op})`;
      switch (step.op) {
        case 'extract': {
          const decisions = jar.extractCookies({ headers: step.headers ?? [] }, requestFor(step));
          const accepted = decisions.filter((d) => d.accepted).map((d) => d.cookie.toJSON());
          expect(sortStates(accepted), where).toEqual(sortStates(step.set ?? []));
          const lines = (step.headers ?? []).filter(([name]) => /^set-cookie2?$/i.test(name)).length;
          expect(new Set(decisions.map((d) => d.header)).size, where).toBeLessThanOrEqual(lines);
          break;
        }
        case 'header': {
          const request = requestFor(step);
          if (step.preset != null) request.addHeader('Cookie', step.preset);
          jar.addCookieHeader(request);
          expect(request.getHeader('Cookie') ?? null, where).toBe(step.cookie);
          expect(request.getHeader('Cookie2') ?? null, where).toBe(step.cookie2);
          break;
        }
        case 'advance':
          clock = step.now ?? clock;
          break;
        case 'clearSession':
          jar.clearSessionCookies();
          break;
        case 'clearExpired':
          jar.clearExpiredCookies();
          break;
        case 'clear': {
          const [domain, path, name] = step.args ?? [];
          const run = () => { jar.clear(domain, path, name); };
          if (step.error === undefined) run();
          else expect(run, where).toThrow(expect.objectContaining({ name: 'CookieNotFoundError' }) as Error);
          break;
        }
      }
      expected = step.jar ?? expected;
      expect(state(jar), where).toEqual(expected);
      expect(jar.size, where).toBe(expected.length);
    }
  });
});

export { type CookieDecision };
