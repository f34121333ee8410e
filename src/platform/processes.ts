import cluster, { type Worker } from 'node:cluster';

/*
 * `sinovik serve` with WEB_PROCESSES > 1 (issue 15 point 2): this primary process forks the web processes,
 * which share the port (node:cluster hands each connection to one of them), and, unless SINOVIK_WORKER=none,
 * one job worker process (mail and timed events: web processes never run jobs when there are several).
 * A process that dies is started again, at once the first time and then with a growing delay while it keeps
 * dying young; SIGTERM/SIGINT is passed on to every process, which finishes its requests and exits, and the
 * primary exits after the last (or kills what is left after STOP_GRACE_MS).
 */

export type ProcessRole = 'web' | 'worker';

/** The environment variable that tells a forked process what it is. */
export const ROLE_VARIABLE = 'SINOVIK_PROCESS_ROLE';

/** A process that lived this long is healthy: its next death is restarted without delay. */
export const HEALTHY_AFTER_MS = 30_000;
export const MAX_RESTART_DELAY_MS = 30_000;
export const STOP_GRACE_MS = 30_000;

/** The delay before starting a process again after `quickDeaths` deaths in a row of processes that died young. */
export function restartDelayMs(quickDeaths: number): number {
  if (quickDeaths <= 1) return 0;
  return Math.min(MAX_RESTART_DELAY_MS, 250 * 2 ** (quickDeaths - 2));
}

/** The role of this process when the primary forked it; null in a process started by hand. */
export function forkedRole(): ProcessRole | null {
  if (!cluster.isWorker) return null;
  return process.env[ROLE_VARIABLE] === 'worker' ? 'worker' : 'web';
}

interface Slot {
  role: ProcessRole;
  index: number;
  quickDeaths: number;
  startedAt: number;
  worker: Worker | null;
}

export interface Log {
  info: (msg: string) => void;
  error: (msg: string) => void;
}

/**
 * Forks and watches the processes; resolves with the exit code once every process has exited: 0 after a stop
 * signal, 1 when a web process died before any had ever listened (the port is taken, the configuration is
 * wrong for the web app: restarting would only repeat it).
 */
export function superviseProcesses(opts: { web: number; jobWorker: boolean; log: Log }): Promise<number> {
  const { log } = opts;
  const slots: Slot[] = [
    ...Array.from({ length: opts.web }, (_, index): Slot => ({
      role: 'web',
      index,
      quickDeaths: 0,
      startedAt: 0,
      worker: null,
    })),
    ...(opts.jobWorker
      ? [{ role: 'worker' as const, index: 0, quickDeaths: 0, startedAt: 0, worker: null }]
      : []),
  ];
  let stopping = false;
  let exitCode = 0;
  let listened = false;
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const done = () => finish(exitCode);
  cluster.on('listening', () => (listened = true));

  const start = (slot: Slot) => {
    if (stopping) return;
    slot.startedAt = Date.now();
    // Web processes never run jobs when there are several: the job worker (or `sinovik worker`) does.
    const w = cluster.fork({ [ROLE_VARIABLE]: slot.role, SINOVIK_WORKER: 'none' });
    slot.worker = w;
    w.on('exit', (code, signal) => {
      slot.worker = null;
      if (stopping) {
        if (slots.every((s) => !s.worker)) done();
        return;
      }
      if (slot.role === 'web' && !listened) {
        log.error(
          `web process ${slot.index + 1} (pid ${w.process.pid}) exited (${signal ?? `code ${code}`}) before any web process listened; stopping (see its error above)`,
        );
        exitCode = 1;
        stop('SIGTERM');
        if (slots.every((s) => !s.worker)) done();
        return;
      }
      const lived = Date.now() - slot.startedAt;
      slot.quickDeaths = lived >= HEALTHY_AFTER_MS ? 1 : slot.quickDeaths + 1;
      const delay = restartDelayMs(slot.quickDeaths);
      log.error(
        `${slot.role} process ${slot.index + 1} (pid ${w.process.pid}) exited (${signal ?? `code ${code}`}) after ${Math.round(lived / 1000)} s; ` +
          `starting it again${delay ? ` in ${delay} ms` : ''}`,
      );
      setTimeout(() => start(slot), delay);
    });
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info(
      `${signal}: stopping ${slots.filter((s) => s.worker).length} processes (finishing their requests)`,
    );
    const alive = slots.filter((s) => s.worker);
    if (!alive.length) return done();
    for (const s of alive) s.worker!.process.kill('SIGTERM');
    setTimeout(() => {
      for (const s of slots) s.worker?.process.kill('SIGKILL');
    }, STOP_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  for (const slot of slots) start(slot);
  return finished;
}
