import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { gallerySlugParams } from '../../contracts/gallery.js';
import { replicationGraphResponse, replicationStatsResponse } from '../../contracts/replication.js';
import { notFound, retryLater, t } from '../../domain/errors.js';
import { replicationStats } from '../../domain/replication.js';
import { replicationCountsBy, replicationGraph } from './graph-queries.js';

const SLUG = /^[a-z0-9-]{1,120}$/;

const rateLimit = {
  max: 600,
  timeWindow: '1 minute',
  errorResponseBuilder: (_req: FastifyRequest, ctx: { ttl: number }) =>
    retryLater(
      'gallery_rate_limited',
      t(
        'Terlalu banyak permintaan ke galeri dari alamat jaringan ini. Coba lagi sebentar lagi.',
        'Too many gallery requests from this network address. Try again shortly.',
      ),
      ctx.ttl / 1000,
    ),
};

/** The public replication graph of a gallery innovation (issue 14 point 3): institutions and regions only. */
export const replicationPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/gallery/:slug/replication',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: ['replication'],
        summary:
          'Where a gallery innovation came from (the public innovation a replikasi one names as its source) and who replicated it (accepted requests: institution and region; replikasi innovations naming it), with the counts (public)',
        params: gallerySlugParams,
        response: { 200: replicationGraphResponse },
      },
    },
    async (req, reply) => {
      const slug = req.params.slug;
      const graph = SLUG.test(slug) ? await replicationGraph(app.deps.db, slug) : undefined;
      if (!graph)
        throw notFound(t('Inovasi tidak ditemukan di galeri.', 'Innovation not found in the gallery.'));
      // Answers change it at once (an accepted request): stored, but asked again each time.
      reply.header('cache-control', 'no-cache');
      return graph;
    },
  );

  app.get(
    '/public/gallery/stats/replication',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: ['replication'],
        summary:
          'Replication statistics of the gallery (public): the ten most replicated innovations, the ten owner ' +
          'institutions replicated most, and the provinces of the replicating institutions — counting accepted ' +
          'requests and replikasi innovations naming a gallery innovation as their source (as its page does)',
        response: { 200: replicationStatsResponse },
      },
    },
    async (_req, reply) => {
      // As the innovation's page: an accepted request counts at once.
      reply.header('cache-control', 'no-cache');
      return replicationStats(await replicationCountsBy(app.deps.db));
    },
  );
};
