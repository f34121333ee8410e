import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconBell, IconDownload } from '@tabler/icons-react';
import type { InstitutionParticipation } from '../../../contracts/participation.js';
import { INSTITUTION_TYPE_LABELS, INSTITUTION_TYPES } from '../../../contracts/institutions.js';
import { api } from '../../api/client.js';
import { AdminDataTable } from '../../components/AdminDataTable.js';
import { AdminNotice, AdminPage } from '../../components/AdminPage.js';
import { AdminPager } from '../../components/AdminPager.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { Deadline } from '../../components/Deadline.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import {
  GroupCounts,
  LastReminded,
  ParticipationBadge,
  ParticipationTotals,
  ReminderDialog,
} from '../../components/participation/ParticipationParts.js';
import { useLang } from '../../i18n/index.js';
import { useCompetitionHelpContact } from '../../components/competitionHelpContact.js';

const PAGE_SIZE = 50;
type Row = InstitutionParticipation['rows'][number];

/** /sekretariat/kompetisi/:id/partisipasi: every participant institution, and reminders to those with nothing forwarded. */
export function ParticipationPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { lang } = useLang();
  const [status, setStatus] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [province, setProvince] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const [chosen, setChosen] = useState<number[]>([]);
  const [dialog, setDialog] = useState<number[] | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (type) params.set('institutionType', type);
  if (province) params.set('provinceCode', province);
  if (q.trim()) params.set('q', q.trim());
  const key = ['participation', id] as const;
  const view = useQuery({
    queryKey: [...key, params.toString(), page],
    queryFn: () =>
      api<InstitutionParticipation>(
        'GET',
        `/competitions/${id}/participation?${params.toString()}&page=${page}&pageSize=${PAGE_SIZE}`,
      ),
    placeholderData: keepPreviousData,
  });
  useCompetitionHelpContact(id);
  const reset = (f: () => void) => {
    f();
    setPage(1);
  };
  const d = view.data;
  const toggle = (rowId: number, on: boolean) =>
    setChosen((c) => (on ? [...new Set([...c, rowId])] : c.filter((x) => x !== rowId)));

  const columns = d
    ? [
        ...(d.abilities.remind
          ? [
              {
                header: t('participationView.col.choose'),
                bare: true,
                style: { width: 48 },
                cell: (r: Row) =>
                  r.remindable ? (
                    <Checkbox
                      aria-label={t('participationView.remind.choose', { name: r.institution.name })}
                      checked={chosen.includes(r.institution.id)}
                      onChange={(e) => toggle(r.institution.id, e.currentTarget.checked)}
                    />
                  ) : null,
              },
            ]
          : []),
        {
          header: t('participationView.col.institution'),
          primary: true,
          cell: (r: Row) => (
            <Stack gap={0}>
              <Text fw={600} size="sm">
                {r.institution.name}
              </Text>
              <Text size="xs" c="dark.6">
                {INSTITUTION_TYPE_LABELS[r.institution.type][lang]} · {r.institution.provinceName}
              </Text>
            </Stack>
          ),
        },
        {
          header: t('participationView.col.status'),
          cell: (r: Row) => <ParticipationBadge status={r.status} />,
        },
        {
          header: t('participationView.col.forwarded'),
          cell: (r: Row) => <GroupCounts groups={r.groups} labels={d.groups} />,
        },
        {
          header: t('participationView.col.inProgress'),
          cell: (r: Row) => <Text size="sm">{r.inProgress}</Text>,
        },
        {
          header: t('participationView.col.recipients'),
          cell: (r: Row) => (
            <Text size="sm">{t('participationView.recipients', { count: r.recipients })}</Text>
          ),
        },
        {
          header: t('participationView.col.lastReminded'),
          cell: (r: Row) => <LastReminded at={r.lastRemindedAt} timeZone={d.competition.timeZone} />,
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
                <Title order={1}>{t('participationView.titleOrganizer')}</Title>
                <Text c="dark.6">
                  {d.competition.name} · {t('participationView.introOrganizer')}
                </Text>
                <Anchor component={Link} to={`/sekretariat/kompetisi/${d.competition.id}/dasbor`} size="sm">
                  {t('participationView.backToDashboard')}
                </Anchor>
              </div>
              {d.submission.closesAt && (
                <Deadline at={d.submission.closesAt} timeZone={d.competition.timeZone} />
              )}
            </Group>
            <ParticipationTotals totals={d.totals} />
            {sent !== null && (
              <AdminNotice tone="success" withCloseButton onClose={() => setSent(null)}>
                {t('participationView.remind.sent', { count: sent })}
              </AdminNotice>
            )}
            <Paper withBorder p="md" component="section" aria-label={t('participationView.titleOrganizer')}>
              <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="sm">
                <TextInput
                  type="search"
                  label={t('participationView.filter.search')}
                  placeholder={t('participationView.filter.searchPlaceholderInstitution')}
                  value={search}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    reset(() => setSearch(v));
                  }}
                />
                <Select
                  label={t('participationView.filter.status')}
                  placeholder={t('participationView.filter.all')}
                  clearable
                  value={status}
                  onChange={(v) => reset(() => setStatus(v))}
                  data={(['nothing', 'in_progress', 'forwarded'] as const).map((s) => ({
                    value: s,
                    label: t(`participationView.status.${s}`),
                  }))}
                />
                <Select
                  label={t('participationView.filter.type')}
                  placeholder={t('participationView.filter.all')}
                  clearable
                  value={type}
                  onChange={(v) => reset(() => setType(v))}
                  data={INSTITUTION_TYPES.map((k) => ({ value: k, label: INSTITUTION_TYPE_LABELS[k][lang] }))}
                />
                <Select
                  label={t('participationView.filter.province')}
                  placeholder={t('participationView.filter.all')}
                  clearable
                  searchable
                  value={province}
                  onChange={(v) => reset(() => setProvince(v))}
                  data={d.provinces.map((p) => ({ value: p.code, label: p.name ?? p.code }))}
                />
              </SimpleGrid>
              <Group justify="space-between" mb="sm">
                {d.abilities.remind ? (
                  <Group gap="xs">
                    <Button
                      leftSection={<IconBell size={16} aria-hidden />}
                      disabled={!d.remindableIds.length}
                      onClick={() => setDialog(d.remindableIds)}
                    >
                      {t('participationView.remind.all', { count: d.remindableIds.length })}
                    </Button>
                    <Button variant="default" disabled={!chosen.length} onClick={() => setDialog(chosen)}>
                      {t('participationView.remind.chosen', { count: chosen.length })}
                    </Button>
                  </Group>
                ) : (
                  <span />
                )}
                {d.abilities.export && (
                  <DownloadButton
                    href={`/api/competitions/${d.competition.id}/participation/export?format=csv&lang=${lang}&${params.toString()}`}
                    fallbackName={`sinovik-partisipasi-${d.competition.id}.csv`}
                    variant="default"
                    size="sm"
                    leftSection={<IconDownload size={16} aria-hidden />}
                  >
                    {t('participationView.exportCsv')}
                  </DownloadButton>
                )}
              </Group>
              {d.abilities.remind && (
                <Text size="xs" c="dark.6" mb="sm">
                  {t('participationView.remind.rule', { hours: d.reminderIntervalHours })}
                </Text>
              )}
              {d.rows.length ? (
                <AdminDataTable
                  rows={d.rows}
                  columns={columns}
                  rowKey={(r) => r.institution.id}
                  dim={view.isPlaceholderData}
                  minWidth={900}
                />
              ) : (
                <Text c="dark.6">{t('participationView.empty')}</Text>
              )}
              <AdminPager total={d.matching} page={page} pageSize={PAGE_SIZE} onChange={setPage} />
            </Paper>
            {dialog && (
              <ReminderDialog
                path={`/competitions/${d.competition.id}/participation/reminders`}
                body={{ institutionIds: dialog }}
                level="institution"
                closesAt={d.submission.closesAt}
                timeZone={d.competition.timeZone}
                invalidate={key}
                onClose={() => setDialog(null)}
                onSent={(r) => {
                  setDialog(null);
                  setChosen([]);
                  setSent(r.recipients);
                }}
              />
            )}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
