import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  competitionIdParams,
  excludeBody,
  ratingReportResponse,
  ratingWindowSchema,
  setWindowBody,
} from '../../contracts/public-ratings.js';
import { notFound, t } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { requireUser } from '../../platform/auth.js';
import { excludeGroup } from './commands/exclude-group.js';
import { setRatingWindow } from './commands/set-window.js';
import { presentWindow } from './window-view.js';
import { findRatingCompetition } from './queries.js';
import { ratingReport } from './report.js';

const notYours = () =>
  notFound(
    t('Penilaian publik kompetisi ini tidak ditemukan.', "This competition's public rating was not found."),
  );

/** Public participation, the organizer's and the panel's side: window, summary and anomalies, exclusion. */
export const publicRatingRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The competition, when the caller may do `manage` (or only view) with it; else 404. */
  const load = async (id: number, actor: Parameters<typeof can>[0], need: 'view' | 'manage') => {
    const c = await findRatingCompetition(app.deps.db, id);
    if (!c) throw notYours();
    const subject = { organizerInstitutionId: c.organizerInstitutionId, competitionId: c.id };
    const manage = can(actor, 'publicRating.manage', subject);
    if (!(need === 'manage' ? manage : can(actor, 'publicRating.view', subject))) throw notYours();
    return { c, manage };
  };

  app.get(
    '/competitions/:id/public-ratings',
    {
      schema: {
        tags: ['public-ratings'],
        summary:
          "The public's ratings of the finalists (an input to the panel, never the decision), the anomaly report and the exclusions: the organizer's secretariat and the competition's panel",
        params: competitionIdParams,
        response: { 200: ratingReportResponse },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const { c, manage } = await load(req.params.id, actor, 'view');
      return ratingReport(app.deps.db, c, app.deps.clock.now(), manage);
    },
  );

  app.put(
    '/competitions/:id/public-ratings/window',
    {
      schema: {
        tags: ['public-ratings'],
        summary: "Set the public-rating window (on/off, opens, closes): the organizer's secretariat",
        params: competitionIdParams,
        body: setWindowBody,
        response: { 200: ratingWindowSchema },
      },
    },
    async (req) => {
      const { user, actor } = requireUser(req);
      const { c } = await load(req.params.id, actor, 'manage');
      await setRatingWindow(app.deps.db, {
        competition: c,
        window: req.body,
        actorUserId: user.id,
        ip: req.ip,
        now: app.deps.clock.now(),
      });
      const after = await findRatingCompetition(app.deps.db, c.id);
      return presentWindow(after!, app.deps.clock.now());
    },
  );

  app.post(
    '/competitions/:id/public-ratings/exclusions',
    {
      schema: {
        tags: ['public-ratings'],
        summary:
          "Exclude a flagged group's ratings from the shown mean, with a reason (audited): the organizer's secretariat",
        params: competitionIdParams,
        body: excludeBody,
        response: { 201: z.object({ exclusionId: z.number(), ratings: z.number() }) },
      },
    },
    async (req, reply) => {
      const { user, actor } = requireUser(req);
      const { c } = await load(req.params.id, actor, 'manage');
      const out = await excludeGroup(app.deps.db, {
        competition: c,
        groupKey: req.body.groupKey,
        reason: req.body.reason,
        actorUserId: user.id,
        ip: req.ip,
        now: app.deps.clock.now(),
      });
      reply.code(201);
      return out;
    },
  );
};
