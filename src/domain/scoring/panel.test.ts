import { describe, expect, it } from 'vitest';
import { panelTally, type PanelSeat } from './panel.js';
import { aggregateProposal } from './aggregate.js';
import { PANEL_DEFAULTS } from '../review-settings.js';

const seat = (over: Partial<PanelSeat> & Pick<PanelSeat, 'reviewerId' | 'name'>): PanelSeat => ({
  status: 'submitted',
  total: null,
  abstainReasons: [],
  ...over,
});

describe('the presentation score: the mean of the panelists who scored', () => {
  const three = [
    seat({ reviewerId: 1, name: 'Ani', total: 80 }),
    seat({ reviewerId: 2, name: 'Budi', total: 71 }),
    seat({
      reviewerId: 3,
      name: 'Citra',
      status: 'abstained',
      abstainReasons: [{ id: 'instansi sendiri', en: 'own institution' }],
    }),
  ];

  it('excludes the abstainer: 3 panelists, one in conflict → the mean of the other 2, the abstainer named', () => {
    const r = panelTally(three, { closed: false });
    expect(r.status).toBe('scored');
    expect(r.score).toBe(75.5);
    expect(r.counted).toEqual([80, 71]);
    expect(r.scoredBy).toEqual([1, 2]);
    expect(r.abstainers).toEqual([
      { reviewerId: 3, name: 'Citra', reasons: [{ id: 'instansi sendiri', en: 'own institution' }] },
    ]);
    expect(r.explanation.id).toBe(
      'Rata-rata dari 2 panelis yang menilai (80,00; 71,00) = 75,50. Abstain: Citra (instansi sendiri).',
    );
    expect(r.explanation.en).toBe(
      'Mean of the 2 panelists who scored (80.00, 71.00) = 75.50. Abstained: Citra (own institution).',
    );
  });

  it('waits while the stage is open and a panelist who does not abstain has not submitted', () => {
    const r = panelTally([...three, seat({ reviewerId: 4, name: 'Dewi', status: 'draft' })], {
      closed: false,
    });
    expect(r.status).toBe('waiting');
    expect(r.score).toBeNull();
    expect(r.pending).toEqual([4]);
    expect(r.explanation.id).toContain('2 dari 3 panelis');
  });

  it('after the closing, the unsubmitted are left out (a draft never counts) and named', () => {
    const r = panelTally([...three, seat({ reviewerId: 4, name: 'Dewi', status: 'draft', total: 10 })], {
      closed: true,
    });
    expect(r.status).toBe('scored');
    expect(r.score).toBe(75.5);
    expect(r.unsubmitted).toEqual([{ reviewerId: 4, name: 'Dewi' }]);
    expect(r.explanation.en).toContain('Not submitted by the closing: Dewi.');
  });

  it('nobody scored: waiting, no score, even after the closing', () => {
    const r = panelTally([seat({ reviewerId: 1, name: 'Ani', status: 'not_started' })], { closed: true });
    expect(r.status).toBe('waiting');
    expect(r.score).toBeNull();
  });

  it('rounds the mean half up to two decimals once', () => {
    const r = panelTally(
      [seat({ reviewerId: 1, name: 'A', total: 70.01 }), seat({ reviewerId: 2, name: 'B', total: 70.02 })],
      { closed: true },
    );
    expect(r.score).toBe(70.02);
  });

  it('the engine in whole_panel mode counts every submitted total, no gap rule', () => {
    const s = aggregateProposal([40, 95, 70], PANEL_DEFAULTS);
    expect(s.status).toBe('scored');
    expect(s.needsExtra).toBe(false);
    expect(s.score).toBe(68.33);
    expect(s.ignored).toEqual([]);
    expect(aggregateProposal([], PANEL_DEFAULTS).status).toBe('waiting');
  });
});
