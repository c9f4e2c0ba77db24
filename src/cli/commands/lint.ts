// lint: what one reader does with each line of a cookie file, a summary, and exit 1 when the reader
// would lose or misread a cookie or refuse the file. --fix writes the file in the reader's dialect.
import { lintCookieFile, readCookieFile, writeCookieFile, CookieFileError, type LintReport, type Reader } from '../../formats';
import { EXIT, InputError } from '../exit';
import { readBytes, writeOutput } from '../io';
import { colors as c, info, warn } from '../output';

export interface LintOptions { for: Reader; fix?: string | boolean | undefined; json?: boolean | undefined; now: number }

const MARK: Record<string, (s: string) => string> = { read: c.green, expired: c.dim, misread: c.yellow, dropped: c.red };

function summary(report: LintReport): string {
  if (report.refused !== null) return `${report.reader} refuses the whole file: ${report.refused.message}`;
  const count = (o: string) => report.lines.filter((l) => l.outcome === o).length;
  const parts = [`${report.cookies.length} cookies read`];
  for (const o of ['misread', 'dropped', 'expired']) if (count(o) > 0) parts.push(`${count(o)} ${o}`);
  return `${report.reader}: ${parts.join(', ')}`;
}

export async function lint(file: string, options: LintOptions): Promise<number> {
  const bytes = await readBytes(file);
  const report = lintCookieFile(bytes, options.for, options.now);
  let fixed: { output: string; count: number; warnings: string[]; problems: number } | null = null;
  if (options.fix !== undefined && options.fix !== false) {
    const output = typeof options.fix === 'string' ? options.fix : file;
    let read;
    try { read = readCookieFile(bytes); } catch (error) {
      if (error instanceof CookieFileError) throw new InputError(`${file}: cannot fix: ${error.message}`);
      throw error;
    }
    // Perl reads session cookies from LWP files only; every other reader gets its cookies.txt dialect.
    const written = options.for === 'perl'
      ? writeCookieFile(read.cookies, { to: 'lwp', now: options.now })
      : writeCookieFile(read.cookies, { to: 'mozilla', dialect: options.for, now: options.now });
    await writeOutput(output, written.text);
    // As eslint --fix: the exit code then says whether the written file still has problems.
    const after = lintCookieFile(new TextEncoder().encode(written.text), options.for, options.now);
    fixed = { output, count: written.count, problems: after.problems, warnings: [...read.problems.map((p) => `line ${p.line} left out: ${p.message}`), ...written.warnings] };
  }
  const print = (text: string) => (fixed?.output === '-' ? process.stderr : process.stdout).write(text);
  if (options.json === true) {
    print(`${JSON.stringify({ file, ...report, ...(fixed === null ? {} : { fixed }) }, null, 2)}\n`);
  } else {
    if (report.refused !== null) {
      print(`${file}${report.refused.line === null ? '' : `:${report.refused.line}`}: ${c.red('refused')} ${report.refused.message} ${c.dim(`[${report.refused.rule}]`)}\n`);
    }
    for (const line of report.lines) {
      const mark = (MARK[line.outcome] ?? String)(line.outcome.padEnd(7));
      const name = line.cookie === null ? '' : ` ${JSON.stringify(line.cookie.name)}`;
      const rules = line.rules.length > 0 ? ` ${c.dim(`[${line.rules.join(', ')}]`)}` : '';
      print(`${file}:${line.line}: ${mark}${name} ${line.message.replace(/^(read|misread|dropped|expired)(: )?/, '')}${rules}\n`);
    }
    print(`${summary(report)}\n`);
    if (fixed !== null) {
      info(`wrote ${fixed.count} cookies for ${options.for} to ${fixed.output === '-' ? 'standard output' : fixed.output}${fixed.problems > 0 ? `; ${fixed.problems} problems remain (lint the written file to see them)` : ''}`);
      for (const w of fixed.warnings) warn(w);
    }
  }
  return (fixed?.problems ?? report.problems) > 0 ? EXIT.findings : EXIT.ok;
}
