import { useState } from 'react';
import { useParams } from 'react-router';
import {
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
import { IconBell } from '@tabler/icons-react';
import type { CompetitionSummary } from '../../../contracts/competitions.js';
import type { UnitParticipation } from '../../../contracts/participation.js';
import { api } from '../../api/client.js';
import { AdminDataTable } from '../../components/AdminDataTable.js';
import { AdminNotice, AdminPage } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { Deadline } from '../../components/Deadline.js';
import {
  GroupCounts,
  LastReminded,
  ParticipationBadge,
  ParticipationTotals,
  ReminderDialog,
} from '../../components/participation/ParticipationParts.js';
import { useHelpContact } from '../../components/helpContact.js';

type Row = UnitParticipation['rows'][number];

/** /instansi/:institutionId/partisipasi: the admin lokal's units in a competition, and reminders to units with nothing. */
export function UnitParticipationPage() {
  const { institutionId } = useParams();
  const { t } = useTranslation();
  const competitions = useQuery({
    queryKey: ['competitions', 'published'],
    queryFn: () => api<{ items: CompetitionSummary[] }>('GET', '/competitions'),
    select: (d) => d.items.filter((c) => c.status === 'published').sort((a, b) => b.year - a.year),
  });
  const [picked, setPicked] = useState<string | null>(null);
  const competitionId = picked ?? (competitions.data?.[0] ? String(competitions.data[0].id) : null);
  const [status, setStatus] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [chosen, setChosen] = useState<number[]>([]);
  const [dialog, setDialog] = useState<number[] | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const params = new URLSearchParams({ institutionId: String(institutionId) });
  if (status) params.set('status', status);
  if (q.trim()) params.set('q', q.trim());
  const key = ['participation-units', competitionId, institutionId] as const;
  const view = useQuery({
    queryKey: [...key, params.toString()],
    queryFn: () =>
      api<UnitParticipation>(
        'GET',
        `/competitions/${competitionId}/participation/units?${params.toString()}`,
      ),
    enabled: competitionId !== null,
    placeholderData: keepPreviousData,
  });
  useHelpContact(competitions.data?.find((c) => String(c.id) === competitionId));
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
                      aria-label={t('participationView.remind.choose', { name: r.unit.name })}
                      checked={chosen.includes(r.unit.id)}
                      onChange={(e) => toggle(r.unit.id, e.currentTarget.checked)}
                    />
                  ) : null,
              },
            ]
          : []),
        {
          header: t('participationView.col.unit'),
          primary: true,
          cell: (r: Row) => (
            <Text fw={600} size="sm">
              {r.unit.name}
            </Text>
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
          cell: (r: Row) => <Text size="sm">{t('participationView.upps', { count: r.recipients })}</Text>,
        },
        {
          header: t('participationView.col.lastReminded'),
          cell: (r: Row) => <LastReminded at={r.lastRemindedAt} timeZone={d.competition.timeZone} />,
        },
      ]
    : [];

  return (
    <AdminPage>
      <Title order={1}>{t('participationView.titleUnits')}</Title>
      <Text c="dark.6">{t('participationView.introUnits')}</Text>
      <AdminQueryState
        isLoading={competitions.isLoading || view.isLoading}
        error={competitions.error ?? view.error}
        onRetry={() => view.refetch()}
      >
        <Select
          label={t('participationView.competition')}
          value={competitionId}
          onChange={(v) => {
            setPicked(v);
            setChosen([]);
          }}
          allowDeselect={false}
          data={(competitions.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          maw={480}
        />
        {d && (
          <>
            <Group justify="space-between" align="flex-start">
              <Text fw={600}>{d.institution.name}</Text>
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
            <Paper withBorder p="md" component="section" aria-label={t('participationView.titleUnits')}>
              <SimpleGrid cols={{ base: 1, xs: 2 }} mb="sm">
                <TextInput
                  type="search"
                  label={t('participationView.filter.search')}
                  placeholder={t('participationView.filter.searchPlaceholderUnit')}
                  value={search}
                  onChange={(e) => setSearch(e.currentTarget.value)}
                />
                <Select
                  label={t('participationView.filter.status')}
                  placeholder={t('participationView.filter.all')}
                  clearable
                  value={status}
                  onChange={setStatus}
                  data={(['nothing', 'in_progress', 'forwarded'] as const).map((s) => ({
                    value: s,
                    label: t(`participationView.status.${s}`),
                  }))}
                />
              </SimpleGrid>
              {d.abilities.remind && (
                <Stack gap={4} mb="sm">
                  <Group gap="xs">
                    <Button
                      leftSection={<IconBell size={16} aria-hidden />}
                      disabled={!d.remindableIds.length}
                      onClick={() => setDialog(d.remindableIds)}
                    >
                      {t('participationView.remind.allUnits', { count: d.remindableIds.length })}
                    </Button>
                    <Button variant="default" disabled={!chosen.length} onClick={() => setDialog(chosen)}>
                      {t('participationView.remind.chosen', { count: chosen.length })}
                    </Button>
                  </Group>
                  <Text size="xs" c="dark.6">
                    {t('participationView.remind.rule', { hours: d.reminderIntervalHours })}
                  </Text>
                </Stack>
              )}
              {d.rows.length ? (
                <AdminDataTable
                  rows={d.rows}
                  columns={columns}
                  rowKey={(r) => r.unit.id}
                  dim={view.isPlaceholderData}
                />
              ) : (
                <Text c="dark.6">{t('participationView.empty')}</Text>
              )}
            </Paper>
            {dialog && (
              <ReminderDialog
                path={`/competitions/${d.competition.id}/participation/units/reminders`}
                body={{ institutionId: d.institution.id, unitIds: dialog }}
                level="unit"
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
