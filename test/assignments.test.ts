import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import {
  countRows,
  lastAudit,
  makeInstitution,
  makeUser,
  publishedKipp,
  sessionCookie,
} from './helpers/fixtures.js';
import { insideStage, makeEvaluator, makeJudgedProposal, stageOf } from './helpers/judging.js';

/*
 * The assignment of reviewers in a scored stage (issue 12 point 3), through the API, on the real database
 * of the run (SQLite, or PostgreSQL with DATABASE_URL).
 */

type Item = {
  id: number;
  proposal: { id: number; code: string };
  reviewer: { id: number };
  origin: string;
  status: string;
};

describe('assignment of reviewers', () => {
  let ctx: TestContext;
  let secretariat: string;
  let competitionId: number;
  let stageId: number;
  let base: string;
  const inst: { id: number }[] = [];
  const proposals: { id: number; institution_id: number; code: string }[] = [];
  const evaluators: { id: number; email: string }[] = [];

  const list = async (status = 'active'): Promise<Item[]> => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `${base}/assignments?status=${status}`,
      headers: { cookie: secretariat },
    });
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };
  const run = () =>
    ctx.app.inject({ method: 'POST', url: `${base}/assignments/run`, headers: { cookie: secretariat } });

  beforeAll(async () => {
    ctx = await createTestApp();
    const kipp = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian PANRB Penugasan',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    competitionId = kipp.competitionId;
    const stage = await stageOf(ctx.db, competitionId, 'evaluation_1');
    stageId = stage.id;
    base = `/api/competitions/${competitionId}/stages/${stageId}`;
    ctx.clock.freeze(insideStage(stage));
    secretariat = await sessionCookie(ctx, kipp.secretariat.id);
    for (let i = 0; i < 3; i++)
      inst.push(await makeInstitution(ctx.db, { name: `Pemerintah Kota Uji Penugasan ${i}` }));
    for (let i = 0; i < 6; i++)
      proposals.push(
        await makeJudgedProposal(ctx.db, {
          competitionId,
          institutionId: inst[i % 3].id,
          categoryKey: i % 2 ? 'kesehatan' : 'pendidikan',
        }),
      );
    // Evaluator 0 works for institution 0: never on its proposals.
    evaluators.push(
      await makeEvaluator(ctx.db, {
        competitionId,
        affiliationInstitutionId: inst[0].id,
        expertise: ['kesehatan'],
      }),
    );
    evaluators.push(await makeEvaluator(ctx.db, { competitionId, expertise: ['pendidikan'] }));
    evaluators.push(await makeEvaluator(ctx.db, { competitionId, expertise: ['kesehatan', 'pendidikan'] }));
    evaluators.push(await makeEvaluator(ctx.db, { competitionId, expertise: [] }));
  });
  afterAll(() => ctx.close());

  it('refuses while no proposal has passed the administrative check (409 pool_empty)', async () => {
    const other = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian Kosong',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    const st = await stageOf(ctx.db, other.competitionId, 'evaluation_1');
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${other.competitionId}/stages/${st.id}/assignments/run`,
      headers: { cookie: await sessionCookie(ctx, other.secretariat.id) },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('pool_empty');
  });

  it('gives every proposal exactly two reviewers, none in conflict, loads balanced; tells each reviewer once', async () => {
    const outboxBefore = await countRows(ctx.db, 'outbox');
    const res = await run();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ ok: true, placed: 12, minLoad: 3, maxLoad: 3, notified: 4, unserved: [] });
    const items = await list();
    expect(items).toHaveLength(12);
    for (const p of proposals) {
      const on = items.filter((i) => i.proposal.id === p.id).map((i) => i.reviewer.id);
      expect(new Set(on).size).toBe(2);
      if (p.institution_id === inst[0].id) expect(on).not.toContain(evaluators[0].id);
    }
    for (const e of evaluators) expect(items.filter((i) => i.reviewer.id === e.id)).toHaveLength(3);
    expect(items.every((i) => i.origin === 'solver')).toBe(true);
    expect((await countRows(ctx.db, 'outbox')) - outboxBefore).toBe(4);
    const mail = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', evaluators[1].email)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toContain('3 proposal ditugaskan kepada Anda');
    expect(mail.text_body).toMatch(/WI(B|TA|T)/);
    const audit = await lastAudit(ctx.db);
    expect(audit.action).toBe('assignment.run');
    expect(JSON.parse(audit.summary)).toMatchObject({ placed: 12, maxLoad: 3 });
  });

  it('running again places nothing; a late proposal gets its two without moving any existing pair', async () => {
    const before = (await list()).map((i) => i.id).sort();
    const again = await run();
    expect(again.json()).toMatchObject({ ok: true, placed: 0 });
    const late = await makeJudgedProposal(ctx.db, {
      competitionId,
      institutionId: inst[1].id,
      categoryKey: 'kesehatan',
    });
    const res = await run();
    expect(res.json()).toMatchObject({ ok: true, placed: 2 });
    const after = await list();
    expect(
      after
        .filter((i) => before.includes(i.id))
        .map((i) => i.id)
        .sort(),
    ).toEqual(before);
    expect(after.filter((i) => i.proposal.id === late.id)).toHaveLength(2);
    proposals.push(late);
  });

  it('refuses a manual pair in conflict, already there, or over capacity, naming why', async () => {
    const conflicted = proposals.find((p) => p.institution_id === inst[0].id)!;
    const add = (proposalId: number, reviewerId: number, overCapacity?: boolean) =>
      ctx.app.inject({
        method: 'POST',
        url: `${base}/assignments`,
        headers: { cookie: secretariat },
        payload: { proposalId, reviewerId, ...(overCapacity === undefined ? {} : { overCapacity }) },
      });
    const c = await add(conflicted.id, evaluators[0].id);
    expect(c.statusCode).toBe(409);
    expect(c.json().error.code).toBe('conflict_of_interest');
    expect(c.json().error.message.id).toContain('Instansi afiliasinya sendiri');
    const items = await list();
    const existing = items[0];
    const dup = await add(existing.proposal.id, existing.reviewer.id);
    expect(dup.json().error.code).toBe('already_assigned');
    const outside = await add(999_999, evaluators[1].id);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields.proposalId.code).toBe('not_in_stage');

    const limited = await makeEvaluator(ctx.db, { competitionId, capacity: 0 });
    const target = proposals.find((p) => p.institution_id === inst[2].id)!;
    const over = await add(target.id, limited.id);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('over_capacity');
    const byCode = await ctx.app.inject({
      method: 'POST',
      url: `${base}/assignments`,
      headers: { cookie: secretariat },
      payload: { proposalCode: 'tidak-ada-99', reviewerId: limited.id },
    });
    expect(byCode.statusCode).toBe(400);
    expect(byCode.json().error.fields.proposalCode.code).toBe('not_in_stage');
    // By its code, as the page sends it, and beyond capacity by the secretariat's explicit decision.
    const forced = await ctx.app.inject({
      method: 'POST',
      url: `${base}/assignments`,
      headers: { cookie: secretariat },
      payload: { proposalCode: target.code.toLowerCase(), reviewerId: limited.id, overCapacity: true },
    });
    expect(forced.statusCode).toBe(201);
    expect(forced.json()).toMatchObject({ origin: 'manual', status: 'active', reviewer: { id: limited.id } });
    evaluators.push(limited);
  });

  it('withdraws a pair for a conflict found later: records it, assigns a conflict-free replacement, tells both', async () => {
    const items = await list();
    const victim = items.find((i) => i.origin === 'solver')!;
    const proposal = proposals.find((p) => p.id === victim.proposal.id)!;
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${base}/assignments/${victim.id}/withdraw`,
      headers: { cookie: secretariat },
      payload: { reason: 'Ternyata pernah menjadi konsultan instansi ini.', conflict: true },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.withdrawn).toMatchObject({ id: victim.id, status: 'withdrawn' });
    expect(body.replacement).toMatchObject({
      origin: 'reassign',
      status: 'active',
      proposal: { id: proposal.id },
    });
    expect(body.replacement.reviewer.id).not.toBe(victim.reviewer.id);
    const stored = await ctx.db
      .selectFrom('reviewer_conflicts')
      .selectAll()
      .where('user_id', '=', victim.reviewer.id)
      .where('institution_id', '=', proposal.institution_id)
      .executeTakeFirstOrThrow();
    expect(stored.source).toBe('found');
    const active = (await list()).filter((i) => i.proposal.id === proposal.id).map((i) => i.reviewer.id);
    expect(active).not.toContain(victim.reviewer.id);
    expect(new Set(active).size).toBe(active.length);
    // The same reviewer is never given back to a proposal it was withdrawn from.
    const back = await ctx.app.inject({
      method: 'POST',
      url: `${base}/assignments`,
      headers: { cookie: secretariat },
      payload: { proposalId: proposal.id, reviewerId: victim.reviewer.id },
    });
    expect(back.statusCode).toBe(409);
    const audit = await lastAudit(ctx.db);
    expect(audit.action).toBe('assignment.withdrawn');
    expect(JSON.parse(audit.summary)).toMatchObject({ conflict: true, replacementId: body.replacement.id });
  });

  it('imports pairs from CSV: a preview names each bad row, and one bad row writes nothing', async () => {
    const fresh = await makeEvaluator(ctx.db, { competitionId, email: 'penilai.impor@uji.go.id' });
    const okRow = `${proposals[1].code},penilai.impor@uji.go.id`;
    const csv = `kode_proposal,email_penilai\n${okRow}\nTIDAK-ADA-1,penilai.impor@uji.go.id\n`;
    const before = await countRows(ctx.db, 'review_assignments');
    const preview = await ctx.app.inject({
      method: 'POST',
      url: `${base}/assignments/import`,
      headers: { cookie: secretariat },
      payload: { csv, apply: true },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ applied: false, valid: 1, invalid: 1 });
    expect(preview.json().rows[1].problem.id).toContain('TIDAK-ADA-1');
    expect(await countRows(ctx.db, 'review_assignments')).toBe(before);
    const applied = await ctx.app.inject({
      method: 'POST',
      url: `${base}/assignments/import`,
      headers: { cookie: secretariat },
      payload: { csv: `kode_proposal;email_penilai\n${okRow.replace(',', ';')}\n`, apply: true },
    });
    expect(applied.json()).toMatchObject({ applied: true, valid: 1, invalid: 0 });
    const mine = (await list()).filter((i) => i.reviewer.id === fresh.id);
    expect(mine).toEqual([
      expect.objectContaining({
        origin: 'import',
        proposal: expect.objectContaining({ id: proposals[1].id }),
      }),
    ]);
  });

  it('exports the active pairs as CSV that names proposal codes and reviewer e-mails', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `${base}/assignments.csv`,
      headers: { cookie: secretariat },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'kode_proposal,judul,instansi,kategori,email_penilai,nama_penilai,asal,status,dibuat',
    );
    expect(lines.length - 1).toBe((await list()).length);
    expect(res.body).toContain('penilai.impor@uji.go.id');
  });

  it('names the proposals it cannot serve and writes nothing when no valid assignment exists', async () => {
    const kipp = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian Sempit',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    const st = await stageOf(ctx.db, kipp.competitionId, 'evaluation_1');
    const i = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Sempit' });
    const p = await makeJudgedProposal(ctx.db, { competitionId: kipp.competitionId, institutionId: i.id });
    await makeEvaluator(ctx.db, { competitionId: kipp.competitionId });
    const incomplete = await makeEvaluator(ctx.db, {
      competitionId: kipp.competitionId,
      profileComplete: false,
      name: 'Penilai Tanpa Profil',
    });
    const before = await countRows(ctx.db, 'review_assignments');
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${kipp.competitionId}/stages/${st.id}/assignments/run`,
      headers: { cookie: await sessionCookie(ctx, kipp.secretariat.id) },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ok).toBe(false);
    expect(body.unserved).toEqual([expect.objectContaining({ proposalId: p.id, code: p.code })]);
    expect(body.leftOut).toEqual([{ id: incomplete.id, name: 'Penilai Tanpa Profil' }]);
    expect(await countRows(ctx.db, 'review_assignments')).toBe(before);
  });

  it('refuses changes once the stage has closed, with the closing time', async () => {
    const stage = await stageOf(ctx.db, competitionId, 'evaluation_1');
    const saved = ctx.clock.now();
    ctx.clock.freeze(new Date(Date.parse(stage.closes_at!) + 60_000));
    const kipp = await ctx.db
      .selectFrom('role_grants')
      .select('user_id')
      .where('role', '=', 'secretariat')
      .where(
        'institution_id',
        '=',
        (
          await ctx.db
            .selectFrom('competitions')
            .select('organizer_institution_id')
            .where('id', '=', competitionId)
            .executeTakeFirstOrThrow()
        ).organizer_institution_id,
      )
      .executeTakeFirstOrThrow();
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${base}/assignments/run`,
      headers: { cookie: await sessionCookie(ctx, kipp.user_id) },
    });
    ctx.clock.freeze(saved);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('stage_closed');
    expect(res.json().error.message.id).toMatch(/WI(B|TA|T)/);
  });

  it('shows nothing to anyone but the organizer’s secretariat', async () => {
    const other = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian Lain Penugasan',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    const admin = await makeUser(ctx.db, { role: 'local_admin', institutionId: inst[0].id });
    const sysadmin = await makeUser(ctx.db, { role: 'system_admin' });
    const cases: [string | null, number][] = [
      [await sessionCookie(ctx, other.secretariat.id), 404],
      [await sessionCookie(ctx, evaluators[1].id), 403],
      [await sessionCookie(ctx, admin.id), 403],
      [await sessionCookie(ctx, sysadmin.id), 403],
      [null, 401],
    ];
    for (const [cookie, status] of cases) {
      for (const [method, url] of [
        ['GET', `${base}/assignments/summary`],
        ['GET', `${base}/assignments`],
        ['GET', `${base}/assignments.csv`],
        ['POST', `${base}/assignments/run`],
      ] as const) {
        const res = await ctx.app.inject({ method, url, headers: cookie ? { cookie } : {} });
        expect([url, res.statusCode]).toEqual([url, status]);
      }
    }
  });

  it('sums up the stage: the pool, each reviewer’s load, and whether anything is missing', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `${base}/assignments/summary`,
      headers: { cookie: secretariat },
    });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.stage).toMatchObject({ kind: 'evaluation_1', reviewersPerProposal: 2 });
    expect(s.pool).toMatchObject({ proposals: proposals.length, missingPairs: 0, notReady: null });
    const loads = s.reviewers.map((r: { load: number }) => r.load).reduce((a: number, b: number) => a + b, 0);
    expect(loads).toBe((await list()).length);
    expect(s.abilities).toEqual({ run: true, edit: true });
    // The reviewers' expertise is named by the competition's categories.
    expect(s.categories).toContainEqual({ key: 'kesehatan', nameId: 'Kesehatan', nameEn: 'Health' });
  });
});
