import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompetitionDetail } from '../src/contracts/competitions.js';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { uploadRequiredEvidence } from './helpers/evidence.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';

/*
 * Guarding what cannot be undone: the numbers behind each confirmation, unpublishing refused while proposals
 * exist, a published competition's structure changed only through a recorded amendment (or refused), and the
 * extension moving the stages after it so the public timeline never overlaps.
 */

/** Inside the KIPP 2026 template's submission window (15 March – 2 May 2026 23:59 WIB). */
const NOW = new Date('2026-04-01T03:00:00.000Z');
const CLOSES_AT = '2026-05-02T16:59:00.000Z';
const LETTER = 'B/188/PP.00.05/2026';

const UMUM_SECTIONS = [
  'ringkasan',
  'latar_belakang_tujuan',
  'kebaruan',
  'implementasi',
  'signifikansi',
  'adaptabilitas',
  'sumber_daya',
  'strategi_keberlanjutan',
];

type Definition = Omit<CompetitionDetail, 'id'> & Record<string, unknown>;

/** The detail as the PUT body (ids and read-only fields left out). */
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

describe('guarding what cannot be undone', () => {
  let ctx: TestContext;
  let competitionId: number;
  let emptyId: number;
  const cookie: Record<string, string> = {};
  const users: Record<string, { id: number; email: string }> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian PANRB Jaga', now: NOW });
    competitionId = kipp.competitionId;
    const empty = await publishedKipp(ctx.db, { organizerName: 'Pemerintah Provinsi Jaga', now: NOW });
    emptyId = empty.competitionId;
    const a = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Jaga A' });
    const unitA = await makeUnit(ctx.db, a.id);
    const b = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Jaga B', type: 'pemerintah_kota' });
    const unitB = await makeUnit(ctx.db, b.id);
    const idle = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Jaga Diam' });
    const made = {
      secretariat: kipp.secretariat,
      emptySecretariat: empty.secretariat,
      upp: await makeUser(ctx.db, { role: 'upp', institutionId: a.id, unitId: unitA.id }),
      admin: await makeUser(ctx.db, {
        role: 'local_admin',
        institutionId: a.id,
        email: 'admin.a@jaga.go.id',
      }),
      uppB: await makeUser(ctx.db, { role: 'upp', institutionId: b.id, unitId: unitB.id }),
      adminB: await makeUser(ctx.db, {
        role: 'local_admin',
        institutionId: b.id,
        email: 'admin.b@jaga.go.id',
      }),
      idleAdmin: await makeUser(ctx.db, {
        role: 'local_admin',
        institutionId: idle.id,
        email: 'admin.diam@jaga.go.id',
      }),
    };
    for (const [k, u] of Object.entries(made)) {
      users[k] = u;
      cookie[k] = await sessionCookie(ctx, u.id);
    }
  });
  afterAll(async () => ctx.close());

  const call = (
    who: string | null,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
  ) =>
    ctx.app.inject({
      method,
      url: `/api${url}`,
      headers: who ? { cookie: cookie[who] } : {},
      payload: payload as Record<string, unknown>,
    });

  const draft = async (who: string, title: string): Promise<ProposalDetail> => {
    const res = await call(who, 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title,
    });
    expect(res.statusCode).toBe(201);
    // The supporting document the group requires (seed 003), uploaded with the draft.
    await uploadRequiredEvidence(ctx.app, cookie[who], res.json().id);
    return res.json();
  };
  const sent = async (who: string, title: string): Promise<ProposalDetail> => {
    const p = await draft(who, title);
    const saved = await call(who, 'PATCH', `/proposals/${p.id}`, {
      version: p.version,
      acronym: 'JAGA',
      categoryKey: 'tata_kelola_pemerintahan',
      implementationStart: '2022-01-10',
      innovatorKind: 'team',
      innovatorNames: 'Tim Jaga',
      contactName: 'Sari Wulandari',
      contactPhone: '081234567890',
      contactEmail: 'sari@jaga.go.id',
      links: [],
      declarationAccepted: true,
      answers: UMUM_SECTIONS.map((sectionKey) => ({
        sectionKey,
        text: `Jawaban ${sectionKey} untuk ${title}: petugas datang ke desa melayani warga.`,
      })),
    });
    expect(saved.statusCode).toBe(200);
    expect((await call(who, 'POST', `/proposals/${p.id}/send`)).statusCode).toBe(200);
    return p;
  };
  const detail = async (id = competitionId): Promise<CompetitionDetail> =>
    (await call(null, 'GET', `/competitions/${id}`)).json();

  let forwarded: ProposalDetail;
  let waiting: ProposalDetail;

  it('gives the organizer the numbers behind publish and unpublish', async () => {
    await draft('upp', 'Draf Jaga Satu');
    await draft('uppB', 'Draf Jaga Dua');
    waiting = await sent('upp', 'Layanan Jaga Menunggu');
    forwarded = await sent('uppB', 'Layanan Jaga Diteruskan');
    expect((await call('adminB', 'POST', `/proposals/${forwarded.id}/forward`)).statusCode).toBe(200);

    const res = await call('secretariat', 'GET', `/competitions/${competitionId}/impact`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      competitionId,
      status: 'published',
      timeZone: 'Asia/Jakarta',
      submission: { opensAt: '2026-03-14T17:00:00.000Z', closesAt: CLOSES_AT },
      proposals: { total: 4, draft: 2, sent: 1, returned: 0, forwarded: 1, other: 0 },
      institutions: 2,
      pendingJobs: { reminders: 3, closing: true },
      unpublish: {
        allowed: false,
        reason: expect.objectContaining({ id: expect.stringContaining('sudah memiliki 4 proposal') }),
      },
    });
    // Only the competition's managers see these numbers.
    expect((await call('upp', 'GET', `/competitions/${competitionId}/impact`)).statusCode).toBe(403);
    expect((await call('emptySecretariat', 'GET', `/competitions/${competitionId}/impact`)).statusCode).toBe(
      403,
    );
    expect((await call(null, 'GET', `/competitions/${competitionId}/impact`)).statusCode).toBe(401);
  });

  it('refuses to unpublish a competition that has proposals, saying how many, and keeps it public', async () => {
    const res = await call('secretariat', 'POST', `/competitions/${competitionId}/unpublish`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('competition_has_proposals');
    expect(res.json().error.message.en).toContain(
      'already has 4 proposals (2 drafts, 1 with the admin lokal, 1 forwarded)',
    );
    expect((await detail()).status).toBe('published');
    expect((await detail()).abilities.unpublish).toBe(false);
    const audits = await ctx.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'competition.unpublished')
      .where('entity_id', '=', String(competitionId))
      .execute();
    expect(audits).toEqual([]);
  });

  it('still lets an empty competition published by mistake be taken back', async () => {
    const impact = (await call('emptySecretariat', 'GET', `/competitions/${emptyId}/impact`)).json();
    expect(impact.proposals.total).toBe(0);
    expect(impact.unpublish).toEqual({ allowed: true, reason: null });
    const res = await call('emptySecretariat', 'POST', `/competitions/${emptyId}/unpublish`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('draft');
  });

  it('tells the admin lokal the quota after a forward and after a withdrawal', async () => {
    const res = await call('admin', 'GET', `/proposals/${waiting.id}/impact`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      proposalId: waiting.id,
      quota: { groupKey: 'umum', used: 0, limit: 10, afterForward: 1, afterWithdraw: 0 },
    });
    const b = (await call('adminB', 'GET', `/proposals/${forwarded.id}/impact`)).json();
    expect(b.quota).toEqual({ groupKey: 'umum', used: 1, limit: 10, afterForward: 1, afterWithdraw: 0 });
    // The proposer does not forward; another institution's admin does not see it.
    expect((await call('upp', 'GET', `/proposals/${waiting.id}/impact`)).statusCode).toBe(403);
    expect((await call('adminB', 'GET', `/proposals/${waiting.id}/impact`)).statusCode).toBe(404);
  });

  it('saves a text change of a published competition without an amendment', async () => {
    const def = definitionOf(await detail());
    def.theme = 'Tema yang diperbaiki ejaannya';
    def.groups[0].descriptionId = 'Uraian kelompok umum yang diperjelas.';
    const res = await call('secretariat', 'PUT', `/competitions/${competitionId}`, def);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ theme: 'Tema yang diperbaiki ejaannya', amendments: [] });
  });

  it('refuses a structural change without an amendment (409 amendment_required), naming it, saving nothing', async () => {
    const def = definitionOf(await detail());
    def.groups[0].quotaPerInstitution = 5;
    def.groups[0].sections[0].weight += 5;
    def.groups[0].sections[1].weight -= 5;
    const res = await call('secretariat', 'PUT', `/competitions/${competitionId}`, def);
    expect(res.statusCode).toBe(409);
    const error = res.json().error;
    expect(error.code).toBe('amendment_required');
    expect(error.message.id).toContain('adendum');
    expect(Object.keys(error.fields).sort()).toEqual([
      'groups.0.quotaPerInstitution',
      'groups.0.sections.0.weight',
      'groups.0.sections.1.weight',
    ]);
    expect(error.fields['groups.0.quotaPerInstitution']).toEqual({
      code: 'amendment_required',
      message: {
        id: 'Kelompok “Umum”: kuota per instansi 10 → 5',
        en: 'Group “General”: quota per institution 10 → 5',
      },
    });
    expect((await detail()).groups[0].quotaPerInstitution).toBe(10);
  });

  it('refuses moving the submission window or the identity (409 change_refused), even with an amendment', async () => {
    const def: Definition = definitionOf(await detail()) as Definition;
    (def.stages as { closesAt: string | null }[])[1].closesAt = '2026-05-01T16:59:00.000Z';
    def.code = 'KIPP-BARU';
    def.amendment = { number: 'ADD/1/2026', reasonId: 'Mencoba mengubah batas' };
    const res = await call('secretariat', 'PUT', `/competitions/${competitionId}`, def);
    expect(res.statusCode).toBe(409);
    const error = res.json().error;
    expect(error.code).toBe('change_refused');
    expect(error.fields['stages.1.closesAt'].code).toBe('use_extension');
    expect(error.fields.code.code).toBe('identity_locked');
    const d = await detail();
    expect(d.submissionClosesAt).toBe(CLOSES_AT);
    expect(d.code).not.toBe('KIPP-BARU');
    expect(d.amendments).toEqual([]);
  });

  it('checks the amendment’s own fields and a timeline it would overlap', async () => {
    const def: Definition = definitionOf(await detail()) as Definition;
    def.groups = (def.groups as CompetitionDetail['groups']).map((g, i) =>
      i === 0 ? { ...g, quotaPerInstitution: 5 } : g,
    );
    def.amendment = { number: ' ', reasonId: '' };
    const blank = await call('secretariat', 'PUT', `/competitions/${competitionId}`, def);
    expect(blank.statusCode).toBe(400);
    expect(Object.keys(blank.json().error.fields).sort()).toEqual(['amendment.number', 'amendment.reasonId']);

    // The administrative selection moved to open before submission closes.
    (def.stages as { opensAt: string | null }[])[2].opensAt = '2026-05-01T00:00:00.000Z';
    def.amendment = { number: 'ADD/2/2026', reasonId: 'Seleksi dipercepat' };
    const overlap = await call('secretariat', 'PUT', `/competitions/${competitionId}`, def);
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.fields['stages.2.opensAt'].code).toBe('stages_overlap');
    expect((await detail()).amendments).toEqual([]);
  });

  it('records an amendment, shows it on the public page and tells the admin lokal of the participants', async () => {
    const def: Definition = definitionOf(await detail()) as Definition;
    def.groups = (def.groups as CompetitionDetail['groups']).map((g, i) =>
      i === 0 ? { ...g, quotaPerInstitution: 5 } : g,
    );
    def.amendment = {
      number: 'ADD/3/KIPP/2026',
      reasonId: 'Kuota disesuaikan <script>alert(1)</script>',
      reasonEn: 'Quota adjusted',
    };
    const res = await call('secretariat', 'PUT', `/competitions/${competitionId}`, def);
    expect(res.statusCode).toBe(200);
    const amendment = {
      id: expect.any(Number),
      number: 'ADD/3/KIPP/2026',
      changes: [
        {
          id: 'Kelompok “Umum”: kuota per instansi 10 → 5',
          en: 'Group “General”: quota per institution 10 → 5',
        },
      ],
      reasonId: 'Kuota disesuaikan <script>alert(1)</script>',
      reasonEn: 'Quota adjusted',
      createdAt: NOW.toISOString(),
    };
    expect(res.json().amendments).toEqual([amendment]);
    const pub = await detail();
    expect(pub.groups[0].quotaPerInstitution).toBe(5);
    expect(pub.amendments).toEqual([amendment]);

    // Announced to the admin lokal of institutions with proposals in it (A and B), not to others.
    const mails = await ctx.db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'text_body', 'html_body'])
      .where('template', '=', 'competition_amended')
      .orderBy('to_address')
      .execute();
    expect(mails.map((m) => m.to_address)).toEqual(['admin.a@jaga.go.id', 'admin.b@jaga.go.id']);
    expect(mails[0].text_body).toContain('ADD/3/KIPP/2026');
    expect(mails[0].text_body).toContain('kuota per instansi 10 → 5');
    expect(mails[0].html_body).not.toContain('<script>');
    expect(mails[0].html_body).toContain('&lt;script&gt;');
    const notices = await ctx.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'competition_amended')
      .orderBy('user_id')
      .execute();
    expect(notices.map((n) => n.user_id)).toEqual([users.admin.id, users.adminB.id].sort((x, y) => x - y));
    const audit = await ctx.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'competition.amended')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toMatchObject({ number: 'ADD/3/KIPP/2026', amendmentId: amendment.id });
  });

  it('previews an extension (validated first, nothing saved), then moves the stages after it', async () => {
    const bad = await call(
      'secretariat',
      'POST',
      `/competitions/${competitionId}/extend-submission/preview`,
      {
        closesAt: '2026-04-01T00:00:00.000Z',
        letterNumber: '',
      },
    );
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['closesAt', 'letterNumber']);

    const body = { closesAt: '2026-05-06T16:59:00.000Z', letterNumber: LETTER };
    const preview = await call(
      'secretariat',
      'POST',
      `/competitions/${competitionId}/extend-submission/preview`,
      body,
    );
    expect(preview.statusCode).toBe(200);
    const plan = preview.json();
    expect(plan).toMatchObject({
      previousClosesAt: CLOSES_AT,
      closesAt: body.closesAt,
      timeZone: 'Asia/Jakarta',
    });
    expect(plan.movedStages[0]).toEqual({
      kind: 'administrative',
      nameId: 'Seleksi Administrasi',
      nameEn: 'Administrative selection',
      from: { opensAt: '2026-05-02T17:00:00.000Z', closesAt: '2026-05-12T16:59:00.000Z' },
      to: { opensAt: '2026-05-06T17:00:00.000Z', closesAt: '2026-05-16T16:59:00.000Z' },
    });
    expect(plan.recipients).toBeGreaterThan(0);
    expect((await detail()).submissionClosesAt).toBe(CLOSES_AT);

    const res = await call('secretariat', 'POST', `/competitions/${competitionId}/extend-submission`, body);
    expect(res.statusCode).toBe(200);
    const stages = (await detail()).stages;
    expect(stages.find((s) => s.kind === 'submission')!.closesAt).toBe(body.closesAt);
    expect(stages.find((s) => s.kind === 'administrative')!.opensAt).toBe('2026-05-06T17:00:00.000Z');
    // The public timeline never overlaps: each stage after submission starts after the one before it ends.
    for (let i = 2; i < stages.length; i++) {
      const before = stages[i - 1].closesAt ?? stages[i - 1].opensAt;
      const start = stages[i].opensAt ?? stages[i].closesAt;
      if (before && start) expect(Date.parse(start)).toBeGreaterThanOrEqual(Date.parse(before));
    }
    const audit = await ctx.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'competition.deadline_extended')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary).movedStages[0]).toMatchObject({
      kind: 'administrative',
      to: { opensAt: '2026-05-06T17:00:00.000Z' },
    });
    const mail = await ctx.db
      .selectFrom('outbox')
      .select('text_body')
      .where('template', '=', 'deadline_extended')
      .where('to_address', '=', 'admin.a@jaga.go.id')
      .executeTakeFirstOrThrow();
    expect(mail.text_body).toContain('Seleksi Administrasi');
  });

  it('refuses an extension that would move a stage that has already begun', async () => {
    // The organizer had let the administrative selection start while submission was still open.
    const stages = (await detail()).stages;
    const admin = stages.find((s) => s.kind === 'administrative')!;
    await ctx.db
      .updateTable('stages')
      .set({ opens_at: '2026-03-31T00:00:00.000Z' })
      .where('id', '=', admin.id)
      .execute();
    const res = await call('secretariat', 'POST', `/competitions/${competitionId}/extend-submission`, {
      closesAt: '2026-05-20T16:59:00.000Z',
      letterNumber: 'B/189/2026',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('stage_started');
    expect(res.json().error.message.id).toContain('Seleksi Administrasi');
    expect((await detail()).submissionClosesAt).toBe('2026-05-06T16:59:00.000Z');
  });
});
