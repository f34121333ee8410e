import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import { z } from 'zod';
import { DEFAULT_POOL_SIZE } from './db/connect.js';
import type { S3Settings } from './platform/storage-s3.js';
import { DEFAULT_PROMPT_DATE, parsePromptDate, type PromptDate } from './domain/gallery-owner.js';

/** Typed configuration read from the environment; boot fails with the variable's name and the problem. */
export interface Config {
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  port: number;
  host: string;
  dataDir: string;
  baseUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  sessionSecret: string;
  /** Keys the audit log's hash chain and checkpoints (HMAC-SHA256); kept outside the database. */
  auditKey: string;
  /**
   * Keys the certificates' verification codes (HMAC-SHA256, issue 13): SINOVIK_CERT_KEY, else derived from
   * the session secret. Never stored in the database; changing it makes every printed code not valid.
   */
  certificateKey: string;
  /** Allows the system administrator to move the server clock (demos and browser tests only). */
  clockControl: boolean;
  /** Run the outbox/jobs worker inside the web process. */
  inProcessWorker: boolean;
  logLevel: string;
  isProduction: boolean;
  /**
   * The proxies whose X-Forwarded-For/-Proto/-Host are believed (IPs, CIDRs, or proxy-addr's names
   * loopback/linklocal/uniquelocal); empty: the socket's address is the client's (TRUSTED_PROXIES).
   */
  trustedProxies: string[];
  /** Absolute lifetime of a session, however often it is used (SESSION_MAX_AGE_HOURS, default 24). */
  sessionMaxAgeMs: number;
  /**
   * PostgreSQL connections each process keeps at most (DATABASE_POOL_SIZE, default 10; unused on SQLite).
   * Every process has its own pool: processes × this must stay under the server's max_connections.
   */
  databasePoolSize: number;
  /** Worker threads making PDFs and spreadsheets (off the event loop). */
  exportThreads: number;
  /** Exports that may wait for a thread; beyond it (or a user's own limit) the answer is 429. */
  exportQueue: number;
  /** Exports one user may have running or waiting at once. */
  exportPerUser: number;
  /**
   * When the yearly prompt to confirm the gallery's innovations as continuing or halted goes out, in WIB
   * (SINOVIK_GALLERY_PROMPT "MM-DDTHH:MM", default "01-15T08:00": 15 January 08.00 WIB).
   */
  galleryStatusPrompt: PromptDate;
  /** The bearer token Prometheus sends to GET /metrics (METRICS_TOKEN); null: the metrics answer 404. */
  metricsToken: string | null;
  /**
   * Web processes `sinovik serve` runs on the port (WEB_PROCESSES: a number, or `auto` = one per core;
   * default 1). More than one needs PostgreSQL; then the web processes never run jobs (platform/processes.ts).
   */
  webProcesses: number;
  /**
   * Where stored files go (STORAGE): DATA_DIR/files on disk (the default), or an S3-compatible bucket
   * (S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE, S3_PREFIX).
   */
  storage: StorageConfig;
}

/** The embedded default, or an S3-compatible bucket with its settings (platform/storage-s3.ts). */
export type StorageConfig = { kind: 'disk' } | ({ kind: 's3' } & S3Settings);

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
/** One entry of TRUSTED_PROXIES: an IP, an IP/prefix, or one of proxy-addr's names. */
function proxyEntryOk(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [ip, prefix, ...rest] = entry.split('/');
  const family = net.isIP(ip);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
const proxyList = (v: string) => v.split(',').map((s) => s.trim());

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .optional()
    .refine((v) => !v || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), {
      message: `must be a whole number between ${min} and ${max}`,
    });

/** STORAGE and the object store's variables (the S3_… ones are read only when STORAGE=s3). */
const s3EnvSchema = {
  STORAGE: z.enum(['disk', 's3'], { message: 'must be disk or s3' }).optional(),
  S3_ENDPOINT: z
    .string()
    .optional()
    .refine((v) => !v || /^https?:\/\/[^\s/]+/.test(v), { message: 'must be an http:// or https:// URL' }),
  S3_REGION: z
    .string()
    .optional()
    .refine((v) => !v || /^[a-z0-9-]+$/.test(v), { message: 'must be a region name such as us-east-1' }),
  S3_BUCKET: z
    .string()
    .optional()
    .refine((v) => !v || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v), {
      message: 'must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens',
    }),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['0', '1', 'true', 'false'], { message: 'must be true or false' }).optional(),
  S3_PREFIX: z
    .string()
    .optional()
    .refine((v) => !v || /^[A-Za-z0-9!_.*'()/-]+$/.test(v), {
      message: "must be letters, digits and / ! _ . * ' ( ) - only",
    }),
};

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .refine(
      (v) =>
        !v || /^(postgres(ql)?:\/\/|sqlite:|file:)/.test(v) || v.endsWith('.sqlite') || v.endsWith('.db'),
      {
        message: 'must be a postgres:// URL, sqlite:PATH, or a path ending in .sqlite/.db',
      },
    ),
  PORT: z
    .string()
    .optional()
    .refine((v) => !v || (/^\d+$/.test(v) && Number(v) >= 0 && Number(v) <= 65535), {
      message: 'must be a whole number between 0 and 65535',
    }),
  HOST: z.string().optional(),
  DATA_DIR: z.string().min(1, 'must not be empty').optional(),
  BASE_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^https?:\/\/[^\s/]+/.test(v), { message: 'must be an http:// or https:// URL' }),
  SMTP_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^smtps?:\/\/[^\s]+/.test(v), { message: 'must be an smtp:// or smtps:// URL' }),
  MAIL_FROM: z.string().optional(),
  SESSION_SECRET: z
    .string()
    .optional()
    .refine((v) => !v || v.length >= 32, { message: 'must be at least 32 characters long' }),
  AUDIT_KEY: z
    .string()
    .optional()
    .refine((v) => !v || v.length >= 32, { message: 'must be at least 32 characters long' }),
  SINOVIK_CERT_KEY: z
    .string()
    .optional()
    .refine((v) => !v || v.length >= 32, { message: 'must be at least 32 characters long' }),
  SINOVIK_CLOCK_CONTROL: z.enum(['0', '1', 'true', 'false']).optional(),
  SINOVIK_WORKER: z.enum(['in-process', 'none']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  NODE_ENV: z.string().optional(),
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine((v) => !v || !v.trim() || proxyList(v).every(proxyEntryOk), {
      message: 'must be a comma-separated list of IP addresses or CIDR ranges (e.g. 127.0.0.1,10.0.0.0/8)',
    }),
  SESSION_MAX_AGE_HOURS: z
    .string()
    .optional()
    .refine((v) => !v || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 720), {
      message: 'must be a whole number of hours between 1 and 720',
    }),
  DATABASE_POOL_SIZE: wholeNumber(1, 500),
  EXPORT_THREADS: wholeNumber(1, 64),
  EXPORT_QUEUE: wholeNumber(0, 10_000),
  EXPORT_PER_USER: wholeNumber(1, 100),
  SINOVIK_GALLERY_PROMPT: z
    .string()
    .optional()
    .refine((v) => !v || parsePromptDate(v) !== null, {
      message: 'must be a date and time in WIB written MM-DDTHH:MM, e.g. 01-15T08:00',
    }),
  METRICS_TOKEN: z
    .string()
    .optional()
    .refine((v) => !v || (v.length >= 16 && /^[\x21-\x7e]+$/.test(v)), {
      message: 'must be at least 16 printable characters without spaces',
    }),
  WEB_PROCESSES: z
    .string()
    .optional()
    .refine((v) => !v || v === 'auto' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 256), {
      message: 'must be a whole number between 1 and 256, or auto (one per core)',
    }),
  ...s3EnvSchema,
});

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment. Throws ConfigError listing every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty value (`SESSION_SECRET=` in an env file) means unset, as in systemd and compose env files:
  // taken literally it would be an empty key, or a nameless temporary SQLite database.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR ?? 'data');
  const port = e.PORT ? Number(e.PORT) : 3000;
  const rawDb = e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'sinovik.sqlite')}`;
  const dialect = /^postgres(ql)?:\/\//.test(rawDb) ? 'postgres' : 'sqlite';
  const databaseUrl = dialect === 'postgres' ? rawDb : rawDb.replace(/^(sqlite:|file:)/, '');
  const sessionSecret = e.SESSION_SECRET ?? readOrCreateSecret(dataDir, 'session-secret');
  const baseUrl = (e.BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    databaseUrl,
    dialect,
    port,
    host: e.HOST ?? '0.0.0.0',
    dataDir,
    baseUrl,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? 'Sinovik <no-reply@sinovik.local>',
    sessionSecret,
    certificateKey:
      e.SINOVIK_CERT_KEY ??
      crypto.createHmac('sha256', sessionSecret).update('sinovik/certificate-key/v1').digest('hex'),
    auditKey: e.AUDIT_KEY ?? readOrCreateSecret(dataDir, 'audit-key'),
    clockControl: e.SINOVIK_CLOCK_CONTROL === '1' || e.SINOVIK_CLOCK_CONTROL === 'true',
    inProcessWorker: (e.SINOVIK_WORKER ?? 'in-process') === 'in-process',
    logLevel: e.LOG_LEVEL ?? 'info',
    isProduction: e.NODE_ENV === 'production',
    trustedProxies: e.TRUSTED_PROXIES?.trim() ? proxyList(e.TRUSTED_PROXIES) : [],
    sessionMaxAgeMs: Number(e.SESSION_MAX_AGE_HOURS ?? 24) * 60 * 60 * 1000,
    databasePoolSize: e.DATABASE_POOL_SIZE ? Number(e.DATABASE_POOL_SIZE) : DEFAULT_POOL_SIZE,
    ...exportPool(e),
    galleryStatusPrompt: e.SINOVIK_GALLERY_PROMPT
      ? parsePromptDate(e.SINOVIK_GALLERY_PROMPT)!
      : DEFAULT_PROMPT_DATE,
    metricsToken: e.METRICS_TOKEN || null,
    webProcesses: webProcesses(e, dialect),
    storage: storageOf(e),
  };
}

/** The storage settings; STORAGE=s3 needs the bucket and both keys (ConfigError naming each one missing). */
function storageOf(e: { [K in keyof typeof s3EnvSchema]?: string }): StorageConfig {
  if ((e.STORAGE ?? 'disk') === 'disk') return { kind: 'disk' };
  const missing = (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((k) => !e[k]);
  if (missing.length) throw new ConfigError(missing.map((k) => `${k}: is required when STORAGE=s3`));
  const prefix = (e.S3_PREFIX ?? '').replace(/^\/+/, '');
  return {
    kind: 's3',
    endpoint: e.S3_ENDPOINT ? e.S3_ENDPOINT.replace(/\/+$/, '') : null,
    region: e.S3_REGION || 'us-east-1',
    bucket: e.S3_BUCKET!,
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: e.S3_FORCE_PATH_STYLE === undefined || /^(1|true)$/.test(e.S3_FORCE_PATH_STYLE),
    prefix: prefix && !prefix.endsWith('/') ? prefix + '/' : prefix,
  };
}

/** WEB_PROCESSES: `auto` is one per core; several need PostgreSQL and a clock that is not moved by hand. */
function webProcesses(
  e: { WEB_PROCESSES?: string; SINOVIK_CLOCK_CONTROL?: string },
  dialect: 'sqlite' | 'postgres',
): number {
  const n = e.WEB_PROCESSES === 'auto' ? cores() : Number(e.WEB_PROCESSES ?? 1);
  if (n <= 1) return 1;
  if (dialect === 'sqlite')
    throw new ConfigError([
      `WEB_PROCESSES: ${e.WEB_PROCESSES} needs PostgreSQL (DATABASE_URL=postgres://…): SQLite has one writer, ` +
        'so the embedded mode is one process; leave WEB_PROCESSES unset or 1',
    ]);
  if (e.SINOVIK_CLOCK_CONTROL === '1' || e.SINOVIK_CLOCK_CONTROL === 'true')
    throw new ConfigError([
      'SINOVIK_CLOCK_CONTROL: the demo clock is moved in one process only; it needs WEB_PROCESSES=1',
    ]);
  return n;
}

const cores = () =>
  typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;

/** The export pool: one thread per core but one (the event loop keeps its own), 8 waiting per thread, 2 per user. */
function exportPool(e: { EXPORT_THREADS?: string; EXPORT_QUEUE?: string; EXPORT_PER_USER?: string }) {
  const exportThreads = e.EXPORT_THREADS ? Number(e.EXPORT_THREADS) : Math.max(1, cores() - 1);
  return {
    exportThreads,
    exportQueue: e.EXPORT_QUEUE ? Number(e.EXPORT_QUEUE) : exportThreads * 8,
    exportPerUser: e.EXPORT_PER_USER ? Number(e.EXPORT_PER_USER) : 2,
  };
}

/**
 * A secret generated on first boot and kept in DATA_DIR (outside the database), so sessions survive
 * restarts and the audit chain can be checked later.
 */
function readOrCreateSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  fs.mkdirSync(dataDir, { recursive: true });
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = crypto.randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
