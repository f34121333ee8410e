import type { Db } from '../../../db/connect.js';
import { fieldError, notFound, t } from '../../../domain/errors.js';
import type { MatchStatus } from '../../../domain/near-duplicates/describe.js';
import { recordAudit } from '../../../platform/audit.js';
import { competitionOf, findMatch } from '../queries.js';

export const matchNotFound = () =>
  notFound(t('Kemiripan proposal tidak ditemukan.', 'Near-duplicate match not found.'));

const NOTE_MAX = 1000;

/**
 * The secretariat's decision on a match: "inovasi yang sama" (confirmed_same — the eligibility rules then
 * count the other proposal's awards as this innovation's) or dismissed, which needs a note saying why
 * (400 `validation_failed` on `note`). A decision may be changed; each is audited with what it was and
 * what it is, on the proposal's check (its history shows it). `authorize` throws for a caller who may not
 * work the competition's check (404 for another organizer's secretariat, 403 for another role).
 */
export async function decideMatch(
  db: Db,
  input: {
    matchId: number;
    decision: Exclude<MatchStatus, 'open'>;
    note: string | null | undefined;
    authorize: (organizerInstitutionId: number) => void;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
) {
  const note = input.note?.trim() || null;
  return db.transaction().execute(async (tx) => {
    const match = await findMatch(tx, input.matchId);
    if (!match) throw matchNotFound();
    const competition = await competitionOf(tx, match.competition_id);
    if (!competition) throw matchNotFound();
    input.authorize(competition.organizer_institution_id);
    if (input.decision === 'dismissed' && !note)
      throw fieldError(
        'note',
        'required',
        t('Tuliskan alasan kemiripan ini diabaikan.', 'Say why this match is dismissed.'),
      );
    if (note && note.length > NOTE_MAX)
      throw fieldError(
        'note',
        'too_long',
        t(`Catatan paling banyak ${NOTE_MAX} karakter.`, `A note has at most ${NOTE_MAX} characters.`),
      );
    const at = input.now.toISOString();
    await tx
      .updateTable('near_duplicate_matches')
      .set({ status: input.decision, note, decided_by: input.actorUserId, decided_at: at, updated_at: at })
      .where('id', '=', match.id)
      .execute();
    const codes = await tx
      .selectFrom('proposals')
      .select(['id', 'code'])
      .where('id', 'in', [match.proposal_id, match.other_proposal_id])
      .execute();
    const code = (id: number) => codes.find((c) => c.id === id)?.code ?? null;
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'admin_check.near_duplicate_decided',
      entityType: 'admin_check',
      entityId: match.proposal_id,
      summary: {
        matchId: match.id,
        code: code(match.proposal_id),
        other: match.other_proposal_id,
        kind: match.kind,
        before: { status: match.status, note: match.note },
        after: { status: input.decision, note },
      },
      scope: { competitionId: competition.id, organizerInstitutionId: competition.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });
    return { matchId: match.id, proposalId: match.proposal_id };
  });
}
