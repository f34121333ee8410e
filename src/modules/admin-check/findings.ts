import type { Db } from '../../db/connect.js';
import { findingsOf, type Finding, type FindingKind } from '../../domain/admin-check.js';
import { RECEIVED_STATES } from '../../domain/proposal-workflow.js';
import { KIND_LABELS, scoresInWords } from '../../domain/near-duplicates/describe.js';
import { t } from '../../domain/errors.js';
import { loadEligibilityContext } from '../proposals/eligibility-context.js';
import { eligibilityOf } from '../proposals/eligibility.js';
import type { ProposalView } from '../proposals/view.js';
import { matchesOfProposal, proposalCards } from '../near-duplicates/queries.js';

/**
 * The automatic findings for one proposal's checklist: the eligibility rules as they stand, the other
 * received proposals with the same normalized title, and the near-duplicate matches the competition's
 * check stored for it (those the secretariat dismissed are left out; modules/near-duplicates).
 */
export async function findingsFor(
  db: Db,
  view: ProposalView,
  now: Date,
): Promise<Record<FindingKind, Finding>> {
  const eligibility = eligibilityOf(view, await loadEligibilityContext(db, view), now);
  const p = view.proposal;
  const sameTitle = p.title_key
    ? await db
        .selectFrom('proposals')
        .select(['code', 'title'])
        .where('competition_id', '=', p.competition_id)
        .where('title_key', '=', p.title_key)
        .where('id', '!=', p.id)
        .where('state', 'in', [...RECEIVED_STATES])
        .orderBy('id')
        .limit(10)
        .execute()
    : [];
  const matches = (await matchesOfProposal(db, p.id)).filter((m) => m.status !== 'dismissed').slice(0, 20);
  const cards = await proposalCards(
    db,
    matches.map((m) => (m.proposal_id === p.id ? m.other_proposal_id : m.proposal_id)),
  );
  const copies = matches.map((m) => {
    const other = cards.get(m.proposal_id === p.id ? m.other_proposal_id : m.proposal_id);
    // Another organizer's proposal is named by title, institution and year only (no code).
    const name =
      other && other.organizer_institution_id === view.competition.organizer_institution_id
        ? t(`proposal ${other.code}`, `proposal ${other.code}`)
        : t(
            `"${other?.title ?? ''}" (${other?.institution ?? ''}, ${other?.year ?? ''})`,
            `"${other?.title ?? ''}" (${other?.institution ?? ''}, ${other?.year ?? ''})`,
          );
    const words = scoresInWords({
      title: m.title_score,
      answers: m.answers_score,
      containment: m.containment,
      passageWords: m.passage_words,
    });
    return {
      other: name,
      what: t(`${KIND_LABELS[m.kind].id}: ${words.id}`, `${KIND_LABELS[m.kind].en}: ${words.en}`),
      confirmed: m.status === 'confirmed_same',
    };
  });
  return findingsOf({ eligibility, sameTitle, copies });
}
