import { z } from 'zod';
import { pageParam, pageSizeParam } from './mail.js';

/*
 * The audit log browser: filters, the page of events, the hash-chain check. Shared by server and web app.
 * Custom messages are written "Bahasa Indonesia|English".
 */

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

/**
 * An instant with its offset ("2026-05-11T16:59:00Z", "…+07:00") or a calendar date ("2026-05-11"); a
 * date means that whole day in WIB (Asia/Jakarta), the organizer's default time zone.
 */
const instantOrDate = z.preprocess(
  blankToUndefined,
  z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], {
      error:
        'Gunakan tanggal (YYYY-MM-DD) atau waktu ISO 8601 dengan zona.|Use a date (YYYY-MM-DD) or an ISO 8601 time with its zone.',
    })
    .optional(),
);

const auditFilterFields = {
  /** Exact action name, e.g. `user.login`. */
  action: optionalText(64),
  entityType: optionalText(32),
  entityId: optionalText(64),
  /** A user id, or text found in the actor's name or e-mail. */
  actor: optionalText(254),
  from: instantOrDate,
  /** Inclusive: an instant up to and including it, a date up to the end of that day (WIB). */
  to: instantOrDate,
  /** Searches the action, entity, summary, address and the actor's name and e-mail. */
  q: optionalText(200),
};

export type AuditFilter = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: string;
  to?: string;
  q?: string;
};

/** Start of a date in WIB, or the instant itself, as stored (ISO UTC). */
export function lowerBound(v: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(v)
    ? new Date(`${v}T00:00:00+07:00`).toISOString()
    : new Date(v).toISOString();
}

/** The first instant after the bound: the next WIB day for a date, the next millisecond for an instant. */
export function upperBoundExclusive(v: string): string {
  const start = /^\d{4}-\d{2}-\d{2}$/.test(v)
    ? new Date(`${v}T00:00:00+07:00`).getTime() + 24 * 3600_000
    : new Date(v).getTime() + 1;
  return new Date(start).toISOString();
}

const rangeInOrder = (f: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (f.from && f.to && lowerBound(f.from) >= upperBoundExclusive(f.to)) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'Tanggal akhir harus setelah tanggal awal.|The end must be after the start.',
    });
  }
};

export const auditListQuery = z
  .object({ ...auditFilterFields, page: pageParam, pageSize: pageSizeParam(50, 200) })
  .superRefine(rangeInOrder);
export type AuditListQuery = z.infer<typeof auditListQuery>;

export const auditExportQuery = z.object(auditFilterFields).superRefine(rangeInOrder);

export const auditActorSchema = z.object({ id: z.number(), name: z.string(), email: z.string() });

export const auditEventSchema = z.object({
  id: z.number(),
  /** Null for events the system itself caused (worker, timed jobs). */
  actor: auditActorSchema.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The event's details (before/after, …); the raw text if it is not JSON any more. */
  summary: z.unknown(),
  ip: z.string().nullable(),
  createdAt: z.string(),
  /** Its link in the hash chain; null for the newest events until the worker linked them (seconds). */
  hash: z.string().nullable(),
  prevHash: z.string().nullable(),
});
export type AuditEventItem = z.infer<typeof auditEventSchema>;

export const auditListResponse = z.object({
  items: z.array(auditEventSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** The actions and entity types present in the log, for the filters' choices. */
  facets: z.object({ actions: z.array(z.string()), entityTypes: z.array(z.string()) }),
  abilities: z.object({ verify: z.boolean(), export: z.boolean() }),
});
export type AuditListResponse = z.infer<typeof auditListResponse>;

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  /** Events checked, oldest first, up to and including the first broken one. */
  checked: z.number(),
  /** The id of the first event whose content or link to its predecessor does not match. */
  brokenAt: z.number().optional(),
  /** What is wrong (chain, checkpoint in the database or outside it), one sentence each. */
  problems: z.array(z.string()).optional(),
  /**
   * The newest events, recorded but not linked into the chain yet (the worker links them within seconds; a
   * number that stays means no worker runs). Not part of `checked`.
   */
  unlinked: z.number(),
});
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponse>;
