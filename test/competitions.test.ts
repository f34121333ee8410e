import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompetitionDetail } from '../src/contracts/competitions.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUser, sessionCookie } from './helpers/fixtures.js';

/** During the template's 2026 submission window (15 March – 2 May 23:59 WIB). */
const NOW = new Date('2026-04-01T03:00:00.000Z');

describe('competitions', () => {
  let ctx: TestContext;
  let national: { id: number; name: string };
  let kaltim: { id: number; name: string };
  let other: { id: number };
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    national = await makeInstitution(ctx.db, { type: 'kementerian', name: 'Kementerian PANRB Uji' });
    kaltim = await makeInstitution(ctx.db, {
      type: 'pemerintah_provinsi',
      name: 'Pemerintah Provinsi Kalimantan Timur',
      regionCode: '64',
    });
    await ctx.db
      .updateTable('institutions')
      .set({ short_name: 'Kaltim' })
      .where('id', '=', kaltim.id)
      .execute();
    other = await makeInstitution(ctx.db, { type: 'pemerintah_kabupaten' });
    const users = {
      secretariat: await makeUser(ctx.db, { role: 'secretariat', institutionId: national.id }),
      kaltimSecretariat: await makeUser(ctx.db, { role: 'secretariat', institutionId: kaltim.id }),
      admin: await makeUser(ctx.db, { role: 'system_admin' }),
      localAdmin: await makeUser(ctx.db, { role: 'local_admin', institutionId: other.id }),
      upp: await makeUser(ctx.db, { role: 'upp', institutionId: other.id }),
    };
    for (const [k, u] of Object.entries(users)) cookies[k] = await sessionCookie(ctx, u.id);
  });
  afterAll(async () => ctx.close());

  const create = (who: string | null, payload: Record<string, unknown>) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/competitions/from-template',
      headers: who ? { cookie: cookies[who] } : {},
      payload: { template: 'kipp', ...payload },
    });
  const get = (url: string, who: string | null = null) =>
    ctx.app.inject({ method: 'GET', url, headers: who ? { cookie: cookies[who] } : {} });
  const post = (url: string, who: string) =>
    ctx.app.inject({ method: 'POST', url, headers: { cookie: cookies[who] } });
  const put = (id: number, who: string, payload: unknown) =>
    ctx.app.inject({
      method: 'PUT',
      url: `/api/competitions/${id}`,
      headers: { cookie: cookies[who] },
      payload: payload as Record<string, unknown>,
    });

  /** The body PUT takes, from a detail response (ids dropped). */
  const definitionOf = (d: CompetitionDetail) => ({
    code: d.code,
    name: d.name,
    year: d.year,
    theme: d.theme,
    description: d.description,
    timeZone: d.timeZone,
    settings: d.settings,
    categories: d.categories.map(({ id: _id, ...c }) => c),
    groups: d.groups.map(({ id: _id, sections, ...g }) => ({
      ...g,
      sections: sections.map(({ id: _sid, ...s }) => s),
    })),
    stages: d.stages.map(({ id: _id, ...s }) => s),
  });

  let kipp: CompetitionDetail;

  it('creates a draft KIPP from the template with all its rows and an audit row', async () => {
    const res = await create('secretariat', { year: 2026, organizerInstitutionId: national.id });
    expect(res.statusCode).toBe(201);
    kipp = res.json();
    expect(kipp).toMatchObject({
      code: 'KIPP',
      name: 'Kompetisi Inovasi Pelayanan Publik 2026',
      year: 2026,
      status: 'draft',
      timeZone: 'Asia/Jakarta',
      organizer: { id: national.id, name: 'Kementerian PANRB Uji' },
      submissionClosesAt: '2026-05-02T16:59:00.000Z',
      currentStage: { kind: 'submission' },
      abilities: { manage: true, publish: true, unpublish: false },
    });

    const row = await ctx.db
      .selectFrom('competitions')
      .selectAll()
      .where('id', '=', kipp.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'draft',
      code: 'KIPP',
      year: 2026,
      organizer_institution_id: national.id,
    });
    expect(JSON.parse(row.settings)).toEqual({
      allowedFileTypes: ['application/pdf', 'image/jpeg', 'image/png'],
      maxFileMb: 10,
      maxProposalMb: 50,
      maxOpenDraftsPerUnit: 15,
      maxInstitutionStorageMb: 2048,
      // The organizer's help contact: empty in every preset (issue 11), filled in by its secretariat.
      helpdesk: { phone: null, email: null, whatsapp: null, hours: null },
    });
    const categories = await ctx.db
      .selectFrom('categories')
      .selectAll()
      .where('competition_id', '=', kipp.id)
      .execute();
    expect(categories).toHaveLength(11);

    const groups = await ctx.db
      .selectFrom('competition_groups')
      .selectAll()
      .where('competition_id', '=', kipp.id)
      .orderBy('position')
      .execute();
    expect(
      groups.map((g) => [g.key, g.min_implementation_months, g.quota_per_institution, g.invitation_only]),
    ).toEqual([
      ['umum', 24, 10, 0],
      ['replikasi', 12, 5, 0],
      ['khusus', 24, null, 1],
    ]);
    const weightsOf = async (groupId: number) =>
      (
        await ctx.db
          .selectFrom('form_sections')
          .select('weight')
          .where('group_id', '=', groupId)
          .orderBy('position')
          .execute()
      ).map((s) => s.weight);
    expect(await weightsOf(groups[0].id)).toEqual([0, 10, 15, 5, 30, 20, 5, 15]);
    expect(await weightsOf(groups[1].id)).toEqual([0, 10, 15, 15, 30, 10, 5, 15]);
    expect(await weightsOf(groups[2].id)).toEqual([0, 30, 20, 25, 25]);

    const stages = await ctx.db
      .selectFrom('stages')
      .selectAll()
      .where('competition_id', '=', kipp.id)
      .orderBy('position')
      .execute();
    expect(stages.map((s) => s.kind)).toEqual([
      'publication',
      'submission',
      'administrative',
      'evaluation_1',
      'evaluation_2',
      'finalists',
      'public_objection',
      'presentation',
      'field_verification',
      'final_panel',
      'announcement',
    ]);
    expect(stages[1]).toMatchObject({
      opens_at: '2026-03-14T17:00:00.000Z',
      closes_at: '2026-05-02T16:59:00.000Z',
    });

    const audit = await ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_type', '=', 'competition')
      .where('entity_id', '=', String(kipp.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['competition.created']);
    expect(JSON.parse(audit[0].summary)).toMatchObject({
      code: 'KIPP',
      year: 2026,
      template: 'kipp',
      preset: 'kipp-2023',
    });
  });

  it('refuses a second competition of the same organizer, code and year with 409', async () => {
    const res = await create('secretariat', { year: 2026, organizerInstitutionId: national.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('competition_exists');
    const count = await ctx.db
      .selectFrom('competitions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organizer_institution_id', '=', national.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('refuses creation to a secretariat of another organizer, an admin lokal, a UPP and anonymous callers', async () => {
    const payload = { year: 2027, organizerInstitutionId: national.id };
    const byOther = await create('kaltimSecretariat', payload);
    expect(byOther.statusCode).toBe(403);
    expect(byOther.json().error.code).toBe('forbidden.otherOrganizer');
    for (const who of ['localAdmin', 'upp']) {
      const res = await create(who, payload);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden.missingRole');
    }
    expect((await create(null, payload)).statusCode).toBe(401);
    const rows = await ctx.db.selectFrom('competitions').select('id').where('year', '=', 2027).execute();
    expect(rows).toEqual([]);
  });

  it('lets a province organize its own competition, named after it', async () => {
    const res = await create('kaltimSecretariat', { year: 2026, organizerInstitutionId: kaltim.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'KIPP-KALTIM',
      name: 'Kompetisi Inovasi Pelayanan Publik Pemerintah Provinsi Kalimantan Timur 2026',
      organizer: { id: kaltim.id },
      status: 'draft',
    });
  });

  it('lets a system administrator create for any organizer, with a chosen name, theme and zone', async () => {
    const res = await create('admin', {
      year: 2027,
      organizerInstitutionId: other.id,
      name: 'Lomba Inovasi Daerah 2027',
      code: 'LINDA',
      theme: 'Inovasi untuk desa',
      timeZone: 'Asia/Makassar',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'LINDA',
      name: 'Lomba Inovasi Daerah 2027',
      theme: 'Inovasi untuk desa',
      timeZone: 'Asia/Makassar',
      submissionClosesAt: '2027-05-02T15:59:00.000Z',
    });
  });

  it('answers bad template input with field problems', async () => {
    const res = await create('admin', {
      year: 1990,
      organizerInstitutionId: other.id,
      timeZone: 'Mars/Olympus',
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['year']);
    const zone = await create('admin', {
      year: 2030,
      organizerInstitutionId: other.id,
      timeZone: 'Mars/Olympus',
    });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error.fields.timeZone.code).toBe('invalid_time_zone');
    const unknown = await create('admin', { year: 2030, organizerInstitutionId: 999999 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.organizerInstitutionId.code).toBe('unknown_institution');
  });

  it('hides a draft from the public and from other organizers until it is published', async () => {
    const publicList = await get('/api/competitions');
    expect(publicList.statusCode).toBe(200);
    expect(publicList.json().items).toEqual([]);
    expect((await get(`/api/competitions/${kipp.id}`)).statusCode).toBe(404);
    expect((await get(`/api/competitions/${kipp.id}`, 'kaltimSecretariat')).statusCode).toBe(404);
    expect((await get(`/api/competitions/${kipp.id}`, 'upp')).statusCode).toBe(404);
    // A draft is not even there for someone who cannot manage it, so changing it is 404 too.
    expect((await post(`/api/competitions/${kipp.id}/publish`, 'kaltimSecretariat')).statusCode).toBe(404);

    const own = await get('/api/competitions', 'secretariat');
    expect(own.json().items.map((c: { id: number }) => c.id)).toEqual([kipp.id]);
    const kaltimOwn = await get('/api/competitions', 'kaltimSecretariat');
    expect(kaltimOwn.json().items.map((c: { code: string }) => c.code)).toEqual(['KIPP-KALTIM']);
    const all = await get('/api/competitions', 'admin');
    expect(all.json().items).toHaveLength(3);

    const published = await post(`/api/competitions/${kipp.id}/publish`, 'secretariat');
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({
      status: 'published',
      abilities: { publish: false, unpublish: true },
    });

    const after = await get('/api/competitions');
    expect(after.json().items).toHaveLength(1);
    expect(after.json().items[0]).toMatchObject({
      id: kipp.id,
      code: 'KIPP',
      status: 'published',
      organizer: { id: national.id, name: 'Kementerian PANRB Uji' },
      currentStage: { kind: 'submission', closesAt: '2026-05-02T16:59:00.000Z' },
      submissionClosesAt: '2026-05-02T16:59:00.000Z',
      abilities: { manage: false, dashboard: false },
    });
    expect(after.json().items[0].groups[0]).toEqual({
      id: kipp.groups[0].id,
      key: 'umum',
      nameId: 'Umum',
      nameEn: 'General',
      minImplementationMonths: 24,
      quotaPerInstitution: 10,
      invitationOnly: false,
      sourceYears: null,
    });
    const detail = await get(`/api/competitions/${kipp.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().abilities).toEqual({ manage: false, publish: false, unpublish: false });
    expect(detail.json().groups[0].sections).toHaveLength(8);

    // Published once: publishing again is a conflict, and another organizer's secretariat is refused.
    expect((await post(`/api/competitions/${kipp.id}/publish`, 'secretariat')).json().error.code).toBe(
      'competition_not_draft',
    );
    const foreign = await post(`/api/competitions/${kipp.id}/unpublish`, 'kaltimSecretariat');
    expect(foreign.statusCode).toBe(403);

    const audit = await ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'competition')
      .where('entity_id', '=', String(kipp.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['competition.created', 'competition.published']);
  });

  it('refuses weights that do not add up to 100 with the group’s field path, changing nothing', async () => {
    const def = definitionOf(kipp);
    def.groups[0].sections[5].weight = 15; // umum now adds up to 95
    const res = await put(kipp.id, 'secretariat', def);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields).toEqual({
      'groups.0.sections': {
        code: 'weights_sum',
        message: {
          id: 'Jumlah bobot kelompok “Umum” harus tepat 100; sekarang 95.',
          en: 'The weights of group “General” must add up to exactly 100; they add up to 95.',
        },
      },
    });
    const weights = await ctx.db
      .selectFrom('form_sections')
      .select('weight')
      .where('group_id', '=', kipp.groups[0].id)
      .orderBy('position')
      .execute();
    expect(weights.map((w) => w.weight)).toEqual([0, 10, 15, 5, 30, 20, 5, 15]);
  });

  it('answers a malformed definition with field problems, not a 500', async () => {
    const def = definitionOf(kipp) as Record<string, unknown>;
    delete def.stages;
    const res = await put(kipp.id, 'secretariat', { ...def, year: 'dua ribu' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['stages', 'year']);
  });

  it('keeps the ids of kept rows when labels change, and deletes and adds rows by key', async () => {
    // Structure is edited freely while the competition is a draft (once published it takes an amendment:
    // test/competition-guard.test.ts); this one has no proposals yet, so it can go back to draft.
    expect((await post(`/api/competitions/${kipp.id}/unpublish`, 'secretariat')).statusCode).toBe(200);
    const def = definitionOf(kipp);
    const umum = def.groups[0];
    umum.sections[1].labelId = 'Latar Belakang, Masalah, dan Tujuan';
    umum.sections[1].wordLimit = 500;
    // Drop "Sumber Daya" (5) and give its weight to a new "Kolaborasi" section.
    umum.sections.splice(6, 1);
    umum.sections.push({
      key: 'kolaborasi',
      labelId: 'Kolaborasi Pemangku Kepentingan',
      labelEn: 'Stakeholder Collaboration',
      guidanceId: null,
      guidanceEn: null,
      wordLimit: 200,
      weight: 5,
      required: true,
    });
    def.categories = def.categories.filter((c) => c.key !== 'penegakan_hukum');
    // Earlier: a later close would overlap the administrative selection (3 May), now refused (issue 11 point 3).
    def.stages[1].closesAt = '2026-04-30T16:59:00.000Z';
    def.theme = 'Tema KIPP 2026';

    const res = await put(kipp.id, 'secretariat', def);
    expect(res.statusCode).toBe(200);
    const updated: CompetitionDetail = res.json();
    expect(updated.theme).toBe('Tema KIPP 2026');
    expect(updated.submissionClosesAt).toBe('2026-04-30T16:59:00.000Z');
    expect(updated.groups.map((g) => g.id)).toEqual(kipp.groups.map((g) => g.id));
    expect(updated.stages.map((s) => s.id)).toEqual(kipp.stages.map((s) => s.id));
    const before = kipp.groups[0].sections;
    const after = updated.groups[0].sections;
    expect(after.map((s) => s.key)).toEqual([
      'ringkasan',
      'latar_belakang_tujuan',
      'kebaruan',
      'implementasi',
      'signifikansi',
      'adaptabilitas',
      'strategi_keberlanjutan',
      'kolaborasi',
    ]);
    expect(after.slice(0, 6).map((s) => s.id)).toEqual(before.slice(0, 6).map((s) => s.id));
    expect(after[6].id).toBe(before[7].id);
    expect(before.map((s) => s.id)).not.toContain(after[7].id);
    expect(after[1]).toMatchObject({ labelId: 'Latar Belakang, Masalah, dan Tujuan', wordLimit: 500 });
    expect(updated.categories).toHaveLength(10);
    expect(updated.categories.map((c) => c.id)).toEqual(kipp.categories.slice(0, 10).map((c) => c.id));

    const gone = await ctx.db
      .selectFrom('form_sections')
      .select('id')
      .where('id', '=', before[6].id)
      .execute();
    expect(gone).toEqual([]);

    const audit = await ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'competition.updated')
      .where('entity_id', '=', String(kipp.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toEqual({
      before: { theme: kipp.theme },
      after: { theme: 'Tema KIPP 2026' },
      categories: { added: [], removed: ['penegakan_hukum'], changed: {} },
      groups: { added: [], removed: [], changed: {} },
      sections: {
        umum: {
          added: ['kolaborasi'],
          removed: ['sumber_daya'],
          changed: {
            latar_belakang_tujuan: ['labelId', 'wordLimit'],
            strategi_keberlanjutan: ['position'],
          },
        },
      },
      stages: { added: [], removed: [], changed: { submission: ['closesAt'] } },
    });
    expect((await post(`/api/competitions/${kipp.id}/publish`, 'secretariat')).statusCode).toBe(200);
    kipp = updated;
  });

  it('refuses editing to whoever may not manage the competition', async () => {
    const def = definitionOf(kipp);
    expect((await put(kipp.id, 'kaltimSecretariat', def)).statusCode).toBe(403);
    expect((await put(kipp.id, 'localAdmin', def)).statusCode).toBe(403);
    const anonymous = await ctx.app.inject({
      method: 'PUT',
      url: `/api/competitions/${kipp.id}`,
      payload: def,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await put(999999, 'secretariat', def)).statusCode).toBe(404);
  });

  it('refuses changing the code and year to those of another competition of the organizer', async () => {
    const second = await create('secretariat', { year: 2027, organizerInstitutionId: national.id });
    expect(second.statusCode).toBe(201);
    const def = definitionOf(second.json());
    def.year = 2026;
    const res = await put(second.json().id, 'secretariat', def);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('competition_exists');
  });

  it('checks the definition again when publishing', async () => {
    const draft = await create('kaltimSecretariat', { year: 2027, organizerInstitutionId: kaltim.id });
    const d: CompetitionDetail = draft.json();
    // A definition broken behind the API's back (e.g. by an old import) cannot be published.
    await ctx.db
      .updateTable('form_sections')
      .set({ weight: 50 })
      .where('id', '=', d.groups[2].sections[1].id)
      .execute();
    const res = await post(`/api/competitions/${d.id}/publish`, 'kaltimSecretariat');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields['groups.2.sections'].code).toBe('weights_sum');
    const row = await ctx.db
      .selectFrom('competitions')
      .select('status')
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('draft');
  });

  it('takes a published competition back to draft and out of the public list', async () => {
    const res = await post(`/api/competitions/${kipp.id}/unpublish`, 'secretariat');
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('draft');
    expect((await get('/api/competitions')).json().items).toEqual([]);
    expect((await post(`/api/competitions/${kipp.id}/unpublish`, 'secretariat')).statusCode).toBe(409);
  });

  it('reports the current stage by the server clock', async () => {
    await post(`/api/competitions/${kipp.id}/publish`, 'secretariat');
    ctx.clock.freeze(new Date('2026-05-20T00:00:00.000Z'));
    try {
      const res = await get(`/api/competitions/${kipp.id}`);
      expect(res.json().currentStage.kind).toBe('evaluation_1');
    } finally {
      ctx.clock.freeze(NOW);
    }
  });
  it('creates from the KIPP 2021 preset exactly as seed 003 and records the preset in the audit row', async () => {
    const res = await create('kaltimSecretariat', {
      year: 2021,
      preset: 'kipp-2021',
      organizerInstitutionId: kaltim.id,
      timeZone: 'Asia/Makassar',
    });
    expect(res.statusCode).toBe(201);
    const c: CompetitionDetail = res.json();
    expect(c.theme).toBe(
      'Percepatan Inovasi Pelayanan Publik untuk pencapaian Tujuan Pembangunan Berkelanjutan melalui Transfer Pengetahuan di Tatanan Normal Baru',
    );
    expect(c.categories.map((x) => x.nameId)).toContain('Pelayanan Publik Responsif Gender');
    expect(c.categories).toHaveLength(10);
    expect(c.groups.map((g) => [g.key, g.quotaPerInstitution, g.minImplementationMonths])).toEqual([
      ['umum', 10, 24],
      ['replikasi', 5, 12],
      ['khusus', null, 24],
    ]);
    const submission = c.stages.find((s) => s.kind === 'submission')!;
    // 18 March 00:00 – 11 May 23:59 WITA
    expect([submission.opensAt, submission.closesAt]).toEqual([
      '2021-03-17T16:00:00.000Z',
      '2021-05-11T15:59:00.000Z',
    ]);
    const audit = await ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_type', '=', 'competition')
      .where('entity_id', '=', String(c.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toMatchObject({
      template: 'kipp',
      preset: 'kipp-2021',
      categories: 10,
    });
  });

  it('refuses an unknown preset with 400 at the field, creating nothing', async () => {
    const before = await ctx.db
      .selectFrom('competitions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await create('secretariat', {
      year: 2024,
      preset: 'kipp-2024',
      organizerInstitutionId: national.id,
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields ?? {})).toEqual(['preset']);
    const after = await ctx.db
      .selectFrom('competitions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
