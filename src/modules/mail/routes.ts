import fs from 'node:fs/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParams,
  notificationListQuery,
  notificationListResponse,
  notificationReadResponse,
  notificationsReadAllResponse,
  outboxListQuery,
  outboxListResponse,
  outboxMessageResponse,
} from '../../contracts/mail.js';
import { notFound, t } from '../../domain/errors.js';
import { can, type Actor } from '../../domain/policy.js';
import { recordScope } from '../../domain/policy-scopes.js';
import type { OutboxRow } from '../../db/schema.js';
import { recordRead } from '../../platform/audit-reads.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import { markAllNotificationsRead } from './commands/mark-all-notifications-read.js';
import { markNotificationRead } from './commands/mark-notification-read.js';
import { retryMessage } from './commands/retry-message.js';
import { presentNotification, presentOutboxItem, presentOutboxMessage } from './present.js';
import {
  countOutboxByStatus,
  countUnreadNotifications,
  emlFileOf,
  findOutboxMessage,
  listNotifications,
  listOutbox,
  outboxTemplates,
} from './queries.js';

const messageNotFound = () => notFound(t('Pesan tidak ditemukan.', 'Message not found.'));

/** Whose a message is, as the policy reads it. */
const subjectOf = (row: OutboxRow) => ({
  organizerInstitutionId: row.organizer_institution_id,
  referenceData: row.reference_data === 1,
});

/** The scope stored with a message, for the audit row of reading it. */
const scopeOf = (row: OutboxRow) => ({
  competitionId: row.competition_id,
  organizerInstitutionId: row.organizer_institution_id,
  institutionId: row.institution_id,
  referenceData: row.reference_data === 1,
});

/** The message when the actor may read it; a message outside the actor's scope answers 404, as unknown. */
async function readableMessage(db: Parameters<typeof findOutboxMessage>[0], actor: Actor, id: number) {
  const row = await findOutboxMessage(db, id);
  if (!row || !can(actor, 'outbox.read', subjectOf(row))) throw messageNotFound();
  return row;
}

/**
 * The Outbox page (the e-mail the system sends, each reader the messages of its scope) and each user's
 * in-app notifications.
 */
export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;

  app.get(
    '/outbox',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Outbox: every e-mail the system sends, newest first, with counts per status',
        querystring: outboxListQuery,
        response: { 200: outboxListResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'outbox.view', {});
      const { status, q, template, page, pageSize } = req.query;
      const filter = { status, q, template };
      const scope = recordScope(actor, 'outbox.read');
      const [{ rows, total }, counts, templates] = await Promise.all([
        listOutbox(db, filter, scope, page, pageSize),
        countOutboxByStatus(db, filter, scope),
        outboxTemplates(db, scope),
      ]);
      const canRetry = can(actor, 'outbox.view', {});
      return {
        items: rows.map((r) => presentOutboxItem(r, canRetry && can(actor, 'outbox.read', subjectOf(r)))),
        total,
        page,
        pageSize,
        counts,
        templates,
        transport: app.deps.mail.transport.kind,
        abilities: { retry: canRetry },
      };
    },
  );

  app.get(
    '/outbox/:id',
    {
      schema: {
        tags: ['outbox'],
        summary: 'One outbox message with its text and HTML bodies (for the preview)',
        params: idParams,
        response: { 200: outboxMessageResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'outbox.view', {});
      const row = await readableMessage(db, actor, req.params.id);
      await recordRead(db, {
        actorUserId: actor.userId,
        action: 'outbox.viewed',
        entityType: 'outbox',
        entityId: row.id,
        summary: { to: row.to_address, template: row.template },
        scope: scopeOf(row),
        ip: clientIp(req),
        now: clock.now(),
      });
      return presentOutboxMessage(
        row,
        true,
        can(actor, 'outbox.readFiles', {}) && !!(await emlFileOf(row, config.dataDir)),
      );
    },
  );

  app.get(
    '/outbox/:id/eml',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Download the .eml written by the file transport (404 when there is none)',
        params: idParams,
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'outbox.view', {});
      const row = await readableMessage(db, actor, req.params.id);
      // The .eml carries the secret links: the system administrator's alone; anyone else gets the same
      // 404 as for a message without a file, so its existence is not shown either.
      const file = can(actor, 'outbox.readFiles', {}) ? await emlFileOf(row, config.dataDir) : null;
      if (!file)
        throw notFound(
          t('Berkas .eml untuk pesan ini tidak tersedia.', 'There is no .eml file for this message.'),
        );
      const content = await fs.readFile(file);
      await recordRead(db, {
        actorUserId: actor.userId,
        action: 'outbox.file_downloaded',
        entityType: 'outbox',
        entityId: row.id,
        summary: { to: row.to_address, template: row.template },
        scope: scopeOf(row),
        ip: clientIp(req),
        now: clock.now(),
      });
      return reply
        .type('message/rfc822')
        .header('content-disposition', `attachment; filename="sinovik-outbox-${row.id}.eml"`)
        .header('cache-control', 'no-store')
        .send(content);
    },
  );

  app.post(
    '/outbox/:id/retry',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Queue a failed message again (attempts are kept)',
        params: idParams,
        response: { 200: outboxMessageResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'outbox.view', {});
      await readableMessage(db, actor, req.params.id);
      const row = await db.transaction().execute((tx) =>
        retryMessage(tx, {
          id: req.params.id,
          actorUserId: actor.userId,
          ip: clientIp(req),
          now: clock.now(),
        }),
      );
      app.deps.mail.kick();
      return presentOutboxMessage(
        row,
        true,
        can(actor, 'outbox.readFiles', {}) && !!(await emlFileOf(row, config.dataDir)),
      );
    },
  );

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: "The caller's own notifications, newest first, and the unread count",
        querystring: notificationListQuery,
        response: { 200: notificationListResponse },
      },
    },
    async (req) => {
      const { user } = requireUser(req);
      const { unread, page, pageSize } = req.query;
      const { rows, total, unreadCount } = await listNotifications(db, user.id, {
        unreadOnly: unread === '1' || unread === 'true',
        page,
        pageSize,
      });
      return { items: rows.map(presentNotification), unreadCount, total, page, pageSize };
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: "Mark all of the caller's notifications read",
        response: { 200: notificationsReadAllResponse },
      },
    },
    async (req) => {
      const { user } = requireUser(req);
      const { updated } = await db
        .transaction()
        .execute((tx) => markAllNotificationsRead(tx, { userId: user.id, now: clock.now() }));
      return { updated, unreadCount: await countUnreadNotifications(db, user.id) };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: "Mark one of the caller's notifications read (another user's answers 404)",
        params: idParams,
        response: { 200: notificationReadResponse },
      },
    },
    async (req) => {
      const { user } = requireUser(req);
      const row = await db
        .transaction()
        .execute((tx) => markNotificationRead(tx, { id: req.params.id, userId: user.id, now: clock.now() }));
      return {
        notification: presentNotification(row),
        unreadCount: await countUnreadNotifications(db, user.id),
      };
    },
  );
};
