import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  competitionIdParams,
  publicRatingPageResponse,
  rateBody,
  rateResponse,
  ratingWindowSchema,
  requestCodeBody,
  requestCodeResponse,
  verifyCodeBody,
  verifyCodeResponse,
} from '../../contracts/public-ratings.js';
import { notFound, retryLater, t } from '../../domain/errors.js';
import {
  CODE_REQUESTS_PER_IP,
  RATINGS_PER_IP_PER_MINUTE,
  RATINGS_PER_SESSION_PER_MINUTE,
  SESSION_TTL_MINUTES,
  ratingRefusal,
} from '../../domain/public-ratings.js';
import { rateFinalist, sessionRequired } from './commands/rate-finalist.js';
import { requestRatingCode } from './commands/request-code.js';
import { verifyRatingCode } from './commands/verify-code.js';
import { presentCompetition, presentWindow } from './window-view.js';
import {
  findRatingCompetition,
  findRatingSession,
  listPublicFinalists,
  ratingsOfVoter,
  type RatingCompetition,
} from './queries.js';
import { SessionLimit } from './session-limit.js';
import { ratingKeys, ratingToken, setRatingCookie, tokenHash } from './voter.js';

const noRating = () =>
  notFound(
    t('Penilaian publik kompetisi ini tidak ditemukan.', "This competition's public rating was not found."),
  );

const limited =
  (code: string, id: (min: number) => string, en: (min: number) => string) =>
  (_req: FastifyRequest, ctx: { ttl: number }) => {
    const min = Math.max(1, Math.ceil(ctx.ttl / 60000));
    return retryLater(code, t(id(min), en(min)), ctx.ttl / 1000);
  };

/** Public participation, the visitor's side: the page's data, the e-mail code, and rating (no account). */
export const publicRatingPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const secure = app.deps.config.baseUrl.startsWith('https://');
  const keys = () => ratingKeys(app.deps.config.sessionSecret);
  const perSession = new SessionLimit(app.deps.db, RATINGS_PER_SESSION_PER_MINUTE);
  /** A published competition (a draft has no public side: 404 as for an unknown one). */
  const load = async (id: number): Promise<RatingCompetition> => {
    const c = await findRatingCompetition(app.deps.db, id);
    if (!c || c.status === 'draft') throw noRating();
    return c;
  };
  const sessionOf = async (req: FastifyRequest, c: RatingCompetition) => {
    const token = ratingToken(req, secure);
    return token ? findRatingSession(app.deps.db, c.id, tokenHash(token), app.deps.clock.now()) : undefined;
  };

  app.get(
    '/public/competitions/:id/public-ratings/window',
    {
      config: { public: true },
      schema: {
        tags: ['public-ratings'],
        summary: 'The public-rating window of a competition (public): its state, instants and zone',
        params: competitionIdParams,
        response: { 200: ratingWindowSchema },
      },
    },
    async (req) => presentWindow(await load(req.params.id), app.deps.clock.now()),
  );

  app.get(
    '/public/competitions/:id/public-ratings',
    {
      config: { public: true },
      schema: {
        tags: ['public-ratings'],
        summary:
          "The public rating page (public): the window, the finalists' public summary, and the visitor's own ratings when verified",
        params: competitionIdParams,
        response: { 200: publicRatingPageResponse },
      },
    },
    async (req) => {
      const c = await load(req.params.id);
      const now = app.deps.clock.now();
      const window = presentWindow(c, now);
      const session = await sessionOf(req, c);
      const mine = session ? await ratingsOfVoter(app.deps.db, c.id, session.voter_hash) : new Map();
      // The finalists are shown once the organizer has switched public rating on.
      const finalists = window.state === 'off' ? [] : await listPublicFinalists(app.deps.db, c.id);
      return {
        competition: presentCompetition(c),
        window,
        verified: session !== undefined,
        sessionExpiresAt: session?.expires_at ?? null,
        finalists: finalists.map((f) => ({ ...f, myRating: mine.get(f.proposalId) ?? null })),
      };
    },
  );

  app.post(
    '/public/competitions/:id/public-ratings/code',
    {
      config: {
        public: true,
        rateLimit: {
          max: CODE_REQUESTS_PER_IP,
          timeWindow: '15 minutes',
          errorResponseBuilder: limited(
            'rating_code_ip_limited',
            (m) => `Terlalu banyak permintaan kode dari alamat jaringan ini. Coba lagi ${m} menit lagi.`,
            (m) => `Too many code requests from this network address. Try again in ${m} minutes.`,
          ),
        },
      },
      schema: {
        tags: ['public-ratings'],
        summary:
          'Ask for a 6-digit code by e-mail to verify an address (public; inside the window; 3 per address per hour; no throw-away domains)',
        params: competitionIdParams,
        body: requestCodeBody,
        response: { 202: requestCodeResponse },
      },
    },
    async (req, reply) => {
      const c = await load(req.params.id);
      const out = await requestRatingCode(app.deps.db, {
        competition: c,
        email: req.body.email,
        locale: req.body.locale,
        ip: req.ip,
        now: app.deps.clock.now(),
        baseUrl: app.deps.config.baseUrl,
        keys: keys(),
      });
      app.deps.mail.kick();
      reply.code(202);
      return out;
    },
  );

  app.post(
    '/public/competitions/:id/public-ratings/verify',
    {
      config: {
        public: true,
        rateLimit: {
          max: 30,
          timeWindow: '15 minutes',
          errorResponseBuilder: limited(
            'rating_verify_ip_limited',
            (m) => `Terlalu banyak percobaan kode dari alamat jaringan ini. Coba lagi ${m} menit lagi.`,
            (m) => `Too many code attempts from this network address. Try again in ${m} minutes.`,
          ),
        },
      },
      schema: {
        tags: ['public-ratings'],
        summary:
          'Use the code (or the link) from the mail: opens a rating session (a cookie for 2 hours); the address is then erased',
        params: competitionIdParams,
        body: verifyCodeBody,
        response: { 200: verifyCodeResponse },
      },
    },
    async (req, reply) => {
      const c = await load(req.params.id);
      const { token, expiresAt } = await verifyRatingCode(app.deps.db, {
        competition: c,
        requestId: req.body.requestId,
        code: req.body.code,
        ip: req.ip,
        now: app.deps.clock.now(),
        keys: keys(),
      });
      setRatingCookie(reply, token, secure, SESSION_TTL_MINUTES * 60_000);
      return { verified: true as const, expiresAt };
    },
  );

  app.put(
    '/public/competitions/:id/public-ratings/ratings',
    {
      config: {
        public: true,
        rateLimit: {
          max: RATINGS_PER_IP_PER_MINUTE,
          timeWindow: '1 minute',
          errorResponseBuilder: limited(
            'rating_ip_limited',
            (m) => `Terlalu banyak penilaian dari alamat jaringan ini. Coba lagi ${m} menit lagi.`,
            (m) => `Too many ratings from this network address. Try again in ${m} minutes.`,
          ),
        },
      },
      schema: {
        tags: ['public-ratings'],
        summary:
          "Rate a finalist's kebermanfaatan 1–5 (public, a verified rating session): one rating per person per finalist, rating again replaces it",
        params: competitionIdParams,
        body: rateBody,
        response: { 200: rateResponse },
      },
    },
    async (req) => {
      const c = await load(req.params.id);
      const closed = ratingRefusal(c.window, app.deps.clock.now(), c.timeZone);
      if (closed) throw closed;
      const session = await sessionOf(req, c);
      if (!session) throw sessionRequired();
      // Per rating session as well (a person reads before rating), by the wall clock of this process.
      const wait = await perSession.take(String(session.id), Date.now());
      if (wait !== null)
        throw retryLater(
          'rating_session_limited',
          t(
            `Sesi ini memberi lebih dari ${RATINGS_PER_SESSION_PER_MINUTE} penilaian dalam satu menit. Coba lagi sebentar lagi; penilaian yang sudah tersimpan tetap tercatat.`,
            `This session gave more than ${RATINGS_PER_SESSION_PER_MINUTE} ratings within a minute. Try again shortly; the ratings already saved are kept.`,
          ),
          wait / 1000,
        );
      const { replaced } = await rateFinalist(app.deps.db, {
        competition: c,
        session,
        proposalId: req.body.proposalId,
        value: req.body.value,
        ip: req.ip,
        now: app.deps.clock.now(),
      });
      return { proposalId: req.body.proposalId, value: req.body.value, replaced };
    },
  );
};
