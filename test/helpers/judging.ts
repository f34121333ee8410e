import type { Db } from '../../src/db/connect.js';
import type { ProposalStateValue, StageRow } from '../../src/db/schema.js';
import { makeUnit, makeUser } from './fixtures.js';

/*
 * Test setup for the judging stages (issue 12): proposals that already passed the administrative check,
 * and members of a competition's Tim Evaluasi with their profiles. Inserted directly: what is under test
 * goes through the API.
 */

let seq = 0;

/** A proposal of `institutionId` in `state` (default passed_admin), in the competition's umum group. */
export async function makeJudgedProposal(
  db: Db,
  input: {
    competitionId: number;
    institutionId: number;
    categoryKey?: string;
    state?: ProposalStateValue;
    title?: string;
  },
) {
  const now = new Date().toISOString();
  const group = await db
    .selectFrom('competition_groups')
    .select('id')
    .where('competition_id', '=', input.competitionId)
    .where('key', '=', 'umum')
    .executeTakeFirstOrThrow();
  const category = input.categoryKey
    ? await db
        .selectFrom('categories')
        .select('id')
        .where('competition_id', '=', input.competitionId)
        .where('key', '=', input.categoryKey)
        .executeTakeFirstOrThrow()
    : null;
  const unit = await makeUnit(db, input.institutionId);
  const upp = await makeUser(db, { role: 'upp', institutionId: input.institutionId, unitId: unit.id });
  const n = ++seq;
  return db
    .insertInto('proposals')
    .values({
      competition_id: input.competitionId,
      code: `UJI-${process.pid}-${String(n).padStart(5, '0')}`,
      institution_id: input.institutionId,
      unit_id: unit.id,
      group_id: group.id,
      category_id: category?.id ?? null,
      title: input.title ?? `Inovasi Uji Penilaian ${n}`,
      title_key: null,
      acronym: null,
      implementation_start: '2022-01-10',
      innovator_kind: 'team',
      innovator_names: 'Tim Uji',
      contact_name: null,
      contact_phone: null,
      contact_email: null,
      links: '[]',
      declaration_accepted: 1,
      state: input.state ?? 'passed_admin',
      version: 1,
      created_by: upp.id,
      created_at: now,
      updated_at: now,
      sent_at: now,
      forwarded_at: now,
      received_at: now,
      returned_note: null,
      source_award_id: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A member of the competition's Tim Evaluasi (role grant) with a completed profile unless told otherwise. */
export async function makeEvaluator(
  db: Db,
  input: {
    competitionId: number;
    affiliationInstitutionId?: number | null;
    regionCode?: string | null;
    expertise?: string[];
    capacity?: number | null;
    profileComplete?: boolean;
    name?: string;
    email?: string;
  },
) {
  const user = await makeUser(db, {
    role: 'evaluator',
    competitionId: input.competitionId,
    ...(input.name ? { name: input.name } : {}),
    ...(input.email ? { email: input.email } : {}),
  });
  const now = new Date().toISOString();
  await db
    .insertInto('reviewer_profiles')
    .values({
      competition_id: input.competitionId,
      user_id: user.id,
      team: 'evaluation',
      affiliation_name: null,
      affiliation_institution_id: input.affiliationInstitutionId ?? null,
      region_code: input.regionCode ?? null,
      expertise: JSON.stringify(input.expertise ?? []),
      capacity: input.capacity ?? null,
      completed_at: input.profileComplete === false ? null : now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return user;
}

/** The competition's stage of `kind`: one helper for both files (review.ts). */
export { stageOf } from './review.js';

/** A moment inside the stage's window (a day after it opens). */
export function insideStage(stage: StageRow): Date {
  if (!stage.opens_at) throw new Error(`stage ${stage.kind} has no opening`);
  return new Date(Date.parse(stage.opens_at) + 24 * 3600 * 1000);
}
