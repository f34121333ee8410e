import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connect.js';
import { notifyUser } from '../src/platform/notify.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUser, sessionCookie } from './helpers/fixtures.js';

async function notify(db: Db, userId: number, n: number, at: Date) {
  await db.transaction().execute((tx) =>
    notifyUser(tx, {
      userId,
      kind: 'proposal.returned',
      title: { id: `Usulan dikembalikan ${n}`, en: `Proposal returned ${n}` },
      body: { id: `Isi pemberitahuan ${n}`, en: `Notice body ${n}` },
      link: `/usulan/${n}`,
      now: at,
    }),
  );
  return db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
    .then((r) => r.id);
}

describe('notifications API', () => {
  let ctx: TestContext;
  let alice: string;
  let bob: string;
  let aliceIds: number[];
  let bobId: number;

  beforeAll(async () => {
    ctx = await createTestApp();
    const inst = await makeInstitution(ctx.db);
    const a = await makeUser(ctx.db, { role: 'local_admin', institutionId: inst.id });
    const b = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id });
    alice = await sessionCookie(ctx, a.id);
    bob = await sessionCookie(ctx, b.id);
    const t0 = Date.parse('2026-05-11T01:00:00.000Z');
    aliceIds = [];
    for (let n = 1; n <= 3; n++) aliceIds.push(await notify(ctx.db, a.id, n, new Date(t0 + n * 60_000)));
    bobId = await notify(ctx.db, b.id, 9, new Date(t0));
  });
  afterAll(async () => ctx.close());

  const get = (url: string, cookie?: string) =>
    ctx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const post = (url: string, cookie?: string) =>
    ctx.app.inject({ method: 'POST', url, headers: cookie ? { cookie } : {} });

  it('shows a user only their own notifications, newest first, in both languages', async () => {
    const res = await get('/api/notifications', alice);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { id: number }) => i.id)).toEqual([...aliceIds].reverse());
    expect(body).toMatchObject({ unreadCount: 3, total: 3, page: 1, pageSize: 20 });
    expect(body.items[0]).toEqual({
      id: aliceIds[2],
      kind: 'proposal.returned',
      title: { id: 'Usulan dikembalikan 3', en: 'Proposal returned 3' },
      body: { id: 'Isi pemberitahuan 3', en: 'Notice body 3' },
      link: '/usulan/3',
      createdAt: '2026-05-11T01:03:00.000Z',
      readAt: null,
    });

    const other = (await get('/api/notifications', bob)).json();
    expect(other.items.map((i: { id: number }) => i.id)).toEqual([bobId]);
    expect(other.unreadCount).toBe(1);
  });

  it('pages, and gives the unread count for the bell with a one-row page', async () => {
    const page2 = (await get('/api/notifications?pageSize=2&page=2', alice)).json();
    expect(page2.items.map((i: { id: number }) => i.id)).toEqual([aliceIds[0]]);
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2, unreadCount: 3 });
    const bell = (await get('/api/notifications?unread=1&pageSize=1', alice)).json();
    expect(bell.items).toHaveLength(1);
    expect(bell.unreadCount).toBe(3);
  });

  it('marks one read, keeps the first read time when read again, and lists only unread ones on request', async () => {
    const res = await post(`/api/notifications/${aliceIds[1]}/read`, alice);
    expect(res.statusCode).toBe(200);
    const first = res.json();
    expect(first.notification.id).toBe(aliceIds[1]);
    expect(first.notification.readAt).toEqual(expect.any(String));
    expect(first.unreadCount).toBe(2);

    ctx.clock.advance(60_000);
    const again = (await post(`/api/notifications/${aliceIds[1]}/read`, alice)).json();
    expect(again.notification.readAt).toBe(first.notification.readAt);
    expect(again.unreadCount).toBe(2);

    const unread = (await get('/api/notifications?unread=1', alice)).json();
    expect(unread.items.map((i: { id: number }) => i.id)).toEqual([aliceIds[2], aliceIds[0]]);
    expect(unread).toMatchObject({ total: 2, unreadCount: 2 });
    const all = (await get('/api/notifications?unread=0', alice)).json();
    expect(all.total).toBe(3);
  });

  it("answers 404 to marking another user's notification, and leaves it unread", async () => {
    const res = await post(`/api/notifications/${bobId}/read`, alice);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await post('/api/notifications/999999/read', alice)).statusCode).toBe(404);
    const row = await ctx.db
      .selectFrom('notifications')
      .select('read_at')
      .where('id', '=', bobId)
      .executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
  });

  it("marks all of a user's notifications read without touching anyone else's", async () => {
    const res = await post('/api/notifications/read-all', alice);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ updated: 2, unreadCount: 0 });
    expect((await get('/api/notifications?unread=1', alice)).json()).toMatchObject({
      items: [],
      total: 0,
      unreadCount: 0,
    });
    expect((await post('/api/notifications/read-all', alice)).json()).toEqual({ updated: 0, unreadCount: 0 });
    expect((await get('/api/notifications', bob)).json().unreadCount).toBe(1);
  });

  it('refuses bad paging with a field-level message', async () => {
    const res = await get('/api/notifications?page=0', alice);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.page.code).toBe('too_small');
    const bad = await post('/api/notifications/abc/read', alice);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.id.message).toEqual({
      id: 'Nomor tidak valid.',
      en: 'Not a valid number.',
    });
  });

  it('asks anyone not logged in to log in (401)', async () => {
    for (const res of [
      await get('/api/notifications'),
      await post(`/api/notifications/${aliceIds[0]}/read`),
      await post('/api/notifications/read-all'),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });
});
