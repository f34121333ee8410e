import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  acceptBody,
  moveBody,
  presentationParams,
  presentationSettingsBody,
  publishBody,
  refuseBody,
  requestParams,
  sessionBody,
  sessionParams,
} from '../../contracts/presentation.js';
import { decide } from '../../domain/policy.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import { acceptReschedule } from './commands/accept-reschedule.js';
import { autoAssign } from './commands/auto-assign.js';
import { deleteSession } from './commands/delete-session.js';
import { moveFinalist } from './commands/move-finalist.js';
import { publishSchedule } from './commands/publish-schedule.js';
import { refuseReschedule } from './commands/refuse-reschedule.js';
import { savePresentationSettings } from './commands/save-settings.js';
import { saveSession } from './commands/save-session.js';
import { competitionNotFound, findCompetition, loadContext } from './queries.js';
import { scheduleView } from './view.js';

/**
 * The presentation schedule (issue 13 point 2) for the organizer's secretariat (`presentation.manage`;
 * another organizer's secretariat: 404; everyone else 403/401): settings, sessions, automatic assignment,
 * hand moves, publication with the letters, and the rescheduling decisions.
 */
export const presentationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;

  const allow = async (req: FastifyRequest, competitionId: number) => {
    requireUser(req);
    const competition = await findCompetition(db, competitionId);
    if (!competition) throw competitionNotFound();
    const subject = { organizerInstitutionId: competition.organizer_institution_id };
    const d = decide(req.actor, 'presentation.manage', subject);
    if (!d.allowed && d.reason === 'otherOrganizer') throw competitionNotFound();
    const actor = authorize(req, 'presentation.manage', subject);
    return { actor, competition, ip: clientIp(req), now: clock.now() };
  };

  app.get(
    '/competitions/:id/presentation',
    {
      schema: {
        tags: ['presentation'],
        summary:
          'The presentation schedule: settings, sessions with their slots in order (time, finalist, institution, ' +
          'upload), finalists without a slot with the reason in words, rescheduling requests, publication',
        params: presentationParams,
      },
    },
    async (req) => {
      const { competition } = await allow(req, req.params.id);
      const view = await scheduleView(db, await loadContext(db, competition));
      const open = !view.schedule.publishedAt;
      return {
        ...view,
        abilities: {
          edit: open,
          assign: open && view.sessions.length > 0 && view.finalists > 0,
          move: view.sessions.length > 0,
          publish: open && view.finalists > 0 && view.unplaced.length === 0,
          decide: true,
        },
      };
    },
  );

  app.put(
    '/competitions/:id/presentation/settings',
    {
      schema: {
        tags: ['presentation'],
        summary: 'Save the slot shape, quorum, upload deadline, letter number pattern and what to bring',
        params: presentationParams,
        body: presentationSettingsBody,
      },
    },
    async (req) => {
      const a = await allow(req, req.params.id);
      return savePresentationSettings(db, { ...a, body: req.body, actorUserId: a.actor.userId });
    },
  );

  app.post(
    '/competitions/:id/presentation/sessions',
    {
      schema: {
        tags: ['presentation'],
        summary:
          'Create a panel session (time, room or meeting link, groups, panelists), checked field by field',
        params: presentationParams,
        body: sessionBody,
      },
    },
    async (req, reply) => {
      const a = await allow(req, req.params.id);
      const r = await saveSession(db, { ...a, body: req.body, actorUserId: a.actor.userId });
      return reply.code(201).send(r);
    },
  );

  app.put(
    '/competitions/:id/presentation/sessions/:sessionId',
    {
      schema: {
        tags: ['presentation'],
        summary: 'Change a panel session (before the publication); its slots are dropped, to assign again',
        params: sessionParams,
        body: sessionBody,
      },
    },
    async (req) => {
      const a = await allow(req, req.params.id);
      return saveSession(db, {
        ...a,
        sessionId: req.params.sessionId,
        body: req.body,
        actorUserId: a.actor.userId,
      });
    },
  );

  app.delete(
    '/competitions/:id/presentation/sessions/:sessionId',
    {
      schema: {
        tags: ['presentation'],
        summary: 'Remove a panel session and its slots (before the publication)',
        params: sessionParams,
      },
    },
    async (req, reply) => {
      const a = await allow(req, req.params.id);
      await deleteSession(db, { ...a, sessionId: req.params.sessionId, actorUserId: a.actor.userId });
      return reply.code(204).send();
    },
  );

  app.post(
    '/competitions/:id/presentation/assign',
    {
      schema: {
        tags: ['presentation'],
        summary:
          'Place the finalists into slots automatically (group, capacity, quorum without conflicts, same ' +
          'institution never at overlapping times, unavailable times); hand moves kept; says who is left and why',
        params: presentationParams,
      },
    },
    async (req) => {
      const a = await allow(req, req.params.id);
      return autoAssign(db, { ...a, actorUserId: a.actor.userId });
    },
  );

  app.post(
    '/competitions/:id/presentation/move',
    {
      schema: {
        tags: ['presentation'],
        summary:
          'Move a finalist to a slot by hand, validated by the same rules (400 with each broken rule); after ' +
          'the publication its letter is re-issued and mailed',
        params: presentationParams,
        body: moveBody,
      },
    },
    async (req) => {
      const a = await allow(req, req.params.id);
      return moveFinalist(db, { ...a, ...req.body, actorUserId: a.actor.userId, baseUrl: config.baseUrl });
    },
  );

  app.post(
    '/competitions/:id/presentation/publish',
    {
      schema: {
        tags: ['presentation'],
        summary:
          'Publish the schedule: one numbered invitation letter per finalist, mailed and notified to its admin ' +
          'lokal and UPPs in the same transaction; 409 when a finalist has no slot, the deadline is unset, or stale',
        params: presentationParams,
        body: publishBody,
      },
    },
    async (req) => {
      const a = await allow(req, req.params.id);
      return publishSchedule(db, {
        ...a,
        version: req.body.version,
        actorUserId: a.actor.userId,
        baseUrl: config.baseUrl,
      });
    },
  );

  app.post(
    '/competitions/:id/presentation/requests/:requestId/accept',
    {
      schema: {
        tags: ['presentation'],
        summary:
          'Accept a rescheduling request: the finalist moves (to the slot named, else the earliest valid one) ' +
          'and its letter is re-issued with a new number and mailed',
        params: requestParams,
        body: acceptBody,
      },
    },
    async (req) => {
      const a = await allow(req, req.params.id);
      return acceptReschedule(db, {
        ...a,
        requestId: req.params.requestId,
        sessionId: req.body.sessionId,
        slot: req.body.slot,
        actorUserId: a.actor.userId,
        baseUrl: config.baseUrl,
      });
    },
  );

  app.post(
    '/competitions/:id/presentation/requests/:requestId/refuse',
    {
      schema: {
        tags: ['presentation'],
        summary: 'Refuse a rescheduling request with a reason (mailed to the admin lokal and UPPs)',
        params: requestParams,
        body: refuseBody,
      },
    },
    async (req) => {
      const a = await allow(req, req.params.id);
      return refuseReschedule(db, {
        ...a,
        requestId: req.params.requestId,
        reason: req.body.reason,
        actorUserId: a.actor.userId,
        baseUrl: config.baseUrl,
      });
    },
  );
};
