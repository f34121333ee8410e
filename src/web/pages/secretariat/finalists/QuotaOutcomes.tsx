import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FinalistsResponse } from '../../../../contracts/finalists.js';
import { AdminDataTable } from '../../../components/AdminDataTable.js';
import { useLang } from '../../../i18n/index.js';

type Row = NonNullable<FinalistsResponse['selection']>['quotaOutcomes'][number];

/** Each quota: its minimum and maximum, the candidates it counts, and how many without quotas and selected. */
export function QuotaOutcomes({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const n = (x: number | null) => (x === null ? '—' : x);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="finalists-quotas">
      <Title order={2} size="h3" id="finalists-quotas" mb="sm">
        {t('finalists.quotaTitle')}
      </Title>
      <AdminDataTable
        rows={rows}
        rowKey={(r) => r.key}
        minWidth={640}
        columns={[
          {
            header: t('finalists.quotaCol.quota'),
            primary: true,
            cell: (r) => (
              <Text size="sm" fw={600}>
                {pick(r.label)}
              </Text>
            ),
          },
          { header: t('finalists.quotaCol.min'), cell: (r) => n(r.min) },
          { header: t('finalists.quotaCol.max'), cell: (r) => n(r.max) },
          { header: t('finalists.quotaCol.available'), cell: (r) => r.available },
          { header: t('finalists.quotaCol.plain'), cell: (r) => r.plainCount },
          { header: t('finalists.quotaCol.selected'), cell: (r) => r.selectedCount },
        ]}
      />
    </Paper>
  );
}
