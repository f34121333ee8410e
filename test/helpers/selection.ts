import type { Db } from '../../src/db/connect.js';
import type { AdminCheckOutcome, ProposalStateValue } from '../../src/db/schema.js';

/*
 * The selection's test data, inserted directly (test setup only; what is under test goes through the API):
 * received proposals, and the administrative check's staged outcomes as the admin-check module writes them
 * (outcome passed | disqualified with published_at null; incomplete with a completion request).
 */

let counter = 0;

/** `n` proposals of an institution's unit in a state after the closing (default received), by code. */
export async function receivedProposals(
  db: Db,
  input: {
    competitionId: number;
    institutionId: number;
    unitId: number;
    createdBy: number;
    n: number;
    state?: ProposalStateValue;
    groupKey?: string;
    titlePrefix?: string;
  },
) {
  const group = await db
    .selectFrom('competition_groups')
    .select('id')
    .where('competition_id', '=', input.competitionId)
    .where('key', '=', input.groupKey ?? 'umum')
    .executeTakeFirstOrThrow();
  const stamp = new Date().toISOString();
  const rows = Array.from({ length: input.n }, () => {
    const k = ++counter;
    return {
      competition_id: input.competitionId,
      code: `SEL-${process.pid}-${String(k).padStart(5, '0')}`,
      institution_id: input.institutionId,
      unit_id: input.unitId,
      group_id: group.id,
      category_id: null,
      title: `${input.titlePrefix ?? 'Inovasi Seleksi'} ${k}`,
      title_key: null,
      acronym: null,
      implementation_start: null,
      innovator_kind: null,
      innovator_names: null,
      contact_name: null,
      contact_phone: null,
      contact_email: null,
      links: '[]',
      declaration_accepted: 1 as const,
      state: input.state ?? ('received' as const),
      version: 1,
      created_by: input.createdBy,
      created_at: stamp,
      updated_at: stamp,
      sent_at: stamp,
      forwarded_at: stamp,
      received_at: stamp,
      returned_note: null,
      source_award_id: null,
    };
  });
  const out = [];
  for (let i = 0; i < rows.length; i += 200)
    out.push(
      ...(await db
        .insertInto('proposals')
        .values(rows.slice(i, i + 200))
        .returningAll()
        .execute()),
    );
  return out;
}

/** Stages the administrative check's outcome of proposals (not published), as the check writes it. */
export async function stageAdminOutcome(
  db: Db,
  input: {
    competitionId: number;
    proposalIds: number[];
    outcome: AdminCheckOutcome | null;
    reasonCode?: string | null;
    reasonText?: string | null;
    decidedBy?: number | null;
  },
): Promise<void> {
  const now = new Date().toISOString();
  for (const proposalId of input.proposalIds) {
    const values = {
      outcome: input.outcome,
      reason_code: input.reasonCode ?? null,
      reason_text: input.reasonText ?? null,
      decided_by: input.outcome ? (input.decidedBy ?? null) : null,
      decided_at: input.outcome ? now : null,
      updated_at: now,
    };
    await db
      .insertInto('admin_checks')
      .values({ proposal_id: proposalId, competition_id: input.competitionId, created_at: now, ...values })
      .onConflict((oc) => oc.column('proposal_id').doUpdateSet(values))
      .execute();
  }
}

/**
 * A completion request as the check makes it: the proposal moves to incomplete (a direct update here, test
 * setup only), its check's outcome is 'incomplete', and the request has its deadline.
 */
export async function requestCompletionDirect(
  db: Db,
  input: {
    competitionId: number;
    proposalId: number;
    requestedBy: number;
    deadline: Date;
    /** The items named (domain/admin-check.ts: section:, field:, evidence:, checklist:). */
    items?: string[];
  },
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .updateTable('proposals')
    .set((eb) => ({ state: 'incomplete', version: eb('version', '+', 1) }))
    .where('id', '=', input.proposalId)
    .execute();
  await stageAdminOutcome(db, {
    competitionId: input.competitionId,
    proposalIds: [input.proposalId],
    outcome: 'incomplete',
  });
  await db
    .insertInto('completion_requests')
    .values({
      proposal_id: input.proposalId,
      competition_id: input.competitionId,
      items: JSON.stringify(input.items ?? ['identity']),
      note: null,
      deadline_at: input.deadline.toISOString(),
      requested_by: input.requestedBy,
      requested_at: now,
    })
    .execute();
}
