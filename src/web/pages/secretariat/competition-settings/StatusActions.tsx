import { useState } from 'react';
import { Alert, Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CompetitionDetail, CompetitionImpact } from '../../../../contracts/competitions.js';
import { api } from '../../../api/client.js';
import { formatAt } from '../../../components/AdminTime.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';

/**
 * Publish and unpublish, each behind a confirmation that states its consequences in numbers from
 * GET /competitions/:id/impact. Unpublishing a competition that holds proposals is refused by the API; the
 * dialog then says why (with the counts) and offers only to close.
 */
export function StatusActions({ def, dirty }: { def: CompetitionDetail; dirty: boolean }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const qc = useQueryClient();
  const [asking, setAsking] = useState<'publish' | 'unpublish' | null>(null);
  const published = def.status === 'published';
  const impact = useQuery({
    queryKey: ['competition', String(def.id), 'impact'],
    queryFn: () => api<CompetitionImpact>('GET', `/competitions/${def.id}/impact`),
    enabled: asking !== null,
    staleTime: 0,
  });
  const transition = useMutation({
    mutationFn: (action: 'publish' | 'unpublish') =>
      api<unknown>('POST', `/competitions/${def.id}/${action}`),
    onSuccess: async (_res, action) => {
      setAsking(null);
      await qc.invalidateQueries({ queryKey: ['competition', String(def.id)] });
      await qc.invalidateQueries({ queryKey: ['competitions'] });
      notifications.show({
        color: 'green',
        message: t(
          action === 'publish'
            ? 'secretariat.settings.publishedNotice'
            : 'secretariat.settings.unpublishedNotice',
        ),
      });
    },
    onError: () => setAsking(null),
  });
  const error = transition.error ? apiErrorMessages(transition.error, lang) : null;
  if (!def.abilities.manage || (!def.abilities.publish && !published)) return null;

  const close = () => setAsking(null);
  const data = impact.data;
  const at = (iso: string | null) => (iso ? formatAt(iso, data?.timeZone ?? def.timeZone, lang) : '—');

  return (
    <Stack gap={4} align="flex-end">
      {published ? (
        <Button variant="default" onClick={() => (transition.reset(), setAsking('unpublish'))}>
          {t('secretariat.settings.unpublish')}
        </Button>
      ) : (
        <Button color="#1b5e20" disabled={dirty} onClick={() => (transition.reset(), setAsking('publish'))}>
          {t('secretariat.settings.publish')}
        </Button>
      )}
      {dirty && !published && (
        <Text size="xs" c="dark.6">
          {t('secretariat.settings.saveBeforePublish')}
        </Text>
      )}
      {error && (
        <AdminNotice tone="danger" role="alert" withCloseButton onClose={() => transition.reset()}>
          {error.general}
          {Object.keys(error.fields).length > 0 && (
            <List size="sm" mt="xs">
              {Object.entries(error.fields).map(([p, msg]) => (
                <List.Item key={p}>{msg}</List.Item>
              ))}
            </List>
          )}
        </AdminNotice>
      )}
      {asking && (
        <Modal
          opened
          onClose={close}
          title={t(asking === 'publish' ? 'guard.publish.title' : 'guard.unpublish.title')}
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          {!data ? (
            <Group gap="xs" aria-live="polite">
              <Loader size="sm" />
              <Text size="sm">{t('guard.loading')}</Text>
            </Group>
          ) : (
            <Stack gap="sm" data-testid={`confirm-${asking}`}>
              {asking === 'publish' ? (
                <List size="sm" spacing={6}>
                  <List.Item>{t('guard.publish.public')}</List.Item>
                  <List.Item>
                    {t('guard.publish.window', {
                      opens: at(data.submission.opensAt),
                      closes: at(data.submission.closesAt),
                    })}
                  </List.Item>
                  <List.Item>{t('guard.publish.reminders')}</List.Item>
                  <List.Item>{t('guard.publish.locked')}</List.Item>
                </List>
              ) : (
                <>
                  <Text size="sm" fw={700}>
                    {t('guard.unpublish.counts', data.proposals)}
                  </Text>
                  {data.unpublish.allowed ? (
                    <List size="sm" spacing={6}>
                      <List.Item>{t('guard.unpublish.hidden')}</List.Item>
                      <List.Item>
                        {t('guard.unpublish.jobs', { reminders: data.pendingJobs.reminders })}
                      </List.Item>
                    </List>
                  ) : (
                    <Alert color="red" title={t('guard.unpublish.refused')} role="alert">
                      {data.unpublish.reason && pick(data.unpublish.reason)}
                    </Alert>
                  )}
                </>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close} data-autofocus>
                  {t('guard.cancel')}
                </Button>
                {(asking === 'publish' || data.unpublish.allowed) && (
                  <Button
                    color={asking === 'publish' ? '#1b5e20' : 'red.9'}
                    loading={transition.isPending}
                    onClick={() => transition.mutate(asking)}
                  >
                    {t(asking === 'publish' ? 'guard.publish.confirm' : 'guard.unpublish.confirm')}
                  </Button>
                )}
              </Group>
            </Stack>
          )}
        </Modal>
      )}
    </Stack>
  );
}
