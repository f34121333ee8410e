import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalSummarySchema, type ProposalDetail } from '../src/contracts/proposals.js';
import {
  expandProposalList,
  proposalListItemSchema,
  proposalListResponse,
  type ProposalList,
} from '../src/contracts/proposal-list.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { uploadRequiredEvidence } from './helpers/evidence.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';

/*
 * GET /api/proposals answers each item with exactly the fields of the contract's proposal summary, for every
 * role's scope, paged or not: each item equals the summary part of the same proposal's detail (read through
 * the editor's own path), and the whole answer is what the response schema makes of it, nothing more.
 */

const T1 = new Date('2026-04-01T03:00:00.000Z');
const T2 = new Date('2026-04-02T04:00:00.000Z');

const SECTIONS = [
  'ringkasan',
  'latar_belakang_tujuan',
  'kebaruan',
  'implementasi',
  'signifikansi',
  'adaptabilitas',
  'sumber_daya',
  'strategi_keberlanjutan',
];

describe('the proposal list answers exactly the fields of the contract', () => {
  let ctx: TestContext;
  let competitionId: number;
  const cookie: Record<string, string> = {};
  const ids: Record<string, number> = {};

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    ctx.app.inject({
      method,
      url: `/api${url}`,
      headers: { cookie: cookie[who] },
      payload: payload as Record<string, unknown>,
    });

  const draft = async (who: string, name: string, title: string) => {
    const res = await call(who, 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title,
    });
    expect(res.statusCode).toBe(201);
    ids[name] = (res.json() as ProposalDetail).id;
  };

  const complete = async (who: string, name: string, categoryKey: string, acronym: string | null) => {
    const p: ProposalDetail = (await call(who, 'GET', `/proposals/${ids[name]}`)).json();
    const res = await call(who, 'PATCH', `/proposals/${ids[name]}`, {
      version: p.version,
      ...(acronym ? { acronym } : {}),
      categoryKey,
      implementationStart: '2022-01-10',
      innovatorKind: 'team',
      innovatorNames: 'Tim Inovasi',
      contactName: 'Sari Wulandari',
      contactPhone: '081234567890',
      contactEmail: 'sari@uji.go.id',
      links: [{ label: 'Video', url: 'https://video.example.id/inovasi' }],
      declarationAccepted: true,
      answers: SECTIONS.map((sectionKey) => ({
        sectionKey,
        text: `Jawaban ${sectionKey}: petugas datang ke desa untuk melayani warga.`,
      })),
    });
    expect(res.statusCode).toBe(200);
  };

  const act = async (who: string, name: string, verb: 'send' | 'forward') => {
    // The supporting document the group requires (seed 003), when the test attached none.
    if (verb === 'send') await uploadRequiredEvidence(ctx.app, cookie[who], ids[name]);
    const res = await call(who, 'POST', `/proposals/${ids[name]}/${verb}`);
    expect([name, verb, res.statusCode, res.statusCode === 200 ? '' : res.body]).toEqual([
      name,
      verb,
      200,
      '',
    ]);
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(T1);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian Daftar Usulan', now: T1 });
    competitionId = kipp.competitionId;
    const other = await makeInstitution(ctx.db, { type: 'pemerintah_provinsi', regionCode: '35' });
    const a = await makeInstitution(ctx.db, { type: 'pemerintah_kabupaten', regionCode: '32.03' });
    // An institution without a region of its own counts in its owner's province.
    const child = await makeInstitution(ctx.db, { type: 'pemerintah_kabupaten', regionCode: null });
    await ctx.db.updateTable('institutions').set({ parent_id: a.id }).where('id', '=', child.id).execute();
    const b = await makeInstitution(ctx.db, { type: 'bumn', name: 'PT Daftar "Nusantara" (Persero)' });
    const unitA = await makeUnit(ctx.db, a.id, 'Dinas Kependudukan <b>A</b>');
    const unitChild = await makeUnit(ctx.db, child.id);
    const unitB = await makeUnit(ctx.db, b.id);
    const made = {
      secretariat: kipp.secretariat,
      otherSecretariat: await makeUser(ctx.db, { role: 'secretariat', institutionId: other.id }),
      admin: await makeUser(ctx.db, { role: 'system_admin' }),
      uppA: await makeUser(ctx.db, { role: 'upp', institutionId: a.id, unitId: unitA.id }),
      adminA: await makeUser(ctx.db, { role: 'local_admin', institutionId: a.id }),
      uppChild: await makeUser(ctx.db, { role: 'upp', institutionId: child.id, unitId: unitChild.id }),
      adminChild: await makeUser(ctx.db, { role: 'local_admin', institutionId: child.id }),
      uppB: await makeUser(ctx.db, { role: 'upp', institutionId: b.id, unitId: unitB.id }),
    };
    for (const [k, u] of Object.entries(made)) cookie[k] = await sessionCookie(ctx, u.id);

    await draft('uppA', 'draft', 'Draf Tanpa Kategori');
    await draft('uppA', 'forwarded', 'Jemput Bola Adminduk → Warga, “Zona ā”');
    await draft('uppChild', 'received', 'Layanan Anak Instansi');
    await draft('uppB', 'sent', 'Layanan Satu Pintu BUMN');
    await complete('uppA', 'forwarded', 'tata_kelola_pemerintahan', 'JEBOL');
    await complete('uppChild', 'received', 'kesehatan', 'ANAK');
    await complete('uppB', 'sent', 'pertumbuhan_ekonomi', '=SUM(A1)');
    ctx.clock.freeze(T2);
    for (const [k, u] of Object.entries(made)) cookie[k] = await sessionCookie(ctx, u.id);
    await act('uppA', 'forwarded', 'send');
    await act('uppChild', 'received', 'send');
    await act('uppB', 'sent', 'send');
    await act('adminA', 'forwarded', 'forward');
    await act('adminChild', 'received', 'forward');
    // Received as the closing leaves it, and two pieces of evidence on the forwarded one.
    await ctx.db
      .updateTable('proposals')
      .set({ state: 'received', received_at: T2.toISOString() })
      .where('id', '=', ids.received)
      .execute();
    for (const n of [1, 2]) {
      const file = await ctx.db
        .insertInto('files')
        .values({
          sha256: String(n).repeat(64),
          size: 1000 * n,
          mime: 'application/pdf',
          original_name: `bukti-${n}.pdf`,
          storage_key: `${n}/${n}`,
          uploaded_by: made.uppA.id,
          created_at: T1.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.db
        .insertInto('proposal_attachments')
        .values({
          proposal_id: ids.forwarded,
          file_id: file.id,
          kind: 'evidence',
          section_id: null,
          uploaded_by: made.uppA.id,
          created_at: T1.toISOString(),
          updated_at: T1.toISOString(),
        })
        .execute();
    }
  });
  afterAll(async () => ctx?.close());

  const SCOPES: [who: string, query: string, names: string[]][] = [
    ['uppA', '', ['draft', 'forwarded']],
    ['adminA', 'sort=code', ['draft', 'forwarded']],
    ['uppB', '', ['sent']],
    ['secretariat', '', ['forwarded', 'received']],
    ['secretariat', 'sort=title&dir=asc&page=2&pageSize=1', ['received']],
    ['admin', 'sort=code&dir=asc', ['draft', 'forwarded', 'received', 'sent']],
    ['otherSecretariat', '', []],
  ];

  it.each(SCOPES)(
    '%s %s: each item is the summary of its detail, and nothing else',
    async (who, query, names) => {
      const res = await call(who, 'GET', `/proposals?competitionId=${competitionId}&${query}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as ProposalList;
      // The whole answer is exactly what the response schema makes of it: no field more, none missing.
      expect(body).toStrictEqual(proposalListResponse.parse(body));
      expect(new Set(body.items.map((p) => p.id))).toEqual(new Set(names.map((n) => ids[n])));
      for (const item of body.items)
        expect(Object.keys(item).sort()).toEqual(Object.keys(proposalListItemSchema.shape).sort());
      // `refs` names what the items refer to, each once, and nothing else.
      const named = (pick: (p: ProposalList['items'][number]) => number | string | null) =>
        [...new Set(body.items.map(pick).filter((id) => id !== null))].map(String).sort();
      expect({
        competitions: Object.keys(body.refs.competitions).sort(),
        groups: Object.keys(body.refs.groups).sort(),
        categories: Object.keys(body.refs.categories).sort(),
        institutions: Object.keys(body.refs.institutions).sort(),
        units: Object.keys(body.refs.units).sort(),
        states: Object.keys(body.refs.states).sort(),
      }).toEqual({
        competitions: named((p) => p.competitionId),
        groups: named((p) => p.groupId),
        categories: named((p) => p.categoryId),
        institutions: named((p) => p.institutionId),
        units: named((p) => p.unitId),
        states: named((p) => p.state),
      });
      // Expanded, each item is the summary of its detail (GET /proposals/:id), field for field.
      for (const item of expandProposalList(body).items) {
        expect(Object.keys(item).sort()).toEqual(Object.keys(proposalSummarySchema.shape).sort());
        const detail = await call(who, 'GET', `/proposals/${item.id}`);
        expect(detail.statusCode).toBe(200);
        expect(item).toStrictEqual(proposalSummarySchema.parse(detail.json()));
      }
    },
  );

  it('names every item of a list of more units than one lookup statement takes (1,100)', async () => {
    const stamp = T2.toISOString();
    const x = await makeInstitution(ctx.db, { type: 'pemerintah_kota', regionCode: '73.71' });
    const units = await ctx.db
      .insertInto('units')
      .values(
        Array.from({ length: 1100 }, (_, i) => ({
          institution_id: x.id,
          name: `Unit Banyak ${i + 1}`,
          kind: 'upp' as const,
          parent_unit_id: null,
          created_at: stamp,
          updated_at: stamp,
        })),
      )
      .returning(['id', 'name'])
      .execute();
    const { group_id, created_by } = await ctx.db
      .selectFrom('proposals')
      .select(['group_id', 'created_by'])
      .where('id', '=', ids.sent)
      .executeTakeFirstOrThrow();
    for (let start = 0; start < units.length; start += 250)
      await ctx.db
        .insertInto('proposals')
        .values(
          units.slice(start, start + 250).map((u, k) => ({
            competition_id: competitionId,
            code: `BANYAK-${start + k + 1}`,
            institution_id: x.id,
            unit_id: u.id,
            group_id,
            category_id: null,
            title: `Inovasi Banyak ${start + k + 1}`,
            title_key: null,
            acronym: null,
            implementation_start: null,
            innovator_kind: null,
            innovator_names: null,
            contact_name: null,
            contact_phone: null,
            contact_email: null,
            links: '[]',
            declaration_accepted: 0,
            state: 'draft' as const,
            version: 1,
            created_by,
            created_at: stamp,
            updated_at: stamp,
            sent_at: null,
            forwarded_at: null,
            received_at: null,
            returned_note: null,
            source_award_id: null,
          })),
        )
        .execute();
    cookie.adminX = await sessionCookie(
      ctx,
      (await makeUser(ctx.db, { role: 'local_admin', institutionId: x.id })).id,
    );
    const all = await call('adminX', 'GET', `/proposals?competitionId=${competitionId}&sort=code`);
    expect(all.statusCode).toBe(200);
    const body = expandProposalList(all.json() as ProposalList);
    expect(body.total).toBe(1100);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    expect(body.items.filter((p) => p.unit.name !== unitName.get(p.unit.id))).toEqual([]);
    expect(new Set(body.items.map((p) => p.unit.id)).size).toBe(1100);
    const page = (
      await call('adminX', 'GET', `/proposals?competitionId=${competitionId}&page=6&pageSize=200`)
    ).json();
    expect([page.total, page.items.length]).toEqual([1100, 100]);
  });

  it('shows what differs between the proposals (a sanity check of the world above)', async () => {
    const body = expandProposalList(
      (await call('admin', 'GET', `/proposals?competitionId=${competitionId}`)).json() as ProposalList,
    );
    const by = Object.fromEntries(body.items.map((p) => [p.id, p]));
    expect(by[ids.draft]).toMatchObject({
      category: null,
      acronym: null,
      attachmentCount: 0,
      provinceCode: '32',
    });
    expect(by[ids.forwarded]).toMatchObject({ attachmentCount: 3, acronym: 'JEBOL', state: 'forwarded' });
    expect(by[ids.received]).toMatchObject({
      provinceCode: '32',
      state: 'received',
      receivedAt: T2.toISOString(),
    });
    expect(by[ids.sent]).toMatchObject({
      provinceCode: 'pusat',
      institutionType: 'bumn',
      institution: { name: 'PT Daftar "Nusantara" (Persero)' },
      category: { key: 'pertumbuhan_ekonomi' },
    });
  });
});
