// The browser model against real Firefox ESR: the seeded scenarios of e2e/browser-model/scenarios.ts
// run in Firefox (puppeteer-core over WebDriver BiDi, no extension of ours: e2e/browser-model/firefox.ts)
// with its own cookie defaults (Total Cookie Protection), the third-party ones again rejecting and
// accepting third-party cookies, and the model replayed over the same steps
// (src/browser-model/conformance.ts). Firefox reports no reasons: a scenario agrees when the
// cookies it made are the same in Firefox's store and the model's, a request when the Cookie header
// the site received is the one the model sends. It must agree on at least 99% of each; every
// disagreement is printed. The unit tests replay the committed recording of the same run
// (scripts/browser-model/record-conformance.ts firefox); this run checks the Firefox installed here.
import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { BROWSERS, firefoxCookieBehaviorSetting } from '../../src/browser-model';
import { replayBatch, type BatchComparison } from '../../src/browser-model/conformance';
import { recordFirefoxConformance, type FirefoxRecording } from '../browser-model/firefox';

const REQUIRED_AGREEMENT = 0.99;

test.describe.configure({ timeout: 240_000 });

let recording: FirefoxRecording;
let comparisons: BatchComparison[];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  recording = await recordFirefoxConformance();
  comparisons = recording.batches.map(replayBatch);
});

test('the model\'s default third-party setting for Firefox is the one this Firefox reports to extensions', () => {
  expect(recording.cookieConfig).toBe('reject_trackers_and_partition_foreign');
  expect(firefoxCookieBehaviorSetting(recording.cookieConfig)).toBe(BROWSERS.firefox.defaultThirdPartyCookies);
});

// eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring pattern.
test('the model stores and refuses what Firefox does', async ({}, testInfo) => {
  const lines = comparisons.flatMap((c) => c.lines);
  const topics = new Map(recording.setScenarios.map((s) => [s.id, s.topic]));
  const stored = lines.filter((l) => l.storeAgrees).length;
  const disagreements = lines.filter((l) => !l.storeAgrees).map((l) => [
    `${l.scenario} (${topics.get(l.scenario) ?? '?'}): ${JSON.stringify(l.line.length > 120 ? `${l.line.slice(0, 120)}…` : l.line)}`,
    `  model ${l.modelOutcome} [${l.reasons.join(', ')}]`,
    ...l.storeDifferences.map((d) => `  store: ${d}`),
  ].join('\n'));
  const unattributed = comparisons.flatMap((c) => c.unattributed);
  const setup = comparisons.flatMap((c) => c.setupDifferences);
  const refused = lines.filter((l) => l.modelOutcome === 'refused').length;
  console.log(`Firefox ${recording.firefox}, seed ${recording.seed}: ${lines.length} Set-Cookie scenarios (${recording.setScenarios.length} with Total Cookie Protection, ${recording.otherSettingScenarios.length} third-party ones again rejecting and again accepting third-party cookies; ${refused} refused by the model); stores agree on ${stored} (${percent(stored, lines.length)}).`);
  for (const text of [...disagreements, ...unattributed.map((u) => `store, no scenario: ${u}`), ...setup]) console.log(text);
  await writeFile(testInfo.outputPath('set-comparison.json'), JSON.stringify({ firefox: recording.firefox, lines }, null, 1));

  expect(recording.setScenarios.length).toBeGreaterThanOrEqual(300);
  expect(recording.otherSettingScenarios.length).toBeGreaterThanOrEqual(40);
  expect(lines).toHaveLength(recording.setScenarios.length + 2 * recording.otherSettingScenarios.length);
  // Both outcomes are exercised: a suite where everything is stored (or refused) proves little.
  expect(refused).toBeGreaterThanOrEqual(50);
  expect(lines.length - refused).toBeGreaterThanOrEqual(50);
  expect(stored / lines.length).toBeGreaterThanOrEqual(REQUIRED_AGREEMENT);
  expect(unattributed).toEqual([]);
  expect(setup).toEqual([]);
});

// eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring pattern.
test('the model sends the Cookie header Firefox sends', async ({}, testInfo) => {
  const requests = comparisons.flatMap((c) => c.requests);
  const agreeing = requests.filter((r) => r.agrees).length;
  console.log(`${requests.length} requests: ${agreeing} agree (${percent(agreeing, requests.length)}).`);
  for (const r of requests.filter((q) => !q.agrees)) console.log(`${r.scenario} ${r.url}\n  ${r.differences.join('\n  ')}`);
  await writeFile(testInfo.outputPath('send-comparison.json'), JSON.stringify({ firefox: recording.firefox, requests }, null, 1));

  // Every request, with Total Cookie Protection and with every third-party cookie accepted.
  expect(requests).toHaveLength(2 * recording.sendBatches.reduce((n, b) => n + b.requests.length, 0));
  expect(agreeing / requests.length).toBeGreaterThanOrEqual(REQUIRED_AGREEMENT);
});

function percent(part: number, whole: number): string {
  return `${(whole === 0 ? 0 : (100 * part) / whole).toFixed(1)}%`;
}
