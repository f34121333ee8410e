import type { Kysely } from 'kysely';

/**
 * Who may take part in a competition (issue 11 point 8): competitions.participants, JSON of
 * domain/participation.ts `ParticipationRule` ({ types, regions }); null = every institution, so every
 * existing competition (the national KIPP) keeps taking everyone. Changing it moves config_rev by the
 * competitions trigger of migration 0008, so every process reads the new rule on its next request.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('competitions').addColumn('participants', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('competitions').dropColumn('participants').execute();
}
