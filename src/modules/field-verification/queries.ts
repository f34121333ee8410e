import type { Db } from '../../db/connect.js';
import type {
  FieldFindingStatus,
  FieldVisitKind,
  FieldVisitStatus,
  FieldRecommendation,
} from '../../db/schema.js';
import { claimsOf, type Claim } from '../../domain/field-verification.js';
import { parseRegionalRule, type RegionalRule, type StoredConflict } from '../../domain/conflicts.js';

/*
 * What field verification reads: the competition with its field_verification stage, its finalists, who may
 * verify (the competition's panelists and the organizer's secretariat), the visits with their verifiers,
 * findings and photos, and the finalist's claims (its form sections, answers and evidence).
 */

export interface FieldCompetition {
  id: number;
  name: string;
  year: number;
  timeZone: string;
  organizerInstitutionId: number;
  status: string;
  stage: { id: number; opensAt: string | null; closesAt: string | null };
}

export async function findFieldCompetition(db: Db, competitionId: number): Promise<FieldCompetition | null> {
  const c = await db
    .selectFrom('competitions')
    .select(['id', 'name', 'year', 'time_zone', 'organizer_institution_id', 'status'])
    .where('id', '=', competitionId)
    .executeTakeFirst();
  if (!c) return null;
  const stage = await db
    .selectFrom('stages')
    .select(['id', 'opens_at', 'closes_at'])
    .where('competition_id', '=', competitionId)
    .where('kind', '=', 'field_verification')
    .orderBy('position')
    .executeTakeFirst();
  if (!stage) return null;
  return {
    id: c.id,
    name: c.name,
    year: c.year,
    timeZone: c.time_zone,
    organizerInstitutionId: c.organizer_institution_id,
    status: c.status,
    stage: { id: stage.id, opensAt: stage.opens_at, closesAt: stage.closes_at },
  };
}

/** The competition's finalists (state `finalist`), with the facts the conflict rules read. */
export async function finalistsOf(db: Db, competitionId: number, proposalId?: number) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .select([
      'p.id as proposalId',
      'p.code',
      'p.title',
      'p.institution_id as institutionId',
      'p.unit_id as unitId',
      'i.name as institution',
      'i.region_code as regionCode',
      'i.parent_id as parentId',
    ])
    .where('p.competition_id', '=', competitionId)
    .where('p.state', '=', 'finalist')
    .$if(proposalId !== undefined, (q) => q.where('p.id', '=', proposalId!))
    .orderBy('p.code')
    .execute();
}
export type FieldFinalist = Awaited<ReturnType<typeof finalistsOf>>[number];

export interface Candidate {
  id: number;
  name: string;
  team: 'panel' | 'secretariat';
}

/** Who may verify: active panelists of the competition, then active secretariat members of the organizer. */
export async function candidatesOf(db: Db, c: FieldCompetition): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('role_grants as g', 'g.user_id', 'u.id')
    .select(['u.id', 'u.name', 'g.role'])
    .where('u.is_active', '=', 1)
    .where((eb) =>
      eb.or([
        eb.and([eb('g.role', '=', 'panelist'), eb('g.competition_id', '=', c.id)]),
        eb.and([eb('g.role', '=', 'secretariat'), eb('g.institution_id', '=', c.organizerInstitutionId)]),
      ]),
    )
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  const seen = new Set<number>();
  const out: Candidate[] = [];
  // A panelist who also works in the secretariat is listed once, as a panelist (their conflicts count).
  for (const r of [...rows].sort(
    (a, b) => (a.role === 'panelist' ? -1 : 0) - (b.role === 'panelist' ? -1 : 0),
  ))
    if (!seen.has(r.id)) {
      seen.add(r.id);
      out.push({ id: r.id, name: r.name, team: r.role === 'panelist' ? 'panel' : 'secretariat' });
    }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

/** A panelist's conflict facts in the competition: profile affiliation and region, stored conflicts, rule. */
export async function panelistConflictFacts(db: Db, competitionId: number, userId: number) {
  const profile = await db
    .selectFrom('reviewer_profiles as rp')
    .leftJoin('institutions as ai', 'ai.id', 'rp.affiliation_institution_id')
    .select([
      'rp.affiliation_institution_id',
      'rp.region_code',
      'ai.parent_id',
      'ai.region_code as ai_region',
    ])
    .where('rp.competition_id', '=', competitionId)
    .where('rp.user_id', '=', userId)
    .where('rp.team', '=', 'panel')
    .executeTakeFirst();
  const stored = await db
    .selectFrom('reviewer_conflicts')
    .select(['institution_id', 'source', 'note'])
    .where('competition_id', '=', competitionId)
    .where('user_id', '=', userId)
    .execute();
  const settings = await db
    .selectFrom('review_team_settings')
    .select('regional_conflict')
    .where('competition_id', '=', competitionId)
    .executeTakeFirst();
  const rule: RegionalRule = parseRegionalRule(settings?.regional_conflict);
  const conflicts: StoredConflict[] = stored.map((s) => ({
    institutionId: s.institution_id,
    source: s.source,
    note: s.note,
  }));
  const affiliationId = profile?.affiliation_institution_id ?? null;
  return {
    facts: { affiliationInstitutionId: affiliationId, regionCode: profile?.region_code ?? null, conflicts },
    affiliation:
      affiliationId === null
        ? null
        : { id: affiliationId, regionCode: profile?.ai_region ?? null, parentId: profile?.parent_id ?? null },
    rule,
  };
}

export interface VisitRow {
  id: number;
  competitionId: number;
  organizerInstitutionId: number;
  stageId: number;
  proposalId: number;
  proposalCode: string;
  proposalTitle: string;
  institutionId: number;
  unitId: number;
  institution: string;
  kind: FieldVisitKind;
  address: string;
  regionCode: string | null;
  startsAt: string;
  timeZone: string;
  status: FieldVisitStatus;
  recommendation: FieldRecommendation | null;
  summary: string | null;
  submittedAt: string | null;
  cancelledReason: string | null;
  version: number;
  verifiers: { id: number; name: string }[];
  findings: { claimKey: string; status: FieldFindingStatus | null; note: string | null }[];
  photoCount: number;
}

/** Visits with their verifiers, findings and photo counts: of a competition, one visit, or one verifier's. */
export async function loadVisits(
  db: Db,
  by: { competitionId: number } | { visitId: number } | { verifierId: number },
): Promise<VisitRow[]> {
  const rows = await db
    .selectFrom('field_visits as v')
    .innerJoin('proposals as p', 'p.id', 'v.proposal_id')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .innerJoin('competitions as c', 'c.id', 'v.competition_id')
    .select([
      'v.id',
      'v.competition_id',
      'c.organizer_institution_id',
      'v.stage_id',
      'v.proposal_id',
      'p.code',
      'p.title',
      'p.institution_id',
      'p.unit_id',
      'i.name as institution',
      'v.kind',
      'v.address',
      'v.region_code',
      'v.starts_at',
      'v.time_zone',
      'v.status',
      'v.recommendation',
      'v.summary',
      'v.submitted_at',
      'v.cancelled_reason',
      'v.version',
    ])
    .$if('competitionId' in by, (q) =>
      q.where('v.competition_id', '=', (by as { competitionId: number }).competitionId),
    )
    .$if('visitId' in by, (q) => q.where('v.id', '=', (by as { visitId: number }).visitId))
    .$if('verifierId' in by, (q) =>
      q.where('v.id', 'in', (eb) =>
        eb
          .selectFrom('field_visit_verifiers')
          .select('visit_id')
          .where('user_id', '=', (by as { verifierId: number }).verifierId),
      ),
    )
    .orderBy('v.starts_at')
    .orderBy('v.id')
    .execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const verifiers = await db
    .selectFrom('field_visit_verifiers as fv')
    .innerJoin('users as u', 'u.id', 'fv.user_id')
    .select(['fv.visit_id', 'u.id', 'u.name'])
    .where('fv.visit_id', 'in', ids)
    .orderBy('u.name')
    .execute();
  const findings = await db
    .selectFrom('field_findings')
    .select(['visit_id', 'claim_key', 'status', 'note'])
    .where('visit_id', 'in', ids)
    .execute();
  const photos = await db
    .selectFrom('field_photos')
    .select(['visit_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('visit_id', 'in', ids)
    .groupBy('visit_id')
    .execute();
  const photoCount = new Map(photos.map((p) => [p.visit_id, Number(p.n)]));
  return rows.map((r) => ({
    id: r.id,
    competitionId: r.competition_id,
    organizerInstitutionId: r.organizer_institution_id,
    stageId: r.stage_id,
    proposalId: r.proposal_id,
    proposalCode: r.code,
    proposalTitle: r.title,
    institutionId: r.institution_id,
    unitId: r.unit_id,
    institution: r.institution,
    kind: r.kind,
    address: r.address,
    regionCode: r.region_code,
    startsAt: r.starts_at,
    timeZone: r.time_zone,
    status: r.status,
    recommendation: r.recommendation,
    summary: r.summary,
    submittedAt: r.submitted_at,
    cancelledReason: r.cancelled_reason,
    version: r.version,
    verifiers: verifiers.filter((v) => v.visit_id === r.id).map((v) => ({ id: v.id, name: v.name })),
    findings: findings
      .filter((f) => f.visit_id === r.id)
      .map((f) => ({ claimKey: f.claim_key, status: f.status, note: f.note })),
    photoCount: photoCount.get(r.id) ?? 0,
  }));
}

export async function findVisit(db: Db, visitId: number): Promise<VisitRow | null> {
  return (await loadVisits(db, { visitId }))[0] ?? null;
}

/** The finalist's claims (domain/field-verification.ts claimsOf) from its sections, answers and evidence. */
export async function claimsOfProposal(db: Db, proposalId: number): Promise<Claim[]> {
  const sections = await db
    .selectFrom('proposals as p')
    .innerJoin('form_sections as s', 's.group_id', 'p.group_id')
    .leftJoin('proposal_answers as a', (j) =>
      j.onRef('a.section_id', '=', 's.id').onRef('a.proposal_id', '=', 'p.id'),
    )
    .select(['s.key', 's.label_id', 's.label_en', 's.weight', 's.evidence_required', 'a.text'])
    .where('p.id', '=', proposalId)
    .orderBy('s.position')
    .execute();
  const evidence = await db
    .selectFrom('proposal_attachments as pa')
    .innerJoin('files as f', 'f.id', 'pa.file_id')
    .leftJoin('form_sections as s', 's.id', 'pa.section_id')
    .select(['pa.id', 'f.original_name', 's.label_id', 's.label_en'])
    .where('pa.proposal_id', '=', proposalId)
    .orderBy('pa.id')
    .execute();
  return claimsOf(
    sections.map((s) => ({
      key: s.key,
      labelId: s.label_id,
      labelEn: s.label_en,
      weight: s.weight,
      evidenceRequired: s.evidence_required === 1,
      answer: s.text ?? '',
    })),
    evidence.map((e) => ({
      attachmentId: e.id,
      name: e.original_name,
      sectionLabelId: e.label_id ?? null,
      sectionLabelEn: e.label_en ?? null,
    })),
  );
}

export async function photosOf(db: Db, visitId: number) {
  return db
    .selectFrom('field_photos as fp')
    .innerJoin('files as f', 'f.id', 'fp.file_id')
    .select([
      'fp.id',
      'fp.client_id',
      'fp.claim_key',
      'fp.caption',
      'fp.taken_at',
      'fp.latitude',
      'fp.longitude',
      'fp.accuracy',
      'fp.geo_status',
      'f.size',
    ])
    .where('fp.visit_id', '=', visitId)
    .orderBy('fp.taken_at')
    .orderBy('fp.id')
    .execute();
}
export type PhotoRow = Awaited<ReturnType<typeof photosOf>>[number];

export async function findPhotoFile(db: Db, photoId: number) {
  return db
    .selectFrom('field_photos as fp')
    .innerJoin('files as f', 'f.id', 'fp.file_id')
    .select(['fp.visit_id', 'f.storage_key', 'f.size', 'f.mime', 'f.original_name'])
    .where('fp.id', '=', photoId)
    .executeTakeFirst();
}

/** The proposal's institution and unit, for the participant's policy check. */
export async function findProposalScope(db: Db, proposalId: number) {
  return db
    .selectFrom('proposals')
    .select(['id', 'institution_id as institutionId', 'unit_id as unitId'])
    .where('id', '=', proposalId)
    .executeTakeFirst();
}

/** A proposal's OPEN visits with who visits, by time (a closed visit is never read here). */
export async function openVisitsOfProposal(db: Db, proposalId: number) {
  const rows = await db
    .selectFrom('field_visits')
    .select(['id', 'starts_at', 'time_zone', 'address', 'status'])
    .where('proposal_id', '=', proposalId)
    .where('kind', '=', 'open')
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  if (!rows.length) return [];
  const verifiers = await db
    .selectFrom('field_visit_verifiers as fv')
    .innerJoin('users as u', 'u.id', 'fv.user_id')
    .select(['fv.visit_id', 'u.name'])
    .where(
      'fv.visit_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.starts_at,
    timeZone: r.time_zone,
    address: r.address,
    status: r.status,
    verifiers: verifiers.filter((v) => v.visit_id === r.id).map((v) => v.name),
  }));
}
