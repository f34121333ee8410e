import type { Db } from '../../db/connect.js';
import type { ProposalRow, ProposalStateValue } from '../../db/schema.js';
import { conflict, t } from '../../domain/errors.js';
import type { ProposalAction } from '../../domain/proposal-workflow.js';
import { recordAudit } from '../../platform/audit.js';
import { proposalRecordScope } from './record-scope.js';
import { writeRevision } from './revisions.js';
import { loadForChange, type ProposalView } from './view.js';

/*
 * A proposal changes state only here (domain/proposal-workflow.ts decides which moves exist): a
 * conditional update, a new version, the transition revision and the audit row, in the caller's
 * transaction.
 */

const proposalChanged = () =>
  conflict(
    'proposal_changed',
    t(
      'Proposal baru saja diubah oleh orang lain; muat ulang.',
      'The proposal was just changed by someone else; reload it.',
    ),
  );

/**
 * Moves the proposal from the state it was loaded in to `to` (a conditional update, so a concurrent change
 * is refused with 409 `proposal_changed`), bumps its version, and writes the transition revision and the
 * audit row. Returns the proposal as it now is.
 */
export async function applyTransition(
  tx: Db,
  input: {
    view: ProposalView;
    action: ProposalAction;
    to: ProposalStateValue;
    set?: Partial<Omit<ProposalRow, 'id'>>;
    actorUserId: number;
    ip: string | null;
    now: Date;
    details?: Record<string, unknown>;
  },
): Promise<ProposalView> {
  const p = input.view.proposal;
  const res = await tx
    .updateTable('proposals')
    .set({
      ...input.set,
      state: input.to,
      version: p.version + 1,
      updated_at: input.now.toISOString(),
    })
    .where('id', '=', p.id)
    .where('state', '=', p.state)
    .where('version', '=', p.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw proposalChanged();
  const view = await loadForChange(tx, p.id);
  await writeRevision(tx, {
    before: input.view,
    view,
    kind: 'transition',
    action: input.action,
    savedBy: input.actorUserId,
    now: input.now,
  });
  await recordAudit(tx, {
    actorUserId: input.actorUserId,
    action: `proposal.${input.action}`,
    entityType: 'proposal',
    entityId: p.id,
    summary: {
      code: p.code,
      before: { state: p.state, version: p.version },
      after: { state: input.to, version: p.version + 1 },
      ...input.details,
    },
    scope: proposalRecordScope(input.view),
    ip: input.ip,
    now: input.now,
  });
  return view;
}
