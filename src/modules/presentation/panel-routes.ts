import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentationParams, sessionParams } from '../../contracts/presentation.js';
import { notFound, t } from '../../domain/errors.js';
import { decide } from '../../domain/policy.js';
import { authorize, requireUser } from '../../platform/auth.js';
import { liveSession, mySessions } from './live.js';
import { finalistsPerSession, seatedIn } from './participant-queries.js';
import { competitionNotFound, findCompetition, loadContext } from './queries.js';

/*
 * The panelist's sessions (issue 13 point 2): the sessions the panelist sits in, and one session live
 * (slots in order, the current one by the server's time, each finalist's upload, "Nilai" or "Abstain").
 * A panelist of another competition: 404; a panelist not seated in the session: 404; other roles: 403.
 */

const sessionNotFound = () => notFound(t('Sesi tidak ditemukan.', 'Session not found.'));

export const presentationPanelRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  const competitionFor = async (req: Parameters<typeof requireUser>[0], id: number, seated: boolean) => {
    requireUser(req);
    const competition = await findCompetition(db, id);
    if (!competition) throw competitionNotFound();
    const subject = { competitionId: competition.id, seated };
    const d = decide(req.actor, 'presentation.sit', subject);
    if (!d.allowed && d.reason === 'otherCompetition') throw competitionNotFound();
    if (!d.allowed && d.reason === 'notAssigned') throw sessionNotFound();
    return { actor: authorize(req, 'presentation.sit', subject), competition };
  };

  app.get(
    '/panel/competitions/:id/sessions',
    {
      schema: {
        tags: ['presentation'],
        summary:
          "The presentation sessions the panelist sits in, in order, with how many finalists each hears (the competition's panelists)",
        params: presentationParams,
      },
    },
    async (req) => {
      const { actor, competition } = await competitionFor(req, req.params.id, true);
      const ctx = await loadContext(db, competition);
      const rows = await mySessions(db, ctx.stage.id, actor.userId);
      const counts = await finalistsPerSession(db, ctx.stage.id);
      return {
        competition: { id: competition.id, name: competition.name, timeZone: competition.time_zone },
        sessions: rows.map((s) => ({
          id: s.id,
          name: s.name,
          startsAt: s.starts_at,
          endsAt: s.ends_at,
          mode: s.mode,
          room: s.room,
          meetingUrl: s.meeting_url,
          finalists: counts.get(s.id) ?? 0,
        })),
      };
    },
  );

  app.get(
    '/panel/competitions/:id/sessions/:sessionId',
    {
      schema: {
        tags: ['presentation'],
        summary:
          'One session live for a panelist seated in it: slots in order with the current one by server time, ' +
          "the presentation then interview timer's instants, each finalist's upload, and the scoring link or Abstain",
        params: sessionParams,
      },
    },
    async (req) => {
      requireUser(req);
      const seated = await seatedIn(db, {
        sessionId: req.params.sessionId,
        competitionId: req.params.id,
        userId: req.actor?.userId ?? 0,
      });
      const { actor, competition } = await competitionFor(req, req.params.id, seated);
      const ctx = await loadContext(db, competition);
      return liveSession(db, ctx, req.params.sessionId, actor.userId, clock.now());
    },
  );
};
