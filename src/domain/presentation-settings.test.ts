import { describe, expect, it } from 'vitest';
import { PRESENTATION_DEFAULTS, publishedSettingsProblems } from './presentation-settings.js';

describe('the settings a published schedule locks', () => {
  const current = { ...PRESENTATION_DEFAULTS, letterStart: 41 };

  it('refuses a change of the slot shape, the quorum or the numbering, field by field', () => {
    const problems = publishedSettingsProblems(current, {
      presentationMinutes: 10,
      interviewMinutes: 13,
      bufferMinutes: 0,
      quorum: 2,
      letterPattern: 'B/{n}/X/{year}',
      letterStart: 41,
    });
    expect(Object.keys(problems).sort()).toEqual([
      'bufferMinutes',
      'letterPattern',
      'presentationMinutes',
      'quorum',
    ]);
    expect(problems.quorum!.code).toBe('locked_after_publication');
    expect(problems.quorum!.message.en).toContain('the invitation letters already state it');
  });

  it('refuses the upload deadline and what to bring too: the letter prints them', () => {
    const set = { ...current, uploadDeadline: '2026-07-04T16:59:00.000Z' };
    expect(
      Object.keys(
        publishedSettingsProblems(set, {
          uploadDeadline: '2026-07-05T16:59:00.000Z',
          bringId: 'Bahan paparan.',
        }),
      ).sort(),
    ).toEqual(['bringId', 'uploadDeadline']);
  });

  it('lets the same values through (a save of the unchanged form)', () => {
    const set = { ...current, uploadDeadline: '2026-07-04T16:59:00.000Z' };
    expect(
      publishedSettingsProblems(set, {
        presentationMinutes: 7,
        letterPattern: ' B/{n}/PP.00.05/{year} ',
        uploadDeadline: '2026-07-04T23:59:00+07:00',
        bringId: PRESENTATION_DEFAULTS.bringId,
        bringEn: PRESENTATION_DEFAULTS.bringEn,
      }),
    ).toEqual({});
  });
});
