import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { GalleryFacets } from '../../../../contracts/gallery.js';
import { api } from '../../../api/client.js';
import { useLang } from '../../../i18n/index.js';
import type { FilterKey } from './galleryParams.js';

interface Option {
  value: string;
  label: string;
  count: number;
}

/** The filters' selects, their values and counts from GET /api/public/gallery/facets. */
export function GalleryFilters({
  value,
  onChange,
}: {
  value: (key: FilterKey) => string;
  onChange: (key: FilterKey, value: string) => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const facets = useQuery({
    queryKey: ['gallery-facets'],
    queryFn: () => api<GalleryFacets>('GET', '/public/gallery/facets'),
    staleTime: 60_000,
  });
  const f = facets.data;
  const options: Record<FilterKey, Option[]> = {
    year: (f?.years ?? []).map((y) => ({ value: String(y.year), label: String(y.year), count: y.count })),
    competitionId: (f?.competitions ?? []).map((c) => ({
      value: String(c.id),
      label: c.name,
      count: c.count,
    })),
    category: (f?.categories ?? []).map((c) => ({ value: c.key, label: pick(c.name), count: c.count })),
    group: (f?.groups ?? []).map((g) => ({ value: g.key, label: pick(g.name), count: g.count })),
    award: (f?.awards ?? []).map((a) => ({
      value: a.level,
      label: t(`gallery.awards.${a.level}`),
      count: a.count,
    })),
    province: (f?.provinces ?? []).map((p) => ({ value: p.code, label: p.name, count: p.count })),
    participantType: (f?.participantTypes ?? []).map((p) => ({
      value: p.type,
      label: t(`gallery.types.${p.type}`),
      count: p.count,
    })),
  };
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
      {(Object.keys(options) as FilterKey[]).map((key) => {
        const current = value(key);
        const known = options[key];
        // A value from a shared address that the facets do not list still shows as chosen.
        const list =
          current && !known.some((o) => o.value === current)
            ? [...known, { value: current, label: current, count: 0 }]
            : known;
        return (
          <NativeSelect
            key={key}
            label={t(`gallery.filter.${key === 'competitionId' ? 'competition' : key}`)}
            value={current}
            onChange={(e) => onChange(key, e.currentTarget.value)}
            data={[
              { value: '', label: t('gallery.filter.any') },
              ...list.map((o) => ({
                value: o.value,
                label: t('gallery.filter.withCount', { label: o.label, count: o.count }),
              })),
            ]}
          />
        );
      })}
    </SimpleGrid>
  );
}
