import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachmentParams, attachmentSchema } from '../../../contracts/attachments.js';
import { proposalIdParams } from '../../../contracts/proposals.js';
import { requireUser } from '../../../platform/auth.js';
import { presentAttachment } from '../attachment-json.js';
import { loadProposalView, proposalNotFound, type ProposalView } from '../view.js';
import { addAttachment } from './commands/add-attachment.js';
import { replaceAttachment } from './commands/replace-attachment.js';
import { attachmentOf, type EditRule } from './steps.js';
import { readUpload } from './upload.js';

/**
 * Who may bring files in outside the drafting, and which: given by the module that owns that work (the
 * administrative check's completion, wired in app.ts), so the evidence wing never imports it. `open`
 * authorizes the caller on the proposal (404 outside its scope, 403 without the role, 409 when nothing is
 * open) and returns the check on an upload's section (run before a byte is stored) and the rule the
 * transaction checks on the locked proposal instead of the drafting one.
 */
export interface EvidenceGate {
  open(
    req: FastifyRequest,
    view: ProposalView,
    now: Date,
  ): Promise<{
    check: (upload: { sectionKey: string | null; replacingSectionKey?: string | null }) => void;
    rule: EditRule;
  }>;
}

/**
 * The admin lokal's evidence in a completion (issue 12 point 1): add a file to a section the completion
 * request names, or replace one of its files, with the editor's own limits, type checks, audit and storage.
 */
export const completionEvidenceRoutes: FastifyPluginAsyncZod<{ gate: EvidenceGate }> = async (app, opts) => {
  const { db, clock, storage } = app.deps;
  const load = async (req: FastifyRequest, id: number) => {
    const { actor } = requireUser(req);
    const view = await loadProposalView(db, id);
    if (!view) throw proposalNotFound();
    const gate = await opts.gate.open(req, view, clock.now());
    return { view, gate, actor };
  };

  app.post(
    '/proposals/:id/completion/attachments',
    {
      schema: {
        tags: ['admin-check'],
        summary:
          "The admin lokal adds evidence to a section the completion request names (multipart/form-data as the editor's upload; 403 not_requested on sectionKey for any other; 409 completion_closed after the deadline)",
        consumes: ['multipart/form-data'],
        params: proposalIdParams,
        response: { 201: attachmentSchema },
      },
    },
    async (req, reply) => {
      const { view, gate, actor } = await load(req, req.params.id);
      const up = await readUpload(app, req, view, undefined, ({ sectionKey }) =>
        gate.check({ sectionKey: sectionKey ?? null }),
      );
      const a = await addAttachment(db, storage, {
        proposalId: view.proposal.id,
        staged: up.staged,
        name: up.name,
        kind: up.kind,
        sectionKey: up.sectionKey ?? null,
        actorUserId: actor.userId,
        ip: req.ip,
        now: clock.now(),
        rule: gate.rule,
      });
      reply.code(201);
      return presentAttachment(view.proposal.id, a);
    },
  );

  app.put(
    '/proposals/:id/completion/attachments/:attachmentId',
    {
      schema: {
        tags: ['admin-check'],
        summary:
          'The admin lokal replaces a file of a section the completion request names (it stays in a named section)',
        consumes: ['multipart/form-data'],
        params: attachmentParams,
        response: { 200: attachmentSchema },
      },
    },
    async (req) => {
      const { view, gate, actor } = await load(req, req.params.id);
      const current = attachmentOf(view, req.params.attachmentId);
      const up = await readUpload(app, req, view, current, ({ sectionKey }) =>
        gate.check({
          sectionKey: sectionKey === undefined ? current.sectionKey : sectionKey,
          replacingSectionKey: current.sectionKey,
        }),
      );
      const a = await replaceAttachment(db, storage, {
        proposalId: view.proposal.id,
        attachmentId: current.id,
        staged: up.staged,
        name: up.name,
        kind: up.kind,
        sectionKey: up.sectionKey,
        actorUserId: actor.userId,
        ip: req.ip,
        now: clock.now(),
        rule: gate.rule,
      });
      return presentAttachment(view.proposal.id, a);
    },
  );
};
