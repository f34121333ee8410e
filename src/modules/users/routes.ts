import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { institutionIdParams } from '../../contracts/institutions.js';
import {
  createUppBody,
  institutionUserResponse,
  institutionUsersResponse,
  invitationResponse,
  moveUppBody,
  userIdParams,
} from '../../contracts/users.js';
import { notFound, t } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { findInstitution } from '../institutions/queries.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import { createUppUser } from './commands/create-upp-user.js';
import { resendInvitation } from './commands/resend-invitation.js';
import { deactivateUpp } from './commands/deactivate-upp.js';
import { reactivateUpp } from './commands/reactivate-upp.js';
import { moveUpp } from './commands/move-upp.js';
import { presentInstitutionUser } from './present.js';
import { findInstitutionUser, institutionGrantsOf, listInstitutionUsers, findUser } from './queries.js';

const institutionNotFound = () => notFound(t('Instansi tidak ditemukan.', 'Institution not found.'));
const userNotFound = () => notFound(t('Pengguna tidak ditemukan.', 'User not found.'));

/** The people of an institution as its admin lokal manages them: list, create proposer accounts, re-invite. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;
  const policyContext = { clockControl: config.clockControl };

  const institutionById = (id: number) => findInstitution(db, id);

  /**
   * A proposer (UPP) account as the caller may manage it: one of an institution whose people the caller
   * sees, else 404 (another institution's user does not exist for them); then the policy decides.
   */
  const uppInScope = async (req: FastifyRequest, userId: number) => {
    requireUser(req);
    const user = await findUser(db, userId);
    const grant = user
      ? (await institutionGrantsOf(db, user.id)).find(
          (g) =>
            g.role === 'upp' &&
            can(req.actor, 'user.viewInstitution', { institutionId: g.institution_id }, policyContext),
        )
      : undefined;
    if (!user || !grant) throw userNotFound();
    const actor = authorize(req, 'user.manageUpp', { institutionId: grant.institution_id });
    return {
      institution: { id: grant.institution_id, name: grant.institution_name },
      actor: { userId: actor.userId, name: req.user!.name },
    };
  };

  const presentAfter = async (institutionId: number, userId: number) => ({
    user: presentInstitutionUser((await findInstitutionUser(db, institutionId, userId, 'upp'))!),
  });

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
          manageUpp: can(req.actor, 'user.manageUpp', { institutionId: institution.id }, policyContext),
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

  app.post(
    '/users/:id/deactivate',
    {
      schema: {
        tags: ['users'],
        summary:
          'Deactivate a proposer (UPP) account of the institution: it cannot log in, its sessions end ' +
          '(its admin lokal)',
        params: userIdParams,
        response: { 200: institutionUserResponse },
      },
    },
    async (req) => {
      const { institution, actor } = await uppInScope(req, req.params.id);
      await deactivateUpp(db, {
        institutionId: institution.id,
        userId: req.params.id,
        actor,
        ip: clientIp(req),
        now: clock.now(),
      });
      app.deps.mail.kick();
      return presentAfter(institution.id, req.params.id);
    },
  );

  app.post(
    '/users/:id/reactivate',
    {
      schema: {
        tags: ['users'],
        summary: 'Let a deactivated proposer (UPP) account of the institution log in again (its admin lokal)',
        params: userIdParams,
        response: { 200: institutionUserResponse },
      },
    },
    async (req) => {
      const { institution, actor } = await uppInScope(req, req.params.id);
      await reactivateUpp(db, {
        institution,
        userId: req.params.id,
        actor,
        baseUrl: config.baseUrl,
        ip: clientIp(req),
        now: clock.now(),
      });
      app.deps.mail.kick();
      return presentAfter(institution.id, req.params.id);
    },
  );

  app.post(
    '/users/:id/unit',
    {
      schema: {
        tags: ['users'],
        summary:
          'Move a proposer (UPP) account to another unit of the institution; proposals stay with their unit ' +
          '(its admin lokal)',
        params: userIdParams,
        body: moveUppBody,
        response: { 200: institutionUserResponse },
      },
    },
    async (req) => {
      const { institution, actor } = await uppInScope(req, req.params.id);
      await moveUpp(db, {
        institutionId: institution.id,
        userId: req.params.id,
        unitId: req.body.unitId,
        actor,
        ip: clientIp(req),
        now: clock.now(),
      });
      return presentAfter(institution.id, req.params.id);
    },
  );
};
