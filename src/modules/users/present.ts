import type { InstitutionUser } from '../../contracts/users.js';
import type { InstitutionUserRow } from './queries.js';

export function presentInstitutionUser(row: InstitutionUserRow): InstitutionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    position: row.position,
    phone: row.phone,
    role: row.role,
    unitId: row.unit_id,
    unitName: row.unit_name,
    mustCompleteProfile: row.must_complete_profile === 1,
    invitationPending: row.password_hash === null,
    active: row.is_active === 1,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}
