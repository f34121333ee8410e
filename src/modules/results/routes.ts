import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  decisionBody,
  decisionParams,
  finalPanelSettingsBody,
  finalPanelSettingsSchema,
  plenaryQuery,
  plenaryResponse,
  publishResultsBody,
  publishResultsResponse,
  resultsParams,
  type PlenaryResponse,
} from '../../contracts/results.js';
import { notFound, t } from '../../domain/errors.js';
import { can, decide, type Action } from '../../domain/policy.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import { certificateRendering } from '../certificates/rendering.js';
import { findCompetitionRow } from '../competitions/queries.js';
import { forgetVocabulary } from '../gallery/search.js';
import { publishResults } from './commands/publish-results.js';
import { recordDecision } from './commands/record-decision.js';
import { saveFinalPanelSettings } from './commands/save-settings.js';
import { competitionNotFound, loadResultsContext } from './context.js';
import { buildPlenary, type PlenaryInputs } from './plenary.js';
import { forgetResults, publicResultsJson } from './public.js';

/**
 * The final session and the results (issue 13 points 4–6): the plenary view (the competition's panelists
 * and its organizer's secretariat), the panel's decisions, the session's settings and the publication
 * (the secretariat), and the public results. Outside the caller's scope: 404. `inputs` are the field
 * findings and public ratings of the other parts of issue 13, wired by the app once they exist.
 */
export const resultRoutes: FastifyPluginAsyncZod<{ inputs?: PlenaryInputs }> = async (app, opts) => {
  const { db, clock, config, storage } = app.deps;
  const inputs = opts.inputs ?? {};
  /** The PDFs of the certificates the publication issued, made in the export pool after it. */
  const renderCertificatesOf = certificateRendering(
    db,
    { storage, renderer: app.deps.exports, certificateKey: config.certificateKey, baseUrl: config.baseUrl },
    app.log,
  );

  /** The competition for an action, 404 when the caller is outside its scope (another organizer/panel). */
  const load = async <A extends 'results.view' | 'results.decide' | 'results.manage'>(
    req: FastifyRequest,
    id: number,
    action: A,
  ) => {
    const { actor } = requireUser(req);
    const competition = await findCompetitionRow(db, id);
    if (!competition) throw competitionNotFound();
    const view = decide(actor, 'results.view', {
      organizerInstitutionId: competition.organizer_institution_id,
      competitionId: competition.id,
    });
    if (!view.allowed && (view.reason === 'otherOrganizer' || view.reason === 'otherCompetition'))
      throw competitionNotFound();
    const subject = {
      organizerInstitutionId: competition.organizer_institution_id,
      competitionId: competition.id,
    };
    authorize(req, action as Action, subject as never);
    return { actor, competition, subject };
  };

  app.get(
    '/competitions/:id/final-session',
    {
      schema: {
        tags: ['results'],
        summary:
          "The panel's plenary view: per group each finalist's score from every scored stage, the reviewers' notes, " +
          'field findings and public ratings when available, the staged decisions against the places, and what blocks publishing',
        params: resultsParams,
        querystring: plenaryQuery,
        response: { 200: plenaryResponse },
      },
    },
    async (req): Promise<PlenaryResponse> => {
      const { actor, competition, subject } = await load(req, req.params.id, 'results.view');
      const ctx = await loadResultsContext(db, competition);
      const view = await buildPlenary(db, ctx, req.query.sort ?? 'presentation', inputs, clock.now());
      const open = view.published === null;
      return {
        ...view,
        abilities: {
          decide: open && can(actor, 'results.decide', subject),
          manage: open && can(actor, 'results.manage', subject),
          publish: open && view.missing.length === 0 && can(actor, 'results.manage', subject),
        },
      };
    },
  );

  app.put(
    '/competitions/:id/final-session/settings',
    {
      schema: {
        tags: ['results'],
        summary:
          "The final session's awards per group (places, registry level, names) and the award ceremony's details, checked field by field",
        params: resultsParams,
        body: finalPanelSettingsBody,
        response: { 200: finalPanelSettingsSchema },
      },
    },
    async (req) => {
      const { actor, competition } = await load(req, req.params.id, 'results.manage');
      return saveFinalPanelSettings(db, {
        competition,
        body: req.body,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
    },
  );

  app.put(
    '/competitions/:id/final-session/decisions/:proposalId',
    {
      schema: {
        tags: ['results'],
        summary:
          "A panelist records the panel's decision on one finalist (award or not awarded) with the reason; staged until published",
        params: decisionParams,
        body: decisionBody,
      },
    },
    async (req) => {
      const { actor, competition } = await load(req, req.params.id, 'results.decide');
      const row = await recordDecision(db, {
        competition,
        proposalId: req.params.proposalId,
        body: req.body,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
      return { awardKey: row.award_key, reason: row.reason, decidedAt: row.decided_at, version: row.version };
    },
  );

  app.post(
    '/competitions/:id/final-session/publish',
    {
      schema: {
        tags: ['results'],
        summary:
          'Publish the results with the decree (once, cannot be undone): the public results page and letter, the award ' +
          'registry rows, a notice to every admin lokal and UPP of a finalist',
        params: resultsParams,
        body: publishResultsBody,
        response: { 200: publishResultsResponse },
      },
    },
    async (req) => {
      const { actor, competition } = await load(req, req.params.id, 'results.manage');
      const r = await publishResults(db, {
        competition,
        decreeNumber: req.body.decreeNumber,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
        baseUrl: config.baseUrl,
      });
      forgetResults(db, competition.id);
      forgetVocabulary(db);
      if (r.certificates) void renderCertificatesOf(competition.id);
      app.deps.mail.kick();
      return r;
    },
  );

  app.get(
    '/competitions/:id/results',
    {
      config: { public: true },
      schema: {
        tags: ['results'],
        summary:
          "A competition's published results per group, with the decree and the award ceremony (public; 404 before)",
        params: resultsParams,
      },
    },
    async (req, reply) => {
      const c = await findCompetitionRow(db, req.params.id);
      if (!c || c.status === 'draft') throw competitionNotFound();
      const json = await publicResultsJson(db, c);
      if (json === null) throw notFound(t('Hasil belum diumumkan.', 'The results have not been published.'));
      return reply
        .type('application/json; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(json);
    },
  );
};
