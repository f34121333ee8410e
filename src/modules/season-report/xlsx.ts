import {
  FUNNEL_STEPS,
  REPORT_BREAKDOWNS,
  type ReportBreakdown,
  type SeasonReport,
  type SeasonYears,
} from '../../contracts/season-report.js';
import { FUNNEL_LABELS } from '../../domain/season-report.js';
import type { Text } from '../../domain/errors.js';

/*
 * The season report as a workbook (made in the export pool): the funnel, one sheet per breakdown, and the
 * organizer's years side by side. Counts as numbers; rates as percentages with one decimal.
 */

type Lang = 'id' | 'en';
type Cell = string | number;
export interface ReportSheet {
  name: string;
  columns: { header: string; width: number }[];
  rows: Cell[][];
}

const BREAKDOWN_NAMES: Record<ReportBreakdown, Text> = {
  category: { id: 'Kategori', en: 'Category' },
  group: { id: 'Kelompok', en: 'Group' },
  participantType: { id: 'Jenis peserta', en: 'Participant type' },
  region: { id: 'Wilayah', en: 'Region' },
};
const percent = (rate: number | null): Cell => (rate === null ? '' : Math.round(rate * 1000) / 10);
const stepHeaders = (lang: Lang) => FUNNEL_STEPS.map((s) => ({ header: FUNNEL_LABELS[s][lang], width: 16 }));

export function seasonReportSheets(report: SeasonReport, years: SeasonYears, lang: Lang): ReportSheet[] {
  const funnel: ReportSheet = {
    name: lang === 'id' ? 'Corong' : 'Funnel',
    columns: [
      { header: lang === 'id' ? 'Tahap' : 'Step', width: 30 },
      { header: lang === 'id' ? 'Jumlah' : 'Count', width: 12 },
      { header: lang === 'id' ? '% dari tahap sebelumnya' : '% of previous step', width: 24 },
      { header: lang === 'id' ? '% dari terdaftar' : '% of registered', width: 18 },
    ],
    rows: report.funnel.map((s) => [s.label[lang], s.count, percent(s.ofPrevious), percent(s.ofRegistered)]),
  };
  const breakdowns = REPORT_BREAKDOWNS.map((b): ReportSheet => ({
    name: BREAKDOWN_NAMES[b][lang],
    columns: [{ header: BREAKDOWN_NAMES[b][lang], width: 36 }, ...stepHeaders(lang)],
    rows: report.breakdowns[b].map((s) => [s.label[lang], ...FUNNEL_STEPS.map((k) => s.counts[k])]),
  }));
  const rateHeaders = FUNNEL_STEPS.slice(1).map((s) => ({
    header: `% ${FUNNEL_LABELS[s][lang]}`,
    width: 18,
  }));
  const acrossYears: ReportSheet = {
    name: lang === 'id' ? 'Antar tahun' : 'Across years',
    columns: [
      { header: lang === 'id' ? 'Tahun' : 'Year', width: 8 },
      { header: lang === 'id' ? 'Kompetisi' : 'Competition', width: 36 },
      ...stepHeaders(lang),
      ...rateHeaders,
    ],
    rows: years.competitions.map((c) => [
      c.year,
      c.name,
      ...c.funnel.map((s) => s.count),
      ...c.funnel.slice(1).map((s) => percent(s.ofPrevious)),
    ]),
  };
  return [funnel, ...breakdowns, acrossYears];
}
