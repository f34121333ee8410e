import { t, type Text } from './errors.js';

/*
 * Who invites into a competition's khusus group, as its rules and its group description say it: the
 * Minister of PANRB in the national KIPP, else the competition's own organizer (issue 11 point 5).
 */

/** The competition's organizer as the khusus invitation names it. */
export interface KhususOrganizer {
  name: string;
  shortName?: string | null;
}

/** KemenPAN-RB by its full name or any spelling of "PANRB" ("KemenPAN-RB", "Kementerian PAN RB"). */
const isKemenpanRb = (o: KhususOrganizer) =>
  [o.name, o.shortName ?? ''].some((n) => /pendayagunaan aparatur negara|(\b|kemen)pan[\s-]*rb\b/i.test(n));

/**
 * Who invites into the khusus group: the Minister of PANRB in the national KIPP (organizer KemenPAN-RB,
 * or none given), else the organizer by its name ("Pemerintah Provinsi Banten"; a provincial KIPP invites
 * through its own Biro Organisasi, kipp-reference §5).
 */
export function khususInviter(organizer: KhususOrganizer | null | undefined): Text {
  if (!organizer || isKemenpanRb(organizer)) return t('Menteri PANRB', 'the Minister (PANRB)');
  return t(organizer.name, organizer.name);
}

/** The phrase of the KIPP template's khusus description that the organizer's own name replaces. */
export const TEMPLATE_INVITER_PHRASE = {
  id: 'Hanya atas undangan penyelenggara (pada KIPP nasional: Menteri PANRB).',
  en: "By the organizer's invitation only (in the national KIPP: the Minister of PANRB).",
};

/**
 * A group description from the template with its inviter named: "Hanya atas undangan Pemerintah Provinsi
 * Banten." for a province, "Hanya atas undangan Menteri PANRB." for KemenPAN-RB. Text without the
 * template's phrase (written by the organizer) is returned as it is.
 */
export function nameInviterIn(
  description: { id: string | null; en: string | null },
  organizer: KhususOrganizer,
): { id: string | null; en: string | null } {
  const who = khususInviter(organizer);
  return {
    id: description.id?.replace(TEMPLATE_INVITER_PHRASE.id, `Hanya atas undangan ${who.id}.`) ?? null,
    en: description.en?.replace(TEMPLATE_INVITER_PHRASE.en, `By invitation of ${who.en} only.`) ?? null,
  };
}
