import { z } from 'zod';
import { cleanText } from './text.js';

/*
 * Invitations into a competition's invitation-only groups (KIPP: the khusus group, by the Minister's
 * letter). The secretariat of the organizer lists, adds and revokes them; an invited institution's UPP may
 * start a proposal in the group, and the group's rules check the invitation again at send and forward.
 */

const textMsg = z.object({ id: z.string(), en: z.string() });
const idNumber = z.coerce.number('Nomor tidak valid.|Not a valid number.').int().min(1).max(2_147_483_647);

export const invitationParams = z.object({ id: idNumber, invitationId: idNumber });

/** POST /competitions/:id/invitations. */
export const createInvitationBody = z.object({
  groupKey: z.string().trim().min(1, 'Pilih kelompok.|Choose a group.').max(32),
  institutionId: idNumber,
  /** The award of the registry the invitation is for (the Top Terpuji being invited); optional. */
  awardId: idNumber.nullable().optional(),
  letterNumber: cleanText()
    .trim()
    .min(1, 'Nomor surat undangan wajib diisi.|The invitation letter number is required.')
    .max(512, 'Nomor surat terlalu panjang.|The letter number is too long.'),
});
export type CreateInvitationBody = z.infer<typeof createInvitationBody>;

export const invitationSchema = z.object({
  id: z.number(),
  group: z.object({ id: z.number(), key: z.string(), nameId: z.string(), nameEn: z.string() }),
  institution: z.object({ id: z.number(), name: z.string() }),
  award: z
    .object({
      id: z.number(),
      year: z.number(),
      level: z.string(),
      levelLabel: textMsg,
      innovationTitle: z.string(),
      institutionName: z.string().nullable(),
    })
    .nullable(),
  letterNumber: z.string(),
  invitedBy: z.object({ id: z.number(), name: z.string() }),
  createdAt: z.string(),
  /** null while the invitation stands. */
  revokedAt: z.string().nullable(),
  revokedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  abilities: z.object({ revoke: z.boolean() }),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** GET /competitions/:id/invitations and the answer of every change: newest first, revoked ones too. */
export const invitationListResponse = z.object({
  competition: z.object({
    id: z.number(),
    name: z.string(),
    status: z.string(),
    timeZone: z.string(),
  }),
  /** The competition's invitation-only groups (the ones an invitation may name). */
  groups: z.array(z.object({ id: z.number(), key: z.string(), nameId: z.string(), nameEn: z.string() })),
  items: z.array(invitationSchema),
  abilities: z.object({
    /** Add an invitation: the competition is published and has an invitation-only group. */
    create: z.boolean(),
  }),
});
export type InvitationList = z.infer<typeof invitationListResponse>;
