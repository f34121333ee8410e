import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryLoads } from '../src/modules/awards/registry-cache.js';
import { competitionSetup } from '../src/modules/competitions/setup-cache.js';
import { createProposal } from '../src/modules/proposals/commands/create-proposal.js';
import { loadEligibilityContext } from '../src/modules/proposals/eligibility-context.js';
import { loadProposalView } from '../src/modules/proposals/view.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp } from './helpers/fixtures.js';

/*
 * The competition setup kept in memory (modules/competitions/setup-cache.ts) is keyed by
 * competitions.config_rev, which triggers change on every write to the competition's row, categories,
 * groups, form sections and stages. Each write below goes straight to the table, as any future command
 * would, and the next proposal load must show it.
 */

const NOW = new Date('2026-04-01T03:00:00.000Z');

describe('competition setup cache', () => {
  let ctx: TestContext;
  let competitionId: number;
  let proposalId: number;

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    ({ competitionId } = await publishedKipp(ctx.db, { organizerName: 'Kementerian Cache', now: NOW }));
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Cache' });
    const unit = await makeUnit(ctx.db, inst.id);
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    const created = await createProposal(ctx.db, {
      competitionId,
      groupKey: 'umum',
      title: 'Inovasi Tembolok',
      institutionId: inst.id,
      unitId: unit.id,
      actorUserId: upp.id,
      ip: null,
      now: NOW,
    });
    proposalId = created.id;
  });
  afterAll(async () => ctx.close());

  const view = async () => (await loadProposalView(ctx.db, proposalId))!;
  const rev = async () =>
    (
      await ctx.db
        .selectFrom('competitions')
        .select('config_rev')
        .where('id', '=', competitionId)
        .executeTakeFirstOrThrow()
    ).config_rev;

  it('serves the same setup while nothing changes', async () => {
    const a = await view();
    const b = await view();
    expect(b.competition).toBe(a.competition);
    expect(b.group).toBe(a.group);
    const r = await rev();
    expect(await competitionSetup(ctx.db, competitionId, r)).toBe(
      await competitionSetup(ctx.db, competitionId, r),
    );
  });

  it('shows a renamed category, a changed section and a moved closing at the next load', async () => {
    const before = await view();
    const category = before.categories[0];
    const section = before.group.sections[0];

    await ctx.db
      .updateTable('categories')
      .set({ name_id: 'Kategori Baru' })
      .where('id', '=', category.id)
      .execute();
    expect((await view()).categories[0].name_id).toBe('Kategori Baru');

    await ctx.db.updateTable('form_sections').set({ word_limit: 123 }).where('id', '=', section.id).execute();
    expect((await view()).group.sections[0].word_limit).toBe(123);

    await ctx.db
      .updateTable('stages')
      .set({ closes_at: '2026-06-01T16:59:00.000Z' })
      .where('competition_id', '=', competitionId)
      .where('kind', '=', 'submission')
      .execute();
    expect((await view()).submission?.closesAt).toBe('2026-06-01T16:59:00.000Z');

    await ctx.db
      .updateTable('competitions')
      .set({ time_zone: 'Asia/Makassar' })
      .where('id', '=', competitionId)
      .execute();
    expect((await view()).competition.time_zone).toBe('Asia/Makassar');

    const r = await rev();
    await ctx.db
      .insertInto('categories')
      .values({
        competition_id: competitionId,
        key: 'tembolok',
        name_id: 'Tembolok',
        name_en: 'Cache',
        position: 99,
      })
      .execute();
    expect(await rev()).not.toBe(r);
    expect((await view()).categories.map((c) => c.key)).toContain('tembolok');
    await ctx.db.deleteFrom('categories').where('key', '=', 'tembolok').execute();
    expect((await view()).categories.map((c) => c.key)).not.toContain('tembolok');
  });

  it('never serves a setup read inside a transaction that was rolled back', async () => {
    const committed = (await view()).categories[0].name_id;
    await expect(
      ctx.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('categories')
          .set({ name_id: 'Tidak Pernah Terjadi' })
          .where('competition_id', '=', competitionId)
          .execute();
        expect((await loadProposalView(tx, proposalId))!.categories[0].name_id).toBe('Tidak Pernah Terjadi');
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await view()).categories[0].name_id).toBe(committed);
    // A committed change after the rollback is seen too.
    await ctx.db
      .updateTable('categories')
      .set({ name_id: 'Sesudah Rollback' })
      .where('competition_id', '=', competitionId)
      .execute();
    expect((await view()).categories[0].name_id).toBe('Sesudah Rollback');
  });

  it('sees every change of the award registry at the next eligibility check', async () => {
    const v = await view();
    // Each check loads the proposal again, as each request does (the registry's revision comes with it).
    const titles = async () =>
      (await loadEligibilityContext(ctx.db, await view())).registry.map((e) => e.innovationTitle);
    const before = await titles();
    const [linked] = await ctx.db
      .insertInto('awards')
      .values({
        year: 2019,
        level: 'TOP99',
        innovation_title: 'Inovasi Tembolok',
        institution_name: 'Pemerintah Kota Cache',
        institution_id: v.proposal.institution_id,
        source_url: null,
        notes: null,
        created_by: null,
        created_at: NOW.toISOString(),
        updated_at: NOW.toISOString(),
      })
      .returning('id')
      .execute();
    expect(await titles()).toHaveLength(before.length + 1);
    expect(await titles()).toContain('Inovasi Tembolok');
    await ctx.db
      .updateTable('awards')
      .set({ innovation_title: 'Inovasi Diganti' })
      .where('id', '=', linked.id)
      .execute();
    expect(await titles()).toContain('Inovasi Diganti');
    expect(await titles()).not.toContain('Inovasi Tembolok');
    await ctx.db.deleteFrom('awards').where('id', '=', linked.id).execute();
    expect(await titles()).toEqual(before);
  });

  it('reads the registry rows once per registry revision, not at every eligibility check', async () => {
    const check = async () => loadEligibilityContext(ctx.db, await view());
    await check();
    const loads = registryLoads(ctx.db);
    for (let i = 0; i < 3; i++) await check();
    expect(registryLoads(ctx.db)).toBe(loads);
    await ctx.db
      .insertInto('awards')
      .values({
        year: 2020,
        level: 'TOP99',
        innovation_title: 'Inovasi Hitungan',
        institution_name: 'Pemerintah Kota Hitungan',
        institution_id: null,
        source_url: null,
        notes: null,
        created_by: null,
        created_at: NOW.toISOString(),
        updated_at: NOW.toISOString(),
      })
      .execute();
    await check();
    await check();
    expect(registryLoads(ctx.db)).toBe(loads + 1);
  });
});
