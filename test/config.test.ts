import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('defaults to SQLite in DATA_DIR, port 3000 and mail to files', () => {
    const c = loadConfig({ DATA_DIR: '/tmp/sinovik-config-test', SESSION_SECRET: 'x'.repeat(40) });
    expect(c).toMatchObject({
      dialect: 'sqlite',
      databaseUrl: '/tmp/sinovik-config-test/sinovik.sqlite',
      port: 3000,
      baseUrl: 'http://localhost:3000',
      smtpUrl: null,
    });
  });

  it('takes an empty variable as unset (an env file with `SESSION_SECRET=`), never as an empty key', () => {
    const dataDir = path.join(os.tmpdir(), `sinovik-config-empty-${process.pid}`);
    const c = loadConfig({
      DATA_DIR: dataDir,
      SESSION_SECRET: '',
      AUDIT_KEY: '',
      DATABASE_URL: '',
      PORT: '',
    });
    expect(c.databaseUrl).toBe(path.join(dataDir, 'sinovik.sqlite'));
    expect(c.port).toBe(3000);
    // Unset secrets are read from (or created in) DATA_DIR: long random values, not ''.
    expect(c.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(c.auditKey.length).toBeGreaterThanOrEqual(32);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes PostgreSQL from a postgres:// DATABASE_URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', SESSION_SECRET: 'x'.repeat(40) });
    expect(c.dialect).toBe('postgres');
  });

  it('names every wrong variable and what is wrong with it', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'abc',
        SMTP_URL: 'mail.example.org',
        SESSION_SECRET: 'short',
        BASE_URL: 'localhost',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT: must be a whole number between 0 and 65535',
      'BASE_URL: must be an http:// or https:// URL',
      'SMTP_URL: must be an smtp:// or smtps:// URL',
      'SESSION_SECRET: must be at least 32 characters long',
    ]);
  });

  it('sizes the export pool from the cores unless told, and refuses a wrong size', () => {
    const base = { DATA_DIR: '/tmp/sinovik-config-test', SESSION_SECRET: 'x'.repeat(40) };
    const cores = os.availableParallelism();
    expect(loadConfig(base)).toMatchObject({
      exportThreads: Math.max(1, cores - 1),
      exportQueue: 8 * Math.max(1, cores - 1),
      exportPerUser: 2,
    });
    expect(
      loadConfig({ ...base, EXPORT_THREADS: '3', EXPORT_QUEUE: '0', EXPORT_PER_USER: '5' }),
    ).toMatchObject({ exportThreads: 3, exportQueue: 0, exportPerUser: 5 });
    let error: unknown;
    try {
      loadConfig({ ...base, EXPORT_THREADS: '0', EXPORT_QUEUE: 'many', EXPORT_PER_USER: '1.5' });
    } catch (err) {
      error = err;
    }
    expect((error as ConfigError).problems).toEqual([
      'EXPORT_THREADS: must be a whole number between 1 and 64',
      'EXPORT_QUEUE: must be a whole number between 0 and 10000',
      'EXPORT_PER_USER: must be a whole number between 1 and 100',
    ]);
  });

  it('keeps 10 PostgreSQL connections per process unless DATABASE_POOL_SIZE says otherwise, and refuses a wrong one', () => {
    const base = { DATA_DIR: '/tmp/sinovik-config-test', SESSION_SECRET: 'x'.repeat(40) };
    expect(loadConfig(base).databasePoolSize).toBe(10);
    expect(loadConfig({ ...base, DATABASE_POOL_SIZE: '4' }).databasePoolSize).toBe(4);
    for (const bad of ['0', 'lots', '2.5'])
      expect(() => loadConfig({ ...base, DATABASE_POOL_SIZE: bad })).toThrow(
        'DATABASE_POOL_SIZE: must be a whole number between 1 and 500',
      );
  });

  it('reads the gallery’s yearly prompt date in WIB (default 15 January 08.00) and refuses a wrong one', () => {
    const base = { DATA_DIR: '/tmp/sinovik-config-test', SESSION_SECRET: 'x'.repeat(40) };
    expect(loadConfig(base).galleryStatusPrompt).toEqual({ month: 1, day: 15, hour: 8, minute: 0 });
    expect(loadConfig({ ...base, SINOVIK_GALLERY_PROMPT: '02-01T09:30' }).galleryStatusPrompt).toEqual({
      month: 2,
      day: 1,
      hour: 9,
      minute: 30,
    });
    expect(() => loadConfig({ ...base, SINOVIK_GALLERY_PROMPT: '02-30T08:00' })).toThrow(
      'SINOVIK_GALLERY_PROMPT: must be a date and time in WIB written MM-DDTHH:MM, e.g. 01-15T08:00',
    );
  });

  it('stops the process at boot with the variable name and exit code 2', () => {
    const result = spawnSync(
      path.resolve('node_modules/.bin/tsx'),
      [path.resolve('src/main.ts'), 'migrate'],
      { env: { ...process.env, PORT: '99999', DATABASE_URL: '' }, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT: must be a whole number between 0 and 65535');
  });
});
