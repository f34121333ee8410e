import type { Db } from '../../../db/connect.js';
import { t } from '../../../domain/errors.js';
import { nextState } from '../../../domain/proposal-workflow.js';
import { notifyUser, recipientsWithRole } from '../../../platform/notify.js';
import { loadForChange, type ProposalView } from '../view.js';
import { applyTransition } from '../transition.js';
import { assertSubmissionOpen } from '../refusals.js';
import { proposalPath } from '../mail-text.js';

/**
 * The admin lokal takes back a forwarded proposal before closing: it becomes `withdrawn` (its quota slot is
 * free again; the admin lokal may forward it again or return it to the unit). In one transaction: state
 * change, revision, audit row, in-app notice to the proposers. Refuses a proposal that is not forwarded
 * (409 `invalid_transition`) or a closed submission (409 `submission_closed`).
 */
export async function withdrawProposal(
  db: Db,
  input: { id: number; actorUserId: number; ip: string | null; now: Date },
): Promise<ProposalView> {
  return db.transaction().execute(async (tx) => {
    const view = await loadForChange(tx, input.id);
    assertSubmissionOpen(view, input.now);
    const to = nextState(view.proposal.state, 'withdraw');
    const withdrawn = await applyTransition(tx, {
      view,
      action: 'withdraw',
      to,
      set: { forwarded_at: null },
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
    });
    const p = withdrawn.proposal;
    for (const upp of await recipientsWithRole(tx, {
      role: 'upp',
      institutionId: p.institution_id,
      unitId: p.unit_id,
    }))
      await notifyUser(tx, {
        userId: upp.id,
        kind: 'proposal_withdrawn',
        title: t(`Proposal ${p.code} ditarik kembali`, `Proposal ${p.code} withdrawn`),
        body: t(
          `Admin Lokal menarik kembali "${p.title}" dari penyelenggara.`,
          `The local admin took "${p.title}" back from the organizer.`,
        ),
        link: proposalPath(p.id),
        now: input.now,
      });
    return withdrawn;
  });
}
