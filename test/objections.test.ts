import { describe, expect, it, beforeAll } from 'vitest';
import { appWithSmtpCapture } from './helpers/app.js';
import {
  countRows,
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
} from './helpers/fixtures.js';
import { makeFinalist, publishProvisionalFinalists, setObjectionWindow } from './helpers/finalists.js';
import { minimalPdf, multipartForm, PNG } from './helpers/multipart.js';
import { applyTransition } from '../src/modules/proposals/transition.js';
import { loadForChange } from '../src/modules/proposals/view.js';

/*
 * The uji publik (issue 12 point 8) through the API on a real database and a real SMTP capture: the public
 * form, the filer's status check, the secretariat's triage, the panel's decision (upheld: the finalist goes
 * back to passed_admin through the transition function) and the readiness of the final list.
 */

const NOW = new Date('2026-06-17T03:00:00.000Z'); // 10.00 WIB, inside the window below
const OPENS = new Date('2026-06-15T17:00:00.000Z'); // 16 June 00.00 WIB
const CLOSES = new Date('2026-06-20T16:59:00.000Z'); // 20 June 23.59 WIB

describe('uji publik: public objections to the provisional finalists', () => {
  const suite = appWithSmtpCapture();
  let competitionId = 0;
  let otherCompetitionId = 0;
  const cookie: Record<string, string> = {};
  const finalist: Record<string, { id: number; code: string; title: string }> = {};
  let passedOnlyId = 0;
  let secretariatId = 0;
  let panelistId = 0;
  let ip = 0;
  /** Who won the two panelists' race on one objection (decided at random by the database). */
  let raceWinner: 'rejected' | 'upheld' | null = null;

  beforeAll(async () => {
    const { ctx } = suite;
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian Uji Publik', now: NOW });
    competitionId = kipp.competitionId;
    const other = await publishedKipp(ctx.db, { organizerName: 'Kementerian Lain Uji', now: NOW });
    otherCompetitionId = other.competitionId;
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Finalis' });
    const unit = await makeUnit(ctx.db, inst.id, 'Dinas Finalis');
    const users = {
      secretariat: kipp.secretariat,
      otherSecretariat: other.secretariat,
      upp: await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id }),
      localAdmin: await makeUser(ctx.db, {
        role: 'local_admin',
        institutionId: inst.id,
        email: 'admin.lokal@finalis.go.id',
      }),
      panelist: await makeUser(ctx.db, { role: 'panelist', competitionId }),
      otherPanelist: await makeUser(ctx.db, { role: 'panelist', competitionId: otherCompetitionId }),
      evaluator: await makeUser(ctx.db, { role: 'evaluator', competitionId }),
      admin: await makeUser(ctx.db, { role: 'system_admin' }),
    };
    for (const [k, u] of Object.entries(users)) cookie[k] = await sessionCookie(ctx, u.id);
    secretariatId = users.secretariat.id;
    panelistId = users.panelist.id;
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
    finalist.a = await make('Layanan Jemput Bola Adminduk');
    finalist.b = await make('Klinik Pajak Keliling');
    finalist.c = await make('Posyandu Digital');
    await publishProvisionalFinalists(ctx.db, { competitionId, publishedBy: kipp.secretariat.id, now: NOW });
    await setObjectionWindow(ctx.db, { competitionId, opensAt: OPENS, closesAt: CLOSES });
    // Passed the administrative check but not shortlisted: not a finalist, nothing to object to.
    const passed = await makeFinalist(ctx.db, {
      competitionId,
      institutionId: inst.id,
      unitId: unit.id,
      createdBy: users.upp.id,
      actorUserId: kipp.secretariat.id,
      now: NOW,
    });
    await ctx.db
      .updateTable('proposals')
      .set({ state: 'passed_admin' })
      .where('id', '=', passed.id)
      .execute();
    passedOnlyId = passed.id;
    // The other competition has finalists but published no provisional list.
    await setObjectionWindow(ctx.db, { competitionId: otherCompetitionId, opensAt: OPENS, closesAt: CLOSES });
  });

  const fields = (over: Record<string, string> = {}) => ({
    proposalId: String(finalist.a.id),
    name: 'Budi Santoso',
    email: 'budi@contoh.id',
    phone: '0812 3456 7890',
    grounds:
      'Inovasi ini sudah dijalankan oleh kabupaten tetangga sejak 2019 dan hanya diganti namanya oleh pengusul.',
    declaration: 'true',
    locale: 'id',
    ...over,
  });
  /** Each filing from its own address unless one is given, so the hourly limit only bites where tested. */
  const file = (
    body: Record<string, string>,
    files: Parameters<typeof multipartForm>[1] = [],
    opts: { competition?: number; address?: string } = {},
  ) => {
    const form = multipartForm(body, files);
    return suite.ctx.app.inject({
      method: 'POST',
      url: `/api/public/competitions/${opts.competition ?? competitionId}/objections`,
      remoteAddress: opts.address ?? `10.9.${Math.floor(++ip / 250)}.${ip % 250}`,
      headers: form.headers,
      payload: form.payload,
    });
  };
  const as = (who: string | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    suite.ctx.app.inject({
      method,
      url: `/api${url}`,
      headers: who ? { cookie: cookie[who] } : {},
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const row = (id: number) =>
    suite.ctx.db.selectFrom('objections').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const idOf = (number: string) => Number(number.split('-')[2]);
  const stateOf = async (id: number) =>
    (
      await suite.ctx.db
        .selectFrom('proposals')
        .select('state')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).state;

  it('shows the public form its window and the provisional finalists (code, title, institution)', async () => {
    const res = await as(null, 'GET', `/public/competitions/${competitionId}/objections/form`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.window).toEqual({
      state: 'open',
      opensAt: OPENS.toISOString(),
      closesAt: CLOSES.toISOString(),
      timeZone: 'Asia/Jakarta',
    });
    expect(body.published).toBe(true);
    expect(body.finalists.map((f: { code: string }) => f.code)).toEqual(
      [finalist.a.code, finalist.b.code, finalist.c.code].sort(),
    );
    expect(body.finalists[0]).toEqual({
      proposalId: finalist.a.id,
      code: finalist.a.code,
      title: 'Layanan Jemput Bola Adminduk',
      institution: 'Pemerintah Kabupaten Finalis',
    });
  });

  it('refuses an incomplete form field by field, in both languages, and stores nothing', async () => {
    const before = await countRows(suite.ctx.db, 'objections');
    const res = await file({ locale: 'id' });
    expect(res.statusCode).toBe(400);
    const body = res.json().error;
    expect(body.code).toBe('validation_failed');
    for (const f of ['proposalId', 'name', 'email', 'grounds', 'declaration'])
      expect(body.fields[f]).toBeDefined();
    expect(body.fields.name.code).toBe('required');
    expect(body.fields.grounds).toMatchObject({
      code: 'required',
      message: { id: 'Tuliskan alasan keberatan.', en: 'Write the grounds of the objection.' },
    });
    expect(body.fields.declaration.message.id).toMatch(/Centang pernyataan/);
    expect(body.fields.declaration.message.en).toMatch(/Tick the declaration/);

    const short = await file(fields({ grounds: 'Tidak layak.' }));
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.grounds.message.en).toBe('Write grounds of at least 30 characters.');
    const phone = await file(fields({ phone: '12345' }));
    expect(phone.json().error.fields.phone.code).toBeDefined();

    const notFinalist = await file(fields({ proposalId: String(passedOnlyId) }));
    expect(notFinalist.statusCode).toBe(400);
    expect(notFinalist.json().error.fields.proposalId).toMatchObject({ code: 'not_a_finalist' });

    const text = await file(fields(), [
      {
        field: 'evidence',
        name: 'bukti.pdf',
        content: Buffer.from('bukan pdf sama sekali'),
        type: 'application/pdf',
      },
    ]);
    expect(text.statusCode).toBe(415);
    expect(text.json().error.fields.evidence.code).toBe('unsupported_file_type');
    expect(await countRows(suite.ctx.db, 'objections')).toBe(before);
  });

  it('files an objection with its evidence: number, audit row, and the bilingual receipt mail', async () => {
    const pdf = minimalPdf('Bukti keberatan');
    const res = await file(fields(), [
      { field: 'evidence', name: 'bukti.pdf', content: pdf, type: 'application/pdf' },
    ]);
    expect(res.statusCode).toBe(202);
    const { number } = res.json();
    expect(number).toMatch(/^UJI-2026-\d{4,}$/);
    const r = await row(idOf(number));
    expect(r).toMatchObject({
      competition_id: competitionId,
      proposal_id: finalist.a.id,
      name: 'Budi Santoso',
      email: 'budi@contoh.id',
      phone: '+6281234567890',
      status: 'new',
      locale: 'id',
    });
    const f = await suite.ctx.db
      .selectFrom('files')
      .selectAll()
      .where('id', '=', r.evidence_file_id!)
      .executeTakeFirstOrThrow();
    expect(f).toMatchObject({ mime: 'application/pdf', size: pdf.length, original_name: 'bukti.pdf' });
    const audit = await suite.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'objection.filed')
      .where('entity_id', '=', String(r.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toMatchObject({ number, proposal: { code: finalist.a.code } });

    await suite.ctx.deliverMail();
    const mail = await suite.smtp.waitFor(
      (m) => m.to.includes('budi@contoh.id') && m.subject.includes(number),
    );
    expect(mail.text).toContain(`nomor ${number}`);
    expect(mail.text).toContain(`number ${number}`);
    expect(mail.text).toContain('17 Juni 2026 10.00 WIB');
    expect(mail.text).toContain(`/uji-publik/status?nomor=${number}`);
  });

  it('keeps the name and grounds inert: stored as typed, escaped in the mail', async () => {
    const res = await file(
      fields({
        name: '<script>alert(1)</script> Warga',
        email: 'xss@contoh.id',
        grounds:
          '<img src=x onerror=alert(1)> Lihat https://contoh.id/bukti <b>tebal</b> sebagai alasan yang panjang.',
      }),
    );
    expect(res.statusCode).toBe(202);
    const r = await row(idOf(res.json().number));
    expect(r.name).toBe('<script>alert(1)</script> Warga');
    const out = await suite.ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'xss@contoh.id')
      .executeTakeFirstOrThrow();
    expect(out.html_body).not.toContain('<script>');
    expect(out.html_body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Warga');
  });

  it('refuses filing outside the window with both instants, hour and zone (409)', async () => {
    suite.ctx.clock.freeze(new Date('2026-06-21T01:00:00.000Z'));
    const closed = await file(fields());
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error).toMatchObject({
      code: 'objection_window_closed',
      closesAt: CLOSES.toISOString(),
      message: {
        id: 'Masa uji publik telah ditutup pada 20 Juni 2026 23.59 WIB; keberatan tidak dapat diajukan lagi.',
        en: 'The public review closed 20 June 2026 23:59 WIB; objections can no longer be filed.',
      },
    });
    suite.ctx.clock.freeze(new Date('2026-06-15T01:00:00.000Z'));
    const early = await file(fields());
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('objection_window_not_open');
    expect(early.json().error.message.id).toBe(
      'Masa uji publik dibuka 16 Juni 2026 00.00 WIB dan ditutup 20 Juni 2026 23.59 WIB.',
    );
    suite.ctx.clock.freeze(NOW);
    const unpublished = await file(fields(), [], { competition: otherCompetitionId });
    expect(unpublished.statusCode).toBe(409);
    expect(unpublished.json().error.code).toBe('finalists_not_published');
  });

  it('rate-limits filing per address: the sixth within an hour is 429 with a clear bilingual message', async () => {
    const address = '10.77.0.1';
    for (let i = 0; i < 5; i++) {
      const res = await file(fields({ email: `spam${i}@contoh.id` }), [], { address });
      expect(res.statusCode).toBe(202);
    }
    const res = await file(fields({ email: 'spam5@contoh.id' }), [], { address });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('objection_rate_limited');
    expect(res.json().error.message.id).toMatch(/sudah diajukan 5 keberatan dalam satu jam/);
    expect(res.json().error.message.en).toMatch(
      /5 objections were filed from this network address within an hour/,
    );
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      await suite.ctx.db
        .selectFrom('objections')
        .select('id')
        .where('email', '=', 'spam5@contoh.id')
        .execute(),
    ).toEqual([]);
  });

  it('lets the filer check the status by number and e-mail only (404 otherwise, the same answer)', async () => {
    const filed = await file(fields({ email: 'cek@contoh.id' }));
    const { number } = filed.json();
    const check = (n: string, email: string) =>
      suite.ctx.app.inject({
        method: 'POST',
        url: '/api/public/objections/status',
        remoteAddress: `10.8.0.${++ip % 250}`,
        payload: { number: n, email },
      });
    const ok = await check(number.toLowerCase(), 'CEK@contoh.id');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      number,
      status: 'new',
      finalist: { code: finalist.a.code },
      reason: null,
    });
    const wrongMail = await check(number, 'lain@contoh.id');
    const wrongYear = await check(number.replace('2026', '2025'), 'cek@contoh.id');
    const unknown = await check('UJI-2026-999999', 'cek@contoh.id');
    for (const r of [wrongMail, wrongYear, unknown]) {
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('objection_not_found');
    }
    expect(wrongMail.body).toBe(unknown.body);
  });

  it('triage: the secretariat sees every objection; others 404; dismissing a duplicate names the original', async () => {
    const first = idOf((await file(fields({ email: 'asli@contoh.id' }))).json().number);
    const dup = idOf((await file(fields({ email: 'ulang@contoh.id' }))).json().number);

    const list = await as('secretariat', 'GET', `/competitions/${competitionId}/objections?status=new`);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.items.map((o: { id: number }) => o.id)).toEqual(expect.arrayContaining([first, dup]));
    expect(body.items.every((o: { status: string }) => o.status === 'new')).toBe(true);
    expect(body.counts.new).toBeGreaterThanOrEqual(2);
    expect(body.abilities).toEqual({ triage: true, decide: false });
    expect(body.readiness).toMatchObject({
      ready: false,
      blockers: ['window_not_closed', 'objections_pending'],
    });
    const item = body.items.find((o: { id: number }) => o.id === dup);
    expect(item.email).toBe('ulang@contoh.id');
    expect(item.abilities).toEqual({ triage: true, decide: false });

    for (const who of ['otherSecretariat', 'evaluator', 'otherPanelist', 'localAdmin', 'admin'])
      expect([who, (await as(who, 'GET', `/competitions/${competitionId}/objections`)).statusCode]).toEqual([
        who,
        404,
      ]);
    expect((await as(null, 'GET', `/competitions/${competitionId}/objections`)).statusCode).toBe(401);
    // The panel sees nothing that was not forwarded.
    const panel = await as('panelist', 'GET', `/competitions/${competitionId}/objections`);
    expect(panel.json().items.filter((o: { status: string }) => o.status === 'new')).toEqual([]);
    expect((await as('panelist', 'GET', `/objections/${dup}`)).statusCode).toBe(404);
    expect(
      (await as('otherSecretariat', 'POST', `/objections/${dup}/forward`, { version: 1 })).statusCode,
    ).toBe(404);
    expect((await as('panelist', 'POST', `/objections/${dup}/forward`, { version: 1 })).statusCode).toBe(404);

    const noOriginal = await as('secretariat', 'POST', `/objections/${dup}/dismiss`, {
      reason: 'duplicate',
      note: 'Sama dengan keberatan sebelumnya.',
      version: 1,
    });
    expect(noOriginal.statusCode).toBe(400);
    expect(noOriginal.json().error.fields.duplicateOf.code).toBe('required');
    const dismissed = await as('secretariat', 'POST', `/objections/${dup}/dismiss`, {
      reason: 'duplicate',
      note: 'Sama dengan keberatan sebelumnya.',
      duplicateOf: first,
      version: 1,
    });
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json()).toMatchObject({
      status: 'dismissed',
      dismissReason: 'duplicate',
      duplicateOf: { id: first },
      triageNote: 'Sama dengan keberatan sebelumnya.',
      abilities: { triage: false, decide: false },
    });
    const again = await as('secretariat', 'POST', `/objections/${dup}/forward`, { version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('objection_already_handled');
    const audit = await suite.ctx.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'objection.dismissed')
      .where('entity_id', '=', String(dup))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toMatchObject({ reason: 'duplicate', duplicateOf: first });
    await suite.ctx.deliverMail();
    const mail = await suite.smtp.waitFor(
      (m) => m.to.includes('ulang@contoh.id') && m.subject.includes('Hasil'),
    );
    expect(mail.text).toContain('tidak dapat diterima oleh Sekretariat');
    expect(mail.text).toContain('was dismissed by the secretariat as inadmissible');
    expect(mail.text).toContain('Sama dengan keberatan sebelumnya.');

    const stale = await as('secretariat', 'POST', `/objections/${first}/forward`, { version: 7 });
    expect(stale.statusCode).toBe(409);
    const forwarded = await as('secretariat', 'POST', `/objections/${first}/forward`, {
      note: 'Perlu diperiksa panel.',
      version: 1,
    });
    expect(forwarded.statusCode).toBe(200);
    expect(forwarded.json().status).toBe('forwarded');
    const note = await suite.ctx.db
      .selectFrom('notifications as n')
      .innerJoin('role_grants as g', 'g.user_id', 'n.user_id')
      .select('n.kind')
      .where('g.role', '=', 'panelist')
      .where('g.competition_id', '=', competitionId)
      .where('n.kind', '=', 'objection_forwarded')
      .execute();
    expect(note.length).toBe(1);
  });

  it('panel: sees the forwarded objection with the proposal read-only; upheld removes the finalist', async () => {
    const id = idOf(
      (
        await file(fields({ proposalId: String(finalist.b.id), email: 'pelapor@contoh.id' }), [
          { field: 'evidence', name: 'foto.png', content: PNG, type: 'image/png' },
        ])
      ).json().number,
    );
    const rejectId = idOf(
      (await file(fields({ proposalId: String(finalist.c.id), email: 'ditolak@contoh.id' }))).json().number,
    );
    for (const o of [id, rejectId])
      expect((await as('secretariat', 'POST', `/objections/${o}/forward`, { version: 1 })).statusCode).toBe(
        200,
      );

    const seen = await as('panelist', 'GET', `/objections/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      status: 'forwarded',
      email: null,
      phone: null,
      evidence: { name: 'foto.png', mime: 'image/png' },
      proposal: { code: finalist.b.code, title: 'Klinik Pajak Keliling', unit: 'Dinas Finalis' },
      abilities: { triage: false, decide: true },
    });
    const evidence = await as('panelist', 'GET', `/objections/${id}/evidence`);
    expect(evidence.statusCode).toBe(200);
    expect(evidence.headers['content-type']).toBe('image/png');
    expect(evidence.headers['content-disposition']).toMatch(/^attachment; filename="foto.png"/);
    expect(evidence.rawPayload.equals(PNG)).toBe(true);
    for (const who of ['evaluator', 'otherPanelist', 'otherSecretariat', 'localAdmin'])
      expect([who, (await as(who, 'GET', `/objections/${id}/evidence`)).statusCode]).toEqual([who, 404]);

    const decision = {
      outcome: 'upheld',
      reason: 'Inovasi terbukti direplikasi tanpa menyebut sumbernya.',
      version: 2,
    };
    for (const who of ['secretariat', 'evaluator', 'otherPanelist', 'otherSecretariat'])
      expect([who, (await as(who, 'POST', `/objections/${id}/decide`, decision)).statusCode]).toEqual([
        who,
        404,
      ]);
    const short = await as('panelist', 'POST', `/objections/${id}/decide`, {
      ...decision,
      reason: 'singkat',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.reason.message.en).toBe('Write a reason of at least 10 characters.');
    expect(await stateOf(finalist.b.id)).toBe('finalist');

    const upheld = await as('panelist', 'POST', `/objections/${id}/decide`, decision);
    expect(upheld.statusCode).toBe(200);
    expect(upheld.json()).toMatchObject({ status: 'upheld', decisionReason: decision.reason });
    expect(await stateOf(finalist.b.id)).toBe('passed_admin');
    const revision = await suite.ctx.db
      .selectFrom('proposal_revisions')
      .select(['action', 'kind'])
      .where('proposal_id', '=', finalist.b.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(revision).toEqual({ action: 'unshortlist', kind: 'transition' });
    const moved = await suite.ctx.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'proposal.unshortlist')
      .where('entity_id', '=', String(finalist.b.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(moved.summary)).toMatchObject({
      before: { state: 'finalist' },
      after: { state: 'passed_admin' },
      reason: decision.reason,
    });
    const twice = await as('panelist', 'POST', `/objections/${id}/decide`, { ...decision, version: 3 });
    expect(twice.statusCode).toBe(409);

    const rejected = await as('panelist', 'POST', `/objections/${rejectId}/decide`, {
      outcome: 'rejected',
      reason: 'Bukti yang diajukan tidak berkaitan dengan inovasi ini.',
      version: 2,
    });
    expect(rejected.statusCode).toBe(200);
    expect(await stateOf(finalist.c.id)).toBe('finalist');

    await suite.ctx.deliverMail();
    const filer = await suite.smtp.waitFor(
      (m) => m.to.includes('pelapor@contoh.id') && m.subject.includes('Hasil'),
    );
    expect(filer.text).toContain('diterima oleh Tim Panel Independen');
    expect(filer.text).toContain('was upheld by the Independent Panel');
    expect(filer.text).toContain(decision.reason);
    const admin = await suite.smtp.waitFor((m) => m.to.includes('admin.lokal@finalis.go.id'));
    expect(admin.subject).toBe(`Proposal ${finalist.b.code} dikeluarkan dari daftar finalis`);
    expect(admin.text).toContain(decision.reason);
    const other = await suite.smtp.waitFor(
      (m) => m.to.includes('ditolak@contoh.id') && m.subject.includes('Hasil'),
    );
    expect(other.text).toContain('ditolak oleh Tim Panel Independen');

    const form = await as(null, 'GET', `/public/competitions/${competitionId}/objections/form`);
    expect(form.json().finalists.map((f: { code: string }) => f.code)).not.toContain(finalist.b.code);
    const status = await suite.ctx.app.inject({
      method: 'POST',
      url: '/api/public/objections/status',
      remoteAddress: '10.8.1.1',
      payload: { number: `UJI-2026-${String(id).padStart(4, '0')}`, email: 'pelapor@contoh.id' },
    });
    expect(status.json()).toMatchObject({ status: 'upheld', reason: decision.reason });
  });

  it('records one decision when two panelists decide the same objection at once (the other hears 409)', async () => {
    const id = idOf(
      (await file(fields({ proposalId: String(finalist.c.id), email: 'serentak@contoh.id' }))).json().number,
    );
    expect((await as('secretariat', 'POST', `/objections/${id}/forward`, { version: 1 })).statusCode).toBe(
      200,
    );
    const second = await makeUser(suite.ctx.db, { role: 'panelist', competitionId });
    cookie.secondPanelist = await sessionCookie(suite.ctx, second.id);
    const [a, b] = await Promise.all([
      as('panelist', 'POST', `/objections/${id}/decide`, {
        outcome: 'rejected',
        reason: 'Tidak ada bukti yang mendukung keberatan.',
        version: 2,
      }),
      as('secondPanelist', 'POST', `/objections/${id}/decide`, {
        outcome: 'upheld',
        reason: 'Keberatan terbukti dengan dokumen resmi.',
        version: 2,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const decided = await row(id);
    const winner = a.statusCode === 200 ? 'rejected' : 'upheld';
    raceWinner = winner;
    expect(decided.status).toBe(winner);
    expect(await stateOf(finalist.c.id)).toBe(winner === 'upheld' ? 'passed_admin' : 'finalist');
    const audits = await suite.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'objection')
      .where('entity_id', '=', String(id))
      .where('action', 'in', ['objection.upheld', 'objection.rejected'])
      .execute();
    expect(audits).toEqual([{ action: `objection.${winner}` }]);
    // The rest of this file expects finalist c to stay.
    if (winner === 'upheld')
      await suite.ctx.db.transaction().execute(async (tx) => {
        await applyTransition(tx, {
          view: await loadForChange(tx, finalist.c.id),
          action: 'shortlist',
          to: 'finalist',
          actorUserId: secretariatId,
          ip: null,
          now: NOW,
        });
      });
  });

  it('is ready to fix the final list once the window closed and every objection is handled', async () => {
    const open = await as('secretariat', 'GET', `/competitions/${competitionId}/objections`);
    const pending = open
      .json()
      .items.filter((o: { status: string }) => o.status === 'new' || o.status === 'forwarded');
    expect(pending.length).toBeGreaterThan(0);
    suite.ctx.clock.freeze(new Date('2026-06-21T01:00:00.000Z'));
    // Days later: a new session (the old one has expired).
    cookie.secretariat = await sessionCookie(suite.ctx, secretariatId);
    const stillPending = await as('secretariat', 'GET', `/competitions/${competitionId}/objections`);
    expect(stillPending.json().readiness).toMatchObject({ ready: false, blockers: ['objections_pending'] });
    cookie.panelist = await sessionCookie(suite.ctx, panelistId);
    for (const o of pending) {
      const res =
        o.status === 'new'
          ? await as('secretariat', 'POST', `/objections/${o.id}/dismiss`, {
              reason: 'no_grounds',
              note: 'Tidak ada alasan yang dapat diperiksa.',
              version: o.version,
            })
          : await as('panelist', 'POST', `/objections/${o.id}/decide`, {
              outcome: 'rejected',
              reason: 'Keberatan tidak didukung bukti yang cukup.',
              version: o.version,
            });
      expect([o.status, res.statusCode]).toEqual([o.status, 200]);
    }
    const ready = await as('secretariat', 'GET', `/competitions/${competitionId}/objections`);
    expect(ready.json().readiness).toMatchObject({
      ready: true,
      pending: 0,
      blockers: [],
      windowState: 'closed',
    });
    // One upheld earlier in this file, and the race's decision when upheld won it.
    expect(ready.json().readiness.counts.upheld).toBe(raceWinner === 'upheld' ? 2 : 1);
    expect(ready.json().finalists.map((f: { code: string }) => f.code)).toEqual(
      [finalist.a.code, finalist.c.code].sort(),
    );
    suite.ctx.clock.freeze(NOW);
  });
});
