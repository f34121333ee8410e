import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AdminDataTable } from '../../../components/AdminDataTable.js';
import { useLang } from '../../../i18n/index.js';
import type { PanelAbstentionItem } from '../../../../contracts/assignments.js';

/** Who abstains on which finalist and why (a stage the whole panel scores: the presentation). */
export function PanelAbstentions({ items }: { items: PanelAbstentionItem[] }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  return (
    <section aria-labelledby="abstentions-title">
      <Title order={2} size="h3" id="abstentions-title" mb="xs">
        {t('assignments.abstentionsTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {t('assignments.abstentionsIntro')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm">{t('assignments.abstentionsNone')}</Text>
      ) : (
        <AdminDataTable
          rows={items}
          rowKey={(a) => `${a.proposal.id}:${a.reviewer.id}`}
          minWidth={640}
          verticalSpacing="xs"
          columns={[
            {
              header: t('assignments.abstainPanelist'),
              primary: true,
              cell: (a) => (
                <Text size="sm" fw={600}>
                  {a.reviewer.name}
                </Text>
              ),
            },
            {
              header: t('assignments.abstainFinalist'),
              cell: (a) => (
                <Stack gap={0}>
                  <Text size="sm">
                    <b>{a.proposal.code}</b> {a.proposal.title}
                  </Text>
                  <Text size="sm" c="dark.6">
                    {a.proposal.institution}
                  </Text>
                </Stack>
              ),
            },
            {
              header: t('assignments.abstainReason'),
              cell: (a) => (
                <Stack gap={0}>
                  <Text size="sm">{a.reasons.map((r) => pick(r)).join('; ')}</Text>
                  {a.withdrawnAssignmentId !== null && (
                    <Text size="sm" c="dark.6">
                      {t('assignments.abstainWithdrawn')}
                    </Text>
                  )}
                </Stack>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
