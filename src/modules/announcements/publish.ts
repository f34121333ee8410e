import type { Db } from '../../db/connect.js';
import type { AnnouncementRow } from '../../db/schema.js';
import { conflict, t } from '../../domain/errors.js';
import type { AnnouncementEntry, PublishBody } from '../../contracts/announcements.js';
import { isUniqueViolation } from '../competitions/definition-rows.js';

/*
 * What every publication shares (the administrative results now, the finalists next): the announcement
 * row, one per stage and kind, and the staged decisions marked published.
 */

const CHECK_BATCH = 500;

export const alreadyPublished = () =>
  conflict(
    'already_published',
    t(
      'Hasil tahap ini sudah diumumkan (mungkin oleh anggota sekretariat lain). Muat ulang halaman.',
      "This stage's results were already published (perhaps by another secretariat member). Reload the page.",
    ),
  );

/** Marks the administrative checks of these proposals published (their outcome is no longer staged). */
export async function markChecksPublished(tx: Db, proposalIds: readonly number[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < proposalIds.length; i += CHECK_BATCH)
    await tx
      .updateTable('admin_checks')
      .set((eb) => ({ published_at: at, updated_at: at, version: eb('version', '+', 1) }))
      .where('proposal_id', 'in', proposalIds.slice(i, i + CHECK_BATCH))
      .where('published_at', 'is', null)
      .execute();
}

/**
 * Inserts the announcement. The unique index (stage, kind) is the last guard against two publishers: the
 * loser gets 409 `already_published` (its transaction rolls back, nothing of it is kept).
 */
export async function insertAnnouncement(
  tx: Db,
  input: {
    competitionId: number;
    stageId: number;
    kind: string;
    body: PublishBody;
    entries: AnnouncementEntry[];
    actorUserId: number;
    now: Date;
  },
): Promise<AnnouncementRow> {
  try {
    return await tx
      .insertInto('announcements')
      .values({
        competition_id: input.competitionId,
        stage_id: input.stageId,
        kind: input.kind,
        letter_number: input.body.letterNumber,
        title_id: input.body.titleId,
        title_en: input.body.titleEn,
        body_id: input.body.bodyId,
        body_en: input.body.bodyEn,
        entries: JSON.stringify(input.entries),
        published_by: input.actorUserId,
        published_at: input.now.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadyPublished();
    throw err;
  }
}
