import { dialectOf, type Db } from './connect.js';

interface Job {
  work: (tx: Db) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Queue {
  jobs: Job[];
  draining: boolean;
}

const queues = new WeakMap<object, Queue>();

/**
 * Runs `work` in a transaction and resolves with its result once that transaction committed; rejects with
 * its error, nothing of it saved. On SQLite, works submitted together share one transaction (group
 * commit): SQLite has one writer, so they would run one after the other anyway, and the commit (the
 * write-ahead log append) is most of a small write's cost. If any work of a group throws, the group's
 * transaction is rolled back and each work is run again alone, in its own transaction, so that each
 * settles exactly as it would have alone. Works must therefore leave nothing outside the database until
 * they resolve (what they remember, they remember after). On PostgreSQL, a transaction of its own.
 */
export function groupTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'sqlite') return db.transaction().execute(work);
  const key = db.getExecutor().adapter;
  let queue = queues.get(key);
  if (!queue) queues.set(key, (queue = { jobs: [], draining: false }));
  const q = queue;
  return new Promise<T>((resolve, reject) => {
    q.jobs.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!q.draining) {
      q.draining = true;
      // After the requests read in this turn of the event loop have submitted theirs.
      setImmediate(() => void drain(db, q));
    }
  });
}

async function drain(db: Db, q: Queue): Promise<void> {
  try {
    while (q.jobs.length) {
      const jobs = q.jobs.splice(0);
      if (jobs.length > 1) {
        let results: unknown[] | null = null;
        try {
          results = await db.transaction().execute(async (tx) => {
            const out: unknown[] = [];
            for (const job of jobs) out.push(await job.work(tx));
            return out;
          });
        } catch {
          // One of them refused or failed: the group was rolled back; each runs alone below.
        }
        if (results) {
          jobs.forEach((job, i) => job.resolve(results[i]));
          continue;
        }
      }
      for (const job of jobs) await db.transaction().execute(job.work).then(job.resolve, job.reject);
    }
  } finally {
    q.draining = false;
  }
}
