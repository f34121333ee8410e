import type { Db } from '../../src/db/connect.js';

/*
 * Field verification fixtures (issue 13 point 3): a finalist's answers to the sections a visit checks,
 * and a visit planned directly (for the access matrix and the browser test; the API tests plan through
 * the route).
 */

/** Writes the finalist's answers to the given sections of its group (the checklist is drawn from them). */
export async function answerSections(
  db: Db,
  proposalId: number,
  answers: Record<string, string>,
  now = new Date(),
): Promise<void> {
  const sections = await db
    .selectFrom('proposals as p')
    .innerJoin('form_sections as s', 's.group_id', 'p.group_id')
    .select(['s.id', 's.key'])
    .where('p.id', '=', proposalId)
    .execute();
  for (const s of sections) {
    const text = answers[s.key];
    if (text === undefined) continue;
    await db
      .insertInto('proposal_answers')
      .values({
        proposal_id: proposalId,
        section_id: s.id,
        text,
        word_count: text.split(/\s+/).length,
        updated_at: now.toISOString(),
      })
      .execute();
  }
}

export const CLAIM_ANSWERS = {
  implementasi: 'Layanan keliling berjalan setiap Selasa dan Kamis di 12 kecamatan.',
  signifikansi: 'Waktu tunggu turun dari 14 hari menjadi 1 hari bagi 8.000 warga.',
  strategi_keberlanjutan: 'Diatur Peraturan Bupati Nomor 7 Tahun 2025 dengan anggaran tetap.',
};

/** A visit planned directly, with its verifiers (no notices: for fixtures only). */
export async function insertVisit(
  db: Db,
  input: {
    competitionId: number;
    proposalId: number;
    verifiers: number[];
    createdBy: number;
    kind?: 'open' | 'closed';
    address?: string;
    now: Date;
  },
): Promise<number> {
  const stage = await db
    .selectFrom('stages')
    .select('id')
    .where('competition_id', '=', input.competitionId)
    .where('kind', '=', 'field_verification')
    .executeTakeFirstOrThrow();
  const at = input.now.toISOString();
  const row = await db
    .insertInto('field_visits')
    .values({
      competition_id: input.competitionId,
      stage_id: stage.id,
      proposal_id: input.proposalId,
      kind: input.kind ?? 'open',
      address: input.address ?? 'Kantor Dinas, Jl. Merdeka No. 1',
      region_code: null,
      starts_at: new Date(input.now.getTime() + 86_400_000).toISOString(),
      time_zone: 'Asia/Jakarta',
      created_by: input.createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('field_visit_verifiers')
    .values(input.verifiers.map((user_id) => ({ visit_id: row.id, user_id })))
    .execute();
  return row.id;
}
