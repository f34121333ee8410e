import type { Db } from '../../../db/connect.js';
import { t } from '../../../domain/errors.js';
import { takeBackRefusal } from '../../../domain/proposal-workflow.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser, recipientsWithRole } from '../../../platform/notify.js';
import { programLabel } from '../../../domain/deadlines.js';
import { loadForChange, type ProposalView } from '../view.js';
import { applyTransition } from '../transition.js';
import { assertSubmissionOpen } from '../refusals.js';
import { closesAtText, proposalPath } from '../mail-text.js';
import { unforwardedMailScope } from '../record-scope.js';

/**
 * The proposer takes a sent proposal back before the admin lokal has acted on it (issue 11): it is a draft
 * again, editable by the unit. Refuses once the admin lokal returned, forwarded or withdrawn it (409
 * `already_reviewed`), another state (409 `invalid_transition`) or a closed submission (409
 * `submission_closed`). In one transaction: the state change (conditional, so an admin lokal acting at the
 * same moment wins or loses cleanly: 409 `proposal_changed`), revision, audit row `proposal.takeBack`, and
 * an in-app notice and e-mail to every admin lokal of the institution that it was taken back.
 */
export async function takeBackProposal(
  db: Db,
  input: { id: number; actorUserId: number; ip: string | null; baseUrl: string; now: Date },
): Promise<ProposalView> {
  return db.transaction().execute(async (tx) => {
    const view = await loadForChange(tx, input.id);
    assertSubmissionOpen(view, input.now);
    const refusal = takeBackRefusal(view.proposal.state);
    if (refusal) throw refusal;
    const back = await applyTransition(tx, {
      view,
      action: 'takeBack',
      to: 'draft',
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
    });
    const p = back.proposal;
    for (const admin of await recipientsWithRole(tx, {
      role: 'local_admin',
      institutionId: p.institution_id,
    })) {
      await notifyUser(tx, {
        userId: admin.id,
        kind: 'proposal_taken_back',
        title: t(`Proposal ${p.code} ditarik kembali oleh unit`, `Proposal ${p.code} taken back by its unit`),
        body: t(
          `${back.unit.name} menarik kembali "${p.title}" sebelum diperiksa; tidak ada yang perlu Anda lakukan.`,
          `${back.unit.name} took "${p.title}" back before review; there is nothing for you to do.`,
        ),
        link: proposalPath(p.id),
        now: input.now,
      });
      await enqueueMail(tx, {
        to: admin.email,
        toName: admin.name,
        template: 'proposal_taken_back',
        locale: admin.locale,
        vars: {
          name: admin.name,
          unit: back.unit.name,
          title: p.title,
          code: p.code,
          program: programLabel(back.competition.name, back.group, admin.locale),
          link: `${input.baseUrl}${proposalPath(p.id)}`,
          closesAt: closesAtText(back, admin.locale),
        },
        scope: unforwardedMailScope(back),
        now: input.now,
      });
    }
    return back;
  });
}
