import type { Db } from '../../db/connect.js';
import { t, type Text } from '../../domain/errors.js';
import type { Passage } from '../../domain/near-duplicates/explain.js';
import { CONFIRM_CONSEQUENCE, KIND_LABELS, scoresInWords } from '../../domain/near-duplicates/describe.js';
import { snippetOf } from '../../domain/near-duplicates/snippet.js';
import { NEAR_DUPLICATE_JOB } from './job.js';
import { latestCheckJob, matchesOfProposal, proposalCards, proposalTexts, userNames } from './queries.js';

/* What the secretariat's pages receive (contracts/near-duplicates.ts). */

export async function presentRun(db: Db, competitionId: number) {
  const job = await latestCheckJob(db, competitionId, NEAR_DUPLICATE_JOB);
  if (!job) return { status: 'none' as const, requestedAt: null, finishedAt: null };
  return {
    status: job.status as 'pending' | 'running' | 'done' | 'failed',
    requestedAt: job.created_at,
    finishedAt: job.finished_at,
  };
}

/** The section labels of the proposals' forms, by proposal then section key. */
async function sectionLabels(db: Db, proposalIds: readonly number[]) {
  const out = new Map<number, Map<string, Text>>();
  if (!proposalIds.length) return out;
  const rows = await db
    .selectFrom('proposals as p')
    .innerJoin('form_sections as s', 's.group_id', 'p.group_id')
    .select(['p.id', 's.key', 's.label_id', 's.label_en'])
    .where('p.id', 'in', [...proposalIds])
    .execute();
  for (const r of rows) {
    const m = out.get(r.id) ?? new Map<string, Text>();
    m.set(r.key, t(r.label_id, r.label_en));
    out.set(r.id, m);
  }
  return out;
}

/**
 * The matches of one proposal, most similar first, each with the other proposal (another organizer's
 * shown by title, institution and year only) and the shared passages side by side: this proposal's text
 * on the left (`mine`), the other's on the right, the passage cut out to be marked.
 */
export async function presentMatches(db: Db, proposalId: number, organizerInstitutionId: number) {
  const rows = await matchesOfProposal(db, proposalId);
  const otherOf = (m: (typeof rows)[number]) =>
    m.proposal_id === proposalId ? m.other_proposal_id : m.proposal_id;
  const ids = [proposalId, ...rows.map(otherOf)];
  const [cards, texts, labels, names] = await Promise.all([
    proposalCards(db, ids),
    rows.length ? proposalTexts(db, ids) : new Map(),
    sectionLabels(db, ids),
    userNames(
      db,
      rows.map((r) => r.decided_by),
    ),
  ]);
  const answer = (id: number, key: string) =>
    (texts.get(id)?.answers as { key: string; text: string }[] | undefined)?.find((a) => a.key === key)
      ?.text ?? '';
  const side = (id: number, s: Passage['a']) => ({
    section: labels.get(id)?.get(s.answerKey) ?? t(s.answerKey, s.answerKey),
    ...snippetOf(answer(id, s.answerKey), s.start, s.end),
  });
  return rows.map((m) => {
    const otherId = otherOf(m);
    const mineIsA = m.proposal_id === proposalId;
    const card = cards.get(otherId);
    const same = card?.organizer_institution_id === organizerInstitutionId;
    const passages = JSON.parse(m.passages) as Passage[];
    const scores = {
      title: m.title_score,
      answers: m.answers_score,
      containment: m.containment,
      passageWords: m.passage_words,
    };
    return {
      id: m.id,
      kind: m.kind,
      kindLabel: KIND_LABELS[m.kind],
      scoresText: scoresInWords(scores),
      scores,
      status: m.status,
      note: m.note,
      decidedBy: m.decided_by ? (names.get(m.decided_by) ?? null) : null,
      decidedAt: m.decided_at,
      other: {
        title: card?.title ?? '',
        institution: card?.institution ?? '',
        year: card?.year ?? 0,
        sameOrganizer: same,
        proposalId: same ? otherId : null,
        code: same ? (card?.code ?? null) : null,
        competition: same ? (card?.competition ?? null) : null,
      },
      passages: passages.map((p) => ({
        words: Math.min(p.a.words, p.b.words),
        mine: mineIsA ? side(proposalId, p.a) : side(proposalId, p.b),
        other: mineIsA ? side(otherId, p.b) : side(otherId, p.a),
      })),
    };
  });
}

export { CONFIRM_CONSEQUENCE };
