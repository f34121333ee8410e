import type { Db } from '../../../db/connect.js';
import { claimHolder } from '../../../domain/admin-check.js';
import { AppError, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';

/*
 * Bulk "Lolos": the secretariat selects many proposals (or every one the filter shows), sees a preview with
 * the count and the proposal IDs, then confirms. The preview hands back each row's version; applying passes
 * only the rows still as previewed: undecided, unpublished, received, not held by another member, at the
 * previewed version. Every other row is skipped and listed with why.
 */

export type SkipReason = 'claimed_by_other' | 'changed' | 'already_decided' | 'not_received';

interface Row {
  proposal_id: number;
  code: string;
  state: string;
  outcome: string | null;
  published_at: string | null;
  claimed_by: number | null;
  claimed_until: string | null;
  version: number;
}

const BULK_MAX = 5000;

async function rowsOf(db: Db, competitionId: number, ids: readonly number[]): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('admin_checks as k')
        .innerJoin('proposals as p', 'p.id', 'k.proposal_id')
        .select([
          'k.proposal_id',
          'p.code',
          'p.state',
          'k.outcome',
          'k.published_at',
          'k.claimed_by',
          'k.claimed_until',
          'k.version',
        ])
        .where('k.competition_id', '=', competitionId)
        .where('k.proposal_id', 'in', ids.slice(i, i + 500))
        .orderBy('k.proposal_id')
        .execute()),
    );
  return out;
}

function skipOf(r: Row, userId: number, now: Date): SkipReason | null {
  if (r.outcome !== null || r.published_at) return 'already_decided';
  if (r.state !== 'received') return 'not_received';
  if (claimHolder(r, userId, now).kind === 'other') return 'claimed_by_other';
  return null;
}

const tooMany = () =>
  new AppError(
    400,
    'too_many',
    t(`Paling banyak ${BULK_MAX} proposal sekaligus.`, `At most ${BULK_MAX} proposals at once.`),
  );

/** What passing `ids` would do: the rows it would pass (with their versions) and those it would skip. */
export async function previewBulkPass(
  db: Db,
  input: { competitionId: number; ids: number[]; userId: number; now: Date },
) {
  if (input.ids.length > BULK_MAX) throw tooMany();
  const rows = await rowsOf(db, input.competitionId, input.ids);
  const apply: { proposalId: number; code: string; version: number }[] = [];
  const skipped: { proposalId: number; code: string; reason: SkipReason }[] = [];
  for (const r of rows) {
    const reason = skipOf(r, input.userId, input.now);
    if (reason) skipped.push({ proposalId: r.proposal_id, code: r.code, reason });
    else apply.push({ proposalId: r.proposal_id, code: r.code, version: r.version });
  }
  return { count: apply.length, apply, skipped };
}

/** Passes the previewed rows that are still as previewed; one transaction, one audit row naming them. */
export async function applyBulkPass(
  db: Db,
  input: {
    competitionId: number;
    organizerInstitutionId: number;
    rows: { proposalId: number; version: number }[];
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
) {
  if (input.rows.length > BULK_MAX) throw tooMany();
  return db.transaction().execute(async (tx) => {
    const nowIso = input.now.toISOString();
    const current = new Map(
      (
        await rowsOf(
          tx,
          input.competitionId,
          input.rows.map((r) => r.proposalId),
        )
      ).map((r) => [r.proposal_id, r]),
    );
    const passed: { proposalId: number; code: string }[] = [];
    const skipped: { proposalId: number; code: string | null; reason: SkipReason }[] = [];
    for (const want of input.rows) {
      const r = current.get(want.proposalId);
      if (!r) {
        skipped.push({ proposalId: want.proposalId, code: null, reason: 'changed' });
        continue;
      }
      const reason = r.version !== want.version ? 'changed' : skipOf(r, input.actorUserId, input.now);
      if (reason) {
        skipped.push({ proposalId: r.proposal_id, code: r.code, reason });
        continue;
      }
      const res = await tx
        .updateTable('admin_checks')
        .set({
          outcome: 'passed',
          reason_code: null,
          reason_text: null,
          decided_by: input.actorUserId,
          decided_at: nowIso,
          claimed_by: null,
          claimed_until: null,
          version: r.version + 1,
          updated_at: nowIso,
        })
        .where('proposal_id', '=', r.proposal_id)
        .where('version', '=', r.version)
        .where('outcome', 'is', null)
        .where('published_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb('claimed_until', 'is', null),
            eb('claimed_until', '<=', nowIso),
            eb('claimed_by', '=', input.actorUserId),
          ]),
        )
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 1) passed.push({ proposalId: r.proposal_id, code: r.code });
      else skipped.push({ proposalId: r.proposal_id, code: r.code, reason: 'changed' });
    }
    if (passed.length)
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'admin_check.bulk_decided',
        entityType: 'competition',
        entityId: input.competitionId,
        summary: {
          outcome: 'passed',
          passed: passed.map((p) => p.code),
          skipped: skipped.map((s) => s.code),
        },
        scope: { competitionId: input.competitionId, organizerInstitutionId: input.organizerInstitutionId },
        ip: input.ip,
        now: input.now,
      });
    return { passed, skipped };
  });
}
