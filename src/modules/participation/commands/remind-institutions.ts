import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import { t } from '../../../domain/errors.js';
import { participationLines } from '../../../domain/participation-view.js';
import { formatInstant } from '../../../domain/time.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { localAdminsOf, notifyUser } from '../../../platform/notify.js';
import type { ReminderResult } from '../../../contracts/participation.js';
import { groupsOf, participantRows, proposalCounts } from '../queries.js';
import {
  lockCompetitionForReminders,
  nothingToRemind,
  openSubmission,
  planAndRecord,
  type ReminderTarget,
} from '../remind.js';

/**
 * The organizer's secretariat reminds the admin lokal of participant institutions that have forwarded
 * nothing yet (none started, or only in progress): a bilingual mail with the closing (date, hour, zone)
 * and an in-app notification to each active admin lokal, at most once per 24 hours per person; a reminder
 * row per person and institution and one audit row, all in one transaction. `dryRun` only counts them
 * (the confirmation). Chosen institutions that are not participants or have forwarded are left out.
 */
export async function remindInstitutions(
  db: Db,
  input: {
    competition: CompetitionRow;
    institutionIds: number[];
    dryRun: boolean;
    actorUserId: number;
    ip: string | null;
    now: Date;
    baseUrl: string;
  },
): Promise<ReminderResult> {
  const c = input.competition;
  return db.transaction().execute(async (tx) => {
    await lockCompetitionForReminders(tx, c.id);
    const closesAt = await openSubmission(tx, c, input.now);
    const chosen = new Set(input.institutionIds);
    const [participants, counts, groups] = await Promise.all([
      participantRows(tx, c),
      proposalCounts(tx, c.id),
      groupsOf(tx, c.id),
    ]);
    const lines = participationLines(
      participants.filter((p) => chosen.has(p.id)),
      counts.map((n) => ({ ownerId: n.institutionId, groupId: n.groupId, state: n.state, n: n.n })),
      groups.map((g) => ({ id: g.id, key: g.key, quota: g.quota_per_institution })),
      'institution',
    ).filter((l) => l.remindable);
    if (!lines.length) throw nothingToRemind('institution');
    const byId = new Map(lines.map((l) => [l.subject.id, l]));
    const admins = await localAdminsOf(tx, [...byId.keys()]);
    const targets: ReminderTarget[] = admins.map((a) => Object.assign({}, a, { unitId: null }));
    const link = `${input.baseUrl}/usulan`;
    return planAndRecord(tx, {
      competition: c,
      level: 'institution',
      subjects: lines.length,
      targets,
      dryRun: input.dryRun,
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
      auditSummary: { institutionIds: [...byId.keys()] },
      auditInstitutionId: null,
      deliver: async (person, all) => {
        // One mail per institution the person serves: each names its own institution and work in progress.
        for (const target of all) {
          const line = byId.get(target.institutionId)!;
          const institution = line.subject.name;
          await enqueueMail(tx, {
            to: person.email,
            toName: person.name,
            template: 'participation_reminder_institution',
            locale: person.locale,
            vars: {
              name: person.name,
              institution,
              competition: c.name,
              inProgress: line.inProgress,
              closesAt: formatInstant(closesAt, c.time_zone, person.locale),
              link,
            },
            scope: {
              competitionId: c.id,
              organizerInstitutionId: c.organizer_institution_id,
              institutionId: target.institutionId,
            },
            now: input.now,
          });
          await notifyUser(tx, {
            userId: person.id,
            kind: 'participation_reminder',
            title: t(
              `Pengingat: ${institution} belum meneruskan proposal`,
              `Reminder: ${institution} has not forwarded a proposal`,
            ),
            body: t(
              `Penyelenggara ${c.name} mengingatkan: teruskan minimal satu proposal sebelum ${formatInstant(closesAt, c.time_zone, 'id')}.`,
              `The organizer of ${c.name} reminds you: forward at least one proposal before ${formatInstant(closesAt, c.time_zone, 'en')}.`,
            ),
            link: '/usulan',
            now: input.now,
          });
        }
      },
    });
  });
}
