import type { AdminRequest } from '../../contracts/admin-requests.js';
import { can, type Actor } from '../../domain/policy.js';
import type { AdminRequestView } from './queries.js';

/** A request as its reviewer sees it, with what the caller may still do to it. */
export function presentAdminRequest(r: AdminRequestView, actor: Actor | null): AdminRequest {
  const decidable = r.status === 'pending' && can(actor, 'adminRequest.review', {});
  return {
    id: r.id,
    institution: { id: r.institution_id, name: r.institution_name },
    name: r.name,
    position: r.position,
    email: r.email,
    phone: r.phone,
    letterNumber: r.letter_number,
    locale: r.locale,
    letter: { fileId: r.letter_file_id, size: r.letter_size, sha256: r.letter_sha256 },
    status: r.status,
    reason: r.reason,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by !== null ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
    createdUserId: r.created_user_id,
    existingAdmins: r.existing_admins,
    abilities: { approve: decidable, reject: decidable },
  };
}
