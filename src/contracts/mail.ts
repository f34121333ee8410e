import { z } from 'zod';

/*
 * The secretariat's Outbox page and every user's in-app notifications: query parameters and response
 * shapes shared by the server and the web app. Custom messages are written "Bahasa Indonesia|English".
 */

/** Query parameters arrive as text; an empty one (`?status=`) means "not given", as a cleared filter sends it. */
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const pageParam = z.preprocess(
  blankToUndefined,
  z.coerce
    .number('Nomor halaman harus berupa angka.|The page number must be a number.')
    .int()
    .min(1)
    .max(1_000_000)
    .default(1),
);

export const pageSizeParam = (fallback: number, max: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(max).default(fallback));

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
// A message of our own: zod's default one lists the choices separated by "|", which the error mapper
// would take for an "Indonesian|English" pair.
export const outboxStatusSchema = z.enum(OUTBOX_STATUSES, {
  error: 'Pilihan status tidak tersedia.|Not one of the allowed statuses.',
});
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

export const outboxListQuery = z.object({
  status: z.preprocess(blankToUndefined, outboxStatusSchema.optional()),
  /** Searches the recipient's address and the subject, case-insensitively. */
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  template: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
  page: pageParam,
  pageSize: pageSizeParam(50, 200),
});
export type OutboxListQuery = z.infer<typeof outboxListQuery>;

export const idParams = z.object({
  id: z.coerce.number('Nomor tidak valid.|Not a valid number.').int().min(1).max(2_147_483_647),
});

export const outboxItemSchema = z.object({
  id: z.number(),
  toAddress: z.string(),
  toName: z.string().nullable(),
  subject: z.string(),
  template: z.string(),
  locale: z.enum(['id', 'en']),
  status: outboxStatusSchema,
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** When the worker will try again; null once the message is sent or has failed for good. */
  nextAttemptAt: z.string().nullable(),
  abilities: z.object({ retry: z.boolean() }),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const outboxCountsSchema = z.object({
  pending: z.number(),
  sending: z.number(),
  sent: z.number(),
  failed: z.number(),
});

export const outboxListResponse = z.object({
  items: z.array(outboxItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Per status, under the same search and template filter (the status tabs' numbers). */
  counts: outboxCountsSchema,
  /** The templates that occur in the outbox, for the filter's choices. */
  templates: z.array(z.string()),
  /** 'file' = no SMTP relay configured: messages are written as .eml files under DATA_DIR/mail. */
  transport: z.enum(['smtp', 'file']),
  abilities: z.object({ retry: z.boolean() }),
});
export type OutboxListResponse = z.infer<typeof outboxListResponse>;

export const outboxMessageResponse = outboxItemSchema.extend({
  messageId: z.string().nullable(),
  textBody: z.string(),
  /** Untrusted for the browser's purposes: show it in a sandboxed iframe, never inline. */
  htmlBody: z.string().nullable(),
  /** True when the file transport wrote this message and the .eml is still on disk. */
  emlAvailable: z.boolean(),
});
export type OutboxMessage = z.infer<typeof outboxMessageResponse>;

const textSchema = z.object({ id: z.string(), en: z.string() });

export const notificationListQuery = z.object({
  unread: z.preprocess(
    blankToUndefined,
    z.enum(['0', '1', 'true', 'false'], { error: 'Gunakan 1 atau 0.|Use 1 or 0.' }).optional(),
  ),
  page: pageParam,
  pageSize: pageSizeParam(20, 100),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notificationSchema = z.object({
  id: z.number(),
  kind: z.string(),
  title: textSchema,
  body: textSchema,
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof notificationSchema>;

export const notificationListResponse = z.object({
  items: z.array(notificationSchema),
  /** All of the caller's unread notifications, whatever the page (the bell's number). */
  unreadCount: z.number(),
  /** Rows matching the query (unread only when asked). */
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type NotificationListResponse = z.infer<typeof notificationListResponse>;

export const notificationReadResponse = z.object({
  notification: notificationSchema,
  unreadCount: z.number(),
});

export const notificationsReadAllResponse = z.object({
  /** How many were unread and are now read. */
  updated: z.number(),
  unreadCount: z.number(),
});
