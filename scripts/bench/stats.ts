import fs from 'node:fs';

/** Latency summary in milliseconds (nearest-rank percentiles). */
export interface LatencySummary {
  count: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(values: number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.length ? sorted[sorted.length - 1] : null),
    mean: round(sorted.length ? sorted.reduce((s, v) => s + v, 0) / sorted.length : null),
  };
}

/** Resident memory of a process from /proc (kB → MB): current and the high-water mark. */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Resets a process's VmHWM to its current RSS (Linux: write 5 to clear_refs); false when not allowed. */
export function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number): number | null {
  const f = statFields(pid);
  return f ? (Number(f[11]) + Number(f[12])) / 100 : null;
}

/**
 * The fields of /proc/<pid>/stat after "pid (comm) " (ppid 1, utime 11, stime 12, cutime 13, cstime 14), or
 * null when the process is gone.
 */
function statFields(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The processes whose command name is `comm` (e.g. every PostgreSQL server process), from /proc. */
export function pidsNamed(comm: string): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === comm) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * CPU seconds of every PostgreSQL process so far, those that have exited included: the live processes' own
 * time plus, for each postmaster, the time of the children it reaped (a pooled connection closed when idle
 * takes its backend's time with it otherwise). The difference over an interval is the database's CPU in it.
 */
export function databaseCpuSeconds(): number {
  const pids = new Set(pidsNamed('postgres'));
  let total = 0;
  for (const pid of pids) {
    // Gone meanwhile: its time is in its postmaster's children's.
    const f = statFields(pid);
    if (!f) continue;
    total += Number(f[11]) + Number(f[12]);
    if (!pids.has(Number(f[1]))) total += Number(f[13]) + Number(f[14]);
  }
  return total / 100;
}

/** Busy share of all cores over an interval, from /proc/stat (the whole machine, every process). */
export function machineCpu(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = v[3] + (v[4] ?? 0);
  const total = v.reduce((s, x) => s + x, 0);
  return { busy: total - idle, total };
}

export const fmt = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined || Number.isNaN(v) ? '-' : v.toFixed(digits);
