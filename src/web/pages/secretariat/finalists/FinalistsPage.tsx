import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconCalculator } from '@tabler/icons-react';
import {
  FINALIST_FILTERS,
  type FinalistFilter,
  type FinalistLine,
  type FinalistsResponse,
} from '../../../../contracts/finalists.js';
import { api } from '../../../api/client.js';
import { AdminDataTable } from '../../../components/AdminDataTable.js';
import { AdminNotice, AdminPage } from '../../../components/AdminPage.js';
import { AdminPager } from '../../../components/AdminPager.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { formatAt } from '../../../components/AdminTime.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';
import { FinalCard, ProvisionalCard } from './FinalistPublishCards.js';
import { FinalistSettingsCard } from './FinalistSettingsCard.js';
import { QuotaOutcomes } from './QuotaOutcomes.js';

const PAGE_SIZE = 50;
const num = (x: number, lang: 'id' | 'en') => (lang === 'id' ? x.toFixed(2).replace('.', ',') : x.toFixed(2));

/**
 * /sekretariat/kompetisi/:id/finalis: the finalists settings, "Hitung finalis", the selection beside the
 * plain top N per group, the quota outcomes or the infeasibility report, each candidate's explanation
 * (filtered, searched, paged), then the provisional publication and the final list.
 */
export function FinalistsPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<FinalistFilter>('all');
  const [group, setGroup] = useState('');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);
  const query = new URLSearchParams({ filter, page: String(page), pageSize: String(PAGE_SIZE) });
  if (group) query.set('group', group);
  if (debounced) query.set('q', debounced);
  const view = useQuery({
    queryKey: ['finalists', id, query.toString()],
    queryFn: () => api<FinalistsResponse>('GET', `/competitions/${id}/finalists?${query.toString()}`),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['finalists', id] });
  const compute = useMutation({
    mutationFn: () =>
      api<{ feasible: boolean; selected: number; added: number; removed: number }>(
        'POST',
        `/competitions/${id}/finalists/compute`,
      ),
    onSuccess: (r) => {
      setNotice(
        r.feasible
          ? { tone: 'success', text: t('finalists.computed', r) }
          : { tone: 'warning', text: t('finalists.computedInfeasible') },
      );
      refresh();
    },
  });
  const d = view.data;
  const s = d?.selection;
  const groupName = (key: string) => {
    const g = d?.groups.find((x) => x.key === key);
    return g ? pick({ id: g.nameId, en: g.nameEn }) : key;
  };
  const done = (text: string) => {
    setNotice({ tone: 'success', text });
    refresh();
  };
  const badges = (l: FinalistLine) => (
    <Group gap={4}>
      <Badge
        color={l.selected ? 'teal.9' : 'gray.7'}
        variant="filled"
        radius="sm"
        style={{ textTransform: 'none' }}
      >
        {t(l.selected ? 'finalists.badge.selected' : 'finalists.badge.notSelected')}
      </Badge>
      {l.selected && !l.inPlainTop && (
        <Badge color="blue.9" variant="filled" radius="sm" style={{ textTransform: 'none' }}>
          {t('finalists.badge.added')}
        </Badge>
      )}
      {l.removedByObjection && (
        <Badge color="red.9" variant="filled" radius="sm" style={{ textTransform: 'none' }}>
          {t('finalists.badge.objection')}
        </Badge>
      )}
      {!l.selected && l.inPlainTop && (
        <Badge color="red.9" variant="filled" radius="sm" style={{ textTransform: 'none' }}>
          {t('finalists.badge.removed')}
        </Badge>
      )}
    </Group>
  );

  return (
    <AdminPage>
      <AdminQueryState isLoading={view.isLoading} error={view.error} onRetry={() => view.refetch()}>
        {d && (
          <>
            <div>
              <Title order={1}>{t('finalists.title')}</Title>
              <Text c="dark.6">
                {d.competition.name} ·{' '}
                {t('finalists.intro', {
                  stage: pick({ id: d.evidenceStage.nameId, en: d.evidenceStage.nameEn }),
                })}
              </Text>
              <Anchor
                component={Link}
                to={`/sekretariat/kompetisi/${d.competition.id}/hasil-penilaian`}
                size="sm"
              >
                {t('stageResults.title')}
              </Anchor>
            </div>
            {notice && (
              <AdminNotice tone={notice.tone} withCloseButton onClose={() => setNotice(null)}>
                {notice.text}
              </AdminNotice>
            )}
            {!d.evidenceStage.decided ? (
              <AdminNotice tone="warning">
                {t('finalists.evidenceNotDecided', {
                  stage: pick({ id: d.evidenceStage.nameId, en: d.evidenceStage.nameEn }),
                })}
              </AdminNotice>
            ) : (
              <Text size="sm">
                {t('finalists.candidates', {
                  count: d.candidates,
                  stage: pick({ id: d.evidenceStage.nameId, en: d.evidenceStage.nameEn }),
                })}
              </Text>
            )}
            <FinalistSettingsCard
              key={JSON.stringify(d.settings) + String(d.abilities.edit)}
              d={d}
              onSaved={refresh}
            />
            {d.abilities.compute && (
              <Group>
                <Button
                  leftSection={<IconCalculator size={16} aria-hidden />}
                  loading={compute.isPending}
                  onClick={() => compute.mutate()}
                >
                  {t('finalists.compute')}
                </Button>
              </Group>
            )}
            {compute.error && (
              <AdminNotice tone="danger" role="alert">
                {apiErrorMessages(compute.error, lang).general}
              </AdminNotice>
            )}
            {s && (
              <>
                <Text size="sm" c="dark.6">
                  {t('finalists.computedAt', {
                    at: formatAt(s.computedAt, d.competition.timeZone, lang),
                    by: s.computedBy,
                    version: s.version,
                  })}
                </Text>
                {s.stale && !s.provisional && (
                  <AdminNotice tone="warning">{t('finalists.stale')}</AdminNotice>
                )}
                {!s.feasible ? (
                  <AdminNotice tone="danger" title={t('finalists.infeasibleTitle')}>
                    <Stack gap={4}>
                      {s.problemText && <Text size="sm">{pick(s.problemText)}</Text>}
                      {s.problems.map((p) => (
                        <Text size="sm" key={p.key}>
                          • {pick(p.text)}
                        </Text>
                      ))}
                    </Stack>
                  </AdminNotice>
                ) : (
                  <>
                    <Paper withBorder p="md" component="section" aria-labelledby="finalists-groups">
                      <Title order={2} size="h3" id="finalists-groups" mb="xs">
                        {t('finalists.groupsTitle')}
                      </Title>
                      <Stack gap={4}>
                        {s.groups
                          .filter((g) => g.places > 0 || g.selected > 0)
                          .map((g) => (
                            <Text size="sm" key={g.key}>
                              {t('finalists.groupLine', {
                                group: groupName(g.key),
                                selected: g.selected,
                                places: g.places,
                                plain: g.plainTop,
                                added: g.added,
                                removed: g.removed,
                              })}
                              {g.unfilled > 0 && ` · ${t('finalists.unfilled', { count: g.unfilled })}`}
                            </Text>
                          ))}
                      </Stack>
                    </Paper>
                    {s.quotaOutcomes.length > 0 && <QuotaOutcomes rows={s.quotaOutcomes} />}
                  </>
                )}
                <Paper withBorder p="md" component="section" aria-labelledby="finalists-lines">
                  <Title order={2} size="h3" id="finalists-lines" mb="sm">
                    {t('finalists.linesTitle')}
                  </Title>
                  <Group align="flex-end" gap="sm" wrap="wrap" mb="sm">
                    <Select
                      label={t('finalists.filter')}
                      data={FINALIST_FILTERS.map((f) => ({ value: f, label: t(`finalists.filters.${f}`) }))}
                      value={filter}
                      allowDeselect={false}
                      onChange={(v) => {
                        setFilter((v as FinalistFilter) ?? 'all');
                        setPage(1);
                      }}
                      w={{ base: '100%', sm: 220 }}
                    />
                    <Select
                      label={t('finalists.groupFilter')}
                      data={[
                        { value: '', label: t('finalists.settings.allGroups') },
                        ...d.groups.map((g) => ({
                          value: g.key,
                          label: pick({ id: g.nameId, en: g.nameEn }),
                        })),
                      ]}
                      value={group}
                      allowDeselect={false}
                      onChange={(v) => {
                        setGroup(v ?? '');
                        setPage(1);
                      }}
                      w={{ base: '100%', sm: 200 }}
                    />
                    <TextInput
                      label={t('finalists.search')}
                      value={q}
                      onChange={(e) => {
                        setQ(e.currentTarget.value);
                        setPage(1);
                      }}
                      w={{ base: '100%', sm: 300 }}
                    />
                  </Group>
                  {d.lines.matching === 0 ? (
                    <Text c="dark.6">{t('finalists.empty')}</Text>
                  ) : (
                    <>
                      <AdminDataTable
                        rows={d.lines.rows}
                        rowKey={(r) => r.proposal.id}
                        minWidth={960}
                        dim={view.isFetching}
                        columns={[
                          { header: t('finalists.col.rank'), cell: (r) => r.rank, style: { width: 80 } },
                          {
                            header: t('finalists.col.proposal'),
                            primary: true,
                            cell: (r) => (
                              <Stack gap={0}>
                                <Text size="sm" fw={600}>
                                  {r.proposal.code}
                                </Text>
                                <Text size="sm">{r.proposal.title}</Text>
                                <Text size="xs" c="dark.6">
                                  {r.proposal.institution} · {groupName(r.groupKey)}
                                </Text>
                              </Stack>
                            ),
                          },
                          {
                            header: t('finalists.col.score'),
                            cell: (r) => num(r.score, lang),
                            style: { width: 90 },
                          },
                          { header: t('finalists.col.status'), cell: badges, style: { minWidth: 150 } },
                          {
                            header: t('finalists.col.explanation'),
                            cell: (r) => <Text size="sm">{pick(r.explanation)}</Text>,
                          },
                        ]}
                      />
                      <AdminPager
                        total={d.lines.matching}
                        page={page}
                        pageSize={PAGE_SIZE}
                        onChange={setPage}
                      />
                    </>
                  )}
                </Paper>
                <ProvisionalCard key={`p${s.version}`} d={d} onDone={done} />
                <FinalCard d={d} onDone={done} />
              </>
            )}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
