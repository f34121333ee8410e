import type { Db } from '../../../db/connect.js';
import {
  alreadyPublished,
  checkCompletionDeadline,
  checkCompletionItems,
} from '../../../domain/admin-check.js';
import { programLabel } from '../../../domain/deadlines.js';
import { invalidFields, t } from '../../../domain/errors.js';
import { nextState } from '../../../domain/proposal-workflow.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser, recipientsWithRole } from '../../../platform/notify.js';
import { proposalPath } from '../../proposals/mail-text.js';
import { proposalRecordScope } from '../../proposals/record-scope.js';
import { applyTransition } from '../../proposals/transition.js';
import type { ProposalView } from '../../proposals/view.js';
import { assertNotClaimedByOther } from '../claim.js';
import { describedItems } from '../items.js';
import { checkChanged, loadCheck } from '../load.js';

const NOTE_MAX = 2000;

/**
 * "Perlu dilengkapi": acts at once. Records the completion request (the items, a note, the deadline),
 * marks the check `incomplete` (released), moves the proposal received → incomplete through the one
 * transition function (revision and audit row), and tells each admin lokal of the institution by mail (the
 * items and the deadline with hour and zone, in the admin lokal's language) and in the app; all in one
 * transaction.
 */
export async function requestCompletion(
  db: Db,
  input: {
    proposalId: number;
    version?: number;
    items: string[];
    note: string | null;
    deadlineAt: string;
    mayWork: (view: ProposalView) => void;
    actorUserId: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
) {
  const note = input.note?.trim() || null;
  if (note && note.length > NOTE_MAX)
    throw invalidFields({
      note: {
        code: 'too_long',
        message: t(
          `Catatan paling banyak ${NOTE_MAX} karakter.`,
          `The note is at most ${NOTE_MAX} characters.`,
        ),
      },
    });
  const deadlineAt = checkCompletionDeadline(input.deadlineAt, input.now);
  return db.transaction().execute(async (tx) => {
    const { view, check, settings } = await loadCheck(tx, input.proposalId, input.mayWork, input.now);
    const tz = view.competition.time_zone;
    if (check.published_at) throw alreadyPublished();
    if (input.version !== undefined && input.version !== check.version) throw checkChanged();
    await assertNotClaimedByOther(tx, check, { userId: input.actorUserId, now: input.now, timeZone: tz });
    const items = checkCompletionItems(input.items, {
      sections: view.group.sections.map((s) => s.key),
      checklist: settings.checklist.map((c) => c.key),
    });
    const to = nextState(view.proposal.state, 'requestCompletion');
    const nowIso = input.now.toISOString();
    await tx
      .insertInto('completion_requests')
      .values({
        proposal_id: view.proposal.id,
        competition_id: view.competition.id,
        items: JSON.stringify(items),
        note,
        deadline_at: deadlineAt,
        requested_by: input.actorUserId,
        requested_at: nowIso,
      })
      .execute();
    const res = await tx
      .updateTable('admin_checks')
      .set({
        outcome: 'incomplete',
        reason_code: null,
        reason_text: null,
        decided_by: input.actorUserId,
        decided_at: nowIso,
        claimed_by: null,
        claimed_until: null,
        version: check.version + 1,
        updated_at: nowIso,
      })
      .where('id', '=', check.id)
      .where('version', '=', check.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw checkChanged();
    const moved = await applyTransition(tx, {
      view,
      action: 'requestCompletion',
      to,
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
      details: { items, deadlineAt },
    });
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'admin_check.decided',
      entityType: 'admin_check',
      entityId: view.proposal.id,
      summary: {
        code: view.proposal.code,
        before: { outcome: check.outcome, reasonCode: check.reason_code, decidedBy: check.decided_by },
        after: { outcome: 'incomplete', items, deadlineAt },
      },
      scope: proposalRecordScope(view),
      ip: input.ip,
      now: input.now,
    });
    const p = moved.proposal;
    const named = describedItems(items, view, settings.checklist);
    for (const admin of await recipientsWithRole(tx, {
      role: 'local_admin',
      institutionId: p.institution_id,
    })) {
      const deadline = formatInstant(deadlineAt, tz, admin.locale);
      await enqueueMail(tx, {
        to: admin.email,
        toName: admin.name,
        template: 'completion_requested',
        locale: admin.locale,
        vars: {
          name: admin.name,
          title: p.title,
          code: p.code,
          program: programLabel(view.competition.name, view.group, admin.locale),
          itemsId: named.map((n) => `• ${n.label.id}`).join('\n'),
          itemsEn: named.map((n) => `• ${n.label.en}`).join('\n'),
          note,
          deadline,
          link: `${input.baseUrl}${proposalPath(p.id)}`,
        },
        scope: proposalRecordScope(view),
        now: input.now,
      });
      await notifyUser(tx, {
        userId: admin.id,
        kind: 'completion_requested',
        title: t(`Proposal ${p.code} perlu dilengkapi`, `Proposal ${p.code} must be completed`),
        body: t(
          `Lengkapi ${named.length} hal pada "${p.title}" sampai ${formatInstant(deadlineAt, tz, 'id')}.`,
          `Complete ${named.length} item(s) of "${p.title}" by ${formatInstant(deadlineAt, tz, 'en')}.`,
        ),
        link: proposalPath(p.id),
        now: input.now,
      });
    }
    return { proposalId: p.id, version: check.version + 1, deadlineAt, items };
  });
}
