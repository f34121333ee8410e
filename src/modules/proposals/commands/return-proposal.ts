import type { Db } from '../../../db/connect.js';
import { t } from '../../../domain/errors.js';
import { nextState } from '../../../domain/proposal-workflow.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser, recipientsWithRole } from '../../../platform/notify.js';
import { loadForChange, type ProposalView } from '../view.js';
import { applyTransition } from '../transition.js';
import { assertSubmissionOpen } from '../refusals.js';
import { closesAtText, proposalPath } from '../mail-text.js';
import { unforwardedMailScope } from '../record-scope.js';

/**
 * The admin lokal returns a sent (or withdrawn) proposal to its unit with a note. In one transaction: the
 * state change with the note, revision, audit row, and an in-app notice and e-mail with the note to every
 * proposer (UPP) of the unit. Refuses a wrong state (409 `invalid_transition`) or a closed submission.
 */
export async function returnProposal(
  db: Db,
  input: { id: number; note: string; actorUserId: number; ip: string | null; baseUrl: string; now: Date },
): Promise<ProposalView> {
  return db.transaction().execute(async (tx) => {
    const view = await loadForChange(tx, input.id);
    assertSubmissionOpen(view, input.now);
    const to = nextState(view.proposal.state, 'return');
    const returned = await applyTransition(tx, {
      view,
      action: 'return',
      to,
      set: { returned_note: input.note },
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
      details: { note: input.note },
    });
    const p = returned.proposal;
    for (const upp of await recipientsWithRole(tx, {
      role: 'upp',
      institutionId: p.institution_id,
      unitId: p.unit_id,
    })) {
      await notifyUser(tx, {
        userId: upp.id,
        kind: 'proposal_returned',
        title: t(`Proposal ${p.code} dikembalikan`, `Proposal ${p.code} returned`),
        body: t(`Catatan Admin Lokal: ${input.note}`, `Note from the local admin: ${input.note}`),
        link: proposalPath(p.id),
        now: input.now,
      });
      await enqueueMail(tx, {
        to: upp.email,
        toName: upp.name,
        template: 'proposal_returned',
        locale: upp.locale,
        vars: {
          name: upp.name,
          title: p.title,
          code: p.code,
          note: input.note,
          link: `${input.baseUrl}${proposalPath(p.id)}`,
          closesAt: closesAtText(returned, upp.locale),
        },
        scope: unforwardedMailScope(returned),
        now: input.now,
      });
    }
    return returned;
  });
}
