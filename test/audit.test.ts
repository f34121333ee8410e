import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connect.js';
import { auditEventBatches } from '../src/modules/audit/queries.js';
import { keyedAuditHash, recordAudit, type AuditInput } from '../src/platform/audit.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, sessionCookie } from './helpers/fixtures.js';

const record = (db: Db, input: AuditInput) => db.transaction().execute((tx) => recordAudit(tx, input));

const ALL = { all: true, organizerIds: [], referenceData: false };

const lastAuditId = async (db: Db) =>
  (await db.selectFrom('audit_events').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;

describe('audit log API', () => {
  let ctx: TestContext;
  let sysadmin: string;
  let localAdmin: string;
  let upp: string;
  let sekretariatUser: { id: number; name: string; email: string };
  let adminUser: { id: number; name: string; email: string };
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Makassar Uji' });
    const unit = await makeUnit(ctx.db, inst.id);
    sekretariatUser = await makeUser(ctx.db, {
      role: 'secretariat',
      name: 'Dewi Sekretariat',
      email: 'dewi@menpan.go.id',
    });
    adminUser = await makeUser(ctx.db, {
      role: 'local_admin',
      institutionId: inst.id,
      name: 'Andi Makassar',
      email: 'andi@makassarkota.go.id',
    });
    const uppUser = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    sysadmin = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'system_admin' })).id);
    localAdmin = await sessionCookie(ctx, adminUser.id);
    upp = await sessionCookie(ctx, uppUser.id);

    await record(ctx.db, {
      actorUserId: adminUser.id,
      action: 'unit.created',
      entityType: 'unit',
      entityId: unit.id,
      summary: { after: { name: 'Dinas Kependudukan dan Pencatatan Sipil' } },
      ip: '10.0.0.7',
      now: new Date('2026-05-10T16:30:00.000Z'), // 10 May 23:30 WIB
    });
    ids.unit = await lastAuditId(ctx.db);
    await record(ctx.db, {
      actorUserId: sekretariatUser.id,
      action: 'institution.updated',
      entityType: 'institution',
      entityId: inst.id,
      summary: { before: { name: 'Kota Makassar' }, after: { name: 'Pemerintah Kota Makassar Uji' } },
      ip: '10.0.0.8',
      now: new Date('2026-05-10T17:30:00.000Z'), // 11 May 00:30 WIB
    });
    ids.institution = await lastAuditId(ctx.db);
    await record(ctx.db, {
      actorUserId: null,
      action: 'competition.published',
      entityType: 'competition',
      entityId: 42,
      summary: { code: 'KIPP', year: 2026 },
      ip: null,
      now: new Date('2026-05-12T02:00:00.000Z'),
    });
    ids.competition = await lastAuditId(ctx.db);
    await record(ctx.db, {
      actorUserId: adminUser.id,
      action: 'unit.updated',
      entityType: 'unit',
      entityId: unit.id,
      summary: { before: { name: 'Dinas Dukcapil' }, after: { name: '=HYPERLINK("http://x")' } },
      ip: '10.0.0.7',
      now: new Date('2026-05-13T02:00:00.000Z'),
    });
    ids.unitUpdated = await lastAuditId(ctx.db);
  });
  afterAll(async () => ctx.close());

  const get = (url: string, cookie?: string) =>
    ctx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const listIds = async (query: string) => {
    const res = await get(`/api/audit${query}`, sysadmin);
    expect(res.statusCode).toBe(200);
    return res.json().items.map((i: { id: number }) => i.id);
  };

  it('lists events newest first with the actor, the parsed summary and, once the worker linked them, the hash chain', async () => {
    // Recorded in their changes' transactions, not linked yet: no hash, and the check says so.
    const unlinked = (await get('/api/audit', sysadmin)).json();
    expect(unlinked.items.map((i: { hash: string | null }) => i.hash)).toEqual([null, null, null, null]);
    expect((await get('/api/audit/verify', sysadmin)).json()).toEqual({ ok: true, checked: 0, unlinked: 4 });
    await ctx.deliverMail(); // a pass of the worker, which links them
    const res = await get('/api/audit', sysadmin);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { id: number }) => i.id)).toEqual([
      ids.unitUpdated,
      ids.competition,
      ids.institution,
      ids.unit,
    ]);
    expect(body).toMatchObject({
      total: 4,
      page: 1,
      pageSize: 50,
      facets: {
        actions: ['competition.published', 'institution.updated', 'unit.created', 'unit.updated'],
        entityTypes: ['competition', 'institution', 'unit'],
      },
      abilities: { verify: true, export: true },
    });
    const inst = body.items[2];
    expect(inst).toEqual({
      id: ids.institution,
      actor: { id: sekretariatUser.id, name: 'Dewi Sekretariat', email: 'dewi@menpan.go.id' },
      action: 'institution.updated',
      entityType: 'institution',
      entityId: expect.any(String),
      summary: { before: { name: 'Kota Makassar' }, after: { name: 'Pemerintah Kota Makassar Uji' } },
      ip: '10.0.0.8',
      createdAt: '2026-05-10T17:30:00.000Z',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      prevHash: body.items[3].hash,
    });
    expect(body.items[3].prevHash).toBeNull();
    expect(body.items[1].actor).toBeNull();
  });

  it('filters by action, entity, actor (id or name/e-mail), period and free text', async () => {
    expect(await listIds('?action=unit.created')).toEqual([ids.unit]);
    expect(await listIds('?entityType=unit')).toEqual([ids.unitUpdated, ids.unit]);
    expect(await listIds('?entityType=competition&entityId=42')).toEqual([ids.competition]);
    expect(await listIds(`?actor=${adminUser.id}`)).toEqual([ids.unitUpdated, ids.unit]);
    expect(await listIds('?actor=DEWI')).toEqual([ids.institution]);
    expect(await listIds('?actor=makassarkota.go.id')).toEqual([ids.unitUpdated, ids.unit]);
    expect(await listIds('?q=dukcapil')).toEqual([ids.unitUpdated]);
    expect(await listIds('?q=10.0.0.8')).toEqual([ids.institution]);
    expect(await listIds('?q=andi')).toEqual([ids.unitUpdated, ids.unit]);
    expect(await listIds('?q=%25')).toEqual([]);
    expect(await listIds('?action=&q=&from=&to=')).toHaveLength(4);
  });

  it('reads a date as a whole day in WIB and an instant as itself', async () => {
    // 2026-05-11 WIB runs from 2026-05-10T17:00Z to 2026-05-11T17:00Z.
    expect(await listIds('?from=2026-05-11&to=2026-05-11')).toEqual([ids.institution]);
    expect(await listIds('?to=2026-05-10')).toEqual([ids.unit]);
    expect(await listIds('?from=2026-05-12T02:00:00Z')).toEqual([ids.unitUpdated, ids.competition]);
    expect(await listIds(`?to=${encodeURIComponent('2026-05-12T09:00:00+07:00')}`)).toEqual([
      ids.competition,
      ids.institution,
      ids.unit,
    ]);
  });

  it('refuses a malformed or reversed period with field-level messages', async () => {
    const bad = await get('/api/audit?from=kemarin', sysadmin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.from.message.en).toBe(
      'Use a date (YYYY-MM-DD) or an ISO 8601 time with its zone.',
    );
    const reversed = await get('/api/audit?from=2026-05-12&to=2026-05-11', sysadmin);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields.to.message).toEqual({
      id: 'Tanggal akhir harus setelah tanggal awal.',
      en: 'The end must be after the start.',
    });
  });

  it('pages the list', async () => {
    const res = (await get('/api/audit?pageSize=3&page=2', sysadmin)).json();
    expect(res.items.map((i: { id: number }) => i.id)).toEqual([ids.unit]);
    expect(res).toMatchObject({ total: 4, page: 2, pageSize: 3 });
  });

  it('exports the filtered log as CSV with a BOM, newest first', async () => {
    const res = await get('/api/audit/export.csv?entityType=unit', sysadmin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="sinovik-audit-\d{8}-\d{4}\.csv"$/,
    );
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'id,created_at,actor_id,actor_name,actor_email,action,entity_type,entity_id,summary,ip,prev_hash,hash',
    );
    expect(lines.filter((l) => l !== '')).toHaveLength(3);
    expect(
      lines[1].startsWith(`${ids.unitUpdated},2026-05-13T02:00:00.000Z,${adminUser.id},Andi Makassar,`),
    ).toBe(true);
    expect(lines[2].startsWith(`${ids.unit},`)).toBe(true);
    // The summary column is the stored JSON text (quotes doubled), so the exported hash can be rechecked.
    expect(lines[2]).toContain('"{""after"":{""name"":""Dinas Kependudukan dan Pencatatan Sipil""}}"');
  });

  it('exports every event when no filter is given, reading the log in batches', async () => {
    const res = await get('/api/audit/export.csv', sysadmin);
    const lines = res.body.split('\r\n').filter((l) => l !== '');
    expect(lines).toHaveLength(5);
    const batches: number[][] = [];
    for await (const rows of auditEventBatches(ctx.db, { entityType: 'unit' }, ALL, 1))
      batches.push(rows.map((r) => r.id));
    expect(batches).toEqual([[ids.unitUpdated], [ids.unit]]);
    const all: number[] = [];
    for await (const rows of auditEventBatches(ctx.db, {}, ALL, 3)) all.push(...rows.map((r) => r.id));
    expect(all).toEqual([ids.unitUpdated, ids.competition, ids.institution, ids.unit]);
  });

  it('verifies the hash chain as intact', async () => {
    const res = await get('/api/audit/verify', sysadmin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, checked: 4, unlinked: 0 });
  });

  it('hashes an event the way recordAudit stored it, keyed with the audit key (the pure function used by the check)', async () => {
    const row = await ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '=', ids.institution)
      .executeTakeFirstOrThrow();
    const fields = {
      prevHash: row.prev_hash,
      createdAt: row.created_at,
      actorUserId: row.actor_user_id,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      summary: row.summary,
      ip: row.ip,
      competitionId: row.competition_id,
      organizerInstitutionId: row.organizer_institution_id,
      institutionId: row.institution_id,
      referenceData: row.reference_data,
    };
    expect(row.keyed).toBe(1);
    expect(keyedAuditHash(Buffer.from(ctx.config.auditKey), fields)).toBe(row.hash);
    // Without the key nobody recomputes it.
    expect(keyedAuditHash(Buffer.from('another-key-another-key-another-key-0'), fields)).not.toBe(row.hash);
  });

  it('refuses the audit log to an UPP and a local admin (403) and to anyone not logged in (401)', async () => {
    for (const url of ['/api/audit', '/api/audit/verify', '/api/audit/export.csv']) {
      for (const cookie of [upp, localAdmin]) {
        const res = await get(url, cookie);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden.missingRole');
      }
      const anon = await get(url);
      expect(anon.statusCode).toBe(401);
      expect(anon.json().error.code).toBe('unauthenticated');
    }
  });

  // These change the rows directly, as someone with database access would: keep them last.
  it('names the edited event when a summary is changed directly in the database', async () => {
    await ctx.db
      .updateTable('audit_events')
      .set({ summary: JSON.stringify({ before: { name: 'Kota Makassar' }, after: { name: 'Dipalsukan' } }) })
      .where('id', '=', ids.institution)
      .execute();
    const res = await get('/api/audit/verify', sysadmin);
    expect(res.json()).toMatchObject({ ok: false, checked: 2, brokenAt: ids.institution });
    // The list still shows the damaged row, as it now reads.
    const listed = (await get(`/api/audit?entityType=institution`, sysadmin)).json().items[0];
    expect(listed.summary.after.name).toBe('Dipalsukan');
  });

  it('names the successor when an event is deleted, once the edit is undone', async () => {
    await ctx.db
      .updateTable('audit_events')
      .set({
        summary: JSON.stringify({
          before: { name: 'Kota Makassar' },
          after: { name: 'Pemerintah Kota Makassar Uji' },
        }),
      })
      .where('id', '=', ids.institution)
      .execute();
    expect((await get('/api/audit/verify', sysadmin)).json()).toEqual({ ok: true, checked: 4, unlinked: 0 });
    await ctx.db.deleteFrom('audit_events').where('id', '=', ids.competition).execute();
    expect((await get('/api/audit/verify', sysadmin)).json()).toMatchObject({
      ok: false,
      checked: 3,
      brokenAt: ids.unitUpdated,
    });
  });

  it('shows a summary that is no longer JSON as its raw text instead of failing', async () => {
    await ctx.db
      .updateTable('audit_events')
      .set({ summary: 'not json {' })
      .where('id', '=', ids.unit)
      .execute();
    const res = await get('/api/audit?action=unit.created', sysadmin);
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].summary).toBe('not json {');
    expect((await get('/api/audit/verify', sysadmin)).json()).toMatchObject({
      ok: false,
      checked: 1,
      brokenAt: ids.unit,
    });
  });

  it('neutralises a spreadsheet formula typed into a name in the CSV', async () => {
    const sly = await makeUser(ctx.db, { role: 'upp', name: '=HYPERLINK("http://x")' });
    await record(ctx.db, {
      actorUserId: sly.id,
      action: 'user.profile_updated',
      entityType: 'user',
      entityId: sly.id,
      summary: {},
      ip: null,
      now: ctx.clock.now(),
    });
    const res = await get('/api/audit/export.csv?action=user.profile_updated', sysadmin);
    expect(res.body).toContain(`,"'=HYPERLINK(""http://x"")",`);
  });
});
