import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { AdminInstant } from '../AdminInstant.js';

interface Revision {
  id: number;
  version: number;
  kind: 'autosave' | 'transition';
  action: string | null;
  /** null: the system (the closing). */
  savedBy: { id: number; name: string } | null;
  savedAt: string;
}

/** The proposal's versions, newest first: autosaves (one a minute at most) and state changes. */
export function HistoryCard({ id }: { id: number }) {
  const { t } = useTranslation();
  const revs = useQuery({
    queryKey: ['proposal', id, 'revisions'],
    queryFn: () => api<{ items: Revision[] }>('GET', `/proposals/${id}/revisions`),
  });
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        {t('proposals.editor.history')}
      </Title>
      {revs.data && revs.data.items.length === 0 && <Text>{t('proposals.editor.historyEmpty')}</Text>}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {revs.data?.items.map((r) => (
          <li key={r.id}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} size="sm">
                {t('proposals.editor.version', { v: r.version })}
              </Text>
              <Text size="sm" c="gray.7">
                {r.kind === 'autosave'
                  ? t('proposals.editor.kindAutosave')
                  : t(`proposals.editor.actions.${r.action ?? 'other'}`, {
                      defaultValue: t('proposals.editor.kindTransition'),
                    })}{' '}
                ·{' '}
                {r.savedBy
                  ? t('proposals.editor.by', { name: r.savedBy.name })
                  : t('proposals.editor.bySystem')}
              </Text>
            </Group>
            <AdminInstant iso={r.savedAt} size="xs" />
          </li>
        ))}
      </Stack>
    </Card>
  );
}
