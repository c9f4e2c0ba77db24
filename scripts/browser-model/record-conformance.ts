// Records real Chromium's verdicts on the conformance scenarios (e2e/browser-model/scenarios.ts,
// seeded) into src/browser-model/vectors/chromium-conformance.json, which
// src/browser-model/conformance.test.ts replays against the model: the unit tests then check the
// model against Chromium's own answers without a browser. The e2e suite
// (e2e/browser-model.spec.ts) runs the same scenarios live on every `npm test`.
//
// Run by hand:  npx tsx scripts/browser-model/record-conformance.ts
// (Re-record after changing the scenarios; times in the file are those of the recording.)
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { recordConformance } from '../../e2e/browser-model/harness';

const OUT = resolve(import.meta.dirname, '..', '..', 'src/browser-model/vectors/chromium-conformance.json');
const recording = await recordConformance();
const topics: Record<string, string> = Object.fromEntries([
  ...recording.setScenarios.map((s): [string, string] => [s.id, s.topic]),
  ...recording.sendBatches.flatMap((b) => b.requests.map((r): [string, string] => [r.id, r.topic])),
]);
await writeFile(OUT, `${JSON.stringify({
  source: 'e2e/browser-model/scenarios.ts run in Chromium; verdicts from the DevTools Protocol (see scripts/browser-model/record-conformance.ts)',
  chromium: recording.chromium,
  seed: recording.seed,
  topics,
  batches: recording.batches,
})}\n`);
const scenarios = recording.batches.reduce((n, b) => n + b.steps.filter((s) => s.scenario !== undefined).length, 0);
console.log(`Chromium ${recording.chromium}: ${scenarios} scenarios in ${recording.batches.length} batches. Wrote ${OUT}`);
