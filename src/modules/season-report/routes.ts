import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  seasonReportParams,
  seasonReportQuery,
  seasonReportResponse,
  seasonYearsResponse,
} from '../../contracts/season-report.js';
import { notFound, t } from '../../domain/errors.js';
import { decide } from '../../domain/policy.js';
import { recordRead } from '../../platform/audit-reads.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import type { FastifyRequest } from 'fastify';
import { findCompetitionRow, findInstitution } from '../competitions/queries.js';
import { seasonReport, seasonYears } from './report.js';
import { seasonReportSheets } from './xlsx.js';

const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The season report (issue 13 point 7): the organizer's secretariat (the system administrator all). Another
 * organizer's competition answers 404 (as if it did not exist); other roles 403.
 */
export const seasonReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  async function load(req: FastifyRequest, id: number) {
    requireUser(req);
    const competition = await findCompetitionRow(db, id);
    if (!competition) throw competitionNotFound();
    const subject = { organizerInstitutionId: competition.organizer_institution_id };
    const d = decide(req.actor, 'seasonReport.view', subject);
    if (!d.allowed && d.reason === 'otherOrganizer') throw competitionNotFound();
    authorize(req, 'seasonReport.view', subject);
    const organizer = await findInstitution(db, competition.organizer_institution_id);
    if (!organizer) throw competitionNotFound();
    return { competition, organizer };
  }

  app.get(
    '/competitions/:id/season-report',
    {
      schema: {
        tags: ['season report'],
        summary:
          "A competition's funnel (registered → forwarded → passed administration → nominated → finalist → " +
          'Top Terpuji) with conversion rates, by category, group, participant type and region (provinces; the ' +
          'regencies/cities of the province for a provincial organizer or with ?provinsi=33). Counts only',
        params: seasonReportParams,
        querystring: seasonReportQuery,
        response: { 200: seasonReportResponse },
      },
    },
    async (req) => {
      const { competition, organizer } = await load(req, req.params.id);
      return seasonReport(db, {
        competition,
        organizer,
        province: req.query.provinsi ?? null,
        actor: req.actor!,
        now: clock.now(),
      });
    },
  );

  app.get(
    '/competitions/:id/season-report/years',
    {
      schema: {
        tags: ['season report'],
        summary:
          "The organizer's competitions year by year (oldest first), each with its funnel and conversion rates " +
          '(optionally limited to one province with ?provinsi=)',
        params: seasonReportParams,
        querystring: seasonReportQuery,
        response: { 200: seasonYearsResponse },
      },
    },
    async (req) => {
      const { competition, organizer } = await load(req, req.params.id);
      return seasonYears(db, { competition, organizer, province: req.query.provinsi ?? null });
    },
  );

  app.get(
    '/competitions/:id/season-report.xlsx',
    {
      schema: {
        tags: ['season report'],
        summary:
          'The season report as XLSX (made in the export pool): the funnel, one sheet per breakdown and the ' +
          "organizer's years side by side",
        params: seasonReportParams,
        querystring: seasonReportQuery,
      },
    },
    async (req, reply) => {
      const { competition, organizer } = await load(req, req.params.id);
      const { user, actor } = requireUser(req);
      const lang = req.query.lang ?? user.locale ?? 'id';
      const province = req.query.provinsi ?? null;
      const now = clock.now();
      const [report, years] = await Promise.all([
        seasonReport(db, { competition, organizer, province, actor, now }),
        seasonYears(db, { competition, organizer, province }),
      ]);
      const sheets = seasonReportSheets(report, years, lang);
      async function* batches() {
        for (const [sheet, s] of sheets.entries()) yield { sheet, rows: s.rows };
      }
      const body = app.deps.exports.workbook(
        user.id,
        sheets.map((s) => ({ name: s.name, columns: s.columns })),
        batches(),
      );
      await recordRead(db, {
        actorUserId: actor.userId,
        action: 'season_report.exported',
        entityType: 'competition',
        entityId: competition.id,
        summary: { province, lang },
        scope: {
          competitionId: competition.id,
          organizerInstitutionId: competition.organizer_institution_id,
        },
        ip: clientIp(req),
        now,
      });
      const name = `sinovik-laporan-${competition.code}-${competition.year}${province ? `-${province}` : ''}.xlsx`;
      return reply
        .header('content-disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
        .header('cache-control', 'no-store')
        .type(XLSX_TYPE)
        .send(body);
    },
  );
};
