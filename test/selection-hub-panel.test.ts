import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SelectionSummary } from '../src/contracts/selection-hub.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { insideStage, makeEvaluator, makeJudgedProposal, stageOf } from './helpers/judging.js';
import { insertVisit } from './helpers/field.js';
import { makePanelist, publishFinalFinalists } from './helpers/panel.js';

/*
 * The selection hub's steps after the final finalist list (issue 13): the presentation schedule, the
 * presentation scored by the panel, the public rating, the field verification, the final session and the
 * certificates, each with its status, counts and page, linked only for whom the policy lets open it.
 */
describe('the selection hub: the panel and the results', () => {
  let ctx: TestContext;
  let cookie: string;
  let secretariatId: number;
  let competitionId: number;
  let presentationId: number;
  let during: Date;
  const finalists: { id: number; unit_id: number; institution_id: number; title: string }[] = [];
  let instX: number;
  let verifierId: number;

  const hub = async (c = cookie) => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/competitions/${competitionId}/selection`,
      headers: { cookie: c },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SelectionSummary;
  };
  const stepOf = (s: SelectionSummary, key: string) => s.steps.find((x) => x.key === key)!;
  const countsOf = (s: SelectionSummary, key: string) =>
    Object.fromEntries(
      stepOf(s, key).counts.map((c) => [c.key, c.of === undefined ? c.value : [c.value, c.of]]),
    );
  const at = () => during.toISOString();

  beforeAll(async () => {
    ctx = await createTestApp();
    const kipp = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian PANRB Hub Panel',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    competitionId = kipp.competitionId;
    secretariatId = kipp.secretariat.id;
    cookie = await sessionCookie(ctx, secretariatId);
    const stage = await stageOf(ctx.db, competitionId, 'presentation');
    presentationId = stage.id;
    during = insideStage(stage);
    ctx.clock.freeze(during);
    instX = (await makeInstitution(ctx.db, { name: 'Pemerintah Kota Hub X' })).id;
    const instY = (await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Hub Y' })).id;
    for (const inst of [instX, instY, instY])
      finalists.push(
        await makeJudgedProposal(ctx.db, { competitionId, institutionId: inst, state: 'finalist' }),
      );
    // Three panelists; the third belongs to X's institution and abstains on X.
    verifierId = (await makePanelist(ctx.db, { competitionId, name: 'Ani Panel' })).id;
    await makePanelist(ctx.db, { competitionId, name: 'Budi Panel' });
    await makePanelist(ctx.db, { competitionId, name: 'Citra Panel', affiliationInstitutionId: instX });
  });
  afterAll(() => ctx.close());

  it('lists the panel steps after the uji publik, in order, with their pages', async () => {
    const s = await hub();
    expect(s.steps.map((x) => x.key).slice(9)).toEqual([
      'public_objection',
      'presentation_schedule',
      'presentation',
      'public_rating',
      'field_verification',
      'final_session',
      'certificates',
    ]);
    const base = `/sekretariat/kompetisi/${competitionId}`;
    expect(Object.fromEntries(s.steps.slice(10).map((x) => [x.key, [x.path, x.abilities.open]]))).toEqual({
      presentation_schedule: [`${base}/presentasi`, true],
      presentation: [`${base}/hasil-penilaian?tahap=${presentationId}`, true],
      public_rating: [`${base}/nilai-publik`, true],
      field_verification: [`${base}/verifikasi-lapangan`, true],
      final_session: [`${base}/sidang`, true],
      certificates: [`${base}/piagam`, true],
    });
  });

  it('before the final list is fixed: no schedule to make, the public rating off and said so, no certificates', async () => {
    const s = await hub();
    expect(stepOf(s, 'presentation_schedule').status).toBe('not_open');
    expect(countsOf(s, 'presentation_schedule')).toEqual({
      slotsPlaced: [0, 3],
      uploadsReceived: [0, 3],
      reschedulePending: 0,
    });
    expect(stepOf(s, 'public_rating')).toMatchObject({ status: 'not_open', window: null, note: 'ratingOff' });
    expect(stepOf(s, 'certificates').status).toBe('not_open');
  });

  it('counts the schedule: open once the list is fixed, decided when every finalist has a slot, published with the letters', async () => {
    await publishFinalFinalists(ctx.db, { competitionId, by: secretariatId, now: during });
    expect(stepOf(await hub(), 'presentation_schedule').status).toBe('open');
    const session = await ctx.db
      .insertInto('presentation_sessions')
      .values({
        competition_id: competitionId,
        stage_id: presentationId,
        name: 'Sesi 1',
        starts_at: at(),
        ends_at: new Date(during.getTime() + 4 * 3_600_000).toISOString(),
        mode: 'online',
        room: null,
        meeting_url: 'https://rapat.example.go.id/sesi-1',
        group_keys: '["umum"]',
        created_by: secretariatId,
        created_at: at(),
        updated_at: at(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, f] of finalists.slice(0, 2).entries())
      await ctx.db
        .insertInto('presentation_slots')
        .values({
          stage_id: presentationId,
          session_id: session.id,
          proposal_id: f.id,
          slot_index: i,
          starts_at: new Date(during.getTime() + i * 1_800_000).toISOString(),
          ends_at: new Date(during.getTime() + (i + 1) * 1_800_000).toISOString(),
          origin: 'auto',
          updated_at: at(),
        })
        .execute();
    expect(stepOf(await hub(), 'presentation_schedule').status).toBe('open');
    await ctx.db
      .insertInto('presentation_slots')
      .values({
        stage_id: presentationId,
        session_id: session.id,
        proposal_id: finalists[2]!.id,
        slot_index: 2,
        starts_at: new Date(during.getTime() + 3_600_000).toISOString(),
        ends_at: new Date(during.getTime() + 5_400_000).toISOString(),
        origin: 'manual',
        updated_at: at(),
      })
      .execute();
    await ctx.db
      .insertInto('presentation_uploads')
      .values({
        stage_id: presentationId,
        proposal_id: finalists[0]!.id,
        file_id: null,
        video_url: 'https://video.example.go.id/x',
        updated_by: secretariatId,
        updated_at: at(),
      })
      .execute();
    for (const status of ['pending', 'refused'] as const)
      await ctx.db
        .insertInto('reschedule_requests')
        .values({
          stage_id: presentationId,
          proposal_id: finalists[1]!.id,
          reason: 'Bupati bertugas ke luar daerah.',
          unavailable: '[]',
          status,
          decision_reason: null,
          requested_by: secretariatId,
          requested_at: at(),
          decided_by: null,
          decided_at: null,
        })
        .execute();
    let s = await hub();
    expect(stepOf(s, 'presentation_schedule').status).toBe('decided');
    expect(countsOf(s, 'presentation_schedule')).toEqual({
      slotsPlaced: [3, 3],
      uploadsReceived: [1, 3],
      reschedulePending: 1,
    });
    await ctx.db
      .insertInto('presentation_schedules')
      .values({
        stage_id: presentationId,
        next_letter_seq: 4,
        published_by: secretariatId,
        published_at: at(),
        updated_at: at(),
      })
      .execute();
    s = await hub();
    expect(stepOf(s, 'presentation_schedule').status).toBe('published');
  });

  it("counts the panel's scoring in its window: submitted of assignments, the abstention for a conflict", async () => {
    const run = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${competitionId}/stages/${presentationId}/assignments/run`,
      headers: { cookie },
    });
    expect(run.json()).toMatchObject({ ok: true, placed: 8 });
    const a = await ctx.db
      .selectFrom('review_assignments')
      .select('id')
      .where('stage_id', '=', presentationId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('evaluations')
      .values({
        assignment_id: a.id,
        status: 'submitted',
        total: 81,
        submitted_at: at(),
        created_at: at(),
        updated_at: at(),
      })
      .execute();
    const s = await hub();
    expect(stepOf(s, 'presentation').status).toBe('open');
    expect(stepOf(s, 'presentation').window?.opensAt).toBeTruthy();
    expect(countsOf(s, 'presentation')).toEqual({ evaluationsSubmitted: [1, 8], abstentions: 1 });
  });

  it('reads the public rating from its own window, with the ratings and raters counted', async () => {
    const opensAt = new Date(during.getTime() - 3_600_000).toISOString();
    const closesAt = new Date(during.getTime() + 86_400_000).toISOString();
    await ctx.db
      .insertInto('public_rating_windows')
      .values({
        competition_id: competitionId,
        stage_id: presentationId,
        enabled: 1,
        opens_at: opensAt,
        closes_at: closesAt,
        updated_by: secretariatId,
        updated_at: at(),
      })
      .execute();
    for (const [proposal, voter, value] of [
      [0, 'a', 5],
      [1, 'a', 4],
      [0, 'b', 3],
    ] as const)
      await ctx.db
        .insertInto('public_ratings')
        .values({
          competition_id: competitionId,
          proposal_id: finalists[proposal]!.id,
          voter_hash: voter.repeat(64),
          session_id: 1,
          value,
          ip: null,
          created_at: at(),
          updated_at: at(),
        })
        .execute();
    const s = await hub();
    expect(stepOf(s, 'public_rating')).toMatchObject({ status: 'open', window: { opensAt, closesAt } });
    expect(stepOf(s, 'public_rating').note).toBeUndefined();
    expect(countsOf(s, 'public_rating')).toEqual({ ratings: 3, raters: 2, ratingsExcluded: 0 });
  });

  it('counts the field visits planned (not cancelled) and the reports submitted; not open before its window', async () => {
    const ids = [];
    for (const f of finalists)
      ids.push(
        await insertVisit(ctx.db, {
          competitionId,
          proposalId: f.id,
          verifiers: [verifierId],
          createdBy: secretariatId,
          now: during,
        }),
      );
    await ctx.db
      .updateTable('field_visits')
      .set({ status: 'submitted', submitted_at: at() })
      .where('id', '=', ids[0]!)
      .execute();
    await ctx.db
      .updateTable('field_visits')
      .set({ status: 'cancelled', cancelled_reason: 'Dibatalkan.' })
      .where('id', '=', ids[2]!)
      .execute();
    const s = await hub();
    expect(stepOf(s, 'field_verification').status).toBe('not_open');
    expect(countsOf(s, 'field_verification')).toEqual({ visitsPlanned: 2, reportsSubmitted: [1, 2] });
  });

  it('the final session: decided when every finalist has its decision, published with the results; then the certificates open', async () => {
    const final = await stageOf(ctx.db, competitionId, 'final_panel');
    ctx.clock.freeze(insideStage(final));
    const panelist = await makePanelist(ctx.db, { competitionId, name: 'Dedi Panel' });
    const decide = (f: { id: number }) =>
      ctx.db
        .insertInto('panel_decisions')
        .values({
          competition_id: competitionId,
          stage_id: final.id,
          proposal_id: f.id,
          award_key: null,
          reason: 'Diputuskan dalam sidang.',
          decided_by: panelist.id,
          decided_at: at(),
        })
        .execute();
    await decide(finalists[0]!);
    let s = await hub(await sessionCookie(ctx, secretariatId));
    expect(stepOf(s, 'final_session').status).toBe('open');
    expect(countsOf(s, 'final_session')).toEqual({ decisionsRecorded: [1, 3] });
    await decide(finalists[1]!);
    await decide(finalists[2]!);
    s = await hub(await sessionCookie(ctx, secretariatId));
    expect(stepOf(s, 'final_session').status).toBe('decided');
    expect(stepOf(s, 'certificates').status).toBe('not_open');
    await ctx.db
      .insertInto('announcements')
      .values({
        competition_id: competitionId,
        stage_id: final.id,
        kind: 'final_results',
        letter_number: 'KEP/400/2026',
        title_id: 'Hasil',
        title_en: 'Results',
        body_id: '',
        body_en: '',
        published_by: secretariatId,
        published_at: at(),
      })
      .execute();
    const f = finalists[0]!;
    for (const [seq, revoked] of [
      [1, false],
      [2, true],
    ] as const)
      await ctx.db
        .insertInto('certificates')
        .values({
          competition_id: competitionId,
          proposal_id: f.id,
          award: seq === 1 ? 'FINALIST' : 'TOP_45',
          award_label_id: 'Finalis',
          award_label_en: 'Finalist',
          seq,
          number: `PIAGAM/${seq}/2026`,
          number_slug: `piagam-${seq}-2026`,
          year: 2026,
          competition_name: 'KIPP',
          innovation_title: f.title,
          institution_id: f.institution_id,
          institution_name: 'Pemerintah Kota Hub X',
          unit_id: f.unit_id,
          unit_name: 'Dinas',
          signer_name: 'Menteri',
          signer_position: 'Menteri PANRB',
          issued_by: secretariatId,
          issued_at: at(),
          file_id: null,
          revoked_at: revoked ? at() : null,
          revoked_by: revoked ? secretariatId : null,
          revoked_reason: revoked ? 'Salah nama.' : null,
        })
        .execute();
    s = await hub(await sessionCookie(ctx, secretariatId));
    expect(stepOf(s, 'final_session').status).toBe('published');
    expect(stepOf(s, 'certificates').status).toBe('open');
    expect(countsOf(s, 'certificates')).toEqual({
      certificatesIssued: 2,
      certificatesReady: [0, 2],
      certificatesRevoked: 1,
    });
  });

  it('links the panel steps only for the secretariat: the system administrator sees them unlinked; a panelist or evaluator gets 403', async () => {
    const admin = await makeUser(ctx.db, { role: 'system_admin' });
    const s = await hub(await sessionCookie(ctx, admin.id));
    expect(s.steps.slice(10).map((x) => [x.key, x.abilities.open])).toEqual([
      ['presentation_schedule', false],
      ['presentation', false],
      ['public_rating', false],
      ['field_verification', false],
      ['final_session', false],
      ['certificates', false],
    ]);
    const panelist = await makePanelist(ctx.db, { competitionId, name: 'Eka Panel' });
    const evaluator = await makeEvaluator(ctx.db, { competitionId });
    for (const id of [panelist.id, evaluator.id]) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/competitions/${competitionId}/selection`,
        headers: { cookie: await sessionCookie(ctx, id) },
      });
      expect(res.statusCode).toBe(403);
    }
  });
});
