import { conflict, fieldError, t } from '../../domain/errors.js';

export const awardExists = () => {
  const text = t(
    'Penghargaan ini sudah tercatat (tahun, tingkat, judul dan instansi yang sama).',
    'This award is already recorded (same year, level, title and institution).',
  );
  return conflict('award_exists', text, { innovationTitle: { code: 'award_exists', message: text } });
};

export const institutionNotFound = () =>
  fieldError(
    'institutionId',
    'institution_not_found',
    t('Instansi tidak ditemukan.', 'The institution was not found.'),
  );

export const awardInUse = () =>
  conflict(
    'award_in_use',
    t(
      'Penghargaan ini menjadi sumber proposal replikasi, sehingga tidak dapat dihapus.',
      'A replication proposal builds on this award, so it cannot be deleted.',
    ),
  );

/** A unique index refused the write: another request stored the same row a moment earlier. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown } | null;
  return !!e && (e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE');
}
