import type { Db } from '../../../../db/connect.js';
import { conflict, t } from '../../../../domain/errors.js';
import { consentRefused } from '../../../../domain/gallery-owner.js';
import { deleteEntries } from '../../queries.js';
import { writeConsent } from '../queries.js';
import { auditOwner, loadProposal, mailUnit, type OwnerCommandInput } from '../steps.js';

/**
 * The institution withdraws its consent (issue 14 point 1): the consented entry is removed from the
 * gallery with its search postings (it is no longer listed, found or shown; its address answers 404). A
 * finalist's entry cannot be withdrawn: it is public by the competition's rules (409
 * `gallery_finalist_public`); a proposal not in the gallery by consent: 409 `gallery_not_consented`.
 * Audit row `gallery.consent_withdrawn` and a mail to the unit's UPP in the same transaction.
 */
export async function withdrawConsent(db: Db, input: OwnerCommandInput & { baseUrl: string }): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const p = await loadProposal(tx, input.proposalId);
    if (p.basis === 'finalist') throw consentRefused('finalist');
    if (p.basis !== 'consented' || p.entry_id === null)
      throw conflict(
        'gallery_not_consented',
        t(
          'Inovasi ini tidak tampil di galeri atas persetujuan instansi.',
          'This innovation is not in the gallery by its institution’s consent.',
        ),
      );
    await deleteEntries(tx, [p.entry_id]);
    await writeConsent(tx, p.id, 'withdrawn', input.actor.userId, input.now.toISOString());
    const mailed = await mailUnit(tx, p, {
      ...input,
      template: 'gallery_consent_withdrawn',
      link: `${input.baseUrl}/galeri`,
    });
    await auditOwner(tx, p, input, 'gallery.consent_withdrawn', { slug: p.slug, mailed });
  });
}
