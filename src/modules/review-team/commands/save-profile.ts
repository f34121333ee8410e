import type { Db } from '../../../db/connect.js';
import type { ReviewTeam } from '../../../db/schema.js';
import type { ProfileBody } from '../../../contracts/review-team.js';
import { conflict, invalidFields, notFound, t } from '../../../domain/errors.js';
import { checkProfile } from '../../../domain/reviewer-profile.js';
import { recordAudit } from '../../../platform/audit.js';
import type { TeamCompetition } from '../queries.js';
import { hasActiveAssignments, teamRecordScope } from '../steps.js';

export interface SaveProfileInput {
  competition: TeamCompetition;
  team: ReviewTeam;
  userId: number;
  body: ProfileBody;
  ip: string | null;
  now: Date;
}

/**
 * The reviewer saves their own profile: affiliation (a registry institution or a free-text name), region,
 * expertise (the competition's categories), capacity and declared conflicts (replacing the earlier declared
 * ones; organizer and found rows stay). The first save completes it (`completed_at`). Wrong fields: 400 with
 * each field's problem. Once they hold assignments the profile is fixed (409 `profile_locked`); conflicts
 * may still be added one by one (recorded as `found`).
 */
export async function saveProfile(db: Db, input: SaveProfileInput): Promise<void> {
  const { competition: c, body } = input;
  await db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('reviewer_profiles')
      .selectAll()
      .where('competition_id', '=', c.id)
      .where('user_id', '=', input.userId)
      .where('team', '=', input.team)
      .executeTakeFirst();
    if (!before) throw notFound(t('Profil penilai tidak ditemukan.', 'Reviewer profile not found.'));
    if (await hasActiveAssignments(tx, c.id, input.userId))
      throw conflict(
        'profile_locked',
        t(
          'Profil tidak dapat diubah setelah Anda menerima penugasan; Anda masih dapat menambahkan konflik kepentingan.',
          'The profile cannot change once you hold assignments; you may still add a conflict of interest.',
        ),
      );
    const ids = [
      ...new Set([
        ...(body.affiliationInstitutionId ? [body.affiliationInstitutionId] : []),
        ...body.conflicts.map((x) => x.institutionId),
      ]),
    ];
    const found = ids.length
      ? await tx
          .selectFrom('institutions')
          .select(['id', 'name', 'region_code'])
          .where('id', 'in', ids)
          .execute()
      : [];
    const categories = await tx
      .selectFrom('categories')
      .select('key')
      .where('competition_id', '=', c.id)
      .execute();
    const checked = checkProfile(body, {
      categoryKeys: categories.map((x) => x.key),
      institutions: new Map(found.map((i) => [i.id, { regionCode: i.region_code, name: i.name }])),
    });
    if (!checked.ok) throw invalidFields(checked.fields);
    const p = checked.profile;
    const now = input.now.toISOString();
    await tx
      .updateTable('reviewer_profiles')
      .set({
        affiliation_institution_id: p.affiliationInstitutionId,
        affiliation_name: p.affiliationName,
        region_code: p.regionCode,
        unsur: before.team === 'panel' ? (body.unsur === undefined ? before.unsur : body.unsur) : null,
        expertise: JSON.stringify(p.expertise),
        capacity: body.capacity === undefined ? before.capacity : body.capacity,
        completed_at: before.completed_at ?? now,
        updated_at: now,
      })
      .where('id', '=', before.id)
      .execute();
    const kept = await tx
      .selectFrom('reviewer_conflicts')
      .select(['institution_id', 'source'])
      .where('competition_id', '=', c.id)
      .where('user_id', '=', input.userId)
      .execute();
    await tx
      .deleteFrom('reviewer_conflicts')
      .where('competition_id', '=', c.id)
      .where('user_id', '=', input.userId)
      .where('source', '=', 'declared')
      .execute();
    const other = new Set(kept.filter((k) => k.source !== 'declared').map((k) => k.institution_id));
    const declared = p.conflicts.filter((x) => !other.has(x.institutionId));
    if (declared.length > 0)
      await tx
        .insertInto('reviewer_conflicts')
        .values(
          declared.map((x) => ({
            competition_id: c.id,
            user_id: input.userId,
            institution_id: x.institutionId,
            source: 'declared' as const,
            note: x.note,
            created_by: input.userId,
            created_at: now,
          })),
        )
        .execute();
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: before.completed_at ? 'review_team.profile_updated' : 'review_team.profile_completed',
      entityType: 'user',
      entityId: input.userId,
      summary: {
        competitionId: c.id,
        team: input.team,
        before: {
          affiliationInstitutionId: before.affiliation_institution_id,
          affiliationName: before.affiliation_name,
          regionCode: before.region_code,
          expertise: before.expertise,
          capacity: before.capacity,
          declared: kept.filter((k) => k.source === 'declared').map((k) => k.institution_id),
        },
        after: {
          affiliationInstitutionId: p.affiliationInstitutionId,
          affiliationName: p.affiliationName,
          regionCode: p.regionCode,
          expertise: p.expertise,
          capacity: body.capacity === undefined ? before.capacity : body.capacity,
          declared: declared.map((x) => x.institutionId),
        },
      },
      scope: teamRecordScope(c),
      ip: input.ip,
      now: input.now,
    });
  });
}
