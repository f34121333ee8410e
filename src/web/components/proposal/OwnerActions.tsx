import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconArrowBackUp, IconTrash } from '@tabler/icons-react';
import { api } from '../../api/client.js';
import type { ProposalDetail } from '../../../contracts/proposals.js';
import { formatInstant } from '../../../domain/time.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../forms.js';
import { ConfirmModal } from './ReviewCard.js';

/**
 * The proposer's own moves on its proposal (issue 11), each behind a confirmation that says what follows:
 * take a sent proposal back before the admin lokal acted, and delete a draft never sent. Shown only when
 * the API's `abilities` allow them.
 */
export function OwnerActions({
  detail,
  onChanged,
}: {
  detail: ProposalDetail;
  onChanged: (d: ProposalDetail) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState<'takeBack' | 'delete' | null>(null);
  const closes = detail.submissionClosesAt
    ? formatInstant(detail.submissionClosesAt, detail.timeZone, lang)
    : '-';
  const takeBack = useMutation({
    mutationFn: () => api<ProposalDetail>('POST', `/proposals/${detail.id}/take-back`),
    onSuccess: (d) => {
      notifications.show({ color: 'green', message: t('proposals.owner.takenBack') });
      setConfirm(null);
      onChanged(d);
    },
  });
  const remove = useMutation({
    mutationFn: () => api<{ code: string }>('DELETE', `/proposals/${detail.id}`),
    onSuccess: ({ code }) => {
      notifications.show({ color: 'green', message: t('proposals.owner.deleted', { code }) });
      setConfirm(null);
      qc.removeQueries({ queryKey: ['proposal', detail.id] });
      // Dropped, not only marked stale: a cached list would show the deleted draft until its refetch ends.
      qc.removeQueries({ queryKey: ['proposals'] });
      void navigate('/usulan');
    },
  });
  if (!detail.abilities.takeBack && !detail.abilities.delete) return null;
  const failed = takeBack.error ?? remove.error;
  return (
    <>
      <Group gap="sm">
        {detail.abilities.takeBack && (
          <Button
            variant="default"
            leftSection={<IconArrowBackUp size={16} aria-hidden />}
            onClick={() => setConfirm('takeBack')}
          >
            {t('proposals.owner.takeBack')}
          </Button>
        )}
        {detail.abilities.delete && (
          <Button
            variant="outline"
            color="red.9"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => setConfirm('delete')}
          >
            {t('proposals.owner.delete')}
          </Button>
        )}
      </Group>
      {failed && !confirm && (
        <Alert role="alert" color="red">
          {apiErrorMessages(failed, lang).general}
        </Alert>
      )}
      {confirm === 'takeBack' && (
        <ConfirmModal
          title={t('proposals.owner.takeBackTitle')}
          onClose={() => setConfirm(null)}
          onConfirm={() => takeBack.mutate()}
          loading={takeBack.isPending}
          confirmLabel={t('proposals.owner.takeBackConfirm')}
        >
          <Text size="sm" mb="md">
            {t('proposals.owner.takeBackBody', { institution: detail.institution.name, closes })}
          </Text>
          {takeBack.error && (
            <Alert role="alert" color="red" mb="md">
              {apiErrorMessages(takeBack.error, lang).general}
            </Alert>
          )}
        </ConfirmModal>
      )}
      {confirm === 'delete' && (
        <ConfirmModal
          title={t('proposals.owner.deleteTitle', { code: detail.code })}
          onClose={() => setConfirm(null)}
          onConfirm={() => remove.mutate()}
          loading={remove.isPending}
          confirmLabel={t('proposals.owner.deleteConfirm')}
        >
          <Text size="sm" mb="md">
            {t('proposals.owner.deleteBody', {
              code: detail.code,
              title: detail.title || detail.code,
              files: detail.attachments.length,
            })}
          </Text>
          {remove.error && (
            <Alert role="alert" color="red" mb="md">
              {apiErrorMessages(remove.error, lang).general}
            </Alert>
          )}
        </ConfirmModal>
      )}
    </>
  );
}
