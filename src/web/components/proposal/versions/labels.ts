import type { TFunction } from 'i18next';
import type { ProposalDetail } from '../../../../contracts/proposals.js';

/** The label of a compared field (proposal-diff.ts DIFF_FIELDS), in the reader's language. */
export function fieldLabel(key: string, t: TFunction): string {
  switch (key) {
    case 'categoryKey':
      return t('proposals.editor.category');
    case 'declarationAccepted':
      return t('proposals.editor.declaration');
    case 'links':
      return t('versions.links');
    case 'sourceAwardId':
      return t('eligibility.source.title');
    default:
      return t(`proposals.editor.${key}`);
  }
}

/** A section's label from the form; a section no longer in the form keeps its key. */
export function sectionLabel(detail: ProposalDetail, key: string, lang: 'id' | 'en'): string {
  const s = detail.form.find((x) => x.key === key);
  return s ? (lang === 'id' ? s.labelId : s.labelEn) : key;
}

/** A code kept in a version (category key, yes/no, team/person, award id) as the reader reads it. */
export function valueLabel(
  key: string,
  value: string,
  detail: ProposalDetail,
  lang: 'id' | 'en',
  t: TFunction,
): string {
  if (!value) return value;
  if (key === 'categoryKey') {
    const c = detail.categories.find((x) => x.key === value);
    return c ? (lang === 'id' ? c.nameId : c.nameEn) : value;
  }
  if (key === 'declarationAccepted') return value === 'true' ? t('versions.yes') : t('versions.no');
  if (key === 'innovatorKind') return t(`proposals.editor.${value}`, { defaultValue: value });
  if (key === 'sourceAwardId') return t('versions.sourceAward', { id: value });
  return value;
}
