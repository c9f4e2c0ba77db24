// The browser model against real Chromium: the seeded scenarios of e2e/browser-model/scenarios.ts
// run in Chromium (no extension needed), its own verdicts read over the DevTools Protocol, and
// the model replayed over the same steps (src/browser-model/conformance.ts), with third-party
// cookies blocked (a fresh profile's setting here) and, for the third-party scenarios and the
// requests, allowed. It must agree on
// stored/refused and on the reason set for at least 99% of the Set-Cookie scenarios, and on the
// cookies of at least 99% of the requests; every disagreement is printed.
import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { replayBatch, type BatchComparison } from '../src/browser-model/conformance';
import { SEND_REASONS, SET_REASONS } from '../src/browser-model';
import { recordConformance, type Recording } from './browser-model/harness';

const REQUIRED_AGREEMENT = 0.99;
/** DevTools reasons HTTP traffic cannot produce here (see docs/browser-model.md), and the plain SameSite names, which the model gives Firefox's verdicts. */
const UNREACHABLE = new Set(['SchemeNotSupported', 'ThirdPartyPhaseout', 'SchemeMismatch', 'PortMismatch', 'SameSiteNoneInsecure@send', 'SameSiteStrict', 'SameSiteLax']);

test.describe.configure({ timeout: 150_000 });

let recording: Recording;
let comparisons: BatchComparison[];

test.beforeAll(async () => {
  test.setTimeout(150_000);
  recording = await recordConformance();
  comparisons = recording.batches.map(replayBatch);
});

// eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring pattern.
test('the model stores and refuses what Chromium does, for the reasons Chromium gives', async ({}, testInfo) => {
  const lines = comparisons.flatMap((c) => c.lines);
  const topics = new Map(recording.setScenarios.map((s) => [s.id, s.topic]));
  const stored = lines.filter((l) => l.storeAgrees).length;
  const reasons = lines.filter((l) => l.reasonsAgree).length;
  const disagreements = lines.filter((l) => !l.storeAgrees || !l.reasonsAgree).map((l) => [
    `${l.scenario} (${topics.get(l.scenario) ?? '?'}): ${JSON.stringify(l.line.length > 120 ? `${l.line.slice(0, 120)}…` : l.line)}`,
    `  model ${l.modelOutcome} [${l.modelReasons.join(', ')}], Chromium [${l.chromiumReasons.join(', ')}]`,
    ...l.storeDifferences.map((d) => `  store: ${d}`),
  ].join('\n'));
  const unattributed = comparisons.flatMap((c) => c.unattributed);
  const setup = comparisons.flatMap((c) => c.setupDifferences);
  console.log(`Chromium ${recording.chromium}, seed ${recording.seed}: ${lines.length} Set-Cookie scenarios (${recording.setScenarios.length} with third-party cookies blocked, ${recording.allowedScenarios.length} third-party ones again with them allowed); stores agree on ${stored} (${percent(stored, lines.length)}), reasons on ${reasons} (${percent(reasons, lines.length)}).`);
  for (const text of [...disagreements, ...unattributed.map((u) => `store, no scenario: ${u}`), ...setup]) console.log(text);
  await writeFile(testInfo.outputPath('set-comparison.json'), JSON.stringify({ chromium: recording.chromium, lines }, null, 1));

  expect(recording.setScenarios.length).toBeGreaterThanOrEqual(300);
  expect(recording.allowedScenarios.length).toBeGreaterThanOrEqual(40);
  expect(lines).toHaveLength(recording.setScenarios.length + recording.allowedScenarios.length);
  expect(stored / lines.length).toBeGreaterThanOrEqual(REQUIRED_AGREEMENT);
  expect(reasons / lines.length).toBeGreaterThanOrEqual(REQUIRED_AGREEMENT);
  expect(unattributed).toEqual([]);
  expect(setup).toEqual([]);
});

// eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring pattern.
test('the model sends the cookies Chromium sends, in its order, and blocks the others for its reasons', async ({}, testInfo) => {
  const requests = comparisons.flatMap((c) => c.requests);
  const agreeing = requests.filter((r) => r.agrees).length;
  const cookies = requests.reduce((n, r) => n + r.cookies, 0);
  const cookiesAgreeing = requests.reduce((n, r) => n + r.cookiesAgreeing, 0);
  console.log(`${requests.length} requests: ${agreeing} agree entirely (${percent(agreeing, requests.length)}); ${cookiesAgreeing} of ${cookies} cookie verdicts agree (${percent(cookiesAgreeing, cookies)}).`);
  for (const r of requests.filter((q) => !q.agrees)) console.log(`${r.scenario} ${r.url}\n  ${r.differences.join('\n  ')}`);
  await writeFile(testInfo.outputPath('send-comparison.json'), JSON.stringify({ chromium: recording.chromium, requests }, null, 1));

  // Every request, with third-party cookies blocked and allowed.
  expect(requests).toHaveLength(2 * recording.sendBatches.reduce((n, b) => n + b.requests.length, 0));
  expect(cookies).toBeGreaterThan(requests.length);
  expect(agreeing / requests.length).toBeGreaterThanOrEqual(REQUIRED_AGREEMENT);
  expect(cookiesAgreeing / cookies).toBeGreaterThanOrEqual(REQUIRED_AGREEMENT);
});

test('the scenarios make Chromium give every reason HTTP traffic can produce', () => {
  const seenSet = new Set<string>();
  const seenSend = new Set<string>();
  for (const batch of recording.batches) {
    for (const step of batch.steps) {
      if (step.kind === 'response') for (const b of step.blocked) for (const r of b.reasons) seenSet.add(r);
      else for (const a of step.associated) for (const r of a.reasons) seenSend.add(r);
    }
  }
  const modelOnly = new Set(comparisons.flatMap((c) => c.lines.flatMap((l) => l.modelOutcome === 'refused' && l.modelReasons.length === 0 ? [l.line] : [])));
  const expectedSet = Object.entries(SET_REASONS).filter(([name, r]) => r.devtools && !UNREACHABLE.has(name)).map(([name]) => name);
  const expectedSend = Object.keys(SEND_REASONS).filter((name) => !UNREACHABLE.has(name) && !UNREACHABLE.has(`${name}@send`));
  expect(expectedSet.filter((name) => !seenSet.has(name))).toEqual([]);
  expect(expectedSend.filter((name) => !seenSend.has(name))).toEqual([]);
  // Refusals DevTools does not report (Partitioned without Secure, nameless "=a=b") are exercised too.
  expect(modelOnly.size).toBeGreaterThanOrEqual(3);
});

function percent(part: number, whole: number): string {
  return `${(whole === 0 ? 0 : (100 * part) / whole).toFixed(1)}%`;
}
