import type { SubmittedEvaluation } from '../../src/domain/scoring/normalize.js';
import type { FinalistCandidate, FinalistsInput, Quota } from '../../src/domain/shortlist/types.js';

/*
 * A realistic, reproducible year at Kemendagri's scale for the scoring phase: 30,000 proposals in 3 groups
 * (umum 80 %, replikasi 10 %, khusus 10 %), 10 categories, the 7 participant types, 38 provinces with their
 * regencies, a 3T list (Papua, Maluku, NTT regencies), two evaluations each from 300 evaluators with their own
 * harshness and spread, a third where the two differ by more than 15; the finalists' quotas a secretariat
 * would set (3T, participant types, a category cap, big provinces capped, a minimum for Papua).
 */

/** mulberry32: a small seeded generator, so every run measures the same instance. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVINCES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
];
const CATEGORIES = [
  'kesehatan',
  'pendidikan',
  'ekonomi',
  'lingkungan',
  'pelayanan_publik',
  'tata_kelola',
  'sosial',
  'pariwisata',
  'pertanian',
  'teknologi',
];
const TYPES = [
  'kementerian',
  'lembaga',
  'pemerintah_provinsi',
  'pemerintah_kabupaten',
  'pemerintah_kota',
  'bumn',
  'bumd',
];
const TYPE_WEIGHTS = [0.04, 0.03, 0.06, 0.55, 0.2, 0.05, 0.07];
/** The 3T list: the regencies 01–20 of the eastern provinces, and all of Papua Pegunungan (95). */
export const THREE_T = [
  ...['53', '81', '82', '91', '92', '94', '96'].flatMap((p) =>
    Array.from({ length: 20 }, (_, i) => `${p}.${String(i + 1).padStart(2, '0')}`),
  ),
  '95',
];

const pick = <T>(r: () => number, xs: readonly T[], weights?: readonly number[]): T => {
  if (!weights) return xs[Math.floor(r() * xs.length)]!;
  let u = r();
  for (let i = 0; i < xs.length; i++) if ((u -= weights[i]!) < 0) return xs[i]!;
  return xs[xs.length - 1]!;
};

export interface ScoringYear {
  evaluations: SubmittedEvaluation[];
  attributes: Map<number, Omit<FinalistCandidate, 'id' | 'score'>>;
}

export function scoringYear(proposals: number, evaluators: number, seed = 12): ScoringYear {
  const r = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const bias = Array.from({ length: evaluators }, () => normal() * 6);
  const spread = Array.from({ length: evaluators }, () => 0.7 + r() * 0.6);
  const evaluations: SubmittedEvaluation[] = [];
  const attributes = new Map<number, Omit<FinalistCandidate, 'id' | 'score'>>();
  let evaluationId = 1;
  for (let id = 1; id <= proposals; id++) {
    const u = r();
    const groupKey = u < 0.8 ? 'umum' : u < 0.9 ? 'replikasi' : 'khusus';
    const participantType = pick(r, TYPES, TYPE_WEIGHTS);
    // Java's big provinces send more (and, in this year, score a little higher).
    const province = r() < 0.35 ? pick(r, ['31', '32', '33', '35']) : pick(r, PROVINCES);
    const central =
      participantType === 'kementerian' || participantType === 'lembaga' || participantType === 'bumn';
    const regionCode = central
      ? null
      : participantType === 'pemerintah_provinsi'
        ? province
        : `${province}.${String(1 + Math.floor(r() * 30)).padStart(2, '0')}`;
    attributes.set(id, { groupKey, categoryKey: pick(r, CATEGORIES), participantType, regionCode });
    const quality = 72 + normal() * 8 + (['31', '32', '33', '35'].includes(province) ? 3 : 0);
    const a = Math.floor(r() * evaluators);
    const b = (a + 1 + Math.floor(r() * (evaluators - 1))) % evaluators;
    const third = (b + 1 + Math.floor(r() * (evaluators - 2))) % evaluators;
    const total = (e: number) =>
      Math.round(
        Math.min(100, Math.max(0, 75 + (quality - 75) * spread[e]! + bias[e]! + normal() * 4)) * 100,
      ) / 100;
    const ta = total(a);
    const tb = total(b);
    const at = (min: number) => `2027-05-${String(1 + (id % 28)).padStart(2, '0')}T0${min}:00:00.000Z`;
    evaluations.push({
      evaluationId: evaluationId++,
      proposalId: id,
      reviewerId: a,
      total: ta,
      submittedAt: at(1),
    });
    evaluations.push({
      evaluationId: evaluationId++,
      proposalId: id,
      reviewerId: b,
      total: tb,
      submittedAt: at(2),
    });
    if (Math.abs(ta - tb) > 15)
      evaluations.push({
        evaluationId: evaluationId++,
        proposalId: id,
        reviewerId: third === a ? (third + 2) % evaluators : third,
        total: total(third),
        submittedAt: at(3),
      });
  }
  return { evaluations, attributes };
}

/** The quotas a secretariat would set for the 2022 shape (Top 99 umum, 15 replikasi, 15 khusus). */
export const QUOTAS: Quota[] = [
  { key: 'min-3t-umum', dimension: 'is3T', value: 'true', group: 'umum', min: 12 },
  { key: 'min-3t-khusus', dimension: 'is3T', value: 'true', group: 'khusus', min: 3 },
  { key: 'min-kota', dimension: 'participantType', value: 'pemerintah_kota', min: 20 },
  { key: 'min-provinsi', dimension: 'participantType', value: 'pemerintah_provinsi', min: 8 },
  { key: 'min-kementerian', dimension: 'participantType', value: 'kementerian', min: 5 },
  { key: 'max-bumn', dimension: 'participantType', value: 'bumn', max: 5 },
  { key: 'max-kesehatan-umum', dimension: 'category', value: 'kesehatan', group: 'umum', max: 12 },
  { key: 'max-jatim', dimension: 'province', value: '35', max: 8 },
  { key: 'max-dki', dimension: 'province', value: '31', max: 6 },
  { key: 'min-papua', dimension: 'province', value: '91', min: 2 },
];

export const PER_GROUP = { umum: 99, replikasi: 15, khusus: 15 };

export function finalistsInput(
  scores: ReadonlyMap<number, number>,
  attributes: ScoringYear['attributes'],
  passMark: number | null,
): FinalistsInput {
  const candidates: FinalistCandidate[] = [];
  for (const [id, score] of scores) candidates.push({ id, score, ...attributes.get(id)! });
  return { candidates, passMark, perGroup: PER_GROUP, quotas: QUOTAS, threeTRegions: THREE_T };
}
