import { sql } from 'kysely';
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import { dialectOf, type Db } from '../../db/connect.js';
import { prepared } from '../../db/prepared.js';
import { registryFor } from '../awards/registry-cache.js';
import { competitionSetup } from '../competitions/setup-cache.js';
import type {
  AwardLevel,
  AttachmentKind,
  InstitutionType,
  CategoryRow,
  CompetitionGroupRow,
  CompetitionRow,
  FormSectionRow,
  ProposalRow,
  ProposalStateValue,
} from '../../db/schema.js';
import {
  CATEGORY_NONE,
  NATIONAL_INSTITUTION_TYPES,
  PROVINCE_NATIONAL,
  PROVINCE_UNKNOWN,
} from '../../domain/dashboard.js';
import { normalizeTitle, type RegistryEntry } from '../../domain/eligibility.js';
import {
  readsInvitations,
  TITLE_CLAIMING_STATES,
  titleClaimsAhead,
  type SourceAward,
} from '../../domain/proposal-eligibility.js';
import { QUOTA_STATES } from '../../domain/proposal-workflow.js';
import { containsPattern, ilike } from '../mail/queries.js';

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
}

export interface AttachmentView {
  id: number;
  kind: AttachmentKind;
  sectionId: number | null;
  sectionKey: string | null;
  fileId: number;
  name: string;
  size: number;
  mime: string;
  sha256: string;
  storageKey: string;
  uploadedBy: number;
  /** When the current file was uploaded (its `files` row). */
  uploadedAt: string;
  createdAt: string;
  updatedAt: string;
}

/** The evidence rows of proposals, with the stored file's facts (filtered by the caller). */
const attachmentRows = (db: Db) =>
  db
    .selectFrom('proposal_attachments as a')
    .innerJoin('files as f', 'f.id', 'a.file_id')
    .leftJoin('form_sections as s', 's.id', 'a.section_id')
    .select([
      'a.id',
      'a.kind',
      'a.section_id',
      's.key as section_key',
      'a.file_id',
      'f.original_name',
      'f.size',
      'f.mime',
      'f.sha256',
      'f.storage_key',
      'a.uploaded_by',
      'f.created_at as uploaded_at',
      'a.created_at',
      'a.updated_at',
    ]);
type AttachmentRow = Awaited<ReturnType<ReturnType<typeof attachmentRows>['execute']>>[number];

const toAttachmentView = (r: AttachmentRow): AttachmentView => ({
  id: r.id,
  kind: r.kind,
  sectionId: r.section_id,
  sectionKey: r.section_key,
  fileId: r.file_id,
  name: r.original_name,
  size: Number(r.size),
  mime: r.mime,
  sha256: r.sha256,
  storageKey: r.storage_key,
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const attachmentsOf = prepared((db, a: { proposalId: number }) =>
  attachmentRows(db).where('a.proposal_id', '=', a.proposalId).orderBy('a.id'),
);

/** The attachments of one proposal, oldest first. */
export async function listAttachments(db: Db, proposalId: number): Promise<AttachmentView[]> {
  return (await attachmentsOf.all(db, { proposalId })).map(toAttachmentView);
}

export async function findProposal(db: Db, id: number): Promise<ProposalRow | undefined> {
  return db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCompetitionRow(db: Db, id: number): Promise<CompetitionRow | undefined> {
  return db.selectFrom('competitions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSubmissionStage(db: Db, competitionId: number) {
  return db
    .selectFrom('stages')
    .select(['opens_at', 'closes_at'])
    .where('competition_id', '=', competitionId)
    .where('kind', '=', 'submission')
    .executeTakeFirst();
}

export async function findGroupByKey(db: Db, competitionId: number, key: string) {
  return db
    .selectFrom('competition_groups')
    .selectAll()
    .where('competition_id', '=', competitionId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function findUnitRow(db: Db, id: number) {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The stored form of a title for the duplicate-title lookup (proposals.title_key). */
export const titleKeyOf = (title: string) => normalizeTitle(title).slice(0, 255);

/**
 * The proposal row with what is read with it on every request: the competition's setup revision, the
 * registry revision, its institution's and unit's names, its answers and its evidence (each as a JSON
 * array, ordered again after parsing). One prepared statement.
 */
const proposalWithNames = prepared((db, a: { id: number }) =>
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
    ])
    .where('p.id', '=', a.id),
);

/** Kysely's JSON array helper of the database's dialect (one subquery's rows as one JSON value). */
const jsonArrayOf = (db: Db) => (dialectOf(db) === 'postgres' ? pgJsonArrayFrom : sqliteJsonArrayFrom);
/** A JSON array column: text on SQLite, already parsed on PostgreSQL. */
const parsedArray = <T>(v: unknown): T[] =>
  typeof v === 'string' ? (JSON.parse(v) as T[]) : ((v ?? []) as T[]);

/**
 * Loads one proposal with its competition, group form, categories, submission window, answers and
 * evidence: one prepared statement, the competition's setup from memory while its revision holds.
 */
export async function loadProposalView(db: Db, id: number): Promise<ProposalView | undefined> {
  const row = await proposalWithNames.first(db, { id });
  if (!row) return undefined;
  const {
    config_rev: rev,
    institution_name,
    institution_type,
    institution_province_code,
    unit_name,
    awards_rev,
    answers_json,
    attachments_json,
    ...proposal
  } = row;
  const setup = await competitionSetup(db, proposal.competition_id, rev);
  const group = setup?.groups.get(proposal.group_id);
  if (!setup || !group) throw new Error(`proposal ${id}: its competition or group is gone`);
  const formOrder = new Map(group.sections.map((s, i) => [s.id, i]));
  const answers = parsedArray<AnswerRow>(answers_json)
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
      name: institution_name,
      type: institution_type,
      provinceCode: institution_province_code,
    },
    unit: { id: proposal.unit_id, name: unit_name },
    answers,
    attachments: parsedArray<AttachmentRow>(attachments_json)
      .sort((x, y) => x.id - y.id)
      .map(toAttachmentView),
    awardsRev: Number(awards_rev ?? 0),
    configRev: setup.rev,
  };
}

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

const answersOf = prepared((db, a: { proposalId: number }) =>
  answerRows(db).where('a.proposal_id', '=', a.proposalId).orderBy('s.position').orderBy('s.id'),
);

/** The answers of one proposal in form order. */
export async function listAnswers(db: Db, proposalId: number): Promise<ProposalView['answers']> {
  return (await answersOf.all(db, { proposalId })).map(toAnswer);
}

/** Which proposals a caller sees (from policy.proposalScope) and the list's filters. */
export interface ProposalListFilter {
  any: boolean;
  institutionIds: number[];
  unitIds: number[];
  anyOrganizer: boolean;
  organizerIds: number[];
  organizerStates: readonly ProposalStateValue[];
  /** Only these states, whoever asks (the organizer's export lists what reached it). */
  onlyStates?: readonly ProposalStateValue[];
  competitionId?: number;
  state?: ProposalStateValue;
  groupKey?: string;
  categoryKey?: string;
  institutionType?: InstitutionType;
  /** A two-digit province code, PROVINCE_NATIONAL or PROVINCE_UNKNOWN (see domain/dashboard). */
  provinceCode?: string;
  q?: string;
  sort?: ProposalSort;
  dir?: 'asc' | 'desc';
}

export type ProposalSort = 'updatedAt' | 'code' | 'title' | 'institution' | 'state' | 'forwardedAt';

/**
 * The province an institution counts in, as SQL (the same rule as domain/dashboard provinceKeyOf): the
 * national types in "pusat", else the first two digits of its region code or its owner's. The constants
 * are inlined so that PostgreSQL sees one and the same expression in SELECT, WHERE and GROUP BY.
 */
export function provinceKeySql(institution: string, owner: string) {
  const region = sql<
    string | null
  >`coalesce(${sql.ref(`${institution}.region_code`)}, ${sql.ref(`${owner}.region_code`)})`;
  const national = sql.join(NATIONAL_INSTITUTION_TYPES.map((type) => sql.lit(type)));
  return sql<string>`(case when ${sql.ref(`${institution}.type`)} in (${national}) then ${sql.lit(PROVINCE_NATIONAL)} when ${region} is null then ${sql.lit(PROVINCE_UNKNOWN)} else substr(${region}, 1, 2) end)`;
}

function proposalListBase(db: Db, f: ProposalListFilter) {
  let q = db
    .selectFrom('proposals as p')
    .innerJoin('competitions as c', 'c.id', 'p.competition_id')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .leftJoin('categories as cat', 'cat.id', 'p.category_id')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .leftJoin('institutions as owner', 'owner.id', 'i.parent_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id');
  if (!f.any)
    q = q.where((eb) => {
      const ors = [];
      if (f.institutionIds.length) ors.push(eb('p.institution_id', 'in', f.institutionIds));
      if (f.unitIds.length) ors.push(eb('p.unit_id', 'in', f.unitIds));
      if (f.anyOrganizer) ors.push(eb('p.state', 'in', [...f.organizerStates]));
      else if (f.organizerIds.length)
        ors.push(
          eb.and([
            eb('c.organizer_institution_id', 'in', f.organizerIds),
            eb('p.state', 'in', [...f.organizerStates]),
          ]),
        );
      return ors.length ? eb.or(ors) : eb.val(false);
    });
  if (f.onlyStates) q = q.where('p.state', 'in', [...f.onlyStates]);
  if (f.competitionId !== undefined) q = q.where('p.competition_id', '=', f.competitionId);
  if (f.state !== undefined) q = q.where('p.state', '=', f.state);
  if (f.groupKey !== undefined) q = q.where('g.key', '=', f.groupKey);
  if (f.categoryKey !== undefined)
    q =
      f.categoryKey === CATEGORY_NONE
        ? q.where('p.category_id', 'is', null)
        : q.where('cat.key', '=', f.categoryKey);
  if (f.institutionType !== undefined) q = q.where('i.type', '=', f.institutionType);
  if (f.provinceCode !== undefined) q = q.where(provinceKeySql('i', 'owner'), '=', f.provinceCode);
  if (f.q) {
    const pattern = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([
        ilike('p.title', pattern),
        ilike('p.acronym', pattern),
        ilike('p.code', pattern),
        ilike('i.name', pattern),
        ilike('u.name', pattern),
      ]),
    );
  }
  return q;
}

function withListColumns(q: ReturnType<typeof proposalListBase>) {
  return q.selectAll('p').select((eb) => [
    'c.code as competition_code',
    'c.name as competition_name',
    'c.year as competition_year',
    'c.time_zone as competition_time_zone',
    'g.key as group_key',
    'g.name_id as group_name_id',
    'g.name_en as group_name_en',
    'cat.key as category_key',
    'cat.name_id as category_name_id',
    'cat.name_en as category_name_en',
    'i.name as institution_name',
    'i.type as institution_type',
    provinceKeySql('i', 'owner').as('province_code'),
    'u.name as unit_name',
    eb
      .selectFrom('proposal_attachments as a')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('a.proposal_id', '=', 'p.id')
      .as('attachment_count'),
  ]);
}

/** Orders a list; every order ends on the id so pages never overlap (NULLs sort as '' in both dialects). */
function ordered<Q extends ReturnType<typeof withListColumns> | ReturnType<typeof proposalListBase>>(
  q: Q,
  f: ProposalListFilter,
): Q {
  const dir =
    f.dir ?? (f.sort === undefined || f.sort === 'updatedAt' || f.sort === 'forwardedAt' ? 'desc' : 'asc');
  const by = {
    updatedAt: sql`p.updated_at`,
    code: sql`p.code`,
    title: sql`lower(p.title)`,
    institution: sql`lower(i.name)`,
    state: sql`p.state`,
    forwardedAt: sql`coalesce(p.forwarded_at, '')`,
  }[f.sort ?? 'updatedAt'];
  return (q as ReturnType<typeof proposalListBase>).orderBy(by, dir).orderBy('p.id', dir) as Q;
}

/** The proposals in the caller's scope (newest change first unless sorted), with the names a list shows. */
export async function listProposals(
  db: Db,
  f: ProposalListFilter,
  paging: { page: number; pageSize?: number } = { page: 1 },
): Promise<{ rows: ProposalListRow[]; total: number }> {
  let q = ordered(withListColumns(proposalListBase(db, f)), f);
  if (paging.pageSize !== undefined) q = q.limit(paging.pageSize).offset((paging.page - 1) * paging.pageSize);
  const [rows, total] = await Promise.all([
    q.execute(),
    proposalListBase(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(normalizeListRow), total: Number(total.n) };
}

/** Every match in list order, in batches (ids first, then rows), so an export stays in bounded memory. */
export async function* proposalBatches(
  db: Db,
  f: ProposalListFilter,
  batchSize = 500,
): AsyncGenerator<ProposalListRow[]> {
  const ids = (await ordered(proposalListBase(db, f).select('p.id'), f).execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += batchSize) {
    const chunk = ids.slice(i, i + batchSize);
    const rows = await withListColumns(proposalListBase(db, f)).where('p.id', 'in', chunk).execute();
    const byId = new Map(rows.map((r) => [r.id, normalizeListRow(r)]));
    // A proposal that left the filter between the two reads is skipped rather than shown stale.
    yield chunk.map((id) => byId.get(id)).filter((r): r is ProposalListRow => r !== undefined);
  }
}

type RawListRow = Awaited<ReturnType<ReturnType<typeof withListColumns>['execute']>>[number];
export type ProposalListRow = Omit<RawListRow, 'attachment_count'> & { attachment_count: number };

const normalizeListRow = (r: RawListRow): ProposalListRow => ({
  ...r,
  attachment_count: Number(r.attachment_count ?? 0),
});

/** Proposals holding a quota slot of one group for one institution (optionally not counting one). */
export async function countQuotaUsed(
  db: Db,
  input: { competitionId: number; institutionId: number; groupId: number; exceptId?: number },
): Promise<number> {
  let q = db
    .selectFrom('proposals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('competition_id', '=', input.competitionId)
    .where('institution_id', '=', input.institutionId)
    .where('group_id', '=', input.groupId)
    .where('state', 'in', [...QUOTA_STATES]);
  if (input.exceptId !== undefined) q = q.where('id', '!=', input.exceptId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Quota use per (competition, institution, group) for the given institutions. */
export async function quotaUsage(
  db: Db,
  input: { institutionIds: number[]; competitionIds: number[] },
): Promise<
  { competitionId: number; institutionId: number; groupKey: string; used: number; quota: number | null }[]
> {
  if (!input.institutionIds.length || !input.competitionIds.length) return [];
  const [groups, used] = await Promise.all([
    db
      .selectFrom('competition_groups')
      .select(['id', 'competition_id', 'key', 'quota_per_institution'])
      .where('competition_id', 'in', input.competitionIds)
      .orderBy('competition_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('proposals')
      .select(['institution_id', 'group_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('competition_id', 'in', input.competitionIds)
      .where('institution_id', 'in', input.institutionIds)
      .where('state', 'in', [...QUOTA_STATES])
      .groupBy(['institution_id', 'group_id'])
      .execute(),
  ]);
  const out = [];
  for (const institutionId of input.institutionIds)
    for (const g of groups)
      out.push({
        competitionId: g.competition_id,
        institutionId,
        groupKey: g.key,
        used: Number(used.find((u) => u.institution_id === institutionId && u.group_id === g.id)?.n ?? 0),
        quota: g.quota_per_institution,
      });
  return out;
}

/** Active accounts holding a role in an institution (or one unit of it), to notify. */
export async function recipientsWithRole(
  db: Db,
  input: { role: 'local_admin' | 'upp'; institutionId: number; unitId?: number },
) {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.email', 'u.name', 'u.locale'])
    .where('u.is_active', '=', 1)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grants as g')
          .select('g.id')
          .whereRef('g.user_id', '=', 'u.id')
          .where('g.role', '=', input.role)
          .where('g.institution_id', '=', input.institutionId)
          .$if(input.unitId !== undefined, (qb) => qb.where('g.unit_id', '=', input.unitId!)),
      ),
    )
    .orderBy('u.id')
    .execute();
}

export async function listRevisions(db: Db, proposalId: number) {
  return db
    .selectFrom('proposal_revisions as r')
    .innerJoin('users as u', 'u.id', 'r.saved_by')
    .select([
      'r.id',
      'r.version',
      'r.kind',
      'r.action',
      'r.saved_by',
      'u.name as saved_by_name',
      'r.created_at',
      'r.saved_at',
      // The open autosave revision (snapshot ''); length() reads only the record header.
      sql<number>`length(r.snapshot)`.as('snapshot_length'),
    ])
    .where('r.proposal_id', '=', proposalId)
    .orderBy('r.id', 'desc')
    .execute();
}

export async function findRevision(db: Db, proposalId: number, revisionId: number) {
  return db
    .selectFrom('proposal_revisions as r')
    .innerJoin('users as u', 'u.id', 'r.saved_by')
    .selectAll('r')
    .select('u.name as saved_by_name')
    .where('r.proposal_id', '=', proposalId)
    .where('r.id', '=', revisionId)
    .executeTakeFirst();
}

/** What the eligibility rules need beyond the proposal itself (domain/proposal-eligibility). */
export interface EligibilityContext {
  registry: RegistryEntry[];
  sourceAward: (SourceAward & { institutionDirectoryName: string | null }) | null;
  /** Titles of the other proposals of the competition whose claim on a title comes first. */
  otherTitles: string[];
  invitations: { id: number; award: RegistryEntry | null }[];
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
// Only proposals that may share the title (the same key, or a key not known), not the whole competition:
// two lookups in one statement, each served by the (competition_id, title_key) index.
const titleClaimsColumns = ['id', 'title', 'state', 'sent_at'] as const;
const titleClaims = prepared((db, a: { competitionId: number; titleKey: string; exceptId: number }) =>
  db
    .selectFrom('proposals')
    .select(titleClaimsColumns)
    .where('competition_id', '=', a.competitionId)
    .where('title_key', '=', a.titleKey)
    .where('id', '!=', a.exceptId)
    .where('state', 'in', [...TITLE_CLAIMING_STATES])
    .unionAll(
      db
        .selectFrom('proposals')
        .select(titleClaimsColumns)
        .where('competition_id', '=', a.competitionId)
        .where('title_key', 'is', null)
        .where('id', '!=', a.exceptId)
        .where('state', 'in', [...TITLE_CLAIMING_STATES]),
    ),
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

/**
 * Loads, for one proposal: the award rows that can concern it (its institution's, and those not linked to
 * any institution, which match by name; plus the source's institution's for a replikasi), the chosen
 * source award, the titles other proposals claim first (domain `titleClaimsAhead`), and the institution's
 * active invitations into the group with the award each names (only for the groups whose rules read
 * them). Prepared queries and the registry from memory: this runs on every autosave.
 */
export async function loadEligibilityContext(db: Db, view: ProposalView): Promise<EligibilityContext> {
  const p = view.proposal;
  const source = p.source_award_id
    ? await sourceAwardRow.first(db, { awardId: p.source_award_id })
    : undefined;
  const [registry, titles, invitations] = await Promise.all([
    registryFor(
      db,
      [p.institution_id, ...(source?.institution_id ? [source.institution_id] : [])],
      view.awardsRev,
    ),
    titleClaims.all(db, { competitionId: p.competition_id, titleKey: titleKeyOf(p.title), exceptId: p.id }),
    readsInvitations({ key: view.group.key, invitationOnly: view.group.invitation_only === 1 })
      ? activeInvitations.all(db, {
          competitionId: p.competition_id,
          groupId: p.group_id,
          institutionId: p.institution_id,
        })
      : [],
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
  };
}
