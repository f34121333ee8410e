import { AppError, t, type Text } from './errors.js';

/*
 * The life of a proposal up to the closing of submission, as ONE table. Each action names the states it
 * may start from, the state it leads to, and the party that takes it. Parties are not roles: the policy
 * (domain/policy.ts) decides who counts as the proposer (UPP of the unit) or the local admin of a proposal.
 *
 * Decisions kept here:
 * - `edit` is an action that keeps the state: the proposer edits only while the proposal is a draft or
 *   returned; once sent, the admin lokal corrects nothing itself but returns it with a note.
 * - `withdraw` (the admin lokal takes back a forwarded proposal before closing) leads to `withdrawn`, which
 *   frees its quota slot and behaves like `sent_to_local_admin`: the admin lokal may forward it again
 *   (within the quota) or return it to the proposer. History keeps the withdrawal.
 * - `receive` and `freeze` are reserved for the closing step (forwarded → received, unfinished → frozen).
 * - `takeBack` (issue 11): the proposer takes a sent proposal back before the admin lokal has acted on it
 *   (returned or forwarded it); it is a draft again, editable, and keeps its `sent_at` as the record that
 *   it was once sent. Once the admin lokal acted, only the admin lokal moves it.
 * - `delete` (issue 11): the proposer deletes a draft that was never sent (`deletionRefusal`); the row is
 *   removed, so the action leads to no state. A draft once sent (taken back) was seen by the admin lokal and
 *   stays; the proposal code is never reused (the competition's counter only grows).
 * - After the closing (issue 12) the organizer moves it. The administrative check asks for completion at
 *   once (`requestCompletion`: the deadline runs from the request), and the admin lokal's `complete` puts it
 *   back in the check's queue (`received`). Passing and disqualifying are staged in the check and applied
 *   when the secretariat publishes the results (`passAdmin`, `disqualify`); a completion not made by its
 *   deadline ends in `disqualify` as well. Scores and rounds do not move the state: they are rows of the
 *   review engine. The finalists' list moves it again when published (`shortlist`), and an objection
 *   upheld during the uji publik moves it back (`unshortlist`), with its reason in the revision.
 */

export const PROPOSAL_STATES = [
  'draft',
  'sent_to_local_admin',
  'returned',
  'forwarded',
  'withdrawn',
  'received',
  'frozen',
  'incomplete',
  'passed_admin',
  'disqualified',
  'finalist',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** organizer: the competition's secretariat (and, for the finalists, its panel), never a unit. */
export type ProposalParty = 'proposer' | 'localAdmin' | 'organizer' | 'system';

export type ProposalAction =
  | 'edit'
  | 'send'
  | 'takeBack'
  | 'delete'
  | 'return'
  | 'forward'
  | 'withdraw'
  | 'receive'
  | 'freeze'
  | 'requestCompletion'
  | 'complete'
  | 'passAdmin'
  | 'disqualify'
  | 'shortlist'
  | 'unshortlist';

interface Transition {
  from: readonly ProposalState[];
  /** null: the state stays as it is. */
  to: ProposalState | null;
  by: ProposalParty;
}

export const PROPOSAL_TRANSITIONS: Record<ProposalAction, Transition> = {
  edit: { from: ['draft', 'returned'], to: null, by: 'proposer' },
  send: { from: ['draft', 'returned'], to: 'sent_to_local_admin', by: 'proposer' },
  takeBack: { from: ['sent_to_local_admin'], to: 'draft', by: 'proposer' },
  /** `to` null here: the proposal is removed (see `deletionRefusal` for the never-sent rule). */
  delete: { from: ['draft'], to: null, by: 'proposer' },
  return: { from: ['sent_to_local_admin', 'withdrawn'], to: 'returned', by: 'localAdmin' },
  forward: { from: ['sent_to_local_admin', 'withdrawn'], to: 'forwarded', by: 'localAdmin' },
  withdraw: { from: ['forwarded'], to: 'withdrawn', by: 'localAdmin' },
  receive: { from: ['forwarded'], to: 'received', by: 'system' },
  freeze: { from: ['draft', 'sent_to_local_admin', 'returned', 'withdrawn'], to: 'frozen', by: 'system' },
  requestCompletion: { from: ['received'], to: 'incomplete', by: 'organizer' },
  complete: { from: ['incomplete'], to: 'received', by: 'localAdmin' },
  passAdmin: { from: ['received'], to: 'passed_admin', by: 'organizer' },
  disqualify: { from: ['received', 'incomplete'], to: 'disqualified', by: 'organizer' },
  shortlist: { from: ['passed_admin'], to: 'finalist', by: 'organizer' },
  unshortlist: { from: ['finalist'], to: 'passed_admin', by: 'organizer' },
};

/** States after the closing: the proposal was received and is in the organizer's hands (issue 12). */
export const RECEIVED_STATES: readonly ProposalState[] = [
  'received',
  'incomplete',
  'passed_admin',
  'disqualified',
  'finalist',
];

/** States the organizer's secretariat sees: the proposal has left the institution. */
export const ORGANIZER_VISIBLE_STATES: readonly ProposalState[] = ['forwarded', ...RECEIVED_STATES];

/** States that take a slot of the institution's quota for the group (what was forwarded keeps its slot). */
export const QUOTA_STATES: readonly ProposalState[] = ['forwarded', ...RECEIVED_STATES];

/** States in which the review engine's stages (evaluation, evidence, finalists) work on a proposal. */
export const IN_JUDGING_STATES: readonly ProposalState[] = ['passed_admin', 'finalist'];

export const STATE_LABELS: Record<ProposalState, Text> = {
  draft: t('Draf', 'Draft'),
  sent_to_local_admin: t('Dikirim ke Admin Lokal', 'Sent to the local admin'),
  returned: t('Dikembalikan', 'Returned'),
  forwarded: t('Diteruskan ke penyelenggara', 'Forwarded to the organizer'),
  withdrawn: t('Ditarik kembali', 'Withdrawn'),
  received: t('Diterima', 'Received'),
  frozen: t('Dibekukan', 'Frozen'),
  incomplete: t('Perlu dilengkapi', 'To be completed'),
  passed_admin: t('Lolos seleksi administrasi', 'Passed the administrative check'),
  disqualified: t('Didiskualifikasi', 'Disqualified'),
  finalist: t('Finalis', 'Finalist'),
};

const ACTION_LABELS: Record<ProposalAction, Text> = {
  edit: t('diubah', 'edited'),
  send: t('dikirim ke Admin Lokal', 'sent to the local admin'),
  takeBack: t('ditarik kembali oleh unit', 'taken back by the unit'),
  delete: t('dihapus', 'deleted'),
  return: t('dikembalikan', 'returned'),
  forward: t('diteruskan', 'forwarded'),
  withdraw: t('ditarik kembali', 'withdrawn'),
  receive: t('diterima', 'received'),
  freeze: t('dibekukan', 'frozen'),
  requestCompletion: t('dimintakan kelengkapan', 'sent back for completion'),
  complete: t('dilengkapi', 'completed'),
  passAdmin: t('diluluskan dari seleksi administrasi', 'passed in the administrative check'),
  disqualify: t('didiskualifikasi', 'disqualified'),
  shortlist: t('ditetapkan sebagai finalis', 'shortlisted as a finalist'),
  unshortlist: t('dikeluarkan dari daftar finalis', 'removed from the finalists'),
};

export type TransitionResult =
  { ok: true; to: ProposalState } | { ok: false; code: 'invalid_transition'; text: Text };

/** Pure: where `action` leads from `state`, or the stable refusal `invalid_transition`. */
export function transition(state: ProposalState, action: ProposalAction): TransitionResult {
  const tr = PROPOSAL_TRANSITIONS[action];
  if (!tr.from.includes(state)) {
    const label = STATE_LABELS[state];
    const what = ACTION_LABELS[action];
    return {
      ok: false,
      code: 'invalid_transition',
      text: t(
        `Proposal berstatus "${label.id}" tidak dapat ${what.id}.`,
        `A proposal that is "${label.en}" cannot be ${what.en}.`,
      ),
    };
  }
  return { ok: true, to: tr.to ?? state };
}

/** Like `transition`, but refuses with a 409 AppError. */
export function nextState(state: ProposalState, action: ProposalAction): ProposalState {
  const r = transition(state, action);
  if (!r.ok) throw new AppError(409, r.code, r.text);
  return r.to;
}

/** True when `action` may start from `state` (for abilities). */
export const allows = (state: ProposalState, action: ProposalAction): boolean =>
  PROPOSAL_TRANSITIONS[action].from.includes(state);

/** The party that takes an action. */
export const partyOf = (action: ProposalAction): ProposalParty => PROPOSAL_TRANSITIONS[action].by;

/**
 * Why the proposer may not take back a proposal in `state`, or null when it may: a proposal the admin lokal
 * has already returned, forwarded or withdrawn is refused with 409 `already_reviewed` (the admin lokal
 * acted; it is no longer the unit's to take back); any other state with `invalid_transition`.
 */
export function takeBackRefusal(state: ProposalState): AppError | null {
  if (allows(state, 'takeBack')) return null;
  if (
    state === 'returned' ||
    state === 'forwarded' ||
    state === 'withdrawn' ||
    RECEIVED_STATES.includes(state)
  )
    return new AppError(
      409,
      'already_reviewed',
      t(
        `Proposal tidak dapat ditarik kembali: Admin Lokal sudah memprosesnya (status "${STATE_LABELS[state].id}").`,
        `The proposal cannot be taken back: the local admin has already acted on it (status "${STATE_LABELS[state].en}").`,
      ),
    );
  const r = transition(state, 'takeBack');
  return r.ok ? null : new AppError(409, r.code, r.text);
}

/**
 * Why the proposer may not delete a proposal, or null when it may: only a draft never sent (no `sent_at`).
 * A draft that was sent and taken back refuses with 409 `was_sent` (the admin lokal saw it); any other
 * state with `invalid_transition`.
 */
export function deletionRefusal(p: { state: ProposalState; sentAt: string | null }): AppError | null {
  const r = transition(p.state, 'delete');
  if (!r.ok) return new AppError(409, r.code, r.text);
  if (p.sentAt !== null)
    return new AppError(
      409,
      'was_sent',
      t(
        'Proposal ini pernah dikirim ke Admin Lokal sehingga tidak dapat dihapus; Anda tetap dapat mengubahnya.',
        'This proposal was once sent to the local admin, so it cannot be deleted; you can still edit it.',
      ),
    );
  return null;
}
