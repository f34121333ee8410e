import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { dialectOf } from '../db/connect.js';

/** Typed audit actions: one name per state change, written in the change's own transaction. */
export type AuditAction =
  | 'user.login' // a successful login (summary.method 'link' through an e-mailed sign-in link)
  | 'user.login_failed' // a failed login: the first ones per account/address/hour, then counted summaries
  | 'user.sign_in_link_requested'
  | 'user.password_change_failed' // a wrong current password on the change-password route
  | 'user.logout'
  | 'user.password_changed'
  | 'user.password_reset_requested'
  | 'user.password_reset'
  | 'user.profile_completed'
  | 'user.profile_updated'
  | 'user.created'
  | 'user.role_granted'
  | 'institution.created'
  | 'institution.updated'
  | 'institution.imported'
  | 'unit.created'
  | 'unit.updated'
  | 'admin_request.submitted'
  | 'admin_request.approved'
  | 'admin_request.rejected'
  | 'competition.created'
  | 'competition.updated'
  | 'competition.published'
  | 'competition.unpublished'
  | 'competition.deadline_extended' // the submission closing moved, with the letter number
  | 'competition.closed' // the closing job froze and received the proposals
  | 'clock.moved'
  | 'outbox.retried'
  | (string & {});

export interface AuditInput {
  actorUserId: number | null;
  action: AuditAction;
  entityType: string;
  entityId: string | number | null;
  summary: Record<string, unknown>;
  ip: string | null;
  now: Date;
}

/**
 * Appends one audit event chained to the previous one by hash (tamper evidence).
 * Must be called with the transaction of the change it records.
 */
export async function recordAudit(tx: Db, input: AuditInput): Promise<void> {
  if (dialectOf(tx) === 'postgres') {
    // Serialise writers of the chain so two transactions never link to the same predecessor.
    await sql`select pg_advisory_xact_lock(727001)`.execute(tx);
  }
  const prev = await tx
    .selectFrom('audit_events')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const createdAt = input.now.toISOString();
  const summary = JSON.stringify(input.summary);
  const entityId = input.entityId === null ? null : String(input.entityId);
  const prevHash = prev?.hash ?? null;
  const hash = auditEventHash({
    prevHash,
    createdAt,
    actorUserId: input.actorUserId,
    action: input.action,
    entityType: input.entityType,
    entityId,
    summary,
  });
  await tx
    .insertInto('audit_events')
    .values({
      actor_user_id: input.actorUserId,
      action: input.action,
      entity_type: input.entityType,
      entity_id: entityId,
      summary,
      ip: input.ip,
      created_at: createdAt,
      prev_hash: prevHash,
      hash,
    })
    .execute();
}

/** The stored fields an audit event's hash covers, exactly as they are kept in the row. */
export interface AuditHashFields {
  prevHash: string | null;
  createdAt: string;
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** The JSON text as stored, not a re-serialisation: any edit to it must change the hash. */
  summary: string;
}

/** Pure: the sha256 that links an event to its predecessor; recordAudit and the verifier both use it. */
export function auditEventHash(f: AuditHashFields): string {
  return crypto
    .createHash('sha256')
    .update(
      [
        f.prevHash ?? '',
        f.createdAt,
        f.actorUserId ?? '',
        f.action,
        f.entityType,
        f.entityId ?? '',
        f.summary,
      ].join('\u001f'),
    )
    .digest('hex');
}

/** One stored event as the chain check needs it. */
export interface ChainedEvent {
  id: number;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  created_at: string;
  prev_hash: string | null;
  hash: string;
}

/**
 * Pure: checks events given in id order, continuing from `expectedPrev` (the hash of the event before
 * the first one, null at the start of the log). The first event whose link or content does not match is
 * `brokenAt`; an edited row breaks at itself, a deleted row breaks at its successor.
 */
export function checkAuditChain(
  events: readonly ChainedEvent[],
  expectedPrev: string | null,
): { brokenAt: number | null; lastHash: string | null; checked: number } {
  let prev = expectedPrev;
  let checked = 0;
  for (const e of events) {
    checked++;
    const recomputed = auditEventHash({
      prevHash: e.prev_hash,
      createdAt: e.created_at,
      actorUserId: e.actor_user_id,
      action: e.action,
      entityType: e.entity_type,
      entityId: e.entity_id,
      summary: e.summary,
    });
    if ((e.prev_hash ?? null) !== prev || recomputed !== e.hash) {
      return { brokenAt: e.id, lastHash: prev, checked };
    }
    prev = e.hash;
  }
  return { brokenAt: null, lastHash: prev, checked };
}
