// Records what the extension API's cookies.set does with the cases of
// e2e/browser-model/cookiesSet.ts (in the built extension's service worker, in Chromium) into
// src/browser-model/vectors/chromium-cookies-set.json, which src/browser-model/precheck.test.ts
// replays against the pre-check. The e2e suite (e2e/browser-model-cookies-set.spec.ts) runs the
// same cases live.
//
// Run by hand, after `npm run build`:  npx tsx scripts/browser-model/record-cookies-set.ts
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cookiesSetCases, runCookiesSet } from '../../e2e/browser-model/cookiesSet';
import { launchWithExtension, serviceWorkerOf } from '../../e2e/fixtures';

const OUT = resolve(import.meta.dirname, '..', '..', 'src/browser-model/vectors/chromium-cookies-set.json');
const profile = await mkdtemp(join(tmpdir(), 'cji-cookies-set-'));
const context = await launchWithExtension(profile);
try {
  const cases = cookiesSetCases();
  const recorded = await runCookiesSet(await serviceWorkerOf(context), cases);
  const version = context.browser()?.version() ?? (await (await context.newCDPSession(await context.newPage())).send('Browser.getVersion')).product;
  await writeFile(OUT, `${JSON.stringify({
    source: 'e2e/browser-model/cookiesSet.ts through the extension API\'s cookies.set (see scripts/browser-model/record-cookies-set.ts)',
    chromium: version,
    topics: Object.fromEntries(cases.map((c) => [c.id, c.topic])),
    cases: recorded,
  }, null, 1)}\n`);
  console.log(`${recorded.length} cookies.set cases, ${recorded.filter((r) => !r.ok).length} failed in Chromium. Wrote ${OUT}`);
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
