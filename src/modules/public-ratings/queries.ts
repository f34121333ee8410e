import type { Db } from '../../db/connect.js';
import type { RatingWindow } from '../../domain/public-ratings.js';
import type { RatingFact } from '../../domain/public-ratings-anomalies.js';
import { SUMMARY_MAX } from '../../contracts/public-ratings.js';

export interface RatingCompetition {
  id: number;
  name: string;
  year: number;
  timeZone: string;
  organizerInstitutionId: number;
  status: string;
  window: RatingWindow | null;
}

/** The competition and its public-rating window (null: never set). */
export async function findRatingCompetition(
  db: Db,
  competitionId: number,
): Promise<RatingCompetition | null> {
  const c = await db
    .selectFrom('competitions as c')
    .leftJoin('public_rating_windows as w', 'w.competition_id', 'c.id')
    .select([
      'c.id',
      'c.name',
      'c.year',
      'c.time_zone',
      'c.organizer_institution_id',
      'c.status',
      'w.enabled',
      'w.opens_at',
      'w.closes_at',
      'w.updated_at',
    ])
    .where('c.id', '=', competitionId)
    .executeTakeFirst();
  if (!c) return null;
  return {
    id: c.id,
    name: c.name,
    year: c.year,
    timeZone: c.time_zone,
    organizerInstitutionId: c.organizer_institution_id,
    status: c.status,
    window: c.updated_at ? { enabled: c.enabled === 1, opensAt: c.opens_at, closesAt: c.closes_at } : null,
  };
}

/** A rating session of the competition still alive at `now`, by its token's hash. */
export async function findRatingSession(db: Db, competitionId: number, hash: string, now: Date) {
  return db
    .selectFrom('public_rating_sessions')
    .select(['id', 'voter_hash', 'expires_at'])
    .where('token_hash', '=', hash)
    .where('competition_id', '=', competitionId)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
}

/** Cut on a word boundary, with an ellipsis. */
export function shorten(text: string, max = SUMMARY_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `${(at > max * 0.6 ? cut.slice(0, at) : cut).trimEnd()}…`;
}

/**
 * The finalists (proposals in state `finalist`) with what is public of them: title, institution, category,
 * group and the "Ringkasan" answer (the summary the form asks for, meant to be read by others). Nothing
 * else of the proposal: no contact, innovator names, other answers or files.
 */
export async function listPublicFinalists(db: Db, competitionId: number) {
  const rows = await db
    .selectFrom('proposals as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .leftJoin('categories as k', 'k.id', 'p.category_id')
    .leftJoin('form_sections as s', (j) =>
      j.onRef('s.group_id', '=', 'p.group_id').on('s.key', '=', 'ringkasan'),
    )
    .leftJoin('proposal_answers as a', (j) =>
      j.onRef('a.proposal_id', '=', 'p.id').onRef('a.section_id', '=', 's.id'),
    )
    .select([
      'p.id',
      'p.code',
      'p.title',
      'i.name as institution',
      'k.name_id as category',
      'k.name_en as categoryEn',
      'g.name_id as group',
      'g.name_en as groupEn',
      'a.text as summary',
    ])
    .where('p.competition_id', '=', competitionId)
    .where('p.state', '=', 'finalist')
    .orderBy('g.position')
    .orderBy('p.code')
    .execute();
  return rows.map((r) => ({
    proposalId: r.id,
    code: r.code,
    title: r.title,
    institution: r.institution,
    category: r.category,
    categoryEn: r.categoryEn,
    group: r.group,
    groupEn: r.groupEn,
    summary: shorten(r.summary ?? ''),
  }));
}

/** The voter's own ratings in the competition, by finalist. */
export async function ratingsOfVoter(db: Db, competitionId: number, voter: string) {
  const rows = await db
    .selectFrom('public_ratings')
    .select(['proposal_id', 'value'])
    .where('competition_id', '=', competitionId)
    .where('voter_hash', '=', voter)
    .execute();
  return new Map(rows.map((r) => [r.proposal_id, r.value]));
}

/** Every rating of the competition as the anomaly report reads it. */
export async function ratingFacts(db: Db, competitionId: number): Promise<RatingFact[]> {
  const rows = await db
    .selectFrom('public_ratings')
    .select(['id', 'proposal_id', 'voter_hash', 'ip', 'value', 'updated_at', 'exclusion_id'])
    .where('competition_id', '=', competitionId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    proposalId: r.proposal_id,
    voter: r.voter_hash,
    ip: r.ip,
    value: r.value,
    at: r.updated_at,
    excluded: r.exclusion_id !== null,
  }));
}
