import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProposalDiffDto } from '../../../../contracts/proposal-versions.js';
import type { ProposalDetail } from '../../../../contracts/proposals.js';
import { useLang } from '../../../i18n/index.js';
import { DiffText } from './DiffText.js';
import { fieldLabel, sectionLabel, valueLabel } from './labels.js';

/**
 * Two versions compared: each changed field and section with its word-level changes; the unchanged ones
 * collapsed into one line that opens to show them; the evidence added and removed.
 */
export function DiffView({
  diff,
  detail,
  headingOrder = 3,
}: {
  diff: ProposalDiffDto;
  detail: ProposalDetail;
  headingOrder?: 3 | 4;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const rows = [
    ...diff.fields.map((f) => ({ ...f, label: fieldLabel(f.key, t), field: true })),
    ...diff.answers.map((s) => ({ ...s, label: sectionLabel(detail, s.key, lang), field: false })),
  ];
  const changed = rows.filter((r) => r.changed);
  // An award of origin that neither version has (every group but replikasi) is not worth listing.
  const unchanged = rows.filter((r) => !r.changed && !(r.key === 'sourceAwardId' && r.parts.length === 0));
  const { added, removed } = diff.evidence;
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge color={diff.changedCount ? 'orange' : 'gray'} variant="light" c="dark.8">
          {diff.changedCount
            ? t('versions.changedCount', { count: diff.changedCount })
            : t('versions.noChanges')}
        </Badge>
        <Text size="sm" c="dark.6">
          {t('versions.legend')}
        </Text>
      </Group>
      {changed.map((r) => (
        <Card withBorder key={`${r.field ? 'f' : 's'}-${r.key}`} padding="sm">
          <Title order={headingOrder} size="h5" mb={4}>
            {r.label}
          </Title>
          <DiffText
            parts={r.parts}
            show={r.field ? (s) => valueLabel(r.key, s, detail, lang, t) : undefined}
          />
        </Card>
      ))}
      {(added.length > 0 || removed.length > 0) && (
        <Card withBorder padding="sm">
          <Title order={headingOrder} size="h5" mb={4}>
            {t('versions.evidence')}
          </Title>
          <List size="sm" spacing={2}>
            {added.map((e) => (
              <List.Item key={`a-${e.sha256}-${e.name}`}>
                <ins className="diff-ins">
                  {t('versions.evidenceAdded')}: {e.name}
                </ins>
              </List.Item>
            ))}
            {removed.map((e) => (
              <List.Item key={`r-${e.sha256}-${e.name}`}>
                <del className="diff-del">
                  {t('versions.evidenceRemoved')}: {e.name}
                </del>
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      {unchanged.length > 0 && (
        <details>
          <summary style={{ cursor: 'pointer' }}>
            <Text component="span" size="sm" fw={600}>
              {t('versions.unchanged', { count: unchanged.length })}
              {added.length === 0 && removed.length === 0 ? ` · ${t('versions.evidenceSame')}` : ''}
            </Text>
          </summary>
          <List size="sm" mt="xs">
            {unchanged.map((r) => (
              <List.Item key={`${r.field ? 'f' : 's'}-${r.key}`}>{r.label}</List.Item>
            ))}
          </List>
        </details>
      )}
    </Stack>
  );
}
