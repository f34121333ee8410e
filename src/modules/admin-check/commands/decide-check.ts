import type { Db } from '../../../db/connect.js';
import {
  alreadyPublished,
  checkReason,
  completionOpen,
  mergeMarks,
  parseMarks,
  REASON_LABELS,
  type Decision,
  type ItemMark,
} from '../../../domain/admin-check.js';
import { AppError, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { proposalRecordScope } from '../../proposals/record-scope.js';
import type { ProposalView } from '../../proposals/view.js';
import { assertNotClaimedByOther } from '../claim.js';
import { checkChanged, loadCheck } from '../load.js';
import { latestCompletion } from '../rows.js';

/**
 * A member's decision on one proposal, staged until the results are published: `passed`, or
 * `disqualified` with a reason code and text; and/or the checklist's marks. Refused when another member
 * holds the proposal (409 `claimed_by_other`), when the results are published (409 `already_published`),
 * when the check changed since it was read (`version`, 409 `check_changed`), for a proposal waiting for its
 * completion before the deadline (409 `completion_pending`), and passing one that is not received.
 * A changed decision is audited with what it was and what it is now, and by whom. Releases the claim.
 */
export async function decideCheck(
  db: Db,
  input: {
    proposalId: number;
    version?: number;
    decision?: Decision;
    marks?: Record<string, ItemMark>;
    mayWork: (view: ProposalView) => void;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
) {
  return db.transaction().execute(async (tx) => {
    const { view, check, settings } = await loadCheck(tx, input.proposalId, input.mayWork, input.now);
    const tz = view.competition.time_zone;
    if (check.published_at) throw alreadyPublished();
    if (input.version !== undefined && input.version !== check.version) throw checkChanged();
    await assertNotClaimedByOther(tx, check, { userId: input.actorUserId, now: input.now, timeZone: tz });
    const marks = input.marks ? mergeMarks(settings.checklist, parseMarks(check.items), input.marks) : null;
    const d = input.decision;
    let reasonText: string | null = null;
    if (d) {
      const state = view.proposal.state;
      if (d.outcome === 'passed' && state !== 'received')
        throw new AppError(
          409,
          'not_received',
          t(
            'Hanya proposal yang berstatus "Diterima" yang dapat diluluskan.',
            'Only a proposal that is "Received" can be passed.',
          ),
        );
      if (d.outcome === 'disqualified') {
        if (state === 'incomplete') {
          const request = await latestCompletion(tx, view.proposal.id);
          if (request && completionOpen(request.deadline_at, input.now))
            throw new AppError(
              409,
              'completion_pending',
              t(
                `Admin Lokal masih dapat melengkapi proposal ini sampai ${formatInstant(request.deadline_at, tz, 'id')}.`,
                `The local admin may still complete this proposal until ${formatInstant(request.deadline_at, tz, 'en')}.`,
              ),
            );
        } else if (state !== 'received')
          throw new AppError(
            409,
            'not_received',
            t(
              'Proposal ini tidak dalam seleksi administrasi.',
              'This proposal is not in the administrative check.',
            ),
          );
        reasonText = checkReason(d.reasonCode, d.reasonText);
      }
    }
    const now = input.now.toISOString();
    const res = await tx
      .updateTable('admin_checks')
      .set({
        ...(marks ? { items: JSON.stringify(marks) } : {}),
        ...(d
          ? {
              outcome: d.outcome,
              reason_code: d.outcome === 'disqualified' ? d.reasonCode : null,
              reason_text: reasonText,
              decided_by: input.actorUserId,
              decided_at: now,
              claimed_by: null,
              claimed_until: null,
            }
          : {}),
        version: check.version + 1,
        updated_at: now,
      })
      .where('id', '=', check.id)
      .where('version', '=', check.version)
      .where('published_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw checkChanged();
    if (d)
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'admin_check.decided',
        entityType: 'admin_check',
        entityId: view.proposal.id,
        summary: {
          code: view.proposal.code,
          before: { outcome: check.outcome, reasonCode: check.reason_code, decidedBy: check.decided_by },
          after: {
            outcome: d.outcome,
            reasonCode: d.outcome === 'disqualified' ? d.reasonCode : null,
            ...(d.outcome === 'disqualified' ? { reason: REASON_LABELS[d.reasonCode].id } : {}),
          },
        },
        scope: proposalRecordScope(view),
        ip: input.ip,
        now: input.now,
      });
    else
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'admin_check.marked',
        entityType: 'admin_check',
        entityId: view.proposal.id,
        summary: { code: view.proposal.code, items: marks },
        scope: proposalRecordScope(view),
        ip: input.ip,
        now: input.now,
      });
    return { proposalId: view.proposal.id, version: check.version + 1 };
  });
}
