import type { ReactNode } from 'react';
import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/index.js';
import { apiErrorMessages } from './forms.js';
import { AdminNotice } from './AdminPage.js';

/** Loading spinner or an error alert with a retry button; renders children once the data is there. */
export function AdminQueryState({
  isLoading,
  error,
  onRetry,
  children,
}: {
  isLoading: boolean;
  error: unknown;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  if (isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (error) {
    const { general } = apiErrorMessages(error, lang);
    return (
      <AdminNotice tone="danger" role="alert" title={t('secretariat.loadFailed')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{general}</Text>
          {onRetry && (
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('secretariat.retry')}
            </Button>
          )}
        </Stack>
      </AdminNotice>
    );
  }
  return <>{children}</>;
}
