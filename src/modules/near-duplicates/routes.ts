import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { competitionIdParams } from '../../contracts/competitions.js';
import {
  checkRequestedResponse,
  competitionChecksResponse,
  matchDecisionBody,
  matchIdParams,
  proposalMatchesResponse,
} from '../../contracts/near-duplicates.js';
import { proposalIdParams } from '../../contracts/proposals.js';
import { AppError, notFound, t } from '../../domain/errors.js';
import { ORGANIZER_VISIBLE_STATES, RECEIVED_STATES } from '../../domain/proposal-workflow.js';
import { CONFIRM_CONSEQUENCE } from '../../domain/near-duplicates/describe.js';
import { whyNot } from '../../domain/policy.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize, requireUser } from '../../platform/auth.js';
import { decideMatch } from './commands/decide-match.js';
import { scheduleNearDuplicateCheck } from './job.js';
import { presentMatches, presentRun } from './present.js';
import { competitionOf, matchCountsOf, proposalScope } from './queries.js';

const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
const proposalNotFound = () => notFound(t('Proposal tidak ditemukan.', 'Proposal not found.'));
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
 * Near-duplicates at the administrative check (issue 14 point 5): the competition's check run on demand
 * ("Periksa kemiripan", 202 and a background job), its state, one proposal's matches with the passages
 * side by side, and the decision on a match. Only the competition organizer's secretariat (policy
 * `adminCheck.work`): another organizer's secretariat gets 404, any other role 403.
 */
export const nearDuplicateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  /** Throws 404 for another organizer's secretariat, 403 for another role. */
  const mayWork = (req: FastifyRequest, organizerInstitutionId: number, gone: () => Error) => {
    const subject = { organizerInstitutionId };
    if (whyNot(req.actor!, 'adminCheck.work', subject) === 'otherOrganizer') throw gone();
    authorize(req, 'adminCheck.work', subject);
  };

  const competitionFor = async (req: FastifyRequest, id: number) => {
    requireUser(req);
    const c = await competitionOf(db, id);
    if (!c) throw competitionNotFound();
    mayWork(req, c.organizer_institution_id, competitionNotFound);
    return c;
  };

  app.post(
    '/competitions/:id/near-duplicates/check',
    {
      schema: {
        tags: ['admin-check'],
        summary:
          '"Periksa kemiripan": runs the near-duplicate check of the competition in the background (202)',
        params: competitionIdParams,
        response: { 202: checkRequestedResponse },
      },
    },
    async (req, reply) => {
      const c = await competitionFor(req, req.params.id);
      const now = clock.now();
      const jobId = await db.transaction().execute(async (tx) => {
        const id = await scheduleNearDuplicateCheck(tx, c.id, now);
        await recordAudit(tx, {
          actorUserId: req.actor!.userId,
          action: 'near_duplicates.check_requested',
          entityType: 'competition',
          entityId: c.id,
          summary: { jobId: id },
          scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
          ip: req.ip,
          now,
        });
        return id;
      });
      app.deps.mail.kick();
      return reply.code(202).send({ jobId, status: 'pending' });
    },
  );

  app.get(
    '/competitions/:id/near-duplicates',
    {
      schema: {
        tags: ['admin-check'],
        summary: "The state of the competition's near-duplicate check and its matches by decision",
        params: competitionIdParams,
        response: { 200: competitionChecksResponse },
      },
    },
    async (req) => {
      const c = await competitionFor(req, req.params.id);
      const counts = await matchCountsOf(db, c.id);
      return { run: await presentRun(db, c.id), counts, abilities: { check: true } };
    },
  );

  const matchesOf = async (req: FastifyRequest, proposalId: number) => {
    requireUser(req);
    const p = await proposalScope(db, proposalId);
    // What has not left its institution is not the organizer's to see.
    if (!p || !ORGANIZER_VISIBLE_STATES.includes(p.state)) throw proposalNotFound();
    mayWork(req, p.organizer_institution_id, proposalNotFound);
    if (!RECEIVED_STATES.includes(p.state)) throw notInCheck();
    const organizer = p.organizer_institution_id;
    return {
      proposalId,
      run: await presentRun(db, p.competition_id),
      matches: await presentMatches(db, proposalId, organizer),
      consequence: CONFIRM_CONSEQUENCE,
      abilities: { decide: true, check: true },
    };
  };

  app.get(
    '/admin-checks/:id/near-duplicates',
    {
      schema: {
        tags: ['admin-check'],
        summary: "One proposal's near-duplicate matches, the shared passages side by side",
        params: proposalIdParams,
        response: { 200: proposalMatchesResponse },
      },
    },
    async (req) => matchesOf(req, req.params.id),
  );

  app.post(
    '/near-duplicate-matches/:id/decision',
    {
      schema: {
        tags: ['admin-check'],
        summary:
          'Confirms a match as the same innovation (eligibility counts its awards) or dismisses it with a note',
        params: matchIdParams,
        body: matchDecisionBody,
        response: { 200: proposalMatchesResponse },
      },
    },
    async (req) => {
      requireUser(req);
      const gone = () =>
        notFound(t('Kemiripan proposal tidak ditemukan.', 'Near-duplicate match not found.'));
      const r = await decideMatch(db, {
        matchId: req.params.id,
        decision: req.body.decision,
        note: req.body.note,
        authorize: (organizer) => mayWork(req, organizer, gone),
        actorUserId: req.actor!.userId,
        ip: req.ip,
        now: clock.now(),
      });
      return matchesOf(req, req.body.proposalId ?? r.proposalId);
    },
  );
};
