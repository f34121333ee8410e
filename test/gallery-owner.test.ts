import { beforeAll, describe, expect, it } from 'vitest';
import {
  GALLERY_STATUS_PROMPT_KIND,
  galleryStatusPromptJob,
} from '../src/modules/gallery/owner/status-prompt.js';
import { runDueJobs } from '../src/platform/jobs.js';
import { appWithSmtpCapture } from './helpers/app.js';
import { makeUser, sessionCookie } from './helpers/fixtures.js';
import { publishedGalleryWorld, type GalleryWorld } from './helpers/gallery.js';
import { addEvidenceFile } from './helpers/evidence-file.js';

/*
 * The owner's side of the gallery (issue 14 points 1 and 4) on a real database (SQLite; PostgreSQL with
 * DATABASE_URL) and a real SMTP capture: consent honoured everywhere (list, search, entry, facets, open
 * data, statistics), a
 * finalist that cannot be withdrawn, the contact for replication, evidence public or private (the public
 * download serves only public files of public entries), the yearly confirmation and its prompt mail
 * (once per year per institution, the unconfirmed flagged after it), and the other institution's 403s.
 */

describe('the owner of an innovation in the gallery', () => {
  const suite = appWithSmtpCapture();
  const s = {} as GalleryWorld & {
    X: number;
    Y: number;
    adminX: { id: number; email: string };
    adminY: { id: number; email: string };
    cookieX: string;
    cookieY: string;
    upp: string;
    fileA: number;
    fileB: number;
  };
  const get = (url: string) => suite.ctx.app.inject({ method: 'GET', url });
  const as = (cookie: string, method: 'POST' | 'PUT' | 'DELETE' | 'GET', url: string, payload?: object) =>
    suite.ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const list = async (query: Record<string, string> = {}) => {
    const res = await get(
      `/api/public/gallery?${new URLSearchParams({ pageSize: '50', ...query }).toString()}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { slug: string; title: string; status: string }[]; total: number };
  };
  const facetsYearCount = async () => {
    const res = await get('/api/public/gallery/facets');
    expect(res.statusCode).toBe(200);
    return (res.json() as { years: { year: number; count: number }[] }).years.find((y) => y.year === 2026)
      ?.count;
  };
  /** The open data (CSV and JSON) and the statistics: the private proposal's title in them, and the total. */
  const exported = async () => {
    const csv = await get('/api/public/gallery/data.csv');
    const json = await get('/api/public/gallery/data.json');
    const stats = await get('/api/public/gallery/stats');
    expect([csv.statusCode, json.statusCode, stats.statusCode]).toEqual([200, 200, 200]);
    const titles = (json.json() as { items: { title: string }[] }).items.map((i) => i.title);
    return {
      inCsv: csv.body.includes(s.privateOne.title),
      inJson: titles.includes(s.privateOne.title),
      total: (stats.json() as { total: number }).total,
    };
  };
  beforeAll(async () => {
    Object.assign(s, await publishedGalleryWorld(suite));
    const { db } = suite.ctx;
    const inst = async (id: number) =>
      await db
        .selectFrom('proposals')
        .select(['institution_id', 'unit_id', 'created_by'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const x = await inst(s.privateOne.id);
    s.X = x.institution_id;
    s.Y = (await inst(s.f.puskesmas.id)).institution_id;
    const ax = await makeUser(db, {
      role: 'local_admin',
      institutionId: s.X,
      email: 'adminlokal@tangerang.go.id',
    });
    // A second admin lokal of X: the yearly prompt mails each of them.
    await makeUser(db, {
      role: 'local_admin',
      institutionId: s.X,
      email: 'adminlokal2@tangerang.go.id',
    });
    const ay = await makeUser(db, {
      role: 'local_admin',
      institutionId: s.Y,
      email: 'adminlokal@bandung.go.id',
    });
    s.adminX = { id: ax.id, email: 'adminlokal@tangerang.go.id' };
    s.adminY = { id: ay.id, email: 'adminlokal@bandung.go.id' };
    s.cookieX = await sessionCookie(suite.ctx, ax.id);
    s.cookieY = await sessionCookie(suite.ctx, ay.id);
    s.upp = await sessionCookie(suite.ctx, x.created_by);
    s.fileA = await addEvidenceFile(suite.ctx, s.privateOne.id, 'Foto layanan keliling');
    s.fileB = await addEvidenceFile(suite.ctx, s.privateOne.id, 'SK Bupati rahasia');
  });

  it('consent honoured everywhere: absent without consent, present after it, gone again after withdrawal', async () => {
    const absent = async () => {
      expect((await list()).items.map((i) => i.title)).not.toContain(s.privateOne.title);
      expect((await list({ q: 'rahasia' })).items.map((i) => i.title)).toEqual([]);
      expect(await facetsYearCount()).toBe(4);
      expect(await exported()).toEqual({ inCsv: false, inJson: false, total: 4 });
    };
    await absent();
    const page = await as(s.cookieX, 'GET', '/api/gallery-owner');
    expect(page.statusCode, page.body).toBe(200);
    const mine = (
      page.json() as {
        items: {
          proposalId: number;
          basis: string | null;
          abilities: { consent: boolean; withdraw: boolean };
        }[];
      }
    ).items;
    expect(mine.find((i) => i.proposalId === s.privateOne.id)).toMatchObject({
      basis: null,
      abilities: { consent: true, withdraw: false },
    });
    expect(mine.find((i) => i.proposalId === s.f.dukcapil.id)).toMatchObject({
      basis: 'finalist',
      abilities: { consent: false, withdraw: false },
    });

    const given = await as(s.cookieX, 'POST', `/api/gallery-owner/proposals/${s.privateOne.id}/consent`);
    expect(given.statusCode, given.body).toBe(200);
    const entrySlug = (given.json() as { slug: string }).slug;
    expect((await list()).items.find((i) => i.slug === entrySlug)).toMatchObject({
      title: s.privateOne.title,
      status: 'continuing',
    });
    expect((await list({ q: 'rahasia' })).items.map((i) => i.title)).toEqual([s.privateOne.title]);
    expect(await facetsYearCount()).toBe(5);
    expect(await exported()).toEqual({ inCsv: true, inJson: true, total: 5 });
    const entry = await get(`/api/public/gallery/${entrySlug}`);
    expect(entry.statusCode).toBe(200);
    expect(entry.json()).toMatchObject({
      basis: 'consented',
      title: s.privateOne.title,
      contact: null,
      evidence: [],
    });
    const audit = await suite.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id'])
      .where('entity_id', '=', String(s.privateOne.id))
      .where('action', 'like', 'gallery.%')
      .execute();
    expect(audit).toEqual([{ action: 'gallery.consent_given', actor_user_id: s.adminX.id }]);
    // The unit's UPP is told.
    await suite.ctx.deliverMail();
    const told = await suite.smtp.waitFor((m) => m.subject.includes('kini tampil di galeri publik'));
    expect(told.text).toContain(`/galeri/${entrySlug}`);

    const withdrawn = await as(
      s.cookieX,
      'DELETE',
      `/api/gallery-owner/proposals/${s.privateOne.id}/consent`,
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    await absent();
    expect((await get(`/api/public/gallery/${entrySlug}`)).statusCode).toBe(404);
    // Withdrawn twice: nothing to withdraw.
    const again = await as(s.cookieX, 'DELETE', `/api/gallery-owner/proposals/${s.privateOne.id}/consent`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('gallery_not_consented');
    // Consented again for the rest of the tests.
    expect(
      (await as(s.cookieX, 'POST', `/api/gallery-owner/proposals/${s.privateOne.id}/consent`)).json(),
    ).toEqual({ slug: entrySlug });
  });

  it('a finalist is public by the competition’s rules: no consent to give or withdraw', async () => {
    for (const method of ['POST', 'DELETE'] as const) {
      const res = await as(s.cookieX, method, `/api/gallery-owner/proposals/${s.f.dukcapil.id}/consent`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('gallery_finalist_public');
      expect(res.json().error.message.id).toMatch(/finalis: tampil di galeri menurut ketentuan kompetisi/);
    }
    expect((await list()).items.map((i) => i.title)).toContain(s.f.dukcapil.title);
  });

  it('a proposal of an unpublished competition or a withdrawn one cannot be consented', async () => {
    const { db } = suite.ctx;
    await db.updateTable('proposals').set({ state: 'received' }).where('id', '=', s.unpublished.id).execute();
    const res = await as(s.cookieX, 'POST', `/api/gallery-owner/proposals/${s.unpublished.id}/consent`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('results_not_published');
  });

  it('the contact for replication: field errors in both languages, then shown on the public entry', async () => {
    const url = `/api/gallery-owner/proposals/${s.privateOne.id}/contact`;
    const bad = await as(s.cookieX, 'PUT', url, { name: 'Ani', email: 'bukan-email', phone: '12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.email.code).toBe('invalid_email');
    expect(bad.json().error.fields.phone.message).toEqual({
      id: 'Tulis nomor telepon Indonesia, mis. 0812 3456 7890 atau (021) 739 8381.',
      en: 'Write an Indonesian phone number, e.g. 0812 3456 7890 or (021) 739 8381.',
    });
    const none = await as(s.cookieX, 'PUT', url, { name: 'Ani' });
    expect(none.json().error.fields.email.code).toBe('email_or_phone_required');
    const ok = await as(s.cookieX, 'PUT', url, {
      name: 'Ani Rahmawati',
      position: 'Kepala Bidang Pelayanan, Disdukcapil',
      email: 'Inovasi@Tangerangkab.go.id',
      phone: '0812 3456 7890',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const slug = (await list({ q: 'rahasia' })).items[0]!.slug;
    expect((await get(`/api/public/gallery/${slug}`)).json().contact).toEqual({
      name: 'Ani Rahmawati',
      position: 'Kepala Bidang Pelayanan, Disdukcapil',
      email: 'inovasi@tangerangkab.go.id',
      phone: '+6281234567890',
    });
  });

  it('evidence: only a file marked public of a public entry is listed and downloadable; private ones 404', async () => {
    const slug = (await list({ q: 'rahasia' })).items[0]!.slug;
    const file = (id: number) => get(`/api/public/gallery/${slug}/evidence/${id}`);
    expect((await file(s.fileA)).statusCode).toBe(404);
    const mark = await as(
      s.cookieX,
      'PUT',
      `/api/gallery-owner/proposals/${s.privateOne.id}/evidence/${s.fileA}`,
      { isPublic: true },
    );
    expect(mark.statusCode, mark.body).toBe(200);
    const entry = (await get(`/api/public/gallery/${slug}`)).json() as {
      evidence: { id: number; name: string; url: string }[];
    };
    expect(entry.evidence.map((e) => [e.id, e.name])).toEqual([[s.fileA, 'Foto layanan keliling.pdf']]);
    const dl = await get(entry.evidence[0]!.url);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The other file stays private; a public file under another entry's address is not served.
    expect((await file(s.fileB)).statusCode).toBe(404);
    const otherSlug = (await list({ q: 'Disdukcapil' })).items.find((i) => i.slug !== slug)!.slug;
    expect((await get(`/api/public/gallery/${otherSlug}/evidence/${s.fileA}`)).statusCode).toBe(404);
    // Marked private again: 404.
    await as(s.cookieX, 'PUT', `/api/gallery-owner/proposals/${s.privateOne.id}/evidence/${s.fileA}`, {
      isPublic: false,
    });
    expect((await file(s.fileA)).statusCode).toBe(404);
    await as(s.cookieX, 'PUT', `/api/gallery-owner/proposals/${s.privateOne.id}/evidence/${s.fileA}`, {
      isPublic: true,
    });
    // A file of a withdrawn entry is not served.
    await as(s.cookieX, 'DELETE', `/api/gallery-owner/proposals/${s.privateOne.id}/consent`);
    expect((await file(s.fileA)).statusCode).toBe(404);
    await as(s.cookieX, 'POST', `/api/gallery-owner/proposals/${s.privateOne.id}/consent`);
    expect((await file(s.fileA)).statusCode).toBe(200);
  });

  it('another institution’s admin lokal: 403 on consent, status, contact and evidence; a UPP too', async () => {
    const p = s.privateOne.id;
    const calls: [string, 'POST' | 'PUT' | 'DELETE', string, object?][] = [
      ['consent', 'POST', `/api/gallery-owner/proposals/${p}/consent`],
      ['withdraw', 'DELETE', `/api/gallery-owner/proposals/${p}/consent`],
      ['status', 'PUT', `/api/gallery-owner/proposals/${p}/status`, { status: 'halted', reason: 'Iseng' }],
      ['contact', 'PUT', `/api/gallery-owner/proposals/${p}/contact`, { email: 'x@y.go.id' }],
      ['evidence', 'PUT', `/api/gallery-owner/proposals/${p}/evidence/${s.fileB}`, { isPublic: true }],
    ];
    for (const [what, method, url, body] of calls) {
      const res = await as(s.cookieY, method, url, body);
      expect([what, res.statusCode, res.json().error.code]).toEqual([
        what,
        403,
        'forbidden.otherInstitution',
      ]);
      const upp = await as(s.upp, method, url, body);
      expect([what, upp.statusCode, upp.json().error.code]).toEqual([what, 403, 'forbidden.missingRole']);
    }
    expect((await as(s.cookieY, 'GET', `/api/gallery-owner?institutionId=${s.X}`)).statusCode).toBe(403);
    expect(await suite.ctx.db.selectFrom('gallery_status_confirmations').selectAll().execute()).toEqual([]);
  });

  it('the yearly prompt mails each institution’s admin lokal once a year; the unconfirmed are flagged after it', async () => {
    const { db, clock, config } = suite.ctx;
    const job = galleryStatusPromptJob({
      baseUrl: config.baseUrl,
      galleryStatusPrompt: config.galleryStatusPrompt,
    });
    const handlers = { [GALLERY_STATUS_PROMPT_KIND]: job.handler };
    const run = async () => {
      await job.ensure(db, clock);
      await runDueJobs(db, clock, handlers);
    };
    // Before 15 January 08.00 WIB: nothing is mailed, the innovations show continuing.
    clock.set(new Date('2027-01-15T00:59:00Z'));
    await run();
    expect(await db.selectFrom('gallery_status_prompts').selectAll().execute()).toEqual([]);
    expect(new Set((await list()).items.map((i) => i.status))).toEqual(new Set(['continuing']));

    // The first hourly check after the date mails.
    clock.set(new Date('2027-01-15T02:00:00Z'));
    await run();
    const prompts = await db
      .selectFrom('gallery_status_prompts')
      .select(['year', 'institution_id', 'innovations', 'mailed'])
      .orderBy('institution_id')
      .execute();
    expect(prompts).toEqual([
      { year: 2027, institution_id: s.X, innovations: 3, mailed: 2 },
      { year: 2027, institution_id: s.Y, innovations: 2, mailed: 1 },
    ]);
    clock.advance(2 * 3600_000);
    await run();
    clock.set(new Date('2027-06-01T00:00:00Z'));
    await run();
    expect(await db.selectFrom('gallery_status_prompts').selectAll().execute()).toHaveLength(2);
    const outbox = await db
      .selectFrom('outbox')
      .select(['to_address'])
      .where('template', '=', 'gallery_status_prompt')
      .orderBy('to_address')
      .execute();
    expect(outbox.map((o) => o.to_address)).toEqual([
      'adminlokal2@tangerang.go.id',
      'adminlokal@bandung.go.id',
      'adminlokal@tangerang.go.id',
    ]);
    await suite.ctx.deliverMail();
    const mail = await suite.smtp.waitFor(
      (m) => m.to.includes('adminlokal@tangerang.go.id') && m.subject.includes('Konfirmasi tahunan 2027'),
    );
    expect(mail.text).toContain(s.privateOne.title);
    expect(mail.text).toContain(s.f.dukcapil.title);
    expect(mail.text).not.toContain(s.f.puskesmas.title);
    expect(mail.text).toContain('/instansi/galeri');
    s.cookieX = await sessionCookie(suite.ctx, s.adminX.id);
    // After the prompt date: every unconfirmed one is flagged.
    expect(new Set((await list()).items.map((i) => i.status))).toEqual(new Set(['unconfirmed']));
  });

  it('confirms a halt with its reason (required) and a continuation; the public entry says so', async () => {
    const url = (id: number) => `/api/gallery-owner/proposals/${id}/status`;
    const noReason = await as(s.cookieX, 'PUT', url(s.f.dukcapil.id), { status: 'halted', reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.reason.code).toBe('reason_required');
    const halted = await as(s.cookieX, 'PUT', url(s.f.dukcapil.id), {
      status: 'halted',
      reason: 'Anggaran desa dialihkan.',
    });
    expect(halted.statusCode, halted.body).toBe(200);
    expect(halted.json()).toEqual({ year: 2027 });
    expect((await as(s.cookieX, 'PUT', url(s.f.sampah.id), { status: 'continuing' })).statusCode).toBe(200);
    const bySlug = Object.fromEntries((await list()).items.map((i) => [i.title, i]));
    expect(bySlug[s.f.dukcapil.title]!.status).toBe('halted');
    expect(bySlug[s.f.sampah.title]!.status).toBe('continuing');
    expect(bySlug[s.f.puskesmas.title]!.status).toBe('unconfirmed');
    expect((await get(`/api/public/gallery/${bySlug[s.f.dukcapil.title]!.slug}`)).json().status).toEqual({
      status: 'halted',
      year: 2027,
      confirmed: true,
      reason: 'Anggaran desa dialihkan.',
    });
    expect((await get(`/api/public/gallery/${bySlug[s.f.puskesmas.title]!.slug}`)).json().status).toEqual({
      status: 'unconfirmed',
      year: 2026,
      confirmed: false,
      reason: null,
    });
    // The page shows this year's confirmation.
    const page = (await as(s.cookieX, 'GET', '/api/gallery-owner')).json() as {
      year: number;
      items: { proposalId: number; thisYear: unknown }[];
    };
    expect(page.year).toBe(2027);
    expect(page.items.find((i) => i.proposalId === s.f.dukcapil.id)!.thisYear).toEqual({
      status: 'halted',
      reason: 'Anggaran desa dialihkan.',
    });
    // Not in the gallery: nothing to confirm.
    const notPublic = await as(s.cookieX, 'PUT', url(s.unpublished.id), { status: 'continuing' });
    expect(notPublic.statusCode).toBe(409);
    expect(notPublic.json().error.code).toBe('gallery_not_public');
  });
});
