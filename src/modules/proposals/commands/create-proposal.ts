import type { Db } from '../../../db/connect.js';
import type { ProposalRow } from '../../../db/schema.js';
import { AppError, fieldError, notFound, t } from '../../../domain/errors.js';
import { proposalCode, submissionRefusal } from '../../../domain/proposal-rules.js';
import { recordAudit } from '../../../platform/audit.js';
import { findCompetitionRow, findSubmissionStage } from '../../competitions/queries.js';
import { assertParticipant } from '../../competitions/participants.js';
import { hasActiveInvitation } from '../eligibility-context.js';
import { titleKeyOf } from '../title-claims.js';
import { parseSettings } from '../../../domain/competition-settings.js';
import { checkUnitDraftRoom } from '../storage-limits.js';
import { loadForChange } from '../view.js';
import { writeRevision } from '../revisions.js';

/** The group of the competition with this key. */
async function findGroupByKey(db: Db, competitionId: number, key: string) {
  return db
    .selectFrom('competition_groups')
    .selectAll()
    .where('competition_id', '=', competitionId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/**
 * Starts a draft proposal of a unit in one group of a published competition whose submission stage is
 * open by the server clock (else 409 `submission_closed` / `submission_not_open`), for an institution the
 * competition takes (else 403 `not_participant`, competitions/participants.ts); an invitation-only group
 * (khusus) only for an institution with an active invitation into it (else 403 `not_invited`); at most the
 * competition's `maxOpenDraftsPerUnit` open drafts per unit (else 409 `open_drafts_limit`). Takes the next number
 * of the competition with one atomic upsert (race-safe on both dialects), and writes the proposal, its
 * first revision and the audit row in one transaction.
 */
export async function createProposal(
  db: Db,
  input: {
    competitionId: number;
    groupKey: string;
    title: string;
    institutionId: number;
    unitId: number;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
): Promise<ProposalRow> {
  const now = input.now.toISOString();
  return db.transaction().execute(async (tx) => {
    const competition = await findCompetitionRow(tx, input.competitionId);
    if (!competition || competition.status === 'draft')
      throw notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
    const stage = await findSubmissionStage(tx, competition.id);
    const refusal = submissionRefusal(
      {
        status: competition.status,
        opensAt: stage?.opens_at ?? null,
        closesAt: stage?.closes_at ?? null,
        timeZone: competition.time_zone,
      },
      input.now,
      true,
    );
    if (refusal) throw refusal;
    await assertParticipant(tx, competition, input.institutionId);
    const group = await findGroupByKey(tx, competition.id, input.groupKey);
    if (!group)
      throw fieldError(
        'groupKey',
        'unknown_group',
        t('Kelompok tidak ada pada kompetisi ini.', 'This competition has no such group.'),
      );
    if (group.invitation_only === 1 && !(await hasActiveInvitation(tx, group.id, input.institutionId)))
      throw new AppError(
        403,
        'not_invited',
        t(
          `Kelompok ${group.name_id} hanya untuk instansi yang diundang penyelenggara; instansi Anda belum diundang.`,
          `The ${group.name_en} group is only for institutions the organizer invited; yours has not been invited.`,
        ),
        {
          groupKey: {
            code: 'not_invited',
            message: t(
              'Instansi Anda belum diundang ke kelompok ini.',
              'Your institution is not invited to this group.',
            ),
          },
        },
      );

    await checkUnitDraftRoom(tx, {
      competitionId: competition.id,
      unitId: input.unitId,
      max: parseSettings(competition.settings).maxOpenDraftsPerUnit,
    });

    const counter = await tx
      .insertInto('proposal_counters')
      .values({ competition_id: competition.id, last_seq: 1 })
      .onConflict((oc) =>
        oc
          .column('competition_id')
          .doUpdateSet((eb) => ({ last_seq: eb('proposal_counters.last_seq', '+', 1) })),
      )
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    const code = proposalCode(competition.code, competition.year, counter.last_seq);

    const proposal = await tx
      .insertInto('proposals')
      .values({
        competition_id: competition.id,
        code,
        institution_id: input.institutionId,
        unit_id: input.unitId,
        group_id: group.id,
        category_id: null,
        title: input.title,
        title_key: titleKeyOf(input.title),
        acronym: null,
        implementation_start: null,
        innovator_kind: null,
        innovator_names: null,
        contact_name: null,
        contact_phone: null,
        contact_email: null,
        links: '[]',
        declaration_accepted: 0,
        state: 'draft',
        version: 1,
        created_by: input.actorUserId,
        created_at: now,
        updated_at: now,
        sent_at: null,
        forwarded_at: null,
        received_at: null,
        returned_note: null,
        source_award_id: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeRevision(tx, {
      before: null,
      view: await loadForChange(tx, proposal.id),
      kind: 'transition',
      action: 'create',
      savedBy: input.actorUserId,
      now: input.now,
    });
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'proposal.created',
      entityType: 'proposal',
      entityId: proposal.id,
      summary: {
        code,
        competitionId: competition.id,
        groupKey: group.key,
        institutionId: input.institutionId,
        unitId: input.unitId,
        title: input.title,
      },
      scope: {
        competitionId: competition.id,
        organizerInstitutionId: competition.organizer_institution_id,
        institutionId: input.institutionId,
      },
      ip: input.ip,
      now: input.now,
    });
    return proposal;
  });
}
