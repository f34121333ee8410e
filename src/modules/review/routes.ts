import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assignmentAttachmentParams,
  assignmentIdParams,
  progressQuery,
  progressResponse,
  rubricResponse,
  saveEvaluationBody,
  saveEvaluationResponse,
  scoringViewResponse,
  stageParams,
  submitEvaluationBody,
  workListResponse,
} from '../../contracts/review.js';
import { reviewerSheetsParams, reviewerSheetsResponse } from '../../contracts/review-sheets.js';
import { contentDisposition } from '../../domain/attachments.js';
import { notFound, t } from '../../domain/errors.js';
import { can, decide } from '../../domain/policy.js';
import { isReviewStage } from '../../domain/review-settings.js';
import { recordRead } from '../../platform/audit-reads.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import { findCompetitionRow } from '../competitions/queries.js';
import { loadProposalView } from '../proposals/view.js';
import { prepareRubric } from './commands/prepare-rubric.js';
import { evaluationScope, rubricFor } from './commands/save-evaluation.js';
import { saveEvaluation } from './commands/save-evaluation.js';
import { submitEvaluation } from './commands/submit-evaluation.js';
import { scoringView } from './present.js';
import { criterionOf, stageSummary } from './stage-view.js';
import { reviewProgress } from './progress.js';
import { loadOwnAssignment } from './queries.js';
import { reviewerSheets } from './sheets.js';
import { stageHasEvaluations } from './rubric.js';
import { workList } from './work.js';

const stageNotFound = () => notFound(t('Tahap penilaian tidak ditemukan.', 'Review stage not found.'));
const fileNotFound = () => notFound(t('Berkas tidak ditemukan.', 'File not found.'));

/**
 * The review engine's scoring (issue 12 point 4): the evaluator's work list and scoring of their own
 * assignments (anything else answers 404), and the secretariat's rubric and progress of a review stage.
 */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, storage } = app.deps;

  /** A review stage of a competition whose organizer's secretariat the caller is, else 404. */
  const loadStage = async (req: FastifyRequest, competitionId: number, stageId: number) => {
    const { actor } = requireUser(req);
    const competition = await findCompetitionRow(db, competitionId);
    if (
      !competition ||
      !can(actor, 'review.progress', { organizerInstitutionId: competition.organizer_institution_id })
    )
      throw stageNotFound();
    const stage = await db
      .selectFrom('stages')
      .selectAll()
      .where('id', '=', stageId)
      .where('competition_id', '=', competition.id)
      .executeTakeFirst();
    if (!stage || !isReviewStage(stage.kind)) throw stageNotFound();
    return { competition, stage };
  };

  app.get(
    '/review/work',
    {
      schema: {
        tags: ['review'],
        summary:
          "The evaluator's work list: their active assignments per competition and review stage, each with its " +
          'status (not started, draft, submitted) and the stage closing',
        response: { 200: workListResponse },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      return workList(db, actor, clock.now());
    },
  );

  app.get(
    '/review/assignments/:id',
    {
      schema: {
        tags: ['review'],
        summary:
          'One assignment to score: the proposal read-only with its evidence, the rubric, the own evaluation, ' +
          "and the other reviewers' evaluations once the stage lets them be seen (the holder of the active assignment)",
        params: assignmentIdParams,
        response: { 200: scoringViewResponse },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const c = await loadOwnAssignment(db, actor, req.params.id, 'evaluation.view');
      const criteria = await db.transaction().execute((tx) => rubricFor(tx, c));
      return scoringView(db, c, criteria, actor, clock.now());
    },
  );

  app.put(
    '/review/assignments/:id/evaluation',
    {
      schema: {
        tags: ['review'],
        summary:
          'Autosaves scores of the own evaluation (value 0–100, comment, whether the evidence supports it) with ' +
          'the version (409 evaluation_changed when stale, 409 evaluation_submitted once submitted, 409 stage_closed)',
        params: assignmentIdParams,
        body: saveEvaluationBody,
        response: { 200: saveEvaluationResponse },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      return saveEvaluation(db, {
        assignmentId: req.params.id,
        actor,
        body: req.body,
        ip: clientIp(req),
        now: clock.now(),
      });
    },
  );

  app.post(
    '/review/assignments/:id/submit',
    {
      schema: {
        tags: ['review'],
        summary: 'Submits the own evaluation: every criterion scored, the weighted total stored, then locked',
        params: assignmentIdParams,
        body: submitEvaluationBody,
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const { thirdAssigned, ...done } = await submitEvaluation(db, {
        assignmentId: req.params.id,
        actor,
        version: req.body.version,
        ip: clientIp(req),
        baseUrl: app.deps.config.baseUrl,
        now: clock.now(),
      });
      if (thirdAssigned) app.deps.mail.kick();
      return done;
    },
  );

  app.get(
    '/review/assignments/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['review'],
        summary:
          'An evidence file of the assigned proposal, shown inline beside the text (the holder of the active assignment)',
        params: assignmentAttachmentParams,
      },
    },
    async (req, reply) => {
      const { actor } = requireUser(req);
      const c = await loadOwnAssignment(db, actor, req.params.id, 'evaluation.view');
      const view = await loadProposalView(db, c.proposal.id);
      const a = view?.attachments.find((x) => x.id === req.params.attachmentId);
      if (!a || !(await storage.exists(a.storageKey))) throw fileNotFound();
      await recordRead(db, {
        actorUserId: actor.userId,
        action: 'attachment.downloaded',
        entityType: 'proposal',
        entityId: c.proposal.id,
        summary: { code: c.proposal.code, attachmentId: a.id, name: a.name, assignmentId: c.assignment.id },
        scope: evaluationScope(c),
        ip: clientIp(req),
        now: clock.now(),
      });
      const bytes = await storage.openRead(a.storageKey);
      return reply
        .header('Content-Type', a.mime)
        .header('Content-Length', String(a.size))
        .header('Content-Disposition', contentDisposition(a.name).replace(/^attachment/, 'inline'))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .send(bytes);
    },
  );

  app.get(
    '/competitions/:id/stages/:stageId/rubric',
    {
      schema: {
        tags: ['review'],
        summary: "A review stage's rubric per group, read-only (the organizer's secretariat)",
        params: stageParams,
        response: { 200: rubricResponse },
      },
    },
    async (req) => {
      const { competition, stage } = await loadStage(req, req.params.id, req.params.stageId);
      const groups = await db
        .selectFrom('competition_groups')
        .select(['id', 'key', 'name_id', 'name_en'])
        .where('competition_id', '=', competition.id)
        .orderBy('position')
        .execute();
      const criteria = await db
        .selectFrom('rubric_criteria')
        .selectAll()
        .where('stage_id', '=', stage.id)
        .orderBy('position')
        .execute();
      const sections = new Map(
        (
          await db
            .selectFrom('form_sections')
            .select(['id', 'key'])
            .where('group_id', 'in', groups.length ? groups.map((g) => g.id) : [0])
            .execute()
        ).map((s) => [s.id, s.key]),
      );
      const locked = await stageHasEvaluations(db, stage.id);
      return {
        stage: stageSummary(stage, competition, clock.now()),
        groups: groups.map((g) => {
          const mine = criteria.filter((c) => c.group_id === g.id);
          return {
            id: g.id,
            key: g.key,
            nameId: g.name_id,
            nameEn: g.name_en,
            criteria: mine.map((c) => criterionOf(c, sections)),
            totalWeight: mine.reduce((s, c) => s + c.weight, 0),
          };
        }),
        prepared: criteria.length > 0,
        locked,
        abilities: {
          prepare:
            !locked &&
            can(req.actor, 'review.manage', {
              organizerInstitutionId: competition.organizer_institution_id,
            }),
        },
      };
    },
  );

  app.post(
    '/competitions/:id/stages/:stageId/rubric',
    {
      schema: {
        tags: ['review'],
        summary:
          "Siapkan rubrik: materialises the stage's rubric from the groups' forms (idempotent; 409 rubric_in_use " +
          'once evaluations exist and the forms changed)',
        params: stageParams,
      },
    },
    async (req) => {
      const { competition, stage } = await loadStage(req, req.params.id, req.params.stageId);
      if (!can(req.actor, 'review.manage', { organizerInstitutionId: competition.organizer_institution_id }))
        throw stageNotFound();
      return prepareRubric(db, {
        competition,
        stage,
        actorUserId: req.actor!.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
    },
  );

  app.get(
    '/competitions/:id/stages/:stageId/progress',
    {
      schema: {
        tags: ['review'],
        summary:
          "A review stage's progress per reviewer and per proposal, with totals once submitted (the organizer's secretariat)",
        params: stageParams,
        querystring: progressQuery,
        response: { 200: progressResponse },
      },
    },
    async (req) => {
      const { competition, stage } = await loadStage(req, req.params.id, req.params.stageId);
      const progress = await reviewProgress(db, competition, stage, req.query, clock.now());
      const organizer = { organizerInstitutionId: competition.organizer_institution_id };
      return { ...progress, abilities: { exportScores: can(req.actor, 'scores.export', organizer) } };
    },
  );

  app.get(
    '/competitions/:id/stages/:stageId/proposals/:proposalId/sheets',
    {
      schema: {
        tags: ['review'],
        summary:
          "Every reviewer's score sheet of one proposal in a review stage, by name (the organizer's secretariat, " +
          'as the XLSX of the scores: `scores.export`); scores once submitted. Another organizer: 404',
        params: reviewerSheetsParams,
        response: { 200: reviewerSheetsResponse },
      },
    },
    async (req) => {
      requireUser(req);
      // Named scores are the secretariat's (`scores.export`): another organizer's hears 404, another role 403.
      const found = await findCompetitionRow(db, req.params.id);
      if (!found) throw stageNotFound();
      const organizer = { organizerInstitutionId: found.organizer_institution_id };
      const d = decide(req.actor, 'scores.export', organizer);
      if (!d.allowed && d.reason === 'otherOrganizer') throw stageNotFound();
      authorize(req, 'scores.export', organizer);
      const { competition, stage } = await loadStage(req, req.params.id, req.params.stageId);
      const sheets = await reviewerSheets(db, competition, stage, req.params.proposalId);
      if (!sheets) throw notFound(t('Proposal tidak ditemukan.', 'Proposal not found.'));
      return sheets;
    },
  );
};
