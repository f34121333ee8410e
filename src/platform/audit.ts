import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { dialectOf } from '../db/connect.js';
import { beforeCommit } from '../db/before-commit.js';
import { perDatabase } from '../db/per-database.js';
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

/** The checkpoint row's name: the chain's count and head as of the newest event. */
export const HEAD_CHECKPOINT = 'head';

/**
 * Appends one audit event chained to the previous one by an HMAC keyed with the audit key, and moves the
 * signed checkpoint (count, last id, head hash) in the same transaction. Must be called with the
 * transaction of the change it records.
 *
 * On PostgreSQL the chain is one line through every writer, so appending takes a lock every audited change
 * waits for. Inside a transaction the event is therefore kept until the change's own work is done and
 * appended last, right before the commit (`db/before-commit.ts`): the lock is held for the append's
 * statements and the commit, not for the rest of the change (a proposal's revision, its outbox rows) and the
 * event-loop turns between them — under a deadline surge that wait had reached 0.7 s and took the
 * connections every autosave needed. Within one transaction the events keep their order.
 */
export async function recordAudit(tx: Db, input: AuditInput): Promise<void> {
  const key = auditKeyOf(tx);
  if (dialectOf(tx) !== 'postgres' || !tx.isTransaction) return appendEvents(tx, key, [input]);
  let queued = pendingEvents.get(tx);
  if (!queued) {
    const events: AuditInput[] = [];
    pendingEvents.set(tx, (queued = events));
    beforeCommit(tx, () => appendEvents(tx, key, events));
  }
  queued.push(input);
}

/** Audit events recorded in a PostgreSQL transaction, appended to the chain just before it commits. */
const pendingEvents = new WeakMap<object, AuditInput[]>();

async function appendEvents(tx: Db, key: Buffer, inputs: readonly AuditInput[]): Promise<void> {
  if (dialectOf(tx) === 'postgres') {
    // Serialise writers of the chain so two transactions never link to the same predecessor.
    await sql`select pg_advisory_xact_lock(727001)`.execute(tx);
  }
  // The checkpoint names the head, so the chain continues from it (one read); without one (a database
  // from before migration 0012, or a fresh one) the head and the count come from the table.
  const head =
    (await tx
      .selectFrom('audit_checkpoints')
      .select(['event_count', 'head_hash'])
      .where('name', '=', HEAD_CHECKPOINT)
      .executeTakeFirst()) ?? (await headFromTable(tx));
  let prevHash = head.head_hash;
  let count = Number(head.event_count);
  let lastId = 0;
  for (const input of inputs) {
    const createdAt = input.now.toISOString();
    const summary = JSON.stringify(input.summary);
    const entityId = input.entityId === null ? null : String(input.entityId);
    const scope = scopeColumns(input.scope);
    const hash = keyedAuditHash(key, {
      prevHash,
      createdAt,
      actorUserId: input.actorUserId,
      action: input.action,
      entityType: input.entityType,
      entityId,
      summary,
      ip: input.ip,
      competitionId: scope.competition_id,
      organizerInstitutionId: scope.organizer_institution_id,
      institutionId: scope.institution_id,
      referenceData: scope.reference_data,
    });
    const row = await tx
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
        keyed: 1,
        ...scope,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    prevHash = hash;
    count++;
    lastId = row.id;
  }
  await writeCheckpoint(tx, key, {
    eventCount: count,
    lastEventId: lastId,
    headHash: prevHash,
    now: inputs[inputs.length - 1]!.now,
  });
}

async function headFromTable(db: Db): Promise<{ event_count: number; head_hash: string | null }> {
  const [last, count] = await Promise.all([
    db.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst(),
    db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { event_count: Number(count.n), head_hash: last?.hash ?? null };
}

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

async function writeCheckpoint(tx: Db, key: Buffer, c: Checkpoint & { now: Date }): Promise<void> {
  const values = {
    event_count: c.eventCount,
    last_event_id: c.lastEventId,
    head_hash: c.headHash,
    created_at: c.now.toISOString(),
    mac: checkpointMac(key, c),
  };
  await tx
    .insertInto('audit_checkpoints')
    .values({ name: HEAD_CHECKPOINT, ...values })
    .onConflict((oc) => oc.column('name').doUpdateSet(values))
    .execute();
}

/**
 * Seals the chain as it is when no checkpoint exists yet (a database from before migration 0012 whose
 * unkeyed events were never followed by a keyed one): a first signed checkpoint of its count and head,
 * so deleting or rewriting those events is seen from then on. Run at start-up; does nothing otherwise.
 */
export async function sealAuditChain(db: Db, now: Date): Promise<boolean> {
  const key = auditKeyOf(db);
  return db.transaction().execute(async (tx) => {
    if (dialectOf(tx) === 'postgres') await sql`select pg_advisory_xact_lock(727001)`.execute(tx);
    const exists = await tx
      .selectFrom('audit_checkpoints')
      .select('name')
      .where('name', '=', HEAD_CHECKPOINT)
      .executeTakeFirst();
    if (exists) return false;
    const last = await tx
      .selectFrom('audit_events')
      .select(['id', 'hash'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!last) return false;
    const head = await headFromTable(tx);
    await writeCheckpoint(tx, key, {
      eventCount: head.event_count,
      lastEventId: last.id,
      headHash: last.hash,
      now,
    });
    return true;
  });
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
 * Pure: checks events given in id order, continuing from `expectedPrev` (the hash of the event before
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
