import { beforeAll, describe, expect, it } from 'vitest';
import { replikasiEligible, umumEligible } from '../src/domain/eligibility.js';
import { registryFor } from '../src/modules/awards/registry-cache.js';
import { resultsBuilds } from '../src/modules/results/public.js';
import { appWithSmtpCapture } from './helpers/app.js';
import {
  lastAudit,
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
} from './helpers/fixtures.js';
import { decideEvidenceStage, makeFinalist } from './helpers/finalists.js';
import { pdfText } from './helpers/pdf.js';
import { servingDatabases } from './helpers/scaled.js';
import { stageOf } from './helpers/review.js';

/*
 * The final session and the results (issue 13 points 4–6) through the API on a real database: the
 * plenary rows (a score from each scored stage, the reviewers' notes, absent inputs as null), the
 * decisions checked (reason, award of the group, places), publishing refused with the list of incomplete
 * finalists, two publishes at once → one, the registry rows written exactly, the admin lokal and UPP told,
 * the public page only after publishing, next year's eligibility refusing a second Top 99 in umum, and the
 * denials across roles and organizers.
 */

const DECREE = 'Keputusan Menteri PANRB Nomor 45 Tahun 2026';
const CEREMONY = {
  startsAt: '2026-10-15T02:00:00.000Z',
  place: 'Istana Wakil Presiden, Jakarta <b>',
  notesId: 'Pakaian sipil lengkap; hadir pimpinan instansi.',
  notesEn: 'Formal dress; the head of the institution attends.',
};

type Who =
  | 'sec'
  | 'other'
  | 'panelist'
  | 'panelist2'
  | 'otherPanelist'
  | 'evaluator'
  | 'adminX'
  | 'adminY'
  | 'uppX'
  | 'sysadmin';

describe('the final session and the results', () => {
  const suite = appWithSmtpCapture();
  const s = {} as {
    competitionId: number;
    otherCompetitionId: number;
    X: number;
    Y: number;
    ids: Record<Who, number>;
    cookies: Record<Who, string>;
    emails: Record<'adminX' | 'adminY' | 'uppX' | 'uppY', string>;
    f: Record<'a1' | 'a2' | 'a3' | 'r1', { id: number; code: string; title: string }>;
    stages: Record<'evaluation_1' | 'evaluation_2' | 'presentation', number>;
  };
  const base = () => `/api/competitions/${s.competitionId}/final-session`;
  const inject = (method: 'GET' | 'PUT' | 'POST', url: string, who?: Who, payload?: unknown) =>
    suite.ctx.app.inject({
      method,
      url,
      headers: who ? { cookie: s.cookies[who] } : {},
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
  const decideOn = (who: Who, proposalId: number, body: Record<string, unknown>) =>
    inject('PUT', `${base()}/decisions/${proposalId}`, who, body);
  const awards = (places: { umum: number; replikasi: number; khusus: number }) => [
    {
      key: 'top45',
      groupKey: 'umum',
      labelId: 'Top 45 Inovasi Pelayanan Publik Terpuji',
      labelEn: 'Top 45 Outstanding Public Service Innovations',
      level: 'TOP45',
      places: places.umum,
    },
    {
      key: 'top5_replikasi',
      groupKey: 'replikasi',
      labelId: 'Top 5 Inovasi Replikasi Terpuji',
      labelEn: 'Top 5 Outstanding Replicated Innovations',
      level: 'TOP5_REPLIKASI',
      places: places.replikasi,
    },
    {
      key: 'khusus',
      groupKey: 'khusus',
      labelId: 'Pemenang Kelompok Khusus',
      labelEn: 'Special Group Winners',
      level: 'KHUSUS',
      places: places.khusus,
    },
  ];
  /** The presentation stage decided as its own part (issue 13 point 2) leaves it: stage_results rows. */
  const presentationScore = async (proposalId: number, score: number) =>
    suite.ctx.db
      .insertInto('stage_results')
      .values({
        stage_id: s.stages.presentation,
        proposal_id: proposalId,
        raw_score: score,
        normalized_score: null,
        score,
        basis: 'raw',
        outcome: 'advanced',
        explanation_id: `Rata-rata panel ${score}`,
        explanation_en: `Panel mean ${score}`,
        decided_by: s.ids.sec,
        decided_at: suite.ctx.clock.now().toISOString(),
      })
      .execute();

  beforeAll(async () => {
    const { db } = suite.ctx;
    const now = suite.ctx.clock.now();
    const k = await publishedKipp(db, { organizerName: 'Kementerian Sidang Uji', now, year: 2026 });
    s.competitionId = k.competitionId;
    const o = await publishedKipp(db, { organizerName: 'Pemerintah Provinsi Sidang Lain', now, year: 2026 });
    s.otherCompetitionId = o.competitionId;
    const X = await makeInstitution(db, { name: 'Pemerintah Kabupaten Sidang X' });
    const Y = await makeInstitution(db, { name: 'Pemerintah Kota Sidang Y', type: 'pemerintah_kota' });
    s.X = X.id;
    s.Y = Y.id;
    const uX = await makeUnit(db, X.id, 'Dinas Kesehatan Sidang X');
    const uY = await makeUnit(db, Y.id, 'Dinas Dukcapil Sidang Y');
    const users = {
      sec: k.secretariat,
      other: o.secretariat,
      panelist: await makeUser(db, {
        role: 'panelist',
        competitionId: k.competitionId,
        name: 'Prof. Panel Satu',
      }),
      panelist2: await makeUser(db, { role: 'panelist', competitionId: k.competitionId }),
      otherPanelist: await makeUser(db, { role: 'panelist', competitionId: o.competitionId }),
      evaluator: await makeUser(db, { role: 'evaluator', competitionId: k.competitionId }),
      adminX: await makeUser(db, { role: 'local_admin', institutionId: X.id, email: 'admin-x@sidang.go.id' }),
      adminY: await makeUser(db, { role: 'local_admin', institutionId: Y.id, email: 'admin-y@sidang.go.id' }),
      uppX: await makeUser(db, {
        role: 'upp',
        institutionId: X.id,
        unitId: uX.id,
        email: 'upp-x@sidang.go.id',
      }),
      sysadmin: await makeUser(db, { role: 'system_admin' }),
    };
    const uppY = await makeUser(db, {
      role: 'upp',
      institutionId: Y.id,
      unitId: uY.id,
      email: 'upp-y@sidang.go.id',
    });
    await db.updateTable('users').set({ locale: 'en' }).where('id', '=', users.adminY.id).execute();
    s.emails = {
      adminX: users.adminX.email,
      adminY: users.adminY.email,
      uppX: users.uppX.email,
      uppY: uppY.email,
    };
    s.ids = {} as typeof s.ids;
    s.cookies = {} as typeof s.cookies;
    for (const [name, u] of Object.entries(users)) {
      s.ids[name as Who] = u.id;
      s.cookies[name as Who] = await sessionCookie(suite.ctx, u.id);
    }
    // panelist2 declared a conflict with institution X.
    await db
      .insertInto('reviewer_conflicts')
      .values({
        competition_id: k.competitionId,
        user_id: users.panelist2.id,
        institution_id: X.id,
        source: 'declared',
        note: 'Pernah bekerja di instansi ini',
        created_by: users.panelist2.id,
        created_at: now.toISOString(),
      })
      .execute();

    const fin = (institutionId: number, unitId: number, title: string, groupKey = 'umum') =>
      makeFinalist(db, {
        competitionId: k.competitionId,
        institutionId,
        unitId,
        createdBy: users.uppX.id,
        actorUserId: k.secretariat.id,
        now,
        title,
        groupKey,
      });
    s.f = {
      a1: await fin(X.id, uX.id, 'Layanan Kesehatan Keliling Sidang'),
      a2: await fin(Y.id, uY.id, 'Akta Kelahiran Sehari Jadi'),
      a3: await fin(X.id, uX.id, 'Bidan Desa Daring'),
      r1: await fin(Y.id, uY.id, 'Replikasi Pasar Sehat', 'replikasi'),
    };
    s.stages = {
      evaluation_1: (await stageOf(db, k.competitionId, 'evaluation_1')).id,
      evaluation_2: (await stageOf(db, k.competitionId, 'evaluation_2')).id,
      presentation: (await stageOf(db, k.competitionId, 'presentation')).id,
    };
    await decideEvidenceStage(db, {
      competitionId: k.competitionId,
      decidedBy: k.secretariat.id,
      now,
      results: [
        { proposalId: s.f.a1.id, score: 90 },
        { proposalId: s.f.a2.id, score: 85.5 },
        { proposalId: s.f.a3.id, score: 80 },
        { proposalId: s.f.r1.id, score: 75 },
      ],
    });
    await presentationScore(s.f.a1.id, 70);
    await presentationScore(s.f.a2.id, 92.25);
    await presentationScore(s.f.r1.id, 88);
    // An evaluator's submitted sheet of evaluation 1 on a1, with a comment on its one criterion.
    const umum = await db
      .selectFrom('competition_groups')
      .select('id')
      .where('competition_id', '=', k.competitionId)
      .where('key', '=', 'umum')
      .executeTakeFirstOrThrow();
    const criterion = await db
      .insertInto('rubric_criteria')
      .values({
        stage_id: s.stages.evaluation_1,
        group_id: umum.id,
        key: 'signifikansi',
        label_id: 'Signifikansi',
        label_en: 'Significance',
        guidance_id: null,
        guidance_en: null,
        weight: 100,
        section_id: null,
        position: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const assignment = await db
      .insertInto('review_assignments')
      .values({
        stage_id: s.stages.evaluation_1,
        proposal_id: s.f.a1.id,
        reviewer_id: users.evaluator.id,
        origin: 'manual',
        status: 'active',
        withdrawn_reason: null,
        withdrawn_at: null,
        withdrawn_by: null,
        created_by: null,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const evaluation = await db
      .insertInto('evaluations')
      .values({
        assignment_id: assignment.id,
        status: 'submitted',
        total: 84,
        submitted_at: now.toISOString(),
        saved_by: users.evaluator.id,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('evaluation_scores')
      .values({
        evaluation_id: evaluation.id,
        criterion_id: criterion.id,
        value: 84,
        comment: 'Penurunan angka kematian ibu terukur <script>alert(1)</script>',
        evidence_supports: 1,
      })
      .execute();
    // An earlier Top 99 of a3's innovation (KIPP 2025) in the registry.
    await db
      .insertInto('awards')
      .values({
        year: 2025,
        level: 'TOP99',
        innovation_title: 'Bidan Desa Daring',
        institution_name: 'Pemerintah Kabupaten Sidang X',
        institution_id: X.id,
        source_url: null,
        notes: null,
        created_at: now.toISOString(),
        created_by: null,
        updated_at: now.toISOString(),
        competition_id: null,
        proposal_id: null,
      })
      .execute();
  });

  it('shows the plenary per group: a score from each scored stage, the notes, no field visit or rating yet as null', async () => {
    const res = await inject('GET', base(), 'panelist');
    expect(res.statusCode).toBe(200);
    const v = res.json();
    const kinds = v.scoredStages.map((x: { kind: string }) => x.kind);
    expect(kinds).toEqual(['evaluation_1', 'evaluation_2', 'presentation']);
    expect(v.scoredStages.map((x: { decided: boolean }) => x.decided)).toEqual([false, true, true]);
    expect(v.presentationStageId).toBe(s.stages.presentation);
    // Both inputs are wired by the app (src/plenary-inputs.ts); no visit or rating yet: null per finalist.
    expect(v.inputs).toEqual({ fieldFindings: true, publicRatings: true });
    expect(v.groups.map((g: { key: string }) => g.key)).toEqual(['umum', 'replikasi', 'khusus']);
    const umum = v.groups[0];
    // Sorted by the presentation score, best first; a3 has none (last).
    expect(umum.finalists.map((f: { proposal: { id: number } }) => f.proposal.id)).toEqual([
      s.f.a2.id,
      s.f.a1.id,
      s.f.a3.id,
    ]);
    const a1 = umum.finalists[1];
    expect(a1.proposal).toEqual({
      id: s.f.a1.id,
      code: s.f.a1.code,
      title: 'Layanan Kesehatan Keliling Sidang',
      institution: 'Pemerintah Kabupaten Sidang X',
      unit: 'Dinas Kesehatan Sidang X',
    });
    // Evaluation 1 is computed as it stands (one of two evaluations: no score yet), the others decided.
    expect(a1.scores).toEqual([
      { stageId: s.stages.evaluation_1, score: null },
      { stageId: s.stages.evaluation_2, score: 90 },
      { stageId: s.stages.presentation, score: 70 },
    ]);
    expect(a1.presentationScore).toBe(70);
    expect(a1.combined).toBe(80);
    expect(a1.notes).toEqual([
      {
        stageId: s.stages.evaluation_1,
        criterion: { id: 'Signifikansi', en: 'Significance' },
        comment: 'Penurunan angka kematian ibu terukur <script>alert(1)</script>',
      },
    ]);
    expect(a1.fieldFindings).toBeNull();
    expect(a1.publicRating).toBeNull();
    expect(a1.decision).toBeNull();
    expect(umum.finalists[2]).toMatchObject({ presentationScore: null, combined: 80, notes: [] });
    expect(umum.tallies).toEqual([
      {
        awardKey: 'top45',
        labelId: 'Top 45 Inovasi Pelayanan Publik Terpuji',
        labelEn: 'Top 45 Outstanding Public Service Innovations',
        places: 45,
        awarded: 0,
        status: 'under',
        warning: {
          id: 'Top 45 Inovasi Pelayanan Publik Terpuji: 0 dari 45 tempat diberikan (45 belum).',
          en: 'Top 45 Outstanding Public Service Innovations: 0 of 45 places given (45 left).',
        },
      },
    ]);
    expect(v.missing).toEqual([
      { proposalId: s.f.a1.id, code: s.f.a1.code, title: s.f.a1.title, missing: ['decision'] },
      { proposalId: s.f.a2.id, code: s.f.a2.code, title: s.f.a2.title, missing: ['decision'] },
      {
        proposalId: s.f.a3.id,
        code: s.f.a3.code,
        title: s.f.a3.title,
        missing: ['presentation_score', 'decision'],
      },
      { proposalId: s.f.r1.id, code: s.f.r1.code, title: s.f.r1.title, missing: ['decision'] },
    ]);
    expect(v.abilities).toEqual({ decide: true, manage: false, publish: false });
    expect(v.published).toBeNull();

    const byName = (await inject('GET', `${base()}?sort=name`, 'sec')).json();
    expect(byName.groups[0].finalists.map((f: { proposal: { title: string } }) => f.proposal.title)).toEqual([
      'Akta Kelahiran Sehari Jadi',
      'Bidan Desa Daring',
      'Layanan Kesehatan Keliling Sidang',
    ]);
    expect(byName.abilities).toEqual({ decide: false, manage: true, publish: false });
    const combined = (await inject('GET', `${base()}?sort=combined`, 'sec')).json();
    // a2: (85.5 + 92.25) / 2 = 88.875 → 88.88; a1 and a3: 80 (by code).
    expect(combined.groups[0].finalists.map((f: { combined: number }) => f.combined)).toEqual([
      88.88, 80, 80,
    ]);
    expect((await inject('GET', `${base()}?sort=best`, 'sec')).statusCode).toBe(400);
  });

  it('checks the settings field by field and stores the places, levels and ceremony', async () => {
    const bad = await inject('PUT', `${base()}/settings`, 'sec', {
      awards: [{ ...awards({ umum: 1, replikasi: 1, khusus: 1 })[0], groupKey: 'daerah', places: -2 }],
      ceremony: { startsAt: 'besok', place: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect(Object.keys(bad.json().error.fields).sort()).toEqual([
      'awards.0.groupKey',
      'awards.0.places',
      'ceremony.place',
      'ceremony.startsAt',
    ]);
    expect(bad.json().error.fields['awards.0.groupKey'].message).toEqual({
      id: 'Kelompok tidak dikenal dalam kompetisi ini.',
      en: 'Unknown group in this competition.',
    });
    const ok = await inject('PUT', `${base()}/settings`, 'sec', {
      awards: awards({ umum: 1, replikasi: 1, khusus: 1 }),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().ceremony).toBeNull();
    expect(ok.json().awards.map((a: { places: number }) => a.places)).toEqual([1, 1, 1]);
    expect((await lastAudit(suite.ctx.db))?.action).toBe('results.settings_saved');
    expect((await inject('PUT', `${base()}/settings`, 'panelist', { awards: [] })).statusCode).toBe(403);
  });

  it("checks a decision: reason required, an award of the finalist's group, the version shown", async () => {
    const noReason = await decideOn('panelist', s.f.a1.id, { awardKey: 'top45', reason: '   ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.reason.message).toEqual({
      id: 'Alasan keputusan wajib diisi.',
      en: 'The reason for the decision is required.',
    });
    const wrongGroup = await decideOn('panelist', s.f.a1.id, { awardKey: 'top5_replikasi', reason: 'Baik' });
    expect(wrongGroup.statusCode).toBe(400);
    expect(Object.keys(wrongGroup.json().error.fields)).toEqual(['awardKey']);
    expect(await suite.ctx.db.selectFrom('panel_decisions').selectAll().execute()).toEqual([]);
    // Not a finalist of this competition: 404.
    expect((await decideOn('panelist', 999_999, { awardKey: null, reason: 'x' })).statusCode).toBe(404);

    const first = await decideOn('panelist', s.f.a1.id, {
      awardKey: 'top45',
      reason: 'Dampak terukur pada angka kematian ibu.',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ awardKey: 'top45', version: 1 });
    expect((await lastAudit(suite.ctx.db))?.action).toBe('results.decision_recorded');
    // Changing it needs the version shown: a stale page is refused.
    const stale = await decideOn('panelist', s.f.a1.id, { awardKey: null, reason: 'Berubah' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('decision_changed');
    const changed = await decideOn('panelist', s.f.a1.id, {
      awardKey: null,
      reason: 'Belum direplikasi.',
      version: 1,
    });
    expect(changed.json()).toMatchObject({ awardKey: null, version: 2 });
    await decideOn('panelist', s.f.a1.id, {
      awardKey: 'top45',
      reason: 'Dampak terukur pada angka kematian ibu.',
      version: 2,
    });
  });

  it('refuses the decision of a panelist with a conflict with the finalist’s institution', async () => {
    const res = await decideOn('panelist2', s.f.a3.id, { awardKey: null, reason: 'Tidak' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict_of_interest');
  });

  it('denies across roles and organizers', async () => {
    const body = { awardKey: null, reason: 'Tidak' };
    // Another competition's panelist and another organizer's secretariat: not found.
    expect((await inject('GET', base(), 'otherPanelist')).statusCode).toBe(404);
    expect((await decideOn('otherPanelist', s.f.a2.id, body)).statusCode).toBe(404);
    expect((await inject('GET', base(), 'other')).statusCode).toBe(404);
    expect((await inject('POST', `${base()}/publish`, 'other', { decreeNumber: DECREE })).statusCode).toBe(
      404,
    );
    // An evaluator, an admin lokal, a UPP, the system administrator: refused.
    for (const who of ['evaluator', 'adminX', 'uppX', 'sysadmin'] as const) {
      expect((await inject('GET', base(), who)).statusCode).toBe(403);
      expect((await decideOn(who, s.f.a2.id, body)).statusCode).toBe(403);
    }
    // The secretariat does not decide; a panelist does not publish.
    expect((await decideOn('sec', s.f.a2.id, body)).statusCode).toBe(403);
    expect((await inject('POST', `${base()}/publish`, 'panelist', { decreeNumber: DECREE })).statusCode).toBe(
      403,
    );
    expect((await inject('GET', base())).statusCode).toBe(401);
    expect(await suite.ctx.db.selectFrom('panel_decisions').select('proposal_id').execute()).toEqual([
      { proposal_id: s.f.a1.id },
    ]);
  });

  it('shows nothing public before the publication', async () => {
    expect((await inject('GET', `/api/competitions/${s.competitionId}/results`)).statusCode).toBe(404);
    expect(
      (await inject('GET', `/api/competitions/${s.competitionId}/announcements/final_results`)).statusCode,
    ).toBe(404);
  });

  it('refuses to publish with the list of finalists without a presentation score or a decision', async () => {
    const badDecree = await inject('POST', `${base()}/publish`, 'sec', { decreeNumber: 'SK 45/2026' });
    expect(badDecree.statusCode).toBe(400);
    expect(badDecree.json().error.fields.decreeNumber).toBeDefined();
    const res = await inject('POST', `${base()}/publish`, 'sec', { decreeNumber: DECREE });
    expect(res.statusCode).toBe(409);
    const err = res.json().error;
    expect(err.code).toBe('results_incomplete');
    expect(err.missing).toEqual([
      { proposalId: s.f.a2.id, code: s.f.a2.code, title: s.f.a2.title, missing: ['decision'] },
      {
        proposalId: s.f.a3.id,
        code: s.f.a3.code,
        title: s.f.a3.title,
        missing: ['presentation_score', 'decision'],
      },
      { proposalId: s.f.r1.id, code: s.f.r1.code, title: s.f.r1.title, missing: ['decision'] },
    ]);
    expect(err.message.id).toContain(
      `${s.f.a3.code} (belum ada nilai presentasi, belum ada keputusan panel)`,
    );
    expect(
      await suite.ctx.db
        .selectFrom('announcements')
        .select('id')
        .where('kind', '=', 'final_results')
        .execute(),
    ).toEqual([]);
  });

  it('refuses over the places and without the ceremony, then two publishes at once publish once', async () => {
    await presentationScore(s.f.a3.id, 81);
    expect(
      (await decideOn('panelist', s.f.a2.id, { awardKey: 'top45', reason: 'Cepat dan murah.' })).statusCode,
    ).toBe(200);
    expect(
      (await decideOn('panelist', s.f.a3.id, { awardKey: null, reason: 'Cakupan kecil.' })).statusCode,
    ).toBe(200);
    expect(
      (await decideOn('panelist', s.f.r1.id, { awardKey: 'top5_replikasi', reason: 'Replikasi berhasil.' }))
        .statusCode,
    ).toBe(200);
    const over = await inject('POST', `${base()}/publish`, 'sec', { decreeNumber: DECREE });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('awards_over_places');
    expect(over.json().error.message.id).toContain('2 diberikan, melebihi 1 tempat');
    const plenary = (await inject('GET', base(), 'sec')).json();
    expect(plenary.groups[0].tallies[0]).toMatchObject({ awarded: 2, places: 1, status: 'over' });

    await inject('PUT', `${base()}/settings`, 'sec', {
      awards: awards({ umum: 2, replikasi: 1, khusus: 1 }),
    });
    const noCeremony = await inject('POST', `${base()}/publish`, 'sec', { decreeNumber: DECREE });
    expect(noCeremony.json().error.code).toBe('ceremony_missing');
    await inject('PUT', `${base()}/settings`, 'sec', {
      awards: awards({ umum: 2, replikasi: 1, khusus: 1 }),
      ceremony: CEREMONY,
    });
    const ready = (await inject('GET', base(), 'sec')).json();
    expect(ready.missing).toEqual([]);
    expect(ready.abilities.publish).toBe(true);

    const sec2 = await makeUser(suite.ctx.db, {
      role: 'secretariat',
      institutionId: (
        await suite.ctx.db
          .selectFrom('competitions')
          .select('organizer_institution_id')
          .where('id', '=', s.competitionId)
          .executeTakeFirstOrThrow()
      ).organizer_institution_id,
    });
    const cookie2 = await sessionCookie(suite.ctx, sec2.id);
    const [a, b] = await Promise.all([
      inject('POST', `${base()}/publish`, 'sec', { decreeNumber: DECREE }),
      suite.ctx.app.inject({
        method: 'POST',
        url: `${base()}/publish`,
        headers: { cookie: cookie2 },
        payload: { decreeNumber: DECREE },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const won = a.statusCode === 200 ? a : b;
    const lost = a.statusCode === 200 ? b : a;
    expect(lost.json().error.code).toBe('results_published');
    expect(won.json()).toEqual({
      publishedAt: expect.any(String),
      decreeNumber: DECREE,
      finalists: 4,
      awarded: 3,
      registryRows: 7,
      // One per finalist and one per award (the certificates module, in the same transaction).
      certificates: 7,
      mails: 4,
    });
    expect(
      await suite.ctx.db
        .selectFrom('announcements')
        .select('id')
        .where('kind', '=', 'final_results')
        .execute(),
    ).toHaveLength(1);
    const audits = await suite.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'results.published')
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('wrote the registry rows exactly: Top 99 for every finalist, the level of each winner', async () => {
    const rows = await suite.ctx.db
      .selectFrom('awards')
      .select([
        'year',
        'level',
        'innovation_title',
        'institution_name',
        'institution_id',
        'competition_id',
        'proposal_id',
        'notes',
      ])
      .where('competition_id', '=', s.competitionId)
      .orderBy('proposal_id')
      .orderBy('level')
      .execute();
    const row = (f: { id: number; title: string }, level: string, institution: 'X' | 'Y') => ({
      year: 2026,
      level,
      innovation_title: f.title,
      institution_name: institution === 'X' ? 'Pemerintah Kabupaten Sidang X' : 'Pemerintah Kota Sidang Y',
      institution_id: institution === 'X' ? s.X : s.Y,
      competition_id: s.competitionId,
      proposal_id: f.id,
      notes: DECREE,
    });
    expect(rows).toEqual(
      [
        row(s.f.a1, 'TOP45', 'X'),
        row(s.f.a1, 'TOP99', 'X'),
        row(s.f.a2, 'TOP45', 'Y'),
        row(s.f.a2, 'TOP99', 'Y'),
        row(s.f.a3, 'TOP99', 'X'),
        row(s.f.r1, 'TOP5_REPLIKASI', 'Y'),
        row(s.f.r1, 'TOP99', 'Y'),
      ].sort((x, y) => x.proposal_id - y.proposal_id || x.level.localeCompare(y.level)),
    );
  });

  it('told every admin lokal and UPP of a finalist, in their language, with the ceremony', async () => {
    const { db } = suite.ctx;
    const outbox = await db
      .selectFrom('outbox')
      .select(['to_address', 'locale', 'subject', 'text_body', 'html_body'])
      .where('template', '=', 'results_published')
      .orderBy('to_address')
      .execute();
    expect(outbox.map((m) => m.to_address)).toEqual(
      [s.emails.adminX, s.emails.adminY, s.emails.uppX, s.emails.uppY].sort(),
    );
    const x = outbox.find((m) => m.to_address === s.emails.adminX)!;
    expect(x.subject).toMatch(/^Hasil .*: Pemerintah Kabupaten Sidang X$/);
    expect(x.text_body).toContain(DECREE);
    expect(x.text_body).toContain(
      `${s.f.a1.code} — Layanan Kesehatan Keliling Sidang (Dinas Kesehatan Sidang X): Top 45 Inovasi Pelayanan Publik Terpuji`,
    );
    expect(x.text_body).toContain(
      `${s.f.a3.code} — Bidan Desa Daring (Dinas Kesehatan Sidang X): Finalis (Top 99)`,
    );
    expect(x.text_body).toContain(
      'Penganugerahan: 15 Oktober 2026 09.00 WIB, Istana Wakil Presiden, Jakarta <b>.',
    );
    expect(x.html_body).toContain('Jakarta &lt;b&gt;');
    expect(x.html_body).not.toContain('Jakarta <b>');
    const y = outbox.find((m) => m.to_address === s.emails.adminY)!;
    expect(y.locale).toBe('en');
    expect(y.text_body).toContain('Top 5 Outstanding Replicated Innovations');
    const notices = await db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'results_published')
      .execute();
    expect(notices).toHaveLength(4);
    await suite.ctx.deliverMail();
    const mail = await suite.smtp.waitFor((m) => m.to.includes(s.emails.uppX));
    expect(mail.text).toContain('Bidan Desa Daring');
  });

  it('serves the public results per group after publishing, built once for every reader', async () => {
    const url = `/api/competitions/${s.competitionId}/results`;
    const first = await inject('GET', url);
    expect(first.statusCode).toBe(200);
    const r = first.json();
    expect(r.decreeNumber).toBe(DECREE);
    expect(r.ceremony).toEqual(CEREMONY);
    expect(r.groups.map((g: { key: string }) => g.key)).toEqual(['umum', 'replikasi']);
    expect(r.groups[0].entries).toEqual([
      {
        proposalId: s.f.a1.id,
        code: s.f.a1.code,
        title: s.f.a1.title,
        institution: 'Pemerintah Kabupaten Sidang X',
        // Its page in the gallery, which the publication filled.
        gallerySlug: (
          await suite.ctx.db
            .selectFrom('gallery_entries')
            .select('slug')
            .where('proposal_id', '=', s.f.a1.id)
            .executeTakeFirstOrThrow()
        ).slug,
        award: {
          key: 'top45',
          labelId: 'Top 45 Inovasi Pelayanan Publik Terpuji',
          labelEn: 'Top 45 Outstanding Public Service Innovations',
        },
      },
      expect.objectContaining({ proposalId: s.f.a2.id, award: expect.objectContaining({ key: 'top45' }) }),
      expect.objectContaining({ proposalId: s.f.a3.id, award: null }),
    ]);
    // Each process keeps its own copy: in the scaled mode every instance builds it once first.
    for (const i of suite.ctx.scaled?.instances.keys() ?? [])
      await suite.ctx.scaled!.injectVia(i, { method: 'GET', url });
    const allBuilds = () => servingDatabases(suite.ctx).reduce((n, db) => n + resultsBuilds(db), 0);
    const builds = allBuilds();
    const many = await Promise.all(Array.from({ length: 100 }, () => inject('GET', url)));
    expect(many.every((m) => m.statusCode === 200 && m.body === first.body)).toBe(true);
    expect(allBuilds()).toBe(builds);
    // The letter (PDF) names the decree and the awards.
    const pdf = await inject('GET', `/api/competitions/${s.competitionId}/announcements/final_results/pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Nomor 45 Tahun 2026');
    expect(text).toContain('Top 5 Inovasi Replikasi Terpuji');
  });

  it('keeps decisions and settings as published', async () => {
    const res = await decideOn('panelist', s.f.a3.id, { awardKey: 'top45', reason: 'Ubah', version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('results_published');
    const settings = await inject('PUT', `${base()}/settings`, 'sec', {
      awards: awards({ umum: 9, replikasi: 1, khusus: 1 }),
    });
    expect(settings.json().error.code).toBe('results_published');
    const v = (await inject('GET', base(), 'panelist')).json();
    expect(v.published).toEqual({ at: expect.any(String), decreeNumber: DECREE });
    expect(v.abilities).toEqual({ decide: false, manage: false, publish: false });
  });

  it("closes the loop: next year's umum refuses the second Top 99, a replikasi source is found in the new rows", async () => {
    const registry = await registryFor(suite.ctx.db, [s.X, s.Y]);
    // a3 (finalist, not awarded) was a Top 99 in 2025 already: a second Top 99 closes umum to it.
    const twice = umumEligible({ title: 'Bidan Desa Daring', institutionId: s.X }, registry);
    expect(twice.map((f) => f.rule)).toEqual(['umum_top99_twice']);
    expect(twice[0]!.message.id).toBe(
      'Inovasi ini sudah 2 kali masuk Top 99 (2025–2026); kelompok umum hanya untuk inovasi yang masuk Top 99 kurang dari dua kali.',
    );
    // a2 is in the Top 99 once but a Top Terpuji: umum is closed to it for that; a Top 99 once alone is not.
    expect(
      umumEligible({ title: 'Akta Kelahiran Sehari Jadi', institutionId: s.Y }, registry).map((f) => f.rule),
    ).toEqual(['umum_already_top_terpuji']);
    // r1's innovation is a Top 99 of 2026: another institution may replicate it.
    const proposer = await makeInstitution(suite.ctx.db, { name: 'Pemerintah Kabupaten Peniru' });
    expect(
      replikasiEligible(
        { title: 'Replikasi Pasar Sehat', institutionId: s.Y },
        { title: 'Pasar Sehat Peniru', institutionId: proposer.id },
        await registryFor(suite.ctx.db, [s.Y, proposer.id]),
        [2026],
      ),
    ).toEqual([]);
  });
  it('closes the loop in the product: a KIPP 2027 umum draft of the same innovation is refused with the code', async () => {
    const { db } = suite.ctx;
    const next = await publishedKipp(db, {
      organizerName: 'Kementerian Sidang Tahun Depan',
      now: suite.ctx.clock.now(),
      year: 2027,
    });
    // Inside KIPP 2027's submission window (the template: 15 March – 2 May 2027 23:59 WIB).
    suite.ctx.clock.freeze(new Date('2027-04-01T03:00:00.000Z'));
    const cookie = await sessionCookie(suite.ctx, s.ids.uppX);
    const created = await suite.ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${next.competitionId}/proposals`,
      headers: { cookie },
      payload: { groupKey: 'umum', title: 'Bidan Desa Daring' },
    });
    expect(created.statusCode).toBe(201);
    const detail = await suite.ctx.app.inject({
      method: 'GET',
      url: `/api/proposals/${created.json().id}`,
      headers: { cookie },
    });
    const missing = detail.json().completeness.missing as {
      kind: string;
      code: string;
      message: { id: string };
    }[];
    expect(missing.filter((m) => m.kind === 'ineligible').map((m) => m.code)).toEqual(['umum_top99_twice']);
    expect(missing.find((m) => m.code === 'umum_top99_twice')!.message.id).toContain(
      '2 kali masuk Top 99 (2025–2026)',
    );
  });
});
