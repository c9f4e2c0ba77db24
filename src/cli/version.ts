// The package's version, from the package.json above this module (lib/ when installed, src/cli/ in a clone).
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cookie-jar-inspector' && pkg.version !== undefined) return pkg.version;
    } catch { /* no package.json here: look further up */ }
  }
  return 'unknown';
}
