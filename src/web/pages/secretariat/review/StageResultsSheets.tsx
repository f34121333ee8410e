import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReviewerSheets } from '../../../../contracts/review-sheets.js';
import { api } from '../../../api/client.js';
import { AdminDialog } from '../../../components/AdminFormDialog.js';
import { AdminInstant } from '../../../components/AdminInstant.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { useLang } from '../../../i18n/index.js';
import { StatusBadge } from '../../review/ReviewWorkPage.js';

const num = (x: number, lang: 'id' | 'en') => (lang === 'id' ? x.toFixed(2).replace('.', ',') : x.toFixed(2));

/**
 * Every reviewer's sheet of one proposal in a scored stage, by name (the presentation's panelists), in a
 * dialog over the secretariat's results page: status, final score, when it was sent, and each criterion's
 * score and comment once the sheet is submitted.
 */
export function StageResultsSheets({
  competitionId,
  stageId,
  proposal,
  onClose,
}: {
  competitionId: number;
  stageId: number;
  proposal: { id: number; code: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const res = useQuery({
    queryKey: ['reviewer-sheets', competitionId, stageId, proposal.id],
    queryFn: () =>
      api<ReviewerSheets>(
        'GET',
        `/competitions/${competitionId}/stages/${stageId}/proposals/${proposal.id}/sheets`,
      ),
  });
  const d = res.data;
  return (
    <AdminDialog title={t('stageResults.sheets.title', { code: proposal.code })} onClose={onClose} size="lg">
      <AdminQueryState isLoading={res.isLoading} error={res.error} onRetry={() => void res.refetch()}>
        {d && (
          <Stack gap="md" data-testid="reviewer-sheets">
            <Stack gap={2}>
              <Text fw={600}>{d.proposal.title}</Text>
              <Text size="sm" c="dark.6">
                {d.proposal.institution}
              </Text>
            </Stack>
            <Text size="sm">
              {d.stage.team === 'panel'
                ? t('stageResults.sheets.intro')
                : t('stageResults.sheets.introEvaluation')}
            </Text>
            {d.sheets.length === 0 && <Text size="sm">{t('stageResults.sheets.none')}</Text>}
            {d.sheets.map((s) => (
              <Card
                key={s.reviewerId}
                withBorder
                padding="sm"
                component="section"
                aria-labelledby={`sheet-${s.reviewerId}`}
                data-testid="reviewer-sheet"
              >
                <Stack gap="xs">
                  <Group gap="xs" justify="space-between" wrap="wrap">
                    <Title order={3} size="h4" id={`sheet-${s.reviewerId}`}>
                      {s.name}
                    </Title>
                    <StatusBadge status={s.status} />
                  </Group>
                  {s.status === 'submitted' ? (
                    <>
                      <Group gap="lg" wrap="wrap" align="flex-start">
                        {s.total !== null && (
                          <Text fw={700}>
                            {t('stageResults.sheets.total', { total: num(s.total, lang) })}
                          </Text>
                        )}
                        <Stack gap={0}>
                          <Text size="xs" c="dark.6">
                            {t('stageResults.sheets.submittedAt')}
                          </Text>
                          <AdminInstant iso={s.submittedAt} timeZone={d.stage.timeZone} />
                        </Stack>
                      </Group>
                      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                        {d.criteria.map((c) => {
                          const score = s.scores.find((x) => x.criterionId === c.id);
                          return (
                            <li key={c.id}>
                              <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                                <Text size="sm">
                                  {t('stageResults.sheets.criterion', {
                                    label: lang === 'id' ? c.labelId : c.labelEn,
                                    weight: c.weight,
                                  })}
                                </Text>
                                <Text size="sm" fw={700}>
                                  {score?.value ?? '—'}
                                </Text>
                              </Group>
                              <Text size="xs" c="dark.6">
                                {score?.comment || t('stageResults.sheets.noComment')}
                              </Text>
                            </li>
                          );
                        })}
                      </Stack>
                    </>
                  ) : (
                    <Text size="sm">
                      {s.status === 'draft'
                        ? t('stageResults.sheets.draft')
                        : t('stageResults.sheets.notStarted')}
                    </Text>
                  )}
                </Stack>
              </Card>
            ))}
          </Stack>
        )}
      </AdminQueryState>
    </AdminDialog>
  );
}
