// convert: any cookie file (cookies.txt in any dialect, LWP, Cookie-Editor/EditThisCookie JSON, a
// Cookie header) into another format, saying what the target loses.
import { writeCookieFile, type CookieFileFormat, type ExportDialect } from '../../formats';
import { readCookies, printJson, writeOutput } from '../io';
import { warn } from '../output';

export interface ConvertOptions {
  to: CookieFileFormat;
  for?: ExportDialect | undefined;
  from?: CookieFileFormat | undefined;
  url?: string | undefined;
  output?: string | undefined;
  json?: boolean | undefined;
  now: number;
}

export async function convert(input: string, options: ConvertOptions): Promise<number> {
  const read = await readCookies(input, { format: options.from, url: options.url });
  const warnings = read.problems.map((p) => `${input}:${p.line}: left out: ${p.message}`);
  if (read.decoded.bom || read.decoded.encoding !== 'utf-8') warnings.push(`${input} is ${read.decoded.encoding}${read.decoded.bom ? ' with a byte order mark' : ''}: written as UTF-8 without one.`);
  if (read.decoded.invalid) warnings.push(`${input} has bytes that are not ${read.decoded.encoding}: they became U+FFFD.`);
  const written = writeCookieFile(read.cookies, { to: options.to, dialect: options.for, url: options.url, now: options.now });
  warnings.push(...written.warnings);
  if (options.json === true) {
    printJson({ from: read.format, detectedBecause: read.reason, to: options.to, dialect: options.to === 'mozilla' ? options.for ?? 'python' : null, read: read.cookies.length, written: written.count, warnings, ...(options.output === undefined ? { text: written.text } : { output: options.output }) });
    if (options.output !== undefined) await writeOutput(options.output, written.text);
  } else {
    await writeOutput(options.output, written.text);
    for (const w of warnings) warn(w);
  }
  return 0;
}
