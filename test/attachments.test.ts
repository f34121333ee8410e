import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '../src/contracts/attachments.js';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { createFromTemplate } from '../src/modules/competitions/commands/create-from-template.js';
import { setCompetitionStatus } from '../src/modules/competitions/commands/set-status.js';
import { samplePdf } from '../src/seed/sample-pdf.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, sessionCookie } from './helpers/fixtures.js';
import { blobBytes, blobKeys, hasBlob, tempFiles } from './helpers/stored-blobs.js';
import { blobKeyOf } from '../src/platform/storage.js';

/** Inside the KIPP 2026 template's submission window (15 March – 2 May 2026 23:59 WIB). */
const NOW = new Date('2026-04-01T03:00:00.000Z');
const AFTER_CLOSING = new Date('2026-05-02T17:00:00.000Z');
const MIB = 1024 * 1024;

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

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** The start of a JFIF JPEG (what file-type reads), then filler. */
const JPG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00]),
  Buffer.alloc(200, 0x11),
  Buffer.from([0xff, 0xd9]),
]);
/** A DOS/Windows executable header. */
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(62, 0),
  Buffer.from('PE\0\0'),
  Buffer.alloc(200, 0),
]);

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
/** A PDF of exactly `size` bytes (a valid PDF followed by spaces), distinct per `note`. */
const pdfOf = (size: number, note: string) => {
  const head = samplePdf(note);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, Math.round(size) - head.length), 0x20)]);
};

interface FilePart {
  name: string;
  content: Buffer;
  type?: string;
  field?: string;
}

/** A multipart/form-data body: text fields first, then the file (as the web app sends it). */
function multipart(fields: Record<string, string>, file?: FilePart, after: Record<string, string> = {}) {
  const boundary = `----sinovik${crypto.randomBytes(8).toString('hex')}`;
  const text = (k: string, v: string) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => text(k, v));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"; filename*=UTF-8''${encodeURIComponent(file.name)}\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  for (const [k, v] of Object.entries(after)) parts.push(text(k, v));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('proposal evidence: uploads, limits, replace/delete, downloads, scope', () => {
  let ctx: TestContext;
  let competitionId: number;
  const cookie: Record<string, string> = {};
  const users: Record<string, { id: number }> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const organizer = await makeInstitution(ctx.db, { type: 'kementerian', name: 'Kementerian PANRB Bukti' });
    const secretariat = await makeUser(ctx.db, { role: 'secretariat', institutionId: organizer.id });
    const competition = await createFromTemplate(ctx.db, {
      template: 'kipp',
      year: 2026,
      organizer,
      createdBy: secretariat.id,
      ip: null,
      now: NOW,
    });
    competitionId = competition.id;
    await setCompetitionStatus(ctx.db, {
      id: competitionId,
      to: 'published',
      actorUserId: secretariat.id,
      ip: null,
      now: NOW,
    });
    const otherOrganizer = await makeInstitution(ctx.db, {
      type: 'pemerintah_provinsi',
      name: 'Pemprov Lain',
    });
    const a = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Bukti A' });
    const unitA = await makeUnit(ctx.db, a.id, 'Dinas Kesehatan Bukti');
    const unitA2 = await makeUnit(ctx.db, a.id, 'Dinas Pendidikan Bukti');
    const b = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Bukti B' });
    const unitB = await makeUnit(ctx.db, b.id);
    const made = {
      secretariat,
      otherSecretariat: await makeUser(ctx.db, { role: 'secretariat', institutionId: otherOrganizer.id }),
      upp: await makeUser(ctx.db, { role: 'upp', institutionId: a.id, unitId: unitA.id }),
      uppOtherUnit: await makeUser(ctx.db, { role: 'upp', institutionId: a.id, unitId: unitA2.id }),
      admin: await makeUser(ctx.db, { role: 'local_admin', institutionId: a.id }),
      uppB: await makeUser(ctx.db, { role: 'upp', institutionId: b.id, unitId: unitB.id }),
      adminB: await makeUser(ctx.db, { role: 'local_admin', institutionId: b.id }),
    };
    for (const [k, u] of Object.entries(made)) {
      users[k] = u;
      cookie[k] = await sessionCookie(ctx, u.id);
    }
  });
  afterAll(async () => ctx?.close());

  const headers = (who: string | null) => (who ? { cookie: cookie[who] } : {});
  const call = (
    who: string | null,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => ctx.app.inject({ method, url: `/api${url}`, headers: headers(who), payload });
  const send = (
    who: string | null,
    url: string,
    body: ReturnType<typeof multipart>,
    method: 'POST' | 'PUT' = 'POST',
  ) =>
    ctx.app.inject({
      method,
      url: `/api${url}`,
      headers: { ...headers(who), ...body.headers },
      payload: body.payload,
    });
  const upload = (proposalId: number, file: FilePart, fields: Record<string, string> = {}, who = 'upp') =>
    send(who, `/proposals/${proposalId}/attachments`, multipart(fields, file));
  const uploaded = async (proposalId: number, file: FilePart, fields: Record<string, string> = {}) => {
    const res = await upload(proposalId, file, fields);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Attachment;
  };
  const detail = async (id: number, who = 'upp') =>
    (await call(who, 'GET', `/proposals/${id}`)).json() as ProposalDetail;
  const createDraft = async (title: string, groupKey = 'umum', who = 'upp'): Promise<ProposalDetail> => {
    const res = await call(who, 'POST', `/competitions/${competitionId}/proposals`, { groupKey, title });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const counts = async () => ({
    files: Number(
      (
        await ctx.db
          .selectFrom('files')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    attachments: Number(
      (
        await ctx.db
          .selectFrom('proposal_attachments')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });
  /** Stored blobs (disk or bucket) are exactly the sha256 values `files` names, each re-hashing to its name. */
  const expectStorageConsistent = async () => {
    const blobs = await blobKeys(ctx);
    const rows = await ctx.db.selectFrom('files').select(['sha256', 'storage_key']).execute();
    expect(blobs).toEqual([...new Set(rows.map((r) => r.storage_key))].sort());
    for (const key of blobs) expect(sha256(await blobBytes(ctx, key))).toBe(path.basename(key));
    expect(tempFiles(ctx)).toEqual([]);
  };
  const completeFields = (version: number) => ({
    version,
    acronym: 'BUKTI',
    categoryKey: 'tata_kelola_pemerintahan',
    implementationStart: '2022-01-10',
    innovatorKind: 'team',
    innovatorNames: 'Tim Bukti',
    contactName: 'Sari Wulandari',
    contactPhone: '081234567890',
    contactEmail: 'sari@bukti.go.id',
    links: [{ label: 'Video', url: 'https://video.example.id/bukti' }],
    declarationAccepted: true,
    answers: UMUM_SECTIONS.map((sectionKey) => ({
      sectionKey,
      text: `Jawaban bagian ${sectionKey}: petugas datang ke desa untuk melayani warga.`,
    })),
  });
  const setLimits = (maxFileMb: number, maxProposalMb: number) =>
    ctx.db
      .updateTable('competitions')
      .set({
        settings: JSON.stringify({
          allowedFileTypes: ['application/pdf', 'image/jpeg', 'image/png'],
          maxFileMb,
          maxProposalMb,
        }),
      })
      .where('id', '=', competitionId)
      .execute();

  let p: ProposalDetail;
  const stored: Record<string, Attachment> = {};

  it('shows the default limits (PDF, JPG, PNG; 10 MB per file, 50 MB per proposal) and who may upload', async () => {
    p = await createDraft('Posyandu Keliling');
    expect(p.attachments).toEqual([]);
    expect(p.attachmentLimits).toEqual({
      allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
      maxFileBytes: 10 * MIB,
      maxProposalBytes: 50 * MIB,
      usedBytes: 0,
    });
    expect(p.abilities.upload).toBe(true);
    expect((await detail(p.id, 'admin')).abilities.upload).toBe(false);
    // The size tests below run on small limits.
    await setLimits(1, 2);
  });

  it('stores PDF, PNG and JPG by sha256, with the right size and type, without bumping the version', async () => {
    const pdf = samplePdf('Laporan kegiatan posyandu');
    const a = await uploaded(p.id, { name: 'Laporan kegiatan.pdf', content: pdf });
    expect(a).toEqual({
      id: expect.any(Number),
      kind: 'evidence',
      sectionKey: null,
      name: 'Laporan kegiatan.pdf',
      size: pdf.length,
      mime: 'application/pdf',
      sha256: sha256(pdf),
      uploadedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      downloadUrl: `/api/proposals/${p.id}/attachments/${a.id}/download`,
    });
    stored.pdf = a;
    stored.png = await uploaded(p.id, { name: 'foto.png', content: PNG, type: 'image/png' });
    stored.jpg = await uploaded(p.id, { name: 'foto-lapangan.jpg', content: JPG, type: 'image/jpeg' });
    expect(stored.png).toMatchObject({ mime: 'image/png', size: PNG.length, sha256: sha256(PNG) });
    expect(stored.jpg).toMatchObject({ mime: 'image/jpeg', size: JPG.length, sha256: sha256(JPG) });
    for (const [content, att] of [
      [pdf, stored.pdf],
      [PNG, stored.png],
      [JPG, stored.jpg],
    ] as const) {
      const bytes = await blobBytes(ctx, blobKeyOf(att.sha256));
      expect(sha256(bytes)).toBe(att.sha256);
      expect(bytes.equals(content)).toBe(true);
    }
    const d = await detail(p.id);
    expect(d.attachments.map((x) => x.id)).toEqual([stored.pdf.id, stored.png.id, stored.jpg.id]);
    expect(d.attachmentLimits.usedBytes).toBe(pdf.length + PNG.length + JPG.length);
    expect(d.version).toBe(p.version);
    await expectStorageConsistent();
  });

  it('reads the type from the content: a PNG named .pdf is stored as PNG (and named .png)', async () => {
    const res = await upload(p.id, { name: 'scan-surat.pdf', content: PNG, type: 'application/pdf' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mime: 'image/png', name: 'scan-surat.png', sha256: sha256(PNG) });
    // Identical content shares one blob: two files rows, one file on disk.
    const rows = await ctx.db.selectFrom('files').select('id').where('sha256', '=', sha256(PNG)).execute();
    expect(rows).toHaveLength(2);
    stored.png2 = res.json();
    await expectStorageConsistent();
  });

  it('refuses an EXE or a text file named .pdf with 415 and leaves no row and no file', async () => {
    const before = await counts();
    for (const content of [EXE, Buffer.from('Ini hanya teks biasa, bukan PDF.\n'.repeat(20))]) {
      const res = await upload(p.id, { name: 'bukti.pdf', content });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('unsupported_file_type');
      expect(res.json().error.message.id).toBe('Jenis berkas tidak diterima. Yang diterima: PDF, JPG, PNG.');
    }
    expect(await counts()).toEqual(before);
    await expectStorageConsistent();
  });

  it('refuses a file over the per-file limit with 413 file_too_large and leaves nothing', async () => {
    const before = await counts();
    const res = await upload(p.id, { name: 'besar.pdf', content: pdfOf(MIB + 1, 'terlalu besar') });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'file_too_large',
      message: { id: 'Berkas melebihi batas 1 MB.', en: 'The file exceeds the 1 MB limit.' },
      fields: { file: { code: 'file_too_large' } },
    });
    expect(await counts()).toEqual(before);
    await expectStorageConsistent();
    // Exactly the limit is accepted.
    const ok = await upload(p.id, { name: 'pas.pdf', content: pdfOf(MIB, 'pas satu mega') });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().size).toBe(MIB);
    stored.exact = ok.json();
  });

  it('refuses an upload that would take the proposal over its total with 413 proposal_files_too_large', async () => {
    const q = await createDraft('Total Berkas');
    await uploaded(q.id, { name: 'satu.pdf', content: pdfOf(0.9 * MIB, 'satu') });
    await uploaded(q.id, { name: 'dua.pdf', content: pdfOf(0.9 * MIB, 'dua') });
    const before = await counts();
    const res = await upload(q.id, { name: 'tiga.pdf', content: pdfOf(0.3 * MIB, 'tiga') });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'proposal_files_too_large',
      message: { id: 'Total berkas proposal maksimal 2 MB; sisa ruang 0,2 MB.' },
      fields: { file: { code: 'proposal_files_too_large' } },
    });
    expect(await counts()).toEqual(before);
    await expectStorageConsistent();
    expect((await detail(q.id)).attachmentLimits.usedBytes).toBe(Math.round(0.9 * MIB) * 2);
  });

  it('re-checks the total inside the transaction: of two uploads that only fit one at a time, one is refused', async () => {
    const q = await createDraft('Unggah Bersamaan');
    await uploaded(q.id, { name: 'awal.pdf', content: pdfOf(0.9 * MIB, 'awal') });
    const before = await counts();
    // 1.1 MB is left: each 0.6 MB upload fits on its own, both together do not.
    const results = await Promise.all(
      ['pertama', 'kedua'].map((n) => upload(q.id, { name: `${n}.pdf`, content: pdfOf(0.6 * MIB, n) })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 413]);
    expect(results.find((r) => r.statusCode === 413)!.json().error.code).toBe('proposal_files_too_large');
    expect(await counts()).toEqual({ files: before.files + 1, attachments: before.attachments + 1 });
    expect((await detail(q.id)).attachmentLimits.usedBytes).toBe(
      Math.round(0.9 * MIB) + Math.round(0.6 * MIB),
    );
    await expectStorageConsistent();
  });

  it('ties a file to a form section, refuses an unknown section or kind (400), and reties without re-upload', async () => {
    const a = await uploaded(
      p.id,
      { name: 'dokumentasi kebaruan.pdf', content: samplePdf('Kebaruan') },
      { kind: 'evidence', sectionKey: 'kebaruan' },
    );
    expect(a).toMatchObject({ kind: 'evidence', sectionKey: 'kebaruan' });
    stored.section = a;
    const before = await counts();
    const unknown = await upload(
      p.id,
      { name: 'x.pdf', content: samplePdf('x') },
      { sectionKey: 'tidak_ada' },
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.sectionKey).toEqual({
      code: 'unknown_section',
      message: { id: 'Bagian formulir tidak dikenal.', en: 'Unknown form section.' },
    });
    const badKind = await upload(p.id, { name: 'x.pdf', content: samplePdf('x') }, { kind: 'foto' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.fields.kind.code).toBe('invalid_kind');
    const statement = await upload(
      p.id,
      { name: 'pernyataan.pdf', content: samplePdf('x') },
      { kind: 'replication_statement' },
    );
    expect(statement.statusCode).toBe(400);
    expect(statement.json().error.fields.kind.code).toBe('kind_not_allowed');
    const noFile = await send('upp', `/proposals/${p.id}/attachments`, multipart({ kind: 'evidence' }));
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.fields.file.code).toBe('required');
    const late = await send(
      'upp',
      `/proposals/${p.id}/attachments`,
      multipart({}, { name: 'x.pdf', content: samplePdf('x') }, { sectionKey: 'kebaruan' }),
    );
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('fields_after_file');
    const json = await call('upp', 'POST', `/proposals/${p.id}/attachments`, { kind: 'evidence' });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('multipart_required');
    expect(await counts()).toEqual(before);
    await expectStorageConsistent();

    ctx.clock.freeze(new Date(NOW.getTime() + 60_000));
    const moved = await call('upp', 'PATCH', `/proposals/${p.id}/attachments/${a.id}`, {
      sectionKey: 'implementasi',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      id: a.id,
      sectionKey: 'implementasi',
      sha256: a.sha256,
      uploadedAt: NOW.toISOString(),
      updatedAt: new Date(NOW.getTime() + 60_000).toISOString(),
    });
    const general = await call('upp', 'PATCH', `/proposals/${p.id}/attachments/${a.id}`, {
      sectionKey: null,
    });
    expect(general.json().sectionKey).toBeNull();
    const wrong = await call('upp', 'PATCH', `/proposals/${p.id}/attachments/${a.id}`, {
      sectionKey: 'nope',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.sectionKey.code).toBe('unknown_section');
    ctx.clock.freeze(NOW);
  });

  it('replaces a file: same attachment, new content, kind and section kept, the old blob gone', async () => {
    await call('upp', 'PATCH', `/proposals/${p.id}/attachments/${stored.section.id}`, {
      sectionKey: 'kebaruan',
    });
    const old = stored.section;
    expect(await hasBlob(ctx, old.sha256)).toBe(true);
    const next = samplePdf('Kebaruan, versi perbaikan');
    const res = await send(
      'upp',
      `/proposals/${p.id}/attachments/${old.id}`,
      multipart({}, { name: 'dokumentasi kebaruan v2.pdf', content: next }),
      'PUT',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: old.id,
      kind: 'evidence',
      sectionKey: 'kebaruan',
      name: 'dokumentasi kebaruan v2.pdf',
      size: next.length,
      sha256: sha256(next),
    });
    expect(await hasBlob(ctx, old.sha256)).toBe(false);
    stored.section = res.json();
    // A replacement may move it too; a wrong type leaves the attachment as it was.
    const moved = await send(
      'upp',
      `/proposals/${p.id}/attachments/${old.id}`,
      multipart({ sectionKey: '' }, { name: 'foto.jpg', content: JPG, type: 'image/jpeg' }),
      'PUT',
    );
    expect(moved.json()).toMatchObject({ sectionKey: null, mime: 'image/jpeg', sha256: sha256(JPG) });
    stored.section = moved.json();
    const before = await counts();
    const refused = await send(
      'upp',
      `/proposals/${p.id}/attachments/${old.id}`,
      multipart({}, { name: 'x.pdf', content: EXE }),
      'PUT',
    );
    expect(refused.statusCode).toBe(415);
    expect(await counts()).toEqual(before);
    expect((await detail(p.id)).attachments.find((x) => x.id === old.id)).toEqual(stored.section);
    await expectStorageConsistent();
  });

  it('deletes an attachment (204); the blob stays while identical content is attached elsewhere', async () => {
    const before = await counts();
    const del = await call('upp', 'DELETE', `/proposals/${p.id}/attachments/${stored.png.id}`);
    expect(del.statusCode).toBe(204);
    expect(await counts()).toEqual({ files: before.files - 1, attachments: before.attachments - 1 });
    expect(await hasBlob(ctx, sha256(PNG))).toBe(true);
    expect((await call('upp', 'DELETE', `/proposals/${p.id}/attachments/${stored.png.id}`)).statusCode).toBe(
      404,
    );
    expect((await call('upp', 'DELETE', `/proposals/${p.id}/attachments/${stored.png2.id}`)).statusCode).toBe(
      204,
    );
    expect(await hasBlob(ctx, sha256(PNG))).toBe(false);
    expect((await detail(p.id)).attachments.map((x) => x.id)).not.toContain(stored.png2.id);
    await expectStorageConsistent();
  });

  it('writes an audit row for each change, with name, size and sha256', async () => {
    const rows = await ctx.db
      .selectFrom('audit_events')
      .select(['action', 'summary', 'actor_user_id'])
      .where('entity_type', '=', 'proposal')
      .where('entity_id', '=', String(p.id))
      .where('action', 'like', 'proposal.attachment_%')
      .orderBy('id')
      .execute();
    const added = rows.find((r) => JSON.parse(r.summary).attachmentId === stored.pdf.id)!;
    expect(added.action).toBe('proposal.attachment_added');
    expect(added.actor_user_id).toBe(users.upp.id);
    expect(JSON.parse(added.summary)).toMatchObject({
      code: p.code,
      kind: 'evidence',
      sectionKey: null,
      name: 'Laporan kegiatan.pdf',
      size: stored.pdf.size,
      sha256: stored.pdf.sha256,
    });
    const replaced = rows
      .filter((r) => r.action === 'proposal.attachment_replaced')
      .map((r) => JSON.parse(r.summary));
    expect(replaced[0]).toMatchObject({
      attachmentId: stored.section.id,
      before: { name: 'dokumentasi kebaruan.pdf', sectionKey: 'kebaruan' },
      after: { name: 'dokumentasi kebaruan v2.pdf', sectionKey: 'kebaruan', sha256: expect.any(String) },
    });
    const removed = rows
      .filter((r) => r.action === 'proposal.attachment_removed')
      .map((r) => JSON.parse(r.summary));
    expect(removed).toEqual([
      expect.objectContaining({
        attachmentId: stored.png.id,
        name: 'foto.png',
        size: PNG.length,
        sha256: sha256(PNG),
      }),
      expect.objectContaining({ attachmentId: stored.png2.id, name: 'scan-surat.png', sha256: sha256(PNG) }),
    ]);
    const retied = rows
      .filter((r) => r.action === 'proposal.attachment_retied')
      .map((r) => JSON.parse(r.summary));
    expect(retied[0]).toMatchObject({
      before: { sectionKey: 'kebaruan' },
      after: { sectionKey: 'implementasi' },
      sha256: expect.any(String),
    });
  });

  it('downloads the bytes with the stored type and the original name (RFC 5987) for the UPP and the admin lokal', async () => {
    const name = 'Bukti pelaksanaan – Desa Sukamaju (ü).pdf';
    const pdf = samplePdf('Desa Sukamaju');
    const a = await uploaded(p.id, { name, content: pdf });
    stored.named = a;
    for (const who of ['upp', 'admin']) {
      const res = await call(who, 'GET', `/proposals/${p.id}/attachments/${a.id}/download`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-length']).toBe(String(pdf.length));
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Bukti pelaksanaan _ Desa Sukamaju (_).pdf"; filename*=UTF-8''Bukti%20pelaksanaan%20%E2%80%93%20Desa%20Sukamaju%20%28%C3%BC%29.pdf`,
      );
      expect(res.rawPayload.equals(pdf)).toBe(true);
    }
    const png = await call('upp', 'GET', stored.jpg.downloadUrl.replace('/api', ''));
    expect(png.headers['content-type']).toBe('image/jpeg');
  });

  it('answers 404 outside the scope: another unit, another institution, the secretariat before forwarding; 401 anonymous', async () => {
    const url = `/proposals/${p.id}/attachments/${stored.pdf.id}/download`;
    for (const who of ['uppOtherUnit', 'uppB', 'adminB', 'secretariat', 'otherSecretariat'])
      expect((await call(who, 'GET', url)).statusCode, who).toBe(404);
    expect((await call(null, 'GET', url)).statusCode).toBe(401);
    // Changes: 404 outside the scope, 403 for the admin lokal (who reads but does not edit).
    const body = () => multipart({}, { name: 'x.pdf', content: samplePdf('x') });
    for (const who of ['uppOtherUnit', 'uppB', 'adminB']) {
      expect((await send(who, `/proposals/${p.id}/attachments`, body())).statusCode, who).toBe(404);
      expect(
        (await send(who, `/proposals/${p.id}/attachments/${stored.pdf.id}`, body(), 'PUT')).statusCode,
      ).toBe(404);
      expect(
        (await call(who, 'PATCH', `/proposals/${p.id}/attachments/${stored.pdf.id}`, { sectionKey: null }))
          .statusCode,
      ).toBe(404);
      expect((await call(who, 'DELETE', `/proposals/${p.id}/attachments/${stored.pdf.id}`)).statusCode).toBe(
        404,
      );
    }
    const byAdmin = await send('admin', `/proposals/${p.id}/attachments`, body());
    expect(byAdmin.statusCode).toBe(403);
    expect((await send(null, `/proposals/${p.id}/attachments`, body())).statusCode).toBe(401);
    // Another institution's attachment id under one's own proposal id is not found either.
    const other = await createDraft('Milik Instansi B', 'umum', 'uppB');
    const theirs = await upload(other.id, { name: 'b.pdf', content: samplePdf('B') }, {}, 'uppB');
    expect(theirs.statusCode).toBe(201);
    const theirId = theirs.json().id as number;
    expect((await call('upp', 'GET', `/proposals/${p.id}/attachments/${theirId}/download`)).statusCode).toBe(
      404,
    );
    expect(
      (await call('admin', 'GET', `/proposals/${p.id}/attachments/${theirId}/download`)).statusCode,
    ).toBe(404);
    expect((await call('upp', 'DELETE', `/proposals/${p.id}/attachments/${theirId}`)).statusCode).toBe(404);
    expect(
      (await call('upp', 'PATCH', `/proposals/${p.id}/attachments/${theirId}`, { sectionKey: null }))
        .statusCode,
    ).toBe(404);
    expect((await send('upp', `/proposals/${p.id}/attachments/${theirId}`, body(), 'PUT')).statusCode).toBe(
      404,
    );
    expect(
      (await call('uppB', 'GET', `/proposals/${other.id}/attachments/${theirId}/download`)).statusCode,
    ).toBe(200);
  });

  it('lists the attachments in the revision snapshot', async () => {
    const saved = await call(
      'upp',
      'PATCH',
      `/proposals/${p.id}`,
      completeFields((await detail(p.id)).version),
    );
    expect(saved.statusCode).toBe(200);
    const revs = (await call('upp', 'GET', `/proposals/${p.id}/revisions`)).json().items as { id: number }[];
    const rev = (await call('upp', 'GET', `/proposals/${p.id}/revisions/${revs[0].id}`)).json();
    expect(rev.snapshot.attachments).toContainEqual(
      expect.objectContaining({ name: 'Laporan kegiatan.pdf', sha256: stored.pdf.sha256 }),
    );
  });

  it('refuses changes once sent (409 invalid_transition); downloads go on, for the secretariat after forwarding', async () => {
    expect((await call('upp', 'POST', `/proposals/${p.id}/send`)).statusCode).toBe(200);
    const sent = await detail(p.id);
    expect(sent.abilities.upload).toBe(false);
    expect(sent.attachments.length).toBeGreaterThan(0);
    const before = await counts();
    const add = await upload(p.id, { name: 'telat.pdf', content: samplePdf('telat') });
    expect(add.statusCode).toBe(409);
    expect(add.json().error.code).toBe('invalid_transition');
    const put = await send(
      'upp',
      `/proposals/${p.id}/attachments/${stored.pdf.id}`,
      multipart({}, { name: 'x.pdf', content: samplePdf('x') }),
      'PUT',
    );
    expect(put.statusCode).toBe(409);
    const patch = await call('upp', 'PATCH', `/proposals/${p.id}/attachments/${stored.pdf.id}`, {
      sectionKey: null,
    });
    expect(patch.statusCode).toBe(409);
    const del = await call('upp', 'DELETE', `/proposals/${p.id}/attachments/${stored.pdf.id}`);
    expect(del.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    await expectStorageConsistent();

    const url = `/proposals/${p.id}/attachments/${stored.pdf.id}/download`;
    expect((await call('upp', 'GET', url)).statusCode).toBe(200);
    expect((await call('secretariat', 'GET', url)).statusCode).toBe(404);
    expect((await call('admin', 'POST', `/proposals/${p.id}/forward`)).statusCode).toBe(200);
    const bySecretariat = await call('secretariat', 'GET', url);
    expect(bySecretariat.statusCode).toBe(200);
    expect(sha256(bySecretariat.rawPayload)).toBe(stored.pdf.sha256);
    expect((await call('otherSecretariat', 'GET', url)).statusCode).toBe(404);
  });

  it('takes the signed replication statement (PDF only, one) for a replikasi proposal', async () => {
    const r = await createDraft('Replikasi Posyandu', 'replikasi');
    const png = await upload(
      r.id,
      { name: 'pernyataan.png', content: PNG },
      { kind: 'replication_statement' },
    );
    expect(png.statusCode).toBe(415);
    expect(png.json().error.message.en).toBe('File type not accepted. Accepted: PDF.');
    const statement = await uploaded(
      r.id,
      { name: 'Surat pernyataan replikasi.pdf', content: samplePdf('Pernyataan') },
      { kind: 'replication_statement', sectionKey: 'inspirasi' },
    );
    expect(statement).toMatchObject({ kind: 'replication_statement', sectionKey: 'inspirasi' });
    const second = await upload(
      r.id,
      { name: 'lagi.pdf', content: samplePdf('Lagi') },
      { kind: 'replication_statement' },
    );
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('replication_statement_exists');
    const photo = await uploaded(r.id, { name: 'foto.png', content: PNG });
    const toStatement = await call('upp', 'PATCH', `/proposals/${r.id}/attachments/${photo.id}`, {
      sectionKey: null,
      kind: 'replication_statement',
    });
    expect(toStatement.statusCode).toBe(409);
    const replaced = await send(
      'upp',
      `/proposals/${r.id}/attachments/${statement.id}`,
      multipart({}, { name: 'Surat pernyataan replikasi (ttd).pdf', content: samplePdf('Ditandatangani') }),
      'PUT',
    );
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ kind: 'replication_statement', sectionKey: 'inspirasi' });
    expect((await detail(r.id)).attachments.map((a) => a.kind)).toEqual([
      'replication_statement',
      'evidence',
    ]);
  });

  it('refuses changes after the submission closed (409 submission_closed)', async () => {
    const q = await createDraft('Sebelum Tutup');
    const a = await uploaded(q.id, { name: 'a.pdf', content: samplePdf('sebelum tutup') });
    ctx.clock.freeze(AFTER_CLOSING);
    const session = cookie.upp;
    // A session of its own at the later instant (the one from before would have expired).
    cookie.upp = await sessionCookie(ctx, users.upp.id);
    try {
      const before = await counts();
      const add = await upload(q.id, { name: 'b.pdf', content: samplePdf('setelah tutup') });
      expect(add.statusCode).toBe(409);
      expect(add.json().error.code).toBe('submission_closed');
      const put = await send(
        'upp',
        `/proposals/${q.id}/attachments/${a.id}`,
        multipart({}, { name: 'b.pdf', content: samplePdf('setelah tutup') }),
        'PUT',
      );
      expect(put.json().error.code).toBe('submission_closed');
      const patch = await call('upp', 'PATCH', `/proposals/${q.id}/attachments/${a.id}`, {
        sectionKey: null,
      });
      expect(patch.json().error.code).toBe('submission_closed');
      const del = await call('upp', 'DELETE', `/proposals/${q.id}/attachments/${a.id}`);
      expect(del.statusCode).toBe(409);
      expect(del.json().error.code).toBe('submission_closed');
      expect(await counts()).toEqual(before);
      expect((await detail(q.id)).abilities.upload).toBe(false);
      expect((await call('upp', 'GET', `/proposals/${q.id}/attachments/${a.id}/download`)).statusCode).toBe(
        200,
      );
    } finally {
      ctx.clock.freeze(NOW);
      cookie.upp = session;
    }
  });

  it('leaves nothing behind when the client disconnects in the middle of an upload (real socket)', async () => {
    const q = await createDraft('Koneksi Putus');
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as net.AddressInfo;
    const before = await counts();
    const blobsBefore = await blobKeys(ctx);
    const body = multipart({ kind: 'evidence' }, { name: 'putus.pdf', content: pdfOf(0.8 * MIB, 'putus') });
    const cut = Math.floor(body.payload.length / 2);
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `POST /api/proposals/${q.id}/attachments HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
        `Cookie: ${cookie.upp}\r\nContent-Type: ${body.headers['content-type']}\r\n` +
        `Content-Length: ${body.payload.length}\r\n\r\n`,
    );
    socket.write(body.payload.subarray(0, cut));
    // The server has started storing the partial file…
    await expect.poll(() => tempFiles(ctx).length, { timeout: 10_000, interval: 20 }).toBe(1);
    socket.destroy();
    // …and removes it once the connection is gone.
    await expect.poll(() => tempFiles(ctx).length, { timeout: 10_000, interval: 20 }).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(await counts()).toEqual(before);
    expect(await blobKeys(ctx)).toEqual(blobsBefore);
    expect((await detail(q.id)).attachments).toEqual([]);
    await expectStorageConsistent();
  });
});
