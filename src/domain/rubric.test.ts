import { describe, expect, it } from 'vitest';
import { kippTemplate } from './competition-template.js';
import { defaultRubric, rubricChanges, type RubricSection } from './rubric.js';

const umumSections = (): RubricSection[] => {
  const umum = kippTemplate({ year: 2026 }).groups.find((g) => g.key === 'umum')!;
  return umum.sections.map((s, i) => ({
    id: 100 + i,
    key: s.key,
    labelId: s.labelId,
    labelEn: s.labelEn,
    guidanceId: s.guidanceId,
    guidanceEn: s.guidanceEn,
    weight: s.weight,
    position: i + 1,
  }));
};

describe('defaultRubric', () => {
  it('gives the presentation the regional example, the same for every group whatever its form', () => {
    const rubric = defaultRubric('presentation', umumSections());
    expect(rubric.map((c) => [c.key, c.weight, c.sectionId])).toEqual([
      ['paparan', 30, null],
      ['materi', 50, null],
      ['video', 10, null],
      ['kehadiran_pimpinan', 10, null],
    ]);
    expect(defaultRubric('presentation', [])).toEqual(rubric);
  });

  it('evaluation_1: one criterion per weighted section of the 2023 umum form, with its label, guidance and weight', () => {
    const sections = umumSections();
    const rubric = defaultRubric('evaluation_1', sections);
    expect(rubric.map((c) => [c.key, c.weight])).toEqual([
      ['latar_belakang_tujuan', 10],
      ['kebaruan', 15],
      ['implementasi', 5],
      ['signifikansi', 30],
      ['adaptabilitas', 20],
      ['sumber_daya', 5],
      ['strategi_keberlanjutan', 15],
    ]);
    const first = sections.find((s) => s.key === 'latar_belakang_tujuan')!;
    expect(rubric[0]).toEqual({
      key: first.key,
      labelId: first.labelId,
      labelEn: first.labelEn,
      guidanceId: first.guidanceId,
      guidanceEn: first.guidanceEn,
      weight: 10,
      sectionId: first.id,
      position: 1,
    });
    expect(rubric.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('evaluation_2: per weighted section "Kelengkapan dan relevansi bukti — <section>" with the same weight', () => {
    const sections = umumSections();
    const rubric = defaultRubric('evaluation_2', sections);
    expect(rubric).toHaveLength(7);
    const novelty = rubric.find((c) => c.key === 'bukti_kebaruan')!;
    const section = sections.find((s) => s.key === 'kebaruan')!;
    expect(novelty.labelId).toBe(`Kelengkapan dan relevansi bukti — ${section.labelId}`);
    expect(novelty.labelEn).toBe(`Completeness and relevance of the evidence — ${section.labelEn}`);
    expect(novelty.weight).toBe(15);
    expect(novelty.sectionId).toBe(section.id);
    expect(rubric.reduce((s, c) => s + c.weight, 0)).toBe(100);
  });

  it('orders criteria by the form position, not by the order the sections come in', () => {
    const sections = umumSections().reverse();
    expect(defaultRubric('evaluation_1', sections)[0].key).toBe('latar_belakang_tujuan');
  });
});

describe('rubricChanges', () => {
  it('inserts everything into an empty stage, and changes nothing the second time', () => {
    const wanted = defaultRubric('evaluation_1', umumSections());
    const first = rubricChanges([], wanted);
    expect(first.insert).toHaveLength(7);
    const stored = wanted.map((c, i) => ({ ...c, id: i + 1 }));
    expect(rubricChanges(stored, wanted)).toEqual({ insert: [], update: [], remove: [] });
  });

  it('updates a criterion whose weight changed and removes one no longer wanted, keeping the others', () => {
    const wanted = defaultRubric('evaluation_1', umumSections());
    const stored = wanted.map((c, i) => ({ ...c, id: i + 1 }));
    const next = wanted
      .filter((c) => c.key !== 'implementasi')
      .map((c) => (c.key === 'kebaruan' ? { ...c, weight: 20 } : c));
    const changes = rubricChanges(stored, next);
    expect(changes.insert).toEqual([]);
    expect(changes.remove).toEqual([stored.find((c) => c.key === 'implementasi')!.id]);
    expect(changes.update.map((c) => [c.key, c.weight])).toEqual(expect.arrayContaining([['kebaruan', 20]]));
  });
});
