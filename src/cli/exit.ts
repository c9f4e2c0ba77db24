// The exit codes of every command (docs/cli.md): scripts and CI rely on them.
export const EXIT = {
  /** Done, nothing to report. */
  ok: 0,
  /** Done, and a finding: lint found a lost or misread cookie or a refused file; replay broke an expectation. */
  findings: 1,
  /** The command line is wrong (unknown option, missing argument, bad value). */
  usage: 2,
  /** An input could not be read: no such file, not a cookie file, not a HAR, bad settings. */
  input: 3,
} as const;

/** An input problem, reported as one line on stderr with exit code 3. */
export class InputError extends Error {
  override name = 'InputError' as const;
}

/** A wrong command line, reported with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}
