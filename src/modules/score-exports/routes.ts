import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scoreSheetParams, scoresExportParams, scoresExportQuery } from '../../contracts/score-exports.js';
import { notFound, t } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { IN_JUDGING_STATES } from '../../domain/proposal-workflow.js';
import { recordRead } from '../../platform/audit-reads.js';
import { clientIp, requireUser } from '../../platform/auth.js';
import { findReviewStage } from '../assignments/context.js';
import { findCompetitionRow } from '../competitions/queries.js';
import { assignmentNotFound, evaluationSubject, findAssignment } from '../review/queries.js';
import {
  evaluationColumns,
  evaluationRows,
  mostReviewers,
  proposalColumns,
  proposalSheetInput,
  stageCriteria,
} from './scores-xlsx.js';
import { parseSettings } from '../../domain/deadlines.js';
import { reviewSettingsOf } from '../../domain/review-settings.js';
import { loadScoreSheet } from './sheet.js';
import { zoneAbbreviation } from '../../domain/time.js';

const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * The selection's exports (issue 12 point 9): every score of a scored stage as XLSX (the organizer's
 * secretariat; evaluators never: the scores are blind), and one submitted evaluation's score sheet as PDF
 * (its evaluator, or the organizer's secretariat). Both are made in the export pool; anything outside the
 * caller's scope answers 404.
 */
export const scoreExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/competitions/:id/stages/:stageId/scores.xlsx',
    {
      schema: {
        tags: ['stage results'],
        summary:
          "Every score of a scored stage as XLSX (the organizer's secretariat): one row per evaluation with each " +
          "criterion's score, weight, evidence and comment; a second sheet per proposal with its evaluators' " +
          'totals, raw and normalized scores, the score that counts, the third reviewer, the pass and the outcome',
        params: scoresExportParams,
        querystring: scoresExportQuery,
      },
    },
    async (req, reply) => {
      const { actor, user } = requireUser(req);
      const competition = await findCompetitionRow(db, req.params.id);
      if (
        !competition ||
        !can(actor, 'scores.export', { organizerInstitutionId: competition.organizer_institution_id })
      )
        throw competitionNotFound();
      const stage = await findReviewStage(db, competition.id, req.params.stageId);
      const lang = req.query.lang ?? user.locale ?? 'id';
      const tz = competition.time_zone;
      const criteria = await stageCriteria(db, stage);
      const { exports } = app.deps;
      const turn = () => exports.turn();
      async function* batches() {
        for await (const rows of evaluationRows(db, stage, criteria, lang, tz, turn))
          yield { sheet: 0, rows };
        await turn();
        // The results per proposal are computed in the pool's thread, from plain data read here.
        const input = await proposalSheetInput(db, competition!.id, stage, most, lang, turn, clock.now());
        yield { sheet: 1, compute: { kind: 'proposalRows' as const, input } };
      }
      // The second sheet has a pair of columns per evaluator place: as many as the busiest proposal has.
      const k = reviewSettingsOf(parseSettings(stage.settings), stage.kind).reviewersPerProposal;
      const most = await mostReviewers(db, stage, k);
      const sheets = [
        {
          name: lang === 'id' ? 'Penilaian' : 'Evaluations',
          columns: evaluationColumns(criteria.columns, lang, zoneAbbreviation(tz)),
        },
        { name: 'Per proposal', columns: proposalColumns(most, lang) },
      ];
      const body = exports.workbook(user.id, sheets, batches());
      await recordRead(db, {
        actorUserId: actor.userId,
        action: 'scores.exported',
        entityType: 'stage',
        entityId: stage.id,
        summary: { stage: stage.kind, lang },
        scope: {
          competitionId: competition.id,
          organizerInstitutionId: competition.organizer_institution_id,
        },
        ip: clientIp(req),
        now: clock.now(),
      });
      const stamp = clock.now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
      const name = fileSafe(`sinovik-nilai-${stage.kind}-${competition.id}-${stamp}.xlsx`);
      return reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .type(XLSX_TYPE)
        .send(body);
    },
  );

  app.get(
    '/review/assignments/:id/score-sheet.pdf',
    {
      schema: {
        tags: ['review'],
        summary:
          "One submitted evaluation's score sheet as a PDF (its evaluator, or the organizer's secretariat): each " +
          'criterion with weight, score, evidence and comment, the weighted total, submitted with hour and zone; ' +
          '409 evaluation_not_submitted for a draft',
        params: scoreSheetParams,
      },
    },
    async (req, reply) => {
      const { actor, user } = requireUser(req);
      const c = await findAssignment(db, req.params.id);
      if (!c) throw assignmentNotFound();
      const organizer = { organizerInstitutionId: c.competition.organizer_institution_id };
      if (!can(actor, 'evaluation.sheet', { ...evaluationSubject(c), ...organizer }))
        throw assignmentNotFound();
      // The evaluator reads it while the proposal is in judging, as the scoring itself.
      if (!can(actor, 'scores.export', organizer) && !IN_JUDGING_STATES.includes(c.proposal.state))
        throw assignmentNotFound();
      const input = await loadScoreSheet(db, c, clock.now());
      const pdf = await app.deps.exports.scoreSheetPdf(user.id, input);
      await recordRead(db, {
        actorUserId: actor.userId,
        action: 'evaluation.sheet_downloaded',
        entityType: 'review_assignment',
        entityId: c.assignment.id,
        summary: { code: c.proposal.code, stage: c.stage.kind },
        scope: { competitionId: c.competition.id, organizerInstitutionId: organizer.organizerInstitutionId },
        ip: clientIp(req),
        now: clock.now(),
      });
      const name = fileSafe(`lembar-nilai-${c.proposal.code}-${c.stage.kind}.pdf`);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-length', String(pdf.length))
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
};
