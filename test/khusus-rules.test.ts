import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { createFromTemplate } from '../src/modules/competitions/commands/create-from-template.js';
import { setCompetitionStatus } from '../src/modules/competitions/commands/set-status.js';
import { uploadRequiredEvidence } from './helpers/evidence.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { kippPair, makeInstitution, makeUnit, makeUser, sessionCookie } from './helpers/fixtures.js';

/*
 * The khusus group's rules through the API (issue 11 points 5 and 6): in a provincial competition the
 * invitation is the province's, not the Minister's (group description and refusal), and an innovation
 * already twice in the Top 15 of the khusus group is refused at send with the 2023 rule.
 */
const NOW = new Date('2026-04-01T03:00:00.000Z');

type Missing = { kind: string; code: string; field: string; message: { id: string; en: string } };

describe('khusus group rules: who invites, and twice in the Top 15 khusus', () => {
  let ctx: TestContext;
  let national: number;
  let provincial: number;
  const cookie: Record<string, string> = {};
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const pair = await kippPair(ctx.db, {
      organizerName: 'Kementerian PANRB Khusus',
      otherOrganizerName: 'Pemerintah Provinsi Khusus Jaya',
      now: NOW,
    });
    national = pair.competitionId;
    const province = pair.otherOrganizer;
    await ctx.db
      .updateTable('institutions')
      .set({ region_code: '91' })
      .where('id', '=', province.id)
      .execute();
    const provSecretariat = await makeUser(ctx.db, { role: 'secretariat', institutionId: province.id });
    const comp = await createFromTemplate(ctx.db, {
      template: 'kipp',
      year: 2026,
      organizer: { ...province, region_code: '91' },
      createdBy: provSecretariat.id,
      ip: null,
      now: NOW,
    });
    await setCompetitionStatus(ctx.db, {
      id: comp.id,
      to: 'published',
      actorUserId: provSecretariat.id,
      ip: null,
      now: NOW,
    });
    provincial = comp.id;

    const a = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Khusus A', regionCode: '91.01' });
    const unitA = await makeUnit(ctx.db, a.id, 'Dinas Khusus A');
    ids.institutionA = a.id;
    const made = {
      provSecretariat,
      steward: await makeUser(ctx.db, { role: 'data_steward' }),
      uppA: await makeUser(ctx.db, { role: 'upp', institutionId: a.id, unitId: unitA.id }),
    };
    for (const [k, u] of Object.entries(made)) {
      ids[k] = u.id;
      cookie[k] = await sessionCookie(ctx, u.id);
    }
  });
  afterAll(async () => ctx.close());

  const call = (who: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    ctx.app.inject({ method, url: `/api${url}`, headers: who ? { cookie: cookie[who] } : {}, payload });

  const addAward = async (body: Record<string, unknown>): Promise<number> => {
    const res = await call('steward', 'POST', '/awards', body);
    expect(res.statusCode).toBe(201);
    return res.json().award.id;
  };

  const khususDescription = async (competitionId: number) => {
    const res = await call(null, 'GET', `/competitions/${competitionId}`);
    expect(res.statusCode).toBe(200);
    const groups = res.json().competition?.groups ?? res.json().groups;
    return groups.find((g: { key: string }) => g.key === 'khusus') as {
      descriptionId: string;
      descriptionEn: string;
    };
  };

  it('names the province, not the Minister, as the one who invites in the provincial group description', async () => {
    const prov = await khususDescription(provincial);
    expect(prov.descriptionId).toMatch(/^Hanya atas undangan Pemerintah Provinsi Khusus Jaya\. /);
    expect(prov.descriptionEn).toMatch(/^By invitation of Pemerintah Provinsi Khusus Jaya only\. /);
    expect(`${prov.descriptionId} ${prov.descriptionEn}`).not.toMatch(/Menteri|Minister/);
    const nat = await khususDescription(national);
    expect(nat.descriptionId).toMatch(/^Hanya atas undangan Menteri PANRB\. /);
  });

  it('refuses at send an innovation twice in the Top 15 khusus, and names the province once the invitation is gone', async () => {
    const title = 'Layanan Dua Kali Khusus';
    const base = {
      innovationTitle: title,
      institutionName: 'Kabupaten Khusus A',
      institutionId: ids.institutionA,
    };
    const terpuji = await addAward({ ...base, year: 2017, level: 'TOP40' });
    await addAward({ ...base, year: 2019, level: 'KHUSUS' });
    await addAward({ ...base, year: 2022, level: 'KHUSUS' });
    const url = `/competitions/${provincial}/invitations`;
    const invited = await call('provSecretariat', 'POST', url, {
      groupKey: 'khusus',
      institutionId: ids.institutionA,
      awardId: terpuji,
      letterNumber: 'B/7/ORG/2026',
    });
    expect(invited.statusCode).toBe(201);

    const created = await call('uppA', 'POST', `/competitions/${provincial}/proposals`, {
      groupKey: 'khusus',
      title,
    });
    expect(created.statusCode).toBe(201);
    const p: ProposalDetail = created.json();
    // The supporting document the group requires, so that only the rule under test is missing.
    await uploadRequiredEvidence(ctx.app, cookie.uppA, p.id);
    const { version } = (await call('uppA', 'GET', `/proposals/${p.id}`)).json() as ProposalDetail;
    const saved = await call('uppA', 'PATCH', `/proposals/${p.id}`, {
      version,
      acronym: 'LDK',
      categoryKey: 'tata_kelola_pemerintahan',
      implementationStart: '2016-01-10',
      innovatorKind: 'team',
      innovatorNames: 'Tim Inovasi',
      contactName: 'Sari Wulandari',
      contactPhone: '081234567890',
      contactEmail: 'sari@khusus.go.id',
      declarationAccepted: true,
      answers: p.form.map((s) => ({ sectionKey: s.key, text: `Jawaban ${s.key}: petugas melayani warga.` })),
    });
    expect(saved.statusCode).toBe(200);
    const top15 = {
      kind: 'ineligible',
      code: 'khusus_top15_twice',
      field: 'title',
      sectionKey: null,
      message: {
        id: 'Inovasi ini sudah 2 kali masuk Top 15 Kelompok Khusus (2019, 2022); kelompok khusus hanya untuk inovasi yang belum pernah masuk Top 15 Kelompok Khusus sebanyak 2 kali.',
        en: 'This innovation has been in the Top 15 of the special group 2 times (2019, 2022); the special group is only for innovations not twice in its Top 15.',
      },
    };
    expect(saved.json().completeness).toEqual({ complete: false, missing: [top15] });
    const send = await call('uppA', 'POST', `/proposals/${p.id}/send`);
    expect(send.statusCode).toBe(422);
    expect(send.json().error.code).toBe('proposal_ineligible');
    expect(send.json().error.missing).toEqual([top15]);
    const row = await ctx.db
      .selectFrom('proposals')
      .select('state')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('draft');

    // The invitation revoked: the refusal names the province that invites.
    const revoke = await call('provSecretariat', 'POST', `${url}/${invited.json().items[0].id}/revoke`);
    expect(revoke.statusCode).toBe(200);
    const detail = (await call('uppA', 'GET', `/proposals/${p.id}`)).json() as ProposalDetail;
    const missing = detail.completeness.missing as Missing[];
    expect(missing.find((m) => m.code === 'khusus_not_invited')?.message).toEqual({
      id: 'Kelompok khusus hanya untuk inovasi yang diundang oleh Pemerintah Provinsi Khusus Jaya.',
      en: 'The special group is by invitation of Pemerintah Provinsi Khusus Jaya only.',
    });
  });
});
