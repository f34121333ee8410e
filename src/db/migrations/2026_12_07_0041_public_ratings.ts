import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * Public participation (issue 13 point 8, KIPP 2025): the public rates the "kebermanfaatan" (benefit) of
 * the finalists, 1–5, without an account, in a window the organizer sets.
 *
 * - public_rating_windows: one row per competition (the organizer's setting): on/off, opens/closes, and the
 *   stage it belongs to (the `presentation` stage: the public rates while the panel hears the finalists).
 * - public_rating_codes: a 6-digit code sent by mail to verify an address. Only keyed hashes are kept:
 *   `voter_hash` = HMAC of the normalized e-mail (domain/public-ratings.ts), `code_hash` = HMAC of the code.
 *   `outbox_id` names the mail that carried it, so the address in the outbox is erased once the code is used.
 * - public_rating_sessions: the short-lived rating session a used code gives (cookie token, sha256 only).
 * - public_ratings: one row per finalist and voter (unique), replaced when the voter rates again in the
 *   window (a single upsert on that key). `exclusion_id`: a flagged group the secretariat excluded from the
 *   shown mean (the row stays, and the exclusion is audited).
 * - public_rating_exclusions: each exclusion (the anomaly group's key, kind, reason, how many ratings). A
 *   group that grew after its exclusion may be excluded again (the new ratings only): the key is not unique.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = () => idColumn(pg);
  await db.schema
    .createTable('public_rating_windows')
    .addColumn('competition_id', 'integer', (c) =>
      c.primaryKey().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('stage_id', 'integer', (c) => c.references('stages.id').onDelete('set null'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opens_at', 'varchar(32)')
    .addColumn('closes_at', 'varchar(32)')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  const codeId = id();
  await db.schema
    .createTable('public_rating_codes')
    .addColumn('id', codeId.type, codeId.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('voter_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outbox_id', 'integer')
    .addColumn('ip', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('public_rating_codes_voter')
    .on('public_rating_codes')
    .columns(['competition_id', 'voter_hash', 'created_at'])
    .execute();

  const sessionId = id();
  await db.schema
    .createTable('public_rating_sessions')
    .addColumn('id', sessionId.type, sessionId.build)
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('voter_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  const exclusionId = id();
  await db.schema
    .createTable('public_rating_exclusions')
    .addColumn('id', exclusionId.type, exclusionId.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('group_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('rating_count', 'integer', (c) => c.notNull())
    .addColumn('excluded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  const ratingId = id();
  await db.schema
    .createTable('public_ratings')
    .addColumn('id', ratingId.type, ratingId.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('voter_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('session_id', 'integer', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('exclusion_id', 'integer', (c) => c.references('public_rating_exclusions.id'))
    .addUniqueConstraint('public_ratings_one_per_voter', ['proposal_id', 'voter_hash'])
    .execute();
  await db.schema
    .createIndex('public_ratings_competition')
    .on('public_ratings')
    .columns(['competition_id', 'proposal_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('public_ratings').ifExists().execute();
  await db.schema.dropTable('public_rating_exclusions').ifExists().execute();
  await db.schema.dropTable('public_rating_sessions').ifExists().execute();
  await db.schema.dropTable('public_rating_codes').ifExists().execute();
  await db.schema.dropTable('public_rating_windows').ifExists().execute();
}
