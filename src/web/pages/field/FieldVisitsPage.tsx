import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FieldVisit } from '../../../contracts/field-verification.js';
import { formatInstant } from '../../../domain/time.js';
import { api } from '../../api/client.js';
import { AdminPage } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { useLang } from '../../i18n/index.js';
import { registerFieldShell } from './fieldShell.js';

/** /verifikasi-lapangan: the verifier's visits by date (phone first). */
export function FieldVisitsPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  useEffect(registerFieldShell, []);
  const q = useQuery({
    queryKey: ['field', 'mine'],
    queryFn: () => api<{ items: FieldVisit[] }>('GET', '/field-visits/mine'),
  });
  return (
    <AdminPage>
      <Title order={1}>{t('field.listTitle')}</Title>
      <Text>{t('field.listIntro')}</Text>
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()} />
      {q.data && q.data.items.length === 0 && <Text>{t('field.empty')}</Text>}
      <Stack gap="sm">
        {q.data?.items.map((v) => (
          <Card key={v.id} withBorder padding="sm" component="article" aria-labelledby={`visit-${v.id}`}>
            <Stack gap={4}>
              <Group gap="xs">
                <Badge
                  color={v.kind === 'open' ? 'blue.8' : 'gray.8'}
                  variant="filled"
                  style={{ textTransform: 'none' }}
                >
                  {t(`field.kind.${v.kind}`)}
                </Badge>
                <Badge color="dark" variant="outline" style={{ textTransform: 'none' }}>
                  {t(`field.status.${v.status}`)}
                </Badge>
              </Group>
              <Title order={2} size="h4" id={`visit-${v.id}`}>
                {v.proposal.code} — {v.proposal.title}
              </Title>
              <Text size="sm">{v.proposal.institution}</Text>
              <Text size="sm">
                {t('field.when')}: {formatInstant(v.startsAt, v.timeZone, lang)}
              </Text>
              <Text size="sm">
                {t('field.where')}: {v.address}
              </Text>
              <Anchor component={Link} to={`/verifikasi-lapangan/${v.id}`}>
                {t('field.open')} {v.proposal.code}
              </Anchor>
            </Stack>
          </Card>
        ))}
      </Stack>
    </AdminPage>
  );
}
