import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { competitionIdParams } from '../../contracts/competitions.js';
import {
  extendSubmissionBody,
  extensionPreviewResponse,
  extensionsResponse,
  type ExtensionsResponse,
} from '../../contracts/deadlines.js';
import type { CompetitionRow } from '../../db/schema.js';
import { extensionsOf, parseSettings } from '../../domain/deadlines.js';
import { notFound, t } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { authorize, requireUser } from '../../platform/auth.js';
import { extendSubmission } from './commands/extend-submission.js';
import { planExtension } from './commands/plan-extension.js';
import { recipientsWithRole } from '../../platform/notify.js';
import { findCompetitionRow, findSubmissionStage } from '../competitions/queries.js';
import { userNamesByIds } from './queries.js';

const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));

const organizerOf = (c: CompetitionRow) => ({ organizerInstitutionId: c.organizer_institution_id });

/** The submission deadline: its extensions (with the letter that decided each) and extending it. */
export const deadlineRoutes: FastifyPluginAsyncZod = async (app) => {
  /** A competition the caller may see: a draft only for those who may manage its organizer's competitions. */
  const loadVisible = async (req: FastifyRequest, id: number) => {
    const c = await findCompetitionRow(app.deps.db, id);
    if (!c || (c.status === 'draft' && !can(req.actor, 'competition.viewDraft', organizerOf(c))))
      throw competitionNotFound();
    return c;
  };

  const present = async (req: FastifyRequest, c: CompetitionRow): Promise<ExtensionsResponse> => {
    const stage = await findSubmissionStage(app.deps.db, c.id);
    const manage = can(req.actor, 'competition.manage', organizerOf(c));
    const extensions = extensionsOf(parseSettings(stage?.settings));
    // The list is public; the names of the secretariat's staff are shown only to the competition's managers.
    const names = manage
      ? await userNamesByIds(
          app.deps.db,
          extensions.map((e) => e.by),
        )
      : new Map<number, string>();
    return {
      competitionId: c.id,
      timeZone: c.time_zone,
      closesAt: stage?.closes_at ?? null,
      items: extensions.map((e) => ({
        ...e,
        byName: names.get(e.by) ?? null,
        movedStages: e.movedStages ?? [],
      })),
      abilities: { extend: manage && c.status === 'published' },
    };
  };

  app.get(
    '/competitions/:id/extensions',
    {
      config: { public: true },
      schema: {
        tags: ['competitions'],
        summary:
          'Extensions of the submission deadline, oldest first, with their letter numbers ' +
          '(and who extended, for the organizer’s secretariat)',
        params: competitionIdParams,
        response: { 200: extensionsResponse },
      },
    },
    async (req) => present(req, await loadVisible(req, req.params.id)),
  );

  app.post(
    '/competitions/:id/extend-submission/preview',
    {
      schema: {
        tags: ['competitions'],
        summary:
          'Check an extension and say what it would do (new closing, the later stages it moves, how many are told); nothing is saved',
        params: competitionIdParams,
        body: extendSubmissionBody,
        response: { 200: extensionPreviewResponse },
      },
    },
    async (req) => {
      requireUser(req);
      const c = await loadVisible(req, req.params.id);
      const actor = authorize(req, 'competition.manage', organizerOf(c));
      const plan = await planExtension(app.deps.db, {
        ...req.body,
        competitionId: c.id,
        actorUserId: actor.userId,
        now: app.deps.clock.now(),
      });
      return {
        competitionId: c.id,
        timeZone: c.time_zone,
        previousClosesAt: plan.extension.previousClosesAt,
        closesAt: plan.extension.closesAt,
        movedStages: plan.moved,
        calendar: plan.calendar,
        stages: plan.stages,
        recipients: (await recipientsWithRole(app.deps.db, { role: ['local_admin', 'upp'] })).length,
      };
    },
  );

  app.post(
    '/competitions/:id/extend-submission',
    {
      schema: {
        tags: ['competitions'],
        summary:
          'Extend the submission deadline (secretariat of the organizer): moves the closing and reminders, ' +
          'tells every admin lokal and UPP',
        params: competitionIdParams,
        body: extendSubmissionBody,
        response: { 200: extensionsResponse },
      },
    },
    async (req) => {
      requireUser(req);
      const c = await loadVisible(req, req.params.id);
      const actor = authorize(req, 'competition.manage', organizerOf(c));
      await extendSubmission(app.deps.db, {
        ...req.body,
        competitionId: c.id,
        actorUserId: actor.userId,
        ip: req.ip,
        now: app.deps.clock.now(),
        baseUrl: app.deps.config.baseUrl,
      });
      app.deps.mail.kick();
      return present(req, (await findCompetitionRow(app.deps.db, c.id)) ?? c);
    },
  );
};
