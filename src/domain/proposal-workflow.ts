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
 */

export const PROPOSAL_STATES = [
  'draft',
  'sent_to_local_admin',
  'returned',
  'forwarded',
  'withdrawn',
  'received',
  'frozen',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export type ProposalParty = 'proposer' | 'localAdmin' | 'system';

export type ProposalAction = 'edit' | 'send' | 'return' | 'forward' | 'withdraw' | 'receive' | 'freeze';

interface Transition {
  from: readonly ProposalState[];
  /** null: the state stays as it is. */
  to: ProposalState | null;
  by: ProposalParty;
}

export const PROPOSAL_TRANSITIONS: Record<ProposalAction, Transition> = {
  edit: { from: ['draft', 'returned'], to: null, by: 'proposer' },
  send: { from: ['draft', 'returned'], to: 'sent_to_local_admin', by: 'proposer' },
  return: { from: ['sent_to_local_admin', 'withdrawn'], to: 'returned', by: 'localAdmin' },
  forward: { from: ['sent_to_local_admin', 'withdrawn'], to: 'forwarded', by: 'localAdmin' },
  withdraw: { from: ['forwarded'], to: 'withdrawn', by: 'localAdmin' },
  receive: { from: ['forwarded'], to: 'received', by: 'system' },
  freeze: { from: ['draft', 'sent_to_local_admin', 'returned', 'withdrawn'], to: 'frozen', by: 'system' },
};

/** States the organizer's secretariat sees: the proposal has left the institution. */
export const ORGANIZER_VISIBLE_STATES: readonly ProposalState[] = ['forwarded', 'received'];

/** States that take a slot of the institution's quota for the group. */
export const QUOTA_STATES: readonly ProposalState[] = ['forwarded', 'received'];

export const STATE_LABELS: Record<ProposalState, Text> = {
  draft: t('Draf', 'Draft'),
  sent_to_local_admin: t('Dikirim ke Admin Lokal', 'Sent to the local admin'),
  returned: t('Dikembalikan', 'Returned'),
  forwarded: t('Diteruskan ke penyelenggara', 'Forwarded to the organizer'),
  withdrawn: t('Ditarik kembali', 'Withdrawn'),
  received: t('Diterima', 'Received'),
  frozen: t('Dibekukan', 'Frozen'),
};

const ACTION_LABELS: Record<ProposalAction, Text> = {
  edit: t('diubah', 'edited'),
  send: t('dikirim ke Admin Lokal', 'sent to the local admin'),
  return: t('dikembalikan', 'returned'),
  forward: t('diteruskan', 'forwarded'),
  withdraw: t('ditarik kembali', 'withdrawn'),
  receive: t('diterima', 'received'),
  freeze: t('dibekukan', 'frozen'),
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
