import type { Db } from '../../../db/connect.js';
import type { UserRow } from '../../../db/schema.js';
import { PERSONAL_DATA_ABOUT, scrubSummary } from '../../../domain/personal-data.js';
import { recordAudit } from '../../../platform/audit.js';
import {
  PERSONAL_DATA_LIMIT,
  auditRowsOf,
  grantsOf,
  loginFailuresOf,
  mailsTo,
  notificationsOf,
  proposalsOf,
  sessionsOf,
} from '../personal-data-queries.js';

/**
 * Everything the system holds about the signed-in person, as one JSON document; audits
 * account.personal_data_downloaded (after reading, so the file shows the audit trail up to this download).
 */
export async function downloadPersonalData(
  db: Db,
  input: { user: UserRow; ip: string | null; now: Date },
): Promise<Record<string, unknown>> {
  const u = input.user;
  const [grants, proposals, sessions, failures, notifications, audit, mails] = await Promise.all([
    grantsOf(db, u.id),
    proposalsOf(db, u.id),
    sessionsOf(db, u.id),
    loginFailuresOf(db, u.email),
    notificationsOf(db, u.id),
    auditRowsOf(db, u.id),
    mailsTo(db, u.email),
  ]);
  const doc = {
    tentang: PERSONAL_DATA_ABOUT.id,
    about: PERSONAL_DATA_ABOUT.en,
    generatedAt: input.now.toISOString(),
    listLimit: PERSONAL_DATA_LIMIT,
    account: {
      name: u.name,
      email: u.email,
      position: u.position,
      phone: u.phone,
      locale: u.locale,
      active: u.is_active === 1,
      createdAt: u.created_at,
      updatedAt: u.updated_at,
      lastLoginAt: u.last_login_at,
    },
    roles: grants.map((g) => ({
      role: g.role,
      institution: g.institution,
      unit: g.unit,
      competition: g.competition,
      grantedAt: g.created_at,
    })),
    proposals: proposals.map((p) => ({
      code: p.code,
      title: p.title,
      competition: p.competition,
      state: p.state,
      createdByYou: p.created_by === u.id,
      createdAt: p.created_at,
      updatedAt: p.updated_at,
      sentAt: p.sent_at,
    })),
    sessions: sessions.map((s) => ({
      createdAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      expiresAt: s.expires_at,
      ip: s.ip,
      userAgent: s.user_agent,
    })),
    failedSignIns: failures.map((f) => ({ at: f.at, ip: f.ip, kind: f.kind })),
    notifications: notifications.map((n) => ({
      kind: n.kind,
      title: { id: n.title_id, en: n.title_en },
      body: { id: n.body_id, en: n.body_en },
      link: n.link,
      createdAt: n.created_at,
      readAt: n.read_at,
    })),
    auditTrail: audit.map((a) => ({
      action: a.action,
      entity: a.entity_type,
      entityId: a.entity_id,
      summary: scrubSummary(a.summary),
      ip: a.ip,
      at: a.created_at,
    })),
    mailsToYou: mails.map((m) => ({
      template: m.template,
      subject: m.subject,
      status: m.status,
      createdAt: m.created_at,
      sentAt: m.sent_at,
    })),
  };
  await db.transaction().execute((tx) =>
    recordAudit(tx, {
      actorUserId: u.id,
      action: 'account.personal_data_downloaded',
      entityType: 'user',
      entityId: u.id,
      summary: {},
      ip: input.ip,
      now: input.now,
    }),
  );
  return doc;
}
