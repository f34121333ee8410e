import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  verificationParams,
  verificationQuery,
  verificationResponse,
  type VerificationResponse,
} from '../../contracts/certificates.js';
import { numberSlug, verdictOf } from '../../domain/certificates.js';
import { retryLater, t } from '../../domain/errors.js';
import { codeMatches } from './code.js';
import { certificatesBySlug, competitionTimeZone } from './queries.js';

/** Verifications per address per minute: a person checking a pile of certificates, not a crawler. */
export const VERIFY_RATE_LIMIT = 30;

/**
 * The public verification of a certificate (issue 13 point 5), no account: the address printed on it
 * (/verifikasi/piagam/<number>?k=<code>) asks this. Always 200 with the verdict: genuine with what the
 * registry says, revoked with the date, or not valid (unknown number, changed number or code, or facts
 * changed since it was printed) with nothing more.
 */
export const certificatePublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  app.get(
    '/public/certificates/:slug',
    {
      config: {
        public: true,
        rateLimit: {
          max: VERIFY_RATE_LIMIT,
          timeWindow: '1 minute',
          errorResponseBuilder: (_req, ctx) =>
            retryLater(
              'verification_rate_limited',
              t(
                `Terlalu banyak pemeriksaan dari alamat jaringan ini. Coba lagi dalam ${Math.ceil(ctx.ttl / 1000)} detik.`,
                `Too many checks from this network address. Try again in ${Math.ceil(ctx.ttl / 1000)} seconds.`,
              ),
              ctx.ttl / 1000,
            ),
        },
      },
      schema: {
        tags: ['certificates'],
        summary:
          'Verifies a certificate from its printed address (public): genuine, revoked, or not valid; rate-limited',
        params: verificationParams,
        querystring: verificationQuery,
        response: { 200: verificationResponse },
      },
    },
    async (req, reply): Promise<VerificationResponse> => {
      reply.header('Cache-Control', 'no-store');
      const slug = numberSlug(req.params.slug);
      const code = (req.query.k ?? '').trim().toLowerCase();
      if (!slug || !code) return { verdict: 'not_valid', certificate: null };
      const rows = (await certificatesBySlug(db, slug)).map((r) => ({
        ...r,
        revoked: r.revoked_at !== null,
      }));
      const { verdict, certificate: k } = verdictOf(rows, (r) => codeMatches(config.certificateKey, r, code));
      if (!k) return { verdict, certificate: null };
      const timeZone = await competitionTimeZone(db, k.competition_id);
      return {
        verdict,
        certificate: {
          number: k.number,
          innovationTitle: k.innovation_title,
          institutionName: k.institution_name,
          unitName: k.unit_name,
          awardLabel: { id: k.award_label_id, en: k.award_label_en },
          competitionName: k.competition_name,
          year: k.year,
          issuedAt: k.issued_at,
          timeZone,
          signerName: k.signer_name,
          signerPosition: k.signer_position,
          revokedAt: k.revoked_at,
        },
      };
    },
  );
};
