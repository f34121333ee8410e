import type { Db } from '../../db/connect.js';
import { AppError, t } from '../../domain/errors.js';
import { parseAdminCheckSettings, type AdminCheckSettings } from '../../domain/admin-check.js';
import { loadProposalView, proposalNotFound, type ProposalView } from '../proposals/view.js';
import { administrativeStage, checkNotFound, ensureChecks, findCheck, type AdminCheckRow } from './rows.js';

/** A proposal in the administrative check: its view, its check row and the stage's settings. */
export interface CheckContext {
  view: ProposalView;
  check: AdminCheckRow;
  settings: AdminCheckSettings;
}

/**
 * Loads a proposal's check (made lazily for a proposal received before the check existed); 404 when the
 * proposal is not there or has none. `mayWork` is the route's authorization (404 outside the scope).
 */
export async function loadCheck(
  db: Db,
  proposalId: number,
  mayWork: (view: ProposalView) => void,
  now: Date,
): Promise<CheckContext> {
  const view = await loadProposalView(db, proposalId);
  if (!view) throw proposalNotFound();
  mayWork(view);
  let check = await findCheck(db, proposalId);
  if (!check) {
    await ensureChecks(db, view.competition.id, now);
    check = await findCheck(db, proposalId);
  }
  if (!check) throw checkNotFound();
  const stage = await administrativeStage(db, view.competition.id);
  return { view, check, settings: parseAdminCheckSettings(stage?.settings) };
}

/** 409 `check_changed`: another member decided or changed it since it was read. */
export const checkChanged = () =>
  new AppError(
    409,
    'check_changed',
    t(
      'Pemeriksaan proposal ini baru saja diubah oleh anggota lain; muat ulang.',
      'Another member just changed this check; reload it.',
    ),
  );
