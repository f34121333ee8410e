import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatAt } from '../../../components/AdminTime.js';
import { useLang } from '../../../i18n/index.js';
import type { PresentationView } from './types.js';

/** The settings as text, once they can no longer change (the schedule is published). */
export function SettingsSummary({ d }: { d: PresentationView }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const s = d.settings;
  const item = (label: string, value: string) => (
    <Stack gap={0}>
      <Text size="sm" fw={700}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    </Stack>
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="presentation-settings">
      <Title order={2} size="h3" id="presentation-settings" mb="sm">
        {t('presentation.settings.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        {item(
          t('presentation.settings.slot'),
          t('presentation.settings.slotValue', {
            presentation: s.presentationMinutes,
            interview: s.interviewMinutes,
            buffer: s.bufferMinutes,
          }),
        )}
        {item(t('presentation.settings.quorum'), String(s.quorum))}
        {item(
          t('presentation.settings.uploadDeadline'),
          s.uploadDeadline ? formatAt(s.uploadDeadline, d.competition.timeZone, lang) : '—',
        )}
        {item(t('presentation.settings.letterPattern'), s.letterPattern)}
        {item(t('presentation.settings.bringId'), s.bringId)}
        {item(t('presentation.settings.bringEn'), s.bringEn)}
      </SimpleGrid>
    </Paper>
  );
}
