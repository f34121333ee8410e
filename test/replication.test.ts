import { beforeAll, describe, expect, it } from 'vitest';
import { replicationCountsBy } from '../src/modules/replication/graph-queries.js';
import { appWithSmtpCapture } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, sessionCookie } from './helpers/fixtures.js';
import { publishedGalleryWorld, type GalleryWorld } from './helpers/gallery.js';

/*
 * Replication between institutions (issue 14 point 3) on a real database (SQLite; PostgreSQL with
 * DATABASE_URL), over the gallery world (X = Kabupaten Tangerang owns the Dukcapil innovation, Y = Kota
 * Bandung the replikasi one): asking, the refusals (to oneself or an institution under it 422, twice 409,
 * bad fields 400 in both languages, the wrong roles 401/403), the answers (only the owner's admin lokal;
 * a decline needs its reason; final once answered), withdrawing, the audit and outbox rows of each move,
 * the shared contact, and the public graph with a replikasi source and its counts.
 */

describe('replication requests between institutions', () => {
  const suite = appWithSmtpCapture();
  const s = {} as GalleryWorld;
  const c = {} as Record<
    'xAdmin' | 'xUpp' | 'yAdmin' | 'yUpp' | 'zAdmin' | 'childAdmin' | 'sec' | 'none',
    string
  >;
  const ids = {} as { x: number; y: number; z: number; dukcapil: string; replikasi: string };
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: unknown) =>
    suite.ctx.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const ask = (slug: string, cookie: string, body: Record<string, unknown> = {}) =>
    call('POST', `/api/gallery/${slug}/replication-requests`, cookie, {
      contactName: 'Rina Marlina',
      contactEmail: 'rina@bandung.go.id',
      contactPhone: '0812 3456 7890',
      message: 'Kami ingin mereplikasi layanan jemput bola untuk kelurahan padat di Kota Bandung.',
      ...body,
    });
  const outboxOf = (template: string) =>
    suite.ctx.db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'text_body'])
      .where('template', '=', template)
      .orderBy('id')
      .execute();
  const auditsOf = (action: string) =>
    suite.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();

  beforeAll(async () => {
    Object.assign(s, await publishedGalleryWorld(suite));
    const { db } = suite.ctx;
    const inst = async (name: string) =>
      (await db.selectFrom('institutions').select('id').where('name', '=', name).executeTakeFirstOrThrow())
        .id;
    ids.x = await inst('Pemerintah Kabupaten Tangerang');
    ids.y = await inst('Pemerintah Kota Bandung');
    const z = await makeInstitution(db, {
      name: 'Pemerintah Kota Makassar',
      type: 'pemerintah_kota',
      regionCode: '73.71',
    });
    ids.z = z.id;
    const child = await makeInstitution(db, { name: 'RSUD Kabupaten Tangerang' });
    await db.updateTable('institutions').set({ parent_id: ids.x }).where('id', '=', child.id).execute();
    const slug = async (id: number) =>
      (
        await db
          .selectFrom('gallery_entries')
          .select('slug')
          .where('proposal_id', '=', id)
          .executeTakeFirstOrThrow()
      ).slug;
    ids.dukcapil = await slug(s.f.dukcapil.id);
    ids.replikasi = await slug(s.f.replikasi.id);
    const cookieOf = async (u: { id: number }) => sessionCookie(suite.ctx, u.id);
    const unitY = await makeUnit(db, ids.y);
    const unitX = (
      await db.selectFrom('units').select('id').where('institution_id', '=', ids.x).executeTakeFirstOrThrow()
    ).id;
    c.xAdmin = await cookieOf(
      await makeUser(db, {
        role: 'local_admin',
        institutionId: ids.x,
        email: 'admin@tangerang.go.id',
        name: 'Admin Tangerang',
      }),
    );
    c.xUpp = await cookieOf(await makeUser(db, { role: 'upp', institutionId: ids.x, unitId: unitX }));
    c.yAdmin = await cookieOf(
      await makeUser(db, {
        role: 'local_admin',
        institutionId: ids.y,
        email: 'admin@bandung.go.id',
        name: 'Admin Bandung',
      }),
    );
    c.yUpp = await cookieOf(await makeUser(db, { role: 'upp', institutionId: ids.y, unitId: unitY.id }));
    c.zAdmin = await cookieOf(
      await makeUser(db, { role: 'local_admin', institutionId: ids.z, email: 'admin@makassar.go.id' }),
    );
    c.childAdmin = await cookieOf(await makeUser(db, { role: 'local_admin', institutionId: child.id }));
    c.sec = await sessionCookie(suite.ctx, s.secId);
    c.none = '';
  });

  let firstId = 0;

  it('asks the owner of an innovation to replicate it: 201, the audit row, the mail and notice to its admin lokal', async () => {
    const res = await ask(ids.dukcapil, c.yAdmin);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    firstId = r.id;
    expect(r).toMatchObject({
      direction: 'sent',
      state: 'requested',
      innovation: { title: 'Jemput Bola Pelayanan Kependudukan Desa', slug: ids.dukcapil },
      ownerInstitution: { id: ids.x, name: 'Pemerintah Kabupaten Tangerang' },
      requestingInstitution: {
        id: ids.y,
        name: 'Pemerintah Kota Bandung',
        province: { code: '32', name: 'Jawa Barat' },
      },
      contact: { name: 'Rina Marlina', email: 'rina@bandung.go.id', phone: '+6281234567890' },
      ownerContact: null,
      abilities: { accept: false, decline: false, withdraw: true },
    });
    const [audit] = await auditsOf('replication.requested');
    expect(audit).toMatchObject({ entity_type: 'replication_request', entity_id: String(r.id) });
    expect(JSON.parse(audit!.summary)).toMatchObject({
      ownerInstitutionId: ids.x,
      requestingInstitutionId: ids.y,
    });
    const mails = await outboxOf('replication_requested');
    expect(mails.map((m) => m.to_address)).toEqual(['admin@tangerang.go.id']);
    // Bahasa Indonesia first, then English; the requester's contact goes to the owner at once.
    const text = mails[0]!.text_body;
    expect(text.indexOf('Pemerintah Kota Bandung mengajukan permohonan')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('— English —')).toBeGreaterThan(text.indexOf('mengajukan permohonan'));
    expect(text).toContain('Rina Marlina · rina@bandung.go.id · +6281234567890');
    expect(mails[0]!.subject).toBe(
      'Permohonan replikasi "Jemput Bola Pelayanan Kependudukan Desa" / Replication request',
    );
    const notices = await suite.ctx.db
      .selectFrom('notifications')
      .select(['kind', 'link'])
      .where('kind', '=', 'replication_requested')
      .execute();
    expect(notices).toEqual([{ kind: 'replication_requested', link: '/instansi/replikasi' }]);
  });

  it('refuses a request to one’s own institution or an institution under it (422 replication_to_self)', async () => {
    for (const cookie of [c.xAdmin, c.xUpp, c.childAdmin]) {
      const res = await ask(ids.dukcapil, cookie);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code).toBe('replication_to_self');
    }
    expect(await auditsOf('replication.requested')).toHaveLength(1);
  });

  it('refuses a second open request of the same institution (409), whoever of it asks', async () => {
    const res = await ask(ids.dukcapil, c.yUpp);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('replication_already_requested');
    expect(res.json().error.message).toEqual({
      id: 'Instansi Anda sudah mengajukan replikasi inovasi ini dan masih menunggu jawaban.',
      en: 'Your institution has already asked to replicate this innovation and awaits the answer.',
    });
  });

  it('says what is wrong with each field, in both languages (400)', async () => {
    const res = await ask(ids.dukcapil, c.zAdmin, {
      contactName: ' ',
      contactEmail: 'bukan-email',
      contactPhone: '12',
      message: 'Singkat.',
    });
    expect(res.statusCode, res.body).toBe(400);
    const fields = res.json().error.fields;
    expect(Object.keys(fields).sort()).toEqual(['contactEmail', 'contactName', 'contactPhone', 'message']);
    expect(fields.contactName.message).toEqual({
      id: 'Nama kontak wajib diisi.',
      en: 'The contact name is required.',
    });
    expect(fields.message.message.id).toMatch(/^Tuliskan pesan sekurang-kurangnya 20 karakter/);
    expect(fields.message.message.en).toMatch(/^Write a message of at least 20 characters/);
  });

  it('refuses the wrong people: anonymous 401, a secretariat 403, an unknown innovation 404', async () => {
    expect((await ask(ids.dukcapil, c.none)).statusCode).toBe(401);
    const sec = await ask(ids.dukcapil, c.sec);
    expect(sec.statusCode).toBe(403);
    expect(sec.json().error.code).toBe('forbidden.missingRole');
    expect((await ask('kipp-2026-99999', c.zAdmin)).statusCode).toBe(404);
    expect((await ask(s.privateOne.code.toLowerCase(), c.zAdmin)).statusCode).toBe(404);
  });

  it('lets only the owner institution’s admin lokal answer (403 for another institution and for a UPP)', async () => {
    for (const [cookie, code] of [
      [c.zAdmin, 'forbidden.otherInstitution'],
      [c.yAdmin, 'forbidden.otherInstitution'],
      [c.xUpp, 'forbidden.missingRole'],
    ] as const) {
      const res = await call('POST', `/api/replication-requests/${firstId}/accept`, cookie, {
        contactName: 'Siapa Saja',
        contactEmail: 'siapa@contoh.go.id',
      });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe(code);
    }
    expect(
      (
        await call('POST', `/api/replication-requests/${firstId}/decline`, c.zAdmin, {
          reason: 'Bukan urusan kami sama sekali.',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('requires the reason of a decline, on its field in both languages (400)', async () => {
    const res = await call('POST', `/api/replication-requests/${firstId}/decline`, c.xAdmin, {
      reason: '  ',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields.reason).toEqual({
      code: 'required',
      message: { id: 'Tuliskan alasan penolakan.', en: 'Write the reason for declining.' },
    });
    expect(await auditsOf('replication.declined')).toHaveLength(0);
  });

  it('offers the owner the innovation’s saved contact for replication to accept with, and no one else', async () => {
    const saved = await call('PUT', `/api/gallery-owner/proposals/${s.f.dukcapil.id}/contact`, c.xAdmin, {
      name: 'Budi Santoso',
      position: 'Kepala Bidang Inovasi',
      email: 'budi@tangerang.go.id',
      phone: '021 5555 1234',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const contact = { name: 'Budi Santoso', email: 'budi@tangerang.go.id', phone: '+622155551234' };
    const received = (await call('GET', '/api/replication-requests', c.xAdmin)).json();
    expect(received.received.find((r: { id: number }) => r.id === firstId).savedContact).toEqual(contact);
    // The owner's UPP reads the request but does not answer it; the requester never sees it before.
    const upp = (await call('GET', '/api/replication-requests', c.xUpp)).json();
    expect(upp.received.find((r: { id: number }) => r.id === firstId).savedContact).toBeNull();
    const sent = (await call('GET', '/api/replication-requests', c.yAdmin)).json();
    expect(sent.sent.find((r: { id: number }) => r.id === firstId).savedContact).toBeNull();
  });

  it('accepts: the owner’s contact goes to the requester (mail, notice, list); the answer is final', async () => {
    const res = await call('POST', `/api/replication-requests/${firstId}/accept`, c.xAdmin, {
      contactName: 'Budi Santoso',
      contactEmail: 'budi@tangerang.go.id',
      contactPhone: '021 5555 1234',
      message: 'Silakan hubungi kami untuk SOP dan aplikasi.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      direction: 'received',
      state: 'accepted',
      answeredBy: 'Admin Tangerang',
      ownerContact: { name: 'Budi Santoso', email: 'budi@tangerang.go.id', phone: '+622155551234' },
    });
    expect(await auditsOf('replication.accepted')).toHaveLength(1);
    // To the contact the request gave, and to the account that asked (another address).
    const mails = await outboxOf('replication_accepted');
    expect(mails.map((m) => m.to_address)).toEqual(['rina@bandung.go.id', 'admin@bandung.go.id']);
    expect(mails[0]!.text_body).toContain(
      'Kontak replikasi: Budi Santoso · budi@tangerang.go.id · +622155551234',
    );
    expect(mails[0]!.text_body).toContain('Replication contact: Budi Santoso');

    const sent = (await call('GET', '/api/replication-requests', c.yAdmin)).json();
    expect(sent.sent.map((r: { id: number; ownerContact: unknown }) => [r.id, r.ownerContact])).toEqual([
      [firstId, { name: 'Budi Santoso', email: 'budi@tangerang.go.id', phone: '+622155551234' }],
    ]);
    expect(sent.received).toEqual([]);
    const received = (await call('GET', '/api/replication-requests', c.xAdmin)).json();
    expect(
      received.received.map((r: { id: number; contact: { email: string } }) => [r.id, r.contact.email]),
    ).toEqual([[firstId, 'rina@bandung.go.id']]);
    // Another institution's admin lokal reads neither.
    const other = (await call('GET', '/api/replication-requests', c.zAdmin)).json();
    expect([other.sent, other.received]).toEqual([[], []]);
    expect((await call('GET', '/api/replication-requests', c.sec)).statusCode).toBe(403);

    for (const [path, body] of [
      ['decline', { reason: 'Kami berubah pikiran tentang ini.' }],
      ['accept', { contactName: 'Budi', contactEmail: 'budi@tangerang.go.id' }],
    ] as const) {
      const again = await call('POST', `/api/replication-requests/${firstId}/${path}`, c.xAdmin, body);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('replication_answered');
    }
    expect(
      (await call('POST', `/api/replication-requests/${firstId}/withdraw`, c.yAdmin, {})).statusCode,
    ).toBe(409);
  });

  it('declines with the reason mailed to the requester, and a requester withdraws its own open request', async () => {
    const asked = await ask(ids.dukcapil, c.zAdmin, { contactEmail: 'admin@makassar.go.id' });
    expect(asked.statusCode, asked.body).toBe(201);
    const declined = await call('POST', `/api/replication-requests/${asked.json().id}/decline`, c.xAdmin, {
      reason: 'Aplikasi masih dalam pengembangan tahun ini.',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({
      state: 'declined',
      answerMessage: 'Aplikasi masih dalam pengembangan tahun ini.',
      ownerContact: null,
    });
    // The contact given is the account's own address: one mail.
    const mails = await outboxOf('replication_declined');
    expect(mails.map((m) => m.to_address)).toEqual(['admin@makassar.go.id']);
    expect(mails[0]!.text_body).toContain('“Aplikasi masih dalam pengembangan tahun ini.”');

    // Declined is not open: the institution may ask again, then withdraw.
    const again = await ask(ids.dukcapil, c.zAdmin);
    expect(again.statusCode, again.body).toBe(201);
    const id = again.json().id;
    expect((await call('POST', `/api/replication-requests/${id}/withdraw`, c.xAdmin, {})).statusCode).toBe(
      403,
    );
    const withdrawn = await call('POST', `/api/replication-requests/${id}/withdraw`, c.zAdmin, {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().state).toBe('withdrawn');
    expect(await auditsOf('replication.withdrawn')).toHaveLength(1);
    expect((await outboxOf('replication_withdrawn')).map((m) => m.to_address)).toEqual([
      'admin@tangerang.go.id',
    ]);
    expect((await call('POST', `/api/replication-requests/${id}/withdraw`, c.zAdmin, {})).statusCode).toBe(
      409,
    );
  });

  it('tells each visitor of the page what they may do (abilities)', async () => {
    const abilities = async (cookie: string) =>
      (await call('GET', `/api/gallery/${ids.dukcapil}/replication-abilities`, cookie)).json();
    expect(await abilities(c.none)).toMatchObject({ signedIn: false, request: false, owner: false });
    expect(await abilities(c.xAdmin)).toMatchObject({ signedIn: true, request: false, owner: true });
    expect(await abilities(c.yAdmin)).toMatchObject({
      request: true,
      owner: false,
      latest: { state: 'accepted' },
      requestingInstitution: { id: ids.y },
    });
    expect(await abilities(c.sec)).toMatchObject({ signedIn: true, request: false, owner: false });
    await ask(ids.dukcapil, c.zAdmin);
    expect(await abilities(c.zAdmin)).toMatchObject({ request: false, latest: { state: 'requested' } });
  });

  it('draws the public graph: the replikasi source, who replicated it (request and proposal), and the counts', async () => {
    const { db } = suite.ctx;
    // The replikasi proposal names the award published for the Dukcapil innovation as its source.
    const award = await db
      .selectFrom('awards')
      .select('id')
      .where('proposal_id', '=', s.f.dukcapil.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('proposals')
      .set({ source_award_id: award.id })
      .where('id', '=', s.f.replikasi.id)
      .execute();

    const graph = await call('GET', `/api/public/gallery/${ids.dukcapil}/replication`, '');
    expect(graph.statusCode, graph.body).toBe(200);
    const g = graph.json();
    expect(g.innovation).toMatchObject({ slug: ids.dukcapil, institution: 'Pemerintah Kabupaten Tangerang' });
    expect(g.source).toBeNull();
    expect(
      g.replications.map(
        (r: {
          kind: string;
          institution: string;
          province: { name: string } | null;
          innovation: { slug: string } | null;
        }) => [r.kind, r.institution, r.province?.name ?? null, r.innovation?.slug ?? null],
      ),
    ).toEqual([
      ['request', 'Pemerintah Kota Bandung', 'Jawa Barat', null],
      ['proposal', 'Pemerintah Kota Bandung', 'Jawa Barat', ids.replikasi],
    ]);
    // Two replications by one institution in one province.
    expect(g.counts).toEqual({ replications: 2, institutions: 1, regions: 1 });
    // No person in the public graph.
    expect(graph.body).not.toContain('Rina');
    expect(graph.body).not.toContain('@');

    const back = (await call('GET', `/api/public/gallery/${ids.replikasi}/replication`, '')).json();
    expect(back.source).toMatchObject({
      slug: ids.dukcapil,
      title: 'Jemput Bola Pelayanan Kependudukan Desa',
    });
    expect(back.counts).toEqual({ replications: 0, institutions: 0, regions: 0 });
    expect(
      (await call('GET', `/api/public/gallery/${s.privateOne.code.toLowerCase()}/replication`, ''))
        .statusCode,
    ).toBe(404);

    expect(await replicationCountsBy(db)).toEqual({
      byInnovation: [
        {
          slug: ids.dukcapil,
          title: 'Jemput Bola Pelayanan Kependudukan Desa',
          institution: 'Pemerintah Kabupaten Tangerang',
          count: 2,
        },
      ],
      byInstitution: [{ institutionId: ids.x, name: 'Pemerintah Kabupaten Tangerang', count: 2 }],
      byRegion: [{ provinceCode: '32', name: 'Jawa Barat', count: 2 }],
    });
  });
});
