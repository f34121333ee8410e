import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { retentionBody, retentionResponse } from '../../contracts/erasure.js';
import { RETENTION_DEFAULTS, RETENTION_KEYS, RETENTION_RULES } from '../../domain/erasure.js';
import { can } from '../../domain/policy.js';
import { authorize, clientIp } from '../../platform/auth.js';
import type { FastifyRequest } from 'fastify';
import { updateRetention } from './commands/update-retention.js';
import { readRetention } from './queries.js';

/** The retention settings of personal data (system administrator only; UU PDP 27/2022). */
export const retentionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;
  const present = async (req: FastifyRequest) => {
    const { days, updatedAt, updatedBy } = await readRetention(db);
    return {
      settings: days,
      defaults: RETENTION_DEFAULTS,
      bounds: Object.fromEntries(
        RETENTION_KEYS.map((k) => [k, { min: RETENTION_RULES[k].min, max: RETENTION_RULES[k].max }]),
      ) as Record<(typeof RETENTION_KEYS)[number], { min: number; max: number }>,
      updatedAt,
      updatedBy,
      abilities: { edit: can(req.actor, 'retention.manage', {}) },
    };
  };

  app.get(
    '/admin/retention',
    {
      schema: {
        tags: ['user-admin'],
        summary: 'How many days personal data outside the competition record is kept, with the defaults',
        response: { 200: retentionResponse },
      },
    },
    async (req) => {
      authorize(req, 'retention.manage', {});
      return present(req);
    },
  );

  app.put(
    '/admin/retention',
    {
      schema: {
        tags: ['user-admin'],
        summary: 'Change the retention settings (whole days within their bounds); applied by the daily job',
        body: retentionBody,
        response: { 200: retentionResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'retention.manage', {});
      await updateRetention(db, {
        days: req.body,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
      return present(req);
    },
  );
};
