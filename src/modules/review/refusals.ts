import type { CompetitionRow, StageRow } from '../../db/schema.js';
import { AppError, conflict, t } from '../../domain/errors.js';
import { formatInstant } from '../../domain/time.js';

/** The refusals of the scoring (409s with stable codes, in both languages). */

/** 409 `stage_closed`: the stage closed at … (hour and zone); `closesAt` is in the body. */
export const stageClosedError = (stage: StageRow, competition: CompetitionRow) => {
  const at = stage.closes_at!;
  return new AppError(
    409,
    'stage_closed',
    t(
      `Tahap ${stage.name_id} sudah ditutup pada ${formatInstant(at, competition.time_zone, 'id')}; penilaian tidak dapat diubah lagi.`,
      `The stage ${stage.name_en} closed on ${formatInstant(at, competition.time_zone, 'en')}; scores can no longer change.`,
    ),
    {},
    { closesAt: at },
  );
};

export const evaluationSubmitted = () =>
  conflict(
    'evaluation_submitted',
    t(
      'Penilaian ini sudah dikirim dan terkunci; tidak dapat diubah lagi.',
      'This evaluation was submitted and is locked; it can no longer change.',
    ),
  );

/** 409 `evaluation_changed`: saved elsewhere meanwhile (another tab, another device); `version` is the current one. */
export const evaluationChanged = (version: number) =>
  new AppError(
    409,
    'evaluation_changed',
    t(
      'Penilaian ini baru saja disimpan dari tempat lain (tab atau perangkat lain). Muat ulang untuk melihat versi terbaru.',
      'This evaluation was just saved elsewhere (another tab or device). Reload to see the latest version.',
    ),
    {},
    { version },
  );
