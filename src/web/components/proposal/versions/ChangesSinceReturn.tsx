import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ChangesSinceReturn as Changes } from '../../../../contracts/proposal-versions.js';
import type { ProposalDetail } from '../../../../contracts/proposals.js';
import { formatInstant } from '../../../../domain/time.js';
import { api } from '../../../api/client.js';
import { useLang } from '../../../i18n/index.js';
import { DiffView } from './DiffView.js';
import { ORANGE_TITLE } from '../ProposalBits.js';

/**
 * At the top of a proposal sent again after a return: what the unit changed since, with the note it was
 * returned with, so the admin lokal reads only that. Shown while the proposal waits for the admin lokal.
 */
export function ChangesSinceReturn({ detail }: { detail: ProposalDetail }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const waiting = detail.state === 'sent_to_local_admin';
  const q = useQuery({
    queryKey: ['proposal', detail.id, 'changes-since-return', detail.version],
    queryFn: () => api<Changes>('GET', `/proposals/${detail.id}/changes-since-return`),
    enabled: waiting,
  });
  const change = q.data?.change;
  if (!waiting || !change) return null;
  const at = (iso: string) => formatInstant(iso, detail.timeZone, lang);
  const system = t('proposals.editor.bySystem');
  return (
    <Card withBorder id="changes-since-return" style={{ borderColor: 'var(--mantine-color-orange-6)' }}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('versions.sinceTitle', { at: at(change.returned.createdAt) })}
        </Title>
        <Text size="sm" c="dark.6">
          {t('versions.sinceIntro', {
            by: change.returned.savedBy?.name ?? system,
            resentBy: change.resent.savedBy?.name ?? system,
            resentAt: at(change.resent.createdAt),
          })}
        </Text>
        {change.note && (
          <Alert color="orange" title={t('versions.note')} styles={ORANGE_TITLE}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{change.note}</Text>
          </Alert>
        )}
        <DiffView diff={change.diff} detail={detail} />
      </Stack>
    </Card>
  );
}
