import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { galleryEvidenceParams } from '../../../contracts/gallery-owner.js';
import { contentDisposition } from '../../../domain/attachments.js';
import { notFound, t } from '../../../domain/errors.js';
import { entryBySlug } from '../queries.js';
import { publicFileOf } from './public-view.js';

const SLUG = /^[a-z0-9-]{1,120}$/;

/**
 * The public download of an evidence file its institution marked public (issue 14 point 1), no account.
 * Serves ONLY a file marked public of an innovation in the gallery; anything else (a private file, a file
 * of another proposal, an entry withdrawn from the gallery) is 404. As an attachment, never rendered.
 */
export const galleryEvidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, storage } = app.deps;
  const missing = () => notFound(t('Berkas tidak ditemukan.', 'File not found.'));

  app.get(
    '/public/gallery/:slug/evidence/:attachmentId',
    {
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['gallery'],
        summary: 'An evidence file marked public of an innovation in the gallery (public; 404 otherwise)',
        params: galleryEvidenceParams,
      },
    },
    async (req, reply) => {
      const { slug, attachmentId } = req.params;
      const entry = SLUG.test(slug) ? await entryBySlug(db, slug) : undefined;
      if (!entry) throw missing();
      const file = await publicFileOf(db, entry.proposal_id, attachmentId);
      if (!file || !(await storage.exists(file.storage_key))) throw missing();
      const bytes = await storage.openRead(file.storage_key);
      return reply
        .header('Content-Type', file.mime)
        .header('Content-Length', String(file.size))
        .header('Content-Disposition', contentDisposition(file.original_name))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'public, max-age=300')
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .send(bytes);
    },
  );
};
