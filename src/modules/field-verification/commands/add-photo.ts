import type { z } from 'zod';
import type { photoFields } from '../../../contracts/field-verification.js';
import type { Db } from '../../../db/connect.js';
import { FIELD_PHOTOS_PER_VISIT } from '../../../domain/field-verification.js';
import { conflict, fieldError, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { insertFileRow, withOptionalStagedFile } from '../../../platform/blobs.js';
import type { BlobStore, StagedObject } from '../../../platform/storage.js';
import { claimsOfProposal, type VisitRow } from '../queries.js';
import { visitNotPlanned } from '../steps.js';
import { isUniqueViolation } from './apply-operation.js';

/*
 * One photo taken on the spot, stored ONCE: by its client id (the phone sends it again after a lost
 * answer or a reconnect) and by its content within the visit (the same picture chosen twice). A duplicate
 * answers with the photo already stored (`replayed`), and its upload is only discarded: no `files` row, no
 * second blob. The capture time and place come from the phone; a refused or unavailable location is kept
 * as such, and the photo with it.
 */

export type PhotoInput = z.infer<typeof photoFields>;

async function existingPhoto(
  db: Db,
  visitId: number,
  clientId: string,
  sha256: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('field_photos as fp')
    .innerJoin('files as f', 'f.id', 'fp.file_id')
    .select('fp.id')
    .where('fp.visit_id', '=', visitId)
    .where((eb) => eb.or([eb('fp.client_id', '=', clientId), eb('f.sha256', '=', sha256)]))
    .orderBy('fp.id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function addPhoto(
  db: Db,
  storage: BlobStore,
  input: {
    visit: VisitRow;
    fields: PhotoInput;
    staged: StagedObject & { originalName: string };
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
): Promise<{ photoId: number; replayed: boolean }> {
  const { visit: v, fields: f, staged } = input;
  try {
    return await withOptionalStagedFile<{ photoId: number; replayed: boolean }>(
      db,
      storage,
      staged,
      async (tx) => {
        const seen = await existingPhoto(tx, v.id, f.clientId, staged.sha256);
        if (seen !== null) return { value: { photoId: seen, replayed: true }, store: false };
        const current = await tx
          .selectFrom('field_visits')
          .select('status')
          .where('id', '=', v.id)
          .executeTakeFirstOrThrow();
        if (current.status !== 'planned') throw visitNotPlanned(current.status);
        const count = await tx
          .selectFrom('field_photos')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('visit_id', '=', v.id)
          .executeTakeFirstOrThrow();
        if (Number(count.n) >= FIELD_PHOTOS_PER_VISIT)
          throw conflict(
            'too_many_photos',
            t(
              `Satu kunjungan paling banyak ${FIELD_PHOTOS_PER_VISIT} foto.`,
              `A visit has at most ${FIELD_PHOTOS_PER_VISIT} photos.`,
            ),
          );
        if (f.claimKey && !(await claimsOfProposal(tx, v.proposalId)).some((c) => c.key === f.claimKey))
          throw fieldError(
            'claimKey',
            'unknown_claim',
            t(
              'Klaim ini tidak ada pada daftar periksa finalis.',
              "This claim is not on the finalist's checklist.",
            ),
          );
        const located = f.geoStatus === 'ok' && f.latitude !== undefined && f.longitude !== undefined;
        const fileId = await insertFileRow(tx, {
          staged,
          name: staged.originalName,
          uploadedBy: input.actorUserId,
          now: input.now,
        });
        const row = await tx
          .insertInto('field_photos')
          .values({
            visit_id: v.id,
            client_id: f.clientId,
            file_id: fileId,
            claim_key: f.claimKey || null,
            caption: f.caption || null,
            taken_at: new Date(f.takenAt).toISOString(),
            latitude: located ? f.latitude! : null,
            longitude: located ? f.longitude! : null,
            accuracy: located ? (f.accuracy ?? null) : null,
            geo_status: located ? 'ok' : f.geoStatus === 'ok' ? 'unavailable' : f.geoStatus,
            uploaded_by: input.actorUserId,
            created_at: input.now.toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(tx, {
          actorUserId: input.actorUserId,
          action: 'fieldVisit.photo',
          entityType: 'field_visit',
          entityId: v.id,
          summary: {
            photo: row.id,
            clientId: f.clientId,
            sha256: staged.sha256,
            size: staged.size,
            takenAt: f.takenAt,
            located,
          },
          scope: { competitionId: v.competitionId, organizerInstitutionId: v.organizerInstitutionId },
          ip: input.ip,
          now: input.now,
        });
        return { value: { photoId: row.id, replayed: false }, store: true };
      },
    );
  } catch (err) {
    if (isUniqueViolation(err)) {
      const seen = await existingPhoto(db, v.id, f.clientId, staged.sha256);
      if (seen !== null) return { photoId: seen, replayed: true };
    }
    throw err;
  }
}
