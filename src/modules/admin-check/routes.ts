import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bulkApplyBody,
  bulkApplyResponse,
  bulkPreviewBody,
  bulkPreviewResponse,
  checkDetailSchema,
  completionRequestBody,
  completionResponse,
  decisionBody,
  nextResponse,
  queueQuery,
  queueResponse,
  saveMarksBody,
} from '../../contracts/admin-check.js';
import { competitionIdParams } from '../../contracts/competitions.js';
import { proposalIdParams, saveProposalRequest, saveProposalResponse } from '../../contracts/proposals.js';
import { AppError, notFound, t } from '../../domain/errors.js';
import { can, whyNot } from '../../domain/policy.js';
import type { QueueStatus } from '../../domain/admin-check.js';
import { authorize, requireUser } from '../../platform/auth.js';
import { findCompetitionRow } from '../competitions/queries.js';
import { competitionSetup } from '../competitions/setup-cache.js';
import { proposalReadSubject } from '../proposals/record-scope.js';
import { loadProposalView, proposalNotFound, type ProposalView } from '../proposals/view.js';
import { claimNext, claimOne, releaseClaim } from './claim.js';
import { applyBulkPass, previewBulkPass } from './commands/bulk-pass.js';
import { decideCheck } from './commands/decide-check.js';
import { requestCompletion } from './commands/request-completion.js';
import { saveCompletion } from './commands/save-completion.js';
import { submitCompletion } from './commands/submit-completion.js';
import { findingsFor } from './findings.js';
import { loadCheck } from './load.js';
import { presentCompletion, presentDetail, presentQueueItems } from './present.js';
import { listQueue, queueCounts, queueIds, type QueueFilter } from './queue.js';
import { administrativeStage, ensureChecks, ensureQueueOnce, findCheck } from './rows.js';
import { parseAdminCheckSettings } from '../../domain/admin-check.js';

const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));

const notInCheck = () =>
  new AppError(
    409,
    'not_in_admin_check',
    t(
      'Proposal ini belum masuk seleksi administrasi (belum diterima penyelenggara).',
      'This proposal is not in the administrative check (the organizer has not received it).',
    ),
  );

/**
 * The administrative check (issue 12 point 1): the secretariat's queue, claims, checklist, decisions,
 * completion requests and bulk passing; and the admin lokal's completion of the named items.
 */
export const adminCheckRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;

  /** The competition if the caller works its check: another organizer's secretariat gets 404, others 403. */
  const competitionFor = async (req: FastifyRequest, id: number) => {
    const { actor } = requireUser(req);
    const c = await findCompetitionRow(db, id);
    if (!c) throw competitionNotFound();
    const subject = { organizerInstitutionId: c.organizer_institution_id };
    if (whyNot(actor, 'adminCheck.work', subject) === 'otherOrganizer') throw competitionNotFound();
    authorize(req, 'adminCheck.work', subject);
    return c;
  };

  /** The route's check on a proposal: 404 outside what the caller reads, 403 without the role. */
  const mayWork = (req: FastifyRequest) => (view: ProposalView) => {
    if (!can(req.actor, 'proposal.read', proposalReadSubject(view))) throw proposalNotFound();
    authorize(req, 'adminCheck.work', { organizerInstitutionId: view.competition.organizer_institution_id });
  };
  const mayComplete = (req: FastifyRequest) => (view: ProposalView) => {
    if (!can(req.actor, 'proposal.read', proposalReadSubject(view))) throw proposalNotFound();
    authorize(req, 'completion.submit', { institutionId: view.proposal.institution_id });
  };

  /** Loads the check after authorization; a visible proposal not (yet) in the check is 409. */
  const checkOf = async (req: FastifyRequest, id: number) => {
    requireUser(req);
    const view = await loadProposalView(db, id);
    if (!view) throw proposalNotFound();
    mayWork(req)(view);
    if (!(await findCheck(db, id))) {
      await ensureChecks(db, view.competition.id, clock.now());
      if (!(await findCheck(db, id))) throw notInCheck();
    }
    return loadCheck(db, id, mayWork(req), clock.now());
  };

  const detail = async (req: FastifyRequest, id: number) => {
    const c = await checkOf(req, id);
    const now = clock.now();
    const findings = await findingsFor(db, c.view, now);
    return presentDetail(db, c, findings, req.actor!.userId, now);
  };

  app.get(
    '/competitions/:id/admin-checks',
    {
      schema: {
        tags: ['admin-check'],
        summary: "The administrative queue of a competition (its organizer's secretariat): filtered, paged",
        params: competitionIdParams,
        querystring: queueQuery,
        response: { 200: queueResponse },
      },
    },
    async (req) => {
      const c = await competitionFor(req, req.params.id);
      const now = clock.now();
      await ensureQueueOnce(db, c.id, now);
      const { page, pageSize, ...rest } = req.query;
      const filter: QueueFilter = {
        competitionId: c.id,
        ...rest,
        status: rest.status as QueueStatus | undefined,
      };
      const [{ rows, total }, counts, setup] = await Promise.all([
        listQueue(db, filter, { page, pageSize }),
        queueCounts(db, c.id),
        competitionSetup(db, c.id, c.config_rev),
      ]);
      return {
        items: await presentQueueItems(db, rows, req.actor!.userId, now),
        total,
        page,
        pageSize,
        counts,
        competition: { id: c.id, name: c.name, timeZone: c.time_zone },
        groups: [...(setup?.groups.values() ?? [])].map((g) => ({
          key: g.key,
          name: t(g.name_id, g.name_en),
        })),
        categories: (setup?.categories ?? []).map((k) => ({ key: k.key, name: t(k.name_id, k.name_en) })),
        abilities: { work: true },
      };
    },
  );

  app.post(
    '/competitions/:id/admin-checks/next',
    {
      schema: {
        tags: ['admin-check'],
        summary: '"Ambil berikutnya": claims the next undecided proposal for the caller for 20 minutes',
        params: competitionIdParams,
        response: { 200: nextResponse },
      },
    },
    async (req) => {
      const c = await competitionFor(req, req.params.id);
      const now = clock.now();
      await ensureQueueOnce(db, c.id, now);
      return { proposalId: await claimNext(db, { competitionId: c.id, userId: req.actor!.userId, now }) };
    },
  );

  app.post(
    '/competitions/:id/admin-checks/bulk/preview',
    {
      schema: {
        tags: ['admin-check'],
        summary: 'Bulk pass, step 1: the count and IDs it would pass and those it would skip, with why',
        params: competitionIdParams,
        body: bulkPreviewBody,
        response: { 200: bulkPreviewResponse },
      },
    },
    async (req) => {
      const c = await competitionFor(req, req.params.id);
      const ids =
        req.body.proposalIds ??
        (await queueIds(db, {
          competitionId: c.id,
          ...req.body.filter,
          status: req.body.filter?.status as QueueStatus | undefined,
        }));
      return previewBulkPass(db, { competitionId: c.id, ids, userId: req.actor!.userId, now: clock.now() });
    },
  );

  app.post(
    '/competitions/:id/admin-checks/bulk/apply',
    {
      schema: {
        tags: ['admin-check'],
        summary: 'Bulk pass, step 2: passes the previewed rows still as previewed (staged until published)',
        params: competitionIdParams,
        body: bulkApplyBody,
        response: { 200: bulkApplyResponse },
      },
    },
    async (req) => {
      const c = await competitionFor(req, req.params.id);
      return applyBulkPass(db, {
        competitionId: c.id,
        organizerInstitutionId: c.organizer_institution_id,
        rows: req.body.rows,
        actorUserId: req.actor!.userId,
        ip: req.ip,
        now: clock.now(),
      });
    },
  );

  app.get(
    '/admin-checks/:id',
    {
      schema: {
        tags: ['admin-check'],
        summary:
          "One proposal's check: the checklist with the automatic findings, the claim, the decision, history",
        params: proposalIdParams,
        response: { 200: checkDetailSchema },
      },
    },
    async (req) => detail(req, req.params.id),
  );

  app.post(
    '/admin-checks/:id/claim',
    {
      schema: {
        tags: ['admin-check'],
        summary: 'Take this proposal for 20 minutes (409 claimed_by_other while another member holds it)',
        params: proposalIdParams,
        response: { 200: checkDetailSchema },
      },
    },
    async (req) => {
      const c = await checkOf(req, req.params.id);
      await claimOne(db, {
        check: c.check,
        userId: req.actor!.userId,
        now: clock.now(),
        timeZone: c.view.competition.time_zone,
      });
      return detail(req, req.params.id);
    },
  );

  app.delete(
    '/admin-checks/:id/claim',
    {
      schema: {
        tags: ['admin-check'],
        summary: 'Give this proposal back to the queue without deciding',
        params: proposalIdParams,
        response: { 200: checkDetailSchema },
      },
    },
    async (req) => {
      await checkOf(req, req.params.id);
      await releaseClaim(db, { proposalId: req.params.id, userId: req.actor!.userId });
      return detail(req, req.params.id);
    },
  );

  app.patch(
    '/admin-checks/:id',
    {
      schema: {
        tags: ['admin-check'],
        summary: "Records the checklist's marks (ok / not ok and a note per item)",
        params: proposalIdParams,
        body: saveMarksBody,
        response: { 200: checkDetailSchema },
      },
    },
    async (req) => {
      await checkOf(req, req.params.id);
      await decideCheck(db, {
        proposalId: req.params.id,
        version: req.body.version,
        marks: req.body.items,
        mayWork: mayWork(req),
        actorUserId: req.actor!.userId,
        ip: req.ip,
        now: clock.now(),
      });
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/admin-checks/:id/decision',
    {
      schema: {
        tags: ['admin-check'],
        summary: 'Passed, or disqualified with a reason: staged until the results are published',
        params: proposalIdParams,
        body: decisionBody,
        response: { 200: checkDetailSchema },
      },
    },
    async (req) => {
      await checkOf(req, req.params.id);
      const b = req.body;
      await decideCheck(db, {
        proposalId: req.params.id,
        version: b.version,
        marks: b.items,
        decision:
          b.outcome === 'passed'
            ? { outcome: 'passed' }
            : { outcome: 'disqualified', reasonCode: b.reasonCode, reasonText: b.reasonText },
        mayWork: mayWork(req),
        actorUserId: req.actor!.userId,
        ip: req.ip,
        now: clock.now(),
      });
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/admin-checks/:id/completion-request',
    {
      schema: {
        tags: ['admin-check'],
        summary:
          'Perlu dilengkapi: names the items and the deadline; the proposal becomes incomplete at once and each admin lokal is told',
        params: proposalIdParams,
        body: completionRequestBody,
        response: { 200: checkDetailSchema },
      },
    },
    async (req) => {
      await checkOf(req, req.params.id);
      await requestCompletion(db, {
        proposalId: req.params.id,
        version: req.body.version,
        items: req.body.items,
        note: req.body.note ?? null,
        deadlineAt: req.body.deadlineAt,
        mayWork: mayWork(req),
        actorUserId: req.actor!.userId,
        ip: req.ip,
        baseUrl: config.baseUrl,
        now: clock.now(),
      });
      app.deps.mail.kick();
      return detail(req, req.params.id);
    },
  );

  /* ---- The admin lokal's side ---- */

  const completionOf = async (req: FastifyRequest, id: number) => {
    const { actor } = requireUser(req);
    const view = await loadProposalView(db, id);
    if (!view || !can(actor, 'proposal.read', proposalReadSubject(view))) throw proposalNotFound();
    authorize(req, 'completion.view', {
      institutionId: view.proposal.institution_id,
      unitId: view.proposal.unit_id,
    });
    const stage = await administrativeStage(db, view.competition.id);
    const now = clock.now();
    const request = await presentCompletion(
      db,
      view,
      parseAdminCheckSettings(stage?.settings).checklist,
      now,
    );
    const submit = can(actor, 'completion.submit', { institutionId: view.proposal.institution_id });
    return {
      proposalId: view.proposal.id,
      timeZone: view.competition.time_zone,
      request,
      abilities: { save: submit && !!request?.open, submit: submit && !!request?.open },
    };
  };

  app.get(
    '/proposals/:id/completion',
    {
      schema: {
        tags: ['admin-check'],
        summary: "The proposal's completion request (its admin lokal; read-only to its UPP)",
        params: proposalIdParams,
        response: { 200: completionResponse },
      },
    },
    async (req) => completionOf(req, req.params.id),
  );

  app.patch(
    '/proposals/:id/completion',
    {
      schema: {
        tags: ['admin-check'],
        summary:
          'The admin lokal changes the named items only (403 not_requested naming any other field; 409 completion_closed after the deadline)',
        params: proposalIdParams,
        body: saveProposalRequest,
        response: { 200: saveProposalResponse },
      },
    },
    async (req) =>
      saveCompletion(db, {
        proposalId: req.params.id,
        body: req.body,
        mayComplete: mayComplete(req),
        actorUserId: requireUser(req).actor.userId,
        ip: req.ip,
        now: clock.now(),
      }),
  );

  app.post(
    '/proposals/:id/completion/submit',
    {
      schema: {
        tags: ['admin-check'],
        summary:
          '"Kirim kelengkapan": back to the organizer\'s check (409 completion_closed after the deadline)',
        params: proposalIdParams,
        response: { 200: completionResponse },
      },
    },
    async (req) => {
      await submitCompletion(db, {
        proposalId: req.params.id,
        mayComplete: mayComplete(req),
        actorUserId: requireUser(req).actor.userId,
        ip: req.ip,
        now: clock.now(),
      });
      return completionOf(req, req.params.id);
    },
  );
};
