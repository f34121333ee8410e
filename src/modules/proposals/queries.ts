import type { Db } from '../../db/connect.js';
import type {
  AttachmentKind,
  CategoryRow,
  CompetitionGroupRow,
  CompetitionRow,
  FormSectionRow,
  ProposalRow,
  ProposalStateValue,
} from '../../db/schema.js';
import { QUOTA_STATES } from '../../domain/proposal-workflow.js';

/** A proposal with everything its editor and its rules need. */
export interface ProposalView {
  proposal: ProposalRow;
  competition: CompetitionRow;
  group: CompetitionGroupRow & { sections: FormSectionRow[] };
  categories: CategoryRow[];
  submission: { opensAt: string | null; closesAt: string | null } | null;
  institution: { id: number; name: string };
  unit: { id: number; name: string };
  answers: { sectionKey: string; sectionId: number; text: string; wordCount: number; updatedAt: string }[];
  /** The evidence, oldest first, with the stored file's facts. */
  attachments: AttachmentView[];
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

/** The attachments of one proposal, oldest first. */
export async function listAttachments(db: Db, proposalId: number): Promise<AttachmentView[]> {
  const rows = await db
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
    ])
    .where('a.proposal_id', '=', proposalId)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
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
  }));
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

/** Loads one proposal with its competition, group form, categories, submission window and answers. */
export async function loadProposalView(db: Db, id: number): Promise<ProposalView | undefined> {
  const proposal = await findProposal(db, id);
  if (!proposal) return undefined;
  const [competition, group, sections, categories, stage, institution, unit, answers, attachments] =
    await Promise.all([
      db
        .selectFrom('competitions')
        .selectAll()
        .where('id', '=', proposal.competition_id)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('competition_groups')
        .selectAll()
        .where('id', '=', proposal.group_id)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('form_sections')
        .selectAll()
        .where('group_id', '=', proposal.group_id)
        .orderBy('position')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('categories')
        .selectAll()
        .where('competition_id', '=', proposal.competition_id)
        .orderBy('position')
        .orderBy('id')
        .execute(),
      findSubmissionStage(db, proposal.competition_id),
      db
        .selectFrom('institutions')
        .select(['id', 'name'])
        .where('id', '=', proposal.institution_id)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('units')
        .select(['id', 'name'])
        .where('id', '=', proposal.unit_id)
        .executeTakeFirstOrThrow(),
      listAnswers(db, id),
      listAttachments(db, id),
    ]);
  return {
    proposal,
    competition,
    group: { ...group, sections },
    categories,
    submission: stage ? { opensAt: stage.opens_at, closesAt: stage.closes_at } : null,
    institution,
    unit,
    answers,
    attachments,
  };
}

/** The answers of one proposal in form order. */
export async function listAnswers(db: Db, proposalId: number): Promise<ProposalView['answers']> {
  const rows = await db
    .selectFrom('proposal_answers as a')
    .innerJoin('form_sections as s', 's.id', 'a.section_id')
    .select(['s.key', 'a.section_id', 'a.text', 'a.word_count', 'a.updated_at'])
    .where('a.proposal_id', '=', proposalId)
    .orderBy('s.position')
    .orderBy('s.id')
    .execute();
  return rows.map((a) => ({
    sectionKey: a.key,
    sectionId: a.section_id,
    text: a.text,
    wordCount: a.word_count,
    updatedAt: a.updated_at,
  }));
}

/** Which proposals a caller sees (from policy.proposalScope) and the list's filters. */
export interface ProposalListFilter {
  any: boolean;
  institutionIds: number[];
  unitIds: number[];
  anyOrganizer: boolean;
  organizerIds: number[];
  organizerStates: readonly ProposalStateValue[];
  competitionId?: number;
  state?: ProposalStateValue;
  groupKey?: string;
}

/** The proposals in the caller's scope, newest change first, with the names a list shows. */
export async function listProposals(db: Db, f: ProposalListFilter) {
  let q = db
    .selectFrom('proposals as p')
    .innerJoin('competitions as c', 'c.id', 'p.competition_id')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select([
      'c.code as competition_code',
      'c.name as competition_name',
      'c.year as competition_year',
      'g.key as group_key',
      'g.name_id as group_name_id',
      'g.name_en as group_name_en',
      'i.name as institution_name',
      'u.name as unit_name',
    ]);
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
  if (f.competitionId !== undefined) q = q.where('p.competition_id', '=', f.competitionId);
  if (f.state !== undefined) q = q.where('p.state', '=', f.state);
  if (f.groupKey !== undefined) q = q.where('g.key', '=', f.groupKey);
  return q.orderBy('p.updated_at', 'desc').orderBy('p.id', 'desc').execute();
}
export type ProposalListRow = Awaited<ReturnType<typeof listProposals>>[number];

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
