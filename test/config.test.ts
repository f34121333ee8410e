import { spawnSync } from 'node:child_process';
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
