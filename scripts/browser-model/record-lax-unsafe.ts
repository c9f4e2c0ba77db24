// Records Chromium's "Lax-allowing-unsafe" window: a cookie without SameSite goes with a
// cross-site top-level POST while it is young, and not once it is older than 2 minutes. Sets the
// cookies, then makes the same cross-site POST after 5 s, 110 s and 125 s, reading each request's
// DevTools verdicts. Writes src/browser-model/vectors/chromium-lax-unsafe.json, which
// src/browser-model/laxUnsafe.test.ts replays. Takes a little over 2 minutes (so it is not part of npm test).
//
// Run by hand:  npx tsx scripts/browser-model/record-lax-unsafe.ts
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchConformanceBrowser } from '../../e2e/browser-model/chromium';
import { Harness, recordRequests, Routes } from '../../e2e/browser-model/harness';
import { startRawSite } from '../../e2e/browser-model/rawSite';
import type { SendScenario } from '../../e2e/browser-model/scenarios';
import { makeCertificate } from '../../e2e/tools';

const OUT = resolve(import.meta.dirname, '..', '..', 'src/browser-model/vectors/chromium-lax-unsafe.json');
const DELAYS_S = [5, 110, 125];
const bank = { scheme: 'https', host: 'bank.example.com' } as const;
const routes = new Routes();
const site = await startRawSite((request) => routes.handle(request), await makeCertificate());
const chromium = await launchConformanceBrowser();
try {
  const harness = new Harness(chromium, site, routes);
  const steps = await harness.runSetup([{ origin: bank, path: '/login', lines: ['young=1; Path=/', 'lax=1; SameSite=Lax; Path=/', 'none=1; SameSite=None; Secure; Path=/'] }]);
  const setAt = steps[0]?.at ?? Date.now();
  for (const [index, delay] of DELAYS_S.entries()) {
    await new Promise((done) => setTimeout(done, Math.max(0, setAt + delay * 1000 - Date.now())));
    const post: SendScenario = {
      id: `post-after-${delay}s`, topic: `cross-site top-level POST ${delay} s after the cookies were set`,
      target: { via: 'top-cross-post', origin: bank, path: `/transfer/${index}`, page: { scheme: 'https', host: 'www.example.net' }, method: 'POST' },
    };
    steps.push(...await recordRequests(harness, [post]));
  }
  const batch = await harness.finish('lax-allowing-unsafe', steps, []);
  await writeFile(OUT, `${JSON.stringify({ source: 'scripts/browser-model/record-lax-unsafe.ts', chromium: chromium.version, delays: DELAYS_S, batch }, null, 1)}\n`);
  const sent = steps.flatMap((s) => (s.kind === 'request' ? [`${s.scenario}: ${s.cookieHeader ?? '(none)'}`] : []));
  console.log(`Chromium ${chromium.version}: ${sent.join('; ')}. Wrote ${OUT}`);
} finally {
  await chromium.close();
  await site.close();
}
