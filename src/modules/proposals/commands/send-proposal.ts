import type { Db } from '../../../db/connect.js';
import { t } from '../../../domain/errors.js';
import { nextState } from '../../../domain/proposal-workflow.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser, recipientsWithRole } from '../../../platform/notify.js';
import { loadForChange, type ProposalView } from '../view.js';
import { applyTransition } from '../transition.js';
import { assertMayGoOn, assertSubmissionOpen } from '../refusals.js';
import { closesAtText, proposalPath } from '../mail-text.js';
import { programLabel } from '../../../domain/deadlines.js';
import { unforwardedMailScope } from '../record-scope.js';
import { assertParticipant } from '../../competitions/participants.js';

/**
 * The proposer sends a complete, eligible proposal to its admin lokal: refuses with 422
 * `proposal_incomplete` / `proposal_ineligible` listing every item (refusals.ts `assertMayGoOn`), a wrong state
 * (409 `invalid_transition`) or a closed submission (409 `submission_closed`). In one transaction: the state change, revision, audit row, and
 * an in-app notice and e-mail to every admin lokal of the institution.
 */
export async function sendProposal(
  db: Db,
  input: { id: number; actorUserId: number; ip: string | null; baseUrl: string; now: Date },
): Promise<ProposalView> {
  return db.transaction().execute(async (tx) => {
    const view = await loadForChange(tx, input.id);
    assertSubmissionOpen(view, input.now);
    // Who may take part may have changed since the draft was started (403 `not_participant`).
    await assertParticipant(tx, view.competition, view.proposal.institution_id);
    const to = nextState(view.proposal.state, 'send');
    await assertMayGoOn(tx, view, input.now);
    const sent = await applyTransition(tx, {
      view,
      action: 'send',
      to,
      set: { sent_at: input.now.toISOString() },
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
    });
    const p = sent.proposal;
    for (const admin of await recipientsWithRole(tx, {
      role: 'local_admin',
      institutionId: p.institution_id,
    })) {
      await notifyUser(tx, {
        userId: admin.id,
        kind: 'proposal_sent',
        title: t(`Proposal ${p.code} menunggu pemeriksaan`, `Proposal ${p.code} awaits your review`),
        body: t(`${sent.unit.name} mengirim "${p.title}".`, `${sent.unit.name} sent "${p.title}".`),
        link: proposalPath(p.id),
        now: input.now,
      });
      await enqueueMail(tx, {
        to: admin.email,
        toName: admin.name,
        template: 'proposal_sent',
        locale: admin.locale,
        vars: {
          name: admin.name,
          unit: sent.unit.name,
          title: p.title,
          code: p.code,
          program: programLabel(sent.competition.name, sent.group, admin.locale),
          link: `${input.baseUrl}${proposalPath(p.id)}`,
          closesAt: closesAtText(sent, admin.locale),
        },
        scope: unforwardedMailScope(sent),
        now: input.now,
      });
    }
    return sent;
  });
}
