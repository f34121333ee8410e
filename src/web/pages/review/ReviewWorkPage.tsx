import { Anchor, Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EvaluationStatus, WorkList } from '../../../contracts/review.js';
import { api } from '../../api/client.js';
import { AdminPage } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { Deadline } from '../../components/Deadline.js';
import { useLang } from '../../i18n/index.js';

const STATUS_COLOR: Record<EvaluationStatus, string> = {
  not_started: 'gray.7',
  draft: 'yellow.9',
  submitted: '#1b5e20',
};

export function StatusBadge({ status }: { status: EvaluationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="filled"
      // The word reads whole even in a narrow column (a phone): the badge never shrinks below it.
      styles={{ root: { textTransform: 'none', flexShrink: 0 }, label: { overflow: 'visible' } }}
    >
      {t(`review.status.${status}`)}
    </Badge>
  );
}

/** /penilaian: the evaluator's active assignments per competition and stage, with the closing and a countdown. */
export function ReviewWorkPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const work = useQuery({
    queryKey: ['review', 'work'],
    queryFn: () => api<WorkList>('GET', '/review/work'),
  });
  return (
    <AdminPage>
      <Title order={1}>{t('review.work.title')}</Title>
      <Text>{t('review.work.intro')}</Text>
      <AdminQueryState isLoading={work.isLoading} error={work.error} onRetry={() => void work.refetch()} />
      {work.data &&
        ((data) =>
          data.competitions.length === 0 ? (
            <Text>{t('review.work.empty')}</Text>
          ) : (
            <Stack gap="lg">
              {data.competitions.map((c) =>
                c.stages.map((s) => (
                  <Card
                    key={s.id}
                    withBorder
                    padding="md"
                    component="section"
                    aria-labelledby={`stage-${s.id}`}
                  >
                    <Stack gap="sm">
                      <Title order={2} size="h3" id={`stage-${s.id}`}>
                        {lang === 'id' ? s.nameId : s.nameEn} — {c.name}
                      </Title>
                      {s.closesAt && (
                        <Deadline
                          at={s.closesAt}
                          timeZone={s.timeZone}
                          label={t('review.work.closes')}
                          passedLabel={t('review.work.closed')}
                        />
                      )}
                      <Text size="sm">{t('review.work.counts', s.counts)}</Text>
                      <>
                        <Table striped>
                          <Table.Thead>
                            <Table.Tr>
                              <Table.Th>{t('review.work.proposal')}</Table.Th>
                              <Table.Th>{t('review.work.statusLabel')}</Table.Th>
                              <Table.Th>{t('review.work.total')}</Table.Th>
                            </Table.Tr>
                          </Table.Thead>
                          <Table.Tbody>
                            {s.items.map((i) => (
                              <Table.Tr key={i.assignmentId}>
                                <Table.Td>
                                  <Anchor component={Link} to={`/penilaian/${i.assignmentId}`}>
                                    {i.proposal.code} — {i.proposal.title}
                                  </Anchor>
                                </Table.Td>
                                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                                  <StatusBadge status={i.status} />
                                </Table.Td>
                                <Table.Td>{i.total ?? '—'}</Table.Td>
                              </Table.Tr>
                            ))}
                          </Table.Tbody>
                        </Table>
                      </>
                    </Stack>
                  </Card>
                )),
              )}
            </Stack>
          ))(work.data)}
    </AdminPage>
  );
}
