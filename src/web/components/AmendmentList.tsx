import { Box, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Amendment } from '../../contracts/competitions.js';
import { useLang } from '../i18n/index.js';
import { InstantText } from './InstantText.js';

/**
 * The amendments (Adendum) of a published competition on its public page, newest first: number, date, what
 * changed and why. Every text is rendered as text.
 */
export function AmendmentList({ amendments, timeZone }: { amendments: Amendment[]; timeZone: string }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  if (!amendments.length) return null;
  return (
    <Box component="section" aria-labelledby="amendments-title">
      <Title order={2} id="amendments-title" mb={4}>
        {t('guard.amendment.listTitle')}
      </Title>
      <Text size="sm" c="gray.8" mb="md">
        {t('guard.amendment.listIntro')}
      </Text>
      <Stack gap="sm">
        {[...amendments].reverse().map((a) => (
          <Paper key={a.id} withBorder p="md" radius="md" data-testid="amendment">
            <Text fw={700}>{a.number}</Text>
            <InstantText iso={a.createdAt} timeZone={timeZone} />
            <List size="sm" mt="xs" spacing={4}>
              {a.changes.map((c, i) => (
                <List.Item key={i}>{pick(c)}</List.Item>
              ))}
            </List>
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-line' }}>
              {t('guard.amendment.reason', {
                reason: pick({ id: a.reasonId, en: a.reasonEn ?? a.reasonId }),
              })}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Box>
  );
}
