import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import { dialectOf, type Db } from './connect.js';
import { nameStatement } from './pg-named-statements.js';

/*
 * Queries built once, run many times. Kysely builds and compiles a query object on every call, which on
 * the hot paths (the session of every request, the autosave) cost more than SQLite running it. A prepared
 * query is built once per dialect with placeholder arguments, compiled, and then run with the arguments
 * swapped into its parameter list: the same SQL text each time (which the SQLite statement cache keeps
 * prepared, and PostgreSQL runs as a named prepared statement: db/pg-named-statements.ts), no builder work. Works inside and outside transactions, on both dialects.
 *
 * Only for queries whose shape does not depend on the arguments: no `in` lists of varying length, no
 * conditional clauses. An argument that the builder would inline into the SQL text is refused at the first
 * run (the placeholder would show in the text).
 */

const MARK = '\u0000sinovik-arg:';

/** Since the process started: queries built and compiled, and runs. Builds stay at one per query and dialect. */
export const preparedStats = { builds: 0, runs: 0 };

interface Compiled<R> {
  query: CompiledQuery<R>;
  /** For each parameter of the compiled query: the argument's name it takes, or null for a constant. */
  slots: (string | null)[];
}

export interface Prepared<P, R> {
  /** Every row. */
  all(db: Db, args: P): Promise<R[]>;
  /** The first row, or undefined. */
  first(db: Db, args: P): Promise<R | undefined>;
  /** Runs a write; the number of rows it changed. */
  run(db: Db, args: P): Promise<number>;
}

/**
 * `build` receives named placeholders (`args.id`, …) in place of the values; the returned object runs the
 * query with real values: `findX.first(db, { id: 42 })`.
 */
export function prepared<P extends Record<string, unknown>, R>(
  build: (db: Db, args: P) => Compilable<R>,
): Prepared<P, R> {
  // One compiled form per dialect adapter (a transaction shares its database's adapter).
  const byAdapter = new WeakMap<object, Compiled<R>>();
  const compiledFor = (db: Db): Compiled<R> => {
    const adapter = db.getExecutor().adapter;
    let c = byAdapter.get(adapter);
    if (!c) {
      const marks = new Proxy({} as P, {
        get: (_, name) => (typeof name === 'string' ? `${MARK}${name}` : undefined),
      });
      preparedStats.builds++;
      const query = build(db, marks).compile();
      if (query.sql.includes(MARK)) throw new Error(`prepared query inlines an argument: ${query.sql}`);
      const slots = query.parameters.map((v) =>
        typeof v === 'string' && v.startsWith(MARK) ? v.slice(MARK.length) : null,
      );
      c = { query, slots };
      byAdapter.set(adapter, c);
      // On PostgreSQL each connection parses and plans it once (db/pg-named-statements.ts).
      if (dialectOf(db) === 'postgres') nameStatement(query.sql);
    }
    return c;
  };
  const execute = (db: Db, args: P): Promise<QueryResult<R>> => {
    const c = compiledFor(db);
    preparedStats.runs++;
    const constants = c.query.parameters;
    const parameters = c.slots.map((name, i) => (name === null ? constants[i] : args[name]));
    return db.executeQuery<R>({ ...c.query, parameters });
  };
  return {
    all: async (db, args) => (await execute(db, args)).rows,
    first: async (db, args) => (await execute(db, args)).rows[0],
    run: async (db, args) => Number((await execute(db, args)).numAffectedRows ?? 0),
  };
}
