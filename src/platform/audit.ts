import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { dialectOf } from '../db/connect.js';

/** Typed audit actions: one name per state change, written in the change's own transaction. */
export type AuditAction =
  | 'user.login' // a successful login
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
  | 'clock.moved'
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
  const hash = crypto
    .createHash('sha256')
    .update(
      [
        prevHash ?? '',
        createdAt,
        input.actorUserId ?? '',
        input.action,
        input.entityType,
        entityId ?? '',
        summary,
      ].join('\u001f'),
    )
    .digest('hex');
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
