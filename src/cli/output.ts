// Human output: colours only on a terminal (picocolors honours NO_COLOR and FORCE_COLOR), warnings on stderr.
import pc from 'picocolors';

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
