import { beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { appWithSmtpCapture } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { makeFinalist } from './helpers/finalists.js';
import { minimalPdf, multipartForm, PNG } from './helpers/multipart.js';
import { pdfText } from './helpers/pdf.js';
import { applyTransition } from '../src/modules/proposals/transition.js';
import { loadForChange } from '../src/modules/proposals/view.js';

/*
 * The presentation and interview schedule (issue 13 point 2) through the API on a real database, the real
 * export pool and a real SMTP capture: sessions checked field by field, the automatic assignment, hand
 * moves under the same rules, the publication with numbered letters (PDF text read back), uploads before
 * the deadline, rescheduling accepted and refused, the panelist's live session, and the denials.
 */

const NOW = new Date('2026-07-01T03:00:00.000Z');
const OPENS = '2026-07-05T17:00:00.000Z'; // 6 July 00.00 WIB
const CLOSES = '2026-07-10T16:59:00.000Z'; // 10 July 23.59 WIB
const DEADLINE = '2026-07-04T16:59:00.000Z'; // 4 July 23.59 WIB
const WIB = (hhmm: string, day = '06') => new Date(`2026-07-${day}T${hhmm}:00+07:00`).toISOString();

describe('presentation schedule', () => {
  const suite = appWithSmtpCapture();
  let comp = 0;
  let otherComp = 0;
  const cookie: Record<string, string> = {};
  const id: Record<string, number> = {};
  const fin: Record<string, { id: number; code: string }> = {};
  const session: Record<string, number> = {};
  /** Sessions start at the app's clock: new ones after the clock moves days ahead. */
  const refresh = async () => {
    for (const [k, userId] of Object.entries(id))
      if (k !== 'x' && k !== 'y') cookie[k] = await sessionCookie(suite.ctx, userId);
  };
  let s: (method: string, url: string, who: string, payload?: unknown) => Promise<LightMyRequestResponse>;

  beforeAll(async () => {
    const { ctx } = suite;
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian Uji Presentasi', now: NOW });
    comp = kipp.competitionId;
    const other = await publishedKipp(ctx.db, { organizerName: 'Kementerian Lain Presentasi', now: NOW });
    otherComp = other.competitionId;
    await ctx.db
      .updateTable('stages')
      .set({ opens_at: OPENS, closes_at: CLOSES })
      .where('competition_id', '=', comp)
      .where('kind', '=', 'presentation')
      .execute();
    const x = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Presentasi X' });
    const y = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Presentasi Y' });
    const ux = await makeUnit(ctx.db, x.id, 'Dinas Kependudukan X');
    const uy = await makeUnit(ctx.db, y.id, 'Dinas Kesehatan Y');
    id.x = x.id;
    id.y = y.id;
    const users = {
      secretariat: kipp.secretariat,
      otherSecretariat: other.secretariat,
      adminX: await makeUser(ctx.db, {
        role: 'local_admin',
        institutionId: x.id,
        email: 'admin.x@presentasi.go.id',
      }),
      uppX: await makeUser(ctx.db, {
        role: 'upp',
        institutionId: x.id,
        unitId: ux.id,
        email: 'upp.x@presentasi.go.id',
      }),
      adminY: await makeUser(ctx.db, {
        role: 'local_admin',
        institutionId: y.id,
        email: 'admin.y@presentasi.go.id',
      }),
      uppY: await makeUser(ctx.db, {
        role: 'upp',
        institutionId: y.id,
        unitId: uy.id,
        email: 'upp.y@presentasi.go.id',
      }),
      p1: await makeUser(ctx.db, { role: 'panelist', competitionId: comp, name: 'Prof. Panel Satu' }),
      p2: await makeUser(ctx.db, { role: 'panelist', competitionId: comp, name: 'Dr. Panel Dua' }),
      p3: await makeUser(ctx.db, { role: 'panelist', competitionId: comp, name: 'Ibu Panel Tiga' }),
      p4: await makeUser(ctx.db, { role: 'panelist', competitionId: comp, name: 'Bapak Panel Empat' }),
      otherPanelist: await makeUser(ctx.db, { role: 'panelist', competitionId: otherComp }),
      evaluator: await makeUser(ctx.db, { role: 'evaluator', competitionId: comp }),
    };
    for (const [k, u] of Object.entries(users)) id[k] = u.id;
    await refresh();
    // The UPP of X reads English.
    await ctx.db.updateTable('users').set({ locale: 'en' }).where('id', '=', users.uppX.id).execute();
    // Panelist 4 has a conflict with Y (set by the organizer).
    await ctx.db
      .insertInto('reviewer_conflicts')
      .values({
        competition_id: comp,
        user_id: users.p4.id,
        institution_id: y.id,
        source: 'organizer',
        note: 'Mantan pejabat Y',
        created_by: kipp.secretariat.id,
        created_at: NOW.toISOString(),
      })
      .execute();
    const make = (inst: number, unit: number, by: number, title: string, groupKey = 'umum') =>
      makeFinalist(ctx.db, {
        competitionId: comp,
        institutionId: inst,
        unitId: unit,
        createdBy: by,
        actorUserId: kipp.secretariat.id,
        now: NOW,
        title,
        groupKey,
      });
    fin.x1 = await make(x.id, ux.id, users.uppX.id, 'Layanan Adminduk Keliling');
    fin.x2 = await make(x.id, ux.id, users.uppX.id, 'Akta Lahir Satu Hari');
    fin.y1 = await make(y.id, uy.id, users.uppY.id, 'Posyandu Digital');
    s = (method, url, who, payload) =>
      ctx.app.inject({
        method: method as 'GET',
        url,
        headers: who ? { cookie: cookie[who]! } : {},
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });
  });

  const base = () => `/api/competitions/${comp}/presentation`;
  const sessionBody = (over: Record<string, unknown> = {}) => ({
    name: 'Sesi 1',
    startsAt: WIB('08:00'),
    endsAt: WIB('09:10'),
    mode: 'offline',
    room: 'Ruang Sasana Bhakti',
    groupKeys: ['umum'],
    panelistIds: [id.p1, id.p2, id.p3, id.p4],
    ...over,
  });

  it('settings: checked field by field, in both languages', async () => {
    const bad = await s('PUT', `${base()}/settings`, 'secretariat', {
      letterPattern: 'B/PP.00.05',
      uploadDeadline: '2026-07-20T00:00:00.000Z',
      quorum: 0,
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields;
    expect(fields.letterPattern.code).toBe('invalid_pattern');
    expect(fields.uploadDeadline.code).toBe('after_stage');
    expect(fields.quorum.message.en).toContain('quorum');
    const ok = await s('PUT', `${base()}/settings`, 'secretariat', {
      letterPattern: 'B/{n}/PP.00.05/{year}',
      letterStart: 163,
      bufferMinutes: 5,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      presentationMinutes: 7,
      interviewMinutes: 13,
      letterStart: 163,
      quorum: 3,
    });
  });

  it('sessions: end before start, outside the stage, unknown panelist, same room at once, panelist twice', async () => {
    const url = `${base()}/sessions`;
    const early = await s('POST', url, 'secretariat', sessionBody({ endsAt: WIB('07:00') }));
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.endsAt.code).toBe('end_before_start');
    const outside = await s(
      'POST',
      url,
      'secretariat',
      sessionBody({ startsAt: WIB('08:00', '05'), endsAt: WIB('09:00', '05') }),
    );
    expect(outside.json().error.fields.startsAt.code).toBe('outside_stage');
    expect(outside.json().error.fields.startsAt.message.id).toContain('WIB');
    const stranger = await s('POST', url, 'secretariat', sessionBody({ panelistIds: [id.otherPanelist] }));
    expect(stranger.json().error.fields.panelistIds.code).toBe('unknown_panelist');
    const noLink = await s('POST', url, 'secretariat', sessionBody({ mode: 'online', room: null }));
    expect(noLink.json().error.fields.meetingUrl.code).toBe('required');

    const s1 = await s('POST', url, 'secretariat', sessionBody());
    expect(s1.statusCode).toBe(201);
    session.s1 = s1.json().id;
    const sameRoom = await s(
      'POST',
      url,
      'secretariat',
      sessionBody({
        name: 'Sesi bentrok',
        startsAt: WIB('08:30'),
        endsAt: WIB('09:30'),
        room: 'ruang sasana  bhakti',
        panelistIds: [id.p1],
      }),
    );
    expect(sameRoom.statusCode).toBe(400);
    expect(sameRoom.json().error.fields.room.code).toBe('room_taken');
    expect(sameRoom.json().error.fields.panelistIds.code).toBe('panelist_busy');

    const s2 = await s('POST', url, 'secretariat', {
      name: 'Sesi 2 (daring)',
      startsAt: WIB('10:00'),
      endsAt: WIB('11:10'),
      mode: 'online',
      meetingUrl: 'https://zoom.example.id/j/123',
      groupKeys: ['umum'],
      panelistIds: [id.p1, id.p2, id.p3],
    });
    expect(s2.statusCode).toBe(201);
    session.s2 = s2.json().id;
    const s3 = await s(
      'POST',
      url,
      'secretariat',
      sessionBody({
        name: 'Sesi 3',
        startsAt: WIB('13:00'),
        endsAt: WIB('13:50'),
        room: 'Ruang Rapat 2',
        panelistIds: [id.p1, id.p2, id.p4],
      }),
    );
    expect(s3.statusCode).toBe(201);
    session.s3 = s3.json().id;
  });

  it('automatic assignment: everyone placed, one institution in consecutive slots, explained when impossible', async () => {
    const { ctx } = suite;
    // A replikasi finalist: no session hears its group.
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Replikasi Z' });
    const unit = await makeUnit(ctx.db, inst.id);
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    fin.z = await makeFinalist(ctx.db, {
      competitionId: comp,
      institutionId: inst.id,
      unitId: unit.id,
      createdBy: upp.id,
      actorUserId: id.secretariat!,
      now: NOW,
      groupKey: 'replikasi',
    });
    const res = await s('POST', `${base()}/assign`, 'secretariat');
    expect(res.statusCode).toBe(200);
    expect(res.json().placed).toBe(3);
    expect(res.json().unplaced).toHaveLength(1);
    expect(res.json().unplaced[0]).toMatchObject({ finalistId: fin.z!.id, reason: 'no_session_for_group' });
    const publish = await s('POST', `${base()}/publish`, 'secretariat', { version: res.json().version });
    expect(publish.statusCode).toBe(409);
    expect(publish.json().error.code).toBe('upload_deadline_missing');
    await s('PUT', `${base()}/settings`, 'secretariat', { uploadDeadline: DEADLINE });
    const view = (await s('GET', base(), 'secretariat')).json();
    const blocked = await s('POST', `${base()}/publish`, 'secretariat', { version: view.schedule.version });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('finalists_unplaced');
    expect(blocked.json().error.message.id).toContain(fin.z!.code);
    expect(view.unplaced[0].message.en).toContain('replikasi');
    // Z leaves the finalists (unshortlisted through the transition function).
    await ctx.db.transaction().execute(async (tx) =>
      applyTransition(tx, {
        view: await loadForChange(tx, fin.z!.id),
        action: 'unshortlist',
        to: 'passed_admin',
        actorUserId: id.secretariat!,
        ip: null,
        now: NOW,
      }),
    );
    const again = (await s('GET', base(), 'secretariat')).json();
    expect(again.unplaced).toEqual([]);
    const s1 = again.sessions.find((x: { id: number }) => x.id === session.s1);
    const taken = s1.slots.filter((x: { finalist: unknown }) => x.finalist);
    expect(taken).toHaveLength(3);
    // X's two finalists in consecutive slots; the time carries its own instants.
    const xs = taken.filter((x: { finalist: { institution: string } }) =>
      x.finalist.institution.endsWith(' X'),
    );
    expect(Math.abs(xs[0].slot - xs[1].slot)).toBe(1);
    expect(s1.slots[0].startsAt).toBe(WIB('08:00'));
    // Panelist 4 abstains on Y.
    const y = taken.find((x: { finalist: { id: number } }) => x.finalist.id === fin.y1!.id);
    expect(y.finalist.abstaining).toEqual(['Bapak Panel Empat']);
  });

  it('hand moves keep the same rules', async () => {
    const move = (proposalId: number, sessionId: number, slot: number) =>
      s('POST', `${base()}/move`, 'secretariat', { proposalId, sessionId, slot });
    const taken = await move(fin.y1!.id, session.s1!, 1);
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields.slot.code).toBe('taken');
    // Session 3 has panelists 1, 2 and 4: only two without a conflict with Y.
    const quorum = await move(fin.y1!.id, session.s3!, 1);
    expect(quorum.statusCode).toBe(400);
    expect(quorum.json().error.fields.slot.code).toBe('quorum');
    expect(quorum.json().error.fields.slot.message.id).toContain('kuorum 3');
    const over = await move(fin.x2!.id, session.s3!, 3);
    expect(over.json().error.fields.slot.code).toBe('capacity');
    const ok = await move(fin.y1!.id, session.s2!, 2);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ startsAt: WIB('10:25'), endsAt: WIB('10:45'), reissued: false });
  });

  it('publish: stale version refused, then letters numbered by the pattern, mailed to admin lokal and UPP', async () => {
    const stale = await s('POST', `${base()}/publish`, 'secretariat', { version: 1 });
    expect(stale.json().error.code).toBe('stale_schedule');
    const view = (await s('GET', base(), 'secretariat')).json();
    expect(view.abilities.publish).toBe(true);
    const before = await suite.ctx.db.selectFrom('outbox').select('id').execute();
    const res = await s('POST', `${base()}/publish`, 'secretariat', { version: view.schedule.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ letters: 3, mails: 6 });
    const letters = await suite.ctx.db
      .selectFrom('presentation_letters')
      .select(['letter_number', 'proposal_id'])
      .orderBy('letter_number')
      .execute();
    expect(letters.map((l) => l.letter_number)).toEqual([
      'B/163/PP.00.05/2026',
      'B/164/PP.00.05/2026',
      'B/165/PP.00.05/2026',
    ]);
    const mails = await suite.ctx.db
      .selectFrom('outbox')
      .select(['to_address', 'template', 'text_body', 'locale'])
      .where('id', '>', Math.max(0, ...before.map((b) => b.id)))
      .execute();
    expect(mails.every((m) => m.template === 'presentation_invitation')).toBe(true);
    expect(new Set(mails.map((m) => m.to_address))).toEqual(
      new Set([
        'admin.x@presentasi.go.id',
        'upp.x@presentasi.go.id',
        'admin.y@presentasi.go.id',
        'upp.y@presentasi.go.id',
      ]),
    );
    const y = mails.find((m) => m.to_address === 'admin.y@presentasi.go.id')!;
    expect(y.text_body).toContain('6 Juli 2026 10.25 WIB');
    expect(y.text_body).toContain('https://zoom.example.id/j/123');
    expect(y.text_body).toContain('4 Juli 2026 23.59 WIB');
    const notices = await suite.ctx.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'presentation_invitation')
      .execute();
    expect(notices).toHaveLength(6);
    // The page lists the letters in force with their numbers.
    const shown = (await s('GET', base(), 'secretariat')).json();
    expect(shown.letters.map((l: { number: string }) => l.number)).toEqual([
      'B/163/PP.00.05/2026',
      'B/164/PP.00.05/2026',
      'B/165/PP.00.05/2026',
    ]);
    expect(shown.letters.every((l: { revision: number }) => l.revision === 1)).toBe(true);
    await suite.ctx.deliverMail();
    const again = await s('POST', `${base()}/publish`, 'secretariat', { version: view.schedule.version + 1 });
    expect(again.json().error.code).toBe('already_published');
    // Sessions are fixed now.
    const late = await s('DELETE', `${base()}/sessions/${session.s3}`, 'secretariat');
    expect(late.json().error.code).toBe('schedule_published');
    // The letters state the times, the deadline, what to bring and their numbers: every setting is locked,
    // field by field; the same values may still be sent.
    const shape = await s('PUT', `${base()}/settings`, 'secretariat', {
      presentationMinutes: 10,
      letterStart: 200,
      quorum: 3,
      bringId: 'Bahan paparan dan video; hadir 15 menit sebelum slot.',
    });
    expect(shape.statusCode).toBe(400);
    const fields = shape.json().error.fields;
    expect(Object.keys(fields).sort()).toEqual(['bringId', 'letterStart', 'presentationMinutes']);
    expect(fields.presentationMinutes.code).toBe('locked_after_publication');
    expect(fields.letterStart.message.id).toContain('setelah jadwal diumumkan');
    const kept = (await s('GET', base(), 'secretariat')).json().settings;
    expect(kept).toMatchObject({ presentationMinutes: 7, letterStart: 163 });
    const same = await s('PUT', `${base()}/settings`, 'secretariat', { presentationMinutes: 7, quorum: 3 });
    expect(same.statusCode, same.body).toBe(200);
  });

  it('the letter PDF: number, time with zone, place; English version for an English reader; denials', async () => {
    const url = `/api/presentation/proposals/${fin.y1!.id}/letter.pdf`;
    const res = await s('GET', url, 'adminY');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toMatch(/B\/16[345]\/PP\.00\.05\/2026/);
    expect(text).toContain('6 Juli 2026 10.25 WIB');
    expect(text).toContain('https://zoom.example.id/j/123');
    expect(text).toContain('4 Juli 2026 23.59 WIB');
    expect(text).not.toContain('English version');
    const en = pdfText(
      (await s('GET', `/api/presentation/proposals/${fin.x1!.id}/letter.pdf`, 'uppX')).rawPayload,
    );
    expect(en).toContain('English version');
    expect(en).toContain('Ruang Sasana Bhakti');
    expect(en).toMatch(/6 July 2026 08:(00|25) WIB/);
    expect((await s('GET', url, 'secretariat')).statusCode).toBe(200);
    expect((await s('GET', url, 'adminX')).statusCode).toBe(404);
    expect((await s('GET', url, 'uppX')).statusCode).toBe(404);
    expect((await s('GET', url, 'otherSecretariat')).statusCode).toBe(404);
    expect((await s('GET', url, 'evaluator')).statusCode).toBe(403);
    expect((await s('GET', url, '')).statusCode).toBe(401);
  });

  it('uploads: pdf and a video link before the deadline, checked; after it 409 with the time', async () => {
    const url = `/api/presentation/proposals/${fin.x1!.id}/upload`;
    const send = (
      who: string,
      fields: Record<string, string>,
      files: Parameters<typeof multipartForm>[1] = [],
    ) => {
      const form = multipartForm(fields, files);
      return suite.ctx.app.inject({
        method: 'POST',
        url,
        headers: { ...form.headers, cookie: cookie[who]! },
        payload: form.payload,
      });
    };
    const badLink = await send('uppX', { videoUrl: 'javascript:alert(1)' });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().error.fields.videoUrl.code).toBe('invalid_url');
    const png = await send('uppX', {}, [{ field: 'file', name: 'paparan.pdf', content: PNG }]);
    expect(png.statusCode).toBe(415);
    const ok = await send('uppX', { videoUrl: 'https://youtu.be/inovasi-x' }, [
      { field: 'file', name: 'paparan.pdf', content: minimalPdf('Paparan X') },
    ]);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().videoUrl).toBe('https://youtu.be/inovasi-x');
    expect((await send('adminY', { videoUrl: 'https://youtu.be/y' })).statusCode).toBe(404);
    const mine = (await s('GET', `/api/presentation/proposals/${fin.x1!.id}`, 'adminX')).json();
    expect(mine.upload).toMatchObject({ fileName: 'paparan.pdf', videoUrl: 'https://youtu.be/inovasi-x' });
    expect(mine.abilities).toMatchObject({ upload: true, reschedule: true, letter: true });
    // The secretariat and the panelists of the session see it; a panelist not seated there does not.
    const file = `/api/presentation/proposals/${fin.x1!.id}/file`;
    expect((await s('GET', file, 'secretariat')).statusCode).toBe(200);
    expect((await s('GET', file, 'p1')).statusCode).toBe(200);
    expect((await s('GET', file, 'otherPanelist')).statusCode).toBe(404);
    expect((await s('GET', file, 'evaluator')).statusCode).toBe(403);

    suite.ctx.clock.freeze(new Date('2026-07-04T17:00:00.000Z'));
    await refresh();
    const late = await send('uppX', { videoUrl: 'https://youtu.be/terlambat' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('upload_closed');
    expect(late.json().error.message.id).toContain('4 Juli 2026 23.59 WIB');
    const kept = (await s('GET', `/api/presentation/proposals/${fin.x1!.id}`, 'uppX')).json();
    expect(kept.upload.videoUrl).toBe('https://youtu.be/inovasi-x');
    expect(kept.abilities.upload).toBe(false);
  });

  it('rescheduling: the admin lokal asks; accepted moves the slot and re-issues the letter; refused mails the reason', async () => {
    const url = `/api/presentation/proposals/${fin.y1!.id}/reschedule`;
    const body = {
      reason: 'Bupati menghadiri rapat koordinasi di Jakarta pada pagi hari.',
      unavailable: [{ from: WIB('10:00'), to: WIB('12:00') }],
    };
    expect((await s('POST', url, 'uppY', body)).statusCode).toBe(403);
    expect((await s('POST', url, 'adminX', body)).statusCode).toBe(404);
    const asked = await s('POST', url, 'adminY', body);
    expect(asked.statusCode).toBe(201);
    expect((await s('POST', url, 'adminY', body)).json().error.code).toBe('request_pending');
    const mine = (await s('GET', `/api/presentation/proposals/${fin.y1!.id}`, 'uppY')).json();
    expect(mine.requests[0].status).toBe('pending');

    const before = await suite.ctx.db.selectFrom('outbox').select('id').execute();
    const accept = await s('POST', `${base()}/requests/${asked.json().id}/accept`, 'secretariat', {});
    expect(accept.statusCode).toBe(200);
    // The earliest slot that keeps every rule outside 10.00–12.00 WIB: session 1 is full, session 3 lacks
    // the quorum, so session 2's are all inside the unavailable time... the answer names where it went.
    const moved = accept.json();
    expect(
      Date.parse(moved.startsAt) >= Date.parse(WIB('12:00')) ||
        Date.parse(moved.endsAt) <= Date.parse(WIB('10:00')),
    ).toBe(true);
    const letters = await suite.ctx.db
      .selectFrom('presentation_letters')
      .selectAll()
      .where('proposal_id', '=', fin.y1!.id)
      .orderBy('revision')
      .execute();
    expect(letters).toHaveLength(2);
    expect(letters[0]!.superseded_at).not.toBeNull();
    expect(letters[1]).toMatchObject({
      revision: 2,
      letter_number: 'B/166/PP.00.05/2026',
      starts_at: moved.startsAt,
    });
    const mails = await suite.ctx.db
      .selectFrom('outbox')
      .select(['to_address', 'template', 'text_body'])
      .where('id', '>', Math.max(0, ...before.map((b) => b.id)))
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([
      'admin.y@presentasi.go.id',
      'upp.y@presentasi.go.id',
    ]);
    expect(mails[0]!.text_body).toContain('B/166/PP.00.05/2026');
    const pdf = pdfText(
      (await s('GET', `/api/presentation/proposals/${fin.y1!.id}/letter.pdf`, 'adminY')).rawPayload,
    );
    expect(pdf).toContain('B/166/PP.00.05/2026');
    expect(pdf).toContain('menggantikan surat sebelumnya');

    // A second request, refused with a reason.
    const second = await s('POST', url, 'adminY', {
      reason: 'Mohon dipindahkan ke hari berikutnya karena kunjungan kerja.',
      unavailable: [{ from: WIB('00:00'), to: WIB('23:59') }],
    });
    const mark = await suite.ctx.db.selectFrom('outbox').select('id').execute();
    const refuse = await s('POST', `${base()}/requests/${second.json().id}/refuse`, 'secretariat', {
      reason: 'Seluruh sesi hari kedua sudah penuh. <script>alert(1)</script>',
    });
    expect(refuse.statusCode).toBe(200);
    const refusal = await suite.ctx.db
      .selectFrom('outbox')
      .select(['template', 'text_body', 'html_body'])
      .where('id', '>', Math.max(0, ...mark.map((b) => b.id)))
      .execute();
    expect(refusal).toHaveLength(2);
    expect(refusal[0]!.template).toBe('presentation_reschedule_refused');
    expect(refusal[0]!.text_body).toContain('Seluruh sesi hari kedua sudah penuh.');
    // The typed reason stays text in the mail's HTML.
    expect(refusal[0]!.html_body).not.toContain('<script>');
    expect(refusal[0]!.html_body).toContain('&lt;script&gt;');
    const twice = await s('POST', `${base()}/requests/${second.json().id}/accept`, 'secretariat', {});
    expect(twice.json().error.code).toBe('already_decided');
    const seen = (await s('GET', `/api/presentation/proposals/${fin.y1!.id}`, 'adminY')).json();
    expect(seen.requests.map((r: { status: string }) => r.status)).toEqual(['refused', 'accepted']);
    // The secretariat's page lists only the re-issued letter for Y1, not the superseded one.
    const view = (await s('GET', base(), 'secretariat')).json();
    const ofY1 = view.letters.filter((l: { proposalId: number }) => l.proposalId === fin.y1!.id);
    expect(ofY1).toEqual([expect.objectContaining({ number: 'B/166/PP.00.05/2026', revision: 2 })]);
  });

  it('the live session: slots in order, the current one by server time, Nilai or Abstain', async () => {
    const { ctx } = suite;
    const stage = await ctx.db
      .selectFrom('stages')
      .select('id')
      .where('competition_id', '=', comp)
      .where('kind', '=', 'presentation')
      .executeTakeFirstOrThrow();
    const a = await ctx.db
      .insertInto('review_assignments')
      .values({
        stage_id: stage.id,
        proposal_id: fin.x1!.id,
        reviewer_id: id.p4!,
        origin: 'manual',
        withdrawn_reason: null,
        withdrawn_at: null,
        withdrawn_by: null,
        created_by: id.secretariat!,
        created_at: NOW.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.clock.freeze(new Date(WIB('08:28')));
    await refresh();
    const url = `/api/panel/competitions/${comp}/sessions/${session.s1}`;
    const res = await s('GET', url, 'p4');
    expect(res.statusCode).toBe(200);
    const live = res.json();
    const starts = live.slots.map((x: { startsAt: string }) => x.startsAt);
    expect([...starts].sort()).toEqual(starts);
    expect(live.current).toBe(1);
    expect(live.slots[1].phase).toBe('presentation');
    expect(live.slots[0].phase).toBe('done');
    const x1 = live.slots.find((x: { finalist: { id: number } }) => x.finalist.id === fin.x1!.id);
    expect(x1.finalist).toMatchObject({ abstain: false, assignmentId: a.id, scoring: 'none' });
    expect(x1.finalist.upload.videoUrl).toBe('https://youtu.be/inovasi-x');
    ctx.clock.freeze(new Date(WIB('08:40')));
    expect((await s('GET', url, 'p4')).json().slots[1].phase).toBe('interview');
    const mine = (await s('GET', `/api/panel/competitions/${comp}/sessions`, 'p4')).json();
    expect(mine.sessions.map((x: { id: number }) => x.id)).toEqual([session.s1, session.s3]);
    expect(mine.sessions[0].finalists).toBe(live.slots.length);
    // Not seated in session 2: 404; another competition's panelist: 404; a secretariat: 403.
    expect((await s('GET', `/api/panel/competitions/${comp}/sessions/${session.s2}`, 'p4')).statusCode).toBe(
      404,
    );
    expect((await s('GET', url, 'otherPanelist')).statusCode).toBe(404);
    expect((await s('GET', url, 'secretariat')).statusCode).toBe(403);
  });

  it('another organizer’s secretariat and other roles are refused on the schedule', async () => {
    expect((await s('GET', base(), 'otherSecretariat')).statusCode).toBe(404);
    expect((await s('GET', base(), 'adminX')).statusCode).toBe(403);
    expect((await s('GET', base(), 'evaluator')).statusCode).toBe(403);
    expect((await s('GET', base(), 'uppX')).statusCode).toBe(403);
    expect((await s('POST', `${base()}/assign`, 'p1')).statusCode).toBe(403);
    expect((await s('GET', base(), '')).statusCode).toBe(401);
  });
});
