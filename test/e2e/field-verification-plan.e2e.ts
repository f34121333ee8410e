import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { wallClock } from '../../src/domain/time.js';
import { sessionCookie } from '../helpers/fixtures.js';
import { multipartForm } from '../helpers/multipart.js';
import {
  logIn,
  openProfiles,
  shoot,
  SHOTS_DIR,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

/*
 * The secretariat's field verification page in Chromium on the panel demo (KIPP-PANEL, field verification
 * from day 7 to day 14): a visit outside the stage is refused on its date field, then an open and a closed
 * visit are planned, the open one moved, a third cancelled with a reason; the verifier's report (through the
 * API, with a photo) is read on the page. The finalist's UPP sees the open visit on its proposal page and
 * never the closed one.
 */

const CLOSED_MARK = 'Gudang Arsip Rahasia';
const ZONE = 'Asia/Jakarta';

/** The date (YYYY-MM-DD) `days` from now on the WIB wall clock. */
const dayIn = (days: number) => {
  const w = wallClock(new Date(Date.now() + days * 86_400_000), ZONE);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
};

describe('field verification planned by the secretariat, read by the participant', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId = 0;
  let finalist = { id: 0, code: '' };
  let other = { id: 0, code: '' };
  let verifier = { id: 0, name: '' };

  beforeAll(async () => {
    server = await startDemoServer({}, { panel: true });
    profiles = await openProfiles();
    const { db } = server.ctx;
    competitionId = (
      await db
        .selectFrom('competitions')
        .select('id')
        .where('code', '=', 'KIPP-PANEL')
        .executeTakeFirstOrThrow()
    ).id;
    const upp = await db
      .selectFrom('role_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .select(['g.unit_id'])
      .where('u.email', '=', 'upp.tangerang@demo.sinovik.id')
      .where('g.role', '=', 'upp')
      .executeTakeFirstOrThrow();
    const finalists = await db
      .selectFrom('proposals')
      .select(['id', 'code', 'unit_id'])
      .where('competition_id', '=', competitionId)
      .where('state', '=', 'finalist')
      .orderBy('code')
      .execute();
    const own = finalists.find((f) => f.unit_id === upp.unit_id);
    if (!own) throw new Error('the demo has no finalist of upp.tangerang@');
    finalist = { id: own.id, code: own.code };
    const o = finalists.find((f) => f.id !== own.id)!;
    other = { id: o.id, code: o.code };
    const v = await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('email', '=', 'nurul.hidayati@demo.sinovik.id')
      .executeTakeFirstOrThrow();
    verifier = { id: v.id, name: v.name };
  }, 300_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  const visitCard = (page: Page, kind: 'Terbuka' | 'Tertutup', code = finalist.code) =>
    page.getByRole('article', { name: `${code}, ${kind}` });

  /** Fills the plan dialog (the finalist is chosen by the button that opened it). */
  async function fillVisit(
    page: Page,
    v: { kind: 'Terbuka' | 'Tertutup'; address: string; date: string; time: string },
  ) {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: v.kind }).check();
    const box = dialog.getByRole('checkbox', { name: new RegExp(`^${verifier.name}`) });
    if (!(await box.isChecked())) await box.check();
    await dialog.getByLabel(/^Alamat lokasi kunjungan/).fill(v.address);
    await dialog.getByLabel(/^Tanggal kunjungan/).fill(v.date);
    await dialog.getByLabel(/^Jam mulai/).fill(v.time);
  }

  let openVisit = 0;
  let closedVisit = 0;

  it('plans an open and a closed visit (one refused outside the stage first), moves one, cancels another', async () => {
    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}`);
    await page.getByRole('link', { name: 'Verifikasi lapangan' }).click();
    await page.getByRole('heading', { name: 'Verifikasi lapangan', level: 1 }).waitFor();
    const window = await page.getByTestId('field-window').textContent();
    expect(window).toMatch(
      /^Tahap verifikasi lapangan: \d+ \S+ \d{4} 23\.59 WIB – \d+ \S+ \d{4} 23\.59 WIB\./,
    );

    // Outside the stage (day 20): refused on the date field, naming the window.
    await page.getByRole('button', { name: `Rencanakan kunjungan ke ${finalist.code}` }).click();
    await expect(
      page.getByRole('dialog').getByText('Tertutup — peserta TIDAK diberi tahu.', { exact: false }).count(),
    ).resolves.toBe(1);
    await fillVisit(page, {
      kind: 'Terbuka',
      address: 'Kantor Dinas Kesehatan Kabupaten Tangerang, Jl. Raya Tigaraksa 1',
      date: dayIn(20),
      time: '09:00',
    });
    await page.getByRole('dialog').getByRole('button', { name: 'Rencanakan kunjungan' }).click();
    const dateField = page.getByRole('dialog').getByLabel(/^Tanggal kunjungan/);
    await expect.poll(() => dateField.getAttribute('aria-invalid')).toBe('true');
    // The message on the date field itself (its description), naming the window with hour and zone.
    const described = () =>
      dateField.evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    await expect
      .poll(described)
      .toMatch(
        /Waktu kunjungan harus di dalam tahap verifikasi lapangan: \d+ \S+ \d{4} 23\.59 WIB – \d+ \S+ \d{4} 23\.59 WIB\./,
      );
    await shoot(page, 'field-plan-01-refused-outside-window');

    await dateField.fill(dayIn(9));
    await page.getByRole('dialog').getByRole('button', { name: 'Rencanakan kunjungan' }).click();
    await page.getByText(`Kunjungan ke ${finalist.code} direncanakan.`).waitFor();
    await visitCard(page, 'Terbuka').waitFor();

    await page.getByRole('button', { name: `Rencanakan kunjungan ke ${finalist.code}` }).click();
    await fillVisit(page, {
      kind: 'Tertutup',
      address: `${CLOSED_MARK}, Jl. Tigaraksa 9`,
      date: dayIn(10),
      time: '10:00',
    });
    await page.getByRole('dialog').getByRole('button', { name: 'Rencanakan kunjungan' }).click();
    await visitCard(page, 'Tertutup').waitFor();

    // Move the open visit to 13.30.
    await page.getByRole('button', { name: `Ubah ${finalist.code}, Terbuka` }).click();
    await page
      .getByText('Bila waktu atau alamat kunjungan terbuka berubah, peserta diberi tahu lagi.')
      .waitFor();
    await page
      .getByRole('dialog')
      .getByLabel(/^Jam mulai/)
      .fill('13:30');
    await expect.poll(() => page.getByTestId('visit-preview').textContent()).toContain('13.30 WIB');
    await page.getByRole('dialog').getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByText(`Kunjungan ke ${finalist.code} diubah.`).waitFor();
    await expect.poll(() => visitCard(page, 'Terbuka').textContent()).toContain('13.30 WIB');

    // A third visit, to another finalist, cancelled with a reason after the confirmation.
    await page.getByRole('button', { name: `Rencanakan kunjungan ke ${other.code}` }).click();
    await fillVisit(page, {
      kind: 'Terbuka',
      address: 'Kantor Bupati, Jl. Merdeka 5',
      date: dayIn(11),
      time: '08:00',
    });
    await page.getByRole('dialog').getByRole('button', { name: 'Rencanakan kunjungan' }).click();
    await visitCard(page, 'Terbuka', other.code).waitFor();
    await page.getByRole('button', { name: `Batalkan ${other.code}, Terbuka` }).click();
    await page
      .getByText('Kunjungan ini terbuka: admin lokal dan UPP finalis akan diberi tahu pembatalannya.')
      .waitFor();
    await shoot(page, 'field-plan-02-cancel-confirm');
    await page
      .getByRole('dialog')
      .getByLabel(/^Alasan pembatalan/)
      .fill('Lokasi terdampak banjir');
    await page.getByRole('dialog').getByRole('button', { name: 'Batalkan kunjungan' }).click();
    await page.getByText(`Kunjungan ke ${other.code} dibatalkan.`).waitFor();
    await expect.poll(() => visitCard(page, 'Terbuka', other.code).textContent()).toContain('Dibatalkan');

    const rows = await server.ctx.db
      .selectFrom('field_visits')
      .select(['id', 'proposal_id', 'kind', 'status', 'starts_at'])
      .where('competition_id', '=', competitionId)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.proposal_id, r.kind, r.status])).toEqual([
      [finalist.id, 'open', 'planned'],
      [finalist.id, 'closed', 'planned'],
      [other.id, 'open', 'cancelled'],
    ]);
    expect(new Date(rows[0].starts_at).toISOString()).toBe(
      new Date(`${dayIn(9)}T13:30:00+07:00`).toISOString(),
    );
    openVisit = rows[0].id;
    closedVisit = rows[1].id;
    await shoot(page, 'field-plan-03-list');
  }, 240_000);

  it('shows the submitted report of the closed visit: findings, the photo with time and place, the recommendation', async () => {
    const { ctx } = server;
    const cookie = await sessionCookie(ctx, verifier.id);
    const inject = (url: string, payload: object) =>
      ctx.app.inject({ method: 'POST', url: `/api${url}`, headers: { cookie }, payload });
    const detail = (
      await ctx.app.inject({ method: 'GET', url: `/api/field-visits/${closedVisit}`, headers: { cookie } })
    ).json() as { claims: { key: string; label: { id: string } }[] };
    expect(detail.claims.length).toBeGreaterThan(1);
    const statuses = ['confirmed', 'partly', 'not_found'];
    for (const [i, c] of detail.claims.entries()) {
      const r = await inject(`/field-visits/${closedVisit}/operations`, {
        clientId: `plan-e2e-finding-${i}`,
        kind: 'finding',
        claimKey: c.key,
        status: statuses[i % 3],
        note: i === 0 ? 'Loket antrean daring dilihat berjalan.' : null,
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    // A real picture: a screenshot of a page drawn in Chromium.
    const painter = await profiles.newPage({ width: 320, height: 240 });
    await painter.setContent(
      '<body style="margin:0;background:linear-gradient(#1c5d99,#7cc)"><h1 style="color:#fff">Loket</h1></body>',
    );
    const image = await painter.screenshot({ type: 'jpeg' });
    const form = multipartForm(
      {
        clientId: 'plan-e2e-photo-1',
        takenAt: new Date().toISOString(),
        geoStatus: 'ok',
        latitude: '-6.2750',
        longitude: '106.4700',
        accuracy: '15',
        claimKey: detail.claims[0].key,
      },
      [{ field: 'photo', name: 'loket.jpg', content: image, type: 'image/jpeg' }],
    );
    const photo = await ctx.app.inject({
      method: 'POST',
      url: `/api/field-visits/${closedVisit}/photos`,
      headers: { ...form.headers, cookie },
      payload: form.payload,
    });
    expect(photo.statusCode, photo.body).toBe(200);
    for (const op of [
      {
        clientId: 'plan-e2e-report',
        kind: 'report',
        recommendation: 'recommended_with_notes',
        summary: 'Layanan berjalan; data dampak belum lengkap.',
      },
      { clientId: 'plan-e2e-submit', kind: 'submit' },
    ]) {
      const r = await inject(`/field-visits/${closedVisit}/operations`, op);
      expect(r.statusCode, r.body).toBe(200);
    }

    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/verifikasi-lapangan`);
    await expect.poll(() => visitCard(page, 'Tertutup').textContent()).toContain('Laporan terkirim');
    await page.getByRole('button', { name: `Baca laporan ${finalist.code}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Daftar periksa klaim finalis' }).waitFor();
    const first = dialog.getByRole('article', { name: detail.claims[0].label.id });
    await expect.poll(() => first.textContent()).toContain('Terbukti');
    await expect.poll(() => first.textContent()).toContain('Loket antrean daring dilihat berjalan.');
    await expect
      .poll(() => dialog.getByRole('article', { name: detail.claims[1].label.id }).textContent())
      .toContain('Sebagian');
    const img = dialog.getByRole('img', { name: /^Foto lapangan 1/ });
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(320);
    await expect
      .poll(() => dialog.getByText(/^Lokasi -6\.27500, 106\.47000 \(akurasi ±15 m\)/).count())
      .toBe(1);
    await expect.poll(() => dialog.getByText(/^Diambil \d+ \S+ \d{4} \d\d\.\d\d WIB$/).count()).toBe(1);
    await expect
      .poll(() => dialog.getByTestId('report-recommendation').textContent())
      .toBe('Rekomendasi: Direkomendasikan dengan catatan');
    await shoot(page, 'field-plan-04-report');
    // The photos as the reader sees them in the dialog (the full-page shot shows the dialog's first screen).
    await dialog.getByTestId('report-recommendation').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'field-plan-04b-report-photo.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, 'field-plan-05-report-phone');
    await dialog.getByRole('button', { name: 'Tutup' }).click();
    await shoot(page, 'field-plan-06-list-phone');
  }, 240_000);

  it('shows upp.tangerang@ only the open visit on its proposal page, with hour, zone, place and who', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await profiles.newPage(viewport);
      await logIn(page, server.baseUrl, 'upp.tangerang@demo.sinovik.id');
      await page.goto(`${server.baseUrl}/usulan/${finalist.id}`);
      const card = page.getByTestId('participant-field-visits');
      await card.waitFor();
      const text = (await card.textContent()) ?? '';
      expect(text).toContain('Kantor Dinas Kesehatan Kabupaten Tangerang, Jl. Raya Tigaraksa 1');
      expect(text).toMatch(/\d+ \S+ \d{4} 13\.30 WIB/);
      expect(text).toContain(verifier.name);
      expect(await card.getByRole('listitem').count()).toBe(1);
      expect(await page.content()).not.toContain(CLOSED_MARK);
      await shoot(page, `field-plan-07-participant-${viewport.width}`);
    }
    // The API the page reads: the open visit only.
    const res = await server.ctx.app.inject({
      method: 'GET',
      url: `/api/proposals/${finalist.id}/field-visits`,
      headers: {
        cookie: await sessionCookie(
          server.ctx,
          (
            await server.ctx.db
              .selectFrom('users')
              .select('id')
              .where('email', '=', 'upp.tangerang@demo.sinovik.id')
              .executeTakeFirstOrThrow()
          ).id,
        ),
      },
    });
    expect(res.json().items.map((i: { id: number }) => i.id)).toEqual([openVisit]);
  }, 240_000);
});
