import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  selectionParams,
  selectionSummaryResponse,
  type SelectionSummary,
} from '../../contracts/selection-hub.js';
import { notFound, t } from '../../domain/errors.js';
import { decide } from '../../domain/policy.js';
import { authorize, requireUser } from '../../platform/auth.js';
import { selectionSummary, type HubCompetition } from './summary.js';

const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));

/** The selection's hub: the organizer's secretariat (the system administrator may look); others 404. */
export const selectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/competitions/:id/selection',
    {
      schema: {
        tags: ['selection'],
        summary:
          "A competition's selection step by step (administrative check to the certificates): each step's window, " +
          'status, counts and page, with whether the caller may open it',
        params: selectionParams,
        response: { 200: selectionSummaryResponse },
      },
    },
    async (req): Promise<SelectionSummary> => {
      requireUser(req);
      const competition: HubCompetition | undefined = await db
        .selectFrom('competitions')
        .select(['id', 'name', 'year', 'status', 'time_zone', 'organizer_institution_id'])
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!competition) throw competitionNotFound();
      const subject = { organizerInstitutionId: competition.organizer_institution_id };
      const d = decide(req.actor, 'selection.view', subject);
      if (!d.allowed && d.reason === 'otherOrganizer') throw competitionNotFound();
      authorize(req, 'selection.view', subject);
      return selectionSummary(db, competition, req.actor, clock.now());
    },
  );
};
