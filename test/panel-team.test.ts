import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { insideStage, makeJudgedProposal, stageOf } from './helpers/judging.js';
import { makePanelist, publishFinalFinalists } from './helpers/panel.js';

/*
 * The Tim Panel Independen as a team (issue 13 point 1): each member's unsur in the profile and the roster
 * (filter, counts), and conflicts declared and found for panelists as for evaluators: the finalist's own
 * institution, its parent, a declared one, the regional rule.
 */

describe('Tim Panel: unsur and conflicts', () => {
  let ctx: TestContext;
  let competitionId: number;
  let secretariatId: number;
  let base: string;
  let parent: number;
  let child: number;
  let declaredInst: number;
  let regional: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    const kipp = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian PANRB Tim Panel',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    competitionId = kipp.competitionId;
    secretariatId = kipp.secretariat.id;
    const stage = await stageOf(ctx.db, competitionId, 'presentation');
    base = `/api/competitions/${competitionId}/stages/${stage.id}`;
    ctx.clock.freeze(insideStage(stage));
    parent = (await makeInstitution(ctx.db, { name: 'Pemerintah Provinsi Induk', regionCode: '35' })).id;
    const c = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Anak', regionCode: '35.78' });
    await ctx.db.updateTable('institutions').set({ parent_id: parent }).where('id', '=', c.id).execute();
    child = c.id;
    declaredInst = (await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Dinyatakan' })).id;
    regional = (await makeInstitution(ctx.db, { name: 'Pemerintah Kota Sewilayah', regionCode: '32.73' })).id;
    for (const inst of [child, declaredInst, regional])
      await makeJudgedProposal(ctx.db, { competitionId, institutionId: inst, state: 'finalist' });
    await publishFinalFinalists(ctx.db, { competitionId, by: secretariatId, now: insideStage(stage) });
    ids.parentPanelist = (
      await makePanelist(ctx.db, { competitionId, name: 'Panelis Induk', affiliationInstitutionId: parent })
    ).id;
    ids.declaring = (
      await makePanelist(ctx.db, { competitionId, name: 'Panelis Menyatakan', profileComplete: false })
    ).id;
    ids.regionalPanelist = (
      await makePanelist(ctx.db, { competitionId, name: 'Panelis Jawa Barat', regionCode: '32' })
    ).id;
  });
  afterAll(() => ctx.close());

  it('a panelist saves their unsur; a value outside the list is refused field by field', async () => {
    const cookie = await sessionCookie(ctx, ids.declaring!);
    const url = `/api/competitions/${competitionId}/review-team/panel/me`;
    const categories = (await ctx.app.inject({ method: 'GET', url, headers: { cookie } })).json().categories;
    const body = {
      affiliationName: 'Universitas Uji',
      expertise: [categories[0].key],
      unsur: 'astrolog',
      conflicts: [{ institutionId: declaredInst, note: 'Pernah membina inovasi ini' }],
    };
    const bad = await ctx.app.inject({ method: 'PUT', url, headers: { cookie }, payload: body });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.unsur.message).toBeDefined();
    const ok = await ctx.app.inject({
      method: 'PUT',
      url,
      headers: { cookie },
      payload: { ...body, unsur: 'media' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().member.unsur).toBe('media');
  });

  it('the roster filters and counts the panel per unsur', async () => {
    await ctx.db
      .updateTable('reviewer_profiles')
      .set({ unsur: 'expert' })
      .where('user_id', '=', ids.parentPanelist!)
      .execute();
    const cookie = await sessionCookie(ctx, secretariatId);
    const all = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/competitions/${competitionId}/review-team/panel`,
        headers: { cookie },
      })
    ).json();
    expect(all.unsurCounts).toEqual({
      expert: 1,
      public_figure: 0,
      ministry: 0,
      media: 1,
      other: 0,
      none: 1,
    });
    const media = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/competitions/${competitionId}/review-team/panel?unsur=media`,
        headers: { cookie },
      })
    ).json();
    expect(media.items.map((m: { name: string }) => m.name)).toEqual(['Panelis Menyatakan']);
    expect(media.total).toBe(1);
    const none = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/competitions/${competitionId}/review-team/panel?unsur=none`,
        headers: { cookie },
      })
    ).json();
    expect(none.items.map((m: { name: string }) => m.name)).toEqual(['Panelis Jawa Barat']);
  });

  it('conflicts are found for panelists as for evaluators: parent institution, declared, regional rule', async () => {
    const cookie = await sessionCookie(ctx, secretariatId);
    const rule = await ctx.app.inject({
      method: 'PUT',
      url: `/api/competitions/${competitionId}/review-team-rule`,
      headers: { cookie },
      payload: { regionalConflict: 'same_province' },
    });
    expect(rule.statusCode, rule.body).toBe(200);
    const run = await ctx.app.inject({ method: 'POST', url: `${base}/assignments/run`, headers: { cookie } });
    expect(run.statusCode, run.body).toBe(200);
    const reasons = new Map<string, string[]>();
    for (const a of run.json().abstentions as {
      reviewer: { name: string };
      proposal: { institution: string };
      reasons: { en: string }[];
    }[])
      reasons.set(
        `${a.reviewer.name} / ${a.proposal.institution}`,
        a.reasons.map((r) => r.en),
      );
    expect(Object.fromEntries(reasons)).toEqual({
      'Panelis Induk / Pemerintah Kota Anak': ['An institution under their affiliated institution'],
      'Panelis Menyatakan / Pemerintah Kabupaten Dinyatakan': [
        'Declared by the reviewer: Pernah membina inovasi ini',
      ],
      'Panelis Jawa Barat / Pemerintah Kota Sewilayah': ['Same province as their affiliation (region 32)'],
    });
    // 3 panelists × 3 finalists, minus the 3 abstentions.
    expect(run.json().placed).toBe(6);
  });
});
