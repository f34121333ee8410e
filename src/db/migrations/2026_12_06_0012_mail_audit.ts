import type { Kysely } from 'kysely';

/**
 * Trust in mail and audit (issue 9):
 *
 * - outbox_secrets: the bodies of a message that carries a secret link (reset, first password), kept only
 *   until it is delivered or the link expires; the outbox row itself keeps the message with the link
 *   redacted. Existing messages are split the same way here: their links are redacted in the outbox, and
 *   a message not yet sent keeps its bodies in outbox_secrets, so it is still delivered with its link.
 * - scope columns on outbox and audit_events (competition, organizer institution, institution, and
 *   reference_data for the installation's reference data) that decide who may read a row; untagged rows
 *   are for the system administrator only. outbox.has_secret marks a message whose real bodies are (or
 *   were) in outbox_secrets.
 * - audit_events.keyed: 1 for an event hashed with the audit key (HMAC-SHA256); the unkeyed events written
 *   before this migration stay as they are and are sealed by the first keyed event and checkpoint.
 * - audit_checkpoints: the count and head hash of the chain, signed with the audit key.
 */
/** Every template that has carried a token link (sign_in_link: the e-mailed one-time sign-in, issue 9). */
const SECRET_TEMPLATES = ['password_reset', 'account_created', 'admin_request_approved', 'sign_in_link'];
const REDACTED = '[tautan rahasia — hanya dikirim ke penerima]';
/** A token link as the templates wrote it: BASE_URL/atur-sandi?token=…, BASE_URL/masuk-tautan?token=… */
const LINK = /https?:\/\/[^\s"<>]*[?&]token=[^\s"<>]+/g;
const ANCHOR = /<a [^>]*href="[^"]*[?&](?:amp;)?token=[^"]*"[^>]*>[^<]*<\/a>/g;
/** The longest a token link lives (a new account's: 7 days); the real bodies are kept that long at most. */
const SECRET_DAYS = 7;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['outbox', 'audit_events']) {
    await db.schema.alterTable(table).addColumn('competition_id', 'integer').execute();
    await db.schema.alterTable(table).addColumn('organizer_institution_id', 'integer').execute();
    await db.schema.alterTable(table).addColumn('institution_id', 'integer').execute();
    await db.schema
      .createIndex(`${table}_organizer_idx`)
      .on(table)
      .column('organizer_institution_id')
      .execute();
    await db.schema.createIndex(`${table}_institution_idx`).on(table).column('institution_id').execute();
  }
  for (const table of ['outbox', 'audit_events'])
    await db.schema
      .alterTable(table)
      .addColumn('reference_data', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  await db.schema
    .alterTable('outbox')
    .addColumn('has_secret', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('audit_events')
    .addColumn('keyed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('outbox_secrets')
    .addColumn('outbox_id', 'integer', (c) => c.primaryKey().references('outbox.id').onDelete('cascade'))
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('last_event_id', 'integer', (c) => c.notNull())
    .addColumn('head_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .execute();

  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'status', 'text_body', 'html_body', 'created_at'])
    .where('template', 'in', SECRET_TEMPLATES)
    .execute();
  for (const r of rows as {
    id: number;
    status: string;
    text_body: string;
    html_body: string | null;
    created_at: string;
  }[]) {
    if (r.status !== 'sent') {
      const expires = new Date(new Date(r.created_at).getTime() + SECRET_DAYS * 86_400_000);
      await db
        .insertInto('outbox_secrets')
        .values({
          outbox_id: r.id,
          text_body: r.text_body,
          html_body: r.html_body,
          expires_at: expires.toISOString(),
        })
        .execute();
    }
    await db
      .updateTable('outbox')
      .set({
        has_secret: 1,
        text_body: r.text_body.replace(LINK, REDACTED),
        html_body: r.html_body?.replace(ANCHOR, `<em>${REDACTED}</em>`).replace(LINK, REDACTED) ?? null,
      })
      .where('id', '=', r.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_checkpoints').execute();
  await db.schema.dropTable('outbox_secrets').execute();
  await db.schema.alterTable('audit_events').dropColumn('keyed').execute();
  await db.schema.alterTable('outbox').dropColumn('has_secret').execute();
  for (const table of ['outbox', 'audit_events']) {
    await db.schema.dropIndex(`${table}_organizer_idx`).execute();
    await db.schema.dropIndex(`${table}_institution_idx`).execute();
    for (const c of ['competition_id', 'organizer_institution_id', 'institution_id', 'reference_data'])
      await db.schema.alterTable(table).dropColumn(c).execute();
  }
}
