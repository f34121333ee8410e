import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompetitionDetail } from '../src/contracts/competitions.js';
import type { ExtensionPreview, ExtensionsResponse } from '../src/contracts/deadlines.js';
import { createFromTemplate } from '../src/modules/competitions/commands/create-from-template.js';
import { setCompetitionStatus } from '../src/modules/competitions/commands/set-status.js';
import { submissionJobHandlers } from '../src/modules/deadlines/jobs.js';
import { runDueJobs } from '../src/platform/jobs.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, sessionCookie } from './helpers/fixtures.js';

/** Inside the KIPP 2026 template's submission window (closes 2 May 2026 23:59 WIB). */
const NOW = new Date('2026-04-20T03:00:00.000Z');
const CLOSES_AT = '2026-05-02T16:59:00.000Z';
const EXTENDED = '2026-05-06T16:59:00.000Z';
const LETTER = 'B/188/PP.00.05/2023';

describe('extending the submission deadline', () => {
  let ctx: TestContext;
  let competitionId: number;
  let organizer: Awaited<ReturnType<typeof makeInstitution>>;
  const cookie: Record<string, string> = {};
  const users: Record<string, { id: number; email: string }> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    organizer = await makeInstitution(ctx.db, { type: 'kementerian', name: 'Kementerian PANRB Batas' });
    const otherOrganizer = await makeInstitution(ctx.db, { type: 'pemerintah_provinsi' });
    const a = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Batas A' });
    const b = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Batas B', type: 'pemerintah_kota' });
    const unitA = await makeUnit(ctx.db, a.id);
    const unitB = await makeUnit(ctx.db, b.id);
    const made = {
      secretariat: await makeUser(ctx.db, {
        role: 'secretariat',
        institutionId: organizer.id,
        name: 'Rina Sekretariat Batas',
      }),
      otherSecretariat: await makeUser(ctx.db, { role: 'secretariat', institutionId: otherOrganizer.id }),
      adminA: await makeUser(ctx.db, {
        role: 'local_admin',
        institutionId: a.id,
        email: 'admin.a@batas.go.id',
      }),
      adminB: await makeUser(ctx.db, {
        role: 'local_admin',
        institutionId: b.id,
        email: 'admin.b@batas.go.id',
      }),
      uppA: await makeUser(ctx.db, {
        role: 'upp',
        institutionId: a.id,
        unitId: unitA.id,
        email: 'upp.a@batas.go.id',
      }),
      uppB: await makeUser(ctx.db, {
        role: 'upp',
        institutionId: b.id,
        unitId: unitB.id,
        email: 'upp.b@batas.go.id',
      }),
      inactiveUpp: await makeUser(ctx.db, {
        role: 'upp',
        institutionId: b.id,
        unitId: unitB.id,
        email: 'nonaktif@batas.go.id',
      }),
    };
    await ctx.db.updateTable('users').set({ is_active: 0 }).where('id', '=', made.inactiveUpp.id).execute();
    await ctx.db.updateTable('users').set({ locale: 'en' }).where('id', '=', made.adminB.id).execute();
    for (const [k, u] of Object.entries(made)) {
      users[k] = u;
      cookie[k] = await sessionCookie(ctx, u.id);
    }
    const competition = await createFromTemplate(ctx.db, {
      template: 'kipp',
      year: 2026,
      organizer,
      createdBy: made.secretariat.id,
      ip: null,
      now: NOW,
    });
    competitionId = competition.id;
    await setCompetitionStatus(ctx.db, {
      id: competitionId,
      to: 'published',
      actorUserId: made.secretariat.id,
      ip: null,
      now: NOW,
    });
  });
  afterAll(async () => ctx.close());

  const call = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    ctx.app.inject({
      method,
      url: `/api${url}`,
      headers: who ? { cookie: cookie[who] } : {},
      payload: payload as Record<string, unknown>,
    });
  const extend = (who: string | null, payload: object, id = competitionId) =>
    call(who, 'POST', `/competitions/${id}/extend-submission`, payload);

  const jobs = () =>
    ctx.db
      .selectFrom('jobs')
      .select(['unique_key', 'run_at', 'status', 'payload'])
      .where('unique_key', 'like', `%:${competitionId}%`)
      .orderBy('run_at')
      .execute();

  it('publishing schedules the closing and the reminders that are still ahead', async () => {
    // At NOW (20 April) the 7-day reminder (25 April) is still ahead, so all three are scheduled.
    expect((await jobs()).map((j) => [j.unique_key, j.run_at, j.status])).toEqual([
      [`reminder:${competitionId}:7d`, '2026-04-25T16:59:00.000Z', 'pending'],
      [`reminder:${competitionId}:3d`, '2026-04-29T16:59:00.000Z', 'pending'],
      [`reminder:${competitionId}:1d`, '2026-05-01T16:59:00.000Z', 'pending'],
      [`closing:${competitionId}`, CLOSES_AT, 'pending'],
    ]);
    const closing = (await jobs()).find((j) => j.unique_key.startsWith('closing:'))!;
    expect(JSON.parse(closing.payload)).toEqual({ competitionId, closesAt: CLOSES_AT });
  });

  it('lists no extensions at first, publicly, with the current closing', async () => {
    const res = await call(null, 'GET', `/competitions/${competitionId}/extensions`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      competitionId,
      timeZone: 'Asia/Jakarta',
      closesAt: CLOSES_AT,
      items: [],
      abilities: { extend: false },
    });
    const mine = await call('secretariat', 'GET', `/competitions/${competitionId}/extensions`);
    expect(mine.json().abilities).toEqual({ extend: true });
  });

  it('refuses a UPP, an admin lokal and another organizer’s secretariat with 403, a visitor with 401', async () => {
    const body = { closesAt: EXTENDED, letterNumber: LETTER };
    for (const who of ['uppA', 'adminA', 'otherSecretariat']) {
      const res = await extend(who, body);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toMatch(/^forbidden\./);
    }
    expect((await extend(null, body)).statusCode).toBe(401);
    expect((await extend('secretariat', body, 999_999)).statusCode).toBe(404);
  });

  it('refuses a closing not later than the current one with 400 and a field message', async () => {
    const res = await extend('secretariat', { closesAt: '2026-05-02T10:00:00.000Z', letterNumber: LETTER });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      fields: {
        closesAt: {
          code: 'not_later',
          message: {
            id: 'Batas pengajuan baru harus sesudah batas saat ini (2 Mei 2026 23.59 WIB).',
            en: 'The new closing time must be after the current one (2 May 2026 23:59 WIB).',
          },
        },
      },
    });
  });

  it('refuses a missing letter number and a malformed instant with 400 per field, changing nothing', async () => {
    const res = await extend('secretariat', { closesAt: 'besok', letterNumber: ' ' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['closesAt', 'letterNumber']);
    expect(res.json().error.fields.letterNumber.code).toBe('required');
    const noBody = await extend('secretariat', { closesAt: EXTENDED });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json().error.fields).toHaveProperty('letterNumber');
    const stage = await ctx.db
      .selectFrom('stages')
      .select(['closes_at', 'settings'])
      .where('competition_id', '=', competitionId)
      .where('kind', '=', 'submission')
      .executeTakeFirstOrThrow();
    expect(stage.closes_at).toBe(CLOSES_AT);
    expect(await ctx.db.selectFrom('outbox').select('id').execute()).toEqual([]);
  });

  it('keeping the calendar, refuses an extension that would overlap the administrative selection (400 at closesAt, listing it), saving nothing', async () => {
    const res = await extend('secretariat', { closesAt: EXTENDED, letterNumber: LETTER, calendar: 'keep' });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(Object.keys(error.fields)).toEqual(['closesAt']);
    expect(error.fields.closesAt.code).toBe('stages_would_overlap');
    expect(error.fields.closesAt.message.id).toContain('Seleksi Administrasi (mulai 3 Mei 2026 00.00 WIB)');
    expect(error.fields.closesAt.message.id).not.toContain('Publikasi');
    expect(error.fields.closesAt.message.en).toContain(
      'Administrative selection (opens 3 May 2026 00:00 WIB)',
    );
    const stage = await ctx.db
      .selectFrom('stages')
      .select(['closes_at', 'settings'])
      .where('competition_id', '=', competitionId)
      .where('kind', '=', 'submission')
      .executeTakeFirstOrThrow();
    expect(stage.closes_at).toBe(CLOSES_AT);
    expect(JSON.parse(stage.settings).extensions).toBeUndefined();
    const audits = await ctx.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'competition.deadline_extended')
      .execute();
    expect(audits).toEqual([]);
  });

  it('previews the whole resulting calendar: later stages moved, Publikasi still running until the awarding', async () => {
    const res = await call(
      'secretariat',
      'POST',
      `/competitions/${competitionId}/extend-submission/preview`,
      {
        closesAt: EXTENDED,
        letterNumber: LETTER,
      },
    );
    expect(res.statusCode).toBe(200);
    const plan = res.json() as ExtensionPreview;
    expect(plan.calendar).toBe('move');
    expect(plan.stages.map((s) => s.kind)).toEqual([
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
    const by = (kind: string) => plan.stages.find((s) => s.kind === kind)!;
    expect(by('submission')).toMatchObject({ closesAt: EXTENDED, moved: false });
    expect(by('administrative')).toMatchObject({ opensAt: '2026-05-06T17:00:00.000Z', moved: true });
    // No stage that may not overlap starts before the one before it ends.
    const main = plan.stages.filter((s) => s.kind !== 'publication');
    for (let i = 1; i < main.length; i++)
      expect(Date.parse(main[i].opensAt!)).toBeGreaterThanOrEqual(Date.parse(main[i - 1].closesAt!));
    // Publikasi opens as before and still ends after the awarding opens.
    expect(by('publication').opensAt).toBe('2026-02-09T17:00:00.000Z');
    expect(Date.parse(by('publication').closesAt!)).toBeGreaterThan(Date.parse(by('announcement').opensAt!));
  });

  it('moves the closing, records the letter, reschedules the jobs and tells every admin lokal and UPP', async () => {
    const res = await extend('secretariat', {
      closesAt: EXTENDED,
      letterNumber: ` ${LETTER} `,
      reasonId: 'Gangguan jaringan nasional',
      reasonEn: 'Nationwide network outage',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as ExtensionsResponse;
    const extension = {
      previousClosesAt: CLOSES_AT,
      closesAt: EXTENDED,
      letterNumber: LETTER,
      reasonId: 'Gangguan jaringan nasional',
      reasonEn: 'Nationwide network outage',
      at: NOW.toISOString(),
      by: users.secretariat.id,
      // The administrative selection opened one minute after the old closing: it moves by 4 whole days.
      movedStages: expect.arrayContaining([
        {
          kind: 'administrative',
          nameId: 'Seleksi Administrasi',
          nameEn: 'Administrative selection',
          from: { opensAt: '2026-05-02T17:00:00.000Z', closesAt: '2026-05-12T16:59:00.000Z' },
          to: { opensAt: '2026-05-06T17:00:00.000Z', closesAt: '2026-05-16T16:59:00.000Z' },
        },
      ]),
    };
    // The answer names who extended; the stage keeps only their id.
    expect(body).toEqual({
      competitionId,
      timeZone: 'Asia/Jakarta',
      closesAt: EXTENDED,
      items: [{ ...extension, byName: 'Rina Sekretariat Batas' }],
      abilities: { extend: true },
    });

    // The competition page shows the new closing.
    const detail = (await call(null, 'GET', `/competitions/${competitionId}`)).json() as CompetitionDetail;
    expect(detail.submissionClosesAt).toBe(EXTENDED);
    const stage = await ctx.db
      .selectFrom('stages')
      .select('settings')
      .where('competition_id', '=', competitionId)
      .where('kind', '=', 'submission')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stage.settings).extensions).toEqual([extension]);

    // Closing and reminders follow the new instant.
    expect((await jobs()).map((j) => [j.unique_key, j.run_at, j.status])).toEqual([
      [`reminder:${competitionId}:7d`, '2026-04-29T16:59:00.000Z', 'pending'],
      [`reminder:${competitionId}:3d`, '2026-05-03T16:59:00.000Z', 'pending'],
      [`reminder:${competitionId}:1d`, '2026-05-05T16:59:00.000Z', 'pending'],
      [`closing:${competitionId}`, EXTENDED, 'pending'],
    ]);

    // One e-mail and one notice per active admin lokal and UPP, none to the secretariat or the inactive.
    const mails = await ctx.db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'text_body', 'locale'])
      .where('template', '=', 'deadline_extended')
      .orderBy('to_address')
      .execute();
    expect(mails.map((m) => m.to_address)).toEqual([
      'admin.a@batas.go.id',
      'admin.b@batas.go.id',
      'upp.a@batas.go.id',
      'upp.b@batas.go.id',
    ]);
    const id = mails.find((m) => m.to_address === 'admin.a@batas.go.id')!;
    expect(id.subject).toBe(`Batas pengajuan ${detail.name} diperpanjang sampai 6 Mei 2026 23.59 WIB`);
    expect(id.text_body).toContain('diperpanjang dari 2 Mei 2026 23.59 WIB menjadi 6 Mei 2026 23.59 WIB');
    expect(id.text_body).toContain(`surat nomor ${LETTER}`);
    expect(id.text_body).toContain('Keterangan: Gangguan jaringan nasional');
    expect(id.text_body).toContain(`${ctx.config.baseUrl}/kompetisi/${competitionId}`);
    const en = mails.find((m) => m.to_address === 'admin.b@batas.go.id')!;
    expect(en.locale).toBe('en');
    expect(en.subject).toBe(`${detail.name}: submission deadline extended to 6 May 2026 23:59 WIB`);
    expect(en.text_body).toContain(`letter no. ${LETTER}`);
    expect(en.text_body).toContain('Note: Nationwide network outage');

    const notices = await ctx.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'body_id', 'link'])
      .where('kind', '=', 'deadline_extended')
      .orderBy('user_id')
      .execute();
    expect(notices.map((n) => n.user_id)).toEqual(
      [users.adminA.id, users.adminB.id, users.uppA.id, users.uppB.id].sort((x, y) => x - y),
    );
    expect(notices[0]).toMatchObject({
      body_id: `Batas pengajuan proposal diperpanjang sampai 6 Mei 2026 23.59 WIB (surat nomor ${LETTER}).`,
      link: `/kompetisi/${competitionId}`,
    });

    const audit = await ctx.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'entity_id', 'summary'])
      .where('action', '=', 'competition.deadline_extended')
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(users.secretariat.id);
    expect(audit.entity_id).toBe(String(competitionId));
    expect(JSON.parse(audit.summary)).toMatchObject({
      before: { closesAt: CLOSES_AT },
      after: { closesAt: EXTENDED },
      letterNumber: LETTER,
    });
  });

  it('refuses the previous closing once extended, and lists both extensions after a second one', async () => {
    const again = await extend('secretariat', { closesAt: '2026-05-04T16:59:00.000Z', letterNumber: 'B/2' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.closesAt.code).toBe('not_later');
    const second = await extend('secretariat', {
      closesAt: '2026-05-08T16:59:00Z',
      letterNumber: 'B/200/2026',
    });
    expect(second.statusCode).toBe(200);
    const list = (await call('uppA', 'GET', `/competitions/${competitionId}/extensions`)).json();
    expect(
      list.items.map((e: { letterNumber: string; closesAt: string }) => [e.letterNumber, e.closesAt]),
    ).toEqual([
      [LETTER, EXTENDED],
      ['B/200/2026', '2026-05-08T16:59:00.000Z'],
    ]);
    expect(list.abilities).toEqual({ extend: false });

    // The history names who extended each time for the organizer's secretariat only: the list is public.
    const mine = (await call('secretariat', 'GET', `/competitions/${competitionId}/extensions`)).json();
    expect(mine.items.map((e: { by: number; byName: string | null }) => [e.by, e.byName])).toEqual([
      [users.secretariat.id, 'Rina Sekretariat Batas'],
      [users.secretariat.id, 'Rina Sekretariat Batas'],
    ]);
    for (const who of ['uppA', 'otherSecretariat', null]) {
      const other = (await call(who, 'GET', `/competitions/${competitionId}/extensions`)).json();
      expect(other.items.map((e: { byName: string | null }) => e.byName)).toEqual([null, null]);
    }
  });

  it('a PUT of the definition cannot move a published closing (409 change_refused): only an extension can', async () => {
    const detail = (
      await call('secretariat', 'GET', `/competitions/${competitionId}`)
    ).json() as CompetitionDetail;
    const def = {
      code: detail.code,
      name: detail.name,
      year: detail.year,
      theme: detail.theme,
      description: detail.description,
      timeZone: detail.timeZone,
      settings: detail.settings,
      categories: detail.categories.map(({ id: _id, ...c }) => c),
      groups: detail.groups.map(({ id: _id, sections, ...g }) => ({
        ...g,
        sections: sections.map(({ id: _sid, ...s }) => s),
      })),
      stages: detail.stages.map(({ id: _id, ...s }) =>
        s.kind === 'submission' ? { ...s, closesAt: '2026-05-05T16:59:00.000Z' } : s,
      ),
    };
    const res = await call('secretariat', 'PUT', `/competitions/${competitionId}`, def);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('change_refused');
    expect(res.json().error.fields['stages.1.closesAt'].code).toBe('use_extension');
    const closing = (await jobs()).find((j) => j.unique_key === `closing:${competitionId}`)!;
    expect(closing.run_at).toBe('2026-05-08T16:59:00.000Z');
    // A text change still saves, and keeps the extension history.
    const text = await call('secretariat', 'PUT', `/competitions/${competitionId}`, {
      ...def,
      stages: detail.stages.map(({ id: _id, ...s }) => s),
      theme: 'Tema yang diperbaiki',
    });
    expect(text.statusCode).toBe(200);
    const list = (await call(null, 'GET', `/competitions/${competitionId}/extensions`)).json();
    expect(list.items).toHaveLength(2);
  });

  it('answers 404 for a draft of another organizer and 409 for the organizer’s own draft', async () => {
    const draft = await createFromTemplate(ctx.db, {
      template: 'kipp',
      year: 2027,
      organizer,
      createdBy: users.secretariat.id,
      ip: null,
      now: NOW,
    });
    const body = { closesAt: '2027-06-01T16:59:00.000Z', letterNumber: LETTER };
    expect((await extend('otherSecretariat', body, draft.id)).statusCode).toBe(404);
    expect((await call(null, 'GET', `/competitions/${draft.id}/extensions`)).statusCode).toBe(404);
    const own = await extend('secretariat', body, draft.id);
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('competition_not_published');
    // A draft has no timed jobs.
    const rows = await ctx.db
      .selectFrom('jobs')
      .select('id')
      .where('unique_key', '=', `closing:${draft.id}`)
      .execute();
    expect(rows).toEqual([]);
  });
  it('a closing that came while the competition was unpublished runs again once it is republished', async () => {
    const c = await createFromTemplate(ctx.db, {
      template: 'kipp',
      year: 2028,
      organizer,
      createdBy: users.secretariat.id,
      ip: null,
      now: NOW,
    });
    const key = `closing:${c.id}`;
    const job = () =>
      ctx.db
        .selectFrom('jobs')
        .select(['run_at', 'status'])
        .where('unique_key', '=', key)
        .executeTakeFirstOrThrow();
    expect((await call('secretariat', 'POST', `/competitions/${c.id}/publish`)).statusCode).toBe(200);
    expect(await job()).toEqual({ run_at: '2028-05-02T16:59:00.000Z', status: 'pending' });
    expect((await call('secretariat', 'POST', `/competitions/${c.id}/unpublish`)).statusCode).toBe(200);
    ctx.clock.freeze(new Date('2028-05-03T00:00:00.000Z'));
    const handlers = { closing: submissionJobHandlers.closing };
    // (The first competition's closing, now also past, runs in the same pass.)
    await runDueJobs(ctx.db, ctx.clock, handlers);
    expect((await job()).status).toBe('done');
    const closedAudits = () =>
      ctx.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'competition.closed')
        .where('entity_id', '=', String(c.id))
        .execute();
    expect(await closedAudits()).toEqual([]);
    cookie.secretariat = await sessionCookie(ctx, users.secretariat.id); // the old session ran out
    expect((await call('secretariat', 'POST', `/competitions/${c.id}/publish`)).statusCode).toBe(200);
    expect(await job()).toEqual({ run_at: '2028-05-02T16:59:00.000Z', status: 'pending' });
    expect(await runDueJobs(ctx.db, ctx.clock, handlers)).toEqual({ done: 1, failed: 0 });
    expect((await job()).status).toBe('done');
    expect(await closedAudits()).toHaveLength(1);
    ctx.clock.freeze(NOW);
  });
});
