// Human output: colours only on a terminal, warnings on stderr. picocolors on its own also colours
// piped output whenever a CI variable is set, which puts escape codes into files and pipes: here
// colour needs a terminal (or FORCE_COLOR / --color), and NO_COLOR / --no-color always wins.
import picocolors from 'picocolors';

export function colourWanted(env: NodeJS.ProcessEnv, argv: readonly string[], stdoutIsTerminal: boolean): boolean {
  if ('NO_COLOR' in env || argv.includes('--no-color')) return false;
  if ('FORCE_COLOR' in env || argv.includes('--color')) return true;
  return stdoutIsTerminal && env['TERM'] !== 'dumb';
}

// isTTY is undefined, not false, on a pipe, and createColors(undefined) would fall back to picocolors' own guess.
const pc = picocolors.createColors(colourWanted(process.env, process.argv, Boolean(process.stdout.isTTY as boolean | undefined)));
export const colors = pc;

export function warn(message: string): void {
  process.stderr.write(`${pc.yellow('warning:')} ${message}\n`);
}

export function info(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A URL for a line of text output: long query strings cut (the JSON output keeps every URL whole). */
export function shortUrl(url: string, max = 72): string {
  return url.length > max ? `${url.slice(0, max - 1)}…` : url;
}
