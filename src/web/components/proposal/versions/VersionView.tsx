import { Alert, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProposalDetail } from '../../../../contracts/proposals.js';
import { DIFF_FIELDS } from '../../../../domain/proposal-diff-fields.js';
import { formatInstant } from '../../../../domain/time.js';
import { api } from '../../../api/client.js';
import { useLang } from '../../../i18n/index.js';
import { fieldLabel, sectionLabel, valueLabel } from './labels.js';

interface Snapshot {
  links?: { label: string; url: string }[];
  answers?: Record<string, string>;
  attachments?: { name: string; sectionKey: string | null; size: number }[];
  [key: string]: unknown;
}

/** One version opened: the whole proposal as it was then, read only (fields, answers, evidence). */
export function VersionView({ detail, revisionId }: { detail: ProposalDetail; revisionId: number }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const q = useQuery({
    queryKey: ['proposal', detail.id, 'revision', revisionId],
    queryFn: () =>
      api<{ number: number; savedAt: string; snapshot: Snapshot }>(
        'GET',
        `/proposals/${detail.id}/revisions/${revisionId}`,
      ),
  });
  if (q.error) return <Alert color="red">{t('versions.loadFailed')}</Alert>;
  if (!q.data) return null;
  const s = q.data.snapshot;
  const text = (key: string) => {
    if (key === 'links') return (s.links ?? []).map((l) => `${l.label} ${l.url}`).join('\n');
    const v = s[key];
    return v === null || v === undefined ? '' : valueLabel(key, String(v), detail, lang, t);
  };
  const answers = s.answers ?? {};
  const sectionKeys = [
    ...detail.form.map((f) => f.key),
    ...Object.keys(answers).filter((k) => !detail.form.some((f) => f.key === k)),
  ];
  const empty = t('proposals.editor.noAnswer');
  return (
    <Stack gap="sm" aria-live="polite">
      <Title order={3} size="h4">
        {t('versions.viewTitle', { n: q.data.number })}
      </Title>
      <Text size="sm" c="dark.6">
        {t('versions.viewIntro', { at: formatInstant(q.data.savedAt, detail.timeZone, lang) })}
      </Text>
      <Card withBorder padding="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" spacing="sm" style={{ margin: 0 }}>
          {DIFF_FIELDS.filter((k) => k !== 'sourceAwardId' || s[k] != null).map((k) => (
            <div key={k}>
              <Text component="dt" size="sm" fw={600} c="dark.6">
                {fieldLabel(k, t)}
              </Text>
              <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {text(k) || empty}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Card>
      {sectionKeys.map((k) => (
        <Card withBorder padding="sm" key={k}>
          <Title order={4} size="h5" mb={4}>
            {sectionLabel(detail, k, lang)}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{answers[k] || empty}</Text>
        </Card>
      ))}
      <Card withBorder padding="sm">
        <Title order={4} size="h5" mb={4}>
          {t('versions.evidence')}
        </Title>
        {(s.attachments ?? []).length === 0 ? (
          <Text size="sm">{t('versions.evidenceNone')}</Text>
        ) : (
          <List size="sm">
            {(s.attachments ?? []).map((a, i) => (
              <List.Item key={i}>
                {a.name}
                {a.sectionKey ? ` — ${sectionLabel(detail, a.sectionKey, lang)}` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Card>
    </Stack>
  );
}
