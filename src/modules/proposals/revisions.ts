import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { prepared } from '../../db/prepared.js';
import { snapshotOf } from './snapshot.js';
import type { NewestRevision, ProposalView } from './view.js';

/*
 * The history of a proposal. Revisions: one per transition (kind 'transition'), and autosaves coalesced so that a proposal gets at
 * most one autosave revision per minute: an autosave by the same person within 60 seconds of the start
 * of the latest autosave revision belongs to that revision, anything else starts a new one. The open
 * autosave revision (always the newest revision) keeps no copy: its snapshot is PENDING_SNAPSHOT and its
 * content, version and time are the proposal's own, so typing writes nothing but the proposal. When the
 * next revision starts, the open one is written out with the proposal as it was just before (its last
 * save), so it reads afterwards exactly as it did while open.
 */

/** The snapshot of the open autosave revision: "the proposal as it is now". */
export const PENDING_SNAPSHOT = '';

const AUTOSAVE_WINDOW_MS = 60_000;

const closeRevision = prepared((db, a: { id: number; snapshot: string; version: number; savedAt: string }) =>
  db
    .updateTable('proposal_revisions')
    .set({ snapshot: a.snapshot, version: a.version, saved_at: a.savedAt })
    .where('id', '=', a.id),
);
const insertRevision = prepared(
  (
    db,
    a: {
      proposalId: number;
      version: number;
      kind: 'autosave' | 'transition';
      action: string | null;
      snapshot: string;
      savedBy: number;
      now: string;
    },
  ) =>
    db.insertInto('proposal_revisions').values({
      proposal_id: a.proposalId,
      version: a.version,
      kind: a.kind,
      action: a.action,
      snapshot: a.snapshot,
      saved_by: a.savedBy,
      created_at: a.now,
      saved_at: a.now,
    }),
);

/**
 * Whether a change starts a new revision row, given the newest revision (see above): false for an autosave
 * by the same person within the window of the open autosave revision, which it joins, writing nothing.
 */
export function startsRevision(
  latest: NewestRevision | null,
  change: { kind: 'autosave' | 'transition'; savedBy: number; now: Date },
): boolean {
  return !(
    latest?.kind === 'autosave' &&
    change.kind === 'autosave' &&
    latest.saved_by === change.savedBy &&
    change.now.getTime() - Date.parse(latest.created_at) < AUTOSAVE_WINDOW_MS
  );
}

/**
 * Records a change in the history (see above): `before` is the proposal as it was loaded for this change
 * (null when it is being created), `view` as it is now. Returns whether a new revision row was started
 * (false: an autosave joined the open revision, and nothing was written).
 */
export async function writeRevision(
  tx: Db,
  input: {
    before: ProposalView | null;
    view: ProposalView;
    kind: 'autosave' | 'transition';
    action: string | null;
    savedBy: number;
    now: Date;
  },
): Promise<{ started: boolean }> {
  const p = input.view.proposal;
  const now = input.now.toISOString();
  const before = input.before;
  // The newest revision as read with `before` in this transaction: every revision written moves the
  // proposal's version, so the conditional update of this change would have failed had another been added.
  const latest = before?.newestRevision;
  if (!startsRevision(latest ?? null, input)) return { started: false };
  if (latest?.kind === 'autosave') {
    await closeRevision.run(tx, {
      id: latest.id,
      snapshot: JSON.stringify(snapshotOf(before!)),
      version: before!.proposal.version,
      savedAt: before!.proposal.updated_at,
    });
  }
  await insertRevision.run(tx, {
    proposalId: p.id,
    version: p.version,
    kind: input.kind,
    action: input.action,
    snapshot: input.kind === 'autosave' ? PENDING_SNAPSHOT : JSON.stringify(snapshotOf(input.view)),
    savedBy: input.savedBy,
    now,
  });
  return { started: true };
}

/**
 * The transition revisions of many proposals moved at once (transition.ts `applyTransitions`): for each,
 * the open autosave revision, if it is the newest, is written out as the proposal was before (`before`),
 * and a transition revision holding the proposal as it now is (`after`) is added; a few statements per
 * batch of proposals, whatever their number. `savedBy` null: the system.
 */
export async function writeTransitionRevisions(
  tx: Db,
  input: {
    moves: { before: ProposalView; after: ProposalView }[];
    action: string;
    savedBy: number | null;
    now: Date;
  },
): Promise<void> {
  const now = input.now.toISOString();
  for (let i = 0; i < input.moves.length; i += REVISION_BATCH) {
    const batch = input.moves.slice(i, i + REVISION_BATCH);
    const ids = batch.map((m) => m.before.proposal.id);
    const newest = await tx
      .selectFrom('proposal_revisions')
      .select(['id', 'proposal_id', 'kind'])
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('proposal_revisions')
          .select((e) => e.fn.max('id').as('id'))
          .where('proposal_id', 'in', ids)
          .groupBy('proposal_id'),
      )
      .execute();
    const open = new Map(newest.filter((r) => r.kind === 'autosave').map((r) => [r.proposal_id, r.id]));
    for (const { before } of batch) {
      const id = open.get(before.proposal.id);
      if (id !== undefined)
        await closeRevision.run(tx, {
          id,
          snapshot: JSON.stringify(snapshotOf(before)),
          version: before.proposal.version,
          savedAt: before.proposal.updated_at,
        });
    }
    await tx
      .insertInto('proposal_revisions')
      .values(
        batch.map(({ after }) => ({
          proposal_id: after.proposal.id,
          version: after.proposal.version,
          kind: 'transition' as const,
          action: input.action,
          snapshot: JSON.stringify(snapshotOf(after)),
          saved_by: input.savedBy,
          created_at: now,
          saved_at: now,
        })),
      )
      .execute();
  }
}

/** Proposals per multi-row statement (8 parameters a row: well under either dialect's limit). */
const REVISION_BATCH = 500;

export async function listRevisions(db: Db, proposalId: number) {
  return db
    .selectFrom('proposal_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.saved_by')
    .select([
      'r.id',
      'r.version',
      'r.kind',
      'r.action',
      'r.saved_by',
      'u.name as saved_by_name',
      'r.created_at',
      'r.saved_at',
      // The open autosave revision (snapshot ''); length() reads only the record header.
      sql<number>`length(r.snapshot)`.as('snapshot_length'),
      // A return's snapshot carries the admin lokal's note; no other snapshot is read.
      sql<string | null>`case when r.action = 'return' then r.snapshot end`.as('return_snapshot'),
    ])
    .where('r.proposal_id', '=', proposalId)
    .orderBy('r.id', 'desc')
    .execute();
}

export async function findRevision(db: Db, proposalId: number, revisionId: number) {
  return db
    .selectFrom('proposal_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.saved_by')
    .selectAll('r')
    .select('u.name as saved_by_name')
    .where('r.proposal_id', '=', proposalId)
    .where('r.id', '=', revisionId)
    .executeTakeFirst();
}
