import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReviewProgress, RubricView } from '../../../../contracts/review.js';
import { PROGRESS_FILTERS } from '../../../../contracts/review.js';
import { api, ApiError } from '../../../api/client.js';
import { AdminNotice, AdminPage } from '../../../components/AdminPage.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { Deadline } from '../../../components/Deadline.js';
import { DownloadButton } from '../../../components/DownloadButton.js';
import { useLang } from '../../../i18n/index.js';
import { StatusBadge } from '../../review/ReviewWorkPage.js';

/** /sekretariat/kompetisi/:id/tahap/:stageId/penilaian: a review stage's progress and its rubric. */
export function ReviewProgressPage() {
  const { id, stageId } = useParams();
  const { t } = useTranslation();
  const { lang } = useLang();
  const [status, setStatus] = useState<string>('all');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const params = new URLSearchParams({ status });
  if (q.trim()) params.set('q', q.trim());
  const base = `/competitions/${id}/stages/${stageId}`;
  const progress = useQuery({
    queryKey: ['review', 'progress', id, stageId, params.toString()],
    queryFn: () => api<ReviewProgress>('GET', `${base}/progress?${params.toString()}`),
    placeholderData: keepPreviousData,
  });
  const rubric = useQuery({
    queryKey: ['review', 'rubric', id, stageId],
    queryFn: () => api<RubricView>('GET', `${base}/rubric`),
  });
  const qc = useQueryClient();
  const [prepared, setPrepared] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const prepare = async () => {
    setError(null);
    try {
      const r = await api<{ inserted: number; updated: number }>('POST', `${base}/rubric`);
      setPrepared(t('review.progress.prepared', r));
      await qc.invalidateQueries({ queryKey: ['review', 'rubric', id, stageId] });
    } catch (err) {
      setError(err instanceof ApiError ? err.text[lang] : String(err));
    }
  };
  const p = progress.data;
  return (
    <AdminPage>
      <Title order={1}>
        {t('review.progress.title', { stage: p ? (lang === 'id' ? p.stage.nameId : p.stage.nameEn) : '' })}
      </Title>
      <Text>{t('review.progress.intro')}</Text>
      <AdminQueryState
        isLoading={progress.isLoading}
        error={progress.error}
        onRetry={() => void progress.refetch()}
      />
      {p && (
        <Stack gap="lg">
          {p.stage.closesAt && (
            <Deadline
              at={p.stage.closesAt}
              timeZone={p.stage.timeZone}
              label={t('review.work.closes')}
              passedLabel={t('review.work.closed')}
            />
          )}
          <Text fw={600}>{t('review.progress.totals', p.totals)}</Text>
          {p.abilities.exportScores && (
            <Stack gap={4}>
              <DownloadButton
                w="fit-content"
                variant="outline"
                href={`/api${base}/scores.xlsx?lang=${lang}`}
                fallbackName={`nilai-${stageId}.xlsx`}
              >
                {t('scoreExports.xlsx')}
              </DownloadButton>
              <Text size="sm" c="dark.6">
                {t('scoreExports.xlsxHint')}
              </Text>
            </Stack>
          )}
          <Card withBorder component="section" aria-labelledby="per-reviewer">
            <Title order={2} size="h3" id="per-reviewer" mb="sm">
              {t('review.progress.reviewers')}
            </Title>
            <>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('review.progress.name')}</Table.Th>
                    <Table.Th>{t('review.progress.assigned')}</Table.Th>
                    <Table.Th>{t('review.progress.notStarted')}</Table.Th>
                    <Table.Th>{t('review.progress.draft')}</Table.Th>
                    <Table.Th>{t('review.progress.submitted')}</Table.Th>
                    <Table.Th>{t('review.progress.overdue')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.reviewers.map((r) => (
                    <Table.Tr key={r.userId}>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td>{r.assigned}</Table.Td>
                      <Table.Td>{r.notStarted}</Table.Td>
                      <Table.Td>{r.draft}</Table.Td>
                      <Table.Td>{r.submitted}</Table.Td>
                      <Table.Td>{r.overdue}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          </Card>
          <Card withBorder component="section" aria-labelledby="per-proposal">
            <Title order={2} size="h3" id="per-proposal" mb="sm">
              {t('review.progress.proposals')}
            </Title>
            <Group mb="sm" align="flex-end">
              <Select
                label={t('review.progress.filter')}
                value={status}
                onChange={(v) => setStatus(v ?? 'all')}
                allowDeselect={false}
                data={PROGRESS_FILTERS.map((f) => ({ value: f, label: t(`review.progress.filters.${f}`) }))}
              />
              <TextInput
                label={t('review.progress.search')}
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
              />
            </Group>
            {p.proposals.length === 0 ? (
              <Text>{t('review.progress.empty')}</Text>
            ) : (
              <>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('review.work.proposal')}</Table.Th>
                      <Table.Th>{t('review.progress.evaluators')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.proposals.map((x) => (
                      <Table.Tr key={x.id}>
                        <Table.Td>
                          {x.code} — {x.title}
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={4}>
                            {x.reviewers.map((r) => (
                              <Group key={r.userId} gap="xs" wrap="wrap">
                                <Text size="sm">{r.name}</Text>
                                <StatusBadge status={r.status} />
                                {r.total !== null && (
                                  <Text size="sm" fw={700}>
                                    {r.total}
                                  </Text>
                                )}
                                {r.overdue && (
                                  <Text size="sm" c="red.9">
                                    {t('review.progress.overdue')}
                                  </Text>
                                )}
                                {r.status === 'submitted' && p.abilities.exportScores && (
                                  <DownloadButton
                                    size="compact-xs"
                                    variant="subtle"
                                    href={`/api/review/assignments/${r.assignmentId}/score-sheet.pdf`}
                                    fallbackName={`lembar-nilai-${x.code}.pdf`}
                                    aria-label={t('scoreExports.sheetOf', { name: r.name, code: x.code })}
                                  >
                                    {t('scoreExports.sheet')}
                                  </DownloadButton>
                                )}
                              </Group>
                            ))}
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )}
          </Card>
        </Stack>
      )}
      <Card withBorder component="section" aria-labelledby="rubric-groups">
        <Title order={2} size="h3" id="rubric-groups" mb="sm">
          {t('review.progress.rubric')}
        </Title>
        {prepared && <AdminNotice tone="success">{prepared}</AdminNotice>}
        {error && <AdminNotice tone="danger">{error}</AdminNotice>}
        {rubric.data && (
          <Stack gap="md">
            {!rubric.data.prepared && <Text>{t('review.progress.rubricNotPrepared')}</Text>}
            {rubric.data.locked && <Text size="sm">{t('review.progress.locked')}</Text>}
            {rubric.data.abilities.prepare && (
              <Button w="fit-content" onClick={() => void prepare()}>
                {t('review.progress.prepare')}
              </Button>
            )}
            {rubric.data.groups
              .filter((g) => g.criteria.length > 0)
              .map((g) => (
                <Stack key={g.id} gap={4}>
                  <Title order={3} size="h4">
                    {lang === 'id' ? g.nameId : g.nameEn}
                  </Title>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('review.progress.criterion')}</Table.Th>
                        <Table.Th>{t('review.progress.weight')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {g.criteria.map((c) => (
                        <Table.Tr key={c.id}>
                          <Table.Td>{lang === 'id' ? c.labelId : c.labelEn}</Table.Td>
                          <Table.Td>{c.weight}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Stack>
              ))}
          </Stack>
        )}
      </Card>
    </AdminPage>
  );
}
