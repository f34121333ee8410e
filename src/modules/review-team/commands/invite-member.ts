import type { Db } from '../../../db/connect.js';
import type { ReviewTeam, UserRow } from '../../../db/schema.js';
import { ROLE_LABELS } from '../../../contracts/users.js';
import { normalizeEmail } from '../../../domain/email.js';
import { conflict, t, type Text } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser } from '../../../platform/notify.js';
import { createAccount, emailTaken } from '../../users/commands/create-account.js';
import { sendInvitation } from '../../users/invitation.js';
import type { TeamCompetition } from '../queries.js';
import { lockCompetition, teamRecordScope, teamRole, teamScopeText, type TeamActor } from '../steps.js';

export interface InviteMemberInput {
  competition: TeamCompetition;
  team: ReviewTeam;
  name: string;
  email: string;
  capacity?: number | null;
  actor: TeamActor;
  baseUrl: string;
  ip: string | null;
  now: Date;
}

const isUniqueViolation = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

const alreadyMember = (team: ReviewTeam, sameTeam: boolean) => {
  const label = ROLE_LABELS[teamRole(team)];
  const text = sameTeam
    ? t(
        `Orang ini sudah menjadi anggota ${label.id} kompetisi ini.`,
        `This person is already a member of this competition's ${label.en}.`,
      )
    : t(
        'Orang ini sudah menjadi anggota tim penilai lain di kompetisi ini; satu orang hanya di satu tim.',
        "This person is already in this competition's other review team; a person sits on one team only.",
      );
  const code = sameTeam ? 'already_member' : 'in_other_team';
  return conflict(code, text, { email: { code, message: text } });
};

/**
 * Adds a person to a competition's Tim Evaluasi or Tim Panel Independen. A new e-mail gets an account with
 * the team's grant (scoped to the competition) and the set-password invitation naming the competition and
 * the team; an existing account gets the grant and a notice (mail and in-app). The profile row starts
 * empty (the reviewer completes it). Refuses a member of either team (409 `already_member` /
 * `in_other_team`) and a deactivated account (409 `account_inactive`).
 *
 * A person who is also a participant's admin lokal or UPP is accepted with a warning, and their
 * institution is recorded as an `organizer` conflict so they never judge it (decision for issue 12).
 * Everything commits together with the `review_team.member_invited` audit row.
 */
export async function inviteMember(
  db: Db,
  input: InviteMemberInput,
): Promise<{ userId: number; accountCreated: boolean; warnings: Text[] }> {
  const { competition: c, team } = input;
  const role = teamRole(team);
  const scope = teamScopeText(team, c);
  try {
    return await db.transaction().execute(async (tx) => {
      await lockCompetition(tx, c.id);
      const email = normalizeEmail(input.email);
      const existing = await tx.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      const now = input.now.toISOString();
      let user: UserRow;
      const warnings: Text[] = [];
      if (existing) {
        const profile = await tx
          .selectFrom('reviewer_profiles')
          .select('team')
          .where('competition_id', '=', c.id)
          .where('user_id', '=', existing.id)
          .executeTakeFirst();
        if (profile) throw alreadyMember(team, profile.team === team);
        if (!existing.is_active) {
          const text = t(
            'Akun ini dinonaktifkan; minta administrator sistem mengaktifkannya kembali.',
            'This account is deactivated; ask the system administrator to reactivate it.',
          );
          throw conflict('account_inactive', text, { email: { code: 'account_inactive', message: text } });
        }
        user = existing;
        const grants = await tx
          .selectFrom('role_grants as g')
          .leftJoin('units as un', 'un.id', 'g.unit_id')
          .leftJoin('institutions as i', (j) =>
            j.on((eb) => eb('i.id', '=', eb.fn.coalesce('g.institution_id', 'un.institution_id'))),
          )
          .select(['g.role', 'g.competition_id', 'i.id as institution_id', 'i.name as institution_name'])
          .where('g.user_id', '=', user.id)
          .execute();
        if (!grants.some((g) => g.role === role && g.competition_id === c.id))
          await tx
            .insertInto('role_grants')
            .values({
              user_id: user.id,
              role,
              institution_id: null,
              unit_id: null,
              competition_id: c.id,
              granted_by: input.actor.userId,
              created_at: now,
            })
            .execute();
        // A participant's own people: accepted, warned, and kept away from their institution's proposals.
        const participantOf = new Map<number, string>();
        for (const g of grants)
          if ((g.role === 'upp' || g.role === 'local_admin') && g.institution_id !== null)
            participantOf.set(g.institution_id, g.institution_name ?? '');
        for (const [institutionId, name] of participantOf) {
          warnings.push(
            t(
              `Orang ini juga pengguna ${name} (Admin Lokal/UPP); konflik dengan instansi tersebut dicatat otomatis.`,
              `This person is also a user of ${name} (admin lokal/UPP); a conflict with that institution is recorded automatically.`,
            ),
          );
          await tx
            .insertInto('reviewer_conflicts')
            .values({
              competition_id: c.id,
              user_id: user.id,
              institution_id: institutionId,
              source: 'organizer',
              note: 'Pengguna instansi ini (Admin Lokal/UPP) / A user of this institution (admin lokal/UPP)',
              created_by: input.actor.userId,
              created_at: now,
            })
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
        const where = scope[user.locale];
        await enqueueMail(tx, {
          to: user.email,
          toName: user.name,
          template: 'user_role_granted',
          locale: user.locale,
          vars: {
            name: user.name,
            email: user.email,
            by: input.actor.name,
            roleLabel: ROLE_LABELS[role][user.locale],
            scope: where,
          },
          scope: teamRecordScope(c),
          now: input.now,
        });
        await notifyUser(tx, {
          userId: user.id,
          kind: 'review_team.member_invited',
          title: t(`Anda diundang ke ${scope.id}`, `You were invited to ${scope.en}`),
          body: t(
            `${input.actor.name} menambahkan Anda ke ${scope.id}. Lengkapi profil penilai Anda.`,
            `${input.actor.name} added you to ${scope.en}. Complete your reviewer profile.`,
          ),
          link: `/penilai/kompetisi/${c.id}/profil${team === 'panel' ? '?tim=panel' : ''}`,
          now: input.now,
        });
      } else {
        user = await createAccount(tx, {
          email,
          name: input.name,
          role,
          competitionId: c.id,
          password: null,
          mustCompleteProfile: true,
          createdBy: input.actor.userId,
          now: input.now,
        });
        await sendInvitation(tx, {
          user,
          role,
          scope: scope[user.locale],
          createdByName: input.actor.name,
          baseUrl: input.baseUrl,
          now: input.now,
        });
      }
      await tx
        .insertInto('reviewer_profiles')
        .values({
          competition_id: c.id,
          user_id: user.id,
          team,
          affiliation_name: null,
          affiliation_institution_id: null,
          region_code: null,
          capacity: input.capacity ?? null,
          completed_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await recordAudit(tx, {
        actorUserId: input.actor.userId,
        action: 'review_team.member_invited',
        entityType: 'user',
        entityId: user.id,
        summary: {
          competitionId: c.id,
          team,
          email: user.email,
          name: user.name,
          capacity: input.capacity ?? null,
          accountCreated: !existing,
          participantConflicts: warnings.length,
        },
        scope: teamRecordScope(c),
        ip: input.ip,
        now: input.now,
      });
      return { userId: user.id, accountCreated: !existing, warnings };
    });
  } catch (err) {
    // Two invitations of the same address at once: the unique indexes refuse the second.
    if (isUniqueViolation(err)) {
      const taken = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', normalizeEmail(input.email))
        .executeTakeFirst();
      throw taken ? alreadyMember(team, true) : emailTaken();
    }
    throw err;
  }
}
