import { useState } from 'react';
import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { formatAt } from '../../components/AdminTime.js';
import { AdminNotice, AdminPage } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { apiErrorMessages } from '../../components/forms.js';
import { useLang } from '../../i18n/index.js';
import type { RetentionResponse } from '../../../contracts/erasure.js';

/*
 * "Retensi data pribadi" (the system administrator): how many days the installation keeps failed sign-ins,
 * expired sessions, finished mail bodies, read notifications and used links; the daily job applies them.
 * Audit rows are the competition record and are not subject to retention (the page says so).
 */

const KEYS = ['loginFailureDays', 'sessionDays', 'mailBodyDays', 'notificationDays', 'tokenDays'] as const;
type Key = (typeof KEYS)[number];

function RetentionForm({ data }: { data: RetentionResponse }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<Key, string>>(
    () => Object.fromEntries(KEYS.map((k) => [k, String(data.settings[k])])) as Record<Key, string>,
  );
  const save = useMutation({
    // A number when it reads as one; anything else goes as typed, so the server names the field.
    mutationFn: () =>
      api<RetentionResponse>(
        'PUT',
        '/admin/retention',
        Object.fromEntries(
          KEYS.map((k) => [k, /^\s*-?\d+(\.\d+)?\s*$/.test(values[k]) ? Number(values[k]) : values[k]]),
        ),
      ),
    onSuccess: (res) => {
      qc.setQueryData(['admin-retention'], res);
      notifications.show({ color: 'green', message: t('erasure.retention.saved') });
    },
  });
  const err = save.error ? apiErrorMessages(save.error, lang) : null;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        {err && (
          <AdminNotice tone="danger" role="alert">
            {err.general}
          </AdminNotice>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {KEYS.map((k) => (
            <TextInput
              key={k}
              label={t(`erasure.retention.${k}`)}
              description={t('erasure.retention.defaultIs', {
                n: data.defaults[k],
                min: data.bounds[k].min,
                max: data.bounds[k].max,
              })}
              rightSection={
                <Text size="xs" c="dark.6" pr="xs">
                  {t('erasure.retention.days')}
                </Text>
              }
              rightSectionWidth={48}
              inputMode="numeric"
              value={values[k]}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setValues((s) => ({ ...s, [k]: v }));
              }}
              disabled={!data.abilities.edit}
              error={err?.fields[k]}
            />
          ))}
        </SimpleGrid>
        {data.abilities.edit && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('erasure.retention.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

export function RetentionPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const q = useQuery({
    queryKey: ['admin-retention'],
    queryFn: () => api<RetentionResponse>('GET', '/admin/retention'),
  });
  return (
    <AdminPage>
      <div>
        <Title order={1}>{t('erasure.retention.title')}</Title>
        <Text c="dark.6">{t('erasure.retention.intro')}</Text>
      </div>
      <AdminNotice tone="info">{t('erasure.retention.auditNote')}</AdminNotice>
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {q.data && (
          <Card withBorder>
            <RetentionForm key={q.data.updatedAt ?? 'defaults'} data={q.data} />
            <Text size="sm" c="dark.6" mt="sm">
              {t('erasure.retention.updated')}:{' '}
              {q.data.updatedAt
                ? `${formatAt(q.data.updatedAt, 'Asia/Jakarta', lang)} · ${q.data.updatedBy?.name ?? ''}`
                : t('erasure.retention.never')}
            </Text>
          </Card>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
