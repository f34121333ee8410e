import Papa from 'papaparse';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { competitionIdParams } from '../../contracts/competitions.js';
import { INSTITUTION_TYPE_LABELS } from '../../contracts/institutions.js';
import {
  institutionParticipationQuery,
  institutionParticipationResponse,
  participationExportQuery,
  remindInstitutionsBody,
  remindUnitsBody,
  reminderResult,
  unitParticipationQuery,
  unitParticipationResponse,
} from '../../contracts/participation.js';
import type { CompetitionRow } from '../../db/schema.js';
import { notFound, t } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { formatSortable } from '../../domain/time.js';
import { clientIp, requireUser } from '../../platform/auth.js';
import { recordRead } from '../../platform/audit-reads.js';
import { findCompetitionRow } from '../competitions/queries.js';
import { remindInstitutions } from './commands/remind-institutions.js';
import { remindUnits } from './commands/remind-units.js';
import { institutionParticipates } from './queries.js';
import { institutionParticipation, unitParticipation } from './view.js';

const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));

const STATUS_LABELS = {
  forwarded: t('Sudah meneruskan', 'Forwarded'),
  in_progress: t('Sedang menyiapkan', 'In progress'),
  nothing: t('Belum ada proposal', 'No proposal'),
} as const;

/**
 * The participation view (issue 11 point 7): the organizer's per participant institution, the admin
 * lokal's per unit, and the reminders. Outside the caller's scope every route answers 404.
 */
export const participationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;

  /** A competition whose participation the caller (its organizer's secretariat) may see, else 404. */
  const loadForOrganizer = async (req: FastifyRequest, id: number) => {
    const { actor } = requireUser(req);
    const c = await findCompetitionRow(db, id);
    if (
      !c ||
      !can(actor, 'participation.viewInstitutions', { organizerInstitutionId: c.organizer_institution_id })
    )
      throw competitionNotFound();
    return c;
  };

  /**
   * A published competition and the admin lokal's institution taking part in it, else 404. Without
   * `institutionId`, the one institution whose units the caller may see.
   */
  const loadForInstitution = async (req: FastifyRequest, id: number, institutionId: number | undefined) => {
    const { actor } = requireUser(req);
    const own = [
      ...new Set(actor.grants.map((g) => g.institutionId).filter((i): i is number => i !== null)),
    ].filter((i) => can(actor, 'participation.viewUnits', { institutionId: i }));
    const chosen = institutionId ?? (own.length === 1 ? own[0] : undefined);
    if (chosen === undefined || !can(actor, 'participation.viewUnits', { institutionId: chosen }))
      throw notFound(t('Instansi tidak ditemukan.', 'Institution not found.'));
    const c = await findCompetitionRow(db, id);
    if (!c || c.status !== 'published' || !(await institutionParticipates(db, c, chosen)))
      throw competitionNotFound();
    const institution = await db
      .selectFrom('institutions')
      .select(['id', 'name'])
      .where('id', '=', chosen)
      .executeTakeFirst();
    if (!institution) throw notFound(t('Instansi tidak ditemukan.', 'Institution not found.'));
    return { c, institution };
  };

  const remindAllowed = (req: FastifyRequest, c: CompetitionRow) =>
    can(req.actor, 'participation.remindInstitutions', {
      organizerInstitutionId: c.organizer_institution_id,
    });

  app.get(
    '/competitions/:id/participation',
    {
      schema: {
        tags: ['participation'],
        summary:
          "The organizer's participation view: every participant institution with its proposals forwarded per " +
          'group against the quota, those in progress, its status (forwarded / in_progress / nothing) and when its ' +
          'admin lokal were last reminded; filters, search and totals',
        params: competitionIdParams,
        querystring: institutionParticipationQuery,
        response: { 200: institutionParticipationResponse },
      },
    },
    async (req) => {
      const c = await loadForOrganizer(req, req.params.id);
      const { page = 1, pageSize = 50, ...filter } = req.query;
      const view = await institutionParticipation(db, c, filter);
      const { lines, ...rest } = view;
      return {
        ...rest,
        matching: lines.length,
        remindableIds: lines.filter((l) => l.remindable).map((l) => l.institution.id),
        generatedAt: clock.now().toISOString(),
        page,
        pageSize,
        rows: lines.slice((page - 1) * pageSize, page * pageSize),
        abilities: { remind: remindAllowed(req, c) && c.status === 'published', export: true },
      };
    },
  );

  app.get(
    '/competitions/:id/participation/export',
    {
      schema: {
        tags: ['participation'],
        summary: 'The participation view as CSV (UTF-8 with BOM), filtered like the view',
        params: competitionIdParams,
        querystring: participationExportQuery,
      },
    },
    async (req, reply) => {
      const c = await loadForOrganizer(req, req.params.id);
      const { format, lang: asked, ...filter } = req.query;
      const lang = asked ?? req.user?.locale ?? 'id';
      const view = await institutionParticipation(db, c, filter);
      const head = [
        lang === 'id' ? 'Instansi' : 'Institution',
        lang === 'id' ? 'Jenis instansi' : 'Institution type',
        lang === 'id' ? 'Provinsi' : 'Province',
        lang === 'id' ? 'Status' : 'Status',
        lang === 'id' ? 'Diteruskan' : 'Forwarded',
        lang === 'id' ? 'Sedang disiapkan' : 'In progress',
        ...view.groups.map((g) =>
          lang === 'id' ? `${g.label.id} (diteruskan/kuota)` : `${g.label.en} (forwarded/quota)`,
        ),
        lang === 'id' ? 'Admin Lokal aktif' : 'Active local admins',
        lang === 'id' ? 'Terakhir diingatkan' : 'Last reminded',
      ];
      const rows = view.lines.map((l) => [
        l.institution.name,
        INSTITUTION_TYPE_LABELS[l.institution.type][lang],
        l.institution.provinceName ?? '',
        STATUS_LABELS[l.status][lang],
        l.forwarded,
        l.inProgress,
        ...l.groups.map((g) => (g.quota === null ? `${g.forwarded}` : `${g.forwarded}/${g.quota}`)),
        l.recipients,
        l.lastRemindedAt ? formatSortable(l.lastRemindedAt, c.time_zone) : '',
      ]);
      await recordRead(db, {
        actorUserId: req.actor!.userId,
        action: 'participation.exported',
        entityType: 'competition',
        entityId: c.id,
        summary: { format, lang, filter },
        scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
        ip: clientIp(req),
        now: clock.now(),
      });
      const stamp = clock.now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
      const base = `sinovik-${c.code}-${c.year}-partisipasi-${stamp}`.replace(/[^A-Za-z0-9._-]/g, '_');
      const body =
        '\uFEFF' + Papa.unparse([head, ...rows], { newline: '\r\n', escapeFormulae: true }) + '\r\n';
      return reply
        .header('content-disposition', `attachment; filename="${base}.csv"`)
        .header('cache-control', 'no-store')
        .type('text/csv; charset=utf-8')
        .send(body);
    },
  );

  app.post(
    '/competitions/:id/participation/reminders',
    {
      schema: {
        tags: ['participation'],
        summary:
          'Reminds the admin lokal of the chosen participant institutions that have forwarded nothing (mail and ' +
          'notification, once per person per 24 hours); dryRun only counts who would get it',
        params: competitionIdParams,
        body: remindInstitutionsBody,
        response: { 200: reminderResult },
      },
    },
    async (req) => {
      const c = await loadForOrganizer(req, req.params.id);
      if (!remindAllowed(req, c)) throw competitionNotFound();
      const result = await remindInstitutions(db, {
        competition: c,
        institutionIds: req.body.institutionIds,
        dryRun: req.body.dryRun ?? false,
        actorUserId: req.actor!.userId,
        ip: clientIp(req),
        now: clock.now(),
        baseUrl: config.baseUrl,
      });
      if (result.sent) app.deps.mail.kick();
      return result;
    },
  );

  app.get(
    '/competitions/:id/participation/units',
    {
      schema: {
        tags: ['participation'],
        summary:
          "The admin lokal's participation view: every unit of its institution with its proposals in the " +
          'competition (forwarded per group, in progress), its status and when its UPPs were last reminded',
        params: competitionIdParams,
        querystring: unitParticipationQuery,
        response: { 200: unitParticipationResponse },
      },
    },
    async (req) => {
      const { institutionId, ...filter } = req.query;
      const { c, institution } = await loadForInstitution(req, req.params.id, institutionId);
      const { lines, ...rest } = await unitParticipation(db, c, institution.id, filter);
      return {
        ...rest,
        institution,
        matching: lines.length,
        remindableIds: lines.filter((l) => l.remindable).map((l) => l.unit.id),
        generatedAt: clock.now().toISOString(),
        rows: lines,
        abilities: {
          remind: can(req.actor, 'participation.remindUnits', { institutionId: institution.id }),
        },
      };
    },
  );

  app.post(
    '/competitions/:id/participation/units/reminders',
    {
      schema: {
        tags: ['participation'],
        summary:
          'Reminds the UPPs of the chosen units with no proposal (mail and notification, once per person per 24 ' +
          'hours); dryRun only counts who would get it',
        params: competitionIdParams,
        body: remindUnitsBody,
        response: { 200: reminderResult },
      },
    },
    async (req) => {
      const { c, institution } = await loadForInstitution(req, req.params.id, req.body.institutionId);
      if (!can(req.actor, 'participation.remindUnits', { institutionId: institution.id }))
        throw notFound(t('Instansi tidak ditemukan.', 'Institution not found.'));
      const result = await remindUnits(db, {
        competition: c,
        institution,
        unitIds: req.body.unitIds,
        dryRun: req.body.dryRun ?? false,
        actorUserId: req.actor!.userId,
        ip: clientIp(req),
        now: clock.now(),
        baseUrl: config.baseUrl,
      });
      if (result.sent) app.deps.mail.kick();
      return result;
    },
  );
};
