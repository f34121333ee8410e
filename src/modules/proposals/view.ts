import { sql } from 'kysely';
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import { dialectOf, type Db } from '../../db/connect.js';
import { prepared } from '../../db/prepared.js';
import type {
  CategoryRow,
  CompetitionGroupRow,
  CompetitionRow,
  FormSectionRow,
  InstitutionType,
  ProposalRow,
} from '../../db/schema.js';
import { notFound, t } from '../../domain/errors.js';
import { competitionSetup } from '../competitions/setup-cache.js';
import {
  attachmentRows,
  toAttachmentView,
  type AttachmentRow,
  type AttachmentView,
} from './attachment-rows.js';
import { provinceKeySql } from './list.js';
import { titleClaimsOfViewRow, type TitleClaim, type TitleClaims } from './title-claims.js';

/*
 * One proposal as every request about it reads it: the view (its row, its competition's setup, form,
 * answers, evidence and newest revision), in one prepared statement.
 */

/** A proposal with everything its editor and its rules need. */
export interface ProposalView {
  proposal: ProposalRow;
  competition: CompetitionRow;
  group: CompetitionGroupRow & { sections: FormSectionRow[] };
  categories: CategoryRow[];
  submission: { opensAt: string | null; closesAt: string | null } | null;
  institution: { id: number; name: string; type: InstitutionType; provinceCode: string };
  unit: { id: number; name: string };
  answers: { sectionKey: string; sectionId: number; text: string; wordCount: number; updatedAt: string }[];
  /** The evidence, oldest first, with the stored file's facts. */
  attachments: AttachmentView[];
  /** data_revisions('awards') as read with the proposal: the registry in memory is used at this one. */
  awardsRev: number;
  /** competitions.config_rev of the setup in this view (competition, group, categories, window). */
  configRev: number;
  /** The newest revision as read with the proposal (revisions.ts coalesces autosaves on it); null: none. */
  newestRevision: NewestRevision | null;
  /**
   * The other proposals that may claim its title, read with it for its stored title key (title-claims.ts);
   * null when not read (the views loaded many at a time, or a proposal whose key is not stored).
   */
  titleClaims: TitleClaims | null;
}

/** The newest revision of a proposal, as the coalescing rule reads it (saved_by null: by the system). */
export interface NewestRevision {
  id: number;
  kind: 'autosave' | 'transition';
  saved_by: number | null;
  created_at: string;
}

export const proposalNotFound = () => notFound(t('Proposal tidak ditemukan.', 'Proposal not found.'));

/** Loads the proposal inside the transaction, or 404. */
export async function loadForChange(tx: Db, id: number): Promise<ProposalView> {
  const view = await loadProposalView(tx, id);
  if (!view) throw proposalNotFound();
  return view;
}

export async function findProposal(db: Db, id: number): Promise<ProposalRow | undefined> {
  return db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The proposal row with what is read with it on every request: the competition's setup revision, the
 * registry revision, its institution's and unit's names, its answers and its evidence (each as a JSON
 * array, ordered again after parsing), filtered by the caller.
 */
const proposalsWithNames = (db: Db) =>
  db
    .selectFrom('proposals as p')
    .innerJoin('competitions as c', 'c.id', 'p.competition_id')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .leftJoin('institutions as owner', 'owner.id', 'i.parent_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select([
      'c.config_rev',
      (eb) => eb.selectFrom('data_revisions').select('rev').where('name', '=', 'awards').as('awards_rev'),
      'i.name as institution_name',
      'i.type as institution_type',
      provinceKeySql('i', 'owner').as('institution_province_code'),
      'u.name as unit_name',
      jsonArrayOf(db)(attachmentRows(db).where('a.proposal_id', '=', sql.ref<number>('p.id'))).as(
        'attachments_json',
      ),
      jsonArrayOf(db)(answerRows(db).where('a.proposal_id', '=', sql.ref<number>('p.id'))).as('answers_json'),
      // A correlated scalar subquery, served by the proposal_revisions_latest index without reading the row
      // (migration 0009); as a derived table (Kysely's jsonObjectFrom) SQLite would not use the index.
      (eb) =>
        eb
          .selectFrom('proposal_revisions as r')
          .select(
            sql<string>`${sql.raw(dialectOf(db) === 'postgres' ? 'json_build_object' : 'json_object')}('id', r.id, 'kind', r.kind, 'saved_by', r.saved_by, 'created_at', r.created_at)`.as(
              'newest',
            ),
          )
          .where('r.proposal_id', '=', sql.ref<number>('p.id'))
          .orderBy('r.id', 'desc')
          .limit(1)
          .as('newest_revision_json'),
    ]);
type ViewRow = Awaited<ReturnType<ReturnType<typeof proposalsWithNames>['execute']>>[number];

/**
 * One proposal: a prepared statement (every request about a proposal runs it), with the claims on its title
 * (the eligibility checklist of every autosave, view and send reads them).
 */
const proposalWithNames = prepared((db, a: { id: number }) =>
  proposalsWithNames(db)
    .select(jsonArrayOf(db)(titleClaimsOfViewRow(db)).as('title_claims_json'))
    .where('p.id', '=', a.id),
);

/** Kysely's JSON array helper of the database's dialect (one subquery's rows as one JSON value). */
const jsonArrayOf = (db: Db) => (dialectOf(db) === 'postgres' ? pgJsonArrayFrom : sqliteJsonArrayFrom);
/** A JSON array column: text on SQLite, already parsed on PostgreSQL. */
const parsedArray = <T>(v: unknown): T[] =>
  typeof v === 'string' ? (JSON.parse(v) as T[]) : ((v ?? []) as T[]);
/** A JSON object column (or null): text on SQLite, already parsed on PostgreSQL. */
const parsedObject = <T>(v: unknown): T | null =>
  typeof v === 'string' ? (JSON.parse(v) as T) : ((v ?? null) as T | null);

/**
 * Loads one proposal with its competition, group form, categories, submission window, answers and
 * evidence: one prepared statement, the competition's setup from memory while its revision holds.
 */
export async function loadProposalView(db: Db, id: number): Promise<ProposalView | undefined> {
  const row = await proposalWithNames.first(db, { id });
  return row && toView(db, row);
}

/**
 * Loads many proposals as `loadProposalView` does, one statement per 500 (the closing moves thousands at
 * once). Those not found are left out; the order is the ids'.
 */
export async function loadProposalViews(db: Db, ids: readonly number[]): Promise<ProposalView[]> {
  const out: ProposalView[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await proposalsWithNames(db).where('p.id', 'in', chunk).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of chunk) {
      const row = byId.get(id);
      if (row) out.push(await toView(db, row));
    }
  }
  return out;
}

async function toView(db: Db, row: ViewRow & { title_claims_json?: unknown }): Promise<ProposalView> {
  const proposal = proposalOf(row);
  const rev = row.config_rev;
  const setup = await competitionSetup(db, proposal.competition_id, rev);
  const group = setup?.groups.get(proposal.group_id);
  if (!setup || !group) throw new Error(`proposal ${proposal.id}: its competition or group is gone`);
  const formOrder = new Map(group.sections.map((s, i) => [s.id, i]));
  const answers = parsedArray<AnswerRow>(row.answers_json)
    .sort((x, y) => (formOrder.get(x.section_id) ?? 0) - (formOrder.get(y.section_id) ?? 0))
    .map(toAnswer);
  return {
    proposal,
    competition: setup.competition,
    group,
    categories: setup.categories,
    submission: setup.submission,
    institution: {
      id: proposal.institution_id,
      name: row.institution_name,
      type: row.institution_type,
      provinceCode: row.institution_province_code,
    },
    unit: { id: proposal.unit_id, name: row.unit_name },
    answers,
    attachments: parsedArray<AttachmentRow>(row.attachments_json)
      .sort((x, y) => x.id - y.id)
      .map(toAttachmentView),
    awardsRev: Number(row.awards_rev ?? 0),
    configRev: setup.rev,
    newestRevision: parsedObject<NewestRevision>(row.newest_revision_json),
    titleClaims:
      row.title_claims_json !== undefined && proposal.title_key !== null
        ? { key: proposal.title_key, claims: parsedArray<TitleClaim>(row.title_claims_json) }
        : null,
  };
}

/**
 * The proposal's own columns of a view row, named one by one: taking them with a rest pattern
 * (`const { unit_name, ...proposal } = row`) costs V8 several microseconds per row, on every request about a
 * proposal. A column added to `proposals` must be added here (the type says so).
 */
const proposalOf = (r: ViewRow): ProposalRow => ({
  id: r.id,
  competition_id: r.competition_id,
  code: r.code,
  institution_id: r.institution_id,
  unit_id: r.unit_id,
  group_id: r.group_id,
  category_id: r.category_id,
  title: r.title,
  title_key: r.title_key,
  acronym: r.acronym,
  implementation_start: r.implementation_start,
  innovator_kind: r.innovator_kind,
  innovator_names: r.innovator_names,
  contact_name: r.contact_name,
  contact_phone: r.contact_phone,
  contact_email: r.contact_email,
  links: r.links,
  declaration_accepted: r.declaration_accepted,
  state: r.state,
  version: r.version,
  created_by: r.created_by,
  created_at: r.created_at,
  updated_at: r.updated_at,
  sent_at: r.sent_at,
  forwarded_at: r.forwarded_at,
  received_at: r.received_at,
  returned_note: r.returned_note,
  source_award_id: r.source_award_id,
  rejected_fields: r.rejected_fields,
});

/** The answers of proposals with their section's key (filtered by the caller). */
const answerRows = (db: Db) =>
  db
    .selectFrom('proposal_answers as a')
    .innerJoin('form_sections as s', 's.id', 'a.section_id')
    .select(['s.key', 'a.section_id', 'a.text', 'a.word_count', 'a.updated_at']);
type AnswerRow = Awaited<ReturnType<ReturnType<typeof answerRows>['execute']>>[number];

const toAnswer = (a: AnswerRow): ProposalView['answers'][number] => ({
  sectionKey: a.key,
  sectionId: a.section_id,
  text: a.text,
  wordCount: a.word_count,
  updatedAt: a.updated_at,
});
