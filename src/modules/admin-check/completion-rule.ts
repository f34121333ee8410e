import type { Db } from '../../db/connect.js';
import { AppError, t } from '../../domain/errors.js';
import { completionClosed, completionOpen } from '../../domain/admin-check.js';
import { formatInstant } from '../../domain/time.js';
import type { ProposalView } from '../proposals/view.js';
import { latestCompletion } from './rows.js';

export const notIncomplete = () =>
  new AppError(
    409,
    'not_incomplete',
    t('Proposal ini tidak sedang diminta untuk dilengkapi.', 'This proposal is not waiting to be completed.'),
  );

export type CompletionRequestRow = NonNullable<Awaited<ReturnType<typeof latestCompletion>>>;

/**
 * The open completion request of a proposal the admin lokal may work on now: the proposal is `incomplete`,
 * its newest request is not completed, and its deadline has not passed (409 `completion_closed` with the
 * deadline, hour and zone; 409 `not_incomplete` otherwise).
 */
export async function openCompletion(db: Db, view: ProposalView, now: Date): Promise<CompletionRequestRow> {
  const request = await latestCompletion(db, view.proposal.id);
  if (view.proposal.state !== 'incomplete' || !request || request.completed_at) throw notIncomplete();
  assertBeforeDeadline(request, view, now);
  return request;
}

export function assertBeforeDeadline(request: CompletionRequestRow, view: ProposalView, now: Date): void {
  if (!completionOpen(request.deadline_at, now))
    throw completionClosed(formatInstant(request.deadline_at, view.competition.time_zone, 'id'));
}
