import { dialectOf, type Db } from '../../db/connect.js';
import type { ReviewTeam } from '../../db/schema.js';
import { ROLE_LABELS } from '../../contracts/users.js';
import { conflict, t, type Text } from '../../domain/errors.js';
import type { RecordScope } from '../../platform/record-scope.js';
import type { TeamCompetition } from './queries.js';

/** Who acts (a secretariat member), for audit rows and mails. */
export interface TeamActor {
  userId: number;
  name: string;
}

/** The role grant of each team: Tim Evaluasi → evaluator, Tim Panel Independen → panelist. */
export const teamRole = (team: ReviewTeam): 'panelist' | 'evaluator' =>
  team === 'panel' ? 'panelist' : 'evaluator';

/** "Tim Evaluasi — Kompetisi Inovasi Pelayanan Publik 2027" in both languages (the name carries the year). */
export const teamScopeText = (team: ReviewTeam, c: Pick<TeamCompetition, 'name'>): Text => {
  const label = ROLE_LABELS[teamRole(team)];
  return t(`${label.id} — ${c.name}`, `${label.en} — ${c.name}`);
};

/** The audit and outbox scope of a team's events: the organizer's secretariat reads them. */
export const teamRecordScope = (c: TeamCompetition): RecordScope => ({
  competitionId: c.id,
  organizerInstitutionId: c.organizerInstitutionId,
});

/** Whether the reviewer holds active assignments in any stage of the competition. */
export async function hasActiveAssignments(tx: Db, competitionId: number, userId: number) {
  const row = await tx
    .selectFrom('review_assignments as a')
    .innerJoin('stages as s', 's.id', 'a.stage_id')
    .select('a.id')
    .where('s.competition_id', '=', competitionId)
    .where('a.reviewer_id', '=', userId)
    .where('a.status', '=', 'active')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export const hasAssignmentsError = () =>
  conflict(
    'has_assignments',
    t(
      'Penilai ini sudah memiliki penugasan aktif; tarik atau alihkan penugasannya terlebih dahulu.',
      'This reviewer holds active assignments; withdraw or reassign them first.',
    ),
  );

/** Serializes the changes of one competition's teams (PostgreSQL: a row lock; SQLite writes one at a time). */
export async function lockCompetition(tx: Db, competitionId: number) {
  await tx
    .selectFrom('competitions')
    .select('id')
    .where('id', '=', competitionId)
    .$if(dialectOf(tx) === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
}
