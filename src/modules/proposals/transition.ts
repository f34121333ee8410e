import type { UpdateObject } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Database, ProposalRow, ProposalStateValue } from '../../db/schema.js';
import { conflict, t } from '../../domain/errors.js';
import { PROPOSAL_TRANSITIONS, type ProposalAction } from '../../domain/proposal-workflow.js';
import { recordAudit } from '../../platform/audit.js';
import { proposalRecordScope } from './record-scope.js';
import { writeRevision, writeTransitionRevisions } from './revisions.js';
import { loadForChange, loadProposalViews, type ProposalView } from './view.js';

/*
 * A proposal changes state only here (domain/proposal-workflow.ts decides which moves exist): a
 * conditional update, a new version and the transition revision, in the caller's transaction; one at a
 * time by a person (`applyTransition`, with its audit row), or many at once by the system
 * (`applyTransitions`, the closing).
 */

const proposalChanged = () =>
  conflict(
    'proposal_changed',
    t(
      'Proposal baru saja diubah oleh orang lain; muat ulang.',
      'The proposal was just changed by someone else; reload it.',
    ),
  );

/**
 * Moves the proposal from the state it was loaded in to `to` (a conditional update, so a concurrent change
 * is refused with 409 `proposal_changed`), bumps its version, and writes the transition revision and the
 * audit row. Returns the proposal as it now is.
 */
export async function applyTransition(
  tx: Db,
  input: {
    view: ProposalView;
    action: ProposalAction;
    to: ProposalStateValue;
    set?: Partial<Omit<ProposalRow, 'id'>>;
    actorUserId: number;
    ip: string | null;
    now: Date;
    details?: Record<string, unknown>;
  },
): Promise<ProposalView> {
  const p = input.view.proposal;
  const res = await tx
    .updateTable('proposals')
    .set({
      ...input.set,
      state: input.to,
      version: p.version + 1,
      updated_at: input.now.toISOString(),
    })
    .where('id', '=', p.id)
    .where('state', '=', p.state)
    .where('version', '=', p.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw proposalChanged();
  const view = await loadForChange(tx, p.id);
  await writeRevision(tx, {
    before: input.view,
    view,
    kind: 'transition',
    action: input.action,
    savedBy: input.actorUserId,
    now: input.now,
  });
  await recordAudit(tx, {
    actorUserId: input.actorUserId,
    action: `proposal.${input.action}`,
    entityType: 'proposal',
    entityId: p.id,
    summary: {
      code: p.code,
      before: { state: p.state, version: p.version },
      after: { state: input.to, version: p.version + 1 },
      ...input.details,
    },
    scope: proposalRecordScope(input.view),
    ip: input.ip,
    now: input.now,
  });
  return view;
}

/** Proposals per bulk update (one `in` list of ids). */
const TRANSITION_BATCH = 500;

/**
 * Moves many proposals by `action` of the workflow at once (the closing: `freeze`, `receive`): those of
 * `ids` still in one of the action's "from" states move to its "to" state with their version bumped and
 * `updated_at` now, plus `set` (SQL expressions allowed, e.g. received_at from forwarded_at), in one
 * statement per batch; each gets its transition revision (revisions.ts `writeTransitionRevisions`,
 * multi-row). A proposal no longer in a "from" state is left alone, not refused. Returns the proposals
 * moved, as they now are, in the order of `ids`. The caller audits (the closing writes one
 * `competition.closed` row naming every proposal it moved). `actorUserId` null: the system.
 */
export async function applyTransitions(
  tx: Db,
  input: {
    ids: readonly number[];
    action: ProposalAction;
    set?: UpdateObject<Database, 'proposals'>;
    actorUserId: number | null;
    now: Date;
  },
): Promise<ProposalView[]> {
  const { from, to } = PROPOSAL_TRANSITIONS[input.action];
  if (!to) throw new Error(`${input.action} does not change a proposal's state`);
  const moved: ProposalView[] = [];
  for (let i = 0; i < input.ids.length; i += TRANSITION_BATCH) {
    const ids = input.ids.slice(i, i + TRANSITION_BATCH);
    // As they are before the move: the open autosave revision is written out as it.
    const before = new Map(
      (await loadProposalViews(tx, ids))
        .filter((v) => from.includes(v.proposal.state))
        .map((v) => [v.proposal.id, v]),
    );
    if (!before.size) continue;
    const rows = await tx
      .updateTable('proposals')
      .set((eb) => ({
        ...input.set,
        state: to,
        version: eb('version', '+', 1),
        updated_at: input.now.toISOString(),
      }))
      .where('id', 'in', [...before.keys()])
      .where('state', 'in', [...from])
      .returningAll()
      .execute();
    const after = new Map(rows.map((r) => [r.id, r]));
    const moves = ids.flatMap((id) => {
      const b = before.get(id);
      const row = after.get(id);
      return b && row ? [{ before: b, after: { ...b, proposal: row } }] : [];
    });
    await writeTransitionRevisions(tx, {
      moves,
      action: input.action,
      savedBy: input.actorUserId,
      now: input.now,
    });
    moved.push(...moves.map((m) => m.after));
  }
  return moved;
}
