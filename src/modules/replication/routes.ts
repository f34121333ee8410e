import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { gallerySlugParams } from '../../contracts/gallery.js';
import {
  acceptReplicationBody,
  declineReplicationBody,
  replicationAbilitiesResponse,
  replicationIdParams,
  replicationListResponse,
  replicationRequestBody,
  replicationRequestSchema,
} from '../../contracts/replication.js';
import { notFound, t } from '../../domain/errors.js';
import { can, type Actor } from '../../domain/policy.js';
import { authorize, requireUser } from '../../platform/auth.js';
import { placeNames } from '../gallery/places.js';
import { acceptReplication } from './commands/accept-replication.js';
import { declineReplication } from './commands/decline-replication.js';
import { requestReplication } from './commands/request-replication.js';
import { withdrawReplication } from './commands/withdraw-replication.js';
import { presentRequest } from './present.js';
import {
  findRequestView,
  innovationBySlug,
  institutionNames,
  latestRequest,
  listRequestViews,
  type RequestView,
} from './queries.js';

const SLUG = /^[a-z0-9-]{1,120}$/;
const innovationNotFound = () =>
  notFound(t('Inovasi tidak ditemukan di galeri.', 'Innovation not found in the gallery.'));
const requestNotFound = () =>
  notFound(t('Permohonan replikasi tidak ditemukan.', 'Replication request not found.'));

/** The caller's institutions (from its grants) where the policy allows `action`, in id order. */
function institutionsWhere(actor: Actor | null, action: 'replication.request' | 'replication.view') {
  if (!actor) return [];
  const own = [
    ...new Set(actor.grants.map((g) => g.institutionId).filter((id): id is number => id !== null)),
  ];
  return own.filter((institutionId) => can(actor, action, { institutionId })).sort((a, b) => a - b);
}

/** The institution a request is made for: the caller's first that is not the owner (else the owner: 422). */
const requestingFor = (actor: Actor | null, ownerId: number) => {
  const mine = institutionsWhere(actor, 'replication.request');
  return mine.find((id) => id !== ownerId) ?? mine[0] ?? null;
};

/**
 * Replication between institutions (issue 14 point 3): asking from an innovation's page, the institution's
 * sent and received requests, and the answers. Every move is the policy's `replication.*`.
 */
export const replicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const innovation = async (slug: string) => {
    const found = SLUG.test(slug) ? await innovationBySlug(db, slug) : undefined;
    if (!found) throw innovationNotFound();
    return found;
  };
  const present = async (actor: Actor, v: RequestView) => {
    const direction = institutionsWhere(actor, 'replication.view').includes(v.owner_institution_id)
      ? 'received'
      : 'sent';
    return presentRequest(v, actor, direction, (await placeNames()).provinces);
  };

  app.get(
    '/gallery/:slug/replication-abilities',
    {
      config: { public: true },
      schema: {
        tags: ['replication'],
        summary:
          "What the caller may do about replicating a gallery innovation (anyone; signed out: nothing): ask (an admin lokal or UPP of another institution), or it is the caller's own",
        params: gallerySlugParams,
        response: { 200: replicationAbilitiesResponse },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      const inn = await innovation(req.params.slug);
      const actor = req.actor ?? null;
      const user = req.user ?? null;
      const institutionId = requestingFor(actor, inn.owner_institution_id);
      const owner =
        actor !== null && institutionsWhere(actor, 'replication.view').includes(inn.owner_institution_id);
      const latest =
        institutionId !== null && institutionId !== inn.owner_institution_id
          ? ((await latestRequest(db, inn.proposal_id, institutionId)) ?? null)
          : null;
      const names = await institutionNames(db, institutionId !== null ? [institutionId] : []);
      return {
        signedIn: user !== null,
        request:
          institutionId !== null &&
          institutionId !== inn.owner_institution_id &&
          latest?.state !== 'requested',
        owner,
        requestingInstitution:
          institutionId !== null && institutionId !== inn.owner_institution_id
            ? { id: institutionId, name: names.get(institutionId) ?? '' }
            : null,
        contact: user ? { name: user.name, email: user.email, phone: user.phone } : null,
        latest,
      };
    },
  );

  app.post(
    '/gallery/:slug/replication-requests',
    {
      schema: {
        tags: ['replication'],
        summary:
          'Ask the owner of a gallery innovation to replicate it (an admin lokal or UPP of another institution): 422 replication_to_self for one’s own institution (or its parent or an institution under it), 409 replication_already_requested while one is open; the owner’s admin lokal are mailed',
        params: gallerySlugParams,
        body: replicationRequestBody,
        response: { 201: replicationRequestSchema },
      },
    },
    async (req, reply) => {
      const { actor } = requireUser(req);
      const inn = await innovation(req.params.slug);
      const institutionId = requestingFor(actor, inn.owner_institution_id);
      authorize(req, 'replication.request', { institutionId: institutionId ?? inn.owner_institution_id });
      const id = await requestReplication(db, {
        innovation: inn,
        requestingInstitutionId: institutionId!,
        body: req.body,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: app.deps.config.baseUrl,
        now: app.deps.clock.now(),
      });
      app.deps.mail.kick();
      return reply.code(201).send(await present(actor, (await findRequestView(db, id))!));
    },
  );

  app.get(
    '/replication-requests',
    {
      schema: {
        tags: ['replication'],
        summary:
          "The replication requests the caller's institutions sent and received (their admin lokal and UPPs), newest first",
        response: { 200: replicationListResponse },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const ids = institutionsWhere(actor, 'replication.view');
      // Nothing to read for whoever serves no institution: the policy's refusal (403).
      if (!ids.length) authorize(req, 'replication.view', { institutionId: 0 });
      const provinces = (await placeNames()).provinces;
      const names = await institutionNames(db, ids);
      const [sent, received] = await Promise.all([
        listRequestViews(db, { institutionIds: ids, direction: 'sent' }),
        listRequestViews(db, { institutionIds: ids, direction: 'received' }),
      ]);
      return {
        institutions: ids.map((id) => ({ id, name: names.get(id) ?? '' })),
        sent: sent.map((v) => presentRequest(v, actor, 'sent', provinces)),
        received: received.map((v) => presentRequest(v, actor, 'received', provinces)),
      };
    },
  );

  const load = async (id: number) => {
    const v = await findRequestView(db, id);
    if (!v) throw requestNotFound();
    return v;
  };
  const answerRoute = (kind: 'accept' | 'decline') => ({
    tags: ['replication'],
    summary:
      kind === 'accept'
        ? "Accept an open replication request (the owner institution's admin lokal): its contact for replication is shared with the requester; final"
        : "Decline an open replication request with a reason (the owner institution's admin lokal; 400 on `reason` without one); final",
    params: replicationIdParams,
    response: { 200: replicationRequestSchema },
  });

  app.post(
    '/replication-requests/:id/accept',
    { schema: { ...answerRoute('accept'), body: acceptReplicationBody } },
    async (req) => {
      const { actor } = requireUser(req);
      const view = await load(req.params.id);
      authorize(req, 'replication.answer', { institutionId: view.owner_institution_id });
      const v = await acceptReplication(db, {
        view,
        body: req.body,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: app.deps.config.baseUrl,
        now: app.deps.clock.now(),
      });
      app.deps.mail.kick();
      return present(actor, v);
    },
  );

  app.post(
    '/replication-requests/:id/decline',
    { schema: { ...answerRoute('decline'), body: declineReplicationBody } },
    async (req) => {
      const { actor } = requireUser(req);
      const view = await load(req.params.id);
      authorize(req, 'replication.answer', { institutionId: view.owner_institution_id });
      const v = await declineReplication(db, {
        view,
        body: req.body,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: app.deps.config.baseUrl,
        now: app.deps.clock.now(),
      });
      app.deps.mail.kick();
      return present(actor, v);
    },
  );

  app.post(
    '/replication-requests/:id/withdraw',
    {
      schema: {
        tags: ['replication'],
        summary:
          "Withdraw one's institution's open replication request (its admin lokal or UPP); final; the owner's admin lokal are told",
        params: replicationIdParams,
        body: z.object({}).optional(),
        response: { 200: replicationRequestSchema },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const view = await load(req.params.id);
      authorize(req, 'replication.withdraw', { institutionId: view.requesting_institution_id });
      const v = await withdrawReplication(db, {
        view,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: app.deps.config.baseUrl,
        now: app.deps.clock.now(),
      });
      app.deps.mail.kick();
      return present(actor, v);
    },
  );
};
