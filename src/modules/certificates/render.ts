import { Readable } from 'node:stream';
import type { Db } from '../../db/connect.js';
import type { CertificateRow } from '../../db/schema.js';
import { verificationPath } from '../../domain/certificates.js';
import { dateTimeFormat } from '../../domain/time.js';
import { insertFileRow, withOptionalStagedFile } from '../../platform/blobs.js';
import type { BlobStore } from '../../platform/storage.js';
import { certificateCode, factsOf } from './code.js';
import type { CertificatePdfInput } from './pdf.js';

/*
 * Making the certificates' PDFs: in the export pool's threads (never on the event loop), stored in the
 * files storage (a `files` row per PDF, so the storage sweep keeps it), the row's file_id set once. At most
 * one certificate per thread at a time: a person's export waits for one certificate at most.
 */

/** What makes the PDF: the export pool (exports/pool.ts), seen only through what it does here. */
export interface CertificateRenderer {
  certificatePdf(input: CertificatePdfInput): Promise<Buffer>;
  readonly threads: number;
}

export interface RenderDeps {
  storage: BlobStore;
  renderer: CertificateRenderer;
  certificateKey: string;
  baseUrl: string;
}

/** A certificate's PDF stays under this (a few hundred kilobytes at most; the QR code is vector). */
const MAX_PDF_BYTES = 5 * 1024 * 1024;

/** The full verification address printed on a certificate and encoded in its QR code. */
export function verificationUrl(deps: Pick<RenderDeps, 'baseUrl' | 'certificateKey'>, r: CertificateRow) {
  return `${deps.baseUrl}${verificationPath(r.number, certificateCode(deps.certificateKey, factsOf(r)))}`;
}

/** The date only, in the competition's zone, as each language writes it. */
function issuedOn(at: string, timeZone: string) {
  const opts = { timeZone, day: 'numeric', month: 'long', year: 'numeric' } as const;
  return {
    id: dateTimeFormat('id-ID', opts).format(new Date(at)),
    en: dateTimeFormat('en-GB', opts).format(new Date(at)),
  };
}

/** The PDF's data for a certificate (plain data for the pool's thread). */
export async function pdfInputOf(db: Db, deps: RenderDeps, r: CertificateRow): Promise<CertificatePdfInput> {
  const c = await db
    .selectFrom('competitions as c')
    .innerJoin('institutions as o', 'o.id', 'c.organizer_institution_id')
    .select(['c.time_zone', 'o.name as organizer'])
    .where('c.id', '=', r.competition_id)
    .executeTakeFirstOrThrow();
  return {
    number: r.number,
    organizer: c.organizer,
    competitionName: r.competition_name,
    year: r.year,
    innovationTitle: r.innovation_title,
    institutionName: r.institution_name,
    unitName: r.unit_name,
    awardLabelId: r.award_label_id,
    awardLabelEn: r.award_label_en,
    signerName: r.signer_name,
    signerPosition: r.signer_position,
    issuedOn: issuedOn(r.issued_at, c.time_zone),
    verificationUrl: verificationUrl(deps, r),
  };
}

/**
 * Makes and stores the PDF of one certificate unless it has one; returns the stored file's id. Two makers
 * of the same certificate at once: the first to commit sets file_id, the other keeps nothing.
 */
export async function ensureCertificatePdf(db: Db, deps: RenderDeps, id: number): Promise<number> {
  const r = await db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  if (r.file_id !== null) return r.file_id;
  const pdf = await deps.renderer.certificatePdf(await pdfInputOf(db, deps, r));
  const staged = await deps.storage.stage(Readable.from([pdf]), {
    maxBytes: MAX_PDF_BYTES,
    allowedMimes: ['application/pdf'],
  });
  return withOptionalStagedFile(db, deps.storage, staged, async (tx) => {
    const now = await tx
      .selectFrom('certificates')
      .select('file_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (now.file_id !== null) return { value: now.file_id, store: false };
    const fileId = await insertFileRow(tx, {
      staged,
      name: `piagam-${r.number_slug}.pdf`,
      uploadedBy: null,
      now: new Date(),
    });
    await tx.updateTable('certificates').set({ file_id: fileId }).where('id', '=', id).execute();
    return { value: fileId, store: true };
  });
}

/**
 * Makes the PDFs of these certificates (those without one), as many at once as the pool has threads.
 * Returns how many were made; a failure of one is reported and the others go on.
 */
export async function renderCertificates(
  db: Db,
  deps: RenderDeps,
  ids: number[],
  onError: (id: number, err: unknown) => void = () => undefined,
): Promise<{ made: number; failed: number }> {
  let next = 0;
  let made = 0;
  let failed = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      try {
        await ensureCertificatePdf(db, deps, id);
        made++;
      } catch (err) {
        failed++;
        onError(id, err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(deps.renderer.threads, ids.length)) }, worker));
  return { made, failed };
}
