// The real readers, driven in batches against a local recording server: curl (one process per file,
// --resolve), wget, yt-dlp (its own YoutubeDL opener and cookie loading, in one Python process),
// Python's MozillaCookieJar/LWPCookieJar (one process) and Perl's HTTP::Cookies + LWP::UserAgent (one
// process), the last four through e2e/tools.ts's forward proxy. Every request carries ?t=TAG so the
// server can say which file and URL each Cookie header belongs to.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Proxy } from '../../e2e/tools';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export interface Recorder { port: number; received: Map<string, string | undefined>; close(): Promise<void> }

/** A server that records the Cookie header of every request under its ?t= tag. */
export async function startRecorder(tls?: { key: string; cert: string }): Promise<Recorder> {
  const received = new Map<string, string | undefined>();
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const tag = new URL(req.url ?? '/', 'http://x').searchParams.get('t');
    if (tag !== null) received.set(tag, req.headers.cookie);
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  };
  const server: Server = tls === undefined ? createServer({ maxHeaderSize: 65536 }, listener) : createHttpsServer({ ...tls, maxHeaderSize: 65536 }, listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port, received,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => { resolve(); }); }),
  };
}

function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 60_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

export type RealReader = 'curl' | 'wget' | 'yt-dlp' | 'python' | 'perl';

/** One file handed to a reader, and the URLs (each tagged) it must request with the cookies it loaded. */
export interface Job { file: string; format: 'mozilla' | 'lwp'; urls: string[] }

/** What the reader's process said about each file (a refused file shows up here). */
export type JobOutcome = { code: number; stderr: string };

const PYTHON_DRIVER = `
import http.cookiejar, json, ssl, sys, urllib.request
proxy, jobs = sys.argv[1], json.loads(sys.argv[2])
context = ssl._create_unverified_context()
out = []
for job in jobs:
    try:
        jar = (http.cookiejar.LWPCookieJar if job['format'] == 'lwp' else http.cookiejar.MozillaCookieJar)(job['file'])
        jar.load(ignore_discard=True)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({'http': proxy, 'https': proxy}),
            urllib.request.HTTPSHandler(context=context), urllib.request.HTTPCookieProcessor(jar))
        for url in job['urls']:
            opener.open(url).read()
        out.append({'code': 0, 'stderr': ''})
    except Exception as e:
        out.append({'code': 1, 'stderr': type(e).__name__ + ': ' + str(e)})
print(json.dumps(out))
`;

// yt-dlp's own loading (YoutubeDL's cookiejar: load_cookies -> YoutubeDLCookieJar.load) and its own
// opener (YoutubeDLCookieProcessor), as --cookies FILE --proxy P --no-check-certificates uses them.
const YTDLP_DRIVER = `
import io, json, sys, contextlib
from yt_dlp import YoutubeDL
proxy, jobs = sys.argv[1], json.loads(sys.argv[2])
out = []
for job in jobs:
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            ydl = YoutubeDL({'cookiefile': job['file'], 'proxy': proxy, 'nocheckcertificate': True, 'quiet': True, 'no_warnings': False})
            ydl.cookiejar
            for url in job['urls']:
                ydl.urlopen(url).read()
        out.append({'code': 0, 'stderr': err.getvalue()})
    except Exception as e:
        out.append({'code': 1, 'stderr': err.getvalue() + type(e).__name__ + ': ' + str(e)})
print(json.dumps(out))
`;

const PERL_DRIVER = `
use strict; use warnings; use HTTP::Cookies; use HTTP::Cookies::Netscape; use LWP::UserAgent; use JSON::PP;
my ($proxy, $jobs) = @ARGV;
my @out;
for my $job (@{ decode_json($jobs) }) {
  my $stderr = '';
  local $SIG{__WARN__} = sub { $stderr .= $_[0] };
  my $class = $job->{format} eq 'lwp' ? 'HTTP::Cookies' : 'HTTP::Cookies::Netscape';
  my $jar = $class->new(file => $job->{file}, ignore_discard => 1);
  my $ua = LWP::UserAgent->new(cookie_jar => $jar, ssl_opts => { verify_hostname => 0, SSL_verify_mode => 0 });
  $ua->proxy(['http', 'https'], $proxy);
  my $code = 0;
  for my $url (@{ $job->{urls} }) { my $r = $ua->get($url); unless ($r->is_success) { $code = 1; $stderr .= $r->status_line; } }
  push @out, { code => $code, stderr => $stderr };
}
print encode_json(\\@out);
`;

/** Hands every job's file to the reader; returns what its process said per job. */
export async function runReader(reader: RealReader, jobs: readonly Job[], proxy: Proxy): Promise<JobOutcome[]> {
  switch (reader) {
    case 'python':
    case 'yt-dlp': {
      const result = await run(PYTHON, ['-c', reader === 'python' ? PYTHON_DRIVER : YTDLP_DRIVER, proxy.url, JSON.stringify(jobs)]);
      if (result.code !== 0) throw new Error(`${reader} driver failed: ${result.stderr}`);
      return JSON.parse(result.stdout) as JobOutcome[];
    }
    case 'perl': {
      const result = await run('perl', ['-e', PERL_DRIVER, proxy.url, JSON.stringify(jobs)]);
      if (result.code !== 0) throw new Error(`perl driver failed: ${result.stderr}`);
      return JSON.parse(result.stdout) as JobOutcome[];
    }
    case 'curl':
      return Promise.all(jobs.map(async (job) => {
        const hosts = [...new Set(job.urls.map((u) => { const { hostname, port } = new URL(u); return `${hostname}:${port}:127.0.0.1`; }))];
        const args = ['-sS', '-k', '-b', job.file, ...hosts.flatMap((h) => ['--resolve', h]), ...job.urls.flatMap((u) => ['-o', '/dev/null', u])];
        const r = await run('curl', args);
        return { code: r.code, stderr: r.stderr };
      }));
    case 'wget':
      return Promise.all(jobs.map(async (job) => {
        const r = await run('wget', ['-q', '-O', '/dev/null', '--no-check-certificate', '--load-cookies', job.file,
          '-e', 'use_proxy=yes', '-e', `http_proxy=${proxy.url}`, '-e', `https_proxy=${proxy.url}`, ...job.urls]);
        return { code: r.code, stderr: r.stderr };
      }));
  }
}
