import type { OwnerInnovation } from '../../../contracts/gallery-owner.js';
import type { Db } from '../../../db/connect.js';
import {
  CONSENTABLE_STATES,
  promptInstant,
  wibYear,
  type PromptDate,
} from '../../../domain/gallery-owner.js';
import { contactOf, sectionOf, statusesOf } from './public-view.js';
import { confirmationsOf, filesOf, institutionProposals, settingsOf } from './queries.js';

/**
 * The institution's innovations as its admin lokal manages them (issue 14 points 1 and 4): those in the
 * gallery (finalist or consented) and those that could be consented, each with its consent, contact,
 * files and their public flag, the status shown and this year's confirmation, and what may be done.
 * The caller authorized `galleryOwner.manage` on the institution.
 */
export async function ownerInnovations(
  db: Db,
  input: { institutionId: number; now: Date; prompt: PromptDate },
): Promise<{ year: number; promptAt: string; items: OwnerInnovation[] }> {
  const year = wibYear(input.now);
  const rows = await institutionProposals(db, input.institutionId, CONSENTABLE_STATES);
  const ids = rows.map((r) => r.id);
  const [settings, files, confirmations, statuses] = await Promise.all([
    settingsOf(db, ids),
    filesOf(db, ids),
    confirmationsOf(db, ids),
    statusesOf(
      db,
      rows.filter((r) => r.slug !== null).map((r) => ({ proposal_id: r.id, year: r.year })),
      { now: input.now, prompt: input.prompt },
    ),
  ]);
  const settingsBy = new Map(settings.map((s) => [s.proposal_id, s]));
  const items = rows.map((r): OwnerInnovation => {
    const s = settingsBy.get(r.id);
    const inGallery = r.slug !== null;
    const basis = (r.basis as 'finalist' | 'consented' | null) ?? null;
    const thisYear = confirmations.find((c) => c.proposal_id === r.id && c.year === year);
    const shown = statuses.get(r.id);
    const contact = contactOf(s);
    return {
      proposalId: r.id,
      code: r.code,
      title: r.title,
      competition: { id: r.competition_id, name: r.competition_name, year: r.year },
      basis,
      slug: r.slug,
      consent: s?.consent ?? null,
      contact: contact ?? {
        name: s?.contact_name ?? null,
        position: s?.contact_position ?? null,
        email: null,
        phone: null,
      },
      files: files
        .filter((f) => f.proposal_id === r.id)
        .map((f) => ({
          id: f.id,
          name: f.original_name,
          size: f.size,
          mime: f.mime,
          section: sectionOf(f),
          isPublic: f.isPublic,
        })),
      status: shown
        ? {
            status: shown.status,
            year: shown.year,
            confirmed: shown.confirmed,
            reason: shown.reason,
            due: shown.due,
          }
        : null,
      thisYear: thisYear ? { status: thisYear.status, reason: thisYear.reason } : null,
      abilities: {
        consent: !inGallery && r.state !== 'finalist',
        withdraw: basis === 'consented',
        editContact: true,
        markEvidence: true,
        confirmStatus: inGallery,
      },
    };
  });
  return { year, promptAt: promptInstant(year, input.prompt).toISOString(), items };
}
