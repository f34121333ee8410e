import type { AuditEventItem } from '../../contracts/audit.js';
import type { AuditEventWithActor } from './queries.js';

/** The stored JSON summary as data; text that is no longer JSON (a damaged row) is shown as it is. */
export function parseSummary(summary: string): unknown {
  try {
    return JSON.parse(summary);
  } catch {
    return summary;
  }
}

export function presentAuditEvent(row: AuditEventWithActor): AuditEventItem {
  return {
    id: row.id,
    actor:
      row.actor_user_id === null
        ? null
        : { id: row.actor_user_id, name: row.actor_name ?? '', email: row.actor_email ?? '' },
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    summary: parseSummary(row.summary),
    ip: row.ip,
    createdAt: row.created_at,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}

export const AUDIT_CSV_FIELDS = [
  'id',
  'created_at',
  'actor_id',
  'actor_name',
  'actor_email',
  'action',
  'entity_type',
  'entity_id',
  'summary',
  'ip',
  'prev_hash',
  'hash',
] as const;

/** One CSV record; the summary stays the stored JSON text so the exported hash can be rechecked. */
export function auditCsvRecord(row: AuditEventWithActor): (string | number | null)[] {
  return [
    row.id,
    row.created_at,
    row.actor_user_id,
    row.actor_name,
    row.actor_email,
    row.action,
    row.entity_type,
    row.entity_id,
    row.summary,
    row.ip,
    row.prev_hash,
    row.hash,
  ];
}
