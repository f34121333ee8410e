import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { competitionIdParams } from '../../contracts/competitions.js';
import { dashboardResponse, proposalExportQuery } from '../../contracts/dashboard.js';
import type { CompetitionRow } from '../../db/schema.js';
import { dashboardFacts } from '../../domain/dashboard.js';
import { extensionsOf, parseSettings } from '../../domain/deadlines.js';
import { notFound, t } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { ORGANIZER_VISIBLE_STATES } from '../../domain/proposal-workflow.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import { proposalBatches } from '../proposals/queries.js';
import { csvStream, exportRecord } from './export.js';
import {
  competitionLabels,
  dashboardCountRows,
  dashboardInstants,
  findCompetitionRow,
  findSubmissionStage,
  provincePlaces,
} from './queries.js';
import { recordRead } from '../../platform/audit-reads.js';

/** Proposals read per statement by an export. */
const EXPORT_BATCH = 100;

const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));

const organizerOf = (c: CompetitionRow) => ({ organizerInstitutionId: c.organizer_institution_id });

/** The secretariat's submission dashboard (counts of every state) and the export of what reached it. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  /** A competition the caller may see (a draft only for its organizer), then the organizer's view of it. */
  const loadForOrganizer = async (req: FastifyRequest, id: number) => {
    requireUser(req);
    const c = await findCompetitionRow(db, id);
    if (!c || (c.status === 'draft' && !can(req.actor, 'competition.viewDraft', organizerOf(c))))
      throw competitionNotFound();
    authorize(req, 'proposal.viewAll', organizerOf(c));
    return c;
  };

  app.get(
    '/competitions/:id/dashboard',
    {
      schema: {
        tags: ['proposals'],
        summary:
          "The organizer's submission dashboard: counts of every proposal by state, group, category, " +
          'participant type and province, per-day arrivals and the closing (counts only, no content)',
        params: competitionIdParams,
        response: { 200: dashboardResponse },
      },
    },
    async (req) => {
      const c = await loadForOrganizer(req, req.params.id);
      const [stage, labels, rows, instants, places] = await Promise.all([
        findSubmissionStage(db, c.id),
        competitionLabels(db, c.id),
        dashboardCountRows(db, c.id),
        dashboardInstants(db, c.id),
        provincePlaces(),
      ]);
      const settings = parseSettings(stage?.settings);
      const closedAt = typeof settings.closedAt === 'string' ? settings.closedAt : null;
      const facts = dashboardFacts({
        rows,
        instants,
        timeZone: c.time_zone,
        groups: labels.groups,
        categories: labels.categories,
        provincePlace: (code) => places.get(code),
      });
      return {
        competition: {
          id: c.id,
          code: c.code,
          name: c.name,
          year: c.year,
          status: c.status,
          timeZone: c.time_zone,
        },
        submission: {
          opensAt: stage?.opens_at ?? null,
          closesAt: stage?.closes_at ?? null,
          closedAt,
          extensions: extensionsOf(settings).length,
        },
        generatedAt: clock.now().toISOString(),
        ...facts,
        abilities: {
          viewList: true,
          export: true,
          extend:
            can(req.actor, 'competition.manage', organizerOf(c)) &&
            c.status === 'published' &&
            !!stage?.closes_at &&
            closedAt === null,
        },
      };
    },
  );

  app.get(
    '/competitions/:id/proposals/export',
    {
      schema: {
        tags: ['proposals'],
        summary:
          'The proposals that reached the organizer, filtered and sorted like the dashboard list, as CSV ' +
          '(UTF-8 with BOM) or XLSX; instants on the competition wall clock with zone',
        params: competitionIdParams,
        querystring: proposalExportQuery,
      },
    },
    async (req, reply) => {
      const c = await loadForOrganizer(req, req.params.id);
      const { user } = requireUser(req);
      const { format, lang: asked, ...filter } = req.query;
      const lang = asked ?? req.user?.locale ?? 'id';
      const places = await provincePlaces();
      const place = (code: string) => places.get(code);
      // Small batches, each in a turn of its own (exports.turn()): SQLite answers synchronously, and the
      // batches of every export would otherwise follow one another as microtasks, keeping everyone waiting.
      const { exports } = app.deps;
      async function* records() {
        await exports.turn();
        for await (const rows of proposalBatches(
          db,
          {
            any: false,
            institutionIds: [],
            unitIds: [],
            anyOrganizer: false,
            organizerIds: [c.organizer_institution_id],
            organizerStates: ORGANIZER_VISIBLE_STATES,
            onlyStates: ORGANIZER_VISIBLE_STATES,
            competitionId: c.id,
            ...filter,
          },
          EXPORT_BATCH,
        )) {
          yield rows.map((r) => exportRecord(r, lang, place));
          await exports.turn();
        }
      }
      const stamp = clock.now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
      const base = `sinovik-${c.code}-${c.year}-usulan-${stamp}`.replace(/[^A-Za-z0-9._-]/g, '_');
      // The spreadsheet is written in the export pool; admission first (429 export_busy), then the headers.
      const body =
        format === 'csv'
          ? csvStream(records(), lang)
          : app.deps.exports.xlsx(user.id, records(), lang, `${c.code} ${c.year}`);
      await recordRead(db, {
        actorUserId: req.actor!.userId,
        action: 'dashboard.exported',
        entityType: 'competition',
        entityId: c.id,
        summary: { format, lang, filter },
        scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
        ip: clientIp(req),
        now: clock.now(),
      });
      reply
        .header('content-disposition', `attachment; filename="${base}.${format}"`)
        .header('cache-control', 'no-store');
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(body);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(body);
    },
  );
};
