import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { InstitutionListResponse } from '../../contracts/institutions.js';

/** Chooses one institution by typing part of its name; the search runs on the server. */
export function AdminInstitutionPicker({
  label,
  description,
  value,
  valueName,
  onChange,
  error,
  excludeId,
  required,
}: {
  label: string;
  description?: string;
  value: number | null;
  /** The chosen institution's name, so it shows before any search. */
  valueName?: string | null;
  onChange: (id: number | null, name: string | null) => void;
  error?: string;
  excludeId?: number;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(valueName ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const q = useQuery({
    queryKey: ['institutions', 'pick', debounced],
    queryFn: () =>
      api<InstitutionListResponse>(
        'GET',
        `/institutions?q=${encodeURIComponent(debounced)}&pageSize=20&page=1`,
      ),
    enabled: debounced.trim().length >= 2,
    staleTime: 60_000,
  });
  const options = (q.data?.items ?? [])
    .filter((i) => i.id !== excludeId)
    .map((i) => ({ value: String(i.id), label: i.name }));
  if (value !== null && valueName && !options.some((o) => o.value === String(value)))
    options.unshift({ value: String(value), label: valueName });
  return (
    <Select
      label={label}
      description={description}
      placeholder={t('secretariat.institutions.pickerPlaceholder')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('secretariat.clear') }}
      data={options}
      value={value === null ? null : String(value)}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v, option) => onChange(v ? Number(v) : null, option?.label ?? null)}
      nothingFoundMessage={
        debounced.trim().length < 2 ? t('secretariat.institutions.typeToSearch') : t('secretariat.noResults')
      }
      filter={({ options: o }) => o}
      error={error}
      required={required}
    />
  );
}
