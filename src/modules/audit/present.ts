import type { AuditEventItem } from '../../contracts/audit.js';
import { UNLINKED } from '../../platform/audit.js';
import type { AuditEventWithActor } from './queries.js';

/** The stored JSON summary as data; text that is no longer JSON (a damaged row) is shown as it is. */
export function parseSummary(summary: string): unknown {
  try {
    return JSON.parse(summary);
  } catch {
    return summary;
  }
}

/** Summary keys that carry a proposal's content (title, return note, evidence file name): hidden from a reader who may not open the proposal. */
const PROPOSAL_CONTENT_KEYS = ['title', 'note', 'name'];

/** The stored summary text with a proposal's content left out (a damaged, non-JSON summary is hidden). */
export function redactedSummary(summary: string): string {
  const parsed = parseSummary(summary);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return '"[disembunyikan]"';
  const copy: Record<string, unknown> = { ...(parsed as Record<string, unknown>) };
  for (const k of PROPOSAL_CONTENT_KEYS) if (k in copy) copy[k] = '[disembunyikan]';
  return JSON.stringify(copy);
}

/**
 * The event as this reader may see it: `hideContent` when it is about a proposal the reader cannot open
 * (a draft that has not reached the organizer): its content, and who wrote it and from where (the person of
 * another institution's unit), are left out; what happened, when, to which proposal code stays.
 */
export function readableEvent(row: AuditEventWithActor, hideContent: boolean): AuditEventWithActor {
  return hideContent
    ? { ...row, summary: redactedSummary(row.summary), actor_name: HIDDEN, actor_email: HIDDEN, ip: null }
    : row;
}

const HIDDEN = '[disembunyikan]';

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
    hash: row.hash === UNLINKED ? null : row.hash,
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
