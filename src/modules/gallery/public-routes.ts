import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  galleryFacetsResponse,
  galleryListResponse,
  galleryQuery,
  gallerySlugParams,
} from '../../contracts/gallery.js';
import { galleryEntryDetailSchema } from '../../contracts/gallery-owner.js';
import { notFound, retryLater, t } from '../../domain/errors.js';
import { galleryFacets } from './facet-queries.js';
import { presentEntry } from './public-view.js';
import { entryBySlug } from './queries.js';
import { searchGallery } from './search.js';
import { ownerPublicOf, statusesOf } from './owner/public-view.js';

/** Requests per address per minute on the public gallery (a person browsing makes a few). */
export const GALLERY_REQUESTS_PER_MINUTE = 600;
const DEFAULT_PAGE_SIZE = 20;
/** What an address is made of (domain/gallery.ts gallerySlug). */
const SLUG = /^[a-z0-9-]{1,120}$/;

/** The public gallery's rate limit (the list, the entry, the open data and the statistics share it). */
export const galleryRateLimit = {
  max: GALLERY_REQUESTS_PER_MINUTE,
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

/**
 * The public gallery (issue 14), no account: the list with filters and search, and one innovation by its
 * address. Reads gallery_entries and its postings only: a proposal that is not a finalist of published
 * results (or consented) has no row there, so it is never listed, found or shown.
 */
export const galleryPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;
  const statusClock = () => ({ now: clock.now(), prompt: config.galleryStatusPrompt });

  app.get(
    '/public/gallery',
    {
      config: { public: true, rateLimit: galleryRateLimit },
      schema: {
        tags: ['gallery'],
        summary:
          'The gallery of innovations (public): filters (year, competition, category, group, award, province, regency, ' +
          'participant type), Indonesian search with typo tolerance and highlighted snippets, sorted by relevance, year or award',
        querystring: galleryQuery,
        response: { 200: galleryListResponse },
      },
    },
    async (req, reply) => {
      const { q, sort, page = 1, pageSize = DEFAULT_PAGE_SIZE, ...filter } = req.query;
      const found = await searchGallery(db, { q, filter, sort, page, pageSize });
      const statuses = await statusesOf(
        db,
        found.hits.map((h) => h.row),
        statusClock(),
      );
      reply.header('cache-control', 'public, max-age=60');
      return {
        items: found.hits.map((h) => ({
          ...presentEntry(h.row),
          snippet: h.snippet,
          status: statuses.get(h.row.proposal_id)!.status,
        })),
        total: found.total,
        page,
        pageSize,
        sort: found.sort,
        corrections: found.corrections.map((w) => ({ word: w.word, correctedTo: [...w.correctedTo] })),
        complete: found.complete,
      };
    },
  );

  app.get(
    '/public/gallery/facets',
    {
      config: { public: true, rateLimit: galleryRateLimit },
      schema: {
        tags: ['gallery'],
        summary:
          'The values of the gallery filters with their entry counts (public): years, competitions, categories, ' +
          'groups, award levels, provinces, participant types',
        response: { 200: galleryFacetsResponse },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return galleryFacets(db);
    },
  );

  app.get(
    '/public/gallery/:slug',
    {
      config: { public: true, rateLimit: galleryRateLimit },
      schema: {
        tags: ['gallery'],
        summary:
          'One innovation of the gallery by its stable address (public; 404 when it is not in the gallery)',
        params: gallerySlugParams,
        response: { 200: galleryEntryDetailSchema },
      },
    },
    async (req, reply) => {
      // Only an address the gallery can hold is looked up (PostgreSQL refuses a NUL byte in a text).
      const slug = req.params.slug;
      const row = SLUG.test(slug) ? await entryBySlug(db, slug) : undefined;
      if (!row)
        throw notFound(t('Inovasi tidak ditemukan di galeri.', 'Innovation not found in the gallery.'));
      reply.header('cache-control', 'public, max-age=60');
      return { ...presentEntry(row), ...(await ownerPublicOf(db, row, statusClock())) };
    },
  );
};
