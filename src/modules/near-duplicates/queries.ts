import type { Db } from '../../db/connect.js';
import type { NearDuplicateKind } from '../../db/schema.js';
import { RECEIVED_STATES } from '../../domain/proposal-workflow.js';
import type { ProposalText } from '../../domain/near-duplicates/prepare.js';

/* The SQL of near-duplicate detection (issue 14 point 5): fingerprints, texts, scopes and matches. */

/** Rows per IN (…) list: well under SQLite's and PostgreSQL's parameter limits. */
export const BATCH = 500;

export async function competitionOf(db: Db, id: number) {
  return db
    .selectFrom('competitions')
    .select(['id', 'year', 'organizer_institution_id', 'name', 'code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The competition's received proposals (what its administrative check holds), by id. */
export async function receivedIds(db: Db, competitionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('proposals')
    .select('id')
    .where('competition_id', '=', competitionId)
    .where('state', 'in', [...RECEIVED_STATES])
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The installation's past proposals: received in a competition of an earlier year (any organizer). */
export async function pastIds(db: Db, year: number): Promise<number[]> {
  const rows = await db
    .selectFrom('proposals as p')
    .innerJoin('competitions as c', 'c.id', 'p.competition_id')
    .select('p.id')
    .where('c.year', '<', year)
    .where('p.state', 'in', [...RECEIVED_STATES])
    .orderBy('p.id')
    .execute();
  return rows.map((r) => r.id);
}

/** The stored fingerprints of some proposals (those without a row are missing from the map). */
export async function storedFingerprints(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await db
      .selectFrom('proposal_fingerprints')
      .select(['proposal_id', 'fingerprint'])
      .where('proposal_id', 'in', ids.slice(i, i + BATCH))
      .execute();
    for (const r of rows) out.set(r.proposal_id, r.fingerprint);
  }
  return out;
}

/** Writes (or replaces) fingerprints, one statement per BATCH. */
export async function writeFingerprints(
  db: Db,
  rows: readonly { proposalId: number; fingerprint: string }[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto('proposal_fingerprints')
      .values(
        rows
          .slice(i, i + BATCH)
          .map((r) => ({ proposal_id: r.proposalId, fingerprint: r.fingerprint, made_at: at })),
      )
      .onConflict((oc) =>
        oc.column('proposal_id').doUpdateSet((eb) => ({
          fingerprint: eb.ref('excluded.fingerprint'),
          made_at: eb.ref('excluded.made_at'),
        })),
      )
      .execute();
}

/** The titles and answers of some proposals, in the form detection reads (answers in form order). */
export async function proposalTexts(db: Db, ids: readonly number[]): Promise<Map<number, ProposalText>> {
  const out = new Map<number, ProposalText>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    const titles = await db
      .selectFrom('proposals')
      .select(['id', 'title'])
      .where('id', 'in', chunk)
      .execute();
    for (const p of titles) out.set(p.id, { id: p.id, title: p.title, answers: [] });
    const answers = await db
      .selectFrom('proposal_answers as a')
      .innerJoin('form_sections as s', 's.id', 'a.section_id')
      .select(['a.proposal_id', 's.key', 'a.text'])
      .where('a.proposal_id', 'in', chunk)
      .orderBy('a.proposal_id')
      .orderBy('s.position')
      .execute();
    for (const a of answers)
      (out.get(a.proposal_id)?.answers as { key: string; text: string }[] | undefined)?.push({
        key: a.key,
        text: a.text,
      });
  }
  return out;
}

export interface MatchValues {
  proposalId: number;
  otherProposalId: number;
  kind: NearDuplicateKind;
  titleScore: number;
  answersScore: number;
  containment: number;
  passageWords: number;
  passages: string;
}

/** The competition's stored matches (id, pair, status). */
/** The competition's matches counted by decision. */
export async function matchCountsOf(db: Db, competitionId: number) {
  const rows = await db
    .selectFrom('near_duplicate_matches')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('competition_id', '=', competitionId)
    .groupBy('status')
    .execute();
  const counts = { open: 0, confirmed_same: 0, dismissed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

export async function matchesOfCompetition(db: Db, competitionId: number) {
  return db
    .selectFrom('near_duplicate_matches')
    .select(['id', 'proposal_id', 'other_proposal_id', 'status'])
    .where('competition_id', '=', competitionId)
    .execute();
}

export async function insertMatches(db: Db, competitionId: number, rows: readonly MatchValues[], now: Date) {
  const at = now.toISOString();
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('near_duplicate_matches')
      .values(
        rows.slice(i, i + 100).map((m) => ({
          competition_id: competitionId,
          proposal_id: m.proposalId,
          other_proposal_id: m.otherProposalId,
          kind: m.kind,
          title_score: m.titleScore,
          answers_score: m.answersScore,
          containment: m.containment,
          passage_words: m.passageWords,
          passages: m.passages,
          decided_by: null,
          decided_at: null,
          note: null,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
}

/** A re-run's new scores and passages for a stored pair; its decision stays. */
export async function updateMatch(db: Db, id: number, m: MatchValues, now: Date) {
  await db
    .updateTable('near_duplicate_matches')
    .set({
      kind: m.kind,
      title_score: m.titleScore,
      answers_score: m.answersScore,
      containment: m.containment,
      passage_words: m.passageWords,
      passages: m.passages,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteMatches(db: Db, ids: readonly number[]) {
  for (let i = 0; i < ids.length; i += BATCH)
    await db
      .deleteFrom('near_duplicate_matches')
      .where('id', 'in', ids.slice(i, i + BATCH))
      .execute();
}

/** The matches a proposal is part of (either side), with both sides' proposals. */
export async function matchesOfProposal(db: Db, proposalId: number) {
  return db
    .selectFrom('near_duplicate_matches as m')
    .selectAll('m')
    .where((w) => w.or([w('m.proposal_id', '=', proposalId), w('m.other_proposal_id', '=', proposalId)]))
    .orderBy('m.answers_score', 'desc')
    .orderBy('m.passage_words', 'desc')
    .orderBy('m.id')
    .execute();
}

export async function findMatch(db: Db, id: number) {
  return db.selectFrom('near_duplicate_matches').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What a match shows of a proposal: title, code, institution, competition (its organizer and year). */
export async function proposalCards(db: Db, ids: readonly number[]) {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('proposals as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .innerJoin('competitions as c', 'c.id', 'p.competition_id')
    .select([
      'p.id',
      'p.code',
      'p.title',
      'i.name as institution',
      'c.id as competition_id',
      'c.name as competition',
      'c.year',
      'c.organizer_institution_id',
    ])
    .where('p.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The award rows of past proposals confirmed as the same innovation as this one (eligibility). */
export async function confirmedSameAwards(db: Db, proposalId: number) {
  return db
    .selectFrom('near_duplicate_matches as m')
    .innerJoin('awards as a', 'a.proposal_id', 'm.other_proposal_id')
    .select(['a.year', 'a.level', 'a.innovation_title', 'a.institution_name', 'a.institution_id'])
    .where('m.proposal_id', '=', proposalId)
    .where('m.status', '=', 'confirmed_same')
    .orderBy('a.year')
    .execute();
}

/** The newest near-duplicate check job of a competition (its status for the page). */
export async function latestCheckJob(db: Db, competitionId: number, kind: string) {
  return db
    .selectFrom('jobs')
    .select(['id', 'status', 'created_at', 'finished_at', 'last_error'])
    .where('kind', '=', kind)
    .where('unique_key', 'like', `${kind}:${competitionId}:%`)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Users' names by id (who decided a match). */
export async function userNames(db: Db, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const list = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!list.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A proposal's state, competition and organizer (who may read its matches). */
export async function proposalScope(db: Db, id: number) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('competitions as c', 'c.id', 'p.competition_id')
    .select(['p.id', 'p.state', 'p.competition_id', 'c.organizer_institution_id'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}
