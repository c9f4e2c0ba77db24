// Records a real browser's verdicts on the conformance scenarios (e2e/browser-model/scenarios.ts,
// seeded) into src/browser-model/vectors/<browser>-conformance.json, which
// src/browser-model/conformance.test.ts replays against the model: the unit tests then check the
// model against the browser's own answers without a browser. The e2e suites
// (e2e/browser-model.spec.ts, e2e/firefox/browser-model.spec.ts) run the same scenarios live on
// every `npm test`. Chromium's verdicts come from the DevTools Protocol; Firefox's from its store
// and the Cookie headers the site receives.
//
// Run by hand:  npx tsx scripts/browser-model/record-conformance.ts [chromium|firefox]
// (Re-record after changing the scenarios; times in the file are those of the recording.)
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { recordFirefoxConformance } from '../../e2e/browser-model/firefox';
import { recordConformance } from '../../e2e/browser-model/harness';

const BROWSER = process.argv[2] === 'firefox' ? 'firefox' : 'chromium';
const OUT = resolve(import.meta.dirname, '..', '..', `src/browser-model/vectors/${BROWSER}-conformance.json`);
const recording = BROWSER === 'firefox' ? await recordFirefoxConformance() : await recordConformance();
const version = 'firefox' in recording ? recording.firefox : recording.chromium;
const topics: Record<string, string> = Object.fromEntries([
  ...recording.setScenarios.map((s): [string, string] => [s.id, s.topic]),
  ...recording.sendBatches.flatMap((b) => b.requests.map((r): [string, string] => [r.id, r.topic])),
]);
await writeFile(OUT, `${JSON.stringify({
  source: `e2e/browser-model/scenarios.ts run in ${BROWSER === 'firefox' ? 'Firefox; verdicts from its cookie store and the Cookie headers received' : 'Chromium; verdicts from the DevTools Protocol'} (see scripts/browser-model/record-conformance.ts)`,
  [BROWSER]: version,
  seed: recording.seed,
  topics,
  batches: recording.batches,
})}\n`);
const scenarios = recording.batches.reduce((n, b) => n + b.steps.filter((s) => s.scenario !== undefined).length, 0);
console.log(`${BROWSER} ${version}: ${scenarios} scenarios in ${recording.batches.length} batches. Wrote ${OUT}`);
