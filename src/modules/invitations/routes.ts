import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { competitionIdParams } from '../../contracts/competitions.js';
import {
  createInvitationBody,
  invitationListResponse,
  invitationParams,
  type InvitationList,
} from '../../contracts/invitations.js';
import { notFound, t } from '../../domain/errors.js';
import { can, decide } from '../../domain/policy.js';
import { authorize, requireUser } from '../../platform/auth.js';
import { createInvitation } from './commands/create-invitation.js';
import { revokeInvitation } from './commands/revoke-invitation.js';
import { presentInvitation } from './present.js';
import { findCompetitionWithGroups, listInvitations } from './queries.js';

const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));

/**
 * Invitations into a competition's invitation-only groups (khusus), for the organizer's secretariat only.
 * Another organizer's secretariat gets 404 (the competition's invitations are not its business to know
 * about); any other role 403.
 */
export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;

  const loadForManage = async (req: FastifyRequest, id: number) => {
    requireUser(req);
    const found = await findCompetitionWithGroups(db, id);
    if (!found) throw competitionNotFound();
    const subject = { organizerInstitutionId: found.competition.organizer_institution_id };
    const d = decide(req.actor, 'invitation.manage', subject);
    if (!d.allowed && d.reason === 'otherOrganizer') throw competitionNotFound();
    const actor = authorize(req, 'invitation.manage', subject);
    return { ...found, actor };
  };

  const listOf = async (req: FastifyRequest, id: number): Promise<InvitationList> => {
    const found = await findCompetitionWithGroups(db, id);
    if (!found) throw competitionNotFound();
    const { competition, groups } = found;
    const manage = can(req.actor, 'invitation.manage', {
      organizerInstitutionId: competition.organizer_institution_id,
    });
    const invitationGroups = groups.filter((g) => g.invitation_only === 1);
    return {
      competition: {
        id: competition.id,
        name: competition.name,
        status: competition.status,
        timeZone: competition.time_zone,
      },
      groups: invitationGroups.map((g) => ({ id: g.id, key: g.key, nameId: g.name_id, nameEn: g.name_en })),
      items: (await listInvitations(db, competition.id)).map((r) => presentInvitation(r, manage)),
      abilities: {
        create: manage && competition.status === 'published' && invitationGroups.length > 0,
      },
    };
  };

  app.get(
    '/competitions/:id/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary:
          "Invitations into the competition's invitation-only groups, newest first (organizer's secretariat)",
        params: competitionIdParams,
        response: { 200: invitationListResponse },
      },
    },
    async (req) => {
      await loadForManage(req, req.params.id);
      return listOf(req, req.params.id);
    },
  );

  app.post(
    '/competitions/:id/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary:
          "Invite an institution into an invitation-only group by the letter's number (optionally for one award); " +
          'its admin lokal is told in-app and by e-mail; audited',
        params: competitionIdParams,
        body: createInvitationBody,
        response: { 201: invitationListResponse },
      },
    },
    async (req, reply) => {
      const { actor } = await loadForManage(req, req.params.id);
      await createInvitation(db, {
        competitionId: req.params.id,
        groupKey: req.body.groupKey,
        institutionId: req.body.institutionId,
        awardId: req.body.awardId ?? null,
        letterNumber: req.body.letterNumber,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: config.baseUrl,
        now: clock.now(),
      });
      app.deps.mail.kick();
      return reply.code(201).send(await listOf(req, req.params.id));
    },
  );

  app.post(
    '/competitions/:id/invitations/:invitationId/revoke',
    {
      schema: {
        tags: ['invitations'],
        summary:
          'Revoke an invitation (kept on record); proposals in the group are refused at send and forward; ' +
          'its admin lokal is told in-app and by e-mail; audited',
        params: invitationParams,
        response: { 200: invitationListResponse },
      },
    },
    async (req) => {
      const { actor } = await loadForManage(req, req.params.id);
      await revokeInvitation(db, {
        competitionId: req.params.id,
        invitationId: req.params.invitationId,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: config.baseUrl,
        now: clock.now(),
      });
      app.deps.mail.kick();
      return listOf(req, req.params.id);
    },
  );
};
