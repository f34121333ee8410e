import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { prepared } from '../../db/prepared.js';
import type { AttachmentKind, CompetitionRow, InstitutionType, ProposalStateValue } from '../../db/schema.js';
import {
  CATEGORY_NONE,
  NATIONAL_INSTITUTION_TYPES,
  PROVINCE_NATIONAL,
  PROVINCE_UNKNOWN,
} from '../../domain/dashboard.js';
import { containsPattern, ilike } from '../mail/queries.js';

/*
 * What is still to find its own file (issue 10): the evidence rows of a proposal (evidence), the
 * competition and submission-stage loaders and the recipients-with-role query (one per house, in
 * competitions), and the proposals list with its filters (list.ts).
 */

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
export const attachmentRows = (db: Db) =>
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
export type AttachmentRow = Awaited<ReturnType<ReturnType<typeof attachmentRows>['execute']>>[number];

export const toAttachmentView = (r: AttachmentRow): AttachmentView => ({
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
