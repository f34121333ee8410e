import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { competitionIdParams } from '../../contracts/competitions.js';
import {
  announcementListResponse,
  announcementParams,
  announcementQuery,
  announcementResponse,
  publishBody,
  publishResponse,
  readinessResponse,
} from '../../contracts/announcements.js';
import type { AnnouncementRow, CompetitionRow } from '../../db/schema.js';
import { notFound, t } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import { findCompetitionRow } from '../competitions/queries.js';
import { publishAdminResults } from './commands/publish-admin-results.js';
import { announcementOfKind, findStage, publishedAnnouncements } from './queries.js';
import { adminReadinessView, entriesOf, pageOfEntries, summaryOf } from './view.js';

const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
const announcementNotFound = () =>
  notFound(t('Pengumuman belum diterbitkan.', 'The announcement has not been published.'));

/**
 * Publishing a stage's results (issue 12 point 1): the readiness and the publish for the organizer's
 * secretariat (outside its scope: 404), and the public announcement, its list and its PDF (no account).
 */
export const announcementRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;

  /** The competition and its administrative stage, for its organizer's secretariat; else 404. */
  const loadForOrganizer = async (req: FastifyRequest, id: number) => {
    const { actor } = requireUser(req);
    const c = await findCompetitionRow(db, id);
    if (!c || !can(actor, 'announcement.prepare', { organizerInstitutionId: c.organizer_institution_id }))
      throw competitionNotFound();
    const stage = await findStage(db, c.id, 'administrative');
    if (!stage)
      throw notFound(t('Tahap seleksi administrasi tidak ditemukan.', 'Administrative stage not found.'));
    return { c, stage };
  };

  /** A competition the public may see (not a draft); else 404. */
  const loadPublic = async (id: number): Promise<CompetitionRow> => {
    const c = await findCompetitionRow(db, id);
    if (!c || c.status === 'draft') throw competitionNotFound();
    return c;
  };

  const competitionOf = (c: CompetitionRow) => ({ id: c.id, name: c.name, timeZone: c.time_zone });

  app.get(
    '/competitions/:id/publication/administrative',
    {
      schema: {
        tags: ['announcements'],
        summary:
          "Before publishing the administrative results (the organizer's secretariat): the staged outcomes " +
          '(passed, disqualified), what blocks a publication, the texts proposed and a preview of the public list',
        params: competitionIdParams,
        response: { 200: readinessResponse },
      },
    },
    async (req) => {
      const { c, stage } = await loadForOrganizer(req, req.params.id);
      const view = await adminReadinessView(db, c, stage, clock.now());
      return {
        ...view,
        abilities: {
          publish:
            view.ready &&
            can(req.actor, 'announcement.publish', { organizerInstitutionId: c.organizer_institution_id }),
        },
      };
    },
  );

  app.post(
    '/competitions/:id/publication/administrative',
    {
      schema: {
        tags: ['announcements'],
        summary:
          'Publishes the administrative results in one transaction: the staged outcomes applied (passed_admin, ' +
          'disqualified), the public announcement with its letter number, a notice to each admin lokal. Once per ' +
          'stage: a second publish answers 409 already_published',
        params: competitionIdParams,
        body: publishBody,
        response: { 200: publishResponse },
      },
    },
    async (req) => {
      const { c } = await loadForOrganizer(req, req.params.id);
      // The system administrator sees the readiness but publishes nothing in the organizer's name (403).
      authorize(req, 'announcement.publish', { organizerInstitutionId: c.organizer_institution_id });
      const r = await publishAdminResults(db, {
        competition: c,
        body: req.body,
        actorUserId: req.user!.id,
        ip: clientIp(req),
        now: clock.now(),
        baseUrl: config.baseUrl,
      });
      return { ...r, announcement: summaryOf(r.announcement) };
    },
  );

  app.get(
    '/competitions/:id/announcements',
    {
      config: { public: true },
      schema: {
        tags: ['announcements'],
        summary: "A competition's published announcements (public, no account), newest first",
        params: competitionIdParams,
        response: { 200: announcementListResponse },
      },
    },
    async (req) => {
      const c = await loadPublic(req.params.id);
      const rows = await publishedAnnouncements(db, c.id);
      return { competition: competitionOf(c), rows: rows.map(summaryOf) };
    },
  );

  const loadAnnouncement = async (id: number, kind: string) => {
    const c = await loadPublic(id);
    const a = await announcementOfKind(db, c.id, kind);
    if (!a) throw announcementNotFound();
    return { c, a };
  };

  app.get(
    '/competitions/:id/announcements/:kind',
    {
      config: { public: true },
      schema: {
        tags: ['announcements'],
        summary:
          'One published announcement (public): its letter number, date, texts and a page of its list, searchable ' +
          'by code, title or institution',
        params: announcementParams,
        querystring: announcementQuery,
        response: { 200: announcementResponse },
      },
    },
    async (req) => {
      const { c, a } = await loadAnnouncement(req.params.id, req.params.kind);
      const { page = 1, pageSize = 50, q } = req.query;
      const { matching, rows } = pageOfEntries(entriesOf(a), q, page, pageSize);
      return {
        competition: competitionOf(c),
        announcement: { ...summaryOf(a), bodyId: a.body_id, bodyEn: a.body_en },
        matching,
        page,
        pageSize,
        rows,
      };
    },
  );

  // An announcement never changes once published: its letter is rendered once per process, in a thread of
  // the export pool (thousands of rows are seconds of pdfkit, never on the event loop).
  const pdfs = new Map<number, Promise<Buffer>>();
  const pdfOf = async (c: CompetitionRow, a: AnnouncementRow) => {
    let p = pdfs.get(a.id);
    if (!p) {
      const organizer = await db
        .selectFrom('institutions')
        .select('name')
        .where('id', '=', c.organizer_institution_id)
        .executeTakeFirstOrThrow();
      p = app.deps.exports.announcementPdf(0, {
        announcement: a,
        entries: entriesOf(a),
        competition: { name: c.name, timeZone: c.time_zone },
        organizer: organizer.name,
      });
      p.catch(() => pdfs.delete(a.id));
      pdfs.set(a.id, p);
    }
    return p;
  };

  app.get(
    '/competitions/:id/announcements/:kind/pdf',
    {
      config: { public: true },
      schema: {
        tags: ['announcements'],
        summary:
          'The announcement letter as a PDF (public): letter number, date, texts in both languages, the list',
        params: announcementParams,
      },
    },
    async (req, reply) => {
      const { c, a } = await loadAnnouncement(req.params.id, req.params.kind);
      const pdf = await pdfOf(c, a);
      const name = `pengumuman-${a.kind}-${c.year}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-length', String(pdf.length))
        .header('content-disposition', `inline; filename="${name}"`)
        .header('cache-control', 'public, max-age=300')
        .send(pdf);
    },
  );
};
