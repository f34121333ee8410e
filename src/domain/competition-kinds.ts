/*
 * The kinds a competition's data is made of (its stages, its categories), shared by the template and its
 * presets (competition-template.ts, competition-presets.ts) without either importing the other.
 */

/** The stages a competition may have, in the order the KIPP lifecycle runs them. */
export const STAGE_KINDS = [
  'publication',
  'submission',
  'administrative',
  'evaluation_1',
  'evaluation_2',
  'finalists',
  'public_objection',
  'presentation',
  'field_verification',
  'final_panel',
  'announcement',
] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/**
 * The stage kinds that run alongside the others (seed 003: Publikasi "sejak KIPP dibuka sampai dengan
 * penutupan (awarding)"): their window may overlap any stage, and they are never "the" stage under way.
 * Every other pair of stages may not overlap.
 */
export const ALONGSIDE_STAGE_KINDS: readonly StageKind[] = ['publication'];
export const runsAlongside = (kind: string | null | undefined): boolean =>
  (ALONGSIDE_STAGE_KINDS as readonly string[]).includes((kind ?? '').trim());

export interface CategoryDefinition {
  key: string;
  nameId: string;
  nameEn: string;
}
