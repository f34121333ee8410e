import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminGrantParams,
  adminUserDetailResponse,
  adminUserListQuery,
  adminUserListResponse,
  adminUserParams,
  createAdminUserBody,
  grantRoleBody,
} from '../../contracts/user-admin.js';
import { invitationResponse } from '../../contracts/users.js';
import { eraseUserBody } from '../../contracts/erasure.js';
import { can } from '../../domain/policy.js';
import { authorize, clientIp } from '../../platform/auth.js';
import type { FastifyRequest } from 'fastify';
import { createUser } from './commands/create-user.js';
import { deactivateUser } from './commands/deactivate-user.js';
import { eraseUser } from './commands/erase-user.js';
import { grantRole } from './commands/grant-role.js';
import { reactivateUser } from './commands/reactivate-user.js';
import { adminResendInvitation } from './commands/resend-invitation.js';
import { revokeRole } from './commands/revoke-role.js';
import { presentUserDetail, presentUserSummary } from './present.js';
import { grantsOfUsers, listUsers, systemAdminGrants } from './queries.js';
import { targetUser, type AdminActor } from './steps.js';

/**
 * The system administrator's users and roles ("Pengguna & Peran"): every route asks `user.manageAll`
 * (system administrator only) before reading anything, so any other role gets 403 and learns nothing.
 */
export const userAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;

  const admin = (req: FastifyRequest): AdminActor => {
    const actor = authorize(req, 'user.manageAll', {});
    return { userId: actor.userId, name: req.user!.name };
  };
  const detail = async (req: FastifyRequest, id: number) => {
    const user = await targetUser(db, id);
    return presentUserDetail(
      user,
      await grantsOfUsers(db, [user.id]),
      await systemAdminGrants(db),
      req.actor,
    );
  };

  app.get(
    '/admin/users',
    {
      schema: {
        tags: ['user-admin'],
        summary: 'Every account of the installation with its roles: search, filter by role and status, paged',
        querystring: adminUserListQuery,
        response: { 200: adminUserListResponse },
      },
    },
    async (req) => {
      admin(req);
      const { q, role, status, page, pageSize } = req.query;
      const { rows, total } = await listUsers(db, { q, role, status }, page, pageSize);
      const grants = await grantsOfUsers(
        db,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) => presentUserSummary(r, grants)),
        total,
        page,
        pageSize,
        abilities: { create: can(req.actor, 'user.manageAll', {}) },
      };
    },
  );

  app.get(
    '/admin/users/:id',
    {
      schema: {
        tags: ['user-admin'],
        summary: 'One account with its role grants and what may be done with them',
        params: adminUserParams,
        response: { 200: adminUserDetailResponse },
      },
    },
    async (req) => {
      admin(req);
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/admin/users',
    {
      schema: {
        tags: ['user-admin'],
        summary:
          'Create an account with one role and its scope; the person gets a set-password link by e-mail (never in this answer)',
        body: createAdminUserBody,
        response: { 201: adminUserDetailResponse },
      },
    },
    async (req, reply) => {
      const actor = admin(req);
      const { email, name, locale, role, institutionId, unitId, competitionId } = req.body;
      const user = await createUser(db, {
        email,
        name,
        locale,
        role,
        scope: { institutionId, unitId, competitionId },
        actor,
        baseUrl: config.baseUrl,
        ip: clientIp(req),
        now: clock.now(),
      });
      app.deps.mail.kick();
      return reply.code(201).send(await detail(req, user.id));
    },
  );

  app.post(
    '/admin/users/:id/grants',
    {
      schema: {
        tags: ['user-admin'],
        summary: 'Give a user one more role with its scope; the person is told by e-mail',
        params: adminUserParams,
        body: grantRoleBody,
        response: { 201: adminUserDetailResponse },
      },
    },
    async (req, reply) => {
      const actor = admin(req);
      const { role, institutionId, unitId, competitionId } = req.body;
      await grantRole(db, {
        userId: req.params.id,
        role,
        scope: { institutionId, unitId, competitionId },
        actor,
        ip: clientIp(req),
        now: clock.now(),
      });
      app.deps.mail.kick();
      return reply.code(201).send(await detail(req, req.params.id));
    },
  );

  app.delete(
    '/admin/users/:id/grants/:grantId',
    {
      schema: {
        tags: ['user-admin'],
        summary: 'Revoke one role grant (never the last active System Administrator); the person is told',
        params: adminGrantParams,
        response: { 200: adminUserDetailResponse },
      },
    },
    async (req) => {
      const actor = admin(req);
      await revokeRole(db, {
        userId: req.params.id,
        grantId: req.params.grantId,
        actor,
        ip: clientIp(req),
        now: clock.now(),
      });
      app.deps.mail.kick();
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/admin/users/:id/deactivate',
    {
      schema: {
        tags: ['user-admin'],
        summary: 'Deactivate an account: its sessions end at once (never oneself or the last administrator)',
        params: adminUserParams,
        response: { 200: adminUserDetailResponse },
      },
    },
    async (req) => {
      const actor = admin(req);
      await deactivateUser(db, { userId: req.params.id, actor, ip: clientIp(req), now: clock.now() });
      app.deps.mail.kick();
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/admin/users/:id/reactivate',
    {
      schema: {
        tags: ['user-admin'],
        summary: 'Let a deactivated account log in again with the roles it kept',
        params: adminUserParams,
        response: { 200: adminUserDetailResponse },
      },
    },
    async (req) => {
      const actor = admin(req);
      await reactivateUser(db, {
        userId: req.params.id,
        actor,
        baseUrl: config.baseUrl,
        ip: clientIp(req),
        now: clock.now(),
      });
      app.deps.mail.kick();
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/admin/users/:id/erase',
    {
      schema: {
        tags: ['user-admin'],
        summary:
          'Erase a person’s personal data on request (UU PDP): the row becomes a tombstone, the competition record stays; cannot be undone',
        params: adminUserParams,
        body: eraseUserBody,
        response: { 200: adminUserDetailResponse },
      },
    },
    async (req) => {
      authorize(req, 'user.erase', {});
      const actor = admin(req);
      await eraseUser(db, {
        userId: req.params.id,
        reference: req.body.reference,
        confirmEmail: req.body.confirmEmail,
        dataDir: config.dataDir,
        actor,
        ip: clientIp(req),
        now: clock.now(),
      });
      app.deps.mail.kick();
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/admin/users/:id/resend-invitation',
    {
      schema: {
        tags: ['user-admin'],
        summary:
          'Send a new set-password link to an account that has not set a password yet (never in this answer)',
        params: adminUserParams,
        response: { 200: invitationResponse },
      },
    },
    async (req) => {
      const actor = admin(req);
      const { expiresAt } = await adminResendInvitation(db, {
        userId: req.params.id,
        actor,
        baseUrl: config.baseUrl,
        ip: clientIp(req),
        now: clock.now(),
      });
      app.deps.mail.kick();
      return { expiresAt: expiresAt.toISOString() };
    },
  );
};
