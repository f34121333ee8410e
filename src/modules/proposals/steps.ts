import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { dialectOf } from '../../db/connect.js';
import { prepared } from '../../db/prepared.js';
import type { ProposalRow, ProposalStateValue } from '../../db/schema.js';
import { AppError, conflict, notFound, t, type FieldProblem } from '../../domain/errors.js';
import type { EligibilityItem } from '../../domain/proposal-eligibility.js';
import { submissionRefusal } from '../../domain/proposal-rules.js';
import type { ProposalAction } from '../../domain/proposal-workflow.js';
import { recordAudit } from '../../platform/audit.js';
import { formatInstant } from '../../domain/time.js';
import { eligibilityOf, snapshotOf } from './present.js';
import { loadEligibilityContext, loadProposalView, type ProposalView } from './queries.js';
import { proposalRecordScope } from './record-scope.js';

/*
 * Steps every proposal command shares, always inside the command's transaction.
 *
 * Revisions: one per transition (kind 'transition'), and autosaves coalesced so that a proposal gets at
 * most one autosave revision per minute: an autosave by the same person within 60 seconds of the start
 * of the latest autosave revision belongs to that revision, anything else starts a new one. The open
 * autosave revision (always the newest revision) keeps no copy: its snapshot is PENDING_SNAPSHOT and its
 * content, version and time are the proposal's own, so typing writes nothing but the proposal. When the
 * next revision starts, the open one is written out with the proposal as it was just before (its last
 * save), so it reads afterwards exactly as it did while open.
 */

/** The snapshot of the open autosave revision: "the proposal as it is now". */
export const PENDING_SNAPSHOT = '';

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

// Served by the proposal_revisions_latest index without reading the row (migration 0009).
const latestRevision = prepared((db, a: { proposalId: number }) =>
  db
    .selectFrom('proposal_revisions')
    .select(['id', 'kind', 'saved_by', 'created_at'])
    .where('proposal_id', '=', a.proposalId)
    .orderBy('id', 'desc')
    .limit(1),
);
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
  const latest = before ? await latestRevision.first(tx, { proposalId: p.id }) : undefined;
  if (latest?.kind === 'autosave') {
    if (
      input.kind === 'autosave' &&
      latest.saved_by === input.savedBy &&
      input.now.getTime() - Date.parse(latest.created_at) < AUTOSAVE_WINDOW_MS
    )
      return { started: false };
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

/**
 * Serialises quota decisions of one institution on PostgreSQL by locking its row (NO KEY UPDATE, so
 * inserts that merely reference the institution are not blocked). SQLite runs one write transaction at a
 * time, so nothing is needed there.
 */
export async function lockInstitutionForQuota(tx: Db, institutionId: number): Promise<void> {
  if (dialectOf(tx) === 'postgres')
    await sql`select id from institutions where id = ${institutionId} for no key update`.execute(tx);
}

/**
 * The 422 for a proposal that may not go on, listing every item (`missing`) and, per field, the first
 * item on it (`fields`): `proposal_incomplete` while something is still to fill in or attach (the list may
 * hold rule failures too), else `proposal_ineligible` when only rules of the group fail.
 */
export function eligibilityRefusal(view: ProposalView, items: EligibilityItem[]): AppError {
  const fields: Record<string, FieldProblem> = {};
  for (const m of items) fields[m.field] ??= { code: m.code, message: m.message };
  const incomplete = items.some((m) => m.kind === 'incomplete');
  const n = items.length;
  return new AppError(
    422,
    incomplete ? 'proposal_incomplete' : 'proposal_ineligible',
    incomplete
      ? t(
          `Proposal belum lengkap: ${n} hal perlu dilengkapi.`,
          `The proposal is incomplete: ${n} item(s) to complete.`,
        )
      : t(
          `Proposal tidak memenuhi syarat kelompok ${view.group.name_id}: ${n} hal.`,
          `The proposal does not meet the rules of the ${view.group.name_en} group: ${n} item(s).`,
        ),
    fields,
    { missing: items },
  );
}

/**
 * Checks everything again inside the command's transaction (the registry, invitations or another
 * proposal's title may have changed since the editor looked): refuses with `eligibilityRefusal`; with
 * `quota` (forwarding, counted under the institution's lock) a full quota alone is 409 `quota_full`.
 */
export async function assertMayGoOn(
  tx: Db,
  view: ProposalView,
  now: Date,
  quota?: { used: number; quota: number | null },
): Promise<void> {
  const items = eligibilityOf(view, await loadEligibilityContext(tx, view), now, quota);
  const full = items.find((m) => m.code === 'quota_full');
  const rest = items.filter((m) => m !== full);
  if (rest.length) throw eligibilityRefusal(view, rest);
  if (full) throw conflict('quota_full', full.message);
}
