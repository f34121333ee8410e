import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { dialectOf } from '../../db/connect.js';
import type { CertificateRow, CertificateSettingsRow, CompetitionRow, FileRow } from '../../db/schema.js';
import { defaultCertificateSettings } from '../../domain/certificates.js';

/** A competition's certificate settings, made with the defaults the first time they are asked for. */
export async function settingsOf(
  db: Db,
  c: Pick<CompetitionRow, 'id' | 'code' | 'year'>,
  now: Date,
  opts: { lock?: boolean } = {},
): Promise<CertificateSettingsRow> {
  const d = defaultCertificateSettings(c);
  await db
    .insertInto('certificate_settings')
    .values({
      competition_id: c.id,
      number_prefix: d.numberPrefix,
      signer_name: d.signerName,
      signer_position: d.signerPosition,
      updated_by: null,
      updated_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('competition_id').doNothing())
    .execute();
  let q = db.selectFrom('certificate_settings').selectAll().where('competition_id', '=', c.id);
  // Issuing takes the numbers under the row's lock (SQLite: one writer at a time is the lock).
  if (opts.lock && dialectOf(db) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirstOrThrow();
}

/** The competition a certificate belongs to, with its organizer's name. */
export async function competitionWithOrganizer(db: Db, competitionId: number) {
  return db
    .selectFrom('competitions as c')
    .innerJoin('institutions as o', 'o.id', 'c.organizer_institution_id')
    .selectAll('c')
    .select('o.name as organizer_name')
    .where('c.id', '=', competitionId)
    .executeTakeFirst();
}

export async function findCertificate(db: Db, id: number): Promise<CertificateRow | undefined> {
  return db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every certificate of a competition, by number, with its proposal's code. */
export async function certificatesOf(db: Db, competitionId: number) {
  return db
    .selectFrom('certificates as k')
    .innerJoin('proposals as p', 'p.id', 'k.proposal_id')
    .selectAll('k')
    .select('p.code as proposal_code')
    .where('k.competition_id', '=', competitionId)
    .orderBy('k.seq')
    .execute();
}

/**
 * One's own certificates as a participant (policy-scopes.ts `ownCertificateScope`): those of these
 * institutions' proposals and of these units', newest first.
 */
export async function ownCertificates(db: Db, scope: { institutionIds: number[]; unitIds: number[] }) {
  if (!scope.institutionIds.length && !scope.unitIds.length) return [];
  return db
    .selectFrom('certificates as k')
    .innerJoin('proposals as p', 'p.id', 'k.proposal_id')
    .innerJoin('competitions as c', 'c.id', 'k.competition_id')
    .selectAll('k')
    .select(['p.code as proposal_code', 'c.organizer_institution_id'])
    .where((eb) =>
      eb.or([
        ...(scope.institutionIds.length ? [eb('k.institution_id', 'in', scope.institutionIds)] : []),
        ...(scope.unitIds.length ? [eb('k.unit_id', 'in', scope.unitIds)] : []),
      ]),
    )
    .orderBy('k.issued_at', 'desc')
    .orderBy('k.seq')
    .execute();
}

/** The certificates whose number has this slug (one per competition at most). */
export async function certificatesBySlug(db: Db, slug: string): Promise<CertificateRow[]> {
  return db.selectFrom('certificates').selectAll().where('number_slug', '=', slug).execute();
}

/** The time zone of a competition (a verification shows the issue date in it). */
export async function competitionTimeZone(db: Db, competitionId: number): Promise<string> {
  const c = await db
    .selectFrom('competitions')
    .select('time_zone')
    .where('id', '=', competitionId)
    .executeTakeFirstOrThrow();
  return c.time_zone;
}

/** A stored file's row (a certificate's PDF). */
export async function storedFile(db: Db, fileId: number): Promise<FileRow> {
  return db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirstOrThrow();
}

/** The storage keys of these files, by file id (the ZIP of a competition's certificates). */
export async function storageKeysOf(db: Db, fileIds: number[]): Promise<Map<number, string>> {
  if (!fileIds.length) return new Map();
  const rows = await db
    .selectFrom('files')
    .select(['id', 'storage_key'])
    .where('id', 'in', fileIds)
    .execute();
  return new Map(rows.map((f) => [f.id, f.storage_key]));
}

/** How many of a competition's certificates have their PDF stored. */
export async function readyCount(db: Db, competitionId: number): Promise<{ all: number; ready: number }> {
  const r = await db
    .selectFrom('certificates')
    .select([sql<number>`count(*)`.as('all'), sql<number>`count(file_id)`.as('ready')])
    .where('competition_id', '=', competitionId)
    .executeTakeFirstOrThrow();
  return { all: Number(r.all), ready: Number(r.ready) };
}
