import { spawn, execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { validateCompetitionDefinition } from '../src/domain/competition-rules.js';
import { kippTemplate } from '../src/domain/competition-template.js';
import { TEST_DIALECT } from './helpers/db.js';
import {
  configVariables,
  envFile,
  familyOf,
  helpCommands,
  importedPackages,
  metricFamilies,
  metricNamesIn,
  processEnvVariables,
  read,
  root,
  sinovikCommandsIn,
  sourceFiles,
  tableNames,
  unitSettings,
} from './helpers/ops-docs.js';

/*
 * Keeps docs/operations.md and deploy/ true to the code: the variables, the metrics, the commands, the
 * upload limit, the runtime dependencies; and starts the server the way the web unit does, with the
 * example environment, to see it answer its health check and its metrics.
 */

const doc = read('docs/operations.md');
const envExample = read('deploy/env.example');
const UNITS = ['sinovik-web.service', 'sinovik-worker.service', 'sinovik-backup.service'];
const DEPLOY_TEXTS = [
  'deploy/env.example',
  'deploy/nginx.conf',
  'deploy/Dockerfile',
  'deploy/compose.yaml',
  'deploy/prometheus.yml',
  'deploy/alerts.yml',
  'deploy/sinovik-backup.timer',
  ...UNITS.map((u) => `deploy/${u}`),
];

/** Variables of deploy/compose.yaml's own images (PostgreSQL, MinIO), never read by Sinovik. */
const isComposeOnly = (name: string) => /^(POSTGRES|MINIO)_/.test(name);
const PLACEHOLDER = 'GANTI_SAYA';

const serverVariables = new Set([...configVariables(), ...processEnvVariables()]);
const known = (name: string) => serverVariables.has(name);

const run = promisify(execFile);
let help = '';
beforeAll(async () => {
  // The CLI's own help, from a real process started as the units start it.
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts', 'help'], { cwd: root });
  help = stdout;
});

describe('environment variables', () => {
  it('reads the variables of config.ts (the parser finds them)', () => {
    expect([...configVariables()]).toEqual(expect.arrayContaining(['DATABASE_URL', 'METRICS_TOKEN']));
    expect(configVariables().size).toBeGreaterThanOrEqual(20);
  });

  it('documents every variable the server reads in the operations table', () => {
    const documented = new Set(tableNames(doc, '## Variabel lingkungan'));
    expect([...serverVariables].filter((v) => !documented.has(v))).toEqual([]);
  });

  it('lists every variable the server reads in deploy/env.example (set or commented)', () => {
    const listed = envFile(envExample, { commented: true });
    expect([...serverVariables].filter((v) => !listed.has(v))).toEqual([]);
  });

  it('documents no variable the server does not read (the table, env.example, compose, the units)', () => {
    const table = tableNames(doc, '## Variabel lingkungan');
    const example = [...envFile(envExample, { commented: true }).keys()].filter((v) => !isComposeOnly(v));
    const compose = [...read('deploy/compose.yaml').matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)]
      .map((m) => m[1])
      .filter((v) => !isComposeOnly(v));
    const units = UNITS.flatMap((u) =>
      (unitSettings(read(`deploy/${u}`)).get('Environment') ?? []).map((e) => e.split('=')[0]),
    );
    expect(compose.length).toBeGreaterThan(5);
    expect(units).toEqual(['WEB_PROCESSES', 'SINOVIK_WORKER']);
    expect([...table, ...example, ...compose, ...units].filter((v) => !known(v))).toEqual([]);
  });

  it('env.example refuses to start until each secret placeholder is replaced, then loads', () => {
    const example = Object.fromEntries(envFile(envExample));
    const placeholders = Object.keys(example).filter((k) => example[k] === PLACEHOLDER);
    expect(placeholders).toEqual(['SESSION_SECRET', 'AUDIT_KEY', 'SINOVIK_CERT_KEY', 'METRICS_TOKEN']);
    let refused: unknown;
    try {
      loadConfig(example);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(placeholders);

    // As the file says: `openssl rand -hex 32` for each.
    const filled = { ...example };
    for (const k of placeholders) filled[k] = crypto.randomBytes(32).toString('hex');
    const config = loadConfig(filled);
    expect(config).toMatchObject({
      dialect: 'postgres',
      baseUrl: 'https://sinovik.example',
      host: '127.0.0.1',
      port: 3000,
      dataDir: '/var/lib/sinovik',
      trustedProxies: ['127.0.0.1'],
      mailFrom: 'Sinovik <no-reply@sinovik.example>',
      exportThreads: 1,
      clockControl: false,
      metricsToken: filled.METRICS_TOKEN,
      sessionSecret: filled.SESSION_SECRET,
      auditKey: filled.AUDIT_KEY,
      certificateKey: filled.SINOVIK_CERT_KEY,
    });
  });
});

describe('metrics', () => {
  const families = metricFamilies();

  it('names only metrics the code exports (the doc and the alerts)', () => {
    for (const [file, text] of [
      ['docs/operations.md', doc],
      ['deploy/alerts.yml', read('deploy/alerts.yml')],
    ]) {
      const unknown = [...metricNamesIn(text)].filter((n) => !familyOf(n, families));
      expect({ file, unknown }).toEqual({ file, unknown: [] });
    }
  });

  it("documents every metric family the code exports in the doc's table", () => {
    const documented = metricNamesIn(doc);
    expect(families.size).toBeGreaterThanOrEqual(14);
    expect([...families.keys()].filter((f) => !documented.has(f))).toEqual([]);
  });
});

describe('commands', () => {
  it('names only commands the CLI knows (issue 15 backup/restore aside until merged)', () => {
    const commands = helpCommands(help);
    expect([...commands]).toEqual(expect.arrayContaining(['serve', 'worker', 'migrate', 'audit verify']));
    const texts = ['docs/operations.md', 'README.md', ...DEPLOY_TEXTS];
    const named = new Set(texts.flatMap((f) => [...sinovikCommandsIn(read(f))]));
    // The units, the Dockerfile and compose run `src/main.ts <command>` and `command: ['<command>']`.
    for (const f of DEPLOY_TEXTS)
      for (const m of read(f).matchAll(/main\.ts (\w[\w-]*)|command: \['(\w[\w-]*)'\]|CMD \["(\w+)"\]/g))
        named.add(m[1] ?? m[2] ?? m[3]);
    expect(named).toContain('serve');
    expect(named).toContain('worker');
    expect([...named].filter((c) => !commands.has(c))).toEqual([]);
  });

  it('runs every unit from the code folder with tsx, and lets it write only DATA_DIR', () => {
    const dataDir = envFile(envExample).get('DATA_DIR');
    for (const unit of UNITS) {
      const s = unitSettings(read(`deploy/${unit}`));
      expect(s.get('WorkingDirectory')).toEqual(['/opt/sinovik']);
      expect(s.get('ExecStart')?.[0]).toMatch(
        /^\/usr\/bin\/node --import tsx \/opt\/sinovik\/src\/main\.ts \w+$/,
      );
      expect(s.get('EnvironmentFile')).toEqual(['/etc/sinovik/env']);
      expect(s.get('ReadWritePaths')).toEqual([dataDir]);
      expect(s.get('ProtectSystem')).toEqual(['strict']);
      expect(s.get('NoNewPrivileges')).toEqual(['yes']);
      expect(s.get('PrivateTmp')).toEqual(['yes']);
    }
  });
});

describe('nginx', () => {
  /** The largest per-file limit a competition may set, from the domain's own validation. */
  function largestFileMb(): number {
    const accepted = (mb: number) => {
      const def = kippTemplate({ year: 2026 });
      def.settings.maxFileMb = mb;
      def.settings.maxProposalMb = 1000;
      return !('settings.maxFileMb' in validateCompetitionDefinition(def));
    };
    let mb = 1;
    while (accepted(mb + 1) && mb < 10_000) mb += 1;
    return mb;
  }

  it("lets through the largest upload a competition may allow, and refuses above it in the app's shape", () => {
    const conf = read('deploy/nginx.conf');
    const largest = largestFileMb();
    expect(largest).toBe(100);
    expect(conf).toContain(`client_max_body_size ${largest + 1}m;`);
    expect(doc).toContain(`client_max_body_size ${largest + 1}m`);
    const body = /return 413 '([^']+)'/.exec(conf)?.[1];
    expect(JSON.parse(body!)).toEqual({
      error: {
        code: 'file_too_large',
        message: {
          id: `Berkas terlalu besar (maksimal ${largest} MB).`,
          en: `The file is too large (at most ${largest} MB).`,
        },
        fields: {},
      },
    });
  });

  it('keeps /metrics off the public side and HSTS to one header', () => {
    const conf = read('deploy/nginx.conf');
    expect(conf).toMatch(/location = \/metrics \{\s+return 404;\s+\}/);
    expect(conf).toContain('proxy_hide_header Strict-Transport-Security;');
    expect(conf).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    expect(envFile(envExample).get('TRUSTED_PROXIES')).toBe('127.0.0.1');
    expect(conf).toContain('server 127.0.0.1:3000;');
  });

  it("answers its own 502/503/504 (no app process answering) as a 503 in the app's shape, with Retry-After", () => {
    const conf = read('deploy/nginx.conf');
    // Without "=503" nginx keeps the original status: the JSON below came with 502 (seen with nginx 1.22).
    expect(conf).toContain('error_page 502 503 504 =503 @unavailable;');
    const unavailable = conf.slice(conf.indexOf('location @unavailable {'));
    expect(unavailable).toContain('add_header Retry-After 30 always;');
    const body = /return 503 '([^']+)'/.exec(unavailable)?.[1];
    expect(JSON.parse(body!).error.code).toBe('service_unavailable');
  });
});

describe('container', () => {
  it('needs no devDependency at run time or for the web build (npm ci --omit=dev)', () => {
    const pkg = JSON.parse(read('package.json')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const files = [
      ...sourceFiles(path.join(root, 'src')),
      ...sourceFiles(path.join(root, 'scripts/vite')),
      path.join(root, 'vite.config.ts'),
      path.join(root, 'bin/sinovik.mjs'),
    ];
    const imported = importedPackages(files);
    expect(imported.has('fastify')).toBe(true);
    const missing = [...imported].filter(([name]) => !(name in pkg.dependencies));
    expect(missing).toEqual([]);
    expect(read('deploy/Dockerfile')).toContain('RUN npm ci --omit=dev');
  });
});

describe('the web unit, started as systemd would', () => {
  let child: ReturnType<typeof spawn> | null = null;
  let port = 0;
  let token = '';
  let output = '';
  let dropDatabase: () => Promise<void> = async () => undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-ops-'));

  beforeAll(async () => {
    port = await freePort();
    const unit = unitSettings(read('deploy/sinovik-web.service'));
    // No SMTP relay here: mail goes to files (the web processes send none with SINOVIK_WORKER=none).
    const { SMTP_URL: _relay, ...example } = Object.fromEntries(envFile(envExample));
    for (const k of Object.keys(example))
      if (example[k] === PLACEHOLDER) example[k] = crypto.randomBytes(32).toString('hex');
    token = example.METRICS_TOKEN;
    // The unit's Environment= lines after the env file's (systemd: the file wins; it sets neither).
    const unitEnv = Object.fromEntries(
      (unit.get('Environment') ?? []).map((e) => e.split('=') as [string, string]),
    );
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      ...unitEnv,
      ...example,
      // This machine instead of /opt/sinovik and /var/lib/sinovik, and a database of its own.
      DATA_DIR: dataDir,
      PORT: String(port),
      DATABASE_URL: await freshDatabase(),
    };
    // The embedded mode (SQLite) is one process; PostgreSQL runs the unit's WEB_PROCESSES=auto.
    if (TEST_DIALECT === 'sqlite') env.WEB_PROCESSES = '1';
    const exec = unit.get('ExecStart')![0].replace('/opt/sinovik/', '').split(' ');
    expect(exec.slice(0, 3)).toEqual(['/usr/bin/node', '--import', 'tsx']);
    child = spawn(process.execPath, exec.slice(1), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await waitForHealth(port, () => output);
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await dropDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function freshDatabase(): Promise<string> {
    if (TEST_DIALECT === 'sqlite') return `sqlite:${path.join(dataDir, 'sinovik.sqlite')}`;
    // An empty database, as an operator creates it: the server migrates it itself.
    const adminUrl = process.env.DATABASE_URL!;
    const name = `sinovik_ops_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  }

  it('answers the health check as the doc shows it', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: TEST_DIALECT });
  });

  it("answers /metrics only with METRICS_TOKEN, with every family of the doc's table", async () => {
    const url = `http://127.0.0.1:${port}/metrics`;
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-wrong' } })).status).toBe(404);
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    const exported = new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]));
    const table = tableNames(doc, '## Pemantauan');
    // The pool's two families exist on PostgreSQL only (the doc says "absent on SQLite").
    const poolOnly = ['sinovik_db_pool_clients', 'sinovik_db_pool_waiting_requests'];
    const expected = table.filter((m) => TEST_DIALECT === 'postgres' || !poolOnly.includes(m));
    expect(expected.filter((m) => !exported.has(m))).toEqual([]);
  });

  it("the autosave alert's series exists once an autosave was answered", async () => {
    // The selector of deploy/alerts.yml's autosave alert, e.g. {method="PATCH", route="/api/proposals/:id"}.
    const selector = /sinovik_http_request_duration_seconds_bucket\{([^}]+)\}/.exec(
      read('deploy/alerts.yml'),
    )![1];
    const labels = [...selector.matchAll(/(\w+)="([^"]+)"/g)].map((m) => `${m[1]}="${m[2]}"`);
    expect(labels).toEqual(['method="PATCH"', 'route="/api/proposals/:id"']);
    const series = (text: string) =>
      text
        .split('\n')
        .filter((l) => l.startsWith('sinovik_http_request_duration_seconds_bucket{'))
        .filter((l) => labels.every((label) => l.includes(label)));
    // An autosave without a session or a body is refused (4xx) but still an answered PATCH on that route. On
    // PostgreSQL the example's WEB_PROCESSES=auto forks one web process per core, and node:cluster hands each new
    // connection to the next one in turn: one PATCH per process, each on a connection of its own, reaches every
    // process, so the scrape that follows finds the series whichever process answers it (asked again if not).
    const send = (method: string, headers: Record<string, string>, body?: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path: method === 'PATCH' ? '/api/proposals/1' : '/metrics',
            method,
            headers,
            agent: false,
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    let found: string[] = [];
    for (let i = 0; i < 10 && !found.length; i++) {
      for (let p = 0; p < os.availableParallelism(); p++) {
        const save = await send('PATCH', { 'content-type': 'application/json' }, '{}');
        expect([400, 401]).toContain(save.status);
      }
      found = series((await send('GET', { authorization: `Bearer ${token}` })).text);
    }
    expect(found.length).toBeGreaterThan(0);
  });

  it('stops on SIGTERM within the unit’s TimeoutStopSec', async () => {
    const limit = Number(unitSettings(read('deploy/sinovik-web.service')).get('TimeoutStopSec')![0]);
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child!.kill('SIGTERM');
    const code = await exited;
    expect({ code, withinLimit: Date.now() - started < limit * 1000 }).toEqual({
      code: 0,
      withinLimit: true,
    });
  }, 60_000);
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForHealth(port: number, output: () => string): Promise<void> {
  const until = Date.now() + 80_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer /api/health:\n${output()}`);
}
