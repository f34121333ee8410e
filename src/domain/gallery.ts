/*
 * The gallery's rules (issue 14), pure: an entry's stable address, its summary, the order of award levels
 * (for the "by award" sort and an entry's best award), and how a list is ordered when it is not ranked by
 * a query. The store (modules/gallery) writes and reads; the search core (domain/search) ranks.
 */
import type { AwardLevel } from '../contracts/awards.js';

/** The award levels from the highest; the finalist level (TOP99) after every award. */
export const AWARD_ORDER: readonly AwardLevel[] = [
  'TOP9',
  'TOP25',
  'TOP35',
  'TOP40',
  'TOP45',
  'TOP5_REPLIKASI',
  'KHUSUS',
  'OPSI',
  'OAPSI',
  'TOP99',
];

/** The rank of a level (0 = highest); unknown levels and "no award" after every known level. */
export function awardRank(level: string | null): number {
  const i = level === null ? -1 : AWARD_ORDER.indexOf(level as AwardLevel);
  return i < 0 ? AWARD_ORDER.length : i;
}

/** The distinct levels, best first. */
export function orderAwards(levels: readonly string[]): AwardLevel[] {
  return [...new Set(levels)]
    .filter((l): l is AwardLevel => AWARD_ORDER.includes(l as AwardLevel))
    .sort((a, b) => awardRank(a) - awardRank(b));
}

/** The rank of an entry's best award (AWARD_ORDER.length when it has none). */
export function bestAwardRank(levels: readonly string[]): number {
  return Math.min(AWARD_ORDER.length, ...levels.map(awardRank));
}

/**
 * The stable public address of an innovation: `<competition code>-<proposal code>` in lower case, letters
 * and digits joined by single hyphens; the competition code is not repeated when the proposal's code
 * starts with it ("KIPP" + "KIPP-2026-00042" → "kipp-2026-00042").
 */
export function gallerySlug(competitionCode: string, proposalCode: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const prefix = clean(competitionCode);
  const code = clean(proposalCode);
  const slug = code === prefix || code.startsWith(`${prefix}-`) ? code : `${prefix}-${code}`;
  return slug.slice(0, 100).replace(/-+$/, '');
}

/** A public summary's length when it is cut from the first answer. */
export const SUMMARY_WORDS = 200;

/**
 * The public summary: the "ringkasan" answer when the form has one and it is filled, else the first
 * answer's first SUMMARY_WORDS words (with "…" when cut). Whitespace runs become one space.
 */
export function gallerySummary(ringkasan: string | null, firstAnswer: string | null): string {
  const own = (ringkasan ?? '').replace(/\s+/g, ' ').trim();
  if (own) return own;
  const words = (firstAnswer ?? '').replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const cut = words.slice(0, SUMMARY_WORDS).join(' ');
  return words.length > SUMMARY_WORDS ? `${cut} …` : cut;
}

/** The province (two digits) and regency/city (NN.NN) of a region code such as "36.03" or "36.03.01". */
export function regionCodes(regionCode: string | null): { province: string | null; regency: string | null } {
  const m = regionCode ? /^([0-9]{2})(?:\.([0-9]{2}))?/.exec(regionCode) : null;
  if (!m) return { province: null, regency: null };
  return { province: m[1] ?? null, regency: m[2] ? `${m[1]}.${m[2]}` : null };
}
