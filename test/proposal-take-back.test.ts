import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '../src/contracts/attachments.js';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { samplePdf } from '../src/seed/sample-pdf.js';
import { uploadRequiredEvidence } from './helpers/evidence.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { multipartForm } from './helpers/multipart.js';
import { hasBlob } from './helpers/stored-blobs.js';

/*
 * Issue 11, the UPP's own proposals: taking a sent proposal back before the admin lokal acted, and deleting
 * a draft never sent (with its evidence files), each with its denials.
 */

/** Inside the KIPP 2026 template's submission window (15 March – 2 May 2026 23:59 WIB). */
const NOW = new Date('2026-04-01T03:00:00.000Z');
const AFTER_CLOSING = new Date('2026-05-03T01:00:00.000Z');

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

describe('the UPP takes back a sent proposal and deletes a draft never sent', () => {
  let ctx: TestContext;
  let competitionId: number;
  const cookie: Record<string, string> = {};
  const users: Record<string, { id: number; email: string }> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const { secretariat, ...kipp } = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian PANRB Tarik',
      now: NOW,
    });
    competitionId = kipp.competitionId;
    const a = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Tarik A' });
    const unitA = await makeUnit(ctx.db, a.id, 'Dinas Kependudukan Tarik');
    const unitA2 = await makeUnit(ctx.db, a.id, 'Dinas Kesehatan Tarik');
    const b = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Tarik B' });
    const unitB = await makeUnit(ctx.db, b.id);
    const made = {
      secretariat,
      upp: await makeUser(ctx.db, { role: 'upp', institutionId: a.id, unitId: unitA.id }),
      uppOtherUnit: await makeUser(ctx.db, { role: 'upp', institutionId: a.id, unitId: unitA2.id }),
      admin: await makeUser(ctx.db, { role: 'local_admin', institutionId: a.id, name: 'Admin Lokal Tarik' }),
      uppB: await makeUser(ctx.db, { role: 'upp', institutionId: b.id, unitId: unitB.id }),
    };
    for (const [k, u] of Object.entries(made)) {
      users[k] = u;
      cookie[k] = await sessionCookie(ctx, u.id);
    }
  });
  afterAll(async () => ctx.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    ctx.app.inject({ method, url: `/api${url}`, headers: { cookie: cookie[who] }, payload });

  const createDraft = async (title: string): Promise<ProposalDetail> => {
    const res = await call('upp', 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const detail = async (id: number, who = 'upp') =>
    (await call(who, 'GET', `/proposals/${id}`)).json() as ProposalDetail;

  let serial = 0;
  const sentProposal = async () => {
    const p = await createDraft(`Layanan Tarik Kembali ${++serial}`);
    const saved = await call('upp', 'PATCH', `/proposals/${p.id}`, {
      version: p.version,
      acronym: 'TARIK',
      categoryKey: 'tata_kelola_pemerintahan',
      implementationStart: '2022-01-10',
      innovatorKind: 'team',
      innovatorNames: 'Tim Disdukcapil',
      contactName: 'Sari Wulandari',
      contactPhone: '081234567890',
      contactEmail: 'sari@tarik.go.id',
      links: [{ label: 'Video', url: 'https://video.example.id/tarik' }],
      declarationAccepted: true,
      answers: UMUM_SECTIONS.map((sectionKey) => ({
        sectionKey,
        text: `Jawaban ${sectionKey} untuk warga desa.`,
      })),
    });
    expect(saved.statusCode).toBe(200);
    await uploadRequiredEvidence(ctx.app, cookie.upp, p.id);
    const sent = await call('upp', 'POST', `/proposals/${p.id}/send`);
    expect(sent.statusCode, sent.body).toBe(200);
    return sent.json() as ProposalDetail;
  };

  describe('take back', () => {
    it('offers take back to the UPP of the unit only while it is sent', async () => {
      const p = await sentProposal();
      expect(p.abilities).toMatchObject({ takeBack: true, edit: false, delete: false });
      expect((await detail(p.id, 'admin')).abilities.takeBack).toBe(false);
      const draft = await createDraft('Belum dikirim');
      expect(draft.abilities.takeBack).toBe(false);
    });

    it('takes it back to an editable draft, with audit, revision, notice and mail to the admin lokal in one go', async () => {
      const p = await sentProposal();
      const outboxBefore = await ctx.db
        .selectFrom('outbox')
        .select('id')
        .where('template', '=', 'proposal_taken_back')
        .execute();
      const res = await call('upp', 'POST', `/proposals/${p.id}/take-back`);
      expect(res.statusCode, res.body).toBe(200);
      const back = res.json() as ProposalDetail;
      expect(back).toMatchObject({ state: 'draft', version: p.version + 1 });
      expect(back.abilities).toMatchObject({ edit: true, send: true, takeBack: false, delete: false });
      const audit = await ctx.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'proposal.takeBack')
        .where('entity_id', '=', String(p.id))
        .executeTakeFirstOrThrow();
      expect(audit.actor_user_id).toBe(users.upp!.id);
      expect(JSON.parse(audit.summary)).toMatchObject({
        code: p.code,
        before: { state: 'sent_to_local_admin' },
        after: { state: 'draft' },
      });
      const notice = await ctx.db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', users.admin!.id)
        .where('kind', '=', 'proposal_taken_back')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(notice.title_id).toContain(p.code);
      const mails = await ctx.db
        .selectFrom('outbox')
        .selectAll()
        .where('template', '=', 'proposal_taken_back')
        .where('id', 'not in', outboxBefore.length ? outboxBefore.map((r) => r.id) : [0])
        .execute();
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({
        to_address: users.admin!.email,
        subject: `Proposal ${p.code} ditarik kembali oleh unit`,
      });
      expect(mails[0]!.text_body).toContain('Dinas Kependudukan Tarik menarik kembali proposal');
      const revisions = (await call('upp', 'GET', `/proposals/${p.id}/revisions`)).json() as {
        items: { action: string | null }[];
      };
      expect(revisions.items[0]!.action).toBe('takeBack');
      // Editable again, and it can be sent again.
      const edit = await call('upp', 'PATCH', `/proposals/${p.id}`, {
        version: back.version,
        acronym: 'TARIK2',
      });
      expect(edit.statusCode).toBe(200);
      expect((await call('upp', 'POST', `/proposals/${p.id}/send`)).statusCode).toBe(200);
    });

    it('refuses once the admin lokal returned or forwarded it: 409 already_reviewed, bilingual, nothing changed', async () => {
      const returned = await sentProposal();
      expect(
        (await call('admin', 'POST', `/proposals/${returned.id}/return`, { note: 'Lengkapi bukti.' }))
          .statusCode,
      ).toBe(200);
      const forwarded = await sentProposal();
      expect((await call('admin', 'POST', `/proposals/${forwarded.id}/forward`)).statusCode).toBe(200);
      for (const p of [returned, forwarded]) {
        const before = await detail(p.id);
        const res = await call('upp', 'POST', `/proposals/${p.id}/take-back`);
        expect(res.statusCode).toBe(409);
        const body = res.json();
        expect(body.error.code).toBe('already_reviewed');
        expect(body.error.message.id).toContain('Admin Lokal sudah memprosesnya');
        expect(body.error.message.en).toContain('local admin has already acted');
        expect(await detail(p.id)).toMatchObject({ state: before.state, version: before.version });
      }
    });

    it('refuses another unit, another institution and the admin lokal', async () => {
      const p = await sentProposal();
      expect((await call('uppOtherUnit', 'POST', `/proposals/${p.id}/take-back`)).statusCode).toBe(404);
      expect((await call('uppB', 'POST', `/proposals/${p.id}/take-back`)).statusCode).toBe(404);
      expect((await call('secretariat', 'POST', `/proposals/${p.id}/take-back`)).statusCode).toBe(404);
      expect((await call('admin', 'POST', `/proposals/${p.id}/take-back`)).statusCode).toBe(403);
      expect((await detail(p.id)).state).toBe('sent_to_local_admin');
    });
  });

  describe('delete a draft', () => {
    it('deletes a draft never sent with its answers, history and evidence; the file is released; the audit keeps the record', async () => {
      const p = await createDraft('Draf yang akan dihapus');
      expect(p.abilities.delete).toBe(true);
      expect(
        (await call('upp', 'PATCH', `/proposals/${p.id}`, { version: p.version, acronym: 'HAPUS' }))
          .statusCode,
      ).toBe(200);
      const pdf = samplePdf('Bukti draf yang dihapus');
      const form = multipartForm({ kind: 'evidence' }, [
        { field: 'file', name: 'bukti-hapus.pdf', content: pdf },
      ]);
      const up = await ctx.app.inject({
        method: 'POST',
        url: `/api/proposals/${p.id}/attachments`,
        headers: { cookie: cookie.upp, ...form.headers },
        payload: form.payload,
      });
      expect(up.statusCode, up.body).toBe(201);
      const att = up.json() as Attachment;
      const sha = crypto.createHash('sha256').update(pdf).digest('hex');
      expect(await hasBlob(ctx, sha)).toBe(true);

      const res = await call('upp', 'DELETE', `/proposals/${p.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ code: p.code });
      expect((await call('upp', 'GET', `/proposals/${p.id}`)).statusCode).toBe(404);
      const list = (await call('upp', 'GET', '/proposals')).json() as { items: { id: number }[] };
      expect(list.items.map((i) => i.id)).not.toContain(p.id);
      for (const table of ['proposal_answers', 'proposal_revisions', 'proposal_attachments'] as const)
        expect(await ctx.db.selectFrom(table).select('id').where('proposal_id', '=', p.id).execute()).toEqual(
          [],
        );
      expect(await ctx.db.selectFrom('files').select('id').where('sha256', '=', sha).execute()).toEqual([]);
      expect(await hasBlob(ctx, sha)).toBe(false);
      const audit = await ctx.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'proposal.delete')
        .where('entity_id', '=', String(p.id))
        .executeTakeFirstOrThrow();
      expect(audit.actor_user_id).toBe(users.upp!.id);
      expect(JSON.parse(audit.summary)).toMatchObject({
        code: p.code,
        title: 'Draf yang akan dihapus',
        files: [{ name: att.name, sha256: sha, size: pdf.length }],
      });
      // The code is never given again.
      const next = await createDraft('Draf berikutnya');
      expect(next.code).not.toBe(p.code);
      expect(Number(next.code.slice(-5))).toBeGreaterThan(Number(p.code.slice(-5)));
    });

    it('refuses a draft that was sent and taken back (409 was_sent) and a sent proposal (409 invalid_transition)', async () => {
      const p = await sentProposal();
      const sent = await call('upp', 'DELETE', `/proposals/${p.id}`);
      expect(sent.statusCode).toBe(409);
      expect(sent.json().error.code).toBe('invalid_transition');
      expect((await call('upp', 'POST', `/proposals/${p.id}/take-back`)).statusCode).toBe(200);
      const d = await detail(p.id);
      expect(d.abilities).toMatchObject({ edit: true, delete: false });
      const res = await call('upp', 'DELETE', `/proposals/${p.id}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('was_sent');
      expect(res.json().error.message.id).toContain('tidak dapat dihapus');
      expect((await detail(p.id)).state).toBe('draft');
    });

    it('refuses another unit, another institution, the admin lokal and the secretariat', async () => {
      const p = await createDraft('Draf milik unit');
      expect((await detail(p.id, 'admin')).abilities.delete).toBe(false);
      expect((await call('uppOtherUnit', 'DELETE', `/proposals/${p.id}`)).statusCode).toBe(404);
      expect((await call('uppB', 'DELETE', `/proposals/${p.id}`)).statusCode).toBe(404);
      expect((await call('secretariat', 'DELETE', `/proposals/${p.id}`)).statusCode).toBe(404);
      expect((await call('admin', 'DELETE', `/proposals/${p.id}`)).statusCode).toBe(403);
      expect((await call('upp', 'GET', `/proposals/${p.id}`)).statusCode).toBe(200);
    });
  });

  describe('after closing', () => {
    it('refuses both with 409 submission_closed and offers neither', async () => {
      const sent = await sentProposal();
      const draft = await createDraft('Draf saat penutupan');
      ctx.clock.freeze(AFTER_CLOSING);
      const uppCookie = cookie.upp!;
      // A month later the session has run out: a fresh one, as the UPP logging in again.
      cookie.upp = await sessionCookie(ctx, users.upp!.id);
      try {
        expect((await detail(sent.id)).abilities.takeBack).toBe(false);
        expect((await detail(draft.id)).abilities.delete).toBe(false);
        const back = await call('upp', 'POST', `/proposals/${sent.id}/take-back`);
        expect(back.statusCode).toBe(409);
        expect(back.json().error.code).toBe('submission_closed');
        const del = await call('upp', 'DELETE', `/proposals/${draft.id}`);
        expect(del.statusCode).toBe(409);
        expect(del.json().error.code).toBe('submission_closed');
        expect((await detail(draft.id)).state).toBe('draft');
      } finally {
        ctx.clock.freeze(NOW);
        cookie.upp = uppCookie;
      }
    });
  });
});
