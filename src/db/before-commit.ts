import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The database (connect.ts `Db`, written out here: connect.ts imports this file). */
type Db = Kysely<Database>;

/*
 * Work a transaction does last, right before its commit: `beforeCommit(tx, fn)` inside
 * `db.transaction().execute(...)` runs `fn` after the transaction's own work returned, in the order
 * registered, in the same transaction (a throw rolls it all back). The audit chain uses it on PostgreSQL
 * (platform/audit.ts): the chain's lock is then held for its few statements and the commit only, not for the
 * rest of the change and the event-loop turns between its statements.
 */

const hooks = new WeakMap<object, (() => Promise<void>)[]>();

/** Registers `fn` to run in transaction `tx` just before it commits. `tx` must be the transaction itself. */
export function beforeCommit(tx: Db, fn: () => Promise<void>): void {
  if (!tx.isTransaction) throw new Error('beforeCommit needs the transaction it runs in');
  const list = hooks.get(tx);
  if (list) list.push(fn);
  else hooks.set(tx, [fn]);
}

/** Makes `db.transaction().execute(work)` run the transaction's `beforeCommit` work after `work`. */
export function withBeforeCommit(db: Db): Db {
  const open = db.transaction.bind(db);
  const patched = () =>
    new Proxy(open(), {
      get(target, prop, receiver) {
        if (prop !== 'execute') return Reflect.get(target, prop, receiver) as unknown;
        return <T>(work: (tx: Db) => Promise<T>) =>
          target.execute(async (tx) => {
            const result = await work(tx);
            const list = hooks.get(tx);
            while (list?.length) await list.shift()!();
            hooks.delete(tx);
            return result;
          });
      },
    });
  Object.defineProperty(db, 'transaction', { value: patched });
  return db;
}
