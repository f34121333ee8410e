import { useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Select, Text, TextInput, type SelectProps, type TextInputProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { AdminDataTable, type AdminColumn } from './AdminDataTable.js';
import { AdminPager } from './AdminPager.js';
import { AdminQueryState } from './AdminQueryState.js';

/** What every paged admin list answers. */
export interface PagedList<T> {
  items: T[];
  total: number;
  pageSize: number;
}

/**
 * The state of an admin list: its filters and page in the address (so a reload or a shared link shows
 * the same list), typed text sent 300 ms after the last key, and the query for the current page. A
 * filter at its default is left out of the address; changing a filter goes back to page 1.
 */
export function useAdminList<R extends PagedList<unknown>, F extends string>({
  key,
  path,
  filters,
  typed = [],
  defaults = {},
  pageSize,
  apiParams = (v) => v,
  refetchInterval,
  history = 'replace',
}: {
  /** The query key's start (what mutations invalidate). */
  key: readonly unknown[];
  /** The API path of the list. */
  path: string;
  filters: readonly F[];
  /** Filters typed as text: trimmed and sent after a pause. */
  typed?: readonly F[];
  defaults?: Partial<Record<F, string>>;
  /** Omitted: the API's default page size. */
  pageSize?: number;
  /** The API's parameters from the filters (default: the filters as they are). */
  apiParams?: (values: Record<F, string>) => Record<string, string>;
  refetchInterval?: number;
  /** `push`: each change is a step of the browser's history (tabs). */
  history?: 'push' | 'replace';
}) {
  const [params, setParams] = useSearchParams();
  const fromUrl = (f: F) => params.get(f) ?? defaults[f] ?? '';
  const [text, setText] = useState<Record<string, string>>(() =>
    Object.fromEntries(typed.map((f) => [f, fromUrl(f)])),
  );
  const [settled] = useDebouncedValue(text, 300);
  const page = Math.max(1, Number(params.get('page')) || 1);

  const write = (patch: Partial<Record<F, string>>, nextPage = 1) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [f, v] of Object.entries(patch) as [F, string][]) {
          if (v === '' || v === (defaults[f] ?? '')) next.delete(f);
          else next.set(f, v);
        }
        if (nextPage > 1) next.set('page', String(nextPage));
        else next.delete('page');
        return next;
      },
      { replace: history === 'replace' },
    );

  // Typed text reaches the address (and the query) once the typing pauses.
  useEffect(() => {
    const changed = typed.filter((f) => (settled[f] ?? '').trim() !== fromUrl(f));
    if (changed.length)
      write(
        Object.fromEntries(changed.map((f) => [f, (settled[f] ?? '').trim()])) as Partial<Record<F, string>>,
      );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a settled change writes
  }, [settled]);

  const values = Object.fromEntries(
    filters.map((f) => [f, typed.includes(f) ? (text[f] ?? '') : fromUrl(f)]),
  ) as Record<F, string>;
  const sent = Object.fromEntries(filters.map((f) => [f, fromUrl(f)])) as Record<F, string>;
  const qs = new URLSearchParams(apiParams(sent)).toString();
  const list = useQuery({
    queryKey: [...key, ...Object.values(apiParams(sent)), page],
    queryFn: () => api<R>('GET', `${path}?${qs}&page=${page}${pageSize ? `&pageSize=${pageSize}` : ''}`),
    placeholderData: keepPreviousData,
    refetchInterval,
  });

  /** Changes filters (typed ones at once in their field, in the query after the pause) and goes to page 1. */
  const set = (patch: Partial<Record<F, string>>) => {
    const typedPatch = Object.fromEntries(
      Object.entries(patch).filter(([f]) => typed.includes(f as F)),
    ) as Record<string, string>;
    if (Object.keys(typedPatch).length) setText((t) => ({ ...t, ...typedPatch }));
    const now = Object.fromEntries(Object.entries(patch).filter(([f]) => !typed.includes(f as F)));
    if (Object.keys(now).length) write(now as Partial<Record<F, string>>);
  };
  const setPage = (p: number) => write({}, p);
  return { values, set, page, setPage, list, qs };
}

/**
 * The body of an admin list: loading and error states, the empty message or the table (dimmed while the
 * next page loads), and the pager.
 */
export function AdminListBody<T>({
  list,
  page,
  onPage,
  empty,
  pagerWhenEmpty = false,
  error,
  ...table
}: {
  list: UseQueryResult<PagedList<T>>;
  page: number;
  onPage: (page: number) => void;
  empty: ReactNode;
  /** Shows "0–0 of 0" under an empty list too. */
  pagerWhenEmpty?: boolean;
  /** Replaces the query's error (e.g. none while field messages explain it). */
  error?: unknown;
  columns: AdminColumn<T>[];
  rowKey: (row: T) => string | number;
  minWidth?: number;
  caption?: string;
  verticalSpacing?: 'xs' | 'sm' | 'md';
}) {
  const d = list.data;
  return (
    <AdminQueryState
      isLoading={list.isLoading}
      error={error === undefined ? list.error : error}
      onRetry={() => list.refetch()}
    >
      {!d ? null : d.items.length === 0 ? (
        <Text c="dark.6" py="md">
          {empty}
        </Text>
      ) : (
        <AdminDataTable rows={d.items} dim={list.isPlaceholderData} {...table} />
      )}
      {d && (d.total > 0 || pagerWhenEmpty) && (
        <AdminPager total={d.total} page={page} pageSize={d.pageSize} onChange={onPage} />
      )}
    </AdminQueryState>
  );
}

/** The part of `useAdminList` a filter field binds to. */
interface Filters<F extends string> {
  values: Record<F, string>;
  set: (patch: Partial<Record<F, string>>) => void;
}

/** A text filter of a list (with a search icon unless `leftSection` says otherwise). */
export function AdminSearchFilter<F extends string>({
  filters,
  name,
  ...props
}: { filters: Filters<F>; name: F } & TextInputProps) {
  return (
    <TextInput
      leftSection={<IconSearch size={16} aria-hidden />}
      value={filters.values[name]}
      onChange={(e) => filters.set({ [name]: e.currentTarget.value } as Partial<Record<F, string>>)}
      {...props}
    />
  );
}

/** A choice filter of a list; clearing it (a button named in the reader's language) shows everything. */
export function AdminSelectFilter<F extends string>({
  filters,
  name,
  ...props
}: { filters: Filters<F>; name: F } & SelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      value={filters.values[name] || null}
      onChange={(v) => filters.set({ [name]: v ?? '' } as Partial<Record<F, string>>)}
      clearable
      clearButtonProps={{ 'aria-label': t('secretariat.clear') }}
      {...props}
    />
  );
}
