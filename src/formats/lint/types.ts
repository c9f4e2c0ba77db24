import { LINT_RULES, type LintRuleId, type Outcome, type Reader } from './rules';

/** A cookie as one reader holds it after loading the file. */
export interface ReaderCookie {
  name: string;
  /** null: Python's value-less cookie (sent as the bare name). */
  value: string | null;
  /** The domain as the reader keys it (curl and wget drop the leading dot; Python and Perl keep it). */
  domain: string;
  /** The reader's own subdomains switch (curl's tailmatch, wget's !domain_exact, Python's domain_specified). */
  subdomains: boolean;
  path: string;
  secure: boolean;
  /** Seconds since the epoch; null for a session cookie. */
  expires: number | null;
  /** wget's `domain:port`; null for any port. */
  port: number | null;
  /** The line it came from. */
  line: number;
}

export interface LineVerdict {
  /** 1-based line number (for JSON and LWP, the line of the cookie's entry). */
  line: number;
  outcome: Exclude<Outcome, 'refused'>;
  rules: LintRuleId[];
  /** What the reader does with the line and why, for people. */
  message: string;
  /** What the reader holds from this line (null when it dropped it). */
  cookie: ReaderCookie | null;
}

export interface LintReport {
  reader: Reader;
  /** The format found (null: none of the four). */
  format: 'mozilla' | 'lwp' | 'json' | 'header' | null;
  encoding: string;
  bom: boolean;
  /** The whole file refused (or, for Perl, ignored with a warning): then no cookie is read. */
  refused: { rule: LintRuleId; message: string; line: number | null } | null;
  /** One verdict per line that holds (or looked like it held) a cookie; comments and blank lines are not listed. */
  lines: LineVerdict[];
  /** The cookies the reader holds at the end, later lines replacing earlier ones with the same key. */
  cookies: ReaderCookie[];
  /** Cookies the reader loses or misreads (dropped, misread, or all of them when refused). */
  problems: number;
}

/** A reader's verdict on one line before numbering: what it holds, or why it dropped the line. */
export type Verdict = Omit<LineVerdict, 'line'>;

export function verdict(outcome: LineVerdict['outcome'], rules: LintRuleId[], message: string, cookie: ReaderCookie | null = null): Verdict {
  return { outcome, rules, message, cookie };
}

const SEVERITY: Record<LineVerdict['outcome'], number> = { read: 0, expired: 1, misread: 2, dropped: 3 };

/**
 * A read cookie's verdict from the rules that fired on its line: `misread` when one of them
 * misreads, `read` when they are only notes; the message lists what each rule found.
 */
export function judged(rules: LintRuleId[], notes: string[], cookie: ReaderCookie): Verdict {
  let outcome: LineVerdict['outcome'] = 'read';
  for (const id of rules) {
    const o = LINT_RULES[id].outcome;
    if (o !== 'refused' && SEVERITY[o] > SEVERITY[outcome]) outcome = o;
  }
  return verdict(outcome, rules, notes.length > 0 ? `${outcome}: ${notes.join('; ')}` : outcome, cookie);
}
