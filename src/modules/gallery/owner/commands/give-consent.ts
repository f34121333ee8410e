import type { Db } from '../../../../db/connect.js';
import { consentRefusal, consentRefused } from '../../../../domain/gallery-owner.js';
import type { ProposalState } from '../../../../domain/proposal-workflow.js';
import { indexProposal } from '../../index-entry.js';
import { resultsPublished } from '../../queries.js';
import { writeConsent } from '../queries.js';
import { auditOwner, loadProposal, mailUnit, type OwnerCommandInput } from '../steps.js';

/**
 * The institution consents to show a non-finalist proposal in the public gallery (issue 14 point 1): the
 * proposal is indexed with basis `consented` (its title, summary, answers, institution and region become
 * public and searchable; its files stay private until marked public one by one). Refused (409) for a
 * finalist (public already by the competition's rules), a proposal that never reached the competition or
 * left it (domain/gallery-owner.ts CONSENTABLE_STATES), or before the results are published. Audit row
 * `gallery.consent_given` and a mail to the unit's UPP in the same transaction. Giving it again refreshes
 * the entry.
 */
export async function giveConsent(
  db: Db,
  input: OwnerCommandInput & { baseUrl: string },
): Promise<{ slug: string }> {
  return db.transaction().execute(async (tx) => {
    const p = await loadProposal(tx, input.proposalId);
    const refusal =
      p.basis === 'finalist'
        ? 'finalist'
        : consentRefusal({
            state: p.state as ProposalState,
            resultsPublished: await resultsPublished(tx, p.competition_id),
          });
    if (refusal) throw consentRefused(refusal);
    const at = input.now.toISOString();
    await writeConsent(tx, p.id, 'given', input.actor.userId, at);
    const entry = await indexProposal(tx, { proposalId: p.id, basis: 'consented', now: input.now });
    const link = `${input.baseUrl}/galeri/${entry.slug}`;
    const mailed = await mailUnit(tx, p, { ...input, template: 'gallery_consent_given', link });
    await auditOwner(tx, p, input, 'gallery.consent_given', { slug: entry.slug, mailed });
    return { slug: entry.slug };
  });
}
