import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { dialectOf } from '../../db/connect.js';
import type { ProposalStateValue, ProposalTable } from '../../db/schema.js';
import { conflict, notFound, t } from '../../domain/errors.js';
import { submissionRefusal } from '../../domain/proposal-rules.js';
import type { ProposalAction } from '../../domain/proposal-workflow.js';
import { recordAudit } from '../../platform/audit.js';
import { formatInstant } from '../../domain/time.js';
import { snapshotOf } from './present.js';
import { loadProposalView, type ProposalView } from './queries.js';

/*
 * Steps every proposal command shares, always inside the command's transaction.
 *
 * Revisions: one per transition (kind 'transition'), and autosaves coalesced so that a proposal gets at
 * most one autosave revision per minute: an autosave by the same person within 60 seconds of the start
 * of the latest autosave revision replaces that revision's snapshot (its `created_at` stays, `saved_at`
 * moves), anything else starts a new one.
 */

export const AUTOSAVE_WINDOW_MS = 60_000;

export const proposalNotFound = () => notFound(t('Proposal tidak ditemukan.', 'Proposal not found.'));

/** Where the web app shows one proposal. */
export const proposalPath = (id: number) => `/usulan/${id}`;

/** Loads the proposal inside the transaction, or 404. */
export async function loadForChange(tx: Db, id: number): Promise<ProposalView> {
  const view = await loadProposalView(tx, id);
  if (!view) throw proposalNotFound();
  return view;
}

/** Refuses any change after the submission stage closed (server clock), naming the closing time. */
export function assertSubmissionOpen(view: ProposalView, now: Date): void {
  const refusal = submissionRefusal(
    {
      status: view.competition.status,
      opensAt: view.submission?.opensAt ?? null,
      closesAt: view.submission?.closesAt ?? null,
      timeZone: view.competition.time_zone,
    },
    now,
    false,
  );
  if (refusal) throw refusal;
}

/** "Kompetisi Inovasi Pelayanan Publik 2026 — Kelompok Umum": how mails name the programme. */
export const programName = (view: ProposalView, locale: 'id' | 'en') =>
  locale === 'id'
    ? `${view.competition.name} — Kelompok ${view.group.name_id}`
    : `${view.competition.name} — ${view.group.name_en} group`;

export const closesAtText = (view: ProposalView, locale: 'id' | 'en') =>
  view.submission?.closesAt
    ? formatInstant(view.submission.closesAt, view.competition.time_zone, locale)
    : '-';

/** Writes a revision row (coalescing autosaves, see above); true when a new row was started. */
export async function writeRevision(
  tx: Db,
  input: {
    view: ProposalView;
    kind: 'autosave' | 'transition';
    action: string | null;
    savedBy: number;
    now: Date;
  },
): Promise<boolean> {
  const p = input.view.proposal;
  const now = input.now.toISOString();
  const snapshot = JSON.stringify(snapshotOf(input.view));
  if (input.kind === 'autosave') {
    const latest = await tx
      .selectFrom('proposal_revisions')
      .select(['id', 'kind', 'saved_by', 'created_at'])
      .where('proposal_id', '=', p.id)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (
      latest &&
      latest.kind === 'autosave' &&
      latest.saved_by === input.savedBy &&
      input.now.getTime() - Date.parse(latest.created_at) < AUTOSAVE_WINDOW_MS
    ) {
      await tx
        .updateTable('proposal_revisions')
        .set({ snapshot, version: p.version, saved_at: now })
        .where('id', '=', latest.id)
        .execute();
      return false;
    }
  }
  await tx
    .insertInto('proposal_revisions')
    .values({
      proposal_id: p.id,
      version: p.version,
      kind: input.kind,
      action: input.action,
      snapshot,
      saved_by: input.savedBy,
      created_at: now,
      saved_at: now,
    })
    .execute();
  return true;
}

export const proposalChanged = () =>
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
    set?: Partial<Omit<ProposalTable, 'id'>>;
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
    ip: input.ip,
    now: input.now,
  });
  return view;
}

/**
 * Serialises quota decisions of one institution on PostgreSQL by locking its row (NO KEY UPDATE, so
 * inserts that merely reference the institution are not blocked). SQLite runs one write transaction at a
 * time, so nothing is needed there.
 */
export async function lockInstitutionForQuota(tx: Db, institutionId: number): Promise<void> {
  if (dialectOf(tx) === 'postgres')
    await sql`select id from institutions where id = ${institutionId} for no key update`.execute(tx);
}
