import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addAssignmentBody,
  assignmentItemSchema,
  assignmentListQuery,
  assignmentListResponse,
  assignmentParams,
  importAssignmentsBody,
  importAssignmentsResponse,
  runAssignmentResponse,
  stageAssignmentSummary,
  stageParams,
  withdrawAssignmentBody,
  withdrawAssignmentResponse,
} from '../../contracts/assignments.js';
import { competitionIdParams } from '../../contracts/competitions.js';
import { notFound, t } from '../../domain/errors.js';
import { decide } from '../../domain/policy.js';
import { authorize, requireUser } from '../../platform/auth.js';
import { addAssignment } from './commands/add-assignment.js';
import { importAssignments } from './commands/import-assignments.js';
import { runAssignment } from './commands/run-assignment.js';
import { withdrawAssignment } from './commands/withdraw-assignment.js';
import { closedRefusal, loadStageContext, stageNotFound, type StageContext } from './context.js';
import { assignmentsCsv, presentItems, presentSummary } from './present.js';
import { categoriesOf, reviewStagesOf } from './queries.js';
import { findCompetitionRow } from '../competitions/queries.js';

const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
const PAGE_SIZE = 50;

/**
 * The assignment of reviewers in a competition's scored stages, for the organizer's secretariat only
 * (another organizer's secretariat gets 404, any other role 403).
 */
export const assignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;

  const allow = async (req: FastifyRequest, competitionId: number) => {
    requireUser(req);
    const competition = await findCompetitionRow(db, competitionId);
    if (!competition) throw competitionNotFound();
    const subject = { organizerInstitutionId: competition.organizer_institution_id };
    const d = decide(req.actor, 'assignment.manage', subject);
    if (!d.allowed && d.reason === 'otherOrganizer') throw competitionNotFound();
    return authorize(req, 'assignment.manage', subject);
  };

  const read = (competitionId: number, stageId: number): Promise<StageContext> =>
    db.transaction().execute((tx) => loadStageContext(tx, competitionId, stageId));

  const itemsOf = (ctx: StageContext, q: z.infer<typeof assignmentListQuery>) => {
    const present = presentItems(ctx);
    const status = q.status ?? 'active';
    const needle = q.q?.toLowerCase();
    return ctx.assignments
      .filter((a) => status === 'all' || a.status === status)
      .filter((a) => q.reviewerId === undefined || a.reviewer_id === q.reviewerId)
      .map(present)
      .filter(
        (i) =>
          !needle ||
          [i.proposal.code, i.proposal.title, i.proposal.institution, i.reviewer.name, i.reviewer.email].some(
            (s) => s.toLowerCase().includes(needle),
          ),
      );
  };

  app.get(
    '/competitions/:id/assignment-stages',
    {
      schema: {
        tags: ['assignments'],
        summary: "The competition's scored stages (organizer's secretariat)",
        params: competitionIdParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.number(), kind: z.string(), nameId: z.string(), nameEn: z.string() }),
            ),
          }),
        },
      },
    },
    async (req) => {
      await allow(req, req.params.id);
      const stages = await reviewStagesOf(db, req.params.id);
      return { items: stages.map((s) => ({ id: s.id, kind: s.kind, nameId: s.name_id, nameEn: s.name_en })) };
    },
  );

  app.get(
    '/competitions/:id/stages/:stageId/assignments/summary',
    {
      schema: {
        tags: ['assignments'],
        summary: "A scored stage's pool, team with loads, and what may be done (organizer's secretariat)",
        params: stageParams,
        response: { 200: stageAssignmentSummary },
      },
    },
    async (req) => {
      await allow(req, req.params.id);
      const ctx = await read(req.params.id, req.params.stageId);
      const open = closedRefusal(ctx.stage, ctx.competition.time_zone, clock.now()) === null;
      const [stages, categories] = await Promise.all([
        reviewStagesOf(db, req.params.id),
        categoriesOf(db, req.params.id),
      ]);
      return presentSummary(ctx, stages, categories, {
        run: open && ctx.pool.length > 0,
        edit: open,
      });
    },
  );

  app.get(
    '/competitions/:id/stages/:stageId/assignments',
    {
      schema: {
        tags: ['assignments'],
        summary: "A scored stage's assignments, 50 a page (active ones unless `status` says otherwise)",
        params: stageParams,
        querystring: assignmentListQuery,
        response: { 200: assignmentListResponse },
      },
    },
    async (req) => {
      await allow(req, req.params.id);
      const items = itemsOf(await read(req.params.id, req.params.stageId), req.query);
      const page = req.query.page ?? 1;
      return {
        items: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
        total: items.length,
        page,
        pageSize: PAGE_SIZE,
      };
    },
  );

  app.get(
    '/competitions/:id/stages/:stageId/assignments.csv',
    {
      schema: {
        tags: ['assignments'],
        summary: "A scored stage's active assignments as CSV (re-importable)",
        params: stageParams,
      },
    },
    async (req, reply) => {
      await allow(req, req.params.id);
      const ctx = await read(req.params.id, req.params.stageId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="penugasan-${ctx.stage.kind}.csv"`)
        .send(assignmentsCsv(itemsOf(ctx, { status: 'active' })));
    },
  );

  app.post(
    '/competitions/:id/stages/:stageId/assignments/run',
    {
      schema: {
        tags: ['assignments'],
        summary:
          'Run the optimal assignment: every proposal gets the reviewers it lacks, conflict-free, loads balanced, ' +
          'expertise preferred; existing pairs never move; nothing written when impossible (the answer says why)',
        params: stageParams,
        response: { 200: runAssignmentResponse },
      },
    },
    async (req) => {
      const actor = await allow(req, req.params.id);
      const result = await runAssignment(db, {
        competitionId: req.params.id,
        stageId: req.params.stageId,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: config.baseUrl,
        now: clock.now(),
      });
      if (result.placed) app.deps.mail.kick();
      return result;
    },
  );

  app.post(
    '/competitions/:id/stages/:stageId/assignments',
    {
      schema: {
        tags: ['assignments'],
        summary: 'Assign one reviewer to one proposal by hand (checked for conflicts and capacity)',
        params: stageParams,
        body: addAssignmentBody,
        response: { 201: assignmentItemSchema },
      },
    },
    async (req, reply) => {
      const actor = await allow(req, req.params.id);
      const id = await addAssignment(db, {
        competitionId: req.params.id,
        stageId: req.params.stageId,
        proposalId: req.body.proposalId ?? null,
        proposalCode: req.body.proposalCode ?? null,
        reviewerId: req.body.reviewerId,
        overCapacity: req.body.overCapacity ?? false,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: config.baseUrl,
        now: clock.now(),
      });
      app.deps.mail.kick();
      const ctx = await read(req.params.id, req.params.stageId);
      const row = ctx.assignments.find((a) => a.id === id);
      if (!row) throw stageNotFound();
      return reply.code(201).send(presentItems(ctx)(row));
    },
  );

  app.post(
    '/competitions/:id/stages/:stageId/assignments/:assignmentId/withdraw',
    {
      schema: {
        tags: ['assignments'],
        summary:
          'Withdraw an assignment with its reason; for a conflict found after the assignment, record it and ' +
          'assign another reviewer in the same step',
        params: assignmentParams,
        body: withdrawAssignmentBody,
        response: { 200: withdrawAssignmentResponse },
      },
    },
    async (req) => {
      const actor = await allow(req, req.params.id);
      const done = await withdrawAssignment(db, {
        competitionId: req.params.id,
        stageId: req.params.stageId,
        assignmentId: req.params.assignmentId,
        reason: req.body.reason,
        conflict: req.body.conflict ?? false,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: config.baseUrl,
        now: clock.now(),
      });
      app.deps.mail.kick();
      const ctx = await read(req.params.id, req.params.stageId);
      const present = presentItems(ctx);
      const find = (id: number | null) =>
        id === null ? undefined : ctx.assignments.find((a) => a.id === id);
      const withdrawn = find(done.withdrawnId);
      if (!withdrawn) throw stageNotFound();
      const replacement = find(done.replacementId);
      return {
        withdrawn: present(withdrawn),
        replacement: replacement ? present(replacement) : null,
        message: done.message,
      };
    },
  );

  app.post(
    '/competitions/:id/stages/:stageId/assignments/import',
    {
      schema: {
        tags: ['assignments'],
        summary:
          'Assignments from CSV (kode_proposal, email_penilai): a preview with each row checked, then all or nothing',
        params: stageParams,
        body: importAssignmentsBody,
        response: { 200: importAssignmentsResponse },
      },
    },
    async (req) => {
      const actor = await allow(req, req.params.id);
      const result = await importAssignments(db, {
        competitionId: req.params.id,
        stageId: req.params.stageId,
        csv: req.body.csv,
        apply: req.body.apply,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: config.baseUrl,
        now: clock.now(),
      });
      if (result.applied) app.deps.mail.kick();
      return result;
    },
  );
};
