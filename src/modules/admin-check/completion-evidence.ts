import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/connect.js';
import { completionScope } from '../../domain/admin-check.js';
import { assertEvidenceRequested } from '../../domain/completion-evidence.js';
import { can } from '../../domain/policy.js';
import { authorize } from '../../platform/auth.js';
import { proposalReadSubject } from '../proposals/record-scope.js';
import { proposalNotFound, type ProposalView } from '../proposals/view.js';
import { assertBeforeDeadline, notIncomplete, openCompletion } from './completion-rule.js';

/**
 * The completion's gate on evidence (the evidence wing's `EvidenceGate`, wired in app.ts): the admin lokal
 * of the proposal's institution (404 outside what the caller reads, 403 for anyone else), an open request
 * before its deadline (409 otherwise), and only the sections whose evidence it names; the transaction
 * checks the state and deadline again on the locked proposal.
 */
export function completionEvidenceGate(db: Db) {
  return {
    async open(req: FastifyRequest, view: ProposalView, now: Date) {
      if (!can(req.actor, 'proposal.read', proposalReadSubject(view))) throw proposalNotFound();
      authorize(req, 'completion.submit', { institutionId: view.proposal.institution_id });
      const request = await openCompletion(db, view, now);
      const scope = completionScope(JSON.parse(request.items) as string[]);
      return {
        check: (upload: { sectionKey: string | null; replacingSectionKey?: string | null }) =>
          assertEvidenceRequested(scope, upload),
        rule: (locked: ProposalView) => {
          if (locked.proposal.state !== 'incomplete') throw notIncomplete();
          assertBeforeDeadline(request, locked, now);
        },
      };
    },
  };
}
