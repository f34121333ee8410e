import type { Db } from '../../src/db/connect.js';
import type { ObjectionStatusValue } from '../../src/db/schema.js';
import { applyTransition } from '../../src/modules/proposals/transition.js';
import { loadForChange } from '../../src/modules/proposals/view.js';

/*
 * The finalists as the next parts of issue 12 will leave them, made directly so the uji publik can be
 * tested before the finalists' solver and the announcements engine exist: proposals that passed the
 * administrative check and were shortlisted through the one transition function, the provisional
 * announcement row, and the public_objection stage's window.
 */

let seq = 0;

/**
 * A proposal of the competition in state passed_admin (received and passed, as the administrative
 * results leave it), then shortlisted (`shortlist` through applyTransition: revision and audit row).
 */
export async function makeFinalist(
  db: Db,
  input: {
    competitionId: number;
    institutionId: number;
    unitId: number;
    createdBy: number;
    /** Who shortlists it (the organizer's secretariat). */
    actorUserId: number;
    now: Date;
    title?: string;
    groupKey?: string;
  },
): Promise<{ id: number; code: string; title: string }> {
  const group = await db
    .selectFrom('competition_groups')
    .select('id')
    .where('competition_id', '=', input.competitionId)
    .where('key', '=', input.groupKey ?? 'umum')
    .executeTakeFirstOrThrow();
  const c = await db
    .selectFrom('competitions')
    .select('year')
    .where('id', '=', input.competitionId)
    .executeTakeFirstOrThrow();
  const at = input.now.toISOString();
  const n = ++seq;
  const code = `KIPP-${c.year}-F${String(n).padStart(4, '0')}-${input.competitionId}`;
  const title = input.title ?? `Inovasi Finalis Nomor ${n}`;
  const row = await db
    .insertInto('proposals')
    .values({
      competition_id: input.competitionId,
      code,
      institution_id: input.institutionId,
      unit_id: input.unitId,
      group_id: group.id,
      category_id: null,
      title,
      title_key: null,
      acronym: `FIN${n}`,
      implementation_start: '2022-01-10',
      innovator_kind: 'team',
      innovator_names: 'Tim Inovasi',
      contact_name: 'Sari',
      contact_phone: '+6281234567890',
      contact_email: 'sari@uji.go.id',
      links: '[]',
      declaration_accepted: 1,
      state: 'passed_admin',
      version: 1,
      created_by: input.createdBy,
      created_at: at,
      updated_at: at,
      sent_at: at,
      forwarded_at: at,
      received_at: at,
      returned_note: null,
      source_award_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.transaction().execute(async (tx) => {
    await applyTransition(tx, {
      view: await loadForChange(tx, row.id),
      action: 'shortlist',
      to: 'finalist',
      actorUserId: input.actorUserId,
      ip: null,
      now: input.now,
    });
  });
  return { id: row.id, code, title };
}

/**
 * The provisional finalists' announcement (kind `finalists_provisional`, on the competition's
 * `finalists` stage) as the announcements engine will publish it: its entries are the finalists now.
 */
export async function publishProvisionalFinalists(
  db: Db,
  input: { competitionId: number; publishedBy: number; now: Date; letterNumber?: string },
): Promise<number> {
  const stage = await db
    .selectFrom('stages')
    .select('id')
    .where('competition_id', '=', input.competitionId)
    .where('kind', '=', 'finalists')
    .executeTakeFirstOrThrow();
  const finalists = await db
    .selectFrom('proposals as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .select(['p.id', 'p.code', 'p.title', 'i.name'])
    .where('p.competition_id', '=', input.competitionId)
    .where('p.state', '=', 'finalist')
    .orderBy('p.code')
    .execute();
  const row = await db
    .insertInto('announcements')
    .values({
      competition_id: input.competitionId,
      stage_id: stage.id,
      kind: 'finalists_provisional',
      letter_number: input.letterNumber ?? 'B/200/PP.00.05/2026',
      title_id: 'Pengumuman Finalis Sementara',
      title_en: 'Provisional finalists',
      body_id: 'Daftar finalis sementara; masyarakat dapat mengajukan keberatan selama uji publik.',
      body_en: 'The provisional finalists; the public may object during the public review.',
      entries: JSON.stringify(
        finalists.map((f) => ({ proposalId: f.id, code: f.code, title: f.title, institution: f.name })),
      ),
      published_by: input.publishedBy,
      published_at: input.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sets the window of the competition's `public_objection` stage. */
export async function setObjectionWindow(
  db: Db,
  input: { competitionId: number; opensAt: Date | null; closesAt: Date | null },
): Promise<void> {
  await db
    .updateTable('stages')
    .set({ opens_at: input.opensAt?.toISOString() ?? null, closes_at: input.closesAt?.toISOString() ?? null })
    .where('competition_id', '=', input.competitionId)
    .where('kind', '=', 'public_objection')
    .execute();
}

/** An objection row made directly (for worlds that need one in a given status without the flow). */
export async function insertObjection(
  db: Db,
  input: {
    competitionId: number;
    proposalId: number;
    status: ObjectionStatusValue;
    now: Date;
    email?: string;
    evidenceFileId?: number | null;
  },
): Promise<number> {
  const stage = await db
    .selectFrom('stages')
    .select('id')
    .where('competition_id', '=', input.competitionId)
    .where('kind', '=', 'public_objection')
    .executeTakeFirstOrThrow();
  const at = input.now.toISOString();
  const row = await db
    .insertInto('objections')
    .values({
      competition_id: input.competitionId,
      stage_id: stage.id,
      proposal_id: input.proposalId,
      name: 'Warga Penguji',
      email: input.email ?? 'warga@contoh.id',
      phone: null,
      grounds: 'Inovasi ini sudah berjalan sejak lama dan bukan hasil instansi pengusul.',
      evidence_file_id: input.evidenceFileId ?? null,
      locale: 'id',
      status: input.status,
      ip: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The evidence stage (`evaluation_2`) decided as the stage results leave it: one stage_results row per
 * proposal with its counted score and outcome (advanced unless told), so the finalists can be computed.
 */
export async function decideEvidenceStage(
  db: Db,
  input: {
    competitionId: number;
    decidedBy: number;
    now: Date;
    results: { proposalId: number; score: number; outcome?: 'advanced' | 'stopped' }[];
  },
): Promise<number> {
  const stage = await db
    .selectFrom('stages')
    .select('id')
    .where('competition_id', '=', input.competitionId)
    .where('kind', '=', 'evaluation_2')
    .executeTakeFirstOrThrow();
  const rows = input.results.map((r) => ({
    stage_id: stage.id,
    proposal_id: r.proposalId,
    raw_score: r.score,
    normalized_score: null,
    score: r.score,
    basis: 'raw' as const,
    outcome: r.outcome ?? 'advanced',
    explanation_id: `Nilai ${r.score}`,
    explanation_en: `Score ${r.score}`,
    decided_by: input.decidedBy,
    decided_at: input.now.toISOString(),
  }));
  // In batches: thousands of rows exceed SQLite's bound parameters in one statement.
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('stage_results')
      .values(rows.slice(i, i + 500))
      .execute();
  return stage.id;
}
