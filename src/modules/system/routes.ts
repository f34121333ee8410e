import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ping } from '../../db/connect.js';
import { authorize } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { errorBody } from '../../platform/http-errors.js';

/** Health, server time and (for demos and browser tests) moving the server clock. */
export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Health: 200 when the database answers' },
    },
    async (_req, reply) => {
      const ok = await ping(app.deps.db);
      if (!ok)
        return reply.code(503).send(
          errorBody('database_unreachable', {
            id: 'Basis data tidak dapat dihubungi.',
            en: 'Database unreachable.',
          }),
        );
      return { status: 'ok', database: app.deps.config.dialect, time: app.deps.clock.now().toISOString() };
    },
  );

  app.get(
    '/time',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Server time (only server time counts for deadlines)' },
    },
    async () => ({
      now: app.deps.clock.now().toISOString(),
    }),
  );

  app.post(
    '/system/clock',
    {
      schema: {
        tags: ['system'],
        summary: 'Move the server clock (only when SINOVIK_CLOCK_CONTROL=1; system administrator)',
        body: z.object({
          set: z.iso.datetime().optional(),
          advanceMs: z.number().int().optional(),
          reset: z.boolean().optional(),
        }),
      },
    },
    async (req) => {
      const actor = authorize(req, 'clock.control', {});
      const before = app.deps.clock.now().toISOString();
      if (req.body.reset) app.deps.clock.reset();
      if (req.body.set) app.deps.clock.set(new Date(req.body.set));
      if (req.body.advanceMs) app.deps.clock.advance(req.body.advanceMs);
      const after = app.deps.clock.now();
      await app.deps.db.transaction().execute((tx) =>
        recordAudit(tx, {
          actorUserId: actor.userId,
          action: 'clock.moved',
          entityType: 'system',
          entityId: null,
          summary: { before, after: after.toISOString() },
          ip: req.ip,
          now: after,
        }),
      );
      app.deps.mail.kick();
      return { now: after.toISOString() };
    },
  );
};
