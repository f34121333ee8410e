import { useState } from 'react';
import { Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ContactFields } from '../../components/replication/ContactFields.js';
import { MESSAGE_MAX, type ReplicationRequestView } from '../../../contracts/replication.js';
import { api } from '../../api/client.js';
import { useMe } from '../../api/session.js';
import { AdminConfirmDialog, AdminFormDialog } from '../../components/AdminFormDialog.js';
import { apiErrorMessages } from '../../components/forms.js';
import { useLang } from '../../i18n/index.js';

interface DialogProps {
  request: ReplicationRequestView;
  onClose: () => void;
  onDone: () => void;
}

const useAnswer = (
  request: ReplicationRequestView,
  path: string,
  body: () => unknown,
  props: DialogProps,
) => {
  const { t } = useTranslation();
  return useMutation({
    mutationFn: () =>
      api<ReplicationRequestView>('POST', `/replication-requests/${request.id}/${path}`, body()),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('replication.page.done') });
      props.onDone();
      props.onClose();
    },
  });
};

/** Accepting is the confirmation: it says the contact below goes to the requester, and that it is final. */
export function AcceptDialog(props: DialogProps) {
  const { t } = useTranslation();
  const me = useMe().data;
  // The innovation's saved contact for replication, else the admin lokal's own.
  const saved = props.request.savedContact;
  const [form, setForm] = useState({
    contactName: saved?.name ?? me?.name ?? '',
    contactEmail: saved?.email ?? me?.email ?? '',
    contactPhone: saved?.phone ?? me?.phone ?? '',
    message: '',
  });
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [k]: value }));
  };
  const accept = useAnswer(props.request, 'accept', () => form, props);
  return (
    <AdminFormDialog
      title={t('replication.page.acceptTitle')}
      onClose={props.onClose}
      mutation={accept}
      submitLabel={t('replication.page.acceptSubmit')}
      intro={
        <Text size="sm">
          {t('replication.page.acceptIntro', { requester: props.request.requestingInstitution.name })}
        </Text>
      }
    >
      {(err) => (
        <Stack gap="sm">
          <ContactFields values={form} onChange={set} errors={err?.fields} />
          <Textarea
            label={t('replication.page.note')}
            autosize
            minRows={2}
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

/** Declining needs its reason (the API says so on the field); it is final. */
export function DeclineDialog(props: DialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const decline = useAnswer(props.request, 'decline', () => ({ reason }), props);
  return (
    <AdminFormDialog
      title={t('replication.page.declineTitle')}
      onClose={props.onClose}
      mutation={decline}
      submitLabel={t('replication.page.declineSubmit')}
      intro={
        <Text size="sm">
          {t('replication.page.declineIntro', { requester: props.request.requestingInstitution.name })}
        </Text>
      }
    >
      {(err) => (
        <Textarea
          label={t('replication.page.reason')}
          withAsterisk
          autosize
          minRows={3}
          maxLength={MESSAGE_MAX}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={err?.fields.reason}
        />
      )}
    </AdminFormDialog>
  );
}

/** Withdrawing asks first: the owner is told, and it is final. */
export function WithdrawDialog(props: DialogProps) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const withdraw = useAnswer(props.request, 'withdraw', () => ({}), props);
  return (
    <AdminConfirmDialog
      title={t('replication.page.withdrawTitle')}
      confirmLabel={t('replication.page.withdrawConfirm')}
      danger
      pending={withdraw.isPending}
      error={withdraw.error ? apiErrorMessages(withdraw.error, lang).general : null}
      onConfirm={() => withdraw.mutate()}
      onClose={props.onClose}
    >
      <Text size="sm">
        {t('replication.page.withdrawText', { owner: props.request.ownerInstitution.name })}
      </Text>
    </AdminConfirmDialog>
  );
}
