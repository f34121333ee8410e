import { z } from 'zod';

/*
 * The selection's exports (issue 12 point 9): the scores of a scored stage as XLSX (the organizer's
 * secretariat) and one evaluation's score sheet as PDF (its evaluator or the organizer's secretariat).
 */

export const scoresExportParams = z.object({
  id: z.coerce.number().int().positive(),
  stageId: z.coerce.number().int().positive(),
});

/** GET …/scores.xlsx: the headers' language (default: the reader's). */
export const scoresExportQuery = z.object({
  lang: z.enum(['id', 'en'], { error: 'Bahasa: id atau en.|Language: id or en.' }).optional(),
});

export const scoreSheetParams = z.object({ id: z.coerce.number().int().positive() });
