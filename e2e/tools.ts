// The real tools a cookies.txt or LWP file is handed to (curl, wget, yt-dlp, Python's
// http.cookiejar, Perl's HTTP::Cookies), run against the local cookie site under its real host
// names: curl through --resolve, the others through a local forward proxy (plain requests go to the
// HTTP site, CONNECT tunnels to the HTTPS one), so each tool does its own domain, path and Secure
// matching on www.example.com, secure.example.com, ... and the site records the Cookie header sent.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's python3, else whatever python3 is on PATH. */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** A self-signed certificate for *.example.com and friends, made now (tests only). */
export async function makeCertificate(): Promise<{ key: string; cert: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'cji-tools-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    '-days', '1', '-subj', '/CN=example.com', '-addext', 'subjectAltName=DNS:example.com,DNS:*.example.com,DNS:*.www.example.com'], { stdio: 'ignore' });
  try {
    return { key: await readFile(join(dir, 'key.pem'), 'utf8'), cert: await readFile(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface Proxy { port: number; url: string; close(): Promise<void> }

/** A forward proxy on 127.0.0.1: absolute-URI requests go to `httpPort`, CONNECT tunnels to `httpsPort`. */
export async function startProxy(httpPort: number, httpsPort: number): Promise<Proxy> {
  const server: Server = createServer((req, res) => {
    const target = new URL(req.url ?? '/');
    const upstream = httpRequest({ host: '127.0.0.1', port: httpPort, method: req.method, path: target.pathname + target.search, headers: req.headers }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    });
    upstream.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(upstream);
  });
  server.on('connect', (_req, client, head) => {
    const upstream = connect(httpsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => { client.destroy(); });
    client.on('error', () => { upstream.destroy(); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port, url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => { resolve(); }); }),
  };
}

export type Tool = 'curl' | 'wget' | 'yt-dlp' | 'python-mozilla' | 'python-lwp' | 'perl-lwp';

export interface ToolResult { tool: Tool; url: string; code: number; stderr: string }

function run(command: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 30_000 }, (error, _stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stderr });
    });
  });
}

const PYTHON_CLIENT = `
import http.cookiejar, ssl, sys, urllib.request
kind, path, proxy, *urls = sys.argv[1:]
if kind == 'lwp':
    jar = http.cookiejar.LWPCookieJar(path); jar.load(ignore_discard=True)
else:
    jar = http.cookiejar.MozillaCookieJar(path); jar.load(ignore_discard=True)
context = ssl._create_unverified_context()  # the test site's certificate is self-signed
opener = urllib.request.build_opener(urllib.request.ProxyHandler({'http': proxy, 'https': proxy}),
    urllib.request.HTTPSHandler(context=context), urllib.request.HTTPCookieProcessor(jar))
for url in urls:
    opener.open(url).read()
`;

const PERL_CLIENT = `
use strict; use warnings; use HTTP::Cookies; use LWP::UserAgent;
my ($path, $proxy, @urls) = @ARGV;
my $jar = HTTP::Cookies->new(file => $path, ignore_discard => 1);
my $ua = LWP::UserAgent->new(cookie_jar => $jar, ssl_opts => { verify_hostname => 0, SSL_verify_mode => 0 });
$ua->proxy(['http', 'https'], $proxy);
for my $url (@urls) { my $r = $ua->get($url); die $r->status_line . "\\n" unless $r->is_success; }
`;

/**
 * Hands `file` to `tool` and has it request each URL with the cookies it loaded: curl reaches the
 * site through --resolve, the others through `proxy`.
 */
export async function runTool(tool: Tool, file: string, urls: string[], proxy: Proxy): Promise<ToolResult[]> {
  const results: ToolResult[] = [];
  const record = (url: string, outcome: { code: number; stderr: string }) => { results.push({ tool, url, ...outcome }); };
  switch (tool) {
    case 'curl':
      for (const url of urls) {
        const { hostname, port } = new URL(url);
        record(url, await run('curl', ['-sS', '-k', '-o', '/dev/null', '-b', file, '--resolve', `${hostname}:${port}:127.0.0.1`, url]));
      }
      return results;
    case 'wget':
      for (const url of urls) {
        record(url, await run('wget', ['-q', '-O', '/dev/null', '--no-check-certificate', '--load-cookies', file,
          '-e', 'use_proxy=yes', '-e', `http_proxy=${proxy.url}`, '-e', `https_proxy=${proxy.url}`, url]));
      }
      return results;
    case 'yt-dlp': {
      // The real command line; it writes the jar back to the file it read, so it gets a copy.
      const copy = `${file}.yt-dlp`;
      await writeFile(copy, await readFile(file));
      for (const url of urls) {
        const outcome = await run('yt-dlp', ['--ignore-config', '--no-warnings', '-q', '-s', '--no-check-certificates', '--cookies', copy, '--proxy', proxy.url, url]);
        // yt-dlp fails with "Unsupported URL" after it has fetched the page: that is expected here.
        record(url, { code: outcome.stderr.includes('Unsupported URL') ? 0 : outcome.code, stderr: outcome.stderr });
        await writeFile(copy, await readFile(file));
      }
      return results;
    }
    case 'python-mozilla':
    case 'python-lwp':
      for (const url of urls) record(url, await run(PYTHON, ['-c', PYTHON_CLIENT, tool === 'python-lwp' ? 'lwp' : 'mozilla', file, proxy.url, url]));
      return results;
    case 'perl-lwp':
      for (const url of urls) record(url, await run('perl', ['-e', PERL_CLIENT, file, proxy.url, url]));
      return results;
  }
}

/** The cookies of a Cookie header as a sorted list of `name=value` (tools order them differently). */
export function cookiePairs(header: string | undefined): string[] {
  if (header === undefined || header === '') return [];
  return header.split(/;\s*/).filter((pair) => pair !== '').sort();
}
