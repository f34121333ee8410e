import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditExportQuery,
  auditListQuery,
  auditListResponse,
  auditVerifyResponse,
} from '../../contracts/audit.js';
import { can } from '../../domain/policy.js';
import { authorize } from '../../platform/auth.js';
import { AUDIT_CSV_FIELDS, auditCsvRecord, presentAuditEvent } from './present.js';
import { auditEventBatches, auditFacets, listAuditEvents, verifyAuditChain } from './queries.js';

/** The audit log browser: filtered pages, the hash-chain check and a CSV export (secretariat, system admin). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit events, newest first, filtered by action, entity, actor, time and text',
        querystring: auditListQuery,
        response: { 200: auditListResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'audit.view', {});
      const { page, pageSize, ...filter } = req.query;
      const [{ rows, total }, facets] = await Promise.all([
        listAuditEvents(db, filter, page, pageSize),
        auditFacets(db),
      ]);
      const canView = can(actor, 'audit.view', {});
      return {
        items: rows.map(presentAuditEvent),
        total,
        page,
        pageSize,
        facets,
        abilities: { verify: canView, export: canView },
      };
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Recompute the hash chain; names the first event that was altered or lost its predecessor',
        response: { 200: auditVerifyResponse },
      },
    },
    async (req) => {
      authorize(req, 'audit.view', {});
      return verifyAuditChain(db);
    },
  );

  app.get(
    '/audit/export.csv',
    {
      schema: {
        tags: ['audit'],
        summary: 'The filtered audit log as CSV (UTF-8 with BOM, opens in Excel), newest first',
        querystring: auditExportQuery,
      },
    },
    async (req, reply) => {
      authorize(req, 'audit.view', {});
      const filter = req.query;
      const stamp = clock.now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
      // Streamed batch by batch: the log only grows, and an export must not hold all of it in memory.
      async function* csv() {
        // The BOM makes Excel read UTF-8 (names with diacritics); cells starting with = + - @ are
        // escaped so a spreadsheet never runs a formula someone typed into a name.
        yield '\uFEFF' + Papa.unparse([[...AUDIT_CSV_FIELDS]], { newline: '\r\n' }) + '\r\n';
        for await (const rows of auditEventBatches(db, filter)) {
          yield Papa.unparse(rows.map(auditCsvRecord), { newline: '\r\n', escapeFormulae: true }) + '\r\n';
        }
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="sinovik-audit-${stamp}.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(csv()));
    },
  );
};
