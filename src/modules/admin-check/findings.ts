import type { Db } from '../../db/connect.js';
import {
  copyCandidates,
  decodeFingerprint,
  fingerprintOf,
  jaccard,
  shingles,
} from '../../domain/admin-check-similarity.js';
import { findingsOf, type Finding, type FindingKind } from '../../domain/admin-check.js';
import { RECEIVED_STATES } from '../../domain/proposal-workflow.js';
import { t, type Text } from '../../domain/errors.js';
import { loadEligibilityContext } from '../proposals/eligibility-context.js';
import { eligibilityOf } from '../proposals/eligibility.js';
import type { ProposalView } from '../proposals/view.js';
import { answersOf } from './rows.js';

/**
 * The automatic findings for one proposal's checklist: the eligibility rules as they stand, the other
 * received proposals with the same normalized title, and the answers copied from another proposal (the
 * stored fingerprints of the competition's checks give the candidates, their texts confirm them).
 */
export async function findingsFor(
  db: Db,
  view: ProposalView,
  copyThreshold: number,
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
  const copies = await copiesOf(db, view, copyThreshold);
  return findingsOf({ eligibility, sameTitle, copies });
}

async function copiesOf(db: Db, view: ProposalView, threshold: number) {
  const own = fingerprintOf(view.answers);
  const others = (
    await db
      .selectFrom('admin_checks')
      .select(['proposal_id', 'fingerprint'])
      .where('competition_id', '=', view.competition.id)
      .where('proposal_id', '!=', view.proposal.id)
      .where('fingerprint', 'is not', null)
      .execute()
  ).map((r) => ({ id: r.proposal_id, fingerprint: decodeFingerprint(r.fingerprint) }));
  const candidates = copyCandidates(own, others, threshold);
  if (!candidates.length) return [];
  const texts = await answersOf(db, [...new Set(candidates.map((c) => c.id))]);
  const ownText = new Map(view.answers.map((a) => [a.sectionKey, a.text]));
  const codes = new Map(
    (
      await db
        .selectFrom('proposals')
        .select(['id', 'code'])
        .where('id', 'in', [...new Set(candidates.map((c) => c.id))])
        .execute()
    ).map((r) => [r.id, r.code]),
  );
  const found: { code: string; section: Text; similarity: number }[] = [];
  const label = (key: string) => {
    const s = view.group.sections.find((x) => x.key === key);
    return s ? t(s.label_id, s.label_en) : t(key, key);
  };
  for (const c of candidates) {
    const other = texts.get(c.id)?.find((a) => a.sectionKey === c.otherSectionKey)?.text ?? '';
    const similarity = jaccard(shingles(ownText.get(c.sectionKey) ?? ''), shingles(other));
    if (similarity >= threshold)
      found.push({ code: codes.get(c.id) ?? String(c.id), section: label(c.sectionKey), similarity });
  }
  return found.sort((a, b) => b.similarity - a.similarity).slice(0, 20);
}
