import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * "Unduh data pribadi saya" (UU PDP 27/2022): a plain link to the person's own data file; the server answers
 * with an attachment, so the browser saves it without leaving the page.
 */
export function PersonalDataSection() {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      component="section"
      aria-labelledby="personal-data"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="personal-data">
          {t('personalData.title')}
        </Title>
        <Text size="sm">{t('personalData.intro')}</Text>
        <div>
          <Button
            component="a"
            href="/api/me/personal-data"
            download
            variant="outline"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('personalData.download')}
          </Button>
        </div>
        <Text size="xs" c="dimmed">
          {t('personalData.note')}
        </Text>
      </Stack>
    </Paper>
  );
}
