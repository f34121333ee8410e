import type { Db } from '../../../db/connect.js';
import { nextState } from '../../../domain/proposal-workflow.js';
import { recordAudit } from '../../../platform/audit.js';
import { proposalRecordScope } from '../../proposals/record-scope.js';
import { applyTransition } from '../../proposals/transition.js';
import { loadForChange, type ProposalView } from '../../proposals/view.js';
import { openCompletion } from '../completion-rule.js';
import { findCheck, refreshFingerprint } from '../rows.js';

/**
 * "Kirim kelengkapan": the admin lokal sends the completion before its deadline (409 `completion_closed`
 * after it). The proposal moves incomplete → received through the one transition function, the request
 * is closed, and the check returns to the queue: round + 1, no outcome, its marks kept, `completed_at` set
 * (the "dilengkapi" marker), and the answers' fingerprint made again. One transaction.
 */
export async function submitCompletion(
  db: Db,
  input: {
    proposalId: number;
    mayComplete: (view: ProposalView) => void;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
) {
  return db.transaction().execute(async (tx) => {
    const view = await loadForChange(tx, input.proposalId);
    input.mayComplete(view);
    const request = await openCompletion(tx, view, input.now);
    const to = nextState(view.proposal.state, 'complete');
    const nowIso = input.now.toISOString();
    const moved = await applyTransition(tx, {
      view,
      action: 'complete',
      to,
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
      details: { completionRequestId: request.id },
    });
    await tx
      .updateTable('completion_requests')
      .set({ completed_at: nowIso, completed_by: input.actorUserId })
      .where('id', '=', request.id)
      .execute();
    const check = await findCheck(tx, view.proposal.id);
    if (check) {
      await tx
        .updateTable('admin_checks')
        .set({
          outcome: null,
          round: check.round + 1,
          completed_at: nowIso,
          claimed_by: null,
          claimed_until: null,
          version: check.version + 1,
          updated_at: nowIso,
        })
        .where('id', '=', check.id)
        .execute();
      await refreshFingerprint(tx, view.proposal.id, input.now);
    }
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'admin_check.completed',
      entityType: 'admin_check',
      entityId: view.proposal.id,
      summary: { code: view.proposal.code, round: (check?.round ?? 1) + 1, completionRequestId: request.id },
      scope: proposalRecordScope(view),
      ip: input.ip,
      now: input.now,
    });
    return moved;
  });
}
