// A cookie site that writes its responses byte for byte: Node's http module refuses control
// characters in header values, and the browser model's conformance needs them (a tab inside a
// value, 0x01, 0x7f, NUL). HTTP/1.1 with keep-alive, over TCP or TLS (a certificate made at test
// time). Chromium runs with --host-resolver-rules, so every host name reaches this one server.
import { connect, createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

export interface RawResponse {
  /** Set-Cookie header values, written as UTF-8 bytes, in order. */
  setCookie?: readonly string[];
  /** Extra header lines (`Date: ...`). */
  headers?: readonly string[];
  contentType?: string;
  body?: string | Buffer;
  status?: number;
}

export interface RawRequest {
  method: string;
  host: string;
  /** Path and query. */
  target: string;
  cookie: string | undefined;
  secure: boolean;
}

export type Handler = (request: RawRequest) => RawResponse;

export interface RawSite {
  readonly httpPort: number;
  readonly httpsPort: number;
  /** Every request, in arrival order. */
  readonly requests: RawRequest[];
  close(): Promise<void>;
}

/** A 1×1 transparent GIF, so that image requests load. */
export const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function serve(socket: Socket, secure: boolean, handler: Handler, requests: RawRequest[]): void {
  let pending = Buffer.alloc(0);
  socket.on('error', () => { socket.destroy(); });
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      const end = pending.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = pending.subarray(0, end).toString('utf8');
      const [requestLine = '', ...headerLines] = head.split('\r\n');
      const headers = new Map<string, string>();
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      const length = Number(headers.get('content-length') ?? '0');
      if (pending.length < end + 4 + length) return;
      pending = pending.subarray(end + 4 + length);
      const [method = 'GET', requested = '/'] = requestLine.split(' ');
      // Through a proxy a plain request names the absolute URL (`GET http://host:port/path`).
      const target = /^https?:\/\//.test(requested) ? requested.replace(/^https?:\/\/[^/]*/, '') || '/' : requested;
      const request: RawRequest = { method, host: (headers.get('host') ?? '').replace(/:\d+$/, ''), target, cookie: headers.get('cookie'), secure };
      requests.push(request);
      let response: RawResponse;
      try {
        response = handler(request);
      } catch (error) {
        response = { status: 500, body: String(error) };
      }
      write(socket, response);
    }
  });
}

function write(socket: Socket, response: RawResponse): void {
  const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body ?? Buffer.alloc(0);
  const head = [
    `HTTP/1.1 ${response.status ?? 200} ${response.status === undefined || response.status === 200 ? 'OK' : 'Status'}`,
    `Content-Type: ${response.contentType ?? 'text/html; charset=utf-8'}`,
    `Content-Length: ${body.length}`,
    'Cache-Control: no-store',
    ...response.headers ?? [],
  ].join('\r\n');
  const cookieLines = (response.setCookie ?? []).map((line) => Buffer.concat([Buffer.from('\r\nSet-Cookie: ', 'latin1'), Buffer.from(line, 'utf8')]));
  socket.write(Buffer.concat([Buffer.from(head, 'latin1'), ...cookieLines, Buffer.from('\r\n\r\n', 'latin1'), body]));
}

/** Starts the site on 127.0.0.1: plain HTTP on one port, TLS on another (with `tls`). */
export async function startRawSite(handler: Handler, tls: { key: string; cert: string }): Promise<RawSite> {
  const requests: RawRequest[] = [];
  const plain: Server = createTcpServer((socket) => { serve(socket, false, handler, requests); });
  const secure = createTlsServer(tls, (socket) => { serve(socket, true, handler, requests); });
  const listen = (server: Server) => new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => { resolve((server.address() as AddressInfo).port); });
  });
  const httpPort = await listen(plain);
  const httpsPort = await listen(secure);
  const sockets = new Set<Socket>();
  for (const server of [plain, secure]) {
    server.on('connection', (socket: Socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
  }
  return {
    httpPort, httpsPort, requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([plain, secure].map((server) => new Promise<void>((resolve) => { server.close(() => { resolve(); }); })));
    },
  };
}

export interface RawProxy {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A forward proxy for a browser without a host-resolver switch (Firefox): a CONNECT is tunnelled to
 * the site's TLS port, any other connection is passed byte for byte to its plain port (the site
 * reads absolute-form request targets). Nothing is parsed on the way back, so the responses reach
 * the browser exactly as the site wrote them. IP-address hosts (`10.1.2.3`) reach the site too.
 */
export async function startRawProxy(site: Pick<RawSite, 'httpPort' | 'httpsPort'>): Promise<RawProxy> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => { client.destroy(); });
    client.once('data', (first: Buffer) => {
      const tunnel = first.subarray(0, 8).toString('latin1') === 'CONNECT ';
      const upstream = connect(tunnel ? site.httpsPort : site.httpPort, '127.0.0.1', () => {
        if (tunnel) {
          // The browser sends nothing more until the tunnel is established.
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        } else {
          upstream.write(first);
        }
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('close', () => { sockets.delete(upstream); client.destroy(); });
      upstream.on('error', () => { client.destroy(); });
      client.on('close', () => { upstream.destroy(); });
    });
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => { resolve((server.address() as AddressInfo).port); });
  });
  return {
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => { server.close(() => { resolve(); }); });
    },
  };
}
