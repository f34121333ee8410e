import type { Db } from '../../../db/connect.js';
import { conflict, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { insertFileRow, withOptionalStagedFile } from '../../../platform/blobs.js';
import type { BlobStore, StagedObject } from '../../../platform/storage.js';
import { auditPresentation } from '../audit.js';
import type { FinalistAccess } from '../participant.js';

/** 409 `upload_closed` naming the deadline with hour and zone, or null while uploads are open. */
export function uploadClosed(access: FinalistAccess, now: Date) {
  const deadline = access.ctx.settings.uploadDeadline;
  const tz = access.ctx.competition.time_zone;
  if (deadline && now.getTime() > Date.parse(deadline))
    return conflict(
      'upload_closed',
      t(
        `Batas unggah bahan paparan sudah lewat (${formatInstant(deadline, tz, 'id')}).`,
        `The upload deadline has passed (${formatInstant(deadline, tz, 'en')}).`,
      ),
    );
  return null;
}

/**
 * Saves a finalist's presentation file and/or video link (either may come alone; the other stays), before
 * the upload deadline (409 `upload_closed` with the time) and once the finalist is invited (409
 * `not_invited`). The file was staged with the competition's size limit and the pdf/pptx types read from
 * its content; a refusal keeps nothing of it.
 */
export async function saveUpload(
  db: Db,
  storage: BlobStore,
  input: {
    access: FinalistAccess;
    staged: StagedObject | null;
    fileName: string | null;
    videoUrl: string | null | undefined;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
) {
  const { ctx, proposal } = input.access;
  const change = async (tx: Db) => {
    const closed = uploadClosed(input.access, input.now);
    if (closed) throw closed;
    const letter = await tx
      .selectFrom('presentation_letters')
      .select('id')
      .where('stage_id', '=', ctx.stage.id)
      .where('proposal_id', '=', proposal.id)
      .executeTakeFirst();
    if (!letter)
      throw conflict(
        'not_invited',
        t(
          'Unggahan dibuka setelah jadwal presentasi diumumkan.',
          'Uploads open once the presentation schedule is published.',
        ),
      );
    const current = await tx
      .selectFrom('presentation_uploads')
      .selectAll()
      .where('stage_id', '=', ctx.stage.id)
      .where('proposal_id', '=', proposal.id)
      .executeTakeFirst();
    const fileId = input.staged
      ? await insertFileRow(tx, {
          staged: input.staged,
          name: input.fileName ?? 'paparan',
          uploadedBy: input.actorUserId,
          now: input.now,
        })
      : (current?.file_id ?? null);
    const videoUrl = input.videoUrl === undefined ? (current?.video_url ?? null) : input.videoUrl;
    const at = input.now.toISOString();
    if (current)
      await tx
        .updateTable('presentation_uploads')
        .set({ file_id: fileId, video_url: videoUrl, updated_by: input.actorUserId, updated_at: at })
        .where('id', '=', current.id)
        .execute();
    else
      await tx
        .insertInto('presentation_uploads')
        .values({
          stage_id: ctx.stage.id,
          proposal_id: proposal.id,
          file_id: fileId,
          video_url: videoUrl,
          updated_by: input.actorUserId,
          updated_at: at,
        })
        .execute();
    await auditPresentation(tx, ctx, {
      action: 'presentation.upload_saved',
      entityType: 'proposal',
      entityId: proposal.id,
      summary: { fileId, videoUrl, replacedFile: input.staged ? (current?.file_id ?? null) : null },
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
    });
    return { fileId, videoUrl, updatedAt: at };
  };
  if (input.staged)
    return withOptionalStagedFile(db, storage, input.staged, async (tx) => ({
      value: await change(tx),
      store: true,
    }));
  return db.transaction().execute(change);
}
