import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { appWithSmtpCapture } from './helpers/app.js';
import {
  countRows,
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
} from './helpers/fixtures.js';
import { makeFinalist } from './helpers/finalists.js';
import { CLAIM_ANSWERS, answerSections } from './helpers/field.js';
import { minimalPdf, multipartForm } from './helpers/multipart.js';
import { blobKeys } from './helpers/stored-blobs.js';
import { fieldFindingsFor } from '../src/modules/field-verification/summary.js';

/*
 * Field verification (issue 13 point 3) through the API on a real database and SMTP capture: planning
 * (open: the participant is told; closed: nowhere on the participant's side), a conflicted verifier
 * refused, the phone's operations and photos applied ONCE however often they are sent, the submit, the
 * denials, and the findings summary for the final session.
 */

const NOW = new Date('2026-07-01T03:00:00.000Z');
const VISIT_AT = '2026-07-15T02:00:00.000Z'; // 15 July 09.00 WIB (field verification: 13–24 July)
const CLOSED_MARK = 'KANARI-TERTUTUP Jl. Rahasia 9';

/** A JPEG header and random bytes: detected as image/jpeg by its content. */
const jpeg = (n = 2000) =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]),
    crypto.randomBytes(n),
  ]);

describe('field verification: visits, offline operations once, photos once, denials', () => {
  const suite = appWithSmtpCapture();
  const cookie: Record<string, string> = {};
  const id: Record<string, number> = {};
  let competitionId = 0;
  let finalist = { id: 0, code: '', title: '' };
  let other = { id: 0, code: '', title: '' };

  beforeAll(async () => {
    const { ctx } = suite;
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian Verifikasi Lapangan', now: NOW });
    competitionId = kipp.competitionId;
    const elsewhere = await publishedKipp(ctx.db, { organizerName: 'Kementerian Lain Lapangan', now: NOW });
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Lapangan' });
    const unit = await makeUnit(ctx.db, inst.id, 'Dinas Lapangan');
    const users = {
      secretariat: kipp.secretariat,
      otherSecretariat: elsewhere.secretariat,
      upp: await makeUser(ctx.db, {
        role: 'upp',
        institutionId: inst.id,
        unitId: unit.id,
        email: 'upp@lapangan.go.id',
      }),
      localAdmin: await makeUser(ctx.db, {
        role: 'local_admin',
        institutionId: inst.id,
        email: 'admin@lapangan.go.id',
      }),
      panelist: await makeUser(ctx.db, { role: 'panelist', competitionId, name: 'Dr. Verifikator Satu' }),
      conflicted: await makeUser(ctx.db, { role: 'panelist', competitionId, name: 'Ir. Berkonflik' }),
      otherPanelist: await makeUser(ctx.db, { role: 'panelist', competitionId }),
      evaluator: await makeUser(ctx.db, { role: 'evaluator', competitionId }),
    };
    for (const [k, u] of Object.entries(users)) {
      cookie[k] = await sessionCookie(ctx, u.id);
      id[k] = u.id;
    }
    const make = (title: string) =>
      makeFinalist(ctx.db, {
        competitionId,
        institutionId: inst.id,
        unitId: unit.id,
        createdBy: users.upp.id,
        actorUserId: kipp.secretariat.id,
        now: NOW,
        title,
      });
    finalist = await make('Layanan Adminduk Keliling');
    other = await make('Klinik Pajak Desa');
    await answerSections(ctx.db, finalist.id, { ringkasan: 'Ringkasan singkat.', ...CLAIM_ANSWERS });
    await answerSections(ctx.db, other.id, CLAIM_ANSWERS);
    await ctx.db
      .insertInto('reviewer_conflicts')
      .values({
        competition_id: competitionId,
        user_id: users.conflicted.id,
        institution_id: inst.id,
        source: 'declared',
        note: 'Pernah bekerja di sana',
        created_by: users.conflicted.id,
        created_at: NOW.toISOString(),
      })
      .execute();
  });

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown) =>
    suite.ctx.app.inject({
      method,
      url: `/api${url}`,
      headers: { cookie: cookie[who] },
      payload: payload as object,
    });
  const plan = (over: Record<string, unknown> = {}, who = 'secretariat') =>
    api('POST', `/competitions/${competitionId}/field-visits`, who, {
      proposalId: finalist.id,
      kind: 'open',
      verifierIds: [id.panelist],
      address: 'Kantor Dinas Lapangan, Jl. Merdeka 1',
      startsAt: VISIT_AT,
      timeZone: 'Asia/Jakarta',
      ...over,
    });
  const participantOutbox = () =>
    suite.ctx.db
      .selectFrom('outbox')
      .select(['to_address', 'template', 'subject', 'text_body'])
      .where('to_address', 'in', ['upp@lapangan.go.id', 'admin@lapangan.go.id'])
      .orderBy('id')
      .execute();

  let openVisit = 0;
  let closedVisit = 0;

  it('plans an open visit and tells the admin lokal and the UPP by mail and in the app, with date, hour and zone', async () => {
    const res = await plan();
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    openVisit = body.id;
    expect(body.kind).toBe('open');
    expect(body.claims.map((c: { key: string }) => c.key)).toEqual([
      'section:implementasi',
      'section:signifikansi',
      'section:strategi_keberlanjutan',
    ]);
    const mails = await participantOutbox();
    expect(mails.map((m) => [m.to_address, m.template]).sort()).toEqual([
      ['admin@lapangan.go.id', 'field_visit_planned'],
      ['upp@lapangan.go.id', 'field_visit_planned'],
    ]);
    expect(mails[0].text_body).toContain('15 Juli 2026 09.00 WIB');
    const notes = await suite.ctx.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('kind', '=', 'field_visit_planned')
      .execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([id.upp, id.localAdmin].sort());
  });

  it('plans a closed visit without a word to the participant, and no participant-facing answer shows it', async () => {
    const before = (await participantOutbox()).length;
    const res = await plan({ kind: 'closed', address: CLOSED_MARK });
    expect(res.statusCode, res.body).toBe(201);
    closedVisit = res.json().id;
    expect((await participantOutbox()).length).toBe(before);
    for (const who of ['upp', 'localAdmin']) {
      const answers = [
        await api('GET', `/proposals/${finalist.id}/field-visits`, who),
        await api('GET', `/proposals/${finalist.id}`, who),
        await api('GET', '/notifications', who),
        await api('GET', '/proposals', who),
        await api('GET', `/field-visits/${closedVisit}`, who),
        await api('GET', '/field-visits/mine', who),
      ];
      for (const a of answers) {
        expect(a.body).not.toContain('KANARI-TERTUTUP');
        expect(a.body).not.toContain('tertutup');
      }
      const list = answers[0].json();
      expect(list.items.map((i: { id: number }) => i.id)).toEqual([openVisit]);
      expect(list.items[0].verifiers).toEqual(['Dr. Verifikator Satu']);
      expect(answers[4].statusCode).toBe(404);
    }
  });

  it('refuses a panelist with a conflict with the finalist, a non-verifier and a non-finalist, on the field', async () => {
    const c = await plan({ verifierIds: [id.panelist, id.conflicted] });
    expect(c.statusCode).toBe(400);
    expect(c.json().error.fields.verifierIds.code).toBe('verifier_conflict');
    expect(c.json().error.fields.verifierIds.message.id).toContain('Ir. Berkonflik');
    const e = await plan({ verifierIds: [id.evaluator] });
    expect(e.statusCode).toBe(400);
    expect(e.json().error.fields.verifierIds.code).toBe('not_a_verifier');
    const n = await plan({ proposalId: 999999 });
    expect(n.statusCode).toBe(400);
    expect(n.json().error.fields.proposalId.code).toBe('not_a_finalist');
    expect(await countRows(suite.ctx.db, 'field_visits')).toBe(2);
  });

  it('refuses (422, on startsAt) a visit planned or moved outside the field verification window, naming it with hours and zone', async () => {
    const stage = await suite.ctx.db
      .selectFrom('stages')
      .select(['opens_at', 'closes_at'])
      .where('competition_id', '=', competitionId)
      .where('kind', '=', 'field_verification')
      .executeTakeFirstOrThrow();
    const before = await countRows(suite.ctx.db, 'field_visits');
    const early = await plan({ startsAt: new Date(Date.parse(stage.opens_at!) - 60_000).toISOString() });
    expect(early.statusCode, early.body).toBe(422);
    const err = early.json().error;
    expect(err.code).toBe('outside_field_window');
    expect(err.fields.startsAt.code).toBe('outside_field_window');
    expect(err.fields.startsAt.message.id).toBe(
      'Waktu kunjungan harus di dalam tahap verifikasi lapangan: 13 Juli 2026 00.00 WIB – 24 Juli 2026 23.59 WIB.',
    );
    expect(err.fields.startsAt.message.en).toBe(
      'The visit must take place within the field verification stage: 13 July 2026 00:00 WIB – 24 July 2026 23:59 WIB.',
    );
    // In the zone of the place: WITA for a visit in Makassar time.
    const late = await plan({
      startsAt: new Date(Date.parse(stage.closes_at!) + 60_000).toISOString(),
      timeZone: 'Asia/Makassar',
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.fields.startsAt.message.id).toContain('25 Juli 2026 00.59 WITA');
    expect(await countRows(suite.ctx.db, 'field_visits')).toBe(before);
    const moved = await api('PUT', `/field-visits/${openVisit}`, 'secretariat', {
      version: 1,
      kind: 'open',
      verifierIds: [id.panelist],
      address: 'Kantor Dinas Lapangan, Jl. Merdeka 1',
      startsAt: '2026-08-01T02:00:00.000Z',
      timeZone: 'Asia/Jakarta',
    });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().error.fields.startsAt.code).toBe('outside_field_window');
    const v = await suite.ctx.db
      .selectFrom('field_visits')
      .select(['starts_at', 'version'])
      .where('id', '=', openVisit)
      .executeTakeFirstOrThrow();
    expect(v).toEqual({ starts_at: VISIT_AT, version: 1 });
  });

  it('changing an open visit tells the participant the new time and the old one; cancelling tells them again', async () => {
    const before = (await participantOutbox()).length;
    const res = await api('PUT', `/field-visits/${openVisit}`, 'secretariat', {
      version: 1,
      kind: 'open',
      verifierIds: [id.panelist],
      address: 'Kantor Dinas Lapangan, Jl. Merdeka 1',
      startsAt: '2026-07-16T01:30:00.000Z',
      timeZone: 'Asia/Jakarta',
    });
    expect(res.statusCode, res.body).toBe(200);
    const mails = (await participantOutbox()).slice(before);
    expect(mails.map((m) => m.template)).toEqual(['field_visit_changed', 'field_visit_changed']);
    expect(mails[0].text_body).toContain('16 Juli 2026 08.30 WIB');
    expect(mails[0].text_body).toContain('15 Juli 2026 09.00 WIB');
    const stale = await api('PUT', `/field-visits/${openVisit}`, 'secretariat', {
      version: 1,
      kind: 'open',
      verifierIds: [id.panelist],
      address: 'x x x x x',
      startsAt: VISIT_AT,
      timeZone: 'Asia/Jakarta',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('visit_changed');
    // A second open visit to cancel.
    const extra = (await plan({ proposalId: other.id })).json().id;
    const n = (await participantOutbox()).length;
    const cancel = await api('POST', `/field-visits/${extra}/cancel`, 'secretariat', {
      version: 1,
      reason: 'Banjir',
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json().status).toBe('cancelled');
    expect((await participantOutbox()).slice(n).map((m) => m.template)).toEqual([
      'field_visit_cancelled',
      'field_visit_cancelled',
    ]);
  });

  const op = (visit: number, body: Record<string, unknown>, who = 'panelist') =>
    api('POST', `/field-visits/${visit}/operations`, who, body);

  it('applies each operation once: the same operations replayed twice are stored once and answer as the first time', async () => {
    const ops = [
      {
        clientId: 'op-aaaaaaaa-1',
        kind: 'finding',
        claimKey: 'section:implementasi',
        status: 'confirmed',
        note: 'Dilihat langsung',
      },
      {
        clientId: 'op-aaaaaaaa-2',
        kind: 'finding',
        claimKey: 'section:signifikansi',
        status: 'partly',
        note: 'Data 2025 belum ada',
      },
      {
        clientId: 'op-aaaaaaaa-3',
        kind: 'finding',
        claimKey: 'section:implementasi',
        status: 'not_found',
        note: null,
      },
      {
        clientId: 'op-aaaaaaaa-4',
        kind: 'report',
        recommendation: 'recommended_with_notes',
        summary: 'Berjalan baik.',
      },
    ];
    const first = [];
    for (const o of ops) first.push(await op(closedVisit, o));
    expect(first.map((r) => [r.statusCode, r.json().replayed])).toEqual(ops.map(() => [200, false]));
    const opRows = await countRows(suite.ctx.db, 'field_operations');
    // The phone lost the answers and sends the whole queue again, twice.
    for (let round = 0; round < 2; round++)
      for (const [i, o] of ops.entries()) {
        const again = await op(closedVisit, o);
        expect(again.statusCode).toBe(200);
        expect(again.json()).toEqual({ ...first[i].json(), replayed: true });
      }
    expect(await countRows(suite.ctx.db, 'field_operations')).toBe(opRows);
    const findings = await suite.ctx.db
      .selectFrom('field_findings')
      .select(['claim_key', 'status', 'note'])
      .where('visit_id', '=', closedVisit)
      .orderBy('claim_key')
      .execute();
    // The replay of op 1 did not undo op 3 (the later change of the same claim).
    expect(findings).toEqual([
      { claim_key: 'section:implementasi', status: 'not_found', note: null },
      { claim_key: 'section:signifikansi', status: 'partly', note: 'Data 2025 belum ada' },
    ]);
    const unknown = await op(closedVisit, {
      clientId: 'op-aaaaaaaa-9',
      kind: 'finding',
      claimKey: 'section:ringkasan',
      status: 'confirmed',
      note: null,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.claimKey.code).toBe('unknown_claim');
  });

  const photo = (
    visit: number,
    fields: Record<string, string>,
    content: Buffer,
    who = 'panelist',
    name = 'foto.jpg',
  ) => {
    const form = multipartForm(
      {
        takenAt: '2026-07-08T02:15:00.000Z',
        geoStatus: 'ok',
        latitude: '-6.9175',
        longitude: '107.6191',
        accuracy: '12',
        ...fields,
      },
      [{ field: 'photo', name, content, type: 'image/jpeg' }],
    );
    return suite.ctx.app.inject({
      method: 'POST',
      url: `/api/field-visits/${visit}/photos`,
      headers: { ...form.headers, cookie: cookie[who] },
      payload: form.payload,
    });
  };

  it('stores a photo uploaded twice after a reconnect once (one row, one file, one blob), and the same picture under another id once', async () => {
    const bytes = jpeg();
    const blobs = async () => (await blobKeys(suite.ctx)).length;
    const blobsBefore = await blobs();
    const filesBefore = await countRows(suite.ctx.db, 'files');
    const first = await photo(
      closedVisit,
      { clientId: 'photo-bbbbbbbb-1', claimKey: 'section:implementasi' },
      bytes,
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().replayed).toBe(false);
    expect(first.json().photo).toMatchObject({
      geoStatus: 'ok',
      latitude: -6.9175,
      accuracy: 12,
      takenAt: '2026-07-08T02:15:00.000Z',
    });
    const again = await photo(
      closedVisit,
      { clientId: 'photo-bbbbbbbb-1', claimKey: 'section:implementasi' },
      bytes,
    );
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), replayed: true });
    const sameBytes = await photo(closedVisit, { clientId: 'photo-bbbbbbbb-2' }, bytes);
    expect(sameBytes.json().replayed).toBe(true);
    expect(sameBytes.json().photo.id).toBe(first.json().photo.id);
    expect(await countRows(suite.ctx.db, 'field_photos')).toBe(1);
    expect(await countRows(suite.ctx.db, 'files')).toBe(filesBefore + 1);
    expect(await blobs()).toBe(blobsBefore + 1);
    // Location refused: the photo is kept, and says so.
    const noGeo = await photo(
      closedVisit,
      { clientId: 'photo-bbbbbbbb-3', geoStatus: 'denied', latitude: '', longitude: '', accuracy: '' },
      jpeg(),
    );
    expect(noGeo.statusCode, noGeo.body).toBe(200);
    expect(noGeo.json().photo).toMatchObject({ geoStatus: 'denied', latitude: null, longitude: null });
  });

  it('refuses a photo of another type (415) or over 12 MB (413) on the photo field, keeping nothing', async () => {
    const files = await countRows(suite.ctx.db, 'files');
    const pdf = await photo(
      closedVisit,
      { clientId: 'photo-cccccccc-1' },
      minimalPdf(),
      'panelist',
      'foto.pdf',
    );
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.fields.photo.code).toBe('unsupported_file_type');
    const big = await photo(closedVisit, { clientId: 'photo-cccccccc-2' }, jpeg(12 * 1024 * 1024));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.fields.photo.code).toBe('file_too_large');
    expect(await countRows(suite.ctx.db, 'files')).toBe(files);
  });

  it('denies: a panelist not on the visit, another organizer, the participant and the evaluator hear 404', async () => {
    for (const who of ['otherPanelist', 'otherSecretariat', 'upp', 'localAdmin', 'evaluator']) {
      expect((await api('GET', `/field-visits/${closedVisit}`, who)).statusCode, who).toBe(404);
      expect(
        (
          await op(
            closedVisit,
            { clientId: `op-deny-${who}`, kind: 'report', recommendation: null, summary: 'x' },
            who,
          )
        ).statusCode,
        who,
      ).toBe(404);
      expect((await photo(closedVisit, { clientId: `photo-deny-${who}` }, jpeg(), who)).statusCode, who).toBe(
        404,
      );
    }
    const photoId = (await api('GET', `/field-visits/${closedVisit}`, 'secretariat')).json().photos[0].id;
    for (const who of ['otherPanelist', 'otherSecretariat', 'upp', 'localAdmin'])
      expect((await api('GET', `/field-photos/${photoId}`, who)).statusCode, who).toBe(404);
    const img = await api('GET', `/field-photos/${photoId}`, 'secretariat');
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/jpeg');
    for (const who of ['otherSecretariat', 'panelist', 'upp'])
      expect((await api('GET', `/competitions/${competitionId}/field-visits`, who)).statusCode, who).toBe(
        404,
      );
    expect((await plan({}, 'otherSecretariat')).statusCode).toBe(404);
    expect((await api('GET', `/proposals/${finalist.id}/field-visits`, 'secretariat')).statusCode).toBe(404);
  });

  it('submits only a complete report, then it is read-only; a replayed submit answers as the first', async () => {
    const early = await op(closedVisit, { clientId: 'op-submit-00', kind: 'submit' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.findings.code).toBe('claims_unchecked');
    await op(closedVisit, {
      clientId: 'op-dddddddd-1',
      kind: 'finding',
      claimKey: 'section:strategi_keberlanjutan',
      status: 'confirmed',
      note: 'Perbup dilihat',
    });
    const submit = await op(closedVisit, { clientId: 'op-submit-01', kind: 'submit' });
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json().status).toBe('submitted');
    const replay = await op(closedVisit, { clientId: 'op-submit-01', kind: 'submit' });
    expect(replay.json()).toEqual({ ...submit.json(), replayed: true });
    const late = await op(closedVisit, {
      clientId: 'op-dddddddd-2',
      kind: 'finding',
      claimKey: 'section:signifikansi',
      status: 'confirmed',
      note: null,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('report_submitted');
    const latePhoto = await photo(closedVisit, { clientId: 'photo-late-0001' }, jpeg());
    expect(latePhoto.statusCode).toBe(409);
    const audit = await suite.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'institution_id'])
      .where('action', 'like', 'fieldVisit.%')
      .execute();
    expect(audit.map((a) => a.action)).toContain('fieldVisit.submitted');
    // Never scoped to the participant's institution.
    expect(audit.every((a) => a.institution_id === null)).toBe(true);
  });

  it('summarizes the submitted findings per finalist for the final session', async () => {
    const summary = await fieldFindingsFor(suite.ctx.db, competitionId);
    expect([...summary.keys()]).toEqual([finalist.id]);
    const s = summary.get(finalist.id)!;
    expect(s).toMatchObject({
      visitId: closedVisit,
      kind: 'closed',
      visitedAt: VISIT_AT,
      timeZone: 'Asia/Jakarta',
      verifiers: ['Dr. Verifikator Satu'],
      counts: { confirmed: 1, partly: 1, notFound: 1, unchecked: 0 },
      recommendation: 'recommended_with_notes',
      summary: 'Berjalan baik.',
      photoCount: 2,
    });
    expect(s.visits).toHaveLength(1);
  });
});
