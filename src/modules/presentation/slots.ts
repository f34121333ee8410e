import type { Db } from '../../db/connect.js';
import { slotTime, type Placement, type ScheduleInput } from '../../domain/presentation-schedule.js';

/** The instants of a placement (ISO), from its session and the slot shape. */
export function instantsOf(input: ScheduleInput, p: Placement): { startsAt: string; endsAt: string } {
  const s = input.sessions.find((x) => x.id === p.sessionId)!;
  const when = slotTime(s, input.shape, p.index);
  return { startsAt: new Date(when.from).toISOString(), endsAt: new Date(when.to).toISOString() };
}

/** Writes one finalist's slot (replacing its previous one). */
export async function writeSlot(
  tx: Db,
  input: {
    stageId: number;
    schedule: ScheduleInput;
    placement: Placement;
    origin: 'auto' | 'manual' | 'reschedule';
    now: Date;
  },
) {
  const p = input.placement;
  await tx
    .deleteFrom('presentation_slots')
    .where('stage_id', '=', input.stageId)
    .where('proposal_id', '=', p.finalistId)
    .execute();
  const when = instantsOf(input.schedule, p);
  await tx
    .insertInto('presentation_slots')
    .values({
      stage_id: input.stageId,
      session_id: p.sessionId,
      proposal_id: p.finalistId,
      slot_index: p.index,
      starts_at: when.startsAt,
      ends_at: when.endsAt,
      origin: input.origin,
      updated_at: input.now.toISOString(),
    })
    .execute();
  return when;
}
