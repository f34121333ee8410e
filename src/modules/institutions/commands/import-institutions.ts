import type { Db } from '../../../db/connect.js';
import { AppError, badRequest, conflict, t } from '../../../domain/errors.js';
import {
  importLevels,
  nameKey,
  parseInstitutionCsv,
  validateInstitutionRows,
  type RowProblem,
  type ValidImportRow,
} from '../../../domain/institutions.js';
import { recordAudit } from '../../../platform/audit.js';
import { isUniqueViolation } from '../errors.js';
import { importContext } from '../queries.js';

export interface ImportInstitutionsInput {
  /** The file's content, decoded as UTF-8. */
  text: string;
  fileName: string | null;
  /** Check only; nothing is written. */
  dryRun: boolean;
  actorUserId: number;
  ip: string | null;
  now: Date;
}

const BATCH = 500;

const importFailed = (problems: RowProblem[]) => {
  const rows = new Set(problems.map((p) => p.row)).size;
  return new AppError(
    400,
    'import_failed',
    t(
      `${rows} baris bermasalah; tidak ada yang diimpor. Perbaiki baris yang disebutkan lalu unggah lagi.`,
      `${rows} row(s) have problems; nothing was imported. Correct the rows listed and upload again.`,
    ),
    {},
    { rows: problems },
  );
};

/**
 * Imports institutions from a CSV file: all rows or none. Every row is checked first; any problem refuses
 * the whole file with 400 `import_failed` and `error.rows` (row, field, code, message per problem).
 * Otherwise every row is written in one transaction (parents before children) with one audit row.
 */
export async function importInstitutions(
  db: Db,
  input: ImportInstitutionsInput,
): Promise<{ created: number; valid: number; dryRun: boolean }> {
  const parsed = parseInstitutionCsv(input.text);
  if (!parsed.ok)
    throw badRequest(parsed.code, parsed.message, { file: { code: parsed.code, message: parsed.message } });

  const check = async (tx: Db) => {
    const ctx = await importContext(tx);
    const { rows, problems } = validateInstitutionRows(parsed.records, ctx);
    if (problems.length) throw importFailed(problems);
    return { rows, ctx };
  };

  if (input.dryRun) {
    const { rows } = await check(db);
    return { created: 0, valid: rows.length, dryRun: true };
  }

  try {
    return await db.transaction().execute(async (tx) => {
      const { rows, ctx } = await check(tx);
      const now = input.now.toISOString();
      const idOf = new Map<ValidImportRow, number>();
      for (const level of importLevels(rows, ctx.storedRegionCodes)) {
        for (let i = 0; i < level.length; i += BATCH) {
          const batch = level.slice(i, i + BATCH);
          const inserted = await tx
            .insertInto('institutions')
            .values(
              batch.map(({ row, parentInFile }) => ({
                type: row.type,
                name: row.name,
                short_name: row.shortName,
                region_code: row.regionCode,
                parent_id: parentInFile
                  ? idOf.get(parentInFile)!
                  : row.parentRegionCode
                    ? ctx.parentIdByCode.get(row.parentRegionCode)!
                    : null,
                created_at: now,
                updated_at: now,
              })),
            )
            .returning(['id', 'name'])
            .execute();
          // RETURNING order is not guaranteed (SQLite): match the new ids by the unique name.
          const idByName = new Map(inserted.map((r) => [nameKey(r.name), r.id]));
          for (const { row } of batch) idOf.set(row, idByName.get(nameKey(row.name))!);
        }
      }
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'institution.imported',
        entityType: 'institution',
        entityId: null,
        summary: { count: rows.length, fileName: input.fileName },
        scope: { referenceData: true },
        ip: input.ip,
        now: input.now,
      });
      return { created: rows.length, valid: rows.length, dryRun: false };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict(
        'import_conflict',
        t(
          'Instansi yang sama baru saja disimpan oleh orang lain; tidak ada yang diimpor. Unggah lagi untuk memeriksa ulang.',
          'Someone stored one of these institutions a moment ago; nothing was imported. Upload again to re-check.',
        ),
      );
    throw err;
  }
}
