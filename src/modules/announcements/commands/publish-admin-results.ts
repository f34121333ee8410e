import type { Db } from '../../../db/connect.js';
import type { AnnouncementRow, CompetitionRow } from '../../../db/schema.js';
import { conflict, notFound, t } from '../../../domain/errors.js';
import { adminReadiness, blockerText, PUBLISH_ACTIONS } from '../../../domain/publication.js';
import type { PublishBody } from '../../../contracts/announcements.js';
import { recordAudit } from '../../../platform/audit.js';
import { applyTransitions } from '../../proposals/transition.js';
import { adminLines, entryOf, findStage } from '../queries.js';
import { alreadyPublished, insertAnnouncement, markChecksPublished } from '../publish.js';
import { sendAdminNotices } from '../notices.js';

export const ADMIN_KIND = 'administrative_results';

/**
 * The secretariat publishes the administrative check's results (issue 12 point 1), in ONE transaction:
 * every staged outcome is applied through the proposals' transition function in bulk (received →
 * passed_admin by `passAdmin`; received or incomplete → disqualified by `disqualify`), with a revision per
 * proposal; the checks are marked published; the announcement row is inserted (one per stage and kind:
 * a second publisher gets 409 `already_published`); the audit row; and the notices, one mail per admin
 * lokal and institution listing its proposals' results, plus an in-app notification.
 * Refused with 409 `not_ready` while something blocks it (domain/publication.ts `adminReadiness`).
 */
export async function publishAdminResults(
  db: Db,
  input: {
    competition: CompetitionRow;
    body: PublishBody;
    actorUserId: number;
    ip: string | null;
    now: Date;
    baseUrl: string;
  },
): Promise<{
  announcement: AnnouncementRow;
  moved: { passed: number; disqualified: number };
  mails: number;
  institutions: number;
}> {
  const c = input.competition;
  return db.transaction().execute(async (tx) => {
    // Two publishers of one stage wait for each other here (PostgreSQL; SQLite has one writer); the
    // unique index on (stage, kind) is the last guard either way.
    const stage = await findStage(tx, c.id, 'administrative', true);
    if (!stage)
      throw notFound(t('Tahap seleksi administrasi tidak ditemukan.', 'Administrative stage not found.'));
    await refuseIfPublished(tx, stage.id);

    const lines = await adminLines(tx, c.id);
    const readiness = adminReadiness(lines, input.now);
    if (!readiness.ready) {
      const reasons = readiness.blockers.map((b) => blockerText(b.code, b.proposalIds.length));
      throw conflict(
        'not_ready',
        reasons.length
          ? t(
              `Hasil belum dapat diumumkan: ${reasons.map((r) => r.id).join(' ')}`,
              `The results cannot be published yet: ${reasons.map((r) => r.en).join(' ')}`,
            )
          : t('Belum ada keputusan yang dapat diumumkan.', 'There is no decision to publish yet.'),
      );
    }

    const moved = {
      passed: await applyTransitions(tx, {
        ids: readiness.passed,
        action: PUBLISH_ACTIONS.passed,
        actorUserId: input.actorUserId,
        now: input.now,
      }),
      disqualified: await applyTransitions(tx, {
        ids: readiness.disqualified,
        action: PUBLISH_ACTIONS.disqualified,
        actorUserId: input.actorUserId,
        now: input.now,
      }),
    };
    if (
      moved.passed.length !== readiness.passed.length ||
      moved.disqualified.length !== readiness.disqualified.length
    )
      throw conflict(
        'proposal_changed',
        t(
          'Sebagian proposal baru saja berubah status; muat ulang lalu umumkan lagi.',
          'Some proposals just changed state; reload and publish again.',
        ),
      );
    const published = [...readiness.passed, ...readiness.disqualified];
    await markChecksPublished(tx, published, input.now);

    const passedIds = new Set(readiness.passed);
    const entries = lines.filter((l) => passedIds.has(l.proposalId)).map(entryOf);
    const announcement = await insertAnnouncement(tx, {
      competitionId: c.id,
      stageId: stage.id,
      kind: ADMIN_KIND,
      body: input.body,
      entries,
      actorUserId: input.actorUserId,
      now: input.now,
    });

    const outcomeOf = new Map<number, 'passed' | 'disqualified'>([
      ...readiness.passed.map((id) => [id, 'passed'] as const),
      ...readiness.disqualified.map((id) => [id, 'disqualified'] as const),
    ]);
    const notices = await sendAdminNotices(tx, {
      competition: c,
      announcement,
      lines: lines.filter((l) => outcomeOf.has(l.proposalId)),
      outcomeOf,
      now: input.now,
      baseUrl: input.baseUrl,
    });

    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'announcement.published',
      entityType: 'announcement',
      entityId: announcement.id,
      summary: {
        kind: ADMIN_KIND,
        stageId: stage.id,
        letterNumber: announcement.letter_number,
        passed: readiness.passed,
        disqualified: readiness.disqualified,
        institutions: notices.institutions,
        mails: notices.mails,
      },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });
    return {
      announcement,
      moved: { passed: moved.passed.length, disqualified: moved.disqualified.length },
      ...notices,
    };
  });
}

async function refuseIfPublished(tx: Db, stageId: number): Promise<void> {
  const existing = await tx
    .selectFrom('announcements')
    .select('id')
    .where('stage_id', '=', stageId)
    .where('kind', '=', ADMIN_KIND)
    .executeTakeFirst();
  if (existing) throw alreadyPublished();
}
