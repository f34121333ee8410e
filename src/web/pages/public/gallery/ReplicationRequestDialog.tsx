import { useState } from 'react';
import { Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ContactFields } from '../../../components/replication/ContactFields.js';
import {
  MESSAGE_MAX,
  type ReplicationAbilities,
  type ReplicationRequestView,
} from '../../../../contracts/replication.js';
import { api } from '../../../api/client.js';
import { AdminFormDialog } from '../../../components/AdminFormDialog.js';

/** The request form: the requester's contact (filled from the account) and its message. */
export function ReplicationRequestDialog({
  slug,
  owner,
  abilities,
  onClose,
  onDone,
}: {
  slug: string;
  owner: string;
  abilities: ReplicationAbilities;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    contactName: abilities.contact?.name ?? '',
    contactEmail: abilities.contact?.email ?? '',
    contactPhone: abilities.contact?.phone ?? '',
    message: '',
  });
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [k]: value }));
  };
  const send = useMutation({
    mutationFn: () =>
      api<ReplicationRequestView>('POST', `/gallery/${encodeURIComponent(slug)}/replication-requests`, form),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('replication.dialog.sent') });
      onDone();
      onClose();
    },
  });
  return (
    <AdminFormDialog
      title={t('replication.dialog.title')}
      onClose={onClose}
      mutation={send}
      submitLabel={t('replication.dialog.submit')}
      intro={
        <Text size="sm">
          {t('replication.dialog.intro', { owner, institution: abilities.requestingInstitution?.name ?? '' })}
        </Text>
      }
    >
      {(err) => (
        <Stack gap="sm">
          <ContactFields values={form} onChange={set} errors={err?.fields} />
          <Textarea
            label={t('replication.dialog.message')}
            description={t('replication.dialog.messageHint')}
            withAsterisk
            autosize
            minRows={4}
            maxLength={MESSAGE_MAX}
            value={form.message}
            onChange={set('message')}
            error={err?.fields.message}
          />
        </Stack>
      )}
    </AdminFormDialog>
  );
}
