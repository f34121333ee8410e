import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import { t } from '../../../domain/errors.js';
import { participationLines } from '../../../domain/participation-view.js';
import { formatInstant } from '../../../domain/time.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser } from '../../../platform/notify.js';
import type { ReminderResult } from '../../../contracts/participation.js';
import { groupsOf, proposalCounts, unitRows, uppsOfUnits } from '../queries.js';
import {
  lockCompetitionForReminders,
  nothingToRemind,
  openSubmission,
  planAndRecord,
  type ReminderTarget,
} from '../remind.js';

/**
 * An admin lokal reminds the UPPs of the units of its institution that have no proposal at all in the
 * competition: a bilingual mail with the closing (date, hour, zone) and an in-app notification to each
 * active UPP of those units, at most once per 24 hours per person; a reminder row per person and unit and
 * one audit row, in one transaction. `dryRun` only counts them (the confirmation).
 */
export async function remindUnits(
  db: Db,
  input: {
    competition: CompetitionRow;
    institution: { id: number; name: string };
    unitIds: number[];
    dryRun: boolean;
    actorUserId: number;
    ip: string | null;
    now: Date;
    baseUrl: string;
  },
): Promise<ReminderResult> {
  const c = input.competition;
  const institutionId = input.institution.id;
  return db.transaction().execute(async (tx) => {
    await lockCompetitionForReminders(tx, c.id);
    const closesAt = await openSubmission(tx, c, input.now);
    const chosen = new Set(input.unitIds);
    const [units, counts, groups] = await Promise.all([
      unitRows(tx, c.id, institutionId),
      proposalCounts(tx, c.id, institutionId),
      groupsOf(tx, c.id),
    ]);
    const lines = participationLines(
      units.filter((u) => chosen.has(u.id)),
      counts.map((n) => ({ ownerId: n.unitId, groupId: n.groupId, state: n.state, n: n.n })),
      groups.map((g) => ({ id: g.id, key: g.key, quota: g.quota_per_institution })),
      'unit',
    ).filter((l) => l.remindable);
    if (!lines.length) throw nothingToRemind('unit');
    const upps = await uppsOfUnits(
      tx,
      institutionId,
      lines.map((l) => l.subject.id),
    );
    const targets: ReminderTarget[] = upps.map((u) => Object.assign({}, u, { institutionId }));
    const names = new Map(lines.map((l) => [l.subject.id, l.subject.name]));
    return planAndRecord(tx, {
      competition: c,
      level: 'unit',
      subjects: lines.length,
      targets,
      dryRun: input.dryRun,
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
      auditSummary: { institutionId, unitIds: [...names.keys()] },
      auditInstitutionId: institutionId,
      deliver: async (person, all) => {
        const unit = all.map((r) => names.get(r.unitId!)!).join(', ');
        await enqueueMail(tx, {
          to: person.email,
          toName: person.name,
          template: 'participation_reminder_unit',
          locale: person.locale,
          vars: {
            name: person.name,
            unit,
            institution: input.institution.name,
            competition: c.name,
            closesAt: formatInstant(closesAt, c.time_zone, person.locale),
            link: `${input.baseUrl}/usulan`,
          },
          scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id, institutionId },
          now: input.now,
        });
        await notifyUser(tx, {
          userId: person.id,
          kind: 'participation_reminder',
          title: t(
            `Pengingat: ${unit} belum membuat proposal`,
            `Reminder: ${unit} has not started a proposal`,
          ),
          body: t(
            `Admin Lokal mengingatkan: buat dan kirim proposal untuk ${c.name} sebelum ${formatInstant(closesAt, c.time_zone, 'id')}.`,
            `Your local admin reminds you: start and send a proposal for ${c.name} before ${formatInstant(closesAt, c.time_zone, 'en')}.`,
          ),
          link: '/usulan',
          now: input.now,
        });
      },
    });
  });
}
