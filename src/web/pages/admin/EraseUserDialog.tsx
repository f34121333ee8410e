import { useState } from 'react';
import { List, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { AdminFormDialog } from '../../components/AdminFormDialog.js';
import { AdminNotice } from '../../components/AdminPage.js';
import type { AdminUserDetail } from '../../../contracts/user-admin.js';

/**
 * "Hapus data pribadi" (UU PDP 27/2022): says what is erased and what the competition record keeps, asks for
 * the request's reference and the person's address typed again, then erases; the answer (the tombstone)
 * replaces the page's data.
 */
export function EraseUserDialog({ data, onClose }: { data: AdminUserDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { id, name, email } = data.user;
  const [reference, setReference] = useState('');
  const [confirmEmail, setConfirmEmail] = useState('');
  const erase = useMutation({
    mutationFn: () => api<AdminUserDetail>('POST', `/admin/users/${id}/erase`, { reference, confirmEmail }),
    onSuccess: (res) => {
      qc.setQueryData(['admin-user', id], res);
      void qc.invalidateQueries({ queryKey: ['admin-users'] });
      notifications.show({ color: 'green', message: t('erasure.done') });
      onClose();
    },
  });
  const list = (key: string) => (
    <List size="sm" spacing={4}>
      {(t(key, { returnObjects: true, id }) as string[]).map((line) => (
        <List.Item key={line}>{line}</List.Item>
      ))}
    </List>
  );
  return (
    <AdminFormDialog
      title={t('erasure.title', { name })}
      onClose={onClose}
      mutation={erase}
      size="lg"
      danger
      submitLabel={t('erasure.submit')}
      intro={
        <>
          <AdminNotice tone="danger">{t('erasure.intro')}</AdminNotice>
          <Title order={3} size="h5">
            {t('erasure.erasedTitle')}
          </Title>
          {list('erasure.erased')}
          <Title order={3} size="h5">
            {t('erasure.keptTitle')}
          </Title>
          {list('erasure.kept')}
          <Text size="sm">{t('erasure.notice')}</Text>
        </>
      }
    >
      {(err) => (
        <>
          <TextInput
            label={t('erasure.reference')}
            description={t('erasure.referenceHint')}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            required
            maxLength={200}
            error={err?.fields.reference}
            data-autofocus
          />
          <TextInput
            label={t('erasure.confirmEmail', { email })}
            value={confirmEmail}
            onChange={(e) => setConfirmEmail(e.currentTarget.value)}
            required
            autoComplete="off"
            maxLength={254}
            error={err?.fields.confirmEmail}
          />
        </>
      )}
    </AdminFormDialog>
  );
}
