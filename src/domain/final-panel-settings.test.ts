import { describe, expect, it } from 'vitest';
import {
  checkDecision,
  checkFinalPanelSettings,
  DEFAULT_AWARDS,
  finalPanelSettingsOf,
  tallyAwards,
  type FinalPanelSettings,
} from './final-panel-settings.js';

const GROUPS = ['umum', 'replikasi', 'khusus'];

describe('final panel settings', () => {
  it('defaults to the 2021 shape for the groups the competition has, each mapped to its registry level', () => {
    expect(
      finalPanelSettingsOf({}, GROUPS).awards.map((a) => [a.key, a.groupKey, a.level, a.places]),
    ).toEqual([
      ['top45', 'umum', 'TOP45', 45],
      ['top5_replikasi', 'replikasi', 'TOP5_REPLIKASI', 5],
      ['khusus', 'khusus', 'KHUSUS', 5],
    ]);
    // A competition without a replikasi group (2022–2023) has no replikasi award.
    expect(finalPanelSettingsOf({}, ['umum', 'khusus']).awards.map((a) => a.key)).toEqual([
      'top45',
      'khusus',
    ]);
    expect(finalPanelSettingsOf({}, GROUPS).ceremony).toBeNull();
  });

  it('reads stored awards leniently: a malformed one is dropped, a repeated key kept once', () => {
    const stored = {
      finalPanel: {
        awards: [
          { ...DEFAULT_AWARDS[0], places: 40 },
          { ...DEFAULT_AWARDS[0], places: 12 },
          { ...DEFAULT_AWARDS[1], level: 'NOPE' },
          { ...DEFAULT_AWARDS[2], groupKey: 'unknown' },
        ],
        ceremony: { startsAt: 'soon', place: 'Jakarta' },
      },
    };
    const s = finalPanelSettingsOf(stored, GROUPS);
    expect(s.awards).toEqual([{ ...DEFAULT_AWARDS[0], places: 40 }]);
    expect(s.ceremony).toBeNull();
  });

  it('checks what the secretariat sends, one problem per field in both languages', () => {
    const problems = checkFinalPanelSettings(
      {
        awards: [
          { key: 'Top 45', groupKey: 'umum', labelId: 'x', labelEn: 'x', level: 'TOP45', places: 45 },
          { key: 'a', groupKey: 'nope', labelId: '', labelEn: 'x', level: 'TOP99', places: 1.5 },
          { key: 'a', groupKey: 'umum', labelId: 'x', labelEn: 'x', level: 'BEST', places: -1 },
        ],
        ceremony: { startsAt: '2026-13-01T10:00:00Z', place: ' ' },
      },
      GROUPS,
    );
    expect(Object.keys(problems).sort()).toEqual(
      [
        'awards.0.key',
        'awards.1.groupKey',
        'awards.1.labelId',
        'awards.1.level',
        'awards.1.places',
        'awards.2.key',
        'awards.2.level',
        'awards.2.places',
        'ceremony.place',
        'ceremony.startsAt',
      ].sort(),
    );
    expect(problems['awards.1.level']!.id).toContain('Top 99');
    expect(problems['awards.2.key']!.en).toBe('The key "a" is used twice.');
    expect(
      checkFinalPanelSettings(
        {
          awards: DEFAULT_AWARDS,
          ceremony: {
            startsAt: '2026-10-15T02:00:00.000Z',
            place: 'Istana Wakil Presiden',
            notesId: '',
            notesEn: '',
          },
        },
        GROUPS,
      ),
    ).toEqual({});
  });
});

describe('a decision on a finalist', () => {
  const settings: FinalPanelSettings = { awards: DEFAULT_AWARDS.map((a) => ({ ...a })), ceremony: null };

  it('requires a reason', () => {
    expect(checkDecision(settings, 'umum', { awardKey: 'top45', reason: '  ' })).toEqual({
      reason: { id: 'Alasan keputusan wajib diisi.', en: 'The reason for the decision is required.' },
    });
    expect(checkDecision(settings, 'umum', { awardKey: null, reason: 'x'.repeat(2001) }).reason!.en).toBe(
      'The reason is at most 2000 characters.',
    );
  });

  it("allows only an award of the finalist's group, or none", () => {
    expect(checkDecision(settings, 'umum', { awardKey: 'top45', reason: 'Dampak terukur.' })).toEqual({});
    expect(checkDecision(settings, 'umum', { awardKey: null, reason: 'Belum berdampak luas.' })).toEqual({});
    expect(checkDecision(settings, 'umum', { awardKey: 'top5_replikasi', reason: 'r' })).toEqual({
      awardKey: {
        id: '"Top 5 Inovasi Replikasi Terpuji" tidak diberikan kepada finalis kelompok ini.',
        en: '"Top 5 Outstanding Replicated Innovations" is not given to finalists of this group.',
      },
    });
    expect(checkDecision(settings, 'umum', { awardKey: 'gold', reason: 'r' }).awardKey!.en).toBe(
      'Unknown award.',
    );
  });

  it('counts each award against its places and warns over and under', () => {
    const small: FinalPanelSettings = {
      awards: [
        { ...DEFAULT_AWARDS[0]!, places: 2 },
        { ...DEFAULT_AWARDS[1]!, places: 1 },
        { ...DEFAULT_AWARDS[2]!, places: 1 },
      ],
      ceremony: null,
    };
    const tally = tallyAwards(small, [
      { awardKey: 'top45' },
      { awardKey: 'top45' },
      { awardKey: 'top45' },
      { awardKey: null },
      { awardKey: 'khusus' },
    ]);
    expect(tally.map((x) => [x.award.key, x.awarded, x.status])).toEqual([
      ['top45', 3, 'over'],
      ['top5_replikasi', 0, 'under'],
      ['khusus', 1, 'exact'],
    ]);
    expect(tally[0]!.warning!.id).toBe(
      'Top 45 Inovasi Pelayanan Publik Terpuji: 3 diberikan, melebihi 2 tempat (1 lebih).',
    );
    expect(tally[1]!.warning!.en).toBe(
      'Top 5 Outstanding Replicated Innovations: 0 of 1 places given (1 left).',
    );
    expect(tally[2]!.warning).toBeNull();
  });
});
