import { beforeAll, describe, expect, it } from 'vitest';
import { appWithSmtpCapture, cookieOf } from './helpers/app.js';
import {
  lastAudit,
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
} from './helpers/fixtures.js';
import type { CapturedMail } from './helpers/smtp.js';
import type { TeamListResponse, TeamMember } from '../src/contracts/review-team.js';

/*
 * Tim Evaluasi and Tim Panel Independen (issue 12 point 2) through the API, on the database of the run
 * (SQLite or PostgreSQL) and a real SMTP capture: invitations of new and existing people, duplicates,
 * resending, removal, capacity, the reviewer's own profile with its bilingual field messages, conflicts
 * (declared, organizer, automatic by institution and region, found after an assignment) and the denials.
 */
const T = new Date('2026-09-01T03:00:00Z');

function linkIn(mail: CapturedMail): string {
  const m = /\/atur-sandi\?token=(\S+)/.exec(mail.text);
  if (!m) throw new Error(`no set-password link in: ${mail.text}`);
  return decodeURIComponent(m[1]!);
}

describe('the review teams of a competition', () => {
  const suite = appWithSmtpCapture();
  let competitionId: number;
  let otherCompetitionId: number;
  let secretariat: string;
  let otherSecretariat: string;
  let categoryKeys: string[];
  let jabar: { id: number; name: string };
  let kabBandung: { id: number; name: string };
  let jateng: { id: number; name: string };
  let participantAdmin: { id: number; email: string };

  const call = (
    cookie: string | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ) =>
    suite.ctx.app.inject({
      method,
      url: `/api${url}`,
      headers: cookie ? { cookie } : {},
      payload: payload as object,
    });
  const team = (id = competitionId, which = 'evaluation') => `/competitions/${id}/review-team/${which}`;
  const memberOf = async (userId: number, which = 'evaluation') =>
    (
      (
        await call(secretariat, 'GET', `${team(competitionId, which)}?pageSize=100`)
      ).json() as TeamListResponse
    ).items.find((m) => m.userId === userId);

  /** A received proposal of an institution (the institutions the teams judge). */
  const receivedProposal = async (institutionId: number, code: string) => {
    const db = suite.ctx.db;
    const unit = await makeUnit(db, institutionId);
    const group = await db
      .selectFrom('competition_groups')
      .select('id')
      .where('competition_id', '=', competitionId)
      .orderBy('position')
      .executeTakeFirstOrThrow();
    const upp = await makeUser(db, { role: 'upp', institutionId, unitId: unit.id });
    const stamp = T.toISOString();
    return db
      .insertInto('proposals')
      .values({
        competition_id: competitionId,
        code,
        institution_id: institutionId,
        unit_id: unit.id,
        group_id: group.id,
        category_id: null,
        title: `Inovasi ${code}`,
        title_key: null,
        acronym: null,
        implementation_start: null,
        innovator_kind: null,
        innovator_names: null,
        contact_name: null,
        contact_phone: null,
        contact_email: null,
        links: '[]',
        declaration_accepted: 1,
        state: 'received',
        version: 1,
        created_by: upp.id,
        created_at: stamp,
        updated_at: stamp,
        sent_at: stamp,
        forwarded_at: stamp,
        received_at: stamp,
        returned_note: null,
        source_award_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  };

  const assign = async (proposalId: number, reviewerId: number) => {
    const stage = await suite.ctx.db
      .selectFrom('stages')
      .select('id')
      .where('competition_id', '=', competitionId)
      .where('kind', '=', 'evaluation_1')
      .executeTakeFirstOrThrow();
    return suite.ctx.db
      .insertInto('review_assignments')
      .values({
        stage_id: stage.id,
        proposal_id: proposalId,
        reviewer_id: reviewerId,
        origin: 'manual',
        created_by: null,
        created_at: T.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  };

  beforeAll(async () => {
    const { ctx } = suite;
    ctx.clock.freeze(T);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian Tim Penilai', now: T });
    competitionId = kipp.competitionId;
    secretariat = await sessionCookie(ctx, kipp.secretariat.id);
    const other = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian Lain Penilai',
      now: T,
      year: 2027,
    });
    otherCompetitionId = other.competitionId;
    otherSecretariat = await sessionCookie(ctx, other.secretariat.id);
    categoryKeys = (
      await ctx.db
        .selectFrom('categories')
        .select('key')
        .where('competition_id', '=', competitionId)
        .orderBy('position')
        .execute()
    ).map((c) => c.key);
    jabar = await makeInstitution(ctx.db, {
      type: 'pemerintah_provinsi',
      name: 'Pemerintah Provinsi Jabar Uji',
      regionCode: '32',
    });
    kabBandung = await makeInstitution(ctx.db, {
      name: 'Pemerintah Kabupaten Bandung Uji',
      regionCode: '32.04',
    });
    jateng = await makeInstitution(ctx.db, {
      type: 'pemerintah_provinsi',
      name: 'Pemerintah Provinsi Jateng Uji',
      regionCode: '33',
    });
    const admin = await makeUser(ctx.db, {
      role: 'local_admin',
      institutionId: jateng.id,
      email: 'admin.jateng@uji.go.id',
      name: 'Sri Lestari',
    });
    participantAdmin = { id: admin.id, email: admin.email };
  });

  it('invites a new person: an account with the grant, the set-password mail naming the team, and the link works', async () => {
    const res = await call(secretariat, 'POST', `${team()}/members`, {
      name: 'Dr. Ratna Sari',
      email: 'Ratna.Sari@Unpad.ac.id',
      capacity: 40,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { member: TeamMember; accountCreated: boolean; warnings: unknown[] };
    expect(body).toMatchObject({
      accountCreated: true,
      warnings: [],
      member: { name: 'Dr. Ratna Sari', email: 'ratna.sari@unpad.ac.id', status: 'invited', capacity: 40 },
    });
    expect(body.member.abilities).toEqual({ resendInvitation: true, remove: true, edit: true });
    const grant = await suite.ctx.db
      .selectFrom('role_grants')
      .selectAll()
      .where('user_id', '=', body.member.userId)
      .executeTakeFirstOrThrow();
    expect([grant.role, grant.competition_id, grant.institution_id]).toEqual([
      'evaluator',
      competitionId,
      null,
    ]);
    expect((await lastAudit(suite.ctx.db)).action).toBe('review_team.member_invited');

    expect(await suite.ctx.deliverMail()).toMatchObject({ failed: 0 });
    const mail = await suite.smtp.waitFor((m) => m.to.includes('ratna.sari@unpad.ac.id'));
    expect(mail.subject).toBe('Akun Sinovik Anda telah dibuat');
    expect(mail.text).toContain('sebagai Tim Evaluasi (Tim Evaluasi — ');
    expect(mail.text).toContain('2026)');
    const token = linkIn(mail);
    const confirmed = await suite.ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, newPassword: 'Sandi-Penilai-2026!' },
    });
    expect(confirmed.statusCode).toBe(200);
    const cookie = cookieOf(confirmed);
    // The account's own first-login step comes first (as for every account made by someone else).
    const account = await call(cookie, 'POST', '/auth/profile', {
      name: 'Dr. Ratna Sari',
      position: 'Dosen',
      phone: '081234567890',
      locale: 'id',
    });
    expect(account.statusCode).toBe(200);
    const mine = await call(cookie, 'GET', '/me/review-teams');
    expect(mine.json().items).toEqual([
      {
        competition: expect.objectContaining({ id: competitionId }),
        team: 'evaluation',
        profileComplete: false,
      },
    ]);
    expect((await memberOf(body.member.userId))?.status).toBe('profile_missing');
  });

  it('refuses the same person twice (409) and in the other team of the competition', async () => {
    const again = await call(secretariat, 'POST', `${team()}/members`, {
      name: 'Ratna',
      email: 'ratna.sari@unpad.ac.id',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_member');
    expect(again.json().error.fields.email.message.id).toContain('sudah menjadi anggota Tim Evaluasi');
    const panel = await call(secretariat, 'POST', `${team(competitionId, 'panel')}/members`, {
      name: 'Ratna',
      email: 'ratna.sari@unpad.ac.id',
    });
    expect(panel.statusCode).toBe(409);
    expect(panel.json().error.code).toBe('in_other_team');
  });

  it('gives an existing account the grant and a notice; a participant’s admin lokal is warned and kept off their institution', async () => {
    const before = await suite.ctx.db
      .selectFrom('outbox')
      .select('id')
      .where('to_address', '=', participantAdmin.email)
      .execute();
    const res = await call(secretariat, 'POST', `${team(competitionId, 'panel')}/members`, {
      name: 'ignored for an existing account',
      email: participantAdmin.email,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as {
      member: TeamMember;
      accountCreated: boolean;
      warnings: { id: string; en: string }[];
    };
    expect(body.accountCreated).toBe(false);
    expect(body.member.name).toBe('Sri Lestari');
    expect(body.warnings).toHaveLength(1);
    expect(body.warnings[0]!.id).toContain(jateng.name);
    expect(body.member.conflicts).toEqual([
      expect.objectContaining({ institution: { id: jateng.id, name: jateng.name }, source: 'organizer' }),
    ]);
    const mails = await suite.ctx.db
      .selectFrom('outbox')
      .select(['template', 'text_body'])
      .where('to_address', '=', participantAdmin.email)
      .where('id', 'not in', before.length ? before.map((b) => b.id) : [0])
      .execute();
    expect(mails.map((m) => m.template)).toEqual(['user_role_granted']);
    expect(mails[0]!.text_body).toContain('Tim Panel Independen');
    const grants = await suite.ctx.db
      .selectFrom('role_grants')
      .select(['role', 'competition_id'])
      .where('user_id', '=', participantAdmin.id)
      .orderBy('id')
      .execute();
    expect(grants).toEqual([
      { role: 'local_admin', competition_id: null },
      { role: 'panelist', competition_id: competitionId },
    ]);
  });

  it('lets the reviewer complete the profile; wrong fields are named in both languages', async () => {
    const user = await makeUser(suite.ctx.db, { role: 'evaluator', competitionId, name: 'Budi Santoso' });
    // The person was given the grant earlier; the secretariat adds them to the team (no second grant).
    expect(
      (await call(secretariat, 'POST', `${team()}/members`, { name: 'Budi', email: user.email })).statusCode,
    ).toBe(201);
    const cookie = await sessionCookie(suite.ctx, user.id);
    const own = await call(cookie, 'GET', `${team()}/me`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ locked: false, abilities: { edit: true, addConflict: true } });
    expect(own.json().categories.map((c: { key: string }) => c.key)).toEqual(categoryKeys);

    const bad = await call(cookie, 'PUT', `${team()}/me`, {
      affiliationName: '',
      regionCode: '3x',
      expertise: ['bukan_kategori'],
      capacity: 0,
      conflicts: [{ institutionId: 999_999 }],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields as Record<
      string,
      { code: string; message: { id: string; en: string } }
    >;
    expect(Object.keys(fields).sort()).toEqual(['capacity', 'regionCode']);
    expect(fields.regionCode!.message).toEqual({
      id: 'Kode wilayah tidak valid (contoh: 32 atau 32.04).',
      en: 'Not a valid region code (e.g. 32 or 32.04).',
    });
    const bad2 = await call(cookie, 'PUT', `${team()}/me`, {
      affiliationName: '',
      expertise: ['bukan_kategori'],
      conflicts: [{ institutionId: 999_999 }],
    });
    expect(bad2.statusCode).toBe(400);
    expect(bad2.json().error.fields).toMatchObject({
      affiliationName: { code: 'affiliation_required' },
      expertise: { code: 'unknown_category' },
      'conflicts.0.institutionId': { code: 'unknown_institution' },
    });
    expect(bad2.json().error.fields.affiliationName.message.en).toBe(
      'Choose your affiliation from the registry or type its name (e.g. a university).',
    );
    // Nothing was saved by the refusals.
    expect((await memberOf(user.id))?.completedAt).toBeNull();

    const ok = await call(cookie, 'PUT', `${team()}/me`, {
      affiliationName: 'Universitas Padjadjaran',
      regionCode: '32.73',
      expertise: [categoryKeys[0]],
      capacity: 30,
      conflicts: [{ institutionId: jateng.id, note: 'Pernah menjadi konsultan' }],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().member).toMatchObject({
      status: 'complete',
      affiliation: { institution: null, name: 'Universitas Padjadjaran' },
      regionCode: '32.73',
      capacity: 30,
      expertise: [{ key: categoryKeys[0] }],
      conflicts: [
        {
          institution: { id: jateng.id, name: jateng.name },
          source: 'declared',
          reason: {
            id: 'Dinyatakan sendiri oleh penilai: Pernah menjadi konsultan',
            en: 'Declared by the reviewer: Pernah menjadi konsultan',
          },
        },
      ],
    });
    expect((await lastAudit(suite.ctx.db)).action).toBe('review_team.profile_completed');
    const listed = await memberOf(user.id);
    expect(listed).toMatchObject({ status: 'complete', capacity: 30 });
    expect(listed!.completedAt).toBe(T.toISOString());
  });

  it('shows the automatic conflicts: own institution, and the regional rule the secretariat sets', async () => {
    await receivedProposal(kabBandung.id, 'TIM-1');
    await receivedProposal(jateng.id, 'TIM-2');
    const user = await makeUser(suite.ctx.db, { role: 'evaluator', competitionId, name: 'Cahya Pemprov' });
    await call(secretariat, 'POST', `${team()}/members`, { name: 'Cahya', email: user.email });
    const cookie = await sessionCookie(suite.ctx, user.id);
    const saved = await call(cookie, 'PUT', `${team()}/me`, {
      affiliationInstitutionId: jabar.id,
      expertise: [categoryKeys[0]],
      conflicts: [],
    });
    expect(saved.statusCode).toBe(200);
    // The registry affiliation lends its region.
    expect(saved.json().member.regionCode).toBe('32');
    const kinds = (m: TeamMember | undefined) =>
      m!.conflicts.map((c) => [c.institution?.name, c.source, c.reason.en]);
    expect(kinds(await memberOf(user.id))).toEqual([
      [jabar.name, 'automatic', 'Their own affiliated institution'],
    ]);

    const rule = await call(secretariat, 'PUT', `/competitions/${competitionId}/review-team-rule`, {
      regionalConflict: 'same_province',
    });
    expect(rule.statusCode).toBe(200);
    expect((await lastAudit(suite.ctx.db)).action).toBe('review_team.regional_rule_set');
    const list = (await call(secretariat, 'GET', team())).json() as TeamListResponse;
    expect(list.regionalConflict).toBe('same_province');
    expect(kinds(list.items.find((m) => m.userId === user.id))).toEqual([
      [jabar.name, 'automatic', 'Their own affiliated institution'],
      [kabBandung.name, 'automatic', 'Same province as their affiliation (region 32)'],
    ]);
    const unknown = await call(secretariat, 'PUT', `/competitions/${competitionId}/review-team-rule`, {
      regionalConflict: 'everywhere',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.regionalConflict.message.id).toBe('Aturan tidak dikenal.');
  });

  it('lets the secretariat set capacity and an organizer conflict, and refuses a wrong one', async () => {
    const user = await makeUser(suite.ctx.db, { role: 'evaluator', competitionId, name: 'Dewi Kapasitas' });
    await call(secretariat, 'POST', `${team()}/members`, { name: 'Dewi', email: user.email });
    const cap = await call(secretariat, 'PATCH', `${team()}/members/${user.id}`, { capacity: 25 });
    expect(cap.statusCode).toBe(200);
    expect(cap.json().member.capacity).toBe(25);
    const zero = await call(secretariat, 'PATCH', `${team()}/members/${user.id}`, { capacity: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.fields.capacity.message).toEqual({
      id: 'Kapasitas paling sedikit 1.',
      en: 'Capacity is at least 1.',
    });
    const cleared = await call(secretariat, 'PATCH', `${team()}/members/${user.id}`, { capacity: null });
    expect(cleared.json().member.capacity).toBeNull();

    const added = await call(secretariat, 'POST', `${team()}/members/${user.id}/conflicts`, {
      institutionId: kabBandung.id,
      note: 'Saudara kandung bekerja di sana',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().member.conflicts[0]).toMatchObject({
      source: 'organizer',
      institution: { id: kabBandung.id },
    });
    expect((await lastAudit(suite.ctx.db)).action).toBe('review_team.conflict_added');
    const twice = await call(secretariat, 'POST', `${team()}/members/${user.id}/conflicts`, {
      institutionId: kabBandung.id,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('conflict_exists');
    const nowhere = await call(secretariat, 'POST', `${team()}/members/${user.id}/conflicts`, {
      institutionId: 999_999,
    });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().error.fields.institutionId.code).toBe('unknown_institution');
  });

  it('resends an invitation only while no password is set', async () => {
    const invited = (
      await call(secretariat, 'POST', `${team()}/members`, { name: 'Eko Undangan', email: 'eko@uji.ac.id' })
    ).json().member as TeamMember;
    const resent = await call(secretariat, 'POST', `${team()}/members/${invited.userId}/resend-invitation`);
    expect(resent.statusCode).toBe(200);
    const used = await suite.ctx.db
      .selectFrom('password_tokens')
      .select(['used_at'])
      .where('user_id', '=', invited.userId)
      .orderBy('id')
      .execute();
    expect(used.map((u) => u.used_at !== null)).toEqual([true, false]);
    const ratna = await suite.ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'ratna.sari@unpad.ac.id')
      .executeTakeFirstOrThrow();
    const inUse = await call(secretariat, 'POST', `${team()}/members/${ratna.id}/resend-invitation`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('password_already_set');
  });

  it('after an assignment: the profile is fixed, a new conflict is recorded as found, removal is refused', async () => {
    const user = await makeUser(suite.ctx.db, { role: 'evaluator', competitionId, name: 'Fajar Ditugaskan' });
    await call(secretariat, 'POST', `${team()}/members`, { name: 'Fajar', email: user.email });
    const cookie = await sessionCookie(suite.ctx, user.id);
    const profile = {
      affiliationName: 'Universitas Diponegoro',
      regionCode: '33.74',
      expertise: [categoryKeys[0]],
      conflicts: [],
    };
    expect((await call(cookie, 'PUT', `${team()}/me`, profile)).statusCode).toBe(200);
    const proposal = await receivedProposal(jabar.id, 'TIM-3');
    const assignment = await assign(proposal.id, user.id);

    const locked = await call(cookie, 'PUT', `${team()}/me`, { ...profile, capacity: 10 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('profile_locked');
    expect((await call(cookie, 'GET', `${team()}/me`)).json()).toMatchObject({
      locked: true,
      abilities: { edit: false },
    });

    const removal = await call(secretariat, 'DELETE', `${team()}/members/${user.id}`);
    expect(removal.statusCode).toBe(409);
    expect(removal.json().error.code).toBe('has_assignments');
    expect((await memberOf(user.id))?.abilities.remove).toBe(false);

    const found = await call(cookie, 'POST', `${team()}/me/conflicts`, {
      institutionId: jabar.id,
      note: 'Baru teringat',
    });
    expect(found.statusCode).toBe(201);
    // Stored rows first; the regional rule (same province, set above) adds Jawa Tengah automatically.
    expect(
      found
        .json()
        .member.conflicts.map((c: TeamMember['conflicts'][number]) => [c.source, c.institution?.id]),
    ).toEqual([
      ['found', jabar.id],
      ['automatic', jateng.id],
    ]);
    const audit = await suite.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'review_team.conflict_found')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toMatchObject({
      affectedAssignments: [assignment.id],
      source: 'found',
    });
    // The conflict found after the assignment withdrew it in the same step (issue 12 point 4).
    const withdrawn = await suite.ctx.db
      .selectFrom('review_assignments')
      .selectAll()
      .where('id', '=', assignment.id)
      .executeTakeFirstOrThrow();
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawn_reason: 'Baru teringat' });
    expect((await lastAudit(suite.ctx.db)).action).toBe('assignment.withdrawn');

    const removed = await call(secretariat, 'DELETE', `${team()}/members/${user.id}`);
    expect(removed.statusCode).toBe(204);
    expect(await memberOf(user.id)).toBeUndefined();
    expect((await lastAudit(suite.ctx.db)).action).toBe('review_team.member_removed');
    // The grant went with the membership: the profile no longer exists for them.
    expect((await call(cookie, 'GET', `${team()}/me`)).statusCode).toBe(404);
    const revoked = await suite.ctx.db
      .selectFrom('outbox')
      .select('template')
      .where('to_address', '=', user.email)
      .execute();
    expect(revoked.map((r) => r.template)).toContain('user_role_revoked');
  });

  it('filters and pages the list', async () => {
    const page = (await call(secretariat, 'GET', `${team()}?pageSize=2&page=1`)).json() as TeamListResponse;
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(5);
    const invited = (await call(secretariat, 'GET', `${team()}?status=invited`)).json() as TeamListResponse;
    expect(invited.items.map((m) => m.name)).toEqual(['Eko Undangan']);
    const q = (await call(secretariat, 'GET', `${team()}?q=padjadjaran`)).json() as TeamListResponse;
    expect(q.items.map((m) => m.name)).toEqual(['Budi Santoso']);
  });

  it('shows nothing to another organizer, a reviewer of another competition or a participant (404), and asks for a login (401)', async () => {
    expect((await call(otherSecretariat, 'GET', team())).statusCode).toBe(404);
    expect(
      (await call(otherSecretariat, 'POST', `${team()}/members`, { name: 'X', email: 'x@uji.go.id' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await call(otherSecretariat, 'PUT', `/competitions/${competitionId}/review-team-rule`, {
          regionalConflict: 'none',
        })
      ).statusCode,
    ).toBe(404);
    const reviewer = await suite.ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'ratna.sari@unpad.ac.id')
      .executeTakeFirstOrThrow();
    const cookie = await sessionCookie(suite.ctx, reviewer.id);
    expect((await call(cookie, 'GET', team())).statusCode).toBe(404);
    expect((await call(cookie, 'GET', `${team(otherCompetitionId)}/me`)).statusCode).toBe(404);
    expect((await call(cookie, 'GET', `${team(competitionId, 'panel')}/me`)).statusCode).toBe(404);
    const admin = await sessionCookie(suite.ctx, participantAdmin.id);
    // A panelist of the competition reads their own panel profile only.
    expect((await call(admin, 'GET', `${team(competitionId, 'panel')}/me`)).statusCode).toBe(200);
    expect((await call(admin, 'GET', `${team()}/me`)).statusCode).toBe(404);
    expect((await call(null, 'GET', team())).statusCode).toBe(401);
    expect((await call(null, 'GET', `${team()}/me`)).statusCode).toBe(401);
    // The other organizer's own team is theirs.
    expect((await call(otherSecretariat, 'GET', team(otherCompetitionId))).statusCode).toBe(200);
  });
});
