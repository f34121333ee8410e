import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionJobHandlers } from '../../src/modules/deadlines/jobs.js';
import { nearDuplicateJobHandlers } from '../../src/modules/near-duplicates/job.js';
import { runDueJobs } from '../../src/platform/jobs.js';
import {
  cutBadges,
  logIn,
  openProfiles,
  shoot,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

const SECRETARIAT = 'sekretariat@demo.sinovik.id';
const ADMIN_LOKAL = 'adminlokal.tangerang@demo.sinovik.id';
const PHONE = { width: 390, height: 844 };

/*
 * Near-duplicates at the administrative check in Chromium (issue 14 point 5). The demo with last year's
 * KIPP: before this year's closing, one of Tangerang's forwarded proposals is given the answers of one of
 * last year's award winners under its own title (test setup); the real closing makes the check rows, stores
 * the fingerprints and schedules the check, the real job finds the match. The secretariat sees the passages
 * side by side, confirms "inovasi yang sama" after a dialog that says the consequence, and the group
 * finding then names last year's award. (The demo's last year holds this year's innovations entered the
 * year before under the same titles: the check also finds those, as repeats.) Screenshots at 1280 and 390 px, axe-core on each.
 */
describe('near-duplicates at the administrative check, in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let proposalId = 0;
  let pastTitle = '';
  let competitionId = 0;

  beforeAll(async () => {
    server = await startDemoServer({}, { lastYear: true });
    profiles = await openProfiles();
    const db = server.ctx.db;
    const target = await db
      .selectFrom('proposals as p')
      .innerJoin('role_grants as g', 'g.institution_id', 'p.institution_id')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .innerJoin('competition_groups as cg', 'cg.id', 'p.group_id')
      .select(['p.id', 'p.competition_id'])
      .where('u.email', '=', ADMIN_LOKAL)
      .where('p.state', '=', 'forwarded')
      .where('cg.key', '=', 'umum')
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    proposalId = target.id;
    competitionId = target.competition_id;
    // Last year's umum winner whose answers the proposal takes (its Top Terpuji award bars the umum group).
    const winner = await db
      .selectFrom('awards as a')
      .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
      .innerJoin('competition_groups as cg', 'cg.id', 'p.group_id')
      .select(['p.id', 'p.title', 'a.level'])
      .where('cg.key', '=', 'umum')
      .where('a.level', '=', 'TOP45')
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    pastTitle = winner.title;
    const pastAnswers = await db
      .selectFrom('proposal_answers as a')
      .innerJoin('form_sections as s', 's.id', 'a.section_id')
      .select(['s.key', 'a.text'])
      .where('a.proposal_id', '=', winner.id)
      .execute();
    const sections = await db
      .selectFrom('proposal_answers as a')
      .innerJoin('form_sections as s', 's.id', 'a.section_id')
      .select(['a.section_id', 's.key'])
      .where('a.proposal_id', '=', proposalId)
      .execute();
    for (const s of sections) {
      const text = pastAnswers.find((a) => a.key === s.key)?.text;
      if (text)
        await db
          .updateTable('proposal_answers')
          .set({ text })
          .where('proposal_id', '=', proposalId)
          .where('section_id', '=', s.section_id)
          .execute();
    }
    const stage = await db
      .selectFrom('stages')
      .select('closes_at')
      .where('competition_id', '=', target.competition_id)
      .where('kind', '=', 'submission')
      .executeTakeFirstOrThrow();
    server.ctx.clock.freeze(new Date(Date.parse(stage.closes_at!) + 60 * 60_000));
    await runDueJobs(db, server.ctx.clock, submissionJobHandlers);
    expect(await runDueJobs(db, server.ctx.clock, nearDuplicateJobHandlers)).toMatchObject({
      done: 1,
      failed: 0,
    });
  }, 300_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('shows the renamed past winner side by side; confirming it makes last year’s award count', async () => {
    const sec = await profiles.newPage();
    await logIn(sec, server.baseUrl, SECRETARIAT);
    await sec.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/seleksi-administrasi`);
    const summary = sec.getByRole('region', { name: 'Kemiripan dengan proposal lain' });
    await summary
      .getByText(/^\d+ belum diputuskan, 0 inovasi yang sama, 0 diabaikan · Terakhir diperiksa: .* WIB$/)
      .waitFor();
    await summary.getByRole('button', { name: 'Periksa kemiripan' }).waitFor();
    await shoot(sec, 'neardup-00-queue');

    await sec.goto(`${server.baseUrl}/sekretariat/seleksi-administrasi/${proposalId}`);
    const panel = sec.getByRole('region', { name: 'Kemiripan dengan proposal lain' });
    await panel.waitFor();
    const card = panel.getByRole('article', {
      name: new RegExp(`Proposal lama dengan judul baru: ${pastTitle}`),
    });
    await card.waitFor();
    await card.getByText(/^judul berbeda, \d+% jawaban sama/).waitFor();
    expect(await card.locator('mark').count()).toBeGreaterThan(1);
    await sec.getByText(/Mirip dengan proposal .* — Proposal lama dengan judul baru/).waitFor();
    expect(await cutBadges(sec)).toEqual([]);
    await shoot(sec, 'neardup-01-detail');

    await card.getByRole('button', { name: 'Inovasi yang sama' }).click();
    const dialog = sec.getByRole('dialog', { name: 'Tandai sebagai inovasi yang sama?' });
    await dialog.getByText(/penghargaan proposal lain \(Top 99, Top Terpuji\) dihitung/).waitFor();
    await dialog.getByLabel('Catatan').fill('Inovasi tahun lalu diajukan lagi dengan judul lain.');
    await shoot(sec, 'neardup-02-confirm');
    await dialog.getByRole('button', { name: 'Ya, inovasi yang sama' }).click();
    await card.getByText(/^Inovasi yang sama oleh /).waitFor();
    await sec
      .getByText(/sudah pernah menjadi Top Inovasi Terpuji/)
      .first()
      .waitFor();
    await shoot(sec, 'neardup-03-confirmed');
    const match = await server.ctx.db
      .selectFrom('near_duplicate_matches')
      .select(['status', 'note'])
      .where('proposal_id', '=', proposalId)
      .executeTakeFirstOrThrow();
    expect(match).toEqual({
      status: 'confirmed_same',
      note: 'Inovasi tahun lalu diajukan lagi dengan judul lain.',
    });

    const phone = await profiles.newPage(PHONE);
    await logIn(phone, server.baseUrl, SECRETARIAT);
    await phone.goto(`${server.baseUrl}/sekretariat/seleksi-administrasi/${proposalId}`);
    await phone
      .getByRole('region', { name: 'Kemiripan dengan proposal lain' })
      .locator('mark')
      .first()
      .waitFor();
    await shoot(phone, 'neardup-04-phone');
    await phone.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/seleksi-administrasi`);
    await phone.getByText(/^\d+ belum diputuskan, 1 inovasi yang sama, 0 diabaikan/).waitFor();
    await shoot(phone, 'neardup-05-queue-phone');
  }, 240_000);
});
