import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeInstitution, makeUnit, makeUser, publishedKipp, TEST_PASSWORD } from '../helpers/fixtures.js';
import { makeFinalist } from '../helpers/finalists.js';
import { logIn, openProfiles, shoot, startServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Public participation in Chromium (issue 13 point 8): on a phone, a visitor sees the window on the
 * competition's page, verifies an address with the code from the captured mail and rates two finalists;
 * the secretariat reads the summary (an input, never the decision) and the anomaly report, and excludes a
 * flagged group after confirming with a reason; the panel reads the same page in English, without actions.
 */

describe('public ratings in the browser', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId = 0;
  const finalists: { id: number; title: string }[] = [];
  const emails = { secretariat: '', panelist: '' };

  beforeAll(async () => {
    server = await startServer();
    profiles = await openProfiles();
    const { db } = server.ctx;
    const now = new Date();
    const kipp = await publishedKipp(db, { organizerName: 'Kementerian Nilai Publik Peramban', now });
    competitionId = kipp.competitionId;
    emails.secretariat = kipp.secretariat.email;
    const panelist = await makeUser(db, { role: 'panelist', competitionId, name: 'Prof. Dewi Panel' });
    emails.panelist = panelist.email;
    const inst = await makeInstitution(db, { name: 'Pemerintah Kabupaten Sukamaju' });
    const unit = await makeUnit(db, inst.id, 'Dinas Kesehatan Sukamaju');
    const upp = await makeUser(db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    for (const title of ['Posyandu Keliling Digital', 'Jemput Bola Akta Kelahiran', 'Sekolah Lapang Petani'])
      finalists.push(
        await makeFinalist(db, {
          competitionId,
          institutionId: inst.id,
          unitId: unit.id,
          createdBy: upp.id,
          actorUserId: kipp.secretariat.id,
          now,
          title,
        }),
      );
    await db
      .insertInto('public_rating_windows')
      .values({
        competition_id: competitionId,
        stage_id: null,
        enabled: 1,
        opens_at: new Date(now.getTime() - 86_400_000).toISOString(),
        closes_at: new Date(now.getTime() + 3 * 86_400_000).toISOString(),
        updated_by: kipp.secretariat.id,
        updated_at: now.toISOString(),
      })
      .execute();
    // Six addresses rated the third finalist 1 from one IP address a little earlier: a flagged group.
    for (let i = 0; i < 6; i++)
      await db
        .insertInto('public_ratings')
        .values({
          competition_id: competitionId,
          proposal_id: finalists[2]!.id,
          voter_hash: `kantor-${i}`.padEnd(64, '0'),
          session_id: 1000 + i,
          value: 1,
          ip: '36.80.1.9',
          created_at: new Date(now.getTime() - 3600_000 + i * 60_000).toISOString(),
          updated_at: new Date(now.getTime() - 3600_000 + i * 60_000).toISOString(),
          exclusion_id: null,
        })
        .execute();
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  const signedIn = async (email: string, viewport = { width: 1280, height: 900 }): Promise<Page> => {
    const page = await profiles.newPage(viewport);
    await logIn(page, server.baseUrl, email, TEST_PASSWORD);
    return page;
  };

  it('lets a visitor verify an e-mail by the code and rate two finalists, on a phone', async () => {
    const page = await profiles.newPage({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/kompetisi/${competitionId}`);
    await page.getByRole('heading', { name: 'Penilaian Publik: Kebermanfaatan Inovasi' }).waitFor();
    await expect.poll(() => page.getByText(/Penilaian publik dibuka sampai .* WIB\./).count()).toBe(1);
    await page.getByRole('link', { name: 'Beri penilaian publik' }).click();
    await page.getByRole('heading', { level: 1, name: 'Penilaian Publik: Kebermanfaatan Inovasi' }).waitFor();
    await page.getByText('bukan keputusan', { exact: false }).first().waitFor();
    await shoot(page, 'public-ratings-01-page-phone');

    await page.getByLabel(/^Alamat e-mail/).fill('Warga.Sukamaju@gmail.com');
    await page.getByRole('button', { name: 'Kirim kode' }).click();
    await page.getByText('Kode dikirim ke Warga.Sukamaju@gmail.com', { exact: false }).waitFor();
    const mail = await server.smtp.waitFor((m) => m.to.includes('Warga.Sukamaju@gmail.com'));
    const code = /: (\d{6})/.exec(mail.text)![1]!;
    await page.getByLabel(/^Kode 6 angka/).fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByText('Kode salah. Sisa percobaan: 4.').waitFor();
    await shoot(page, 'public-ratings-02-code-phone');
    await page.getByLabel(/^Kode 6 angka/).fill(code);
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByText(/E-mail terverifikasi\. Sesi penilaian berlaku sampai .* WIB\./).waitFor();

    const card = (i: number) => page.getByTestId(`finalist-${finalists[i]!.id}`);
    await card(0).getByRole('radio', { name: '5 dari 5' }).check();
    await card(0).getByText('✓ Tersimpan: 5').waitFor();
    await card(1).getByRole('radio', { name: '4 dari 5' }).check();
    await card(1).getByText('✓ Tersimpan: 4').waitFor();
    // Changing one's mind replaces the rating.
    await card(1).getByRole('radio', { name: '3 dari 5' }).check();
    await card(1).getByText('✓ Tersimpan: 3').waitFor();
    await shoot(page, 'public-ratings-03-rated-phone');
    const rows = await server.ctx.db
      .selectFrom('public_ratings')
      .select(['proposal_id', 'value'])
      .where('competition_id', '=', competitionId)
      .where('ip', '!=', '36.80.1.9')
      .orderBy('proposal_id')
      .execute();
    expect(rows).toEqual([
      { proposal_id: finalists[0]!.id, value: 5 },
      { proposal_id: finalists[1]!.id, value: 3 },
    ]);
    const stillThere = await server.ctx.db
      .selectFrom('outbox')
      .select('id')
      .where('to_address', '=', 'Warga.Sukamaju@gmail.com')
      .execute();
    expect(stillThere).toEqual([]);
  });

  it('shows the secretariat the summary and the anomaly report, and excludes a group after confirmation', async () => {
    const page = await signedIn(emails.secretariat);
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/nilai-publik`);
    await page.getByRole('heading', { level: 1, name: 'Penilaian Publik' }).waitFor();
    await page
      .getByText('Penilaian publik adalah masukan bagi Tim Panel Independen, bukan keputusan.', {
        exact: false,
      })
      .first()
      .waitFor();
    const anomaly = page.getByTestId('anomaly');
    await anomaly.waitFor();
    expect(await anomaly.textContent()).toContain(
      '6 alamat e-mail berbeda menilai dari satu alamat IP (36.80.1.9)',
    );
    await shoot(page, 'public-ratings-04-report');
    await anomaly.getByRole('button', { name: 'Kecualikan kelompok ini' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Penilaian tetap tersimpan', { exact: false }).waitFor();
    await dialog.getByLabel('Alasan').fill('Enam alamat dari satu IP dalam enam menit.');
    await shoot(page, 'public-ratings-05-exclude-dialog');
    await dialog.getByRole('button', { name: 'Kecualikan' }).click();
    await page.getByRole('heading', { name: 'Pengecualian' }).waitFor();
    await page.getByText('“Enam alamat dari satu IP dalam enam menit.”', { exact: false }).waitFor();
    await shoot(page, 'public-ratings-06-excluded');
    const row = page.getByRole('row').filter({ hasText: 'Sekolah Lapang Petani' });
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toMatch(/0—0 · 0 · 0 · 0 · 06$/);
  });

  it("shows the panel the same summary in English, without the secretariat's actions", async () => {
    const page = await profiles.newPage({ width: 390, height: 844 });
    await logIn(page, server.baseUrl, emails.panelist, TEST_PASSWORD);
    await page.evaluate(() => localStorage.setItem('sinovik.lang', 'en'));
    await page.goto(`${server.baseUrl}/panel/kompetisi/${competitionId}/nilai-publik`);
    await page.getByRole('heading', { level: 1, name: 'Public Rating' }).waitFor();
    await page
      .getByText("The public's rating is an input to the Independent Panel, never the decision.", {
        exact: false,
      })
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: 'Exclude this group' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save the window' }).count()).toBe(0);
    await shoot(page, 'public-ratings-07-panel-en-phone');
  });
});
