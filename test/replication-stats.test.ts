import { beforeAll, describe, expect, it } from 'vitest';
import { appWithSmtpCapture } from './helpers/app.js';
import { makeInstitution, makeUser, sessionCookie } from './helpers/fixtures.js';
import { publishedGalleryWorld, type GalleryWorld } from './helpers/gallery.js';

/*
 * The replication statistics of the gallery (issue 14 point 3, GET /api/public/gallery/stats/replication) on
 * a real database (SQLite; PostgreSQL with DATABASE_URL), over the gallery world (X = Kabupaten Tangerang
 * owns Dukcapil and Bank Sampah, Y = Kota Bandung owns Puskesmas and the replikasi innovation): requests
 * made and answered through the API — accepted ones count, a declined one, an open one and a withdrawn one
 * do not — plus the replikasi innovation naming Dukcapil as its source. The numbers equal each innovation
 * page's counts; no person is in the answer.
 */

describe('the replication statistics of the gallery', () => {
  const suite = appWithSmtpCapture();
  const s = {} as GalleryWorld;
  const slugs = {} as Record<'dukcapil' | 'puskesmas' | 'sampah' | 'replikasi', string>;
  const c = {} as Record<'x' | 'y' | 'z' | 'national', string>;
  const call = (method: 'GET' | 'POST', url: string, cookie = '', payload?: object) =>
    suite.ctx.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  const stats = async () => {
    const res = await call('GET', '/api/public/gallery/stats/replication');
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  /** `asker` asks for the innovation at `slug`; returns the request's id. */
  const ask = async (slug: string, asker: string) => {
    const res = await call('POST', `/api/gallery/${slug}/replication-requests`, asker, {
      contactName: 'Rina Marlina',
      contactEmail: 'rina.marlina@contoh.go.id',
      message: 'Kami ingin mereplikasi inovasi ini untuk warga di wilayah kami tahun depan.',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  const answer = async (id: number, owner: string, how: 'accept' | 'decline' | 'withdraw') => {
    const body =
      how === 'accept'
        ? { contactName: 'Budi Santoso', contactEmail: 'budi.santoso@contoh.go.id' }
        : how === 'decline'
          ? { reason: 'Aplikasi masih dalam pengembangan tahun ini.' }
          : {};
    const res = await call('POST', `/api/replication-requests/${id}/${how}`, owner, body);
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    Object.assign(s, await publishedGalleryWorld(suite));
    const { db } = suite.ctx;
    for (const key of ['dukcapil', 'puskesmas', 'sampah', 'replikasi'] as const)
      slugs[key] = (
        await db
          .selectFrom('gallery_entries')
          .select('slug')
          .where('proposal_id', '=', s.f[key].id)
          .executeTakeFirstOrThrow()
      ).slug;
    const inst = async (name: string) =>
      (await db.selectFrom('institutions').select('id').where('name', '=', name).executeTakeFirstOrThrow())
        .id;
    const admin = async (institutionId: number) =>
      sessionCookie(suite.ctx, (await makeUser(db, { role: 'local_admin', institutionId })).id);
    c.x = await admin(await inst('Pemerintah Kabupaten Tangerang'));
    c.y = await admin(await inst('Pemerintah Kota Bandung'));
    c.z = await admin(
      (
        await makeInstitution(db, {
          name: 'Pemerintah Kota Makassar',
          type: 'pemerintah_kota',
          regionCode: '73.71',
        })
      ).id,
    );
    c.national = await admin(
      (await makeInstitution(db, { name: 'Kementerian Kesehatan', type: 'kementerian', regionCode: null }))
        .id,
    );
  });

  it('answers empty lists before any replication', async () => {
    expect((await stats()).json()).toEqual({
      total: 0,
      innovations: [],
      institutions: [],
      provinces: [],
      withoutProvince: 0,
    });
  });

  it('counts only accepted requests and replikasi innovations naming a source, as the innovation pages do', async () => {
    // Accepted: Bandung and Makassar take Dukcapil; the ministry (no province) takes Puskesmas.
    await answer(await ask(slugs.dukcapil, c.y), c.x, 'accept');
    await answer(await ask(slugs.dukcapil, c.z), c.x, 'accept');
    await answer(await ask(slugs.puskesmas, c.national), c.y, 'accept');
    // Not counted: declined, still open, withdrawn.
    await answer(await ask(slugs.puskesmas, c.z), c.y, 'decline');
    await ask(slugs.sampah, c.national);
    await answer(await ask(slugs.sampah, c.y), c.y, 'withdraw');
    // The replikasi innovation (Kota Bandung, Jawa Barat) names the award of Dukcapil as its source.
    const { db } = suite.ctx;
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

    const res = await stats();
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.json()).toEqual({
      total: 4,
      innovations: [
        {
          slug: slugs.dukcapil,
          title: 'Jemput Bola Pelayanan Kependudukan Desa',
          institution: 'Pemerintah Kabupaten Tangerang',
          count: 3,
        },
        {
          slug: slugs.puskesmas,
          title: 'Puskesmas Keliling Sehat Bersama',
          institution: 'Pemerintah Kota Bandung',
          count: 1,
        },
      ],
      institutions: [
        { name: 'Pemerintah Kabupaten Tangerang', count: 3 },
        { name: 'Pemerintah Kota Bandung', count: 1 },
      ],
      provinces: [
        { code: '32', name: 'Jawa Barat', count: 2 },
        { code: '73', name: 'Sulawesi Selatan', count: 1 },
      ],
      withoutProvince: 1,
    });
    // The same numbers as each innovation's page.
    for (const [key, count] of [
      ['dukcapil', 3],
      ['puskesmas', 1],
      ['sampah', 0],
      ['replikasi', 0],
    ] as const) {
      const page = await call('GET', `/api/public/gallery/${slugs[key]}/replication`);
      expect(page.json().counts.replications, key).toBe(count);
    }
    // Institutions and regions only: no contact, no person, no message.
    for (const text of ['@', 'Rina', 'Budi', 'Kementerian Kesehatan', 'Makassar', 'mereplikasi'])
      expect(res.body).not.toContain(text);
  });
});
