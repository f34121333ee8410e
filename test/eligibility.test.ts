import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { uploadRequiredEvidence } from './helpers/evidence.js';
import { kippPair, makeInstitution, makeUnit, makeUser, sessionCookie } from './helpers/fixtures.js';

/*
 * Eligibility in the submission flow, through the API on a real database: the rules refuse at send with
 * their code, field and message, are checked again at forward, the replikasi source and statement, and the
 * khusus invitations (with their own API and its denials).
 *
 * KIPP 2026 (template): submission 15 March – 2 May 2026 23:59 WIB; umum and khusus need 24 months (start
 * on or before 2 May 2024), replikasi 12 months (on or before 2 May 2025) and a Top 99 source of 2014–2024.
 */
const NOW = new Date('2026-04-01T03:00:00.000Z');

type Missing = { kind: string; code: string; field: string; message: { id: string; en: string } };

describe('eligibility: rules at send and forward, replikasi source, khusus invitations', () => {
  let ctx: TestContext;
  let competitionId: number;
  let draftCompetitionId: number;
  const cookie: Record<string, string> = {};
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const pair = await kippPair(ctx.db, {
      organizerName: 'Kementerian PANRB Syarat',
      otherOrganizerName: 'Pemerintah Provinsi Syarat Lain',
      now: NOW,
    });
    const { otherOrganizer, secretariat } = pair;
    ({ competitionId, draftCompetitionId } = pair);

    const a = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Syarat A' });
    const b = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Syarat B' });
    const source = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Sumber Replika' });
    const unitA = await makeUnit(ctx.db, a.id, 'Dinas Kependudukan Syarat');
    const unitB = await makeUnit(ctx.db, b.id, 'RSUD Syarat');
    Object.assign(ids, { institutionA: a.id, institutionB: b.id, sourceInstitution: source.id });
    const made = {
      secretariat,
      otherSecretariat: await makeUser(ctx.db, { role: 'secretariat', institutionId: otherOrganizer.id }),
      // The award registry is the installation's reference data: its rows are the data steward's.
      steward: await makeUser(ctx.db, { role: 'data_steward' }),
      uppA: await makeUser(ctx.db, { role: 'upp', institutionId: a.id, unitId: unitA.id }),
      adminA: await makeUser(ctx.db, {
        role: 'local_admin',
        institutionId: a.id,
        name: 'Admin Lokal Syarat A',
      }),
      uppB: await makeUser(ctx.db, { role: 'upp', institutionId: b.id, unitId: unitB.id }),
      adminB: await makeUser(ctx.db, {
        role: 'local_admin',
        institutionId: b.id,
        name: 'Admin Lokal Syarat B',
      }),
    };
    for (const [k, u] of Object.entries(made)) {
      ids[k] = u.id;
      cookie[k] = await sessionCookie(ctx, u.id);
    }
  });
  afterAll(async () => ctx.close());

  const call = (who: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    ctx.app.inject({ method, url: `/api${url}`, headers: who ? { cookie: cookie[who] } : {}, payload });

  const createDraft = async (who: string, groupKey: string, title: string): Promise<ProposalDetail> => {
    const res = await call(who, 'POST', `/competitions/${competitionId}/proposals`, { groupKey, title });
    expect(res.statusCode).toBe(201);
    // The supporting document the group requires (seed 003), uploaded with the draft.
    await uploadRequiredEvidence(ctx.app, cookie[who], res.json().id);
    return res.json();
  };

  /** Every field and section filled; `over` may change any of them. */
  const fill = async (who: string, p: ProposalDetail, over: Record<string, unknown> = {}) => {
    const res = await call(who, 'PATCH', `/proposals/${p.id}`, {
      version: p.version,
      acronym: 'SYRT',
      categoryKey: 'tata_kelola_pemerintahan',
      implementationStart: '2023-01-10',
      innovatorKind: 'team',
      innovatorNames: 'Tim Inovasi',
      contactName: 'Sari Wulandari',
      contactPhone: '081234567890',
      contactEmail: 'sari@syarat.go.id',
      declarationAccepted: true,
      answers: p.form.map((s) => ({ sectionKey: s.key, text: `Jawaban ${s.key}: petugas melayani warga.` })),
      ...over,
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { version: number; completeness: { complete: boolean; missing: Missing[] } };
  };

  const detail = async (who: string, id: number): Promise<ProposalDetail> =>
    (await call(who, 'GET', `/proposals/${id}`)).json();

  const addAward = async (body: Record<string, unknown>): Promise<number> => {
    const res = await call('steward', 'POST', '/awards', body);
    expect(res.statusCode).toBe(201);
    return res.json().award.id;
  };

  const codesOf = (missing: Missing[]) => missing.map((m) => m.code);

  describe('umum', () => {
    it('shows a too-recent start in the editor list and refuses the send with the rule, field and message', async () => {
      const p = await createDraft('uppA', 'umum', 'Layanan Akta Keliling');
      const saved = await fill('uppA', p, { implementationStart: '2025-12-31' });
      const expected = {
        kind: 'ineligible',
        code: 'implementation_too_recent',
        field: 'implementationStart',
        sectionKey: null,
        message: {
          id: 'Inovasi harus sudah berjalan minimal 24 bulan (2 tahun) saat pendaftaran ditutup (2 Mei 2026 23.59 WIB): tanggal mulai paling lambat 2 Mei 2024, sedangkan inovasi ini mulai 31 Desember 2025.',
          en: 'The innovation must have run for at least 24 months (2 years) when registration closes (2 May 2026 23:59 WIB): it must have started on or before 2 May 2024, and this one started on 31 December 2025.',
        },
      };
      expect(saved.completeness).toEqual({ complete: false, missing: [expected] });
      expect((await detail('uppA', p.id)).completeness.missing).toEqual([expected]);

      const res = await call('uppA', 'POST', `/proposals/${p.id}/send`);
      expect(res.statusCode).toBe(422);
      const err = res.json().error;
      expect(err.code).toBe('proposal_ineligible');
      expect(err.message.en).toBe('The proposal does not meet the rules of the General group: 1 item(s).');
      expect(err.missing).toEqual([expected]);
      expect(err.fields.implementationStart).toEqual({ code: expected.code, message: expected.message });
      expect((await detail('uppA', p.id)).state).toBe('draft');

      // Started in May 2024 (exactly 24 months before the close): accepted.
      await fill('uppA', await detail('uppA', p.id), { implementationStart: '2024-05-02' });
      expect((await call('uppA', 'POST', `/proposals/${p.id}/send`)).statusCode).toBe(200);
    });

    it('refuses an innovation that was a Top 45 of an earlier year (registry row by the data steward)', async () => {
      await addAward({
        year: 2023,
        level: 'TOP45',
        innovationTitle: 'Si Cepat Dukcapil',
        institutionName: 'Kabupaten Syarat A',
        institutionId: ids.institutionA,
      });
      const p = await createDraft('uppA', 'umum', 'SI CEPAT  Dukcapil');
      await fill('uppA', p);
      const res = await call('uppA', 'POST', `/proposals/${p.id}/send`);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.missing).toEqual([
        {
          kind: 'ineligible',
          code: 'umum_already_top_terpuji',
          field: 'title',
          sectionKey: null,
          message: {
            id: 'Inovasi ini sudah pernah menjadi Top Inovasi Terpuji (Top 45 2023); kelompok umum hanya untuk inovasi yang belum pernah menjadi Top Terpuji.',
            en: 'This innovation has already been an outstanding (Top Terpuji) innovation (Top 45 2023); the general group is only for innovations that never were.',
          },
        },
      ]);
    });

    it('lists a missing field and a broken rule together as incomplete', async () => {
      const p = await createDraft('uppA', 'umum', 'Inovasi Setengah Jadi');
      await fill('uppA', p, { acronym: null, implementationStart: '2025-06-01' });
      const res = await call('uppA', 'POST', `/proposals/${p.id}/send`);
      expect(res.statusCode).toBe(422);
      const err = res.json().error;
      expect(err.code).toBe('proposal_incomplete');
      expect(err.missing.map((m: Missing) => `${m.kind}:${m.code}`)).toEqual([
        'incomplete:field_required',
        'ineligible:implementation_too_recent',
      ]);
    });

    it('refuses at send a title another proposal of the competition has already sent; a draft claims nothing', async () => {
      const first = await createDraft('uppB', 'umum', 'Puskesmas Tanpa Antre');
      const second = await createDraft('uppA', 'umum', 'PUSKESMAS tanpa-antre');
      await fill('uppB', first);
      await fill('uppA', second);
      // Both are drafts: neither blocks the other yet.
      expect((await detail('uppA', second.id)).completeness.complete).toBe(true);
      expect((await call('uppB', 'POST', `/proposals/${first.id}/send`)).statusCode).toBe(200);

      expect(codesOf((await detail('uppA', second.id)).completeness.missing)).toEqual(['duplicate_title']);
      const res = await call('uppA', 'POST', `/proposals/${second.id}/send`);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields.title).toEqual({
        code: 'duplicate_title',
        message: {
          id: 'Judul ini sudah dipakai proposal lain di kompetisi ini ("Puskesmas Tanpa Antre"); setiap proposal harus memakai judul yang berbeda.',
          en: 'Another proposal in this competition already uses this title ("Puskesmas Tanpa Antre"); every proposal needs its own title.',
        },
      });
      // The first keeps its title: its own list stays clean and it can be forwarded.
      expect((await detail('adminB', first.id)).completeness.complete).toBe(true);
      expect((await call('adminB', 'POST', `/proposals/${first.id}/forward`)).statusCode).toBe(200);
    });

    it('refuses a forward when a rule broke after send (the registry changed), leaving the state as it was', async () => {
      const p = await createDraft('uppA', 'umum', 'Pasar Rakyat Digital');
      await fill('uppA', p);
      expect((await call('uppA', 'POST', `/proposals/${p.id}/send`)).statusCode).toBe(200);
      await addAward({
        year: 2022,
        level: 'TOP99',
        innovationTitle: 'Pasar Rakyat Digital',
        institutionName: 'Kabupaten Syarat A',
        institutionId: ids.institutionA,
      });
      // One Top 99 is allowed; a second makes it ineligible.
      expect((await detail('adminA', p.id)).completeness.complete).toBe(true);
      await addAward({
        year: 2024,
        level: 'TOP99',
        innovationTitle: 'Pasar Rakyat Digital',
        institutionName: 'Kabupaten Syarat A',
        institutionId: ids.institutionA,
      });
      const res = await call('adminA', 'POST', `/proposals/${p.id}/forward`);
      expect(res.statusCode).toBe(422);
      const err = res.json().error;
      expect(err.code).toBe('proposal_ineligible');
      expect(err.missing).toEqual([
        {
          kind: 'ineligible',
          code: 'umum_top99_twice',
          field: 'title',
          sectionKey: null,
          message: {
            id: 'Inovasi ini sudah 2 kali masuk Top 99 (2022, 2024); kelompok umum hanya untuk inovasi yang masuk Top 99 kurang dari dua kali.',
            en: 'This innovation has been in the Top 99 2 times (2022, 2024); the general group is only for innovations in the Top 99 fewer than twice.',
          },
        },
      ]);
      const after = await detail('adminA', p.id);
      expect(after.state).toBe('sent_to_local_admin');
      expect(after.abilities.forward).toBe(true);
    });

    it('refuses a source award on a proposal outside the replikasi group', async () => {
      const p = await createDraft('uppA', 'umum', 'Bukan Replikasi');
      const award = await addAward({
        year: 2019,
        level: 'TOP99',
        innovationTitle: 'Sumber Salah Kelompok',
        institutionName: 'Kabupaten Sumber Replika',
        institutionId: ids.sourceInstitution,
      });
      const res = await call('uppA', 'PATCH', `/proposals/${p.id}`, {
        version: p.version,
        sourceAwardId: award,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().rejected.sourceAwardId.code).toBe('source_not_applicable');
    });
  });

  describe('replikasi', () => {
    let p: ProposalDetail;
    let qualifying: number;

    /** The signed statement, as the upload API (another branch) will store it: a file and its attachment row. */
    const attachStatement = async (proposalId: number) => {
      const now = NOW.toISOString();
      const file = await ctx.db
        .insertInto('files')
        .values({
          sha256: 'a'.repeat(64),
          size: 2048,
          mime: 'application/pdf',
          original_name: 'surat-pernyataan-replikasi.pdf',
          storage_key: `aa/${'a'.repeat(64)}`,
          uploaded_by: ids.uppA,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.db
        .insertInto('proposal_attachments')
        .values({
          proposal_id: proposalId,
          file_id: file.id,
          kind: 'replication_statement',
          section_id: null,
          uploaded_by: ids.uppA,
          created_at: now,
          updated_at: now,
        })
        .execute();
    };

    beforeAll(async () => {
      qualifying = await addAward({
        year: 2019,
        level: 'TOP99',
        innovationTitle: 'Rantang Kasih Lansia',
        institutionName: 'Kabupaten Sumber Replika',
        institutionId: ids.sourceInstitution,
      });
    });

    it('refuses a replikasi without a source and without the signed statement, naming both', async () => {
      p = await createDraft('uppA', 'replikasi', 'Rantang Kasih Syarat');
      // 12 months are enough for replikasi: started 2 May 2025.
      await fill('uppA', p, { implementationStart: '2025-05-02' });
      const res = await call('uppA', 'POST', `/proposals/${p.id}/send`);
      expect(res.statusCode).toBe(422);
      const err = res.json().error;
      expect(err.code).toBe('proposal_incomplete');
      expect(err.missing).toEqual([
        {
          kind: 'incomplete',
          code: 'source_required',
          field: 'sourceAwardId',
          sectionKey: null,
          message: {
            id: 'Pilih inovasi Top 99 yang direplikasi dari daftar penghargaan.',
            en: 'Choose the Top 99 innovation being replicated from the award registry.',
          },
        },
        {
          kind: 'incomplete',
          code: 'attachment_required',
          field: 'attachments.replication_statement',
          sectionKey: null,
          message: {
            id: 'Lampirkan surat pernyataan replikasi yang ditandatangani (PDF).',
            en: 'Attach the signed replication statement (PDF).',
          },
        },
      ]);
    });

    it('refuses on save an unknown award and one that is not a Top 99 of 2014–2024, at the field', async () => {
      const fresh = await detail('uppA', p.id);
      const unknown = await call('uppA', 'PATCH', `/proposals/${p.id}`, {
        version: fresh.version,
        sourceAwardId: 999999,
      });
      expect(unknown.statusCode).toBe(200);
      expect(unknown.json().rejected.sourceAwardId.code).toBe('unknown_award');

      const recent = await addAward({
        year: 2025,
        level: 'TOP99',
        innovationTitle: 'Inovasi Terlalu Baru',
        institutionName: 'Kabupaten Sumber Replika',
        institutionId: ids.sourceInstitution,
      });
      const res = await call('uppA', 'PATCH', `/proposals/${p.id}`, {
        version: fresh.version + 1,
        sourceAwardId: recent,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().rejected.sourceAwardId).toEqual({
        code: 'source_not_qualifying',
        message: {
          id: 'Inovasi sumber (Top 99 2025) harus dari KIPP tahun 2014–2024.',
          en: 'The source (Top 99 2025) must be from KIPP 2014–2024.',
        },
      });
      expect((await detail('uppA', p.id)).sourceAwardId).toBeNull();
    });

    it('keeps a qualifying source, shows it in the detail, and still needs the statement', async () => {
      const fresh = await detail('uppA', p.id);
      const res = await call('uppA', 'PATCH', `/proposals/${p.id}`, {
        version: fresh.version,
        sourceAwardId: qualifying,
      });
      expect(res.statusCode).toBe(200);
      expect(codesOf(res.json().completeness.missing)).toEqual(['attachment_required']);
      const d = await detail('uppA', p.id);
      expect(d.sourceAward).toEqual({
        id: qualifying,
        year: 2019,
        level: 'TOP99',
        levelLabel: { id: 'Top 99', en: 'Top 99' },
        innovationTitle: 'Rantang Kasih Lansia',
        institutionName: 'Kabupaten Sumber Replika',
      });
    });

    it('refuses at send a source that stopped qualifying (its year corrected in the registry)', async () => {
      await attachStatement(p.id);
      const edited = await call('steward', 'PATCH', `/awards/${qualifying}`, { year: 2025 });
      expect(edited.statusCode).toBe(200);
      const res = await call('uppA', 'POST', `/proposals/${p.id}/send`);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('proposal_ineligible');
      expect(res.json().error.missing).toEqual([
        {
          kind: 'ineligible',
          code: 'replikasi_source_not_top99',
          field: 'sourceAwardId',
          sectionKey: null,
          message: {
            id: 'Inovasi yang direplikasi ("Rantang Kasih Lansia") harus inovasi Top 99 (atau lebih tinggi) KIPP tahun 2014–2024.',
            en: 'The replicated innovation ("Rantang Kasih Lansia") must be a Top 99 (or higher) innovation of KIPP 2014–2024.',
          },
        },
      ]);
    });

    it('accepts a source, statement and age that are all right, and forwards it', async () => {
      expect((await call('steward', 'PATCH', `/awards/${qualifying}`, { year: 2019 })).statusCode).toBe(200);
      const sent = await call('uppA', 'POST', `/proposals/${p.id}/send`);
      expect(sent.statusCode).toBe(200);
      expect(sent.json().state).toBe('sent_to_local_admin');
      expect((await call('adminA', 'POST', `/proposals/${p.id}/forward`)).statusCode).toBe(200);
    });

    it('refuses the 12-month rule for replikasi: started 3 May 2025 is too recent', async () => {
      const q = await createDraft('uppA', 'replikasi', 'Replikasi Terlalu Muda');
      const saved = await fill('uppA', q, { implementationStart: '2025-05-03', sourceAwardId: qualifying });
      await attachStatement(q.id);
      expect(codesOf(saved.completeness.missing)).toEqual([
        'attachment_required',
        'implementation_too_recent',
      ]);
      const res = await call('uppA', 'POST', `/proposals/${q.id}/send`);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.missing[0].message.en).toContain('at least 12 months (1 year)');
    });
  });

  describe('khusus invitations', () => {
    let terpuji: number;
    let invitationId: number;

    beforeAll(async () => {
      terpuji = await addAward({
        year: 2023,
        level: 'TOP45',
        innovationTitle: 'Sistem Antrean Terpadu',
        institutionName: 'Kabupaten Syarat A',
        institutionId: ids.institutionA,
      });
    });

    it('refuses the API to a UPP and an admin lokal (403), another organizer (404) and anonymous callers (401)', async () => {
      const url = `/competitions/${competitionId}/invitations`;
      const body = { groupKey: 'khusus', institutionId: ids.institutionA, letterNumber: 'B/1/PP.00/2026' };
      for (const who of ['uppA', 'adminA']) {
        expect((await call(who, 'GET', url)).statusCode).toBe(403);
        const post = await call(who, 'POST', url, body);
        expect(post.statusCode).toBe(403);
        expect(post.json().error.code).toBe('forbidden.missingRole');
      }
      expect((await call('otherSecretariat', 'GET', url)).statusCode).toBe(404);
      expect((await call('otherSecretariat', 'POST', url, body)).statusCode).toBe(404);
      expect((await call('otherSecretariat', 'POST', `${url}/1/revoke`)).statusCode).toBe(404);
      expect((await call(null, 'GET', url)).statusCode).toBe(401);
      const count = await ctx.db
        .selectFrom('invitations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
    });

    it('refuses a khusus proposal of an institution not invited', async () => {
      const res = await call('uppA', 'POST', `/competitions/${competitionId}/proposals`, {
        groupKey: 'khusus',
        title: 'Sistem Antrean Terpadu',
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('not_invited');
      expect(res.json().error.fields.groupKey.code).toBe('not_invited');
      expect((await call('uppA', 'GET', '/proposals')).json().invitedGroups).toEqual([]);
    });

    it('refuses an open group, an unknown institution and a draft competition', async () => {
      const url = `/competitions/${competitionId}/invitations`;
      const open = await call('secretariat', 'POST', url, {
        groupKey: 'umum',
        institutionId: ids.institutionA,
        letterNumber: 'B/2/PP.00/2026',
      });
      expect(open.statusCode).toBe(422);
      expect(open.json().error.code).toBe('group_not_invitation_only');
      const unknown = await call('secretariat', 'POST', url, {
        groupKey: 'khusus',
        institutionId: 999999,
        letterNumber: 'B/2/PP.00/2026',
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields.institutionId.code).toBe('unknown_institution');
      const blank = await call('secretariat', 'POST', url, {
        groupKey: 'khusus',
        institutionId: ids.institutionA,
        letterNumber: '  ',
      });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().error.fields.letterNumber.message.en).toBe(
        'The invitation letter number is required.',
      );
      const draft = await call('secretariat', 'POST', `/competitions/${draftCompetitionId}/invitations`, {
        groupKey: 'khusus',
        institutionId: ids.institutionA,
        letterNumber: 'B/2/PP.00/2026',
      });
      expect(draft.statusCode).toBe(409);
      expect(draft.json().error.code).toBe('competition_not_published');
    });

    it('invites an institution for its Top Terpuji: audited, its admin lokal told in-app and by e-mail', async () => {
      const res = await call('secretariat', 'POST', `/competitions/${competitionId}/invitations`, {
        groupKey: 'khusus',
        institutionId: ids.institutionA,
        awardId: terpuji,
        letterNumber: 'B/15/PP.00.05/2026',
      });
      expect(res.statusCode).toBe(201);
      const list = res.json();
      expect(list.abilities).toEqual({ create: true });
      expect(list.groups.map((g: { key: string }) => g.key)).toEqual(['khusus']);
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({
        group: { key: 'khusus' },
        institution: { id: ids.institutionA, name: 'Pemerintah Kabupaten Syarat A' },
        award: { id: terpuji, year: 2023, level: 'TOP45', innovationTitle: 'Sistem Antrean Terpadu' },
        letterNumber: 'B/15/PP.00.05/2026',
        invitedBy: { id: ids.secretariat },
        createdAt: NOW.toISOString(),
        revokedAt: null,
        abilities: { revoke: true },
      });
      invitationId = list.items[0].id;

      const again = await call('secretariat', 'POST', `/competitions/${competitionId}/invitations`, {
        groupKey: 'khusus',
        institutionId: ids.institutionA,
        awardId: terpuji,
        letterNumber: 'B/16/PP.00.05/2026',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('invitation_exists');

      const audit = await ctx.db
        .selectFrom('audit_events')
        .select(['action', 'entity_id', 'summary'])
        .where('action', '=', 'invitation.created')
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0].summary)).toMatchObject({
        groupKey: 'khusus',
        institutionId: ids.institutionA,
        awardId: terpuji,
        letterNumber: 'B/15/PP.00.05/2026',
      });
      const notes = await ctx.db
        .selectFrom('notifications')
        .selectAll()
        .where('kind', '=', 'invitation_received')
        .execute();
      expect(notes.map((n) => n.user_id)).toEqual([ids.adminA]);
      expect(notes[0].title_id).toBe('Undangan kelompok Khusus: Kompetisi Inovasi Pelayanan Publik 2026');
      const mail = await ctx.db
        .selectFrom('outbox')
        .selectAll()
        .where('template', '=', 'group_invitation')
        .execute();
      expect(mail).toHaveLength(1);
      expect(mail[0].subject).toBe('Undangan kelompok Khusus: Kompetisi Inovasi Pelayanan Publik 2026');
      expect(mail[0].text_body).toContain('surat undangan nomor B/15/PP.00.05/2026');
      expect(mail[0].text_body).toContain('Sistem Antrean Terpadu (Top 45 2023)');
      expect(mail[0].text_body).toContain('2 Mei 2026 23.59 WIB');
    });

    let khusus: ProposalDetail;

    it('lets the invited institution start, send and forward a khusus proposal', async () => {
      expect((await call('uppA', 'GET', '/proposals')).json().invitedGroups).toEqual([
        { competitionId, groupKey: 'khusus' },
      ]);
      // Renamed since the award: the invitation's award still counts as this innovation.
      khusus = await createDraft('uppA', 'khusus', 'Sistem Antrean Terpadu 2.0');
      const saved = await fill('uppA', khusus);
      expect(saved.completeness).toEqual({ complete: true, missing: [] });
      expect((await call('uppA', 'POST', `/proposals/${khusus.id}/send`)).statusCode).toBe(200);
      // Another institution is still refused.
      const other = await call('uppB', 'POST', `/competitions/${competitionId}/proposals`, {
        groupKey: 'khusus',
        title: 'Inovasi Kota B',
      });
      expect(other.statusCode).toBe(403);
    });

    it('refuses the forward once the invitation is revoked (checked again), records it and tells its admin lokal', async () => {
      // A second admin lokal of the institution who reads English, and one whose account is inactive.
      const adminEn = await makeUser(ctx.db, {
        role: 'local_admin',
        institutionId: ids.institutionA,
        email: 'admin.en@syarat-a.go.id',
        name: 'Admin Lokal Syarat A (EN)',
      });
      await ctx.db.updateTable('users').set({ locale: 'en' }).where('id', '=', adminEn.id).execute();
      const inactive = await makeUser(ctx.db, { role: 'local_admin', institutionId: ids.institutionA });
      await ctx.db.updateTable('users').set({ is_active: 0 }).where('id', '=', inactive.id).execute();

      const res = await call(
        'secretariat',
        'POST',
        `/competitions/${competitionId}/invitations/${invitationId}/revoke`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.json().items[0]).toMatchObject({
        revokedAt: NOW.toISOString(),
        revokedBy: { id: ids.secretariat },
        abilities: { revoke: false },
      });
      const twice = await call(
        'secretariat',
        'POST',
        `/competitions/${competitionId}/invitations/${invitationId}/revoke`,
      );
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe('invitation_revoked');

      // Told once (the refused second revoke adds nothing), in-app and by e-mail, each in their language.
      const notes = await ctx.db
        .selectFrom('notifications')
        .selectAll()
        .where('kind', '=', 'invitation_revoked')
        .orderBy('user_id')
        .execute();
      expect(notes.map((n) => n.user_id)).toEqual([ids.adminA, adminEn.id]);
      expect(notes[0]).toMatchObject({
        title_id: 'Undangan kelompok Khusus dicabut: Kompetisi Inovasi Pelayanan Publik 2026',
        body_id:
          'Undangan bagi Pemerintah Kabupaten Syarat A pada kelompok Khusus untuk "Sistem Antrean Terpadu (Top 45 2023)" (surat nomor B/15/PP.00.05/2026) dicabut.',
        link: `/kompetisi/${competitionId}`,
      });
      const mail = await ctx.db
        .selectFrom('outbox')
        .selectAll()
        .where('template', '=', 'group_invitation_revoked')
        .orderBy('id')
        .execute();
      expect(mail.map((m) => [m.to_name, m.locale])).toEqual([
        ['Admin Lokal Syarat A', 'id'],
        ['Admin Lokal Syarat A (EN)', 'en'],
      ]);
      expect(mail[0].subject).toBe(
        'Undangan kelompok Khusus dicabut: Kompetisi Inovasi Pelayanan Publik 2026',
      );
      expect(mail[0].text_body).toContain('(surat undangan nomor B/15/PP.00.05/2026) telah dicabut');
      expect(mail[0].text_body).toContain('Inovasi yang diundang: Sistem Antrean Terpadu (Top 45 2023).');
      expect(mail[0].text_body).toContain('tidak dapat lagi membuat proposal pada kelompok ini');
      expect(mail[0].text_body).toContain(`${ctx.config.baseUrl}/kompetisi/${competitionId}`);
      expect(mail[1].subject).toBe(
        'Invitation to the Special group revoked: Kompetisi Inovasi Pelayanan Publik 2026',
      );
      expect(mail[1].text_body).toContain('(invitation letter no. B/15/PP.00.05/2026) has been revoked');
      expect(mail[1].text_body).toContain('can no longer start proposals in this group');

      const forward = await call('adminA', 'POST', `/proposals/${khusus.id}/forward`);
      expect(forward.statusCode).toBe(422);
      // Without the invitation its award no longer stands for the renamed innovation either.
      expect(forward.json().error.missing).toEqual([
        {
          kind: 'ineligible',
          code: 'khusus_not_invited',
          field: 'group',
          sectionKey: null,
          message: {
            id: 'Kelompok khusus hanya untuk inovasi yang diundang oleh Menteri PANRB.',
            en: 'The special group is by invitation of the Minister (PANRB) only.',
          },
        },
        expect.objectContaining({ code: 'khusus_not_top_terpuji', field: 'title' }),
      ]);
      expect((await detail('adminA', khusus.id)).state).toBe('sent_to_local_admin');
      const audit = await ctx.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'invitation.revoked')
        .execute();
      expect(audit).toHaveLength(1);
      expect(
        (
          await call('uppA', 'POST', `/competitions/${competitionId}/proposals`, {
            groupKey: 'khusus',
            title: 'Sesudah Dicabut',
          })
        ).statusCode,
      ).toBe(403);
    });

    it('says so when revoking one of two invitations of an institution into the group', async () => {
      const url = `/competitions/${competitionId}/invitations`;
      const awardB = await addAward({
        year: 2022,
        level: 'TOP45',
        innovationTitle: 'Layanan Kota Syarat B',
        institutionName: 'Kota Syarat B',
        institutionId: ids.institutionB,
      });
      const open = await call('secretariat', 'POST', url, {
        groupKey: 'khusus',
        institutionId: ids.institutionB,
        letterNumber: 'B/30/PP.00.05/2026',
      });
      expect(open.statusCode).toBe(201);
      const forAward = await call('secretariat', 'POST', url, {
        groupKey: 'khusus',
        institutionId: ids.institutionB,
        awardId: awardB,
        letterNumber: 'B/31/PP.00.05/2026',
      });
      expect(forAward.statusCode).toBe(201);
      const id = forAward
        .json()
        .items.find((i: { letterNumber: string }) => i.letterNumber === 'B/31/PP.00.05/2026').id;
      expect((await call('secretariat', 'POST', `${url}/${id}/revoke`)).statusCode).toBe(200);

      const mail = await ctx.db
        .selectFrom('outbox')
        .selectAll()
        .where('template', '=', 'group_invitation_revoked')
        .where('text_body', 'like', '%B/31/PP.00.05/2026%')
        .execute();
      expect(mail).toHaveLength(1);
      expect(mail[0].to_name).toBe('Admin Lokal Syarat B');
      expect(mail[0].text_body).toContain(
        'Undangan lain bagi instansi Anda pada kelompok ini tetap berlaku.',
      );
      expect(mail[0].text_body).not.toContain('tidak dapat lagi membuat proposal');
      const notes = await ctx.db
        .selectFrom('notifications')
        .select('user_id')
        .where('kind', '=', 'invitation_revoked')
        .where('body_id', 'like', '%B/31/PP.00.05/2026%')
        .execute();
      expect(notes).toEqual([{ user_id: ids.adminB }]);
      // Still invited by the other letter.
      expect((await call('uppB', 'GET', '/proposals')).json().invitedGroups).toEqual([
        { competitionId, groupKey: 'khusus' },
      ]);
    });
  });
});
