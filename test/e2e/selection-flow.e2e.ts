import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { scoreOpenByApi } from '../helpers/review.js';
import {
  cutBadges,
  demoAccounts,
  logIn,
  openProfiles,
  shoot,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

/*
 * Issue 12 "Done when", in Chromium: the selection demo (KIPP-SELEKSI, seeded past its closing) run by the
 * demo accounts, each in its own browser profile, through the UI, from the administrative check to the
 * final finalist list and the admin lokal's notice. One world, named steps in order (each step needs the one
 * before). The uji publik's window lies weeks after the seed's "now": the system administrator moves the server's
 * clock into it and past it on the demo clock page (/admin/jam-demo, SINOVIK_CLOCK_CONTROL=1). Screenshots: test-results/screenshots/flow-*.png;
 * axe-core on every screen.
 *
 * Through the API instead of the UI, on purpose: the scores of the proposals other than the one followed
 * (two dozen proposals × two evaluators; the same endpoints the scoring page calls, as those evaluators).
 */
const SECRETARIAT = 'sekretariat@demo.sinovik.id';
const ADMIN_LOKAL = 'adminlokal.tangerang@demo.sinovik.id';
const PHONE = { width: 390, height: 844 };
const LETTER = 'B/501/PP.00.05/2026';
const FINALISTS_LETTER = 'B/533/PP.00.05/2026';
const DECREE = 'Keputusan Menteri PANRB Nomor 88 Tahun 2026';
const PANELIST = 'panelis@demo.sinovik.id';
const SYSTEM_ADMIN = 'admin@demo.sinovik.id';

interface World {
  competitionId: number;
  stage: { evaluation_1: number; evaluation_2: number };
  /** The Tangerang proposal asked to be completed, then followed through every stage. */
  followed: { id: number; code: string; title: string };
  /** The proposal disqualified at the administrative check. */
  disqualified: { id: number; code: string };
  /** The evaluators of the followed proposal in evaluation 1, in the order they score. */
  evaluators: { email: string; assignmentId: number }[];
  /** The provisional finalists (proposal ids, ascending). */
  finalists: number[];
  /** The finalist objected to (the followed proposal when it is one). */
  target: number;
  /** The objection's number (UJI-…). */
  objection: string;
}

describe('the selection demo, from the closing to the final finalist list, by the demo accounts', () => {
  let server: E2EServer;
  let profiles: Profiles;
  const w = {} as World;
  const { as, moveClockTo } = demoAccounts(
    () => server,
    () => profiles,
    SYSTEM_ADMIN,
  );

  const url = (path: string) => `${server.baseUrl}${path}`;
  const db = () => server.ctx.db;

  beforeAll(async () => {
    server = await startDemoServer({}, { demoLinks: true, selection: true });
    profiles = await openProfiles();
    const c = await db()
      .selectFrom('competitions')
      .select('id')
      .where('code', '=', 'KIPP-SELEKSI')
      .executeTakeFirstOrThrow();
    w.competitionId = c.id;
    const stages = await db()
      .selectFrom('stages')
      .select(['id', 'kind'])
      .where('competition_id', '=', c.id)
      .where('kind', 'in', ['evaluation_1', 'evaluation_2'])
      .execute();
    w.stage = {
      evaluation_1: stages.find((s) => s.kind === 'evaluation_1')!.id,
      evaluation_2: stages.find((s) => s.kind === 'evaluation_2')!.id,
    };
    const followed = await db()
      .selectFrom('proposals as p')
      .innerJoin('institutions as i', 'i.id', 'p.institution_id')
      .select(['p.id', 'p.code', 'p.title'])
      .where('p.competition_id', '=', c.id)
      .where('p.state', '=', 'received')
      .where('i.name', '=', 'Pemerintah Kabupaten Tangerang')
      .where('p.group_id', 'in', (eb) =>
        eb.selectFrom('competition_groups').select('id').where('key', '=', 'umum'),
      )
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    w.followed = followed;
    const other = await db()
      .selectFrom('proposals as p')
      .innerJoin('institutions as i', 'i.id', 'p.institution_id')
      .select(['p.id', 'p.code'])
      .where('p.competition_id', '=', c.id)
      .where('p.state', '=', 'received')
      .where('i.name', '!=', 'Pemerintah Kabupaten Tangerang')
      .orderBy('p.id', 'desc')
      .executeTakeFirstOrThrow();
    w.disqualified = other;
  }, 300_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('1. the secretariat asks the admin lokal to complete one of its proposals', async () => {
    const sec = await as(SECRETARIAT);
    await sec.goto(url(`/sekretariat/kompetisi/${w.competitionId}/seleksi-administrasi`));
    await sec.getByRole('heading', { name: 'Seleksi administrasi', level: 1 }).waitFor();
    await sec.getByText(w.followed.code).first().waitFor();
    // Every status badge reads whole ("BELUM DIPERIKSA", not "BELUM DIPE…").
    await expect(cutBadges(sec)).resolves.toEqual([]);
    await shoot(sec, 'flow-01-queue');

    await sec.goto(url(`/sekretariat/seleksi-administrasi/${w.followed.id}`));
    await sec.getByRole('heading', { name: 'Daftar periksa' }).waitFor();
    await sec.getByRole('button', { name: 'Ambil proposal ini' }).click();
    await sec.getByText(/Anda memegang proposal ini sampai/).waitFor();
    await sec.getByRole('button', { name: 'Perlu dilengkapi' }).click();
    const dialog = sec.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Ringkasan' }).check();
    await dialog.getByLabel('Catatan untuk Admin Lokal').fill('Ringkasan belum menyebut hasil layanan.');
    const deadline = new Date(server.ctx.clock.now().getTime() + 3 * 86_400_000);
    await dialog.locator('input[type="date"]').fill(deadline.toISOString().slice(0, 10));
    await shoot(sec, 'flow-02-completion-request');
    await dialog.getByRole('button', { name: 'Kirim permintaan kelengkapan' }).click();
    await sec.getByText('Perlu dilengkapi', { exact: true }).first().waitFor();
    const mail = await server.smtp.waitFor(
      (m) => m.to.includes(ADMIN_LOKAL) && /perlu dilengkapi/.test(m.subject),
    );
    expect(mail.text).toContain(w.followed.code);
    expect(mail.text).toContain('Jawaban bagian "Ringkasan"');
  });

  it('2. the admin lokal completes the named item and the proposal returns to the queue', async () => {
    const admin = await as(ADMIN_LOKAL, PHONE);
    await admin.goto(url(`/usulan/${w.followed.id}`));
    await admin.getByRole('link', { name: 'Buka formulir kelengkapan' }).click();
    await admin.getByRole('heading', { name: 'Lengkapi proposal', level: 1 }).waitFor();
    await admin
      .getByLabel('Jawaban bagian "Ringkasan"')
      .fill('Layanan menjangkau 1.200 warga dalam setahun; waktu layanan turun dari 14 hari menjadi 2 hari.');
    await shoot(admin, 'flow-03-complete-phone');
    await admin.getByRole('button', { name: 'Kirim kelengkapan' }).click();
    await admin.getByRole('button', { name: 'Ya, kirim kelengkapan' }).click();
    await admin
      .getByText('Kelengkapan terkirim. Proposal kembali diperiksa penyelenggara.')
      .first()
      .waitFor();
    const p = await db()
      .selectFrom('proposals')
      .select('state')
      .where('id', '=', w.followed.id)
      .executeTakeFirstOrThrow();
    expect(p.state).toBe('received');
  });

  it('3. the secretariat passes it, disqualifies one, and passes the rest in bulk after a preview', async () => {
    const sec = await as(SECRETARIAT);
    await sec.goto(url(`/sekretariat/seleksi-administrasi/${w.followed.id}`));
    await sec.getByText('Dilengkapi oleh Admin Lokal').waitFor();
    await sec.getByRole('button', { name: 'Lolos', exact: true }).click();
    await sec.getByText(/Keputusan saat ini: Lolos \(belum diumumkan\)/).waitFor();

    await sec.goto(url(`/sekretariat/seleksi-administrasi/${w.disqualified.id}`));
    await sec.getByRole('heading', { name: 'Daftar periksa' }).waitFor();
    await sec.getByRole('button', { name: 'Ambil proposal ini' }).click();
    await sec.getByText(/Anda memegang proposal ini sampai/).waitFor();
    await sec.getByRole('button', { name: 'Diskualifikasi', exact: true }).click();
    const dialog = sec.getByRole('dialog', { name: 'Diskualifikasi proposal' });
    await dialog.getByLabel(/^Alasan/).click();
    await sec.getByRole('option').first().click();
    await dialog
      .getByLabel(/^Penjelasan/)
      .fill('Bukti dukung tidak dapat dibaca; berkas laporan evaluasi rusak.');
    await shoot(sec, 'flow-04-disqualify');
    await dialog.getByRole('button', { name: 'Diskualifikasi', exact: true }).click();
    await sec.getByText(/Keputusan saat ini: Diskualifikasi \(belum diumumkan\)/).waitFor();

    await sec.goto(url(`/sekretariat/kompetisi/${w.competitionId}/seleksi-administrasi`));
    await sec.getByRole('button', { name: 'Luluskan semua hasil saringan' }).click();
    const bulk = sec.getByRole('dialog', { name: 'Luluskan sekaligus' });
    const undecided = await db()
      .selectFrom('admin_checks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('competition_id', '=', w.competitionId)
      .where('outcome', 'is', null)
      .executeTakeFirstOrThrow();
    await bulk.getByText(`${Number(undecided.n)} proposal akan ditandai lolos (belum diumumkan):`).waitFor();
    await shoot(sec, 'flow-05-bulk-preview');
    await bulk.getByRole('button', { name: `Ya, luluskan ${Number(undecided.n)} proposal` }).click();
    await sec
      .getByText(new RegExp(`^${Number(undecided.n)} proposal ditandai lolos`))
      .first()
      .waitFor();
  });

  it('4. the secretariat publishes the administrative results after a confirmation', async () => {
    const sec = await as(SECRETARIAT);
    await sec.goto(url(`/sekretariat/kompetisi/${w.competitionId}/publikasi`));
    await sec.getByRole('heading', { name: 'Publikasi hasil seleksi administrasi', level: 1 }).waitFor();
    await sec.getByText('Siap diumumkan').waitFor();
    await sec.getByLabel('Nomor surat').fill(LETTER);
    await sec.getByRole('button', { name: 'Umumkan hasil…' }).click();
    const dialog = sec.getByRole('dialog', { name: 'Umumkan hasil seleksi administrasi?' });
    await dialog.getByText('Tindakan ini tidak dapat dibatalkan.').waitFor();
    await shoot(sec, 'flow-06-publish-confirm');
    await dialog.getByRole('button', { name: 'Ya, umumkan' }).click();
    await sec.getByText(/^Hasil diumumkan: \d+ lolos, 1 didiskualifikasi/).waitFor();
    await shoot(sec, 'flow-07-published');
    const states = await db()
      .selectFrom('proposals')
      .select(['id', 'state'])
      .where('competition_id', '=', w.competitionId)
      .where('state', 'in', ['passed_admin', 'disqualified', 'received', 'incomplete'])
      .execute();
    expect(states.find((p) => p.id === w.followed.id)?.state).toBe('passed_admin');
    expect(states.find((p) => p.id === w.disqualified.id)?.state).toBe('disqualified');
    expect(states.filter((p) => p.state === 'received' || p.state === 'incomplete')).toEqual([]);
  });

  it('5. the admin lokal is told: the mail and the result on its proposal', async () => {
    const mail = await server.smtp.waitFor(
      (m) => m.to.includes(ADMIN_LOKAL) && /seleksi administrasi/i.test(m.subject) && m.text.includes(LETTER),
    );
    expect(mail.text).toContain(w.followed.code);
    const admin = await as(ADMIN_LOKAL, PHONE);
    await admin.goto(url(`/usulan/${w.followed.id}`));
    const banner = admin.getByTestId('admin-result');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain(LETTER);
    await shoot(admin, 'flow-08-admin-lokal-result-phone');
    // The public announcement names the passed proposal, without an account.
    const pub = await profiles.newPage();
    await pub.goto(url(`/kompetisi/${w.competitionId}/pengumuman/administrative_results`));
    await pub.getByText(w.followed.code).first().waitFor();
    expect(await pub.getByText(w.disqualified.code).count()).toBe(0);
    await shoot(pub, 'flow-09-public-announcement');
  });

  it('6. the secretariat assigns the Tim Evaluasi to evaluation 1 (k = 2, no conflict)', async () => {
    const sec = await as(SECRETARIAT);
    await sec.goto(url(`/sekretariat/kompetisi/${w.competitionId}/penugasan?tahap=${w.stage.evaluation_1}`));
    await sec.getByRole('heading', { name: 'Penugasan penilai', level: 1 }).waitFor();
    const passed = await countState('passed_admin');
    await sec.getByRole('button', { name: 'Jalankan penugasan' }).click();
    const dialog = sec.getByRole('dialog', { name: 'Jalankan penugasan otomatis?' });
    await expect.poll(() => dialog.textContent()).toContain(`${passed * 2} penugasan akan dibuat`);
    await shoot(sec, 'flow-10-assign-confirm');
    await dialog.getByRole('button', { name: 'Jalankan penugasan' }).click();
    await expect
      .poll(() => sec.getByRole('status').first().textContent())
      .toContain(`${passed * 2} penugasan dibuat`);
    await shoot(sec, 'flow-11-assigned');
    // The evaluator with a declared conflict with Kabupaten Tangerang judges none of its proposals.
    const conflicted = await db()
      .selectFrom('review_assignments as a')
      .innerJoin('users as u', 'u.id', 'a.reviewer_id')
      .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
      .innerJoin('institutions as i', 'i.id', 'p.institution_id')
      .select('a.id')
      .where('a.stage_id', '=', w.stage.evaluation_1)
      .where('u.email', '=', 'hendro.wibisono@demo.sinovik.id')
      .where('i.name', '=', 'Pemerintah Kabupaten Tangerang')
      .execute();
    expect(conflicted).toEqual([]);
    const mine = await db()
      .selectFrom('review_assignments as a')
      .innerJoin('users as u', 'u.id', 'a.reviewer_id')
      .select(['u.email', 'a.id'])
      .where('a.stage_id', '=', w.stage.evaluation_1)
      .where('a.proposal_id', '=', w.followed.id)
      .orderBy('a.id')
      .execute();
    expect(mine).toHaveLength(2);
    w.evaluators = mine.map((m) => ({ email: m.email, assignmentId: m.id }));
  });

  it('7. two evaluators score the followed proposal with a gap above 15 points; a third is assigned', async () => {
    const [first, second] = w.evaluators;
    await scoreInBrowser(first!.email, first!.assignmentId, '90', 'flow-12-first-evaluator');
    await scoreInBrowser(second!.email, second!.assignmentId, '60', 'flow-13-second-evaluator', PHONE);
    const third = await db()
      .selectFrom('review_assignments as a')
      .innerJoin('users as u', 'u.id', 'a.reviewer_id')
      .select(['u.email', 'a.id', 'a.origin'])
      .where('a.stage_id', '=', w.stage.evaluation_1)
      .where('a.proposal_id', '=', w.followed.id)
      .where('a.origin', '=', 'third')
      .executeTakeFirstOrThrow();
    expect(w.evaluators.map((e) => e.email)).not.toContain(third.email);
    w.evaluators.push({ email: third.email, assignmentId: third.id });
  });

  it('8. the third evaluator finds it in the work list and scores it', async () => {
    const third = w.evaluators[2]!;
    const page = await as(third.email);
    await page.goto(url('/penilaian'));
    await page.getByRole('heading', { name: 'Penilaian saya', level: 1 }).waitFor();
    await page
      .getByRole('link', { name: new RegExp(escape(w.followed.title)) })
      .first()
      .waitFor();
    await shoot(page, 'flow-14-third-work-list');
    await scoreInBrowser(third.email, third.assignmentId, '80', 'flow-15-third-evaluator');
  });

  it('9. the secretariat sets the results of evaluation 1', async () => {
    await scoreOpenByApi(
      server.ctx,
      w.stage.evaluation_1,
      (a) => (a.proposalId % 3 === 0 ? 62 : 84) + a.nth * 4,
    );
    const sec = await as(SECRETARIAT);
    await sec.goto(url(`/sekretariat/kompetisi/${w.competitionId}/tahap/${w.stage.evaluation_1}/penilaian`));
    await sec.getByRole('heading', { name: /^Kemajuan penilaian/, level: 1 }).waitFor();
    await shoot(sec, 'flow-16-progress');
    await decideResults(w.stage.evaluation_1, 'flow-17-results-1');
    const followed = await db()
      .selectFrom('stage_results')
      .select(['outcome', 'score'])
      .where('stage_id', '=', w.stage.evaluation_1)
      .where('proposal_id', '=', w.followed.id)
      .executeTakeFirstOrThrow();
    // (90 + 60 + 80) / 3 with the default rule for three (mean of all): above the pass mark of 75.
    expect(followed.outcome).toBe('advanced');
    expect(Number(followed.score)).toBeCloseTo(76.67, 1);
  });

  it('10. the evidence stage: assigned, scored on the evidence, and its results set', async () => {
    const sec = await as(SECRETARIAT);
    await sec.goto(url(`/sekretariat/kompetisi/${w.competitionId}/penugasan?tahap=${w.stage.evaluation_2}`));
    await sec.getByRole('heading', { name: 'Penugasan penilai', level: 1 }).waitFor();
    await sec.getByRole('button', { name: 'Jalankan penugasan' }).click();
    const dialog = sec.getByRole('dialog', { name: 'Jalankan penugasan otomatis?' });
    await dialog.getByRole('button', { name: 'Jalankan penugasan' }).click();
    await expect.poll(() => sec.getByRole('status').first().textContent()).toMatch(/penugasan dibuat/);
    await shoot(sec, 'flow-18-evidence-assigned');
    const mine = await db()
      .selectFrom('review_assignments as a')
      .innerJoin('users as u', 'u.id', 'a.reviewer_id')
      .select(['u.email', 'a.id'])
      .where('a.stage_id', '=', w.stage.evaluation_2)
      .where('a.proposal_id', '=', w.followed.id)
      .orderBy('a.id')
      .execute();
    expect(mine).toHaveLength(2);
    const page = await scoreInBrowser(mine[0]!.email, mine[0]!.id, '85', 'flow-19-evidence-scoring');
    await expect(page.textContent('body')).resolves.toContain('Kelengkapan dan relevansi bukti');
    await scoreOpenByApi(
      server.ctx,
      w.stage.evaluation_2,
      (a) => (a.proposalId % 3 === 0 ? 62 : 84) + a.nth * 4,
    );
    await decideResults(w.stage.evaluation_2, 'flow-20-results-2');
    const decided = await db()
      .selectFrom('stage_results')
      .select('outcome')
      .where('stage_id', '=', w.stage.evaluation_2)
      .execute();
    expect(decided.length).toBeGreaterThan(0);
    // The same results, once in English.
    const en = await profiles.newPage(undefined, { locale: 'en-GB' });
    await logIn(en, server.baseUrl, SECRETARIAT);
    await en.evaluate(() => localStorage.setItem('sinovik.lang', 'en'));
    await en.goto(
      url(`/sekretariat/kompetisi/${w.competitionId}/hasil-penilaian?tahap=${w.stage.evaluation_2}`),
    );
    await en.getByRole('heading', { name: 'Scoring results', level: 1 }).waitFor();
    await shoot(en, 'flow-21-results-2-en');
  });

  it('11. the secretariat computes the finalists from the evidence stage', async () => {
    const sec = await as(SECRETARIAT);
    await sec.goto(url(`/sekretariat/kompetisi/${w.competitionId}/finalis`));
    await sec.getByRole('heading', { name: 'Finalis', level: 1 }).waitFor();
    const advanced = await db()
      .selectFrom('stage_results')
      .select('proposal_id')
      .where('stage_id', '=', w.stage.evaluation_2)
      .where('outcome', '=', 'advanced')
      .execute();
    expect(advanced.length).toBeGreaterThan(1);
    await sec.getByText(new RegExp(`^${advanced.length} kandidat dari tahap`)).waitFor();
    await sec.getByRole('button', { name: 'Hitung finalis' }).click();
    // The default places (Top 99 umum, Top 15 replikasi) hold every candidate: all of them are selected.
    await sec.getByText(new RegExp(`^Finalis dihitung: ${advanced.length} terpilih`)).waitFor();
    await shoot(sec, 'flow-22-finalists-computed');
    w.finalists = advanced.map((a) => a.proposal_id).sort((a, b) => a - b);
  });

  it('12. the secretariat publishes the provisional list after a confirmation naming its consequences', async () => {
    const sec = await as(SECRETARIAT);
    await sec.getByLabel(/^Nomor surat pengumuman/).fill(FINALISTS_LETTER);
    await sec.getByRole('button', { name: 'Umumkan finalis sementara' }).click();
    const dialog = sec.getByRole('dialog', { name: `Umumkan ${w.finalists.length} finalis sementara?` });
    await dialog.getByText(/Uji publik dibuka sesuai jadwal tahapnya: .*WI[BTA]/).waitFor();
    await dialog.getByText(/tidak dapat dibatalkan/).waitFor();
    await shoot(sec, 'flow-23-finalists-confirm');
    await dialog.getByRole('button', { name: 'Ya, umumkan' }).click();
    await sec.getByText(`${w.finalists.length} finalis sementara diumumkan.`).waitFor();
    const states = await db()
      .selectFrom('proposals')
      .select('id')
      .where('competition_id', '=', w.competitionId)
      .where('state', '=', 'finalist')
      .orderBy('id')
      .execute();
    expect(states.map((p) => p.id)).toEqual(w.finalists);
    // The objection targets the followed proposal when it is a finalist (its admin lokal is the demo's).
    w.target = w.finalists.includes(w.followed.id) ? w.followed.id : w.finalists[0]!;
  });

  it('13. during the uji publik a citizen objects to a finalist from the public list, without an account', async () => {
    // The demo's uji publik opens weeks later: the system administrator moves the server's clock into its
    // window on the demo clock page (SINOVIK_CLOCK_CONTROL=1, as the browser tests' server runs).
    const window = await objectionWindow();
    await moveClockTo(new Date(Date.parse(window.opensAt) + 3_600_000), 'flow-24a-demo-clock');
    const pub = await profiles.newPage(PHONE);
    await pub.goto(url(`/kompetisi/${w.competitionId}/pengumuman/finalists_provisional`));
    await pub.getByText(FINALISTS_LETTER).first().waitFor();
    await pub.goto(url(`/kompetisi/${w.competitionId}/uji-publik?finalis=${w.target}`));
    await pub.getByRole('heading', { name: 'Uji Publik: Ajukan Keberatan' }).waitFor();
    await pub.getByLabel(/^Nama lengkap/).fill('Rina Wulandari');
    await pub.getByLabel(/^E-mail/).fill('rina.wulandari@contoh.id');
    await pub
      .getByLabel(/^Alasan keberatan/)
      .fill('Layanan ini sudah dijalankan instansi lain sejak 2019; instansi pengusul hanya menirunya.');
    await pub.getByLabel(/^Saya menyatakan/).check();
    await shoot(pub, 'flow-24-objection-phone');
    await pub.getByRole('button', { name: 'Kirim keberatan' }).click();
    const sent = pub.getByTestId('objection-sent');
    await sent.waitFor();
    w.objection = /UJI-\d{4}-\d+/.exec((await sent.textContent()) ?? '')![0];
  });

  it('14. the secretariat forwards it and a panelist upholds it: the finalist leaves the list', async () => {
    const sec = await as(SECRETARIAT);
    await sec.goto(url(`/sekretariat/kompetisi/${w.competitionId}/uji-publik`));
    const card = sec.locator('[data-testid^="objection-"]').filter({ hasText: w.objection });
    await card.getByRole('button', { name: 'Teruskan ke Tim Panel' }).click();
    const forward = sec.getByRole('dialog');
    await forward.getByRole('button', { name: 'Teruskan ke Tim Panel' }).click();
    await forward.waitFor({ state: 'detached' });

    const panel = await as(PANELIST);
    await panel.goto(url(`/panel/kompetisi/${w.competitionId}/uji-publik`));
    const pcard = panel.locator('[data-testid^="objection-"]').filter({ hasText: w.objection });
    await pcard.getByRole('button', { name: 'Catat keputusan' }).click();
    const decide = panel.getByRole('dialog');
    await decide.getByLabel('Diterima: keluarkan finalis dari daftar').check();
    await decide
      .getByLabel(/^Alasan keputusan/)
      .fill('Bukti menunjukkan inovasi sudah dijalankan instansi lain sebelumnya.');
    await shoot(panel, 'flow-25-panel-upholds');
    await decide.getByRole('button', { name: 'Simpan keputusan final' }).click();
    await decide.waitFor({ state: 'detached' });
    const p = await db()
      .selectFrom('proposals')
      .select('state')
      .where('id', '=', w.target)
      .executeTakeFirstOrThrow();
    expect(p.state).toBe('passed_admin');
  });

  it('15. after the uji publik closes the secretariat fixes the final list with its decree', async () => {
    const window = await objectionWindow();
    await moveClockTo(new Date(Date.parse(window.closesAt) + 3_600_000), 'flow-25a-demo-clock');
    const sec = await as(SECRETARIAT);
    await sec.goto(url(`/sekretariat/kompetisi/${w.competitionId}/finalis`));
    await sec.getByRole('heading', { name: 'Tetapkan daftar finalis akhir' }).waitFor();
    const kept = w.finalists.length - 1;
    await sec.getByLabel(/^Nomor Keputusan \(SK\)/).fill(DECREE);
    await sec.getByRole('button', { name: 'Tetapkan finalis akhir' }).click();
    const dialog = sec.getByRole('dialog', { name: `Tetapkan ${kept} finalis akhir?` });
    await shoot(sec, 'flow-26-final-confirm');
    await dialog.getByRole('button', { name: 'Ya, tetapkan' }).click();
    await sec.getByText(new RegExp(`^Daftar finalis akhir ditetapkan: ${kept} finalis;`)).waitFor();
    // The explanation of the finalist the panel removed says so beside "Terpilih".
    await sec.getByText('Dikeluarkan: keberatan diterima').first().waitFor();
    await shoot(sec, 'flow-27-final-fixed');
    const pub = await profiles.newPage();
    await pub.goto(url(`/kompetisi/${w.competitionId}/pengumuman/finalists_final`));
    await pub.getByText(DECREE).first().waitFor();
    const removed = await db()
      .selectFrom('proposals')
      .select('code')
      .where('id', '=', w.target)
      .executeTakeFirstOrThrow();
    const kept1 = await db()
      .selectFrom('proposals')
      .select('code')
      .where(
        'id',
        '=',
        w.finalists.find((id) => id !== w.target)!,
      )
      .executeTakeFirstOrThrow();
    await pub.getByText(kept1.code).first().waitFor();
    expect(await pub.getByText(removed.code).count()).toBe(0);
    await shoot(pub, 'flow-28-final-public');
  });

  it("16. every admin lokal with a candidate is told its proposals' outcome by mail", async () => {
    const target = await db()
      .selectFrom('proposals as p')
      .innerJoin('institutions as i', 'i.id', 'p.institution_id')
      .select(['p.code', 'i.name'])
      .where('p.id', '=', w.target)
      .executeTakeFirstOrThrow();
    const mail = await server.smtp.waitFor(
      (m) => m.subject.startsWith('Daftar finalis akhir') && m.subject.endsWith(target.name),
    );
    expect(mail.text).toContain(DECREE);
    expect(mail.text).toContain(target.code);
    if (w.target === w.followed.id) expect(mail.to).toContain(ADMIN_LOKAL);
  });

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────────

  /** The uji publik's window as the demo seeded it. */
  async function objectionWindow(): Promise<{ opensAt: string; closesAt: string }> {
    const st = await db()
      .selectFrom('stages')
      .select(['opens_at', 'closes_at'])
      .where('competition_id', '=', w.competitionId)
      .where('kind', '=', 'public_objection')
      .executeTakeFirstOrThrow();
    return { opensAt: st.opens_at!, closesAt: st.closes_at! };
  }

  async function countState(state: 'passed_admin'): Promise<number> {
    const r = await db()
      .selectFrom('proposals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('competition_id', '=', w.competitionId)
      .where('state', '=', state)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Scores every criterion of an assignment with `value` in the scoring page, then submits (confirmed). */
  async function scoreInBrowser(
    email: string,
    assignmentId: number,
    value: string,
    shot: string,
    viewport?: { width: number; height: number },
  ): Promise<Page> {
    const page = await as(email, viewport);
    await page.goto(url(`/penilaian/${assignmentId}`));
    await page.getByRole('heading', { name: 'Rubrik penilaian' }).waitFor();
    const inputs = page.getByLabel(/^Nilai \(0–100\)/);
    const n = await inputs.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await inputs.nth(i).fill(value);
    await page
      .getByLabel(/^Catatan/)
      .first()
      .fill('Masalah, solusi, dan hasil dijelaskan dengan data.');
    await page.getByText(/^Tersimpan/).waitFor({ timeout: 15_000 });
    await shoot(page, `${shot}-draft`);
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kirim penilaian?' });
    await dialog.getByText(new RegExp(`Nilai tertimbang Anda ${value}`)).waitFor();
    await dialog.getByRole('button', { name: 'Ya, kirim' }).click();
    await page.getByText(/Penilaian Anda sudah dikirim pada/).waitFor();
    await shoot(page, `${shot}-submitted`);
    return page;
  }

  /** The results page: the pass mark as seeded, "Tetapkan hasil …" confirmed. */
  async function decideResults(stageId: number, shot: string): Promise<void> {
    const sec = await as(SECRETARIAT);
    await sec.goto(url(`/sekretariat/kompetisi/${w.competitionId}/hasil-penilaian?tahap=${stageId}`));
    await sec.getByRole('heading', { name: 'Hasil penilaian', level: 1 }).waitFor();
    await expect(sec.getByLabel('Nilai batas lulus').inputValue()).resolves.toBe('75');
    const decide = sec.getByRole('button', { name: /^Tetapkan hasil/ });
    await expect.poll(() => decide.isEnabled(), { timeout: 15_000 }).toBe(true);
    await shoot(sec, `${shot}-before`);
    await decide.click();
    const dialog = sec.getByRole('dialog');
    await dialog.getByText(/yang mencapai nilai batas 75/).waitFor();
    await dialog.getByRole('button', { name: /^Tetapkan hasil/ }).click();
    await expect.poll(() => sec.getByText(/Hasil ditetapkan pada/).count()).toBe(1);
    await shoot(sec, `${shot}-decided`);
  }
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
