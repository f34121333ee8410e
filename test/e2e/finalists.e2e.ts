import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInstitution } from '../helpers/fixtures.js';
import { decideEvidenceStage, setObjectionWindow } from '../helpers/finalists.js';
import { makeJudgedProposal } from '../helpers/judging.js';
import {
  logIn,
  openProfiles,
  pick,
  shoot,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

/*
 * Issue 12 point 7 in Chromium: the secretariat sets the finalists (N and one 3T quota), computes them,
 * reads the explanation of the proposal the quota put in, publishes the provisional list after the
 * confirmation naming its consequences; then the public reads the announcement and follows a finalist's
 * objection link. Desktop and 390 px, once in English. The world (an evidence stage decided) is made with
 * the test helpers. Screenshots: test-results/screenshots/finalists-*.png.
 */
describe('the finalists in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
    const { db } = server.ctx;
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
    const papua = await makeInstitution(db, {
      name: 'Pemerintah Kabupaten Uji Pegunungan',
      regionCode: '95.98',
    });
    const bandung = await makeInstitution(db, {
      name: 'Pemerintah Kota Bandung Finalis',
      type: 'pemerintah_kota',
      regionCode: '32.98',
    });
    const make = async (key: string, institutionId: number, title: string) => {
      ids[key] = (await makeJudgedProposal(db, { competitionId, institutionId, title })).id;
    };
    await make('a', bandung.id, 'Perizinan Satu Pintu Daring');
    await make('b', bandung.id, 'Layanan Kependudukan Keliling');
    await make('c', bandung.id, 'Aduan Warga Terpadu');
    await make('papua', papua.id, 'Puskesmas Terapung Pegunungan');
    await decideEvidenceStage(db, {
      competitionId,
      decidedBy: sec.id,
      now: server.ctx.clock.now(),
      results: [
        { proposalId: ids.a!, score: 94.5 },
        { proposalId: ids.b!, score: 91 },
        { proposalId: ids.c!, score: 88.25 },
        { proposalId: ids.papua!, score: 81 },
      ],
    });
    const now = server.ctx.clock.now();
    await setObjectionWindow(db, {
      competitionId,
      opensAt: new Date(now.getTime() - 3600_000),
      closesAt: new Date(now.getTime() + 5 * 86400_000),
    });
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('the secretariat sets one quota, computes, reads the explanation and publishes after confirming', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/finalis`);
    await page.getByRole('heading', { name: 'Finalis', level: 1 }).waitFor();
    await page.getByText(/^4 kandidat dari tahap/).waitFor();
    await page.getByLabel(/^Jumlah finalis — Umum/).fill('2');
    await page.getByRole('button', { name: 'Tambah kuota' }).click();
    await page.getByLabel('Minimal').fill('1');
    await page.getByLabel('Nama (Indonesia)').fill('daerah 3T');
    await page.getByLabel('Nama (Inggris)').fill('3T areas');
    await page.getByLabel('Daftar daerah 3T').fill('95');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByText('Pengaturan finalis disimpan. Hitung ulang finalis.').waitFor();
    await page.getByRole('button', { name: 'Hitung finalis' }).click();
    await page
      .getByText(/^Finalis dihitung: 2 terpilih, 1 masuk karena kuota, 1 keluar karena kuota/)
      .waitFor();
    await page.getByRole('heading', { name: 'Hasil kuota', level: 2 }).waitFor();
    await shoot(page, 'finalists-01-computed');

    await pick(page, 'Tampilkan', 'Masuk karena kuota');
    await page.getByText('Puskesmas Terapung Pegunungan').first().waitFor();
    await expect.poll(() => page.getByText('Perizinan Satu Pintu Daring').count()).toBe(0);
    await page
      .getByText(/kuota minimum daerah 3T/)
      .first()
      .waitFor();
    await shoot(page, 'finalists-02-explanation');

    await page.getByLabel(/^Nomor surat pengumuman/).fill('B/233/PP.00.05/2026');
    await page.getByRole('button', { name: 'Umumkan finalis sementara' }).click();
    const dialog = page.getByRole('dialog', { name: 'Umumkan 2 finalis sementara?' });
    await dialog.getByText(/tampil untuk umum/).waitFor();
    await dialog.getByText(/Uji publik dibuka sesuai jadwal tahapnya: .*WI[BTA]/).waitFor();
    await dialog.getByText(/tidak dapat dibatalkan/).waitFor();
    await shoot(page, 'finalists-03-confirm');
    await dialog.getByRole('button', { name: 'Ya, umumkan' }).click();
    await page.getByText('2 finalis sementara diumumkan.').waitFor();
    await page
      .getByText(/Daftar sementara diumumkan .* dengan surat nomor B\/233\/PP\.00\.05\/2026/)
      .waitFor();
    await shoot(page, 'finalists-04-published');
    const states = await server.ctx.db
      .selectFrom('proposals')
      .select(['id', 'state'])
      .where('id', 'in', Object.values(ids))
      .execute();
    expect(
      states
        .filter((s) => s.state === 'finalist')
        .map((s) => s.id)
        .sort(),
    ).toEqual([ids.a!, ids.papua!].sort());
  });

  it('the page reads on a phone, and in English', async () => {
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await phone.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/finalis`);
    await phone.getByText(/Daftar sementara diumumkan/).waitFor();
    await shoot(phone, 'finalists-05-phone');
    await phone.getByText('EN', { exact: true }).click();
    await phone.getByText(/The provisional list was published/).waitFor();
    await shoot(phone, 'finalists-06-phone-en');
  });

  it('the public reads the provisional list and opens the objection form for a finalist', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/kompetisi/${competitionId}/pengumuman/finalists_provisional`);
    await page.getByText('B/233/PP.00.05/2026').first().waitFor();
    await page.getByText('Puskesmas Terapung Pegunungan').first().waitFor();
    await shoot(page, 'finalists-07-public');
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await phone.goto(`${server.baseUrl}/kompetisi/${competitionId}/pengumuman/finalists_provisional`);
    // On a phone the list is cards (the table's copy is hidden).
    await phone.getByText('Puskesmas Terapung Pegunungan').last().waitFor();
    await shoot(phone, 'finalists-08-public-phone');
    await page
      .getByRole('link', { name: /^Ajukan keberatan atas / })
      .first()
      .click();
    await page.waitForURL(/\/uji-publik\?finalis=\d+/);
    const url = new URL(page.url());
    expect([String(ids.a), String(ids.papua)]).toContain(url.searchParams.get('finalis'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shoot(page, 'finalists-09-objection-form');
  });
});
