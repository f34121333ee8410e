/*
 * The owners' side of last year's innovations in the demo gallery (issue 14): each owner institution's
 * admin lokal has set the contact for replication of its innovations and confirmed them for this year —
 * continuing, one halted with its reason, one left unconfirmed so the gallery shows every state — through
 * the same commands the API uses. The admin lokal of the featured innovation's institution (Kabupaten
 * Banyuwangi) can sign in with the demo password, so a visitor of the demo asks to replicate the featured
 * innovation as adminlokal.tangerang@ and answers as that account on /instansi/replikasi.
 */
import type { Db } from '../db/connect.js';
import { confirmStatus } from '../modules/gallery/owner/commands/confirm-status.js';
import { saveContact } from '../modules/gallery/owner/commands/save-contact.js';
import { hashPassword } from '../platform/passwords.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { FEATURED_INNOVATION } from './demo-last-year.js';

/** The admin lokal who answers replication requests of the featured innovation in the demo. */
export const GALLERY_OWNER_ACCOUNT = 'adminlokal.banyuwangi@demo.sinovik.id';

/** The innovation coordinators who answer for replication (demo names). */
const COORDINATORS = [
  'Wahyu Hidayat',
  'Sri Lestari',
  'Rudi Hartono',
  'Nur Aini',
  'Yosef Wenda',
  'Andi Makkasau',
];

const HALT_REASON =
  'Anggaran operasional dialihkan ke program lain tahun ini; layanan dihentikan sementara sambil mencari mitra.';

export async function seedGalleryOwners(db: Db, input: { competitionId: number; now: Date }): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(DEMO_PASSWORD), must_complete_profile: 0 })
    .where('email', '=', GALLERY_OWNER_ACCOUNT)
    .execute();

  // Each entry with its institution's first admin lokal (the demo seeds one per institution).
  const entries = await db
    .selectFrom('gallery_entries as e')
    .innerJoin('proposals as p', 'p.id', 'e.proposal_id')
    .innerJoin('role_grants as g', (j) =>
      j.onRef('g.institution_id', '=', 'p.institution_id').on('g.role', '=', 'local_admin'),
    )
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['p.id as proposalId', 'p.title', 'e.award_rank', 'u.id as userId', 'u.name', 'u.email'])
    .where('e.competition_id', '=', input.competitionId)
    .orderBy('e.award_rank', 'desc')
    .orderBy('p.id')
    .execute();
  const seen = new Set<number>();
  const owners = entries.filter((e) => !seen.has(e.proposalId) && seen.add(e.proposalId));

  // The two lowest-ranked entries that are not the featured one: one halted, one never confirmed.
  const others = owners.filter((e) => e.title !== FEATURED_INNOVATION);
  const halted = others[0]?.proposalId;
  const unconfirmed = others[1]?.proposalId;
  for (const [i, e] of owners.entries()) {
    const actor = { userId: e.userId, name: e.name };
    const common = { proposalId: e.proposalId, actor, ip: null, now: input.now };
    await saveContact(db, {
      ...common,
      contact: {
        name: COORDINATORS[i % COORDINATORS.length]!,
        position: 'Koordinator Inovasi',
        email: e.email.replace(/^adminlokal\./, 'inovasi.'),
        phone: '0812 5555 0199',
      },
    });
    if (e.proposalId === unconfirmed) continue;
    await confirmStatus(db, {
      ...common,
      status: e.proposalId === halted ? 'halted' : 'continuing',
      reason: e.proposalId === halted ? HALT_REASON : null,
    });
  }
}
