import { describe, expect, it } from 'vitest';
import { isReviewStage, REVIEW_DEFAULTS, reviewSettingsOf } from './review-settings.js';

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
          reviewersPerProposal: 3,
          aggregation: 'median',
          gapThreshold: 20,
          thirdRule: 'closest_pair',
          hideOthersUntilSubmitted: false,
          passMark: 85,
          basis: 'normalized',
          reminderDays: [1, 5, 5],
        },
      }),
    ).toEqual({
      reviewersPerProposal: 3,
      aggregation: 'median',
      gapThreshold: 20,
      thirdRule: 'closest_pair',
      hideOthersUntilSubmitted: false,
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

  it('knows the scored stage kinds', () => {
    expect(isReviewStage('evaluation_1')).toBe(true);
    expect(isReviewStage('evaluation_2')).toBe(true);
    expect(isReviewStage('administrative')).toBe(false);
  });
});
