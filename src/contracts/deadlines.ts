import { z } from 'zod';
import { cleanLongText, cleanText } from './text.js';

/*
 * Extending the submission deadline (with the letter that decided it) and the list of extensions. The
 * schema checks shape only; domain/deadlines decides whether the new closing is acceptable.
 */

/** POST /competitions/:id/extend-submission. */
export const extendSubmissionBody = z.object({
  closesAt: z.string().max(64, 'Waktu tidak valid.|Not a valid instant.'),
  letterNumber: cleanText().max(512, 'Nomor surat terlalu panjang.|The letter number is too long.'),
  reasonId: cleanLongText().max(4000).nullable().optional(),
  reasonEn: cleanLongText().max(4000).nullable().optional(),
  /**
   * What happens to the later stages: `move` (default) moves them by what the extension eats of the gap before
   * each; `keep` leaves the calendar as it is and refuses (400 at closesAt) an extension that would overlap a
   * later stage, listing those stages.
   */
  calendar: z.enum(['move', 'keep']).optional(),
});
export type ExtendSubmissionBody = z.infer<typeof extendSubmissionBody>;

const stageWindow = z.object({ opensAt: z.string().nullable(), closesAt: z.string().nullable() });

/** A stage moved by an extension so that the timeline does not overlap. */
export const movedStageSchema = z.object({
  kind: z.string(),
  nameId: z.string(),
  nameEn: z.string(),
  from: stageWindow,
  to: stageWindow,
});

export const extensionSchema = z.object({
  previousClosesAt: z.string(),
  closesAt: z.string(),
  letterNumber: z.string(),
  reasonId: z.string().nullable(),
  reasonEn: z.string().nullable(),
  at: z.string(),
  /** User id of the secretariat member who extended. */
  by: z.number(),
  /** Their name, for those who may manage the competition (its secretariat); null for everyone else. */
  byName: z.string().nullable(),
  /** The later stages this extension moved (empty for extensions made before stages moved with them). */
  movedStages: z.array(movedStageSchema),
});
export type Extension = z.infer<typeof extensionSchema>;

/** GET /competitions/:id/extensions and the answer of an extension. */
export const extensionsResponse = z.object({
  competitionId: z.number(),
  timeZone: z.string(),
  /** The submission stage's closing now (after every extension). */
  closesAt: z.string().nullable(),
  /** Oldest first. */
  items: z.array(extensionSchema),
  abilities: z.object({ extend: z.boolean() }),
});
export type ExtensionsResponse = z.infer<typeof extensionsResponse>;

/** POST /competitions/:id/extend-submission/preview: what the extension would do, nothing saved. */
export const extensionPreviewResponse = z.object({
  competitionId: z.number(),
  timeZone: z.string(),
  previousClosesAt: z.string(),
  closesAt: z.string(),
  movedStages: z.array(movedStageSchema),
  calendar: z.enum(['move', 'keep']),
  /** The whole calendar as it would be after the extension, in order; `moved` marks what changes. */
  stages: z.array(
    z.object({
      kind: z.string(),
      nameId: z.string(),
      nameEn: z.string(),
      opensAt: z.string().nullable(),
      closesAt: z.string().nullable(),
      moved: z.boolean(),
    }),
  ),
  /** Accounts told in the app and by e-mail. */
  recipients: z.number(),
});
export type ExtensionPreview = z.infer<typeof extensionPreviewResponse>;
