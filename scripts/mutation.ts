// npm run test:mutation [-- SCOPE... [--incremental]]: StrykerJS over the extension layers
// (stryker.config.mjs), or over the scopes named: a folder (background, shared, popup) or one module
// of one (background/service.ts); options starting with "-" go to Stryker (`--concurrency=1`). Then
// a summary a person can read: the score per folder and per file, and every surviving mutant with
// its place and its change, under the commit it ran on and the time it took. Each set of scopes has
// its own reports directory, reports/mutation/<scopes>/ (`all` for the whole scope, `background-
// service.ts` for one module): mutation.html (every mutant in its source), mutation.json, and
// summary.md, the summary printed at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
  location: { start: { line: number; column: number } };
}
interface Report { files: Record<string, { source: string; mutants: Mutant[] }> }

interface Tally { killed: number; survived: number; noCoverage: number; timeout: number; other: number }

const empty = (): Tally => ({ killed: 0, survived: 0, noCoverage: 0, timeout: 0, other: 0 });

function add(tally: Tally, status: Mutant['status']): void {
  if (status === 'Killed') tally.killed++;
  else if (status === 'Survived') tally.survived++;
  else if (status === 'NoCoverage') tally.noCoverage++;
  else if (status === 'Timeout') tally.timeout++;
  else tally.other++;
}

/** Stryker's mutation score: detected (killed or timed out) of the valid mutants (not ignored, compiling). */
function score(t: Tally): string {
  const valid = t.killed + t.timeout + t.survived + t.noCoverage;
  return valid === 0 ? '–' : `${((100 * (t.killed + t.timeout)) / valid).toFixed(1)}%`;
}

const row = (name: string, t: Tally) =>
  `| ${name} | ${score(t)} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} |`;

export function summarise(report: Report): string {
  const byFolder = new Map<string, Tally>();
  const byFile = new Map<string, Tally>();
  const survivors: string[] = [];
  const total = empty();
  for (const [path, file] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const folder = path.split('/').slice(0, 2).join('/');
    const folderTally = byFolder.get(folder) ?? empty();
    const fileTally = empty();
    const lines = file.source.split('\n');
    const inOrder = [...file.mutants].sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
    for (const mutant of inOrder) {
      add(folderTally, mutant.status);
      add(fileTally, mutant.status);
      add(total, mutant.status);
      if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
        const { line, column } = mutant.location.start;
        const code = (lines[line - 1] ?? '').trim();
        const change = (mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80);
        survivors.push(`- \`${path}:${line}:${column}\` ${mutant.mutatorName}${mutant.status === 'NoCoverage' ? ' (no test runs this code)' : ''}: \`${change}\` in \`${code.slice(0, 100)}\``);
      }
    }
    byFolder.set(folder, folderTally);
    byFile.set(path, fileTally);
  }
  const header = ['| | score | killed | timeout | survived | no coverage |', '|---|---|---|---|---|---|'];
  return [
    '## Score per folder', '', ...header, ...[...byFolder].map(([folder, t]) => row(`\`${folder}\``, t)), row('**all**', total), '',
    '## Score per file', '', ...header, ...[...byFile].map(([file, t]) => row(`\`${file}\``, t)), '',
    `## Survivors (${survivors.length})`, '', ...survivors, '',
  ].join('\n');
}

/** The commit the run mutated, and whether the code it ran on differed from it. */
function revision(): string {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    const changed = git('status', '--porcelain', '--', 'src', 'stryker.config.mjs', 'vitest.mutation.config.ts') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${changed ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'no git commit';
  }
}

function main(): number {
  const args = process.argv.slice(2);
  const scopes = args.filter((arg) => !arg.startsWith('-'));
  const options = args.filter((arg) => arg.startsWith('-'));
  const name = scopes.length > 0 ? scopes.map((scope) => scope.replace(/^src\//, '').replaceAll('/', '-')).join('+') : 'all';
  const reports = join('reports', 'mutation', name);
  const env = { ...process.env, MUTATION_REPORTS: reports, ...(scopes.length > 0 ? { MUTATION_SCOPE: scopes.join(',') } : {}) };
  const started = Date.now();
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'stryker'), ['run', ...options], { cwd: ROOT, env, stdio: 'inherit' });
  if (run.status !== 0) return run.status ?? 1;
  const minutes = (Date.now() - started) / 60_000;
  const summary = summarise(JSON.parse(readFileSync(join(ROOT, reports, 'mutation.json'), 'utf8')) as Report);
  const title = `# Mutation testing: ${scopes.length > 0 ? scopes.join(', ') : 'the extension layers'}`;
  const how = `On ${revision()}, ${new Date(started).toISOString().slice(0, 16).replace('T', ' ')} UTC: ${minutes.toFixed(1)} minutes${options.length > 0 ? ` (${options.join(' ')})` : ''}.`;
  const file = join(ROOT, reports, 'summary.md');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${title}\n\n${how}\n\n${summary}`);
  console.log(`\n${how}\n\n${summary}\nFull report: ${reports}/mutation.html; this summary: ${reports}/summary.md`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main();
