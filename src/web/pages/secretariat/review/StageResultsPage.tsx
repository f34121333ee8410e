import { useState } from 'react';
import { Badge, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { useLang } from '../../../i18n/index.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { AdminDataTable } from '../../../components/AdminDataTable.js';
import { AdminPage, AdminNotice } from '../../../components/AdminPage.js';
import { AdminPager } from '../../../components/AdminPager.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { DownloadButton } from '../../../components/DownloadButton.js';
import { ReviewPageHead, StagePicker, useReviewStage } from './ReviewStagePage.js';
import type { ResultRow, StageResults } from '../../../../contracts/stage-results.js';
import { StageResultsRules } from './StageResultsRules.js';
import { StageResultsSheets } from './StageResultsSheets.js';

const FILTERS = ['all', 'scored', 'waiting', 'pending_third', 'changed'] as const;
const num = (x: number | null, lang: 'id' | 'en') =>
  x === null ? '—' : lang === 'id' ? x.toFixed(2).replace('.', ',') : x.toFixed(2);

/** The secretariat's results of one scored stage: the scores, their explanation, the rules, the decision. */
export function StageResultsPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const { competitionId: id, stages, stageId, chooseStage } = useReviewStage();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [page, setPage] = useState(1);
  const [sheetsOf, setSheetsOf] = useState<ResultRow['proposal'] | null>(null);
  const key = ['stage-results', id, stageId, filter, debounced, page];
  const res = useQuery({
    queryKey: key,
    queryFn: () =>
      api<StageResults>(
        'GET',
        `/competitions/${id}/stages/${stageId}/results?status=${filter}&page=${page}${debounced ? `&q=${encodeURIComponent(debounced)}` : ''}`,
      ),
    enabled: stageId > 0,
    placeholderData: keepPreviousData,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['stage-results', id, stageId] });
  const third = useMutation({
    mutationFn: (proposalId: number) =>
      api<{ assigned: boolean; message: { id: string; en: string } }>(
        'POST',
        `/competitions/${id}/stages/${stageId}/results/${proposalId}/third`,
      ),
    onSuccess: (r) => {
      notifications.show({ color: r.assigned ? 'green' : 'orange', message: pick(r.message) });
      refresh();
    },
    onError: (e) => notifications.show({ color: 'red', message: apiErrorMessages(e, lang).general }),
  });
  const d = res.data;
  const outcomeBadge = (row: ResultRow) =>
    row.outcome ? (
      <Badge
        color={row.outcome === 'advanced' ? 'teal.9' : 'gray.7'}
        variant="filled"
        radius="sm"
        style={{ textTransform: 'none' }}
      >
        {t(`stageResults.${row.outcome}`)}
      </Badge>
    ) : row.passes === null ? null : (
      <Text size="sm">{row.passes ? t('stageResults.passes') : t('stageResults.fails')}</Text>
    );
  return (
    <AdminPage gap="lg">
      <ReviewPageHead
        competitionId={id}
        title={t('stageResults.title')}
        competitionName={d?.competition.name}
        intro={t('stageResults.intro')}
      />
      <AdminQueryState
        isLoading={stages.isLoading || res.isLoading}
        error={stages.error ?? res.error}
        onRetry={() => res.refetch()}
      >
        {d && (
          <>
            <StagePicker
              stages={d.stages}
              value={d.stage.id}
              onChange={(v) => {
                setPage(1);
                chooseStage(v);
              }}
            />
            <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
              {(['proposals', 'scored', 'waiting', 'pendingThird', 'passing', 'basisChanges'] as const).map(
                (k) => (
                  <Stack gap={0} key={k}>
                    <Text size="xl" fw={700}>
                      {d.counts[k]}
                    </Text>
                    <Text size="sm" c="dark.6">
                      {t(`stageResults.counts.${k}`)}
                    </Text>
                  </Stack>
                ),
              )}
            </SimpleGrid>
            <StageResultsRules
              key={`${d.stage.id}-${d.rules.passMark}-${d.rules.basis}-${!!d.decided}`}
              data={d}
              onDone={refresh}
            />
            <AdminNotice tone="neutral">{pick(d.normalizationNote)}</AdminNotice>
            {d.abilities.exportScores && (
              <Stack gap={4}>
                <DownloadButton
                  w="fit-content"
                  variant="outline"
                  href={`/api/competitions/${id}/stages/${d.stage.id}/scores.xlsx?lang=${lang}`}
                  fallbackName={`nilai-${d.stage.id}.xlsx`}
                >
                  {t('scoreExports.xlsx')}
                </DownloadButton>
                <Text size="sm" c="dark.6">
                  {t('scoreExports.xlsxHint')}
                </Text>
              </Stack>
            )}
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select
                label={t('stageResults.filter')}
                data={FILTERS.map((f) => ({ value: f, label: t(`stageResults.filters.${f}`) }))}
                value={filter}
                onChange={(v) => {
                  setFilter((v as typeof filter) ?? 'all');
                  setPage(1);
                }}
                allowDeselect={false}
                w={{ base: '100%', sm: 260 }}
              />
              <TextInput
                label={t('stageResults.search')}
                value={q}
                onChange={(e) => {
                  setQ(e.currentTarget.value);
                  setPage(1);
                }}
                w={{ base: '100%', sm: 300 }}
              />
            </Group>
            {d.total === 0 ? (
              <Text c="dark.6">{t('stageResults.empty')}</Text>
            ) : (
              <>
                <AdminDataTable
                  rows={d.rows}
                  rowKey={(r) => r.proposal.id}
                  minWidth={960}
                  dim={res.isFetching}
                  columns={[
                    { header: t('stageResults.rank'), cell: (r) => r.rank ?? '—' },
                    {
                      header: t('stageResults.proposal'),
                      primary: true,
                      cell: (r) => (
                        <Stack gap={0}>
                          <Text size="sm" fw={600}>
                            {r.proposal.code}
                          </Text>
                          <Text size="sm">{r.proposal.title}</Text>
                          <Text size="xs" c="dark.6">
                            {r.proposal.institution}
                          </Text>
                        </Stack>
                      ),
                    },
                    { header: t('stageResults.raw'), cell: (r) => num(r.raw, lang) },
                    { header: t('stageResults.normalized'), cell: (r) => num(r.normalized, lang) },
                    {
                      header: t('stageResults.score'),
                      cell: (r) => (
                        <Stack gap={2}>
                          <Text size="sm" fw={600}>
                            {num(r.score, lang)}
                          </Text>
                          <Text size="xs" c="dark.6">
                            {pick(r.explanation)}
                          </Text>
                          {r.basisChanges && (
                            <Badge
                              color="orange.9"
                              variant="filled"
                              radius="sm"
                              style={{ textTransform: 'none' }}
                            >
                              {t('stageResults.basisFlag')}
                            </Badge>
                          )}
                        </Stack>
                      ),
                    },
                    {
                      header: t('stageResults.status'),
                      style: { minWidth: 130 },
                      cell: (r) => (
                        <Stack gap={4}>
                          <Text size="sm">{t(`stageResults.statuses.${r.status}`)}</Text>
                          {outcomeBadge(r)}
                        </Stack>
                      ),
                    },
                    {
                      header: t('secretariat.actions'),
                      bare: true,
                      cell: (r) => (
                        <Group gap="xs" wrap="wrap">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setSheetsOf(r.proposal)}
                            aria-label={t('stageResults.sheets.openFor', { code: r.proposal.code })}
                          >
                            {t('stageResults.sheets.open')}
                          </Button>
                          {r.status === 'pending_third' && !d.decided && (
                            <Button
                              size="xs"
                              variant="outline"
                              loading={third.isPending && third.variables === r.proposal.id}
                              onClick={() => third.mutate(r.proposal.id)}
                              aria-label={`${t('stageResults.assignThird')}: ${r.proposal.code}`}
                            >
                              {t('stageResults.assignThird')}
                            </Button>
                          )}
                        </Group>
                      ),
                    },
                  ]}
                />
                <AdminPager total={d.total} page={d.page} pageSize={d.pageSize} onChange={setPage} />
              </>
            )}
            {sheetsOf && (
              <StageResultsSheets
                competitionId={d.competition.id}
                stageId={d.stage.id}
                proposal={sheetsOf}
                onClose={() => setSheetsOf(null)}
              />
            )}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
