import { describe, expect, it } from 'vitest';
import {
  classifyChanges,
  mayUnpublish,
  newOverlaps,
  shiftStagesAfterExtension,
  stagesOverlappedByExtension,
  validateAmendment,
} from './competition-changes.js';
import { kippTemplate, type CompetitionDefinition, type StageDefinition } from './competition-template.js';

const base = (): CompetitionDefinition => ({
  ...kippTemplate({ year: 2026 }),
  code: 'KIPP',
  name: 'KIPP 2026',
});

type Edit = (d: CompetitionDefinition) => void;

describe('classifyChanges', () => {
  const cases: [string, Edit, { kind: string; code: string; path: string }[]][] = [
    ['nothing', () => {}, []],
    [
      'the name',
      (d) => (d.name = 'KIPP Nasional 2026'),
      [{ kind: 'text', code: 'text_changed', path: 'name' }],
    ],
    ['the theme', (d) => (d.theme = 'Tema baru'), [{ kind: 'text', code: 'text_changed', path: 'theme' }]],
    [
      'the settings',
      (d) => (d.settings.maxFileMb = 20),
      [{ kind: 'text', code: 'text_changed', path: 'settings' }],
    ],
    [
      'a group description',
      (d) => (d.groups[0].descriptionId = 'Baru'),
      [{ kind: 'text', code: 'text_changed', path: 'groups.0' }],
    ],
    [
      'a section guidance',
      (d) => (d.groups[0].sections[0].guidanceId = 'Petunjuk baru'),
      [{ kind: 'text', code: 'text_changed', path: 'groups.0.sections.0' }],
    ],
    ['the code', (d) => (d.code = 'KIPP-X'), [{ kind: 'refused', code: 'identity_locked', path: 'code' }]],
    ['the year', (d) => (d.year = 2027), [{ kind: 'refused', code: 'identity_locked', path: 'year' }]],
    [
      'the submission closing',
      (d) => (d.stages[1].closesAt = '2026-05-09T16:59:00.000Z'),
      [{ kind: 'refused', code: 'use_extension', path: 'stages.1.closesAt' }],
    ],
    [
      'the submission opening',
      (d) => (d.stages[1].opensAt = '2026-03-10T00:00:00.000Z'),
      [{ kind: 'refused', code: 'use_extension', path: 'stages.1.opensAt' }],
    ],
    [
      'a later stage date',
      (d) => (d.stages[2].closesAt = '2026-05-14T16:59:00.000Z'),
      [{ kind: 'amendment', code: 'stage_dates_changed', path: 'stages.2.closesAt' }],
    ],
    [
      'a quota',
      (d) => (d.groups[0].quotaPerInstitution = 5),
      [{ kind: 'amendment', code: 'group_rule_changed', path: 'groups.0.quotaPerInstitution' }],
    ],
    [
      'a minimum age',
      (d) => (d.groups[0].minImplementationMonths = 12),
      [{ kind: 'amendment', code: 'group_rule_changed', path: 'groups.0.minImplementationMonths' }],
    ],
    [
      'two weights',
      (d) => {
        d.groups[0].sections[0].weight += 5;
        d.groups[0].sections[1].weight -= 5;
      },
      [
        { kind: 'amendment', code: 'weight_changed', path: 'groups.0.sections.0.weight' },
        { kind: 'amendment', code: 'weight_changed', path: 'groups.0.sections.1.weight' },
      ],
    ],
    [
      'a word limit',
      (d) => (d.groups[0].sections[0].wordLimit = 999),
      [{ kind: 'amendment', code: 'word_limit_changed', path: 'groups.0.sections.0.wordLimit' }],
    ],
    [
      'a removed section',
      (d) => d.groups[0].sections.pop(),
      [{ kind: 'amendment', code: 'section_removed', path: 'groups.0.sections' }],
    ],
    [
      'an added category',
      (d) => d.categories.push({ key: 'gender', nameId: 'Responsif Gender', nameEn: 'Gender' }),
      [{ kind: 'amendment', code: 'category_added', path: 'categories' }],
    ],
    [
      'a removed group',
      (d) => d.groups.pop(),
      [{ kind: 'amendment', code: 'group_removed', path: 'groups' }],
    ],
    [
      'the time zone',
      (d) => (d.timeZone = 'Asia/Makassar'),
      [{ kind: 'amendment', code: 'time_zone_changed', path: 'timeZone' }],
    ],
  ];
  it.each(cases)('classifies a change of %s', (_name, edit, expected) => {
    const after = base();
    edit(after);
    const changes = classifyChanges(base(), after).map(({ kind, code, path }) => ({ kind, code, path }));
    expect(changes).toEqual(expected);
  });

  it('names what changed in both languages', () => {
    const after = base();
    after.groups[0].quotaPerInstitution = 5;
    const [change] = classifyChanges(base(), after);
    expect(change.text).toEqual({
      id: `Kelompok “${after.groups[0].nameId}”: kuota per instansi 10 → 5`,
      en: `Group “${after.groups[0].nameEn}”: quota per institution 10 → 5`,
    });
  });
});

const stage = (kind: string, opensAt: string | null, closesAt: string | null): StageDefinition => ({
  kind,
  nameId: kind,
  nameEn: kind,
  opensAt,
  closesAt,
});

describe('shiftStagesAfterExtension', () => {
  // Issue 11 item 4: submission until 20 December, administrative selection from 27 December.
  const timeline = [
    stage('publication', '2026-11-01T00:00:00.000Z', '2026-11-30T16:59:00.000Z'),
    stage('submission', '2026-12-01T00:00:00.000Z', '2026-12-20T16:59:00.000Z'),
    stage('administrative', '2026-12-27T00:00:00.000Z', '2027-01-05T16:59:00.000Z'),
    stage('evaluation_1', '2027-01-06T00:00:00.000Z', '2027-01-20T16:59:00.000Z'),
    stage('announcement', '2027-03-01T00:00:00.000Z', null),
  ];
  const table: [string, string, Record<string, [string | null, string | null]>][] = [
    ['within the gap: nothing moves', '2026-12-24T16:59:00.000Z', {}],
    [
      'to 30 December: the administrative selection and the stage right after it move by 4 whole days',
      '2026-12-30T16:59:00.000Z',
      {
        administrative: ['2026-12-31T00:00:00.000Z', '2027-01-09T16:59:00.000Z'],
        evaluation_1: ['2027-01-10T00:00:00.000Z', '2027-01-24T16:59:00.000Z'],
      },
    ],
    [
      'far: the gap before the announcement is used up as well',
      '2027-02-20T16:59:00.000Z',
      {
        administrative: ['2027-02-21T00:00:00.000Z', '2027-03-02T16:59:00.000Z'],
        evaluation_1: ['2027-03-03T00:00:00.000Z', '2027-03-17T16:59:00.000Z'],
        announcement: ['2027-03-18T00:00:00.000Z', null],
      },
    ],
  ];
  it.each(table)('%s', (_name, closesAt, expected) => {
    const { stages, moved } = shiftStagesAfterExtension(timeline, closesAt);
    expect(Object.fromEntries(moved.map((m) => [m.kind, [m.to.opensAt, m.to.closesAt]]))).toEqual(expected);
    expect(stages.find((s) => s.kind === 'submission')!.closesAt).toBe(closesAt);
    expect(newOverlaps(timeline, stages)).toEqual({});
  });

  it('keeps an overlap the organizer set, moving both stages together', () => {
    const overlapping = [
      stage('submission', '2026-12-01T00:00:00.000Z', '2026-12-20T16:59:00.000Z'),
      stage('administrative', '2026-12-21T00:00:00.000Z', '2027-01-05T16:59:00.000Z'),
      stage('evaluation_1', '2027-01-01T00:00:00.000Z', '2027-01-20T16:59:00.000Z'),
    ];
    const { moved } = shiftStagesAfterExtension(overlapping, '2026-12-22T16:59:00.000Z');
    expect(moved.map((m) => [m.kind, m.to.opensAt])).toEqual([
      ['administrative', '2026-12-23T00:00:00.000Z'],
      ['evaluation_1', '2027-01-03T00:00:00.000Z'],
    ]);
  });
});

describe('Publikasi across an extension', () => {
  // Publikasi runs from the opening until the awarding (seed 003), across every other stage.
  const timeline = [
    stage('publication', '2026-11-01T00:00:00.000Z', '2027-03-05T16:59:00.000Z'),
    stage('submission', '2026-12-01T00:00:00.000Z', '2026-12-20T16:59:00.000Z'),
    stage('administrative', '2026-12-27T00:00:00.000Z', '2027-01-05T16:59:00.000Z'),
    stage('evaluation_1', '2027-01-06T00:00:00.000Z', '2027-02-26T16:59:00.000Z'),
    stage('announcement', '2027-02-27T00:00:00.000Z', '2027-03-05T16:59:00.000Z'),
  ];

  it('keeps its opening and moves its end with the awarding, so it still runs until the awarding', () => {
    const { stages, moved } = shiftStagesAfterExtension(timeline, '2026-12-30T16:59:00.000Z');
    expect(Object.fromEntries(moved.map((m) => [m.kind, [m.to.opensAt, m.to.closesAt]]))).toEqual({
      publication: ['2026-11-01T00:00:00.000Z', '2027-03-09T16:59:00.000Z'],
      administrative: ['2026-12-31T00:00:00.000Z', '2027-01-09T16:59:00.000Z'],
      evaluation_1: ['2027-01-10T00:00:00.000Z', '2027-03-02T16:59:00.000Z'],
      announcement: ['2027-03-03T00:00:00.000Z', '2027-03-09T16:59:00.000Z'],
    });
    expect(stages[0].closesAt).toBe(stages[4].closesAt);
    expect(newOverlaps(timeline, stages)).toEqual({});
  });

  it('does not move when the extension stays within the gap', () => {
    expect(shiftStagesAfterExtension(timeline, '2026-12-24T16:59:00.000Z').moved).toEqual([]);
  });
});

describe('stagesOverlappedByExtension (the extension that keeps the calendar)', () => {
  const timeline = [
    stage('publication', '2026-11-01T00:00:00.000Z', '2027-03-05T16:59:00.000Z'),
    stage('submission', '2026-12-01T00:00:00.000Z', '2026-12-20T16:59:00.000Z'),
    stage('administrative', '2026-12-27T00:00:00.000Z', '2027-01-05T16:59:00.000Z'),
    stage('evaluation_1', '2027-01-06T00:00:00.000Z', '2027-01-20T16:59:00.000Z'),
  ];
  it.each([
    ['within the gap: none', '2026-12-24T16:59:00.000Z', []],
    [
      'to 30 December: the administrative selection (opens 27 December)',
      '2026-12-30T16:59:00.000Z',
      ['administrative'],
    ],
    [
      'to 10 January: both later stages, never Publikasi',
      '2027-01-10T16:59:00.000Z',
      ['administrative', 'evaluation_1'],
    ],
  ])('%s', (_name, closesAt, kinds) => {
    expect(stagesOverlappedByExtension(timeline, closesAt).map((s) => s.kind)).toEqual(kinds);
  });
});

describe('newOverlaps', () => {
  it('names a stage moved into the one before it', () => {
    const before = [
      stage('submission', '2026-12-01T00:00:00.000Z', '2026-12-20T16:59:00.000Z'),
      stage('administrative', '2026-12-27T00:00:00.000Z', '2027-01-05T16:59:00.000Z'),
    ];
    const after = [
      before[0],
      stage('administrative', '2026-12-19T00:00:00.000Z', '2027-01-05T16:59:00.000Z'),
    ];
    expect(newOverlaps(before, after)).toEqual({
      'stages.1.opensAt': {
        code: 'stages_overlap',
        message: {
          id: 'Tahapan “administrative” dimulai sebelum tahapan “submission” berakhir.',
          en: 'Stage “administrative” starts before stage “submission” ends.',
        },
      },
    });
  });
});

describe('validateAmendment', () => {
  it.each([
    [{ number: 'B/12/2026', reasonId: 'Perubahan kuota' }, {}],
    [
      { number: ' ', reasonId: '' },
      { 'amendment.number': 'required', 'amendment.reasonId': 'required' },
    ],
    [{ number: 'x'.repeat(129), reasonId: 'a' }, { 'amendment.number': 'too_long' }],
    [{ number: 'B/1', reasonId: 'a', reasonEn: 'x'.repeat(2001) }, { 'amendment.reasonEn': 'too_long' }],
  ])('%j', (input, expected) => {
    const problems = validateAmendment(input);
    expect(Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, v.code]))).toEqual(expected);
  });
});

describe('mayUnpublish', () => {
  const none = { total: 0, draft: 0, sent: 0, returned: 0, forwarded: 0, other: 0 };
  it('allows an empty competition and refuses one with proposals, counting them', () => {
    expect(mayUnpublish(none)).toEqual({ allowed: true });
    const refused = mayUnpublish({ ...none, total: 4, draft: 2, sent: 1, forwarded: 1 });
    expect(refused.allowed).toBe(false);
    expect(!refused.allowed && refused.reason.id).toContain('4 proposal (2 draf, 1 dalam pemeriksaan');
  });
});
