import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINT_RULES, READERS } from './rules';

describe('the lint rules', () => {
  const ids = Object.keys(LINT_RULES);
  it('has rules for every reader', () => {
    expect(ids.length).toBeGreaterThan(40);
    for (const reader of READERS) expect(ids.some((id) => id.startsWith(`${reader}/`)), reader).toBe(true);
  });

  it.each(ids)('docs/cli.md lists %s with its source', (id) => {
    const docs = readFileSync(new URL('../../../docs/cli.md', import.meta.url), 'utf8');
    const row = docs.split('\n').find((line) => line.startsWith(`| \`${id}\` |`));
    expect(row, id).toBeDefined();
    expect(row).toContain(LINT_RULES[id as keyof typeof LINT_RULES].source);
  });
});
