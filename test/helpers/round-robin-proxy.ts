import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small reverse proxy on 127.0.0.1 for the scaled test mode: each request goes to the next upstream in
 * turn, as nginx's `upstream` block does by default. Like nginx with `proxy_set_header X-Forwarded-For
 * $proxy_add_x_forwarded_for`, it appends its peer's address to X-Forwarded-For, sets X-Forwarded-Proto,
 * and passes the Host header through; hop-by-hop headers are not forwarded.
 *
 * Two test-only request headers, removed before forwarding: CLIENT_HEADER names the address the proxy
 * should take as its peer's (a test's `remoteAddress`; the sockets of a test all come from 127.0.0.1),
 * and UPSTREAM_HEADER sends the request to one upstream by index (a test that wants "one to each").
 */
export const CLIENT_HEADER = 'x-sinovik-test-client';
export const UPSTREAM_HEADER = 'x-sinovik-test-upstream';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
  'transfer-encoding',
]);

export interface RoundRobinProxy {
  url: string;
  port: number;
  /** Requests sent to each upstream so far, by index. */
  served: number[];
  close: () => Promise<void>;
}

export async function startRoundRobinProxy(
  upstreams: { host: string; port: number }[],
): Promise<RoundRobinProxy> {
  // A connection per request to the upstreams, as nginx's default (HTTP/1.0, no upstream keepalive): an
  // app that answers before it has read the whole body (a 409 to an upload) may close that connection.
  const agent = new http.Agent({ keepAlive: false });
  const served = upstreams.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const pinned = req.headers[UPSTREAM_HEADER];
    const index = pinned !== undefined ? Number(pinned) % upstreams.length : next++ % upstreams.length;
    served[index]++;
    const peer = String(req.headers[CLIENT_HEADER] ?? req.socket.remoteAddress ?? '127.0.0.1');
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (HOP_BY_HOP.has(name) || name === CLIENT_HEADER || name === UPSTREAM_HEADER) continue;
      headers[name] = value;
    }
    const forwarded = req.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = forwarded ? `${String(forwarded)}, ${peer}` : peer;
    headers['x-forwarded-proto'] = 'http';
    // A body without a length (a stream) goes on chunked, as it came.
    if (req.headers['transfer-encoding'] && !req.headers['content-length'])
      headers['transfer-encoding'] = 'chunked';
    const upstream = http.request(
      { ...upstreams[index], method: req.method, path: req.url, headers, agent },
      (up) => {
        const back: http.OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(up.headers))
          if (!HOP_BY_HOP.has(name) && value !== undefined) back[name] = value;
        res.writeHead(up.statusCode ?? 502, up.statusMessage, back);
        up.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: upstream ${index} failed: ${err.message}`);
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    served,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
