import { useState } from 'react';
import { Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DISMISS_REASONS, type DismissReason, type Objection } from '../../../../contracts/objections.js';
import { api } from '../../../api/client.js';
import { AdminConfirmDialog, AdminFormDialog } from '../../../components/AdminFormDialog.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';

/** Forwarding asks first: the panel is told, and it cannot be undone. */
export function ForwardDialog({
  objection,
  onClose,
  onDone,
}: {
  objection: Objection;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [note, setNote] = useState('');
  const forward = useMutation({
    mutationFn: () =>
      api<Objection>('POST', `/objections/${objection.id}/forward`, {
        note: note.trim() || undefined,
        version: objection.version,
      }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('objections.work.done') });
      onDone();
      onClose();
    },
  });
  return (
    <AdminConfirmDialog
      title={t('objections.work.forwardTitle', { number: objection.number })}
      confirmLabel={t('objections.work.forward')}
      pending={forward.isPending}
      error={forward.error ? apiErrorMessages(forward.error, lang).general : null}
      onConfirm={() => forward.mutate()}
      onClose={onClose}
    >
      <Text size="sm">{t('objections.work.forwardText')}</Text>
      <Textarea
        label={t('objections.work.forwardNote')}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </AdminConfirmDialog>
  );
}

/** Dismissing as inadmissible: a reason code, the note mailed to the filer, the original of a duplicate. */
export function DismissDialog({
  objection,
  others,
  onClose,
  onDone,
}: {
  objection: Objection;
  /** The competition's other objections, for "duplicate of". */
  others: Objection[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<DismissReason>('no_grounds');
  const [note, setNote] = useState('');
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const dismiss = useMutation({
    mutationFn: () =>
      api<Objection>('POST', `/objections/${objection.id}/dismiss`, {
        reason,
        note,
        duplicateOf: reason === 'duplicate' && duplicateOf ? Number(duplicateOf) : null,
        version: objection.version,
      }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('objections.work.done') });
      onDone();
      onClose();
    },
  });
  return (
    <AdminFormDialog
      title={t('objections.work.dismissTitle', { number: objection.number })}
      onClose={onClose}
      mutation={dismiss}
      submitLabel={t('objections.work.dismiss')}
      intro={<Text size="sm">{t('objections.work.dismissText')}</Text>}
    >
      {(err) => (
        <Stack gap="sm">
          <Select
            label={t('objections.work.reason')}
            allowDeselect={false}
            data={DISMISS_REASONS.map((r) => ({ value: r, label: t(`objections.dismissReason.${r}`) }))}
            value={reason}
            onChange={(v) => v && setReason(v as DismissReason)}
            error={err?.fields.reason}
          />
          {reason === 'duplicate' && (
            <Select
              label={t('objections.work.duplicateOfLabel')}
              searchable
              withAsterisk
              data={others
                .filter((o) => o.id !== objection.id)
                .map((o) => ({ value: String(o.id), label: `${o.number} · ${o.finalist.code} · ${o.name}` }))}
              value={duplicateOf}
              onChange={setDuplicateOf}
              error={err?.fields.duplicateOf}
            />
          )}
          <Textarea
            label={t('objections.work.note')}
            withAsterisk
            autosize
            minRows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={err?.fields.note}
          />
        </Stack>
      )}
    </AdminFormDialog>
  );
}

/**
 * The panel's decision, recorded by one panelist on behalf of the panel. Upheld removes the finalist; the
 * dialog says so before the final save.
 */
export function DecideDialog({
  objection,
  onClose,
  onDone,
}: {
  objection: Objection;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'upheld' | 'rejected' | null>(null);
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: () =>
      api<Objection>('POST', `/objections/${objection.id}/decide`, {
        outcome,
        reason,
        version: objection.version,
      }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('objections.work.done') });
      onDone();
      onClose();
    },
  });
  return (
    <AdminFormDialog
      title={t('objections.work.decideTitle', { number: objection.number })}
      onClose={onClose}
      mutation={decide}
      submitLabel={t('objections.work.confirmDecision')}
    >
      {(err) => (
        <Stack gap="sm">
          <Radio.Group
            label={t('objections.work.outcome')}
            withAsterisk
            value={outcome ?? ''}
            onChange={(v) => setOutcome(v as 'upheld' | 'rejected')}
            error={err?.fields.outcome}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="upheld" label={t('objections.work.upheld')} />
              <Radio value="rejected" label={t('objections.work.rejected')} />
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('objections.work.decisionReason')}
            withAsterisk
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={err?.fields.reason}
          />
          {outcome && (
            <Text size="sm" fw={600} c={outcome === 'upheld' ? 'red.9' : 'dark.7'} role="status">
              {outcome === 'upheld'
                ? t('objections.work.upheldWarning', {
                    code: objection.finalist.code,
                    title: objection.finalist.title,
                  })
                : t('objections.work.rejectedWarning')}
            </Text>
          )}
        </Stack>
      )}
    </AdminFormDialog>
  );
}
