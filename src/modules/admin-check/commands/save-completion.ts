import type { Db } from '../../../db/connect.js';
import { assertOnlyRequested, completionScope } from '../../../domain/admin-check.js';
import { autosaveProposal } from '../../proposals/commands/autosave-proposal.js';
import { loadProposalView, proposalNotFound, type ProposalView } from '../../proposals/view.js';
import { assertBeforeDeadline, notIncomplete, openCompletion } from '../completion-rule.js';

/** The body keys that are not identity fields (the version; the answers are checked by section). */
const NOT_FIELDS = new Set(['version', 'answers']);

/**
 * The admin lokal completes what the request names: the proposal's autosave (same checks field by field,
 * same revision and audit) under the completion's rule instead of the drafting one: only while the
 * request is open and before its deadline, and only the named identity fields and sections. A body naming
 * anything else is refused whole with 403 `not_requested`, each such field named, and nothing is stored.
 */
export async function saveCompletion(
  db: Db,
  input: {
    proposalId: number;
    body: { version: number } & Record<string, unknown>;
    mayComplete: (view: ProposalView) => void;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
) {
  const view = await loadProposalView(db, input.proposalId);
  if (!view) throw proposalNotFound();
  input.mayComplete(view);
  const request = await openCompletion(db, view, input.now);
  const answers = Array.isArray(input.body.answers) ? (input.body.answers as { sectionKey?: unknown }[]) : [];
  assertOnlyRequested(completionScope(JSON.parse(request.items) as string[]), {
    fields: Object.keys(input.body).filter((k) => !NOT_FIELDS.has(k)),
    sections: answers.map((a) => String(a?.sectionKey ?? '')),
  });
  return autosaveProposal(db, {
    id: input.proposalId,
    body: input.body,
    actorUserId: input.actorUserId,
    ip: input.ip,
    now: input.now,
    mayEdit: input.mayComplete,
    // Checked again on the proposal as read for the save, whose write is conditional on its version (sent
    // meanwhile: refused).
    rule: (locked) => {
      if (locked.proposal.state !== 'incomplete') throw notIncomplete();
      assertBeforeDeadline(request, locked, input.now);
    },
  });
}
