import { NATIONAL_INSTITUTION_TYPES } from '../../domain/dashboard.js';
import {
  bestAwardRank,
  gallerySlug,
  gallerySummary,
  orderAwards,
  regionCodes,
} from '../../domain/gallery.js';
import type { FieldTexts } from '../../domain/search/fields.js';
import type { FinalistSource, NewEntry } from './queries.js';

/*
 * A finalist's public snapshot as the gallery stores it: what is shown (never the contact, the innovator's
 * names or the files) and the texts the search indexes (title, acronym, the answers joined).
 */

/** The section whose answer is the public summary when the form has one. */
export const SUMMARY_SECTION = 'ringkasan';

export interface Snapshot {
  readonly entry: Omit<NewEntry, 'title_length' | 'acronym_length' | 'answers_length'>;
  readonly texts: FieldTexts;
}

export function snapshotOf(
  source: FinalistSource,
  answers: readonly { key: string; text: string }[],
  levels: readonly string[],
  places: { provinces: ReadonlyMap<string, string>; regencies: ReadonlyMap<string, string> },
  input: { slug: string; basis: 'finalist' | 'consented'; now: string },
): Snapshot {
  const texts = answers.map((a) => a.text.trim()).filter(Boolean);
  const ringkasan = answers.find((a) => a.key === SUMMARY_SECTION)?.text ?? null;
  const national = NATIONAL_INSTITUTION_TYPES.includes(source.institution_type);
  const region = national ? regionCodes(null) : regionCodes(source.region_code ?? source.owner_region_code);
  const awards = orderAwards(levels);
  const answersText = texts.join('\n\n');
  return {
    entry: {
      proposal_id: source.id,
      competition_id: source.competition_id,
      competition_code: source.competition_code,
      competition_name: source.competition_name,
      slug: input.slug,
      title: source.title,
      acronym: source.acronym,
      summary: gallerySummary(ringkasan, texts[0] ?? null),
      answers: answersText,
      category_key: source.category_key,
      category_name_id: source.category_name_id,
      category_name_en: source.category_name_en,
      group_key: source.group_key,
      group_name_id: source.group_name_id,
      group_name_en: source.group_name_en,
      institution_name: source.institution_name,
      institution_type: source.institution_type,
      province_code: region.province,
      province_name: region.province ? (places.provinces.get(region.province) ?? null) : null,
      regency_code: region.regency,
      regency_name: region.regency ? (places.regencies.get(region.regency) ?? null) : null,
      year: source.year,
      awards: JSON.stringify(awards),
      award_rank: bestAwardRank(awards),
      basis: input.basis,
      published_at: input.now,
      updated_at: input.now,
    },
    texts: { title: source.title, acronym: source.acronym ?? '', answers: answersText },
  };
}

/** The entry's address: its slug, or with the proposal's id when another proposal holds that slug. */
export function slugFor(source: FinalistSource, taken: boolean): string {
  const slug = gallerySlug(source.competition_code, source.code);
  return taken ? `${slug}-${source.id}` : slug;
}
