import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  acceptedResponse,
  changePasswordBody,
  loginBody,
  meOrNullResponse,
  meResponse,
  profileBody,
  resetConfirmBody,
  resetRequestBody,
  signInLinkConfirmBody,
  signInLinkRequestBody,
  tokenInfoResponse,
  tokenQuery,
} from '../../contracts/auth.js';
import type { UserRow } from '../../db/schema.js';
import { clearSessionCookie, clientIp, requireUser, setSessionCookie } from '../../platform/auth.js';
import { knownDevices, rememberDevice } from '../../platform/known-device.js';
import { requestSignInLink } from './commands/request-sign-in-link.js';
import { signInWithLink } from './commands/sign-in-with-link.js';
import { changePassword } from './commands/change-password.js';
import { login } from './commands/login.js';
import { logout } from './commands/logout.js';
import { requestPasswordReset } from './commands/request-password-reset.js';
import { resetPassword } from './commands/reset-password.js';
import { updateProfile } from './commands/update-profile.js';
import { presentMe, presentTokenInfo } from './present.js';
import { rolesOfUser, usablePasswordToken } from './queries.js';
import { assignmentsOf } from './work-queries.js';
import { myWorkResponse } from '../../contracts/role-work.js';

/** Accounts and sessions: login, logout, who am I, passwords (change, reset, first set) and own profile. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config, clock } = app.deps;
  const secureCookie = config.baseUrl.startsWith('https://');
  const maxAgeMs = config.sessionMaxAgeMs;
  const me = async (user: UserRow) =>
    presentMe(user, await rolesOfUser(db, user.id), { clockControl: config.clockControl });
  // These answer whether or not the profile is complete: they are how it gets completed.
  const open = { allowIncompleteProfile: true };
  // These serve signed-out callers too (signing in, the links, who is signed in).
  const signedOut = { ...open, public: true };

  app.post(
    '/auth/login',
    {
      config: signedOut,
      schema: {
        tags: ['auth'],
        summary:
          'Log in with e-mail and password; sets the session cookie and the known-device cookie. 429 with Retry-After while the attempt is throttled',
        body: loginBody,
        response: { 200: meResponse },
      },
    },
    async (req, reply) => {
      const { user, token } = await login(db, {
        email: req.body.email,
        password: req.body.password,
        ip: clientIp(req),
        userAgent: req.headers['user-agent'] ?? null,
        knownDevices: knownDevices(req, secureCookie),
        previousSessionToken: req.sessionToken,
        sessionMaxAgeMs: maxAgeMs,
        now: clock.now(),
      });
      setSessionCookie(reply, token, secureCookie, maxAgeMs);
      rememberDevice(req, reply, user.id, secureCookie);
      return { user: await me(user) };
    },
  );

  app.post(
    '/auth/logout',
    { config: signedOut, schema: { tags: ['auth'], summary: 'Log out: ends this session' } },
    async (req, reply) => {
      if (req.user && req.sessionToken)
        await logout(db, {
          userId: req.user.id,
          token: req.sessionToken,
          ip: clientIp(req),
          now: clock.now(),
        });
      clearSessionCookie(reply, secureCookie);
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      config: signedOut,
      schema: {
        tags: ['auth'],
        summary: 'The signed-in person with roles and abilities, or null',
        response: { 200: meOrNullResponse },
      },
    },
    async (req) => ({ user: req.user ? await me(req.user) : null }),
  );

  app.get(
    '/auth/me/work',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in judge’s assignments: competitions and the stages that are their work',
        response: { 200: myWorkResponse },
      },
    },
    async (req) => {
      const { user } = requireUser(req);
      return { assignments: await assignmentsOf(db, user.id, clock.now().toISOString()) };
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Change own password; other sessions and open links end. 429 with Retry-After after repeated wrong current passwords',
        body: changePasswordBody,
      },
    },
    async (req, reply) => {
      const { user } = requireUser(req);
      await changePassword(db, {
        user,
        sessionToken: req.sessionToken!,
        currentPassword: req.body.currentPassword,
        newPassword: req.body.newPassword,
        ip: clientIp(req),
        now: clock.now(),
      });
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/password-reset/request',
    {
      config: signedOut,
      schema: {
        tags: ['auth'],
        summary: 'Ask for a reset link by e-mail; always 202 (never reveals whether an account exists)',
        body: resetRequestBody,
        response: { 202: acceptedResponse },
      },
    },
    async (req, reply) => {
      const queued = await requestPasswordReset(db, {
        email: req.body.email,
        locale: req.body.locale,
        baseUrl: config.baseUrl,
        ip: clientIp(req),
        now: clock.now(),
      });
      if (queued) app.deps.mail.kick();
      return reply.code(202).send({ ok: true as const });
    },
  );

  app.get(
    '/auth/token',
    {
      config: signedOut,
      schema: {
        tags: ['auth'],
        summary: 'Check a password link without using it',
        querystring: tokenQuery,
        response: { 200: tokenInfoResponse },
      },
    },
    async (req) => {
      const token = await usablePasswordToken(db, req.query.token, clock.now());
      return presentTokenInfo(token, token.user);
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: signedOut,
      schema: {
        tags: ['auth'],
        summary: 'Set a new password through an e-mailed link; logs in',
        body: resetConfirmBody,
        response: { 200: meResponse },
      },
    },
    async (req, reply) => {
      const { user, token } = await resetPassword(db, {
        token: req.body.token,
        newPassword: req.body.newPassword,
        ip: clientIp(req),
        userAgent: req.headers['user-agent'] ?? null,
        sessionMaxAgeMs: maxAgeMs,
        now: clock.now(),
      });
      setSessionCookie(reply, token, secureCookie, maxAgeMs);
      rememberDevice(req, reply, user.id, secureCookie);
      return { user: await me(user) };
    },
  );

  app.post(
    '/auth/sign-in-link',
    {
      // Per account at most 3 mails an hour (the command); per client address at most 10 requests.
      config: { ...signedOut, rateLimit: { max: 10, timeWindow: '1 hour' } },
      schema: {
        tags: ['auth'],
        summary: 'Ask for a one-time sign-in link by e-mail (works while the login is throttled); always 202',
        body: signInLinkRequestBody,
        response: { 202: acceptedResponse },
      },
    },
    async (req, reply) => {
      const queued = await requestSignInLink(db, {
        email: req.body.email,
        locale: req.body.locale,
        baseUrl: config.baseUrl,
        ip: clientIp(req),
        now: clock.now(),
      });
      if (queued) app.deps.mail.kick();
      return reply.code(202).send({ ok: true as const });
    },
  );

  app.post(
    '/auth/sign-in-link/confirm',
    {
      config: signedOut,
      schema: {
        tags: ['auth'],
        summary: 'Sign in with an e-mailed one-time link; sets the session and known-device cookies',
        body: signInLinkConfirmBody,
        response: { 200: meResponse },
      },
    },
    async (req, reply) => {
      const { user, token } = await signInWithLink(db, {
        token: req.body.token,
        ip: clientIp(req),
        userAgent: req.headers['user-agent'] ?? null,
        previousSessionToken: req.sessionToken,
        sessionMaxAgeMs: maxAgeMs,
        now: clock.now(),
      });
      setSessionCookie(reply, token, secureCookie, maxAgeMs);
      rememberDevice(req, reply, user.id, secureCookie);
      return { user: await me(user) };
    },
  );

  app.post(
    '/auth/profile',
    {
      config: open,
      schema: {
        tags: ['auth'],
        summary: 'Save own profile; completes it at first login',
        body: profileBody,
        response: { 200: meResponse },
      },
    },
    async (req) => {
      const { user } = requireUser(req);
      const updated = await updateProfile(db, { user, ...req.body, ip: clientIp(req), now: clock.now() });
      return { user: await me(updated) };
    },
  );
};
