// `npm start` is the README's first command: without a display it must browse the demo hosts and
// print every Set-Cookie line the extension recorded (the extension is built by test:e2e, so the
// script runs with --no-build). e2e/firefox/start.spec.ts does the same for `npm start -- --firefox`.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { requireBrowser } from './browsers';

test('npm start, headless, prints what the extension recorded from the demo site', async () => {
  // The browser the suites use, named: the test never lets npm start install one.
  const env: NodeJS.ProcessEnv = { ...process.env, CHROMIUM_PATH: requireBrowser('chromium') };
  delete env['DISPLAY'];
  delete env['WAYLAND_DISPLAY'];
  const root = resolve(import.meta.dirname, '..');
  const { stdout } = await promisify(execFile)(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts', '--no-build'], { cwd: root, env, timeout: 50_000 });
  const count = /The extension recorded (\d+) Set-Cookie lines \(the site sent (\d+)\)/.exec(stdout);
  expect(count, stdout).not.toBeNull();
  expect(Number(count?.[1])).toBe(Number(count?.[2]));
  expect(Number(count?.[2])).toBe(9);
  for (const host of ['www.example.com', 'shop.example.co.uk', 'tracker.test']) expect(stdout).toContain(`${host}  visit=${host}; Path=/  (accepted)`);
});
