import http from 'node:http';

/*
 * The load generator's HTTP client: node:http with a keep-alive agent, so each virtual user keeps its
 * connection open between requests the way a browser tab does. Every request is timed from the moment it
 * is written to the moment the whole answer has been read, and recorded with its status; a network error
 * or a timeout is recorded as status 0. Only 127.0.0.1 is ever addressed.
 */

export const HOST = '127.0.0.1';

export interface Answer {
  status: number;
  body: Buffer;
  headers: http.IncomingHttpHeaders;
  ms: number;
  error?: string;
}

export interface Sample {
  name: string;
  ms: number;
  status: number;
  ok: boolean;
  at: number;
}

/** Collects every request's latency and status by endpoint name. */
export class Recorder {
  readonly samples = new Map<string, number[]>();
  /** When each request was answered (epoch ms), by name, in the order of `samples`. */
  readonly answeredAt = new Map<string, number[]>();
  readonly statuses = new Map<string, Map<number, number>>();
  readonly failures: { name: string; status: number; detail: string }[] = [];
  errors = 0;
  requests = 0;

  add(name: string, a: Answer, ok = a.status >= 200 && a.status < 300) {
    this.requests++;
    if (!this.samples.has(name)) this.samples.set(name, []);
    this.samples.get(name)!.push(a.ms);
    if (!this.answeredAt.has(name)) this.answeredAt.set(name, []);
    this.answeredAt.get(name)!.push(Date.now());
    const byStatus = this.statuses.get(name) ?? new Map<number, number>();
    byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    this.statuses.set(name, byStatus);
    if (!ok) {
      this.errors++;
      if (this.failures.length < 20)
        this.failures.push({ name, status: a.status, detail: a.error ?? a.body.toString('utf8', 0, 300) });
    }
  }

  /** Counts an operation that could not even be tried (its precondition failed) as an error. */
  miss(name: string, detail: string) {
    this.errors++;
    if (this.failures.length < 20) this.failures.push({ name, status: -1, detail });
  }
}

/** GETs sent again after a kept-alive connection turned out closed (see Client.request). */
export const staleRetries = { count: 0 };

export class Client {
  private readonly agent: http.Agent;
  cookie: string | null = null;

  constructor(
    private readonly port: number,
    opts: { maxSockets?: number; timeoutMs?: number } = {},
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 1, keepAliveMsecs: 1000 });
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  private readonly timeoutMs: number;

  /**
   * One request. A GET that fails on a kept-alive connection the server had just closed (idle timeout) is
   * sent again once on a fresh connection, as browsers do; counted in `staleRetries`. Nothing else is retried.
   */
  async request(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<Answer> {
    const first = await this.attempt(method, path, body, extraHeaders);
    if (!(method === 'GET' && first.status === 0 && first.staleSocket)) return first;
    staleRetries.count++;
    const again = await this.attempt(method, path, body, extraHeaders);
    return { ...again, ms: first.ms + again.ms };
  }

  private attempt(
    method: string,
    path: string,
    body: unknown,
    extraHeaders: Record<string, string>,
  ): Promise<Answer & { staleSocket?: boolean }> {
    let payload: Buffer | null = null;
    const headers: Record<string, string> = { ...extraHeaders };
    if (Buffer.isBuffer(body)) payload = body;
    else if (body !== undefined) {
      payload = Buffer.from(JSON.stringify(body));
      headers['content-type'] = 'application/json';
    }
    if (payload) headers['content-length'] = String(payload.length);
    if (this.cookie) headers.cookie = this.cookie;
    const started = performance.now();
    return new Promise<Answer & { staleSocket?: boolean }>((resolve) => {
      let settled = false;
      const done = (a: Omit<Answer, 'ms'> & { staleSocket?: boolean }) => {
        if (settled) return;
        settled = true;
        resolve({ ...a, ms: performance.now() - started });
      };
      const req = http.request(
        { host: HOST, port: this.port, method, path, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const setCookie = res.headers['set-cookie'];
            const sid = (setCookie ?? []).find((c) => c.startsWith('sinovik_sid='));
            if (sid) this.cookie = sid.split(';')[0];
            done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers });
          });
          res.on('error', (err) =>
            done({ status: 0, body: Buffer.alloc(0), headers: {}, error: err.message }),
          );
        },
      );
      req.setTimeout(this.timeoutMs, () => req.destroy(new Error(`timeout after ${this.timeoutMs} ms`)));
      req.on('error', (err: NodeJS.ErrnoException) =>
        done({
          status: 0,
          body: Buffer.alloc(0),
          headers: {},
          error: err.message,
          staleSocket: req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE'),
        }),
      );
      if (payload) req.end(payload);
      else req.end();
    });
  }

  close() {
    this.agent.destroy();
  }
}

export const json = <T>(a: Answer): T => JSON.parse(a.body.toString('utf8')) as T;

/** A multipart/form-data body: text fields first, then one file part (as the attachment contract asks). */
export function multipart(
  fields: Record<string, string>,
  file: { field: string; name: string; type: string; data: Buffer },
): { body: Buffer; contentType: string } {
  const boundary = `----sinovikbench${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.type}\r\n\r\n`,
    ),
  );
  parts.push(file.data);
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));
