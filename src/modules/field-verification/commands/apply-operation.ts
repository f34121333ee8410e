import type { FieldOperation } from '../../../contracts/field-verification.js';
import type { Db } from '../../../db/connect.js';
import { countFindings, submitProblems } from '../../../domain/field-verification.js';
import { fieldError, invalidFields, t, type FieldProblem } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { claimsOfProposal, type VisitRow } from '../queries.js';
import { visitNotPlanned } from '../steps.js';

/*
 * One operation of the verifier's phone, applied ONCE per client id: the phone queues its changes while
 * offline and sends them when the connection returns, and a request whose answer was lost is sent again.
 * The operation's row (field_operations, primary key visit + client id) is written in the same transaction
 * as its change; a replay finds it and gets the stored answer, changing nothing. Two copies at the same
 * moment: the second insert fails on the key, and it too answers with the first one's row.
 *
 * finding: one claim's status and note (the last applied operation wins; the phone sends them in the order
 * they were made). report: recommendation and summary. submit: checks that every claim has a status and a
 * recommendation and summary are given, then the report is read-only. The draft operations are not audited
 * one by one (as the proposal's autosave); the submit is, with the counts.
 */

export interface OperationAnswer {
  clientId: string;
  kind: string;
  replayed: boolean;
  appliedAt: string;
  status: 'planned' | 'submitted' | 'cancelled';
}

export const isUniqueViolation = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

async function storedAnswer(db: Db, visitId: number, clientId: string): Promise<OperationAnswer | null> {
  const row = await db
    .selectFrom('field_operations')
    .select('result')
    .where('visit_id', '=', visitId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (!row) return null;
  return { ...(JSON.parse(row.result) as Omit<OperationAnswer, 'replayed'>), replayed: true };
}

export async function applyOperation(
  db: Db,
  input: { visit: VisitRow; op: FieldOperation; actorUserId: number; ip: string | null; now: Date },
): Promise<OperationAnswer> {
  const { visit: v, op } = input;
  try {
    return await db.transaction().execute(async (tx) => {
      const seen = await storedAnswer(tx, v.id, op.clientId);
      if (seen) return seen;
      const current = await tx
        .selectFrom('field_visits')
        .select(['status', 'recommendation', 'summary'])
        .where('id', '=', v.id)
        .executeTakeFirstOrThrow();
      if (current.status !== 'planned') throw visitNotPlanned(current.status);
      const now = input.now.toISOString();
      let status: OperationAnswer['status'] = 'planned';
      if (op.kind === 'finding') {
        const claims = await claimsOfProposal(tx, v.proposalId);
        if (!claims.some((c) => c.key === op.claimKey))
          throw fieldError(
            'claimKey',
            'unknown_claim',
            t(
              'Klaim ini tidak ada pada daftar periksa finalis.',
              "This claim is not on the finalist's checklist.",
            ),
          );
        await tx
          .insertInto('field_findings')
          .values({
            visit_id: v.id,
            claim_key: op.claimKey,
            status: op.status,
            note: op.note || null,
            updated_by: input.actorUserId,
            updated_at: now,
          })
          .onConflict((oc) =>
            oc.columns(['visit_id', 'claim_key']).doUpdateSet({
              status: op.status,
              note: op.note || null,
              updated_by: input.actorUserId,
              updated_at: now,
            }),
          )
          .execute();
      } else if (op.kind === 'report') {
        await tx
          .updateTable('field_visits')
          .set({ recommendation: op.recommendation, summary: op.summary || null, updated_at: now })
          .where('id', '=', v.id)
          .execute();
      } else {
        const claims = await claimsOfProposal(tx, v.proposalId);
        const findings = await tx
          .selectFrom('field_findings')
          .select(['claim_key as claimKey', 'status'])
          .where('visit_id', '=', v.id)
          .execute();
        const problems = submitProblems({
          claims,
          findings,
          recommendation: current.recommendation,
          summary: current.summary,
        });
        if (problems.length) {
          const fields: Record<string, FieldProblem> = {};
          for (const p of problems) fields[p.field] = { code: p.code, message: p.message };
          throw invalidFields(fields);
        }
        await tx
          .updateTable('field_visits')
          .set({ status: 'submitted', submitted_by: input.actorUserId, submitted_at: now, updated_at: now })
          .where('id', '=', v.id)
          .where('status', '=', 'planned')
          .execute();
        status = 'submitted';
        const photos = await tx
          .selectFrom('field_photos')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('visit_id', '=', v.id)
          .executeTakeFirstOrThrow();
        await recordAudit(tx, {
          actorUserId: input.actorUserId,
          action: 'fieldVisit.submitted',
          entityType: 'field_visit',
          entityId: v.id,
          summary: {
            proposal: { id: v.proposalId, code: v.proposalCode },
            kind: v.kind,
            recommendation: current.recommendation,
            counts: countFindings(
              claims.map((c) => c.key),
              findings,
            ),
            photos: Number(photos.n),
            clientId: op.clientId,
          },
          scope: { competitionId: v.competitionId, organizerInstitutionId: v.organizerInstitutionId },
          ip: input.ip,
          now: input.now,
        });
      }
      const answer = { clientId: op.clientId, kind: op.kind, appliedAt: now, status };
      await tx
        .insertInto('field_operations')
        .values({
          visit_id: v.id,
          client_id: op.clientId,
          kind: op.kind,
          result: JSON.stringify(answer),
          user_id: input.actorUserId,
          created_at: now,
        })
        .execute();
      return { ...answer, replayed: false };
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      const seen = await storedAnswer(db, v.id, op.clientId);
      if (seen) return seen;
    }
    throw err;
  }
}
