import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { letterNumber } from '../../../../domain/presentation-settings.js';
import { api } from '../../../api/client.js';
import { AdminDataTable } from '../../../components/AdminDataTable.js';
import { DownloadButton } from '../../../components/DownloadButton.js';
import { AdminConfirmDialog } from '../../../components/AdminFormDialog.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { formatAt } from '../../../components/AdminTime.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';
import type { PresentationView } from './types.js';

/**
 * Publishing: what stops it (a finalist without a slot, no upload deadline), the confirmation that names
 * the consequences (numbered letters from the first number of the pattern, mails and notices to each admin
 * lokal and UPP, no undo, later moves re-issue only the moved finalist's letter), then the letters in force.
 */
export function PublishCard({
  d,
  onPublished,
}: {
  d: PresentationView;
  onPublished: (text: string) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const zone = d.competition.timeZone;
  const [confirming, setConfirming] = useState(false);
  const publish = useMutation({
    mutationFn: () =>
      api<{ letters: number; mails: number }>(
        'POST',
        `/competitions/${d.competition.id}/presentation/publish`,
        {
          version: d.schedule.version,
        },
      ),
    onSuccess: (r) => {
      setConfirming(false);
      onPublished(t('presentation.publish.done', r));
    },
  });
  const s = d.settings;
  const first = letterNumber(s.letterPattern, s.letterStart, d.competition.year);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="presentation-publish">
      <Title order={2} size="h3" id="presentation-publish" mb="sm">
        {d.schedule.publishedAt ? t('presentation.publish.letters') : t('presentation.publish.title')}
      </Title>
      {!d.schedule.publishedAt && (
        <Stack gap="sm">
          {d.unplaced.length > 0 && <Text size="sm">{t('presentation.publish.notReady')}</Text>}
          {!s.uploadDeadline && (
            <AdminNotice tone="warning">{t('presentation.publish.needDeadline')}</AdminNotice>
          )}
          {publish.error && !confirming && (
            <AdminNotice tone="danger" role="alert">
              {apiErrorMessages(publish.error, lang).general}
            </AdminNotice>
          )}
          <Group>
            <Button
              disabled={!d.abilities.publish}
              onClick={() => {
                publish.reset();
                setConfirming(true);
              }}
            >
              {t('presentation.publish.button')}
            </Button>
          </Group>
        </Stack>
      )}
      {d.letters.length > 0 && (
        <AdminDataTable
          rows={d.letters}
          rowKey={(l) => l.proposalId}
          minWidth={720}
          columns={[
            {
              header: t('presentation.publish.number'),
              primary: true,
              cell: (l) => (
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {l.number}
                </Text>
              ),
            },
            { header: t('presentation.slots.finalist'), cell: (l) => <Text size="sm">{l.code}</Text> },
            { header: t('presentation.publish.revision'), cell: (l) => <Text size="sm">{l.revision}</Text> },
            {
              header: t('presentation.publish.slotTime'),
              cell: (l) => <Text size="sm">{formatAt(l.startsAt, zone, lang)}</Text>,
            },
            {
              header: t('presentation.publish.issuedAt'),
              cell: (l) => <Text size="sm">{formatAt(l.issuedAt, zone, lang)}</Text>,
            },
            {
              header: t('presentation.publish.pdf'),
              cell: (l) => (
                <DownloadButton
                  href={`/api/presentation/proposals/${l.proposalId}/letter.pdf`}
                  fallbackName={`undangan-presentasi-${l.code}.pdf`}
                  size="xs"
                  variant="default"
                >
                  {t('presentation.publish.pdfButton')}
                  <VisuallyHidden> {t('presentation.publish.pdfOf', { number: l.number })}</VisuallyHidden>
                </DownloadButton>
              ),
            },
          ]}
        />
      )}
      {confirming && (
        <AdminConfirmDialog
          title={t('presentation.publish.confirmTitle', { count: d.finalists })}
          confirmLabel={t('presentation.publish.confirm')}
          pending={publish.isPending}
          error={publish.error ? apiErrorMessages(publish.error, lang).general : null}
          onConfirm={() => publish.mutate()}
          onClose={() => setConfirming(false)}
        >
          <Text size="sm">
            {t('presentation.publish.confirmLetters', { first, pattern: s.letterPattern })}
          </Text>
          <Text size="sm">{t('presentation.publish.confirmMails')}</Text>
          <Text size="sm" fw={700}>
            {t('presentation.publish.confirmAfter')}
          </Text>
        </AdminConfirmDialog>
      )}
    </Paper>
  );
}
