import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';

export interface AmendmentBody {
  number: string;
  reasonId: string;
  reasonEn: string | null;
}

/**
 * A published competition's structural change, refused by the API with 409 `amendment_required` and the list
 * of what changed: the organizer gives the amendment's number and reason, and the same save is sent again
 * with them (recorded, shown on the public page and announced by the API).
 */
export function AmendmentModal({
  changes,
  saving,
  error,
  onCancel,
  onConfirm,
}: {
  changes: string[];
  saving: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (amendment: AmendmentBody) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [number, setNumber] = useState('');
  const [reasonId, setReasonId] = useState('');
  const [reasonEn, setReasonEn] = useState('');
  const err = error ? apiErrorMessages(error, lang) : null;
  const own = err && err.code !== 'amendment_required' ? err : null;
  return (
    <Modal
      opened
      onClose={onCancel}
      size="lg"
      title={t('guard.amendment.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm({ number, reasonId, reasonEn: reasonEn.trim() || null });
        }}
      >
        <Stack gap="sm" data-testid="amendment-dialog">
          <Text size="sm">{t('guard.amendment.intro')}</Text>
          <List size="sm" spacing={4}>
            {changes.map((c) => (
              <List.Item key={c}>{c}</List.Item>
            ))}
          </List>
          {own && !Object.keys(own.fields).length && (
            <Alert color="red" role="alert">
              {own.general}
            </Alert>
          )}
          <TextInput
            label={t('guard.amendment.number')}
            description={t('guard.amendment.numberHint')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            required
            maxLength={128}
            error={own?.fields['amendment.number']}
            data-autofocus
          />
          <Textarea
            label={t('guard.amendment.reasonId')}
            value={reasonId}
            onChange={(e) => setReasonId(e.currentTarget.value)}
            required
            autosize
            minRows={2}
            maxLength={2000}
            error={own?.fields['amendment.reasonId']}
          />
          <Textarea
            label={t('guard.amendment.reasonEn')}
            value={reasonEn}
            onChange={(e) => setReasonEn(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            error={own?.fields['amendment.reasonEn']}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('guard.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('guard.amendment.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
