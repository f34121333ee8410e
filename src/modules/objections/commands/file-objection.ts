import type { ObjectionFields } from '../../../contracts/objections.js';
import type { Db } from '../../../db/connect.js';
import { normalizeEmail } from '../../../domain/email.js';
import { conflict, fieldError, t } from '../../../domain/errors.js';
import { filingRefusal, formatObjectionNumber } from '../../../domain/objections.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { insertFileRow, withOptionalStagedFile } from '../../../platform/blobs.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import type { BlobStore, StagedObject } from '../../../platform/storage.js';
import { findFinalist, type UjiPublik } from '../queries.js';

/** Where the filer checks an objection by its number and e-mail (the web app's public route). */
export const objectionStatusPath = (number: string) =>
  `/uji-publik/status?nomor=${encodeURIComponent(number)}`;

/** Filing is refused before the provisional list is published: there is nothing to object to. */
export const notPublishedYet = () =>
  conflict(
    'finalists_not_published',
    t(
      'Daftar finalis sementara belum diumumkan; keberatan belum dapat diajukan.',
      'The provisional finalists have not been announced; objections cannot be filed yet.',
    ),
  );

/**
 * Records a public objection (no account): checked against the window of the `public_objection` stage
 * (409 with both instants outside it) and the finalists as they stand (a proposal that is not one is a
 * field error on `proposalId`); the optional evidence stored with it; its audit row and the bilingual
 * receipt to the filer with the number, in one transaction. Returns the number.
 */
export async function fileObjection(
  db: Db,
  storage: BlobStore,
  input: {
    uji: UjiPublik;
    fields: ObjectionFields;
    evidence: (StagedObject & { originalName: string }) | null;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<{ id: number; number: string }> {
  const { uji, fields: f } = input;
  const change = async (tx: Db) => {
    if (!uji.published) throw notPublishedYet();
    const refusal = filingRefusal(uji.stage, input.now, uji.competition.timeZone);
    if (refusal) throw refusal;
    const finalist = await findFinalist(tx, uji.competition.id, f.proposalId);
    if (!finalist)
      throw fieldError(
        'proposalId',
        'not_a_finalist',
        t(
          'Pilih salah satu finalis sementara dari daftar.',
          'Choose one of the provisional finalists from the list.',
        ),
      );
    const fileId = input.evidence
      ? await insertFileRow(tx, {
          staged: input.evidence,
          name: input.evidence.originalName,
          uploadedBy: null,
          now: input.now,
        })
      : null;
    const now = input.now.toISOString();
    const email = normalizeEmail(f.email);
    const row = await tx
      .insertInto('objections')
      .values({
        competition_id: uji.competition.id,
        stage_id: uji.stage.id,
        proposal_id: finalist.proposalId,
        name: f.name,
        email,
        phone: f.phone ?? null,
        grounds: f.grounds,
        evidence_file_id: fileId,
        locale: f.locale,
        status: 'new',
        ip: input.ip,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const number = formatObjectionNumber(uji.competition.year, row.id);
    const scope = {
      competitionId: uji.competition.id,
      organizerInstitutionId: uji.competition.organizerInstitutionId,
    };
    await recordAudit(tx, {
      actorUserId: null,
      action: 'objection.filed',
      entityType: 'objection',
      entityId: row.id,
      summary: {
        number,
        proposal: { id: finalist.proposalId, code: finalist.code },
        name: f.name,
        email,
        evidence: input.evidence
          ? { fileId, sha256: input.evidence.sha256, size: input.evidence.size }
          : null,
      },
      scope,
      ip: input.ip,
      now: input.now,
    });
    await enqueueMail(tx, {
      to: email,
      toName: f.name,
      template: 'objection_received',
      locale: f.locale,
      vars: {
        name: f.name,
        number,
        code: finalist.code,
        title: finalist.title,
        program: uji.competition.name,
        receivedAt: formatInstant(input.now, uji.competition.timeZone, 'id'),
        receivedAtEn: formatInstant(input.now, uji.competition.timeZone, 'en'),
        statusLink: `${input.baseUrl}${objectionStatusPath(number)}`,
      },
      scope,
      now: input.now,
    });
    return { id: row.id, number };
  };
  if (!input.evidence) return db.transaction().execute(change);
  return withOptionalStagedFile(db, storage, input.evidence, async (tx) => ({
    value: await change(tx),
    store: true,
  }));
}
