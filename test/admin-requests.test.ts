import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUser, sessionCookie, countRows } from './helpers/fixtures.js';
import { recipientText, REDACTED_ID } from './helpers/mail.js';
import { minimalPdf, multipartForm, PNG } from './helpers/multipart.js';

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** A multipart/form-data body: text fields, then the letter (as a browser sends the form). */
const form = (fields: Record<string, string>, letter?: { name: string; content: Buffer; type?: string }) =>
  multipartForm(fields, letter ? [{ field: 'letter', type: 'application/pdf', ...letter }] : []);

describe('admin lokal account requests', () => {
  let ctx: TestContext;
  let institution: { id: number; name: string };
  const cookies: Record<string, string> = {};
  const reviewerEmails: string[] = [];
  let reviewerIds: number[] = [];
  let ipCounter = 0;

  beforeAll(async () => {
    ctx = await createTestApp();
    institution = await makeInstitution(ctx.db, {
      type: 'pemerintah_kabupaten',
      name: 'Pemerintah Kabupaten Tangerang',
    });
    const national = await makeInstitution(ctx.db, { type: 'kementerian', name: 'Kementerian PANRB' });
    const province = await makeInstitution(ctx.db, { type: 'pemerintah_provinsi', name: 'Provinsi Uji' });
    // The reviewers: the national secretariat holding the data steward grant too (as in KIPP), another
    // data steward, and the system administrator. A secretariat as such reviews nothing.
    const s1 = await makeUser(ctx.db, {
      role: 'secretariat',
      institutionId: national.id,
      email: 'sekre1@menpan.go.id',
    });
    await ctx.db
      .insertInto('role_grants')
      .values({
        user_id: s1.id,
        role: 'data_steward',
        institution_id: null,
        unit_id: null,
        competition_id: null,
        granted_by: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const s2 = await makeUser(ctx.db, { role: 'data_steward', email: 'sekre2@menpan.go.id' });
    await ctx.db.updateTable('users').set({ locale: 'en' }).where('id', '=', s2.id).execute();
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: institution.id });
    const admin = await makeUser(ctx.db, { role: 'system_admin', email: 'admin@sinovik.go.id' });
    const organizer = await makeUser(ctx.db, {
      role: 'secretariat',
      institutionId: province.id,
      email: 'sekretariat@provinsi-uji.go.id',
    });
    reviewerEmails.push(s1.email, s2.email, admin.email);
    reviewerIds = [s1.id, s2.id, admin.id];
    cookies.reviewer = await sessionCookie(ctx, s1.id);
    cookies.upp = await sessionCookie(ctx, upp.id);
    cookies.admin = await sessionCookie(ctx, admin.id);
    cookies.organizer = await sessionCookie(ctx, organizer.id);
  });
  afterAll(async () => ctx.close());

  const fields = (over: Record<string, string> = {}) => ({
    institutionId: String(institution.id),
    name: 'Siti Rahmawati',
    position: 'Kepala Bagian Organisasi',
    email: 'siti@tangerangkab.go.id',
    phone: '081234567890',
    letterNumber: '800/123/Org',
    locale: 'id',
    ...over,
  });
  /** Each submission from its own address unless one is given, so the hourly limit only bites where tested. */
  const submit = (
    body: ReturnType<typeof form>,
    ip = `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`,
  ) => ctx.app.inject({ method: 'POST', url: '/api/admin-requests', remoteAddress: ip, ...body });
  const as = (who: string | null) => (who ? { cookie: cookies[who] } : {});
  /** The newest request of an address (the answer carries no id: it is the same for every address). */
  const idOf = async (email: string) =>
    (
      await ctx.db
        .selectFrom('admin_requests')
        .select('id')
        .where('email', '=', email)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
  const count = (table: 'admin_requests' | 'files') => countRows(ctx.db, table);

  it('runs the whole flow: request with a PDF letter → list → letter → approve → account and link', async () => {
    const pdf = minimalPdf();
    const res = await submit(form(fields(), { name: 'surat permohonan.pdf', content: pdf }));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'received' });
    const id = await idOf('siti@tangerangkab.go.id');

    const row = await ctx.db
      .selectFrom('admin_requests')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      institution_id: institution.id,
      name: 'Siti Rahmawati',
      email: 'siti@tangerangkab.go.id',
      phone: '+6281234567890',
      letter_number: '800/123/Org',
      status: 'pending',
      locale: 'id',
    });
    const file = await ctx.db
      .selectFrom('files')
      .selectAll()
      .where('id', '=', row.letter_file_id)
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({
      sha256: sha256(pdf),
      size: pdf.length,
      mime: 'application/pdf',
      original_name: 'surat permohonan.pdf',
    });

    const mails = await ctx.db.selectFrom('outbox').selectAll().orderBy('id').execute();
    expect(mails.map((m) => [m.template, m.to_address, m.locale])).toEqual([
      ['admin_request_received', 'siti@tangerangkab.go.id', 'id'],
      ['admin_request_new', reviewerEmails[0], 'id'],
      ['admin_request_new', reviewerEmails[1], 'en'],
      ['admin_request_new', reviewerEmails[2], 'id'],
    ]);
    expect(mails[0].subject).toBe(
      'Permohonan akun Admin Lokal Pemerintah Kabupaten Tangerang telah diterima',
    );
    expect(mails[1].text_body).toContain(`${ctx.config.baseUrl}/sekretariat/permohonan-admin/${id}`);
    const notices = await ctx.db.selectFrom('notifications').selectAll().orderBy('user_id').execute();
    expect(notices.map((n) => [n.user_id, n.kind, n.link])).toEqual(
      reviewerIds.map((u) => [u, 'admin_request_new', `/sekretariat/permohonan-admin/${id}`]),
    );

    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/admin-requests?status=pending',
      headers: as('reviewer'),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    expect(list.json().items[0]).toMatchObject({
      id,
      institution: { id: institution.id, name: 'Pemerintah Kabupaten Tangerang' },
      name: 'Siti Rahmawati',
      position: 'Kepala Bagian Organisasi',
      email: 'siti@tangerangkab.go.id',
      phone: '+6281234567890',
      letter: { fileId: file.id, size: pdf.length, sha256: sha256(pdf) },
      status: 'pending',
      reason: null,
      decidedAt: null,
      decidedBy: null,
      existingAdmins: 0,
      abilities: { approve: true, reject: true },
    });

    const letter = await ctx.app.inject({
      method: 'GET',
      url: `/api/admin-requests/${id}/letter`,
      headers: as('reviewer'),
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.headers['content-disposition']).toBe(
      `inline; filename="surat-permohonan-admin-lokal-${id}.pdf"`,
    );
    expect(sha256(letter.rawPayload)).toBe(sha256(pdf));

    const approved = await ctx.app.inject({
      method: 'POST',
      url: `/api/admin-requests/${id}/approve`,
      headers: as('reviewer'),
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decidedBy: { id: reviewerIds[0] },
      existingAdmins: 1,
      abilities: { approve: false, reject: false },
    });

    const user = await ctx.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'siti@tangerangkab.go.id')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      name: 'Siti Rahmawati',
      position: 'Kepala Bagian Organisasi',
      phone: '+6281234567890',
      must_complete_profile: 1,
      password_hash: null,
      is_active: 1,
    });
    expect(approved.json().createdUserId).toBe(user.id);
    const grants = await ctx.db
      .selectFrom('role_grants')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(grants.map((g) => [g.role, g.institution_id, g.granted_by])).toEqual([
      ['local_admin', institution.id, reviewerIds[0]],
    ]);
    const tokens = await ctx.db
      .selectFrom('password_tokens')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(tokens.map((t) => [t.purpose, t.used_at])).toEqual([['set_password', null]]);

    const approval = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('template', '=', 'admin_request_approved')
      .executeTakeFirstOrThrow();
    expect(approval.to_address).toBe('siti@tangerangkab.go.id');
    expect(approval.text_body).not.toContain('token=');
    expect(approval.text_body).toContain(REDACTED_ID);
    expect(await recipientText(ctx.db, approval.id)).toContain(`${ctx.config.baseUrl}/atur-sandi?token=`);
    expect(approval.text_body).toMatch(/berlaku sampai \d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB/);

    const audit = await ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_type', '=', 'admin_request')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([
      ['admin_request.submitted', null],
      ['admin_request.approved', reviewerIds[0]],
    ]);
    expect(JSON.parse(audit[1].summary)).toMatchObject({ createdUserId: user.id, role: 'local_admin' });

    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/admin-requests/${id}/approve`,
      headers: as('reviewer'),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('request_already_decided');
    const rejectLate = await ctx.app.inject({
      method: 'POST',
      url: `/api/admin-requests/${id}/reject`,
      headers: as('reviewer'),
      payload: { reason: 'Surat tidak ditandatangani pejabat.' },
    });
    expect(rejectLate.statusCode).toBe(409);
  });

  it('tells the reviewer the institution already has an admin lokal, but accepts a second one', async () => {
    const res = await submit(
      form(fields({ email: 'budi@tangerangkab.go.id', name: 'Budi Santoso' }), {
        name: 'surat.pdf',
        content: minimalPdf('2'),
      }),
    );
    expect(res.statusCode).toBe(202);
    const one = await ctx.app.inject({
      method: 'GET',
      url: `/api/admin-requests/${await idOf('budi@tangerangkab.go.id')}`,
      headers: as('reviewer'),
    });
    expect(one.json()).toMatchObject({ status: 'pending', existingAdmins: 1 });
  });

  it('refuses a PNG renamed .pdf with 415 and stores no request', async () => {
    const before = await count('admin_requests');
    const res = await submit(form(fields({ email: 'png@uji.go.id' }), { name: 'surat.pdf', content: PNG }));
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_file_type');
    expect(await count('admin_requests')).toBe(before);
  });

  it('refuses a letter over 5 MB with 413 and stores no request', async () => {
    const before = [await count('admin_requests'), await count('files')];
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(5 * 1024 * 1024, 0x20)]);
    const res = await submit(form(fields({ email: 'besar@uji.go.id' }), { name: 'surat.pdf', content: big }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('file_too_large');
    expect(res.json().error.fields.letter.code).toBe('file_too_large');
    expect([await count('admin_requests'), await count('files')]).toEqual(before);
  });

  it('answers missing fields with a problem for each field, the letter included', async () => {
    const res = await submit(form({ locale: 'id' }));
    expect(res.statusCode).toBe(400);
    const problems = res.json().error.fields;
    expect(Object.keys(problems).sort()).toEqual([
      'email',
      'institutionId',
      'letter',
      'name',
      'phone',
      'position',
    ]);
    expect(Object.values(problems).map((p) => (p as { code: string }).code)).toEqual(
      Array(6).fill('required'),
    );
    expect(problems.name.message).toEqual({ id: 'Nama wajib diisi.', en: 'Name is required.' });

    const wrong = await submit(
      form(fields({ email: 'bukan-email', phone: '12-34', locale: 'fr' }), {
        name: 'surat.pdf',
        content: minimalPdf(),
      }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toMatchObject({
      email: { code: 'invalid_email' },
      phone: { code: 'invalid_format' },
      locale: { code: 'invalid_choice' },
    });
  });

  it('refuses an unknown institution; a registered e-mail or a second request are not recorded', async () => {
    const pdf = () => ({ name: 'surat.pdf', content: minimalPdf() });
    const unknown = await submit(form(fields({ institutionId: '999999', email: 'x@uji.go.id' }), pdf()));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.institutionId.code).toBe('unknown_institution');

    const before = await count('admin_requests');
    const taken = await submit(form(fields({ email: reviewerEmails[0].toUpperCase() }), pdf()));
    expect(taken.statusCode).toBe(202);
    const pending = await submit(form(fields({ email: ' Budi@TangerangKab.go.id ' }), pdf()));
    expect(pending.statusCode).toBe(202);
    expect(await count('admin_requests')).toBe(before);
  });

  it('requires multipart/form-data', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/admin-requests',
      remoteAddress: '10.9.9.9',
      payload: fields(),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('multipart_required');
  });

  it('rejects only with a reason of 10 to 1000 characters, and only once', async () => {
    const res = await submit(
      form(fields({ email: 'tolak@uji.go.id', locale: 'en' }), { name: 'a.pdf', content: minimalPdf('3') }),
    );
    expect(res.statusCode).toBe(202);
    const id = await idOf('tolak@uji.go.id');
    const reject = (payload: unknown) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/admin-requests/${id}/reject`,
        headers: as('reviewer'),
        payload: payload as Record<string, unknown>,
      });
    const missing = await reject({});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.reason.code).toBe('required');
    const short = await reject({ reason: 'tidak    ' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.reason.message.en).toBe('Write a reason of at least 10 characters.');

    const ok = await reject({ reason: 'Surat belum ditandatangani pejabat yang berwenang.' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'rejected',
      reason: 'Surat belum ditandatangani pejabat yang berwenang.',
    });
    const mail = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('template', '=', 'admin_request_rejected')
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ to_address: 'tolak@uji.go.id', locale: 'en' });
    expect(mail.text_body).toContain('Surat belum ditandatangani pejabat yang berwenang.');
    const audit = await ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', String(id))
      .where('entity_type', '=', 'admin_request')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['admin_request.submitted', 'admin_request.rejected']);

    const twice = await reject({ reason: 'Alasan yang lain sekali lagi.' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('request_already_decided');
    const user = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'tolak@uji.go.id')
      .execute();
    expect(user).toEqual([]);

    const filtered = await ctx.app.inject({
      method: 'GET',
      url: '/api/admin-requests?status=rejected',
      headers: as('reviewer'),
    });
    expect(filtered.json().items.map((i: { id: number }) => i.id)).toEqual([id]);
  });

  it('rolls an approval back when the e-mail was registered in the meantime', async () => {
    const res = await submit(
      form(fields({ email: 'kemudian@uji.go.id' }), { name: 'a.pdf', content: minimalPdf('4') }),
    );
    expect(res.statusCode).toBe(202);
    const id = await idOf('kemudian@uji.go.id');
    await makeUser(ctx.db, { role: 'upp', institutionId: institution.id, email: 'kemudian@uji.go.id' });
    const approve = await ctx.app.inject({
      method: 'POST',
      url: `/api/admin-requests/${id}/approve`,
      headers: as('admin'),
    });
    expect(approve.statusCode).toBe(409);
    expect(approve.json().error.code).toBe('email_taken');
    const row = await ctx.db
      .selectFrom('admin_requests')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'pending',
      decided_by: null,
      decided_at: null,
      created_user_id: null,
    });
  });

  it('lets only reviewers list, read, download, approve and reject', async () => {
    const first = (
      await ctx.app.inject({ method: 'GET', url: '/api/admin-requests', headers: as('reviewer') })
    ).json().items[0].id;
    for (const [method, url] of [
      ['GET', '/api/admin-requests'],
      ['GET', `/api/admin-requests/${first}`],
      ['GET', `/api/admin-requests/${first}/letter`],
      ['POST', `/api/admin-requests/${first}/approve`],
    ] as const) {
      const anonymous = await ctx.app.inject({ method, url });
      expect(anonymous.statusCode, `${method} ${url} anonymous`).toBe(401);
      for (const who of ['upp', 'organizer']) {
        const refused = await ctx.app.inject({ method, url, headers: as(who) });
        expect(refused.statusCode, `${method} ${url} ${who}`).toBe(403);
        expect(refused.json().error.code).toBe('forbidden.missingRole');
      }
    }
    const missing = await ctx.app.inject({
      method: 'GET',
      url: '/api/admin-requests/999999',
      headers: as('admin'),
    });
    expect(missing.statusCode).toBe(404);
  });

  it("lets the requester check a request by the receipt's number and their e-mail, and nobody else", async () => {
    const res = await submit(
      form(fields({ email: 'status@uji.go.id', locale: 'id' }), { name: 'a.pdf', content: minimalPdf('7') }),
    );
    expect(res.statusCode).toBe(202);
    const id = await idOf('status@uji.go.id');
    // The receipt carries the number and the link to the status page.
    const receipt = await ctx.db
      .selectFrom('outbox')
      .select('text_body')
      .where('template', '=', 'admin_request_received')
      .where('to_address', '=', 'status@uji.go.id')
      .executeTakeFirstOrThrow();
    expect(receipt.text_body).toContain(`nomor permohonan ${id}`);
    expect(receipt.text_body).toContain(`/permohonan-admin-lokal/status?nomor=${id}`);

    let n = 0;
    const check = (payload: Record<string, unknown>) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/admin-requests/status',
        payload,
        remoteAddress: `198.51.100.${++n}`,
      });
    const pending = await check({ number: String(id), email: ' STATUS@uji.go.id ' });
    expect(pending.statusCode).toBe(200);
    expect(pending.json()).toEqual({
      number: id,
      institution: institution.name,
      status: 'pending',
      submittedAt: expect.any(String),
      decidedAt: null,
      reason: null,
    });

    // Another address, or another number, answers exactly as an unknown number does.
    const otherMail = await check({ number: id, email: 'siti@tangerangkab.go.id' });
    const unknown = await check({ number: 999999, email: 'status@uji.go.id' });
    for (const r of [otherMail, unknown]) {
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('request_not_found');
      expect(r.json().error.message.id).toContain('Tidak ada permohonan dengan nomor dan e-mail itu');
    }
    expect(otherMail.body).toBe(unknown.body);

    const bad = await check({ number: 'abc', email: 'bukan-email' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['email', 'number']);

    await ctx.app.inject({
      method: 'POST',
      url: `/api/admin-requests/${id}/reject`,
      headers: as('reviewer'),
      payload: { reason: 'Surat permohonan belum bercap dinas.' },
    });
    const rejected = await check({ number: id, email: 'status@uji.go.id' });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      reason: 'Surat permohonan belum bercap dinas.',
      decidedAt: expect.any(String),
    });
    // Never the letter, the IP, the phone or who decided.
    expect(Object.keys(rejected.json()).sort()).toEqual([
      'decidedAt',
      'institution',
      'number',
      'reason',
      'status',
      'submittedAt',
    ]);
  });

  it('slows guessing: at most 10 status checks per address in 15 minutes', async () => {
    const ask = () =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/admin-requests/status',
        payload: { number: 1, email: 'tebak@uji.go.id' },
        remoteAddress: '192.0.2.90',
      });
    for (let i = 0; i < 10; i++) expect((await ask()).statusCode).toBe(404);
    const limited = await ask();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
  });

  it('accepts at most 10 requests per address per hour', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < 10; i++) expect((await submit(form({ locale: 'id' }), ip)).statusCode).toBe(400);
    const limited = await submit(form({ locale: 'id' }), ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect((await submit(form({ locale: 'id' }), '192.0.2.78')).statusCode).toBe(400);
  });
});
