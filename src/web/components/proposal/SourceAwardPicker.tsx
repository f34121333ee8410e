import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import type { Award, AwardListResponse } from '../../../contracts/awards.js';
import { AWARD_LEVEL_LABELS } from '../../../domain/awards.js';
import { formatYears } from '../../../domain/eligibility.js';
import { sourceAwardRefusal } from '../../../domain/proposal-eligibility.js';

export interface ChosenSource {
  id: number;
  label: string;
}

/** "Rantang Kasih — Kabupaten Banyuwangi (Top 99 2019)". */
export function useSourceLabel() {
  const { t } = useTranslation();
  const { pick } = useLang();
  return (a: {
    innovationTitle: string;
    institutionName: string | null;
    year: number;
    level: string;
    levelLabel?: { id: string; en: string };
  }) =>
    t('eligibility.source.option', {
      title: a.innovationTitle,
      institution: a.institutionName || t('eligibility.source.noInstitution'),
      level: pick(a.levelLabel ?? AWARD_LEVEL_LABELS[a.level as Award['level']]),
      year: a.year,
    });
}

/**
 * Chooses the replikasi source from the award registry by typing part of its title or institution; the
 * search runs on the server (GET /awards?q=). Awards that cannot be a source for this group (outside its
 * source years) are listed but cannot be chosen, and say why.
 */
export function SourceAwardPicker({
  value,
  sourceYears,
  onChange,
  error,
  readOnly,
}: {
  value: ChosenSource | null;
  sourceYears: number[] | null;
  onChange: (v: ChosenSource | null) => void;
  error?: string;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const label = useSourceLabel();
  const [search, setSearch] = useState(value?.label ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const searching = debounced.trim().length >= 2 && debounced !== value?.label;
  const q = useQuery({
    queryKey: ['awards', 'pick', debounced],
    queryFn: () =>
      api<AwardListResponse>('GET', `/awards?q=${encodeURIComponent(debounced)}&pageSize=30&page=1`),
    enabled: searching,
    staleTime: 60_000,
  });
  const options = (q.data?.items ?? []).map((a) => {
    const refused = sourceAwardRefusal(
      { year: a.year, level: a.level, innovationTitle: a.innovationTitle },
      sourceYears,
    );
    const text = label({ ...a, institutionName: a.institutionName ?? a.institutionDirectoryName });
    return {
      value: String(a.id),
      label: refused ? `${text} — ${t('eligibility.source.outsideYears')}` : text,
      disabled: refused !== null,
    };
  });
  if (value && !options.some((o) => o.value === String(value.id)))
    options.unshift({ value: String(value.id), label: value.label, disabled: false });
  const years = sourceYears ? formatYears(sourceYears) : t('eligibility.source.anyYear');
  return (
    <Select
      id="field-sourceAwardId"
      label={t('eligibility.source.label')}
      description={t('eligibility.source.description', { years })}
      placeholder={t('eligibility.source.placeholder')}
      searchable
      clearable={!readOnly}
      readOnly={readOnly}
      clearButtonProps={{ 'aria-label': t('secretariat.clear') }}
      data={options}
      value={value ? String(value.id) : null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v, option) => onChange(v ? { id: Number(v), label: option?.label ?? '' } : null)}
      nothingFoundMessage={
        debounced.trim().length < 2 ? t('eligibility.source.typeToSearch') : t('eligibility.source.noResults')
      }
      filter={({ options: o }) => o}
      maxDropdownHeight={320}
      // Below the input, never over its label and the description of what may be chosen.
      comboboxProps={{ withinPortal: true, position: 'bottom', middlewares: { flip: false, shift: false } }}
      error={error}
      required
    />
  );
}
