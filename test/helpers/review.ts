import { Readable } from 'node:stream';
import type { Db } from '../../src/db/connect.js';
import type { AssignmentOrigin, StageRow } from '../../src/db/schema.js';
import { addAttachment } from '../../src/modules/proposals/evidence/commands/add-attachment.js';
import { applyTransition } from '../../src/modules/proposals/transition.js';
import { loadForChange } from '../../src/modules/proposals/view.js';
import { samplePdf } from '../../src/seed/sample-pdf.js';
import type { TestContext } from './app.js';
import { expect } from 'vitest';
import { makeInstitution, makeUnit, makeUser, sessionCookie } from './fixtures.js';

/*
 * The review engine's test setup (issue 12): proposals that passed the administrative check, and
 * review_assignments rows written directly (until the assignment solver fills them, the tests of scoring
 * and the demo create them here). Behaviour under test goes through the API.
 */

let counter = 0;

/** A stage of a competition by kind. */
export function stageOf(db: Db, competitionId: number, kind: string): Promise<StageRow> {
  return db
    .selectFrom('stages')
    .selectAll()
    .where('competition_id', '=', competitionId)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
}

/**
 * A proposal of the competition's `groupKey` group in state passed_admin: written as a draft of a new
 * institution (one evidence PDF uploaded through the evidence command while the submission window is
 * open at `now`), received as the closing would leave it, then passed through the transition function.
 */
export async function passedProposal(
  ctx: Pick<TestContext, 'db' | 'app'>,
  input: { competitionId: number; now: Date; title?: string; groupKey?: string; withFile?: boolean },
): Promise<{ id: number; code: string; institutionId: number }> {
  const { db } = ctx;
  const n = ++counter;
  const institution = await makeInstitution(db, { type: 'pemerintah_kota' });
  const unit = await makeUnit(db, institution.id);
  const upp = await makeUser(db, { role: 'upp', institutionId: institution.id, unitId: unit.id });
  const group = await db
    .selectFrom('competition_groups')
    .select('id')
    .where('competition_id', '=', input.competitionId)
    .where('key', '=', input.groupKey ?? 'umum')
    .executeTakeFirstOrThrow();
  const stamp = input.now.toISOString();
  const code = `NILAI-${process.pid}-${n}`;
  const p = await db
    .insertInto('proposals')
    .values({
      competition_id: input.competitionId,
      code,
      institution_id: institution.id,
      unit_id: unit.id,
      group_id: group.id,
      category_id: null,
      title: input.title ?? `Inovasi Penilaian ${n}`,
      title_key: null,
      acronym: null,
      implementation_start: null,
      innovator_kind: null,
      innovator_names: null,
      contact_name: 'Kontak Inovasi',
      contact_phone: '081234567890',
      contact_email: `kontak-${n}@uji.go.id`,
      links: '[]',
      declaration_accepted: 1,
      state: 'draft',
      version: 1,
      created_by: upp.id,
      created_at: stamp,
      updated_at: stamp,
      sent_at: null,
      forwarded_at: null,
      received_at: null,
      returned_note: null,
      source_award_id: null,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  if (input.withFile ?? true) {
    const storage = ctx.app.deps.storage;
    const staged = await storage.stage(Readable.from(samplePdf(`Bukti ${code}`)), {
      maxBytes: 10 * 1024 * 1024,
      allowedMimes: ['application/pdf'],
    });
    await addAttachment(db, storage, {
      proposalId: p.id,
      staged,
      name: `bukti-${n}.pdf`,
      kind: 'evidence',
      sectionKey: null,
      actorUserId: upp.id,
      ip: null,
      now: input.now,
    });
  }
  await db
    .updateTable('proposals')
    .set({ state: 'received', sent_at: stamp, forwarded_at: stamp, received_at: stamp })
    .where('id', '=', p.id)
    .execute();
  const secretariat = await db
    .selectFrom('competitions')
    .select('created_by')
    .where('id', '=', input.competitionId)
    .executeTakeFirstOrThrow();
  await db.transaction().execute(async (tx) =>
    applyTransition(tx, {
      view: await loadForChange(tx, p.id),
      action: 'passAdmin',
      to: 'passed_admin',
      actorUserId: secretariat.created_by!,
      ip: null,
      now: input.now,
    }),
  );
  return { id: p.id, code, institutionId: institution.id };
}

/** Writes one review_assignments row (active unless said otherwise); returns its id. */
export async function assignReviewer(
  db: Db,
  input: {
    stageId: number;
    proposalId: number;
    reviewerId: number;
    origin?: AssignmentOrigin;
    status?: 'active' | 'withdrawn';
    now?: Date;
  },
): Promise<number> {
  const stamp = (input.now ?? new Date()).toISOString();
  const row = await db
    .insertInto('review_assignments')
    .values({
      stage_id: input.stageId,
      proposal_id: input.proposalId,
      reviewer_id: input.reviewerId,
      origin: input.origin ?? 'manual',
      status: input.status ?? 'active',
      withdrawn_reason: input.status === 'withdrawn' ? 'Konflik kepentingan ditemukan' : null,
      withdrawn_at: input.status === 'withdrawn' ? stamp : null,
      withdrawn_by: null,
      created_by: null,
      created_at: stamp,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Withdraws an assignment (as a conflict found after the assignment would). */
export async function withdrawAssignment(db: Db, id: number): Promise<void> {
  await db
    .updateTable('review_assignments')
    .set({
      status: 'withdrawn',
      withdrawn_reason: 'Konflik kepentingan ditemukan',
      withdrawn_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

/** One open assignment as `scoreOpenByApi` hands it to `value`: whose, which proposal, its nth reviewer (0-based). */
export interface OpenAssignment {
  id: number;
  reviewerId: number;
  proposalId: number;
  nth: number;
}

/**
 * Every active assignment of the stage not yet submitted, scored (every criterion `value(a)`) and submitted
 * through the API as its reviewer — the endpoints the scoring page calls. For the browser flows, where one
 * proposal is followed in the page and the others only need their scores.
 */
export async function scoreOpenByApi(
  ctx: TestContext,
  stageId: number,
  value: (a: OpenAssignment) => number,
): Promise<number> {
  const open = await ctx.db
    .selectFrom('review_assignments as a')
    .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
    .leftJoin('evaluations as e', 'e.assignment_id', 'a.id')
    .select(['a.id', 'a.reviewer_id', 'a.proposal_id', 'p.group_id'])
    .where('a.stage_id', '=', stageId)
    .where('a.status', '=', 'active')
    .where((eb) => eb.or([eb('e.status', 'is', null), eb('e.status', '!=', 'submitted')]))
    .orderBy('a.id')
    .execute();
  const cookies = new Map<number, string>();
  const seen = new Map<number, number>();
  for (const a of open) {
    if (!cookies.has(a.reviewer_id)) cookies.set(a.reviewer_id, await sessionCookie(ctx, a.reviewer_id));
    const headers = { cookie: cookies.get(a.reviewer_id)! };
    const criteria = await ctx.db
      .selectFrom('rubric_criteria')
      .select('id')
      .where('stage_id', '=', stageId)
      .where('group_id', '=', a.group_id)
      .execute();
    const nth = seen.get(a.proposal_id) ?? 0;
    seen.set(a.proposal_id, nth + 1);
    const v = value({ id: a.id, reviewerId: a.reviewer_id, proposalId: a.proposal_id, nth });
    const saved = await ctx.app.inject({
      method: 'PUT',
      url: `/api/review/assignments/${a.id}/evaluation`,
      headers,
      payload: { version: 0, scores: criteria.map((c) => ({ criterionId: c.id, value: v })) },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await ctx.app.inject({
      method: 'POST',
      url: `/api/review/assignments/${a.id}/submit`,
      headers,
      payload: { version: saved.json().version },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
  }
  return open.length;
}
