import type { ReplicationRequestView } from '../../contracts/replication.js';
import { regionCodes } from '../../domain/gallery.js';
import { can, type Actor } from '../../domain/policy.js';
import type { RequestView } from './queries.js';

/** One request as the caller reads it; the owner's contact only once accepted. */
export function presentRequest(
  v: RequestView,
  actor: Actor,
  direction: 'sent' | 'received',
  provinces: ReadonlyMap<string, string>,
): ReplicationRequestView {
  const open = v.state === 'requested';
  const province = regionCodes(v.requester_region_code).province;
  const answer = open && can(actor, 'replication.answer', { institutionId: v.owner_institution_id });
  return {
    id: v.id,
    direction,
    innovation: {
      title: v.entry_title ?? v.proposal_title,
      slug: v.slug,
      competition: v.competition_name,
      year: v.competition_year,
    },
    ownerInstitution: { id: v.owner_institution_id, name: v.owner_name },
    requestingInstitution: {
      id: v.requesting_institution_id,
      name: v.requester_name,
      province: province ? { code: province, name: provinces.get(province) ?? province } : null,
    },
    requestedBy: v.asker_name,
    contact: { name: v.contact_name, email: v.contact_email, phone: v.contact_phone },
    message: v.message,
    state: v.state,
    answerMessage: v.answer_message,
    ownerContact:
      v.state === 'accepted' && v.owner_contact_name && v.owner_contact_email
        ? { name: v.owner_contact_name, email: v.owner_contact_email, phone: v.owner_contact_phone }
        : null,
    savedContact:
      direction === 'received' && answer && v.saved_contact_name && v.saved_contact_email
        ? { name: v.saved_contact_name, email: v.saved_contact_email, phone: v.saved_contact_phone }
        : null,
    answeredBy: v.answerer_name,
    createdAt: v.created_at,
    answeredAt: v.answered_at,
    abilities: {
      accept: direction === 'received' && answer,
      decline: direction === 'received' && answer,
      withdraw:
        direction === 'sent' &&
        open &&
        can(actor, 'replication.withdraw', { institutionId: v.requesting_institution_id }),
    },
  };
}
