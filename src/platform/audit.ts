import crypto from 'node:crypto';
import type { Db } from '../db/connect.js';
import type { Insertable } from 'kysely';
import { perDatabase } from '../db/per-database.js';
import { prepared } from '../db/prepared.js';
import type { AuditEventTable } from '../db/schema-platform.js';
import { scopeColumns, type RecordScope } from './record-scope.js';

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
  | 'account.personal_data_downloaded' // the person downloaded their own personal data (UU PDP)
  | 'user.erased' // the system administrator erased a person's personal data (ids and reference only)
  | 'retention.updated'
  | 'retention.applied' // the daily retention job removed something (counts only)
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
  | 'competition.participants_changed'
  | 'competition.deadline_extended' // the submission closing moved, with the letter number
  | 'competition.closed' // the closing job froze and received the proposals
  | 'clock.moved'
  | 'outbox.retried'
  | 'outbox.viewed' // someone opened a message on the Outbox page
  | 'outbox.file_downloaded' // the .eml of a message (system administrator)
  | 'attachment.downloaded'
  | 'proposal.pdf_downloaded'
  | 'certificate.downloaded' // one certificate's PDF, by a signed-in person (never the public verification)
  | 'certificates.downloaded_all' // the ZIP of a competition's certificates (its secretariat)
  | 'dashboard.exported'
  | 'season_report.exported'
  | (string & {});

export interface AuditInput {
  actorUserId: number | null;
  action: AuditAction;
  entityType: string;
  entityId: string | number | null;
  summary: Record<string, unknown>;
  /** Whose event this is; decides who reads it in the audit log (none: the system administrator only). */
  scope?: RecordScope;
  ip: string | null;
  now: Date;
}

const keys = perDatabase<{ key: Buffer | null }>(() => ({ key: null }));

/**
 * Sets the secret that keys the audit chain for this database (config AUDIT_KEY, kept outside the
 * database). Every process that writes audit events calls it once after connecting.
 */
export function setAuditKey(db: Db, key: string): void {
  keys(db).key = Buffer.from(key, 'utf8');
}

export function auditKeyOf(db: Db): Buffer {
  const key = keys(db).key;
  if (!key) throw new Error('the audit key is not set for this database (setAuditKey)');
  return key;
}

/** The checkpoint row's name: the chain's count and head as of the newest linked event. */
export const HEAD_CHECKPOINT = 'head';

/**
 * Records one audit event in the transaction of the change it records (so it exists exactly when the change
 * does). The event is stored unlinked; the linker (`audit-linker.ts`, run by the worker about every second)
 * chains the committed events to their predecessors with an HMAC keyed with the audit key and moves the signed
 * checkpoint. Recording therefore takes no lock: on PostgreSQL every audited change of every process used to
 * wait for the chain's one lock, holding a pool connection while it waited. Until it is linked (about a
 * second) an event is only as safe as any row.
 */
export async function recordAudit(tx: Db, input: AuditInput): Promise<void> {
  await insertEvent.run(tx, {
    actor_user_id: input.actorUserId,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId === null ? null : String(input.entityId),
    summary: JSON.stringify(input.summary),
    ip: input.ip,
    created_at: input.now.toISOString(),
    ...scopeColumns(input.scope),
  });
}

type EventValues = Omit<
  Insertable<AuditEventTable>,
  'id' | 'prev_hash' | 'hash' | 'keyed' | 'chain_seq' | 'reference_data'
> & { reference_data: number };

/** One unlinked event (every column always given: one statement text, db/prepared.ts). */
const insertEvent = prepared((db, v: EventValues) =>
  db.insertInto('audit_events').values({
    actor_user_id: v.actor_user_id,
    action: v.action,
    entity_type: v.entity_type,
    entity_id: v.entity_id,
    summary: v.summary,
    ip: v.ip,
    created_at: v.created_at,
    prev_hash: null,
    hash: UNLINKED,
    keyed: 1,
    competition_id: v.competition_id,
    organizer_institution_id: v.organizer_institution_id,
    institution_id: v.institution_id,
    reference_data: v.reference_data,
  }),
);

/** The `hash` of an event the linker has not linked yet (its `chain_seq` is null too). */
export const UNLINKED = '';

/** A checkpoint: how many events the chain had, the newest one's id and hash. */
export interface Checkpoint {
  eventCount: number;
  lastEventId: number;
  headHash: string | null;
}

/** Pure: the signature of a checkpoint, so no one without the key can write one that verifies. */
export function checkpointMac(key: Buffer, c: Checkpoint): string {
  return crypto
    .createHmac('sha256', key)
    .update(['checkpoint', c.eventCount, c.lastEventId, c.headHash ?? ''].join('\u001f'))
    .digest('hex');
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

/** What a keyed event's hash covers besides the fields of an unkeyed one. */
export interface KeyedAuditHashFields extends AuditHashFields {
  ip: string | null;
  competitionId: number | null;
  organizerInstitutionId: number | null;
  institutionId: number | null;
  referenceData: number;
}

/**
 * Pure: the HMAC-SHA256, keyed with the audit key, that links an event to its predecessor. Without the
 * key a changed chain cannot be recomputed so that it verifies.
 */
export function keyedAuditHash(key: Buffer, f: KeyedAuditHashFields): string {
  return crypto
    .createHmac('sha256', key)
    .update(
      [
        'v2',
        f.prevHash ?? '',
        f.createdAt,
        f.actorUserId ?? '',
        f.action,
        f.entityType,
        f.entityId ?? '',
        f.summary,
        f.ip ?? '',
        f.competitionId ?? '',
        f.organizerInstitutionId ?? '',
        f.institutionId ?? '',
        f.referenceData,
      ].join('\u001f'),
    )
    .digest('hex');
}

/**
 * Pure: the unkeyed sha256 of the events written before migration 0012 (keyed = 0). They stay verifiable
 * with it; the first keyed event or checkpoint after them fixes their head.
 */
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
  ip: string | null;
  created_at: string;
  prev_hash: string | null;
  hash: string;
  keyed: number;
  competition_id: number | null;
  organizer_institution_id: number | null;
  institution_id: number | null;
  reference_data: number;
}

/** The columns of an event the chain check reads (its hash covers all but id, prev_hash and hash). */
export const CHAIN_COLUMNS = [
  'id',
  'actor_user_id',
  'action',
  'entity_type',
  'entity_id',
  'summary',
  'ip',
  'created_at',
  'prev_hash',
  'hash',
  'keyed',
  'competition_id',
  'organizer_institution_id',
  'institution_id',
  'reference_data',
] as const satisfies readonly (keyof ChainedEvent)[];

/** Pure: the hash an event should have, keyed or not as it says (the verifier then checks `keyed` order). */
export function expectedHash(key: Buffer, e: ChainedEvent): string {
  const base = {
    prevHash: e.prev_hash,
    createdAt: e.created_at,
    actorUserId: e.actor_user_id,
    action: e.action,
    entityType: e.entity_type,
    entityId: e.entity_id,
    summary: e.summary,
  };
  if (!e.keyed) return auditEventHash(base);
  return keyedAuditHash(key, {
    ...base,
    ip: e.ip,
    competitionId: e.competition_id,
    organizerInstitutionId: e.organizer_institution_id,
    institutionId: e.institution_id,
    referenceData: e.reference_data,
  });
}

/**
 * Pure: checks linked events given in chain order (`chain_seq`), continuing from `expectedPrev` (the hash of the event before
 * the first one, null at the start of the log) and `keyedSeen` (whether a keyed event came before). The
 * first event whose link or content does not match is `brokenAt`; an edited row breaks at itself, a
 * deleted row breaks at its successor, and an unkeyed event after a keyed one (a chain recomputed
 * without the key) breaks at itself.
 */
export function checkAuditChain(
  key: Buffer,
  events: readonly ChainedEvent[],
  expectedPrev: string | null,
  keyedSeen = false,
): { brokenAt: number | null; lastHash: string | null; checked: number; keyedSeen: boolean } {
  let prev = expectedPrev;
  let checked = 0;
  let keyed = keyedSeen;
  for (const e of events) {
    checked++;
    const ok = (e.prev_hash ?? null) === prev && expectedHash(key, e) === e.hash && (e.keyed === 1 || !keyed);
    if (!ok) return { brokenAt: e.id, lastHash: prev, checked, keyedSeen: keyed };
    if (e.keyed === 1) keyed = true;
    prev = e.hash;
  }
  return { brokenAt: null, lastHash: prev, checked, keyedSeen: keyed };
}
