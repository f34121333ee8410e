import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { galleryFilterQuery, galleryStatsResponse, OPEN_DATA_COLUMNS } from '../../contracts/gallery-data.js';
import { galleryStats, openDataBatches } from './open-data-queries.js';
import { openDataItem, openDataRecord } from './open-data-view.js';
import { galleryRateLimit } from './public-routes.js';
import { statusesOf } from './owner/public-view.js';
import type { PublicEntryRow } from './public-view.js';

/**
 * The gallery's open data and statistics (issue 14 point 6), public, no account, with the list's filters:
 * every entry's public fields as CSV (UTF-8 with BOM, RFC 4180) or JSON, streamed batch by batch
 * (open-data-queries.ts), and the counts of the statistics page. gallery_entries only: a proposal without
 * consent has no row there, so it is in no file and no count. docs/open-data.md describes the fields.
 */
export const galleryDataRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config, clock } = app.deps;
  const stamp = () => clock.now().toISOString().slice(0, 10);
  /** A batch's items, each with its yearly status flag (one read of the batch's confirmations). */
  const itemsOf = async (rows: PublicEntryRow[]) => {
    const statuses = await statusesOf(db, rows, { now: clock.now(), prompt: config.galleryStatusPrompt });
    return rows.map((r) => openDataItem(config.baseUrl, r, statuses.get(r.proposal_id)!.status));
  };

  app.get(
    '/public/gallery/data.csv',
    {
      config: { public: true, rateLimit: galleryRateLimit },
      schema: {
        tags: ['gallery'],
        summary:
          'Open data: the public fields of every gallery entry as CSV (UTF-8 with BOM, header row, RFC 4180 ' +
          'quoting), with the list filters; columns in docs/open-data.md',
        querystring: galleryFilterQuery,
      },
    },
    async (req, reply) => {
      const filter = req.query;
      async function* csv() {
        // The BOM makes Excel read UTF-8 (names with diacritics); cells starting with = + - @ are escaped
        // with a leading ' so a spreadsheet never runs a formula someone typed into a title.
        yield '\uFEFF' + Papa.unparse([[...OPEN_DATA_COLUMNS]], { newline: '\r\n' }) + '\r\n';
        for await (const rows of openDataBatches(db, filter))
          yield (
            Papa.unparse((await itemsOf(rows)).map(openDataRecord), {
              header: false,
              columns: [...OPEN_DATA_COLUMNS],
              newline: '\r\n',
              escapeFormulae: true,
            }) + '\r\n'
          );
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="sinovik-galeri-${stamp()}.csv"`)
        .header('cache-control', 'public, max-age=300')
        .send(Readable.from(csv()));
    },
  );

  app.get(
    '/public/gallery/data.json',
    {
      config: { public: true, rateLimit: galleryRateLimit },
      schema: {
        tags: ['gallery'],
        summary:
          'Open data: the public fields of every gallery entry as JSON ({ generatedAt, items: [...] }, each ' +
          'item as GET /api/public/gallery/:slug plus url and api), with the list filters',
        querystring: galleryFilterQuery,
      },
    },
    async (req, reply) => {
      const filter = req.query;
      const generatedAt = clock.now().toISOString();
      async function* json() {
        yield `{"generatedAt":${JSON.stringify(generatedAt)},"items":[`;
        let first = true;
        for await (const rows of openDataBatches(db, filter)) {
          const items = (await itemsOf(rows)).map((item) => JSON.stringify(item)).join(',');
          yield (first ? '' : ',') + items;
          first = false;
        }
        yield ']}';
      }
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="sinovik-galeri-${stamp()}.json"`)
        .header('cache-control', 'public, max-age=300')
        .send(Readable.from(json()));
    },
  );

  app.get(
    '/public/gallery/stats',
    {
      config: { public: true, rateLimit: galleryRateLimit },
      schema: {
        tags: ['gallery'],
        summary:
          'Statistics of the gallery (public): entries counted by year, category, province, participant type ' +
          'and award, with the list filters',
        querystring: galleryFilterQuery,
        response: { 200: galleryStatsResponse },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return galleryStats(db, req.query);
    },
  );
};
