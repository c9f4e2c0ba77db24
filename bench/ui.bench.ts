// `npm run bench:ui`: the popup with 10,000 cookies in the jar, in real Chromium with the built
// extension (run `npm run build` first). Prints medians of
//   - open → site view shown: from the popup page's navigation start to the first render of the
//     cookie grid with its rows (the 'cji:site-ready' mark), target < 150 ms;
//   - filter keystroke: from the input event to the filtered grid committed to the DOM
//     ('cji:filter-start' → 'cji:filter-end'), and to the next frame, target < 16 ms.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionIdOf, launchWithExtension, serviceWorkerOf } from '../e2e/fixtures';
import { startCookieSite } from '../e2e/site';

const COOKIES = 10_000;
const OPENS = 15;
const QUERIES = ['c', 'c0', 'c01', 'c012', 'c0123', 'c012', 'c01', 'c0', 'c', '', 'v9', 'v99', 'v999', 'x', ''];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] ?? NaN : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

const site = await startCookieSite();
const userDataDir = await mkdtemp(join(tmpdir(), 'cji-bench-ui-'));
const context = await launchWithExtension(userDataDir);
try {
  const extensionId = extensionIdOf(await serviceWorkerOf(context));
  // About no web page (the UI's own page is the active tab): the Site view opens on every cookie.
  // A site keeps at most 180 cookies (the mirror's limits, as browsers do), so 10,000 cookies are
  // 10,000 of every site: 100 sites of 100, the jar's total limit raised to hold them.
  const popupUrl = `chrome-extension://${extensionId}/src/popup/index.html`;
  const page = await context.newPage();
  await page.goto(popupUrl);
  await page.evaluate(async (maxCookies) => {
    const policy = await chrome.runtime.sendMessage<unknown, { value: object }>({ type: 'getPolicy' });
    await chrome.runtime.sendMessage({ type: 'setPolicy', settings: { ...policy.value, maxCookies } });
  }, COOKIES);
  const expires = Math.floor(Date.now() / 1000) + 86_400;
  const lines = Array.from({ length: COOKIES }, (_, i) => {
    const host = `site${String(i % 100).padStart(2, '0')}.test`;
    return `${i % 2 === 0 ? `.${host}\tTRUE` : `www.${host}\tFALSE`}\t/p${i % 50}\tFALSE\t${expires}\tc${String(i).padStart(5, '0')}\tv${i}`;
  });
  const imported: unknown = await page.evaluate(async (text) => chrome.runtime.sendMessage<unknown, unknown>({ type: 'importJar', format: 'mozilla', text }),
    `# Netscape HTTP Cookie File\n${lines.join('\n')}\n`);
  console.log('import:', JSON.stringify(imported).slice(0, 120));

  const opens: number[] = [];
  const phases: Record<string, number[]> = { 'cji:script-start': [], 'cji:cookies-requested': [], 'cji:cookies-received': [] };
  for (let i = 0; i < OPENS; i++) {
    await page.goto(popupUrl);
    await page.getByTestId('cookie-name').first().waitFor();
    const ready = await page.evaluate(() => performance.getEntriesByName('cji:site-ready')[0]?.startTime ?? NaN);
    const rows = await page.getByRole('grid').getAttribute('aria-rowcount');
    if (rows !== String(COOKIES + 1)) throw new Error(`the grid has ${rows} rows, expected ${COOKIES + 1}`);
    opens.push(ready);
    for (const [name, values] of Object.entries(phases)) {
      values.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN, name));
    }
  }

  const renders: number[] = [];
  const frames: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const query of QUERIES) {
      const [render, frame] = await page.evaluate(async (value) => {
        const input = document.querySelector<HTMLInputElement>('input[type=search]');
        if (input === null) throw new Error('no filter box');
        performance.clearMarks('cji:filter-start');
        performance.clearMarks('cji:filter-end');
        const start = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise<void>((resolve) => { requestAnimationFrame(() => { resolve(); }); });
        const end = performance.now();
        const from = performance.getEntriesByName('cji:filter-start')[0]?.startTime ?? NaN;
        const to = performance.getEntriesByName('cji:filter-end').at(-1)?.startTime ?? NaN;
        return [to - from, end - start];
      }, query);
      renders.push(render);
      frames.push(frame);
    }
  }
  console.log(`popup with ${COOKIES} cookies in the jar (100 sites of 100, every site shown), Chromium ${context.browser()?.version() ?? ''}`);
  console.log(`open → site view shown:        median ${median(opens).toFixed(1)} ms over ${opens.length} opens (target < 150 ms)`);
  console.log(`  of which: script starts at ${median(phases['cji:script-start'] ?? []).toFixed(1)} ms, cookies requested at ${median(phases['cji:cookies-requested'] ?? []).toFixed(1)} ms, received at ${median(phases['cji:cookies-received'] ?? []).toFixed(1)} ms`);
  console.log(`filter keystroke → DOM updated: median ${median(renders).toFixed(2)} ms over ${renders.length} keystrokes (target < 16 ms)`);
  console.log(`filter keystroke → next frame:  median ${median(frames).toFixed(2)} ms`);
} finally {
  await context.close();
  await site.close();
  await rm(userDataDir, { recursive: true, force: true });
}
