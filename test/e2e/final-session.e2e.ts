import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInstitution, makeUnit, makeUser, TEST_PASSWORD } from '../helpers/fixtures.js';
import { decideEvidenceStage, makeFinalist } from '../helpers/finalists.js';
import { stageOf } from '../helpers/review.js';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Issue 13 points 4–6 in Chromium: a panelist records the panel's decisions in the plenary (desktop, then
 * on a phone), the secretariat enters the award ceremony and publishes the results with the decree after the
 * confirmation naming the consequences, and the public reads the results page (desktop, 390 px, English).
 * The world (finalists with evidence and presentation scores, a panelist) is made with the test helpers.
 * Screenshots: test-results/screenshots/final-session-*.png.
 */
describe('the final session and the results in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;
  let panelistEmail: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
    const { db } = server.ctx;
    const now = server.ctx.clock.now();
    const c = await db
      .selectFrom('competitions')
      .select('id')
      .where('code', '=', 'KIPP')
      .orderBy('year', 'desc')
      .executeTakeFirstOrThrow();
    competitionId = c.id;
    const sec = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'sekretariat@demo.sinovik.id')
      .executeTakeFirstOrThrow();
    const panelist = await makeUser(db, {
      role: 'panelist',
      competitionId,
      name: 'Prof. Ratna Sidang',
      email: 'panel.sidang@uji.go.id',
    });
    panelistEmail = panelist.email;
    const bandung = await makeInstitution(db, {
      name: 'Pemerintah Kota Bandung Sidang',
      type: 'pemerintah_kota',
    });
    const sleman = await makeInstitution(db, { name: 'Pemerintah Kabupaten Sleman Sidang' });
    const uB = await makeUnit(db, bandung.id, 'Dinas Kependudukan Kota Bandung');
    const uS = await makeUnit(db, sleman.id, 'RSUD Sleman');
    const fin = async (
      key: string,
      institutionId: number,
      unitId: number,
      title: string,
      groupKey = 'umum',
    ) => {
      ids[key] = (
        await makeFinalist(db, {
          competitionId,
          institutionId,
          unitId,
          createdBy: sec.id,
          actorUserId: sec.id,
          now,
          title,
          groupKey,
        })
      ).id;
    };
    await fin('a', bandung.id, uB.id, 'Akta Lahir Sehari Jadi');
    await fin('b', sleman.id, uS.id, 'Ambulans Desa Siaga');
    await fin('r', sleman.id, uS.id, 'Replikasi Posyandu Digital', 'replikasi');
    await decideEvidenceStage(db, {
      competitionId,
      decidedBy: sec.id,
      now,
      results: [
        { proposalId: ids.a!, score: 91.5 },
        { proposalId: ids.b!, score: 88 },
        { proposalId: ids.r!, score: 84.25 },
      ],
    });
    const presentation = await stageOf(db, competitionId, 'presentation');
    for (const [key, score] of [
      ['a', 93.4],
      ['b', 86],
      ['r', 89.5],
    ] as const)
      await db
        .insertInto('stage_results')
        .values({
          stage_id: presentation.id,
          proposal_id: ids[key]!,
          raw_score: score,
          normalized_score: null,
          score,
          basis: 'raw',
          outcome: 'advanced',
          explanation_id: `Rata-rata panel ${score}`,
          explanation_en: `Panel mean ${score}`,
          decided_by: sec.id,
          decided_at: now.toISOString(),
        })
        .execute();
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  const decide = async (
    page: Awaited<ReturnType<Profiles['newPage']>>,
    title: string,
    option: string,
    reason: string,
  ) => {
    const card = page.getByRole('article', { name: title });
    await card.getByLabel(/^Keputusan/).click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await card.getByLabel(/^Alasan keputusan/).fill(reason);
    await card.getByRole('button', { name: 'Simpan keputusan' }).click();
  };

  it('a panelist reads the plenary and records the decisions with their reasons', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(page, server.baseUrl, panelistEmail, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/panel/kompetisi/${competitionId}/sidang`);
    await page.getByRole('heading', { name: 'Sidang Tim Panel Independen', level: 1 }).waitFor();
    await page.getByText(/Belum dapat diumumkan: 3 finalis belum lengkap/).waitFor();
    await page.getByText('belum ada').first().waitFor();
    await shoot(page, 'final-session-01-plenary');
    await decide(
      page,
      'Akta Lahir Sehari Jadi',
      'Top 45 Inovasi Pelayanan Publik Terpuji',
      'Waktu layanan turun dari 14 hari menjadi 1 hari.',
    );
    await page.getByText(/Keputusan atas .* disimpan\./).waitFor();
    await decide(
      page,
      'Ambulans Desa Siaga',
      'Tidak mendapat penghargaan (tetap finalis Top 99)',
      'Cakupan layanan belum meluas.',
    );
    await page.getByText('Top 45 Inovasi Pelayanan Publik Terpuji: 1 dari 45', { exact: true }).waitFor();
    await shoot(page, 'final-session-02-decided');
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, panelistEmail, TEST_PASSWORD);
    await phone.goto(`${server.baseUrl}/panel/kompetisi/${competitionId}/sidang`);
    await decide(
      phone,
      'Replikasi Posyandu Digital',
      'Top 5 Inovasi Replikasi Terpuji',
      'Replikasi berhasil di 12 desa.',
    );
    await phone.getByText(/Keputusan atas .* disimpan\./).waitFor();
    await shoot(phone, 'final-session-03-phone');
    const rows = await server.ctx.db
      .selectFrom('panel_decisions')
      .select(['proposal_id', 'award_key'])
      .execute();
    expect(rows.sort((x, y) => x.proposal_id - y.proposal_id)).toEqual(
      [
        { proposal_id: ids.a!, award_key: 'top45' },
        { proposal_id: ids.b!, award_key: null },
        { proposal_id: ids.r!, award_key: 'top5_replikasi' },
      ].sort((x, y) => x.proposal_id - y.proposal_id),
    );
  });

  it('the secretariat enters the ceremony and publishes the results with the decree after confirming', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/sidang`);
    await page.getByRole('heading', { name: 'Pengaturan sidang', level: 2 }).waitFor();
    await page.getByLabel(/^Tanggal dan jam/).fill('2026-10-15T09:00');
    await page.getByLabel(/^Tempat/).fill('Istana Wakil Presiden, Jakarta');
    await page
      .getByLabel(/^Catatan \(Bahasa Indonesia\)/)
      .fill('Pakaian sipil lengkap; hadir pimpinan instansi.');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByText('Pengaturan sidang disimpan.').waitFor();
    await page.getByLabel(/^Nomor keputusan/).fill('Keputusan Menteri PANRB Nomor 45 Tahun 2026');
    await page.getByRole('button', { name: 'Umumkan hasil…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Umumkan hasil 3 finalis?' });
    await dialog.getByText(/Daftar penghargaan ditulis/).waitFor();
    await dialog.getByText(/tidak dapat dibatalkan/).waitFor();
    await shoot(page, 'final-session-04-confirm');
    await dialog.getByRole('button', { name: 'Ya, umumkan hasil' }).click();
    await page.getByText(/^Hasil diumumkan: 2 penerima penghargaan dari 3 finalis/).waitFor();
    await page
      .getByText(/Hasil telah diumumkan pada .* WIB dengan Keputusan Menteri PANRB Nomor 45 Tahun 2026/)
      .waitFor();
    await shoot(page, 'final-session-05-published');
    const levels = await server.ctx.db
      .selectFrom('awards')
      .select(['level', 'proposal_id'])
      .where('competition_id', '=', competitionId)
      .execute();
    expect(levels).toHaveLength(5);
  });

  it('the public reads the results per group, on a phone and in English', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/kompetisi/${competitionId}/hasil`);
    await page.getByText('Keputusan Menteri PANRB Nomor 45 Tahun 2026').waitFor();
    await page.getByText(/15 Oktober 2026 09\.00 WIB, Istana Wakil Presiden/).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Akta Lahir Sehari Jadi' }).waitFor();
    await shoot(page, 'final-session-06-public');
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await phone.goto(`${server.baseUrl}/kompetisi/${competitionId}/hasil`);
    await phone.getByText('Top 5 Inovasi Replikasi Terpuji').first().waitFor();
    await shoot(phone, 'final-session-07-public-phone');
    await phone.getByText('EN', { exact: true }).click();
    await phone.getByText('Top 5 Outstanding Replicated Innovations').first().waitFor();
    await shoot(phone, 'final-session-08-public-phone-en');
  });
});
