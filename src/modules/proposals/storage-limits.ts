import { sql } from 'kysely';
import { dialectOf, type Db } from '../../db/connect.js';
import { attachmentLimits } from '../../domain/attachments.js';
import {
  checkOpenDrafts,
  institutionRoom,
  institutionStorageFull,
  OPEN_DRAFT_STATES,
} from '../../domain/storage-limits.js';
import { parseSettings } from '../../domain/competition-settings.js';
import type { ProposalView } from './view.js';

/*
 * The per-competition caps of domain/storage-limits, counted in the database inside the change's
 * transaction.
 */

/**
 * Inside the creating transaction: refuses a new draft when the unit already has `max` open drafts in
 * the competition (409 `open_drafts_limit`). On PostgreSQL the unit's row is locked first, so two
 * drafts started at once by the same unit are counted one after the other (SQLite has one writer).
 */
export async function checkUnitDraftRoom(
  tx: Db,
  input: { competitionId: number; unitId: number; max: number },
): Promise<void> {
  if (dialectOf(tx) === 'postgres')
    await sql`select id from units where id = ${input.unitId} for no key update`.execute(tx);
  const row = await tx
    .selectFrom('proposals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('competition_id', '=', input.competitionId)
    .where('unit_id', '=', input.unitId)
    .where('state', 'in', [...OPEN_DRAFT_STATES])
    .executeTakeFirstOrThrow();
  checkOpenDrafts(Number(row.n), input.max);
}

/** Bytes of evidence attached to all proposals of an institution in a competition. */
export async function institutionEvidenceBytes(
  db: Db,
  input: { competitionId: number; institutionId: number },
): Promise<number> {
  const row = await db
    .selectFrom('proposal_attachments as a')
    .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
    .innerJoin('files as f', 'f.id', 'a.file_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('f.size'), eb.lit(0)).as('n'))
    .where('p.competition_id', '=', input.competitionId)
    .where('p.institution_id', '=', input.institutionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The evidence room an institution has left in the proposal's competition, counting the attachment
 * being replaced as gone; refuses with 409 `institution_storage_full` when there is none.
 */
export async function institutionUploadRoom(
  db: Db,
  view: ProposalView,
  replacingBytes = 0,
): Promise<{ room: number; usedBytes: number; maxMb: number }> {
  const maxMb = parseSettings(view.competition.settings).maxInstitutionStorageMb;
  const usedBytes =
    (await institutionEvidenceBytes(db, {
      competitionId: view.proposal.competition_id,
      institutionId: view.proposal.institution_id,
    })) - replacingBytes;
  const room = institutionRoom(usedBytes, maxMb);
  if (room === 0) throw institutionStorageFull(usedBytes, maxMb);
  return { room, usedBytes, maxMb };
}

/** Inside the storing transaction: the staged upload still fits the institution's room. */
export async function recheckInstitutionRoom(
  tx: Db,
  view: ProposalView,
  input: { addingBytes: number; replacingBytes?: number },
): Promise<void> {
  const { room, usedBytes, maxMb } = await institutionUploadRoom(tx, view, input.replacingBytes);
  if (input.addingBytes > room) throw institutionStorageFull(usedBytes, maxMb);
}

/** The limits of the proposal's evidence and what it already takes. */
export function limitsOf(view: ProposalView) {
  return attachmentLimits(
    parseSettings(view.competition.settings),
    view.attachments.map((a) => a.size),
  );
}
