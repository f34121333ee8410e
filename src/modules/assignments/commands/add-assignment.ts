import type { Db } from '../../../db/connect.js';
import { reasonText } from '../../../domain/conflicts.js';
import { AppError, conflict, fieldError, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { assertOpenForAssignment, loadStageContext } from '../context.js';
import { assignmentIndex, conflictsBetween } from '../plan.js';
import { insertPairs, tellReviewers } from '../write.js';

/**
 * The secretariat assigns one reviewer to one proposal by hand. Refused: a proposal outside the stage's
 * pool or a reviewer outside its team (400 on the field), a reviewer already on it (409
 * `already_assigned`) or withdrawn from it (409 `was_withdrawn`: a withdrawal is final for the pair), a
 * conflict of interest (409 `conflict_of_interest`, naming every reason), a reviewer at capacity unless
 * `overCapacity` says the secretariat decides so (409 `over_capacity`), a closed stage. Audited; the
 * reviewer is told.
 */
export async function addAssignment(
  db: Db,
  input: {
    competitionId: number;
    stageId: number;
    /** The proposal by id, or by its code when the id is null. */
    proposalId: number | null;
    proposalCode: string | null;
    reviewerId: number;
    overCapacity: boolean;
    actorUserId: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const ctx = await loadStageContext(tx, input.competitionId, input.stageId);
    const { competition, stage } = ctx;
    assertOpenForAssignment(stage, competition.time_zone, input.now);
    const code = input.proposalCode?.trim().toUpperCase();
    const proposal = ctx.pool.find((p) =>
      input.proposalId !== null ? p.id === input.proposalId : p.code.toUpperCase() === code,
    );
    if (!proposal)
      throw fieldError(
        input.proposalId !== null ? 'proposalId' : 'proposalCode',
        'not_in_stage',
        t('Proposal ini tidak dinilai pada tahap ini.', 'This proposal is not scored in this stage.'),
      );
    const member = ctx.team.find((m) => m.id === input.reviewerId);
    if (!member)
      throw fieldError(
        'reviewerId',
        'not_in_team',
        t(
          'Orang ini bukan anggota Tim Evaluasi kompetisi ini.',
          "This person is not on the competition's Tim Evaluasi.",
        ),
      );
    if (!member.profileComplete)
      throw fieldError(
        'reviewerId',
        'profile_incomplete',
        t(
          `${member.name} belum melengkapi profil penilai: afiliasi dan benturan kepentingannya belum diketahui.`,
          `${member.name} has not completed the reviewer profile: their affiliation and conflicts are not known yet.`,
        ),
      );
    const { active, excluded, load } = assignmentIndex(ctx.assignments);
    if (active.get(proposal.id)?.has(member.id))
      throw conflict(
        'already_assigned',
        t(
          `${member.name} sudah menilai ${proposal.code}.`,
          `${member.name} already scores ${proposal.code}.`,
        ),
      );
    if (excluded.get(proposal.id)?.has(member.id))
      throw conflict(
        'was_withdrawn',
        t(
          `Penugasan ${member.name} pada ${proposal.code} pernah ditarik; pilih penilai lain.`,
          `${member.name} was withdrawn from ${proposal.code}; choose another reviewer.`,
        ),
      );
    const reasons = conflictsBetween(member, proposal, ctx.rule);
    if (reasons.length) {
      const texts = reasons.map(reasonText);
      throw new AppError(
        409,
        'conflict_of_interest',
        t(
          `${member.name} berbenturan kepentingan dengan ${proposal.institutionName}: ${texts.map((x) => x.id).join('; ')}.`,
          `${member.name} has a conflict of interest with ${proposal.institutionName}: ${texts.map((x) => x.en).join('; ')}.`,
        ),
      );
    }
    const current = load.get(member.id) ?? 0;
    if (member.capacity !== null && current >= member.capacity && !input.overCapacity)
      throw conflict(
        'over_capacity',
        t(
          `${member.name} sudah menilai ${current} proposal dari kapasitas ${member.capacity}. Tugaskan tetap hanya bila disepakati dengan penilai.`,
          `${member.name} already scores ${current} proposals of a capacity of ${member.capacity}. Assign anyway only if agreed with the reviewer.`,
        ),
      );
    const [id] = await insertPairs(tx, {
      stageId: stage.id,
      pairs: [{ proposalId: proposal.id, reviewerId: member.id }],
      origin: 'manual',
      actorUserId: input.actorUserId,
      now: input.now,
    });
    await tellReviewers(tx, ctx, new Map([[member.id, 1]]), input);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'assignment.added',
      entityType: 'review_assignment',
      entityId: id,
      summary: {
        competitionId: competition.id,
        stage: stage.kind,
        proposalId: proposal.id,
        code: proposal.code,
        reviewerId: member.id,
        overCapacity: member.capacity !== null && current >= member.capacity,
      },
      scope: {
        competitionId: competition.id,
        organizerInstitutionId: competition.organizer_institution_id,
        institutionId: proposal.institutionId,
      },
      ip: input.ip,
      now: input.now,
    });
    return id;
  });
}
