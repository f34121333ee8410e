import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connect.js';
import {
  auditKeyOf,
  CHAIN_COLUMNS,
  checkAuditChain,
  checkpointMac,
  HEAD_CHECKPOINT,
  type Checkpoint,
} from './audit.js';

export interface AuditVerification {
  ok: boolean;
  /** Events checked, oldest first, up to and including the first broken one. */
  checked: number;
  /** The first event whose content, key or link to its predecessor does not match. */
  brokenAt?: number;
  /** What is wrong, one sentence each (Indonesian / English). */
  problems: string[];
  /**
   * Events recorded but not linked yet (the linker links them within about a second of their commit; a
   * number that stays or grows means no worker is running). Not checked: until linked they are plain rows.
   */
  unlinked: number;
}

/** The checkpoint copied outside the database (DATA_DIR/audit-checkpoint), signed like the table's. */
export const checkpointFile = (dataDir: string) => path.join(dataDir, 'audit-checkpoint');

interface SignedCheckpoint extends Checkpoint {
  mac: string;
}

function readCheckpointFile(file: string): SignedCheckpoint | null | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const c = JSON.parse(text) as SignedCheckpoint;
    if (typeof c.eventCount !== 'number' || typeof c.lastEventId !== 'number' || typeof c.mac !== 'string')
      return 'unreadable';
    return c;
  } catch {
    return 'unreadable';
  }
}

/**
 * Checks the whole audit chain with the audit key: every linked event's hash (keyed HMAC, or the unkeyed
 * hash of an event from before migration 0012, which may only precede the keyed ones) and link, in chain
 * order in batches; then the signed checkpoint in the database (count, newest id and hash: deleting the newest
 * events or the checkpoint, or writing one without the key, shows); then, when `dataDir` is given, the
 * checkpoint copied outside the database, which must still be part of the chain (restoring an older
 * database checkpoint together with deleting the events after it shows there).
 */
export async function verifyAudit(
  db: Db,
  opts: { dataDir?: string; batchSize?: number } = {},
): Promise<AuditVerification> {
  const key = auditKeyOf(db);
  const batchSize = opts.batchSize ?? 2000;
  const problems: string[] = [];
  let after = 0;
  let prev: string | null = null;
  let keyedSeen = false;
  let checked = 0;
  let brokenAt: number | undefined;
  let last: { id: number; hash: string; chain_seq: number | null } | null = null;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .select([...CHAIN_COLUMNS, 'chain_seq'])
      .where('chain_seq', '>', after)
      .orderBy('chain_seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    const result = checkAuditChain(key, rows, prev, keyedSeen);
    checked += result.checked;
    if (result.brokenAt !== null) {
      brokenAt = result.brokenAt;
      problems.push(
        `Peristiwa ${brokenAt} diubah, dihitung ulang tanpa kunci, atau pendahulunya dihapus. / Event ${brokenAt} was edited, recomputed without the key, or its predecessor was deleted.`,
      );
      break;
    }
    prev = result.lastHash;
    keyedSeen = result.keyedSeen;
    last = rows[rows.length - 1]!;
    after = Number(last.chain_seq);
  }
  if (brokenAt === undefined) {
    const cp = await db
      .selectFrom('audit_checkpoints')
      .selectAll()
      .where('name', '=', HEAD_CHECKPOINT)
      .executeTakeFirst();
    if (!cp) {
      if (last)
        problems.push(
          'Titik periksa log audit tidak ada (dihapus?). / The audit checkpoint is missing (deleted?).',
        );
    } else {
      const c = { eventCount: Number(cp.event_count), lastEventId: cp.last_event_id, headHash: cp.head_hash };
      if (checkpointMac(key, c) !== cp.mac)
        problems.push(
          'Tanda tangan titik periksa tidak cocok dengan kunci audit. / The checkpoint signature does not match the audit key.',
        );
      else if (
        c.eventCount !== checked ||
        c.lastEventId !== (last?.id ?? 0) ||
        c.headHash !== (last?.hash ?? null)
      )
        problems.push(
          `Titik periksa mencatat ${c.eventCount} peristiwa sampai ${c.lastEventId}, log berisi ${checked} sampai ${last?.id ?? '-'}: peristiwa terbaru dihapus atau ditambahkan tanpa kunci. / The checkpoint records ${c.eventCount} events up to ${c.lastEventId}, the log has ${checked} up to ${last?.id ?? '-'}: the newest events were deleted or added without the key.`,
        );
    }
    if (opts.dataDir) problems.push(...(await checkFileCheckpoint(db, key, opts.dataDir)));
  }
  const pending = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('chain_seq', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    ok: problems.length === 0,
    checked,
    ...(brokenAt !== undefined ? { brokenAt } : {}),
    problems,
    unlinked: Number(pending.n),
  };
}

async function checkFileCheckpoint(db: Db, key: Buffer, dataDir: string): Promise<string[]> {
  const file = checkpointFile(dataDir);
  const c = readCheckpointFile(file);
  if (c === null) return [];
  if (c === 'unreadable' || checkpointMac(key, c) !== c.mac)
    return [
      `Titik periksa di ${file} rusak atau tidak ditandatangani dengan kunci audit. / The checkpoint in ${file} is damaged or not signed with the audit key.`,
    ];
  // The event the copy names must still hold its place in the chain with the same hash; deleting events
  // before it breaks the chain's links, which the walk above finds.
  const event =
    c.eventCount > 0
      ? await db
          .selectFrom('audit_events')
          .select(['hash', 'chain_seq'])
          .where('id', '=', c.lastEventId)
          .executeTakeFirst()
      : undefined;
  if (c.eventCount > 0 && (!event || event.hash !== c.headHash || Number(event.chain_seq) !== c.eventCount))
    return [
      `Log audit tidak lagi memuat ${c.eventCount} peristiwa sampai ${c.lastEventId} yang dicatat di ${file}: peristiwa dihapus dan titik periksa basis data dikembalikan. / The audit log no longer holds the ${c.eventCount} events up to ${c.lastEventId} recorded in ${file}: events were deleted and the database checkpoint rolled back.`,
    ];
  return [];
}

/**
 * Copies the database checkpoint to DATA_DIR/audit-checkpoint when it is signed with the key and newer
 * than the copy there (never backwards). Run by the worker on each pass.
 */
export async function copyCheckpointOut(db: Db, dataDir: string): Promise<boolean> {
  const key = auditKeyOf(db);
  const cp = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('name', '=', HEAD_CHECKPOINT)
    .executeTakeFirst();
  if (!cp) return false;
  const c: SignedCheckpoint = {
    eventCount: Number(cp.event_count),
    lastEventId: cp.last_event_id,
    headHash: cp.head_hash,
    mac: cp.mac,
  };
  if (checkpointMac(key, c) !== c.mac) return false;
  const file = checkpointFile(dataDir);
  const current = readCheckpointFile(file);
  if (current && current !== 'unreadable' && current.eventCount >= c.eventCount) return false;
  fs.mkdirSync(dataDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(c) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
  return true;
}
