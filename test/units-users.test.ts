import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFromTemplate } from '../src/modules/competitions/commands/create-from-template.js';
import { setCompetitionStatus } from '../src/modules/competitions/commands/set-status.js';
import { createUserFromCli } from '../src/seed/create-user.js';
import { verifyPassword } from '../src/platform/passwords.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import {
  makeInstitution,
  makeUnit,
  makeUser,
  sessionCookie,
  countRows,
  lastAudit,
} from './helpers/fixtures.js';
import { recipientText } from './helpers/mail.js';

describe('units and users of an institution', () => {
  let ctx: TestContext;
  let instA: { id: number; name: string };
  let instB: { id: number; name: string };
  let unitA: { id: number; name: string };
  let unitB: { id: number; name: string };
  let adminA: { id: number; name: string; cookie: string };
  let uppA: { id: number; email: string; cookie: string };
  let secretariat: string;
  let sysadmin: string;

  const rows = (table: 'users' | 'units' | 'outbox' | 'password_tokens') => countRows(ctx.db, table);
  const newestAudit = () => lastAudit(ctx.db);

  beforeAll(async () => {
    ctx = await createTestApp();
    instA = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Alfa' });
    instB = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Beta' });
    unitA = await makeUnit(ctx.db, instA.id, 'Dinas Kependudukan Alfa');
    unitB = await makeUnit(ctx.db, instB.id, 'Dinas Kesehatan Beta');
    const a = await makeUser(ctx.db, { role: 'local_admin', institutionId: instA.id, name: 'Admin Alfa' });
    adminA = { id: a.id, name: a.name, cookie: await sessionCookie(ctx, a.id) };
    const u = await makeUser(ctx.db, { role: 'upp', institutionId: instA.id, unitId: unitA.id });
    uppA = { id: u.id, email: u.email, cookie: await sessionCookie(ctx, u.id) };
    const kemenpan = await makeInstitution(ctx.db, {
      type: 'kementerian',
      name: 'Kementerian Uji Sekretariat',
    });
    const organizer = await makeUser(ctx.db, { role: 'secretariat', institutionId: kemenpan.id });
    secretariat = await sessionCookie(ctx, organizer.id);
    // Alfa takes part in the ministry's competition (a khusus invitation); Beta in none of its competitions.
    const now = new Date();
    const competition = await createFromTemplate(ctx.db, {
      template: 'kipp',
      year: 2026,
      organizer: kemenpan,
      createdBy: organizer.id,
      ip: null,
      now,
    });
    await setCompetitionStatus(ctx.db, {
      id: competition.id,
      to: 'published',
      actorUserId: organizer.id,
      ip: null,
      now,
    });
    const khusus = await ctx.db
      .selectFrom('competition_groups')
      .select('id')
      .where('competition_id', '=', competition.id)
      .where('key', '=', 'khusus')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('invitations')
      .values({
        competition_id: competition.id,
        group_id: khusus.id,
        institution_id: instA.id,
        award_id: null,
        letter_number: '005/1/Uji',
        invited_by: organizer.id,
        created_at: now.toISOString(),
        revoked_at: null,
        revoked_by: null,
      })
      .execute();
    sysadmin = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'system_admin' })).id);
  });
  afterAll(async () => ctx.close());

  describe('units', () => {
    it('lists the units of the admin lokal’s own institution with their number of proposers', async () => {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/institutions/${instA.id}/units`,
        headers: { cookie: adminA.cookie },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        items: [
          { id: unitA.id, name: 'Dinas Kependudukan Alfa', kind: 'upp', parentUnitId: null, userCount: 1 },
        ],
        abilities: { manage: true },
      });
    });

    it('refuses the admin lokal of A the units of B (403 otherInstitution)', async () => {
      const list = await ctx.app.inject({
        method: 'GET',
        url: `/api/institutions/${instB.id}/units`,
        headers: { cookie: adminA.cookie },
      });
      expect(list.statusCode).toBe(403);
      expect(list.json().error.code).toBe('forbidden.otherInstitution');
      const before = await rows('units');
      const create = await ctx.app.inject({
        method: 'POST',
        url: `/api/institutions/${instB.id}/units`,
        headers: { cookie: adminA.cookie },
        payload: { name: 'Unit Susupan', kind: 'upp' },
      });
      expect(create.statusCode).toBe(403);
      expect(create.json().error.code).toBe('forbidden.otherInstitution');
      expect(await rows('units')).toBe(before);
    });

    it('answers 404 when the admin lokal of A edits a unit of B', async () => {
      const res = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/units/${unitB.id}`,
        headers: { cookie: adminA.cookie },
        payload: { name: 'Diambil Alih' },
      });
      expect(res.statusCode).toBe(404);
      const row = await ctx.db
        .selectFrom('units')
        .select('name')
        .where('id', '=', unitB.id)
        .executeTakeFirst();
      expect(row?.name).toBe('Dinas Kesehatan Beta');
    });

    it('lets the admin lokal add a unit, audited, and refuses a name the institution already uses', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/institutions/${instA.id}/units`,
        headers: { cookie: adminA.cookie },
        payload: { name: 'RSUD Alfa', kind: 'upp', parentUnitId: null },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().unit).toEqual({
        id: expect.any(Number),
        name: 'RSUD Alfa',
        kind: 'upp',
        parentUnitId: null,
        userCount: 0,
      });
      const audit = await newestAudit();
      expect(audit).toMatchObject({ action: 'unit.created', actor_user_id: adminA.id });
      expect(JSON.parse(audit.summary)).toEqual({
        after: { institutionId: instA.id, name: 'RSUD Alfa', kind: 'upp', parentUnitId: null },
      });

      const dup = await ctx.app.inject({
        method: 'POST',
        url: `/api/institutions/${instA.id}/units`,
        headers: { cookie: adminA.cookie },
        payload: { name: 'rsud  alfa', kind: 'pd' },
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error).toMatchObject({
        code: 'unit_name_taken',
        fields: { name: { code: 'unit_name_taken' } },
      });

      // The same name in another institution is fine.
      const other = await ctx.app.inject({
        method: 'POST',
        url: `/api/institutions/${instB.id}/units`,
        headers: { cookie: sysadmin },
        payload: { name: 'RSUD Alfa', kind: 'upp' },
      });
      expect(other.statusCode).toBe(201);
    });

    it('refuses a parent unit of another institution', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/institutions/${instA.id}/units`,
        headers: { cookie: adminA.cookie },
        payload: { name: 'Puskesmas Alfa', kind: 'upp', parentUnitId: unitB.id },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.parentUnitId.code).toBe('unit_not_in_institution');
    });

    it('lets the admin lokal rename its own unit, auditing before and after', async () => {
      const res = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/units/${unitA.id}`,
        headers: { cookie: adminA.cookie },
        payload: { name: 'Dinas Dukcapil Alfa', kind: 'pd' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().unit).toMatchObject({
        id: unitA.id,
        name: 'Dinas Dukcapil Alfa',
        kind: 'pd',
        userCount: 1,
      });
      expect(JSON.parse((await newestAudit()).summary)).toEqual({
        institutionId: instA.id,
        before: { name: 'Dinas Kependudukan Alfa', kind: 'upp' },
        after: { name: 'Dinas Dukcapil Alfa', kind: 'pd' },
      });
      unitA = { ...unitA, name: 'Dinas Dukcapil Alfa' };
    });

    it('lets the secretariat see the units of a participant but not change them; refuses a proposer', async () => {
      const view = await ctx.app.inject({
        method: 'GET',
        url: `/api/institutions/${instA.id}/units`,
        headers: { cookie: secretariat },
      });
      expect(view.statusCode).toBe(200);
      expect(view.json().abilities).toEqual({ manage: false });
      const patch = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/units/${unitA.id}`,
        headers: { cookie: secretariat },
        payload: { name: 'Oleh Sekretariat' },
      });
      expect(patch.statusCode).toBe(403);
      expect(patch.json().error.code).toBe('forbidden.missingRole');
      // An institution that takes part in none of the organizer's competitions: its units are not shown,
      // and a unit of it does not exist for the secretariat.
      const other = await ctx.app.inject({
        method: 'GET',
        url: `/api/institutions/${instB.id}/units`,
        headers: { cookie: secretariat },
      });
      expect(other.statusCode).toBe(403);
      expect(other.json().error.code).toBe('forbidden.notParticipant');
      const otherPatch = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/units/${unitB.id}`,
        headers: { cookie: secretariat },
        payload: { name: 'Oleh Sekretariat' },
      });
      expect(otherPatch.statusCode).toBe(404);
      const upp = await ctx.app.inject({
        method: 'GET',
        url: `/api/institutions/${instA.id}/units`,
        headers: { cookie: uppA.cookie },
      });
      expect(upp.statusCode).toBe(403);
      expect(upp.json().error.code).toBe('forbidden.missingRole');
    });

    it('answers 404 for an unknown institution and 401 without a session', async () => {
      const missing = await ctx.app.inject({
        method: 'GET',
        url: '/api/institutions/999999/units',
        headers: { cookie: adminA.cookie },
      });
      expect(missing.statusCode).toBe(404);
      const anon = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/units/${unitA.id}`,
        payload: { name: 'X' },
      });
      expect(anon.statusCode).toBe(401);
    });
  });

  describe('users', () => {
    let createdId: number;

    it('lists the admin lokal and the proposers of the institution', async () => {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/institutions/${instA.id}/users`,
        headers: { cookie: adminA.cookie },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.abilities).toEqual({ createUpp: true, manageUpp: true });
      expect(
        body.items.map((u: { id: number; role: string; unitName: string | null }) => [
          u.id,
          u.role,
          u.unitName,
        ]),
      ).toEqual([
        [adminA.id, 'local_admin', null],
        [uppA.id, 'upp', unitA.name],
      ]);
      expect(body.items[1]).toMatchObject({
        email: uppA.email,
        unitId: unitA.id,
        mustCompleteProfile: false,
        invitationPending: false,
        lastLoginAt: null,
        createdAt: expect.any(String),
      });
    });

    it('refuses the admin lokal of A the users of B (403 otherInstitution)', async () => {
      const list = await ctx.app.inject({
        method: 'GET',
        url: `/api/institutions/${instB.id}/users`,
        headers: { cookie: adminA.cookie },
      });
      expect(list.statusCode).toBe(403);
      expect(list.json().error.code).toBe('forbidden.otherInstitution');
      const before = await rows('users');
      const create = await ctx.app.inject({
        method: 'POST',
        url: `/api/institutions/${instB.id}/users`,
        headers: { cookie: adminA.cookie },
        payload: { email: 'susupan@beta.go.id', name: 'Susupan', unitId: unitB.id },
      });
      expect(create.statusCode).toBe(403);
      expect(create.json().error.code).toBe('forbidden.otherInstitution');
      expect(await rows('users')).toBe(before);
    });

    it('refuses a proposer creating users (403)', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/institutions/${instA.id}/users`,
        headers: { cookie: uppA.cookie },
        payload: { email: 'teman@alfa.go.id', name: 'Teman', unitId: unitA.id },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden.missingRole');
    });

    it('creates a proposer account: user, grant, set-password link, mail and audit row together', async () => {
      const outboxBefore = await rows('outbox');
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/institutions/${instA.id}/users`,
        headers: { cookie: adminA.cookie },
        payload: {
          email: ' Siti.Rahma@Alfa.go.id ',
          name: 'Siti Rahmawati',
          unitId: unitA.id,
          position: 'Analis Kebijakan',
          phone: '',
        },
      });
      expect(res.statusCode).toBe(201);
      const created = res.json().user;
      createdId = created.id;
      expect(created).toEqual({
        id: expect.any(Number),
        email: 'siti.rahma@alfa.go.id',
        name: 'Siti Rahmawati',
        position: 'Analis Kebijakan',
        phone: null,
        role: 'upp',
        unitId: unitA.id,
        unitName: unitA.name,
        mustCompleteProfile: true,
        invitationPending: true,
        active: true,
        lastLoginAt: null,
        createdAt: expect.any(String),
      });

      const user = await ctx.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', createdId)
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({ password_hash: null, must_complete_profile: 1, locale: 'id' });
      const grants = await ctx.db
        .selectFrom('role_grants')
        .selectAll()
        .where('user_id', '=', createdId)
        .execute();
      expect(grants).toEqual([
        expect.objectContaining({
          role: 'upp',
          institution_id: instA.id,
          unit_id: unitA.id,
          competition_id: null,
          granted_by: adminA.id,
        }),
      ]);
      const tokens = await ctx.db
        .selectFrom('password_tokens')
        .selectAll()
        .where('user_id', '=', createdId)
        .execute();
      expect(tokens).toHaveLength(1);
      expect(tokens[0]).toMatchObject({ purpose: 'set_password', used_at: null });
      expect(new Date(tokens[0].expires_at).getTime() - new Date(tokens[0].created_at).getTime()).toBe(
        7 * 24 * 60 * 60 * 1000,
      );

      expect(await rows('outbox')).toBe(outboxBefore + 1);
      const mail = await ctx.db
        .selectFrom('outbox')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(mail).toMatchObject({
        to_address: 'siti.rahma@alfa.go.id',
        to_name: 'Siti Rahmawati',
        template: 'account_created',
        locale: 'id',
        status: 'pending',
        subject: 'Akun Sinovik Anda telah dibuat',
      });
      expect(mail.text_body).toContain(
        `Admin Alfa telah membuatkan akun Sinovik untuk Anda sebagai Pengusul / UPP (${unitA.name}, Pemerintah Kabupaten Alfa).`,
      );
      expect(mail.text_body).toContain('Nama pengguna Anda: siti.rahma@alfa.go.id.');
      expect(mail.text_body).toMatch(/berlaku sampai \d{1,2} \S+ \d{4} \d{2}\.\d{2} WIB/);
      expect(mail.text_body).not.toContain('token=');
      const link = /(http\S+\/atur-sandi\?token=(\S+))/.exec(await recipientText(ctx.db, mail.id));
      expect(link?.[1].startsWith(`${ctx.config.baseUrl}/atur-sandi?token=`)).toBe(true);

      // The link is the one stored (by its hash) and is usable.
      const check = await ctx.app.inject({
        method: 'GET',
        url: `/api/auth/token?token=${link![2]}`,
      });
      expect(check.statusCode).toBe(200);
      expect(check.json()).toMatchObject({ purpose: 'set_password', email: 'siti.rahma@alfa.go.id' });

      const audit = await newestAudit();
      expect(audit).toMatchObject({
        action: 'user.created',
        entity_type: 'user',
        entity_id: String(createdId),
        actor_user_id: adminA.id,
      });
      expect(JSON.parse(audit.summary)).toEqual({
        after: {
          email: 'siti.rahma@alfa.go.id',
          name: 'Siti Rahmawati',
          role: 'upp',
          institutionId: instA.id,
          unitId: unitA.id,
          position: 'Analis Kebijakan',
          phone: null,
        },
      });
    });

    it('writes the invitation in English when asked', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/institutions/${instA.id}/users`,
        headers: { cookie: adminA.cookie },
        payload: { email: 'john@alfa.go.id', name: 'John Tan', unitId: unitA.id, locale: 'en' },
      });
      expect(res.statusCode).toBe(201);
      const mail = await ctx.db
        .selectFrom('outbox')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(mail.subject).toBe('Your Sinovik account has been created');
      expect(mail.text_body).toContain('Admin Alfa has created a Sinovik account for you as Proposer (UPP)');
      expect(mail.text_body).toMatch(/valid until \d{1,2} \S+ \d{4} \d{2}:\d{2} WIB/);
    });

    it('refuses an e-mail already registered (409 email_taken), writing nothing', async () => {
      const users = await rows('users');
      const outbox = await rows('outbox');
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/institutions/${instA.id}/users`,
        headers: { cookie: adminA.cookie },
        payload: { email: 'SITI.RAHMA@alfa.go.id', name: 'Siti Lain', unitId: unitA.id },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'email_taken',
        fields: { email: { code: 'email_taken' } },
      });
      expect(await rows('users')).toBe(users);
      expect(await rows('outbox')).toBe(outbox);
    });

    it('refuses a unit of another institution (400 unit_not_in_institution), writing nothing', async () => {
      const users = await rows('users');
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/institutions/${instA.id}/users`,
        headers: { cookie: adminA.cookie },
        payload: { email: 'salah.unit@alfa.go.id', name: 'Salah Unit', unitId: unitB.id },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({
        unitId: {
          code: 'unit_not_in_institution',
          message: {
            id: 'Unit ini bukan bagian dari instansi ini.',
            en: 'This unit does not belong to this institution.',
          },
        },
      });
      expect(await rows('users')).toBe(users);
    });

    it('refuses a malformed e-mail and a missing name field by field', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/institutions/${instA.id}/users`,
        headers: { cookie: adminA.cookie },
        payload: { email: 'bukan-email', name: ' ', unitId: unitA.id },
      });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields).sort()).toEqual(['email', 'name']);
    });

    it('sends a new invitation, making the earlier link unusable', async () => {
      const firstToken = await ctx.db
        .selectFrom('password_tokens')
        .select('id')
        .where('user_id', '=', createdId)
        .executeTakeFirstOrThrow();
      const outbox = await rows('outbox');
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/users/${createdId}/resend-invitation`,
        headers: { cookie: adminA.cookie },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().expiresAt).toEqual(expect.any(String));
      expect(await rows('outbox')).toBe(outbox + 1);
      const tokens = await ctx.db
        .selectFrom('password_tokens')
        .selectAll()
        .where('user_id', '=', createdId)
        .orderBy('id')
        .execute();
      expect(tokens).toHaveLength(2);
      expect(tokens[0].id).toBe(firstToken.id);
      expect(tokens[0].used_at).not.toBeNull();
      expect(tokens[1].used_at).toBeNull();
      expect((await newestAudit()).action).toBe('user.invitation_resent');
    });

    it('refuses to re-invite someone who has a password (409), or someone of another institution (404)', async () => {
      const active = await ctx.app.inject({
        method: 'POST',
        url: `/api/users/${uppA.id}/resend-invitation`,
        headers: { cookie: adminA.cookie },
      });
      expect(active.statusCode).toBe(409);
      expect(active.json().error.code).toBe('password_already_set');

      const b = await ctx.app.inject({
        method: 'POST',
        url: `/api/institutions/${instB.id}/users`,
        headers: { cookie: sysadmin },
        payload: { email: 'orang@beta.go.id', name: 'Orang Beta', unitId: unitB.id },
      });
      expect(b.statusCode).toBe(201);
      const other = await ctx.app.inject({
        method: 'POST',
        url: `/api/users/${b.json().user.id}/resend-invitation`,
        headers: { cookie: adminA.cookie },
      });
      expect(other.statusCode).toBe(404);
      const proposer = await ctx.app.inject({
        method: 'POST',
        url: `/api/users/${createdId}/resend-invitation`,
        headers: { cookie: uppA.cookie },
      });
      expect(proposer.statusCode).toBe(404);
    });
  });

  describe('create-user CLI', () => {
    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await createUserFromCli(ctx.db, args, {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
      });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };

    it('creates a ready-to-use account when given a password, finding the institution by exact name', async () => {
      const r = await run([
        '--email',
        'admin.beta@beta.go.id',
        '--name',
        'Admin Beta',
        '--role',
        'local_admin',
        '--institution',
        'pemerintah kabupaten beta',
        '--password',
        'Kuat-Sekali-Sandi-77',
      ]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('admin.beta@beta.go.id (local_admin, Pemerintah Kabupaten Beta)');
      const user = await ctx.db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'admin.beta@beta.go.id')
        .executeTakeFirstOrThrow();
      expect(user.must_complete_profile).toBe(0);
      expect(await verifyPassword(user.password_hash, 'Kuat-Sekali-Sandi-77')).toBe(true);
      const grant = await ctx.db
        .selectFrom('role_grants')
        .selectAll()
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(grant).toMatchObject({ role: 'local_admin', institution_id: instB.id, unit_id: null });
      expect((await newestAudit()).action).toBe('user.created');
    });

    it('prints a set-password link when no password is given', async () => {
      const tokens = await rows('password_tokens');
      const r = await run([
        '--email',
        'upp.cli@alfa.go.id',
        '--name',
        'UPP Lewat CLI',
        '--role',
        'upp',
        '--unit',
        String(unitA.id),
        '--base-url',
        'https://sinovik.contoh.go.id/',
      ]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/https:\/\/sinovik\.contoh\.go\.id\/atur-sandi\?token=\S+/);
      expect(await rows('password_tokens')).toBe(tokens + 1);
      const user = await ctx.db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'upp.cli@alfa.go.id')
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({ password_hash: null, must_complete_profile: 1 });
      const grant = await ctx.db
        .selectFrom('role_grants')
        .selectAll()
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(grant).toMatchObject({ role: 'upp', institution_id: instA.id, unit_id: unitA.id });
    });

    it('lists every problem and exits with 1, creating nothing', async () => {
      const users = await rows('users');
      const r = await run(['--email', 'bukan-email', '--role', 'raja', '--password', 'pendek']);
      expect(r.code).toBe(1);
      expect(r.err).toContain('not a valid e-mail address: bukan-email');
      expect(r.err).toContain('--name is required');
      expect(r.err).toContain('unknown role: raja');
      expect(r.err).toContain('The password must have at least 10 characters.');

      const noUnit = await run(['--email', 'x@alfa.go.id', '--name', 'X', '--role', 'upp']);
      expect(noUnit.code).toBe(1);
      expect(noUnit.err).toContain('the role upp needs --unit');

      const wrongUnit = await run([
        '--email',
        'y@alfa.go.id',
        '--name',
        'Y',
        '--role',
        'upp',
        '--institution',
        String(instA.id),
        '--unit',
        String(unitB.id),
      ]);
      expect(wrongUnit.code).toBe(1);
      expect(wrongUnit.err).toContain(`unit ${unitB.id} does not belong to Pemerintah Kabupaten Alfa`);

      const unknown = await run([
        '--email',
        'z@x.go.id',
        '--name',
        'Z',
        '--role',
        'secretariat',
        '--institution',
        'Tidak Ada',
      ]);
      expect(unknown.code).toBe(1);
      expect(unknown.err).toContain('institution not found (id or exact name): Tidak Ada');

      const flag = await run(['--mail', 'a@b.c']);
      expect(flag.code).toBe(1);
      expect(flag.err).toContain('Invalid arguments');
      expect(await rows('users')).toBe(users);
    });

    it('refuses an e-mail already registered', async () => {
      const r = await run([
        '--email',
        'ADMIN.BETA@beta.go.id',
        '--name',
        'Lagi',
        '--role',
        'system_admin',
        '--password',
        'Kuat-Sekali-Sandi-88',
      ]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('This e-mail address is already registered.');
    });
  });
});
