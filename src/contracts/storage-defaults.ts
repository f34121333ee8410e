/*
 * The defaults of the caps that keep one participant from filling the installation's disk (applied in
 * domain/storage-limits.ts; the settings schema in competitions.ts fills them in for older clients):
 * - open drafts per unit: KIPP's quota is 10 umum + 5 replikasi per institution (kipp-reference.md), so a
 *   unit that drafts more than 15 proposals in one competition is not preparing entries; 15 lets one unit
 *   prepare its institution's whole quota.
 * - evidence per institution: 50 MB per proposal × the 15-proposal quota is 750 MB; the internal
 *   selection (seleksi awal) means more drafts than entries, so 2 GB (about 40 full proposals).
 * A file of its own without zod: domain/competition-template.ts reads them and is on the home page's first
 * load, which must not carry zod (about 22 KB of brotli; scripts/check-bundle.mjs keeps the budget).
 */
export const DEFAULT_MAX_OPEN_DRAFTS_PER_UNIT = 15;
export const DEFAULT_MAX_INSTITUTION_STORAGE_MB = 2048;
