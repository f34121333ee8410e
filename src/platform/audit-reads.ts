import type { Db } from '../db/connect.js';
import { recordAudit, type AuditAction } from './audit.js';
import type { RecordScope } from './record-scope.js';

export interface ReadInput {
  actorUserId: number;
  /** e.g. `attachment.downloaded`, `proposal.pdf_downloaded`, `outbox.viewed`. */
  action: AuditAction;
  entityType: string;
  entityId: string | number | null;
  summary: Record<string, unknown>;
  scope?: RecordScope;
  ip: string | null;
  now: Date;
}

/**
 * Records that someone read or downloaded something (a file, a PDF, an export, a message). A read changes
 * nothing, so it has its own small transaction; it is written before the content is sent, so a download
 * that was answered is always in the log.
 */
export async function recordRead(db: Db, input: ReadInput): Promise<void> {
  await db.transaction().execute((tx) => recordAudit(tx, input));
}
