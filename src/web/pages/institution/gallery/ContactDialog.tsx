import { useState } from 'react';
import { Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OwnerInnovation } from '../../../../contracts/gallery-owner.js';
import { api } from '../../../api/client.js';
import { AdminFormDialog } from '../../../components/AdminFormDialog.js';

const FIELDS = ['name', 'position', 'email', 'phone'] as const;

/** The contact for replication of one innovation: the API's field messages beside each field. */
export function ContactDialog({
  item,
  queryKey,
  onClose,
}: {
  item: OwnerInnovation;
  queryKey: readonly unknown[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState(
    () =>
      Object.fromEntries(FIELDS.map((f) => [f, item.contact[f] ?? ''])) as Record<
        (typeof FIELDS)[number],
        string
      >,
  );
  const save = useMutation({
    mutationFn: () => api('PUT', `/gallery-owner/proposals/${item.proposalId}/contact`, v),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey });
      notifications.show({ color: 'green', message: t('galleryOwner.contact.saved') });
      onClose();
    },
  });
  return (
    <AdminFormDialog
      title={t('galleryOwner.contact.title')}
      onClose={onClose}
      mutation={save}
      submitLabel={t('galleryOwner.contact.save')}
      intro={<Text size="sm">{t('galleryOwner.contact.hint')}</Text>}
    >
      {(err) =>
        FIELDS.map((f) => (
          <TextInput
            key={f}
            label={t(`galleryOwner.contact.${f}`)}
            type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
            autoComplete={
              f === 'email' ? 'email' : f === 'phone' ? 'tel' : f === 'name' ? 'name' : 'organization-title'
            }
            value={v[f]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setV((old) => ({ ...old, [f]: value }));
            }}
            error={err?.fields[f]}
            aria-invalid={err?.fields[f] ? true : undefined}
          />
        ))
      }
    </AdminFormDialog>
  );
}
