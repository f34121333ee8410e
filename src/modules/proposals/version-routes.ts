import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changesSinceReturnResponse,
  compareQuery,
  compareResponse,
} from '../../contracts/proposal-versions.js';
import {
  proposalIdParams,
  revisionDetailSchema,
  revisionListResponse,
  revisionParams,
} from '../../contracts/proposals.js';
import { notFound, t } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { compareSnapshots } from '../../domain/proposal-diff.js';
import { sinceLastReturn, versionNumbers } from '../../domain/proposal-history.js';
import { requireUser } from '../../platform/auth.js';
import { proposalReadSubject } from './record-scope.js';
import { findRevision, listRevisions, PENDING_SNAPSHOT } from './revisions.js';
import { snapshotOf } from './snapshot.js';
import { loadProposalView, proposalNotFound, type ProposalView } from './view.js';

type RevisionRow = Awaited<ReturnType<typeof listRevisions>>[number];

/**
 * A proposal's history: the list, one version opened, two compared word by word, and what changed since
 * the latest return. Whoever may read the proposal (policy `proposal.read`) may read its history; anyone
 * else gets 404, as for the proposal itself.
 */
export const proposalVersionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  const loadVisible = async (req: FastifyRequest, id: number) => {
    requireUser(req);
    const view = await loadProposalView(db, id);
    if (!view || !can(req.actor, 'proposal.read', proposalReadSubject(view))) throw proposalNotFound();
    return view;
  };
  const revisionNotFound = () => notFound(t('Versi tidak ditemukan.', 'Version not found.'));

  /** The history with its numbers; the open autosave entry is the proposal as it is. */
  const history = async (v: ProposalView) => {
    const rows = await listRevisions(db, v.proposal.id);
    const numbers = versionNumbers(rows);
    const summary = (r: RevisionRow) => {
      const open = Number(r.snapshot_length) === 0;
      return {
        id: r.id,
        number: numbers.get(r.id)!,
        version: open ? v.proposal.version : r.version,
        kind: r.kind,
        action: r.action,
        savedBy: presentSavedBy(r),
        createdAt: r.created_at,
        savedAt: open ? v.proposal.updated_at : r.saved_at,
        note: r.return_snapshot ? noteOf(r.return_snapshot) : null,
      };
    };
    return { rows, summary };
  };

  /** A version's content as the history keeps it. */
  const snapshot = async (v: ProposalView, revisionId: number) => {
    const r = await findRevision(db, v.proposal.id, revisionId);
    if (!r) throw revisionNotFound();
    return r.snapshot === PENDING_SNAPSHOT
      ? snapshotOf(v)
      : (JSON.parse(r.snapshot) as Record<string, unknown>);
  };
  const sectionOrder = (v: ProposalView) => v.group.sections.map((s) => s.key);

  app.get(
    '/proposals/:id/revisions',
    {
      schema: {
        tags: ['proposals'],
        summary:
          'Version history, newest first, numbered 1..N from the oldest (autosaves at most one per minute, plus one per transition)',
        params: proposalIdParams,
        response: { 200: revisionListResponse },
      },
    },
    async (req) => {
      const v = await loadVisible(req, req.params.id);
      const { rows, summary } = await history(v);
      return { items: rows.map(summary) };
    },
  );

  app.get(
    '/proposals/:id/revisions/compare',
    {
      schema: {
        tags: ['proposals'],
        summary: 'Two versions compared word by word, per field, per section and for the evidence',
        params: proposalIdParams,
        querystring: compareQuery,
        response: { 200: compareResponse },
      },
    },
    async (req) => {
      const v = await loadVisible(req, req.params.id);
      const { rows, summary } = await history(v);
      const from = rows.find((r) => r.id === req.query.from);
      const to = rows.find((r) => r.id === req.query.to);
      if (!from || !to) throw revisionNotFound();
      const [a, b] = await Promise.all([snapshot(v, from.id), snapshot(v, to.id)]);
      return { from: summary(from), to: summary(to), diff: compareSnapshots(a, b, sectionOrder(v)) };
    },
  );

  app.get(
    '/proposals/:id/revisions/:rev',
    {
      schema: {
        tags: ['proposals'],
        summary: 'One version with its snapshot (the whole proposal as it was)',
        params: revisionParams,
        response: { 200: revisionDetailSchema },
      },
    },
    async (req) => {
      const v = await loadVisible(req, req.params.id);
      const { rows, summary } = await history(v);
      const r = rows.find((x) => x.id === req.params.rev);
      if (!r) throw revisionNotFound();
      return { ...summary(r), snapshot: await snapshot(v, r.id) };
    },
  );

  app.get(
    '/proposals/:id/changes-since-return',
    {
      schema: {
        tags: ['proposals'],
        summary:
          'What changed between the version at the latest return and the version sent again after it (null when there is none)',
        params: proposalIdParams,
        response: { 200: changesSinceReturnResponse },
      },
    },
    async (req) => {
      const v = await loadVisible(req, req.params.id);
      const { rows, summary } = await history(v);
      const pair = sinceLastReturn(rows);
      if (!pair) return { change: null };
      const returned = rows.find((r) => r.id === pair.returnId)!;
      const resent = rows.find((r) => r.id === pair.resendId)!;
      const [a, b] = await Promise.all([snapshot(v, returned.id), snapshot(v, resent.id)]);
      const returnedSummary = summary(returned);
      return {
        change: {
          returned: returnedSummary,
          resent: summary(resent),
          note: returnedSummary.note,
          diff: compareSnapshots(a, b, sectionOrder(v)),
        },
      };
    },
  );
};

function noteOf(snapshotJson: string): string | null {
  try {
    const note = (JSON.parse(snapshotJson) as { returnedNote?: unknown }).returnedNote;
    return typeof note === 'string' ? note : null;
  } catch {
    return null;
  }
}

/** Who saved a revision: the person, or null for the system (the closing). */
const presentSavedBy = (r: { saved_by: number | null; saved_by_name: string | null }) =>
  r.saved_by === null ? null : { id: r.saved_by, name: r.saved_by_name ?? '' };
