import type { Db } from '../../src/db/connect.js';
import { makeUser } from './fixtures.js';

/*
 * The Tim Panel Independen's test setup (issue 13): panelists with their profiles, and the final finalist
 * list as the finalists module leaves it once published (a finalist_selections row marked final; the
 * proposals themselves in state `finalist`, e.g. made with judging.ts makeJudgedProposal state 'finalist').
 */

/** A member of the competition's Tim Panel (grant `panelist`) with a completed profile unless told otherwise. */
export async function makePanelist(
  db: Db,
  input: {
    competitionId: number;
    name?: string;
    affiliationInstitutionId?: number | null;
    regionCode?: string | null;
    profileComplete?: boolean;
    unsur?: string | null;
  },
) {
  const user = await makeUser(db, {
    role: 'panelist',
    competitionId: input.competitionId,
    ...(input.name ? { name: input.name } : {}),
  });
  const now = new Date().toISOString();
  await db
    .insertInto('reviewer_profiles')
    .values({
      competition_id: input.competitionId,
      user_id: user.id,
      team: 'panel',
      affiliation_name: null,
      affiliation_institution_id: input.affiliationInstitutionId ?? null,
      region_code: input.regionCode ?? null,
      expertise: '[]',
      capacity: null,
      completed_at: input.profileComplete === false ? null : now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return user;
}

/** Marks the competition's finalist list final (published with a decree number), as the finalists module does. */
export async function publishFinalFinalists(
  db: Db,
  input: { competitionId: number; by: number; now: Date },
): Promise<void> {
  const stage = await db
    .selectFrom('stages')
    .select('id')
    .where('competition_id', '=', input.competitionId)
    .where('kind', '=', 'finalists')
    .executeTakeFirstOrThrow();
  const at = input.now.toISOString();
  await db
    .insertInto('finalist_selections')
    .values({
      competition_id: input.competitionId,
      stage_id: stage.id,
      settings: '{}',
      feasible: 1,
      problems: '{"problems":[],"text":null}',
      quota_outcomes: '[]',
      stats: '{}',
      computed_by: input.by,
      computed_at: at,
      provisional_letter_number: 'B/200/PP.00.05/2026',
      provisional_published_by: input.by,
      provisional_published_at: at,
      decree_number: 'KEP/300/2026',
      final_published_by: input.by,
      final_published_at: at,
    })
    .execute();
}
