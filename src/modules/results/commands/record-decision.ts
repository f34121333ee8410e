import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import { AppError, conflict, invalidFields, notFound, t, type FieldProblem } from '../../../domain/errors.js';
import { checkDecision } from '../../../domain/final-panel-settings.js';
import type { DecisionBody } from '../../../contracts/results.js';
import { recordAudit } from '../../../platform/audit.js';
import { findResultsAnnouncement, loadResultsContext, resultsPublished } from '../context.js';

/**
 * A panelist records (or changes) the panel's decision on one finalist (issue 13 point 4): an award of the
 * finalist's group or not awarded, with the reason (required). Staged until the results are published
 * (then 409 `results_published`); the version the page showed must still be the stored one (409
 * `decision_changed`: another panelist changed it meanwhile). A panelist with a conflict with the
 * finalist's institution does not record its decision (409 `conflict_of_interest`). Audited with the
 * decision before and after.
 */
export async function recordDecision(
  db: Db,
  input: {
    competition: CompetitionRow;
    proposalId: number;
    body: DecisionBody;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
) {
  const c = input.competition;
  return db.transaction().execute(async (tx) => {
    const ctx = await loadResultsContext(tx, c, true);
    if (await findResultsAnnouncement(tx, ctx.stage.id)) throw resultsPublished();
    const p = await tx
      .selectFrom('proposals as p')
      .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
      .select(['p.id', 'p.code', 'p.institution_id', 'g.key as group_key'])
      .where('p.id', '=', input.proposalId)
      .where('p.competition_id', '=', c.id)
      .where('p.state', '=', 'finalist')
      .executeTakeFirst();
    if (!p) throw notFound(t('Finalis tidak ditemukan.', 'Finalist not found.'));
    const conflicted = await tx
      .selectFrom('reviewer_conflicts')
      .select('id')
      .where('competition_id', '=', c.id)
      .where('user_id', '=', input.actorUserId)
      .where('institution_id', '=', p.institution_id)
      .executeTakeFirst();
    if (conflicted)
      throw conflict(
        'conflict_of_interest',
        t(
          'Anda memiliki konflik kepentingan dengan instansi finalis ini; keputusannya dicatat oleh anggota panel lain.',
          "You have a conflict of interest with this finalist's institution; another panelist records its decision.",
        ),
      );
    const problems = checkDecision(ctx.settings, p.group_key, {
      awardKey: input.body.awardKey,
      reason: input.body.reason,
    });
    if (Object.keys(problems).length)
      throw invalidFields(
        Object.fromEntries(
          Object.entries(problems).map(([k, message]): [string, FieldProblem] => [
            k,
            { code: `invalid_${k}`, message },
          ]),
        ),
      );
    const before = await tx
      .selectFrom('panel_decisions')
      .selectAll()
      .where('stage_id', '=', ctx.stage.id)
      .where('proposal_id', '=', p.id)
      .executeTakeFirst();
    if (before && input.body.version !== before.version)
      throw conflict(
        'decision_changed',
        t(
          'Keputusan atas finalis ini baru saja diubah oleh anggota panel lain. Muat ulang dan periksa sebelum mengubahnya.',
          "This finalist's decision was just changed by another panelist. Reload and check it before changing it.",
        ),
      );
    const at = input.now.toISOString();
    const reason = input.body.reason.trim();
    let row;
    if (before) {
      row = await tx
        .updateTable('panel_decisions')
        .set({
          award_key: input.body.awardKey,
          reason,
          decided_by: input.actorUserId,
          decided_at: at,
          version: before.version + 1,
        })
        .where('id', '=', before.id)
        .where('version', '=', before.version)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new AppError(409, 'decision_changed', t('Keputusan berubah.', 'The decision changed.'));
    } else {
      try {
        row = await tx
          .insertInto('panel_decisions')
          .values({
            competition_id: c.id,
            stage_id: ctx.stage.id,
            proposal_id: p.id,
            award_key: input.body.awardKey,
            reason,
            decided_by: input.actorUserId,
            decided_at: at,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      } catch (err) {
        const code = (err as { code?: string } | null)?.code;
        if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE')
          throw conflict(
            'decision_changed',
            t(
              'Anggota panel lain baru saja mencatat keputusan atas finalis ini. Muat ulang halaman.',
              'Another panelist just recorded a decision on this finalist. Reload the page.',
            ),
          );
        throw err;
      }
    }
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'results.decision_recorded',
      entityType: 'proposal',
      entityId: p.id,
      summary: {
        competitionId: c.id,
        code: p.code,
        before: before ? { awardKey: before.award_key, reason: before.reason } : null,
        after: { awardKey: row.award_key, reason: row.reason },
      },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });
    return row;
  });
}
