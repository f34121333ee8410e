import { z } from 'zod';
import { cleanText } from './text.js';
import { phoneSchema } from './phone.js';

/*
 * Accounts and sessions: request bodies and response shapes shared by the server and the web app.
 * Custom messages are written "Bahasa Indonesia|English"; the standard ones are translated by the server.
 */

export const localeSchema = z.enum(['id', 'en']);
export type Locale = z.infer<typeof localeSchema>;

/** An e-mail address, trimmed before it is checked (people paste addresses with spaces around). */
export const emailSchema = z.string().trim().max(254).pipe(z.email());

export const loginBody = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Wajib diisi.|Required.').max(1000),
});
export type LoginBody = z.infer<typeof loginBody>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Wajib diisi.|Required.').max(1000),
  /** Strength is checked by the server (domain/password-policy) so the codes are stable. */
  newPassword: z.string().max(1000),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const resetRequestBody = z.object({
  email: emailSchema,
  /** The language of the page the request came from; the mail is written in it. */
  locale: localeSchema.optional(),
});
export type ResetRequestBody = z.infer<typeof resetRequestBody>;

export const tokenQuery = z.object({
  token: z.string().trim().min(1, 'Tautan tidak lengkap.|The link is incomplete.').max(200),
});

export const resetConfirmBody = z.object({
  token: z.string().trim().min(1, 'Tautan tidak lengkap.|The link is incomplete.').max(200),
  newPassword: z.string().max(1000),
});
export type ResetConfirmBody = z.infer<typeof resetConfirmBody>;

/** "Kirim tautan masuk": the same shape as a reset request. */
export const signInLinkRequestBody = resetRequestBody;

export const signInLinkConfirmBody = z.object({
  token: z.string().trim().min(1, 'Tautan tidak lengkap.|The link is incomplete.').max(200),
});

export const profileBody = z.object({
  name: cleanText().trim().min(1, 'Nama wajib diisi.|Name is required.').max(255),
  position: cleanText().trim().min(1, 'Jabatan wajib diisi.|Position is required.').max(255),
  phone: phoneSchema(),
  locale: localeSchema,
});
export type ProfileBody = z.infer<typeof profileBody>;

export const roleSchema = z.enum([
  'upp',
  'local_admin',
  'secretariat',
  'evaluator',
  'panelist',
  'system_admin',
  'data_steward',
]);

export const meRoleSchema = z.object({
  role: roleSchema,
  institutionId: z.number().nullable(),
  institutionName: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  competitionId: z.number().nullable(),
  /** The competition's name, for a grant scoped to one (evaluator, panelist): the menu names it. */
  competitionName: z.string().nullable(),
});
export type MeRole = z.infer<typeof meRoleSchema>;

/** What the signed-in person may do, so the web app shows only what is allowed. */
export const meAbilitiesSchema = z.object({
  /** Add, edit and import institutions (installation-wide reference data). */
  manageInstitutions: z.boolean(),
  /**
   * Offered the institution registry page: those who manage it, and an organizer's secretariat, who reads
   * it (names, codes; public data) without changing it.
   */
  viewInstitutions: z.boolean(),
  reviewAdminRequests: z.boolean(),
  viewOutbox: z.boolean(),
  viewAudit: z.boolean(),
  /** Add, edit, delete and import past awards (the registry the eligibility rules read). */
  manageAwards: z.boolean(),
  /** True when a competition may be created for at least one organizer. */
  createCompetition: z.boolean(),
  /** The organizers (from the person's own grants) a competition may be created for. */
  organizerInstitutionIds: z.array(z.number()),
  /** True when any institution may be the organizer (not limited to the person's own grants). */
  createCompetitionForAnyOrganizer: z.boolean(),
  /** Institutions (from the person's own grants) whose units this person may manage. */
  manageUnitsOf: z.array(z.number()),
  /** True when the units of every institution may be managed. */
  manageAllUnits: z.boolean(),
  controlClock: z.boolean(),
  /** Sees some proposals: a UPP its unit's, an admin lokal its institution's, a secretariat the forwarded ones. */
  viewProposals: z.boolean(),
  /** Sees the submission dashboard of the competitions of at least one organizer. */
  viewSubmissionDashboard: z.boolean(),
  /** The users and roles screen of the system administrator (create, grant, revoke, deactivate). */
  manageUsers: z.boolean(),
  /** The selection's hub of some organizer's competitions (the menu's "Seleksi"). */
  viewSelection: z.boolean(),
  /** The competitions whose uji publik objections this person decides (a panelist): /panel/kompetisi/:id/uji-publik. */
  adjudicateObjectionsIn: z.array(z.number()),
  /** Holds a review team's grant (Tim Evaluasi / panel) for some competition: the work list /penilaian. */
  reviewWork: z.boolean(),
  /** Offered the list of one's own certificates (piagam): an admin lokal or a UPP. */
  viewOwnCertificates: z.boolean(),
  /** The institution's replication requests, sent and received (issue 14): an admin lokal or a UPP. */
  viewReplicationRequests: z.boolean(),
  /** Institutions (from the person's own grants) whose innovations' gallery settings it manages (/instansi/galeri). */
  manageGalleryOf: z.array(z.number()),
});
export type MeAbilities = z.infer<typeof meAbilitiesSchema>;

export const meSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  locale: localeSchema,
  mustCompleteProfile: z.boolean(),
  roles: z.array(meRoleSchema),
  abilities: meAbilitiesSchema,
});
export type Me = z.infer<typeof meSchema>;

export const meResponse = z.object({ user: meSchema });
export const meOrNullResponse = z.object({ user: meSchema.nullable() });

export const tokenPurposeSchema = z.enum(['reset', 'set_password']);

export const tokenInfoResponse = z.object({
  purpose: tokenPurposeSchema,
  email: z.string(),
  name: z.string(),
  expiresAt: z.string(),
});
export type TokenInfo = z.infer<typeof tokenInfoResponse>;

export const acceptedResponse = z.object({ ok: z.literal(true) });
