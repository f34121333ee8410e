import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  consentResponse,
  contactBody,
  contactResponse,
  evidenceBody,
  galleryOwnerFileParams,
  galleryOwnerParams,
  galleryOwnerQuery,
  galleryOwnerResponse,
  statusBody,
  statusResponse,
} from '../../../contracts/gallery-owner.js';
import { notFound, t } from '../../../domain/errors.js';
import { can } from '../../../domain/policy.js';
import { authorize, clientIp, requireUser } from '../../../platform/auth.js';
import { confirmStatus } from './commands/confirm-status.js';
import { giveConsent } from './commands/give-consent.js';
import { markEvidence } from './commands/mark-evidence.js';
import { saveContact } from './commands/save-contact.js';
import { withdrawConsent } from './commands/withdraw-consent.js';
import { loadProposal } from './steps.js';
import { ownerInnovations } from './view.js';
import { institutionNamed } from './queries.js';

/**
 * The owner's side of the gallery (issue 14 points 1 and 4), for the admin lokal of the proposal's
 * institution (`galleryOwner.manage`): its innovations, consent, contact for replication, public evidence
 * and the yearly status. Another institution's admin lokal: 403; an unknown proposal: 404.
 */
export const galleryOwnerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;

  /** The proposal and the acting admin lokal, authorized on its institution. */
  const owned = async (req: FastifyRequest, proposalId: number) => {
    const { user } = requireUser(req);
    const p = await loadProposal(db, proposalId);
    const actor = authorize(req, 'galleryOwner.manage', { institutionId: p.institution_id });
    return {
      proposalId: p.id,
      actor: { userId: actor.userId, name: user.name },
      ip: clientIp(req),
      now: clock.now(),
    };
  };

  app.get(
    '/gallery-owner',
    {
      schema: {
        tags: ['gallery'],
        summary:
          "The institution's innovations for the gallery: in it (finalist or consented) or that could be consented, " +
          'with consent, contact for replication, evidence and the yearly status (its admin lokal)',
        querystring: galleryOwnerQuery,
        response: { 200: galleryOwnerResponse },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const own = [
        ...new Set(actor.grants.map((g) => g.institutionId).filter((i): i is number => i !== null)),
      ].filter((i) => can(actor, 'galleryOwner.manage', { institutionId: i }));
      const chosen = req.query.institutionId ?? own[0];
      if (chosen === undefined) {
        authorize(req, 'galleryOwner.manage', { institutionId: 0 });
        throw notFound(t('Instansi tidak ditemukan.', 'Institution not found.'));
      }
      authorize(req, 'galleryOwner.manage', { institutionId: chosen });
      const institution = await institutionNamed(db, chosen);
      if (!institution) throw notFound(t('Instansi tidak ditemukan.', 'Institution not found.'));
      const view = await ownerInnovations(db, {
        institutionId: chosen,
        now: clock.now(),
        prompt: config.galleryStatusPrompt,
      });
      return { institution, ...view };
    },
  );

  app.post(
    '/gallery-owner/proposals/:id/consent',
    {
      schema: {
        tags: ['gallery'],
        summary:
          'Consent to show a non-finalist proposal in the public gallery (its title, summary, answers, institution and ' +
          'region become public and searchable; can be withdrawn)',
        params: galleryOwnerParams,
        response: { 200: consentResponse },
      },
    },
    async (req) => giveConsent(db, { ...(await owned(req, req.params.id)), baseUrl: config.baseUrl }),
  );

  app.delete(
    '/gallery-owner/proposals/:id/consent',
    {
      schema: {
        tags: ['gallery'],
        summary:
          'Withdraw the consent: the entry leaves the gallery (a finalist cannot be withdrawn: public by the rules)',
        params: galleryOwnerParams,
        response: { 200: consentResponse },
      },
    },
    async (req) => {
      await withdrawConsent(db, { ...(await owned(req, req.params.id)), baseUrl: config.baseUrl });
      return { slug: null };
    },
  );

  app.put(
    '/gallery-owner/proposals/:id/contact',
    {
      schema: {
        tags: ['gallery'],
        summary:
          'The contact for replication (name, position/unit, e-mail, phone; an e-mail or phone when set)',
        params: galleryOwnerParams,
        body: contactBody,
        response: { 200: contactResponse },
      },
    },
    async (req) => saveContact(db, { ...(await owned(req, req.params.id)), contact: req.body }),
  );

  app.put(
    '/gallery-owner/proposals/:id/evidence/:attachmentId',
    {
      schema: {
        tags: ['gallery'],
        summary: 'Mark one evidence file public (downloadable from the gallery) or private',
        params: galleryOwnerFileParams,
        body: evidenceBody,
      },
    },
    async (req) =>
      markEvidence(db, {
        ...(await owned(req, req.params.id)),
        attachmentId: req.params.attachmentId,
        isPublic: req.body.isPublic,
      }),
  );

  app.put(
    '/gallery-owner/proposals/:id/status',
    {
      schema: {
        tags: ['gallery'],
        summary: "This year's confirmation of a public innovation: continuing, or halted with the reason",
        params: galleryOwnerParams,
        body: statusBody,
        response: { 200: statusResponse },
      },
    },
    async (req) =>
      confirmStatus(db, {
        ...(await owned(req, req.params.id)),
        status: req.body.status,
        reason: req.body.reason ?? null,
      }),
  );
};
