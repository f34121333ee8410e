import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { institutionIdParams } from '../../contracts/institutions.js';
import {
  createUppBody,
  institutionUserResponse,
  institutionUsersResponse,
  invitationResponse,
  userIdParams,
} from '../../contracts/users.js';
import { notFound, t } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { findInstitution } from '../institutions/queries.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import { createUppUser } from './commands/create-upp-user.js';
import { resendInvitation } from './commands/resend-invitation.js';
import { presentInstitutionUser } from './present.js';
import { findInstitutionUser, institutionGrantsOf, listInstitutionUsers, findUser } from './queries.js';

const institutionNotFound = () => notFound(t('Instansi tidak ditemukan.', 'Institution not found.'));
const userNotFound = () => notFound(t('Pengguna tidak ditemukan.', 'User not found.'));

/** The people of an institution as its admin lokal manages them: list, create proposer accounts, re-invite. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;
  const policyContext = { clockControl: config.clockControl };

  const institutionById = (id: number) => findInstitution(db, id);

  app.get(
    '/institutions/:id/users',
    {
      schema: {
        tags: ['users'],
        summary: "An institution's admin lokal and the proposer (UPP) accounts of its units",
        params: institutionIdParams,
        response: { 200: institutionUsersResponse },
      },
    },
    async (req) => {
      const institution = await institutionById(req.params.id);
      if (!institution) throw institutionNotFound();
      authorize(req, 'user.viewInstitution', { institutionId: institution.id });
      const rows = await listInstitutionUsers(db, institution.id);
      return {
        items: rows.map(presentInstitutionUser),
        abilities: {
          createUpp: can(req.actor, 'user.createUpp', { institutionId: institution.id }, policyContext),
        },
      };
    },
  );

  app.post(
    '/institutions/:id/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a proposer (UPP) account for a unit; the person gets a set-password link by e-mail',
        params: institutionIdParams,
        body: createUppBody,
        response: { 201: institutionUserResponse },
      },
    },
    async (req, reply) => {
      const institution = await institutionById(req.params.id);
      if (!institution) throw institutionNotFound();
      const actor = authorize(req, 'user.createUpp', { institutionId: institution.id });
      const { user } = await createUppUser(db, {
        institution,
        unitId: req.body.unitId,
        email: req.body.email,
        name: req.body.name,
        position: req.body.position ?? null,
        phone: req.body.phone ?? null,
        locale: req.body.locale,
        createdBy: { userId: actor.userId, name: req.user!.name },
        baseUrl: config.baseUrl,
        ip: clientIp(req),
        now: clock.now(),
      });
      app.deps.mail.kick();
      const row = await findInstitutionUser(db, institution.id, user.id, 'upp');
      return reply.code(201).send({ user: presentInstitutionUser(row!) });
    },
  );

  app.post(
    '/users/:id/resend-invitation',
    {
      schema: {
        tags: ['users'],
        summary: 'Send a new set-password link to someone of the institution who has not set a password yet',
        params: userIdParams,
        response: { 200: invitationResponse },
      },
    },
    async (req) => {
      requireUser(req);
      const user = await findUser(db, req.params.id);
      // Only people of an institution the caller may see the people of exist for this action.
      const grant = user
        ? (await institutionGrantsOf(db, user.id)).find((g) =>
            can(req.actor, 'user.viewInstitution', { institutionId: g.institution_id }, policyContext),
          )
        : undefined;
      if (!user || !grant) throw userNotFound();
      const actor = authorize(req, 'user.createUpp', { institutionId: grant.institution_id });
      const { expiresAt } = await resendInvitation(db, {
        userId: user.id,
        role: grant.role,
        scope: grant.unit_name ? `${grant.unit_name}, ${grant.institution_name}` : grant.institution_name,
        sentBy: { userId: actor.userId, name: req.user!.name },
        baseUrl: config.baseUrl,
        ip: clientIp(req),
        now: clock.now(),
      });
      app.deps.mail.kick();
      return { expiresAt: expiresAt.toISOString() };
    },
  );
};
