import { t, type Text } from './errors.js';
import { formatInstant } from './time.js';

/*
 * Placing the finalists into the panel's presentation slots (issue 13 point 2). Pure: the module reads the
 * sessions, the finalists, their conflicts and unavailable times, and writes what this returns.
 *
 * A session runs from its start to its end; slot i starts at start + i × (slot + buffer) and lasts `slot`
 * minutes; a slot must end by the session's end (its capacity). A finalist f may take slot i of session s
 * when every rule holds:
 * - group: s hears f's group;
 * - quorum: at least `quorum` of s's panelists have no conflict with f (a conflicted panelist abstains);
 * - capacity: i is a slot of s;
 * - taken: nobody else is in it;
 * - unavailable: the slot does not overlap a time f cannot make (from an accepted rescheduling request);
 * - same institution: no other finalist of f's institution is at an overlapping time in any session (the
 *   same head of region attends both).
 * The scheduler places institution by institution (the largest and most constrained first), trying to keep
 * one institution's finalists in consecutive slots of one session, then one by one in the earliest valid
 * slot, then repairs by moving one placed finalist elsewhere to free a slot. Whoever it cannot place comes
 * back with the reason in words. `checkPlacement` is the same test for a hand move.
 */

export interface SlotShape {
  /** Presentation + interview. */
  slotMinutes: number;
  bufferMinutes: number;
}

export interface ScheduleSession {
  id: number;
  name: string;
  /** Epoch milliseconds. */
  startsAt: number;
  endsAt: number;
  groupKeys: readonly string[];
  panelistIds: readonly number[];
}

export interface Interval {
  from: number;
  to: number;
}

export interface ScheduleFinalist {
  id: number;
  code: string;
  institutionId: number;
  institutionName: string;
  groupKey: string;
  /** Times the finalist cannot make (epoch ms, half-open). */
  unavailable: readonly Interval[];
  /** Panelists in conflict with the finalist (domain/conflicts.ts). */
  conflictedPanelists: readonly number[];
}

export interface ScheduleInput {
  shape: SlotShape;
  quorum: number;
  sessions: readonly ScheduleSession[];
  finalists: readonly ScheduleFinalist[];
  /** For the times named in the explanations. */
  timeZone: string;
}

export interface Placement {
  finalistId: number;
  sessionId: number;
  index: number;
}

export type RuleCode =
  'unknown_session' | 'group' | 'quorum' | 'capacity' | 'taken' | 'unavailable' | 'same_institution';

export interface Violation {
  code: RuleCode;
  message: Text;
}

export type UnplacedReason =
  'no_session_for_group' | 'no_quorum' | 'full' | 'unavailable' | 'same_institution' | 'no_free_slot';

export interface Unplaced {
  finalistId: number;
  reason: UnplacedReason;
  message: Text;
}

export interface ScheduleResult {
  placements: Placement[];
  unplaced: Unplaced[];
}

const MINUTE = 60_000;

/** How many slots a session holds: slots of `slotMinutes` separated by the buffer, ending by its end. */
export function capacityOf(session: Pick<ScheduleSession, 'startsAt' | 'endsAt'>, shape: SlotShape): number {
  const len = session.endsAt - session.startsAt;
  const slot = shape.slotMinutes * MINUTE;
  const step = (shape.slotMinutes + shape.bufferMinutes) * MINUTE;
  if (slot <= 0 || len < slot) return 0;
  return Math.floor((len - slot) / step) + 1;
}

/** Slot `index` of the session (epoch ms). */
export function slotTime(
  session: Pick<ScheduleSession, 'startsAt'>,
  shape: SlotShape,
  index: number,
): Interval {
  const from = session.startsAt + index * (shape.slotMinutes + shape.bufferMinutes) * MINUTE;
  return { from, to: from + shape.slotMinutes * MINUTE };
}

const overlaps = (a: Interval, b: Interval) => a.from < b.to && b.from < a.to;

/** Panelists of the session without a conflict with the finalist. */
export const clearPanelists = (s: ScheduleSession, f: ScheduleFinalist): number =>
  s.panelistIds.filter((p) => !f.conflictedPanelists.includes(p)).length;

/** What a schedule in progress knows: who is where, and each institution's placed times. */
class Board {
  readonly at = new Map<string, number>(); // "session:index" → finalist
  readonly of = new Map<number, Placement>();
  constructor(
    private readonly input: ScheduleInput,
    private readonly sessions: Map<number, ScheduleSession>,
    private readonly finalists: Map<number, ScheduleFinalist>,
  ) {}
  put(p: Placement) {
    this.at.set(`${p.sessionId}:${p.index}`, p.finalistId);
    this.of.set(p.finalistId, p);
  }
  remove(finalistId: number) {
    const p = this.of.get(finalistId);
    if (!p) return;
    this.at.delete(`${p.sessionId}:${p.index}`);
    this.of.delete(finalistId);
  }
  timeOf(p: Placement): Interval {
    return slotTime(this.sessions.get(p.sessionId)!, this.input.shape, p.index);
  }
  /** The finalists of the institution placed at a time overlapping `when` (besides `except`). */
  institutionClash(f: ScheduleFinalist, when: Interval): ScheduleFinalist | null {
    for (const [id, p] of this.of) {
      if (id === f.id) continue;
      const other = this.finalists.get(id);
      if (other && other.institutionId === f.institutionId && overlaps(this.timeOf(p), when)) return other;
    }
    return null;
  }
}

function violations(
  input: ScheduleInput,
  board: Board,
  f: ScheduleFinalist,
  target: Placement,
  sessions: Map<number, ScheduleSession>,
): Violation[] {
  const s = sessions.get(target.sessionId);
  const tz = input.timeZone;
  if (!s) return [{ code: 'unknown_session', message: t('Sesi tidak ditemukan.', 'Session not found.') }];
  const out: Violation[] = [];
  if (!s.groupKeys.includes(f.groupKey))
    out.push({
      code: 'group',
      message: t(
        `${s.name} tidak mendengarkan kelompok ${f.groupKey}.`,
        `${s.name} does not hear the ${f.groupKey} group.`,
      ),
    });
  const clear = clearPanelists(s, f);
  if (clear < input.quorum)
    out.push({
      code: 'quorum',
      message: t(
        `${s.name} hanya memiliki ${clear} panelis tanpa konflik dengan ${f.institutionName}; kuorum ${input.quorum}.`,
        `${s.name} has only ${clear} panelists without a conflict with ${f.institutionName}; the quorum is ${input.quorum}.`,
      ),
    });
  const cap = capacityOf(s, input.shape);
  if (!Number.isInteger(target.index) || target.index < 0 || target.index >= cap) {
    out.push({
      code: 'capacity',
      message: t(`${s.name} hanya memiliki ${cap} slot.`, `${s.name} has only ${cap} slots.`),
    });
    return out;
  }
  const holder = board.at.get(`${s.id}:${target.index}`);
  if (holder !== undefined && holder !== f.id)
    out.push({
      code: 'taken',
      message: t(
        `Slot ${target.index + 1} di ${s.name} sudah terisi.`,
        `Slot ${target.index + 1} of ${s.name} is taken.`,
      ),
    });
  const when = slotTime(s, input.shape, target.index);
  const busy = f.unavailable.find((u) => overlaps(u, when));
  if (busy)
    out.push({
      code: 'unavailable',
      message: t(
        `${f.code} tidak dapat hadir ${formatInstant(new Date(busy.from), tz, 'id')} – ${formatInstant(new Date(busy.to), tz, 'id')}.`,
        `${f.code} cannot attend ${formatInstant(new Date(busy.from), tz, 'en')} – ${formatInstant(new Date(busy.to), tz, 'en')}.`,
      ),
    });
  const clash = board.institutionClash(f, when);
  if (clash)
    out.push({
      code: 'same_institution',
      message: t(
        `${clash.code} dari ${f.institutionName} dijadwalkan pada waktu yang bertabrakan.`,
        `${clash.code} of ${f.institutionName} is scheduled at an overlapping time.`,
      ),
    });
  return out;
}

const indexBy = <T extends { id: number }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));

/**
 * Whether `finalistId` may take `target` given the other placements (the finalist's own current place is
 * ignored): the rules it breaks, in words (empty: it may).
 */
export function checkPlacement(
  input: ScheduleInput,
  placements: readonly Placement[],
  finalistId: number,
  target: Placement,
): Violation[] {
  const sessions = indexBy(input.sessions);
  const finalists = indexBy(input.finalists);
  const f = finalists.get(finalistId);
  if (!f) return [{ code: 'unknown_session', message: t('Finalis tidak ditemukan.', 'Finalist not found.') }];
  const board = new Board(input, sessions, finalists);
  for (const p of placements) if (p.finalistId !== finalistId) board.put(p);
  return violations(input, board, f, { ...target, finalistId }, sessions);
}

/** Every placement that breaks a rule, with its violations (a schedule read back after changes). */
export function scheduleProblems(
  input: ScheduleInput,
  placements: readonly Placement[],
): { finalistId: number; violations: Violation[] }[] {
  const out: { finalistId: number; violations: Violation[] }[] = [];
  for (const p of placements) {
    const v = checkPlacement(input, placements, p.finalistId, p);
    if (v.length) out.push({ finalistId: p.finalistId, violations: v });
  }
  return out;
}

/** Places every finalist it can; `keep` are placements to hold fixed (they are not moved). */
export function buildSchedule(input: ScheduleInput, keep: readonly Placement[] = []): ScheduleResult {
  const sessions = indexBy(input.sessions);
  const finalists = indexBy(input.finalists);
  const board = new Board(input, sessions, finalists);
  const fixed = new Set<number>();
  for (const p of keep)
    if (finalists.has(p.finalistId) && sessions.has(p.sessionId)) {
      board.put(p);
      fixed.add(p.finalistId);
    }
  const orderedSessions = [...input.sessions].sort((a, b) => a.startsAt - b.startsAt || a.id - b.id);
  const eligible = (f: ScheduleFinalist) =>
    orderedSessions.filter((s) => s.groupKeys.includes(f.groupKey) && clearPanelists(s, f) >= input.quorum);
  const ok = (f: ScheduleFinalist, p: Placement) => violations(input, board, f, p, sessions).length === 0;
  const slotsOf = (s: ScheduleSession) =>
    Array.from({ length: capacityOf(s, input.shape) }, (_, index) => ({ session: s, index }));
  /** Every free valid slot of f, earliest first. */
  const candidates = (f: ScheduleFinalist): Placement[] =>
    eligible(f)
      .flatMap(slotsOf)
      .map(({ session, index }) => ({ finalistId: f.id, sessionId: session.id, index }))
      .filter((p) => ok(f, p))
      .sort((a, b) => board.timeOf(a).from - board.timeOf(b).from || a.sessionId - b.sessionId);

  // Institution blocks, the biggest and most constrained first.
  const blocks = new Map<number, ScheduleFinalist[]>();
  for (const f of input.finalists) {
    if (fixed.has(f.id)) continue;
    blocks.set(f.institutionId, [...(blocks.get(f.institutionId) ?? []), f]);
  }
  const room = (f: ScheduleFinalist) => eligible(f).reduce((n, s) => n + capacityOf(s, input.shape), 0);
  const ordered = [...blocks.values()]
    .map((b) => [...b].sort((x, y) => room(x) - room(y) || x.code.localeCompare(y.code)))
    .sort(
      (a, b) =>
        b.length - a.length ||
        Math.min(...a.map(room)) - Math.min(...b.map(room)) ||
        a[0]!.code.localeCompare(b[0]!.code),
    );

  const waiting: ScheduleFinalist[] = [];
  for (const block of ordered) {
    if (block.length > 1 && placeConsecutive(block)) continue;
    for (const f of block) {
      const c = candidates(f);
      // Next to a finalist of the same institution when possible (the delegation stays in one room).
      const near = c.find((p) => {
        const before = board.at.get(`${p.sessionId}:${p.index - 1}`);
        const after = board.at.get(`${p.sessionId}:${p.index + 1}`);
        return [before, after].some(
          (id) => id !== undefined && finalists.get(id)!.institutionId === f.institutionId,
        );
      });
      const pick = near ?? c[0];
      if (pick) board.put(pick);
      else waiting.push(f);
    }
  }

  // Repair: free a valid slot for a waiting finalist by moving one placed (not fixed) finalist elsewhere.
  let progress = true;
  while (progress && waiting.length) {
    progress = false;
    for (let w = 0; w < waiting.length; w++) {
      const f = waiting[w]!;
      if (repair(f)) {
        waiting.splice(w, 1);
        progress = true;
        break;
      }
    }
  }

  function placeConsecutive(block: ScheduleFinalist[]): boolean {
    const common = eligible(block[0]!).filter((s) => block.every((f) => eligible(f).includes(s)));
    const options: Placement[][] = [];
    for (const s of common) {
      const cap = capacityOf(s, input.shape);
      for (let start = 0; start + block.length <= cap; start++) {
        const run = block.map((f, k) => ({ finalistId: f.id, sessionId: s.id, index: start + k }));
        // The run's own members do not clash with each other: consecutive slots never overlap.
        if (run.every((p, k) => ok(block[k]!, p))) {
          options.push(run);
          break;
        }
      }
    }
    options.sort((a, b) => board.timeOf(a[0]!).from - board.timeOf(b[0]!).from);
    const best = options[0];
    if (!best) return false;
    for (const p of best) board.put(p);
    return true;
  }

  function repair(f: ScheduleFinalist): boolean {
    for (const s of eligible(f))
      for (const { index } of slotsOf(s)) {
        const target = { finalistId: f.id, sessionId: s.id, index };
        const holder = board.at.get(`${s.id}:${index}`);
        if (holder === undefined || fixed.has(holder)) continue;
        const g = finalists.get(holder)!;
        const was = board.of.get(holder)!;
        board.remove(holder);
        if (ok(f, target)) {
          board.put(target);
          const moved = candidates(g)[0];
          if (moved) {
            board.put(moved);
            return true;
          }
          board.remove(f.id);
        }
        board.put(was);
      }
    return false;
  }

  const placements = [...board.of.values()].sort((a, b) => a.sessionId - b.sessionId || a.index - b.index);
  return {
    placements,
    unplaced: waiting.map((f) => explain(input, board, f, sessions)),
  };
}

/** Why f has no slot, in words (the first rule that leaves nothing). */
function explain(
  input: ScheduleInput,
  board: Board,
  f: ScheduleFinalist,
  sessions: Map<number, ScheduleSession>,
): Unplaced {
  const of = (reason: UnplacedReason, message: Text): Unplaced => ({ finalistId: f.id, reason, message });
  const hearing = input.sessions.filter((s) => s.groupKeys.includes(f.groupKey));
  if (!hearing.length)
    return of(
      'no_session_for_group',
      t(
        `${f.code} (${f.institutionName}): tidak ada sesi yang mendengarkan kelompok ${f.groupKey}.`,
        `${f.code} (${f.institutionName}): no session hears the ${f.groupKey} group.`,
      ),
    );
  const quorate = hearing.filter((s) => clearPanelists(s, f) >= input.quorum);
  if (!quorate.length)
    return of(
      'no_quorum',
      t(
        `${f.code} (${f.institutionName}): tidak ada sesi kelompok ${f.groupKey} dengan sedikitnya ${input.quorum} panelis tanpa konflik dengan instansi ini (${hearing.map((s) => `${s.name}: ${clearPanelists(s, f)}`).join('; ')}).`,
        `${f.code} (${f.institutionName}): no session of the ${f.groupKey} group has at least ${input.quorum} panelists without a conflict with this institution (${hearing.map((s) => `${s.name}: ${clearPanelists(s, f)}`).join('; ')}).`,
      ),
    );
  const free: { v: Violation[] }[] = [];
  for (const s of quorate)
    for (let index = 0; index < capacityOf(s, input.shape); index++)
      if (!board.at.has(`${s.id}:${index}`))
        free.push({ v: violations(input, board, f, { finalistId: f.id, sessionId: s.id, index }, sessions) });
  const names = quorate.map((s) => s.name).join(', ');
  if (!free.length)
    return of(
      'full',
      t(
        `${f.code} (${f.institutionName}): semua slot sesi yang dapat mendengarkannya (${names}) sudah terisi; tambah sesi atau perpanjang waktunya.`,
        `${f.code} (${f.institutionName}): every slot of the sessions that can hear it (${names}) is taken; add a session or lengthen one.`,
      ),
    );
  const all = (code: RuleCode) => free.every((x) => x.v.some((v) => v.code === code));
  if (all('unavailable'))
    return of(
      'unavailable',
      t(
        `${f.code} (${f.institutionName}): setiap slot yang tersisa jatuh pada waktu yang tidak dapat dihadiri finalis.`,
        `${f.code} (${f.institutionName}): every slot left falls in a time the finalist cannot attend.`,
      ),
    );
  if (all('same_institution'))
    return of(
      'same_institution',
      t(
        `${f.code} (${f.institutionName}): setiap slot yang tersisa bertabrakan dengan finalis lain dari instansi yang sama.`,
        `${f.code} (${f.institutionName}): every slot left overlaps another finalist of the same institution.`,
      ),
    );
  return of(
    'no_free_slot',
    t(
      `${f.code} (${f.institutionName}): slot yang tersisa bertabrakan dengan waktu yang tidak dapat dihadiri atau dengan finalis lain dari instansi yang sama.`,
      `${f.code} (${f.institutionName}): the slots left overlap a time the finalist cannot attend or another finalist of the same institution.`,
    ),
  );
}
