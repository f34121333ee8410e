import { dialectOf, type Db } from './connect.js';
import { perDatabase } from './per-database.js';

interface Job {
  work: (tx: Db) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Queue {
  jobs: Job[];
  draining: boolean;
  stats: GroupCommitStats;
}

/** What group commit did on one database since the process started: the counter its tests assert. */
export interface GroupCommitStats {
  /** Works submitted to `groupTransaction`. */
  works: number;
  /** Transactions it opened for them (a group that is run again counts again). */
  transactions: number;
}

const queueOf = perDatabase<Queue>(() => ({
  jobs: [],
  draining: false,
  stats: { works: 0, transactions: 0 },
}));

/** The counters of `db` (a copy): fewer transactions than works is group commit at work. */
export const groupCommitStats = (db: Db): GroupCommitStats => ({ ...queueOf(db).stats });

/**
 * Runs `work` in a transaction and resolves with its result once that transaction committed; rejects with
 * its error, nothing of it saved. On SQLite, works submitted together share one transaction (group
 * commit): SQLite has one writer, so they would run one after the other anyway, and the commit (the
 * write-ahead log append) is most of a small write's cost. If a work of a group throws, the group's
 * transaction is rolled back; the works before it run again together, then it alone, in its own
 * transaction, then the works after it together: each settles as it would have in its order of arrival,
 * and one refused work costs the others one rollback, not their grouping. Works must therefore leave
 * nothing outside the database until they resolve. On PostgreSQL, a transaction of its own.
 * `groupCommitStats` counts works and transactions, so a test sees the grouping happen.
 */
export function groupTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const q = queueOf(db);
  q.stats.works++;
  if (dialectOf(db) !== 'sqlite') {
    q.stats.transactions++;
    return db.transaction().execute(work);
  }
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
    while (q.jobs.length) await inOrder(db, q.jobs.splice(0));
  } finally {
    q.draining = false;
  }
}

/**
 * Settles `jobs` in their order of arrival, as many in one transaction as can be. When one throws, the
 * group is rolled back; those that came before it run again together, then it alone, then those after it
 * together. So a work is never decided after one that arrived later (of two saves of the same version, the
 * earlier wins and the later gets the conflict, as they would one after the other).
 */
async function inOrder(db: Db, jobs: Job[]): Promise<void> {
  while (jobs.length) {
    if (jobs.length === 1) return alone(db, jobs[0]);
    let failed = -1;
    let results: unknown[] | null = null;
    try {
      queueOf(db).stats.transactions++;
      results = await db.transaction().execute(async (tx) => {
        const out: unknown[] = [];
        for (const [i, job] of jobs.entries()) {
          failed = i;
          out.push(await job.work(tx));
        }
        failed = -1;
        return out;
      });
    } catch {
      // Rolled back: nothing of the group was saved.
    }
    if (results) {
      const done = results;
      jobs.forEach((job, i) => job.resolve(done[i]));
      return;
    }
    if (failed < 0) {
      // The commit itself failed: each alone, in order.
      for (const job of jobs) await alone(db, job);
      return;
    }
    await inOrder(db, jobs.slice(0, failed));
    await alone(db, jobs[failed]);
    jobs = jobs.slice(failed + 1);
  }
}

function alone(db: Db, job: Job): Promise<void> {
  queueOf(db).stats.transactions++;
  return db.transaction().execute(job.work).then(job.resolve, job.reject);
}
