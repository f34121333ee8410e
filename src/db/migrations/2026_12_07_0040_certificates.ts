import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * Certificates (piagam, issue 13 point 5). certificate_settings: per competition, what its certificates
 * say that is the organizer's to choose: the number's prefix (PIAGAM/KIPP/2026 → PIAGAM/KIPP/2026/0012),
 * the signer's name and position, and the next sequence number (taken under the row's lock).
 * certificates: one per competition, proposal and award (issuing twice issues once), with its number
 * (unique in its competition; `number_slug` is the number as it appears in the verification address),
 * what the paper says, copied at issue (recipient, award label, year, competition, signer), the stored PDF
 * (`file_id`, null until the export pool has made it) and the revocation. The verification code is an
 * HMAC computed from the row with a key kept outside the database: it is not stored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = idColumn(pg);
  await db.schema
    .createTable('certificate_settings')
    .addColumn('competition_id', 'integer', (c) =>
      c.primaryKey().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('number_prefix', 'varchar(60)', (c) => c.notNull())
    .addColumn('signer_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('signer_position', 'varchar(200)', (c) => c.notNull())
    .addColumn('next_seq', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('certificates')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('award', 'varchar(32)', (c) => c.notNull())
    .addColumn('award_label_id', 'varchar(300)', (c) => c.notNull())
    .addColumn('award_label_en', 'varchar(300)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'varchar(100)', (c) => c.notNull())
    .addColumn('number_slug', 'varchar(100)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('competition_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('innovation_title', 'varchar(500)', (c) => c.notNull())
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('institutions.id'))
    .addColumn('institution_name', 'varchar(500)', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('unit_name', 'varchar(500)', (c) => c.notNull())
    .addColumn('signer_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('signer_position', 'varchar(200)', (c) => c.notNull())
    .addColumn('issued_by', 'integer', (c) => c.references('users.id'))
    .addColumn('issued_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('revoked_at', 'varchar(32)')
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('revoked_reason', 'text')
    .execute();
  await db.schema
    .createIndex('certificates_once')
    .on('certificates')
    .columns(['competition_id', 'proposal_id', 'award'])
    .unique()
    .execute();
  await db.schema
    .createIndex('certificates_number')
    .on('certificates')
    .columns(['competition_id', 'number'])
    .unique()
    .execute();
  await db.schema.createIndex('certificates_slug').on('certificates').columns(['number_slug']).execute();
  await db.schema
    .createIndex('certificates_institution')
    .on('certificates')
    .columns(['institution_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('certificates').ifExists().execute();
  await db.schema.dropTable('certificate_settings').ifExists().execute();
}
