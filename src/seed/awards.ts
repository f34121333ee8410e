/*
 * Past KIPP award winners for the registry that the group eligibility rules check. data/kipp-awards.csv is
 * a copy of the collected list in ../shared/data/kipp-awards.csv (52 rows, each with the public page that
 * names it; see that folder's README for coverage and caveats), kept here so the repo needs nothing outside.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/connect.js';
import { parseAwardCsv, validateAwardRows } from '../domain/awards.js';
import { insertNewAwards } from '../modules/awards/commands/import-awards.js';

export const KIPP_AWARDS_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'data',
  'kipp-awards.csv',
);

/** Loads the known past awards into the registry, each linked to its institution when the name is clear. Idempotent. */
export async function seedAwards(db: Db, now: Date = new Date()): Promise<{ created: number }> {
  const parsed = parseAwardCsv(fs.readFileSync(KIPP_AWARDS_FILE, 'utf8'));
  if (!parsed.ok) throw new Error(`${KIPP_AWARDS_FILE}: ${parsed.message.en}`);
  const { rows, problems } = validateAwardRows(parsed.records);
  if (problems.length)
    throw new Error(
      `${KIPP_AWARDS_FILE}: row ${problems[0].row} ${problems[0].field}: ${problems[0].message.en}`,
    );
  const { created } = await db
    .transaction()
    .execute((tx) => insertNewAwards(tx, rows, { createdBy: null, now }));
  return { created };
}
