import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachmentParams, attachmentSchema, retieAttachmentBody } from '../../../contracts/attachments.js';
import { proposalIdParams } from '../../../contracts/proposals.js';
import { contentDisposition } from '../../../domain/attachments.js';
import { can } from '../../../domain/policy.js';
import { authorize, clientIp, requireUser } from '../../../platform/auth.js';
import { loadProposalView, proposalNotFound } from '../view.js';
import { addAttachment } from './commands/add-attachment.js';
import { removeAttachment } from './commands/remove-attachment.js';
import { replaceAttachment } from './commands/replace-attachment.js';
import { retieAttachment } from './commands/retie-attachment.js';
import { presentAttachment } from '../attachment-json.js';
import { assertEditable, attachmentNotFound, attachmentOf } from './steps.js';
import { readUpload } from './upload.js';
import { recordRead } from '../../../platform/audit-reads.js';
import { proposalReadSubject, proposalRecordScope } from '../record-scope.js';

/** Evidence of a proposal: upload, replace, retie, delete (the proposer while editable), download (readers). */
export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, storage } = app.deps;

  /** The proposal if the caller may see it (else 404, so ids outside the scope reveal nothing). */
  const loadVisible = async (req: FastifyRequest, id: number) => {
    requireUser(req);
    const view = await loadProposalView(db, id);
    if (!view || !can(req.actor, 'proposal.read', proposalReadSubject(view))) throw proposalNotFound();
    return view;
  };
  /** …and the caller is its proposer and it is editable now. */
  const loadEditableByCaller = async (req: FastifyRequest, id: number) => {
    const view = await loadVisible(req, id);
    const actor = authorize(req, 'proposal.edit', {
      institutionId: view.proposal.institution_id,
      unitId: view.proposal.unit_id,
    });
    assertEditable(view, clock.now());
    return { view, actor };
  };

  app.post(
    '/proposals/:id/attachments',
    {
      schema: {
        tags: ['proposals'],
        summary:
          'Add evidence (proposer, while editable; multipart/form-data: kind? = evidence | replication_statement, sectionKey?, then file). 413 file_too_large / proposal_files_too_large, 415 unsupported_file_type (type read from the content)',
        consumes: ['multipart/form-data'],
        params: proposalIdParams,
        response: { 201: attachmentSchema },
      },
    },
    async (req, reply) => {
      const { view, actor } = await loadEditableByCaller(req, req.params.id);
      const up = await readUpload(app, req, view);
      const a = await addAttachment(db, storage, {
        proposalId: view.proposal.id,
        staged: up.staged,
        name: up.name,
        kind: up.kind,
        sectionKey: up.sectionKey ?? null,
        actorUserId: actor.userId,
        ip: req.ip,
        now: clock.now(),
      });
      reply.code(201);
      return presentAttachment(view.proposal.id, a);
    },
  );

  app.put(
    '/proposals/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['proposals'],
        summary:
          'Replace the file of an attachment (multipart/form-data as for adding; kind and sectionKey kept when not sent)',
        consumes: ['multipart/form-data'],
        params: attachmentParams,
        response: { 200: attachmentSchema },
      },
    },
    async (req) => {
      const { view, actor } = await loadEditableByCaller(req, req.params.id);
      const current = attachmentOf(view, req.params.attachmentId);
      const up = await readUpload(app, req, view, current);
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
      });
      return presentAttachment(view.proposal.id, a);
    },
  );

  app.patch(
    '/proposals/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['proposals'],
        summary: 'Tie an attachment to another section (null: the whole proposal) or change its kind',
        params: attachmentParams,
        body: retieAttachmentBody,
        response: { 200: attachmentSchema },
      },
    },
    async (req) => {
      const { view, actor } = await loadEditableByCaller(req, req.params.id);
      attachmentOf(view, req.params.attachmentId);
      const a = await retieAttachment(db, {
        proposalId: view.proposal.id,
        attachmentId: req.params.attachmentId,
        body: req.body,
        actorUserId: actor.userId,
        ip: req.ip,
        now: clock.now(),
      });
      return presentAttachment(view.proposal.id, a);
    },
  );

  app.delete(
    '/proposals/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['proposals'],
        summary: 'Delete an attachment (its stored file goes when nothing else holds the same content)',
        params: attachmentParams,
      },
    },
    async (req, reply) => {
      const { view, actor } = await loadEditableByCaller(req, req.params.id);
      attachmentOf(view, req.params.attachmentId);
      await removeAttachment(db, storage, {
        proposalId: view.proposal.id,
        attachmentId: req.params.attachmentId,
        actorUserId: actor.userId,
        ip: req.ip,
        now: clock.now(),
      });
      return reply.code(204).send();
    },
  );

  app.get(
    '/proposals/:id/attachments/:attachmentId/download',
    {
      schema: {
        tags: ['proposals'],
        summary: 'The file, as an attachment with its original name (whoever may view the proposal)',
        params: attachmentParams,
      },
    },
    async (req, reply) => {
      const view = await loadVisible(req, req.params.id);
      const a = attachmentOf(view, req.params.attachmentId);
      if (!(await storage.exists(a.storageKey))) throw attachmentNotFound();
      await recordRead(db, {
        actorUserId: req.actor!.userId,
        action: 'attachment.downloaded',
        entityType: 'proposal',
        entityId: view.proposal.id,
        summary: { code: view.proposal.code, attachmentId: a.id, name: a.name, sha256: a.sha256 },
        scope: proposalRecordScope(view),
        ip: clientIp(req),
        now: clock.now(),
      });
      const bytes = await storage.openRead(a.storageKey);
      return reply
        .header('Content-Type', a.mime)
        .header('Content-Length', String(a.size))
        .header('Content-Disposition', contentDisposition(a.name))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .send(bytes);
    },
  );
};
