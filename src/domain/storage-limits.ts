import { AppError, t } from './errors.js';
import type { ProposalState } from './proposal-workflow.js';

/*
 * Caps that keep one participant from filling the installation's disk, set per competition (settings; the
 * defaults and their reasons are in contracts/storage-defaults.ts; the settings schema fills them in).
 */

/** Proposals the unit still works on (counted against the cap); sent or later ones are not drafts. */
export const OPEN_DRAFT_STATES: readonly ProposalState[] = ['draft', 'returned'];

const MIB = 1024 * 1024;

/** 409 `open_drafts_limit` when the unit already has `max` open drafts in this competition. */
export function checkOpenDrafts(openDrafts: number, max: number): void {
  if (openDrafts < max) return;
  throw new AppError(
    409,
    'open_drafts_limit',
    t(
      `Unit Anda sudah memiliki ${openDrafts} draf proposal yang belum dikirim pada kompetisi ini (batas ${max}). Kirim atau hapus draf yang ada sebelum membuat yang baru.`,
      `Your unit already has ${openDrafts} unsent draft proposals in this competition (limit ${max}). Send or delete a draft before starting a new one.`,
    ),
    {},
    { limit: max, openDrafts },
  );
}

const mb = (bytes: number) => Math.round((bytes / MIB) * 10) / 10;

/** The room an institution has left for evidence in one competition (bytes, never negative). */
export function institutionRoom(usedBytes: number, maxMb: number): number {
  return Math.max(0, maxMb * MIB - usedBytes);
}

/** 409 `institution_storage_full`: this upload would take the institution past its evidence limit. */
export function institutionStorageFull(usedBytes: number, maxMb: number): AppError {
  const left = mb(institutionRoom(usedBytes, maxMb));
  const text = t(
    `Lampiran seluruh proposal instansi Anda pada kompetisi ini sudah ${mb(usedBytes)} MB dari batas ${maxMb} MB (sisa ${left} MB). Hapus lampiran yang tidak diperlukan atau perkecil berkasnya.`,
    `The attachments of all your institution's proposals in this competition take ${mb(usedBytes)} MB of the ${maxMb} MB limit (${left} MB left). Remove attachments you do not need or make the file smaller.`,
  );
  return new AppError(
    409,
    'institution_storage_full',
    text,
    { file: { code: 'institution_storage_full', message: text } },
    {
      limitMb: maxMb,
      usedBytes,
    },
  );
}
