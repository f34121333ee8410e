import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  allows,
  nextState,
  partyOf,
  PROPOSAL_STATES,
  PROPOSAL_TRANSITIONS,
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
    ['sent_to_local_admin', 'return', 'returned'],
    ['sent_to_local_admin', 'forward', 'forwarded'],
    ['forwarded', 'withdraw', 'withdrawn'],
    ['withdrawn', 'forward', 'forwarded'],
    ['withdrawn', 'return', 'returned'],
    ['forwarded', 'receive', 'received'],
    ['draft', 'freeze', 'frozen'],
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
    expect(partyOf('return')).toBe('localAdmin');
    expect(partyOf('forward')).toBe('localAdmin');
    expect(partyOf('withdraw')).toBe('localAdmin');
    expect(partyOf('receive')).toBe('system');
    expect(partyOf('freeze')).toBe('system');
  });
});
