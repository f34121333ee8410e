import { Link } from 'react-router';
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconPresentation } from '@tabler/icons-react';

/** On a finalist's proposal page: the way to its presentation (slot, letter, upload, rescheduling). */
export function PresentationLink({ proposalId }: { proposalId: number }) {
  const { t } = useTranslation();
  return (
    <Alert color="indigo" icon={<IconPresentation size={20} aria-hidden />} data-testid="presentation-link">
      <Stack gap={4}>
        <Text size="sm">{t('presentationParticipant.proposalLinkIntro')}</Text>
        <Anchor component={Link} to={`/presentasi/${proposalId}`} fw={600}>
          {t('presentationParticipant.proposalLink')}
        </Anchor>
      </Stack>
    </Alert>
  );
}
