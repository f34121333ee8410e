import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  bulkApplyResponse,
  bulkPreviewResponse,
  queueResponse,
} from '../../../../contracts/admin-check.js';
import { api } from '../../../api/client.js';
import { AdminDataTable } from '../../../components/AdminDataTable.js';
import { AdminNotice, AdminPage } from '../../../components/AdminPage.js';
import { AdminPager } from '../../../components/AdminPager.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { InstantText } from '../../../components/InstantText.js';
import { useLang } from '../../../i18n/index.js';
import { NearDuplicateSummary } from './NearDuplicateSummary.js';

type Queue = z.infer<typeof queueResponse>;
type Row = Queue['items'][number];
type Preview = z.infer<typeof bulkPreviewResponse>;
const PAGE_SIZE = 50;
const STATUSES = ['unchecked', 'completed', 'incomplete', 'passed', 'disqualified'] as const;

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const color =
    { passed: 'green', disqualified: 'red', incomplete: 'orange', completed: 'blue' }[status] ?? 'gray';
  return (
    // Wraps instead of being cut off ("BELUM DIPE…") when the status column is narrow.
    <Badge
      color={color}
      variant="light"
      h="auto"
      py={2}
      styles={{
        root: { maxWidth: '100%' },
        label: { color: 'var(--mantine-color-dark-7)', whiteSpace: 'normal', overflow: 'visible' },
      }}
    >
      {t(`adminCheck.status.${status}`)}
    </Badge>
  );
}

/** /sekretariat/kompetisi/:id/seleksi-administrasi: the administrative queue, shared by the secretariat. */
export function AdminCheckQueuePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { lang } = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const [chosen, setChosen] = useState<number[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (group) params.set('groupKey', group);
  if (q.trim()) params.set('q', q.trim());
  const view = useQuery({
    queryKey: ['admin-checks', id, params.toString(), page],
    queryFn: () =>
      api<Queue>(
        'GET',
        `/competitions/${id}/admin-checks?${params.toString()}&page=${page}&pageSize=${PAGE_SIZE}`,
      ),
    placeholderData: keepPreviousData,
  });
  const next = useMutation({
    mutationFn: () => api<{ proposalId: number | null }>('POST', `/competitions/${id}/admin-checks/next`),
    onSuccess: (r) =>
      r.proposalId
        ? navigate(`/sekretariat/seleksi-administrasi/${r.proposalId}`)
        : setNotice(t('adminCheck.nothingLeft')),
  });
  const askPreview = useMutation({
    mutationFn: (body: object) => api<Preview>('POST', `/competitions/${id}/admin-checks/bulk/preview`, body),
    onSuccess: setPreview,
  });
  const apply = useMutation({
    mutationFn: (rows: Preview['apply']) =>
      api<z.infer<typeof bulkApplyResponse>>('POST', `/competitions/${id}/admin-checks/bulk/apply`, {
        rows: rows.map((r) => ({ proposalId: r.proposalId, version: r.version })),
      }),
    onSuccess: (r) => {
      setPreview(null);
      setChosen([]);
      setNotice(t('adminCheck.bulk.done', { passed: r.passed.length, skipped: r.skipped.length }));
      void client.invalidateQueries({ queryKey: ['admin-checks', id] });
    },
  });
  const d = view.data;
  const reset = (f: () => void) => {
    f();
    setPage(1);
  };
  const columns = d
    ? [
        {
          header: t('adminCheck.col.choose'),
          bare: true,
          style: { width: 48 },
          cell: (r: Row) => (
            <Checkbox
              aria-label={t('adminCheck.choose', { code: r.code })}
              checked={chosen.includes(r.proposalId)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setChosen((c) =>
                  on ? [...new Set([...c, r.proposalId])] : c.filter((x) => x !== r.proposalId),
                );
              }}
            />
          ),
        },
        {
          header: t('adminCheck.col.proposal'),
          primary: true,
          cell: (r: Row) => (
            <Stack gap={0}>
              <Anchor
                component={Link}
                to={`/sekretariat/seleksi-administrasi/${r.proposalId}`}
                fw={600}
                size="sm"
              >
                {r.code}
              </Anchor>
              <Text size="sm">{r.title}</Text>
            </Stack>
          ),
        },
        {
          header: t('adminCheck.col.institution'),
          cell: (r: Row) => <Text size="sm">{r.institution.name}</Text>,
        },
        { header: t('adminCheck.col.group'), cell: (r: Row) => <Text size="sm">{r.group.name[lang]}</Text> },
        {
          header: t('adminCheck.col.status'),
          cell: (r: Row) => (
            <Stack gap={2}>
              <StatusBadge status={r.status} />
              {r.round > 1 && <Text size="xs">{t('adminCheck.round', { round: r.round })}</Text>}
            </Stack>
          ),
        },
        {
          header: t('adminCheck.col.holder'),
          cell: (r: Row) =>
            r.claim.holder === 'other' ? (
              <Text size="xs">
                {r.claim.name} · <InstantText iso={r.claim.until} timeZone={d.competition.timeZone} />
              </Text>
            ) : r.claim.holder === 'mine' ? (
              <Text size="xs">{t('adminCheck.heldByMe')}</Text>
            ) : null,
        },
      ]
    : [];
  return (
    <AdminPage>
      <AdminQueryState isLoading={view.isLoading} error={view.error} onRetry={() => view.refetch()}>
        {d && (
          <>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1}>{t('adminCheck.title')}</Title>
                <Text c="dark.6">
                  {d.competition.name} · {t('adminCheck.intro')}
                </Text>
              </div>
              <Button onClick={() => next.mutate()} loading={next.isPending}>
                {t('adminCheck.takeNext')}
              </Button>
            </Group>
            {notice && (
              <AdminNotice tone="success" withCloseButton onClose={() => setNotice(null)}>
                {notice}
              </AdminNotice>
            )}
            <NearDuplicateSummary competitionId={d.competition.id} timeZone={d.competition.timeZone} />
            <Group gap="xs" wrap="wrap" aria-label={t('adminCheck.filter.status')}>
              {STATUSES.map((s) => (
                <Text key={s} size="sm">
                  {t(`adminCheck.status.${s}`)}: <b>{d.counts[s] ?? 0}</b>
                </Text>
              ))}
            </Group>
            <Paper withBorder p="md" component="section" aria-label={t('adminCheck.title')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
                <TextInput
                  type="search"
                  label={t('adminCheck.filter.search')}
                  placeholder={t('adminCheck.filter.searchPlaceholder')}
                  value={search}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    reset(() => setSearch(v));
                  }}
                />
                <Select
                  label={t('adminCheck.filter.status')}
                  placeholder={t('adminCheck.filter.all')}
                  clearable
                  value={status}
                  onChange={(v) => reset(() => setStatus(v))}
                  data={STATUSES.map((s) => ({ value: s, label: t(`adminCheck.status.${s}`) }))}
                />
                <Select
                  label={t('adminCheck.filter.group')}
                  placeholder={t('adminCheck.filter.all')}
                  clearable
                  value={group}
                  onChange={(v) => reset(() => setGroup(v))}
                  data={d.groups.map((g) => ({ value: g.key, label: g.name[lang] }))}
                />
              </SimpleGrid>
              <Group gap="xs" mb="sm">
                <Button
                  variant="default"
                  disabled={!chosen.length}
                  onClick={() => askPreview.mutate({ proposalIds: chosen })}
                >
                  {t('adminCheck.bulk.chosen', { count: chosen.length })}
                </Button>
                <Button
                  variant="default"
                  onClick={() =>
                    askPreview.mutate({
                      filter: {
                        ...(status ? { status } : {}),
                        ...(group ? { groupKey: group } : {}),
                        ...(q.trim() ? { q: q.trim() } : {}),
                      },
                    })
                  }
                >
                  {t('adminCheck.bulk.filtered')}
                </Button>
              </Group>
              {d.items.length ? (
                <AdminDataTable
                  rows={d.items}
                  columns={columns}
                  rowKey={(r) => r.proposalId}
                  dim={view.isPlaceholderData}
                  minWidth={900}
                />
              ) : (
                <Text c="dark.6">{t('adminCheck.empty')}</Text>
              )}
              <AdminPager total={d.total} page={page} pageSize={PAGE_SIZE} onChange={setPage} />
            </Paper>
            <Modal
              opened={preview !== null}
              onClose={() => setPreview(null)}
              title={t('adminCheck.bulk.title')}
            >
              {preview && (
                <Stack>
                  <Text>{t('adminCheck.bulk.count', { count: preview.count })}</Text>
                  {/* Scrolls when long: focusable and named, so a keyboard can scroll it (axe). */}
                  <Text
                    size="sm"
                    style={{ maxHeight: 160, overflow: 'auto' }}
                    tabIndex={0}
                    role="region"
                    aria-label={t('adminCheck.bulk.ids')}
                  >
                    {preview.apply.map((r) => r.code).join(', ')}
                  </Text>
                  {preview.skipped.length > 0 && (
                    <>
                      <Text>{t('adminCheck.bulk.skipped', { count: preview.skipped.length })}</Text>
                      <List size="sm">
                        {preview.skipped.map((s) => (
                          <List.Item key={s.proposalId}>
                            {s.code}: {t(`adminCheck.bulk.reason.${s.reason}`)}
                          </List.Item>
                        ))}
                      </List>
                    </>
                  )}
                  <Group justify="flex-end">
                    <Button variant="default" onClick={() => setPreview(null)}>
                      {t('adminCheck.cancel')}
                    </Button>
                    <Button
                      disabled={!preview.count}
                      loading={apply.isPending}
                      onClick={() => apply.mutate(preview.apply)}
                    >
                      {t('adminCheck.bulk.confirm', { count: preview.count })}
                    </Button>
                  </Group>
                </Stack>
              )}
            </Modal>
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
