import { describe, expect, it } from 'vitest';
import { summarise } from './mutation';

type Status = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError';
const mutant = (status: Status, line: number, replacement = 'false') => ({ mutatorName: 'ConditionalExpression', replacement, status, location: { start: { line, column: 7 } } });

describe('the summary of a mutation run', () => {
  const summary = summarise({
    files: {
      'src/shared/b.ts': { source: 'const b = 1;\n  if (ready) go();\n', mutants: [mutant('Killed', 1), mutant('Survived', 2)] },
      'src/shared/a.ts': { source: 'x\n', mutants: [mutant('Killed', 1), mutant('Timeout', 1), mutant('CompileError', 1)] },
      'src/popup/c.ts': { source: 'let c;\nreturn c;\n', mutants: [mutant('NoCoverage', 2, '{}')] },
    },
  });

  it('scores each folder and file as Stryker does: killed or timed out, of the mutants that compiled', () => {
    expect(summary).toContain('| `src/shared` | 75.0% | 2 | 1 | 1 | 0 |');
    expect(summary).toContain('| `src/shared/a.ts` | 100.0% | 1 | 1 | 0 | 0 |');
    expect(summary).toContain('| `src/popup` | 0.0% | 0 | 0 | 0 | 1 |');
    expect(summary).toContain('| **all** | 60.0% | 2 | 1 | 1 | 1 |');
  });

  it('lists every survivor and every mutant no test reaches, with its place, its change and its line', () => {
    expect(summary).toContain('## Survivors (2)');
    expect(summary).toContain('- `src/shared/b.ts:2:7` ConditionalExpression: `false` in `if (ready) go();`');
    expect(summary).toContain('- `src/popup/c.ts:2:7` ConditionalExpression (no test runs this code): `{}` in `return c;`');
  });

  it('sorts the files by path', () => {
    expect(summary.indexOf('src/popup/c.ts')).toBeLessThan(summary.indexOf('src/shared/a.ts'));
    expect(summary.indexOf('src/shared/a.ts')).toBeLessThan(summary.indexOf('src/shared/b.ts'));
  });
});
