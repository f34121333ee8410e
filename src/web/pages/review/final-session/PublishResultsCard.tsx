import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconSpeakerphone } from '@tabler/icons-react';
import type { PlenaryResponse } from '../../../../contracts/results.js';
import { api } from '../../../api/client.js';
import { NumberedPublishCard } from '../../../components/NumberedPublishCard.js';

/** Publishing the results: the decree written in full, a confirmation naming the consequences. */
export function PublishResultsCard({ d, onDone }: { d: PlenaryResponse; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const finalists = d.groups.reduce((n, g) => n + g.finalists.length, 0);
  const awarded = d.groups.reduce((n, g) => n + g.finalists.filter((f) => f.decision?.awardKey).length, 0);
  return (
    <NumberedPublishCard
      id="results-publish"
      title={t('results.publish.title')}
      label={t('results.publish.decree')}
      hint={t('results.publish.decreeHint')}
      field="decreeNumber"
      icon={<IconSpeakerphone size={16} aria-hidden />}
      buttonLabel={t('results.publish.button')}
      color="red.9"
      disabled={!d.abilities.publish}
      publish={(decreeNumber) =>
        api<{ awarded: number; finalists: number; mails: number }>(
          'POST',
          `/competitions/${d.competition.id}/final-session/publish`,
          { decreeNumber },
        )
      }
      onPublished={(r) => onDone(t('results.publish.done', r))}
      confirmTitle={t('results.publish.confirmTitle', { count: finalists })}
      confirmLabel={t('results.publish.confirm')}
      confirmBody={(decree) => (
        <>
          <Text size="sm">{t('results.publish.confirmPublic', { decree })}</Text>
          <Text size="sm">{t('results.publish.confirmRegistry', { awarded })}</Text>
          <Text size="sm">{t('results.publish.confirmNotice')}</Text>
          <Text size="sm" fw={700}>
            {t('results.publish.irreversible')}
          </Text>
        </>
      )}
    />
  );
}
