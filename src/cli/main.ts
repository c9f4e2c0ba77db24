// The command-line tool: argument parsing (commander) and exit codes over the commands.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DIALECTS, FORMATS, READERS, type CookieFileFormat, type ExportDialect, type Reader } from '../formats';
import { convert } from './commands/convert';
import { explain } from './commands/explain';
import { lint } from './commands/lint';
import { replay } from './commands/replay';
import type { ThirdPartyCookieSetting } from '../browser-model';
import { BROWSER_NAMES, THIRD_PARTY_SETTINGS } from './browser';
import { EXIT, InputError, UsageError } from './exit';
import { colors as c } from './output';
import { PRESET_SLUGS } from './policy';
import { packageVersion } from './version';

function seconds(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError('seconds since 1970, like 1700000000');
  return Number(value);
}

function url(value: string): string {
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    return u.href;
  } catch {
    throw new InvalidArgumentError('an http or https URL');
  }
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const nowOption = () => new Option('--now <seconds>', 'the clock, in seconds since 1970 (default: now)').argParser(seconds);
const jsonOption = () => new Option('--json', 'print one JSON document for machines instead of text');
const browserOption = () => new Option('--browser <name>', 'also the browser\'s own verdicts, from the browser model').choices([...BROWSER_NAMES]);
const thirdPartyOption = () => new Option('--third-party-cookies <setting>', 'with --browser: the browser\'s third-party cookie setting (default: a fresh profile\'s, blocked in chromium, partitioned in firefox)').choices([...THIRD_PARTY_SETTINGS]);
const policyOption = () => new Option('--policy <preset|settings.json>', `a preset (${Object.keys(PRESET_SLUGS).join(', ')}) or a settings JSON file`);

export function program(run: (code: number) => void): Command {
  const cli = new Command('cookie-jar-inspector')
    .description('Convert, lint, explain and replay cookies with a faithful http.cookiejar engine.\nExit codes: 0 ok, 1 findings (lint problems, broken --expect), 2 usage, 3 unreadable input.')
    .version(packageVersion())
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();

  cli.command('convert')
    .description('convert between cookies.txt (any dialect), LWP, Cookie-Editor/EditThisCookie JSON and a Cookie header; reports what the target loses')
    .argument('<input>', 'the cookie file (- for standard input); its format is detected')
    .requiredOption('--to <format>', `the format to write: ${FORMATS.join(', ')}`)
    .addOption(new Option('--for <reader>', 'the cookies.txt dialect: the tool that will read it').choices([...DIALECTS]))
    .addOption(new Option('--from <format>', 'the input format, when detection should not decide').choices([...FORMATS]))
    .option('--url <url>', 'for a Cookie header: the URL it is (or was) sent to', url)
    .option('-o, --output <file>', 'write here (mode 0600) instead of standard output')
    .addOption(jsonOption()).addOption(nowOption())
    .action(async (input: string, o: { to: string; for?: ExportDialect; from?: CookieFileFormat; url?: string; output?: string; json?: boolean; now?: number }) => {
      if (!(FORMATS as readonly string[]).includes(o.to)) throw new UsageError(`--to ${JSON.stringify(o.to)}: choose one of ${FORMATS.join(', ')}`);
      if (o.for !== undefined && o.to !== 'mozilla') throw new UsageError('--for picks a cookies.txt dialect: use it with --to mozilla');
      run(await convert(input, { ...o, to: o.to as CookieFileFormat, now: o.now ?? Date.now() / 1000 }));
    });

  cli.command('lint')
    .description('what a reader (curl, wget, yt-dlp, python, perl) does with each line of a cookie file; exit 1 when it loses or misreads a cookie or refuses the file')
    .argument('<file>', 'the cookie file (- for standard input)')
    .addOption(new Option('--for <reader>', 'the tool that will read the file').choices([...READERS]).makeOptionMandatory())
    .option('--fix [output]', 'write the file in the reader\'s dialect (LWP for perl), over the input or to OUTPUT (- for standard output)')
    .addOption(jsonOption()).addOption(nowOption())
    .action(async (file: string, o: { for: Reader; fix?: string | boolean; json?: boolean; now?: number }) => {
      run(await lint(file, { ...o, now: o.now ?? Date.now() / 1000 }));
    });

  cli.command('explain')
    .description('which cookies of a file would be sent to a URL and, for each that would not, the rule and the reason')
    .argument('<file>', 'the cookie file (any format)')
    .argument('<url>', 'the URL of the request', url)
    .addOption(policyOption())
    .option('--from <page-url>', 'the page the request is made from (a third-party request when its site differs)', url)
    .addOption(browserOption()).addOption(thirdPartyOption())
    .addOption(jsonOption()).addOption(nowOption())
    .action(async (file: string, target: string, o: { policy?: string; from?: string; browser?: string; thirdPartyCookies?: ThirdPartyCookieSetting; json?: boolean; now?: number }) => {
      run(await explain(file, target, { ...o, now: o.now ?? Date.now() / 1000 }));
    });

  cli.command('replay')
    .description('every Set-Cookie of a HAR, in order, through the jar under a policy: the decisions and the final jar')
    .argument('<har>', 'the HAR file (as browsers\' developer tools save it)')
    .addOption(policyOption())
    .option('--expect <name=accepted|refused>', 'an expectation on the last decision for a cookie name (NAME@DOMAIN=... for one domain; with --browser, on the browser\'s verdict); repeatable; exit 1 when one breaks', collect)
    .option('--quiet', 'no progress bar')
    .addOption(browserOption()).addOption(thirdPartyOption())
    .addOption(jsonOption())
    .action(async (har: string, o: { policy?: string; expect?: string[]; browser?: string; thirdPartyCookies?: ThirdPartyCookieSetting; json?: boolean; quiet?: boolean }) => {
      run(await replay(har, o));
    });

  return cli;
}

/** Runs the command line and resolves to the exit code (printing errors on stderr). */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const cli = program((c2) => { code = c2; });
  try {
    await cli.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; commander has printed the usage error already.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) { process.stderr.write(`${c.red('error:')} ${error.message}\n`); return EXIT.usage; }
    if (error instanceof InputError) { process.stderr.write(`${c.red('error:')} ${error.message}\n`); return EXIT.input; }
    throw error;
  }
}
