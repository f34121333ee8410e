import { expect } from 'vitest';
import type { TestContext } from './app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './fixtures.js';
import { decideEvidenceStage, makeFinalist } from './finalists.js';
import { stageOf } from './review.js';

/*
 * The gallery's test world (issue 14): a KIPP 2026 whose results are published through the API with four
 * finalists (two awarded) in two regions, their answers, a proposal that stays private, and a finalist of
 * another competition whose results are not published.
 */

const DECREE = 'Keputusan Menteri PANRB Nomor 7 Tahun 2026';
const CEREMONY = {
  startsAt: '2026-10-15T02:00:00.000Z',
  place: 'Istana Wakil Presiden, Jakarta',
  notesId: 'Pakaian sipil lengkap.',
  notesEn: 'Formal dress.',
};

export interface Made {
  id: number;
  code: string;
  title: string;
}

export interface GalleryWorld {
  competitionId: number;
  organizerId: number;
  secId: number;
  f: Record<'dukcapil' | 'puskesmas' | 'sampah' | 'replikasi', Made>;
  privateOne: Made;
  unpublished: Made;
  categories: { key: string; id: number }[];
}

export async function publishedGalleryWorld(suite: { ctx: TestContext }): Promise<GalleryWorld> {
  const s = {} as GalleryWorld;
  /** Answers of the proposal's form by section key (the form of its group). */
  const answer = async (proposalId: number, texts: Record<string, string>) => {
    const { db } = suite.ctx;
    const p = await db
      .selectFrom('proposals')
      .select('group_id')
      .where('id', '=', proposalId)
      .executeTakeFirstOrThrow();
    for (const [key, text] of Object.entries(texts)) {
      const section = await db
        .selectFrom('form_sections')
        .select('id')
        .where('group_id', '=', p.group_id)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('proposal_answers')
        .values({
          proposal_id: proposalId,
          section_id: section.id,
          text,
          word_count: text.split(/\s+/).length,
          updated_at: suite.ctx.clock.now().toISOString(),
        })
        .execute();
    }
  };

  const { db } = suite.ctx;
  const now = suite.ctx.clock.now();
  const k = await publishedKipp(db, { organizerName: 'Kementerian Galeri Uji', now, year: 2026 });
  const other = await publishedKipp(db, { organizerName: 'Kementerian Galeri Lain', now, year: 2026 });
  s.competitionId = k.competitionId;
  s.organizerId = k.organizer.id;
  s.secId = k.secretariat.id;
  const X = await makeInstitution(db, { name: 'Pemerintah Kabupaten Tangerang', regionCode: '36.03' });
  const Y = await makeInstitution(db, {
    name: 'Pemerintah Kota Bandung',
    type: 'pemerintah_kota',
    regionCode: '32.73',
  });
  const uX = await makeUnit(db, X.id, 'Dinas Kependudukan dan Pencatatan Sipil');
  const uY = await makeUnit(db, Y.id, 'Dinas Kesehatan');
  const upp = await makeUser(db, { role: 'upp', institutionId: X.id, unitId: uX.id });
  const panelist = await makeUser(db, { role: 'panelist', competitionId: k.competitionId });
  const fin = (
    competitionId: number,
    actor: number,
    inst: number,
    unit: number,
    title: string,
    group = 'umum',
  ) =>
    makeFinalist(db, {
      competitionId,
      institutionId: inst,
      unitId: unit,
      createdBy: upp.id,
      actorUserId: actor,
      now,
      title,
      groupKey: group,
    });
  s.f = {
    dukcapil: await fin(
      k.competitionId,
      k.secretariat.id,
      X.id,
      uX.id,
      'Jemput Bola Pelayanan Kependudukan Desa',
    ),
    puskesmas: await fin(k.competitionId, k.secretariat.id, Y.id, uY.id, 'Puskesmas Keliling Sehat Bersama'),
    sampah: await fin(k.competitionId, k.secretariat.id, X.id, uX.id, 'Bank Sampah Jadi Emas'),
    replikasi: await fin(
      k.competitionId,
      k.secretariat.id,
      Y.id,
      uY.id,
      'Replikasi Akta Lahir Daring',
      'replikasi',
    ),
  };
  s.categories = (
    await db
      .selectFrom('categories')
      .select(['id', 'key'])
      .where('competition_id', '=', k.competitionId)
      .orderBy('position')
      .execute()
  ).map((c) => ({ key: c.key, id: c.id }));
  await db
    .updateTable('proposals')
    .set({ category_id: s.categories[0]!.id })
    .where('id', '=', s.f.dukcapil.id)
    .execute();
  await db
    .updateTable('proposals')
    .set({ category_id: s.categories[1]!.id, acronym: 'PUSLING' })
    .where('id', '=', s.f.puskesmas.id)
    .execute();
  await answer(s.f.dukcapil.id, {
    ringkasan:
      'Dinas Kependudukan dan Pencatatan Sipil mendatangi warga di desa terpencil untuk merekam KTP elektronik dan menerbitkan akta kelahiran di tempat.',
    latar_belakang_tujuan:
      'Warga desa harus menempuh dua jam perjalanan untuk pelayanan kependudukan; kini pelayanan kependudukan datang ke balai desa setiap pekan.',
  });
  await answer(s.f.puskesmas.id, {
    ringkasan:
      'Mobil puskesmas keliling memeriksa kesehatan ibu hamil dan balita di kelurahan padat penduduk.',
  });
  await answer(s.f.sampah.id, {
    latar_belakang_tujuan:
      'Warga menabung sampah plastik di bank sampah dan menukarnya dengan emas; pelayanan kebersihan kota ikut terbantu.',
  });
  await answer(s.f.replikasi.id, {
    ringkasan: 'Replikasi layanan akta kelahiran daring dari Kabupaten Tangerang untuk warga kota.',
  });
  // A proposal that stays private: in the competition, never a finalist (passed the check, not shortlisted).
  const privateProposal = await fin(
    k.competitionId,
    k.secretariat.id,
    X.id,
    uX.id,
    'Pelayanan Kependudukan Rahasia Desa',
  );
  await db
    .updateTable('proposals')
    .set({ state: 'passed_admin' })
    .where('id', '=', privateProposal.id)
    .execute();
  await answer(privateProposal.id, {
    ringkasan:
      'Pelayanan kependudukan rahasiaku di desa oleh Disdukcapil: pelayanan kependudukan setiap hari.',
  });
  s.privateOne = privateProposal;
  // A finalist of another competition whose results are not published.
  s.unpublished = await fin(
    other.competitionId,
    other.secretariat.id,
    X.id,
    uX.id,
    'Pelayanan Kependudukan Belum Diumumkan',
  );
  await answer(s.unpublished.id, { ringkasan: 'Pelayanan kependudukan rahasiaku yang belum diumumkan.' });

  // The final session: scores, decisions, settings, then the publication through the API.
  await decideEvidenceStage(db, {
    competitionId: k.competitionId,
    decidedBy: k.secretariat.id,
    now,
    results: Object.values(s.f).map((f, i) => ({ proposalId: f.id, score: 90 - i })),
  });
  const presentation = (await stageOf(db, k.competitionId, 'presentation')).id;
  for (const f of Object.values(s.f))
    await db
      .insertInto('stage_results')
      .values({
        stage_id: presentation,
        proposal_id: f.id,
        raw_score: 80,
        normalized_score: null,
        score: 80,
        basis: 'raw',
        outcome: 'advanced',
        explanation_id: 'Rata-rata panel 80',
        explanation_en: 'Panel mean 80',
        decided_by: k.secretariat.id,
        decided_at: now.toISOString(),
      })
      .execute();
  const sec = await sessionCookie(suite.ctx, k.secretariat.id);
  const pan = await sessionCookie(suite.ctx, panelist.id);
  const base = `/api/competitions/${k.competitionId}/final-session`;
  const settings = await suite.ctx.app.inject({
    method: 'PUT',
    url: `${base}/settings`,
    headers: { cookie: sec },
    payload: {
      awards: [
        {
          key: 'top45',
          groupKey: 'umum',
          labelId: 'Top 45 Inovasi Pelayanan Publik Terpuji',
          labelEn: 'Top 45 Outstanding Public Service Innovations',
          level: 'TOP45',
          places: 1,
        },
        {
          key: 'top5_replikasi',
          groupKey: 'replikasi',
          labelId: 'Top 5 Inovasi Replikasi Terpuji',
          labelEn: 'Top 5 Outstanding Replicated Innovations',
          level: 'TOP5_REPLIKASI',
          places: 1,
        },
      ],
      ceremony: CEREMONY,
    },
  });
  expect(settings.statusCode, settings.body).toBe(200);
  const decisions: [Made, string | null][] = [
    [s.f.dukcapil, 'top45'],
    [s.f.puskesmas, null],
    [s.f.sampah, null],
    [s.f.replikasi, 'top5_replikasi'],
  ];
  for (const [f, awardKey] of decisions) {
    const res = await suite.ctx.app.inject({
      method: 'PUT',
      url: `${base}/decisions/${f.id}`,
      headers: { cookie: pan },
      payload: { awardKey, reason: 'Keputusan sidang.' },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const published = await suite.ctx.app.inject({
    method: 'POST',
    url: `${base}/publish`,
    headers: { cookie: sec },
    payload: { decreeNumber: DECREE },
  });
  expect(published.statusCode, published.body).toBe(200);
  return s;
}
