import { useState } from 'react';
import { Badge, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { useLang } from '../../../i18n/index.js';
import { AdminDataTable } from '../../../components/AdminDataTable.js';
import { AdminPage, AdminNotice } from '../../../components/AdminPage.js';
import { AdminPager } from '../../../components/AdminPager.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { ReviewPageHead, StagePicker, useReviewStage } from './ReviewStagePage.js';
import { formatAt } from '../../../components/AdminTime.js';
import type {
  AssignmentItem,
  AssignmentList,
  StageAssignmentSummary,
} from '../../../../contracts/assignments.js';
import { AssignmentRunCard } from './AssignmentRunCard.js';
import { PanelAbstentions } from './PanelAbstentions.js';
import { AddAssignmentCard, WithdrawDialog } from './AssignmentEditDialogs.js';
import { AssignmentCsvCard } from './AssignmentCsvCard.js';

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Stack gap={0}>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="sm" c="dark.6">
        {label}
      </Text>
    </Stack>
  );
}

/** The secretariat's assignment of reviewers in one scored stage: run, loads, pairs, manual changes, CSV. */
export function AssignmentsPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { competitionId: id, stages, stageId, chooseStage } = useReviewStage();
  const qc = useQueryClient();
  const base = `/competitions/${id}/stages/${stageId}/assignments`;
  const summary = useQuery({
    queryKey: ['assignment-summary', id, stageId],
    queryFn: () => api<StageAssignmentSummary>('GET', `${base}/summary`),
    enabled: stageId > 0,
  });
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [status, setStatus] = useState<'active' | 'withdrawn' | 'all'>('active');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['assignments', id, stageId, debounced, status, page],
    queryFn: () =>
      api<AssignmentList>(
        'GET',
        `${base}?status=${status}&page=${page}${debounced ? `&q=${encodeURIComponent(debounced)}` : ''}`,
      ),
    enabled: stageId > 0,
    placeholderData: keepPreviousData,
  });
  const [withdrawing, setWithdrawing] = useState<AssignmentItem | null>(null);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['assignment-summary', id, stageId] });
    void qc.invalidateQueries({ queryKey: ['assignments', id, stageId] });
  };
  const s = summary.data;
  const name = (x: { nameId: string; nameEn: string }) => (lang === 'id' ? x.nameId : x.nameEn);
  const evaluationText = (i: AssignmentItem) =>
    i.evaluation === 'submitted'
      ? t('assignments.evaluationSubmitted')
      : i.evaluation === 'draft'
        ? t('assignments.evaluationDraft')
        : t('assignments.evaluationNone');
  return (
    <AdminPage gap="lg">
      <ReviewPageHead
        competitionId={id}
        title={t('assignments.title')}
        competitionName={s?.competition.name}
        intro={t('assignments.intro')}
      />
      <AdminQueryState
        isLoading={stages.isLoading || summary.isLoading}
        error={stages.error ?? summary.error}
        onRetry={() => summary.refetch()}
      >
        {s && (
          <>
            <Group align="flex-end" gap="lg" wrap="wrap">
              <StagePicker
                stages={s.stages}
                value={s.stage.id}
                onChange={(v) => {
                  setPage(1);
                  chooseStage(v);
                }}
              />
              <Stack gap={0}>
                <Text size="sm">
                  {t('assignments.window', {
                    opens: formatAt(s.stage.opensAt, s.competition.timeZone, lang) || '—',
                    closes: formatAt(s.stage.closesAt, s.competition.timeZone, lang) || '—',
                  })}
                </Text>
                <Text size="sm" c="dark.6">
                  {s.stage.mode === 'whole_panel'
                    ? t('assignments.perFinalist', { count: s.stage.reviewersPerProposal })
                    : t('assignments.perProposal', { count: s.stage.reviewersPerProposal })}
                </Text>
              </Stack>
            </Group>
            {s.pool.notReady && <AdminNotice tone="info">{s.pool.notReady[lang]}</AdminNotice>}
            {!s.abilities.edit && <AdminNotice tone="warning">{t('assignments.closed')}</AdminNotice>}
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Figure label={t('assignments.poolTitle')} value={s.pool.proposals} />
              <Figure label={t('assignments.complete')} value={s.pool.complete} />
              <Figure label={t('assignments.missing')} value={s.pool.missingPairs} />
              <Figure label={t('assignments.reviewersTitle')} value={s.reviewers.length} />
            </SimpleGrid>
            <AssignmentRunCard summary={s} onDone={refresh} />
            {s.stage.mode === 'whole_panel' && <PanelAbstentions items={s.abstentions} />}
            <section aria-labelledby="loads-title">
              <Title order={2} size="h3" id="loads-title" mb="xs">
                {t('assignments.loadsCaption')}
              </Title>
              <AdminDataTable
                rows={s.reviewers}
                rowKey={(r) => r.id}
                minWidth={720}
                verticalSpacing="xs"
                columns={[
                  {
                    header: t('assignments.name'),
                    primary: true,
                    cell: (r) => (
                      <Stack gap={0}>
                        <Text size="sm" fw={600}>
                          {r.name}
                        </Text>
                        <Text size="xs" c="dark.6">
                          {r.email}
                        </Text>
                      </Stack>
                    ),
                  },
                  {
                    header: t('assignments.profile'),
                    cell: (r) => (
                      <Badge
                        color={r.profileComplete ? 'teal.9' : 'orange.9'}
                        variant="filled"
                        radius="sm"
                        style={{ textTransform: 'none' }}
                      >
                        {r.profileComplete
                          ? t('assignments.profileComplete')
                          : t('assignments.profileIncomplete')}
                      </Badge>
                    ),
                  },
                  {
                    header: t('assignments.expertise'),
                    cell: (r) =>
                      r.expertise
                        .map((k) => {
                          const c = s.categories.find((x) => x.key === k);
                          return c ? name(c) : k;
                        })
                        .join(', ') || '—',
                  },
                  { header: t('assignments.capacity'), cell: (r) => r.capacity ?? t('assignments.noLimit') },
                  { header: t('assignments.load'), cell: (r) => r.load },
                  { header: t('assignments.submitted'), cell: (r) => r.submitted },
                ]}
              />
            </section>
            <section aria-labelledby="list-title">
              <Title order={2} size="h3" id="list-title" mb="xs">
                {t('assignments.listTitle')}
              </Title>
              <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
                <TextInput
                  label={t('assignments.search')}
                  value={q}
                  onChange={(e) => {
                    setQ(e.currentTarget.value);
                    setPage(1);
                  }}
                  w={{ base: '100%', sm: 320 }}
                />
                <Select
                  label={t('assignments.status')}
                  data={[
                    { value: 'active', label: t('assignments.statusActive') },
                    { value: 'withdrawn', label: t('assignments.statusWithdrawn') },
                    { value: 'all', label: t('assignments.statusAll') },
                  ]}
                  value={status}
                  onChange={(v) => {
                    setStatus((v as typeof status) ?? 'active');
                    setPage(1);
                  }}
                  allowDeselect={false}
                  w={{ base: '100%', sm: 180 }}
                />
              </Group>
              {list.data && list.data.total === 0 ? (
                <Text c="dark.6">{t('assignments.empty')}</Text>
              ) : (
                list.data && (
                  <>
                    <AdminDataTable
                      rows={list.data.items}
                      rowKey={(i) => i.id}
                      minWidth={900}
                      dim={list.isFetching}
                      columns={[
                        {
                          header: t('assignments.proposal'),
                          primary: true,
                          cell: (i) => (
                            <Stack gap={0}>
                              <Text size="sm" fw={600}>
                                {i.proposal.code}
                              </Text>
                              <Text size="sm">{i.proposal.title}</Text>
                              <Text size="xs" c="dark.6">
                                {i.proposal.institution}
                                {i.proposal.category ? ` · ${i.proposal.category}` : ''}
                              </Text>
                            </Stack>
                          ),
                        },
                        {
                          header: t('assignments.reviewer'),
                          cell: (i) => (
                            <Stack gap={0}>
                              <Text size="sm">{i.reviewer.name}</Text>
                              {!i.expertiseMatch && (
                                <Text size="xs" c="dark.6">
                                  {t('assignments.outsideExpertise')}
                                </Text>
                              )}
                            </Stack>
                          ),
                        },
                        {
                          header: t('assignments.origin'),
                          cell: (i) => t(`assignments.origins.${i.origin}`),
                        },
                        {
                          header: t('assignments.evaluation'),
                          cell: (i) =>
                            i.status === 'withdrawn' ? (
                              <Text size="sm">
                                {t('assignments.statusWithdrawn')}: {i.withdrawnReason}
                              </Text>
                            ) : (
                              evaluationText(i)
                            ),
                        },
                        {
                          header: t('secretariat.actions'),
                          bare: true,
                          cell: (i) =>
                            i.status === 'active' && s.abilities.edit ? (
                              <Button
                                size="xs"
                                variant="outline"
                                color="red.9"
                                onClick={() => setWithdrawing(i)}
                                aria-label={`${t('assignments.withdraw')}: ${i.proposal.code} · ${i.reviewer.name}`}
                              >
                                {t('assignments.withdraw')}
                              </Button>
                            ) : null,
                        },
                      ]}
                    />
                    <AdminPager
                      total={list.data.total}
                      page={list.data.page}
                      pageSize={list.data.pageSize}
                      onChange={setPage}
                    />
                  </>
                )
              )}
            </section>
            <AddAssignmentCard summary={s} onDone={refresh} />
            <AssignmentCsvCard summary={s} onDone={refresh} />
            {withdrawing && (
              <WithdrawDialog
                summary={s}
                item={withdrawing}
                onClose={() => setWithdrawing(null)}
                onDone={refresh}
              />
            )}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
