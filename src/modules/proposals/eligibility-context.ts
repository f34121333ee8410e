import type { Db } from '../../db/connect.js';
import { prepared } from '../../db/prepared.js';
import type { AwardLevel } from '../../db/schema.js';
import type { RegistryEntry } from '../../domain/eligibility.js';
import { readsInvitations, titleClaimsAhead, type SourceAward } from '../../domain/proposal-eligibility.js';
import { RECEIVED_STATES } from '../../domain/proposal-workflow.js';
import { registryFor } from '../awards/registry-cache.js';
import { confirmedSameAwards } from '../near-duplicates/queries.js';
import { claimsOnTitle } from './title-claims.js';
import type { ProposalView } from './view.js';

/** What the eligibility rules need beyond the proposal itself (domain/proposal-eligibility). */
export interface EligibilityContext {
  registry: RegistryEntry[];
  sourceAward: (SourceAward & { institutionDirectoryName: string | null }) | null;
  /** Titles of the other proposals of the competition whose claim on a title comes first. */
  otherTitles: string[];
  invitations: { id: number; award: RegistryEntry | null }[];
  /** The competition's organizer, read only for the groups whose rules name who invites (khusus). */
  organizer: { name: string; shortName: string | null } | null;
  /** Awards of past proposals the secretariat confirmed as this same innovation (near-duplicate matches). */
  sameInnovationAwards: RegistryEntry[];
}

const registryEntry = (a: {
  year: number;
  level: AwardLevel;
  innovation_title: string;
  institution_name: string;
  institution_id: number | null;
}): RegistryEntry => ({
  year: a.year,
  level: a.level,
  innovationTitle: a.innovation_title,
  institutionName: a.institution_name || null,
  institutionId: a.institution_id,
});

/** True when the institution holds an invitation (not revoked) into the group. */
export async function hasActiveInvitation(db: Db, groupId: number, institutionId: number): Promise<boolean> {
  return !!(await db
    .selectFrom('invitations')
    .select('id')
    .where('group_id', '=', groupId)
    .where('institution_id', '=', institutionId)
    .where('revoked_at', 'is', null)
    .limit(1)
    .executeTakeFirst());
}

/** The invitation-only groups the institutions are invited into (not revoked), by competition. */
export async function invitedGroups(
  db: Db,
  institutionIds: number[],
): Promise<{ competitionId: number; groupKey: string; institutionId: number }[]> {
  if (!institutionIds.length) return [];
  const rows = await db
    .selectFrom('invitations as v')
    .innerJoin('competition_groups as g', 'g.id', 'v.group_id')
    .select(['v.competition_id', 'g.key', 'v.institution_id'])
    .where('v.institution_id', 'in', institutionIds)
    .where('v.revoked_at', 'is', null)
    .distinct()
    .orderBy('v.competition_id')
    .orderBy('g.key')
    .execute();
  return rows.map((r) => ({
    competitionId: r.competition_id,
    groupKey: r.key,
    institutionId: r.institution_id,
  }));
}

/** One award of the registry as the rules read it, or undefined. */
export async function findAwardEntry(db: Db, id: number): Promise<RegistryEntry | undefined> {
  const a = await db
    .selectFrom('awards')
    .select(['year', 'level', 'innovation_title', 'institution_name', 'institution_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return a ? registryEntry(a) : undefined;
}

const sourceAwardRow = prepared((db, a: { awardId: number }) =>
  db
    .selectFrom('awards as a')
    .leftJoin('institutions as i', 'i.id', 'a.institution_id')
    .selectAll('a')
    .select('i.name as directory_name')
    .where('a.id', '=', a.awardId),
);
const activeInvitations = prepared(
  (db, a: { competitionId: number; groupId: number; institutionId: number }) =>
    db
      .selectFrom('invitations as v')
      .leftJoin('awards as a', 'a.id', 'v.award_id')
      .select(['v.id', 'a.year', 'a.level', 'a.innovation_title', 'a.institution_name', 'a.institution_id'])
      .where('v.competition_id', '=', a.competitionId)
      .where('v.group_id', '=', a.groupId)
      .where('v.institution_id', '=', a.institutionId)
      .where('v.revoked_at', 'is', null)
      .orderBy('v.id'),
);

const organizerOf = prepared((db, a: { competitionId: number }) =>
  db
    .selectFrom('competitions as c')
    .innerJoin('institutions as i', 'i.id', 'c.organizer_institution_id')
    .select(['i.name', 'i.short_name'])
    .where('c.id', '=', a.competitionId),
);

/**
 * Loads, for one proposal: the award rows that can concern it (its institution's, and those not linked to
 * any institution, which match by name; plus the source's institution's for a replikasi), the chosen
 * source award, the titles other proposals claim first (domain `titleClaimsAhead`; read with the view while the title keeps its key), and the institution's
 * active invitations into the group with the award each names (only for the groups whose rules read
 * them, and then the organizer who invites). Prepared queries and the registry from memory: this runs on every autosave.
 */
export async function loadEligibilityContext(db: Db, view: ProposalView): Promise<EligibilityContext> {
  const p = view.proposal;
  const source = p.source_award_id
    ? await sourceAwardRow.first(db, { awardId: p.source_award_id })
    : undefined;
  const invites = readsInvitations({ key: view.group.key, invitationOnly: view.group.invitation_only === 1 });
  const [registry, titles, invitations, organizer, sameAwards] = await Promise.all([
    registryFor(
      db,
      [p.institution_id, ...(source?.institution_id ? [source.institution_id] : [])],
      view.awardsRev,
    ),
    claimsOnTitle(db, p, view.titleClaims),
    invites
      ? activeInvitations.all(db, {
          competitionId: p.competition_id,
          groupId: p.group_id,
          institutionId: p.institution_id,
        })
      : [],
    invites ? organizerOf.first(db, { competitionId: p.competition_id }) : undefined,
    // Matches exist only for received proposals (the administrative check): an autosave asks nothing more.
    RECEIVED_STATES.includes(p.state) ? confirmedSameAwards(db, p.id) : [],
  ]);
  const others = [...titles].sort((x, y) => x.id - y.id);
  const mine = { id: p.id, state: p.state, sentAt: p.sent_at };
  return {
    registry,
    sourceAward: source
      ? {
          id: source.id,
          ...registryEntry(source),
          institutionDirectoryName: source.directory_name,
        }
      : null,
    otherTitles: others
      .filter((o) => titleClaimsAhead(mine, { id: o.id, state: o.state, sentAt: o.sent_at }))
      .map((o) => o.title),
    invitations: invitations.map((v) => ({
      id: v.id,
      award:
        v.year !== null && v.level !== null && v.innovation_title !== null
          ? registryEntry({
              year: v.year,
              level: v.level,
              innovation_title: v.innovation_title,
              institution_name: v.institution_name ?? '',
              institution_id: v.institution_id,
            })
          : null,
    })),
    organizer: organizer ? { name: organizer.name, shortName: organizer.short_name } : null,
    sameInnovationAwards: sameAwards.map(registryEntry),
  };
}
