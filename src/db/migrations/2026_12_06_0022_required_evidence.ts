import type { Kysely } from 'kysely';

/**
 * The supporting documents a group's form requires (seed 003: "wajib disertai dokumen pendukung"):
 * - competition_groups.evidence_min: supporting files a proposal must carry in all (1 by default; 0 = none);
 * - form_sections.evidence_required: 1 when the section needs its own supporting file (an attachment of
 *   kind 'evidence' tied to the section), 0 by default.
 * Existing groups get the default: at least one supporting file.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('competition_groups')
    .addColumn('evidence_min', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('form_sections')
    .addColumn('evidence_required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('form_sections').dropColumn('evidence_required').execute();
  await db.schema.alterTable('competition_groups').dropColumn('evidence_min').execute();
}
