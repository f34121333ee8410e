import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { z } from 'zod';

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
  /** Allows the system administrator to move the server clock (demos and browser tests only). */
  clockControl: boolean;
  /** Run the outbox/jobs worker inside the web process. */
  inProcessWorker: boolean;
  logLevel: string;
  isProduction: boolean;
}

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
  SINOVIK_CLOCK_CONTROL: z.enum(['0', '1', 'true', 'false']).optional(),
  SINOVIK_WORKER: z.enum(['in-process', 'none']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  NODE_ENV: z.string().optional(),
});

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment. Throws ConfigError listing every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
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
    sessionSecret: e.SESSION_SECRET ?? readOrCreateSecret(dataDir, 'session-secret'),
    auditKey: e.AUDIT_KEY ?? readOrCreateSecret(dataDir, 'audit-key'),
    clockControl: e.SINOVIK_CLOCK_CONTROL === '1' || e.SINOVIK_CLOCK_CONTROL === 'true',
    inProcessWorker: (e.SINOVIK_WORKER ?? 'in-process') === 'in-process',
    logLevel: e.LOG_LEVEL ?? 'info',
    isProduction: e.NODE_ENV === 'production',
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
