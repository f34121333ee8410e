import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompetitionDetail, CompetitionSummary } from '../src/contracts/competitions.js';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { createFromTemplate } from '../src/modules/competitions/commands/create-from-template.js';
import { setCompetitionStatus } from '../src/modules/competitions/commands/set-status.js';
import { uploadRequiredEvidence } from './helpers/evidence.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import {
  kippPair,
  lastAudit,
  makeInstitution,
  makeUnit,
  makeUser,
  sessionCookie,
} from './helpers/fixtures.js';

/*
 * Who may take part (issue 11 point 8), through the API on a real database: a province's competition
 * from the template takes the province and its regencies/cities; a unit of another province is neither
 * offered it nor allowed to start a proposal in it; the national KIPP takes everyone; the organizer sets
 * the rule, and a forward is refused when the rule changed since the draft was started.
 */
const NOW = new Date('2026-04-01T03:00:00.000Z');
const BANTEN_TEXT = {
  id: 'Peserta: Pemerintah Provinsi Banten dan kabupaten/kota di Banten',
  en: 'Participants: the Provincial Government of Banten and the regencies/cities in Banten',
};

describe('who may take part in a competition', () => {
  let ctx: TestContext;
  let national: number;
  let banten: number;
  const cookie: Record<string, string> = {};
  let people: Record<string, { id: number; email: string }> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const pair = await kippPair(ctx.db, {
      organizerName: 'Kementerian PANRB Peserta',
      otherOrganizerName: 'Pemerintah Provinsi Banten',
      now: NOW,
    });
    national = pair.competitionId;
    await ctx.db
      .updateTable('institutions')
      .set({ region_code: '36' })
      .where('id', '=', pair.otherOrganizer.id)
      .execute();
    const provSecretariat = await makeUser(ctx.db, {
      role: 'secretariat',
      institutionId: pair.otherOrganizer.id,
    });
    const comp = await createFromTemplate(ctx.db, {
      template: 'kipp',
      year: 2026,
      organizer: { ...pair.otherOrganizer, region_code: '36' },
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
    banten = comp.id;

    const tangerang = await makeInstitution(ctx.db, {
      name: 'Pemerintah Kabupaten Tangerang',
      regionCode: '36.03',
    });
    const kutai = await makeInstitution(ctx.db, {
      name: 'Pemerintah Kabupaten Kutai Kartanegara',
      regionCode: '64.02',
    });
    await makeInstitution(ctx.db, {
      type: 'pemerintah_provinsi',
      name: 'Pemerintah Provinsi Kalimantan Timur',
      regionCode: '64',
    });
    const unitT = await makeUnit(ctx.db, tangerang.id, 'Dinas Dukcapil Tangerang');
    const unitK = await makeUnit(ctx.db, kutai.id, 'Dinas Dukcapil Kutai');
    const users = {
      provSecretariat,
      nationalSecretariat: pair.secretariat,
      uppT: await makeUser(ctx.db, { role: 'upp', institutionId: tangerang.id, unitId: unitT.id }),
      adminT: await makeUser(ctx.db, { role: 'local_admin', institutionId: tangerang.id }),
      uppK: await makeUser(ctx.db, { role: 'upp', institutionId: kutai.id, unitId: unitK.id }),
      adminK: await makeUser(ctx.db, { role: 'local_admin', institutionId: kutai.id }),
    };
    people = users;
    for (const [k, u] of Object.entries(users)) cookie[k] = await sessionCookie(ctx, u.id);
  });
  afterAll(async () => ctx.close());

  const call = (
    who: string | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ) => ctx.app.inject({ method, url: `/api${url}`, headers: who ? { cookie: cookie[who] } : {}, payload });

  const summaries = async (who: string | null) => {
    const res = await call(who, 'GET', '/competitions');
    expect(res.statusCode).toBe(200);
    return res.json().items as CompetitionSummary[];
  };

  it('a province competition from the template takes the province and its regencies/cities, and says so', async () => {
    const page = (await call(null, 'GET', `/competitions/${banten}`)).json() as CompetitionDetail;
    expect(page.participants).toEqual({
      types: ['pemerintah_provinsi', 'pemerintah_kabupaten', 'pemerintah_kota'],
      regions: ['36'],
      text: BANTEN_TEXT,
    });
    const nat = (await call(null, 'GET', `/competitions/${national}`)).json() as CompetitionDetail;
    expect(nat.participants).toEqual({
      types: null,
      regions: [],
      text: {
        id: 'Peserta: semua instansi (kementerian, lembaga, pemerintah daerah, BUMN, dan BUMD)',
        en: 'Participants: every institution (ministries, agencies, regional governments, BUMN and BUMD)',
      },
    });
  });

  it('offers the province competition to a unit of Banten, not to a unit of Kalimantan Timur', async () => {
    const enter = (items: CompetitionSummary[]) =>
      Object.fromEntries(items.map((c) => [c.id, c.abilities.enter]));
    expect(enter(await summaries('uppT'))).toMatchObject({ [banten]: true, [national]: true });
    expect(enter(await summaries('adminK'))).toMatchObject({ [banten]: false, [national]: true });
    expect(enter(await summaries('uppK'))).toMatchObject({ [banten]: false, [national]: true });
    expect(enter(await summaries(null))).toMatchObject({ [banten]: false, [national]: false });
    expect((await summaries(null)).find((c) => c.id === banten)?.participants).toEqual(BANTEN_TEXT);
  });

  it('refuses a unit of another province when it starts a proposal (403 not_participant), and nothing is written', async () => {
    const res = await call('uppK', 'POST', `/competitions/${banten}/proposals`, {
      groupKey: 'umum',
      title: 'Layanan Kutai',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'not_participant',
      message: {
        id: `Instansi Anda tidak termasuk peserta kompetisi ini. ${BANTEN_TEXT.id}.`,
        en: `Your institution may not take part in this competition. ${BANTEN_TEXT.en}.`,
      },
    });
    const rows = await ctx.db
      .selectFrom('proposals')
      .select('id')
      .where('competition_id', '=', banten)
      .execute();
    expect(rows).toHaveLength(0);
    // The same unit enters the national KIPP.
    const ok = await call('uppK', 'POST', `/competitions/${national}/proposals`, {
      groupKey: 'umum',
      title: 'Layanan Kutai',
    });
    expect(ok.statusCode).toBe(201);
  });

  /** A complete draft of Tangerang's UPP in the Banten competition, its required document uploaded. */
  async function completeDraft(title: string): Promise<ProposalDetail> {
    const created = await call('uppT', 'POST', `/competitions/${banten}/proposals`, {
      groupKey: 'umum',
      title,
    });
    expect(created.statusCode).toBe(201);
    const p: ProposalDetail = created.json();
    const saved = await call('uppT', 'PATCH', `/proposals/${p.id}`, {
      version: p.version,
      acronym: 'LTC',
      categoryKey: 'tata_kelola_pemerintahan',
      implementationStart: '2023-01-10',
      innovatorKind: 'team',
      innovatorNames: 'Tim Inovasi',
      contactName: 'Sari Wulandari',
      contactPhone: '081234567890',
      contactEmail: 'sari@tangerang.go.id',
      declarationAccepted: true,
      answers: p.form.map((s) => ({ sectionKey: s.key, text: `Jawaban ${s.key}: petugas melayani warga.` })),
    });
    expect(saved.statusCode).toBe(200);
    await uploadRequiredEvidence(ctx.app, cookie.uppT, p.id);
    return p;
  }

  it('lets only the organizer set the rule, validates it, audits it, and refuses a send and a forward once it changed', async () => {
    const p = await completeDraft('Layanan Tangerang Cepat');
    expect((await call('uppT', 'POST', `/proposals/${p.id}/send`)).statusCode).toBe(200);
    const draft = await completeDraft('Layanan Tangerang Tanpa Antre');

    const url = `/competitions/${banten}/participants`;
    const onlyKaltim = { types: null, regions: ['64'] };
    expect((await call('uppT', 'PUT', url, onlyKaltim)).statusCode).toBe(403);
    // A published competition is public: another organizer sees it but may not manage it (403, as its other settings).
    expect((await call('nationalSecretariat', 'PUT', url, onlyKaltim)).statusCode).toBe(403);
    const bad = await call('provSecretariat', 'PUT', url, { types: [], regions: ['64'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.types.code).toBe('participants_no_type');
    const badRegion = await call('provSecretariat', 'PUT', url, { types: null, regions: ['Banten'] });
    expect(badRegion.statusCode).toBe(400);

    const set = await call('provSecretariat', 'PUT', url, onlyKaltim);
    expect(set.statusCode).toBe(200);
    expect((set.json() as CompetitionDetail).participants.text).toEqual({
      id: 'Peserta: instansi di Kalimantan Timur',
      en: 'Participants: institutions in Kalimantan Timur',
    });
    const audit = await lastAudit(ctx.db);
    expect(audit.action).toBe('competition.participants_changed');
    expect(JSON.parse(audit.summary)).toEqual({
      before: { types: ['pemerintah_provinsi', 'pemerintah_kabupaten', 'pemerintah_kota'], regions: ['36'] },
      after: onlyKaltim,
    });

    const forward = await call('adminT', 'POST', `/proposals/${p.id}/forward`);
    expect(forward.statusCode).toBe(403);
    expect(forward.json().error.code).toBe('not_participant');
    const row = await ctx.db
      .selectFrom('proposals')
      .select('state')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('sent_to_local_admin');
    // A complete draft started before the change cannot be sent any more either.
    const send = await call('uppT', 'POST', `/proposals/${draft.id}/send`);
    expect(send.statusCode).toBe(403);
    expect(send.json().error.code).toBe('not_participant');
    const draftRow = await ctx.db
      .selectFrom('proposals')
      .select('state')
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(draftRow.state).toBe('draft');
    expect((await summaries('uppK')).find((c) => c.id === banten)?.abilities.enter).toBe(true);
  });

  it('tells of an extended deadline only the admin lokal and UPPs of institutions the competition takes', async () => {
    const rule = await call('provSecretariat', 'PUT', `/competitions/${banten}/participants`, {
      types: null,
      regions: ['36'],
    });
    expect(rule.statusCode).toBe(200);
    const { closesAt } = (await call(null, 'GET', `/competitions/${banten}/extensions`)).json() as {
      closesAt: string;
    };
    const later = new Date(Date.parse(closesAt) + 2 * 24 * 60 * 60 * 1000).toISOString();
    const res = await call('provSecretariat', 'POST', `/competitions/${banten}/extend-submission`, {
      closesAt: later,
      letterNumber: 'B/12/BANTEN/2026',
    });
    expect(res.statusCode).toBe(200);
    const mailed = await ctx.db
      .selectFrom('outbox')
      .select('to_address')
      .where('template', '=', 'deadline_extended')
      .execute();
    expect(mailed.map((m) => m.to_address).sort()).toEqual([people.adminT.email, people.uppT.email].sort());
    const noticed = await ctx.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'deadline_extended')
      .execute();
    expect(noticed.map((n) => n.user_id).sort((a, b) => a - b)).toEqual(
      [people.adminT.id, people.uppT.id].sort((a, b) => a - b),
    );
  });
});
