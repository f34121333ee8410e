import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionParticipation, UnitParticipation } from '../src/contracts/participation.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import {
  countRows,
  lastAudit,
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
} from './helpers/fixtures.js';

/*
 * Issue 11 point 7 (seed 003: "Kabupaten Tangerang wajib mengajukan minimal 1 inovasi"): the organizer sees
 * which participant institutions have forwarded nothing, the admin lokal which of its units, and both remind
 * them (mail + notification, once per person per 24 hours, audit row), each only in its own scope.
 */

const NOW = new Date('2026-04-01T03:00:00.000Z'); // 1 April 10.00 WIB, submission open (15 March – 2 May)

describe('participation view and reminders', () => {
  let ctx: TestContext;
  let competitionId: number;
  let otherCompetitionId: number;
  const cookie: Record<string, string> = {};
  const id: Record<string, number> = {};

  const call = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    ctx.app.inject({
      method,
      url: `/api${url}`,
      headers: who ? { cookie: cookie[who] } : {},
      payload: payload as Record<string, unknown>,
    });

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian PANRB Partisipasi', now: NOW });
    competitionId = kipp.competitionId;
    const other = await publishedKipp(ctx.db, { organizerName: 'Provinsi Lain Partisipasi', now: NOW });
    otherCompetitionId = other.competitionId;
    const tangerang = await makeInstitution(ctx.db, {
      name: 'Pemerintah Kabupaten Tangerang Uji',
      type: 'pemerintah_kabupaten',
      regionCode: '36.03',
    });
    const sleman = await makeInstitution(ctx.db, {
      name: 'Pemerintah Kabupaten Sleman Uji',
      type: 'pemerintah_kabupaten',
      regionCode: '34.04',
    });
    const samarinda = await makeInstitution(ctx.db, {
      name: 'Pemerintah Kota Samarinda Uji',
      type: 'pemerintah_kota',
      regionCode: '64.72',
    });
    // No admin lokal and no proposal: not a participant (modules/participation/participants.ts).
    const silent = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Tanpa Admin Uji' });
    const dukcapil = await makeUnit(ctx.db, tangerang.id, 'Dinas Dukcapil Tangerang');
    const rsud = await makeUnit(ctx.db, tangerang.id, 'RSUD Tangerang');
    const pasar = await makeUnit(ctx.db, tangerang.id, 'Dinas Pasar Tangerang');
    const slemanUnit = await makeUnit(ctx.db, sleman.id, 'Dinas Sosial Sleman');
    Object.assign(id, {
      tangerang: tangerang.id,
      sleman: sleman.id,
      samarinda: samarinda.id,
      silent: silent.id,
      dukcapil: dukcapil.id,
      rsud: rsud.id,
      pasar: pasar.id,
    });
    const users = {
      secretariat: kipp.secretariat,
      otherSecretariat: other.secretariat,
      admin: await makeUser(ctx.db, { role: 'system_admin' }),
      adminTangerang: await makeUser(ctx.db, { role: 'local_admin', institutionId: tangerang.id }),
      adminTangerang2: await makeUser(ctx.db, { role: 'local_admin', institutionId: tangerang.id }),
      adminSleman: await makeUser(ctx.db, { role: 'local_admin', institutionId: sleman.id }),
      adminSamarinda: await makeUser(ctx.db, { role: 'local_admin', institutionId: samarinda.id }),
      uppDukcapil: await makeUser(ctx.db, { role: 'upp', institutionId: tangerang.id, unitId: dukcapil.id }),
      uppRsud: await makeUser(ctx.db, { role: 'upp', institutionId: tangerang.id, unitId: rsud.id }),
      uppPasar: await makeUser(ctx.db, { role: 'upp', institutionId: tangerang.id, unitId: pasar.id }),
      uppPasar2: await makeUser(ctx.db, { role: 'upp', institutionId: tangerang.id, unitId: pasar.id }),
      uppSleman: await makeUser(ctx.db, { role: 'upp', institutionId: sleman.id, unitId: slemanUnit.id }),
    };
    for (const [k, u] of Object.entries(users)) {
      cookie[k] = await sessionCookie(ctx, u.id);
      id[`user_${k}`] = u.id;
    }
    const draft = async (who: string, title: string) => {
      const res = await call(who, 'POST', `/competitions/${competitionId}/proposals`, {
        groupKey: 'umum',
        title,
      });
      expect(res.statusCode).toBe(201);
      return (res.json() as { id: number }).id;
    };
    // Tangerang: Dukcapil has two proposals, one of them already forwarded; RSUD one draft; Pasar none.
    const forwarded = await draft('uppDukcapil', 'Jemput Bola Adminduk');
    await draft('uppDukcapil', 'Akta Kelahiran Daring');
    await draft('uppRsud', 'Antrean RSUD Daring');
    // Sleman: one draft only. Samarinda: nothing.
    await draft('uppSleman', 'Bansos Tepat Sasaran');
    // The forward itself is tested elsewhere (proposal-flow): here only its outcome, the state, matters.
    await ctx.db
      .updateTable('proposals')
      .set({ state: 'forwarded', forwarded_at: NOW.toISOString() })
      .where('id', '=', forwarded)
      .execute();
  });

  afterAll(async () => {
    await ctx.close();
  });

  const view = async (who: string, query = '') => {
    const res = await call(who, 'GET', `/competitions/${competitionId}/participation${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as InstitutionParticipation;
  };

  it('shows the organizer every participant institution: forwarded per group vs quota, in progress, nothing', async () => {
    const v = await view('secretariat');
    expect(v.totals).toEqual({ all: 3, forwarded: 1, inProgress: 1, nothing: 1 });
    const byName = Object.fromEntries(v.rows.map((r) => [r.institution.name, r]));
    expect(Object.keys(byName).sort()).toEqual([
      'Pemerintah Kabupaten Sleman Uji',
      'Pemerintah Kabupaten Tangerang Uji',
      'Pemerintah Kota Samarinda Uji',
    ]);
    const t = byName['Pemerintah Kabupaten Tangerang Uji']!;
    expect([t.status, t.forwarded, t.inProgress, t.recipients, t.remindable]).toEqual([
      'forwarded',
      1,
      2,
      2,
      false,
    ]);
    expect(t.groups.find((g) => g.key === 'umum')).toEqual({ key: 'umum', forwarded: 1, quota: 10 });
    expect(t.institution.provinceName).toBe('Banten');
    const s = byName['Pemerintah Kabupaten Sleman Uji']!;
    expect([s.status, s.forwarded, s.inProgress, s.remindable]).toEqual(['in_progress', 0, 1, true]);
    expect(byName['Pemerintah Kota Samarinda Uji']!.status).toBe('nothing');
    expect(v.remindableIds.sort()).toEqual([id.sleman, id.samarinda].sort());
    expect(v.abilities).toEqual({ remind: true, export: true });
  });

  it('filters by status, institution type and province, and searches with abbreviations', async () => {
    expect((await view('secretariat', '?status=nothing')).rows.map((r) => r.institution.id)).toEqual([
      id.samarinda,
    ]);
    expect(
      (await view('secretariat', '?institutionType=pemerintah_kota')).rows.map((r) => r.institution.id),
    ).toEqual([id.samarinda]);
    const banten = await view('secretariat', '?provinceCode=36');
    expect(banten.rows.map((r) => r.institution.id)).toEqual([id.tangerang]);
    expect(banten.matching).toBe(1);
    expect(banten.totals.all).toBe(3);
    expect((await view('secretariat', '?q=Kab.%20Sleman')).rows.map((r) => r.institution.id)).toEqual([
      id.sleman,
    ]);
    expect((await view('secretariat', '?pageSize=1&page=2')).rows.map((r) => r.institution.id)).toEqual([
      id.tangerang,
    ]);
  });

  it('exports the filtered view as CSV with the quota per group', async () => {
    const res = await call(
      'secretariat',
      'GET',
      `/competitions/${competitionId}/participation/export?format=csv&lang=id`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = Papa.parse<string[]>(res.body.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]!.slice(0, 6)).toEqual([
      'Instansi',
      'Jenis instansi',
      'Provinsi',
      'Status',
      'Diteruskan',
      'Sedang disiapkan',
    ]);
    const tangerang = rows.find((r) => r[0] === 'Pemerintah Kabupaten Tangerang Uji')!;
    expect(tangerang.slice(2, 7)).toEqual(['Banten', 'Sudah meneruskan', '1', '2', '1/10']);
    expect(rows).toHaveLength(4);
    expect((await lastAudit(ctx.db)).action).toBe('participation.exported');
  });

  it('answers 404 to another organizer, an admin lokal and a UPP; 401 to nobody signed in', async () => {
    for (const who of ['otherSecretariat', 'adminTangerang', 'uppDukcapil'])
      for (const url of [
        `/competitions/${competitionId}/participation`,
        `/competitions/${competitionId}/participation/export?format=csv`,
      ])
        expect((await call(who, 'GET', url)).statusCode, `${who} ${url}`).toBe(404);
    expect((await call(null, 'GET', `/competitions/${competitionId}/participation`)).statusCode).toBe(401);
    const remind = await call(
      'otherSecretariat',
      'POST',
      `/competitions/${competitionId}/participation/reminders`,
      {
        institutionIds: [id.samarinda],
      },
    );
    expect(remind.statusCode).toBe(404);
    // The system administrator may look but sends no reminder in the organizer's name.
    expect((await view('admin')).abilities.remind).toBe(false);
    const byAdmin = await call('admin', 'POST', `/competitions/${competitionId}/participation/reminders`, {
      institutionIds: [id.samarinda],
    });
    expect(byAdmin.statusCode).toBe(404);
  });

  it('reminds the admin lokal of institutions with nothing forwarded: confirmation count, mail, notification, audit, once per 24 hours', async () => {
    const body = { institutionIds: [id.tangerang, id.sleman, id.samarinda, id.silent] };
    const outboxBefore = await countRows(ctx.db, 'outbox');
    const dry = await call('secretariat', 'POST', `/competitions/${competitionId}/participation/reminders`, {
      ...body,
      dryRun: true,
    });
    expect(dry.statusCode).toBe(200);
    // Tangerang has forwarded and Tanpa Admin takes no part: Sleman's and Samarinda's admin lokal.
    expect(dry.json()).toEqual({ sent: false, subjects: 2, recipients: 2, skipped: 0, nextAt: null });
    expect(await countRows(ctx.db, 'outbox')).toBe(outboxBefore);

    const res = await call(
      'secretariat',
      'POST',
      `/competitions/${competitionId}/participation/reminders`,
      body,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sent: true, subjects: 2, recipients: 2, skipped: 0, nextAt: null });
    const mails = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('template', '=', 'participation_reminder_institution')
      .orderBy('id')
      .execute();
    expect(mails).toHaveLength(2);
    const sleman = mails.find((m) => m.institution_id === id.sleman)!;
    expect(sleman.subject).toBe(
      'Pengingat: Pemerintah Kabupaten Sleman Uji belum meneruskan proposal ke Kompetisi Inovasi Pelayanan Publik 2026',
    );
    expect(sleman.text_body).toContain('Batas pengajuan: 2 Mei 2026 23.59 WIB.');
    expect(sleman.text_body).toContain('Proposal yang sedang disiapkan unit Anda: 1.');
    const samarinda = mails.find((m) => m.institution_id === id.samarinda)!;
    expect(samarinda.text_body).toContain(
      'Belum ada unit pelayanan (UPP) instansi Anda yang memulai proposal.',
    );
    expect(sleman.organizer_institution_id).not.toBeNull();
    const notes = await ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'participation_reminder')
      .execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([id.user_adminSleman, id.user_adminSamarinda].sort());
    const audit = await lastAudit(ctx.db);
    expect(audit.action).toBe('participation.reminded');
    expect(JSON.parse(audit.summary)).toMatchObject({ level: 'institution', recipients: 2, skipped: 0 });

    // The view shows when each was last reminded.
    const v = await view('secretariat');
    const last = Object.fromEntries(v.rows.map((r) => [r.institution.id, r.lastRemindedAt]));
    expect(last).toEqual({
      [id.tangerang]: null,
      [id.sleman]: NOW.toISOString(),
      [id.samarinda]: NOW.toISOString(),
    });

    // Again within 24 hours: refused, nothing sent; a day later it goes out again.
    ctx.clock.freeze(new Date(NOW.getTime() + 23 * 3_600_000));
    cookie.secretariat = await sessionCookie(ctx, id.user_secretariat!);
    const again = await call(
      'secretariat',
      'POST',
      `/competitions/${competitionId}/participation/reminders`,
      body,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('reminded_recently');
    expect(again.json().error.message.id).toContain('2 April 2026 10.00 WIB');
    const dryAgain = await call(
      'secretariat',
      'POST',
      `/competitions/${competitionId}/participation/reminders`,
      {
        ...body,
        dryRun: true,
      },
    );
    expect(dryAgain.json()).toEqual({
      sent: false,
      subjects: 2,
      recipients: 0,
      skipped: 2,
      nextAt: '2026-04-02T03:00:00.000Z',
    });
    expect(await countRows(ctx.db, 'outbox')).toBe(outboxBefore + 2);
    ctx.clock.freeze(new Date(NOW.getTime() + 24 * 3_600_000));
    cookie.secretariat = await sessionCookie(ctx, id.user_secretariat!);
    const later = await call(
      'secretariat',
      'POST',
      `/competitions/${competitionId}/participation/reminders`,
      body,
    );
    expect(later.statusCode).toBe(200);
    expect(later.json().recipients).toBe(2);
    ctx.clock.freeze(NOW);
    for (const k of ['secretariat']) cookie[k] = await sessionCookie(ctx, id[`user_${k}`]!);
  });

  it('refuses a reminder to institutions that have forwarded, with a field message', async () => {
    const res = await call('secretariat', 'POST', `/competitions/${competitionId}/participation/reminders`, {
      institutionIds: [id.tangerang],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('nothing_to_remind');
    expect(res.json().error.fields.institutionIds.message.id).toContain('Tidak ada instansi');
  });

  it('shows the admin lokal its units and lets it remind the UPPs of units with nothing', async () => {
    const res = await call('adminTangerang', 'GET', `/competitions/${competitionId}/participation/units`);
    expect(res.statusCode).toBe(200);
    const v = res.json() as UnitParticipation;
    expect(v.institution.id).toBe(id.tangerang);
    expect(v.totals).toEqual({ all: 3, forwarded: 1, inProgress: 1, nothing: 1 });
    expect(
      v.rows.map((r) => [r.unit.name, r.status, r.forwarded, r.inProgress, r.recipients, r.remindable]),
    ).toEqual([
      ['Dinas Dukcapil Tangerang', 'forwarded', 1, 1, 1, false],
      ['Dinas Pasar Tangerang', 'nothing', 0, 0, 2, true],
      ['RSUD Tangerang', 'in_progress', 0, 1, 1, false],
    ]);
    const dry = await call(
      'adminTangerang',
      'POST',
      `/competitions/${competitionId}/participation/units/reminders`,
      {
        unitIds: v.remindableIds,
        dryRun: true,
      },
    );
    expect(dry.json()).toEqual({ sent: false, subjects: 1, recipients: 2, skipped: 0, nextAt: null });
    const sent = await call(
      'adminTangerang',
      'POST',
      `/competitions/${competitionId}/participation/units/reminders`,
      {
        unitIds: [id.pasar, id.rsud],
      },
    );
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ sent: true, subjects: 1, recipients: 2 });
    const mails = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('template', '=', 'participation_reminder_unit')
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toHaveLength(2);
    expect(mails[0]!.text_body).toContain('Dinas Pasar Tangerang belum membuat proposal');
    expect(mails[0]!.text_body).toContain('Batas pengajuan: 2 Mei 2026 23.59 WIB.');
    const after = (
      await call('adminTangerang', 'GET', `/competitions/${competitionId}/participation/units?status=nothing`)
    ).json() as UnitParticipation;
    expect(after.rows.map((r) => [r.unit.id, r.lastRemindedAt])).toEqual([[id.pasar, NOW.toISOString()]]);
    // The second admin lokal of the same institution: the UPPs were reminded already.
    cookie.adminTangerang2 = await sessionCookie(ctx, id.user_adminTangerang2!);
    const twice = await call(
      'adminTangerang2',
      'POST',
      `/competitions/${competitionId}/participation/units/reminders`,
      {
        unitIds: [id.pasar],
      },
    );
    expect(twice.statusCode).toBe(409);
  });

  it("answers 404 for another institution's units, a competition it takes no part in, and other roles", async () => {
    const url = `/competitions/${competitionId}/participation/units`;
    expect((await call('adminSleman', 'GET', `${url}?institutionId=${id.tangerang}`)).statusCode).toBe(404);
    expect(
      (
        await call('adminSleman', 'POST', `${url}/reminders`, {
          institutionId: id.tangerang,
          unitIds: [id.pasar],
        })
      ).statusCode,
    ).toBe(404);
    expect((await call('secretariat', 'GET', `${url}?institutionId=${id.tangerang}`)).statusCode).toBe(404);
    expect((await call('uppPasar', 'GET', url)).statusCode).toBe(404);
    // Tangerang takes part in the other competition too (an active admin lokal), Tanpa Admin in none.
    expect(
      (await call('adminTangerang', 'GET', `/competitions/${otherCompetitionId}/participation/units`))
        .statusCode,
    ).toBe(200);
    expect((await call('admin', 'GET', `${url}?institutionId=${id.silent}`)).statusCode).toBe(404);
    expect((await call('admin', 'GET', `${url}?institutionId=${id.tangerang}`)).statusCode).toBe(200);
  });

  it('refuses reminders once submission has closed', async () => {
    ctx.clock.freeze(new Date('2026-05-03T00:00:00.000Z'));
    cookie.secretariat = await sessionCookie(ctx, id.user_secretariat!);
    const res = await call('secretariat', 'POST', `/competitions/${competitionId}/participation/reminders`, {
      institutionIds: [id.samarinda],
      dryRun: true,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('submission_not_open');
    ctx.clock.freeze(NOW);
  });

  it('counts only institutions the competition takes, and any that already has a proposal in it', async () => {
    const put = (rule: object) =>
      call('secretariat', 'PUT', `/competitions/${competitionId}/participants`, rule);
    expect((await put({ types: null, regions: ['36'] })).statusCode).toBe(200);
    try {
      const v = await view('secretariat');
      // Samarinda (64) has nothing in the competition and is not taken: gone. Sleman (34) is not taken
      // either, but its draft keeps it counted.
      expect(v.rows.map((r) => r.institution.name).sort()).toEqual([
        'Pemerintah Kabupaten Sleman Uji',
        'Pemerintah Kabupaten Tangerang Uji',
      ]);
      expect(v.totals.all).toBe(2);
    } finally {
      expect((await put({ types: null, regions: [] })).statusCode).toBe(200);
    }
  });
});
