import type { Db } from '../../../db/connect.js';
import {
  awardIdentityKey,
  institutionNameCandidates,
  matchInstitution,
  parseAwardCsv,
  validateAwardRows,
  type AwardRowProblem,
  type ValidAwardRow,
} from '../../../domain/awards.js';
import { AppError, badRequest, conflict, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { isUniqueViolation } from '../errors.js';
import { awardIdentities, directoryByNames } from '../queries.js';

export interface ImportAwardsInput {
  /** The file's content, decoded as UTF-8. */
  text: string;
  fileName: string | null;
  actorUserId: number;
  ip: string | null;
  now: Date;
}

const BATCH = 200;

const importFailed = (problems: AwardRowProblem[]) => {
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
 * Writes the rows the registry does not hold yet (same year, level, title regardless of case and
 * institution name = already held), each linked to the directory institution its name clearly designates.
 * Runs in the caller's transaction; returns how many were written and how many were already there.
 */
export async function insertNewAwards(
  tx: Db,
  rows: readonly ValidAwardRow[],
  opts: { createdBy: number | null; now: Date },
): Promise<{ created: number; skipped: number }> {
  const held = new Set(
    (
      await awardIdentities(
        tx,
        rows.map((r) => r.year),
      )
    ).map((a) =>
      awardIdentityKey({
        year: a.year,
        level: a.level,
        innovationTitle: a.innovation_title,
        institutionName: a.institution_name,
      }),
    ),
  );
  const fresh = rows.filter((r) => !held.has(awardIdentityKey(r)));
  const directory = await directoryByNames(
    tx,
    fresh.flatMap((r) => institutionNameCandidates(r.institutionName)),
  );
  const stamp = opts.now.toISOString();
  for (let i = 0; i < fresh.length; i += BATCH) {
    await tx
      .insertInto('awards')
      .values(
        fresh.slice(i, i + BATCH).map((r) => ({
          year: r.year,
          level: r.level,
          innovation_title: r.innovationTitle,
          institution_name: r.institutionName,
          institution_id: matchInstitution(r.institutionName, directory),
          source_url: r.sourceUrl,
          notes: r.notes,
          created_at: stamp,
          created_by: opts.createdBy,
          updated_at: stamp,
        })),
      )
      .execute();
  }
  return { created: fresh.length, skipped: rows.length - fresh.length };
}

/**
 * Imports awards from a CSV file (year, level, innovation, institution, source): every row is checked
 * first and any problem refuses the whole file (400 `import_failed` with `error.rows`). Rows already in the
 * registry, or repeated in the file, are skipped and counted; the rest are written in one transaction with
 * one audit row.
 */
export async function importAwards(
  db: Db,
  input: ImportAwardsInput,
): Promise<{ created: number; skipped: number }> {
  const parsed = parseAwardCsv(input.text);
  if (!parsed.ok)
    throw badRequest(parsed.code, parsed.message, { file: { code: parsed.code, message: parsed.message } });
  const { rows, repeated, problems } = validateAwardRows(parsed.records);
  if (problems.length) throw importFailed(problems);
  try {
    return await db.transaction().execute(async (tx) => {
      const { created, skipped } = await insertNewAwards(tx, rows, {
        createdBy: input.actorUserId,
        now: input.now,
      });
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'award.imported',
        entityType: 'award',
        entityId: null,
        summary: { created, skipped: skipped + repeated, fileName: input.fileName },
        scope: { referenceData: true },
        ip: input.ip,
        now: input.now,
      });
      return { created, skipped: skipped + repeated };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict(
        'import_conflict',
        t(
          'Penghargaan yang sama baru saja disimpan oleh orang lain; tidak ada yang diimpor. Unggah lagi untuk memeriksa ulang.',
          'Someone stored one of these awards a moment ago; nothing was imported. Upload again to re-check.',
        ),
      );
    throw err;
  }
}
