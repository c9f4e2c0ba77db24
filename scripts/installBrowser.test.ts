import { describe, expect, it } from 'vitest';
import { ensureBrowser, installRoutes, type InstallRoute } from './installBrowser';

function route(name: string, outcome: { skip?: string; result?: string; error?: string }, calls: string[]): InstallRoute {
  return {
    name,
    skip: () => outcome.skip ?? null,
    install: () => {
      calls.push(name);
      return outcome.error === undefined ? Promise.resolve(outcome.result ?? `/opt/${name}`) : Promise.reject(new Error(outcome.error));
    },
  };
}

describe('ensureBrowser (npm start on a machine without a browser)', () => {
  it('a browser found is used and nothing is installed', async () => {
    const calls: string[] = [];
    const path = await ensureBrowser('chromium', { find: () => '/usr/bin/chromium', routes: [route('download', {}, calls)], log: () => undefined });
    expect(path).toBe('/usr/bin/chromium');
    expect(calls).toEqual([]);
  });

  it('none found: the download first, then Debian\'s package when the download fails', async () => {
    const calls: string[] = [];
    const log: string[] = [];
    const path = await ensureBrowser('chromium', {
      find: () => null,
      routes: [route('download', { error: 'Download failure, code=1\nstack...' }, calls), route('apt', { result: '/usr/bin/chromium' }, calls)],
      log: (line) => log.push(line),
    });
    expect(path).toBe('/usr/bin/chromium');
    expect(calls).toEqual(['download', 'apt']);
    expect(log.join('\n')).toMatch(/CHROMIUM_PATH/);
    expect(log.join('\n')).toMatch(/failed: Download failure, code=1$/m);
  });

  it('nothing works: the error names each route, why, and what to install by hand', async () => {
    const calls: string[] = [];
    const attempt = ensureBrowser('firefox', {
      find: () => null,
      routes: [route('download', { error: 'getaddrinfo ENOTFOUND' }, calls), route('apt', { skip: 'not running as root' }, calls)],
      log: () => undefined,
    });
    await expect(attempt).rejects.toThrow(/download: getaddrinfo ENOTFOUND\n {2}- apt: not running as root\n.*apt-get install firefox-esr.*FIREFOX_PATH/s);
    expect(calls).toEqual(['download']);
  });

  it.each(['chromium', 'firefox'] as const)('the real routes for %s: a download, then Debian\'s package', (name) => {
    const routes = installRoutes(name);
    expect(routes.map((r) => r.name)).toEqual([
      expect.stringMatching(name === 'chromium' ? /Playwright's Chromium download/ : /Mozilla's Firefox download/),
      `Debian's ${name === 'chromium' ? 'chromium' : 'firefox-esr'} package (apt-get install ${name === 'chromium' ? 'chromium' : 'firefox-esr'})`,
    ]);
  });
});
