import http from 'node:http';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { CLIENT_HEADER, UPSTREAM_HEADER } from './round-robin-proxy.js';

/**
 * `app.inject(...)` over real HTTP: the same options and the same response shape as light-my-request
 * (statusCode, headers, body, payload, rawPayload, json(), cookies), so a test reads no difference. The
 * request is built as light-my-request builds it (host localhost:80, user-agent lightMyRequest, an object
 * payload as JSON with its content type, `query` merged into the URL); `remoteAddress` goes to the proxy as
 * the address of its peer. `upstream` pins the request to one app instance behind the proxy.
 */
export class NotOverHttp extends Error {}

type Headers = Record<string, string | string[]>;

/** Below Node's default limit of a request's head (http.maxHeaderSize, 16 KiB), with room for the proxy's. */
const MAX_HEAD_BYTES = 15 * 1024;

export async function injectOverHttp(
  base: { port: number; agent: http.Agent },
  opts: InjectOptions & { upstream?: number },
): Promise<LightMyRequestResponse> {
  const url = typeof opts.url === 'string' ? opts.url : (opts.path as string | undefined);
  if (typeof url !== 'string') throw new NotOverHttp('inject: a URL object');
  const parsed = new URL(url.startsWith('//') ? `http://localhost${url}` : url, 'http://localhost');
  if (typeof opts.query === 'string') {
    for (const [k, v] of new URLSearchParams(opts.query)) parsed.searchParams.append(k, v);
  } else if (opts.query)
    for (const [k, v] of Object.entries(opts.query)) {
      if (Array.isArray(v)) {
        parsed.searchParams.delete(k);
        for (const one of v) parsed.searchParams.append(k, String(one));
      } else parsed.searchParams.set(k, String(v));
    }

  const headers: Headers = {};
  for (const [name, value] of Object.entries(opts.headers ?? {})) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.map(String) : String(value);
  }
  if (!('user-agent' in headers)) headers['user-agent'] = 'lightMyRequest';
  if (!headers.host) headers.host = opts.authority ?? 'localhost:80';
  if (opts.cookies) {
    // light-my-request's forms: name → value or { value }, or a list of { name, value }.
    const list = Array.isArray(opts.cookies)
      ? opts.cookies.map((c) => [c.name, c.value] as const)
      : Object.entries(opts.cookies).map(([k, v]) => [k, typeof v === 'string' ? v : v.value] as const);
    const pairs = list.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
    headers.cookie = [...(headers.cookie ? [String(headers.cookie)] : []), ...pairs].join('; ');
  }
  headers[CLIENT_HEADER] = opts.remoteAddress ?? '127.0.0.1';
  if (opts.upstream !== undefined) headers[UPSTREAM_HEADER] = String(opts.upstream);

  let payload = (opts.payload ?? opts.body ?? null) as unknown;
  const isStream = !!payload && typeof (payload as { pipe?: unknown }).pipe === 'function';
  if (payload && typeof payload !== 'string' && !isStream && !Buffer.isBuffer(payload)) {
    payload = JSON.stringify(payload);
    if (!('content-type' in headers)) headers['content-type'] = 'application/json';
  }
  if (payload && !isStream && !('content-length' in headers))
    headers['content-length'] = String(Buffer.byteLength(payload as string | Buffer));

  const path = parsed.pathname + parsed.search;
  const headerBytes = Object.entries(headers).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 0);
  // Node's server (like nginx's default buffers) refuses a request head over 16 KiB with 431.
  if (path.length + headerBytes > MAX_HEAD_BYTES)
    throw new NotOverHttp(`request head of ${path.length + headerBytes} bytes`);
  let req: http.ClientRequest;
  try {
    req = http.request({
      host: '127.0.0.1',
      port: base.port,
      method: (opts.method ?? 'GET').toUpperCase(),
      path,
      headers,
      agent: base.agent,
      setHost: false,
    });
  } catch (err) {
    // A path or header Node's client refuses to send (light-my-request never checks them).
    throw new NotOverHttp((err as Error).message);
  }
  return new Promise<LightMyRequestResponse>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve(responseOf(req, res, Buffer.concat(chunks))));
    });
    if (isStream) (payload as NodeJS.ReadableStream).pipe(req);
    else req.end(payload as string | Buffer | null);
  });
}

function responseOf(req: http.ClientRequest, res: http.IncomingMessage, raw: Buffer): LightMyRequestResponse {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(res.headers))
    if (value !== undefined && name !== 'keep-alive') headers[name] = value;
  const text = raw.toString();
  const out = {
    raw: { res, req },
    headers,
    statusCode: res.statusCode ?? 0,
    statusMessage: res.statusMessage ?? '',
    trailers: res.trailers,
    rawPayload: raw,
    payload: text,
    body: text,
    json: () => JSON.parse(text) as unknown,
    stream: () => {
      throw new Error('inject over HTTP: the body is read already (use payload)');
    },
    get cookies() {
      return ([] as string[]).concat(headers['set-cookie'] ?? []).map(parseSetCookie);
    },
  };
  return out as unknown as LightMyRequestResponse;
}

/** One Set-Cookie header as light-my-request's `cookies` lists it: name, value and the attributes. */
function parseSetCookie(header: string): Record<string, string | boolean> {
  const [pair, ...attributes] = header.split(';');
  const at = pair.indexOf('=');
  const cookie: Record<string, string | boolean> = {
    name: pair.slice(0, at).trim(),
    value: decodeURIComponent(pair.slice(at + 1).trim()),
  };
  for (const a of attributes) {
    const [k, ...v] = a.split('=');
    const key = k.trim().toLowerCase();
    const name =
      key === 'max-age' ? 'maxAge' : key === 'samesite' ? 'sameSite' : key === 'httponly' ? 'httpOnly' : key;
    cookie[name] = v.length ? v.join('=').trim() : true;
  }
  return cookie;
}
