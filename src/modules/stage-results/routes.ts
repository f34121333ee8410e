import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  decideResultsResponse,
  resultsParams,
  resultsProposalParams,
  resultsQuery,
  resultsSettingsBody,
  stageResultsResponse,
  thirdReviewerResponse,
  type StageResults,
} from '../../contracts/stage-results.js';
import { conflict, notFound, t } from '../../domain/errors.js';
import { can, decide } from '../../domain/policy.js';
import { authorize, requireUser } from '../../platform/auth.js';
import { assignExtraReviewer } from '../assignments/commands/assign-extra.js';
import { assertOpenForAssignment } from '../assignments/context.js';
import { reviewStagesOf } from '../assignments/queries.js';
import { findCompetitionRow } from '../competitions/queries.js';
import { decideResults, resultsBlocker } from './commands/decide-results.js';
import { setResultsSettings } from './commands/set-results-settings.js';
import { loadResults } from './load.js';

const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
const PAGE_SIZE = 50;

/** A scored stage's results, for the organizer's secretariat only (another organizer's: 404). */
export const stageResultRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;

  const allow = async (req: FastifyRequest, competitionId: number) => {
    requireUser(req);
    const competition = await findCompetitionRow(db, competitionId);
    if (!competition) throw competitionNotFound();
    const subject = { organizerInstitutionId: competition.organizer_institution_id };
    const d = decide(req.actor, 'stageResults.manage', subject);
    if (!d.allowed && d.reason === 'otherOrganizer') throw competitionNotFound();
    return authorize(req, 'stageResults.manage', subject);
  };

  app.get(
    '/competitions/:id/stages/:stageId/results',
    {
      schema: {
        tags: ['stage results'],
        summary:
          "A scored stage's results as they stand: each proposal's raw and normalized score, the one that counts, " +
          'the pass mark, where the basis changes passing, and whether they can be set',
        params: resultsParams,
        querystring: resultsQuery,
        response: { 200: stageResultsResponse },
      },
    },
    async (req): Promise<StageResults> => {
      await allow(req, req.params.id);
      const r = await loadResults(db, req.params.id, req.params.stageId, clock.now());
      const outcomes = new Map(r.decided.map((d) => [d.proposal_id, d.outcome]));
      const status = req.query.status ?? 'all';
      const needle = req.query.q?.toLowerCase();
      const rows = r.computed.rows
        .map((row) => ({ ...row, outcome: outcomes.get(row.proposal.id) ?? null }))
        .filter((row) =>
          status === 'all' ? true : status === 'changed' ? row.basisChanges : row.status === status,
        )
        .filter(
          (row) =>
            !needle ||
            [row.proposal.code, row.proposal.title, row.proposal.institution].some((s) =>
              s.toLowerCase().includes(needle),
            ),
        )
        .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.proposal.id - b.proposal.id);
      const page = req.query.page ?? 1;
      const blocker = resultsBlocker(r);
      const first = r.decided[0];
      return {
        competition: { id: r.competition.id, name: r.competition.name, timeZone: r.competition.time_zone },
        stage: {
          id: r.stage.id,
          kind: r.stage.kind,
          nameId: r.stage.name_id,
          nameEn: r.stage.name_en,
          closesAt: r.stage.closes_at,
        },
        stages: (await reviewStagesOf(db, req.params.id)).map((s) => ({
          id: s.id,
          kind: s.kind,
          nameId: s.name_id,
          nameEn: s.name_en,
        })),
        rules: {
          reviewersPerProposal: r.rules.reviewersPerProposal,
          aggregation: r.rules.aggregation,
          gapThreshold: r.rules.gapThreshold,
          thirdRule: r.rules.thirdRule,
          passMark: r.rules.passMark,
          basis: r.rules.basis,
        },
        counts: r.computed.counts,
        normalizationNote: r.computed.note,
        decided: first ? { at: first.decided_at, by: first.name } : null,
        blocker,
        rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
        total: rows.length,
        page,
        pageSize: PAGE_SIZE,
        abilities: {
          settings: !first,
          decide: blocker === null,
          exportScores: can(req.actor, 'scores.export', {
            organizerInstitutionId: r.competition.organizer_institution_id,
          }),
        },
      };
    },
  );

  app.put(
    '/competitions/:id/stages/:stageId/results/settings',
    {
      schema: {
        tags: ['stage results'],
        summary:
          "Set the stage's pass mark and which score counts (raw or normalized), before its results are set",
        params: resultsParams,
        body: resultsSettingsBody,
      },
    },
    async (req, reply) => {
      const actor = await allow(req, req.params.id);
      await setResultsSettings(db, {
        competitionId: req.params.id,
        stageId: req.params.stageId,
        passMark: req.body.passMark,
        basis: req.body.basis,
        actorUserId: actor.userId,
        ip: req.ip,
        now: clock.now(),
      });
      return reply.code(204).send();
    },
  );

  app.post(
    '/competitions/:id/stages/:stageId/results/decide',
    {
      schema: {
        tags: ['stage results'],
        summary:
          "Set the stage's results once: proposals at or above the pass mark advance to the next stage, the others stop",
        params: resultsParams,
        response: { 200: decideResultsResponse },
      },
    },
    async (req) => {
      const actor = await allow(req, req.params.id);
      return decideResults(db, {
        competitionId: req.params.id,
        stageId: req.params.stageId,
        actorUserId: actor.userId,
        ip: req.ip,
        now: clock.now(),
      });
    },
  );

  app.post(
    '/competitions/:id/stages/:stageId/results/:proposalId/third',
    {
      schema: {
        tags: ['stage results'],
        summary:
          'Assign the third reviewer of a proposal whose first totals differ by more than the threshold',
        params: resultsProposalParams,
        response: { 200: thirdReviewerResponse },
      },
    },
    async (req) => {
      const actor = await allow(req, req.params.id);
      const result = await db.transaction().execute(async (tx) => {
        const r = await loadResults(tx, req.params.id, req.params.stageId, clock.now(), true);
        assertOpenForAssignment(r.stage, r.competition.time_zone, clock.now());
        if (!r.computed.pendingThird.includes(req.params.proposalId))
          throw conflict(
            'no_third_needed',
            t(
              'Proposal ini tidak sedang menunggu penilai ketiga.',
              'This proposal is not waiting for a third reviewer.',
            ),
          );
        return assignExtraReviewer(tx, {
          competitionId: req.params.id,
          stageId: req.params.stageId,
          proposalId: req.params.proposalId,
          actorUserId: actor.userId,
          ip: req.ip,
          baseUrl: config.baseUrl,
          now: clock.now(),
        });
      });
      if (result.reviewerId) app.deps.mail.kick();
      return { assigned: result.reviewerId !== null, reviewer: result.reviewerName, message: result.message };
    },
  );
};
