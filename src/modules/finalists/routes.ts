import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  computeFinalistsResponse,
  finalistSettingsBody,
  finalistSettingsSchema,
  finalistsParams,
  finalistsQuery,
  finalistsResponse,
  fixFinalistsBody,
  fixFinalistsResponse,
  publishFinalistsBody,
  publishFinalistsResponse,
} from '../../contracts/finalists.js';
import { decide } from '../../domain/policy.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import { computeFinalists } from './commands/compute-finalists.js';
import { fixFinalList } from './commands/fix-final.js';
import { publishProvisional } from './commands/publish-provisional.js';
import { saveFinalistSettings } from './commands/save-settings.js';
import { competitionNotFound, findCompetition, loadContext } from './queries.js';
import { finalistsView } from './view.js';

const summaryOf = (a: {
  id: number;
  kind: string;
  letter_number: string;
  published_at: string;
  entries: string;
}) => ({
  id: a.id,
  kind: a.kind,
  letterNumber: a.letter_number,
  publishedAt: a.published_at,
  entries: (JSON.parse(a.entries) as unknown[]).length,
});

/**
 * The finalists (issue 12 points 7–8), for the organizer's secretariat only (`finalists.manage`; another
 * organizer's secretariat: 404; everyone else: 403/401): settings, compute, publish the provisional list,
 * fix the final one.
 */
export const finalistRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;

  const allow = async (req: FastifyRequest, competitionId: number) => {
    requireUser(req);
    const competition = await findCompetition(db, competitionId);
    if (!competition) throw competitionNotFound();
    const subject = { organizerInstitutionId: competition.organizer_institution_id };
    const d = decide(req.actor, 'finalists.manage', subject);
    if (!d.allowed && d.reason === 'otherOrganizer') throw competitionNotFound();
    const actor = authorize(req, 'finalists.manage', subject);
    return { actor, competition };
  };

  app.get(
    '/competitions/:id/finalists',
    {
      schema: {
        tags: ['finalists'],
        summary:
          "The finalists page: settings, the staged selection beside the plain top N, quota outcomes, each candidate's " +
          'explanation (filtered, searched, paged) and, after the provisional list, whether the final list can be fixed',
        params: finalistsParams,
        querystring: finalistsQuery,
        response: { 200: finalistsResponse },
      },
    },
    async (req) => {
      const { competition } = await allow(req, req.params.id);
      const ctx = await loadContext(db, competition);
      const view = await finalistsView(db, ctx, req.query, clock.now());
      const s = view.selection;
      const open = !s?.provisional;
      return {
        ...view,
        abilities: {
          edit: open,
          compute: open && view.evidenceStage.decided,
          publish: open && !!s && s.feasible && !s.stale,
          fix: !!view.closing?.ready,
        },
      };
    },
  );

  app.put(
    '/competitions/:id/finalists/settings',
    {
      schema: {
        tags: ['finalists'],
        summary:
          'Save the finalists settings (N per group, pass mark, quotas, 3T regions), checked field by field',
        params: finalistsParams,
        body: finalistSettingsBody,
        response: { 200: finalistSettingsSchema },
      },
    },
    async (req) => {
      const { actor, competition } = await allow(req, req.params.id);
      return saveFinalistSettings(db, {
        competition,
        body: req.body,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
    },
  );

  app.post(
    '/competitions/:id/finalists/compute',
    {
      schema: {
        tags: ['finalists'],
        summary:
          'Compute the finalists exactly (off the event loop) and stage the selection with its explanations',
        params: finalistsParams,
        response: { 200: computeFinalistsResponse },
      },
    },
    async (req) => {
      const { actor, competition } = await allow(req, req.params.id);
      const r = await computeFinalists(db, {
        competition,
        solve: (input) => app.deps.exports.finalists(actor.userId, input),
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
      const res = r.result;
      return {
        version: r.version,
        feasible: res.feasible,
        selected: res.selected.length,
        added: res.feasible ? res.addedByQuotas.length : 0,
        removed: res.feasible ? res.removedByQuotas.length : 0,
        candidates: r.candidates,
        problemText: res.feasible ? null : res.text,
      };
    },
  );

  app.post(
    '/competitions/:id/finalists/publish',
    {
      schema: {
        tags: ['finalists'],
        summary:
          'Publish the provisional finalists: shortlist each selected proposal, the public announcement; the uji publik opens',
        params: finalistsParams,
        body: publishFinalistsBody,
        response: { 200: publishFinalistsResponse },
      },
    },
    async (req) => {
      const { actor, competition } = await allow(req, req.params.id);
      const r = await publishProvisional(db, {
        competition,
        body: req.body,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
      return { announcement: summaryOf(r.announcement), moved: r.moved };
    },
  );

  app.post(
    '/competitions/:id/finalists/final',
    {
      schema: {
        tags: ['finalists'],
        summary:
          'Fix the final finalists after the uji publik with the decree number: the announcement and a notice to every admin lokal',
        params: finalistsParams,
        body: fixFinalistsBody,
        response: { 200: fixFinalistsResponse },
      },
    },
    async (req) => {
      const { actor, competition } = await allow(req, req.params.id);
      const r = await fixFinalList(db, {
        competition,
        body: req.body,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
        baseUrl: config.baseUrl,
      });
      app.deps.mail.kick();
      return {
        announcement: summaryOf(r.announcement),
        finalists: r.finalists,
        removed: r.removed,
        mails: r.mails,
        institutions: r.institutions,
      };
    },
  );
};
