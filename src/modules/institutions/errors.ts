import { conflict, fieldError, t } from '../../domain/errors.js';
import { institutionNameTakenText, regionCodeTakenText } from '../../domain/institutions.js';

export const institutionNameTaken = () =>
  conflict('institution_name_taken', institutionNameTakenText(), {
    name: { code: 'institution_name_taken', message: institutionNameTakenText() },
  });

export const regionCodeTaken = () =>
  conflict('region_code_taken', regionCodeTakenText(), {
    regionCode: { code: 'region_code_taken', message: regionCodeTakenText() },
  });

export const parentNotFound = () =>
  fieldError(
    'parentId',
    'parent_not_found',
    t('Instansi induk tidak ditemukan.', 'The parent institution was not found.'),
  );

export const unitNameTaken = () => {
  const text = t(
    'Unit dengan nama ini sudah ada di instansi ini.',
    'This institution already has a unit with this name.',
  );
  return conflict('unit_name_taken', text, { name: { code: 'unit_name_taken', message: text } });
};

export const unitNotInInstitution = (field: string) =>
  fieldError(
    field,
    'unit_not_in_institution',
    t('Unit ini bukan bagian dari instansi ini.', 'This unit does not belong to this institution.'),
  );

/** A unique index refused the write: another request stored the same name or code a moment earlier. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown } | null;
  return !!e && (e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE');
}
