import { useState } from 'react';
import { Button, Group, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CertificatePageResponse } from '../../../../contracts/certificates.js';
import { api } from '../../../api/client.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';

/** What the certificates say that is the organizer's: the number's prefix, the signer's name and position. */
export function CertificateSettingsCard({ d, onSaved }: { d: CertificatePageResponse; onSaved: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [v, setV] = useState({
    numberPrefix: d.settings.numberPrefix,
    signerName: d.settings.signerName,
    signerPosition: d.settings.signerPosition,
  });
  const save = useMutation({
    mutationFn: () => api('PUT', `/competitions/${d.competition.id}/certificates/settings`, v),
    // The page shows the confirmation: this card is made again with the saved settings.
    onSuccess: () => onSaved(),
  });
  const err = save.error ? apiErrorMessages(save.error, lang) : null;
  const field = (key: keyof typeof v, label: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      required
      value={v[key]}
      maxLength={key === 'numberPrefix' ? 60 : 200}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setV((x) => ({ ...x, [key]: value }));
        if (save.error) save.reset();
      }}
      error={err?.fields[key]}
      disabled={!d.abilities.editSettings}
    />
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="certificate-settings">
      <Title order={2} size="h3" id="certificate-settings" mb="sm">
        {t('certificates.settings.title')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          {field(
            'numberPrefix',
            t('certificates.settings.numberPrefix'),
            t('certificates.settings.numberPrefixHint', { next: d.settings.nextNumber }),
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {field(
              'signerName',
              t('certificates.settings.signerName'),
              t('certificates.settings.signerHint'),
            )}
            {field('signerPosition', t('certificates.settings.signerPosition'))}
          </SimpleGrid>
          {err && !Object.keys(err.fields).length && (
            <AdminNotice tone="danger" role="alert">
              {err.general}
            </AdminNotice>
          )}
          {d.abilities.editSettings && (
            <Group>
              <Button type="submit" variant="default" loading={save.isPending}>
                {t('certificates.settings.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
