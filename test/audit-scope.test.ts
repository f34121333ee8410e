import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';

const NOW = new Date('2026-04-01T03:00:00.000Z');
const TITLE = 'Judul Rahasia Inovasi Draf';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer; type: string }) {
  const boundary = `----sinovik${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

interface Item {
  id: number;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: Record<string, unknown>;
}

describe('who reads which audit entry; downloads are recorded', () => {
  let ctx: TestContext;
  const cookie: Record<string, string> = {};
  let competitionId: number;
  let proposalId: number;

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian PANRB Lingkup', now: NOW });
    competitionId = kipp.competitionId;
    cookie.secretariatA = await sessionCookie(ctx, kipp.secretariat.id);
    const province = await makeInstitution(ctx.db, { type: 'pemerintah_provinsi', name: 'Provinsi Lain' });
    cookie.secretariatB = await sessionCookie(
      ctx,
      (await makeUser(ctx.db, { role: 'secretariat', institutionId: province.id })).id,
    );
    cookie.sysadmin = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'system_admin' })).id);
    cookie.steward = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'data_steward' })).id);
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Lingkup' });
    const unit = await makeUnit(ctx.db, inst.id);
    cookie.upp = await sessionCookie(
      ctx,
      (await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id })).id,
    );
    const created = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${competitionId}/proposals`,
      headers: { cookie: cookie.upp },
      payload: { groupKey: 'umum', title: TITLE },
    });
    expect(created.statusCode).toBe(201);
    proposalId = created.json().id;
    // Reference data: a unit created through the API by the system administrator.
    const unitRes = await ctx.app.inject({
      method: 'POST',
      url: `/api/institutions/${inst.id}/units`,
      headers: { cookie: cookie.sysadmin },
      payload: { name: 'Dinas Data Referensi', kind: 'upp' },
    });
    expect(unitRes.statusCode).toBe(201);
  });
  afterAll(async () => ctx.close());

  const items = async (who: string, query = ''): Promise<Item[]> => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?pageSize=200${query}`,
      headers: { cookie: cookie[who] },
    });
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };

  it("shows the organizer's secretariat its competition's events, without the title of a proposal it cannot open", async () => {
    const mine = await items('secretariatA');
    const created = mine.find((i) => i.action === 'proposal.created');
    expect(created).toBeDefined();
    expect(created!.summary.title).toBe('[disembunyikan]');
    expect(JSON.stringify(mine)).not.toContain(TITLE);
    expect(mine.map((i) => i.action)).toContain('competition.published');
    expect(mine.map((i) => i.action)).not.toContain('unit.created');
    const csv = await ctx.app.inject({
      method: 'GET',
      url: '/api/audit/export.csv',
      headers: { cookie: cookie.secretariatA },
    });
    expect(csv.body).toContain('proposal.created');
    expect(csv.body).not.toContain(TITLE);
  });

  it("shows another organizer's secretariat none of them", async () => {
    const theirs = await items('secretariatB');
    expect(theirs).toEqual([]);
    const facets = (
      await ctx.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: cookie.secretariatB } })
    ).json().facets;
    expect(facets).toEqual({ actions: [], entityTypes: [] });
  });

  it('lets only the system administrator check the whole chain (its answer counts every event)', async () => {
    for (const who of ['secretariatA', 'steward']) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: '/api/audit/verify',
        headers: { cookie: cookie[who] },
      });
      expect(res.statusCode).toBe(403);
      const list = await ctx.app.inject({
        method: 'GET',
        url: '/api/audit',
        headers: { cookie: cookie[who] },
      });
      expect(list.json().abilities).toEqual({ verify: false, export: true });
    }
    const ok = await ctx.app.inject({
      method: 'GET',
      url: '/api/audit/verify',
      headers: { cookie: cookie.sysadmin },
    });
    expect(ok.json()).toMatchObject({ ok: true });
  });

  it('shows the data steward the reference data only, and the system administrator everything', async () => {
    const steward = await items('steward');
    expect(steward.map((i) => i.action)).toEqual(['unit.created']);
    const all = await items('sysadmin');
    const created = all.find((i) => i.action === 'proposal.created');
    expect(created!.summary.title).toBe(TITLE);
    expect(all.map((i) => i.action)).toEqual(
      expect.arrayContaining(['unit.created', 'competition.published']),
    );
  });

  it('records evidence and PDF downloads, in the scope of the proposal', async () => {
    const up = multipart({ kind: 'evidence' }, { name: 'foto-bukti.png', content: PNG, type: 'image/png' });
    const added = await ctx.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposalId}/attachments`,
      headers: { cookie: cookie.upp, ...up.headers },
      payload: up.payload,
    });
    expect(added.statusCode).toBe(201);
    const attachmentId = added.json().attachment?.id ?? added.json().id;
    const file = await ctx.app.inject({
      method: 'GET',
      url: `/api/proposals/${proposalId}/attachments/${attachmentId}/download`,
      headers: { cookie: cookie.upp },
    });
    expect(file.statusCode).toBe(200);
    const pdf = await ctx.app.inject({
      method: 'GET',
      url: `/api/proposals/${proposalId}/pdf`,
      headers: { cookie: cookie.upp },
    });
    expect(pdf.statusCode).toBe(200);
    const rows = await ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', 'in', ['attachment.downloaded', 'proposal.pdf_downloaded'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.action, r.entity_id, r.competition_id])).toEqual([
      ['attachment.downloaded', String(proposalId), competitionId],
      ['proposal.pdf_downloaded', String(proposalId), competitionId],
    ]);
    // The organizer's secretariat sees that the draft's file was downloaded, but not its name.
    const seen = (await items('secretariatA', '&action=attachment.downloaded'))[0];
    expect(seen.summary.name).toBe('[disembunyikan]');
  });

  it('records a dashboard export', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/competitions/${competitionId}/proposals/export?format=csv`,
      headers: { cookie: cookie.secretariatA },
    });
    expect(res.statusCode).toBe(200);
    const exported = await items('secretariatA', '&action=dashboard.exported');
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ entityType: 'competition', entityId: String(competitionId) });
    expect(await items('secretariatB', '&action=dashboard.exported')).toEqual([]);
  });
});
