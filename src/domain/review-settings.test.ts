import { describe, expect, it } from 'vitest';
import {
  isReviewStage,
  PANEL_DEFAULTS,
  REVIEW_DEFAULTS,
  reviewSettingsOf,
  stageTeam,
} from './review-settings.js';

describe('reviewSettingsOf', () => {
  it('gives the defaults for a stage with no review settings (two reviewers, mean, gap 15, others hidden)', () => {
    expect(reviewSettingsOf({})).toEqual(REVIEW_DEFAULTS);
    expect(REVIEW_DEFAULTS).toMatchObject({
      reviewersPerProposal: 2,
      aggregation: 'mean',
      gapThreshold: 15,
      hideOthersUntilSubmitted: true,
    });
  });

  it('reads every valid value', () => {
    expect(
      reviewSettingsOf({
        extensions: [],
        review: {
          mode: 'whole_panel',
          reviewersPerProposal: 3,
          aggregation: 'median',
          gapThreshold: 20,
          thirdRule: 'closest_pair',
          hideOthersUntilSubmitted: false,
          hideOthersUntilClosed: true,
          passMark: 85,
          basis: 'normalized',
          reminderDays: [1, 5, 5],
        },
      }),
    ).toEqual({
      mode: 'whole_panel',
      reviewersPerProposal: 3,
      aggregation: 'median',
      gapThreshold: 20,
      thirdRule: 'closest_pair',
      hideOthersUntilSubmitted: false,
      hideOthersUntilClosed: true,
      passMark: 85,
      basis: 'normalized',
      reminderDays: [5, 1],
    });
  });

  it('keeps an explicit null gap threshold and pass mark (no third reviewer, no pass mark)', () => {
    const s = reviewSettingsOf({ review: { gapThreshold: null, passMark: null } });
    expect(s.gapThreshold).toBeNull();
    expect(s.passMark).toBeNull();
  });

  it('replaces each malformed value by its default, not the whole settings', () => {
    const s = reviewSettingsOf({
      review: {
        reviewersPerProposal: 0,
        aggregation: 'max',
        gapThreshold: 150,
        thirdRule: 7,
        hideOthersUntilSubmitted: 'yes',
        passMark: -1,
        basis: 'z',
        reminderDays: ['3', 0, 2],
      },
    });
    expect(s).toEqual({ ...REVIEW_DEFAULTS, reminderDays: [2] });
    expect(reviewSettingsOf({ review: [] })).toEqual(REVIEW_DEFAULTS);
  });

  it('knows the scored stage kinds and the team of each, as data', () => {
    expect(isReviewStage('evaluation_1')).toBe(true);
    expect(isReviewStage('evaluation_2')).toBe(true);
    expect(isReviewStage('presentation')).toBe(true);
    expect(isReviewStage('administrative')).toBe(false);
    expect(isReviewStage('field_verification')).toBe(false);
    expect(stageTeam('evaluation_1')).toBe('evaluation');
    expect(stageTeam('evaluation_2')).toBe('evaluation');
    expect(stageTeam('presentation')).toBe('panel');
    expect(stageTeam('final_panel')).toBeNull();
  });

  it('gives the presentation the whole panel, no gap, raw totals, sheets hidden until the closing', () => {
    const s = reviewSettingsOf({}, 'presentation');
    expect(s).toEqual(PANEL_DEFAULTS);
    expect(s).toMatchObject({
      mode: 'whole_panel',
      gapThreshold: null,
      basis: 'raw',
      hideOthersUntilClosed: true,
    });
    // A stored value still wins over the kind's default; an evaluation stage keeps its own defaults.
    expect(reviewSettingsOf({ review: { passMark: 80 } }, 'presentation').passMark).toBe(80);
    expect(reviewSettingsOf({}, 'evaluation_2')).toEqual(REVIEW_DEFAULTS);
    expect(REVIEW_DEFAULTS).toMatchObject({ mode: 'sample', hideOthersUntilClosed: false });
  });
});
