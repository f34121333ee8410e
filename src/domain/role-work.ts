/*
 * What the judging roles do, and when: an evaluator (Tim Evaluasi) scores the proposals and their evidence;
 * a panelist (Tim Panel Independen) picks the finalists, hears the presentations, verifies in the field and
 * decides the outstanding Top innovations (docs/kipp-reference.md §1, the 2021 assessment stages). Their
 * home page shows, per competition they are assigned to, the stages that are their work and when it starts.
 */

export type JudgingRole = 'evaluator' | 'panelist';

/** The stage kinds (competition-template.ts) that are each judging role's work, in calendar order. */
export const WORK_STAGES: Record<JudgingRole, readonly string[]> = {
  evaluator: ['evaluation_1', 'evaluation_2'],
  panelist: ['finalists', 'presentation', 'field_verification', 'final_panel'],
};

export interface StageWindow {
  kind: string;
  opensAt: string | null;
  closesAt: string | null;
}

/** not_scheduled: no stage of the role has dates yet; the others compare the first start and last end. */
export type WorkState = 'not_scheduled' | 'upcoming' | 'open' | 'finished';

export interface RoleWork<S extends StageWindow> {
  stages: S[];
  startsAt: string | null;
  endsAt: string | null;
  state: WorkState;
}

const ms = (iso: string) => Date.parse(iso);

/**
 * The stages of a competition that are a role's work, in the order of their start (undated ones last), the
 * instant the work starts and ends, and where it stands at `now`. An open-ended last stage keeps it open.
 */
export function workOf<S extends StageWindow>(role: JudgingRole, stages: S[], now: string): RoleWork<S> {
  const kinds = WORK_STAGES[role];
  const mine = stages
    .filter((s) => kinds.includes(s.kind))
    .sort((a, b) => {
      if (a.opensAt && b.opensAt) return ms(a.opensAt) - ms(b.opensAt);
      if (a.opensAt) return -1;
      if (b.opensAt) return 1;
      return kinds.indexOf(a.kind) - kinds.indexOf(b.kind);
    });
  const opens = mine.flatMap((s) => (s.opensAt ? [s.opensAt] : []));
  const startsAt = opens.length ? opens.reduce((a, b) => (ms(a) <= ms(b) ? a : b)) : null;
  const openEnded = mine.some((s) => s.opensAt && !s.closesAt);
  const closes = mine.flatMap((s) => (s.closesAt ? [s.closesAt] : []));
  const endsAt = openEnded || !closes.length ? null : closes.reduce((a, b) => (ms(a) >= ms(b) ? a : b));
  let state: WorkState;
  if (!startsAt) state = 'not_scheduled';
  else if (ms(now) < ms(startsAt)) state = 'upcoming';
  else if (endsAt && ms(now) > ms(endsAt)) state = 'finished';
  else state = 'open';
  return { stages: mine, startsAt, endsAt, state };
}
