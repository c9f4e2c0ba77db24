// `replay` against python3: a HAR recorded by browsing the e2e site (scripts/record-har.ts) and a
// generated larger one, replayed under every preset, leave the same jar (every attribute of every
// cookie) as python3's http.cookiejar given the same responses, request contexts and clock
// (replay.py, run now).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaySteps } from '../../src/cli/commands/replay';
import { harSteps, type HarStep } from '../../src/cli/har';
import { CookieJar } from '../../src/jar';
import { applyPreset, buildPolicy, DEFAULT_SETTINGS, PRESET_NAMES, type PolicySettings } from '../../src/shared/settings';
import { generateHar } from './generate';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const POLICIES: Record<string, PolicySettings> = Object.fromEntries(PRESET_NAMES.map((name) => [name, applyPreset({ ...DEFAULT_SETTINGS }, name)]));
const HARS: Record<string, unknown> = {
  'the e2e site, browsed in Chromium': JSON.parse(readFileSync(join(import.meta.dirname, 'e2e-site.har'), 'utf8')) as unknown,
  'a generated HAR of 3,000 entries': generateHar(3000, 13),
};

let dir: string;
const python = new Map<string, Record<string, unknown[]>>();
const stepsOf = new Map<string, HarStep[]>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cji-replay-'));
  for (const [name, har] of Object.entries(HARS)) {
    const steps = harSteps(har);
    stepsOf.set(name, steps);
    const file = join(dir, `${stepsOf.size}.json`);
    await writeFile(file, JSON.stringify({ policies: POLICIES, steps }));
    python.set(name, JSON.parse(execFileSync(PYTHON, [join(import.meta.dirname, 'replay.py'), file], { encoding: 'utf8', maxBuffer: 64 << 20 })) as Record<string, unknown[]>);
  }
}, 60_000);
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('replay gives the jar python3 gives', () => {
  const cases = Object.keys(HARS).flatMap((har) => PRESET_NAMES.map((preset) => [har, preset] as const));
  it('covers 2 HAR files under the 3 presets', () => { expect(cases).toHaveLength(6); });

  it.each(cases)('%s, %s', (har, preset) => {
    const steps = stepsOf.get(har) ?? [];
    const clock = { now: 0 };
    const jar = new CookieJar(buildPolicy(POLICIES[preset] ?? DEFAULT_SETTINGS), { now: () => clock.now });
    const decisions = replaySteps(steps, jar, clock);
    // Sorted as Python sorts (domain, path, name) tuples.
    const key = (c: { domain: string; path: string; name: string }) => [c.domain, c.path, c.name];
    const ours = [...jar].map((c) => c.toJSON()).sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? '') < (y[i] ?? '') ? -1 : 1;
      return 0;
    });
    const theirs = python.get(har)?.[preset] ?? [];
    expect(ours.length).toBeGreaterThan(5);
    expect(decisions.some((d) => !d.accepted)).toBe(true);
    expect(ours).toEqual(theirs);
  });
});
