import type { Db } from '../../../db/connect.js';
import type { CompetitionRow, StageRow } from '../../../db/schema.js';
import {
  shiftStagesAfterExtension,
  stagesOverlappedByExtension,
  type MovedStage,
} from '../../../domain/competition-changes.js';
import type { StageDefinition } from '../../../domain/competition-template.js';
import {
  parseSettings,
  startedStages,
  validateExtension,
  type DeadlineExtension,
  type ExtensionInput,
} from '../../../domain/deadlines.js';
import { conflict, invalidFields, notFound, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { findCompetitionRow, findSubmissionStage } from '../../competitions/queries.js';
import { stagesOf } from '../queries.js';

export interface ExtensionPlan {
  competition: CompetitionRow;
  stage: StageRow;
  settings: Record<string, unknown>;
  extension: DeadlineExtension;
  /** The later stages with the windows they move to (by stage id). */
  moves: { id: number; opensAt: string | null; closesAt: string | null }[];
  moved: MovedStage[];
  calendar: 'move' | 'keep';
  /** The whole calendar after the extension, in order. */
  stages: (StageDefinition & { moved: boolean })[];
}

/**
 * Everything an extension decides before it writes anything: the competition is published and not yet closed
 * (409), the new closing and the letter are valid (400 per field), and the stages after submission move by what
 * the extension eats of the gap before each (domain/competition-changes), refused with 409 `stage_started` when
 * one of them has already begun. The preview route shows this plan; the command writes it.
 */
export async function planExtension(
  db: Db,
  input: ExtensionInput & { competitionId: number; actorUserId: number; now: Date; lock?: boolean },
): Promise<ExtensionPlan> {
  const competition = await findCompetitionRow(db, input.competitionId);
  if (!competition) throw notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
  if (competition.status !== 'published')
    throw conflict(
      'competition_not_published',
      t(
        'Batas pengajuan hanya dapat diperpanjang pada kompetisi yang telah diterbitkan; ubah jadwal draf melalui pengaturan.',
        'Only a published competition’s deadline can be extended; change a draft’s calendar in its settings.',
      ),
    );
  const stage = await findSubmissionStage(db, competition.id, input.lock ?? false);
  if (!stage?.closes_at)
    throw conflict(
      'no_submission_stage',
      t(
        'Kompetisi ini tidak memiliki tahapan pengajuan dengan waktu penutupan.',
        'This competition has no submission stage with a closing time.',
      ),
    );
  const settings = parseSettings(stage.settings);
  if (settings.closedAt !== undefined)
    throw conflict(
      'submission_closed',
      t(
        'Pengajuan sudah ditutup dan proposal sudah diterima atau dibekukan; batas tidak dapat diperpanjang lagi.',
        'Submission has already closed and proposals were received or frozen; the deadline can no longer be extended.',
      ),
    );
  const problems = validateExtension(input, {
    currentClosesAt: stage.closes_at,
    now: input.now,
    timeZone: competition.time_zone,
  });
  if (Object.keys(problems).length) throw invalidFields(problems);

  const closesAt = new Date(input.closesAt).toISOString();
  const rows = await stagesOf(db, competition.id);
  const before: StageDefinition[] = rows.map((s) => ({
    kind: s.kind,
    nameId: s.name_id,
    nameEn: s.name_en,
    opensAt: s.opens_at,
    closesAt: s.closes_at,
  }));
  const calendar = input.calendar ?? 'move';
  const tz = competition.time_zone;
  if (calendar === 'keep') {
    const overlapped = stagesOverlappedByExtension(before, closesAt);
    if (overlapped.length) {
      const list = (locale: 'id' | 'en') =>
        overlapped
          .map(
            (s) =>
              `${locale === 'id' ? s.nameId : s.nameEn} (${locale === 'id' ? 'mulai' : 'opens'} ${formatInstant((s.opensAt ?? s.closesAt)!, tz, locale)})`,
          )
          .join(', ');
      throw invalidFields({
        closesAt: {
          code: 'stages_would_overlap',
          message: t(
            `Tanpa menggeser jadwal, perpanjangan ini bertabrakan dengan: ${list('id')}. Pilih batas yang lebih awal atau pilih "geser tahapan sesudahnya".`,
            `Without moving the calendar, this extension overlaps: ${list('en')}. Choose an earlier closing or choose "move the later stages".`,
          ),
        },
      });
    }
  }
  const shifted =
    calendar === 'move'
      ? shiftStagesAfterExtension(before, closesAt)
      : {
          stages: before.map((s) => (s.kind === 'submission' ? { ...s, closesAt } : s)),
          moved: [] as MovedStage[],
        };
  const { moved } = shifted;
  const started = startedStages(moved, input.now, stage.closes_at);
  if (started.length) {
    const list = (locale: 'id' | 'en') =>
      started
        .map(
          (m) =>
            `${locale === 'id' ? m.nameId : m.nameEn} (${formatInstant((m.from.opensAt ?? m.from.closesAt)!, tz, locale)})`,
        )
        .join(', ');
    throw conflict(
      'stage_started',
      t(
        `Perpanjangan ini akan menggeser tahapan yang sudah dimulai: ${list('id')}. Pilih batas yang lebih awal atau ubah tahapan tersebut melalui adendum.`,
        `This extension would move stages that have already begun: ${list('en')}. Choose an earlier closing or change those stages through an amendment.`,
      ),
    );
  }
  const extension: DeadlineExtension = {
    previousClosesAt: stage.closes_at,
    closesAt,
    letterNumber: input.letterNumber.trim(),
    reasonId: input.reasonId?.trim() || null,
    reasonEn: input.reasonEn?.trim() || null,
    at: input.now.toISOString(),
    by: input.actorUserId,
    movedStages: moved,
  };
  const moves = moved.map((m) => ({ id: rows.find((r) => r.kind === m.kind)!.id, ...m.to }));
  const movedKinds = new Set(moved.map((m) => m.kind));
  const stages = shifted.stages.map((s) => ({ ...s, moved: movedKinds.has(s.kind) }));
  return { competition, stage, settings, extension, moves, moved, calendar, stages };
}
