import type { ReviewerConflict, TeamMember } from '../../contracts/review-team.js';
import {
  conflictReasons,
  reasonText,
  type InstitutionFacts,
  type RegionalRule,
  type ReviewerConflictFacts,
} from '../../domain/conflicts.js';
import type { ReviewTeam } from '../../db/schema.js';
import type { findMember, StoredConflictRow } from './queries.js';

type Row = NonNullable<Awaited<ReturnType<typeof findMember>>>;
type Category = { key: string; name_id: string; name_en: string };
type Judged = { id: number; name: string; region_code: string | null; parent_id: number | null };

export const parseExpertise = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export const memberStatus = (r: Pick<Row, 'password_hash' | 'completed_at'>): TeamMember['status'] =>
  r.password_hash === null ? 'invited' : r.completed_at === null ? 'profile_missing' : 'complete';

export interface PresentContext {
  categories: Category[];
  conflicts: StoredConflictRow[];
  assignments: Map<number, number>;
  rule: RegionalRule;
  /** The institutions judged in the competition: the automatic conflicts are listed among these. */
  judged: Judged[];
  abilities: TeamMember['abilities'];
}

/** One reviewer as the team page and their own profile show them: stored and automatic conflicts, with reasons. */
export function presentMember(r: Row, ctx: PresentContext): TeamMember {
  const stored = ctx.conflicts.filter((c) => c.user_id === r.user_id);
  const facts: ReviewerConflictFacts = {
    affiliationInstitutionId: r.affiliation_institution_id,
    regionCode: r.region_code,
    // The stored rows are listed as they are; only the reasons that follow from the profile are computed.
    conflicts: [],
  };
  const affiliation: InstitutionFacts | null =
    r.affiliation_institution_id !== null
      ? { id: r.affiliation_institution_id, regionCode: r.region_code, parentId: r.affiliation_parent_id }
      : null;
  const conflicts: ReviewerConflict[] = stored.map((c) => ({
    id: c.id,
    institution: { id: c.institution_id, name: c.institution_name },
    source: c.source,
    note: c.note,
    reason: reasonText({ kind: c.source, note: c.note }),
  }));
  if (r.affiliation_institution_id !== null && r.affiliation_institution_name)
    conflicts.push({
      id: null,
      institution: { id: r.affiliation_institution_id, name: r.affiliation_institution_name },
      source: 'automatic',
      note: null,
      reason: reasonText({ kind: 'own_institution' }),
    });
  for (const i of ctx.judged) {
    if (i.id === r.affiliation_institution_id) continue;
    const reasons = conflictReasons(
      facts,
      { id: i.id, regionCode: i.region_code, parentId: i.parent_id },
      ctx.rule,
      affiliation,
    );
    if (reasons.length === 0) continue;
    const texts = reasons.map(reasonText);
    conflicts.push({
      id: null,
      institution: { id: i.id, name: i.name },
      source: 'automatic',
      note: null,
      reason: { id: texts.map((x) => x.id).join('; '), en: texts.map((x) => x.en).join('; ') },
    });
  }
  const names = new Map(ctx.categories.map((c) => [c.key, { id: c.name_id, en: c.name_en }]));
  return {
    userId: r.user_id,
    name: r.name,
    email: r.email,
    team: r.team as ReviewTeam,
    status: memberStatus(r),
    affiliation: {
      institution:
        r.affiliation_institution_id !== null
          ? { id: r.affiliation_institution_id, name: r.affiliation_institution_name ?? '' }
          : null,
      name: r.affiliation_name,
    },
    regionCode: r.region_code,
    unsur: r.unsur ?? null,
    expertise: parseExpertise(r.expertise).map((key) => ({
      key,
      name: names.get(key) ?? { id: key, en: key },
    })),
    capacity: r.capacity,
    conflicts,
    activeAssignments: ctx.assignments.get(r.user_id) ?? 0,
    invitedAt: r.created_at,
    completedAt: r.completed_at,
    abilities: ctx.abilities,
  };
}
