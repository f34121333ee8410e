import type { Db } from './connect.js';

/**
 * What a process keeps for each database it talks to (caches, queues, counters), created on first use.
 * Keyed by the Kysely adapter, which a database and its transactions share, so state is found from
 * inside a transaction too, and two databases in one process (tests, tools) never see each other's.
 */
export function perDatabase<T>(create: () => T): (db: Db) => T {
  const byAdapter = new WeakMap<object, T>();
  return (db) => {
    const key = db.getExecutor().adapter;
    let state = byAdapter.get(key);
    if (state === undefined) byAdapter.set(key, (state = create()));
    return state;
  };
}

/** Sets `key` as the most recently used entry of `map`, dropping the least recently used beyond `max`. */
export function setRecent<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
}
