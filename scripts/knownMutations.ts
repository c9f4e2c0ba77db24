// `npm run test:mutation:known`: the thirteen mutations of issue 14, which once survived every unit
// and e2e test, put back into the code one at a time; each must fail every test named for it
// (docs/testing.md lists the same). Each named test must pass on the code as it is, too: a test that
// fails either way proves nothing. A mutation whose text is no longer in its file stops the run: the
// code moved, so find where the behaviour lives now and update the entry (and docs/testing.md).
// Every file is restored after its mutation, also when the run is interrupted. `-- WORD` runs only
// the mutations whose description contains WORD.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export interface KnownMutation {
  what: string;
  file: string;
  /** The code as it is (exactly once in the file), and what the mutation makes of it. */
  from: string;
  to: string;
  /** [test file, part of the test's full name]: each must fail under the mutation. */
  killedBy: [string, string][];
}

export const KNOWN_MUTATIONS: KnownMutation[] = [
  {
    what: '`frameAncestors[0]` instead of the last entry', file: 'src/background/adapter.ts',
    from: 'ancestors[ancestors.length - 1]', to: 'ancestors[0]',
    killedBy: [['src/background/service.test.ts', 'the top-level document is the LAST of frameAncestors']],
  },
  {
    what: 'a Firefox private window\'s `cookieStoreId` ignored', file: 'src/background/classify.ts',
    from: 'private: incognito === true || cookieStoreId === FIREFOX_PRIVATE_STORE', to: 'private: incognito === true',
    killedBy: [
      ['src/background/service.test.ts', 'a private window is known by its cookieStoreId alone'],
      ['src/background/privacy.test.ts', 'Firefox: the private cookie store alone'],
    ],
  },
  {
    what: 'only tab/CR/LF treated as unsafe in a line', file: 'src/formats/netscape.ts',
    from: 'const UNSAFE = /[\\x00-\\x1f\\x7f]/;', to: 'const UNSAFE = /[\\t\\r\\n]/;',
    killedBy: [['src/formats/export.test.ts', 'lines that would break the file']],
  },
  {
    what: 'a cookie without a value written as `name\\t`', file: 'src/formats/netscape.ts',
    from: "cookie.value === null ? ['', cookie.name] : [cookie.name, cookie.value]", to: "[cookie.name, cookie.value ?? '']",
    killedBy: [['src/formats/export.test.ts', 'a cookie without a value (Set-Cookie: token)']],
  },
  {
    what: 'the jar/browser comparison key ignores the path', file: 'src/shared/cookieIdentity.ts',
    from: '\\t${cookie.path}\\t${cookie.name}', to: '\\t${cookie.name}',
    killedBy: [
      ['src/shared/cookieIdentity.test.ts', 'differs by the path'],
      ['src/popup/rows.test.ts', 'matches by path too'],
      ['src/background/cookies.test.ts', 'one name on two paths is two cookies'],
    ],
  },
  {
    what: 'the popup filter ignores domain and path', file: 'src/popup/rows.ts',
    from: "${cookie.name}\\n${cookie.value ?? ''}\\n${cookie.domain}\\n${cookie.path}", to: "${cookie.name}\\n${cookie.value ?? ''}",
    killedBy: [['src/popup/rows.test.ts', 'the filter finds a cookie by any part of its name, value, domain or path']],
  },
  {
    what: 'the rule filter matches any rule', file: 'src/popup/decisions.ts',
    from: "(filters.rule === '' || d.rule === filters.rule)", to: 'true',
    killedBy: [
      ['src/popup/views/DecisionsView.test.tsx', 'filters by the policy’s outcome, host and rule'],
      ['src/popup/decisions.test.ts', 'combines outcome, host and rule'],
    ],
  },
  {
    what: 'the host filter no longer lower-cases', file: 'src/popup/decisions.ts',
    from: 'filters.host.trim().toLowerCase()', to: 'filters.host.trim()',
    killedBy: [
      ['src/popup/views/DecisionsView.test.tsx', 'filters by the policy’s outcome, host and rule'],
      ['src/popup/decisions.test.ts', 'filters by the request’s host'],
    ],
  },
  {
    what: 'an oversized single response is no longer trimmed', file: 'src/background/decisionLog.ts',
    from: 'const trimmed = trimResponse(oldest, excessDecisions, excessBytes);',
    to: 'return false;\n      const trimmed = trimResponse(oldest, excessDecisions, excessBytes);',
    killedBy: [['src/background/service.test.ts', 'one response with more decisions than the whole log keeps its newest']],
  },
  {
    what: 'replay\'s `newlyAccepted` is never filled', file: 'src/background/service.ts',
    from: 'if (!old.accepted && d.accepted) newlyAccepted.push(d);', to: '',
    killedBy: [['src/background/service.test.ts', 'replay lists what a looser policy would newly accept']],
  },
  {
    what: 'SameSite dropped from the popup\'s rows', file: 'src/shared/cookieRows.ts',
    from: 'hasHttpOnly(cookie), sameSiteOf(cookie)]', to: 'hasHttpOnly(cookie), null]',
    killedBy: [['src/popup/fromProtocol.test.ts', 'a jar cookie shows every attribute, its HttpOnly and SameSite included']],
  },
  {
    what: 'the sent-header log has no cap', file: 'src/background/sentLog.ts',
    from: 'while (this.pages.size > this.limits.entries || (this.pages.bytes > this.limits.bytes && this.pages.size > 1)) this.pages.dropOldest();', to: '',
    killedBy: [['src/background/service.test.ts', 'keeps exactly the newest entries past its bound']],
  },
  {
    what: 'onStartup clears every session cookie, not only the restored ones', file: 'src/background/service.ts',
    from: 'cookie.discard && this.migratedSession.has(cookie)', to: 'cookie.discard',
    killedBy: [['src/background/privacy.test.ts', 'at browser start only the session cookies that came from disk go']],
  },
];

interface VitestJson { testResults: { assertionResults: { fullName: string; status: string }[] }[] }

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs the tests of one file whose full name contains `name`: how many ran, and the full names of those that failed. */
function runTests(file: string, name: string, out: string): { ran: number; failed: string[] } {
  rmSync(out, { force: true });
  spawnSync(join(ROOT, 'node_modules', '.bin', 'vitest'), ['run', file, '-t', escapeRegExp(name), '--reporter=json', `--outputFile=${out}`], { cwd: ROOT, stdio: 'ignore' });
  const report = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  const ran = report.testResults.flatMap((f) => f.assertionResults).filter((t) => t.status === 'passed' || t.status === 'failed');
  return { ran: ran.length, failed: ran.filter((t) => t.status === 'failed').map((t) => t.fullName) };
}

function main(only: string | undefined): number {
  const mutations = KNOWN_MUTATIONS.filter((m) => only === undefined || m.what.includes(only));
  const dir = mkdtempSync(join(tmpdir(), 'known-mutations-'));
  const out = join(dir, 'vitest.json');
  let restore: (() => void) | null = null;
  const onSignal = (): void => { restore?.(); process.exit(130); };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  let problems = 0;
  try {
    for (const mutation of mutations) {
      const path = join(ROOT, mutation.file);
      const original = readFileSync(path, 'utf8');
      const count = original.split(mutation.from).length - 1;
      if (count !== 1) {
        console.log(`MOVED  ${mutation.what}: the code it changes is in ${mutation.file} ${count} times, not once`);
        problems++;
        continue;
      }
      for (const [file, name] of mutation.killedBy) {
        const clean = runTests(file, name, out);
        if (clean.ran === 0 || clean.failed.length > 0) {
          console.log(`BROKEN ${mutation.what}: ${file} "${name}" ${clean.ran === 0 ? 'names no test' : 'fails without the mutation'}`);
          problems++;
        }
      }
      restore = () => { writeFileSync(path, original); };
      writeFileSync(path, original.replace(mutation.from, mutation.to));
      try {
        for (const [file, name] of mutation.killedBy) {
          const { ran, failed } = runTests(file, name, out);
          const killed = ran > 0 && failed.length > 0;
          if (!killed) problems++;
          console.log(`${killed ? 'killed' : 'LIVES '} ${mutation.what}: ${file} "${name}" (${failed.length} of ${ran} failed)`);
        }
      } finally {
        restore();
        restore = null;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(problems === 0 ? `All ${mutations.length} mutations are killed by their named tests.` : `${problems} problem(s).`);
  return problems === 0 ? 0 : 1;
}

if (process.argv[1] === import.meta.filename) process.exitCode = main(process.argv[2]);
