import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeInstitution } from '../helpers/fixtures.js';
import { insideStage, makeEvaluator, makeJudgedProposal, stageOf } from '../helpers/judging.js';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * The assignment of reviewers and a stage's results, in Chromium (issue 12 points 3 and 5), on the demo:
 * the KIPP secretariat runs the optimal assignment of evaluation 1 (after a confirmation that says what it
 * does), sees every reviewer's load, withdraws a pair for a conflict found later (a replacement is
 * assigned), then sets the pass mark and the results once every proposal is scored.
 */
const SECRETARIAT = 'sekretariat@demo.sinovik.id';

describe('assignment and results, in the browser', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;
  let stageId: number;

  async function secretariat(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await profiles.newPage(viewport);
    await logIn(page, server.baseUrl, SECRETARIAT);
    return page;
  }

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
    const { db } = server.ctx;
    const kipp = await db
      .selectFrom('competitions')
      .select('id')
      .where('code', '=', 'KIPP')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    competitionId = kipp.id;
    const stage = await stageOf(db, competitionId, 'evaluation_1');
    stageId = stage.id;
    server.ctx.clock.freeze(insideStage(stage));
    // Six proposals that passed the administrative check, from three institutions, and the demo's Tim
    // Evaluasi (4 with complete profiles) plus one whose affiliation is the first institution.
    const inst = [];
    for (let i = 0; i < 3; i++)
      inst.push(await makeInstitution(db, { name: `Pemerintah Kota Penugasan ${i + 1}` }));
    for (let i = 0; i < 6; i++)
      await makeJudgedProposal(db, {
        competitionId,
        institutionId: inst[i % 3]!.id,
        categoryKey: i % 2 ? 'kesehatan' : 'pendidikan',
        title: `Inovasi Layanan Terpadu ${i + 1}`,
      });
    await makeEvaluator(db, {
      competitionId,
      affiliationInstitutionId: inst[0]!.id,
      expertise: ['kesehatan'],
      name: 'Dr. Ratna Afiliasi',
    });
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('runs the optimal assignment after a confirmation and shows the balanced loads', async () => {
    const page = await secretariat();
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/penugasan`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Penugasan penilai', level: 1 }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Jalankan penugasan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Jalankan penugasan otomatis?' });
    await expect.poll(() => dialog.textContent()).toContain('12 penugasan akan dibuat');
    await shoot(page, 'assignment-01-confirm');
    await dialog.getByRole('button', { name: 'Jalankan penugasan' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('12 penugasan dibuat');
    const pairs = await server.ctx.db
      .selectFrom('review_assignments')
      .select(['proposal_id', 'reviewer_id'])
      .where('stage_id', '=', stageId)
      .execute();
    expect(pairs).toHaveLength(12);
    const loads = new Map<number, number>();
    for (const p of pairs) loads.set(p.reviewer_id, (loads.get(p.reviewer_id) ?? 0) + 1);
    expect(Math.max(...loads.values()) - Math.min(...loads.values())).toBeLessThanOrEqual(1);
    await expect.poll(() => page.getByText('Pemerintah Kota Penugasan 1').count()).toBeGreaterThan(0);
    // Expertise by the category's name, not its key.
    await expect
      .poll(() => page.getByRole('cell', { name: 'Kesehatan', exact: true }).count())
      .toBeGreaterThan(0);
    await shoot(page, 'assignment-02-done');
  });

  it('withdraws a pair for a conflict found later and shows its replacement (phone width)', async () => {
    const page = await secretariat({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/penugasan`);
    const withdraw = page.getByRole('button', { name: /^Tarik: / }).first();
    await withdraw.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Alasan/ }).fill('Pernah menjadi konsultan instansi ini.');
    await dialog.getByRole('checkbox', { name: /benturan kepentingan/ }).check();
    await shoot(page, 'assignment-03-withdraw-phone');
    await dialog.getByRole('button', { name: 'Tarik' }).click();
    await expect.poll(() => page.getByText(/ditugaskan sebagai pengganti/).count()).toBeGreaterThan(0);
    const reassigned = await server.ctx.db
      .selectFrom('review_assignments')
      .selectAll()
      .where('stage_id', '=', stageId)
      .where('origin', '=', 'reassign')
      .execute();
    expect(reassigned).toHaveLength(1);
  });

  it('sets the pass mark and the results once every proposal is scored', async () => {
    const { db } = server.ctx;
    const active = await db
      .selectFrom('review_assignments')
      .select(['id', 'proposal_id', 'reviewer_id'])
      .where('stage_id', '=', stageId)
      .where('status', '=', 'active')
      .orderBy('id')
      .execute();
    const at = (i: number) =>
      new Date(Date.parse(server.ctx.clock.now().toISOString()) + i * 1000).toISOString();
    let n = 0;
    const byProposal = new Map<number, number>();
    for (const a of active) {
      const k = byProposal.get(a.proposal_id) ?? 0;
      byProposal.set(a.proposal_id, k + 1);
      // Close totals (no gap): proposals alternate above and below a pass mark of 80.
      const total = (a.proposal_id % 2 ? 84 : 72) + k * 2;
      await db
        .insertInto('evaluations')
        .values({
          assignment_id: a.id,
          status: 'submitted',
          total,
          submitted_at: at(++n),
          saved_by: a.reviewer_id,
          created_at: at(n),
          updated_at: at(n),
        })
        .execute();
    }
    const page = await secretariat();
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/hasil-penilaian`);
    await expect.poll(() => page.getByRole('heading', { name: 'Hasil penilaian', level: 1 }).count()).toBe(1);
    await page.getByLabel('Nilai batas lulus').fill('80');
    await page.getByRole('button', { name: 'Simpan aturan' }).click();
    const decide = page.getByRole('button', { name: /^Tetapkan hasil/ });
    await expect.poll(() => decide.isEnabled()).toBe(true);
    await decide.click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('3 proposal yang mencapai nilai batas 80');
    await shoot(page, 'assignment-04-results-confirm');
    await dialog.getByRole('button', { name: /^Tetapkan hasil/ }).click();
    await expect.poll(() => page.getByText(/Hasil ditetapkan pada/).count()).toBe(1);
    const results = await db
      .selectFrom('stage_results')
      .selectAll()
      .where('stage_id', '=', stageId)
      .execute();
    expect(results.filter((r) => r.outcome === 'advanced')).toHaveLength(3);
    await shoot(page, 'assignment-05-results-set');
  });
});
