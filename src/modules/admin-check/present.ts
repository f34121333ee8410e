import type { Db } from '../../db/connect.js';
import {
  claimHolder,
  COMPLETABLE_FIELDS,
  completionOpen,
  FIELD_LABELS,
  parseMarks,
  queueStatus,
  REASON_CODES,
  REASON_LABELS,
  type Finding,
  type FindingKind,
} from '../../domain/admin-check.js';
import { t } from '../../domain/errors.js';
import { formatInstant, zoneAbbreviation } from '../../domain/time.js';
import type { ProposalView } from '../proposals/view.js';
import type { CheckContext } from './load.js';
import { describedItems } from './items.js';
import type { QueueRow } from './queue.js';
import { latestCompletion, userNames } from './rows.js';

/* What the administrative check's pages receive (contracts/admin-check.ts). */

export function presentClaim(
  row: { claimed_by: number | null; claimed_until: string | null },
  userId: number,
  now: Date,
  names: Map<number, string>,
) {
  const h = claimHolder(row, userId, now);
  if (h.kind === 'free') return { holder: 'free' as const, name: null, until: null };
  if (h.kind === 'mine') return { holder: 'mine' as const, name: null, until: row.claimed_until };
  return { holder: 'other' as const, name: names.get(h.userId) ?? null, until: h.until };
}

export async function presentQueueItems(db: Db, rows: QueueRow[], userId: number, now: Date) {
  const names = await userNames(
    db,
    rows.flatMap((r) => [r.claimed_by, r.decided_by]),
  );
  return rows.map((r) => ({
    proposalId: r.proposal_id,
    code: r.code,
    title: r.title,
    state: r.state,
    institution: { id: r.institution_id, name: r.institution_name },
    group: { key: r.group_key, name: t(r.group_name_id, r.group_name_en) },
    category: r.category_key
      ? { key: r.category_key, name: t(r.category_name_id!, r.category_name_en!) }
      : null,
    status: queueStatus(r),
    round: r.round,
    reasonCode: r.reason_code,
    decidedBy: r.decided_by ? (names.get(r.decided_by) ?? null) : null,
    decidedAt: r.decided_at,
    publishedAt: r.published_at,
    completedAt: r.completed_at,
    version: r.version,
    claim: presentClaim(r, userId, now, names),
  }));
}

export async function presentCompletion(
  db: Db,
  view: ProposalView,
  checklist: CheckContext['settings']['checklist'],
  now: Date,
) {
  const r = await latestCompletion(db, view.proposal.id);
  if (!r) return null;
  const tz = view.competition.time_zone;
  return {
    id: r.id,
    items: describedItems(JSON.parse(r.items) as string[], view, checklist),
    note: r.note,
    deadlineAt: r.deadline_at,
    deadlineText: t(formatInstant(r.deadline_at, tz, 'id'), formatInstant(r.deadline_at, tz, 'en')),
    requestedAt: r.requested_at,
    completedAt: r.completed_at,
    open: !r.completed_at && view.proposal.state === 'incomplete' && completionOpen(r.deadline_at, now),
  };
}

export async function presentDetail(
  db: Db,
  c: CheckContext,
  findings: Record<FindingKind, Finding>,
  userId: number,
  now: Date,
) {
  const { view, check, settings } = c;
  const history = await db
    .selectFrom('audit_events')
    .select(['created_at', 'actor_user_id', 'action', 'summary'])
    .where('entity_type', '=', 'admin_check')
    .where('entity_id', '=', String(view.proposal.id))
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  const names = await userNames(db, [
    check.claimed_by,
    check.decided_by,
    ...history.map((h) => h.actor_user_id),
  ]);
  const marks = parseMarks(check.items);
  const open = !check.published_at;
  const state = view.proposal.state;
  const free = claimHolder(check, userId, now).kind !== 'other';
  const completion = await presentCompletion(db, view, settings.checklist, now);
  return {
    competition: {
      id: view.competition.id,
      name: view.competition.name,
      timeZone: view.competition.time_zone,
      zone: zoneAbbreviation(view.competition.time_zone, now),
    },
    proposal: {
      id: view.proposal.id,
      code: view.proposal.code,
      title: view.proposal.title,
      state,
      institution: view.institution.name,
      unit: view.unit.name,
      group: t(view.group.name_id, view.group.name_en),
    },
    check: {
      status: queueStatus(check),
      round: check.round,
      outcome: check.outcome,
      reasonCode: check.reason_code,
      reasonText: check.reason_text,
      decidedBy: check.decided_by ? (names.get(check.decided_by) ?? null) : null,
      decidedAt: check.decided_at,
      publishedAt: check.published_at,
      completedAt: check.completed_at,
      version: check.version,
      claim: presentClaim(check, userId, now, names),
    },
    checklist: settings.checklist.map((i) => ({
      key: i.key,
      label: i.label,
      finding: i.finding ? findings[i.finding] : null,
      mark: marks[i.key] ?? null,
    })),
    completion,
    history: history.map((h) => ({
      at: h.created_at,
      by: h.actor_user_id ? (names.get(h.actor_user_id) ?? null) : null,
      action: h.action,
      summary: JSON.parse(h.summary) as Record<string, unknown>,
    })),
    options: {
      sections: view.group.sections.map((s) => ({ key: s.key, label: t(s.label_id, s.label_en) })),
      fields: COMPLETABLE_FIELDS.map((f) => ({ key: f, label: FIELD_LABELS[f] })),
      reasons: REASON_CODES.map((code) => ({ code, label: REASON_LABELS[code] })),
    },
    abilities: {
      pass: open && free && state === 'received',
      // An incomplete proposal only once its completion deadline passed (decide-check.ts refuses before).
      disqualify: open && free && (state === 'received' || (state === 'incomplete' && !completion?.open)),
      requestCompletion: open && free && state === 'received',
      mark: open && free,
    },
  };
}
