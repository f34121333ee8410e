import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import {
  lastAudit,
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
} from './helpers/fixtures.js';
import { minimalPdf, multipartForm } from './helpers/multipart.js';
import { requestCompletionDirect } from './helpers/selection.js';

/*
 * Evidence in a completion (issue 12 point 1): when the secretariat's completion request names a
 * section's evidence, the admin lokal uploads or replaces the files of THAT section only, before the
 * deadline, with the editor's own limits and type checks; the secretariat reads the new file on the
 * proposal at the next check. Anything else is refused before a byte is stored.
 */

const NOW = new Date('2026-04-01T03:00:00.000Z');
/** After the KIPP 2026 template's closing (2 May 2026 23:59 WIB). */
const AFTER_CLOSING = new Date('2026-05-03T02:00:00.000Z');

describe('evidence in a completion', () => {
  let ctx: TestContext;
  let proposalId: number;
  let oldAttachmentId: number;
  const u: Record<string, { id: number }> = {};
  const cookieOf = (who: { id: number }) => sessionCookie(ctx, who.id);

  const upload = async (
    who: { id: number },
    fields: Record<string, string>,
    opts: { attachmentId?: number; name?: string; content?: Buffer; type?: string } = {},
  ) => {
    const form = multipartForm(fields, [
      {
        field: 'file',
        name: opts.name ?? 'bukti-baru.pdf',
        content: opts.content ?? minimalPdf('Bukti kelengkapan'),
        type: opts.type ?? 'application/pdf',
      },
    ]);
    return ctx.app.inject({
      method: opts.attachmentId ? 'PUT' : 'POST',
      url: `/api/proposals/${proposalId}/completion/attachments${opts.attachmentId ? `/${opts.attachmentId}` : ''}`,
      headers: { cookie: await cookieOf(who), ...form.headers },
      payload: form.payload,
    });
  };
  const attachments = () =>
    ctx.db
      .selectFrom('proposal_attachments as a')
      .innerJoin('files as f', 'f.id', 'a.file_id')
      .leftJoin('form_sections as s', 's.id', 'a.section_id')
      .select(['a.id', 'f.original_name as name', 's.key as sectionKey'])
      .where('a.proposal_id', '=', proposalId)
      .orderBy('a.id')
      .execute();
  const fileCount = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('files')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian PANRB Kelengkapan', now: NOW });
    u.sec = kipp.secretariat;
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Kelengkapan' });
    const other = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Lain Kelengkapan' });
    const unit = await makeUnit(ctx.db, inst.id);
    u.upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    u.admin = await makeUser(ctx.db, { role: 'local_admin', institutionId: inst.id });
    u.otherAdmin = await makeUser(ctx.db, { role: 'local_admin', institutionId: other.id });
    const created = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${kipp.competitionId}/proposals`,
      headers: { cookie: await cookieOf(u.upp) },
      payload: { groupKey: 'umum', title: 'Layanan Kelengkapan Bukti' },
    });
    expect(created.statusCode, created.body).toBe(201);
    proposalId = created.json().id;
    // The proposer's own evidence of "kebaruan", uploaded while drafting.
    const form = multipartForm({ kind: 'evidence', sectionKey: 'kebaruan' }, [
      { field: 'file', name: 'bukti-lama.pdf', content: minimalPdf('Bukti lama'), type: 'application/pdf' },
    ]);
    const first = await ctx.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposalId}/attachments`,
      headers: { cookie: await cookieOf(u.upp), ...form.headers },
      payload: form.payload,
    });
    expect(first.statusCode, first.body).toBe(201);
    oldAttachmentId = first.json().id;
    ctx.clock.freeze(AFTER_CLOSING);
    await requestCompletionDirect(ctx.db, {
      competitionId: kipp.competitionId,
      proposalId,
      requestedBy: u.sec.id,
      deadline: new Date(AFTER_CLOSING.getTime() + 3 * 86400_000),
      items: ['evidence:kebaruan', 'section:ringkasan'],
    });
  });
  afterAll(() => ctx.close());

  it('refuses evidence of a section the request does not name, before storing anything', async () => {
    const before = await fileCount();
    const res = await upload(u.admin, { kind: 'evidence', sectionKey: 'ringkasan' });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.code).toBe('not_requested');
    expect(Object.keys(res.json().error.fields)).toEqual(['sectionKey']);
    expect(res.json().error.fields.sectionKey.message.id).toMatch(/tidak diminta/);
    // The file tied to no section is not named either ('evidence:*').
    const whole = await upload(u.admin, { kind: 'evidence' });
    expect(whole.statusCode).toBe(403);
    expect(await fileCount()).toBe(before);
    expect((await attachments()).map((a) => a.name)).toEqual(['bukti-lama.pdf']);
  });

  it('the admin lokal adds evidence to the named section, with the editor type checks', async () => {
    const wrong = await upload(
      u.admin,
      { kind: 'evidence', sectionKey: 'kebaruan' },
      { name: 'catatan.txt', content: Buffer.from('bukan pdf'), type: 'text/plain' },
    );
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().error.code).toBe('unsupported_file_type');
    const res = await upload(u.admin, { kind: 'evidence', sectionKey: 'kebaruan' });
    expect(res.statusCode, res.body).toBe(201);
    expect(await attachments()).toMatchObject([
      { name: 'bukti-lama.pdf', sectionKey: 'kebaruan' },
      { name: 'bukti-baru.pdf', sectionKey: 'kebaruan' },
    ]);
    expect(await lastAudit(ctx.db)).toMatchObject({
      action: 'proposal.attachment_added',
      actor_user_id: u.admin!.id,
    });
  });

  it('replaces a file of the named section, never moving it to another section', async () => {
    const moved = await upload(
      u.admin,
      { sectionKey: 'ringkasan' },
      { attachmentId: oldAttachmentId, name: 'pindah.pdf' },
    );
    expect(moved.statusCode).toBe(403);
    expect(moved.json().error.code).toBe('not_requested');
    const res = await upload(u.admin, {}, { attachmentId: oldAttachmentId, name: 'bukti-terbaca.pdf' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await attachments()).map((a) => a.name)).toEqual(['bukti-terbaca.pdf', 'bukti-baru.pdf']);
  });

  it('is the admin lokal work: the UPP 403, another institution 404, the proposal editor route still closed', async () => {
    expect((await upload(u.upp, { kind: 'evidence', sectionKey: 'kebaruan' })).statusCode).toBe(403);
    expect((await upload(u.otherAdmin, { kind: 'evidence', sectionKey: 'kebaruan' })).statusCode).toBe(404);
    const form = multipartForm({ kind: 'evidence', sectionKey: 'kebaruan' }, [
      { field: 'file', name: 'x.pdf', content: minimalPdf('x'), type: 'application/pdf' },
    ]);
    const editor = await ctx.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposalId}/attachments`,
      headers: { cookie: await cookieOf(u.admin), ...form.headers },
      payload: form.payload,
    });
    // The editor's own upload stays the proposer's (UPP) while drafting: the admin lokal is refused there.
    expect(editor.statusCode, editor.body).toBe(403);
    // …and the proposer's editor upload is closed for an incomplete proposal after the closing.
    const own = await ctx.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposalId}/attachments`,
      headers: { cookie: await cookieOf(u.upp), ...form.headers },
      payload: form.payload,
    });
    expect(own.statusCode).toBe(409);
  });

  it('the secretariat sees the new file on the proposal at the next check', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposalId}/completion/submit`,
      headers: { cookie: await cookieOf(u.admin) },
    });
    expect(res.statusCode, res.body).toBe(200);
    const seen = await ctx.app.inject({
      method: 'GET',
      url: `/api/proposals/${proposalId}`,
      headers: { cookie: await cookieOf(u.sec) },
    });
    expect(seen.statusCode).toBe(200);
    const names = (seen.json().attachments as { name: string }[]).map((a) => a.name).sort();
    expect(names).toEqual(['bukti-baru.pdf', 'bukti-terbaca.pdf']);
  });

  it('after the deadline nothing more is taken', async () => {
    // Sent already; the same refusal a closed completion gives.
    const res = await upload(u.admin, { kind: 'evidence', sectionKey: 'kebaruan' });
    expect(res.statusCode).toBe(409);
  });
});
