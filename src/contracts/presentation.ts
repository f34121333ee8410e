import { z } from 'zod';
import { cleanLongText, cleanText } from './text.js';

/*
 * The presentation and interview schedule (issue 13 point 2): the stage's settings, the panel's sessions,
 * the automatic assignment and hand moves, the publication with its letters, the participants' uploads,
 * rescheduling requests and the panelist's live session.
 */

const idNumber = z.coerce.number('Nomor tidak valid.|Not a valid number.').int().min(1).max(2_147_483_647);
const instant = z
  .string()
  .max(64)
  .refine((v) => !Number.isNaN(Date.parse(v)), 'Waktu tidak valid.|Not a valid time.');

export const presentationParams = z.object({ id: idNumber });
export const sessionParams = z.object({ id: idNumber, sessionId: idNumber });
export const requestParams = z.object({ id: idNumber, requestId: idNumber });
export const proposalParams = z.object({ proposalId: idNumber });

/** PUT …/presentation/settings: every field optional; checked by domain/presentation-settings.ts. */
export const presentationSettingsBody = z.object({
  presentationMinutes: z.number().optional(),
  interviewMinutes: z.number().optional(),
  bufferMinutes: z.number().optional(),
  quorum: z.number().optional(),
  uploadDeadline: instant.nullable().optional(),
  letterPattern: cleanText().max(200).optional(),
  letterStart: z.number().optional(),
  bringId: cleanLongText().max(2000).optional(),
  bringEn: cleanLongText().max(2000).optional(),
});
export type PresentationSettingsBody = z.infer<typeof presentationSettingsBody>;

/** POST/PUT a session; checked field by field by domain/presentation-sessions.ts. */
export const sessionBody = z.object({
  name: cleanText()
    .trim()
    .min(1, 'Nama sesi wajib diisi.|The session name is required.')
    .max(200, 'Nama sesi paling panjang 200 karakter.|The session name is at most 200 characters.'),
  startsAt: instant,
  endsAt: instant,
  mode: z.enum(['offline', 'online']),
  room: cleanText().trim().max(200).nullable().optional(),
  meetingUrl: cleanText().trim().max(500).nullable().optional(),
  groupKeys: z.array(z.string().max(64)).max(20),
  panelistIds: z.array(z.number().int().min(1).max(2_147_483_647)).max(50),
});
export type SessionBody = z.infer<typeof sessionBody>;

export const moveBody = z.object({
  proposalId: z.number().int().min(1).max(2_147_483_647),
  sessionId: z.number().int().min(1).max(2_147_483_647),
  /** 1-based slot number in the session. */
  slot: z.number().int().min(1).max(1000),
});

export const publishBody = z.object({
  /** The schedule's version the page showed (another change in between: 409). */
  version: z.number().int().min(1).max(2_147_483_647),
});

export const unavailableSchema = z.object({ from: instant, to: instant });

export const rescheduleBody = z.object({
  reason: cleanLongText()
    .trim()
    .min(10, 'Tuliskan alasan (paling sedikit 10 karakter).|Give the reason (at least 10 characters).')
    .max(2000),
  unavailable: z
    .array(unavailableSchema)
    .min(1, 'Sebutkan waktu yang tidak dapat dihadiri.|Name the times you cannot attend.')
    .max(10),
});

export const acceptBody = z.object({
  sessionId: z.number().int().min(1).max(2_147_483_647).optional(),
  slot: z.number().int().min(1).max(1000).optional(),
});

export const refuseBody = z.object({
  reason: cleanLongText()
    .trim()
    .min(5, 'Tuliskan alasan penolakan.|Give the reason for the refusal.')
    .max(2000),
});

export const videoUrlSchema = cleanText()
  .trim()
  .max(500, 'Tautan paling panjang 500 karakter.|The link is at most 500 characters.')
  .regex(
    /^https?:\/\/[^\s/]+\.[^\s]+$/,
    'Tautan video harus alamat web yang diawali http:// atau https://.|The video link must be a web address starting with http:// or https://.',
  );
