import type { Db } from '../../../db/connect.js';
import type { ReviewTeam } from '../../../db/schema.js';
import { ROLE_LABELS } from '../../../contracts/users.js';
import { notFound, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import type { TeamCompetition } from '../queries.js';
import {
  hasActiveAssignments,
  hasAssignmentsError,
  lockCompetition,
  teamRecordScope,
  teamRole,
  teamScopeText,
  type TeamActor,
} from '../steps.js';

export interface RemoveMemberInput {
  competition: TeamCompetition;
  team: ReviewTeam;
  userId: number;
  actor: TeamActor;
  ip: string | null;
  now: Date;
}

/**
 * Takes a person off a team: the profile, their stored conflicts of the competition and the team's grant
 * for it go; the account stays (it may hold other roles). Refused with 409 `has_assignments` while they
 * hold an active assignment (withdrawing and reassigning comes with the assignment). The person is told
 * by mail; the `review_team.member_removed` audit row keeps what was removed.
 */
export async function removeMember(db: Db, input: RemoveMemberInput): Promise<void> {
  const { competition: c } = input;
  await db.transaction().execute(async (tx) => {
    await lockCompetition(tx, c.id);
    const profile = await tx
      .selectFrom('reviewer_profiles')
      .selectAll()
      .where('competition_id', '=', c.id)
      .where('user_id', '=', input.userId)
      .where('team', '=', input.team)
      .executeTakeFirst();
    if (!profile) throw notFound(t('Anggota tim tidak ditemukan.', 'Team member not found.'));
    if (await hasActiveAssignments(tx, c.id, input.userId)) throw hasAssignmentsError();
    const user = await tx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', input.userId)
      .executeTakeFirstOrThrow();
    const conflicts = await tx
      .deleteFrom('reviewer_conflicts')
      .where('competition_id', '=', c.id)
      .where('user_id', '=', user.id)
      .returning(['institution_id', 'source'])
      .execute();
    await tx.deleteFrom('reviewer_profiles').where('id', '=', profile.id).execute();
    const role = teamRole(input.team);
    await tx
      .deleteFrom('role_grants')
      .where('user_id', '=', user.id)
      .where('role', '=', role)
      .where('competition_id', '=', c.id)
      .execute();
    // Their sessions read the grants afresh on every request, so the access ends now.
    await recordAudit(tx, {
      actorUserId: input.actor.userId,
      action: 'review_team.member_removed',
      entityType: 'user',
      entityId: user.id,
      summary: {
        competitionId: c.id,
        team: input.team,
        email: user.email,
        before: {
          affiliationName: profile.affiliation_name,
          affiliationInstitutionId: profile.affiliation_institution_id,
          regionCode: profile.region_code,
          expertise: profile.expertise,
          capacity: profile.capacity,
          completedAt: profile.completed_at,
          conflicts,
        },
      },
      scope: teamRecordScope(c),
      ip: input.ip,
      now: input.now,
    });
    await enqueueMail(tx, {
      to: user.email,
      toName: user.name,
      template: 'user_role_revoked',
      locale: user.locale,
      vars: {
        name: user.name,
        email: user.email,
        by: input.actor.name,
        roleLabel: ROLE_LABELS[role][user.locale],
        scope: teamScopeText(input.team, c)[user.locale],
        at: formatInstant(input.now, 'Asia/Jakarta', user.locale),
      },
      scope: teamRecordScope(c),
      now: input.now,
    });
  });
}
