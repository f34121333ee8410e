import type { VisitFields } from '../../contracts/field-verification.js';
import type { Db } from '../../db/connect.js';
import { conflictReasons, reasonText } from '../../domain/conflicts.js';
import { AppError, conflict, fieldError, t } from '../../domain/errors.js';
import { visitWindowProblem } from '../../domain/field-verification.js';
import {
  candidatesOf,
  finalistsOf,
  panelistConflictFacts,
  type FieldCompetition,
  type FieldFinalist,
} from './queries.js';

/*
 * The checks a planned or changed visit passes, inside its transaction: the proposal is a finalist of the
 * competition, and each verifier is a panelist of the competition or a secretariat member of the organizer,
 * and a panelist has no conflict with the finalist (domain/conflicts.ts, as for scoring). The secretariat's
 * own staff have no reviewer profile: they verify for the organizer, whose staff judge no one's own work.
 */

export async function finalistOrRefuse(
  tx: Db,
  c: FieldCompetition,
  proposalId: number,
): Promise<FieldFinalist> {
  const [f] = await finalistsOf(tx, c.id, proposalId);
  if (!f)
    throw fieldError(
      'proposalId',
      'not_a_finalist',
      t('Pilih salah satu finalis kompetisi ini.', 'Choose one of the finalists of this competition.'),
    );
  return f;
}

export async function checkVerifiers(
  tx: Db,
  c: FieldCompetition,
  finalist: FieldFinalist,
  verifierIds: readonly number[],
): Promise<void> {
  const candidates = new Map((await candidatesOf(tx, c)).map((m) => [m.id, m]));
  for (const id of new Set(verifierIds)) {
    const m = candidates.get(id);
    if (!m)
      throw fieldError(
        'verifierIds',
        'not_a_verifier',
        t(
          'Verifikator harus anggota Tim Panel Independen kompetisi ini atau staf sekretariat penyelenggara.',
          "A verifier must be a member of this competition's Independent Panel or of the organizer's secretariat.",
        ),
      );
    if (m.team !== 'panel') continue;
    const { facts, affiliation, rule } = await panelistConflictFacts(tx, c.id, id);
    const reasons = conflictReasons(
      facts,
      { id: finalist.institutionId, regionCode: finalist.regionCode, parentId: finalist.parentId },
      rule,
      affiliation,
    );
    if (reasons.length) {
      const why = reasonText(reasons[0]);
      throw fieldError(
        'verifierIds',
        'verifier_conflict',
        t(
          `${m.name} memiliki konflik kepentingan dengan ${finalist.institution} (${why.id}) dan tidak dapat memverifikasi finalis ini.`,
          `${m.name} has a conflict of interest with ${finalist.institution} (${why.en}) and cannot verify this finalist.`,
        ),
      );
    }
  }
}

/** 422 `outside_field_window` on startsAt when the visit is not within the field_verification stage. */
export function checkWindow(c: FieldCompetition, startsAt: string, timeZone: string): void {
  const p = visitWindowProblem(startsAt, c.stage, timeZone);
  if (p) throw new AppError(422, p.code, p.message, { [p.field]: { code: p.code, message: p.message } });
}

export const visitChanged = () =>
  conflict(
    'visit_changed',
    t(
      'Kunjungan ini baru saja diubah orang lain. Muat ulang lalu ulangi perubahan Anda.',
      'Someone else just changed this visit. Reload it and make your change again.',
    ),
  );

export const visitNotPlanned = (status: string) =>
  conflict(
    status === 'submitted' ? 'report_submitted' : 'visit_cancelled',
    status === 'submitted'
      ? t(
          'Laporan kunjungan ini sudah dikirim dan tidak dapat diubah lagi.',
          'The report of this visit has been submitted and can no longer be changed.',
        )
      : t('Kunjungan ini sudah dibatalkan.', 'This visit has been cancelled.'),
  );

export type { VisitFields };
