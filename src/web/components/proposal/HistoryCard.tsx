import { Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalDetail } from '../../../contracts/proposals.js';
import { api } from '../../api/client.js';
import { AdminInstant } from '../AdminInstant.js';
import { VersionCompare } from './versions/VersionCompare.js';
import { VersionView } from './versions/VersionView.js';

interface Revision {
  id: number;
  /** 1 for the oldest entry, counting up without gaps. */
  number: number;
  kind: 'autosave' | 'transition';
  action: string | null;
  /** null: the system (the closing). */
  savedBy: { id: number; name: string } | null;
  savedAt: string;
  /** The admin lokal's note, on a return. */
  note: string | null;
}

/**
 * The proposal's versions, newest first, each saying what it is, who and when (hour and zone); any one
 * opened read-only, any two compared word by word.
 */
export function HistoryCard({ detail }: { detail: ProposalDetail }) {
  const { t } = useTranslation();
  const id = detail.id;
  const revs = useQuery({
    queryKey: ['proposal', id, 'revisions'],
    queryFn: () => api<{ items: Revision[] }>('GET', `/proposals/${id}/revisions`),
  });
  const [opened, setOpened] = useState<number | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [compared, setCompared] = useState<[number, number] | null>(null);
  const items = revs.data?.items ?? [];
  const numberOf = (rid: number) => items.find((r) => r.id === rid)?.number ?? 0;
  const toggle = (rid: number, on: boolean) =>
    setPicked((p) => (on ? [...p.filter((x) => x !== rid), rid].slice(-2) : p.filter((x) => x !== rid)));
  const kindOf = (r: Revision) =>
    r.kind === 'autosave'
      ? t('proposals.editor.kindAutosave')
      : t(`proposals.editor.actions.${r.action ?? 'other'}`, {
          defaultValue: t('proposals.editor.kindTransition'),
        });
  return (
    <Card withBorder id="history">
      <Title order={2} size="h3" mb="xs">
        {t('proposals.editor.history')}
      </Title>
      <Text size="sm" c="dark.6" mb="sm">
        {t('versions.intro')}
      </Text>
      {revs.data && items.length === 0 && <Text>{t('proposals.editor.historyEmpty')}</Text>}
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((r, i) => (
          <li key={r.id} className="version-list-item" aria-current={opened === r.id ? 'true' : undefined}>
            <Group gap="sm" wrap="wrap" align="flex-start" justify="space-between">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <Checkbox
                  mt={2}
                  checked={picked.includes(r.id)}
                  onChange={(e) => toggle(r.id, e.currentTarget.checked)}
                  aria-label={t('versions.pick', { n: r.number })}
                />
                <div>
                  <Text fw={600} size="sm">
                    {t('versions.number', { n: r.number })}
                    {i === 0 ? ` (${t('versions.current')})` : ''} · {kindOf(r)}
                  </Text>
                  <Text size="sm" c="dark.6">
                    {r.savedBy
                      ? t('proposals.editor.by', { name: r.savedBy.name })
                      : t('proposals.editor.bySystem')}
                  </Text>
                  <AdminInstant iso={r.savedAt} timeZone={detail.timeZone} size="xs" />
                  {r.note && (
                    <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      <Text component="span" fw={600} size="sm">
                        {t('versions.note')}:
                      </Text>{' '}
                      {r.note}
                    </Text>
                  )}
                </div>
              </Group>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setCompared(null);
                  setOpened(opened === r.id ? null : r.id);
                }}
                aria-expanded={opened === r.id}
                aria-controls="version-detail"
              >
                {t('versions.open', { n: r.number })}
              </Button>
            </Group>
          </li>
        ))}
      </Stack>
      {items.length > 1 && (
        <Group mt="md" gap="sm">
          <Button
            size="sm"
            disabled={picked.length !== 2}
            onClick={() => {
              setOpened(null);
              setCompared([picked[0]!, picked[1]!]);
            }}
            aria-controls="version-detail"
          >
            {picked.length === 2
              ? t('versions.compare', {
                  a: Math.min(numberOf(picked[0]!), numberOf(picked[1]!)),
                  b: Math.max(numberOf(picked[0]!), numberOf(picked[1]!)),
                })
              : t('versions.pickTwo')}
          </Button>
        </Group>
      )}
      <div id="version-detail">
        {(opened !== null || compared) && (
          <Stack mt="md" gap="sm">
            {opened !== null && <VersionView detail={detail} revisionId={opened} />}
            {compared && <VersionCompare detail={detail} ids={compared} />}
            <Group>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => {
                  setOpened(null);
                  setCompared(null);
                }}
              >
                {t('versions.close')}
              </Button>
            </Group>
          </Stack>
        )}
      </div>
    </Card>
  );
}
