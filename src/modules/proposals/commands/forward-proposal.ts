import type { Db } from '../../../db/connect.js';
import { t } from '../../../domain/errors.js';
import { nextState } from '../../../domain/proposal-workflow.js';
import { formatInstant } from '../../../domain/time.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser, recipientsWithRole } from '../../../platform/notify.js';
import { countQuotaUsed, lockInstitutionForQuota } from '../quota.js';
import { findProposal, loadForChange, proposalNotFound, type ProposalView } from '../view.js';
import { applyTransition } from '../transition.js';
import { assertMayGoOn, assertSubmissionOpen } from '../refusals.js';
import { proposalPath } from '../mail-text.js';
import { programLabel } from '../../../domain/deadlines.js';
import { proposalRecordScope } from '../record-scope.js';
import { assertParticipant } from '../../competitions/participants.js';

/**
 * The admin lokal forwards a proposal to the organizer within the group's quota per institution (null =
 * outside the quota), after checking completeness and the group's rules again (422 `proposal_incomplete` /
 * `proposal_ineligible`, as at send). The count and the update happen in one transaction serialised per institution
 * (row lock on PostgreSQL, SQLite's single writer), so two racing forwards for the last slot give one
 * success and one 409 `quota_full` ("10/10"). Also: state change with forwarded_at, revision, audit row,
 * the "forwarded" e-mail to every admin lokal of the institution (not the receipt: the organizer receives
 * the proposal at the closing, which sends the receipt; until then the admin lokal may still withdraw it),
 * and an in-app notice to the proposers.
 */
export async function forwardProposal(
  db: Db,
  input: { id: number; actorUserId: number; ip: string | null; now: Date },
): Promise<ProposalView> {
  return db.transaction().execute(async (tx) => {
    const row = await findProposal(tx, input.id);
    if (!row) throw proposalNotFound();
    await lockInstitutionForQuota(tx, row.institution_id);
    const view = await loadForChange(tx, input.id);
    assertSubmissionOpen(view, input.now);
    // Who may take part may have changed since the draft was started (403 `not_participant`).
    await assertParticipant(tx, view.competition, view.proposal.institution_id);
    const to = nextState(view.proposal.state, 'forward');
    const quota = view.group.quota_per_institution;
    const used =
      quota === null
        ? 0
        : await countQuotaUsed(tx, {
            competitionId: view.proposal.competition_id,
            institutionId: view.proposal.institution_id,
            groupId: view.proposal.group_id,
            exceptId: view.proposal.id,
          });
    // Everything is checked again: the registry or another proposal's title may have changed since send.
    await assertMayGoOn(tx, view, input.now, { used, quota });
    const forwarded = await applyTransition(tx, {
      view,
      action: 'forward',
      to,
      set: { forwarded_at: input.now.toISOString() },
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
    });
    const p = forwarded.proposal;
    const tz = forwarded.competition.time_zone;
    for (const admin of await recipientsWithRole(tx, {
      role: 'local_admin',
      institutionId: p.institution_id,
    }))
      await enqueueMail(tx, {
        to: admin.email,
        toName: admin.name,
        template: 'proposal_forwarded',
        locale: admin.locale,
        vars: {
          name: admin.name,
          title: p.title,
          acronym: p.acronym ?? '-',
          code: p.code,
          program: programLabel(forwarded.competition.name, forwarded.group, admin.locale),
          forwardedAt: formatInstant(input.now, tz, admin.locale),
          closesAt: forwarded.submission?.closesAt
            ? formatInstant(new Date(forwarded.submission.closesAt), tz, admin.locale)
            : null,
        },
        scope: proposalRecordScope(forwarded),
        now: input.now,
      });
    for (const upp of await recipientsWithRole(tx, {
      role: 'upp',
      institutionId: p.institution_id,
      unitId: p.unit_id,
    }))
      await notifyUser(tx, {
        userId: upp.id,
        kind: 'proposal_forwarded',
        title: t(`Proposal ${p.code} diteruskan`, `Proposal ${p.code} forwarded`),
        body: t(
          `"${p.title}" telah diteruskan kepada penyelenggara.`,
          `"${p.title}" has been forwarded to the organizer.`,
        ),
        link: proposalPath(p.id),
        now: input.now,
      });
    return forwarded;
  });
}
