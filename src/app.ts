import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Db } from './db/connect.js';
import { AdjustableClock } from './platform/clock.js';
import { authPlugin } from './platform/auth.js';
import { securityHeadersPlugin } from './platform/security-headers.js';
import { registerWebApp } from './platform/web-app.js';
import { recordRoutes } from './platform/route-table.js';
import { registerErrorHandler, errorBody, frameworkAnswer } from './platform/http-errors.js';
import { createMailTransport, type MailTransport } from './platform/mail/delivery.js';
import { registerMultipartGuard } from './platform/multipart.js';
import type { BlobStore } from './platform/storage.js';
import { createStorage } from './platform/storage-create.js';
import { startWorker } from './platform/worker.js';
import { databaseRateLimitStore } from './platform/rate-limit-store.js';
import { setAuditKey } from './platform/audit.js';
import { sealAuditChain } from './platform/audit-linker.js';
import { systemRoutes } from './modules/system/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { personalDataRoutes } from './modules/auth/personal-data-routes.js';
import { institutionRoutes } from './modules/institutions/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { adminRequestRoutes } from './modules/admin-requests/routes.js';
import { competitionRoutes } from './modules/competitions/routes.js';
import { mailRoutes } from './modules/mail/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { proposalRoutes } from './modules/proposals/routes.js';
import { proposalVersionRoutes } from './modules/proposals/version-routes.js';
import { attachmentRoutes } from './modules/proposals/evidence/routes.js';
import { awardRoutes } from './modules/awards/routes.js';
import { deadlineRoutes } from './modules/deadlines/routes.js';
import { dashboardRoutes } from './modules/dashboard/routes.js';
import { invitationRoutes } from './modules/invitations/routes.js';
import { assignmentRoutes } from './modules/assignments/routes.js';
import { stageResultRoutes } from './modules/stage-results/routes.js';
import { finalistRoutes } from './modules/finalists/routes.js';
import { resultRoutes } from './modules/results/routes.js';
import { plenaryInputs } from './plenary-inputs.js';
import { fieldVerificationRoutes } from './modules/field-verification/routes.js';
import { presentationRoutes } from './modules/presentation/routes.js';
import { presentationParticipantRoutes } from './modules/presentation/participant-routes.js';
import { presentationPanelRoutes } from './modules/presentation/panel-routes.js';
import { scoreExportRoutes } from './modules/score-exports/routes.js';
import { selectionRoutes } from './modules/selection/routes.js';
import { seasonReportRoutes } from './modules/season-report/routes.js';
import { userAdminRoutes } from './modules/user-admin/routes.js';
import { retentionRoutes } from './modules/retention/routes.js';
import { participationRoutes } from './modules/participation/routes.js';
import { objectionPublicRoutes } from './modules/objections/public-routes.js';
import { objectionRoutes } from './modules/objections/routes.js';
import { galleryPublicRoutes } from './modules/gallery/public-routes.js';
import { replicationPublicRoutes } from './modules/replication/public-routes.js';
import { replicationRoutes } from './modules/replication/routes.js';
import { galleryOwnerRoutes } from './modules/gallery/owner/routes.js';
import { galleryEvidenceRoutes } from './modules/gallery/owner/public-routes.js';
import { galleryDataRoutes } from './modules/gallery/data-routes.js';
import { publicRatingPublicRoutes } from './modules/public-ratings/public-routes.js';
import { publicRatingRoutes } from './modules/public-ratings/routes.js';
import { announcementRoutes } from './modules/announcements/routes.js';
import { reviewTeamRoutes } from './modules/review-team/routes.js';
import { reviewRoutes } from './modules/review/routes.js';
import { adminCheckRoutes } from './modules/admin-check/routes.js';
import { nearDuplicateRoutes } from './modules/near-duplicates/routes.js';
import { completionEvidenceGate } from './modules/admin-check/completion-evidence.js';
import { completionEvidenceRoutes } from './modules/proposals/evidence/completion-routes.js';
import { ExportPool } from './modules/exports/pool.js';
import { certificateRoutes } from './modules/certificates/routes.js';
import { certificatePublicRoutes } from './modules/certificates/public-routes.js';
import { metricsRoutes } from './modules/metrics/routes.js';
import { backgroundJobHandlers, ensureRecurringJobs } from './background-jobs.js';

export interface AppDeps {
  config: Config;
  db: Db;
  clock: AdjustableClock;
  storage: BlobStore;
  mail: { transport: MailTransport; kick: () => void };
  /** PDFs and spreadsheets are made here, off the event loop. */
  exports: ExportPool;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export type App = FastifyInstance;
export type TypedApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

/** Builds the whole application: platform plugins first, then every module, listed explicitly. */
export async function buildApp(opts: {
  config: Config;
  db: Db;
  clock?: AdjustableClock;
  transport?: MailTransport;
  logger?: boolean;
  /** Start the in-process worker (mail delivery); tests drive it by hand instead. */
  worker?: boolean;
  /** The built web app to serve (default dist/web); tests serve a folder of their own. */
  webRoot?: string;
  /** Where files are stored (default: the one STORAGE names; `sinovik serve` passes one it checked). */
  storage?: BlobStore;
}): Promise<FastifyInstance> {
  const { config, db } = opts;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    // X-Forwarded-* only from the configured proxies (TRUSTED_PROXIES); nobody else may choose req.ip.
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    // One line per request floods the console of a small installation; errors are still logged.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
    bodyLimit: 2 * 1024 * 1024,
    // What the router refuses before any route (an over-long path parameter: 414) in our error body.
    frameworkErrors: (err, _req, reply) => {
      const { status, body } = frameworkAnswer(err);
      void (reply as unknown as FastifyReply).code(status).send(body);
    },
  });
  recordRoutes(app);
  // GET /metrics for the operator (METRICS_TOKEN); its request counting hook sits at the root, before every route.
  await metricsRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const transport =
    opts.transport ?? createMailTransport({ smtpUrl: config.smtpUrl, dataDir: config.dataDir });
  const clock = opts.clock ?? new AdjustableClock();
  const deps: AppDeps = {
    config,
    db,
    clock,
    storage: opts.storage ?? createStorage(config),
    mail: { transport, kick: () => undefined },
    exports: new ExportPool({
      threads: config.exportThreads,
      queue: config.exportQueue,
      perUser: config.exportPerUser,
    }),
  };
  app.decorate('deps', deps);
  app.addHook('onClose', async () => deps.exports.close());
  app.addHook('onClose', async () => deps.storage.close());
  setAuditKey(db, config.auditKey);
  // A log from before migration 0012 gets its first keyed checkpoint (see platform/audit.ts).
  await sealAuditChain(db, clock.now());

  if (opts.worker) {
    const recurringDeps = {
      storage: deps.storage,
      baseUrl: config.baseUrl,
      galleryStatusPrompt: config.galleryStatusPrompt,
    };
    const worker = startWorker({
      db,
      clock,
      transport,
      mailFrom: config.mailFrom,
      dataDir: config.dataDir,
      log: app.log,
      jobHandlers: backgroundJobHandlers(recurringDeps),
    });
    deps.mail.kick = worker.kick;
    ensureRecurringJobs(db, clock, recurringDeps).catch((err) =>
      app.log.error({ err }, 'could not schedule the hourly sweeps'),
    );
    app.addHook('onClose', async () => worker.stop());
  }

  registerErrorHandler(app);
  registerMultipartGuard(app);
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(securityHeadersPlugin, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.baseUrl.startsWith('https://'),
  });
  // The routes' limits count in the database, shared by every app process (issue 15 point 2).
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(db) });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Sinovik API',
        description: 'API Sinovik — kompetisi inovasi pelayanan publik. Everything the web app does.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  // The API's documentation is open to signed-out readers. @fastify/swagger-ui takes no route config (its
  // static files come from @fastify/static), so an onRoute hook of this wrapper declares each of its routes
  // public (see platform/auth.ts).
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });

  // Mutating requests from another origin are refused (defence in depth besides SameSite=Lax).
  app.addHook('onRequest', (req, reply, done) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return done();
    const origin = req.headers.origin;
    if (!origin) return done();
    // req.host reads X-Forwarded-Host only from a trusted proxy.
    const host = req.host;
    let sameHost = false;
    try {
      sameHost = new URL(origin).host === host;
    } catch {
      // not a URL: refused below
    }
    if (sameHost) return done();
    reply.code(403).send(
      errorBody('cross_origin', {
        id: 'Permintaan lintas situs ditolak.',
        en: 'Cross-site request refused.',
      }),
    );
  });

  await app.register(authPlugin);

  const api = app.withTypeProvider<ZodTypeProvider>();
  await api.register(systemRoutes, { prefix: '/api' });
  await api.register(authRoutes, { prefix: '/api' });
  await api.register(personalDataRoutes, { prefix: '/api' });
  await api.register(institutionRoutes, { prefix: '/api' });
  await api.register(userRoutes, { prefix: '/api' });
  await api.register(adminRequestRoutes, { prefix: '/api' });
  await api.register(competitionRoutes, { prefix: '/api' });
  await api.register(mailRoutes, { prefix: '/api' });
  await api.register(auditRoutes, { prefix: '/api' });
  await api.register(proposalRoutes, { prefix: '/api' });
  await api.register(proposalVersionRoutes, { prefix: '/api' });
  await api.register(attachmentRoutes, { prefix: '/api' });
  await api.register(awardRoutes, { prefix: '/api' });
  await api.register(deadlineRoutes, { prefix: '/api' });
  await api.register(dashboardRoutes, { prefix: '/api' });
  await api.register(invitationRoutes, { prefix: '/api' });
  await api.register(assignmentRoutes, { prefix: '/api' });
  await api.register(stageResultRoutes, { prefix: '/api' });
  await api.register(finalistRoutes, { prefix: '/api' });
  // The final session reads the field findings and the public ratings (issue 13 points 3, 8).
  await api.register(resultRoutes, { prefix: '/api', inputs: plenaryInputs });
  await api.register(fieldVerificationRoutes, { prefix: '/api' });
  await api.register(presentationRoutes, { prefix: '/api' });
  await api.register(presentationParticipantRoutes, { prefix: '/api' });
  await api.register(presentationPanelRoutes, { prefix: '/api' });
  await api.register(scoreExportRoutes, { prefix: '/api' });
  await api.register(selectionRoutes, { prefix: '/api' });
  await api.register(seasonReportRoutes, { prefix: '/api' });
  await api.register(userAdminRoutes, { prefix: '/api' });
  await api.register(retentionRoutes, { prefix: '/api' });
  await api.register(participationRoutes, { prefix: '/api' });
  await api.register(objectionPublicRoutes, { prefix: '/api' });
  await api.register(objectionRoutes, { prefix: '/api' });
  await api.register(publicRatingPublicRoutes, { prefix: '/api' });
  await api.register(galleryPublicRoutes, { prefix: '/api' });
  await api.register(replicationPublicRoutes, { prefix: '/api' });
  await api.register(replicationRoutes, { prefix: '/api' });
  await api.register(galleryEvidenceRoutes, { prefix: '/api' });
  await api.register(galleryOwnerRoutes, { prefix: '/api' });
  await api.register(galleryDataRoutes, { prefix: '/api' });
  await api.register(publicRatingRoutes, { prefix: '/api' });
  await api.register(announcementRoutes, { prefix: '/api' });
  await api.register(certificateRoutes, { prefix: '/api' });
  await api.register(certificatePublicRoutes, { prefix: '/api' });
  await api.register(reviewTeamRoutes, { prefix: '/api' });
  await api.register(reviewRoutes, { prefix: '/api' });
  await api.register(adminCheckRoutes, { prefix: '/api' });
  await api.register(nearDuplicateRoutes, { prefix: '/api' });
  // The admin lokal's evidence in a completion: the evidence wing's routes, the check's rule (no import between them).
  await api.register(completionEvidenceRoutes, { prefix: '/api', gate: completionEvidenceGate(deps.db) });

  // The built web app: precompressed, hashed assets cached for a year, client-side routes → index.html.
  await registerWebApp(app, opts.webRoot ?? webRoot);

  return app;
}
