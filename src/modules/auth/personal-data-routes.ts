import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { personalDataFileName } from '../../domain/personal-data.js';
import { clientIp, requireUser } from '../../platform/auth.js';
import { downloadPersonalData } from './commands/download-personal-data.js';

/** "Unduh data pribadi saya": the signed-in person's own data as a JSON file (UU PDP 27/2022). */
export const personalDataRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;
  app.get(
    '/me/personal-data',
    {
      // Per person (the session is read before the limit is counted), else per client address.
      config: {
        rateLimit: {
          max: 10,
          timeWindow: '1 hour',
          keyGenerator: (req) => (req.user ? `personal-data:${req.user.id}` : clientIp(req)),
        },
      },
      schema: {
        tags: ['auth'],
        summary:
          'The personal data the system holds about the signed-in person, as a JSON file (only oneself; 10 an hour)',
      },
    },
    async (req, reply) => {
      // Only oneself: the session decides whose data; there is no id in the address to choose another.
      const { user } = requireUser(req);
      const now = clock.now();
      const doc = await downloadPersonalData(db, { user, ip: clientIp(req), now });
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${personalDataFileName(now)}"`)
        .header('cache-control', 'no-store')
        .send(JSON.stringify(doc, null, 2));
    },
  );
};
