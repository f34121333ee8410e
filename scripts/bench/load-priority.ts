import fs from 'node:fs';
import os from 'node:os';

/*
 * The surge's load generator (this process's main thread, where every virtual user runs) and the S3 stand-in
 * (s3rver) are not the system under test: in production they are browsers across the country and an object
 * store on its own machines. On this 2-core machine they would otherwise take the cores from the Sinovik
 * server and PostgreSQL as equals (the generator alone uses ~75 CPU-s of the surge), so while the surge runs
 * they give way: nice `loadNice` (default 10) for this thread and the store's main thread; the server, its
 * threads and PostgreSQL keep their priority. `--load-nice 0` measures with everything equal.
 *
 * Raising a priority again needs CAP_SYS_NICE (root has it). Without it the priorities are left alone, since
 * every process the benchmark starts after the surge (the bare baselines of later phases) would otherwise
 * inherit the lower priority and be measured at a disadvantage; the run says so.
 */

const CAP_SYS_NICE = 23;

/** True when this process may raise a priority back (CAP_SYS_NICE in its effective capabilities). */
export function mayRestorePriority(): boolean {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const hex = /^CapEff:\s*([0-9a-f]+)$/m.exec(status)?.[1];
    return hex !== undefined && ((BigInt(`0x${hex}`) >> BigInt(CAP_SYS_NICE)) & 1n) === 1n;
  } catch {
    return false;
  }
}

export interface LoadPriority {
  /** The nice value the generator and the store ran at (0: as the server). */
  nice: number;
  /** Why it is 0 although asked otherwise, or null. */
  note: string | null;
}

/**
 * Runs `work` (the surge) with this thread and the `others` processes' main threads at nice `loadNice`, then
 * puts them back at their priority before.
 */
export async function asBackgroundLoad<T>(
  loadNice: number,
  others: number[],
  work: () => Promise<T>,
): Promise<{ value: T; priority: LoadPriority }> {
  if (loadNice === 0) return { value: await work(), priority: { nice: 0, note: null } };
  if (process.platform !== 'linux' || !mayRestorePriority())
    return {
      value: await work(),
      priority: {
        nice: 0,
        note: 'no CAP_SYS_NICE to raise the priority again afterwards: the generator ran at the server’s priority',
      },
    };
  const before = new Map<number, number>([[0, os.getPriority(0)]]);
  for (const pid of others) before.set(pid, os.getPriority(pid));
  for (const pid of before.keys()) os.setPriority(pid, loadNice);
  try {
    return { value: await work(), priority: { nice: loadNice, note: null } };
  } finally {
    for (const [pid, nice] of before) {
      try {
        os.setPriority(pid, nice);
      } catch {
        // A process that has exited has no priority to restore.
      }
    }
  }
}
