import type { Db } from '../../../db/connect.js';
import { assignReviewers } from '../../../domain/assignment/solve.js';
import { conflict, notFound, t, type Text } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser } from '../../../platform/notify.js';
import { assertOpenForAssignment, closedRefusal, loadStageContext } from '../context.js';
import { solverInput } from '../plan.js';
import { insertPairs, tellReviewers } from '../write.js';

/**
 * Withdraws one assignment, with its reason; the row stays (status withdrawn) and any evaluation of it no
 * longer counts. When the reason is a conflict of interest found after the assignment, the conflict is
 * recorded (reviewer_conflicts, source `found`) and another reviewer is assigned in the same transaction
 * (conflict-free, least loaded: the same solver, for this proposal alone; origin `reassign`); if none can
 * be, the withdrawal still stands and the answer says why. Without a conflict no one is assigned in its
 * place: the proposal shows it lacks a reviewer and the next run fills it. Audited; the withdrawn reviewer
 * and the new one are told.
 */
export async function withdrawAssignment(
  db: Db,
  input: WithdrawInput,
): Promise<{ withdrawnId: number; replacementId: number | null; message: Text }> {
  return db.transaction().execute((tx) => withdrawInTransaction(tx, input));
}

export interface WithdrawInput {
  competitionId: number;
  stageId: number;
  assignmentId: number;
  reason: string;
  conflict: boolean;
  actorUserId: number;
  ip: string | null;
  baseUrl: string;
  now: Date;
}

/**
 * The withdrawal inside the caller's transaction: a conflict recorded elsewhere in that transaction (the
 * review team's `addConflict`) withdraws and reassigns the assignments it touches this way.
 */
export async function withdrawInTransaction(
  tx: Db,
  input: WithdrawInput,
): Promise<{ withdrawnId: number; replacementId: number | null; message: Text }> {
  {
    const ctx = await loadStageContext(tx, input.competitionId, input.stageId);
    const { competition, stage } = ctx;
    const row = ctx.assignments.find((a) => a.id === input.assignmentId);
    if (!row) throw notFound(t('Penugasan tidak ditemukan.', 'Assignment not found.'));
    if (row.status !== 'active')
      throw conflict(
        'already_withdrawn',
        t('Penugasan ini sudah ditarik sebelumnya.', 'This assignment was already withdrawn.'),
      );
    // A manual withdrawal waits for an open stage; a conflict of interest withdraws even after the closing
    // (its scores must not count), but then assigns no replacement.
    const open = closedRefusal(stage, competition.time_zone, input.now) === null;
    if (!input.conflict) assertOpenForAssignment(stage, competition.time_zone, input.now);
    const proposal = ctx.pool.find((p) => p.id === row.proposal_id);
    const member = ctx.team.find((m) => m.id === row.reviewer_id);
    const at = input.now.toISOString();
    await tx
      .updateTable('review_assignments')
      .set({
        status: 'withdrawn',
        withdrawn_reason: input.reason,
        withdrawn_at: at,
        withdrawn_by: input.actorUserId,
      })
      .where('id', '=', row.id)
      .where('status', '=', 'active')
      .execute();
    const scope = {
      competitionId: competition.id,
      organizerInstitutionId: competition.organizer_institution_id,
      institutionId: proposal?.institutionId ?? null,
    };
    if (input.conflict && proposal) {
      const exists = await tx
        .selectFrom('reviewer_conflicts')
        .select('id')
        .where('competition_id', '=', competition.id)
        .where('user_id', '=', row.reviewer_id)
        .where('institution_id', '=', proposal.institutionId)
        .executeTakeFirst();
      if (!exists)
        await tx
          .insertInto('reviewer_conflicts')
          .values({
            competition_id: competition.id,
            user_id: row.reviewer_id,
            institution_id: proposal.institutionId,
            source: 'found',
            note: input.reason,
            created_by: input.actorUserId,
            created_at: at,
          })
          .execute();
    }

    let replacementId: number | null = null;
    let message = t('Penugasan ditarik.', 'Assignment withdrawn.');
    // The whole panel sits on every finalist: a panelist in conflict abstains, nobody replaces them.
    const wholePanel = ctx.settings.mode === 'whole_panel';
    if (input.conflict && wholePanel)
      message = t(
        'Penugasan ditarik karena benturan kepentingan; panelis ini abstain pada finalis ini dan nilainya tidak dihitung.',
        'Assignment withdrawn for a conflict of interest; this panelist abstains on this finalist and their score does not count.',
      );
    if (input.conflict && proposal && open && !wholePanel) {
      const remaining = ctx.assignments.map((a) =>
        a.id === row.id ? { ...a, status: 'withdrawn' as const } : a,
      );
      // The member's new conflict counts for the replacement (it is stored above; the context predates it).
      const team = ctx.team.map((m) =>
        m.id === row.reviewer_id
          ? {
              ...m,
              conflicts: [
                ...m.conflicts,
                { institutionId: proposal.institutionId, source: 'found' as const, note: input.reason },
              ],
            }
          : m,
      );
      const result = assignReviewers(
        solverInput({ ...ctx, team, assignments: remaining, only: new Set([proposal.id]) }),
      );
      if (result.ok && result.pairs.length) {
        [replacementId] = await insertPairs(tx, {
          stageId: stage.id,
          pairs: result.pairs,
          origin: 'reassign',
          actorUserId: input.actorUserId,
          now: input.now,
        });
        const added = new Map<number, number>();
        for (const p of result.pairs) added.set(p.reviewerId, (added.get(p.reviewerId) ?? 0) + 1);
        await tellReviewers(tx, { ...ctx, assignments: remaining }, added, input);
        const names = result.pairs
          .map((p) => ctx.team.find((m) => m.id === p.reviewerId)?.name ?? '')
          .join(', ');
        message = t(
          `Penugasan ditarik karena benturan kepentingan; ${names} ditugaskan sebagai pengganti.`,
          `Assignment withdrawn for a conflict of interest; ${names} was assigned instead.`,
        );
      } else {
        const why = result.ok ? null : result.unserved[0]?.message;
        message = t(
          `Penugasan ditarik karena benturan kepentingan, tetapi belum ada pengganti${why ? `: ${why.id}` : ''}.`,
          `Assignment withdrawn for a conflict of interest, but no replacement could be assigned${why ? `: ${why.en}` : ''}.`,
        );
      }
    }

    if (member) {
      const stageName = (l: 'id' | 'en') => (l === 'id' ? stage.name_id : stage.name_en);
      const code = proposal?.code ?? String(row.proposal_id);
      await notifyUser(tx, {
        userId: member.id,
        kind: 'review_withdrawn',
        title: t(`Penugasan ${code} ditarik`, `Assignment ${code} withdrawn`),
        body: t(`${stageName('id')}: ${input.reason}`, `${stageName('en')}: ${input.reason}`),
        link: '/penilaian',
        now: input.now,
      });
      await enqueueMail(tx, {
        to: member.email,
        toName: member.name,
        template: 'review_withdrawn',
        locale: member.locale,
        vars: {
          name: member.name,
          code,
          competition: competition.name,
          stage: stageName(member.locale),
          reason: input.reason,
          link: `${input.baseUrl}/penilaian`,
        },
        scope,
        now: input.now,
      });
    }
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'assignment.withdrawn',
      entityType: 'review_assignment',
      entityId: row.id,
      summary: {
        competitionId: competition.id,
        stage: stage.kind,
        proposalId: row.proposal_id,
        reviewerId: row.reviewer_id,
        reason: input.reason,
        conflict: input.conflict,
        evaluation: row.evaluation_status,
        replacementId,
      },
      scope,
      ip: input.ip,
      now: input.now,
    });
    return { withdrawnId: row.id, replacementId, message };
  }
}
