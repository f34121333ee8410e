import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconSpeakerphone } from '@tabler/icons-react';
import type { PlenaryResponse } from '../../../../contracts/results.js';
import { api } from '../../../api/client.js';
import { AdminConfirmDialog } from '../../../components/AdminFormDialog.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';

/** Publishing the results: the decree written in full, a confirmation naming the consequences. */
export function PublishResultsCard({ d, onDone }: { d: PlenaryResponse; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [decree, setDecree] = useState('');
  const [confirming, setConfirming] = useState(false);
  const finalists = d.groups.reduce((n, g) => n + g.finalists.length, 0);
  const awarded = d.groups.reduce((n, g) => n + g.finalists.filter((f) => f.decision?.awardKey).length, 0);
  const run = useMutation({
    mutationFn: () =>
      api<{ awarded: number; finalists: number; mails: number }>(
        'POST',
        `/competitions/${d.competition.id}/final-session/publish`,
        { decreeNumber: decree },
      ),
    onSuccess: (r) => {
      setConfirming(false);
      onDone(t('results.publish.done', r));
    },
    onError: (e) => {
      if (Object.keys(apiErrorMessages(e, lang).fields).length) setConfirming(false);
    },
  });
  const err = run.error ? apiErrorMessages(run.error, lang) : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="results-publish">
      <Title order={2} size="h3" id="results-publish" mb="sm">
        {t('results.publish.title')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          run.reset();
          setConfirming(true);
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('results.publish.decree')}
            description={t('results.publish.decreeHint')}
            required
            maxLength={100}
            value={decree}
            onChange={(e) => {
              setDecree(e.currentTarget.value);
              if (run.error) run.reset();
            }}
            error={err?.fields.decreeNumber}
          />
          {err && !confirming && !Object.keys(err.fields).length && (
            <AdminNotice tone="danger" role="alert">
              {err.general}
            </AdminNotice>
          )}
          <Group>
            <Button
              type="submit"
              color="red.9"
              leftSection={<IconSpeakerphone size={16} aria-hidden />}
              disabled={!d.abilities.publish}
            >
              {t('results.publish.button')}
            </Button>
          </Group>
        </Stack>
      </form>
      {confirming && (
        <AdminConfirmDialog
          title={t('results.publish.confirmTitle', { count: finalists })}
          confirmLabel={t('results.publish.confirm')}
          danger
          pending={run.isPending}
          error={err ? err.general : null}
          onConfirm={() => run.mutate()}
          onClose={() => setConfirming(false)}
        >
          <Text size="sm">{t('results.publish.confirmPublic', { decree })}</Text>
          <Text size="sm">{t('results.publish.confirmRegistry', { awarded })}</Text>
          <Text size="sm">{t('results.publish.confirmNotice')}</Text>
          <Text size="sm" fw={700}>
            {t('results.publish.irreversible')}
          </Text>
        </AdminConfirmDialog>
      )}
    </Paper>
  );
}
