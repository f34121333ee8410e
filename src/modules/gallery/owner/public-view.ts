import type { Db } from '../../../db/connect.js';
import type { GalleryOwnerSettingsRow } from '../../../db/schema.js';
import { shownStatus, type PromptDate, type ShownStatus } from '../../../domain/gallery-owner.js';
import { confirmationsOf, filesOf, settingsOf, type OwnerFile } from './queries.js';

/*
 * What the owner's settings add to the public gallery (issue 14 points 1 and 4): the status shown (from
 * the yearly confirmations), the contact for replication and the evidence files marked public. Read only
 * for entries already in the gallery (the caller found the entry first).
 */

export interface StatusClock {
  now: Date;
  prompt: PromptDate;
}

/** The status each of these entries shows, by proposal. */
export async function statusesOf(
  db: Db,
  entries: readonly { proposal_id: number; year: number }[],
  clock: StatusClock,
): Promise<Map<number, ShownStatus>> {
  const rows = await confirmationsOf(
    db,
    entries.map((e) => e.proposal_id),
  );
  const by = new Map<number, typeof rows>();
  for (const r of rows) by.set(r.proposal_id, [...(by.get(r.proposal_id) ?? []), r]);
  return new Map(
    entries.map((e) => [
      e.proposal_id,
      shownStatus({ competitionYear: e.year, confirmations: by.get(e.proposal_id) ?? [], ...clock }),
    ]),
  );
}

export const contactOf = (s: GalleryOwnerSettingsRow | undefined) =>
  s && (s.contact_email !== null || s.contact_phone !== null)
    ? { name: s.contact_name, position: s.contact_position, email: s.contact_email, phone: s.contact_phone }
    : null;

export const sectionOf = (f: OwnerFile) =>
  f.section_label_id !== null
    ? { id: f.section_label_id, en: f.section_label_en ?? f.section_label_id }
    : null;

/** The public download address of an entry's file. */
export const evidenceUrl = (slug: string, attachmentId: number) =>
  `/api/public/gallery/${slug}/evidence/${attachmentId}`;

/** An entry's status, contact and public files. */
export async function ownerPublicOf(
  db: Db,
  entry: { proposal_id: number; year: number; slug: string },
  clock: StatusClock,
) {
  const [statuses, settings, files] = await Promise.all([
    statusesOf(db, [entry], clock),
    settingsOf(db, [entry.proposal_id]),
    filesOf(db, [entry.proposal_id]),
  ]);
  const s = statuses.get(entry.proposal_id)!;
  return {
    status: { status: s.status, year: s.year, confirmed: s.confirmed, reason: s.reason },
    contact: contactOf(settings[0]),
    evidence: files
      .filter((f) => f.isPublic)
      .map((f) => ({
        id: f.id,
        name: f.original_name,
        size: f.size,
        mime: f.mime,
        section: sectionOf(f),
        url: evidenceUrl(entry.slug, f.id),
      })),
  };
}

/** A public file of a public entry (its storage key), or undefined. */
export async function publicFileOf(db: Db, proposalId: number, attachmentId: number) {
  return (await filesOf(db, [proposalId])).find((f) => f.id === attachmentId && f.isPublic);
}
