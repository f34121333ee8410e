import { z } from 'zod';
import { cleanLine, cleanLong } from './text-hygiene.js';

/*
 * Every string a person types goes through one of these (text-hygiene.ts): normalized to NFC,
 * without control, bidi-override and zero-width characters. They are zod strings (`overwrite` keeps the
 * type), so `.trim().min().max()` chain on as usual and count the clean text. Not for passwords or tokens
 * (taken exactly as typed) nor for response schemas.
 */

/** A one-line text (title, name, label, number): line breaks and tabs become spaces. */
export const cleanText = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(cleanLine);

/** A long text (an answer, a reason, a description): keeps its line breaks and tabs. */
export const cleanLongText = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).overwrite(cleanLong);
