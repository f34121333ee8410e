import type { Db } from '../../db/connect.js';
import type { CompetitionRow, StageRow } from '../../db/schema.js';
import { IN_JUDGING_STATES } from '../../domain/proposal-workflow.js';
import { isReviewStage, type ReviewTeamKind } from '../../domain/review-settings.js';
import type { StoredConflict } from '../../domain/conflicts.js';

/*
 * What the assignment reads: the stage, the proposals it reviews (its pool), the team with profiles,
 * conflicts and loads, and the assignments themselves.
 */

/** The competition a stage belongs to: the competitions module's own row (`findCompetitionRow`). */
export type AssignmentCompetition = CompetitionRow;

/** The competition's categories (key and names), in order. */
export async function categoriesOf(db: Db, competitionId: number) {
  const rows = await db
    .selectFrom('categories')
    .select(['key', 'name_id', 'name_en'])
    .where('competition_id', '=', competitionId)
    .orderBy('position')
    .execute();
  return rows.map((c) => ({ key: c.key, nameId: c.name_id, nameEn: c.name_en }));
}

/** The competition's scored stages (evaluation_1, evaluation_2, presentation), in order. */
export async function reviewStagesOf(db: Db, competitionId: number): Promise<StageRow[]> {
  const rows = await db
    .selectFrom('stages')
    .selectAll()
    .where('competition_id', '=', competitionId)
    .orderBy('position')
    .execute();
  return rows.filter((s) => isReviewStage(s.kind));
}

/** One pool proposal: what the solver and the conflict rules need, and what the pages show. */
export interface PoolProposal {
  id: number;
  code: string;
  title: string;
  institutionId: number;
  institutionName: string;
  institutionRegion: string | null;
  institutionParent: number | null;
  categoryKey: string | null;
  categoryName: string | null;
  groupKey: string;
}

/** The final finalist list of the competition is published (finalist selection marked final). */
export async function finalistsFixed(db: Db, competitionId: number): Promise<boolean> {
  const row = await db
    .selectFrom('finalist_selections')
    .select('id')
    .where('competition_id', '=', competitionId)
    .where('final_published_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The proposals a stage reviews. Evaluation 1: every proposal that passed the administrative check and is
 * still in the judging (IN_JUDGING_STATES). The evidence stage (evaluation_2) takes the proposals that
 * advanced from evaluation 1 (stage_results), so its pool is empty until those results are decided. The
 * presentation takes the finalists (state `finalist`) once the final finalist list is published; before
 * that its pool is empty (the provisional list may still change through the uji publik).
 */
export async function poolOf(db: Db, stage: StageRow): Promise<PoolProposal[]> {
  if (stage.kind === 'presentation' && !(await finalistsFixed(db, stage.competition_id))) return [];
  if (stage.kind !== 'evaluation_1' && stage.kind !== 'evaluation_2' && stage.kind !== 'presentation')
    return [];
  const previous =
    stage.kind === 'evaluation_2'
      ? await db
          .selectFrom('stages')
          .select('id')
          .where('competition_id', '=', stage.competition_id)
          .where('kind', '=', 'evaluation_1')
          .executeTakeFirst()
      : undefined;
  if (stage.kind === 'evaluation_2' && !previous) return [];
  const rows = await db
    .selectFrom('proposals as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .leftJoin('categories as c', 'c.id', 'p.category_id')
    .select([
      'p.id',
      'p.code',
      'p.title',
      'p.institution_id',
      'i.name as institution_name',
      'i.region_code',
      'i.parent_id',
      'c.key as category_key',
      'c.name_id as category_name',
      'g.key as group_key',
    ])
    .where('p.competition_id', '=', stage.competition_id)
    .where('p.state', 'in', stage.kind === 'presentation' ? ['finalist' as const] : [...IN_JUDGING_STATES])
    .$if(previous !== undefined, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('stage_results as r')
            .select('r.id')
            .whereRef('r.proposal_id', '=', 'p.id')
            .where('r.stage_id', '=', previous!.id)
            .where('r.outcome', '=', 'advanced'),
        ),
      ),
    )
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    institutionRegion: r.region_code,
    institutionParent: r.parent_id,
    categoryKey: r.category_key,
    categoryName: r.category_name,
    groupKey: r.group_key,
  }));
}

/** A member of a review team of the competition, with the facts the conflict rules read. */
export interface TeamMember {
  id: number;
  name: string;
  email: string;
  locale: 'id' | 'en';
  profileComplete: boolean;
  capacity: number | null;
  expertise: string[];
  affiliationInstitutionId: number | null;
  affiliationParentId: number | null;
  regionCode: string | null;
  conflicts: StoredConflict[];
}

const parseKeys = (json: string | null): string[] => {
  try {
    const v: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/**
 * Active accounts holding the competition's grant of the team (`evaluator` for the Tim Evaluasi, `panelist`
 * for the Tim Panel), with their profiles and stored conflicts.
 */
export async function teamOf(
  db: Db,
  competitionId: number,
  teamKind: ReviewTeamKind = 'evaluation',
): Promise<TeamMember[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('role_grants as g', 'g.user_id', 'u.id')
    .leftJoin('reviewer_profiles as rp', (j) =>
      j.onRef('rp.user_id', '=', 'u.id').on('rp.competition_id', '=', competitionId),
    )
    .leftJoin('institutions as ai', 'ai.id', 'rp.affiliation_institution_id')
    .select([
      'u.id',
      'u.name',
      'u.email',
      'u.locale',
      'rp.completed_at',
      'rp.capacity',
      'rp.expertise',
      'rp.affiliation_institution_id',
      'ai.parent_id as affiliation_parent_id',
      'rp.region_code',
    ])
    .where('g.role', '=', teamKind === 'panel' ? 'panelist' : 'evaluator')
    .where('g.competition_id', '=', competitionId)
    .where('u.is_active', '=', 1)
    .orderBy('u.id')
    .execute();
  const conflicts = await db
    .selectFrom('reviewer_conflicts')
    .select(['user_id', 'institution_id', 'source', 'note'])
    .where('competition_id', '=', competitionId)
    .execute();
  const byUser = new Map<number, StoredConflict[]>();
  for (const c of conflicts) {
    const list = byUser.get(c.user_id) ?? [];
    list.push({ institutionId: c.institution_id, source: c.source, note: c.note });
    byUser.set(c.user_id, list);
  }
  const seen = new Set<number>();
  const team: TeamMember[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    team.push({
      id: r.id,
      name: r.name,
      email: r.email,
      locale: r.locale,
      profileComplete: r.completed_at !== null,
      capacity: r.capacity ?? null,
      expertise: parseKeys(r.expertise),
      affiliationInstitutionId: r.affiliation_institution_id ?? null,
      affiliationParentId: r.affiliation_parent_id ?? null,
      regionCode: r.region_code ?? null,
      conflicts: byUser.get(r.id) ?? [],
    });
  }
  return team;
}

/** Every assignment of the stage (active and withdrawn), with whether its evaluation started. */
export async function stageAssignments(db: Db, stageId: number) {
  return db
    .selectFrom('review_assignments as a')
    .leftJoin('evaluations as e', 'e.assignment_id', 'a.id')
    .select([
      'a.id',
      'a.proposal_id',
      'a.reviewer_id',
      'a.origin',
      'a.status',
      'a.withdrawn_reason',
      'a.created_at',
      'e.status as evaluation_status',
    ])
    .where('a.stage_id', '=', stageId)
    .orderBy('a.id')
    .execute();
}
export type StageAssignmentRow = Awaited<ReturnType<typeof stageAssignments>>[number];

/** The submitted evaluations of a stage's active assignments, for its results. */
export async function submittedEvaluations(db: Db, stageId: number) {
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('review_assignments as a', 'a.id', 'e.assignment_id')
    .select(['e.id', 'a.proposal_id', 'a.reviewer_id', 'e.total', 'e.submitted_at'])
    .where('a.stage_id', '=', stageId)
    .where('a.status', '=', 'active')
    .where('e.status', '=', 'submitted')
    .execute();
  return rows
    .filter((r) => r.total !== null && r.submitted_at !== null)
    .map((r) => ({
      evaluationId: r.id,
      proposalId: r.proposal_id,
      reviewerId: r.reviewer_id,
      total: Number(r.total),
      submittedAt: r.submitted_at!,
    }));
}
