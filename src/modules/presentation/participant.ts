import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/connect.js';
import { DENY_TEXT, decide, type Actor } from '../../domain/policy.js';
import { AppError, notFound, t } from '../../domain/errors.js';
import { requireUser } from '../../platform/auth.js';
import { findCompetition, loadContext, type PresentationContext } from './queries.js';

/*
 * Who may see one finalist's presentation things (its slot, letter, upload, requests): the admin lokal of
 * its institution and the UPP of its unit (`presentation.participate`), the organizer's secretariat
 * (`presentation.manage`), and for the upload the panelists seated in its slot's session
 * (`presentation.sit`). Anyone else gets 404 when the row is outside their scope (another institution,
 * unit, organizer or session), 403 when their role has no part in it.
 */

export const proposalNotFound = () => notFound(t('Finalis tidak ditemukan.', 'Finalist not found.'));

export interface FinalistAccess {
  ctx: PresentationContext;
  proposal: { id: number; code: string; title: string; institutionId: number; unitId: number; state: string };
  as: 'participant' | 'secretariat' | 'panelist';
  /** The admin lokal of the finalist's institution (`presentation.reschedule`). */
  canReschedule: boolean;
}

export async function finalistAccess(
  db: Db,
  req: FastifyRequest,
  proposalId: number,
  opts: { panelists?: boolean } = {},
): Promise<FinalistAccess> {
  const { actor } = requireUser(req) as { actor: Actor };
  const p = await db
    .selectFrom('proposals')
    .select(['id', 'code', 'title', 'institution_id', 'unit_id', 'state', 'competition_id'])
    .where('id', '=', proposalId)
    .executeTakeFirst();
  if (!p) throw proposalNotFound();
  const competition = await findCompetition(db, p.competition_id);
  if (!competition) throw proposalNotFound();
  const proposal = {
    id: p.id,
    code: p.code,
    title: p.title,
    institutionId: p.institution_id,
    unitId: p.unit_id,
    state: p.state,
  };
  const own = decide(actor, 'presentation.participate', {
    institutionId: p.institution_id,
    unitId: p.unit_id,
  });
  const org = decide(actor, 'presentation.manage', {
    organizerInstitutionId: competition.organizer_institution_id,
  });
  let as: FinalistAccess['as'] | null = own.allowed ? 'participant' : org.allowed ? 'secretariat' : null;
  let sit: ReturnType<typeof decide> | null = null;
  if (!as && opts.panelists) {
    const seated = await db
      .selectFrom('presentation_slots as s')
      .innerJoin('presentation_session_panelists as sp', 'sp.session_id', 's.session_id')
      .select('s.id')
      .where('s.proposal_id', '=', p.id)
      .where('sp.user_id', '=', actor.userId)
      .executeTakeFirst();
    sit = decide(actor, 'presentation.sit', { competitionId: competition.id, seated: !!seated });
    if (sit.allowed) as = 'panelist';
  }
  if (!as) {
    const reasons = [own, org, sit].flatMap((d) => (d && !d.allowed ? [d.reason] : []));
    // Outside the caller's scope: 404; a role with no part in it at all: 403.
    if (reasons.every((r) => r === 'missingRole'))
      throw new AppError(403, 'forbidden.missingRole', DENY_TEXT.missingRole);
    throw proposalNotFound();
  }
  // Before the finalists it has no presentation (and is nobody's business here).
  if (p.state !== 'finalist') throw proposalNotFound();
  const canReschedule = decide(actor, 'presentation.reschedule', { institutionId: p.institution_id }).allowed;
  return { ctx: await loadContext(db, competition), proposal, as, canReschedule };
}
