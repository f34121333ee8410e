import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from '../helpers/fixtures.js';
import { minimalPdf } from '../helpers/multipart.js';
import { pdfText } from '../helpers/pdf.js';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Issue 13 point 2 in Chromium on the panel demo (KIPP-PANEL): the secretariat sets up the schedule through
 * the API (a session that began five minutes ago, the automatic assignment, the publication); the admin
 * lokal of Tangerang sees "not published" before it, then the slot, downloads the letter (PDF with its
 * number), uploads the slides and the video link (a bad link refused under its field), and asks to
 * reschedule after the confirmation; the UPP follows on a phone from the proposal's page; a panelist on a
 * phone (390 px) opens the live session, sees the finalist on now with its countdown, taps Nilai, comes
 * back and taps Berikutnya; past the deadline the upload form says it closed and when. axe-core on every
 * screen. Screenshots: test-results/screenshots/pres-part-*.png.
 */

const PHONE = { width: 390, height: 844 };
const VIDEO = 'https://youtu.be/antrian-tangerang';

interface LiveSlotJson {
  slot: number;
  finalist: { code: string; title: string; abstain: boolean; assignmentId: number | null };
}

describe('the finalist’s presentation page and the panelist’s live session in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId = 0;
  let finalist: { id: number; code: string; title: string };
  let sessionId = 0;
  let deadline = '';
  let secretariat = '';
  const api = async (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: unknown,
    cookie = secretariat,
  ) => {
    const res = await server.ctx.app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const base = () => `/api/competitions/${competitionId}/presentation`;

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
    const sec = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'sekretariat@demo.sinovik.id')
      .executeTakeFirstOrThrow();
    secretariat = await sessionCookie(server.ctx, sec.id);
    finalist = await db
      .selectFrom('proposals as p')
      .innerJoin('institutions as i', 'i.id', 'p.institution_id')
      .select(['p.id', 'p.code', 'p.title'])
      .where('p.competition_id', '=', competitionId)
      .where('p.state', '=', 'finalist')
      .where('i.name', 'like', '%Tangerang%')
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    // The schedule, set up as the secretariat does: the upload deadline, one session that began five
    // minutes ago hearing every group with the whole panel, the automatic assignment (not published yet).
    const now = server.ctx.clock.now().getTime();
    deadline = new Date(now + 2 * 86_400_000).toISOString();
    await api('PUT', `${base()}/settings`, { uploadDeadline: deadline });
    const view = await api('GET', base());
    const session = await api('POST', `${base()}/sessions`, {
      name: 'Sesi Panel 1',
      startsAt: new Date(now - 5 * 60_000).toISOString(),
      endsAt: new Date(now + 5 * 3_600_000).toISOString(),
      mode: 'offline',
      room: 'Ruang Sasana Bhakti',
      groupKeys: view.groups.map((g: { key: string }) => g.key),
      panelistIds: view.panel.map((p: { id: number }) => p.id),
    });
    sessionId = session.id;
    const assigned = await api('POST', `${base()}/assign`);
    expect(assigned.unplaced).toEqual([]);
  }, 240_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('before the publication the page says the schedule is not published yet', async () => {
    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, 'adminlokal.tangerang@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/presentasi/${finalist.id}`);
    await expect
      .poll(() => page.getByText('Jadwal presentasi belum diterbitkan.', { exact: false }).count())
      .toBe(1);
    expect(await page.getByLabel('Berkas paparan (PDF atau PPTX)').count()).toBe(0);
    await shoot(page, 'pres-part-01-not-published');
    const view = await api('GET', base());
    await api('POST', `${base()}/publish`, { version: view.schedule.version });
  });

  it('the admin lokal: the slot, the letter as a PDF, the upload with a field error, the rescheduling request', async () => {
    const letter = await server.ctx.db
      .selectFrom('presentation_letters')
      .select('letter_number')
      .where('proposal_id', '=', finalist.id)
      .where('superseded_at', 'is', null)
      .executeTakeFirstOrThrow();
    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, 'adminlokal.tangerang@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/presentasi/${finalist.id}`);
    await expect.poll(() => page.getByTestId('letter-number').textContent()).toBe(letter.letter_number);
    await expect.poll(() => page.getByText('Ruang Sasana Bhakti').count()).toBe(1);
    expect(await page.getByText('7 menit presentasi, lalu 13 menit wawancara').count()).toBe(1);
    // The slot and the deadline carry their hour and zone.
    expect(await page.locator('time').first().textContent()).toMatch(
      /\d{4} \d{2}\.\d{2} WIB – \d{2}\.\d{2} WIB$/,
    );
    expect(await page.getByText('Batas unggah', { exact: true }).count()).toBe(1);
    await shoot(page, 'pres-part-02-slot');

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh surat (PDF)' }).click(),
    ]);
    const bytes = fs.readFileSync(await file.path());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdfText(bytes)).toContain(letter.letter_number);

    // A link that is not a web address: refused under its field, in Indonesian.
    await page.getByLabel('Tautan video').fill('bukan tautan');
    await page.getByRole('button', { name: 'Kirim bahan' }).click();
    await expect
      .poll(() => page.getByText('Tautan video harus alamat web', { exact: false }).count())
      .toBe(1);
    expect(await page.getByLabel('Tautan video').getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'pres-part-03-upload-refused');

    const slides = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pres-part-')), 'paparan-tangerang.pdf');
    fs.writeFileSync(slides, minimalPdf('Paparan Tangerang'));
    await page.locator('input[type="file"]').setInputFiles(slides);
    await page.getByLabel('Tautan video').fill(VIDEO);
    await page.getByRole('button', { name: 'Kirim bahan' }).click();
    await expect.poll(() => page.getByText('Bahan presentasi tersimpan.').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('upload-current').textContent())
      .toContain('Berkas: paparan-tangerang.pdf');
    const stored = await server.ctx.db
      .selectFrom('presentation_uploads')
      .select(['video_url', 'file_id'])
      .where('proposal_id', '=', finalist.id)
      .executeTakeFirstOrThrow();
    expect(stored.video_url).toBe(VIDEO);
    expect(stored.file_id).not.toBeNull();

    // The rescheduling request: the reason is required; sending asks first and names the consequences.
    await page.getByRole('button', { name: 'Kirim permintaan' }).click();
    await page.getByRole('button', { name: 'Ya, kirim' }).click();
    await expect.poll(() => page.getByText('Tuliskan alasan (paling sedikit 10 karakter).').count()).toBe(1);
    await page
      .getByLabel('Alasan')
      .fill('Bupati memimpin rapat koordinasi penanganan banjir pada pagi hari tersebut.');
    await page.getByRole('button', { name: 'Kirim permintaan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kirim permintaan perubahan jadwal?' });
    await expect
      .poll(() => dialog.getByText('tidak dapat ditarik kembali', { exact: false }).count())
      .toBe(1);
    await shoot(page, 'pres-part-04-reschedule-confirm');
    await dialog.getByRole('button', { name: 'Ya, kirim' }).click();
    await expect.poll(() => page.getByTestId('reschedule-request').count()).toBe(1);
    expect(await page.getByTestId('reschedule-request').textContent()).toContain('Menunggu keputusan');
    expect(await page.getByRole('button', { name: 'Kirim permintaan' }).count()).toBe(0);
    const asked = await server.ctx.db
      .selectFrom('reschedule_requests')
      .select(['status', 'reason'])
      .where('proposal_id', '=', finalist.id)
      .executeTakeFirstOrThrow();
    expect(asked).toMatchObject({ status: 'pending' });
    expect(asked.reason).toContain('rapat koordinasi');
    await shoot(page, 'pres-part-05-reschedule-pending');
  });

  it('the UPP on a phone: from the proposal’s page to the presentation, what was sent and the pending request', async () => {
    const page = await profiles.newPage(PHONE);
    await logIn(page, server.baseUrl, 'upp.tangerang@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/usulan/${finalist.id}`);
    await page.getByRole('link', { name: 'Jadwal presentasi dan wawancara' }).click();
    await page.waitForURL(`**/presentasi/${finalist.id}`);
    await expect
      .poll(() => page.getByTestId('upload-current').textContent())
      .toContain('paparan-tangerang.pdf');
    expect(await page.getByText('Masih ada permintaan yang menunggu keputusan sekretariat.').count()).toBe(1);
    await shoot(page, 'pres-part-06-upp-phone');
  });

  it('a panelist on a phone: the finalist on now with a countdown, Nilai, back, Berikutnya', async () => {
    const { db } = server.ctx;
    const panelist = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'panelis@demo.sinovik.id')
      .executeTakeFirstOrThrow();
    const live = await api(
      'GET',
      `/api/panel/competitions/${competitionId}/sessions/${sessionId}`,
      undefined,
      await sessionCookie(server.ctx, panelist.id),
    );
    const slots = live.slots as LiveSlotJson[];
    expect(live.current).toBe(0);
    const first = slots[0]!;
    const second = slots[1]!;

    // The menu names the sessions for a panelist (desktop).
    const desk = await profiles.newPage();
    await logIn(desk, server.baseUrl, 'panelis@demo.sinovik.id');
    await desk.goto(`${server.baseUrl}/panel/kompetisi/${competitionId}/sesi/${sessionId}`);
    await expect.poll(() => desk.getByTestId('shown-code').textContent()).toBe(first.finalist.code);
    const nav = desk.locator(`nav a[href="/panel/kompetisi/${competitionId}/sesi"]`);
    expect(await nav.textContent()).toMatch(/^Sesi presentasi/);
    await shoot(desk, 'pres-part-07-live-desktop');

    const page = await profiles.newPage(PHONE);
    await logIn(page, server.baseUrl, 'panelis@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/panel/kompetisi/${competitionId}/sesi`);
    const card = page.getByRole('article', { name: 'Sesi Panel 1' });
    await expect.poll(() => card.textContent()).toContain(`${slots.length} finalis`);
    expect(await card.textContent()).toContain('Ruang Sasana Bhakti');
    await shoot(page, 'pres-part-08-sessions-phone');
    await card.getByRole('link', { name: 'Buka sesi: Sesi Panel 1' }).click();

    // The finalist on now: five minutes into slot 1, its presentation runs, the countdown to its end.
    await expect.poll(() => page.getByTestId('shown-code').textContent()).toBe(first.finalist.code);
    expect(await page.getByRole('heading', { name: first.finalist.title }).count()).toBe(1);
    expect(await page.getByTestId('phase').textContent()).toBe('Presentasi');
    const t1 = await page.getByRole('timer').textContent();
    expect(t1).toMatch(/^00:0[0-2]:\d{2}$/);
    await expect.poll(() => page.getByRole('timer').textContent()).not.toBe(t1);
    await shoot(page, 'pres-part-09-live-phone');

    // The demo's panelist has no conflict with the first finalist: Nilai opens their scoring of it.
    expect(first.finalist.abstain).toBe(false);
    expect(await page.getByText('Belum dinilai').count()).toBe(slots.length + 1);
    await page.getByRole('link', { name: `Nilai ${first.finalist.code}` }).click();
    await page.waitForURL(`**/penilaian/${first.finalist.assignmentId}`);
    await expect.poll(() => page.getByText(first.finalist.title).count()).toBeGreaterThan(0);
    await page.goBack();
    await expect.poll(() => page.getByTestId('shown-code').textContent()).toBe(first.finalist.code);
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await expect.poll(() => page.getByTestId('shown-code').textContent()).toBe(second.finalist.code);
    expect(await page.getByTestId('phase').textContent()).toBe('Belum mulai');
    expect(page.url()).toContain('urutan=2');
    expect(await page.getByTestId('slot-2').getAttribute('aria-current')).toBe('true');
    await shoot(page, 'pres-part-10-live-next-phone');
    await page.getByRole('button', { name: 'Ke finalis sekarang' }).click();
    await expect.poll(() => page.getByTestId('shown-code').textContent()).toBe(first.finalist.code);
  });

  it('past the deadline the upload form is gone and says when it closed', async () => {
    server.ctx.clock.set(new Date(Date.parse(deadline) + 60_000));
    const page = await profiles.newPage(PHONE);
    await logIn(page, server.baseUrl, 'adminlokal.tangerang@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/presentasi/${finalist.id}`);
    await expect
      .poll(() => page.getByText('Unggahan sudah ditutup pada', { exact: false }).textContent())
      .toMatch(/Unggahan sudah ditutup pada \d{1,2} \S+ \d{4} \d{2}\.\d{2} WIB\./);
    expect(await page.getByLabel('Tautan video').count()).toBe(0);
    await shoot(page, 'pres-part-11-upload-closed-phone');
  });
});
