import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconSearch } from '@tabler/icons-react';
import { api } from '../../api/client.js';
import { useMe } from '../../api/session.js';
import { useLang } from '../../i18n/index.js';
import { STATE_LABELS, type ProposalState } from '../../../domain/proposal-workflow.js';
import type { CompetitionSummary } from '../../../contracts/competitions.js';
import type { UnitListResponse } from '../../../contracts/institutions.js';

/*
 * The proposal list's filters and search, kept in the address (?state=&groupKey=&unitId=&q=&page=), so a
 * filtered list survives a reload, the back button and a shared link; the server filters and pages.
 */

/** What needs the admin lokal: proposals sent to them, and forwarded ones they took back. */
export const NEEDS_ACTION = 'sent_to_local_admin,withdrawn';
export const LIST_PAGE_SIZE = 20;
const FILTER_KEYS = ['state', 'groupKey', 'unitId', 'q'] as const;

/** The API query of the list for the address's parameters. */
export function listQuery(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) out.set(k, v);
  }
  out.set('page', params.get('page') ?? '1');
  out.set('pageSize', String(LIST_PAGE_SIZE));
  return out.toString();
}

export const hasFilters = (params: URLSearchParams) => FILTER_KEYS.some((k) => params.get(k));

export function ProposalFilters({
  competitions,
  reviewer,
}: {
  competitions: CompetitionSummary[];
  reviewer: boolean;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const institutionId = me.data?.abilities.manageUnitsOf[0];
  const units = useQuery({
    queryKey: ['units', institutionId],
    queryFn: () => api<UnitListResponse>('GET', `/institutions/${institutionId}/units`),
    enabled: reviewer && institutionId !== undefined,
  });
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.delete('page'); // a new filter starts on its first page
    setParams(next);
  };
  const states: ProposalState[] = [
    'draft',
    'sent_to_local_admin',
    'returned',
    'forwarded',
    'withdrawn',
    'received',
    'frozen',
    'incomplete',
    'passed_admin',
    'disqualified',
    'finalist',
  ];
  const groups = new Map<string, string>();
  for (const c of competitions)
    for (const g of c.groups) groups.set(g.key, pick({ id: g.nameId, en: g.nameEn }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set({ q: q.trim() || null });
  };
  return (
    <form onSubmit={submit} role="search" aria-label={t('proposals.filters.label')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('proposals.filters.state')}
          data={[
            { value: '', label: t('proposals.filters.allStates') },
            ...(reviewer ? [{ value: NEEDS_ACTION, label: t('proposals.filters.needsAction') }] : []),
            ...states.map((s) => ({ value: s, label: pick(STATE_LABELS[s]) })),
          ]}
          value={params.get('state') ?? ''}
          onChange={(v) => set({ state: v })}
          allowDeselect={false}
          w={{ base: '100%', sm: 280 }}
        />
        <Select
          label={t('proposals.filters.group')}
          data={[
            { value: '', label: t('proposals.filters.allGroups') },
            ...[...groups].map(([value, label]) => ({ value, label })),
          ]}
          value={params.get('groupKey') ?? ''}
          onChange={(v) => set({ groupKey: v })}
          allowDeselect={false}
          w={{ base: '100%', sm: 180 }}
        />
        {reviewer && units.data && (
          <Select
            label={t('proposals.filters.unit')}
            data={[
              { value: '', label: t('proposals.filters.allUnits') },
              ...units.data.items.map((u) => ({ value: String(u.id), label: u.name })),
            ]}
            value={params.get('unitId') ?? ''}
            onChange={(v) => set({ unitId: v })}
            allowDeselect={false}
            searchable
            w={{ base: '100%', sm: 220 }}
          />
        )}
        <TextInput
          label={t('proposals.filters.search')}
          description={t('proposals.filters.searchHint')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', sm: 260 }}
        />
        <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />}>
          {t('proposals.filters.apply')}
        </Button>
        {hasFilters(params) && (
          <Button
            variant="subtle"
            onClick={() => {
              setQ('');
              setParams(new URLSearchParams());
            }}
          >
            {t('proposals.filters.clear')}
          </Button>
        )}
      </Group>
    </form>
  );
}
