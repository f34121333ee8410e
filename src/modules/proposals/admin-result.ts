import type { Db } from '../../db/connect.js';
import type { ProposalRow } from '../../db/schema.js';

/**
 * The administrative check's result of a proposal as the institution may see it (issue 12 point 1): only
 * once published (admin_checks.published_at), with the letter number of the announcement; a staged
 * outcome is the organizer's work in progress and stays invisible (null).
 */
export async function publishedAdminResult(
  db: Db,
  p: Pick<ProposalRow, 'id' | 'state'>,
): Promise<{
  outcome: 'passed' | 'disqualified';
  reasonCode: string | null;
  reasonText: string | null;
  publishedAt: string;
  letterNumber: string | null;
} | null> {
  if (p.state !== 'passed_admin' && p.state !== 'disqualified' && p.state !== 'finalist') return null;
  const row = await db
    .selectFrom('admin_checks as ac')
    .leftJoin('stages as s', (j) =>
      j.onRef('s.competition_id', '=', 'ac.competition_id').on('s.kind', '=', 'administrative'),
    )
    .leftJoin('announcements as a', (j) =>
      j.onRef('a.stage_id', '=', 's.id').on('a.kind', '=', 'administrative_results'),
    )
    .select(['ac.outcome', 'ac.reason_code', 'ac.reason_text', 'ac.published_at', 'a.letter_number'])
    .where('ac.proposal_id', '=', p.id)
    .where('ac.published_at', 'is not', null)
    .executeTakeFirst();
  if (!row || (row.outcome !== 'passed' && row.outcome !== 'disqualified')) return null;
  return {
    outcome: row.outcome,
    // The reason is the institution's to read only for a disqualification.
    reasonCode: row.outcome === 'disqualified' ? row.reason_code : null,
    reasonText: row.outcome === 'disqualified' ? row.reason_text : null,
    publishedAt: row.published_at!,
    letterNumber: row.letter_number ?? null,
  };
}
