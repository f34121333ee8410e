import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditExportQuery,
  auditListQuery,
  auditListResponse,
  auditVerifyResponse,
} from '../../contracts/audit.js';
import { can, type Actor } from '../../domain/policy.js';
import { recordScope } from '../../domain/policy-scopes.js';
import { ORGANIZER_VISIBLE_STATES, type ProposalState } from '../../domain/proposal-workflow.js';
import type { Db } from '../../db/connect.js';
import { authorize } from '../../platform/auth.js';
import { verifyAudit } from '../../platform/audit-verify.js';
import { AUDIT_CSV_FIELDS, auditCsvRecord, presentAuditEvent, readableEvent } from './present.js';
import {
  auditEventBatches,
  auditFacets,
  listAuditEvents,
  proposalsHiddenFrom,
  type AuditEventWithActor,
} from './queries.js';

/**
 * The events as the reader may see them: a proposal event's title and note are hidden from a reader who
 * may not open that proposal (a secretariat sees a proposal once it is forwarded to its organizer).
 */
async function forReader(db: Db, actor: Actor, rows: AuditEventWithActor[]): Promise<AuditEventWithActor[]> {
  const proposalIds = rows
    .filter((r) => r.entity_type === 'proposal' && r.entity_id)
    .map((r) => r.entity_id!);
  const hidden = await proposalsHiddenFrom(
    db,
    proposalIds,
    (p) =>
      can(actor, 'proposal.view', { institutionId: p.institutionId, unitId: p.unitId }) ||
      (can(actor, 'proposal.viewAll', { organizerInstitutionId: p.organizerInstitutionId }) &&
        ORGANIZER_VISIBLE_STATES.includes(p.state as ProposalState)),
  );
  return rows.map((r) =>
    readableEvent(r, r.entity_type === 'proposal' && r.entity_id !== null && hidden.has(r.entity_id)),
  );
}

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
      const scope = recordScope(actor, 'audit.read');
      const [{ rows, total }, facets] = await Promise.all([
        listAuditEvents(db, filter, scope, page, pageSize),
        auditFacets(db, scope),
      ]);
      const canView = can(actor, 'audit.view', {});
      return {
        items: (await forReader(db, actor, rows)).map(presentAuditEvent),
        total,
        page,
        pageSize,
        facets,
        abilities: { verify: can(actor, 'audit.verify', {}), export: canView },
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
      authorize(req, 'audit.verify', {});
      const result = await verifyAudit(db, { dataDir: app.deps.config.dataDir });
      return result.ok ? { ok: true, checked: result.checked, unlinked: result.unlinked } : result;
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
      const actor = authorize(req, 'audit.view', {});
      const filter = req.query;
      const scope = recordScope(actor, 'audit.read');
      const stamp = clock.now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
      // Streamed batch by batch: the log only grows, and an export must not hold all of it in memory.
      async function* csv() {
        // The BOM makes Excel read UTF-8 (names with diacritics); cells starting with = + - @ are
        // escaped so a spreadsheet never runs a formula someone typed into a name.
        yield '\uFEFF' + Papa.unparse([[...AUDIT_CSV_FIELDS]], { newline: '\r\n' }) + '\r\n';
        for await (const rows of auditEventBatches(db, filter, scope)) {
          yield (
            Papa.unparse((await forReader(db, actor, rows)).map(auditCsvRecord), {
              newline: '\r\n',
              escapeFormulae: true,
            }) + '\r\n'
          );
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
