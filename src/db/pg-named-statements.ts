import type pg from 'pg';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/*
 * PostgreSQL parses, analyses and plans every statement sent without a name, each time. The queries of
 * `prepared()` (db/prepared.ts) — the hot paths: every request's session, the proposal view, the autosave's
 * writes — are sent as named prepared statements instead: each connection parses one the first time it runs
 * it and then only binds and executes it (node-postgres keeps the names each connection has prepared). The
 * statement texts are registered by `prepared()`; every other query goes as before. Measured in issue 15's
 * PostgreSQL surge, where the database's CPU, not the queries' execution, bounded the autosave.
 */

const names = new Map<string, string>();

/** Registers a statement text to run named on PostgreSQL (idempotent). */
export function nameStatement(text: string): void {
  if (!names.has(text)) names.set(text, `sinovik_${names.size + 1}`);
}

/** Since the process started: statements sent by name (what the tests see of this path). */
export const namedStatementStats = { runs: 0 };

/** The pool Kysely talks to: its clients send registered statement texts by name. */
export function withNamedStatements(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect();
      const query = (text: unknown, values?: readonly unknown[]) => {
        if (typeof text !== 'string') return client.query(text as pg.Submittable);
        const name = names.get(text);
        if (name === undefined) return client.query(text, values as unknown[]);
        namedStatementStats.runs++;
        return client.query({ name, text, values: values as unknown[] });
      };
      return {
        query: query as <R>(
          sql: string,
          parameters: ReadonlyArray<unknown>,
        ) => Promise<PostgresQueryResult<R>>,
        release: () => client.release(),
      } as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
