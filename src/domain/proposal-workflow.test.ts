import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  allows,
  deletionRefusal,
  nextState,
  partyOf,
  PROPOSAL_STATES,
  PROPOSAL_TRANSITIONS,
  takeBackRefusal,
  transition,
  type ProposalAction,
  type ProposalState,
} from './proposal-workflow.js';

describe('proposal workflow', () => {
  const cases: [ProposalState, ProposalAction, ProposalState][] = [
    ['draft', 'edit', 'draft'],
    ['returned', 'edit', 'returned'],
    ['draft', 'send', 'sent_to_local_admin'],
    ['returned', 'send', 'sent_to_local_admin'],
    ['sent_to_local_admin', 'takeBack', 'draft'],
    // delete removes the row: the table says from where only (the state "stays" until the row is gone).
    ['draft', 'delete', 'draft'],
    ['sent_to_local_admin', 'return', 'returned'],
    ['sent_to_local_admin', 'forward', 'forwarded'],
    ['forwarded', 'withdraw', 'withdrawn'],
    ['withdrawn', 'forward', 'forwarded'],
    ['withdrawn', 'return', 'returned'],
    ['forwarded', 'receive', 'received'],
    ['draft', 'freeze', 'frozen'],
    // After the closing (issue 12): the administrative check, its completion, the finalists.
    ['received', 'requestCompletion', 'incomplete'],
    ['incomplete', 'complete', 'received'],
    ['received', 'passAdmin', 'passed_admin'],
    ['received', 'disqualify', 'disqualified'],
    ['incomplete', 'disqualify', 'disqualified'],
    ['passed_admin', 'shortlist', 'finalist'],
    ['finalist', 'unshortlist', 'passed_admin'],
  ];
  for (const [from, action, to] of cases)
    it(`${from} --${action}--> ${to}`, () => {
      expect(transition(from, action)).toEqual({ ok: true, to });
      expect(nextState(from, action)).toBe(to);
    });

  it('refuses every pair outside the table with the stable code invalid_transition', () => {
    let refused = 0;
    for (const state of PROPOSAL_STATES)
      for (const action of Object.keys(PROPOSAL_TRANSITIONS) as ProposalAction[]) {
        const r = transition(state, action);
        if (cases.some(([f, a]) => f === state && a === action)) continue;
        if (PROPOSAL_TRANSITIONS[action].from.includes(state)) continue;
        refused++;
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.code).toBe('invalid_transition');
          expect(r.text.id.length).toBeGreaterThan(0);
          expect(r.text.en.length).toBeGreaterThan(0);
        }
      }
    expect(refused).toBeGreaterThan(20);
  });

  it('does not let the proposer edit or resend once the proposal is with the admin lokal', () => {
    for (const state of ['sent_to_local_admin', 'forwarded', 'withdrawn', 'received', 'frozen'] as const) {
      expect(allows(state, 'edit')).toBe(false);
      expect(allows(state, 'send')).toBe(false);
    }
    expect(() => nextState('forwarded', 'edit')).toThrow(AppError);
    try {
      nextState('forwarded', 'forward');
    } catch (e) {
      expect(e).toMatchObject({ status: 409, code: 'invalid_transition' });
    }
  });

  it('names the party that takes each action', () => {
    expect(partyOf('edit')).toBe('proposer');
    expect(partyOf('send')).toBe('proposer');
    expect(partyOf('takeBack')).toBe('proposer');
    expect(partyOf('delete')).toBe('proposer');
    expect(partyOf('return')).toBe('localAdmin');
    expect(partyOf('forward')).toBe('localAdmin');
    expect(partyOf('withdraw')).toBe('localAdmin');
    expect(partyOf('receive')).toBe('system');
    expect(partyOf('freeze')).toBe('system');
    expect(partyOf('requestCompletion')).toBe('organizer');
    expect(partyOf('complete')).toBe('localAdmin');
    expect(partyOf('passAdmin')).toBe('organizer');
    expect(partyOf('disqualify')).toBe('organizer');
  });

  it('ends the judging of a disqualified proposal: no action starts from it', () => {
    for (const action of Object.keys(PROPOSAL_TRANSITIONS) as ProposalAction[])
      expect(allows('disqualified', action)).toBe(false);
  });

  it('lets nobody pass or shortlist a proposal that skipped a step', () => {
    expect(allows('incomplete', 'passAdmin')).toBe(false);
    expect(allows('received', 'shortlist')).toBe(false);
    expect(allows('forwarded', 'requestCompletion')).toBe(false);
  });

  describe('take back (the proposer, before the admin lokal acted)', () => {
    it('allows it only from sent_to_local_admin', () => {
      expect(takeBackRefusal('sent_to_local_admin')).toBeNull();
      expect(PROPOSAL_STATES.filter((s) => allows(s, 'takeBack'))).toEqual(['sent_to_local_admin']);
    });
    for (const state of ['returned', 'forwarded', 'withdrawn', 'received'] as const)
      it(`refuses ${state} with 409 already_reviewed, in both languages`, () => {
        const e = takeBackRefusal(state);
        expect(e).toMatchObject({ status: 409, code: 'already_reviewed' });
        expect(e!.text.id).toContain('Admin Lokal sudah memprosesnya');
        expect(e!.text.en).toContain('local admin has already acted');
      });
    for (const state of ['draft', 'frozen'] as const)
      it(`refuses ${state} with 409 invalid_transition`, () => {
        expect(takeBackRefusal(state)).toMatchObject({ status: 409, code: 'invalid_transition' });
      });
  });

  describe('delete (the proposer, a draft never sent)', () => {
    it('allows a draft with no sent_at', () => {
      expect(deletionRefusal({ state: 'draft', sentAt: null })).toBeNull();
    });
    it('refuses a draft that was sent and taken back with 409 was_sent', () => {
      const e = deletionRefusal({ state: 'draft', sentAt: '2026-04-01T03:00:00.000Z' });
      expect(e).toMatchObject({ status: 409, code: 'was_sent' });
      expect(e!.text.id).toContain('tidak dapat dihapus');
      expect(e!.text.en).toContain('cannot be deleted');
    });
    for (const state of PROPOSAL_STATES.filter((s) => s !== 'draft'))
      it(`refuses ${state} with 409 invalid_transition`, () => {
        expect(deletionRefusal({ state, sentAt: null })).toMatchObject({
          status: 409,
          code: 'invalid_transition',
        });
      });
  });
});
