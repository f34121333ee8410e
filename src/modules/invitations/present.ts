import type { Invitation } from '../../contracts/invitations.js';
import type { AwardLevel } from '../../db/schema.js';
import { AWARD_LEVEL_LABELS } from '../../domain/awards.js';
import type { InvitationListRow } from './queries.js';

export function presentInvitation(r: InvitationListRow, manage: boolean): Invitation {
  return {
    id: r.id,
    group: { id: r.group_id, key: r.group_key, nameId: r.group_name_id, nameEn: r.group_name_en },
    institution: { id: r.institution_id, name: r.institution_name },
    award:
      r.award_id !== null && r.award_year !== null && r.award_level !== null && r.award_title !== null
        ? {
            id: r.award_id,
            year: r.award_year,
            level: r.award_level,
            levelLabel: AWARD_LEVEL_LABELS[r.award_level as AwardLevel],
            innovationTitle: r.award_title,
            institutionName: r.award_institution_name || null,
          }
        : null,
    letterNumber: r.letter_number,
    invitedBy: { id: r.invited_by, name: r.invited_by_name },
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    revokedBy: r.revoked_by !== null ? { id: r.revoked_by, name: r.revoked_by_name ?? '' } : null,
    abilities: { revoke: manage && r.revoked_at === null },
  };
}
