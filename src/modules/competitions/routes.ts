import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  competitionDetailSchema,
  competitionIdParams,
  participantsBody,
  competitionImpactSchema,
  competitionListResponse,
  fromTemplateBody,
  updateCompetitionBody,
} from '../../contracts/competitions.js';
import { mayUnpublish, proposalCountsOf } from '../../domain/competition-changes.js';
import type { CompetitionRow } from '../../db/schema.js';
import { fieldError, notFound, t } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { institutionScope } from '../../domain/policy-scopes.js';
import { authorize, requireUser } from '../../platform/auth.js';
import { createFromTemplate } from './commands/create-from-template.js';
import { setCompetitionStatus } from './commands/set-status.js';
import { updateCompetition } from './commands/update-competition.js';
import { presentDetail, presentSummary } from './present.js';
import { entrantsOf, participationViews } from './participants.js';
import { setParticipants } from './commands/set-participants.js';
import {
  findCompetitionRow,
  findInstitution,
  hasProposals,
  listAmendments,
  listCompetitions,
  loadCompetitionFull,
  pendingSubmissionJobs,
  proposalStateCounts,
} from './queries.js';

const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));

/** A draft exists only for those who may manage its organizer's competitions. */
const visible = (req: FastifyRequest, c: CompetitionRow) =>
  c.status !== 'draft' ||
  can(req.actor, 'competition.viewDraft', { organizerInstitutionId: c.organizer_institution_id });

/** Competitions as data: the public list and page, the KIPP template, editing and publishing. */
export const competitionRoutes: FastifyPluginAsyncZod = async (app) => {
  const detail = async (req: FastifyRequest, id: number) => {
    const [full, amendments, proposals] = await Promise.all([
      loadCompetitionFull(app.deps.db, id),
      listAmendments(app.deps.db, id),
      hasProposals(app.deps.db, id),
    ]);
    if (!full) throw competitionNotFound();
    const [participation] = await participationViews(
      app.deps.db,
      [full.competition],
      await entrantsOf(app.deps.db, req.actor),
    );
    return presentDetail(full, req.actor, app.deps.clock.now(), {
      amendments,
      hasProposals: proposals,
      participation,
    });
  };

  /** Loads a competition the caller may see, then asks the policy whether they may manage it. */
  const loadForManage = async (req: FastifyRequest, id: number) => {
    requireUser(req);
    const c = await findCompetitionRow(app.deps.db, id);
    if (!c || !visible(req, c)) throw competitionNotFound();
    return authorize(req, 'competition.manage', { organizerInstitutionId: c.organizer_institution_id });
  };

  app.get(
    '/competitions',
    {
      config: { public: true },
      schema: {
        tags: ['competitions'],
        summary: 'Published competitions (public), plus the drafts the caller may manage',
        response: { 200: competitionListResponse },
      },
    },
    async (req) => {
      const scope = institutionScope(req.actor, 'competition.viewDraft');
      const rows = await listCompetitions(app.deps.db, {
        all: scope.any,
        organizerIds: scope.institutionIds,
      });
      const now = app.deps.clock.now();
      const views = await participationViews(
        app.deps.db,
        rows.map((full) => full.competition),
        await entrantsOf(app.deps.db, req.actor),
      );
      return { items: rows.map((full, i) => presentSummary(full, req.actor, now, views[i])) };
    },
  );

  app.get(
    '/competitions/:id',
    {
      config: { public: true },
      schema: {
        tags: ['competitions'],
        summary: 'One competition with its whole definition; a draft is 404 for whoever cannot manage it',
        params: competitionIdParams,
        response: { 200: competitionDetailSchema },
      },
    },
    async (req) => {
      const c = await findCompetitionRow(app.deps.db, req.params.id);
      if (!c || !visible(req, c)) throw competitionNotFound();
      return detail(req, c.id);
    },
  );

  app.post(
    '/competitions/from-template',
    {
      schema: {
        tags: ['competitions'],
        summary: 'Create a draft competition from the KIPP template (secretariat of the organizer)',
        body: fromTemplateBody,
        response: { 201: competitionDetailSchema },
      },
    },
    async (req, reply) => {
      requireUser(req);
      const actor = authorize(req, 'competition.create', {
        organizerInstitutionId: req.body.organizerInstitutionId,
      });
      const organizer = await findInstitution(app.deps.db, req.body.organizerInstitutionId);
      if (!organizer)
        throw fieldError(
          'organizerInstitutionId',
          'unknown_institution',
          t('Instansi penyelenggara tidak ditemukan.', 'Organizer institution not found.'),
        );
      const competition = await createFromTemplate(app.deps.db, {
        ...req.body,
        organizer,
        createdBy: actor.userId,
        ip: req.ip,
        now: app.deps.clock.now(),
      });
      reply.code(201);
      return detail(req, competition.id);
    },
  );

  app.put(
    '/competitions/:id',
    {
      schema: {
        tags: ['competitions'],
        summary:
          'Replace the definition (rows matched by key keep their ids); once published, a structural change needs an amendment (409 amendment_required) and the code, year and submission window are refused (409 change_refused)',
        params: competitionIdParams,
        body: updateCompetitionBody,
        response: { 200: competitionDetailSchema },
      },
    },
    async (req) => {
      const actor = await loadForManage(req, req.params.id);
      const { amendment, ...definition } = req.body;
      await updateCompetition(app.deps.db, {
        id: req.params.id,
        definition,
        amendment: amendment ? { ...amendment, reasonEn: amendment.reasonEn ?? null } : undefined,
        actorUserId: actor.userId,
        ip: req.ip,
        now: app.deps.clock.now(),
        baseUrl: app.deps.config.baseUrl,
      });
      app.deps.mail.kick();
      return detail(req, req.params.id);
    },
  );

  app.get(
    '/competitions/:id/impact',
    {
      schema: {
        tags: ['competitions'],
        summary:
          'What publishing or unpublishing touches, in numbers (proposals by state, institutions, pending reminders, the submission window) and whether unpublishing is allowed (organizer)',
        params: competitionIdParams,
        response: { 200: competitionImpactSchema },
      },
    },
    async (req) => {
      await loadForManage(req, req.params.id);
      const c = (await findCompetitionRow(app.deps.db, req.params.id))!;
      const full = (await loadCompetitionFull(app.deps.db, c.id))!;
      const [counts, jobs] = await Promise.all([
        proposalStateCounts(app.deps.db, c.id),
        pendingSubmissionJobs(app.deps.db, c.id),
      ]);
      const proposals = proposalCountsOf(counts.byState);
      const decision = mayUnpublish(proposals);
      const submission = full.stages.find((s) => s.kind === 'submission');
      return {
        competitionId: c.id,
        status: c.status,
        timeZone: c.time_zone,
        submission: { opensAt: submission?.opens_at ?? null, closesAt: submission?.closes_at ?? null },
        proposals,
        institutions: counts.institutions,
        pendingJobs: jobs,
        unpublish: { allowed: decision.allowed, reason: decision.allowed ? null : decision.reason },
      };
    },
  );

  app.put(
    '/competitions/:id/participants',
    {
      schema: {
        tags: ['competitions'],
        summary:
          'Set who may take part (institution types and regions; secretariat of the organizer). Others are not offered the competition and may neither start, send nor forward a proposal in it (403 not_participant)',
        params: competitionIdParams,
        body: participantsBody,
        response: { 200: competitionDetailSchema },
      },
    },
    async (req) => {
      const actor = await loadForManage(req, req.params.id);
      await setParticipants(app.deps.db, {
        id: req.params.id,
        rule: req.body,
        actorUserId: actor.userId,
        ip: req.ip,
        now: app.deps.clock.now(),
      });
      return detail(req, req.params.id);
    },
  );

  for (const [verb, to] of [
    ['publish', 'published'],
    ['unpublish', 'draft'],
  ] as const) {
    app.post(
      `/competitions/:id/${verb}`,
      {
        schema: {
          tags: ['competitions'],
          summary:
            verb === 'publish'
              ? 'Publish a draft (its definition is checked again)'
              : 'Take a published competition back to draft',
          params: competitionIdParams,
          response: { 200: competitionDetailSchema },
        },
      },
      async (req) => {
        const actor = await loadForManage(req, req.params.id);
        await setCompetitionStatus(app.deps.db, {
          id: req.params.id,
          to,
          actorUserId: actor.userId,
          ip: req.ip,
          now: app.deps.clock.now(),
        });
        return detail(req, req.params.id);
      },
    );
  }
};
