/*
 * Rubrics as data (issue 12 points 4 and 6): what a scored stage of the review engine asks of a reviewer,
 * per group. The default rubric of a stage comes from the group's form: one criterion per section that
 * carries a weight (a section of weight 0, such as the summary, is read but not scored).
 *
 * - evaluation_1 (seed 000 step 4, the evaluation of the proposal): the section itself, with its label,
 *   guidance and weight (2023 umum: background 10, novelty 15, implementation 5, significance 30,
 *   adaptability 20, resources 5, sustainability 15).
 * - evaluation_2 (seed 000 step 5, "kelengkapan bukti dan relevansinya"): per such section the completeness
 *   and relevance of its evidence, with the same weight; the section's files are shown beside it.
 *
 * A criterion's key is stable (the section's key, or `bukti_<key>`), so materialising a rubric twice keeps
 * the rows (and the scores that refer to them) in place.
 */
import type { ReviewStageKind } from './review-settings.js';

/** A section of a group's form, as the rubric reads it. */
export interface RubricSection {
  id: number;
  key: string;
  labelId: string;
  labelEn: string;
  guidanceId: string | null;
  guidanceEn: string | null;
  weight: number;
  position: number;
}

/** One criterion of a rubric before it is stored (rubric_criteria without ids). */
export interface RubricCriterionSpec {
  key: string;
  labelId: string;
  labelEn: string;
  guidanceId: string | null;
  guidanceEn: string | null;
  weight: number;
  sectionId: number | null;
  position: number;
}

export const EVIDENCE_KEY_PREFIX = 'bukti_';

const EVIDENCE_GUIDANCE = {
  id:
    'Nilai kelengkapan bukti dukung bagian ini (dokumen, foto, tautan) dan relevansinya dengan uraian ' +
    'pada proposal: apakah bukti membuktikan apa yang ditulis?',
  en:
    "Score how complete this section's supporting evidence is (documents, photos, links) and how relevant it " +
    'is to what the proposal says: does the evidence prove what is written?',
};

/**
 * The presentation and interview (issue 13 point 2), from a regional example of the real competition:
 * paparan 30, materi/kemanfaatan/replikasi 50, video 10, kehadiran pimpinan 10. Not drawn from the form:
 * the panel scores what it sees and hears in the session.
 */
export const PRESENTATION_RUBRIC: readonly RubricCriterionSpec[] = [
  {
    key: 'paparan',
    labelId: 'Paparan',
    labelEn: 'Presentation',
    guidanceId: 'Kejelasan, runtutan dan ketepatan waktu paparan inovasi.',
    guidanceEn: 'How clear, orderly and on time the presentation of the innovation is.',
    weight: 30,
    sectionId: null,
    position: 1,
  },
  {
    key: 'materi',
    labelId: 'Materi, kemanfaatan dan replikasi',
    labelEn: 'Substance, benefit and replication',
    guidanceId:
      'Substansi inovasi, manfaat nyata bagi masyarakat dan kemungkinan direplikasi, termasuk jawaban pada wawancara.',
    guidanceEn:
      "The innovation's substance, its real benefit to the public and whether it can be replicated, answers in the interview included.",
    weight: 50,
    sectionId: null,
    position: 2,
  },
  {
    key: 'video',
    labelId: 'Video',
    labelEn: 'Video',
    guidanceId: 'Video inovasi: menggambarkan layanan dan dampaknya.',
    guidanceEn: "The innovation's video: does it show the service and its effect?",
    weight: 10,
    sectionId: null,
    position: 3,
  },
  {
    key: 'kehadiran_pimpinan',
    labelId: 'Kehadiran pimpinan',
    labelEn: 'Presence of the head of the institution',
    guidanceId: 'Pimpinan instansi hadir dan menyampaikan komitmennya.',
    guidanceEn: 'The head of the institution is present and states their commitment.',
    weight: 10,
    sectionId: null,
    position: 4,
  },
];

/** The default rubric of a review stage for one group, from the group's form (sections in form order). */
export function defaultRubric(
  kind: ReviewStageKind,
  sections: readonly RubricSection[],
): RubricCriterionSpec[] {
  if (kind === 'presentation') return PRESENTATION_RUBRIC.map((c) => ({ ...c }));
  const scored = [...sections].filter((s) => s.weight > 0).sort((a, b) => a.position - b.position);
  return scored.map((s, i) =>
    kind === 'evaluation_1'
      ? {
          key: s.key,
          labelId: s.labelId,
          labelEn: s.labelEn,
          guidanceId: s.guidanceId,
          guidanceEn: s.guidanceEn,
          weight: s.weight,
          sectionId: s.id,
          position: i + 1,
        }
      : {
          key: `${EVIDENCE_KEY_PREFIX}${s.key}`,
          labelId: `Kelengkapan dan relevansi bukti — ${s.labelId}`,
          labelEn: `Completeness and relevance of the evidence — ${s.labelEn}`,
          guidanceId: EVIDENCE_GUIDANCE.id,
          guidanceEn: EVIDENCE_GUIDANCE.en,
          weight: s.weight,
          sectionId: s.id,
          position: i + 1,
        },
  );
}

/** A stored criterion as the comparison below reads it. */
export interface StoredCriterion extends RubricCriterionSpec {
  id: number;
}

/**
 * What materialising `wanted` over the stored criteria of one stage and group changes, matched by key:
 * criteria to insert, to update (by id, when a label, guidance, weight, section or position differs) and
 * to delete (keys no longer wanted). Nothing when they already agree, so running it twice changes nothing.
 */
export function rubricChanges(
  stored: readonly StoredCriterion[],
  wanted: readonly RubricCriterionSpec[],
): { insert: RubricCriterionSpec[]; update: StoredCriterion[]; remove: number[] } {
  const byKey = new Map(stored.map((c) => [c.key, c]));
  const wantedKeys = new Set(wanted.map((c) => c.key));
  const insert: RubricCriterionSpec[] = [];
  const update: StoredCriterion[] = [];
  for (const w of wanted) {
    const s = byKey.get(w.key);
    if (!s) insert.push(w);
    else if (
      s.labelId !== w.labelId ||
      s.labelEn !== w.labelEn ||
      s.guidanceId !== w.guidanceId ||
      s.guidanceEn !== w.guidanceEn ||
      s.weight !== w.weight ||
      s.sectionId !== w.sectionId ||
      s.position !== w.position
    )
      update.push({ ...w, id: s.id });
  }
  const remove = stored.filter((s) => !wantedKeys.has(s.key)).map((s) => s.id);
  return { insert, update, remove };
}
